r"""Careful quadrature: a side holding definite integrals that sympy could not do, valued with a bound.

Plain ``mpmath.quad`` (what the numeric rung evaluates) can miss mass without noticing, so a failing point
of an integral claim is only ``unresolved`` there.  Here each one-variable integral with numeric limits, at
the point, is valued three independent ways:

* tanh-sinh quadrature at two precisions (``mpmath.quad`` with its error estimate), over the
  interval split at fixed breakpoints (for an infinite end, at distances 1, 10, 100, 1000 from the finite
  end or 0);
* a composite trapezoid rule on ``GRID`` points of each piece (an infinite piece mapped to ``[0, 1)`` by
  :math:`x = a + t / (1 - t)`), which sees the integrand everywhere on a fixed grid.

.. math::  I = Q_{\text{ts}}, \qquad u = |Q_{\text{ts}} - Q_{\text{gl}}| + e_{\text{ts}} + e_{\text{gl}}

The value is kept only when ``u`` is below ``CONVERGED`` relative and the trapezoid agrees with it to
``GRID_AGREEMENT`` relative (a peak the two quadratures stepped over would show there); else there is no
value and nothing is decided.  The bound of a side is the largest change of the side when each integral
moves by its ``u`` (both directions).  A claim is refuted only when the sides differ by more than
``MARGIN`` times the bounds and by ``CLEAR`` relative (a value rounded in the notes, ``= 0.7468``, is
never refuted by a rounding), and only for ``=`` and the order relations.
"""
from __future__ import annotations

import functools

import mpmath
import sympy as sp

DIGITS = 30
"""Working digits of the quadratures."""
FINER = 45
"""Digits of the second tanh-sinh quadrature: its change from the first (with both error estimates) bounds
the value; the trapezoid rule is the independent check."""
CONVERGED = mpmath.mpf(10) ** -10
"""Most relative disagreement (with both error estimates) between the two quadratures for a value to count."""
GRID = 400
"""Trapezoid points per piece of the interval."""
GRID_AGREEMENT = mpmath.mpf("0.05")
"""Most relative distance between the trapezoid rule and the quadratures (a coarse rule, but it cannot step over
a peak wider than the grid spacing without seeing it)."""
MARGIN = 1000
"""How many times the quadrature bound the sides must differ by."""
CLEAR = mpmath.mpf(10) ** -3
"""Smallest relative difference refuted: far above any quadrature error, and above the rounding of values
written to four or more significant digits."""
FAR = 1000
"""Largest written number inside an integrand this module values."""
_BREAKS = (1, 10, 100, 1000)


def careful_side(expr: sp.Expr) -> tuple | None:
    r"""``(value, bound)`` of a closed expression holding integrals, or None when any integral is not
    one-dimensional over numbers, the quadratures disagree, or the value is not a finite real."""
    integrals = sorted(expr.atoms(sp.Integral), key=sp.count_ops)
    if not integrals or any(len(i.limits) != 1 or len(i.limits[0]) != 3 for i in integrals):
        return None
    values = {}
    for integral in integrals:
        if any(other != integral and integral.has(other) for other in integrals):
            return None  # nested integrals: not here
        found = careful_integral(integral)
        if found is None:
            return None
        values[integral] = found
    centre = _value(expr, {i: v for i, (v, _) in values.items()})
    if centre is None:
        return None
    bound = mpmath.mpf(0)
    with mpmath.workdps(DIGITS):
        for integral, (v, u) in values.items():
            for shifted in (v - u, v + u):
                moved = _value(expr, {i: (shifted if i == integral else w) for i, (w, _) in values.items()})
                if moved is None:
                    return None
                bound = max(bound, abs(moved - centre))
    return centre, bound


