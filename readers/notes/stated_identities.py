r"""An identity the notes state and the check confirms, used for the values of its left side later on.

.. code-block:: latex

    $$P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}$$                      % proved: Bayes' rule
    With $P(A) = 0.01$, $P(B \mid A) = 0.9$ and $P(B) = 0.0585$ we get $P(A \mid B) \approx 0.154$.

``P(A | B)`` has no definition, so the value claimed for it had nothing to be checked against ("an approximation
without a stated small quantity").  The identity above, confirmed for every value of its names, says what it is:

.. math:: P(A \mid B) = R \text{ (confirmed)} \;\Rightarrow\; \bigl(P(A \mid B) \approx v \iff R \approx v\bigr),

so the claim is read with :math:`R` for :math:`P(A \mid B)`, and the examples in force give its value
(:math:`0.9 \cdot 0.01 / 0.0585 = 0.1538\ldots`).  Only an identity whose left side is an application of a function
the notes do not define (``P(A|B)``, ``\mathrm{KL}(p\|q)``) is recorded, only when every step is proved without an
example, and only in its section; the left side of a later claim must be that same application.
"""
from __future__ import annotations

import re

from sympy.core.function import AppliedUndef

from readers.notes.moments import OPERATORS as MOMENTS

SETTING = re.compile(r"\bindependen|\bif\b|\bwhen\b|\bsuppose|\bassum|\bgiven\b", re.IGNORECASE)
r"""Words that make an identity hold in a setting the check may read without listing it ("if $X$ and $Y$ are
independent then $\mathrm{Var}(X + Y) = \dots$"): no identity to carry to later claims.  Nor is a moment
(``Var``, ``E``, ``Cov``), which a law or an independence decides by itself."""


def opaque(expr, functions) -> bool:
    """Whether ``expr`` is an application of a function the section does not define (its value is unknown)."""
    return isinstance(expr, AppliedUndef) and expr.func.__name__ not in functions


def records(claim, steps, functions, random=frozenset(), prose=str) -> bool:
    """Whether the checked ``claim`` (its ``steps``) is an identity to record: ``=`` with an opaque left side that is
    no moment (:data:`MOMENTS`) nor names a variable with a law (``random``: a law decides those itself), every step
    proved (numeric evidence at sampled points is no identity to put in) under no assumption at all (not at an
    example's values, nor under a condition: Var(X + Y) = Var(X) + Var(Y) for independent X, Y is no identity to read
    the general Var(X + Y) through), and no setting in the words around it (``prose()``, read last: :data:`SETTING`)."""
    return claim.rel == "=" and opaque(claim.lhs, functions) and claim.lhs.func.__name__ not in MOMENTS \
        and not {x.name for x in claim.lhs.free_symbols} & set(random) and bool(steps) and not claim.conditions \
        and all(s.verdict == "proved" and not s.assumptions for s in steps) and not SETTING.search(prose())
