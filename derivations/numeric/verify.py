r"""Verify catalog formulas: generated NumPy and hand-written reference against mpmath.

For every sample point the error of a float64 value $a$ against the
high-precision truth $t$ is

.. math:: \operatorname{err}(a, t) = \frac{|a - t|}{\max(|t|, \text{FLOOR}, s)}

with FLOOR the smallest normal float64 and $s$ the record's ``error_scale``
(0 unless the record states why its outputs are compared absolutely near 0), so that a truth that underflows
float64 does not count against an implementation that returns 0.  Elements
whose truth overflows float64 are not representable, are skipped and counted.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import mpmath
import numpy as np

from derivations.numeric.evaluate import Evaluator, Point, output_shape, sample_points
from symbolic.record import Formula

from derivations.checker.verdict import Verdict

DPS = 50
"""Significant digits of the mpmath truth (the issue asks for at least 50)."""
FLOOR = float(np.finfo(float).tiny)
FLOAT_MAX = float(np.finfo(float).max)


@dataclass(frozen=True)
class CatalogCheck:
    id: str
    verdict: Verdict
    max_rel_error: float  # worst of generated and reference
    max_rel_error_generated: float
    max_rel_error_reference: float
    points: int
    skipped_elements: int
    tolerance: float
    rewrites: tuple[str, ...] = ()
    worst: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "verdict": self.verdict.kind,
            "max_rel_error": _json_float(self.max_rel_error),
            "max_rel_error_generated": _json_float(self.max_rel_error_generated),
            "max_rel_error_reference": _json_float(self.max_rel_error_reference),
            "tolerance": self.tolerance,
            "points": self.points,
            "skipped_elements": self.skipped_elements,
            "rewrites": list(self.rewrites),
            "seconds": round(self.verdict.seconds, 4),
            "worst": self.worst,
            "reason": self.verdict.reason,
        }


def _json_float(x: float):
    return x if math.isfinite(x) else str(x)


def rel_errors(approx: np.ndarray, truth: np.ndarray, scale: float = 0.0) -> tuple[np.ndarray, int]:
    """Per-element errors (``inf`` for nan/inf/shape mismatch) and the count of skipped elements."""
    truth = np.asarray(truth, dtype=object)
    approx = np.asarray(approx, dtype=float)
    if approx.shape != truth.shape:
        return np.full(truth.shape or (1,), math.inf), 0
    errs = np.zeros(truth.shape)
    skipped = 0
    for pos in np.ndindex(truth.shape):
        t = truth[pos]
        if not mpmath.isfinite(t) or abs(t) > FLOAT_MAX:
            skipped += 1
            continue
        a = approx[pos]
        if not math.isfinite(a):
            errs[pos] = math.inf
            continue
        errs[pos] = float(abs(mpmath.mpf(a) - t) / max(abs(t), FLOOR, scale))
    return errs, skipped


def call_reference(formula: Formula, point: Point) -> dict[str, np.ndarray]:
    with np.errstate(all="ignore"):
        result = formula.reference(**{k: np.array(v, copy=True) for k, v in point.values.items()})
    if not isinstance(result, dict):
        result = {formula.outputs[0].name: result}
    return {
        o.name: np.broadcast_to(np.asarray(result[o.name], dtype=float), output_shape(o, point.sizes))
        for o in formula.outputs
    }


def verify_formula(formula: Formula, *, n_random: int = 100, seed: int = 0, dps: int = DPS,
                   reference=None, transform=None) -> CatalogCheck:
    """Check a formula; ``reference`` replaces the record's one (tests use a wrong one); ``transform`` is
    the rewriting of the float64 path (the API passes the code generator's ``codegen.rules.stabilize``)."""
    if reference is not None:
        from dataclasses import replace

        formula = replace(formula, reference=reference)
    start = time.perf_counter()
    try:
        ev = Evaluator(formula) if transform is None else Evaluator(formula, transform)
        points = sample_points(formula, n_random=n_random, seed=seed, evaluator=ev)
        worst = {"generated": (-1.0, None, ""), "reference": (-1.0, None, "")}
        skipped = 0
        for point in points:
            truth = ev.mpmath(point, dps)
            for which, got in (("generated", ev.numpy(point)), ("reference", call_reference(formula, point))):
                for name, t in truth.items():
                    errs, skip = rel_errors(got[name], t, formula.error_scale)
                    if which == "generated":
                        skipped += skip
                    e = float(np.max(errs)) if errs.size else 0.0
                    if e > worst[which][0] or (math.isnan(e) and not math.isnan(worst[which][0])):
                        worst[which] = (e, point, name)
    except Exception as exc:  # noqa: BLE001 - a record that cannot be evaluated is reported, not raised
        seconds = time.perf_counter() - start
        verdict = Verdict("error", "numeric", reason=f"{type(exc).__name__}: {exc}", seconds=seconds)
        return CatalogCheck(formula.id, verdict, math.inf, math.inf, math.inf, 0, 0, formula.tolerance)
    seconds = time.perf_counter() - start
    e_gen, e_ref = worst["generated"][0], worst["reference"][0]
    e_max = max(e_gen, e_ref)
    tol = formula.tolerance
    which = "generated" if e_gen >= e_ref else "reference"
    _, wpoint, wname = worst[which]
    worst_json = {"implementation": which, "output": wname, "point": wpoint.label if wpoint else "",
                  "values": wpoint.describe() if wpoint else {}}
    if e_max <= tol:
        verdict = Verdict("verified", f"numeric: {len(points)} points vs mpmath at {dps} digits",
                          points=len(points), seconds=seconds,
                          reason="evidence at sampled points, not a proof")
    else:
        verdict = Verdict("refuted", f"numeric: {len(points)} points vs mpmath at {dps} digits",
                          points=len(points), seconds=seconds,
                          counterexample=worst_json["values"],
                          reason=f"{which} {wname} off by {e_max:.3g} (tolerance {tol:g}) at {worst_json['point']}")
    return CatalogCheck(formula.id, verdict, e_max, e_gen, e_ref, len(points), skipped, tol,
                        ev.rewrites, worst_json)
