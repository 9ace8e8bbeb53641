r"""Names a block binds existentially: ``f(x) - f(a) = (x-a) f'(\alpha) \text{ for some } \alpha \in [a, x]``.

The mean value theorem, Taylor's theorem with a remainder, and the like state an equation that holds for *some*
value of a name (a witness), not for every value.  A counterexample at a chosen ``\alpha`` then refutes nothing,
in that block or in a later step of the same argument that uses the witness
(``f(b) - f(a) = (b-x) f'(\beta) + (x-a) f'(\alpha)``).
"""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block
from readers.notes.reading import base_name

QUANTIFIER = re.compile(r"\b(for (at least one|some|a suitable|an appropriate)|there (exists?|is (an?|some|at least one)"
                        r"|are some)|at least one|ha(s|ve) (a|an|one|two|three|four|no|many|several|infinitely many"
                        r"|\w+ly one|no more than \w+|at (?:least|most) \w+|\d+)"
                        r"( unique| single| real| positive| negative| double| simple| repeated| distinct| complex"
                        r"| integer| non-?trivial| non-?zero| other)* (roots?|solutions?|zeros?))\b|\\exists\b", re.I)
r"""Words (in the block's ``\text{}`` or the prose) that make a formula hold for some values, not for all: "there is
some $z$ with $$\cos z = z$$", "at least one $x$ satisfies" (a fixed point, not an identity), "the equation $$e^x = 2 - x$$ has one real root"."""

_REFERS_BACK = re.compile(r"^\s*(?:[a-z]|(?i:this|the|that|such an?|each|it|which)\b)")
"""The first words of the prose after a display that speak of it: its sentence going on in lower case ("has exactly
one real root"), or a sentence about it ("This equation has", "It has one real root")."""


def stated_after(after: str):
    r"""The quantifier (:data:`QUANTIFIER`) in the first sentence of ``after``, the prose after a display (its sentence
    going on past the blank line Markdown writes there, or the next sentence speaking of it: "$$e^x = 2 - x$$ (blank
    line) has exactly one solution.", "This equation has a unique solution"), or None."""
    if not _REFERS_BACK.match(after):
        return None
    return QUANTIFIER.search(re.split(r"[.;!?](?:\s|$)", after)[0])


_BOUND = re.compile(r"(?:\bfor (?:at least one|some)|\bthere (?:exists?|is an?)|\\exists)\s*\}?\s*"
                    r"((?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\{[^{}]*\}|\s*_[A-Za-z0-9])?)", re.I)
r"""The name right after the quantifier: ``for some } \alpha``, ``\exists \xi_k``."""


def witness_names(latex: str) -> set[str]:
    r"""The names ``latex`` binds with "for some" / "there exists" / ``\exists``, without their subscripts
    (``{'alpha', 'beta'}``, ``xi`` for ``\xi_k``)."""
    names = (_name(m.group(1)) for m in _BOUND.finditer(latex))
    return {n for n in names if n}


def _name(latex: str) -> str | None:
    try:
        exprs = [e for row in parse_matrix_block(latex).rows for e in row.chain.exprs]
    except Exception:  # noqa: BLE001 - not a name
        return None
    return base_name(exprs[0]) if len(exprs) == 1 and isinstance(exprs[0], (sp.Symbol, sp.Indexed)) else None
