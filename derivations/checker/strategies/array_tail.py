r"""Array lengths beyond the concrete ones: a claim about a vector of any length that fails at other lengths.

A step with arrays of a symbolic length is checked at the lengths ``instances.ARRAY_SIZES`` (2, 3 and 5), each
written out element by element.  A claim can hold at exactly those and fail at others:

.. math:: \Big(\sum_{i=1}^{n} x_i\Big)^2 \le 5 \sum_{i=1}^{n} x_i^2

holds for $n \le 5$ and fails at $n = 6$ ($x = (1, \dots, 1)$: 36 against 30);
$\sum_{i=1}^{n-1} x_i x_{i+1} \le 0.9 \sum_{i=1}^{n} x_i^2$ fails from $n = 6$ (the path's top eigenvalue over two,
$\cos\frac{\pi}{n+1}$, passes 0.9 there) and $\sum_{i=1}^{n} x_i^2 \ge 2 x_1 x_n$ at $n = 1$ alone (the two ends are one
entry).  All three were verified.  After a ``verified`` verdict, the probe's quick search (``strategies.probe``: the
domains' edge points, a constant vector among them, then random draws; each failure decided exactly) runs again at
each length of :data:`LENGTHS` in turn, while its share of the budget lasts.  A failing length is a counterexample;
lengths that all hold add nothing (the verdict stays as the ladder gave it).

A length is not started when it cannot end in what is left of the share: its instances are built and compiled
without watching the deadline, so such a length was stopped by its caller's kill, after the share was spent and
nothing decided (6 of the 18 calls of ``verify --all``), and the next call forked a fresh child.  The cost of a
length grows about in proportion to it or faster (each entry is written out, sampled and compiled; $n^2$ entries
for a Jacobian), so the least seconds per entry seen at the lengths searched so far, times the next length, is taken
as a lower bound of its cost (:func:`longer_array_refutation`).  Where the lengths cost about the same whatever their
size (a fixed cost, milliseconds), the bound is up to 1.5 times too high, and near the end of the share one length
may go unsearched that would have been searched in part.
"""
from __future__ import annotations

import dataclasses

import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict
from symbolic.expr import as_expr

from derivations.checker.strategies.exact import ExactTest
from derivations.checker.strategies.instances import ARRAY_SIZES, _admissible, _size_symbols
from derivations.checker.strategies.numeric import NumericTest

LENGTHS = (1, 4, 6, 7, 8, 11, 16, 24, 32)
"""Array lengths tried after the concrete ones; 1 only where a claim must hold wherever its assumptions do
(``prove``: ``Step.undefined == "refutes"``): notes often mean two or more entries without saying so."""
POINTS = 8
"""Sampled points per instance at each length (the probe's)."""


def applies(step: Step) -> bool:
    """Whether the step has arrays whose length is a size symbol (so it was checked at ``ARRAY_SIZES`` only)."""
    arrays = step.indices or any(as_expr(p).has(sp.Indexed, sp.IndexedBase) for p in (step.lhs, step.rhs))
    if not arrays or step.rel not in ("=", "<=", ">=", "<", ">"):
        return False
    if step.sizes:
        return all(set(size) == set(step.sizes[0]) for size in step.sizes) and bool(step.sizes[0])
    return bool(_size_symbols(step))


def longer_array_refutation(step: Step, budget: float, seed: int = 0) -> Verdict | None:
    """``refuted`` at the first length of :data:`LENGTHS` where the quick search finds a counterexample, else None."""
    deadline = busy_clock() + budget
    symbols = sorted(step.sizes[0] if step.sizes else _size_symbols(step), key=str)
    tried = {tuple(int(size[s]) for s in symbols) for size in step.sizes} if step.sizes else \
        {(n,) * len(symbols) for n in ARRAY_SIZES}
    per_entry = 0.0  # the least seconds per entry of any length searched so far
    for length in LENGTHS:
        if length == 1 and step.undefined != "refutes":
            continue
        size = {s: sp.Integer(length) for s in symbols}
        if (length,) * len(symbols) in tried or not _admissible(step, size):
            continue
        started = busy_clock()
        left = deadline - started
        if left <= 0 or per_entry * length > left:
            return None
        at_length = dataclasses.replace(step, sizes=(size,))
        verdict = ExactTest(seed)(at_length, left / 2)
        if verdict is None or verdict.kind != "refuted":
            verdict = NumericTest(seed, points=POINTS, quick=True)(at_length, max(deadline - busy_clock(), 0.0))
        spent = (busy_clock() - started) / length
        per_entry = spent if per_entry == 0.0 else min(per_entry, spent)
        if verdict is not None and verdict.kind == "refuted":
            return dataclasses.replace(
                verdict, method=f"{verdict.method}, at a length beyond the concrete ones",
                reason=f"{verdict.reason} (at {', '.join(f'{s} = {length}' for s in symbols)}: the concrete lengths "
                       f"{', '.join(map(str, sorted({n for t in tried for n in t})))} all held)")
    return None
