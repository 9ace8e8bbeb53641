r"""One minus a sum of powers of a distribution: $1 - \sum_i p_i^{q} = -\sum_i p_i \operatorname{expm1}((q - 1)\log p_i)$
where $\sum_i p_i = 1$ (a softmax).

$1 - \sum_i p_i^{q}$ (Tsallis and Rényi entropies, the Gini impurity at $q = 2$) cancels where one $p_i$ is near 1: the
Tsallis entropy of the softmax of $(100, 1.5, -1.4, 2.6)$ at $q = 1.29$ is $1 - (1 - 5 \cdot 10^{-43})^{q} - \ldots
\approx 7 \cdot 10^{-43}$, and 0 in float64.  Since $\sum_i p_i = 1$ the difference is $\sum_i (p_i - p_i^{q})$, whose
terms $p_i(1 - p_i^{q - 1}) = -p_i \operatorname{expm1}((q - 1)\log p_i)$ all have the sign of $q - 1$: no cancellation
is left, and the top entry's $\log p_i = -\operatorname{log1p}(\sum_{j \ne i} e^{z_j - z_i})$ keeps its digits
(identity ``unit_sum_complement``; the log of the softmax is then split and shifted by the log-softmax rules).
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1


def _softmax_entry(s, i, lo, hi) -> bool:
    r"""Whether ``s`` is $e^{a(i)} / \sum_{j=lo}^{hi} e^{a(j)}$: its sum over $i$ from ``lo`` to ``hi`` is 1."""
    if not isinstance(s, sp.Mul):
        return False
    exps = [f for f in s.args if isinstance(f, sp.exp)]
    dens = [f for f in s.args if isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.Sum)]
    if len(exps) != 1 or len(dens) != 1 or len(s.args) != 2:
        return False
    total = dens[0].base
    if len(total.limits) != 1:
        return False
    j, jlo, jhi = total.limits[0]
    a = exps[0].args[0]
    return (jlo, jhi) == (lo, hi) and isinstance(total.function, sp.exp) and \
        total.function.args[0].xreplace({j: i}) == a and i not in total.free_symbols


def _power_sum(t):
    """``(k, s, q, limits)`` where ``t`` is ``k * Sum(s**q, (i, lo, hi))`` with ``s`` a softmax entry, else None."""
    k, f = t.as_independent(sp.Sum, as_Add=False)
    if not isinstance(f, sp.Sum) or len(f.limits) != 1 or not isinstance(f.function, sp.Pow):
        return None
    i, lo, hi = f.limits[0]
    s, q = f.function.base, f.function.exp
    if q.has(i) or not _softmax_entry(s, i, lo, hi):
        return None
    return k, s, q, f.limits


def _pair(e: sp.Add):
    for n, t in enumerate(e.args):
        found = _power_sum(t)
        if found is None:
            continue
        k = found[0]
        for m, c in enumerate(e.args):
            if m != n and sp.expand(c + k) == 0:
                return n, m, found
    return None


def unit_sum_complement(expr: sp.Expr) -> sp.Expr:
    r"""$k \sum_i p_i^{q} - k \to k \sum_i p_i \operatorname{expm1}((q - 1)\log p_i)$ for a softmax $p$."""
    def value(e):
        n, m, (k, s, q, limits) = _pair(e)
        rest = [t for r, t in enumerate(e.args) if r not in (n, m)]
        return sp.Add(*rest) + k * sp.Sum(s * expm1((q - 1) * sp.log(s)), *limits)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)
