r"""A tie that no precision can change, known exactly before ``escalation`` climbs to 5000 digits for it.

``read_point`` reads a point again at $2b, 4b, \dots$ up to 5000 digits when its sides agree within rounding
(``near``), in case a sign is hidden in rounding.  Where $lhs - rhs$ at the exact point (its rationals substituted,
sympy's own evaluation, nothing simplified) is exactly 0, every precision reads ``near`` and the climb only costs
time (about 0.15 s a point at 5000 digits): the Gram determinant $\det G \ge 0$ of ``rbf_gram_psd`` where two of
its points coincide.  Such a point is returned as read at the working digits, to the decision that follows a climb
that never resolves (the tie is decided exactly; it refutes a strict relation).  A difference sympy does not
evaluate to 0 (an unevaluated node, a number too large to build) is not settled: the climb runs.

Not done for a side undefined at the working digits, although $\log$ of a negative rational is undefined at every
precision too: the escalation allowance such points no longer spend went to other points of the step, and
``log_at_least_one`` step 1 then met one it could not confirm (``undecided`` for ``verified``; speed50).
"""
from __future__ import annotations

import sympy as sp

from derivations.checker.strategies.huge import huge_exact

MAX_EXACT_DIGITS = 20_000
"""Largest exact number (in decimal digits) the substitution may build (as ``decide.MAX_EXACT_DIGITS``)."""


def settled(lhs, rhs, point: dict, state: str) -> bool:
    """Whether the reading ``state`` of ``lhs REL rhs`` at the exact ``point`` is the same at every precision: a
    ``near`` whose difference is exactly 0."""
    try:
        if state == "near":
            return _at(lhs - rhs, point) == 0
    except Exception:  # noqa: BLE001 - sympy failing on a node: not settled, the climb decides
        return False
    return False


def _at(expr, point: dict):
    if not isinstance(expr, sp.Basic) or huge_exact(expr, point, MAX_EXACT_DIGITS):
        return None
    return expr.xreplace(point)

