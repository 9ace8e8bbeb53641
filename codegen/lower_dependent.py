r"""Reductions whose range depends on another index, lowered as masked reductions over the range's hull.

$\sum_{k=1}^{n} \bigl|\sum_{i=1}^{k} u_i\bigr|$ (a cumulative sum), $\sum_{i}\log\sum_{j=i}^{n} e^{s_j}$ (ListMLE)
and $\sum_{i}\sum_{j=i+1}^{n} f(s_i, s_j)$ (pairs counted once) bound an inner index by an outer one.  An array
program has no ragged axis, so the inner index runs over the hull of its ranges (every value it takes for some
value of the outer index) and the terms outside the range are replaced by the reduction's neutral element:

$$\sum_{i=lo(k)}^{hi(k)} f_i = \sum_{i=L}^{H} \begin{cases} f_i & lo(k) \le i \le hi(k) \\ 0 & \text{otherwise}\end{cases},
\qquad L = \min_k lo(k),\; H = \max_k hi(k),$$

with 1 for a product and $-\infty$ for a maximum.  The identity holds term by term (the masked terms are exactly
the ones the range leaves out), and the case split is a selection (``np.where``), never a multiplication by a 0/1
mask, so a term that overflows outside the range (an $e^{s_j}$ the max-shift does not cover there) cannot turn
the sum into ``nan``.  Gradients need nothing more: the derivative of a masked term is the masked derivative.
"""
from __future__ import annotations

import sympy as sp

from codegen.lower_nodes import UnsupportedNode
from symbolic.expr import as_expr
from symbolic.functions import ReduceMax

NEUTRAL = {sp.Sum: sp.S.Zero, sp.Product: sp.S.One, ReduceMax: sp.S.NegativeInfinity}
"""The value a reduction ignores: what a masked term becomes."""


def range_hull(lo, hi, ranges: dict, depth: int = 0) -> tuple[sp.Expr, sp.Expr]:
    r"""The first and last value of an index running from ``lo`` to ``hi`` over every value of the indices these
    bounds read (``ranges``: index -> ``(lo, hi)``, themselves possibly dependent).  A bound linear in an outer
    index with a numeric slope is taken at the outer index's end that makes it extreme ($i \le k$,
    $0 \le k \le n-1$ gives $i \le n-1$); any other bound is returned as written."""
    lo, hi = as_expr(lo), as_expr(hi)
    if depth > len(ranges):
        return lo, hi
    for outer in sorted((lo.free_symbols | hi.free_symbols) & set(ranges), key=str):
        first, last = range_hull(*ranges[outer], {k: v for k, v in ranges.items() if k != outer}, depth + 1)
        ends = []
        for bound, lowest in ((lo, True), (hi, False)):
            slope = sp.diff(bound, outer)
            if not slope.is_number or sp.diff(slope, outer) != 0:
                ends.append(bound)
                continue
            ends.append(bound.subs(outer, first if (slope >= 0) == lowest else last))
        lo, hi = ends
    return lo, hi


def masked_reduction(expr, ranges: dict):
    r"""``expr`` (a ``Sum``, ``Product`` or ``ReduceMax``) over hull ranges with the terms outside its own ranges
    selected away, or None when no range of it reads another index.  ``ranges``: the indices in scope and their
    ranges; a limit may also read an earlier limit of the same reduction."""
    neutral = next((v for kind, v in NEUTRAL.items() if isinstance(expr, kind)), None)
    known = dict(ranges)
    limits, conds = [], []
    for var, lo, hi in reversed(expr.limits):  # sympy lists the innermost first: its range may read the ones after
        lo, hi = as_expr(lo), as_expr(hi)
        if (lo.free_symbols | hi.free_symbols) & set(known):
            if neutral is None:
                raise UnsupportedNode(expr, "a range that depends on another index")
            hull = range_hull(lo, hi, known)
            if (hull[0].free_symbols | hull[1].free_symbols) & set(known):
                raise UnsupportedNode(sp.Tuple(var, lo, hi), "a range whose hull depends on another index")
            limits.append((var, *hull))
            conds += [sp.Ge(var, lo), sp.Le(var, hi)]
        else:
            limits.append((var, lo, hi))
        known[var] = (lo, hi)
    if not conds:
        return None
    body = sp.Piecewise((expr.function, sp.And(*conds)), (neutral, True))
    return type(expr)(body, *reversed(limits))
