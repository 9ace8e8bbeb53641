r"""The base of a bare ``\log`` that the notes themselves state.

A ``\log`` without a base is read as the natural logarithm, and a step that fails with it but holds in base 2 or
10 is ``undecided (ambiguous)`` (readers.notes.check ``log_base_reading``).  Notes that say which logarithm they
mean leave no such doubt: after "The logarithm is the natural one.", "log denotes the natural logarithm", "log -
the natural log", "(natural logarithms)" or "we are using the natural logarithm", the other bases are not the
author's reading, and a step that fails with the natural log is refuted.  A notation holds from where it is
stated to the end of the document, until a later sentence states another base ("log always refers to log_2",
"base-2 logarithms"); then the other readings are weighed again.
"""
from __future__ import annotations

import re

_LOG = r"(?:\\?log(?:arithm)?s?|\$\\log\$)"
NATURAL = re.compile(
    rf"\b(?:the\s+)?{_LOG}\s+(?:is|are|denotes?|means?|refers?\s+to|stands?\s+for)\s+(?:always\s+)?"
    r"(?:the\s+)?(?:natural(?:\s+one|\s+log(?:arithm)?)?\b|to\s+(?:the\s+)?base\s+e\b|base[- ]e\b)"
    rf"|\ball\s+logarithms\s+are\s+natural\b|\b{_LOG}\s+[-\u2013\u2014:=]\s+(?:the\s+)?natural\s+log"
    r"|\(\s*natural\s+log(?:arithm)?s?\s*\)"
    r"|\bwe(?:\s+are|'re)?\s+us(?:e|ing)\s+(?:the\s+)?natural\s+log(?:arithm)?s?\b", re.IGNORECASE)
"""Sentences that fix a bare log as the natural one."""
OTHER = re.compile(
    r"\bbase[- ](?:2|10|two|ten)\s+log|\blog(?:arithm)?s?\s+(?:to|in)\s+(?:the\s+)?base\s+(?:2|10|two|ten)\b"
    rf"|\b{_LOG}\s+(?:is|are|denotes?|means?|(?:always\s+)?refers?\s+to)\s+(?:always\s+)?(?:the\s+)?"
    r"(?:binary|decimal|common|\$?\\log_\{?(?:2|10))"
    rf"|\b{_LOG}\s+(?:is|are)\s+(?:always\s+)?(?:to|in)\s+(?:the\s+)?base\s+(?:2|10|two|ten)\b", re.IGNORECASE)
"""Sentences that fix another base ("every logarithm is to base 2")."""
_BASE = re.compile(r"(?<!\d)(2)(?!\d)|\b(two|binary)\b|(?<!\d)10(?!\d)|\b(?:ten|decimal|common)\b", re.IGNORECASE)


def natural_declared(lines: list[str], line: int) -> bool:
    """Whether the prose before ``line`` (1-based) states that a bare log is the natural one, and no later
    sentence before it states another base."""
    text = " ".join(lines[:max(line - 1, 0)])
    last = None
    for kind, pattern in (("natural", NATURAL), ("other", OTHER)):
        for m in pattern.finditer(text):
            if last is None or m.start() > last[1]:
                last = (kind, m.start())
    return last is not None and last[0] == "natural"


def declared_base(lines: list[str], line: int) -> int | None:
    """The base (2 or 10) the prose before ``line`` (1-based) states for a bare log, when that statement is the last
    one about the log's base there (a later "log is the natural one" takes it back); None otherwise."""
    text = " ".join(lines[:max(line - 1, 0)])
    last = None
    for kind, pattern in (("natural", NATURAL), ("other", OTHER)):
        for m in pattern.finditer(text):
            if last is None or m.start() > last[1]:
                last = (kind, m.start(), m.group(0))
    if last is None or last[0] != "other":
        return None
    found = _BASE.search(last[2])
    return None if found is None else (2 if found.group(1) or found.group(2) else 10)
