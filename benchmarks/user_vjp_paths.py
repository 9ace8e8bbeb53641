r"""User formulas' VJPs: reverse mode (today) against the expanded derivative (the path before it), side by side.

For every definition of a note (default ``examples/own_formulas.md``, the own-formulas suite; any notes file
as argument), both ways of deriving the VJP go through the same candidate search
(:func:`codegen.define_module.search`) and the same lowering:

* ``old``: ``derive_vjp`` of the whole expanded definition (sympy's ``diff`` of the inlined body, Kronecker
  deltas summed out, ``factor_terms``), for the definition and for its stabilized form;
* ``new``: :func:`derivations.gradients.reverse.expression_vjps`: reverse mode through the definition's
  intermediates, in the compact forms of :func:`derivations.gradients.simplify.simplify_vjp` (the expanded
  derivative stays one candidate of the search).

Per function: the certificate's worst VJP errors (ordinary, extreme) of each, the search's choice, the time
per ``name_vjp`` call on arrays of ``--rows`` x ``--cols`` float64 (every parameter; a vector parameter's
last axis is ``--cols``; parameters uniform in [-3, 3], keywords in [0.5, 2] as the certificate draws them),
rounds alternating between old and new, medians compared (``ratio`` = new / old), and per call the number of
full-size arrays the function builds (``arrays``, read off its locals line by line; ``r(min)``: the ratio of the fastest calls) and the peak of memory
above its inputs in full-size arrays (``peak``, by ``tracemalloc``).

Usage: ``python3 benchmarks/user_vjp_paths.py [NOTES.md] [--rows R] [--cols C] [--rounds N] [--json OUT]``.
NumPy's BLAS is pinned to one thread; timings on a loaded machine are noisy: read the ratio.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import pathlib
import statistics
import sys
import time
import tracemalloc

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@contextlib.contextmanager
def expanded_only():
    """The path before reverse mode: the definition's VJP from the expanded derivative (as the stabilized form's is)."""
    import codegen.define as define

    def refuse(*_a, **_k):
        raise ValueError("reverse mode off")

    saved = define.expression_vjps
    define.expression_vjps = refuse
    try:
        yield
    finally:
        define.expression_vjps = saved


def _searched(record):
    from codegen.define import derive_gradients
    from codegen.define_module import search

    f = derive_gradients(record)
    code, module, _, row = search(f, True)
    row["code"] = code
    return f, getattr(module, f.name + "_vjp"), row


def _inputs(f, rows: int, cols: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    args = []
    for p in f.params:
        shape = (rows,) + (cols,) * len(p.shape) if p.shape else (rows, cols)
        args.append(rng.uniform(-3, 3, size=shape))
    vector = any(p.shape for p in f.params)
    g = rng.uniform(-1, 1, size=(rows,) + (cols,) * len(f.indices) if vector else (rows, cols))
    kw = {k.name: float(rng.uniform(0.5, 2.0)) for k in f.keywords}
    return args, g, kw


def _body(code: str) -> str:
    """The VJP's code without its docstring (which names the derivation)."""
    text = code.split("_vjp(", 1)[-1]
    parts = text.split('"""')
    return parts[0] + parts[-1] if len(parts) >= 3 else text


def _full_size_arrays(fn, args, g, kw, full: int) -> int:
    """Distinct full-size arrays (not inputs) the call's locals hold at some line."""
    inputs = {id(a) for a in args} | {id(g)}
    seen = set()
    code = fn.__code__

    def tracer(frame, event, _arg):
        if frame.f_code is not code:
            return None
        for v in frame.f_locals.values():
            if isinstance(v, np.ndarray) and v.size >= full and id(v) not in inputs and v.base is None:
                seen.add(id(v))
        return tracer

    sys.settrace(tracer)
    try:
        with np.errstate(all="ignore"):
            fn(*args, g, **kw)
    finally:
        sys.settrace(None)
    return len(seen)


def _peak(fn, args, g, kw, full_bytes: int) -> float:
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    with np.errstate(all="ignore"):
        out = fn(*args, g, **kw)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del out
    return (peak - base) / full_bytes


