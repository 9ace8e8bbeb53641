r"""The region a claim is assumed in: symbol assumptions, relations, and a sampler that covers it.

A :class:`Region` is the set of real values one symbol may take, read from its own
sympy assumptions (``positive``, ``integer``, ...) and from the step's relations that
bound it by a number (``0 < p < 1`` gives $p \in (0, 1)$, ``n >= 4`` gives $n \ge 4$).
Relations between symbols (``a < b``, ``x y \ne 1``) are not bounds: the checker keeps
them as side conditions and rejects the points that break them.

Its sampler looks everywhere in the region, not in a small box:

* magnitudes log-uniform over the whole float range ($10^{-300}$ to $10^{300}$), both signs;
* unit-scale values, small rationals $k/2, k/3, k/4$ (half-integers for exponents) and integers;
* large integers (up to $10^{18}$);
* edge points where equality or a singularity is likely: $0, \pm 1, \pm 2, \pm 1/2$, the bounds,
  just inside them, and the extremes.

Every value is a float64 that is exactly the decimal rational the exact rungs read.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import sympy as sp

from symbolic.domains import Domain

HUGE = 1e300
"""Largest magnitude sampled (float64 tops out near 1.8e308)."""
TINY = 1e-300
"""Smallest non-zero magnitude sampled."""
LARGE_INTEGER = 1e18
"""Largest integer magnitude sampled."""
SMALL_RATIONALS = tuple(sorted({k / d for d in (1, 2, 3, 4) for k in range(-8, 9)}))
"""Small rationals, half-integers among them (float64 values of $k/d$)."""
UNIT_SCALE = 3.0
"""Standard deviation of the unit-scale part of the mixture."""


@dataclass(frozen=True)
class Region(Domain):
    r"""$x \in (lo, hi)$ (ends closed when asked), integers only when ``integer``; ``nonzero`` excludes 0.

    ``lo = -inf`` and ``hi = inf`` for an unbounded side.
    """

    lo: float = -math.inf
    hi: float = math.inf
    closed: tuple[bool, bool] = (False, False)
    integer: bool = False
    nonzero: bool = False

    def contains_value(self, v: float) -> bool:
        if not math.isfinite(v):
            return False
        if v < self.lo or v > self.hi:
            return False
        if v == self.lo and not self.closed[0] or v == self.hi and not self.closed[1]:
            return False
        if self.integer and not float(v).is_integer():
            return False
        return not (self.nonzero and v == 0)

    def contains(self, value):
        return all(self.contains_value(float(v)) for v in np.asarray(value, dtype=float).reshape(-1))

    def contains_exact(self, value: sp.Expr) -> bool:
        r"""Whether the exact real number ``value`` lies in the region, decided without a float64: $10^{400}$
        overflows one and $10^{-400}$ underflows to 0, yet both lie in $x > 0$."""
        try:
            if self.integer and not value.is_integer:
                return False
            if self.nonzero and value == 0:
                return False
            for end, closed, inside in ((self.lo, self.closed[0], lambda e: value > e), (self.hi, self.closed[1], lambda e: value < e)):
                if math.isfinite(end) and not (inside(sp.Rational(end)) or closed and value == sp.Rational(end)):
                    return False
            return True
        except TypeError:  # a comparison sympy cannot decide
            return False

    def sample(self, rng, shape):
        count = int(np.prod(shape)) if shape else 1
        out = [self._one(rng) for _ in range(count)]
        return np.asarray(out, dtype=float).reshape(shape)

    def _one(self, rng) -> float:
        for _ in range(50):
            v = self._candidate(rng)
            if self.contains_value(v):
                return v
        return self._fallback(rng)

    def _candidate(self, rng) -> float:
        """A free value, then moved into the region when a side is bounded."""
        pick = rng.random()
        if self.integer:
            if pick < 0.6:
                t = float(rng.integers(0, 13))
            else:
                t = float(round(10 ** rng.uniform(1, math.log10(LARGE_INTEGER))))
        elif pick < 0.3:
            t = abs(rng.standard_normal() * UNIT_SCALE)
        elif pick < 0.65:
            t = 10 ** rng.uniform(math.log10(TINY), math.log10(HUGE))
        elif pick < 0.85:
            t = abs(SMALL_RATIONALS[rng.integers(len(SMALL_RATIONALS))])
        else:
            t = float(rng.integers(0, 13)) if rng.random() < 0.5 else float(round(10 ** rng.uniform(1, 18)))
        lo_finite, hi_finite = math.isfinite(self.lo), math.isfinite(self.hi)
        if lo_finite and hi_finite:
            width = self.hi - self.lo
            if self.integer:
                return float(math.ceil(self.lo) + rng.integers(0, int(min(width, 1e15)) + 1))
            if pick < 0.5:
                return float(self.lo + width * rng.random())
            fraction = min(t / (1 + t), 1.0) if pick < 0.8 else 10 ** rng.uniform(-15, 0)
            return float(self.lo + width * fraction) if rng.random() < 0.5 else float(self.hi - width * fraction)
        if lo_finite:
            return float((math.ceil(self.lo) if self.integer else self.lo) + t)
        if hi_finite:
            return float((math.floor(self.hi) if self.integer else self.hi) - t)
        return t if rng.random() < 0.5 else -t

    def _fallback(self, rng) -> float:
        for v in self._edge_values():
            if self.contains_value(v):
                return v
        raise ValueError(f"region {self.text} has no float64 point")

    def _edge_values(self) -> list[float]:
        values = [0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 10.0, -10.0]
        if not self.integer:
            values += [TINY, -TINY, 1e-8, -1e-8, 1e8, -1e8, HUGE, -HUGE]
        else:
            values += [1e6, -1e6, 1e15, -1e15]
        for end, step in ((self.lo, 1), (self.hi, -1)):
            if math.isfinite(end):
                base = float(math.ceil(end) if step == 1 else math.floor(end)) if self.integer else end
                values += [base, base + step, base + 2 * step]
                if not self.integer:
                    values += [end + step * 1e-9 * max(abs(end), 1.0), end + step * 0.5]
        if math.isfinite(self.lo) and math.isfinite(self.hi):
            mid = (self.lo + self.hi) / 2
            values.append(float(round(mid)) if self.integer else mid)
        return list(dict.fromkeys(values))

    def edges(self, shape):
        return [np.full(shape, v) for v in self._edge_values() if self.contains_value(v)]

    @property
    def assumptions(self):
        out = {"real": True}
        if self.integer:
            out["integer"] = True
        if self.lo > 0 or (self.lo == 0 and not self.closed[0]):
            out["positive"] = True
        elif self.lo >= 0:
            out["nonnegative"] = True
        if self.hi < 0 or (self.hi == 0 and not self.closed[1]):
            out["negative"] = True
        elif self.hi <= 0:
            out["nonpositive"] = True
        if self.nonzero:
            out["nonzero"] = True
        return out

    @property
    def latex(self):
        return self.text

    @property
    def text(self):
        kind = "integer" if self.integer else "real"
        parts = []
        if math.isfinite(self.lo):
            parts.append(f"{'>=' if self.closed[0] else '>'} {_fmt(self.lo)}")
        if math.isfinite(self.hi):
            parts.append(f"{'<=' if self.closed[1] else '<'} {_fmt(self.hi)}")
        if self.nonzero:
            parts.append("!= 0")
        return kind + (" " + ", ".join(parts) if parts else "")


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() and abs(v) < 1e16 else repr(v)


def region_for(symbol: sp.Symbol, relations=()) -> Region:
    r"""The region of ``symbol``: its own assumptions, narrowed by relations that bound it by a number."""
    lo, hi = -math.inf, math.inf
    closed = [False, False]
    if symbol.is_positive:
        lo = 0.0
    elif symbol.is_nonnegative:
        lo, closed[0] = 0.0, True
    if symbol.is_negative:
        hi = 0.0
    elif symbol.is_nonpositive:
        hi, closed[1] = 0.0, True
    for relation in relations:
        bound = numeric_bound(symbol, relation)
        if bound is None:
            continue
        side, value, is_closed = bound
        if side == "lo" and (value > lo or value == lo and not is_closed):
            lo, closed[0] = value, is_closed
        if side == "hi" and (value < hi or value == hi and not is_closed):
            hi, closed[1] = value, is_closed
    nonzero = bool(symbol.is_nonzero) and not (lo >= 0 or hi <= 0)
    for relation in relations:
        if isinstance(relation, sp.Ne) and {relation.lhs, relation.rhs} == {symbol, sp.S.Zero}:
            nonzero = True
    return Region(lo, hi, tuple(closed), bool(symbol.is_integer), nonzero)


def numeric_bound(symbol: sp.Symbol, relation) -> tuple[str, float, bool] | None:
    r"""``('lo', c, closed)`` or ``('hi', c, closed)`` when ``relation`` is ``symbol REL c`` with a real number $c$.

    The bound is rounded outward to a float64 (a region a little larger than assumed is
    sampled, and points outside the assumptions are rejected exactly by the caller).
    """
    if not isinstance(relation, (sp.Lt, sp.Le, sp.Gt, sp.Ge)):
        return None
    lhs, rhs = relation.lhs, relation.rhs
    if lhs == symbol and rhs.is_number and rhs.is_real:
        other, upper = rhs, isinstance(relation, (sp.Lt, sp.Le))
    elif rhs == symbol and lhs.is_number and lhs.is_real:
        other, upper = lhs, isinstance(relation, (sp.Gt, sp.Ge))
    else:
        return None
    closed = isinstance(relation, (sp.Le, sp.Ge))
    try:
        value = float(other)
    except (TypeError, OverflowError):
        return None
    if not math.isfinite(value):
        return None
    exact = sp.Rational(repr(value)) == other
    if not exact:
        value = math.nextafter(value, math.inf if upper else -math.inf)
        closed = True
    return ("hi" if upper else "lo", value, closed)