@functools.lru_cache(maxsize=64)
def careful_integral(integral: sp.Integral) -> tuple | None:
    """``(value, uncertainty)`` of one integral with numeric limits, or None.  Kept for the next caller: at a point
    where the sides disagree, the refutation and the check that the claim holds there each integrate the same side
    (two quadratures and a grid, about half a second of CPU at a parameter's value)."""
    (x, a, b), body = integral.limits[0], integral.function
    if body.free_symbols - {x} or not all(e.is_number and (e.is_real or e in (sp.oo, -sp.oo)) for e in (a, b)):
        return None
    try:
        f = sp.lambdify(x, body, modules="mpmath")
    except Exception:  # noqa: BLE001 - a node lambdify cannot print: no value
        return None
    with mpmath.workdps(DIGITS):
        try:
            lo, hi = _endpoint(a), _endpoint(b)
            sign = 1
            if lo > hi:
                lo, hi, sign = hi, lo, -1
            if lo == hi:
                return mpmath.mpf(0), mpmath.mpf(0)
            points = _breakpoints(lo, hi)
            ts, e_ts = mpmath.quad(f, points, method="tanh-sinh", error=True)
            with mpmath.workdps(FINER):
                gl, e_gl = mpmath.quad(f, points, method="tanh-sinh", error=True)
            if not all(_finite_real(v) for v in (ts, gl)):
                return None
            ts, gl = mpmath.re(ts), mpmath.re(gl)
            uncertainty = abs(ts - gl) + abs(e_ts) + abs(e_gl)
            if uncertainty > CONVERGED * max(abs(ts), 1):
                return None
            grid = _trapezoid(f, points)
            if grid is None or abs(grid - ts) > GRID_AGREEMENT * max(abs(ts), 1):
                return None
        except (ArithmeticError, ValueError, TypeError, ZeroDivisionError):
            return None
        return sign * ts, uncertainty


def closed_refutation(lhs: sp.Expr, rhs: sp.Expr, rel: str) -> dict | None:
    r"""``{'lhs': ..., 'rhs': ..., 'bound': ...}`` (texts) when the closed claim ``lhs REL rhs`` holding
    integrals is contradicted by careful quadrature; None when it is not, or cannot be, decided so.

    Only closed claims (no free symbol): with parameters, a sampled value can move a peak of the integrand
    anywhere, where every fixed rule misses it.  An integrand with a written number beyond ``FAR`` is left
    alone for the same reason."""
    lhs, rhs = (e if isinstance(e, sp.Basic) else sp.Float(e) for e in (lhs, rhs))  # a side may be a Python number
    if lhs.free_symbols or rhs.free_symbols or rel not in ("=", "<", "<=", ">", ">="):
        return None
    for integral in (lhs.atoms(sp.Integral) | rhs.atoms(sp.Integral)):
        if any(abs(n) > FAR for n in integral.function.atoms(sp.Number) if n.is_finite):
            return None
    left = careful_side(lhs) if lhs.has(sp.Integral) else _plain(lhs)
    right = careful_side(rhs) if rhs.has(sp.Integral) else _plain(rhs)
    unit = rounding_unit(*_stated_values(lhs, rhs)) if rel == "=" else 0  # an inequality's decimal bound is exact
    if left is None or right is None or not refutes(rel, left, right, unit):
        return None
    return {"lhs": mpmath.nstr(left[0], 15), "rhs": mpmath.nstr(right[0], 15),
            "bound": mpmath.nstr(left[1] + right[1], 3)}


def _stated_values(lhs, rhs) -> tuple:
    r"""The sides whose written numbers may be a rounded value: those without an integral, the value the claim
    states (``\int_0^1 \operatorname{Si} = 0.9``), and both when both hold one.  A number beside the integral is
    the problem's exact data: ``\frac{1}{2} - \int_0^1 x^2\,dx = \frac{1}{12}`` is off by 1/12 whatever
    1/2 would be as a decimal (a rounded factor, ``0.4 \int e^{-x^2/2} = 1``, is written ``\approx``)."""
    plain = tuple(side for side in (lhs, rhs) if not side.has(sp.Integral))
    return plain or (lhs, rhs)


def rounding_unit(*exprs) -> sp.Rational:
    r"""One unit in the last digit of the least precise terminating decimal written in ``exprs`` (``0.75``:
    ``0.01``), 0 when there is none: a value rounded in the notes is not refuted by its rounding."""
    unit = sp.Integer(0)
    for expr in exprs:
        for number in expr.atoms(sp.Rational):
            if number.is_integer:
                continue
            q, k = number.q, 0
            while q % 10 == 0 or q % 2 == 0 or q % 5 == 0:
                if q % 10 == 0:
                    q //= 10
                elif q % 2 == 0:
                    q //= 2
                else:
                    q //= 5
            if q != 1:
                continue  # 1/3: not a terminating decimal
            while not (number * 10 ** k).is_integer:
                k += 1
            unit = max(unit, sp.Rational(1, 10 ** k))
    return unit


