r"""Showing $d = 0$ by cases on which argument attains a maximum.

A concrete instance of a max-shifted claim holds $\max(z_0, \dots, z_{n-1})$ of real symbols, and
conditions such as $z_j - \max_t z_t < 0$ inside ``Piecewise``: sympy's ``simplify`` spends many seconds
on them (one_minus_top at K = 2 gave up after its whole budget).  Every real point lies in one of these
cases: for some top index $k$ (an argmax), each other argument is either equal to $z_k$ or
$z_k - t_j$ with $t_j > 0$.  Substituting that form (``t_j`` a positive symbol) the maximum is $z_k$ and
each condition evaluates, leaving a small difference for the zero tests.  So $d = 0$ holds for all real
points when it reduces to zero in each of the $n \cdot 2^{n-1}$ cases:

.. math:: \{z\} = \bigcup_k \bigcup_{E \subseteq \{j \ne k\}}
          \{z_j = z_k \ (j \in E),\ z_j = z_k - t_j,\ t_j > 0 \ (j \notin E)\}.

The substitution keeps the top argument's own symbol (and assumptions) and gives up every other
argument's: a case then claims the identity on at least the points it covers, so no case proves more
than holds.
"""
from __future__ import annotations

import itertools

import sympy as sp

from derivations.checker.strategies.zero import CHEAP, reduce_to_zero

MAX_ARGUMENTS = 4
r"""Most arguments split on: the cases number $n \cdot 2^{n-1}$ (32 at four)."""


def max_arguments(difference: sp.Expr) -> list[sp.Expr]:
    """The distinct arguments of the maxima of ``difference`` whose arguments are all real symbols or array
    elements (sorted); empty where there is none, or more than :data:`MAX_ARGUMENTS`."""
    found: set = set()
    for m in difference.atoms(sp.Max):
        if all(isinstance(a, (sp.Symbol, sp.Indexed)) and a.is_real for a in m.args):
            found |= set(m.args)
    return sorted(found, key=sp.default_sort_key) if 2 <= len(found) <= MAX_ARGUMENTS else []


def argmax_cases(arguments: list[sp.Expr]):
    """Substitutions covering every real point: per top argument $z_k$, each other one equal to it or below it
    by a positive symbol."""
    for top in arguments:
        others = [a for a in arguments if a != top]
        for equal in itertools.product((True, False), repeat=len(others)):
            yield {a: top if eq else top - sp.Dummy("t", positive=True) for a, eq in zip(others, equal)}


def prove_equal_by_max_cases(lhs: sp.Expr, rhs: sp.Expr, tests=CHEAP) -> str | None:
    """``"cases on the argmax: ..."`` (the reductions used) where $lhs - rhs$ reduces to zero in every case of
    :func:`argmax_cases`, after ``expand_func`` writes out log1p and expm1; None where a case does not, or there
    are no maxima to split on."""
    difference = lhs - rhs
    arguments = max_arguments(difference)
    if not arguments:
        return None
    used = []
    for substitution in argmax_cases(arguments):
        case = sp.expand_func(difference.xreplace(substitution))
        name = reduce_to_zero(case, tests)
        if name is None:
            return None
        used += [name] if name not in used else []
    return "cases on the argmax: " + ", ".join(used)
