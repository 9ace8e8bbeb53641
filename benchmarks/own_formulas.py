r"""The own-formulas suite and the catalog's derived VJPs: accuracy table and speed ratio (issue 13).

Two parts, both printed and written to ``benchmarks/own_formulas.json``:

* ``suite``: for every definition of ``examples/own_formulas.md`` (the functions the code generator
  writes, with the candidate search of :mod:`codegen.define_search`), the worst errors against the
  independent hand-written mpmath oracle (``tests/corpus/own_formulas/oracle.py``, measured as
  ``tests/codegen/test_own_formulas.py`` measures them): ordinary forward, extreme forward, VJP on
  ordinary and on extreme inputs; the rules that fired, and, from the certificate, each fired rule's
  worst error without it and with it (against the definition in mpmath, on the certificate's points), the points
  counted (forward, VJP), skipped (truth not a finite real) and ill-conditioned beyond float64.
* ``vjp_speed``: for every catalog formula with VJP records, the joint VJP function lowered from the
  hand-written closed forms (today's ``codegen --grad``) and from the derived VJP
  (:func:`codegen.derived_vjp.lower_derived_joint_vjp`: reverse mode through the formula's definitions,
  simplified to the closed forms' shapes), both through
  the same stability rules and lowering; timed side by side in one process on the same inputs (rounds
  alternate between the two, the medians compared): ``ratio`` = median(derived) / median(closed form),
  below 1 when the derived one is faster; ``ratio_min`` is the ratio of the fastest calls (less sensitive
  to other processes on a loaded machine); ``same_code`` says the two generated functions are identical
  text (their ratio is then noise).  ``agree`` is the largest normwise gap between the two (they compute
  the same gradient).

Usage: ``python3 benchmarks/own_formulas.py [--suite-only | --speed-only] [--size N] [--rounds R]``.
Timings on a loaded machine are noisy; the ratio of medians taken side by side is the number to read.
NumPy's BLAS is pinned to one thread (unless the environment says otherwise).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pathlib
import statistics
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):  # one BLAS thread: side by side
    os.environ.setdefault(_var, "1")  # timings are not perturbed by the shared cores (set before NumPy loads)

import numpy as np  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "benchmarks" / "own_formulas.json"
SIZE = 64
"""Every size symbol of a catalog formula is set to this for the speed part (a quarter of it for a formula with
more than four sizes; falls back to the formula's own largest size case where the conditions reject the draw)."""
ROUNDS = 15
"""Timing rounds per function (each round calls the closed-form and the derived function in turn)."""


def _test_module():
    spec = importlib.util.spec_from_file_location("test_own_formulas", ROOT / "tests" / "codegen" / "test_own_formulas.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def suite() -> list[dict]:
    """One row per formula of the suite: oracle errors, rules fired, certificate ablation."""
    t = _test_module()
    rows = []
    for name in sorted(t.ORACLE.ORACLES):
        start = time.perf_counter()
        worst, rules = t.errors(name)
        row = t.certificate_row(name)
        rows.append({"name": name, **worst, "rules": list(rules),
                     "ablation": {k: list(v) for k, v in row["ablation"].items()},
                     "forward_choice": row["forward_choice"], "vjp_choice": row["vjp_choice"],
                     "certificate": {k: row[k] for k in ("ordinary", "extreme", "vjp", "vjp_extreme")},
                     "points": [row["points"], row["vjp_points"]], "skipped": list(row["skipped"]),
                     "ill_conditioned": list(row["ill_conditioned"]),
                     "seconds": round(time.perf_counter() - start, 2)})
        print(_suite_line(rows[-1]), flush=True)
    return rows


def _fmt(x: float) -> str:
    return "inf" if x == float("inf") else f"{x:.1e}"


SUITE_HEADER = f"{'formula':<20} {'ordinary':>9} {'extreme':>9} {'vjp':>9} {'vjp(ext)':>9}  rules (worst error without -> with)"


def _suite_line(r: dict) -> str:
    ab = r["ablation"]
    rules = ", ".join(f"{k} ({_fmt(ab[k][0])} -> {_fmt(ab[k][1])})" if k in ab else k for k in r["rules"]) or "-"
    return (f"{r['name']:<20} {_fmt(r['ordinary']):>9} {_fmt(r['extreme']):>9} {_fmt(r['vjp']):>9} "
            f"{_fmt(r['vjp_extreme']):>9}  {rules}")


# ** the catalog's VJPs: derived against closed form **


def _derived_joint(name, grads):
    """The joint VJP lowered from the derived gradients (same inputs, rules and lowering as the closed forms)."""
    from codegen.derived_vjp import lower_derived_joint_vjp

    return lower_derived_joint_vjp(name, grads)


def _load(fn):
    from codegen.load import load_generated
    from codegen.lower_printer import NumPyLowering

    text = ("import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n"
            + NumPyLowering.helpers_source(fn.source(), grad=True) + "\n\n" + fn.source())
    return vars(load_generated(text))[fn.name]


def _inputs(vf, size: int, seed: int = 0):
    """Keyword inputs at every size symbol = ``size`` (else the formula's largest size case)."""
    from derivations.numeric.evaluate import Evaluator, Point, shape_of

    rng = np.random.default_rng(seed)
    ev = Evaluator(vf)
    size = size if len(vf.size_symbols) <= 4 else max(2, size // 4)  # multi-head attention: six sizes
    cases = [{s: size for s in vf.size_symbols}] + sorted(vf.sizes, key=lambda c: -sum(int(v) for v in c.values()))
    for sizes in cases:
        for _ in range(50):
            values = {v.name: v.domain.sample(rng, shape_of(v, sizes)) for v in vf.variables}
            try:
                if ev.satisfies(Point(dict(sizes), values, "timing")):
                    return values, sizes
            except Exception:  # noqa: BLE001  (a size case the conditions cannot judge: try the next)
                break
    return None, None


def _timings(a, b, values, rounds):
    """Per-call times of ``a`` and ``b``, alternating, ``rounds`` each."""
    ta, tb = [], []
    for _ in range(rounds):
        for fn, out in ((a, ta), (b, tb)):
            t0 = time.perf_counter()
            fn(**values)
            out.append(time.perf_counter() - t0)
    return ta, tb


def _gap(x, y) -> float:
    """Normwise gap over the entries finite in both (inf where only one of the two is finite)."""
    x = np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in x])
    y = np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in y])
    fin = np.isfinite(x) & np.isfinite(y)
    if np.any(np.isfinite(x) != np.isfinite(y)):
        return float("inf")
    x, y = x[fin], y[fin]
    scale = float(np.max(np.abs(x), initial=0.0))
    return float(np.max(np.abs(x - y)) / scale) if scale > 0 else float(np.max(np.abs(x - y), initial=0.0))


