r"""Three checks of a gradient record.

1. **symbolic**: ``derived - closed form`` reduces to 0 at symbolic sizes
   (:mod:`.sums`), else the step checker decides ``derived = closed form`` at the
   formula's concrete sizes (``verified``, "symbolic at concrete sizes ...");
2. **reference**: the hand-written NumPy backward against the closed form at
   ``DPS`` digits, at the formula's sample points (plus the upstream gradient);
3. **finite differences**: $g^\top J v$ by central differences of the catalog
   forward pass in mpmath, step $h = 10^{-20}$, against
   $\langle \mathrm{vjp}(g), v\rangle$ for a random direction $v$.

Errors are measured against the *magnitude* of the closed form, $|\cdot|$
pushed through sums and products (:func:`magnitude`): a VJP entry such as
$\sigma_q (g_q - \sum_i g_i \sigma_i)$ cancels to 0 when $g$ is constant, and
float64 cannot compute it better than $u$ times the size of its terms.
"""
from __future__ import annotations

import functools
import itertools
import math
import time

import mpmath
import numpy as np
import sympy as sp
from sympy.printing.pycode import MpmathPrinter

from derivations.checker.budget import run_with_budget
from derivations.checker.ladder import check_step
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict
from derivations.numeric.verify import DPS, FLOOR, rel_errors
from symbolic.domains import Real, Simplex
from derivations.numeric.evaluate import (
    MAX_DPS,
    Point,
    digits_below_one,
    index_ranges,
    sample_points,
    to_mpf,
)
from symbolic.record import REL_TOL, Formula, Output, Var

from derivations.gradients import contract
from derivations.numeric.memoized import MemoizedFunction
from derivations.gradients.sums import prove_equal_sums

REFERENCE_TOL = REL_TOL
r"""Largest error of the NumPy backward, relative to the closed form's magnitude.

The catalog's tolerance with its justification: float64 rounding ($u \approx
1.1 \times 10^{-16}$) times the conditioning at edge points (scores of $10^4$
in a softmax cost $10^4 u$); a wrong backward errs by $O(1)$."""
FD_STEP = mpmath.mpf(10) ** -20
"""Central-difference step: truncation error $h^2 f'''/6$, about $10^{-40}$ times the third derivative."""
FD_TOL = 1e-20
r"""Largest error of $\langle \mathrm{vjp}(g), v\rangle$ against central differences.

Truncation is $h^2 |f'''| / 6 \approx 10^{-40} |f'''|$; with $|f'''| / |f'|$ at most
$1/\epsilon = 10^{12}$ (a normalization with variance floor $\epsilon = 10^{-12}$)
that is $10^{-28}$ relative.  Rounding is $10^{-\text{dps}} |f| / h$, driven below
$10^{-5}$ of the tolerance by raising the digits (:func:`central_difference`)."""
LAMBDIFY_SETTINGS = {"fully_qualified_modules": False, "inline": True, "allow_unknown_functions": True,
                     "user_functions": {}}
"""The settings ``lambdify(..., "mpmath")`` gives its printer."""
SYMBOLIC_BUDGET = 30.0
"""Seconds for the symbolic check: half for symbolic sizes, the rest for the step checker."""


def vjp_formula(grad) -> Formula:
    """The closed form as a formula of the inputs and ``g``, with its magnitude as a second output."""
    f = grad.subject
    upstream = () if grad.upstream is None else (_upstream_var(grad, grad.upstream),)
    base = grad.vjp.lhs.base.label if isinstance(grad.vjp.lhs, sp.Indexed) else grad.vjp.lhs
    index = tuple(i for i, _, _ in grad.vjp.indices)
    mag_lhs = sp.IndexedBase(f"|{base}|")[index] if index else sp.Symbol(f"|{base}|")
    return Formula(
        id=grad.id, title=grad.id, section="gradients", source=f.source,
        outputs=(grad.vjp, Output(mag_lhs, magnitude(grad.expanded()), grad.vjp.indices)),
        variables=f.variables + upstream, reference=grad.reference, sizes=f.sizes,
        definitions=f.definitions + grad.definitions, conditions=f.conditions)


def _upstream_var(grad, g) -> Var:
    shape = tuple(hi - lo + 1 for _, lo, hi in grad.output.indices)
    return Var(g, Real(), shape, "upstream gradient dL/dy")


