r"""A power of a softmax: the exponentials over a power of their sum, max-shifted (:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``softmax_power``         $\frac{e^{a}}{(\sum_j e^{f_j})^{p}} = \frac{e^{a - p m}}{(\sum_j e^{f_j - m})^{p}}$, and
                          $\frac{\sum_i e^{f_i} v_i}{(\sum_j e^{f_j})^{p}} = \frac{\sum_i e^{f_i - p m} v_i}{(\sum_j e^{f_j - m})^{p}}$,
                          for any real $m$ ($m = \max_j f_j$) and a number $p > 0$, $p \ne 1$
========================  =====================================================================

``exp_normalize`` shifts a softmax $\frac{e^{a}}{\sum_j e^{f_j}}$; a power of one is written by sympy with the sum
to that power: $p_i^{2} = \frac{e^{2 z_i}}{(\sum_j e^{z_j})^{2}}$ (the Brier and spherical scores, Rényi and Tsallis
entropies, the Gini impurity of a softmax), $\frac{e^{z_k}}{\sqrt{\sum_i e^{2 z_i}}}$ (a softmax over its $L_2$ norm).
At a logit of $10^{300}$ both exponentials overflow and the quotient is inf/inf.  Multiplying numerator and
denominator by $e^{-p m}$ keeps every exponential at most 1 where $a \le p\,m$ (the numerator is a product of $p$
entries of the sum, or the $p$-th power of one), and the identity holds for every $m$.  Where the numerator's
exponent is a sum of $p$ entries ($z_k + z_i$ over $(\sum_j e^{z_j})^2$, from the derivative of a square) each
entry is shifted on its own, so that no large sum $z_k + z_i$ is formed before the shift.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ReduceMax


def _power_of_exp_sum(a):
    """``(S, p)`` where ``a`` is ``Sum(exp(f))**(-p)``, a one-limit sum not yet shifted and a number ``p > 0``
    other than 1 (that one is ``exp_normalize``'s), else None."""
    if not (isinstance(a, sp.Pow) and a.exp.is_number and a.exp.is_negative and a.exp != -1):
        return None
    s = a.base
    if isinstance(s, sp.Sum) and len(s.limits) == 1 and isinstance(s.function, sp.exp) and not s.function.has(ReduceMax):
        return s, -a.exp
    return None


def _weighted(a) -> bool:
    """``Sum(exp(f) * v, lim)``: a one-limit sum whose summand has one ``exp`` factor, not yet shifted."""
    return (isinstance(a, sp.Sum) and len(a.limits) == 1 and isinstance(a.function, sp.Mul)
            and sum(isinstance(t, sp.exp) for t in a.function.args) == 1 and not a.function.has(ReduceMax))


def _applies(e) -> bool:
    if not isinstance(e, sp.Mul):
        return False
    powers = [a for a in e.args if _power_of_exp_sum(a) is not None]
    tops = [a for a in e.args if isinstance(a, sp.exp) or _weighted(a)]
    return len(powers) == 1 and len(tops) == 1


def _shifted_exponent(a, m, p, s: sp.Sum, minus_shift):
    r"""$a - p m$, each of up to $p$ terms of $a$ that is an entry of the summand's exponent $f$ (times a positive
    integer $c$: $c(f_k - m)$) shifted on its own, the rest of $p m$ subtracted after."""
    j = s.limits[0][0]
    f = s.function.args[0]
    left = p
    terms = []
    for t in sp.Add.make_args(a):
        c, rest = t.as_coeff_Mul()
        entry = any(rest == f.xreplace({j: k}) for k in rest.free_symbols | {j} if getattr(k, "is_integer", False))
        if entry and c.is_Integer and 0 < c <= left:
            terms.append(sp.Mul(c, minus_shift(rest, m), evaluate=False) if c != 1 else minus_shift(rest, m))
            left -= c
        else:
            terms.append(t)
    if left != 0:
        terms.append(-left * m)
    return sp.Add(*terms)


def softmax_power(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{e^{a}}{S^{p}} \to \frac{e^{a - p m}}{S_m^{p}}$, $S_m = \sum_j e^{f_j - m}$ (module docstring)."""
    from codegen.rules import (  # the registry's shift (imported late: it imports this module)
        _minus_shift,
        _shifted_sum,
    )

    def value(e):
        factors = list(e.args)
        k = next(n for n, a in enumerate(factors) if _power_of_exp_sum(a) is not None)
        s, p = _power_of_exp_sum(factors.pop(k))
        m, shifted = _shifted_sum(s)
        n = next(n for n, a in enumerate(factors) if isinstance(a, sp.exp) or _weighted(a))
        top = factors[n]
        if isinstance(top, sp.exp):
            factors[n] = sp.exp(_shifted_exponent(top.args[0], m, p, s, _minus_shift), evaluate=False)
        else:
            inner = [sp.exp(_shifted_exponent(t.args[0], m, p, s, _minus_shift), evaluate=False) if isinstance(t, sp.exp) else t for t in top.function.args]
            factors[n] = sp.Sum(sp.Mul(*inner), *top.limits)
        return sp.Mul(*factors, sp.Pow(shifted, -p))

    return expr.replace(_applies, value)
