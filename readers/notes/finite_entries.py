r"""A finite set stated for the entries of a letter governs every entry: :math:`x_1, \dots, x_n \in \{0, 1\}`.

"Let $x_1, \dots, x_n \in \{0, 1\}$ be iid Bernoulli$(p)$ and $k = \sum_i x_i$", then

.. math:: -\frac{k}{p^2} - \frac{n - k}{(1 - p)^2} < 0

holds (:math:`0 \le k \le n`), but the membership was dropped (the reader kept intervals only), the entries were
sampled as real numbers and the claim was refuted at ``x = (-1, 0)``, a point its author excluded.  A membership in
a finite set of numbers (at most :data:`readers.notes.finite_values.MAX_VALUES`) written

* on a run of entries, ``x_1, \dots, x_n \in \{0, 1\}``, ``x_1, x_2 \in \{-1, 1\}``,
* on an entry with an index of its own, ``x_i \in \{0, 1\}`` ("for all $i$"),
* or on the bare letter, ``x \in \{0, 1\}``, before a claim that writes only entries of ``x``

holds for every entry of the letter, to the next heading:

* an entry the claim names as a symbol (``x_1``, ``x_k``, ``x_{t+1}``) is checked at each value, as a name in a
  finite set is (readers.notes.finite_values);
* the entries of an array the claim sums over (``x[i]``) are sampled from the set (``symbolic.domains.Choice``);
* where the values cannot all be imposed (more combinations than the checker takes), a refutation found without
  them is withheld (``undecided``), and so is any refutation whose counterexample puts an entry outside its set.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.entry_conditions import entry_subscript
from readers.notes.finite_values import MAX_VALUES

_ENTRY = r"\\?[A-Za-z]+_(?:\{[^{}]*\}|[A-Za-z0-9])"
_NUMBER = r"-?\d+(?:\.\d+)?"
_RUN = re.compile(rf"^\s*(?P<entries>{_ENTRY}(?:\s*,\s*(?:\\[lc]?dots|{_ENTRY}))*)\s*\\in\s*"
                  rf"\\\{{\s*(?P<values>{_NUMBER}(?:\s*,\s*{_NUMBER})*)\s*\\\}}\s*[.,;]?\s*$")


def listed_membership(text: str) -> tuple[str, tuple] | None:
    r"""``(letter, values)`` for a block that states a run of one letter's entries in a finite set of numbers,
    ``x_1, \dots, x_n \in \{0, 1\}``; None for any other text (one name alone is the reader's own condition)."""
    m = _RUN.match(text)
    if m is None:
        return None
    names = [n.strip() for n in m.group("entries").split(",") if "dots" not in n]
    letters = {n.split("_", 1)[0].lstrip("\\") for n in names}
    values = tuple(dict.fromkeys(sp.nsimplify(v) for v in m.group("values").split(",")))
    if len(letters) != 1 or len(names) < 2 or len(values) > MAX_VALUES:
        return None
    return letters.pop(), values


def entry_memberships(pairs) -> dict:
    r"""``{letter: values}`` for the pairs ``(x[i], 'in', {v_1, ..., v_k})`` of a condition block: an entry with an
    index of its own in a finite set of numbers."""
    out = {}
    for a, rel, b in pairs:
        if rel == "in" and isinstance(a, sp.Indexed) and len(a.indices) == 1 and isinstance(a.indices[0], sp.Symbol) \
                and type(b).__name__ == "set" and 0 < len(b.args) <= MAX_VALUES \
                and all(isinstance(v, sp.Basic) and v.is_number and v.is_real for v in b.args):
            out[str(a.base.label)] = tuple(b.args)
    return out


def bare(sides) -> set:
    """The names the sides write as names, not the labels of their arrays."""
    free = set().union(*(s.free_symbols for s in sides if isinstance(s, sp.Basic)))
    labels = {b.label for s in sides if isinstance(s, sp.Basic) for b in s.atoms(sp.IndexedBase)}
    return {x.name for x in free - labels if isinstance(x, sp.Symbol)}


def governing(finite: dict, entries: dict, sides) -> dict:
    r"""``{letter: values}`` of the sets that govern the entries of ``sides``: those stated on entries, and those
    stated on a bare letter the sides do not write themselves (``x`` beside ``x_0``: two different things)."""
    written = bare(sides)
    letters = {**{n: v for n, v in finite.items() if re.fullmatch(r"\\?[A-Za-z]+", n)}, **entries}
    return {n: v for n, v in letters.items() if n not in written}


def entry_names(letters: dict, sides) -> dict:
    r"""``{name: values}`` for the entries the sides write as symbols (``x_1``, ``x_k``) of a governed letter."""
    names = bare(sides)
    return {n: letters[k] for n in names for k in letters if entry_subscript(n, k)}


def arrays(letters: dict, sides) -> dict:
    """``{IndexedBase: values}`` for the arrays of the sides (``x[i]``) whose letter is governed."""
    return {b: letters[str(b.label)] for s in sides if isinstance(s, sp.Basic)
            for b in s.atoms(sp.IndexedBase) if str(b.label) in letters}


_WITNESS_ENTRY = re.compile(r"^(?P<letter>\\?[A-Za-z]+)(?:\[[^\]]*\]|_.+)$")


def outside(counterexample: dict | None, letters: dict) -> str | None:
    r"""The first entry of a counterexample that lies outside its letter's set (``x[1] = -1`` while
    ``x_i \in \{0, 1\}``), shown; None when every governed entry is in its set."""
    for key, value in (counterexample or {}).items():
        m = _WITNESS_ENTRY.match(str(key))
        if m is None or m.group("letter") not in letters:
            continue
        try:
            number = sp.Rational(str(value)) if re.fullmatch(r"-?\d+(?:/\d+)?", str(value)) else sp.Float(str(value))
        except (TypeError, ValueError):
            return f"{key} = {value}"
        if not any(abs(number - v) < 1e-12 for v in letters[m.group("letter")]):
            return f"{key} = {value}"
    return None
