r"""The difference of two softmaxes at one index, without the cancellation of two nearly equal probabilities
(:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``softmax_difference``    $\frac{e^{a_i}}{\sum_j e^{a_j}} - \frac{e^{b_i}}{\sum_j e^{b_j}} = q_i \operatorname{expm1}\bigl(d_i - \operatorname{log1p}\sum_j q_j \operatorname{expm1}(d_j)\bigr)$, $d = a - b$, $q$ the softmax of $b$
========================  =====================================================================

At logits $a, b \approx 10^{-300}$ both softmaxes round to $\frac1n$ and their difference to 0 or an ulp of $\frac1n$,
where the truth is about $10^{-300}$ (the difference of two softmaxes, the Jensen-Shannon divergence's VJP: error 1).
Since $p_i / q_i = e^{d_i - (\mathrm{LSE}(a) - \mathrm{LSE}(b))}$ and $\mathrm{LSE}(a) - \mathrm{LSE}(b) =
\log \sum_j q_j e^{d_j} = \operatorname{log1p} \sum_j q_j \operatorname{expm1}(d_j)$, every piece keeps the digits
of $d$.  The form is taken where $\max_j |d_j| \le 1$ (no ``expm1`` overflows, and $\sum_j q_j \operatorname{expm1}(d_j)
> -1$); the difference as written elsewhere, where it does not cancel.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import itertools

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from symbolic.functions import ReduceMax

NEAR = 1
"""The largest $|a_j - b_j|$ at which the ``expm1`` form is taken."""


def _softmax_term(t):
    """``(c, u, s)`` where the term ``t`` is ``c e^{u} / s``, ``s`` a one-limit sum of exponentials, else None."""
    if not isinstance(t, sp.Mul):
        return None
    exps = [a for a in t.args if isinstance(a, sp.exp)]
    sums = [a for a in t.args if isinstance(a, sp.Pow) and a.exp == -1 and isinstance(a.base, sp.Sum)
            and len(a.base.limits) == 1 and isinstance(a.base.function, sp.exp)]
    if len(exps) != 1 or len(sums) != 1:
        return None
    c = sp.Mul(*[a for a in t.args if a is not exps[0] and a is not sums[0]])
    if c.has(sp.exp, sp.Sum):
        return None
    return c, exps[0].args[0], sums[0].base


def _index(u, s):
    r"""The free index ``i`` of the numerator exponent ``u`` whose renaming to the sum's index gives its summand; the
    free index may have the sum's own name ($\sum_j |e^{s_j}/\sum_j e^{s_j} - \dots|$, as a definition's sums are
    named by ``one_name_per_closed_sum``: inside the sum $j$ is bound, outside it is the entry's)."""
    j = s.limits[0][0]
    for i in sorted(u.free_symbols, key=str):
        if i.is_integer and u.xreplace({i: j}) == s.function.args[0]:
            return i
    return None


def _pair(e):
    """``(m, n, ta, tb)``: terms ``m`` and ``n`` of the sum ``e`` are ``c p_i`` and ``-c q_i`` for two softmaxes over
    the same range at the same index, else None."""
    if not isinstance(e, sp.Add):
        return None
    parts = [_softmax_term(t) for t in e.args]
    for m, n in itertools.permutations(range(len(parts)), 2):
        pa, pb = parts[m], parts[n]
        if pa is None or pb is None or pa[2].limits[0][1:] != pb[2].limits[0][1:] or pa[2] == pb[2]:
            continue
        if sp.expand(pa[0] + pb[0]) != 0:
            continue
        i = _index(pa[1], pa[2])
        if i is None or _index(pb[1], pb[2]) != i:
            continue
        return m, n, pa, pb
    return None


def softmax_difference(expr: sp.Expr) -> sp.Expr:
    r"""$c\,(p_i - q_i) \to c\,q_i \operatorname{expm1}(d_i - \operatorname{log1p}\sum_j q_j \operatorname{expm1}(d_j))$
    where $\max_j |d_j| \le 1$ (the module docstring)."""

    def value(e):
        m, n, (c, ua, sa), (_, ub, sb) = _pair(e)
        j, lo, hi = sb.limits[0]
        fa = sa.function.args[0].xreplace({sa.limits[0][0]: j})
        fb = sb.function.args[0]
        # sum_j q_j expm1(d_j) as one weighted sum over the normalizer (exp_normalize shifts both by max_j b_j)
        mean = sp.Sum(sp.exp(fb) * expm1(fa - fb), (j, lo, hi)) / sb
        gap = sp.exp(ub) / sb * expm1(ua - ub - log1p(mean))
        near = ReduceMax(sp.Abs(fa - fb), (j, lo, hi)) <= NEAR
        plain = sp.exp(ua) / sa - sp.exp(ub) / sb
        rest = [t for k, t in enumerate(e.args) if k not in (m, n)]
        return sp.Add(*rest, c * sp.Piecewise((gap, near), (plain, True)))

    return expr.replace(lambda e: _pair(e) is not None, value)
