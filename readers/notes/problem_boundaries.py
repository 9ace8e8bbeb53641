r"""Where one problem of a homework, a problem sheet or a set of worked examples ends and the next begins.

A value set in prose belongs to its problem: "... So $x = y = 5$." ends problem 1, and problem 2's
$$x^2 + y^2 = 5y^2 - 20y + 25$$ is not read at x = y = 5 (it holds there, so reading it with the stale value
"proved" a claim that is no identity).  A problem begins at

* a Markdown heading (a section of its own already: readers.notes.blocks);
* a horizontal rule (``---``, ``***``, ``___``, ``<hr>``) or a LaTeX sectioning command (``\section{...}``,
  ``\subsection*{...}``, ``\part``, ``\chapter``) written in the notes;
* a paragraph that opens with the label of a new piece: ``Problem 2.``, ``**Exercise 3**``, ``Question 4:``,
  ``Example 1.2``, ``Task 5)``, ``**Q2**``, ``Q2.``, ``Ex. 3``, ``\begin{exercise}``, emphasised or plain, with a
  number or a closing mark (``.``, ``:``, ``)``, the emphasis) after the word.

A solution, a proof, an answer, a hint, a remark and the parts of one problem (``(a)``, ``(b)``, ``Part 2``) go
on with their problem: the values it sets are theirs.  Lines inside fenced code are no boundaries.

:func:`problem_starts` gives the boundaries' lines; ``bisect_right(starts, line)`` numbers the problem a line is in
(the check compares it with the problem its examples were set in, readers.notes.check ``_Section.problem``).
"""
from __future__ import annotations

import re
from bisect import bisect_right

_WORDS = r"(?:Problems?|Exercises?|Questions?|Examples?|Tasks?|Exercise|Ex\.|Prob\.|Q)"
_NUMBER = r"(?:\s*[0-9]+(?:\.[0-9]+)*[A-Za-z]?)"
_EMPHASISED = re.compile(r"\s*(?:>\s*)*(\*\*|__|\*|_)\s*" + _WORDS + r"(?:\s|[0-9.:)]|\1)")
_PLAIN = re.compile(r"\s*(?:>\s*)*(?:[0-9]+[.)]\s+)?" + _WORDS
                    + r"(?:" + _NUMBER + r"\s*(?:\([^()\n]{0,40}\))?\s*(?:[.:)]|$|\s)|\s*(?:\([^()\n]{0,40}\))?\s*[.:])")
r"""A plain label: ``Problem 2.``, ``Exercise 3:``, ``Q2)``, ``Question 4`` (a number, then a mark, a space or the
line's end), ``Example (Bayes).``, ``Problem:`` (no number: a mark right after)."""
_Q_WORD = re.compile(r"\s*(?:>\s*)*(?:\*\*|__|\*|_)?\s*Q(?![0-9]|uestion)")
"""``Q`` is a label only with its number (``Q2``): ``Q:`` or ``Q is the ...`` is prose."""
_RULE = re.compile(r"\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$|\s*<hr\s*/?>\s*$", re.I)
_SECTIONING = re.compile(r"\s*\\(?:part|chapter|section|subsection|subsubsection)\*?\s*(?:\[[^\]]*\]\s*)?\{")
_PIECE = re.compile(r"\s*\\begin\{(?:problem|exercise|question|example|exer|prob|ex)\*?\}", re.I)
_FENCE = re.compile(r"\s*(`{3,}|~{3,})")


def opens_problem(line: str) -> bool:
    """Whether ``line`` (one line of the notes) begins a new problem (see the module's docstring)."""
    if _RULE.match(line) or _SECTIONING.match(line) or _PIECE.match(line):
        return True
    if _Q_WORD.match(line):
        return False
    return bool(_EMPHASISED.match(line) or _PLAIN.match(line))


def problem_starts(text: str) -> list[int]:
    """The 1-based lines of ``text`` that begin a new problem, in order (fenced code skipped)."""
    out, fence = [], None
    for number, line in enumerate(text.split("\n"), 1):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        if opens_problem(line):
            out.append(number)
    return out


def problem_of(starts: list[int], line: int) -> int:
    """The number of the problem ``line`` is in: how many boundaries of ``starts`` lie at or before it."""
    return bisect_right(starts, line)
