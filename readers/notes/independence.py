r"""Probability claims the prose makes about independent variables.

"Two random variables $A$ and $B$ being independent means ... In this case $P(B \mid A) = P(B)$":
the claim holds where

.. math::  P(A, B) = P(A)\,P(B)

and fails for the dependent joints the probability check samples (:mod:`readers.notes.probability`).  When the
paragraph holding the claim speaks of independence (*independent*, *independence*, ``\perp``), a failure on a
dependent joint is no counterexample to what the notes say: :func:`assumes_independence` tells.
"""
from __future__ import annotations

import re

INDEPENDENCE = re.compile(r"\bindependen(?:t|ce)\b|\\perp\b", re.I)


def paragraph(lines, line: int) -> str:
    """The paragraph (up to blank lines) that holds the 1-based ``line``."""
    k = min(max(line - 1, 0), len(lines) - 1) if lines else 0
    start, end = k, k
    while start > 0 and lines[start - 1].strip():
        start -= 1
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    return "\n".join(lines[start:end + 1]) if lines else ""


def assumes_independence(lines, line: int, sentence: str = "") -> bool:
    """Whether the sentence or the paragraph around ``line`` speaks of independent variables."""
    return INDEPENDENCE.search(sentence) is not None or INDEPENDENCE.search(paragraph(lines, line)) is not None
