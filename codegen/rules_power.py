r"""A power with a variable exponent minus one, through ``expm1`` (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``power_expm1``           $b^{t} - 1 = \operatorname{expm1}(t \log b)$ for $b > 0$
========================  =====================================================================

Where $b^t \approx 1$ (a small exponent, or a base near 1) the difference loses every digit: Adam's bias
correction $\frac{m}{1 - \beta^{t}}$ at $t = 10^{-300}$ divides by $1 - 1 = 0$, the truth $-t \log\beta$ is a
normal float64; $1 - 0.999^{t}$ at $t = 10^{-12}$ keeps 4 digits.  $t \log b$ is formed with one rounding each
and ``expm1`` keeps every digit of a small argument.  Only for an exponent that is not a number ($x^2 - 1$ is
a polynomial, ``root_difference`` takes $\sqrt{A} - 1$); a base not known positive gets a branch
($b \le 0$ keeps the direct difference, where $\log b$ is not real).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1


def _power(t):
    """``(sign, base, exponent)`` for a term ``t = +-b^e`` with a non-number exponent ``e``, else None."""
    sign, core = (-1, -t) if sp.Mul.make_args(t)[0] == sp.S.NegativeOne else (1, t)
    if isinstance(core, sp.Pow) and not core.exp.is_number and (not core.base.is_number or core.base.is_positive):
        return sign, core.base, core.exp
    return None


def _pair(e):
    """``(n, m, sign)``: term ``n`` is ``sign * b^t``, term ``m`` is ``-sign`` (the 1 it cancels against)."""
    for n, t in enumerate(e.args):
        p = _power(t)
        if p is None:
            continue
        for m, u in enumerate(e.args):
            if m != n and u == -p[0]:
                return n, m, p
    return None


def power_minus_one(base, exponent) -> sp.Expr:
    r"""$b^t - 1$ as $\operatorname{expm1}(t \log b)$, with the direct difference where $b$ may be $\le 0$."""
    stable = expm1(exponent * sp.log(base))
    if base.is_positive:
        return stable
    return sp.Piecewise((stable, base > 0), (base ** exponent - 1, True))


def power_expm1(expr: sp.Expr) -> sp.Expr:
    r"""$1 - b^t \to -\operatorname{expm1}(t \log b)$ and $b^t - 1 \to \operatorname{expm1}(t \log b)$ (each a pair
    of terms of a larger sum, the rest kept): $\frac{m}{1 - \beta^t}$, $\frac{1 - \beta_2^{t}}{\ldots}$."""
    def value(e):
        n, m, (sign, base, exponent) = _pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) + sign * power_minus_one(base, exponent)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)