def magnitude(expr: sp.Expr) -> sp.Expr:
    r"""$|\cdot|$ pushed through sums and products: $m(a + b) = m(a) + m(b)$, $m(ab) = m(a) m(b)$.

    Everything else (a quotient's denominator, $e^x$, $\sqrt{\cdot}$) keeps its
    absolute value.  By the triangle inequality $|e| \le m(e)$.
    """
    if isinstance(expr, (sp.Add, sp.Mul)):
        return expr.func(*(magnitude(a) for a in expr.args))
    if isinstance(expr, sp.Sum):
        return sp.Sum(magnitude(expr.function), *expr.limits)
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp > 0:
        return magnitude(expr.base) ** expr.exp
    if isinstance(expr, sp.Piecewise):
        return sp.Piecewise(*((magnitude(e), c) for e, c in expr.args))
    if isinstance(expr, sp.KroneckerDelta):
        return expr
    return sp.Abs(expr)


# ** 1. symbolic **

def check_symbolic(grad, *, budget: float = SYMBOLIC_BUDGET) -> Verdict:
    """``derived = closed form``: at symbolic sizes if the sum rules do it, else by the step checker."""
    start = time.monotonic()
    lhs, rhs, rules = grad.derived, grad.expanded(), simplex_rules(grad.subject)
    outcome = run_with_budget(prove_equal_sums, lhs, rhs, ranges=grad.ranges, rules=rules, seconds=budget / 2)
    assumptions = tuple(f"{v.name} {v.domain.text}" for v in grad.subject.variables)
    if outcome.ok and outcome.value:
        return Verdict("proved", method=f"symbolic sizes: {outcome.value}", assumptions=assumptions,
                       seconds=time.monotonic() - start)
    domains = {v.symbol: v.domain for v in grad.subject.variables}
    step = Step(lhs, rhs, justification="sympy's derivative equals the closed form", domains=domains,
                indices=grad.ranges, sizes=grad.subject.sizes)
    verdict = check_step(step, budget=budget - outcome.seconds)
    why = "symbolic sizes: " + (outcome.describe() if not outcome.ok else "the sum rules did not reduce it")
    return Verdict(verdict.kind, verdict.method, verdict.assumptions, verdict.counterexample,
                   f"{why}; {verdict.reason}".strip("; "), time.monotonic() - start, verdict.points,
                   verdict.details)


def simplex_rules(f: Formula) -> tuple:
    r"""$\sum_k y_{\dots k} = 1$ over the last axis, for each variable on the simplex."""
    rules = []
    for v in f.variables:
        if isinstance(v.domain, Simplex) and isinstance(v.symbol, sp.IndexedBase):
            def rule(s, base=v.symbol, last=v.shape[-1]):
                (k, lo, hi), body = s.limits[0] if len(s.limits) == 1 else (None, None, None), s.function
                if (k is not None and lo == 0 and hi == last - 1 and isinstance(body, sp.Indexed)
                        and body.base == base and body.indices[-1] == k
                        and not any(k in i.free_symbols for i in body.indices[:-1])):
                    return sp.Integer(1)
                return None
            rules.append(rule)
    return tuple(rules)


# ** 2. reference and 3. finite differences **

class Lowered:
    """One index-notation output of a formula, lambdified for mpmath and evaluated element by element."""

    def __init__(self, formula: Formula, output: Output):
        self.formula, self.output = formula, output
        self.sizes = list(formula.size_symbols)
        fixed = [v.symbol for v in formula.variables] + self.sizes
        self.fn = _lowered(tuple(fixed), tuple(i for i, _, _ in output.indices), formula.expanded(output))

    def __call__(self, values: dict, sizes: dict) -> np.ndarray:
        args = [values[v.name] for v in self.formula.variables] + [sizes[s] for s in self.sizes]
        self.fn.reset()  # new inputs (and perhaps precision): the cached sums are stale
        ranges = index_ranges(self.output, sizes)
        out = np.empty(tuple(len(r) for r in ranges), dtype=object)
        for pos, idx in zip(np.ndindex(out.shape), itertools.product(*ranges)):
            out[pos] = self.fn(*args, *idx)
        return out


LOWERED_KEPT = 64
"""Compiled expressions :func:`_lowered` keeps (a gradient check compiles four or five)."""


@functools.lru_cache(maxsize=LOWERED_KEPT)
def _lowered(fixed: tuple, indices: tuple, expr: sp.Expr) -> MemoizedFunction:
    r"""The compiled function of one expression, made once per process: the VJPs of one output with respect to each
    of its inputs (seven for multi-head attention) contract the same $g^\top y$ in their forward pass, and each
    compiled it again (sympy's printer and ``lambdify``).  Sharing is safe because every :meth:`Lowered.__call__`
    resets the function's cached sums before it evaluates."""
    return MemoizedFunction(list(fixed), list(indices), expr, MpmathPrinter, LAMBDIFY_SETTINGS)


