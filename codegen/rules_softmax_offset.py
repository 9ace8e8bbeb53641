r"""A softmax whose logits hold the square of an offset shared by every entry (:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``softmax_square_offset`` $\frac{e^{a_i}}{\sum_j e^{a_j}} = \frac{e^{a_i - c}}{\sum_j e^{a_j - c}}$, $c = k v^{2}$, each term $k (u_j + v)^{2}$ of $a_j$ taken to $k\,u_j (u_j + 2v)$
========================  =====================================================================

A Gaussian score $-\beta (x - c_j)^2$ (soft assignment to centroids, a Gaussian position bias in attention) at a shared
$x = 10^{300}$ is $-\infty$ for every $j$: the max-shift of ``exp_normalize`` is $-\infty$ too and every shifted logit
$-\infty - (-\infty)$ is nan, where the truth is one-hot (or, at $x = 10^{150}$, a softmax of logits $\sim 10^{300}$
with differences of the same size).  The shared part $k v^{2}$ ($v$ free of the summed index, $k$ too) is the same in
every logit and the softmax does not depend on it; without it each term is $k\,u_j (u_j + 2v)$, of the size of
$2 k u_j v$, finite wherever the logits' differences are.  The identity holds for every $c$, so the derivative of the
rewritten form is the derivative of the softmax.  Only for a term whose offset $v$ holds a symbol (a number offset
is no danger) and whose weight $k$ is free of the summed index (a per-entry scale $1/(2 r_j^2)$ makes $k v^2$ differ
between entries).  Costly (it changes the rounding of ordinary logits): search only.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import Held, ReduceMax


def _split_square(t, j):
    """``(k, u, v)`` where the term ``t`` is ``k (u + v)**2`` with ``u`` holding the index ``j``, ``v`` a non-number free of
    it and ``k`` free of it, else None."""
    k, f = t.as_independent(j, as_Add=False)
    if not (isinstance(f, sp.Pow) and f.exp == 2 and isinstance(f.base, sp.Add)) or k.has(ReduceMax):
        return None
    v = sp.Add(*[a for a in f.base.args if not a.has(j)])
    u = f.base - v
    if v == 0 or v.is_number or u == 0:
        return None
    return k, u, v


def _even_part(k):
    """``(k', b)`` with ``k = k' b^2``: ``b`` the product of ``f^{e/2}`` over the factors ``f^e`` of ``k`` with an even integer
    exponent and a base not a number (1 where there are none)."""
    moved, kept = [], []
    for f in sp.Mul.make_args(k):
        if isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp % 2 == 0 and not f.base.is_number:
            moved.append(sp.Pow(f.base, f.exp // 2))
        else:
            kept.append(f)
    return sp.Mul(*kept), sp.Mul(*moved)


def _without_offset(a, j):
    """The logit ``a`` (of index ``j``) with each square term's shared part $k v^2$ taken out, else None."""
    out, changed = [], False
    for t in sp.Add.make_args(a):
        found = _split_square(t, j)
        if found is None:
            out.append(t)
            continue
        k, u, v = found
        k, scale = _even_part(k)
        # held: sympy would expand k u (u + 2v) back into k u^2 + 2 k u v, whose k u^2 overflows on its own; a weight
        # 1/sigma^2 goes into both factors, (u/sigma)((u + 2v)/sigma), as ratio_before_power keeps ((u + v)/sigma)^2
        out.append(k * Held(sp.Mul(sp.Mul(u, scale, evaluate=False), sp.Mul(u + 2 * v, scale, evaluate=False),
                                   evaluate=False)))
        changed = True
    return sp.Add(*out) if changed else None


def _softmax(e):
    """``(numerator exp, sum, index i)`` where the product ``e`` is ``exp(a_i) / Sum(exp(a_j), j)`` with ``a`` holding a
    shared square offset (:func:`_without_offset`), else None."""
    if not isinstance(e, sp.Mul):
        return None
    inv = [f for f in e.args if isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.Sum)
           and len(f.base.limits) == 1 and isinstance(f.base.function, sp.exp)]
    exps = [f for f in e.args if isinstance(f, sp.exp)]
    if len(inv) != 1 or len(exps) != 1:
        return None
    s = inv[0].base
    j = s.limits[0][0]
    a = s.function.args[0]
    if a.has(ReduceMax) or _without_offset(a, j) is None:
        return None
    for i in sorted(exps[0].free_symbols - a.free_symbols, key=str):
        if getattr(i, "is_integer", False) and a.xreplace({j: i}) == exps[0].args[0]:
            return exps[0], s, i
    return None


def softmax_square_offset(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{e^{a_i}}{\sum_j e^{a_j}}$ with the shared parts $k v^2$ of the logits' squares taken out (module docstring)."""
    def value(e):
        num, s, i = _softmax(e)
        (j, lo, hi), = s.limits
        logit = s.function.args[0]
        # the entry at i built as the summand is, not substituted into it: xreplace re-evaluates the held product, and
        # a numerator rounded otherwise than the max-shift makes the top's shifted logit 1e284 instead of 0
        top = _without_offset(logit.xreplace({j: i}), i)
        rest = [f for f in e.args if f is not num and not (isinstance(f, sp.Pow) and f.base == s)]
        return sp.Mul(*rest, sp.exp(top), sp.Pow(sp.Sum(sp.exp(_without_offset(logit, j)), (j, lo, hi)), -1))

    return expr.replace(lambda e: _softmax(e) is not None, value)
