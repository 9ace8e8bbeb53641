r"""Algorithm listings typeset as math: the assignments of a procedure, read but never checked.

PyTorch's optimizers (and many papers) write their algorithm as one ``aligned`` display::

    &\rule{110mm}{0.4pt} \\
    &\textbf{input} : \gamma \text{ (lr)}, \theta_0 \text{ (params)} \\
    &\textbf{for} \: t=1 \: \textbf{to} \: \ldots \: \textbf{do} \\
    &\hspace{5mm}\textbf{if} \: \lambda \neq 0 \\
    &\hspace{10mm} g_t \leftarrow g_t + \lambda \theta_{t-1} \\
    &\bf{return} \: \theta_t

A display with at least :data:`MIN_KEYWORDS` control words in bold (``\textbf{for}``, ``\textbf{if}``,
``\bf{return}`` ...) or a ``\rule`` is a listing.  Its rows with ``\leftarrow`` (or ``\gets``) are its statements,
each parsed on its own (a keyword before the first assignment of a row, ``\textbf{initialize} :``, is dropped);
the other rows (headers, control flow, rules) are no statements.  An assignment inside a branch or a loop holds
only there, so none of them is a claim or a definition that later blocks could use: the block is read (its parsed
forms are shown) and has no claim.
"""
from __future__ import annotations

import re

MIN_KEYWORDS = 2
"""Bold control words (or rules) that make a display an algorithm listing, not a formula with a bold word."""

NOTE = ("an algorithm listing: its assignments are the steps of a procedure (in its branches and loops), read and "
        "shown, neither claims nor definitions")

_KEYWORD = re.compile(r"\\(?:textbf|bf|mathbf)\s*\{\s*(?:for|if|else|elif|while|return|input|initiali[sz]e|do|end"
                      r"|repeat|until|output|require|ensure)\b[^{}]*\}")
_RULE = re.compile(r"\\rule\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}\s*\{[^{}]*\}")
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]*\])?")
_LAYOUT = re.compile(r"\\(?:begin|end)\s*\{\s*(?:aligned|align\*?|array|split|gathered)\s*\}|&|\\hspace\s*\{[^{}]*\}"
                     r"|\\(?:[:;,! ]|quad|qquad)(?![A-Za-z])")
_ASSIGN = re.compile(r"\\(?:leftarrow|gets|longleftarrow)(?![A-Za-z])")


def is_listing(content: str) -> bool:
    """Whether the display ``content`` is an algorithm listing (see the module docstring)."""
    return len(_KEYWORD.findall(content)) + len(_RULE.findall(content)) >= MIN_KEYWORDS


def statements(content: str) -> list[str] | None:
    r"""The assignment rows of a listing (``g_t \leftarrow g_t + \lambda \theta_{t-1}``), each with its layout and a
    leading keyword dropped; None when ``content`` is no listing or has no assignment."""
    if not is_listing(content):
        return None
    out = []
    for row in _ROW_BREAK.split(_RULE.sub(" ", content)):
        if not _ASSIGN.search(row):
            continue
        row = _LAYOUT.sub(" ", row)
        keyword = _KEYWORD.search(row)
        first = _ASSIGN.search(row)
        if keyword and keyword.start() < first.start():  # \textbf{initialize} : m_0 \leftarrow 0
            row = re.sub(r"^\s*:?", "", row[keyword.end():])
        out.append(" ".join(row.split()))
    return out or None