def forward_formula(grad) -> Formula:
    r"""$\sum_\iota g_\iota y_\iota$ (the catalog expression contracted with $g$), then the kink expressions."""
    f = grad.subject
    g = grad.upstream if grad.upstream is not None else sp.IndexedBase("g", real=True)
    contracted = contract(g, grad.output, f.expanded(grad.output))
    return Formula(id=f"{grad.id}_forward", title=grad.id, section="gradients", source=f.source,
                   outputs=(Output(sp.Symbol("gTy"), contracted), Output(sp.Symbol("|gTy|"), magnitude(contracted)))
                   + grad.kinks,
                   variables=f.variables + (_upstream_var(grad, g),),
                   reference=grad.reference, sizes=f.sizes, definitions=f.definitions)


def central_difference(forward: Lowered, point: Point, values: dict, wrt: str, v, scale, size) -> tuple:
    r"""$(F(x + hv) - F(x - hv)) / 2h$, raised until 30 more digits change it by less than
    $10^{-5}$ ``FD_TOL`` ``scale``; the digits reached are negative if ``MAX_DPS`` did not suffice.

    Two precisions can agree on a difference of 0 when both are too few, so the digits
    start where rounding, $10^{-\text{dps}}\,$``size``$/h$ with ``size`` the magnitude of
    $F$, is below $10^{-5}$ ``FD_TOL`` ``scale``, and at least at ``DPS`` plus the digits
    below 1 of the smallest input (as for the catalog's truth: $e^{10^{-300}}$ rounds to 1).
    A ``size`` that is not finite at ``DPS`` digits ($\log(1 - \sigma(10^3))$) leaves it to the loop.
    """
    needed = float(mpmath.log10(size / scale)) if 0 < size < mpmath.inf else 0.0
    dps = max(DPS + digits_below_one(point), math.ceil(needed - math.log10(1e-5 * FD_TOL * float(FD_STEP))) + 10)
    dps = min(dps, MAX_DPS)
    last, sizes = None, point.sizes
    while True:
        with mpmath.workdps(dps):
            h = FD_STEP * v
            ends = [forward({**values, wrt: values[wrt] + s}, sizes)[()] for s in (h, -h)]
            value = (ends[0] - ends[1]) / (2 * FD_STEP)
            if last is not None and abs(value - last) <= 1e-5 * FD_TOL * scale:
                return value, dps
        if dps >= MAX_DPS:
            return value, -dps
        last, dps = value, (dps + 30 if last is None else 2 * dps)


def crosses_kink(kinks: list[Lowered], values: dict, wrt: str, v, sizes: dict) -> bool:
    """Whether a kink expression is 0, or changes sign, at $x - hv$, $x$, $x + hv$."""
    with mpmath.workdps(DPS):
        h = FD_STEP * v
        for kink in kinks:
            at = [kink({**values, wrt: values[wrt] + s}, sizes) for s in (-h, 0, h)]
            for pos in np.ndindex(at[0].shape):
                signs = {mpmath.sign(a[pos]) for a in at}
                if 0 in signs or len(signs) > 1:
                    return True
    return False


def check_numeric(grad, *, n_random: int = 20, seed: int = 0, max_points: int | None = None) -> tuple[dict, dict]:
    """Checks 2 and 3 at the same points (random ones first, then edge points, at most ``max_points``).

    A record that cannot be evaluated is reported (verdict ``error``), not raised.
    """
    try:
        return _check_numeric(grad, n_random, seed, max_points)
    except Exception as exc:  # noqa: BLE001 - a broken record is a result, like a failing one
        reason = f"{type(exc).__name__}: {exc}"
        return ({"verdict": "error", "max_rel_error": math.inf, "reason": reason, "tolerance": REFERENCE_TOL},
                {"verdict": "error", "max_rel_error": math.inf, "reason": reason, "tolerance": FD_TOL})


def _check_numeric(grad, n_random, seed, max_points):
    vf, ff = vjp_formula(grad), forward_formula(grad)
    vjp, mag = (Lowered(vf, o) for o in vf.outputs)
    forward, forward_size, *kinks = (Lowered(ff, o) for o in ff.outputs)
    g_name = ff.variables[-1].name
    points = _subset(sample_points(vf, n_random=n_random, seed=seed), max_points)
    rng = np.random.default_rng(seed)
    ref = {"max_rel_error": 0.0, "skipped_elements": 0, "worst": ""}
    fd = {"max_rel_error": 0.0, "skipped_kinks": 0, "unresolved": 0, "max_dps": DPS, "worst": ""}
    start = time.monotonic()
    for point in points:
        values = _on_simplex({k: to_mpf(v) for k, v in point.values.items()}, grad.subject)
        with mpmath.workdps(DPS):
            t, m = vjp(values, point.sizes), mag(values, point.sizes)
        with np.errstate(all="ignore"):
            got = np.asarray(grad.reference(**{k: np.array(v, copy=True) for k, v in point.values.items()}),
                             dtype=float)
        errs, skipped = rel_errors(np.broadcast_to(got, t.shape), t)
        ref["skipped_elements"] += skipped
        _keep_worst(ref, float(np.max(errs * _ratio(t, m))) if errs.size else 0.0, point)

        v = to_mpf(rng.standard_normal(np.shape(point.values[grad.wrt])))
        if grad.upstream is None:
            values[g_name] = to_mpf(rng.standard_normal(_out_shape(grad, point)))
        if kinks and crosses_kink(kinks, values, grad.wrt, v, point.sizes):
            fd["skipped_kinks"] += 1
            continue
        with mpmath.workdps(DPS):
            exact, scale = _directional(grad, t, m, values[g_name], v)
            size = forward_size(values, point.sizes)[()]
        value, dps = central_difference(forward, point, values, grad.wrt, v, scale, size)
        if dps < 0:
            fd["unresolved"] += 1
            continue
        fd["max_dps"] = max(fd["max_dps"], dps)
        with mpmath.workdps(DPS):
            _keep_worst(fd, float(abs(value - exact) / scale), point)
    seconds = time.monotonic() - start
    for result, tol in ((ref, REFERENCE_TOL), (fd, FD_TOL)):
        result.update(points=len(points), tolerance=tol, seconds=round(seconds, 3),
                      verdict="verified" if result["max_rel_error"] <= tol else "refuted")
    return ref, fd


