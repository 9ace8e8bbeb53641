r"""An entry definition the notes restrict to some indices: after

.. math:: y_c = 1 - \epsilon + \frac{\epsilon}{K} \quad\text{and}\quad y_k = \frac{\epsilon}{K} \text{ for } k \ne c,

the body :math:`\epsilon / K` holds for every index but ``c``.  Read for every index (the reader keeps one body per
family), a claim over all of them (:math:`\sum_{k=1}^{K} y_k = 1`, :math:`\partial L / \partial z_k = p_k - y_k` with
:math:`L = -\sum_k y_k \log p_k`) fails where the notes' targets make it hold, so such a refutation is not shown: the
claim is ``undecided``, naming the restriction; so is a confirmation, which rests on the same reading (the sum of
the gradient's entries is 0 with every target :math:`\epsilon / K`, and with the notes' targets for another
reason).  A condition restricts the definition when it is an inequation
``k \ne c`` (or ``k \neq c``) on the definition's own index, written right after it (the same line); an entry set to
a value the same way ("$w_j = 1$ and $w_i = 0$ for $i \neq j$", local examples) is restricted alike.
"""
from __future__ import annotations

import sympy as sp


def restriction(pairs, recent) -> tuple[object, str] | None:
    """``(base, shown)`` when a condition's ``pairs`` (``(a, rel, b)``) restrict the entry definition ``recent``
    (``(base, indices, line)`` of the last one, or None) on its index: ``k != c`` about ``y_k``."""
    if recent is None:
        return None
    base, indices, _ = recent
    for a, rel, b in pairs:
        if rel != "!=":
            continue
        for index, other in ((a, b), (b, a)):
            if isinstance(index, sp.Symbol) and len(indices) == 1 and getattr(indices[0], "name", None) == index.name:
                return base, f"{index} != {other}"
    return None


def families_in(expr, summed=False) -> set:
    """The bases of the entries ``expr`` writes; with ``summed``, only those a sum or product runs over the index of
    (``y_k = 0.01`` "for the others" is about the entries the definition covers; a sum over ``k`` crosses ``c``)."""
    if not isinstance(expr, sp.Basic):
        return set()
    if not summed:
        return {i.base for i in expr.atoms(sp.Indexed)}
    return {i.base for node in expr.atoms(sp.Sum, sp.Product) for i in node.function.atoms(sp.Indexed)
            if {str(v) for v, *_ in node.limits} & {str(j) for j in i.indices}}


def used(exprs, restricted: dict, users: dict, summed=False) -> list[str]:
    """The restricted families (``{base: shown}``) that ``exprs`` use, written or through a name whose definition
    wrote them (``users``: name -> (bases written, bases summed), recorded as the notes define it, before its body is
    expanded); with ``summed``, only those a sum runs over every index of."""
    found = set()
    for e in exprs:
        found |= families_in(e, summed)
        for x in getattr(e, "free_symbols", ()):
            found |= users.get(getattr(x, "name", None), (set(), set()))[1 if summed else 0]
    return [f"{base} given entry by entry only where {restricted[base]}" for base in restricted if base in found]
