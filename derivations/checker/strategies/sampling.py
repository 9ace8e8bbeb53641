r"""Candidate points for an instance: the domains' edge points first, then random draws.

One point maps every symbol of the instance to a float64 value.  Each
:class:`~derivations.checker.strategies.instances.Group` is drawn from its domain as a
whole (a simplex vector sums to one).  The consumer rejects points that break
the symbols' own assumptions or a simplex (:func:`respects_domains`) or the step's side
conditions, and stops when it has enough.
"""
from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterator

import numpy as np
import sympy as sp

from symbolic.domains import Simplex

from derivations.checker.strategies.instances import Group


def candidate_points(groups: tuple[Group, ...], rng: np.random.Generator) -> Iterator[dict]:
    """Edge points (:func:`edge_points`), then random points forever; a single empty point without groups."""
    if not groups:
        yield {}
        return
    yield from edge_points(groups, rng)
    yield from random_points(groups, rng)


def alternating_points(groups: tuple[Group, ...], rng: np.random.Generator) -> Iterator[dict]:
    r"""Edge points and random points in turn, for a step that affords few points (each a quadrature).

    The first edge points put every symbol at the same value, so twenty of them alone would only see
    $\int_a^b f\,dx$ with $a = b$, where it is 0 whatever $f$ is ($\int_a^b e^x\,dx \ge 0$ fails only for
    $b < a$)."""
    if not groups:
        yield {}
        return
    for edge, drawn in zip(edge_points(groups, rng), random_points(groups, rng)):
        yield edge
        yield drawn
    yield from random_points(groups, rng)


def edge_points(groups: tuple[Group, ...], rng: np.random.Generator) -> Iterator[dict]:
    """All groups at their k-th edge; then each group at each of its edges with the others random."""
    edge_lists = [g.domain.edges(g.shape) for g in groups]
    for k in range(max((len(e) for e in edge_lists), default=0)):
        yield _merge(g.assign(e[k % len(e)]) if e else _draw(g, rng) for g, e in zip(groups, edge_lists))
    if len(groups) > 1:
        for chosen, group_edges in enumerate(edge_lists):
            for edge in group_edges:
                yield _merge(g.assign(edge) if n == chosen else _draw(g, rng) for n, g in enumerate(groups))


def random_points(groups: tuple[Group, ...], rng: np.random.Generator) -> Iterator[dict]:
    while True:
        yield _merge(_draw(g, rng) for g in groups)


def _draw(group: Group, rng: np.random.Generator) -> dict:
    return group.assign(group.domain.sample(rng, group.shape))


def respects_domains(point: dict, groups: tuple[Group, ...]) -> bool:
    r""":func:`respects_symbols`, and each simplex's $1 - \sum_{k<K-1} p_k$ has the sign of a simplex entry.

    The sign is decided exactly (``math.fsum`` rounds the exact sum correctly), so
    a point whose float entries sum to slightly more than one is rejected, not
    evaluated at a negative last entry (see ``Instance.on_simplex``).
    """
    if not respects_symbols(point):
        return False
    for g in groups:
        if isinstance(g.domain, Simplex) and len(g.shape) == 1 and len(g.symbols) > 1:
            last = math.fsum([1.0] + [-point[s] for s in g.symbols[:-1]])
            if last < 0 or (g.domain.interior and last == 0):
                return False
    return True


def respects_symbols(point: dict) -> bool:
    """Whether each value fits its symbol's own sign and integrality assumptions."""
    return all(_fits(symbol, value) for symbol, value in point.items())


def _fits(symbol: sp.Symbol, v: float) -> bool:
    if not np.isfinite(v):
        return False
    positive, nonnegative, negative, nonpositive, nonzero, integer = _required(symbol)
    return not ((positive and not v > 0) or (nonnegative and not v >= 0) or (negative and not v < 0) or
                (nonpositive and not v <= 0) or (nonzero and not v != 0) or (integer and not float(v).is_integer()))


@functools.lru_cache(maxsize=4096)
def _required(symbol: sp.Symbol) -> tuple[bool, ...]:
    """Whether ``symbol`` is assumed positive, nonnegative, negative, nonpositive, nonzero, integer: asked of every
    sampled value (six assumption queries each), the same for a symbol whose assumptions never change."""
    return tuple(bool(fact) for fact in (symbol.is_positive, symbol.is_nonnegative, symbol.is_negative,
                                         symbol.is_nonpositive, symbol.is_nonzero, symbol.is_integer))


def _merge(parts) -> dict:
    out: dict = {}
    for part in parts:
        out.update(part)
    return out


GRID_VALUES = (-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.0)
r"""Small values whose combinations find branch and exponent failures ($(x^a)^b 
e x^{ab}$ at
$x = -1, a = 2, b = 	frac12$) that random draws rarely hit."""
MAX_GRID = 300
"""Most grid points per instance (a random subset of the full grid beyond that)."""


def small_grid(groups: tuple[Group, ...], rng: np.random.Generator) -> list[dict]:
    """Every combination of :data:`GRID_VALUES` over the scalar symbols (a random subset when too many)."""
    symbols = [g.symbols[0] for g in groups if not g.shape]
    if not symbols or len(symbols) != len(groups):
        return []
    total = len(GRID_VALUES) ** len(symbols)
    if total <= MAX_GRID:
        combos = list(itertools.product(GRID_VALUES, repeat=len(symbols)))
    else:
        combos = [tuple(rng.choice(GRID_VALUES, size=len(symbols))) for _ in range(MAX_GRID)]
    domains = [g.domain for g in groups]
    return [dict(zip(symbols, map(float, combo))) for combo in combos
            if all(d.contains(np.asarray(float(v))) for d, v in zip(domains, combo))]
