r"""How far a condition the prose states reaches: its own sentence, or the rest of the section.

A condition in the sentence of a claim is that claim's: "For $x < 0$ we have $$|x| = -x$$", "$$\sqrt{x^2} = x$$
where $x > 0$.", "$\sqrt{x^2} = x$ for $x > 0$."  Kept to the next heading, it confirmed a later display of the
section that states no condition, $$\sqrt{x^2} = x,$$ which fails at $x = -1$: a false ``proved``.  So a condition
after a cue word (*for*, *for all*, *if*, *when*, *whenever*, *where*, *on*, *provided*, *as long as*, a sign word between:
"for positive $x$") ends with its sentence when the sentence says more than the condition: words after it ("we
have", ", then"), or a formula before it in the sentence (it trails that claim, which read it already:
readers.notes.trailing_conditions; it ends right there; after an inline formula not with *where*: "at $t = T$, where
$T > 0$." describes T; after a bare value, the value's case: "with derivative $1$ for $z > 0$ and $0$ for $z < 0$",
which kept ``z < 0`` for the rest of the section).  A sentence goes on over a display and a blank line before a display or a
word in lower case ("where"), and ends at a full stop (in prose or closing a display), at a blank line or a display
before prose that opens in upper case, at a heading or a list item.

A condition stated on its own governs the blocks after it up to the next heading, as before: "Let $x > 0$.",
"Suppose $t \ge 1$", "For $0 < p < 1$:" (only conditions before the colon or full stop), "Throughout, $n \ge 1$",
a name's description ("where $\sigma > 0$ is the standard deviation"), a count with what it counts ("For $n \ge 2$
independent draws ..."), any condition without a cue word, and one whose sentence makes no claim.  When
a sentence's condition ends, the section's conditions it had replaced (``Reader.assume``) hold again.
"""
from __future__ import annotations

import bisect
import re

from readers.latex.tables import GREEK

_DISPLAY, _INLINE = "\x01", "\x02"
_SIGN = r"(?:strictly\s+)?(?:non-?negative|non-?positive|non-?zero|negative|positive|real|integer|complex)"
_CUE = (r"(?:\bfor(?:\s+(?:all|every|any|each))?|\bif|\bwhen|\bwhenever|\bwhere|\bon|\bprovided(?:\s+that)?"
        r"|\bas\s+long\s+as|\bin\s+the\s+case|\bin\s+case)\s+(?:" + _SIGN + r"\s+)*"
        r"(?:(?:numbers?|reals?|values?|integers?)\s+(?:of\s+)?)?")
_JOINED = r"(?:" + _INLINE + r"+\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+))*"
_CUED = re.compile(_CUE + _JOINED + r"$", re.IGNORECASE)
"""The words right before a condition that make it one of a claim: a cue word, perhaps a sign word, and perhaps
earlier conditions of the same clause ("where $x > 0$ and $y > 0$")."""
_TRAILING = re.compile(r"[" + _DISPLAY + _INLINE + r"][\s,;]*(?:[A-Za-z]+\s+){0,4}?" + _CUE + _JOINED + r"$",
                       re.IGNORECASE)
"""A formula of the sentence before the cue, a few words between ("$f$ is convex for $x > 0$")."""
_NEW_CLAUSE = re.compile(r"\b(?:and|but|while|whereas|or|so|then|thus|hence)\b|;", re.IGNORECASE)
"""Words between a formula and the cue that open a clause of its own ("$$A$$ and for $n \\ge 2$ the product ...")."""
_STANDING = re.compile(r"^[\s,;(]*(?:let|assume|suppose|fix|take|given|consider|throughout|henceforth|we\s+assume"
                       r"|we\s+suppose|we\s+take|we\s+consider)\b|\b(?:throughout|henceforth|from\s+now\s+on"
                       r"|in\s+what\s+follows|for\s+the\s+rest|in\s+this\s+(?:section|chapter|note)|from\s+here\s+on)\b",
                       re.IGNORECASE)
