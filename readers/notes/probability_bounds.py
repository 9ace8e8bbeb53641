r"""Claims that hold for every value of the probabilities they name: $0 \le P(E) \le 1$ for each event $E$.

``0 \le F_X(x) \le 1`` after ``F_X(x) = P(X \le x)``, or ``0 \le p_X(x) \le 1`` after ``p_X(x) = P(X = x)``, are
claims about probabilities of events the joint-law check does not read (``X \le x`` is no binary variable).  Each
distinct application ``P(E)`` is read as an unknown number in $[0, 1]$, as the axioms give it: a claim that holds
for all such numbers holds for every probability measure (distinct events are only given more freedom than they
have).  A failure says nothing (the events may be related, ``P(A, B) \le P(A)``), so only a confirmation is used.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.domains import Probability

METHOD = "each probability read as an unknown number in [0, 1] (the axioms of probability)"


def bounded(lhs, rhs, names) -> tuple | None:
    """``(lhs, rhs, domains)`` with every application of a probability in ``names`` replaced by a number in
    [0, 1]; None when there is none, or when another unknown function is left."""
    found = sorted({a for e in (lhs, rhs) for a in e.atoms(AppliedUndef) if a.func.__name__ in names}, key=str)
    if not found:
        return None
    values = {a: sp.Symbol(re.sub(r"\W+", "_", str(a)).strip("_"), real=True) for a in found}
    lhs, rhs = lhs.xreplace(values), rhs.xreplace(values)
    if lhs.atoms(AppliedUndef) or rhs.atoms(AppliedUndef):
        return None
    return lhs, rhs, {v: Probability() for v in values.values()}
