r"""Domains: where a variable lives, how to sample it, and its edge points.

One domain is one sampling strategy, shared by the catalog verifier, the step
checker and the tests.  Every sample is a float64 value; the high-precision
evaluators convert the *same* floats exactly (``mpmath.mpf(float)`` is exact),
so all evaluators see identical inputs.

A domain samples an array of a given shape.  Element-wise domains (``Real``,
``Positive``, ``Interval``, ``Count``, ``Choice``) sample each element on its
own; ``Simplex`` samples probability vectors along the last axis.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

TINY = 1e-300
"""A very small magnitude that float64 still represents with full precision."""


def _log_uniform(rng: np.random.Generator, lo: float, hi: float, shape) -> np.ndarray:
    return np.exp(rng.uniform(math.log(lo), math.log(hi), size=shape))


@dataclass(frozen=True)
class Domain:
    """Base class.  Subclasses implement :meth:`sample` and :meth:`edges`."""

    def sample(self, rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
        raise NotImplementedError

    def edges(self, shape: tuple[int, ...]) -> list[np.ndarray]:
        """Deterministic edge points of the domain (zeros, ties, extremes)."""
        return []

    def contains(self, value: np.ndarray) -> bool:
        raise NotImplementedError

    @property
    def assumptions(self) -> dict[str, bool]:
        """sympy assumptions implied by the domain (for ``Symbol(..., **a)``)."""
        return {"real": True}

    @property
    def latex(self) -> str:
        raise NotImplementedError

    @property
    def text(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class Real(Domain):
    r"""$x \in \mathbb{R}$; samples mix unit-scale and log-uniform magnitudes.

    ``large`` is the largest magnitude used at edge points and the upper end
    of the log-uniform samples.  Formulas whose value overflows float64 for
    larger inputs (a polynomial of high degree) state a smaller ``large``.
    """

    large: float = 1e4

    def sample(self, rng, shape):
        normal = rng.standard_normal(shape) * 3.0
        mags = _log_uniform(rng, 1e-6, self.large, shape) * rng.choice([-1.0, 1.0], size=shape)
        pick = rng.random(shape) < 0.75
        return np.where(pick, normal, mags)

    def edges(self, shape):
        n = int(np.prod(shape)) if shape else 1
        ramp = np.linspace(-1.0, 1.0, n).reshape(shape) if shape else np.array(0.5)
        out = [
            np.zeros(shape),
            np.full(shape, TINY),
            np.full(shape, self.large),
            np.full(shape, -self.large),
            ramp * self.large,
            ramp * 1e-8,
        ]
        if shape:
            spike = np.zeros(shape)
            spike.flat[0] = self.large
            out.append(spike)
            out.append(-spike)
        return out

    def contains(self, value):
        return bool(np.all(np.isfinite(value)))

    @property
    def latex(self):
        return r"\mathbb{R}"

    @property
    def text(self):
        return "real"


@dataclass(frozen=True)
class Positive(Domain):
    r"""$x > 0$ (or $x \ge 0$ with ``allow_zero``)."""

    small: float = 1e-12
    large: float = 1e4
    allow_zero: bool = False

    def sample(self, rng, shape):
        unit = rng.uniform(0.05, 5.0, size=shape)
        mags = _log_uniform(rng, self.small, self.large, shape)
        return np.where(rng.random(shape) < 0.6, unit, mags)

    def edges(self, shape):
        out = [np.full(shape, self.small), np.full(shape, self.large), np.ones(shape)]
        if self.allow_zero:
            out.append(np.zeros(shape))
        return out

    def contains(self, value):
        v = np.asarray(value)
        return bool(np.all(np.isfinite(v)) and np.all(v >= 0 if self.allow_zero else v > 0))

    @property
    def assumptions(self):
        if self.allow_zero:
            return {"real": True, "nonnegative": True}
        return {"real": True, "positive": True}

    @property
    def latex(self):
        return r"\mathbb{R}_{\ge 0}" if self.allow_zero else r"\mathbb{R}_{>0}"

    @property
    def text(self):
        return "nonnegative" if self.allow_zero else "positive"


@dataclass(frozen=True)
class Interval(Domain):
    r"""$x \in (lo, hi)$, with closed ends when asked (``closed=(True, False)``)."""

    lo: float = 0.0
    hi: float = 1.0
    closed: tuple[bool, bool] = (False, False)

    def sample(self, rng, shape):
        return rng.uniform(self.lo, self.hi, size=shape)

    def edges(self, shape):
        width = self.hi - self.lo
        out = [
            np.full(shape, self.lo + 1e-9 * width),
            np.full(shape, self.hi - 1e-9 * width),
            np.full(shape, self.lo + 0.5 * width),
        ]
        if self.closed[0]:
            out.append(np.full(shape, self.lo))
        if self.closed[1]:
            out.append(np.full(shape, self.hi))
        return out

    def contains(self, value):
        v = np.asarray(value)
        lo_ok = v >= self.lo if self.closed[0] else v > self.lo
        hi_ok = v <= self.hi if self.closed[1] else v < self.hi
        return bool(np.all(lo_ok & hi_ok))

    @property
    def assumptions(self):
        if self.lo > 0 or (self.lo == 0 and not self.closed[0]):
            return {"real": True, "positive": True}
        if self.lo >= 0:
            return {"real": True, "nonnegative": True}
        return {"real": True}

    @property
    def latex(self):
        left = "[" if self.closed[0] else "("
        right = "]" if self.closed[1] else ")"
        return f"{left}{_fmt(self.lo)}, {_fmt(self.hi)}{right}"

    @property
    def text(self):
        left = "[" if self.closed[0] else "("
        right = "]" if self.closed[1] else ")"
        return f"in {left}{_fmt(self.lo)}, {_fmt(self.hi)}{right}"


def Probability(*, closed: bool = True) -> Interval:
    r"""A probability $p \in [0, 1]$ (open: $p \in (0, 1)$)."""
    return Interval(0.0, 1.0, (closed, closed))


@dataclass(frozen=True)
class Count(Domain):
    r"""A count $n \in \{lo, lo+1, \dots\}$, sampled up to ``hi``; edges include ``large``."""

    lo: int = 0
    hi: int = 1000
    large: float = 1e12

    def sample(self, rng, shape):
        small = rng.integers(self.lo, 10, size=shape, endpoint=True)
        wide = rng.integers(self.lo, self.hi, size=shape, endpoint=True)
        return np.where(rng.random(shape) < 0.3, small, wide).astype(float)

    def edges(self, shape):
        return [np.full(shape, float(self.lo)), np.full(shape, float(self.lo + 1)), np.full(shape, self.large)]

    def contains(self, value):
        v = np.asarray(value)
        return bool(np.all(v >= self.lo) and np.all(v == np.round(v)))

    @property
    def assumptions(self):
        if self.lo > 0:
            return {"integer": True, "positive": True}
        return {"integer": True, "nonnegative": True}

    @property
    def latex(self):
        return r"\mathbb{Z}_{\ge %d}" % self.lo

    @property
    def text(self):
        return f"integer >= {self.lo}"


@dataclass(frozen=True)
class Choice(Domain):
    r"""A value from a finite set, e.g. labels $y \in \{-1, 1\}$ or a degree $d \in \{1..5\}$."""

    values: tuple[float, ...] = (-1.0, 1.0)

    def sample(self, rng, shape):
        return rng.choice(np.asarray(self.values, dtype=float), size=shape)

    def edges(self, shape):
        return [np.full(shape, float(v)) for v in self.values]

    def contains(self, value):
        return bool(np.all(np.isin(np.asarray(value), self.values)))

    @property
    def assumptions(self):
        a: dict[str, bool] = {"real": True}
        if all(float(v).is_integer() for v in self.values):
            a = {"integer": True}
        if all(v > 0 for v in self.values):
            a["positive"] = True
        return a

    @property
    def latex(self):
        return r"\{" + ", ".join(_fmt(v) for v in self.values) + r"\}"

    @property
    def text(self):
        return "in {" + ", ".join(_fmt(v) for v in self.values) + "}"


@dataclass(frozen=True)
class Simplex(Domain):
    r"""Probability vectors along the last axis: $p_k \ge 0$, $\sum_k p_k = 1$.

    ``interior`` excludes zero entries (needed where $\log p_k$ appears
    without the $0 \log 0 = 0$ convention).
    """

    interior: bool = False

    def sample(self, rng, shape):
        alpha = rng.choice([0.3, 1.0, 5.0])
        p = rng.gamma(alpha, size=shape) + 1e-300
        return p / p.sum(axis=-1, keepdims=True)

    def edges(self, shape):
        k = shape[-1]
        uniform = np.full(shape, 1.0 / k)
        peaked = np.full(shape, 1e-12)
        peaked[..., 0] = 1.0 - (k - 1) * 1e-12
        out = [uniform, peaked]
        if not self.interior:
            onehot = np.zeros(shape)
            onehot[..., -1] = 1.0
            out.append(onehot)
        return out

    def contains(self, value):
        v = np.asarray(value)
        positive = v > 0 if self.interior else v >= 0
        return bool(np.all(positive) and np.allclose(v.sum(axis=-1), 1.0, rtol=0, atol=1e-12))

    @property
    def assumptions(self):
        return {"real": True, "positive": True} if self.interior else {"real": True, "nonnegative": True}

    @property
    def latex(self):
        return r"\Delta^{K-1}" + (r"_{>0}" if self.interior else "")

    @property
    def text(self):
        return "probability vector" + (" (all entries > 0)" if self.interior else "")


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def domain_for_assumptions(symbol) -> Domain:
    """The domain a sympy Symbol's own assumptions describe (used by the step checker)."""
    if symbol.is_integer:
        if symbol.is_positive:
            return Count(lo=1, hi=50, large=1e6)
        if symbol.is_nonnegative:
            return Count(lo=0, hi=50, large=1e6)
        return Choice(tuple(float(v) for v in range(-20, 21)))
    if symbol.is_positive:
        return Positive()
    if symbol.is_nonnegative:
        return Positive(allow_zero=True)
    if symbol.is_negative:
        return _Negated(Positive())
    return Real()


@dataclass(frozen=True)
class _Negated(Domain):
    inner: Domain = field(default_factory=Positive)

    def sample(self, rng, shape):
        return -self.inner.sample(rng, shape)

    def edges(self, shape):
        return [-e for e in self.inner.edges(shape)]

    def contains(self, value):
        return self.inner.contains(-np.asarray(value))

    @property
    def assumptions(self):
        return {"real": True, "negative": True}

    @property
    def latex(self):
        return r"\mathbb{R}_{<0}"

    @property
    def text(self):
        return "negative"