def refutes(rel: str, left: tuple, right: tuple, unit=0) -> bool:
    r"""Whether ``(value, bound)`` pairs contradict ``left REL right`` by far more than their bounds (and by
    more than ``unit``, the rounding of a written decimal)."""
    (l, bl), (r, br) = left, right
    with mpmath.workdps(DIGITS):
        gap = l - r
        clear = abs(gap) > MARGIN * (bl + br) and abs(gap) > CLEAR * max(abs(l), abs(r), 1) \
            and abs(gap) > mpmath.mpf(sp.Float(unit, DIGITS)._mpf_)
        if not clear:
            return False
        if rel == "=":
            return True
        if rel in ("<", "<="):
            return gap > 0
        if rel in (">", ">="):
            return gap < 0
    return False


def _plain(expr):
    value = _value(expr, {})
    return None if value is None else (value, mpmath.mpf(0))


def _value(expr, values: dict):
    """``expr`` with each integral replaced by its value, as a finite real mpf (or None)."""
    with mpmath.workdps(DIGITS):
        try:
            replaced = expr.xreplace({i: sp.Float(mpmath.nstr(v, DIGITS), DIGITS) for i, v in values.items()})
            out = replaced.evalf(DIGITS)
        except Exception:  # noqa: BLE001 - evalf failing on a node: no value
            return None
        if not (out.is_Number and out.is_real and out.is_finite):
            return None
        return mpmath.mpf(out._mpf_) if out.is_Float else mpmath.mpf(sp.Float(out, DIGITS)._mpf_)


def _endpoint(value):
    if value == sp.oo:
        return mpmath.inf
    if value == -sp.oo:
        return -mpmath.inf
    return mpmath.mpf(sp.Float(value, DIGITS)._mpf_)


def _breakpoints(lo, hi) -> list:
    """``[lo, ..., hi]`` split at distances 1, 10, 100, 1000 from the finite end (or 0) toward an infinite
    end, and at the midpoint of a finite interval."""
    if mpmath.isinf(lo) and mpmath.isinf(hi):
        inner = sorted({-mpmath.mpf(d) for d in _BREAKS} | {mpmath.mpf(0)} | {mpmath.mpf(d) for d in _BREAKS})
        return [lo, *inner, hi]
    if mpmath.isinf(hi):
        return [lo, *(lo + d for d in _BREAKS), hi]
    if mpmath.isinf(lo):
        return [lo, *reversed([hi - d for d in _BREAKS]), hi]
    return [lo, (lo + hi) / 2, hi]


def _trapezoid(f, points):
    r"""Composite trapezoid rule on each piece, after a change of variable that makes the ends harmless: a
    finite piece through :math:`x = a + w\,(3t^2 - 2t^3)`, :math:`dx = 6w\,t(1-t)\,dt` (an integrable
    singularity :math:`|x - a|^{-1/2}` or a logarithm at an end becomes bounded), an infinite piece
    ``[a, \infty)`` through :math:`x = a + t/(1-t)`, :math:`dx = dt/(1-t)^2` (the end point ``t = 1`` taken as
    0: the integrand must vanish there for the integral to converge)."""
    total = mpmath.mpf(0)
    with mpmath.workdps(15):
        for lo, hi in zip(points, points[1:]):
            if mpmath.isinf(hi):
                g = (lambda a: lambda t: f(a + t / (1 - t)) / (1 - t) ** 2)(lo)
                lo_t, hi_t = mpmath.mpf(0), mpmath.mpf(1)
            elif mpmath.isinf(lo):
                g = (lambda b: lambda t: f(b - t / (1 - t)) / (1 - t) ** 2)(hi)
                lo_t, hi_t = mpmath.mpf(0), mpmath.mpf(1)
            else:
                g = (lambda a, w: lambda t: f(a + w * t * t * (3 - 2 * t)) * 6 * w * t * (1 - t))(lo, hi - lo)
                lo_t, hi_t = mpmath.mpf(0), mpmath.mpf(1)
            step = (hi_t - lo_t) / GRID
            ys = []
            for k in range(GRID + 1):
                t = lo_t + k * step
                if k == 0 or k == GRID:
                    ys.append(mpmath.mpf(0))  # the weight vanishes at the ends (or the integrand must, at infinity)
                    continue
                y = g(t)
                if not _finite_real(y):
                    return None
                ys.append(mpmath.re(y))
            total += step * (sum(ys) - (ys[0] + ys[-1]) / 2)
    return total


def _finite_real(v) -> bool:
    try:
        return mpmath.isfinite(v) and abs(mpmath.im(v)) <= mpmath.mpf(10) ** -20 * max(abs(mpmath.re(v)), 1)
    except (TypeError, ValueError):
        return False
