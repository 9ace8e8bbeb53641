r"""Concrete points for catalog comparisons: evaluating, sampling, and shrinking counterexamples.

A comparison's two sides are evaluated at a point after writing them out at
concrete sizes (sums and maxima term by term, elements ``x[0, 1]`` as symbols
named like the checker's), with :data:`DIGITS` significant digits.

* :func:`clearly_differ` samples a few points from the record's domains: a quick
  test that rules out alternatives (a sign convention, a pairing of terms)
  before the step checker is asked; the checker has the last word on what is
  reported.
* :func:`shrink` makes a checker's counterexample readable: the checker refutes
  at whatever point it finds first, often an edge such as $C = 10^{-12}$ where
  two values that differ by a factor of three look like rounding noise.  The
  checker's round values (1, 2, 3, 1/2, ...) are tried for each variable in turn and kept when
  the point stays in the domain, satisfies the record's conditions, and the two
  sides still differ clearly.  Simplex-valued arrays are left alone (their
  entries move together).
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from symbolic.domains import Simplex
from symbolic.expr import as_expr

from derivations.checker.strategies.decide import round_point
from readers.latex.nodes import SUMMED

CLEAR_DIFFERENCE = 1e-6
"""Least relative difference of two sides that differ clearly (or a shrunk point's, the original's if smaller)."""
NOISE = 1e-20
"""Relative differences below this, at :data:`DIGITS` digits, are not trusted."""
DIGITS = 30
SAMPLED_POINTS = 3
MAX_NESTING = 8
"""Rounds of writing out nested sums."""
RESERVED = ("lhs", "rhs", "at")


class Sides:
    """Expressions at concrete ``sizes``, evaluated at points (element names to floats)."""

    def __init__(self, exprs, sizes: dict):
        self.exprs = [_concrete(e, sizes) for e in exprs]
        self.symbols = {s.name: s for e in self.exprs for s in e.free_symbols}

    def values(self, point: dict) -> list[float] | None:
        """The real values at ``point`` (conditions as 1 or 0); None if one is not a finite real."""
        try:
            subs = {self.symbols[n]: sp.Float(point[n], DIGITS) for n in self.symbols}
            out = [complex(e.xreplace(subs).evalf(DIGITS)) for e in self.exprs]
        except (KeyError, TypeError, ValueError):
            return None
        if any(v.imag != 0 or not np.isfinite(v.real) for v in out):
            return None
        return [v.real for v in out]

    def difference(self, point: dict) -> tuple[tuple[float, float] | None, float]:
        """``((lhs, rhs), relative difference)`` where the conditions (the further expressions) hold."""
        found = self.values(point)
        if found is None or not all(found[2:]):
            return None, 0.0
        left, right = found[:2]
        return (left, right), abs(left - right) / max(1.0, abs(left), abs(right))


def clearly_differ(lhs, rhs, domains: dict, sizes: tuple, conditions=(), indices=(), seed: int = 0) -> bool:
    """Whether ``lhs`` and ``rhs`` differ clearly at a point sampled from ``domains`` at one of ``sizes``
    (and, for free ``indices`` ``(i, lo, hi)``, at their first values)."""
    rng = np.random.default_rng(seed)
    for size in sizes:
        at = {**size, **{i: as_expr(lo).xreplace(size) for i, lo, _ in indices}}
        sides = Sides((lhs, rhs, *conditions), at)
        for _ in range(SAMPLED_POINTS):
            point = _sample(sides.symbols, domains, rng)
            if point is not None and sides.difference(point)[1] > CLEAR_DIFFERENCE:
                return True
    return False


def sampled_ratio(a, b, domains: dict, sizes: tuple, conditions=(), indices=(), seed: int = 0) -> float | None:
    """``a / b`` if it is the same (to :data:`CLEAR_DIFFERENCE`) at every sampled point, else None."""
    rng, ratios = np.random.default_rng(seed), []
    for size in sizes:
        at = {**size, **{i: as_expr(lo).xreplace(size) for i, lo, _ in indices}}
        sides = Sides((a, b, *conditions), at)
        for _ in range(SAMPLED_POINTS):
            point = _sample(sides.symbols, domains, rng)
            found = None if point is None else sides.values(point)
            if found is not None and all(found[2:]) and found[1] != 0:
                ratios.append(found[0] / found[1])
    if not ratios or max(ratios) - min(ratios) > CLEAR_DIFFERENCE * max(1.0, *map(abs, ratios)):
        return None
    return ratios[0]


def shrink(lhs, rhs, counterexample: dict, domains: dict, conditions=(), sizes: dict | None = None) -> dict:
    """``counterexample`` (the checker's, names to values) with round values where they still refute.

    ``domains`` maps record symbols or arrays to their domains; ``sizes`` the size symbols
    (and free indices) to the values the counterexample was found at.  Returns the input
    unchanged when it cannot evaluate the point."""
    sides = Sides((lhs, rhs, *conditions), sizes or {})
    try:
        point = {name: float(counterexample[name]) for name in sides.symbols}
    except (KeyError, ValueError):
        return counterexample
    best, gap = sides.difference(point)
    if best is None or gap <= NOISE:
        return counterexample
    clear = min(CLEAR_DIFFERENCE, gap)
    movable = {name: value for name, value in point.items()
               if _domain(domains, name) is not None and not isinstance(_domain(domains, name), Simplex)}

    def still_differs(candidate: dict) -> bool:
        moved = {name: float(value) for name, value in candidate.items() if float(value) != point[name]}
        if not all(_domain(domains, name).contains(np.array(value)) for name, value in moved.items()):
            return False
        found, gap = sides.difference({**point, **moved})
        return found is not None and gap >= clear

    rounded = round_point(movable, still_differs, key=_order)
    point = {**point, **{name: float(value) for name, value in rounded.items()}}
    best = sides.difference(point)[0]
    out = {k: v for k, v in counterexample.items() if k in RESERVED or k not in point}
    out.update({name: _short(point[name]) for name in sorted(point, key=_order)})
    out["lhs"], out["rhs"] = _short(best[0]), _short(best[1])
    return out


def _sample(symbols: dict, domains: dict, rng) -> dict | None:
    """One point: each array sampled whole from its domain (a simplex sums to one), each scalar alone."""
    point, arrays = {}, {}
    for name in symbols:
        base = name.split("[")[0]
        if "[" in name:
            arrays.setdefault(base, []).append(name)
        elif _domain(domains, name) is not None:
            point[name] = float(_domain(domains, name).sample(rng, ()))
        else:
            return None
    for base, names in arrays.items():
        domain = _domain(domains, base)
        if domain is None:
            return None
        try:
            positions = {n: tuple(int(i) for i in n[len(base) + 1:-1].split(",")) for n in names}
        except ValueError:
            return None  # an element at a symbolic index
        shape = tuple(max(p[k] for p in positions.values()) + 1 for k in range(len(next(iter(positions.values())))))
        values = domain.sample(rng, shape)
        point.update({n: float(values[p]) for n, p in positions.items()})
    return point


def _domain(domains: dict, name: str):
    for key, domain in domains.items():
        if (str(key.label) if isinstance(key, sp.IndexedBase) else str(key)) == name.split("[")[0]:
            return domain
    return None


def written_out(expr, sizes: dict):
    """``expr`` at concrete ``sizes``, its sums, products and maxima written out term by term."""
    expr = expr.xreplace(sizes)
    for _ in range(MAX_NESTING):
        written = expr.replace(_concrete_range, _term_by_term)
        if written == expr:
            break
        expr = written
    return expr


def _concrete(expr, sizes: dict):
    """Sizes substituted, sums and maxima written out, elements as symbols named like the checker's."""
    expr = written_out(expr, sizes)
    if isinstance(expr, sp.Basic) and expr.is_Relational:
        expr = sp.Piecewise((1, expr), (0, True))
    return expr.xreplace({e: sp.Symbol(str(e)) for e in expr.atoms(sp.Indexed)})


def _concrete_range(node) -> bool:
    return isinstance(node, SUMMED) and all(lo.is_Integer and hi.is_Integer for _, lo, hi in node.limits)


def _term_by_term(node):
    """A sum, product or maximum over integer ranges written out (faster than ``doit``)."""
    terms = [node.function]
    for index, lo, hi in node.limits:
        terms = [t.xreplace({index: sp.Integer(v)}) for t in terms for v in range(int(lo), int(hi) + 1)]
    return {sp.Sum: sp.Add, sp.Product: sp.Mul}.get(type(node), sp.Max)(*terms)


def _order(name: str):
    return name.split("[")[0], name


def _short(value: float) -> str:
    return f"{value:.10g}"