r"""A sentence that sets a condition for what follows ("Let $x > 0$.", "Throughout, $n \ge 1$")."""
_DESCRIBES = re.compile(r"^\s*(?:is|are|denotes?|stands?|be|being|will|represents?)\b(?!\s+(?:strictly\s+)?"
                        r"(?:non-?negative|non-?positive|non-?zero|negative|positive)\b)", re.IGNORECASE)
r"""Words after the condition that describe its name ("where $\sigma > 0$ is the standard deviation"): a declaration
that stays (not a sign given in words: "when $x$ is negative")."""
_NO_CLAIM = frozenset({"condition", "definition", "no claim", "example"})
"""Roles of blocks that claim nothing (readers.notes.report.BlockReport.role)."""
_COUNTED = re.compile(r"^\s*(?:(?!(?:the|a|an|its|their|our|we|it|this|these|those|all|both|each|every|then|so)\b)"
                      r"[a-z]+\s+)?(?!(?:this|thus|has|was|does|holds|gives|follows|becomes|tends|goes|means|"
                      r"equals|satisfies|yields|implies|reads|remains|stays|converges|diverges|exists|vanishes|its|"
                      r"less|unless|always|plus|minus|times|is|as|us|avoids|makes|keeps|gets|uses|needs|works|fails|"
                      r"overflows|underflows|saturates|grows|decays|decreases|increases|approaches|behaves|lies|"
                      r"takes|gives|stays|changes|flips|returns|matches|agrees|differs|works)\b)[a-z]{3,}s\b")
r"""A plural noun right after the condition, perhaps after one adjective: what the name counts ("For $n \ge 2$
independent draws with variance ...", "for $k \ge 1$ steps"), a declaration of the count for the section; only
after a relation (a bare name with a sign word, "for negative $x$ avoids ...", counts nothing)."""
_ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|cf|vs|resp|approx|eq|eqs|fig|sec|ch|no)$", re.IGNORECASE)
_DISPLAY_FULL_STOP = re.compile(r"[.]\s*(?:\\\\)?\s*(?:\\(?:quad|qquad|,|;)\s*)*\Z")


_APPLIED = re.compile(r"^\s*\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?\s*(?:\\left)?\(([^()=]*)(?:\\right)?\)\s*(?:=|:=|\\coloneqq)")
r"""A definition of a function, ``\sigma(x) = ...``, ``f_1(x, y) := ...``: its argument list."""


def _letters(latex: str) -> frozenset:
    r"""The names a formula writes: single letters and Greek letters (``x``, ``\theta``), not commands."""
    return frozenset(re.findall(r"(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])", latex)) | frozenset(
        g for g in re.findall(r"\\([A-Za-z]+)", latex) if g in GREEK)




def _masked(text: str, fragments, starts) -> str:
    chars = list(text)
    for f in fragments:
        start = starts[f.line - 1] + f.column - 1 if 0 < f.line <= len(starts) else None
        if start is None or text[start:start + len(f.source)] != f.source:
            continue
        mark = _DISPLAY if f.kind == "display" else _INLINE
        chars[start:start + len(f.source)] = mark * len(f.source)
    return "".join(chars)


def _boundaries(masked: str, text: str, fragments, starts) -> list[int]:
    """The offsets where sentences end (see the module docstring)."""
    out = []
    for m in re.finditer(r"[.!?](?=[\"')\]]*(?:\s|$))", masked):
        if m.group() == "." and _ABBREVIATION.search(masked[max(0, m.start() - 6):m.start()]):
            continue
        out.append(m.end())
    for m in re.finditer(r"\n[ \t]*\n\s*(?=\S)", masked):
        nxt = masked[m.end()]
        if not (nxt.islower() or nxt in _DISPLAY + ",;"):
            out.append(m.start() + 1)
    for m in re.finditer(r"(?:^|\n)[ \t]*(?:#|[-*+]\s|\d+[.)]\s|\|)", masked):  # a heading, a list item, a table row
        out.append(m.start() + (m.group().startswith("\n")))
        if m.group().strip() in ("#", "|"):  # ... which ends with its line
            out.append(len(masked) if masked.find("\n", m.end()) < 0 else masked.find("\n", m.end()))
    for f in fragments:  # a display that ends with a full stop, or before a word in upper case ("Later, ...")
        end = starts[f.line - 1] + f.column - 1 + len(f.source) if 0 < f.line <= len(starts) else None
        if f.kind == "display" and end is not None and (_DISPLAY_FULL_STOP.search(f.content)
                                                        or re.match(r"[ \t]*\n?[ \t]*[A-Z]", masked[end:end + 80])):
            out.append(end)
    return sorted(set(out))


