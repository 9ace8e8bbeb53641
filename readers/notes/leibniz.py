r"""Leibniz notation for a function the claim applies: $\frac{du}{dx}$ beside $u(x)$ is $u'(x)$.

The LaTeX reader reads ``\frac{du}{dx}`` as the derivative of a plain name ``u``, which depends on nothing;
when the same claim applies ``u`` as a function (``F(u(x))``, ``\int_{u(0)}^{u(x)}``), that name *is* the
function, and the only reading that gives the derivative a meaning is

.. math:: \frac{du}{dx} = \frac{d}{dx}\,u(x), \qquad \frac{\partial u}{\partial a} = \frac{\partial}{\partial a}\,u(a, b)

(the second when ``u`` is applied to one list of arguments only, ``u(a, b)``, and ``a`` is one of them).  A
quotient of two functions of a composition the claim applies, ``f(x) = A(B(C(x)))``, is the outer one's
derivative at the inner one (the chain rule's own notation):

.. math:: \frac{dA}{dB} = A'(B(C(x))), \qquad \frac{dB}{dC} = B'(C(x)).

The
reading is taken only when afterwards the plain name occurs nowhere else in the claim: a name that also
stands alone (``u \cdot x``) keeps both meanings, and the claim stays as it was read.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

LEIBNIZ_NOTE = "du/dx read as the derivative of the function u the claim applies"
"""What a report's method adds when the reading was taken."""
_OPAQUE = frozenset({"Given", "PlusMinus", "tuple", "set"})


def _applications(sides) -> dict:
    """``{name: (function, {argument tuples})}`` of the functions the claim applies."""
    out = {}
    for e in sides:
        for f in e.atoms(AppliedUndef):
            name = f.func.__name__
            if name in _OPAQUE or type(f).__name__ in _OPAQUE:
                continue
            out.setdefault(name, (f.func, set()))[1].add(f.args)
    return out


def leibniz_reading(lhs, rhs):
    r"""``(lhs, rhs)`` with each ``Derivative(u, x)`` of a name the claim applies as a function written
    ``Derivative(u(x), x)``, or None when there is no such derivative (or the plain name is used elsewhere)."""
    applied = _applications((lhs, rhs))
    if not applied:
        return None

    def argument(name, variable):
        func, calls = applied[name]
        if all(len(args) == 1 for args in calls):
            return func(variable)
        if len(calls) == 1:
            (args,) = calls
            if variable in args and all(isinstance(a, sp.Symbol) for a in args):
                return func(*args)
        return None

    def composed(name, variable):
        """``v(...)`` when the claim applies ``name`` only to ``v(...)`` and ``variable`` is the name ``v``."""
        if variable.name not in applied or variable.name == name:
            return None
        arguments = {args for args in applied[name][1]}
        if len(arguments) != 1:
            return None
        (args,) = arguments
        if len(args) != 1 or not (isinstance(args[0], AppliedUndef) and args[0].func.__name__ == variable.name):
            return None
        return args[0]

    changed = {}

    def rewrite(d):
        if not isinstance(d.expr, sp.Symbol) or d.expr.name not in applied:
            return d
        variables = {v for v, _ in d.variable_count}
        if len(variables) != 1 or not all(isinstance(v, sp.Symbol) for v in variables):
            return d
        (variable,) = variables
        inner = composed(d.expr.name, variable)
        if inner is not None and d.derivative_count == 1:
            changed[d.expr] = changed[variable] = True
            t = sp.Dummy("t")
            return sp.Subs(sp.Derivative(applied[d.expr.name][0](t), t), t, inner)
        call = argument(d.expr.name, variable)
        if call is None:
            return d
        changed[d.expr] = True
        return sp.Derivative(call, *d.variable_count)

    new = [e.replace(lambda n: isinstance(n, sp.Derivative), rewrite) for e in (lhs, rhs)]
    if not changed or any(s in e.free_symbols for s in changed for e in new):
        return None
    return new[0], new[1]
