r"""Points where a condition $c \ge 0$ of a side as written fails (``symbolic.real_domain``): the side has no
real value there, whatever sympy's simplified form says ($e^{\log x} = x$ at $x = -1$).

The boundary $c = 0$ is solved for each symbol of $c$ (the others at ``written.FILL_VALUES``), and each root is moved
by :data:`SHIFTS` (a boundary written with $\lfloor u \rfloor$ is sought where $u$ crosses 0); the fill values
themselves are tried too ($c = -1 - x^2$ has no boundary).  Only points with $c < 0$ exactly are kept; whether they
satisfy the claim's assumptions is the caller's test.
"""
from __future__ import annotations

import itertools

import sympy as sp

from derivations.checker.budget import busy_clock

SHIFTS = (sp.Integer(-1), sp.Integer(1), sp.Rational(-1, 1000), sp.Rational(1, 1000))
"""Moves of a root of the boundary $c = 0$ along the solved symbol: both sides, near and at unit distance."""
MAX_ROOTS = 12
"""Roots of the boundary tried per symbol."""
MAX_POINTS = 24
"""Points tried per condition: with six symbols the roots, fills and shifts make thousands, each decided exactly
(``log(a d - b^2)`` with a d - b^2 > 0 assumed took the whole share and left a true claim undecided)."""


def below_zero_points(condition: sp.Expr, symbols, deadline: float, solved: list):
    """At most :data:`MAX_POINTS` exact points (every symbol of the claim given a value) where ``condition`` is
    negative: beside the roots of its boundary first, then at the fill values; ``solved`` gets the symbols the
    boundary was solved for (none: the points are not known to be all the kinds there are)."""
    # written imports this module: its helpers are imported when called
    from derivations.checker.strategies.written import (
        FILL_VALUES,
        _filled,
        _solve_quietly,
    )

    def negative(point):
        value = condition.xreplace(point)
        return not value.free_symbols and value.is_real is True and (value < 0) == sp.true

    def beside_roots():
        for s in sorted(condition.free_symbols, key=str):
            if busy_clock() > deadline:
                return
            roots = _solve_quietly(condition, s)
            if roots is None and condition.has(sp.floor, sp.ceiling):  # floor(u) < 0 where u < 0: near u's boundary
                roots = _solve_quietly(condition.replace(sp.floor, lambda u: u).replace(sp.ceiling, lambda u: u), s)
            if roots is None:
                continue
            solved.append(s)
            for point in _filled(roots[:MAX_ROOTS], s, symbols):
                for shift in SHIFTS:
                    yield {**point, s: point[s] + shift}

    fills = (dict(zip(symbols, values)) for values in itertools.islice(
        itertools.product(FILL_VALUES, repeat=len(symbols)), 36))
    seen = []
    for point in itertools.chain(beside_roots(), fills):
        if point not in seen and negative(point):
            seen.append(point)
            yield point
            if len(seen) >= MAX_POINTS:
                return
