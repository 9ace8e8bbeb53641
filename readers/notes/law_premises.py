r"""A row that states a law as the premise of its claim: ``X \sim \mathrm{Bern}(p) \quad\Rightarrow\quad E(X) = p``.

The LaTeX reader reads an implication whose premise is not a condition (``\sim``) as prose, or as the premise
with the conclusion for its condition: it keeps the premise as the row's chain.  The notes mean "for X with this law, the conclusion holds" (the house style of theorem statements:
:math:`X \sim \mathcal{N}(\mu, \sigma^2) \Rightarrow \mathrm{Var}(X) = \sigma^2`), so the conclusion is a claim,
checked with the law in force (``record_laws`` of readers.notes.check keeps a law stated in a row to the next
heading, premise or not); a law it does not know leaves the row as it was.  The
premise must be one variable ``\sim`` a law; the conclusion, after the last arrow, one formula row with relations.
"""
from __future__ import annotations

import re

import sympy as sp

ASSUMED = re.compile(r"\b(?:let|assume|assuming|suppose|if|where|consider)\b[^.;:]*$", re.IGNORECASE)
r"""Words before a law in the same sentence that assume it ("Let $X \sim \mathcal{N}(\mu, \sigma^2)$"): the row is
the law's statement for what follows (a condition), not a claim."""
ARROW = re.compile(r"\\(?:Rightarrow|implies|Longrightarrow)(?![A-Za-z])")
_SPACING = re.compile(r"^(?:\s|\\q?quad(?![A-Za-z])|\\[,;:! ]|~)+|(?:\s|\\q?quad(?![A-Za-z])|\\[,;:! ]|~|[.,;])+$")


def law_premise(row, parse):
    """``(variable, law expression, conclusion chain)`` of a prose row ``X \\sim D \\Rightarrow Q``, else None;
    ``parse`` reads the conclusion's text into a block."""
    chain = row.chain
    if row.kind not in ("prose", "formula") or tuple(chain.rels) != ("~",) or len(chain.exprs) != 2 \
            or not isinstance(chain.exprs[0], sp.Symbol) or not row.notes \
            or row.notes[-1] not in ("Rightarrow", "implies", "Longrightarrow"):
        return None
    arrows = list(ARROW.finditer(row.text))
    if len(arrows) != 1:
        return None
    text = _SPACING.sub("", row.text[arrows[0].end():])
    try:
        rows = [r for r in parse(text).rows if r.kind != "empty"]
    except Exception:  # noqa: BLE001 - a conclusion with no reading: no claim
        return None
    if len(rows) != 1 or rows[0].kind != "formula" or rows[0].continued or not rows[0].chain.rels \
            or rows[0].conditions:
        return None
    return chain.exprs[0], chain.exprs[1], rows[0].chain


def assumed_law(row, words_before: str) -> bool:
    """Whether ``row`` is ``X \\sim D`` alone and the words before it in its sentence assume it ("Let", "Suppose")."""
    return (row.kind == "formula" and not row.continued and tuple(row.chain.rels) == ("~",)
            and isinstance(row.chain.exprs[0], sp.Symbol) and not row.conditions
            and ASSUMED.search(words_before) is not None)
