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


_NEGATED = re.compile(r"\b(?:not|never|non|nor)[\s-]+(?:\w+\s+){0,2}independen|\bdependent\b|\bcorrelated\b", re.I)


def states_independence(prose: str) -> bool:
    """Whether ``prose`` (the sentence of a claim, or of the list item it sits in, and the sentence introducing a
    display) calls its variables independent and nowhere says they are not ("not independent", "dependent",
    "correlated"): then a product law is what the notes mean.  Not the whole paragraph: a list of properties
    names independence for one item only."""
    return INDEPENDENCE.search(prose) is not None and _NEGATED.search(prose) is None


_GIVEN = re.compile(r"independen(?:t|ce)\s+given\s+([^.;,]{1,60})", re.I)


def conditioning(lines, line: int, sentence: str = "") -> list[str]:
    r"""The names the prose makes its independence conditional on: ``$C$`` in "independent given $C$", or the
    name a noun stands for ("independent given the class" after "a class $C$").  A joint law that makes the
    other variables independent given that one satisfies the prose, so a counterexample there is one."""
    text = "\n".join((sentence, paragraph(lines, line), _paragraph_above(lines, line)))
    out = []
    for m in _GIVEN.finditer(text):
        phrase = m.group(1)
        named = re.findall(r"\$\s*([^$]+?)\s*\$", phrase)
        if named:
            out += named
            continue
        words = re.findall(r"[A-Za-z]+", phrase)
        if words:
            out += re.findall(r"\b" + re.escape(words[-1]) + r"\s+\$\s*([^$]+?)\s*\$", text)
    return out


def _paragraph_above(lines, line: int) -> str:
    """The paragraph before the one holding ``line`` (the prose that introduces a display)."""
    k = min(max(line - 1, 0), len(lines) - 1) if lines else 0
    while k > 0 and lines[k].strip():
        k -= 1
    while k > 0 and not lines[k].strip():
        k -= 1
    return paragraph(lines, k + 1) if lines and lines[k].strip() else ""


_NAIVE_BAYES = re.compile(r"\bnaive[\s-]+bayes", re.I)


def naive_bayes(lines, line: int, sentence: str = "") -> bool:
    """Whether ``sentence`` (with the headings above the claim), its paragraph or the one above it names the
    naive-Bayes model, whose features are independent given the class: the probability check's joints (independent
    given the first variable) are its."""
    return any(_NAIVE_BAYES.search(t) for t in (sentence, paragraph(lines, line), _paragraph_above(lines, line)))
