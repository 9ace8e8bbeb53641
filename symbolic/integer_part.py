r"""sympy's ``floor`` and ``ceiling`` of a number, certified.

sympy (1.14) finds $\lfloor g \rfloor$ of a number $g$ with ``sympy.core.evalf.get_integer_part``, which
works out the precision needed to tell $g$ from its nearest integer in absolute bits where relative ones are
needed: at $x = 99.7229305048659$, $g = x + \sin x = 99 - 2.9 \cdot 10^{-14}$ and sympy says
$\lfloor g \rfloor = 99$ (it is 98), so ``floor(99.7229305048659 + sin(99.7229305048659)) = 99`` was proved
as soon as it was parsed.

:func:`install` wraps that function: the integer it gives is kept only when $k \le g < k + 1$ (for the floor;
$k - 1 < g \le k$ for the ceiling) is certified by precision-tracking ``evalf``; one off, its neighbour is
certified instead; otherwise ``PrecisionExhausted`` is raised, which sympy's ``floor`` and ``ceiling`` take as
"leave unevaluated".  Only a number whose value sympy got wrong or could not certify is affected.
"""
from __future__ import annotations

import sympy as sp
from mpmath.libmp import from_int, to_int
from sympy.core import evalf as sympy_evalf
from sympy.core.evalf import PrecisionExhausted
from sympy.functions.elementary import integers as sympy_integers

DIGITS = 15
"""Digits ``evalf`` must certify of $g - k$."""
MAX_DIGITS = 1500
"""Most working digits ``evalf`` may use for it (as in ``derivations.checker.strategies.decide``)."""

_original = sympy_evalf.get_integer_part


def _sign(value: sp.Expr, subs) -> int:
    """The certified sign of the real number ``value`` (-1, 0 or 1); ``PrecisionExhausted`` when not shown."""
    try:
        number = value.evalf(DIGITS, subs=subs, strict=True, maxn=MAX_DIGITS)
    except PrecisionExhausted:
        number = sp.Integer(0)
    if number.is_Number and number != 0:
        return 1 if number > 0 else -1
    if value.equals(0):  # as sympy's own get_integer_part decides an exact integer
        return 0
    raise PrecisionExhausted(f"the sign of {value} is not certified")


def _certified(expr: sp.Expr, no: int, guess: int, subs) -> int:
    """The floor (``no = -1``) or ceiling (``no = 1``) of the real ``expr``, from ``guess`` or a neighbour."""
    for k in (guess, guess - 1, guess + 1):
        if no == -1:  # k <= expr < k + 1
            if _sign(expr - k, subs) >= 0 and _sign(expr - (k + 1), subs) < 0:
                return k
        elif _sign(expr - k, subs) <= 0 and _sign(expr - (k - 1), subs) > 0:  # k - 1 < expr <= k
            return k
    raise PrecisionExhausted(f"the integer part of {expr} is not certified")


def certified_integer_part(expr, no, options, return_ints=False):
    """``get_integer_part`` (same signature and results), its real integer part certified (module docstring)."""
    result = _original(expr, no, options, return_ints)
    subs = options.get("subs") or None
    if expr.free_symbols - set(subs or ()) or expr.is_extended_real is not True:
        return result  # not a real number here: left to sympy as before
    if return_ints:
        real, imaginary = result
        return _certified(expr, no, real, subs), imaginary
    real, imaginary, real_accuracy, imaginary_accuracy = result
    guess = int(to_int(real)) if real is not None else 0
    value = _certified(expr, no, guess, subs)
    if real is None and value == 0:
        return result
    return from_int(value), imaginary, real_accuracy if real is not None else sympy_evalf.INF, imaginary_accuracy


def install() -> None:
    """Route sympy's floor and ceiling of numbers through :func:`certified_integer_part` (idempotent)."""
    sympy_evalf.get_integer_part = certified_integer_part
    sympy_integers.get_integer_part = certified_integer_part


install()
