#!/usr/bin/env python3
r"""The verdicts two runs of ``formulary verify --all --json`` disagree on, for a change meant to be faster only.

    python3 -m formulary verify --all --json > before.json   # on the old code
    python3 -m formulary verify --all --json > after.json    # on the new code
    python3 benchmarks/verdict_diff.py before.json after.json

Compared: every formula's verdict; every derivation's ``ok`` and each step's verdict (and, for a proved step,
the family of its method, ``symbolic`` or ``exact``); every gradient's ``holds`` and each of its checks' verdicts.
Exit status 1 when any differs (a step that turns from verified to proved must be explained by a real proof).
"""
from __future__ import annotations

import argparse
import json
import sys


def verdicts(path: str) -> tuple[dict, float | None]:
    """``{(part, id, ...): verdict}`` of one ``formulary.verify/1`` document, and its wall seconds."""
    with open(path) as f:
        d = json.load(f)
    out = {("formula", r["id"]): r["verdict"] for r in d["results"]}
    for dv in d.get("derivations", []):
        out[("derivation", dv["id"], "ok")] = dv["ok"]
        for s in dv["steps"]:
            family = s["method"].split(":")[0] if s["verdict"] == "proved" else ""
            out[("step", dv["id"], s["index"])] = (s["verdict"], family)
    for g in d.get("gradients", []):
        out[("gradient", g["id"], "holds")] = g["holds"]
        for k, v in g.items():
            if isinstance(v, dict) and "verdict" in v:
                out[("gradient", g["id"], k)] = v["verdict"]
    return out, d.get("wall_seconds")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("before", help="formulary verify --all --json output of the old code")
    parser.add_argument("after", help="the same of the new code")
    args = parser.parse_args(argv)
    try:
        (a, wa), (b, wb) = verdicts(args.before), verdicts(args.after)
    except (OSError, ValueError, KeyError) as exc:
        parser.error(f"cannot read a verify --json document: {exc}")
    diff = [(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b), key=str) if a.get(k) != b.get(k)]
    print(f"{len(a)} verdicts before, {len(b)} after; wall {wa} -> {wb} s; {len(diff)} differ")
    for k, x, y in diff:
        print(" ", k, x, "->", y)
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
