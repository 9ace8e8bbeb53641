r"""Membership of a number in a set written out element by element: ``3 \in \{1, 3, 5\}``, ``2 \notin \{1, 3\}``.

The parser reads ``\{1, 3, 5\}`` as the application ``set(1, 3, 5)``.  When the element and every member are
numbers, membership is decided exactly: the element equals one of the members (their difference simplifies to 0)
or differs from each (a nonzero difference).  Anything else (a name, an interval, a set of names) is left to the
caller, which does not check it.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.reading import is_literal

METHOD = "exact: the element compared with each member of the set written out"


def _number(e) -> bool:
    return is_literal(e) and bool(e.is_number)


def decide(element, rel: str, collection) -> str | None:
    """'proved' or 'refuted' for ``element rel collection`` (``rel`` 'in' or 'notin'), None when not decidable
    here (see the module docstring)."""
    if rel not in ("in", "notin") or not _number(element) or not isinstance(collection, AppliedUndef) \
            or collection.func.__name__ != "set" or not collection.args \
            or not all(_number(m) for m in collection.args):
        return None
    differences = [sp.simplify(element - m) for m in collection.args]
    if any(d.is_zero is None for d in differences):
        return None
    member = any(d.is_zero for d in differences)
    return "proved" if member == (rel == "in") else "refuted"