class SentenceConditions:
    """The conditions of the section that end with their sentence, and where each ends."""

    def __init__(self, text: str = "", fragments=()):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.masked = _masked(text, fragments, self.starts)
        self.ends = _boundaries(self.masked, text, fragments, self.starts)
        self.roles = {}  # end offset of a block read -> its role (:meth:`read`)
        self.held = []  # (section number, end offset, conditions added, those they replaced, widened before, all after)
        self.ended = []  # (section number, relation, line): conditions whose sentence has ended (:meth:`stated_before`)
        self.cases = set()  # offsets of conditions that are a value's case ("$1$ for $z > 0$"), claim or no claim
        self.arguments = {}  # end offset of a definition of a function -> the letters of its arguments

    def offset(self, frag) -> int | None:
        return self.starts[frag.line - 1] + frag.column - 1 if 0 < frag.line <= len(self.starts) else None

    def sentence(self, offset: int) -> tuple[int, int]:
        """The start and end offsets of the sentence holding ``offset``."""
        k = bisect.bisect_right(self.ends, offset)
        return (self.ends[k - 1] if k else 0), (self.ends[k] if k < len(self.ends) else len(self.masked))

    def scope(self, frag) -> int | None:
        """Where the condition the inline ``frag`` states ends, when it is its sentence's own; None when it
        governs the section (see the module docstring)."""
        at = self.offset(frag)
        if frag.kind != "inline" or at is None or self.masked[at:at + 1] != _INLINE:
            return None
        start, end = self.sentence(at)
        before, after = self.masked[start:at], self.masked[at + len(frag.source):end]
        trailing = _TRAILING.search(before)
        if trailing and not _NEW_CLAUSE.search(trailing.group()) and not _STANDING.search(before) \
                and self.roles.get(start + trailing.start() + 1) == "definition" \
                and not re.search(r"\bwhere\b", trailing.group(), re.IGNORECASE) \
                and _letters(frag.content) and _letters(frag.content) <= self.arguments.get(start + trailing.start() + 1,
                                                                                           frozenset()):
            self.cases.add(at)  # "$\sigma(x) = \frac{e^x}{1 + e^x}$ for negative $x$": that form's case, always ends
            return at + len(frag.source)
        counted = _COUNTED.match(after) and re.search(r"[<>=]|\\(?:ge|le|geq|leq|in)\b", frag.content)
        if _STANDING.search(before) or _STANDING.search(after) or not _CUED.search(before) or _DESCRIBES.match(after) \
                or counted:
            return None
        trailing = _TRAILING.search(before)  # "$$\sqrt{x^2} = x$$ where $x > 0$.": that claim's, read with it already
        if trailing and not _NEW_CLAUSE.search(trailing.group()):
            role = self.roles.get(start + trailing.start() + 1, "claim")
            if role == "no claim" and not re.search(r"\bwhere\b", trailing.group(), re.IGNORECASE):
                self.cases.add(at)  # "derivative $1$ for $z > 0$ and $0$ for $z < 0$": a value's case, always ends
                return at + len(frag.source)
            if role != "claim":
                return None  # "$$p(x) = ...$$ where $\sigma > 0$": a parameter of the definition, declared
            if not (trailing.group()[0] == _INLINE and re.search(r"\bwhere\b", trailing.group(), re.IGNORECASE)):
                return at + len(frag.source)  # not "at $t = T$, where $T > 0$.", which describes T
        rest = re.sub(r"^(?:\s*(?:,|and\b|or\b)\s*" + _INLINE + r"+)*", "", after).strip(" \t\n,;")
        if rest and rest[0] not in ":.":
            return end  # "For $x < 0$ we have $$|x| = -x$$": the conditions of what follows in that sentence
        return None  # "For $0 < p < 1$:", "For $x > 0$.": stated on its own

    def read(self, frag, role: str) -> None:
        r"""Record the role of the block ``frag`` (a claim, a definition, ...) once read, and for a definition of a
        function the letters of its arguments (``x`` of ``\sigma(x) = \dots``)."""
        at = self.offset(frag)
        if at is not None:
            self.roles[at + len(frag.source)] = role
            m = _APPLIED.match(frag.content)
            if role == "definition" and m:
                self.arguments[at + len(frag.source)] = _letters(m.group(1))

    def hold(self, section, frag, conditions_before: list, widened_before: tuple) -> None:
        """Record what the condition ``frag`` just added to ``section`` as its sentence's only (see :meth:`scope`)."""
        end = self.scope(frag)
        if end is None:
            return
        added = [c for c in section.conditions if c not in conditions_before]
        replaced = [c for c in conditions_before if c not in section.conditions]
        self.held.append((section.number, end, added, replaced, widened_before, list(section.conditions),
                          self.offset(frag)))

    def lapse(self, section, frag) -> None:
        """End, before ``frag`` is read, the sentence conditions whose sentence has ended; the section's
        conditions they replaced hold again."""
        at = self.offset(frag)
        if at is None:
            return
        due = [h for h in self.held if h[0] != section.number or h[1] <= at]
        self.held = [h for h in self.held if h not in due]
        for number, end, added, replaced, widened, then, stated in reversed(due):
            if number != section.number:
                continue
            if stated not in self.cases and not self.claims_between(self.sentence(stated)[0], end):
                continue  # "... where $\alpha > 0$ and $\beta > 0$, and one observation $(x, y)$.": no claim's
            later = {x for c in section.conditions if c not in then for x in c[0].free_symbols}
            self.ended += [(number, c[0], c[2]) for c in added]
            section.conditions = [c for c in section.conditions if c not in added]
            section.conditions += [c for c in replaced if c not in section.conditions and not c[0].free_symbols & later]
            section.widened = widened

    def claims_between(self, start: int, end: int) -> bool:
        r"""Whether a block read between the offsets ``start`` and ``end`` (a condition's sentence) makes a claim.  A
        sentence whose formulas only define, declare or state conditions ("The model is $y = wx + \varepsilon$ with
        the prior $w \sim \mathcal{N}(0, 1/\alpha)$, where $\alpha > 0$ and $\beta > 0$, and one observation
        $(x, y)$.") has no claim its condition could belong to: the condition holds for the section."""
        return any(start < offset <= end + 1 and role not in _NO_CLAIM for offset, role in self.roles.items())

    def stated_before(self, number: int, names) -> list:
        r"""``(relations, line)`` of the ended sentence conditions of section ``number`` on ``names`` only: where a
        later claim that states none fails, but holds under one ("For $x < 0$ we have $$|x| = -x$$" and later
        $$|x| = -x$$ alone), it is ``undecided (holds where x < 0 ...)``, neither refuted nor confirmed."""
        by_name = {getattr(x, "name", None): x for x in names}
        out = []
        for n, r, line in self.ended:
            if n == number and r.free_symbols and all(getattr(x, "name", None) in by_name for x in r.free_symbols):
                out.append(((r.xreplace({x: by_name[x.name] for x in r.free_symbols}),), line))
        out = list(dict.fromkeys(out))
        if len(out) > 1:  # "for $x, y > 0$": each alone, then all together
            out.append((tuple(r for rs, _ in out for r in rs), out[-1][1]))
        return out
