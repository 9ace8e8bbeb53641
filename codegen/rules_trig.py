r"""A cosine next to 1 and the log of an arctangent next to its limit (:mod:`codegen.rules` registers both).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``cos_minus_one``         $k\cos u - k = -2k\sin^2\frac{u}{2}$ (the versine)
``log_atan_complement``   $\log(c + k\arctan v) = \operatorname{log1p}(-k\arctan\frac1v)$ for $v \ge 1$ where
                          $c + k\frac{\pi}{2} = 1$; for $c = 0$ and $v = e^{w}$, $w < 0$:
                          $\log k + w + \log\frac{\arctan u}{u}$, $u = e^{w}$ ($\log k + w$ where $u$ underflows)
========================  =====================================================================

$1 - \cos u$ near $u = 0$ loses every digit ($1 - \cos 10^{-8}$ is 0, the truth $5 \cdot 10^{-17}$; at $u = 10^{-3}$ ten of
sixteen): a redescending robust loss $c^2(1 - \cos\frac{r}{c})$ at a small residual, a von Mises log-density
$\kappa(\cos(x - \mu) - 1)$ near its mode.  $2\sin^2\frac{u}{2}$ has no subtraction.

A distribution function written with an arctangent, $\frac12 + \frac1\pi\arctan x$ (Cauchy) or
$\frac{2}{\pi}\arctan e^{\pi x/2}$ (hyperbolic secant), tends to 1 in its upper tail, and its log (a log-CDF) rounds to
0 where the truth is $-\frac{1}{\pi x}$: as $\operatorname{log1p}(-k\arctan\frac1v)$ ($\arctan v = \frac{\pi}{2} -
\arctan\frac1v$ for $v > 0$) every digit is kept.  In the lower tail of the second, $e^{w}$ underflows and the log is
$-\infty$ where the truth is $w + \log k$: $u = e^{w}$ is taken out of the log as ``log_of_softplus`` takes it
(:mod:`codegen.rules_exp_underflow`), $\frac{\arctan u}{u} \in (1 - u^2/3, 1]$.

Functions ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p


def _versine_pair(e: sp.Add):
    """``(n, m, k, u)``: term ``n`` of the sum ``e`` is ``k cos(u)``, term ``m`` is ``-k``; else None."""
    terms = e.args
    for n, t in enumerate(terms):
        k, f = t.as_independent(sp.cos, as_Add=False)
        if not isinstance(f, sp.cos) or k.has(sp.cos):
            continue
        for m, c in enumerate(terms):
            if m != n and sp.expand(c + k) == 0:
                return n, m, k, f.args[0]
    return None


def cos_minus_one(expr: sp.Expr) -> sp.Expr:
    r"""$k\cos u - k \to -2k\sin^2\frac{u}{2}$, the rest of the sum kept."""
    def value(e):
        n, m, k, u = _versine_pair(e)
        rest = [a for q, a in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) - 2 * k * sp.sin(u / 2) ** 2

    return expr.replace(lambda e: isinstance(e, sp.Add) and _versine_pair(e) is not None, value)


def _atan_limit(e):
    r"""``(k, v)`` where ``e`` is $\log(c + k\arctan v)$ with $c + k\frac{\pi}{2} = 1$ ($c$ a number), else None."""
    if not isinstance(e, sp.log):
        return None
    a = e.args[0]
    terms = sp.Add.make_args(a)
    atans = [t for t in terms if t.as_independent(sp.atan, as_Add=False)[1].func == sp.atan]
    if len(atans) != 1:
        return None
    k, f = atans[0].as_independent(sp.atan, as_Add=False)
    c = sp.Add(*[t for t in terms if t is not atans[0]])
    if not (k.is_number and c.is_number and k != 0) or sp.simplify(c + k * sp.pi / 2 - 1) != 0:
        return None
    return k, f.args[0]


def log_atan_complement(expr: sp.Expr) -> sp.Expr:
    r"""$\log(c + k\arctan v) \to \operatorname{log1p}(-k\arctan\frac1v)$ for $v \ge 1$, where $c + k\frac{\pi}{2} = 1$;
    for $c = 0$, $v = e^{w}$ also $\log k + w + \log\frac{\arctan u}{u}$ for $w < 0$ (:func:`_lower_tail`)."""
    def value(e):
        k, v = _atan_limit(e)
        upper = log1p(-k * sp.atan(1 / v))
        lower = _lower_tail(k, v) if e.args[0] == k * sp.atan(v) else e
        if isinstance(v, sp.exp):  # v >= 1 is w >= 0
            return sp.Piecewise((upper, v.args[0] >= 0), (lower, True))
        return sp.Piecewise((upper, v >= 1), (lower, True))

    return expr.replace(lambda e: _atan_limit(e) is not None, value)


def _lower_tail(k, v):
    r"""$\log(k\arctan v)$; for $v = e^{w}$ as $\log k + w + \log\frac{\arctan u}{u}$, $u = e^{w}$ held (the guard
    is about the computed $u$: where it is 0 the value is $\log k + w$, the ratio's limit 1)."""
    if not isinstance(v, sp.exp):
        return sp.log(k * sp.atan(v))
    w = v.args[0]
    ratio = sp.UnevaluatedExpr(sp.Mul(sp.atan(v), sp.Pow(sp.UnevaluatedExpr(v), -1, evaluate=False), evaluate=False))
    return sp.Piecewise((sp.log(k) + w + sp.log(ratio), sp.UnevaluatedExpr(v) > 0), (sp.log(k) + w, True))
