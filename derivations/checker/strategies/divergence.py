r"""Closed improper integrals that diverge, decided symbolically: $\int_{-\infty}^{\infty} \frac{x}{1+x^2}\,dx
= \frac{1}{2}\int_1^\infty \frac{du}{u}$ is false, since the right side is $+\infty$ while the left has no value
at all (its halves are $+\infty$ and $-\infty$; its principal value is 0).

Only a side that is ``c * Integral + d`` with numbers ``c, d``, one integration variable, numeric limits and a
rational integrand is read (sympy integrates rational functions exactly, so its ``oo`` is a fact); its value is

* a number, or ``+oo`` / ``-oo`` (the integral diverges to it), or
* *none*: over the whole line, the halves diverge to opposite infinities; the principal value
  $\lim_{R\to\infty}\int_{-R}^{R}$ is kept, since a note may mean it.

``=`` is refuted when the sides are different infinities, an infinity and a number, or *none* and an infinity;
*none* against a number is refuted only when the principal value differs from it too (every reading fails).
Two numbers are left to the quadrature rung.
"""
from __future__ import annotations

import sympy as sp

NONE = "none"


def _read(side: sp.Expr):
    """``(c, integral, d)`` for ``c * Integral + d``, else None."""
    integrals = side.atoms(sp.Integral)
    if len(integrals) != 1:
        return None
    (integral,) = integrals
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return None
    x, lo, hi = integral.limits[0]
    if lo.free_symbols or hi.free_symbols or integral.function.free_symbols - {x} \
            or not integral.function.is_rational_function(x):
        return None
    z = sp.Dummy("z")
    linear = side.xreplace({integral: z})
    c, d = sp.diff(linear, z), linear.subs(z, 0)
    if not (c.is_number and d.is_number and sp.diff(linear, z, 2) == 0 and c != 0):
        return None
    return c, integral, d


def closed_value(side: sp.Expr):
    """``('number', v)``, ``('infinite', +1 or -1)``, ``(NONE, principal value or None)`` or None (not read)."""
    read = _read(side)
    if read is None:
        return None
    c, integral, d = read
    (x, lo, hi), f = integral.limits[0], integral.function
    try:
        value = sp.integrate(f, (x, lo, hi))
        if value in (sp.oo, -sp.oo):
            return "infinite", (1 if (value == sp.oo) == (c > 0) else -1)
        if value.is_number and value.is_finite and not value.has(sp.Integral):
            return "number", c * value + d
        if lo == -sp.oo and hi == sp.oo:
            halves = sp.integrate(f, (x, -sp.oo, 0)), sp.integrate(f, (x, 0, sp.oo))
            if set(halves) == {sp.oo, -sp.oo}:
                r = sp.Dummy("R", positive=True)
                principal = sp.limit(sp.integrate(f, (x, -r, r)), r, sp.oo)
                return NONE, (c * principal + d if principal.is_number and principal.is_finite else None)
    except (NotImplementedError, ValueError, TypeError, RecursionError):
        return None
    return None


def _text(value) -> str:
    kind, v = value
    if kind == "infinite":
        return "oo" if v > 0 else "-oo"
    if kind == NONE:
        shown = "none" if v is None else str(v)
        return f"no value (the halves diverge to oo and -oo; principal value {shown})"
    return str(v)


def divergent_refutation(lhs: sp.Expr, rhs: sp.Expr, rel: str) -> dict | None:
    """``{'lhs': text, 'rhs': text}`` when a closed ``lhs = rhs`` with a divergent improper integral fails under
    every reading (see the module docstring); None otherwise."""
    lhs, rhs = (e if isinstance(e, sp.Basic) else sp.Integer(e) if isinstance(e, int) else sp.Float(e)
                for e in (lhs, rhs))  # a side may be a Python number
    if rel != "=" or lhs.free_symbols or rhs.free_symbols or not (lhs.has(sp.Integral) or rhs.has(sp.Integral)):
        return None
    values = []
    for side in (lhs, rhs):
        if side.has(sp.Integral):
            value = closed_value(side)
        elif side in (sp.oo, -sp.oo):
            value = ("infinite", 1 if side == sp.oo else -1)
        elif side.is_number and side.is_finite:
            value = ("number", side)
        else:
            value = None
        if value is None:
            return None
        values.append(value)
    (a, va), (b, vb) = values
    kinds = {a, b}
    if "infinite" not in kinds and NONE not in kinds:
        return None  # two numbers: the quadrature rung decides
    if a == b == "infinite" and va == vb or a == b == NONE:
        return None
    if kinds == {NONE, "number"}:
        principal, number = (va, vb) if a == NONE else (vb, va)
        if principal is None or sp.simplify(principal - number) == 0:
            return None  # the principal value may be what the notes mean
    return {"lhs": _text(values[0]), "rhs": _text(values[1])}
