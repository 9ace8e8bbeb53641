r"""Softmax-weighted means measured from the top weight (:mod:`codegen.rules` registers the rules).

With max-shifted weights $w_i = e^{h_i}$, $h_i = f_i - \max_j f_j \le 0$, $S = \sum_i w_i$:

========================  =====================================================================
rule                      identity
========================  =====================================================================
``mean_from_top``         $A - k\frac{\sum_i w_i v_i}{S} = (A - k c) - k\frac{\sum_i w_i (v_i - c)}{S}$ for any $c$, $k$ free of $i$;
                          $c = \frac{\sum_i [h_i = 0]\, v_i}{\#\{h_i = 0\}}$, the value at the top weight
``one_minus_top``         $A + \frac{w_k}{S} = (A + 1) - \frac{O}{S}$ where $h_k = 0$, $O = S - 1 = \sum_j [h_j < 0]\, w_j + \#\{h_j = 0\} - 1$
========================  =====================================================================

Both are the softmax VJP $p_k (g_k - \sum_i g_i p_i)$ and $\delta_{0k} - p_k$ where one weight dominates:
$g_k - \sum_i g_i p_i$ and $1 - p_k$ cancel at the top index $k$ (a near one-hot $p$: softmin,
softmax at a low temperature, InfoNCE), while the right-hand sides are formed from the small
weights only ($(g_k - c)$ is exactly 0 at the top, and $O$ never adds 1).  Each sum runs once over
the axis (no $n \times n$ intermediate).  The grouped difference $(A - c)$ is an ``UnevaluatedExpr``,
so that it is formed before the small term is added (a flat sum could add the small term to $c$ first).
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ReduceMax

from codegen.rules_cancel import others_of_shifted_sum


def _shifted_weight(e):
    """``h`` where ``e`` is ``exp(h)`` with ``h`` holding a max-shift, else None."""
    if isinstance(e, sp.exp) and e.args[0].has(ReduceMax):
        return e.args[0]
    return None


def _weight_sum(s):
    """``(h, var, limits)`` for ``s = Sum(exp(h), (var, lo, hi))`` with a max-shifted ``h``, else None."""
    if isinstance(s, sp.Sum) and len(s.limits) == 1 and _shifted_weight(s.function) is not None:
        return s.function.args[0], s.limits[0][0], s.limits[0]
    return None


def _denominator(factors):
    """``(n, h, var, limits)``: factor ``n`` is ``1/Sum(exp(h))``, or ``1/(Sum(exp(h)) + r)`` with an offset ``r``
    free of the summed index and holding the max-shift (:func:`_offset`)."""
    for n, f in enumerate(factors):
        if isinstance(f, sp.Pow) and f.exp == -1:
            w = _weight_sum(f.base)
            if w is None and _offset(f.base) is not None:
                w = _weight_sum(_offset(f.base)[0])
            if w is not None:
                return (n, *w)
    return None


def _offset(d):
    r"""``(S, r)`` for a denominator ``d = S + r``, ``S`` a shifted weight sum and ``r`` $= c\,e^{-m}$ (the shifted
    constant of a softmax with a sink, ``exp_normalize_offset``), else None."""
    if not isinstance(d, sp.Add):
        return None
    sums = [t for t in d.args if _weight_sum(t) is not None]
    if len(sums) != 1:
        return None
    r = d - sums[0]
    var = sums[0].limits[0][0]
    return (sums[0], r) if r.has(ReduceMax) and var not in r.free_symbols and not r.has(sp.Sum) else None


def _weighted_mean(t):
    """``(coef, v, var, limits, h, S)`` for ``t = coef * Sum(exp(h_i) v_i, i) / Sum(exp(h_j), j)``, ``coef`` free of
    sums (a number, or a factor such as the inverse temperature $\beta$ of the gradient of a Boltzmann operator)."""
    factors = list(sp.Mul.make_args(t))
    den = _denominator(factors)
    if den is None:
        return None
    n, h, var, limits = den
    rest = factors[:n] + factors[n + 1:]
    sums = [f for f in rest if isinstance(f, sp.Sum) and len(f.limits) == 1]
    coef = [f for f in rest if not isinstance(f, sp.Sum)]
    if len(sums) != 1 or any(f.has(sp.Sum, ReduceMax) for f in coef):
        return None
    num = sums[0]
    i = num.limits[0][0]
    if tuple(num.limits[0][1:]) != tuple(limits[1:]):
        return None
    hi = h.subs(var, i)
    terms = list(sp.Mul.make_args(num.function))
    weights = [f for f in terms if isinstance(f, sp.exp) and f.args[0] == hi]
    if len(weights) != 1:
        return None
    terms.remove(weights[0])
    v = sp.Mul(*terms)
    if v.has(sp.exp) or v.has(ReduceMax) or i not in v.free_symbols:
        return None
    return sp.Mul(*coef), v, i, num.limits[0], hi, factors[n].base


def _fresh(i, suffix):
    return sp.Symbol(f"{i.name}_{suffix}", **i.assumptions0)


def top_value(v, i, limits, h):
    r"""$c = \sum_i [h_i \ge 0]\, v_i / \#\{h_i \ge 0\}$: the value at the top weight (their mean at a tie)."""
    t = _fresh(i, "top")
    vt, ht = v.subs(i, t), h.subs(i, t)
    lim = (t, *limits[1:])
    return (sp.Sum(sp.Piecewise((vt, ht >= 0), (0, True)), lim)
            / sp.Sum(sp.Piecewise((1, ht >= 0), (0, True)), lim))


