r"""A weighted mean of a constant is the constant: $\frac{\sum_i u_i}{\sum_j u_j} = 1$ (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``ratio_of_equal_sums``   $\frac{\sum_{i=a}^{b} u_i (c + v_i)}{\sum_{j=a}^{b} u_j} = c + \frac{\sum_i u_i v_i}{\sum_j u_j}$ ($c$ free of $i$, the sum not 0)
========================  =====================================================================

The derivative of a softmax-weighted quantity holds $\sum_i p_i$ written out as
$\frac{\sum_i e^{z_i}}{\sum_j e^{z_j}}$ (the two sums differ only in the name of the summed index), so that
sympy cannot see that it is 1; the entropy's gradient $-p_k(\log p_k + 1) + p_k \sum_i p_i(\log p_i + 1)$,
with $\log p_i = z_i - \log\sum_j e^{z_j}$, then keeps $\log\sum_j e^{z_j}$ (inside the sum over $i$, where it is
a constant $c$) and the constant 1 in terms that cancel only in floating point (1 % error at $z = (100, 3, 0, 2)$,
where the gradient is $10^{-40}$).  With the means of constants taken out, sympy cancels those terms exactly and
leaves $-p_k\,(z_k - \sum_i p_i z_i)$, which ``mean_from_top`` then forms from the small
weights.  A function ``expr -> expr`` (a rule's ``apply``); it knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp


def _weighted(num, den):
    r"""``(c, rest)`` where ``num`` is $\sum_i u_i (c + v_i)$ and ``den`` is $\sum_j u_j$ (the same $u$ and range):
    $c$ the terms free of $i$ (1 where the summand is $u_i$ alone), ``rest`` $= \sum_i u_i v_i$ (0 if none); else None."""
    if not (isinstance(num, sp.Sum) and isinstance(den, sp.Sum) and len(num.limits) == len(den.limits) == 1):
        return None
    (i, lo, hi), (j, lo2, hi2) = num.limits[0], den.limits[0]
    if (lo, hi) != (lo2, hi2) or (i != j and i in den.function.free_symbols):
        return None  # other ranges, or the renaming would capture a free index of the denominator
    u = den.function.xreplace({j: i})
    if num.function == u:
        return sp.S.One, sp.S.Zero
    factors = list(sp.Mul.make_args(num.function))
    for w in sp.Mul.make_args(u):
        if w not in factors:
            return None
        factors.remove(w)
    if len(factors) != 1 or not isinstance(factors[0], sp.Add):
        return None
    const = [t for t in factors[0].args if i not in t.free_symbols]
    if not const:
        return None
    dep = [t for t in factors[0].args if i in t.free_symbols]
    return sp.Add(*const), (sp.Sum(u * sp.Add(*dep), num.limits[0]) if dep else sp.S.Zero)


def _equal_pair(e):
    r"""``(n, m, c, rest)``: factors ``n`` and ``m`` of the product ``e`` are $\sum_i u_i (c + v_i)$ and $1/\sum_j u_j$."""
    if not isinstance(e, sp.Mul):
        return None
    for m, d in enumerate(e.args):
        if not (isinstance(d, sp.Pow) and d.exp == -1 and isinstance(d.base, sp.Sum)):
            continue
        for n, s in enumerate(e.args):
            if n != m:
                found = _weighted(s, d.base)
                if found is not None:
                    return (n, m, *found)
    return None


def ratio_of_equal_sums(expr: sp.Expr) -> sp.Expr:
    r"""$k\,\frac{\sum_i u_i (c + v_i)}{\sum_j u_j} \to k\,\bigl(c + \frac{\sum_i u_i v_i}{\sum_j u_j}\bigr)$ ($c$ free of
    $i$; $k c$ alone where there is no $v$): a weighted mean of a constant is the constant."""
    def value(e):
        n, m, c, rest = _equal_pair(e)
        k = sp.Mul(*[f for q, f in enumerate(e.args) if q not in (n, m)])
        return k * c + (k * rest * e.args[m] if rest != 0 else 0)

    return expr.replace(lambda e: _equal_pair(e) is not None, value)