def compare(records, rows: int, cols: int, rounds: int) -> list[dict]:
    out = []
    for record in records:
        import copy

        start = time.perf_counter()
        with expanded_only():
            f_old, old, row_old = _searched(copy.deepcopy(record))
        f_new, new, row_new = _searched(record)
        args, g, kw = _inputs(f_new, rows, cols)
        full = rows * cols
        times = {"old": [], "new": []}
        with np.errstate(all="ignore"):
            a = old(*args, g, **kw)
            b = new(*args, g, **kw)
            for _ in range(rounds):
                for key, fn in (("old", old), ("new", new)):
                    t = time.perf_counter()
                    fn(*args, g, **kw)
                    times[key].append(time.perf_counter() - t)
        fa = np.concatenate([np.ravel(x) for x in a])
        fb = np.concatenate([np.ravel(x) for x in b])
        ok = np.isfinite(fa) & np.isfinite(fb)
        gap = float(np.max(np.abs(fa[ok] - fb[ok])) / max(np.max(np.abs(fa[ok])), 1e-300)) if ok.any() else 0.0
        r = {"name": f_new.name, "derivation": f_new.derivation,
             "old_ms": 1e3 * statistics.median(times["old"]), "new_ms": 1e3 * statistics.median(times["new"]),
             "old_arrays": _full_size_arrays(old, args, g, kw, full), "new_arrays": _full_size_arrays(new, args, g, kw, full),
             "old_peak": _peak(old, args, g, kw, 8 * full), "new_peak": _peak(new, args, g, kw, 8 * full),
             "old_vjp": row_old["vjp"], "new_vjp": row_new["vjp"],
             "old_vjp_extreme": row_old["vjp_extreme"], "new_vjp_extreme": row_new["vjp_extreme"],
             "old_choice": row_old["vjp_choice"], "new_choice": row_new["vjp_choice"],
             "old_rules": list(row_old["rules"]), "new_rules": list(row_new["rules"]),
             "agree": gap, "same_code": _body(row_old["code"]) == _body(row_new["code"]),
             "seconds": round(time.perf_counter() - start, 1),
             "old_code": row_old["code"].split("_vjp(", 1)[-1], "new_code": row_new["code"].split("_vjp(", 1)[-1]}
        r["ratio"] = r["new_ms"] / r["old_ms"]
        r["ratio_min"] = min(times["new"]) / min(times["old"])  # the fastest calls: less sensitive to load
        out.append(r)
        print(_line(r), flush=True)
    return out


HEADER = (f"{'function':<18} {'old ms':>8} {'new ms':>8} {'ratio':>6} {'r(min)':>6} {'arrays':>7} {'peak':>9}  "
          f"{'vjp err old -> new':<20} {'vjp(ext) old -> new':<20} choice (new)")


def _fmt(x):
    return "inf" if x == float("inf") else f"{x:.1e}"


def _line(r) -> str:
    return (f"{r['name']:<18} {r['old_ms']:8.1f} {r['new_ms']:8.1f} {r['ratio']:6.2f} {r['ratio_min']:6.2f} "
            f"{r['old_arrays']:>3}>{r['new_arrays']:<3} {r['old_peak']:4.1f}>{r['new_peak']:<4.1f}  "
            f"{_fmt(r['old_vjp']) + ' -> ' + _fmt(r['new_vjp']):<20} "
            f"{_fmt(r['old_vjp_extreme']) + ' -> ' + _fmt(r['new_vjp_extreme']):<20} "
            f"{r['new_choice']}{' (same code)' if r['same_code'] else ''}")


def main(argv=None) -> int:
    from codegen.define import build
    from readers.definition import read_definitions

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("notes", nargs="?", default=str(ROOT / "examples" / "own_formulas.md"))
    ap.add_argument("--rows", type=int, default=4096)
    ap.add_argument("--cols", type=int, default=1024)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--only", nargs="*", help="function names to run (default: all)")
    ap.add_argument("--json", help="write the rows here")
    a = ap.parse_args(argv)
    records = build(read_definitions(pathlib.Path(a.notes).read_text(encoding="utf-8")))
    if a.only:
        records = [r for r in records if r.name in a.only]
    print(f"load {os.getloadavg()[0]:.1f}; arrays {a.rows}x{a.cols} float64; {a.rounds} rounds", flush=True)
    print(HEADER, flush=True)
    rows = compare(records, a.rows, a.cols, a.rounds)
    ratios = [r["ratio"] for r in rows]
    print(f"geometric mean ratio new/old: {float(np.exp(np.mean(np.log(ratios)))):.3f}; "
          f"load {os.getloadavg()[0]:.1f}")
    if a.json:
        pathlib.Path(a.json).write_text(json.dumps(rows, indent=1, default=float), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
