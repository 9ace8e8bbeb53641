r"""A chain of equalities that ends in a number states equations, not identities.

``p_0 n = (1 - p_0) n = 10.5`` sets ``n`` and ``p_0``: its first link fails for arbitrary values, yet the chain
holds where ``p_0 = 1/2`` and ``n = 21``.  Read as a system, every ``=`` link of the chain holds at once:

.. math:: a_0 = a_1 = \dots = a_k = c \quad\Longrightarrow\quad \{a_j - a_{j+1} = 0\}_{j} \text{ has a real solution}

When the system has a real solution the failing link is ``undecided (holds where ...)``; when it has none, no
value of the unknowns makes the chain true and the refutation stands (``2m = 3m = 12``).  Systems are solved only
when every link is a rational function of at most :data:`MAX_UNKNOWNS` unknowns with numerators of degree at most
:data:`MAX_DEGREE` (exact, fast, and never a guess); any other chain is left to the caller's verdict.
"""
from __future__ import annotations

import sympy as sp

MAX_UNKNOWNS = 3
"""Unknowns a chain may set and still be solved (``n``, ``p_0``: two in the cases met)."""
MAX_DEGREE = 4
"""Largest degree of a link's numerator in any unknown; beyond it ``sympy.solve`` may be slow."""


def _literal(expr) -> bool:
    return isinstance(expr, sp.Basic) and expr.is_number and expr.is_finite is not False


def chain_solution(links) -> dict | None:
    r"""A real solution of the equations a chain states, or None.

    ``links`` are the chain's ``=`` links as ``(lhs, rhs)`` pairs, already expanded.  The chain qualifies when one
    link sets a side to a number (``... = 10.5``) and every link is a rational function of the same few unknowns;
    the solution is a dict from unknown to value (a family of solutions gives one member's free parameters
    unset), ``{}`` when the system has no real solution, and None when the chain does not qualify."""
    if not links or not any(_literal(a) != _literal(b) for a, b in links):
        return None
    unknowns = sorted(set().union(*(a.free_symbols | b.free_symbols for a, b in links)), key=str)
    if not unknowns or len(unknowns) > MAX_UNKNOWNS or not all(isinstance(u, sp.Symbol) for u in unknowns):
        return None
    numerators, denominators = [], []
    for a, b in links:
        difference = sp.together(a - b)
        if not difference.is_rational_function(*unknowns):
            return None
        num, den = sp.fraction(difference)
        if num.is_zero:
            continue
        if any(sp.degree(num, u) > MAX_DEGREE for u in unknowns if num.has(u)):
            return None
        numerators.append(sp.expand(num))
        denominators.append(den)
    if not numerators:
        return None
    try:
        solutions = sp.solve(numerators, unknowns, dict=True)
    except (NotImplementedError, ValueError, TypeError):
        return None
    for solution in solutions:
        if not all(v.is_real is not False for v in solution.values()):
            continue
        if any(sp.simplify(d.xreplace(solution)) == 0 for d in denominators):
            continue  # a root of a denominator: the link is undefined there
        return solution
    return {}


def where(solution: dict) -> str:
    """``n = 21, p_0 = 1/2``: a solution as the report shows it."""
    return ", ".join(f"{u} = {sp.sstr(v)}" for u, v in sorted(solution.items(), key=lambda kv: str(kv[0])))