def _on_simplex(values: dict, f: Formula) -> dict:
    r"""Simplex variables renormalized at ``DPS`` digits: float64 samples sum to 1 only within $10^{-16}$,
    and a closed form that uses $\sum_k y_k = 1$ differs from the forward pass by that much."""
    with mpmath.workdps(DPS):
        for v in f.variables:
            if isinstance(v.domain, Simplex):
                y = values[v.name]
                values[v.name] = y / np.sum(y, axis=-1, keepdims=True)
    return values


def _directional(grad, t, mag, g, v):
    r"""$\langle \mathrm{vjp}, v\rangle$ (or $g^\top J v$) and its magnitude, floored at ``FLOOR``."""
    if grad.upstream is None:
        g = g.reshape(-1)
        t, mag = t.reshape(g.size, -1), mag.reshape(g.size, -1)
        exact = sum(g[i] * t[i, j] * v.flat[j] for i in range(g.size) for j in range(v.size))
        scale = sum(abs(g[i]) * abs(mag[i, j]) * abs(v.flat[j]) for i in range(g.size) for j in range(v.size))
    else:
        exact = sum(a * b for a, b in zip(np.ravel(t), np.ravel(v)))
        scale = sum(abs(a) * abs(b) for a, b in zip(np.ravel(mag), np.ravel(v)))
    return exact, max(abs(exact), scale, mpmath.mpf(FLOOR))


def _out_shape(grad, point: Point) -> tuple[int, ...]:
    return tuple(len(r) for r in index_ranges(grad.output, point.sizes))


def _ratio(t, mag) -> np.ndarray:
    """Turn errors relative to ``max(|t|, FLOOR)`` into errors relative to ``max(|t|, |mag|, FLOOR)``."""
    out = np.ones(t.shape)
    for pos in np.ndindex(t.shape):
        if mpmath.isfinite(t[pos]) and mpmath.isfinite(mag[pos]):
            out[pos] = float(max(abs(t[pos]), FLOOR) / max(abs(t[pos]), abs(mag[pos]), FLOOR))
    return out


def _keep_worst(result: dict, err: float, point: Point) -> None:
    if err > result["max_rel_error"] or math.isnan(err):
        result["max_rel_error"] = err if not math.isnan(err) else math.inf
        result["worst"] = point.label


def _subset(points: list[Point], max_points: int | None) -> list[Point]:
    """The random points and, up to ``max_points`` in all, edge points evenly spread over the rest."""
    if max_points is None or len(points) <= max_points:
        return points
    randoms = [p for p in points if p.label.startswith("random")]
    edges = [p for p in points if not p.label.startswith("random")]
    keep = max(0, max_points - len(randoms))
    step = len(edges) / keep if keep else math.inf
    return randoms + [edges[int(k * step)] for k in range(keep)]


def check_gradient(grad, *, n_random: int = 20, seed: int = 0, max_points: int | None = None,
                   symbolic_budget: float = SYMBOLIC_BUDGET) -> dict:
    """The three checks of ``grad`` as a JSON-ready dict."""
    verdict = check_symbolic(grad, budget=symbolic_budget)
    ref, fd = check_numeric(grad, n_random=n_random, seed=seed, max_points=max_points)
    return {
        "id": grad.id,
        "symbolic": {"verdict": verdict.kind, "method": verdict.method, "reason": verdict.reason,
                     "seconds": round(verdict.seconds, 3)},
        "reference": ref,
        "finite_differences": fd,
        "holds": verdict.holds and ref["verdict"] == fd["verdict"] == "verified",
    }
