r"""A counterexample where a derivative the claim takes does not exist: no refutation.

:math:`\frac{d}{dz}\max(0, z) = \mathbb{1}[z > 0]` holds wherever the derivative exists; at :math:`z = 0` sympy's
derivative is ``Heaviside(0) = 1/2`` and the indicator 0, a difference of conventions at a kink, not a mistake.  A
refutation whose point puts a derivative's non-smooth part on its kink (the arguments of a ``\max``/``\min`` equal,
the argument of ``|.|``, ``sign``, ``Heaviside`` zero, a ``Piecewise`` condition on its boundary) is withdrawn by the
caller (readers.notes.check); one elsewhere stands.
"""
from __future__ import annotations

import sympy as sp

_NOT_A_NAME = frozenset({"lhs", "rhs", "lhs - rhs"})


def _point(counterexample, sides) -> dict:
    names = {s.name: s for e in sides for s in e.free_symbols if isinstance(s, sp.Symbol)}
    out = {}
    for key, value in (counterexample or {}).items():
        if key in names and key not in _NOT_A_NAME:
            try:  # a number the checker printed ("1/2", "-3", "0.25"): read as a number, never evaluated as code
                found = sp.Rational(value) if isinstance(value, (str, int)) else sp.nsimplify(value)
            except (TypeError, ValueError, AttributeError, SyntaxError):
                return {}  # "[[1, 2], [3, 4]]": a matrix, no scalar point
            if not isinstance(found, sp.Expr) or not found.is_number:
                return {}  # a matrix or vector written as a list: no kink of a scalar derivative is read there
            out[names[key]] = sp.nsimplify(found)
    return out


def _on_kink(expr, point) -> bool:
    def zero(e) -> bool:
        value = e.xreplace(point)
        return not value.free_symbols and value.is_zero is True

    for m in expr.atoms(sp.Max, sp.Min):
        if any(zero(a - b) for k, a in enumerate(m.args) for b in m.args[k + 1:]):
            return True
    if any(zero(a.args[0]) for a in expr.atoms(sp.Abs, sp.sign, sp.Heaviside)):
        return True
    return any(isinstance(c, sp.core.relational.Relational) and zero(c.lhs - c.rhs)
               for p in expr.atoms(sp.Piecewise) for _, c in p.args)


def at_kink(sides, counterexample) -> str | None:
    """The derivative of ``sides`` taken of a non-smooth function at the counterexample's point, shown, else None."""
    sides = [e for e in sides if isinstance(e, sp.Basic)]
    point = _point(counterexample, sides)
    if not point:
        return None
    for side in sides:
        for d in side.atoms(sp.Derivative):
            if _on_kink(d.expr, point):
                return str(d)
    return None
