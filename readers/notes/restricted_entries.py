r"""An entry definition the notes restrict to some indices: after

.. math:: y_c = 1 - \epsilon + \frac{\epsilon}{K} \quad\text{and}\quad y_k = \frac{\epsilon}{K} \text{ for } k \ne c,

the body :math:`\epsilon / K` holds for every index but ``c``.  Read for every index (the reader keeps one body per
family), a claim over all of them (:math:`\sum_{k=1}^{K} y_k = 1`, :math:`\partial L / \partial z_k = p_k - y_k` with
:math:`L = -\sum_k y_k \log p_k`) fails where the notes' targets make it hold, so such a refutation is not shown: the
claim is ``undecided``, naming the restriction.  A condition restricts the definition when it is an inequation
``k \ne c`` (or ``k \neq c``) on the definition's own index, written right after it (the same line).
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


def used(exprs, restricted: dict, symbols: dict) -> list[str]:
    """The restricted families (``{base: shown}``) that ``exprs`` use, written or through a defined name's body."""
    bodies = [e for e in exprs if isinstance(e, sp.Basic)]
    bodies += [symbols[x] for e in list(bodies) for x in e.free_symbols
               if x in symbols and isinstance(symbols[x], sp.Basic)]
    found = {i.base for e in bodies for i in e.atoms(sp.Indexed)}
    return [f"{base}_k defined only where {restricted[base]}" for base in restricted if base in found]