def vjp_speed(size: int = SIZE, rounds: int = ROUNDS) -> list[dict]:
    """One row per catalog formula with a joint VJP: median times of both lowerings and their ratio."""
    from codegen.module import _gradients_of, _vjp_formula, joint_groups, lower_joint_vjp
    from symbolic import all_formulas

    rows = []
    groups = joint_groups(_gradients_of([f.id for f in all_formulas()]))
    for name, grads in sorted(groups.items()):
        row = {"name": name, "wrt": [g.wrt for g in grads]}
        try:
            closed_fn, derived_fn = lower_joint_vjp(name, grads), _derived_joint(name, grads)
            same = closed_fn.source() == derived_fn.source()
            closed, derived = _load(closed_fn), _load(derived_fn)
        except Exception as exc:  # noqa: BLE001  (a report: the reason is printed)
            row["error"] = f"{type(exc).__name__}: {exc}"[:200]
            rows.append(row)
            print(f"{name:<32} not lowered: {row['error']}", flush=True)
            continue
        values, sizes = _inputs(_vjp_formula(grads[0]), size)
        if values is None:
            row["error"] = "no input satisfies the conditions"
            rows.append(row)
            continue
        with np.errstate(all="ignore"):
            row["agree"] = _gap(closed(**values), derived(**values))
            closed(**values), derived(**values)  # warm-up
            ta, tb = _timings(closed, derived, values, rounds)
        tc, td = statistics.median(ta), statistics.median(tb)
        row.update(sizes={str(k): int(v) for k, v in sizes.items()}, closed_s=tc, derived_s=td, ratio=td / tc,
                   ratio_min=min(tb) / min(ta), same_code=same)
        rows.append(row)
        print(f"{name:<32} closed {tc * 1e6:10.1f} us  derived {td * 1e6:10.1f} us  ratio {td / tc:5.2f}  "
              f"(of minima {row['ratio_min']:5.2f}){'  same code' if same else ''}  agree {row['agree']:.1e}  "
              f"sizes {row['sizes']}", flush=True)
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite-only", action="store_true")
    ap.add_argument("--speed-only", action="store_true")
    ap.add_argument("--size", type=int, default=SIZE)
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    args = ap.parse_args(argv)
    report = json.loads(OUT.read_text()) if OUT.exists() else {}
    report["load_average"] = list(os.getloadavg())
    report["cpus"] = os.cpu_count()
    if not args.speed_only:
        print(SUITE_HEADER)
        report["suite"] = suite()
    if not args.suite_only:
        print("\ncatalog VJPs, derived vs hand-written closed form (ratio = median derived / median closed form)")
        rows = vjp_speed(args.size, args.rounds)
        ratios = [r["ratio"] for r in rows if "ratio" in r]
        report["vjp_speed"] = rows
        if ratios:
            minima = [r["ratio_min"] for r in rows if "ratio_min" in r]
            report["vjp_speed_summary"] = {"formulas": len(ratios), "median_ratio": statistics.median(ratios),
                                           "max_ratio": max(ratios), "slower_than_1.1": sum(r > 1.1 for r in ratios),
                                           "max_ratio_of_minima": max(minima),
                                           "same_code": sum(bool(r.get("same_code")) for r in rows),
                                           "not_lowered": sum("ratio" not in r for r in rows)}
            summary = report["vjp_speed_summary"]
            print(f"\nmedian ratio {statistics.median(ratios):.2f}, max {max(ratios):.2f} (of minima: max "
                  f"{summary['max_ratio_of_minima']:.2f}) over {len(ratios)} formulas; {summary['same_code']} with the "
                  f"same code; {summary['not_lowered']} not lowered")
    print(f"load average {report['load_average']}")
    OUT.write_text(json.dumps(report, indent=1, default=str) + "\n")


if __name__ == "__main__":
    main()
