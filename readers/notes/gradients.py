r"""The gradient of a function the notes define, in the variables its body is written in.

* One scalar parameter: ``f(x) = \frac{1}{2} x^2`` gives $\nabla f(x) = f'(x) = x$ (:func:`as_derivative`).
* One vector parameter written by its entries: ``f(\mathbf{x}) = x_1^2 + 2 x_2^2`` gives
  $\nabla f(\mathbf{x}) = (\partial f / \partial x_1, \partial f / \partial x_2)^\top = [2 x_1, 4 x_2]^\top$, the
  entries being ``x_1, \dots, x_n`` with consecutive indices (from 0 or 1) of the parameter's letter
  (:func:`entries`).  A body with the vector itself, or with entries that skip an index, has no such reading.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.parameters_rebound import letter

_TYPEFACE = re.compile(r"\\(?:mathbf|boldsymbol|vec|bm)\{")
_MATRIX_WORDS = frozenset({"transpose", "tuple", "tr", "det", "norm", "hadamard"})


def entries(parameter, body) -> list | None:
    r"""``[x_1, ..., x_n]``: the entries of the vector ``parameter`` (``\mathbf{x}``) that ``body`` is written in,
    in order of their indices, when those are consecutive from 0 or 1 and the body has no ``parameter`` itself;
    None otherwise."""
    if not isinstance(parameter, sp.Symbol) or parameter in body.free_symbols:
        return None
    base = letter(parameter.name)
    found = {}
    for s in body.free_symbols:
        m = re.fullmatch(re.escape(base) + r"_\{?(\d+)\}?", s.name)
        if m:
            found[int(m.group(1))] = s
    if not found or body.atoms(sp.Indexed):
        return None
    first = min(found)
    if first not in (0, 1) or sorted(found) != list(range(first, first + len(found))):
        return None
    return [found[k] for k in sorted(found)]


def as_derivative(application, functions: dict):
    r"""``f'(a)`` for ``\nabla f(a)`` (``f''(a)`` for the Hessian ``\nabla^2 f(a)``) when the notes define ``f``
    (``functions``: name -> cases) with one plain scalar parameter and a body free of vectors and matrices, or leave
    ``f`` unknown and ``a`` is one plain scalar name while they define other functions; None otherwise."""
    if len(application.args) != 1 or not isinstance(application.args[0], AppliedUndef):
        return None
    inner = application.args[0]
    cases = functions.get(inner.func.__name__)
    if len(inner.args) != 1:
        return None
    if not cases:  # \nabla L(w) of an unknown L beside \nabla J(w) with J(w) = L(w) + ...: dL/dw, as J' has it
        x = inner.args[0]
        if functions and isinstance(x, sp.Symbol) and x.is_commutative and not _TYPEFACE.match(x.name) \
                and _unknown_of_scalars(inner):
            return sp.Derivative(inner, (x, 2 if application.func.__name__ == "nabla^2" else 1))
        return None
    for params, body in cases:
        if len(params) != 1 or not isinstance(params[0], sp.Symbol):
            continue
        p = params[0]
        if _TYPEFACE.match(p.name) or not p.is_commutative or entries(sp.Symbol(rf"\mathbf{{{p.name}}}"), body) \
                or any(f.func.__name__ in _MATRIX_WORDS for f in body.atoms(AppliedUndef)) \
                or not body.is_commutative:
            return None
        primes = "''" if application.func.__name__ == "nabla^2" else "'"
        return sp.Function(inner.func.__name__ + primes)(inner.args[0])
    return None


def in_own_argument(expr):
    r"""``expr`` with each ``\nabla f(\mathbf{w})`` of a function of one named argument written as the gradient in
    that argument, ``\nabla_{\mathbf{w}} f(\mathbf{w})``: what the unsubscripted gradient of such a function means."""
    def subscripted(e):
        return sp.Function(f"nabla_{e.args[0].args[0].name}")(e.args[0])

    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ == "nabla" and len(e.args) == 1
                        and isinstance(e.args[0], AppliedUndef) and len(e.args[0].args) == 1
                        and isinstance(e.args[0].args[0], sp.Symbol), subscripted)


_MATRIX_LETTER = re.compile(r"[A-Z](?![A-Za-z])")
"""``A``, ``X_1``: a capital letter alone names a matrix in the notes, never a scalar."""


def _scalar_body(body, variable) -> bool:
    """Whether ``body`` is written in plain scalars only: commutative names, none a matrix letter or in a vector's
    typeface, no element, no transpose (``theta**T``), and no function but unknown ones of those scalars (``L(w)``
    in ``L(w) + \\frac{\\lambda}{2} w^2``, whose gradient in ``w`` is ``L'(w) + \\lambda w``)."""
    names = [s for s in body.free_symbols if isinstance(s, sp.Symbol)]
    return body.is_commutative and variable in names and not body.atoms(sp.Indexed) \
        and all(_unknown_of_scalars(f) for f in body.atoms(AppliedUndef)) \
        and not any(_MATRIX_LETTER.match(s.name) or _TYPEFACE.match(s.name) or s.name in ("T", "top") for s in names)


def _unknown_of_scalars(application) -> bool:
    """An unknown function of plain scalars (``L(w)``), not a gradient, a matrix operation or one of vectors."""
    name = application.func.__name__
    return not name.startswith("nabla") and name not in _MATRIX_WORDS and all(
        a.is_commutative and not a.atoms(AppliedUndef, sp.Indexed) for a in application.args)


_NABLA = re.compile(r"nabla(?:\^(?P<order>[2-9]))?_(?P<variable>.+)")
"""``nabla_w``, ``nabla^2_w``: the gradient and the Hessian in ``w``."""


def scalar_gradients(expr):
    r"""``expr`` with each ``\nabla_w F`` of a body ``F`` written in plain scalars, ``w`` one of them, as the
    derivative $\partial F / \partial w$: the gradient in one scalar is that derivative
    ($\nabla_w \tfrac12 (w - 3)^2 = w - 3$); the Hessian ``\nabla^2_w F`` in one scalar is the second derivative."""
    def variable(e):
        m = _NABLA.fullmatch(e.func.__name__)
        found = [s for s in e.args[0].free_symbols if isinstance(s, sp.Symbol) and m and s.name == m["variable"]]
        return found[0] if len(found) == 1 else None

    def scalar(e):
        return isinstance(e, AppliedUndef) and _NABLA.fullmatch(e.func.__name__) is not None and len(e.args) == 1 \
            and variable(e) is not None and _scalar_body(e.args[0], variable(e))

    def derivative(e):
        return sp.Derivative(e.args[0], (variable(e), int(_NABLA.fullmatch(e.func.__name__)["order"] or 1)))

    return expr.replace(scalar, derivative) if expr.atoms(AppliedUndef) else expr
