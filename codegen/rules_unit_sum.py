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

from symbolic.functions import Held


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


def _expanded_power(p, i, lo, hi):
    r"""``(s, q)`` where ``p`` is $e^{q a(i)} (\sum_{j=lo}^{hi} e^{a(j)})^{-q}$, the form sympy gives $s^{q}$ of a softmax
    entry $s$ for a number $q$ (``(exp(a)/S)**2`` is ``exp(2*a)*S**-2``), else None."""
    if not isinstance(p, sp.Mul) or len(p.args) != 2:
        return None
    exps = [f for f in p.args if isinstance(f, sp.exp)]
    dens = [f for f in p.args if isinstance(f, sp.Pow) and isinstance(f.base, sp.Sum) and f.exp.is_number
            and f.exp.is_negative]
    if len(exps) != 1 or len(dens) != 1 or not isinstance(dens[0].base.function, sp.exp):
        return None
    total, q = dens[0].base, -dens[0].exp
    if len(total.limits) != 1:
        return None
    j = total.limits[0][0]
    s = sp.exp(total.function.args[0].xreplace({j: i})) / total
    if sp.expand(exps[0].args[0] - q * total.function.args[0].xreplace({j: i})) != 0:
        return None
    return (s, q) if _softmax_entry(s, i, lo, hi) else None


def _log_entry(s):
    r"""$\log s = a - \log \sum_j e^{f_j}$ for a softmax entry $s = e^{a} / \sum_j e^{f_j}$, split as ``log_softmax_split``
    would, and held, for a number $q$: sympy folds ``expm1(log(s))`` (at $q = 2$) and $\operatorname{expm1}(a - \log S)$
    back into the cancelling $s - 1$."""
    (a,) = [f.args[0] for f in s.args if isinstance(f, sp.exp)]
    (total,) = [f.base for f in s.args if isinstance(f, sp.Pow)]
    return a - sp.log(total)


def _power_sum(t):
    """``(k, s, q, limits)`` where ``t`` is ``k * Sum(s**q, (i, lo, hi))`` with ``s`` a softmax entry, else None."""
    k, f = t.as_independent(sp.Sum, as_Add=False)
    if not isinstance(f, sp.Sum) or len(f.limits) != 1:
        return None
    i, lo, hi = f.limits[0]
    if isinstance(f.function, sp.Pow):
        s, q = f.function.base, f.function.exp
        if q.has(i) or not _softmax_entry(s, i, lo, hi):
            return None
    else:
        found = _expanded_power(f.function, i, lo, hi)
        if found is None:
            return None
        s, q = found
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
        power = expm1(Held((q - 1) * _log_entry(s))) if q.is_number else expm1((q - 1) * sp.log(s))
        return sp.Add(*rest) + k * sp.Sum(s * power, *limits)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)
