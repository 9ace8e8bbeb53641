r"""An arctangent next to its limit: $\frac{\pi}{2} + \arctan u = \arctan(-1/u)$ for $u < 0$.

$\arctan u$ tends to $-\frac{\pi}{2}$ as $u \to -\infty$, and $\frac{\pi}{2} + \arctan u$ (the Cauchy distribution
function $\frac12 + \frac1\pi\arctan\frac{x - x_0}{\gamma}$, an angle measured from a half-turn) cancels: at
$u = -10^{20}$ it rounds to 0 where the truth is $10^{-20}$, and its log is $-\infty$.  For $u < 0$ it is
$\arctan(-1/u)$ exactly (identity ``atan_reflection``), a small angle computed to full precision.  The same for
$\frac{\pi}{2} - \arctan u$ at $u > 0$.  A sum $c + k\arctan u$ with $c = \pm k\frac{\pi}{2}$ is rewritten; the
other side of the sign keeps the sum as written (no cancellation there).
"""
from __future__ import annotations

import sympy as sp


def _half_turn(e: sp.Add):
    """``(rest, k, u, s)`` where ``e`` is ``rest + c + k atan(u)`` with ``c = s k pi/2`` (``s = +-1``), else None."""
    terms = list(e.args)
    for n, t in enumerate(terms):
        k, f = t.as_independent(sp.atan, as_Add=False)
        if not isinstance(f, sp.atan) or k == 0 or k.has(sp.atan):
            continue
        for m, c in enumerate(terms):
            if m == n or not c.is_number:
                continue
            for s in (1, -1):
                if sp.simplify(c - s * k * sp.pi / 2) == 0:
                    rest = [a for q, a in enumerate(terms) if q not in (n, m)]
                    return rest, k, f.args[0], s
    return None


def atan_reflection(expr: sp.Expr) -> sp.Expr:
    r"""$k(\frac{\pi}{2} + \arctan u) \to k\arctan(-1/u)$ for $u < 0$ and $k(\arctan u - \frac{\pi}{2}) \to
    -k\arctan(1/u)$ for $u > 0$, kept as written on the other side."""
    def value(e):
        rest, k, u, s = _half_turn(e)
        written = s * k * sp.pi / 2 + k * sp.atan(u)
        reflected = sp.Piecewise((k * sp.atan(-1 / u), u < 0), (written, True)) if s == 1 else \
            sp.Piecewise((-k * sp.atan(1 / u), u > 0), (written, True))
        return sp.Add(*rest) + reflected

    return expr.replace(lambda e: isinstance(e, sp.Add) and _half_turn(e) is not None, value)
