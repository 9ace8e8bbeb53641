r"""The fast form of a numba kernel: the stability guards that a row does not need, dropped, with a run-time test.

Two rewrites keep values in range at the cost of passes over a row, and change nothing where the values were in
range anyway (the NumPy backend takes the same fast paths: :mod:`codegen.lower_unit_scale`,
:mod:`codegen.lower_unshifted`):

* the scale $M$ of ``scaled_sqrt``, $\sqrt{\sum_j u_j^2 + r} = M\sqrt{\sum_j (u_j/M)^2 + r/M^2}$ for every $M > 0$:
  a pass for $\max_j |u_j|$ (in the layer-norm forward one of four).  Taken as $M = 1$ where

  .. math:: n\,\frac{\mathrm{tiny}}{\varepsilon} \le S + c^2 \le \varepsilon\,\mathrm{max}, \qquad S = \sum_j u_j^2,

  $c$ the largest of the other scales (the radicand's scalar squares, $\sqrt{|r|}$), in float64, the kernels'
  computing type (a NaN fails both tests): no square overflowed and the squares that underflowed lose less than
  $\varepsilon S$ together.
* the shift $m = \max_j f_j$ of exponentials (:class:`~codegen.lower_unshifted.ExpShift`): a pass for $m$, and
  $e^{f_j - m}$ is less accurate than $e^{f_j}$ (the rounded argument's error $|f_j - m|\,\varepsilon/2$ grows by
  the exponential: softmax at logits 3.96 and -8932 was 3.5e-15 against mpmath).  Taken as $m = 0$ where every
  sum $S = \sum_j e^{f_j}$ is in $[1, \sqrt{\mathrm{max}}]$ of the kernel's dtype (its exponential's), and only
  where every output is bounded by the guarded sums with no test of its own
  (:func:`~codegen.lower_unshifted.bounded_by_guards`: the softmax $e^{z_i}/S \le 1$).

The fast kernel tests each row after its reductions (``if not guard: return False``); where a row fails, the
wrapper runs the full kernel over every row (gradient outputs zeroed again: those summed over rows accumulate).
"""
from __future__ import annotations

import dataclasses

import sympy as sp

from codegen.lower_unit_scale import scale_parts
from codegen.lower_unshifted import bounded_by_guards, unshifted

SQRT_MAX = sp.Symbol("_sqrt_max_T", positive=True)
"""$\\sqrt{\\mathrm{max}}$ of the kernel's dtype; printed as ``_SQRT_MAX_T``, which each dtype's copy replaces."""
SQRT_MAX_CODE = "_SQRT_MAX_T"
SQRT_MAX_VALUE = {"f32": "1.8446742974197924e+19", "f64": "1.3407807929942596e+154"}
LOW = sp.Float(2.2250738585072014e-308 / 2.220446049250313e-16, 17)  # float64 tiny / eps
HIGH = sp.Float(1.7976931348623157e308 * 2.220446049250313e-16, 17)  # float64 max * eps


def _unit_scale(targets):
    """``(targets with every scale M = 1, [guards])`` or None where no scale of ``scaled_sqrt`` is found."""
    scales = {node: parts for t in targets for node in sp.preorder_traversal(t.expr)
              if isinstance(node, sp.Max) for parts in [scale_parts(node)] if parts is not None}
    if not scales:
        return None
    fast = [dataclasses.replace(t, expr=t.expr.xreplace({m: sp.S.One for m in scales})) for t in targets]
    guards = []
    for m, (top, others) in scales.items():
        (j, lo, hi), = top.limits
        u = top.function.args[0]
        total = _existing_sum(fast, u, j, lo, hi)
        rest = [a for a in others if not isinstance(a, type(sp.S.SmallestNormal))]
        if rest:
            total = total + sp.Max(*rest) ** 2
        guards += [total >= (hi - lo + 1) * LOW, total <= HIGH]
    return fast, guards


def _existing_sum(targets, u, j, lo, hi):
    """$\\sum_j u_j^2$ as the targets write it (the printer then computes it once), else a new node."""
    for t in targets:
        for node in sp.preorder_traversal(t.expr):
            if isinstance(node, sp.Sum) and len(node.limits) == 1:
                (k, klo, khi), = node.limits
                if (klo, khi) == (lo, hi) and node.function.xreplace({k: j}) == u ** 2:
                    return node
    return sp.Sum(u ** 2, (j, lo, hi))


def _unshift(targets):
    """``(targets with every exponential shift 0, [guards])`` or None (no shift, or an output the guard does
    not bound)."""
    found = unshifted([t.expr for t in targets])
    if found is None:
        return None
    exprs, sums = found
    if not all(bounded_by_guards(e, sums, t.indices) for e, t in zip(exprs, targets)):
        return None
    fast = [dataclasses.replace(t, expr=e) for t, e in zip(targets, exprs)]
    return fast, [g for s in sums for g in (s >= 1, s <= SQRT_MAX)]


def fast_form(targets):
    r"""``(targets, guard, bounded)``: the targets without the guards that the run-time ``guard`` (a sympy condition
    per row) makes unnecessary, or None where neither rewrite applies.  ``bounded``: every output is bounded by the
    guarded sums alone (the unshifted softmax $e^{z_i} / S$ with $1 \le S \le \sqrt{\mathrm{max}}$): no output of
    a row that passed the guard can overflow, in any order of its products' roundings."""
    guards, bounded = [], False
    for rewrite in (_unit_scale, _unshift):
        found = rewrite(targets)
        if found is not None:
            targets, more = found
            guards += more
            bounded = rewrite is _unshift and len(guards) == len(more)
    return (tuple(targets), sp.And(*guards, evaluate=False), bounded) if guards else None
