r"""Superscripts that count steps: ``u^{n+1}``, ``u^n``, ``R^{n+\theta}``, ``[D_t u]^n`` in notes on difference
schemes and iterations, where ``u^n`` is the value at the time level ``t_n``, not a power.

A letter counts as a level when the notes write it as a superscript at two or more shifts (``u^{n+1}`` and
``u^{n-1}``, ``R^n`` and ``R^{n+\half}``), as a subscript index (``t_n``, ``t_{n+1}``) and as the superscript of a
square bracket (``[D_t u]^n``, ``\lbrack D_t u\rbrack^n``: an operator evaluated at a level, which no power of a
parameter is written as; ``a_t = (1 - \rho^t) c`` after ``a_t = \rho a_{t-1} + \dots`` keeps its powers).  A step refuted under
the power reading is read once more with each superscript of such a letter on a name or a bracket written as a label
(``u^{(n+1)}``, which the reader takes as a label: readers.notes.check ``level_readings``); where that reading does
not fail, the step is ``undecided (ambiguous)``.  A superscript on a number (``5^{n+1}``) stays a power.
"""
from __future__ import annotations

import re

_SUPERSCRIPT = re.compile(r"\^\s*(?:\{\s*(?P<braced>[A-Za-z])(?P<shift>(?:\s*[+-][^{}]*)?)\s*\}"
                          r"|(?P<plain>[A-Za-z])(?![A-Za-z]))")
_SUBSCRIPT = re.compile(r"_\s*(?:\{\s*([A-Za-z])\s*(?:[+-][^{}]*)?\}|([A-Za-z])(?![A-Za-z]))")


def level_letters(text: str) -> frozenset[str]:
    r"""The letters ``text`` writes as superscripts at two or more shifts, as a subscript index and on a square
    bracket: ``n`` of ``u^{n+1}``, ``u^n``, ``t_n`` and ``[D_t u]^n``."""
    shifts: dict[str, set[str]] = {}
    for m in _SUPERSCRIPT.finditer(text):
        letter = m.group("braced") or m.group("plain")
        shift = re.sub(r"\s+", "", m.group("shift") or "")
        shifts.setdefault(letter, set()).add(shift)
    indices = {m.group(1) or m.group(2) for m in _SUBSCRIPT.finditer(text)}
    brackets = {m.group("braced") or m.group("plain") for m in _SUPERSCRIPT.finditer(text)
                if re.search(r"(?:\]|\\rbrack|\\right\])\s*$", text[:m.start()])}
    return frozenset(x for x, found in shifts.items() if len(found) >= 2 and x in indices and x in brackets)


def as_labels(content: str, letters: frozenset[str]) -> str | None:
    r"""``content`` with each superscript of a level letter on a name or a bracket written as a label
    (``u^{n+1}`` as ``u^{(n+1)}``, ``]^n`` as ``]^{(n)}``); None when it writes none."""
    out, last, changed = [], 0, False
    for m in _SUPERSCRIPT.finditer(content):
        letter = m.group("braced") or m.group("plain")
        before = content[:m.start()].rstrip()
        if letter not in letters or not before or before[-1].isdigit() or before[-1] == ")":
            continue  # 5^{n+1}, (1 + x)^n: powers
        label = letter + re.sub(r"\s+", " ", m.group("shift") or "").rstrip()
        out.append(content[last:m.start()] + "^{(" + label + ")}")
        last, changed = m.end(), True
    return "".join(out) + content[last:] if changed else None
