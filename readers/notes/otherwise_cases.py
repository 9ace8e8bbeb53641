r"""A block the prose introduces with *otherwise*: the case left over by the condition just stated.

"If $y > 0$, then $$\frac{|y|}{y} = 1$$ and otherwise $$\frac{|y|}{y} = -1$$", or inline "If $x \ge 1$, then
$\ln x \ge 0$, otherwise $\ln x < 0$": the second formula holds where the first case's condition fails.  The
condition stays in force to the next heading (a stated condition does), so the *otherwise* block was checked under it
and refuted.  Here the last stated condition is replaced, for that block, by its negation ($y \le 0$ for $y > 0$), and
the case split ends with it (neither is in force after).  The negation of a strict condition keeps its boundary
($y = 0$), which an *otherwise* may or may not mean (the notes often excluded it earlier: "for nonzero $y$"); a claim
that fails only there is read both ways (:data:`BOUNDARY`).  A case of several relations (``0 < p < 1``), or of
anything but an inequality, has no single negation here: its *otherwise* block is checked without it, and a
refutation is no verdict (:data:`UNNEGATED`).
"""
from __future__ import annotations

import re

import sympy as sp

OTHERWISE = re.compile(r"\b(?:otherwise|else)\b[\s,:;]*$", re.IGNORECASE)
"""*otherwise* (or *else*) right before the block: "and otherwise", "Otherwise,", "otherwise $\\ln x < 0$"."""
_STRICT = {sp.StrictGreaterThan: sp.StrictLessThan, sp.GreaterThan: sp.StrictLessThan,
           sp.StrictLessThan: sp.StrictGreaterThan, sp.LessThan: sp.StrictGreaterThan}
BOUNDARY = "the otherwise case of {case}: it fails on the boundary {boundary} and holds beyond it (ambiguous: " \
           "whether the otherwise includes the boundary)"
UNNEGATED = "the otherwise case of {case}, whose negation this reader does not form: a failure without it refutes " \
            "nothing"


def introduced_by_otherwise(before: str) -> bool:
    """Whether the prose right before a block ends with *otherwise* (or *else*)."""
    return OTHERWISE.search(before) is not None


def last_case(conditions: list, line: int) -> list:
    """The conditions in force that were stated last, on one line before ``line`` (the case just considered)."""
    earlier = [c for c in conditions if c[2] <= line]
    if not earlier:
        return []
    latest = max(c[2] for c in earlier)
    return [c for c in earlier if c[2] == latest]


def negations(case: list) -> tuple[sp.Basic, sp.Basic] | None:
    r"""``(negation, strict)`` for a case of one inequality: $y \le 0$ and $y < 0$ for $y > 0$ (the same relation
    twice for $x \ge 1$, whose negation $x < 1$ has no boundary); None for anything else."""
    if len(case) != 1 or type(case[0][0]) not in _STRICT:
        return None
    relation = case[0][0]
    negation = sp.Not(relation)
    if negation in (sp.true, sp.false) or type(negation) not in (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan,
                                                                  sp.GreaterThan):
        return None
    return negation, _STRICT[type(relation)](relation.lhs, relation.rhs)
