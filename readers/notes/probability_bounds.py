r"""Claims that hold for every value of the probabilities they name: $0 \le P(E) \le 1$ for each event $E$.

``0 \le F_X(x) \le 1`` after ``F_X(x) = P(X \le x)``, or ``0 \le p_X(x) \le 1`` after ``p_X(x) = P(X = x)``, are
claims about probabilities of events the joint-law check does not read (``X \le x`` is no binary variable).  Each
distinct application ``P(E)`` is read as an unknown number in $[0, 1]$, as the axioms give it: a claim that holds
for all such numbers holds for every probability measure (distinct events are only given more freedom than they
have).  A failure says nothing (the events may be related, ``P(A, B) \le P(A)``), so only a confirmation is used.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.value_names import value_symbols
from symbolic.domains import Probability

METHOD = "each probability read as an unknown number in [0, 1] (the axioms of probability)"


def _bound(node) -> set:
    """The variables a derivative, integral, sum or limit binds."""
    return {node.args[1]} if isinstance(node, sp.Limit) else set(node.variables)


def bounded(lhs, rhs, names) -> tuple | None:
    """``(lhs, rhs, domains)`` with every application of a probability in ``names`` replaced by a number in
    [0, 1]; None when there is none, or when another unknown function is left."""
    found = sorted({a for e in (lhs, rhs) for a in e.atoms(AppliedUndef) if a.func.__name__ in names}, key=str)
    if not found:
        return None
    for e in (lhs, rhs):  # d/dx P(X <= x): the probability varies with x there, it is no one number
        for node in sp.preorder_traversal(e):
            if isinstance(node, (sp.Derivative, sp.Integral, sp.Sum, sp.Limit)) \
                    and any(a.free_symbols & _bound(node) for a in found if node.has(a)):
                return None
    values = value_symbols(found, str, lhs.free_symbols | rhs.free_symbols)  # P(X <= x), P(X >= x): two values
    lhs, rhs = lhs.xreplace(values), rhs.xreplace(values)
    if lhs.atoms(AppliedUndef) or rhs.atoms(AppliedUndef):
        return None
    return lhs, rhs, {v: Probability() for v in values.values()}
