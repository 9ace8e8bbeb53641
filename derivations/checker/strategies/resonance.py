r"""Integers $n$ at which an irrational multiple $c\,n$ comes closest to where a function jumps or peaks.

$n\sqrt 2 - \lfloor n \sqrt 2 \rfloor > 10^{-6}$ holds at every sampled positive integer and fails at
$n = 1136689$ (Pell: $1607521^2 - 2 \cdot 1136689^2 = -1$, so the fractional part is $3.1 \cdot 10^{-7}$);
$\sin n < 1 - 10^{-13}$ fails first near $n = 573204$.  Such a claim is about how close $c\,n$ comes to a multiple
of a period $p$: to an integer for ``floor`` and ``ceiling`` ($p = 1$), to a multiple of $\pi/2$ for ``sin``,
``cos`` and ``tan`` (their zeros, peaks and poles).  Over $1 \le q' \le q$, $|q' \alpha - k|$ is smallest exactly
at the denominators $q$ of the continued-fraction convergents of $\alpha = c / p$ (best approximations), and
they grow geometrically, so the few up to :data:`MAX_DENOMINATOR` are the integers to try.  Each is only a
candidate point: the caller decides the claim there exactly.
"""
from __future__ import annotations

import mpmath
import sympy as sp

PERIODS = {sp.floor: sp.Integer(1), sp.ceiling: sp.Integer(1), sp.sin: sp.pi / 2, sp.cos: sp.pi / 2, sp.tan: sp.pi / 2}
"""Function -> the spacing $p$ of its special arguments (steps; zeros and peaks)."""
MAX_DENOMINATOR = 10 ** 12
"""Largest candidate $|n|$: beyond the sampled integers, small enough to decide exactly in milliseconds."""
DIGITS = 60
"""Digits of $\\alpha$ for its continued fraction (twice those of the largest denominator, and more)."""


def resonant_integers(expr: sp.Expr, n: sp.Symbol) -> list:
    """Candidate values $\\pm q$ of the integer symbol ``n`` (see the module docstring), smallest first."""
    found = set()
    for node in expr.atoms(*PERIODS):
        slope = _slope(node.args[0], n)
        if slope is None:
            continue
        ratio = slope / PERIODS[node.func]
        if ratio.is_rational:
            continue  # a rational multiple steps at multiples of its denominator (ties._integer_steps)
        found.update(q for q in convergent_denominators(ratio) if q > 1)
    return [sp.Integer(sign * q) for q in sorted(found) for sign in (1, -1)]


def _slope(argument: sp.Expr, n: sp.Symbol) -> sp.Expr | None:
    """$c$ when ``argument`` is $c\\,n + d$ with numbers $c \\ne 0$ and $d$, else None."""
    try:
        poly = sp.Poly(sp.expand(argument), n)
    except Exception:  # noqa: BLE001 - not a polynomial in n (log n, a Piecewise, ...)
        return None
    if poly.degree() != 1 or not all(c.is_number for c in poly.all_coeffs()):
        return None
    return poly.all_coeffs()[0]


def convergent_denominators(alpha: sp.Expr) -> list[int]:
    r"""The denominators up to :data:`MAX_DENOMINATOR` of the convergents of $|\alpha|$ ($\sqrt 2$: 1, 2, 5, 12, 29,
    ...), or ``[]`` when $\alpha$ is not a real number."""
    value = sp.N(alpha, DIGITS)
    if not value.is_real:
        return []
    with mpmath.workdps(DIGITS):
        x = abs(mpmath.mpf(str(value)))
        previous, current, out = 0, 1, []
        while current <= MAX_DENOMINATOR:
            out.append(current)
            whole = int(mpmath.floor(x))
            rest = x - whole
            if rest < mpmath.mpf(10) ** (-DIGITS // 2):
                break  # the digits run out (or alpha was rational after all)
            x = 1 / rest
            previous, current = current, int(mpmath.floor(x)) * current + previous
    return out
