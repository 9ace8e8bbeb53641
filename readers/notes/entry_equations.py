r"""A condition that sets an indexed entry to a value: ``q_k = 1/K`` sets every entry when the words say so.

.. code-block:: latex

    For a distribution $q$ over $K$ classes, $H(q) = -\sum_{k=1}^K q_k \log q_k$.
    If $q_k = 1/K$ for every $k$ then $H(q) = \log K$.

The condition is read ``Eq(q[k], 1/K)`` with ``k`` a bare index; the claim, expanded, holds the entries of ``q`` at
its own summation index, which the condition never reaches.  Checked with the entries free, the claim was refuted at
``q = (1 - 1e-12, 1e-12)``, a point the condition excludes.  Read at every entry,

.. math:: q_j := \tfrac{1}{K} \text{ for every } j: \quad -\sum_{j=1}^{K} \tfrac1K \log\tfrac1K = \log K,

it holds.  The words decide between the two readings: "for every $k$", "for all", "uniform", "all equal" say every
entry (:data:`EVERY`); without them the condition may be about the one entry ``q_k`` ("if $x_i = 0$ then ..."), so
a claim that holds only at every entry is undecided, never confirmed.  Either way a claim that still fails with every
entry set is refuted there, at a point that satisfies the condition in both readings.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.entry_examples import all_entries_set, at_every_entry

EVERY = re.compile(r"\bfor\s+(?:every|all|each|any)\b|\buniform(?:ly)?\b|\ball\s+(?:equal|the\s+same|entries)\b"
                   r"|\b(?:every|each|all)\s+(?:entr(?:y|ies)|\$)", re.IGNORECASE)
"""Words that say a condition on ``q_k`` sets every entry."""


def entry_equations(conditions, sides) -> list[tuple]:
    """``[(entry, value)]``: the equations among ``conditions`` that set an entry at a bare index (``q[k] = 1/K``) of
    an array the expanded ``sides`` hold (:func:`readers.notes.entry_examples.all_entries_set`)."""
    bases = {str(e.base.label): e.base for x in sides if isinstance(x, sp.Basic) for e in x.atoms(sp.Indexed)}
    pairs = [(_as_entry(c.lhs, bases), c.rhs) for c in conditions if isinstance(c, sp.Eq)]
    return all_entries_set(pairs, sides)


_LETTER_SUBSCRIPT = re.compile(r"^(?P<base>.+?)_(?:\{(?P<braced>[A-Za-z])\}|(?P<bare>[A-Za-z]))$")


def _as_entry(name, bases):
    """``p[m]`` for a symbol ``p_m`` (a letter subscript the parser kept in the name) of an array ``p`` of ``bases``;
    else ``name``."""
    found = _LETTER_SUBSCRIPT.match(name.name) if isinstance(name, sp.Symbol) else None
    if found is None or found.group("base") not in bases:
        return name
    return bases[found.group("base")][sp.Symbol(found.group("braced") or found.group("bare"), integer=True)]


def at_every_entry_of(entries, sides) -> tuple:
    """``sides`` with every entry of the arrays of ``entries`` set to its value."""
    return tuple(at_every_entry(e, entries) for e in sides)


def without(conditions, entries) -> tuple:
    """``conditions`` without the equations ``entries`` came from (they are now substituted)."""
    used = {(n, v) for n, v in entries}
    bases = {str(n.base.label): n.base for n, _ in entries}
    return tuple(c for c in conditions if not (isinstance(c, sp.Eq) and (_as_entry(c.lhs, bases), c.rhs) in used))
