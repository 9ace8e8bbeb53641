r"""A sum that states no range runs over the count the claim names.

``\sum_i x_i`` is read with the placeholder size ``N`` (``readers.latex.atoms.default_size``).  Where the same
claim names a count in one letter that nothing else explains,

.. math:: \log \frac{1}{n}\sum_i e^{x_i} \ge \frac{1}{n}\sum_i x_i, \qquad
          \Big(\sum_i x_i\Big)^2 \le n \sum_i x_i^2, \qquad \sum_i 1 = n,

the author means ``i = 1..n``: with ``N`` and ``n`` read as two free values these are refuted at ``n = 1/2``,
``N = 2``, a counterexample no reader of the line would accept.  The claim is read with ``N = n`` (a positive
integer), and the reading is shown with the verdict.  Binding the two only specialises the claim, so a claim true
for every independent ``N`` and ``n`` stays true: the reading can remove false refutations, never add one.

The reading applies when the block writes no ``N`` of its own, and exactly one free name of the claim is a count
letter (:data:`COUNT_LETTERS`) used as a number: not an array (``M_{jk}``), an index of one (``x_n``) or only an
argument of a function the notes leave unknown (``P(A, B)``).  Where an example in force sets another count letter
to a whole number ("For $K = 2$, $p_1 = \sigma((z_1 - z_2)/T)$" with :math:`p_i = e^{z_i/T} / \sum_j e^{z_j/T}`),
that is the count the author means, not the claim's letter (the temperature ``T``): the sum runs over it
(:func:`example_count`).
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import IndexMax
from readers.notes.determined import DEFAULT_SIZE

COUNT_LETTERS = frozenset({"n", "m", "d", "K", "T"})
"""One-letter names that stand for a number of terms in the notes people write (samples, dimensions, classes, steps);
not ``B``, ``D``, ``L``, ``M`` (events, data sets, losses, matrices as often as counts)."""
_WRITTEN_N = re.compile(r"(?<![\\A-Za-z])N(?![A-Za-z])")
"""An ``N`` the block writes itself (``\\frac{1}{N}``, ``\\mathcal{N}``): the placeholder is then not the only ``N``."""


def _has_unstated_range(expr) -> bool:
    return any(isinstance(hi, sp.Symbol) and hi.name == DEFAULT_SIZE
               for node in expr.atoms(sp.Sum, sp.Product, IndexMax) for _, _, hi in node.limits)


def count_binding(sides, latex: str) -> dict | None:
    """``{old symbol: count}`` that reads the placeholder size and the claim's one count letter as one positive
    integer ``count``; None where the claim has no unstated range, the block writes an ``N``, or the count letter
    is absent or not unique."""
    sides = [s for s in sides if isinstance(s, sp.Basic)]
    if not any(_has_unstated_range(s) for s in sides) or _WRITTEN_N.search(latex or ""):
        return None
    free = {x for s in sides for x in s.free_symbols if isinstance(x, sp.Symbol)}
    opaque = {a: sp.Dummy() for s in sides for a in s.atoms(sp.Indexed, AppliedUndef)}  # not M of M_{jk}, n of x_n,
    scalars = {x for s in sides for x in s.xreplace(opaque).free_symbols  # nor an event of P(A, B)
               if isinstance(x, sp.Symbol) and not isinstance(x, sp.Dummy)}
    named = {x.name for x in free - scalars}
    candidates = {x.name for x in scalars if x.name in COUNT_LETTERS and x.name not in named}
    if len(candidates) != 1:
        return None
    name = candidates.pop()
    count = sp.Symbol(name, integer=True, positive=True)
    mapping = {x: count for x in free if x.name in (name, DEFAULT_SIZE) and x != count}
    return mapping or None


def example_count(mapping: dict, examples) -> dict:
    """``mapping`` (:func:`count_binding`), or the placeholder size alone set to the whole-number value an example
    in force gives another count letter (``examples``: ``[(name, value)]``), where exactly one does."""
    letter = next(iter(mapping.values())).name
    others = {v for n, v in examples if isinstance(n, sp.Symbol) and n.name in COUNT_LETTERS and n.name != letter
              and isinstance(v, sp.Integer) and v > 0}
    if len(others) != 1:
        return mapping
    value = others.pop()
    return {x: value for x in mapping if x.name == DEFAULT_SIZE} or mapping


def shown(mapping: dict) -> str:
    """The reading, as shown with the verdict."""
    count = next(iter(mapping.values()))
    if count.is_Integer:
        return f"a sum or maximum with no stated range runs over {count} terms (the count an example sets)"
    return f"a sum or maximum with no stated range runs over {count} terms (the {count} the claim names)"
