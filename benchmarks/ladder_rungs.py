#!/usr/bin/env python3
r"""CPU seconds of the library's derivations per rung of the step checker, and per outcome: where ``verify --all``
spends its derivations' time, which ``cProfile`` cannot say (every rung runs in a forked, budgeted child).

Each call of a :class:`~derivations.checker.budget.BudgetedChild` (the written divisors, the probe, the symbolic,
exact and numeric rungs, the array tail...) is charged the CPU its child used during the call,

.. math:: \Delta(\text{utime} + \text{stime} + \text{cutime} + \text{cstime}) \text{ of the child, from } /proc/PID/stat,

(the whole of a child forked for the call; a call that timed out, whose child is gone, its budget clock's seconds),
and the caller's own work per step is timed with ``time.process_time``: the steps made ready before the fork
(``before_fork``: instances built and compiled) and the rest in the caller (``after_fork_parent``: waiting,
unpickling, ``both_readings``).  The verdicts are the ladder's own: nothing is changed but the bookkeeping.
Linux only (``/proc``)::

    PYTHONPATH=. python benchmarks/ladder_rungs.py /tmp/rungs.json            # every derivation, serially
    PYTHONPATH=. python benchmarks/ladder_rungs.py /tmp/rungs.json softmax_jacobian erf_ndtr
    python benchmarks/ladder_rungs.py --table /tmp/rungs.json                  # the tables from a saved run
"""
from __future__ import annotations

import collections
import json
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _child_cpu(pid: int) -> float | None:
    """CPU seconds of process ``pid`` and of the children it has waited for, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return sum(int(v) for v in fields[11:15]) / TICK  # utime stime cutime cstime


def record(ids: list[str]) -> dict:
    """Run the ladder on the library's derivations (``ids``, or all) with every budgeted call charged its CPU."""
    from derivations.checker import budget, ladder
    from derivations.library import all_derivations
    from derivations.stack_room import with_stack_room

    rows: list[dict] = []
    where = {"derivation": None, "step": None}
    run = budget.BudgetedChild.run

    def charged_run(self, fn, *args, seconds, **kwargs):
        alive = self._worker.pid if self._worker is not None and self._worker.is_alive() else None
        before = (_child_cpu(alive) or 0.0) if alive else 0.0
        outcome = run(self, fn, *args, seconds=seconds, **kwargs)
        now = self._worker.pid if self._worker is not None else None
        cpu = _child_cpu(now) if now is not None else None
        cpu = outcome.seconds if cpu is None else cpu - before if now == alive else cpu
        value = outcome.value if outcome.ok else None
        rows.append({"derivation": where["derivation"], "step": where["step"],
                     "rung": getattr(fn, "__name__", type(fn).__name__), "cpu": cpu,
                     "outcome": getattr(value, "kind", None) if outcome.ok else outcome.status})
        return outcome

    before_fork, after_fork = ladder._before_fork, ladder._after_fork

    def timed_before(step, **kwargs):
        start = time.process_time()
        prepared = before_fork(step, **kwargs)
        rows.append({"derivation": where["derivation"], "step": None, "rung": "before_fork",
                     "cpu": time.process_time() - start, "outcome": None})
        return prepared

    def timed_after(prepared, child, **kwargs):
        where["step"] = (where["step"] or 0) + 1
        start = time.process_time()
        verdict = after_fork(prepared, child, **kwargs)
        rows.append({"derivation": where["derivation"], "step": where["step"], "rung": "after_fork_parent",
                     "cpu": time.process_time() - start, "outcome": verdict.kind, "method": verdict.method})
        return verdict

    budget.BudgetedChild.run, ladder._before_fork, ladder._after_fork = charged_run, timed_before, timed_after
    try:
        for d in all_derivations():
            if ids and d.id not in ids:
                continue
            where["derivation"], where["step"] = d.id, 0
            with_stack_room(ladder.check_derivation, d)
    finally:
        budget.BudgetedChild.run, ladder._before_fork, ladder._after_fork = run, before_fork, after_fork
    return {"rows": rows}


def _final(rows: list[dict]) -> dict:
    """``(derivation, step) -> (verdict, method family)`` from the caller's rows."""
    out = {}
    for r in rows:
        if r["rung"] == "after_fork_parent":
            method = r.get("method", "")
            family = method.split(" (")[0] if r["outcome"] == "proved" else method.split(":")[0].split(" at ")[0]
            out[(r["derivation"], r["step"])] = f"{r['outcome']}: {family}"
    return out


def tables(data: dict) -> str:
    rows = data["rows"]
    lines = [f"total {sum(r['cpu'] for r in rows):.2f} CPU s over {len({r['derivation'] for r in rows})} derivations",
             "", f"{'rung':28s} {'CPU s':>7s} {'calls':>6s}"]
    by_rung, calls = collections.defaultdict(float), collections.Counter()
    for r in rows:
        by_rung[r["rung"]] += r["cpu"]
        calls[r["rung"]] += 1
    lines += [f"{k:28s} {v:7.2f} {calls[k]:6d}" for k, v in sorted(by_rung.items(), key=lambda x: -x[1])]
    final = _final(rows)
    by_final: dict = collections.defaultdict(lambda: collections.defaultdict(float))
    steps = collections.Counter(final.values())
    for r in rows:
        if r["step"] is not None:
            by_final[final.get((r["derivation"], r["step"]), "?")][r["rung"]] += r["cpu"]
    lines += ["", "per final verdict of the step: steps, CPU s, and its rungs"]
    for k, v in sorted(by_final.items(), key=lambda x: -sum(x[1].values())):
        parts = " ".join(f"{rung}={s:.2f}" for rung, s in sorted(v.items(), key=lambda x: -x[1]) if s >= 0.01)
        lines.append(f"{k[:60]:60s} {steps[k]:4d} {sum(v.values()):6.2f}  {parts}")
    by_d: dict = collections.defaultdict(float)
    for r in rows:
        by_d[r["derivation"]] += r["cpu"]
    lines += ["", "costliest derivations"]
    lines += [f"{k:44s} {v:6.2f}" for k, v in sorted(by_d.items(), key=lambda x: -x[1])[:20]]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--table"] and len(argv) == 2:
        with open(argv[1]) as f:
            print(tables(json.load(f)))
        return 0
    if not argv or argv[0].startswith("-"):
        print(__doc__.split("::")[-1].rstrip(), file=sys.stderr)
        return 2
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 100_000))
    data = record(argv[1:])
    with open(argv[0], "w") as f:
        json.dump(data, f)
    print(tables(data))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
