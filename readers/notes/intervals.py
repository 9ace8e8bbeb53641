r"""Membership in an interval as a condition: ``p \in (0, 1)`` is :math:`0 < p < 1`, ``t \in [0, T]`` is
:math:`0 \le t \le T`, ``q \in (0, 1]`` is :math:`0 < q \le 1`.

The LaTeX reader reads ``(0, 1)`` and ``[0, 1]`` alike, as the pair ``tuple(0, 1)``; which bound is strict is
read back from the row's text, each ``\in`` followed by a bracket and its closing bracket, in order.  When the
text does not show one bracketed interval per pair read (a ``\left(``/``\right]`` form, a nested bracket, a
mismatch), nothing is returned and the block is read as it was (never a guessed strictness: a condition read as
open where the notes write a closed interval would prove claims that fail at its ends).

A membership the sentence makes existential ("for some $\xi \in (a, b)$", "there is ...") is no condition: the
caller asks :func:`existential` first.
"""
from __future__ import annotations

import re

from sympy.core.function import AppliedUndef

_INTERVAL = re.compile(r"\\in\s*(?:\\left\s*)?([(\[])([^()\[\]{}]*)(?:\\right\s*)?([)\]])")
_EXISTENTIAL = re.compile(r"\b(?:for\s+some|there\s+(?:is|are|exists?)|exists?|at\s+least\s+one)"
                          r"(?:\s+(?:real|number|value|point|a|an|some))?\s*$", re.IGNORECASE)


def _interval(e) -> bool:
    return isinstance(e, AppliedUndef) and e.func.__name__ == "tuple" and len(e.args) == 2


def bounds(pairs, text: str) -> list | None:
    r"""``pairs`` (``(a, rel, b)``) with each ``a \in (lo, hi)`` replaced by its two bounds
    (``(a, '>', lo), (a, '<', hi)``, strictness from the brackets in ``text``); None when no pair is an interval
    membership or the brackets in the text cannot be matched to them one to one."""
    members = [i for i, (_, rel, b) in enumerate(pairs) if rel == "in" and _interval(b)]
    if not members:
        return None
    written = _INTERVAL.findall(text)
    if len(written) == 1 and len({pairs[i][2] for i in members}) == 1:  # x, y \in [0, 1]: one interval for all
        written = written * len(members)
    if len(written) != len(members) or any(m[1].count(",") != 1 for m in written):
        return None
    out, k = [], 0
    for i, (a, rel, b) in enumerate(pairs):
        if i not in members:
            out.append((a, rel, b))
            continue
        opening, _, closing = written[k]
        k += 1
        out += [(a, ">" if opening == "(" else ">=", b.args[0]), (a, "<" if closing == ")" else "<=", b.args[1])]
    return out


def existential(sentence_before: str) -> bool:
    """Whether the words before a block make its membership existential ("for some", "there exists")."""
    return bool(_EXISTENTIAL.search(sentence_before))
