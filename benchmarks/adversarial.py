#!/usr/bin/env python3
r"""Generated adversarial claims at scale: verdicts by truth and time per case.

    python3 benchmarks/adversarial.py --count 1000 [--seed 0] [--budget 10] [--jobs 2] [--json out.json]

True claims are valid rewrites of random expressions; false ones are small perturbations, each
confirmed by an independent witness (``tests/derivations/checker/adversarial.py``).
"""
from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from derivations.checker.corpus import Tally  # noqa: E402
from derivations.parallel import process_pool


def run_case(n: int, seed: int, budget: float):
    from derivations.checker.ladder import check_step
    from readers.claim import claim_step
    from tests.derivations.checker.adversarial import confirmed_case

    case = confirmed_case(n, seed)
    if case is None:
        return None
    start = time.monotonic()
    try:
        verdict = check_step(claim_step(case.lhs, case.rel, case.rhs, case.assume), budget=budget)
        kind, detail = verdict.kind, f"{verdict.method}: {verdict.reason[:160]}"
    except Exception as exc:  # noqa: BLE001 - counted as an error verdict
        kind, detail = "error", repr(exc)
    return case.id, case.truth, kind, time.monotonic() - start, f"{case.lhs} {case.rel} {case.rhs} {case.assume}: {detail}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--budget", type=float, default=10.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", default="")
    args = parser.parse_args(argv)
    tally, dropped = Tally(), 0
    with process_pool(max(1, args.jobs)) as pool:
        for result in pool.map(run_case, range(args.count), [args.seed] * args.count, [args.budget] * args.count):
            if result is None:
                dropped += 1
                continue
            tally.add(*result)
    for case_id, truth, kind, detail in tally.wrong:
        print(f"WRONG {case_id}: truth={truth} verdict={kind}: {detail[:300]}")
    print(f"{dropped} unconfirmed false cases dropped; " + tally.text())
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(tally.to_json() | {"dropped": dropped}, indent=2))
    return 1 if tally.wrong else 0


if __name__ == "__main__":
    sys.exit(main())