def _first_term(e, match):
    """``(n, match(t))`` for the first term ``t = e.args[n]`` of a sum that ``match`` recognizes, else None."""
    if not isinstance(e, sp.Add):
        return None
    for n, t in enumerate(e.args):
        found = match(t)
        if found is not None:
            return n, found
    return None


def _mean_term(e):
    return _first_term(e, _weighted_mean)


def _at_an_index(t, u, i) -> bool:
    """Whether the term ``t`` is ``u`` (a summand in ``i``) at some integer index of ``t``."""
    return any(sp.expand(t - u.subs(i, k)) == 0 for k in t.free_symbols if k.is_integer)


def mean_from_top(expr: sp.Expr) -> sp.Expr:
    r"""$A + k\frac{\sum_i w_i v_i}{S} \to (A + k c) + k\frac{\sum_i w_i (v_i - c)}{S}$ (see the module)."""
    def value(e):
        n, (coef, v, i, limits, h, s) = _mean_term(e)
        terms = [t for q, t in enumerate(e.args) if q != n]
        c = top_value(v, i, limits, h)
        deviation = sp.Sum(sp.exp(h) * (v - c), limits) / s
        if _offset(s) is not None:  # the weights sum to 1 - r/D: the mean of c is c - c r/D
            deviation -= c * _offset(s)[1] / s
        if coef.is_number:
            return sp.UnevaluatedExpr(sp.Add(*terms) + coef * c) + coef * deviation
        # k c whole (a quotient rule would split k c / count), grouped with the terms it cancels only: in
        # 1 + beta x_k - beta B (the gradient of a Boltzmann operator) a 1 in the group is lost to beta x_k - beta c
        near = [t for t in terms if _at_an_index(t, -coef * v, i)] or terms
        far = [t for t in terms if t not in near]
        return sp.UnevaluatedExpr(sp.Add(*near) + coef * sp.UnevaluatedExpr(c)) + sp.Add(*far) + coef * deviation

    return _fold_means(expr).replace(lambda e: _mean_term(e) is not None, value)


def _branch_mean(e):
    """``(n, piecewise)`` where a term ``n`` of the sum ``e`` is a ``Piecewise`` with a weighted mean as a branch."""
    if not isinstance(e, sp.Add):
        return None
    for n, t in enumerate(e.args):
        if isinstance(t, sp.Piecewise) and any(_weighted_mean(b.expr) is not None for b in t.args):
            return n, t
    return None


def _fold_means(expr):
    r"""$A + \begin{cases} M & c \\ B \end{cases} = \begin{cases} A + M & c \\ A + B \end{cases}$ where $M$ is a
    weighted mean: the max-shift of a softmax with a sink holds only for $m > 0$ (``exp_normalize_offset``), and the
    mean must meet the $A$ it cancels against."""
    def value(e):
        n, piece = _branch_mean(e)
        rest = [t for q, t in enumerate(e.args) if q != n]
        return sp.Piecewise(*[(sp.Add(*rest, b.expr), b.cond) for b in piece.args])

    return expr.replace(lambda e: _branch_mean(e) is not None, value)


def _top_probability(t):
    """``(coef, h_k, S)`` for ``t = coef * exp(h_k) / Sum(exp(h_j), j)`` with ``h_k`` the summand at a free index."""
    factors = list(sp.Mul.make_args(t))
    den = _denominator(factors)
    if den is None:
        return None
    n, h, var, limits = den
    rest = factors[:n] + factors[n + 1:]
    weights = [f for f in rest if _shifted_weight(f) is not None]
    coef = [f for f in rest if f not in weights]
    if len(weights) != 1 or not sp.Mul(*coef).is_number:
        return None
    hk = weights[0].args[0]
    free = [s for s in hk.free_symbols - h.free_symbols if s.is_integer]
    if len(free) != 1 or h.subs(var, free[0]) != hk:
        return None
    return sp.Mul(*coef), hk, factors[n].base


def _probability_term(e):
    return _first_term(e, _top_probability)


def one_minus_top(expr: sp.Expr) -> sp.Expr:
    r"""$A + k p_k \to (A + k) - k\,O/S$ where $h_k = 0$ (the top index), else unchanged (see the module)."""
    def value(e):
        n, (coef, hk, s) = _probability_term(e)
        rest = sp.Add(*[t for q, t in enumerate(e.args) if q != n])
        parts = _offset(s)  # with a sink's offset r: 1 - w_k/(S + r) = (O + r)/(S + r)
        others = others_of_shifted_sum(s) if parts is None else others_of_shifted_sum(parts[0]) + parts[1]
        top = sp.UnevaluatedExpr(rest + coef) - coef * others / s
        return sp.Piecewise((top, hk >= 0), (e, True))

    return expr.replace(lambda e: _probability_term(e) is not None, value)
