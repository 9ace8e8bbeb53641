r"""A power of a quotient divided by the quotient's numerator: $\left(\frac{u}{v}\right)^{p} u^{-k} =
\left(\frac{u}{v}\right)^{p - k} v^{-k}$.

The derivative of $(u/v)^{p}$ with respect to $u$ divides the power by $u$: the log-logistic hazard's
$\beta (t/\alpha)^{\beta} / t$ at $t = 10^{-300}$, $\beta = 1.27$ underflows the power to 0 where the truth is
$\beta t^{\beta - 1}/\alpha^{\beta} \approx 10^{-81}$, and the generalised Gaussian's $\beta (|x - \mu|/\alpha)^{\beta}
/ |x - \mu|$ does the same.  With the numerator taken into the exponent the ratio $u/v$ is formed once and raised to
$p - k$ (identity ``power_ratio_over_numerator``).  Only for an exponent that is not a number (a real power of
$u/v \ge 0$) and an integer $k \ge 1$.
"""
from __future__ import annotations

import sympy as sp


def _split(e: sp.Mul):
    """``(n, m, base, p, u, k)``: factor ``n`` is ``base**p`` (``base`` a product with the factor ``u``, ``p`` not a
    number) and factor ``m`` is ``u**-k`` for an integer ``k >= 1``, else None."""
    for n, f in enumerate(e.args):
        if not isinstance(f, sp.Pow) or f.exp.is_number or not isinstance(f.base, sp.Mul):
            continue
        inside = f.base.args
        for m, h in enumerate(e.args):
            if m == n:
                continue
            u, k = h.as_base_exp()
            if k.is_Integer and k < 0 and not u.is_number and u in inside:
                return n, m, f.base, f.exp, u, -k
    return None


def power_ratio_over_numerator(expr: sp.Expr) -> sp.Expr:
    r"""$(u/v)^{p}\,u^{-k} \to (u/v)^{p - k} (v)^{-k}$ in a product, $v$ the other factors of the base."""
    def value(e):
        n, m, base, p, u, k = _split(e)
        rest = [f for q, f in enumerate(e.args) if q not in (n, m)]
        others = sp.Mul(*[a for a in base.args if a != u])  # equal, not identical: the cache may hold two copies
        return sp.Mul(*rest) * sp.Pow(base, p - k, evaluate=False) * others ** k

    expr = expr.replace(lambda e: _sum_over_numerator(e) is not None, _distributed)
    return expr.replace(lambda e: isinstance(e, sp.Mul) and _split(e) is not None, value)


def _sum_over_numerator(e):
    r"""``(n, m)``: factor ``n`` of the product ``e`` is a sum one of whose terms, times factor ``m`` $= u^{-k}$, is a
    product :func:`_split` takes (the gradient of a generalised gamma log-density, $\frac{d - p (x/a)^{p} - 1}{x}$:
    at $x = 10^{300}$ the power overflows where $\frac{p}{a}(x/a)^{p - 1}$ is finite), else None."""
    if not isinstance(e, sp.Mul):
        return None
    for n, f in enumerate(e.args):
        if not isinstance(f, sp.Add):
            continue
        for m, h in enumerate(e.args):
            u, k = h.as_base_exp()
            if m != n and k.is_Integer and k < 0 and not u.is_number and any(
                    isinstance(t * h, sp.Mul) and _split(t * h) is not None for t in f.args):
                return n, m
    return None


def _distributed(e):
    r"""The product ``e`` with its factor $u^{-k}$ multiplied into each term of its sum (:func:`_sum_over_numerator`)."""
    n, m = _sum_over_numerator(e)
    rest = sp.Mul(*[f for q, f in enumerate(e.args) if q not in (n, m)])
    return rest * sp.Add(*[t * e.args[m] for t in e.args[n].args])
