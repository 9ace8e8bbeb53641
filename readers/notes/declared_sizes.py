r"""A range no formula states takes the length the notes declare for the array it runs over.

``\max_j z_j`` is read with the placeholder size ``N`` (``readers.latex.atoms.default_size``).  After
``$z \in \mathbb{R}^K$`` the index runs over the ``K`` entries of ``z``, so

.. math:: \max_j z_j \le \operatorname{lse}(z) \le \max_j z_j + \log K

is a claim about one size ``K``: the ``N`` of the maximum and the ``K`` of the bound (and of the definition
``\operatorname{lse}(z) = \log\sum_{j=1}^{K} e^{z_j}``) are one positive integer, never ``K = 10^{-300}``
beside three entries.
"""
from __future__ import annotations

import sympy as sp

from readers.latex.nodes import IndexMax
from readers.notes.determined import DEFAULT_SIZE


def declared_size(expr, dims: dict) -> str | None:
    """The one size name the declarations give the arrays that unranged indices of ``expr`` run over."""
    found = set()
    for node in expr.atoms(IndexMax, sp.Sum):
        for index, _, hi in node.limits:
            if not (isinstance(hi, sp.Symbol) and hi.name == DEFAULT_SIZE):
                continue
            for entry in node.function.atoms(sp.Indexed):
                if index in entry.indices:
                    sizes = dims.get(str(entry.base.label), ())
                    if len(sizes) == 1 and isinstance(sizes[0], str):
                        found.add(sizes[0])
    return found.pop() if len(found) == 1 else None


def bind_sizes(exprs, dims: dict) -> tuple:
    r"""``exprs`` with the placeholder size and every symbol named as the declared length replaced by one positive
    integer symbol of that name; and a name that bounds a range (``\sum_{j=1}^{K}``) is that size wherever it
    appears (``\log K``), not a second, real ``K``."""
    exprs = tuple(exprs)
    names = {declared_size(e, dims) for e in exprs} - {None}
    if len(names) == 1:
        name = names.pop()
        size = sp.Symbol(name, integer=True, positive=True)
        mapping = {s: size for e in exprs for s in e.free_symbols
                   if isinstance(s, sp.Symbol) and s.name in (name, DEFAULT_SIZE)}
        exprs = tuple(e.xreplace(mapping) for e in exprs)
    bounds = {s.name: s for e in exprs for node in e.atoms(IndexMax, sp.Sum) for _, _, hi in node.limits
              for s in hi.free_symbols if isinstance(s, sp.Symbol) and s.is_integer and s.is_positive}
    mapping = {s: bounds[s.name] for e in exprs for s in e.free_symbols
               if isinstance(s, sp.Symbol) and s.name in bounds and s != bounds[s.name]}
    return tuple(e.xreplace(mapping) for e in exprs) if mapping else exprs
