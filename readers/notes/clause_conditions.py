r"""Relations the prose puts in a conditional clause: cases the text considers, not claims.

``if either $y_n = 0$ or $(1 - y_n) = 0$``, ``If $n < 6$ or $|x| > 1$, the recursion is used``, ``rounded down to
zero if $\sigma_i \leq r \cdot \sigma_1$``, "converges iff $|1 - \eta a| < 1$": an inline relation right after
*if*, *iff*, *when*, *whenever*, *unless*, *as long as* or *provided (that)* (``either``/``both`` allowed), or after
such a clause's earlier formulas joined by *or*/*and*, is
a case under discussion.  Its sides may be any expressions (``1 - y_n``, ``|x|``), so the name-and-number test of
:func:`readers.notes.reading.condition_pairs` does not see it; checked as a claim it was refuted at points where the
case simply does not hold (and ``y_n = 0`` of the same clause was substituted into ``(1 - y_n) = 0`` as an example).
Such a relation is read as a condition named in passing: shown, not carried to later blocks.

A block the prose announces as a condition or a test is one too (:func:`announces_condition`): "checks if
:attr:`input` and :attr:`other` satisfy the condition:" or "Closeness is defined as:" before
$|a_i - b_i| \le \mathrm{atol} + \mathrm{rtol} \cdot |b_i|$ (PyTorch's ``allclose``, ``isclose``) states what is
tested, not that it holds.  After "defined as" only inequalities are read so: an equation there defines a name.
"""
from __future__ import annotations

import re

_CLAUSE = re.compile(r"\b(?:iff|if|when|whenever|unless|provided(?:\s+that)?|(?:as|so)\s+long\s+as)"
                     r"(?:\s+(?:either|both|the))?"
                     r"(?:\s+\$[^$]+\$\s*,?\s*(?:or|and))*\s*$", re.IGNORECASE)


def in_conditional_clause(before: str) -> bool:
    """Whether the prose right before an inline block (``before``) leaves it inside an *if* clause."""
    return _CLAUSE.search(before.rstrip(" (")) is not None


_CONDITION_CUE = re.compile(r"\b(?:satisf(?:y|ies|ied|ying)|meets?|fulfils?|fulfills?)\s+(?:the|this|that|a|these|"
                            r"those|following)\s+(?:\w+\s+){0,2}(?:conditions?|criterion|criteria|inequality|"
                            r"inequalities)\s*[:,]?\s*$", re.IGNORECASE)
_DEFINED_AS = re.compile(r"\b(?:is|are)\s+defined\s+(?:as|by)\s*[:,]?\s*$", re.IGNORECASE)


def announces_condition(before: str, pairs) -> bool:
    """Whether the prose right before a block (``before``) announces its relations ``pairs`` as a condition to be
    tested ("satisfy the condition:"), or, for inequalities only, as what a word is defined as."""
    if _CONDITION_CUE.search(before):
        return True
    return _DEFINED_AS.search(before) is not None and all(rel in ("<", "<=", ">", ">=") for _, rel, _ in pairs)


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


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")


def _between(lines, clause, later) -> str:
    start = clause.column - 1 + len(clause.source)
    if later.line == clause.line:
        return lines[clause.line - 1][start:later.column - 1]
    return "\n".join([lines[clause.line - 1][start:], *lines[clause.line:later.line - 1],
                      lines[later.line - 1][:later.column - 1]])


_CONSEQUENCE = re.compile(r"\b(?:then|so|hence|thus|therefore|we\s+(?:have|get|obtain|find)|gives?|yields?|"
                          r"it\s+follows|because|since|implies|we\s+see)\b", re.IGNORECASE)
"""Words between a clause and a formula that make the formula its consequence ("when $A$, since then $B$"); without
one ("exactly when $A$, that is for $B$") the formula restates the clause or names another case."""


def governs_inline(lines, clause, inline) -> bool:
    r"""Whether the clause ``clause`` ("if $0 < \eta < 2/a$") governs the inline formula ``inline`` after it in its
    sentence: "It converges when $0 < \eta < 2/a$, since then $|1 - \eta a| < 1$", "If $A$ then $B$".  Not after
    *or* (one case of several: "if $x = 0$ or $y = 0$") nor after *unless*/*otherwise*/*else*."""
    if inline.line < clause.line or inline.line > len(lines) or not continues_sentence(lines, clause, inline):
        return False
    between = _between(lines, clause, inline)
    return re.search(r"\b(?:or|unless|otherwise|else|but|whereas|while)\b", between, re.IGNORECASE) is None \
        and _CONSEQUENCE.search(between) is not None


def continues_sentence(lines, clause, display) -> bool:
    r"""Whether the prose from the inline fragment ``clause`` to the fragment ``display`` stays in one sentence
    (no full stop, no blank line): "When the $(1 - \alpha\lambda + \beta)^2 - 4\beta < 0$ is less than zero, then
    the roots are complex and the convergence rate is $$|\sigma_1| = ...$$" states the display under that case."""
    if display.line < clause.line or display.line > len(lines):
        return False
    return _SENTENCE_END.search(_between(lines, clause, display)) is None
