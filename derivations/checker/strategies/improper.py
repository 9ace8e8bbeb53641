r"""Improper integrals that have no value, seen at a point: $\int_{-\infty}^{\infty} \frac{x^3}{1 + x^4}\,dx$.

Quadrature of an odd integrand over a symmetric range returns 0 whether or not the integral exists: tanh-sinh's
nodes are symmetric, so the two divergent halves cancel node by node, and so do they in
$\int_{-2}^{2} \frac{x}{x^2 - 1}\,dx$ across the poles at $\pm 1$.  0 is then the principal value, not the integral,
and agreement with it is no evidence for the claim (in a note the principal value may be meant; as an improper
integral the claim is false).

An end $e$ of the range (or a pole $c$ inside it) is *non-integrable* when the integrand behaves like $L / x$
(like $L / (x - c)$) or worse there: with $g(x) = x f(x)$ ($g(t) = t f(c \pm t)$), at $x = \pm 10^{k}$ for every $k$
in ``FAR_ORDERS`` ($t = 10^{-k}$, ``NEAR_ORDERS``), $g$ is finite, non-zero and of one sign, and $|g|$ at the last order
is at least half of $|g|$ at the first.  Then $\int^{X} f$ grows at least like $\tfrac12 |L| \log X$ there
(a comparison with $1/x$), so the integral diverges.  An integrand that decays faster ($x^{-1.01}$: $|g|$ falls
from 0.91 to 0.23 over the orders) or oscillates ($\frac{\sin x}{x}$: $g = \sin x$ changes sign) is not flagged.  (An integrand whose decay
starts beyond $10^{400}$, or as slow as $x^{-1 - 10^{-300}}$, is flagged: a true claim about it is left undecided.)
Poles are looked for only where a denominator of the integrand is a polynomial in the variable (its real roots).

The test can only withdraw evidence: a point where it fires is not counted as an agreement (nor as a failure).
"""
from __future__ import annotations

import functools

import mpmath
import sympy as sp

FAR_ORDERS = (400, 600, 800, 1200, 1600, 2400, 3200, 4800, 6400)
"""Powers of ten of the points where ``g`` is read toward an infinite end: beyond every scale a sampled parameter has
(up to 1e300), so that $1/(x^2 + a^2)$ with $a = 10^{300}$ is seen to fall off like $1/x^2$, not to grow like $x$."""
NEAR_ORDERS = (4, 6, 8, 12, 16, 24, 32, 48, 64)
"""Powers of ten of the distances to a pole where ``g`` is read."""
DIGITS = 100
"""Working digits: a pole at c is approached to c + 1e-64, which needs more than 64 (a far point's exponent is exact
in mpmath at any size)."""


def nonintegrable_end(integral: sp.Integral) -> str | None:
    r"""The place where a one-variable ``integral`` with numeric limits and integrand (a point's values put in)
    has a non-integrable singularity (see the module docstring): ``'oo'``, ``'-oo'`` or ``'x = c'``; None where
    none is seen or the integral is not of that form."""
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return None
    x, lo, hi = integral.limits[0]
    f = integral.function
    if f.free_symbols - {x} or lo.free_symbols or hi.free_symbols:
        return None
    return _nonintegrable(f, x, lo, hi)


@functools.lru_cache(maxsize=256)
def _nonintegrable(f: sp.Expr, x: sp.Symbol, lo: sp.Expr, hi: sp.Expr) -> str | None:
    try:
        function = sp.lambdify([x], f, modules="mpmath")
    except Exception:  # noqa: BLE001 - lambdify fails on nodes it has no name for
        return None
    if lo > hi:
        lo, hi = hi, lo
    if hi == sp.oo and (_grows_like_reciprocal(lambda d: d * function(d)) or _stays_away_from_zero(function, 1)):
        return "oo"
    if lo == -sp.oo and (_grows_like_reciprocal(lambda d: -d * function(-d)) or _stays_away_from_zero(function, -1)):
        return "-oo"
    for c in _poles(f, x, lo, hi):
        value = mpmath.mpf(sp.Float(c, DIGITS))
        if (c < hi and _grows_like_reciprocal(lambda t: t * function(value + t), small=True)) or \
                (c > lo and _grows_like_reciprocal(lambda t: t * function(value - t), small=True)):
            return f"{x} = {c}"
    return None


def _finite_real(g, d):
    """``g(d)`` as a real mpf, or None where it raises, is complex with a non-zero imaginary part, or is not finite."""
    try:
        v = g(d)
    except (ArithmeticError, ValueError, TypeError):
        return None
    if isinstance(v, mpmath.mpc):
        if v.imag != 0:
            return None
        v = v.real
    return v if mpmath.isfinite(v) else None


def _grows_like_reciprocal(g, small: bool = False) -> bool:
    """Whether ``g`` at 10^k, k in ``FAR_ORDERS`` (10^-k, k in ``NEAR_ORDERS``, when ``small``), is finite, non-zero,
    of one sign, and at the last order at least half its size at the first."""
    with mpmath.workdps(DIGITS):
        values = []
        for k in NEAR_ORDERS if small else FAR_ORDERS:
            v = _finite_real(g, mpmath.mpf(10) ** (-k if small else k))
            if v is None or v == 0:
                return False
            values.append(v)
    signs = {v > 0 for v in values}
    return len(signs) == 1 and abs(values[-1]) >= abs(values[0]) / 2


WINDOW = 8
"""Points per far window in :func:`_stays_away_from_zero`, spread over [X, 2X)."""


def _stays_away_from_zero(function, side: int) -> bool:
    r"""Whether the largest $|f|$ over a window $[X, 2X)$ does not shrink from $X = 10^{400}$ to $X = 10^{6400}$
    (``side`` -1: toward $-\infty$): the integrand does not tend to 0, so the integral diverges, as
    $\int_{-\infty}^{\infty} \sin x\,dx$ and $\int x \cos x\,dx$ do (quadrature over a symmetric range gives 0).
    An amplitude that shrinks ($\sin x / \sqrt x$, whose integral converges) is not flagged; one that does not,
    with an ever faster oscillation ($\sin x^2$, whose integral converges), is: a true claim about it is undecided."""
    with mpmath.workdps(DIGITS):
        peaks = []
        for k in (FAR_ORDERS[0], FAR_ORDERS[-1]):
            peak = mpmath.mpf(0)
            for j in range(WINDOW):
                v = _finite_real(function, side * mpmath.mpf(10) ** k * (1 + mpmath.mpf(j) / WINDOW))
                if v is None:
                    return False
                peak = max(peak, abs(v))
            peaks.append(peak)
    return peaks[0] > 0 and peaks[1] >= peaks[0] / 2


def _poles(f: sp.Expr, x: sp.Symbol, lo, hi) -> list:
    """Real roots in ``[lo, hi]`` of the integrand's denominators that are polynomials in ``x``."""
    found = []
    for node in sp.preorder_traversal(f):
        if isinstance(node, sp.Pow) and node.exp.is_negative and node.base.has(x):
            base = node.base
            try:
                poly = sp.Poly(base, x)
                roots = sp.real_roots(poly) if poly.degree() <= 8 else []
            except (sp.PolynomialError, sp.GeneratorsNeeded, NotImplementedError, ValueError):
                continue
            found.extend(r for r in roots if bool(lo <= r) and bool(r <= hi))
    return list(dict.fromkeys(found))
