r"""A condition on an entry with an index of its own holds for every entry: the domain of the array.

"Let $z_i \ge 0$." or "for $0 < q_i < 1$" say that every entry is non-negative (lies in (0, 1)): the index is the
reader's to choose.  Kept as a side condition ``z[i] >= 0`` it constrained one entry only, and the index ``i``
became a free value of the claim, so that

.. math:: \sum_{i=1}^n z_i \ge 0, \qquad \prod_{i=1}^n q_i \le 1

were refuted at ``z = (1, -2)``, ``i = 1``.  A condition whose entries all belong to one array and whose index the
claim itself does not leave free (the claim's ``i`` is a summation index, or absent) is read as the domain of the
array's entries:

* ``z_i > 0`` (``z_i \ge 0``): positive (non-negative) entries;
* ``a < z_i < b`` with numbers ``a < b`` (closed ends where written with ``\le``): entries in that interval;
* one bound other than ``0 <`` (``z_i < 0``, ``z_i \le 1``, ``z_i \ge 2``): entries on that half-line (a negative
  bound alone was kept as a side condition on the entry ``z[i]``, and :math:`\sum_i z_i \le 0` for
  :math:`z_i \le 0` was refuted at ``z = (0, 1)``, ``i = 1``).

Other forms stay side conditions, as before.  A domain only narrows where the claim is sampled, as the condition
says it should be, so the reading removes false refutations; the condition is still shown with the verdict.
"""
from __future__ import annotations

import math
import re

import sympy as sp

from derivations.checker.assumptions import Region
from symbolic.domains import Interval, Positive

_LISTED = re.compile(r"^\s*(\\?[A-Za-z]+)_\{?[01]\}?\s*,\s*\\[lc]?dots\s*,\s*\1_\{?[A-Za-z]\}?\s*(?:\\[lg]eq?|[<>]|\\in)")
"""``z_1, \\dots, z_n \\ge``: the entries of one array listed from the first to a last one named by a letter."""
ENTRY_INDEX = sp.Symbol("i_entry", integer=True)
"""The index of "every entry" in a condition on a listed run of entries."""


def listed_entry(text: str, base_symbol) -> sp.Indexed | None:
    r"""``z[i]`` for a condition written on a run of entries, ``z_1, \dots, z_n \ge 0``, whose first listed entry
    the reader read as the name ``z_1`` (``base_symbol``); None for any other text."""
    m = _LISTED.match(text)
    if m is None or not isinstance(base_symbol, sp.Symbol) or not base_symbol.name.startswith(m.group(1).lstrip("\\")):
        return None
    label = sp.Symbol(m.group(1).lstrip("\\"), **{k: v for k, v in base_symbol.assumptions0.items() if k == "real"})
    return sp.IndexedBase(label)[ENTRY_INDEX]


def _entry_bound(condition, sides):
    """``(base, 'lo' | 'hi', value, strict)`` for ``z[i] > a``, ``a <= z[i]``, ... with ``i`` an index the sides
    leave unused, else None."""
    if not isinstance(condition, (sp.StrictGreaterThan, sp.GreaterThan, sp.StrictLessThan, sp.LessThan)):
        return None
    left, right = condition.lhs, condition.rhs
    if isinstance(right, sp.Indexed) and left.is_number:  # a < z_i: z_i > a
        left, right = right, left
        kind = {sp.StrictLessThan: ">", sp.LessThan: ">=", sp.StrictGreaterThan: "<", sp.GreaterThan: "<="}
    else:
        kind = {sp.StrictGreaterThan: ">", sp.GreaterThan: ">=", sp.StrictLessThan: "<", sp.LessThan: "<="}
    if not (isinstance(left, sp.Indexed) and right.is_number and right.is_real and len(left.indices) == 1):
        return None
    index = left.indices[0]
    if not (isinstance(index, sp.Symbol) and index.is_integer):
        return None
    if any(index in s.free_symbols for s in sides if isinstance(s, sp.Basic)):
        return None  # x_i = ... for x_i > 0: this entry's condition
    rel = kind[type(condition)]
    return left.base, ("lo" if rel.startswith(">") else "hi"), float(right), len(rel) == 1


def domains(conditions, sides) -> tuple[list, dict]:
    """``(conditions left, {array: domain})``: the conditions on every entry of an array read as its domain."""
    bounds: dict = {}
    for c in conditions:
        found = _entry_bound(c, sides)
        if found is not None:
            base, end, value, strict = found
            bounds.setdefault(base, {}).setdefault(end, []).append((value, strict, c))
    out, used = {}, set()
    for base, ends in bounds.items():
        if any(len(v) > 1 for v in ends.values()):
            continue
        lo, hi = ends.get("lo", [None])[0], ends.get("hi", [None])[0]
        if lo is not None and hi is None and lo[0] == 0:
            out[base] = Positive(allow_zero=not lo[1])
        elif lo is not None and hi is not None and lo[0] < hi[0]:
            out[base] = Interval(lo[0], hi[0], (not lo[1], not hi[1]))
        elif hi is None or lo is None:  # z_i < 0, z_i <= 1, z_i >= 2: a half-line
            lo_end, hi_end = lo or (-math.inf, True), hi or (math.inf, True)
            out[base] = Region(lo_end[0], hi_end[0], (not lo_end[1], not hi_end[1]))
        else:
            continue
        used |= {entry[2] for found in ends.values() for entry in found}
    return [c for c in conditions if c not in used], out
