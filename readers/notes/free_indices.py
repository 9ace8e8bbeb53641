r"""Indices a definition leaves free, brought into a claim that never names them.

"Let $\Delta x = \max_i |x_k - x_i|$" defines $\Delta x$ with an index $k$ the notes never fix (the point the
stencil is centred on, left to the reader).  Substituted into a later example, $\frac{y_1 - y_0}{x_1 - x_0} =
\frac{y_1 - y_0}{\Delta x}$, the claim holds for the $k$ the author had in mind and fails for another: a
counterexample that picks $k$ shows only that the definition was read with a free index, not that the line is
wrong.  A free integer that the written claim does not name and that the expanded claim uses only as a subscript
(``x[k]``, not as a size or a bound) is such an index.
"""
from __future__ import annotations

import sympy as sp

_ENTRY = sp.Symbol("_entry")


def definition_indices(written, expanded) -> list[str]:
    """Names of the free integer indices the ``expanded`` sides use only as subscripts and the ``written`` sides
    never name (by name: the definitions may have renamed bound indices)."""
    named = {s.name for e in written for s in e.free_symbols}
    free = set().union(*(e.free_symbols for e in expanded))
    outside_entries = set().union(*(e.replace(lambda x: isinstance(x, sp.Indexed), lambda x: _ENTRY).free_symbols
                                    for e in expanded))
    subscripts = {s for e in expanded for node in e.atoms(sp.Indexed) for i in node.indices for s in i.free_symbols}
    return sorted(s.name for s in subscripts & free - outside_entries
                  if isinstance(s, sp.Symbol) and s.is_integer and s.name not in named)


def written_two_ways(sides) -> list[str]:
    r"""Names that ``sides`` hold both as a symbol and as an entry of a family (``x_1`` and ``x[1]``): one written
    name read two ways (a definition made before ``x`` became a family, substituted after), so a counterexample
    that gives them different values refutes nothing."""
    symbols = {s.name for e in sides for s in e.free_symbols if isinstance(s, sp.Symbol)}
    out = set()
    for e in sides:
        for node in e.atoms(sp.Indexed):
            if len(node.indices) == 1 and node.indices[0].is_Integer:
                name = f"{node.base}_{node.indices[0]}"
                if name in symbols or f"{node.base}_{{{node.indices[0]}}}" in symbols:
                    out.add(name)
    return sorted(out)
