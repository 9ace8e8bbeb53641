r"""A probability claim the prose makes about variables it calls independent, checked on independent joints.

"Two random variables $A$ and $B$ being independent means ... In this case $P(B \mid A) = P(B)$": the
claim fails for the dependent joints :func:`readers.notes.probability._probability_steps` samples, but the
prose states its condition, so it is checked where that condition holds:

.. math:: P(v_1, \dots, v_k) = \prod_k P(v_k), \qquad v_k \in \{0, 1\},

with every $P(v_k = 1)$ a free parameter in $(0, 1)$.  Holding there for every parameter is evidence for the
claim under the stated independence (binary variables only, so ``verified``, never ``proved``); failing there
is left to the caller (undecided as before: the prose may mean another independence).

The prose must name every variable of the claim in math (``$A$``, ``$B$``) in the paragraph or sentence that
speaks of independence, and speak of plain independence, not independence given a third variable.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.parse import Given
from readers.notes.independence import INDEPENDENCE, paragraph
from readers.notes.probability import _probability_steps
from readers.notes.symbols import _show

_MATH = re.compile(r"\$([^$]+)\$")


def variables(lhs, rhs) -> list:
    """The random variables (arguments of ``P``, conditioned or not) of a claim, in order."""
    out = []
    for e in (lhs, rhs):
        for app in sorted(e.atoms(AppliedUndef), key=str):
            if app.func.__name__ not in ("P", r"\mathbb{P}"):
                continue
            for arg in app.args:
                for a in (arg.args if isinstance(arg, Given) else (arg,)):
                    if a not in out:
                        out.append(a)
    return out


def stated_independent(lines, line: int, sentence: str, names: list) -> bool:
    """Whether a sentence of the paragraph around ``line`` (or the claim's own sentence) calls variables
    independent and names every one of ``names`` in its math."""
    for text in [sentence] + _SENTENCE_END.split(paragraph(lines, line)):
        if INDEPENDENCE.search(text) is None or re.search(r"independen(?:t|ce)\s+given", text, re.I):
            continue
        math = " ".join(_MATH.findall(text))
        if all(re.search(r"(?<![A-Za-z\\])" + re.escape(n) + r"(?![A-Za-z])", math) for n in names):
            return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
"""A sentence ends at a full stop before a capital (a stop inside ``$...$`` is rare in prose math)."""


def independent_steps(lhs, rel, rhs):
    """``[(label, Step)]`` on independent binary joints, or None (not a probability claim, or not read)."""
    found = _probability_steps(lhs, rel, rhs, independent=True)
    return found if isinstance(found, list) else None


def method(names) -> str:
    return f"on independent joints of binary {', '.join(names)} (P of the joint is the product), as the prose says"


def names_of(found) -> list[str]:
    return [_show(v) for v in found if isinstance(v, (sp.Symbol, sp.Indexed))]
