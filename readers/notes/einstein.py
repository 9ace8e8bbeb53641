r"""The Einstein-summation reading of a claim: an index repeated within one term is summed over.

``\frac{d}{dx_k} x_i a_{ij} x_j = a_{kj} x_j + x_i a_{ik}`` read literally (``i``, ``j`` free) fails; read with the
convention, each term is summed over the indices it repeats,

.. math:: \frac{\partial}{\partial x_k} \sum_{i,j} x_i a_{ij} x_j = \sum_j a_{kj} x_j + \sum_i x_i a_{ik},

which holds.  A claim that already writes a sum is not read this way (the notes do not use the convention there).
"""
from __future__ import annotations

from collections import Counter

import sympy as sp

SIZE = sp.Symbol("N", integer=True, positive=True)
"""The size of a range no sum states, as the LaTeX reader names it (``\\sum_i`` is over ``1..N``)."""


def _index_counts(term) -> Counter:
    """How often each index symbol appears in the arrays of ``term`` (a derivative's variable counts once)."""
    counts = Counter()

    def walk(node):
        if isinstance(node, sp.Indexed):
            counts.update(i for i in node.indices if isinstance(i, sp.Symbol))
            return
        for arg in node.args:
            walk(arg)

    walk(term)
    return counts


def _summed(term):
    repeated = sorted((i for i, n in _index_counts(term).items() if n >= 2), key=str)
    if not repeated:
        return term, ()
    return sp.Sum(term, *((i, sp.Integer(1), SIZE) for i in repeated)), tuple(repeated)


def einstein_reading(lhs, rhs):
    """``(lhs, rhs, indices)`` with each additive term summed over the indices it repeats, or None when no
    term repeats an index or the claim writes a sum itself."""
    if lhs.has(sp.Sum) or rhs.has(sp.Sum):
        return None
    out, summed = [], set()
    for side in (lhs, rhs):
        terms = []
        for term in sp.Add.make_args(side):
            new, indices = _summed(term)
            terms.append(new)
            summed.update(indices)
        out.append(sp.Add(*terms))
    if not summed:
        return None
    free = {i for side in (lhs, rhs) for term in sp.Add.make_args(side)
            for i, n in _index_counts(term).items() if n == 1}
    if free & summed:  # Var(m_i h_i) = (1 - p) h_i^2: i summed on one side and free on the other is no
        return None  # convention (a repeated index is a dummy only where no term leaves it free)
    return out[0], out[1], tuple(sorted(summed, key=str))
