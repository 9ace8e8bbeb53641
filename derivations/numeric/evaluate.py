r"""Evaluate a catalog formula at concrete sizes and points, three independent ways.

(a) ``numpy``:  ``lambdify`` of the definition after ``transform`` (the code generator's stability rules);
(b) the record's hand-written NumPy reference (called by the verifier);
(c) ``mpmath``: ``lambdify`` of the raw definition at ``dps`` significant digits.

Free indices are looped over (one call per output element); reductions are
Python generator reductions.  This is the verifier's path, chosen for being
an obviously faithful transcription; vectorized code is ``codegen``'s job.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache

import mpmath
import numpy as np
import sympy as sp
from sympy.codegen.rewriting import expm1_opt, log1p_opt, optimize

from derivations.numeric.memoized import MemoizedFunction
from derivations.numeric.printers import FormularyMpmathPrinter, FormularyNumPyPrinter

from symbolic.record import Formula, Output, Var

MAX_DPS = 1600
"""Precision cap of the truth: enough for cancellations of inputs as small as 1e-300."""
MAX_TRIES = 200
"""Rejection-sampling attempts before a point that satisfies the conditions is given up."""


@dataclass(frozen=True)
class Point:
    """Concrete sizes and input values (float64 arrays keyed by variable name)."""

    sizes: dict
    values: dict
    label: str

    def describe(self, limit: int = 6) -> dict[str, str]:
        out = {str(k): str(v) for k, v in self.sizes.items()}
        for name, v in self.values.items():
            flat = np.ravel(v)
            text = ", ".join(f"{x:.6g}" for x in flat[:limit])
            out[name] = text if flat.size <= 1 else f"[{text}{', ...' if flat.size > limit else ''}]"
        return out


def concrete(expr, sizes) -> int:
    """``expr`` (a size expression such as ``K - 1``) at the concrete ``sizes``."""
    if not isinstance(expr, sp.Basic) or expr.is_Integer:
        return int(expr)
    return _concrete(expr, tuple(sizes.items()))


@lru_cache(maxsize=1 << 16)
def _concrete(expr: sp.Basic, sizes: tuple) -> int:
    """Substituted once per expression and size case: samplers and evaluators ask per point and per draw."""
    return int(expr.xreplace(dict(sizes)))


def shape_of(var: Var, sizes: dict) -> tuple[int, ...]:
    return tuple(concrete(s, sizes) for s in var.shape)


def index_ranges(output: Output, sizes: dict) -> list[range]:
    return [range(concrete(lo, sizes), concrete(hi, sizes) + 1) for _, lo, hi in output.indices]


def output_shape(output: Output, sizes: dict) -> tuple[int, ...]:
    return tuple(len(r) for r in index_ranges(output, sizes))


def _unchanged(expr: sp.Expr) -> tuple[sp.Expr, tuple[str, ...]]:
    return expr, ()


class Evaluator:
    """Compiled evaluators for one formula.

    ``transform`` turns each output's expression into the form the float64 path evaluates and names the
    rewrites that fired (the code generator passes its stability rules, ``codegen.rules.stabilize``); by
    default the definition is evaluated as written.
    """

    def __init__(self, formula: Formula, transform: Callable[[sp.Expr], tuple[sp.Expr, tuple[str, ...]]] = _unchanged):
        self.formula = formula
        self.transform = transform
        self.size_symbols = formula.size_symbols

    def _args(self, output: Output | None) -> list:
        args = [v.symbol for v in self.formula.variables] + list(self.size_symbols)
        if output is not None:
            args += [i for i, _, _ in output.indices]
        return args

    @cached_property
    def rewrites(self) -> tuple[str, ...]:
        return tuple(sorted({name for _, fired in self._stable for name in fired}))

    @cached_property
    def _stable(self) -> list[tuple[sp.Expr, tuple[str, ...]]]:
        return [self.transform(self.formula.expanded(o)) for o in self.formula.outputs]

    @cached_property
    def _numpy_fns(self):
        return [
            MemoizedFunction(self._args(None), [i for i, _, _ in o.indices], expr, FormularyNumPyPrinter, {},
                             modules="numpy")
            for o, (expr, _) in zip(self.formula.outputs, self._stable)
        ]

    @cached_property
    def _mpmath_fns(self):
        """Each sum computed once per value of its free indices (:mod:`~derivations.numeric.memoized`)."""
        return [
            MemoizedFunction(self._args(None), [i for i, _, _ in o.indices], truth_form(self.formula.expanded(o)),
                             FormularyMpmathPrinter,
                             {"fully_qualified_modules": False, "inline": True, "allow_unknown_functions": True})
            for o in self.formula.outputs
        ]

    @cached_property
    def _condition_fns(self):
        return [sp.lambdify(self._args(None), c, modules="mpmath") for c in self.formula.conditions]

    def _loop(self, fns, point: Point, values: list, convert) -> dict[str, np.ndarray]:
        sizes = [point.sizes[s] for s in self.size_symbols]
        out = {}
        for output, fn in zip(self.formula.outputs, fns):
            ranges = index_ranges(output, point.sizes)
            result = np.empty(tuple(len(r) for r in ranges), dtype=object)
            if isinstance(fn, MemoizedFunction):
                fn.reset()  # new inputs or precision
            for pos, idx in zip(itertools.product(*[range(len(r)) for r in ranges]), itertools.product(*ranges)):
                result[pos] = convert(fn(*values, *sizes, *idx))
            out[output.name] = result
        return out

    def numpy(self, point: Point) -> dict[str, np.ndarray]:
        values = [point.values[v.name] for v in self.formula.variables]
        with np.errstate(all="ignore"):
            raw = self._loop(self._numpy_fns, point, values, _to_float)
        return {k: v.astype(float) for k, v in raw.items()}

    def mpmath(self, point: Point, dps: int = 50) -> dict[str, np.ndarray]:
        r"""The truth at ``dps`` digits, raised until two precisions agree.

        Inputs such as $z = 10^{-300}$ cancel at 50 digits ($\log e^{z}$
        rounds to 0): the precision starts ``-log10`` of the smallest
        non-zero input magnitude above ``dps``; each result is recomputed with
        30 more digits and,
        while the two disagree beyond ``dps - 20`` digits, with doubled
        precision, up to ``MAX_DPS``.
        """
        dps += digits_below_one(point)
        low = self._mpmath_at(point, dps)
        while True:
            high = self._mpmath_at(point, dps + 30)
            if _agree(low, high, dps - 20) or dps >= MAX_DPS:
                return high
            low, dps = high, dps * 2

    def _mpmath_at(self, point: Point, dps: int) -> dict[str, np.ndarray]:
        with mpmath.workdps(dps):
            values = [to_mpf(point.values[v.name]) for v in self.formula.variables]
            return self._loop(self._mpmath_fns, point, values, _to_mp)

    def satisfies(self, point: Point) -> bool:
        if not self._condition_fns:
            return True
        sizes = [point.sizes[s] for s in self.size_symbols]
        with mpmath.workdps(50):
            values = [to_mpf(point.values[v.name]) for v in self.formula.variables]
            return all(bool(fn(*values, *sizes)) for fn in self._condition_fns)


def truth_form(expr: sp.Expr) -> sp.Expr:
    r"""The definition with $\log(1 + t) \to \operatorname{log1p}(t)$ and $e^x - 1 \to \operatorname{expm1}(x)$.

    Exact identities, applied only to the high-precision truth: at any fixed
    precision $\log(1 + e^{-600})$ rounds to 0 and no rise in digits that
    still rounds shows it, while ``mpmath.log1p`` keeps every digit.
    """
    return optimize(expr, [log1p_opt, expm1_opt])


def digits_below_one(point: Point) -> int:
    mags = [np.abs(np.ravel(v)) for v in point.values.values()]
    nonzero = np.concatenate(mags)[np.concatenate(mags) > 0] if mags else np.array([])
    return int(math.ceil(max(0.0, -math.log10(nonzero.min())))) if nonzero.size else 0


def _agree(a: dict, b: dict, digits: int) -> bool:
    tol = mpmath.mpf(10) ** (-digits)
    for name, x in a.items():
        for u, v in zip(x.flat, b[name].flat):
            if mpmath.isnan(u) or mpmath.isnan(v):
                if not (mpmath.isnan(u) and mpmath.isnan(v)):
                    return False
                continue
            if mpmath.isinf(u) or mpmath.isinf(v):
                if u != v:
                    return False
                continue
            if abs(u - v) > tol * max(abs(u), abs(v)):
                return False
    return True


def _to_float(x) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return math.nan


def _to_mp(x):
    if isinstance(x, (mpmath.mpf, mpmath.mpc)):
        return x
    if isinstance(x, sp.Basic):
        return mpmath.mpmathify(x.evalf(mpmath.mp.dps)) if x.is_number else mpmath.nan
    return mpmath.mpmathify(x)


def to_mpf(a):
    """``a`` as mpmath numbers (exact: a float64 converts without rounding), an object array for an array."""
    if np.ndim(a) == 0:
        return mpmath.mpf(float(a))
    a = np.asarray(a)
    out = np.empty(a.shape, dtype=object)
    out.flat[:] = [mpmath.mpf(v) for v in a.astype(float).ravel().tolist()]
    return out


def sample_points(formula: Formula, *, n_random: int = 100, seed: int = 0,
                  evaluator: Evaluator | None = None) -> list[Point]:
    """``n_random`` random points spread over the size cases, then the edge points.

    Edge points set one variable to one of its domain's edges and draw the
    others at random, so that edges are probed one at a time.
    """
    rng = np.random.default_rng(seed)
    ev = evaluator or Evaluator(formula)
    cases = formula.sizes
    per_case = max(1, math.ceil(n_random / len(cases)))
    points: list[Point] = []

    def draw(sizes, fixed: dict, label: str) -> Point | None:
        shapes = [(v.name, v.domain, shape_of(v, sizes)) for v in formula.variables]
        for _ in range(MAX_TRIES):
            values = {name: fixed[name] if name in fixed else domain.sample(rng, shape)
                      for name, domain, shape in shapes}
            p = Point(dict(sizes), values, label)
            if ev.satisfies(p):
                return p
        return None

    for c, sizes in enumerate(cases):
        for k in range(per_case):
            p = draw(sizes, {}, f"random #{k} (sizes case {c})")
            if p is None:
                raise ValueError(f"{formula.id}: no sample satisfies the conditions at sizes {sizes}")
            points.append(p)
    for sizes in cases:
        for v in formula.variables:
            for e, edge in enumerate(v.domain.edges(shape_of(v, sizes))):
                p = draw(sizes, {v.name: np.asarray(edge, dtype=float)}, f"edge {v.name}#{e}")
                if p is not None:
                    points.append(p)
    return points
