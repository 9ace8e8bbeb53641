r"""Relations the prose puts in a conditional clause: cases the text considers, not claims.

``if either $y_n = 0$ or $(1 - y_n) = 0$``, ``If $n < 6$ or $|x| > 1$, the recursion is used``, ``rounded down to
zero if $\sigma_i \leq r \cdot \sigma_1$``: an inline relation right after *if*, *when*, *whenever*, *unless* or
*provided (that)* (``either``/``both`` allowed), or after such a clause's earlier formulas joined by *or*/*and*, is
a case under discussion.  Its sides may be any expressions (``1 - y_n``, ``|x|``), so the name-and-number test of
:func:`readers.notes.reading.condition_pairs` does not see it; checked as a claim it was refuted at points where the
case simply does not hold (and ``y_n = 0`` of the same clause was substituted into ``(1 - y_n) = 0`` as an example).
Such a relation is read as a condition named in passing: shown, not carried to later blocks.
"""
from __future__ import annotations

import re

_CLAUSE = re.compile(r"\b(?:if|when|whenever|unless|provided(?:\s+that)?)(?:\s+(?:either|both))?"
                     r"(?:\s+\$[^$]+\$\s*,?\s*(?:or|and))*\s*$", re.IGNORECASE)


def in_conditional_clause(before: str) -> bool:
    """Whether the prose right before an inline block (``before``) leaves it inside an *if* clause."""
    return _CLAUSE.search(before.rstrip(" (")) is not None


def clause_relations(block) -> list | None:
    """The block's ``(a, rel, b)`` pairs when every row is a relation chain (no definition, no bare expression)."""
    pairs = []
    for row in block.rows:
        if row.kind in ("empty", "prose"):
            continue
        if row.continued or not row.chain.rels or "->" in row.chain.rels:
            return None  # "when $z \to \infty$": the limit the next formulas are about, read where limits are
        pairs += row.chain.pairs()
    return pairs or None
