r"""An integer power of a sum near one, minus one: the geometric factorization.

==============================  =====================================================================
rule                            identity
==============================  =====================================================================
``integer_power_minus_one``     $(1 + t)^{k} - 1 = t\sum_{j=0}^{k-1}(1 + t)^{j}$ for an integer $2 \le k \le$ :data:`MAX_EXPONENT`
==============================  =====================================================================

Tukey's biweight $\frac{c^2}{6}\bigl(1 - (1 - r^2/c^2)^3\bigr)$ at $r = 10^{-150}$ forms $(1 - 10^{-300})^3 = 1$ and
gives 0 where the truth is $r^2/2 = 5 \cdot 10^{-301}$; at $r/c = 10^{-3}$ it keeps 10 digits of 16.  With the
difference taken out symbolically ($A - 1 = t$, the 1 gone) no term cancels: the sum $\sum_j A^j$ is about $k$ near
$t = 0$.  ``power_expm1`` takes a non-number exponent ($\operatorname{expm1}(k \log A)$ needs $A > 0$); this rule
holds for every real $t$, so the branch a case split puts it in need not be known.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

MAX_EXPONENT = 8
"""Integer exponents up to this one (the sum has as many terms)."""


def _near_one_power(t):
    """``(c, A, k, rest)`` for a term ``t = c A^k`` (``c`` a number, ``A`` a sum with the constant term 1, ``k`` an
    integer from 2 to :data:`MAX_EXPONENT`), else None."""
    c, core = t.as_coeff_Mul()
    if not isinstance(core, sp.Pow) or not core.exp.is_Integer or not 2 <= core.exp <= MAX_EXPONENT:
        return None
    base = core.base
    if not isinstance(base, sp.Add) or base.as_coeff_Add()[0] != 1:
        return None
    return c, base, int(core.exp)


def _pair(e):
    """``(n, m, c, A, k)``: term ``n`` of the sum ``e`` is ``c A^k`` and term ``m`` is ``-c``."""
    for n, t in enumerate(e.args):
        p = _near_one_power(t)
        if p is None:
            continue
        c, base, k = p
        for m, u in enumerate(e.args):
            if m != n and u == -c:
                return n, m, c, base, k
    return None


def integer_power_minus_one(expr: sp.Expr) -> sp.Expr:
    r"""$c (1 + t)^{k} - c \to c\,t\sum_{j=0}^{k-1}(1 + t)^{j}$ in a sum (the other terms kept)."""
    def value(e):
        n, m, c, base, k = _pair(e)
        t = base - 1  # the constant 1 cancels symbolically
        powers = sp.Add(*[sp.Pow(base, j, evaluate=False) if j > 1 else (base if j == 1 else sp.S.One)
                          for j in range(k)], evaluate=False)
        rest = [u for q, u in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest, sp.Mul(c, t, powers, evaluate=False))

    return expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)
