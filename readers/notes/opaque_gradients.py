r"""Derivatives of functions the notes never define, as opaque values in a vector claim.

In $\|w_t - \eta\,\partial_w l(x_t, w) - w^*\|^2 = \|w_t - w^*\|^2 + \eta^2\|\partial_w l(x_t, w)\|^2
- 2\eta\langle w_t - w^*, \partial_w l(x_t, w)\rangle$ the loss $l$ is not given: the gradient
$\partial_w l(x_t, w)$ is an arbitrary value of $w$'s kind (the gradient of some function at one point can be
any vector). Each distinct derivative of an undefined function is read as one such value,

    d/dw l(x_t, w)  ->  g  (a scalar or a vector, as w is),

so the claim is matrix algebra in the remaining names.  A derivative of a bare name the notes do not give as a
function of the variable (``\partial s/\partial \mathbf{W}``, s undefined here) is read the same way, never as 0. Holding for every value is holding for every function;
failing for some value says nothing of the notes' own function, so a failure is never a refutation here
(:func:`refutes_nothing`).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.matrix_shapes import KNOWN_FUNCTIONS
from readers.notes.report import StepReport


def _known(app) -> bool:
    r"""Whether the matrix reading knows the function (``\operatorname{tr}``, ``\det``, a norm): not opaque."""
    name = app.func.__name__
    return name in KNOWN_FUNCTIONS or name.startswith("nabla_")


def opaque_gradients(lhs, rhs):
    r"""``(lhs, rhs, opaque)`` with each first derivative of a function application left unsubstituted (the notes
    do not give it as matrix algebra) replaced by a name of the differentiation variable's kind
    (``w_{\partial l 1}`` for $\partial_w l(x, w)$); ``opaque`` the names put in, empty when there is nothing to
    replace or the function also appears outside a derivative. Holding for every value of the names is holding
    for every function, the notes' own among them."""
    derivatives = {d for e in (lhs, rhs) for d in e.atoms(sp.Derivative)
                   if isinstance(d.expr, AppliedUndef) and not _known(d.expr)
                   and len(d.variable_count) == 1 and d.variable_count[0][1] == 1}
    names = {d for e in (lhs, rhs) for d in e.atoms(sp.Derivative) if _bare_name(d)}
    if not derivatives and not names:
        return lhs, rhs, frozenset()
    if not derivatives:
        return _replaced(lhs, rhs, names)
    functions = {d.expr.func for d in derivatives}
    bare = [f for e in (lhs, rhs) for f in e.xreplace({d: sp.Integer(0) for d in derivatives}).atoms(AppliedUndef)
            if f.func in functions]
    if bare:
        return lhs, rhs, frozenset()  # l(x, w) beside its gradient: the two are tied through l
    mapping = {}
    for d in sorted(derivatives, key=str):
        variable = d.variable_count[0][0]
        if not isinstance(variable, sp.Symbol):
            return lhs, rhs, frozenset()
        mapping[d] = sp.Symbol(f"{variable.name}_{{\\partial {d.expr.func.__name__} {len(mapping) + 1}}}",
                               commutative=variable.is_commutative)
    return lhs.xreplace(mapping), rhs.xreplace(mapping), frozenset(mapping.values())


def _bare_name(d) -> bool:
    r"""Whether ``d`` differentiates a name the notes do not give as a function of the variable (``\partial s /
    \partial \mathbf{W}`` with ``s`` undefined here): not 0, but the gradient of some function, as for ``l(x, w)``."""
    return isinstance(d.expr, sp.Symbol) and len(d.variable_count) == 1 and d.variable_count[0][1] == 1 \
        and isinstance(d.variable_count[0][0], sp.Symbol) and d.variable_count[0][0] != d.expr


def _replaced(lhs, rhs, derivatives):
    """``(lhs, rhs, opaque)`` with each derivative in ``derivatives`` replaced by a name of its variable's kind."""
    mapping = {}
    for d in sorted(derivatives, key=str):
        variable = d.variable_count[0][0]
        mapping[d] = sp.Symbol(f"{variable.name}_{{\\partial {d.expr.name} {len(mapping) + 1}}}",
                               commutative=variable.is_commutative)
    return lhs.xreplace(mapping), rhs.xreplace(mapping), frozenset(mapping.values())


def refutes_nothing(report: StepReport, opaque) -> StepReport:
    """A refutation found with opaque gradients in place: undecided, since the notes' function is not given."""
    if not opaque or report.verdict != "refuted":
        return report
    names = ", ".join(sorted(s.name for s in opaque))
    return StepReport(**{**report.__dict__, "verdict": "undecided",
                         "reason": f"fails for some gradients of a function the notes do not give ({names} read as "
                                   f"arbitrary values): {report.reason}"[:300]})
