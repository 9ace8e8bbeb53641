r"""A constant minus powers whose weights add up to it:
$c - \sum_k w_k e^{a L_k} = -\sum_k w_k \operatorname{expm1}(a L_k)$ where $\sum_k w_k = c$.

Amari's $\alpha$-divergence of two Bernoulli laws, $\frac{1 - p^{\alpha} q^{1 - \alpha} - (1 - p)^{\alpha}(1 - q)^{1 -
\alpha}}{\alpha(1 - \alpha)}$, at $\alpha = 10^{-300}$ is $0/10^{-300} = 0$ in float64: the powers round to $q$ and
$1 - q$ and their sum to 1, where the truth is the Kullback-Leibler divergence $\mathrm{KL}(q \| p)$.  Each term is a
weight $w_k$ free of the exponent's symbol $a$ times $e^{a L_k}$ ($p^{\alpha} q^{1 - \alpha} = q\,e^{\alpha(\log p -
\log q)}$); where the weights add up to the constant by algebra ($q + (1 - q) = 1$) the difference is
$-\sum_k w_k (e^{a L_k} - 1)$, each term exact with ``expm1`` (identity ``weighted_powers_complement``).  The rule asks
for at least two powers (one is ``power_expm1``'s) and bases that the powers' real values keep $\ge 0$.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1


def _as_weighted_exp(t, a):
    r"""``(w, L)`` where the term ``t`` is $w\,e^{a L}$: ``w`` and ``L`` free of ``a``, ``t`` a product of an ``a``-free
    factor and powers $b^{e_0 + e_1 a}$ of ``a``-free bases with an exponent linear in ``a``; else None."""
    w, logs = sp.S.One, sp.S.Zero
    for f in sp.Mul.make_args(sp.expand_power_exp(t)):
        if a not in f.free_symbols:
            w *= f
            continue
        if not isinstance(f, sp.Pow) or a in f.base.free_symbols or f.base.is_number:
            return None
        e = sp.expand(f.exp)
        e1 = e.coeff(a, 1)
        e0 = sp.expand(e - e1 * a)
        if a in e1.free_symbols or a in e0.free_symbols or e1 == 0:
            return None
        w *= f.base ** e0
        logs += e1 * sp.log(f.base)
    return (w, logs) if logs != 0 else None


def _pivots(found_exponents) -> list:
    r"""The numbers $a_0$ at which an exponent $e_0 + e_1 a$ of the powers vanishes, and 0: where the powers are their
    weights exactly, the points the differences are taken from."""
    out = {sp.S.Zero}
    for e0, e1 in found_exponents:
        a0 = -e0 / e1
        if a0.is_number and a0.is_real:
            out.add(sp.nsimplify(a0))
    return sorted(out)


def _complement(s: sp.Expr):
    r"""``(a, [(a_0, [(w, L)])])`` where the sum ``s`` is $c + \sum_k w_k e^{(a - a_0) L_k}$ for each pivot $a_0$ listed
    (:func:`_pivots`), with $\sum_k w_k + c = 0$ by algebra ($c$ the sum of the terms free of ``a``, $w_k$ the term's
    value at $a = a_0$), else None."""
    if not isinstance(s, sp.Add):
        return None
    powers = [t for t in s.args if any(isinstance(f, sp.Pow) and not f.exp.is_number
                                       for f in sp.Mul.make_args(t))]
    if len(powers) < 2:
        return None
    candidates = set.intersection(*[{x for f in sp.Mul.make_args(t) if isinstance(f, sp.Pow)
                                     for x in f.exp.free_symbols} for t in powers])
    for a in sorted(candidates, key=str):
        if not all(_as_weighted_exp(t, a) for t in powers):
            continue
        rest = sp.Add(*[t for t in s.args if t not in powers])
        if a in rest.free_symbols:
            continue
        exponents = [(sp.expand(f.exp).coeff(a, 0), sp.expand(f.exp).coeff(a, 1)) for t in powers
                     for f in sp.Mul.make_args(t) if isinstance(f, sp.Pow) and a in f.exp.free_symbols]
        forms = []
        for a0 in _pivots(exponents):
            found = [(sp.expand_power_exp(t).subs(a, a0), _as_weighted_exp(t, a)[1]) for t in powers]
            if sp.expand(rest + sp.Add(*[w for w, _ in found])) == 0:
                forms.append((a0, found))
        if forms:
            return a, forms
    return None


def weighted_powers_complement(expr: sp.Expr) -> sp.Expr:
    r"""$c + \sum_k w_k e^{a L_k} \to \sum_k w_k \operatorname{expm1}((a - a_0) L_k)$ where $c = -\sum_k w_k$ by
    algebra, $w_k$ the powers at $a = a_0$; with two such pivots (the $\alpha$-divergence's 0 and 1), the one nearer to $a$."""
    def value(s):
        a, forms = _complement(s)
        exprs = [sp.Add(*[w * expm1((a - a0) * L) for w, L in found]) for a0, found in forms]
        if len(forms) == 1:
            return exprs[0]
        (a0, _), (a1, _) = forms[0], forms[-1]
        return sp.Piecewise((exprs[0], sp.Abs(a - a0) <= sp.Abs(a - a1)), (exprs[-1], True))

    return expr.replace(lambda e: _complement(e) is not None, value)
