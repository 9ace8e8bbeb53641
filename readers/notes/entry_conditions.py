r"""A condition stated on a letter governs the letter's numbered and indexed entries.

"Rewards are bounded, $|r| \le R$" and then $$\Bigl|\sum_{k=0}^{n-1} \gamma^k r_{t+k}\Bigr| \le nR$$: the reader reads
the bound as one on every reward :math:`r_{t+k}`; read on a scalar ``r`` the claim never mentions, it said nothing, and
the claim was refuted at :math:`r_{t+k} = 1/2,\ R = 0`, a point its author excluded.  The same holds of "Let
$x > 0$" before :math:`\sqrt{x_1 x_2} \le (x_1 + x_2)/2`.  Arrays written ``x[i]`` already meet their letter's
condition (the condition is renamed to the array); this module does the same for entries the parser keeps as
symbols of their own, ``r_{t+k}``, ``x_1``.  A condition stated on an entry with an index of its own (``y_i \in
[0, 1]``, or on a run, ``y_1, \dots, y_m \ge 0``) governs the entries the claim writes as symbols (``y_2``, ``y_k``)
the same way:

.. math:: c(r) \;\Rightarrow\; c(r_{s}) \text{ for every entry } r_s \text{ of the claim}

An entry is the letter with a subscript that is a number or an index expression (``1``, ``12``, ``i``, ``t+k+1``,
``t-1``, ``ij``); a word (``R_{max}``, ``x_{train}``) names another quantity and is left alone, and so is every entry
of a claim that also writes the bare letter (``x`` beside ``x_0``: the two are then different things).  Only conditions
on a single name are carried over, so the verdict names exactly the bound it used (``|r_{t+k}| <= R``).
"""
from __future__ import annotations

import re

import sympy as sp

_INDEX_SUBSCRIPT = re.compile(r"^(?:\d+|[a-z]{1,2}(?:[+-](?:[a-z]|\d+))*)$")


def entry_subscript(name: str, letter: str) -> bool:
    """True where ``name`` is ``letter`` with an index subscript (``r_{t+k}``, ``x_1``), not a word label."""
    if not name.startswith(letter + "_"):
        return False
    sub = name[len(letter) + 1:]
    if sub.startswith("{") and sub.endswith("}"):
        sub = sub[1:-1]
    return bool(_INDEX_SUBSCRIPT.match(sub.replace(" ", "")))


def entry_conditions(condition, expr_symbols) -> list:
    """The ``condition`` on one letter, restated for each entry of that letter among ``expr_symbols``.

    Empty where the condition relates several letters' entries in ways the statement does not fix, where the letter
    itself is among ``expr_symbols``, or where the claim has no entry of it."""
    names = {x.name for x in expr_symbols if isinstance(x, sp.Symbol)}
    indexed = _every_entry(condition)
    if indexed is not None:  # y_i \in [0, 1], y_1, \dots, y_m \ge 0: the entry y[i] stands for every y_k
        letter = indexed.base.label
        if letter.name in names or indexed.indices[0] in expr_symbols:
            return []
        return [r for r in (condition.xreplace({indexed: x}) for x in sorted(
            (x for x in expr_symbols if isinstance(x, sp.Symbol) and entry_subscript(x.name, letter.name)),
            key=lambda x: x.name)) if r not in (sp.true, sp.false)]
    letters = [x for x in condition.free_symbols if isinstance(x, sp.Symbol) and x.name not in names]
    if len(letters) != 1:
        return []
    letter = letters[0]
    entries = sorted((x for x in expr_symbols if isinstance(x, sp.Symbol) and entry_subscript(x.name, letter.name)),
                     key=lambda x: x.name)
    out = []
    for entry in entries:
        restated = condition.xreplace({letter: entry})
        if restated not in (sp.true, sp.false):
            out.append(restated)
    return out


def _every_entry(condition):
    """The one entry ``y[i]`` a condition bounds, its index a name of its own and nothing else free; else None.  An
    equation (``x_i = 0``) sets a value, not a domain: None."""
    parts = condition.args if isinstance(condition, sp.And) else (condition,)
    if not all(isinstance(p, (sp.StrictGreaterThan, sp.GreaterThan, sp.StrictLessThan, sp.LessThan, sp.Unequality))
               for p in parts):
        return None
    found = condition.atoms(sp.Indexed)
    if len(found) != 1:
        return None
    (entry,) = found
    if len(entry.indices) != 1 or not isinstance(entry.indices[0], sp.Symbol):
        return None
    return entry if condition.free_symbols <= {entry, entry.indices[0], entry.base.label} else None
