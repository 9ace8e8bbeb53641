r"""An inline condition the prose around it does not assume: "unless $x < 0$", "neither $x$ nor $y$ is negative",
"the identity fails when $v < 0$", "except when $t = 0$" (a regime excluded or named as where a claim fails), and one
side of a disjunction, "if $x > 0$ or $y > 0$", "when $a$ or $b$ is positive" (neither side holds on its own).

Assumed as written, the first kind made correct lines refuted (round 11: $\sqrt{u^2} = u$ after "Unless $u < 0$"
was refuted at u = -1) and the second made false lines proved ($x + y > 0$ after "if $x > 0$ or $y > 0$" was proved
under both).  Such a block is a condition that is not assumed: the claims after it are checked without it (a claim
that fails outside an unstated domain is undecided, readers.notes.real_domains)."""
from __future__ import annotations

import re

_CLAUSE_END = re.compile(r"[.;:!?](?:\s|$)")
"""The end of a sentence or clause: what comes before it is not about the block."""
_EXCLUDING = re.compile(r"\b(?:unless(?!\s+(?:otherwise|stated|noted|specified|said))|neither|nor|"
                        r"except(?!\s+(?:where|as|when)\s+(?:otherwise\s+)?(?:stated|noted|specified|said))"
                        r"(?:\s+(?:when|where|if|for|at))?|other\s+than|"
                        r"(?:fails?|failing|breaks\s+down|does\s+not\s+hold|doesn't\s+hold|is\s+false|is\s+wrong)"
                        r"\s+(?:when|whenever|where|if|for|at)|not\s+(?:when|if|for))\b", re.IGNORECASE)
"""Words that exclude the regime that follows, or name it as where something fails ("unless otherwise stated" and
"except where noted" do not: they introduce the convention that holds)."""
_EITHER = re.compile(r"\beither\b|\bor\s*$", re.IGNORECASE)
"""A disjunction before the block: "either $x > 0$ ...", "... or $y > 0$"."""
_OR_AFTER = re.compile(r"^\s*,?\s*or\b", re.IGNORECASE)
"""A disjunction right after the block: "$x > 0$ or ..."."""


def unassumed(before: str, after: str) -> str | None:
    """Why the inline condition between ``before`` (its line up to the block, and the line before) and ``after`` (its
    line after the block) is not assumed, or None when nothing around it says so."""
    clause = _CLAUSE_END.split(before)[-1]
    if _EXCLUDING.search(clause):
        return "a regime the prose excludes or names as where something fails (unless, neither/nor, fails when): " \
               "not assumed"
    if _EITHER.search(clause) or _OR_AFTER.match(after):
        return "one side of a disjunction (or): not assumed on its own"
    return None
