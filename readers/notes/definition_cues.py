r"""Words just before a block that introduce it as a definition: "let us plot the function $$f(x, y) = ...$$",
"consider $g(t) = ...$", "we define $$h(x) = ...$$".

A row ``f(x, y) = ...`` whose name is already defined in the section reads two ways: a claim about the known
``f``, or a new definition that shadows it (:meth:`_NotesReader.redefinable`); without a cue the block is
``undecided`` (ambiguous).  With a cue the text itself says which: the row defines the name from here on, and
later blocks are checked with the new definition substituted.  The cue must end the prose right before the
block (nothing but spaces and a colon after it), so "the function is smooth, and $$f(x) = \dots$$" is not one.

The opposite cue, "we see that this is", "a little algebra shows that this is the same as", says the block
restates what came before in another form: a claim about the known name, not a new definition of it.
"""
from __future__ import annotations

import re

from readers.notes.taylor import introduction

CUE = re.compile(
    r"(?:\b(?:the|a|new|another|following)\s+(?:[\w-]+\s+){0,2}function"
    r"|\bconsider(?:\s+(?:now|instead|also))?"
    r"|\b(?:we|now|then)\s+define|\bdefined\s+(?:as|by)|\bis\s+defined\s+(?:as|by)|\bdefine)"
    r"\s*[:,]?\s*$", re.IGNORECASE)
"""A definition cue ending the prose before the block."""
RESTATEMENT = re.compile(
    r"\b(?:see|shows?|find|note|check)\s+that\s+(?:this|it)\s+(?:is|equals|becomes)(?:\s+the\s+same\s+as)?"
    r"\s*[:,]?\s*$", re.IGNORECASE)
"""A cue ending the prose before the block that calls it the thing just discussed, written another way."""


def text_before(lines: list[str], kind: str, line: int, column: int) -> str:
    """The prose right before a block: the sentence introducing a display, or the start of an inline block's line."""
    if kind == "display":
        return introduction(lines, line)
    return lines[line - 1][:max(column - 1, 0)] if 0 < line <= len(lines) else ""


def introduces_definition(lines: list[str], kind: str, line: int, column: int) -> bool:
    """Whether the words right before the block say it defines what it writes (see the module docstring)."""
    return CUE.search(text_before(lines, kind, line, column)) is not None


def introduces_restatement(lines: list[str], kind: str, line: int, column: int) -> bool:
    """Whether the words right before the block say it restates what was just discussed ("we see that this is")."""
    return RESTATEMENT.search(text_before(lines, kind, line, column)) is not None
