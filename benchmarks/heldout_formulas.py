r"""The held-out user formulas of ``benchmarks/heldout_formulas.md`` (issue 13): certificate rows, outside CI.

For every definition of the note: the worst errors of the generated forward and VJP against the definition in
mpmath at high precision (ordinary inputs, extreme inputs to 1e+-300 where the truth is a normal float64), the
candidates chosen, the rules that fired and, for each, the worst error without it and with it (the certificate's
ablation), against the issue's targets (forward 1e-12 ordinary, 1e-10 extreme; VJP 1e-8).  The same run as
``formulary verify benchmarks/heldout_formulas.md``.  Written to ``benchmarks/heldout_formulas.json``.

Usage: ``python3 benchmarks/heldout_formulas.py [--note NOTE.md] [NAME ...]`` (default: every definition of
``heldout_formulas.md``; helpers such as ``sigma`` and ``phi`` included, as ``verify`` lists them).  With
``--note`` another note of definitions (e.g. ``benchmarks/heldout_round2.md``) is run, its rows written beside it
as ``NOTE.json``; with ``--update NAME ...`` only those rows are re-measured and replaced in it.
"""
from __future__ import annotations

import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NOTE = ROOT / "benchmarks" / "heldout_formulas.md"
OUT = ROOT / "benchmarks" / "heldout_formulas.json"
KEYS = ("ordinary", "extreme", "vjp", "vjp_extreme")


def _fmt(x) -> str:
    return "inf" if x == float("inf") else f"{x:.1e}"


def rows(names=(), note=NOTE) -> list[dict]:
    from codegen.define_check import N_ORDINARY, TARGETS
    from formulary import api

    out = []
    for f in api.define(note):
        if names and f.name not in names:
            continue
        start = time.perf_counter()
        try:
            (row,) = api.verify_definitions([f])
        except Exception as exc:  # noqa: BLE001  (an internal error is a row of the benchmark, not its end)
            out.append({"name": f.name, "error": f"{type(exc).__name__}: {exc}"[:300],
                        "seconds": round(time.perf_counter() - start, 1)})
            print(f"{f.name:<20} internal error: {out[-1]['error']}", flush=True)
            continue
        ab = row["ablation"]
        out.append({"name": f.name, **{k: row[k] for k in KEYS},
                    "missed": [k for k in KEYS if not row[k] <= TARGETS[k]]
                    + (["points"] if min(row["points"], row["vjp_points"]) < N_ORDINARY else []),
                    "rules": list(row["rules"]), "ablation": {k: list(v) for k, v in ab.items()},
                    "forward_choice": row["forward_choice"], "vjp_choice": row["vjp_choice"],
                    "points": [row["points"], row["vjp_points"]], "skipped": list(row["skipped"]),
                    "ill_conditioned": list(row["ill_conditioned"]), "seconds": round(time.perf_counter() - start, 1)})
        r = out[-1]
        rules = ", ".join(f"{k} ({_fmt(ab[k][0])} -> {_fmt(ab[k][1])})" if k in ab else k for k in r["rules"]) or "-"
        print(f"{r['name']:<20} " + " ".join(f"{_fmt(r[k]):>9}" for k in KEYS)
              + f"  {'missed ' + '/'.join(r['missed']) if r['missed'] else 'ok'}  {rules}", flush=True)
    return out


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: python3 benchmarks/heldout_formulas.py --note "
                                            "benchmarks/heldout_round8.md  (rows written to heldout_round8.json)")
    parser.add_argument("--note", type=pathlib.Path, default=NOTE, help="a note of definitions (default: %(default)s)")
    parser.add_argument("names", nargs="*", help="definitions to run (default: all, rows written beside the note)")
    parser.add_argument("--update", action="store_true",
                        help="with NAMEs: their rows replace the same rows of the note's json (the others kept as measured)")
    args = parser.parse_args(argv)
    note = args.note.resolve()
    if not note.is_file():
        parser.error(f"no such note: {args.note}")
    out = OUT if note == NOTE else note.with_suffix(".json")
    names = tuple(args.names)
    print(f"{'formula':<20} {'ordinary':>9} {'extreme':>9} {'vjp':>9} {'vjp(ext)':>9}  targets  rules (without -> with)")
    result = rows(names, note)
    if not names:
        out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    elif args.update and out.is_file():
        new = {r["name"]: r for r in result}
        kept = json.loads(out.read_text(encoding="utf-8"))
        out.write_text(json.dumps([new.get(r["name"], r) for r in kept], indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
