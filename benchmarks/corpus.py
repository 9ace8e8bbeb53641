#!/usr/bin/env python3
r"""Run the step checker on a labelled corpus of claims and print verdicts by truth.

    python3 benchmarks/corpus.py [--corpus tests/corpus/claims/claims.jsonl] [--budget 10] [--jobs 2] [--json out.json]

Wrong verdicts (a false claim proved or verified, a true one refuted, an error) are listed.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from derivations.checker.corpus import Tally, load_claims  # noqa: E402
from derivations.parallel import process_pool


def check_claim(claim: dict, budget: float) -> tuple[str, float, str]:
    """``(kind, seconds, detail)`` for one claim (a parse failure is an ``error``)."""
    from derivations.checker.ladder import check_step
    from readers.claim import claim_step

    start = time.monotonic()
    try:
        step = claim_step(claim["lhs"], claim["rel"], claim["rhs"], claim.get("assume", []))
    except Exception as exc:  # noqa: BLE001 - reported as an error verdict
        return "error", time.monotonic() - start, f"parse: {exc}"
    verdict = check_step(step, budget=budget)
    detail = f"{verdict.method}: {verdict.reason[:200]} {verdict.counterexample or ''}"
    return verdict.kind, time.monotonic() - start, detail


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--corpus", default=str(ROOT / "tests/corpus/claims/claims.jsonl"))
    parser.add_argument("--budget", type=float, default=10.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", default="")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    claims = load_claims(args.corpus)
    tally = Tally()
    with process_pool(max(1, args.jobs)) as pool:
        futures = [pool.submit(check_claim, c, args.budget) for c in claims]
        for claim, future in zip(claims, futures):
            kind, seconds, detail = future.result()
            tally.add(claim["id"], claim["truth"], kind, seconds, detail)
            if args.verbose:
                print(f"{claim['id']:<32} truth={claim['truth']!s:<5} {kind:<9} {seconds:5.1f}s {detail[:160]}", flush=True)
    for claim_id, truth, kind, detail in tally.wrong:
        print(f"WRONG {claim_id}: truth={truth} verdict={kind}: {detail[:300]}")
    print(tally.text())
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(tally.to_json(), indent=2))
    return 1 if tally.wrong else 0


if __name__ == "__main__":
    sys.exit(main())
