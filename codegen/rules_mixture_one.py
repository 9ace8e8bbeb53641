r"""The log of a mixture with one of its parts near 1: $\log(a + (1 - a) e^{w}) = \operatorname{log1p}((1 - a)
\operatorname{expm1}(w))$.

A zero-inflated likelihood mixes a point mass with a probability $e^{w}$ ($e^{-\lambda}$ for a Poisson zero):
$-\log(\pi + (1 - \pi) e^{-e^{\eta}})$ at $\eta = -100$ is $-\log(1 - 3.7 \cdot 10^{-44}\,(1 - \pi))$, which rounds to
$-\log 1 = 0$ where the truth is $2 \cdot 10^{-44}$.  Since $a + (1 - a)t = 1 + (1 - a)(t - 1)$ (identity
``mixture_with_one``), the small part is formed by ``expm1`` and kept by ``log1p``; $1 - a$ is then left to the
sigmoid rules (``one_minus_sigmoid``).  Only where that part is below $\tfrac12$ in magnitude: near $-1$ (at
$\pi = 0$, $e^{w} = 4 \cdot 10^{-9}$) $1 + (1 - a)\operatorname{expm1}(w)$ cancels and the sum as written is exact;
for a large $w > 0$ the exponential overflows (SchNet's shifted softplus $\log(\frac12 e^{x} + \frac12)$ at
$x = 10^{300}$) and $w + \log((1 - a) + a e^{-w})$, a sum of two positive parts for $0 \le a \le 1$, is taken.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p


def _mixture(e):
    """``(a, w)`` where ``e`` is ``log(a + (1 - a) exp(w))`` (in either order of the terms), else None."""
    if not isinstance(e, sp.log) or not isinstance(e.args[0], sp.Add) or len(e.args[0].args) != 2:
        return None
    for a, b in (e.args[0].args, tuple(reversed(e.args[0].args))):
        if a.is_number and not 0 < a < 1:  # a number weight only as a probability (SchNet's shifted softplus: 1/2)
            continue
        for f in sp.Mul.make_args(b):
            if isinstance(f, sp.exp) and sp.expand(b / f - (1 - a)) == 0:
                return a, f.args[0]
    return None


def mixture_with_one(expr: sp.Expr) -> sp.Expr:
    r"""$\log(a + (1 - a)e^{w}) \to \operatorname{log1p}((1 - a)\operatorname{expm1}(w))$ where the argument of the
    log1p is below $\tfrac12$ in magnitude; beyond, for $w > 0$, $w + \log((1 - a) + a e^{-w})$ ($e^{w}$ overflows
    at $w = 10^{300}$ where the value is about $w$)."""
    def value(e):
        a, w = _mixture(e)
        small = (1 - a) * expm1(w)
        large = w + sp.log((1 - a) + a * sp.exp(-w))
        return sp.Piecewise((log1p(small), sp.Abs(small) < sp.Rational(1, 2)), (large, w > 0), (e, True))

    return expr.replace(lambda e: _mixture(e) is not None, value)
