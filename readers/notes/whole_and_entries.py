r"""A name written whole and by its entries in one claim: ``|\alpha| = \sum_i \alpha_i``, ``X = \sum_i X_i``.

Read literally, ``alpha`` and ``alpha_1, alpha_2, ...`` are unrelated numbers, and a claim tying them fails at
almost every point.  The notes mean one object: ``alpha`` is the array whose entries are the ``alpha_i`` (a
multi-index, a vector), or the block defines the whole from its entries.  A counterexample that sets them
independently therefore refutes nothing.
"""
from __future__ import annotations

import sympy as sp


def whole_and_entries(*exprs) -> list[str]:
    """The names ``exprs`` write both as a plain symbol and as an indexed entry (``['alpha']``)."""
    entries = {str(x.base.label) for e in exprs for x in e.atoms(sp.Indexed)}
    plain = [e.xreplace({x: sp.Dummy() for x in e.atoms(sp.Indexed)}) for e in exprs]  # d s_i / d z_j stays valid
    whole = {s.name for e in plain for s in e.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy)}
    return sorted(whole & entries)
