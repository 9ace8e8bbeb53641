r"""Words just before a block that introduce it as a definition: "let us plot the function $$f(x, y) = ...$$",
"consider $g(t) = ...$", "we define $$h(x) = ...$$", "now let $f(x) = ...$".

A row ``f(x, y) = ...`` whose name is already defined in the section reads two ways: a claim about the known
``f``, or a new definition that shadows it (:meth:`_NotesReader.redefinable`); without a cue the block is
``undecided`` (ambiguous).  With a cue the text itself says which: the row defines the name from here on, and
later blocks are checked with the new definition substituted.  The cue must end the prose right before the
block (nothing but spaces and a colon after it), so "the function is smooth, and $$f(x) = \dots$$" is not one.

The opposite cue, "we see that this is", "a little algebra shows that this is the same as", says the block
restates what came before in another form, and a conclusion ("therefore", "hence", "so", "we get") draws it from
what came before: either way a claim about the known name, not a new definition of it.
"""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from sympy.core.function import AppliedUndef

from readers.latex.nodes import Chain
from readers.notes.taylor import introduction

CUE = re.compile(
    r"(?:\b(?:the|a|new|another|following)\s+(?:[\w-]+\s+){0,2}function"
    r"|\bconsider(?:\s+(?:now|instead|also))?"
    r"|\b(?:we|now|then)\s+define|\bdefined\s+(?:as|by)|\bis\s+defined\s+(?:as|by)|\bdefine|\blet"
    r"|(?:^|[.;!?]\s)\s*(?:for|take|with|if))"
    r"\s*[:,]?\s*$", re.IGNORECASE)
"""A definition cue ending the prose before the block; a sentence that opens on the block ("For $f(x) = e^x$,
$f''(x) = e^x > 0$.", "Take $g(t) = ...$") supposes it: the name is set anew for what follows."""
RESTATEMENT = re.compile(
    r"(?:\b(?:see|shows?|find|note|check)\s+that\s+(?:this|it)\s+(?:is|equals|becomes)(?:\s+the\s+same\s+as)?"
    r"|\b(?:this|it|which)\s+(?:becomes|reduces\s+to|simplifies\s+to)"
    r"|\b(?:splits|expands|factori[sz]es|decomposes)\s+(?:as|into))"
    r"\s*[:,]?\s*$", re.IGNORECASE)
"""A cue ending the prose before the block that calls it the thing just discussed, written another way ("we see that
this is", "for $y = 1$ this becomes", "which reduces to", "it splits as")."""
CONCLUSION = re.compile(
    r"\b(?:therefore|hence|thus|so|then|consequently|it\s+follows\s+that|which\s+gives|(?:we|one)\s+(?:get|gets|obtain|"
    r"obtains|find|finds|have|has))\s*[:,]?\s*$", re.IGNORECASE)
"""A cue ending the prose before the block that draws it as a consequence ("and therefore", "..., so", "if every
$p_i = 1/V$, then"): what follows is a claim about the names already defined (``G_n = ...`` after ``G_n`` was
defined), not a new definition."""
MARKED_WRONG = re.compile(
    r"(?:(?:(?:^|[.,;:(])\s*|\b(?:and|but|or)\s+)not"  # "Not $...$", ", not $...$": not "so not $x = 0$"
    r"|\b(?:wrong|incorrect|mistake|instead\s+of|rather\s+than|(?:i|we)\s+(?:first\s+|had\s+|once\s+)?"
    r"(?:wrote|had|got)|(?:first\s+(?:try|draft|attempt)|notes?)\s+(?:had|said(?:\s+that)?(?:\s+[\w ]{0,30})?))"
    r")\s*[:,]?\s*$", re.IGNORECASE)
"""A cue ending the prose before the block that marks it wrong or as what the author first wrote ("Wrong:", "not",
"I first had", "my first try had", "my class notes said that at this optimum"): the block restates a name of the notes
to be checked (and expected to fail), neither an example that sets the name nor a new definition of it."""
RESTATING_WORDS = re.compile(r"^\s*(?:or\s+|and\s+)?(?:equivalently|i\.\s?e\.|that\s+is|in\s+other\s+words)\W*$",
                             re.IGNORECASE)
r"""Words inside a block between two rows that say the second restates the first (``L_i = ... \text{or
equivalently} L_i = ...``): the second row is a claim, not prose to pass over."""


def restates_row(notes) -> bool:
    """Whether a row the parser read as prose (its first note the words before it) restates the row before."""
    return bool(notes) and RESTATING_WORDS.match(notes[0]) is not None


def split_restatements(rows):
    r"""``rows`` with each equation that restating words attach to a formula row as its condition (``g(t) = (t+1)^2
    \qquad 	ext{or equivalently} \qquad g(t) = t^2 + 2t + 1``) made a row of its own after it, as the parser
    makes it when the words stand between rows (kind ``prose``, read by :func:`restates_row`)."""
    for row in rows:
        equations = [c for c in row.conditions if isinstance(c, sp.Eq)] \
            if row.kind == "formula" and any(RESTATING_WORDS.match(n) for n in row.notes) else []
        if not equations:
            yield row
            continue
        yield replace(row, conditions=tuple(c for c in row.conditions if c not in equations))
        for c in equations:
            yield replace(row, chain=Chain((c.lhs, c.rhs), ("=",)), kind="prose", continued=False, conditions=(),
                          notes=tuple(n for n in row.notes if RESTATING_WORDS.match(n)))


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
    before = text_before(lines, kind, line, column)
    return RESTATEMENT.search(before) is not None or CONCLUSION.search(before) is not None \
        or MARKED_WRONG.search(before) is not None


def introduced_as_wrong(lines: list[str], kind: str, line: int, column: int) -> bool:
    """Whether the words right before the block mark it wrong ("Wrong: $w^* = a/b$"; :data:`MARKED_WRONG`) or call
    it the thing just written, another way ("It splits as $L = ...$"; :data:`RESTATEMENT`): a restatement to check,
    never a value set for a name the notes use."""
    before = text_before(lines, kind, line, column)
    return MARKED_WRONG.search(before) is not None or RESTATEMENT.search(before) is not None


def differentiated_after(rows, index: int, name: str) -> bool:
    r"""Whether a row after ``rows[index]`` writes a derivative of the function ``name`` (``\frac{\partial f}{\partial
    x}``, ``\frac{df}{dx}``, ``f'(x)``): ``f(x, y) = x + y \rightarrow \frac{\partial f}{\partial x} = 1`` sets ``f``
    to differentiate it, whatever ``f`` was before, so the row defines it anew.  Only when no other row of the block
    sets ``f`` too: the block's claims are checked after all its rows are read, with the last ``f`` set."""
    setting = [r for r in rows if r.chain.rels[:1] == ("=",) and not r.continued
               and isinstance(r.chain.exprs[0], AppliedUndef) and r.chain.exprs[0].func.__name__ == name]
    if len(setting) != 1:
        return False
    for row in rows[index + 1:]:
        for e in row.chain.exprs:
            if any(getattr(d.expr, "name", None) == name or (isinstance(d.expr, AppliedUndef)
                                                              and d.expr.func.__name__ == name)
                   for d in e.atoms(sp.Derivative)):
                return True
            if any(f.func.__name__ == name + "'" for f in e.atoms(AppliedUndef)):
                return True
    return False
