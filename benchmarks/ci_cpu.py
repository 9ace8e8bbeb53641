r"""CPU seconds per test and per test file, the forked children's included: where the CI's CPU goes.

``--durations`` reports wall time, which on a loaded machine is several times the work (a step's rungs wait
for a CPU), and leaves out nothing it could not see; this plugin charges each test

.. math:: \Delta(\text{user} + \text{sys})_{\text{self}} + \Delta(\text{user} + \text{sys})_{\text{children}}

from ``resource.getrusage`` before and after it, so the budgeted children of the step checker (reaped when the
step ends) and the ``fork_map`` workers count for the test that made them.  Each pytest process (each xdist
worker) writes its rows to ``PREFIX-WORKER.json``; run this file to sum them::

    PYTHONPATH=.:benchmarks CI_CPU_OUT=/tmp/cpu pytest -n 2 -p ci_cpu
    python benchmarks/ci_cpu.py /tmp/cpu

A subprocess a test waits for (``subprocess.run``) counts among its children too; a process that outlives its
test (a pool kept for the session) counts where it is reaped.

Each row is also appended to ``PREFIX-WORKER.jsonl`` as its test ends, so a run stopped before the end (a whole
suite on a loaded machine takes longer than one has) still gives the figures of every test it finished: the
summary reads a worker's ``.jsonl`` where its ``.json`` is missing.
"""
from __future__ import annotations

import collections
import glob
import json
import os
import resource
import sys

import pytest

_rows: list[list] = []


def _cpu() -> tuple[float, float, float, float]:
    """(user, sys) of this process, then (user, sys) of its reaped children, in seconds."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime, own.ru_stime, children.ru_utime, children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    before = _cpu()
    yield
    _rows.append([item.nodeid, *(round(b - a, 3) for a, b in zip(before, _cpu()))])
    with open(f"{_prefix()}.jsonl", "a", encoding="utf-8") as f:
        f.write(json.dumps(_rows[-1]) + "\n")


def _prefix() -> str:
    """Where this process writes: ``CI_CPU_OUT`` and the xdist worker's name."""
    return f"{os.environ.get('CI_CPU_OUT', 'ci_cpu')}-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


def pytest_sessionstart(session):
    if os.path.exists(f"{_prefix()}.jsonl"):  # an earlier run's rows under the same prefix
        os.remove(f"{_prefix()}.jsonl")


def pytest_sessionfinish(session):
    with open(f"{_prefix()}.json", "w", encoding="utf-8") as f:
        json.dump({"rows": _rows, "process": _cpu()}, f)


def summary(prefix: str, top: int = 40) -> str:
    """The files and tests that cost the most CPU, from the rows the workers wrote under ``prefix``."""
    rows = []
    for path in sorted(glob.glob(f"{prefix}-*.json")):
        with open(path, encoding="utf-8") as f:
            rows += json.load(f)["rows"]
    for path in sorted(set(glob.glob(f"{prefix}-*.jsonl")) - {p + "l" for p in glob.glob(f"{prefix}-*.json")}):
        with open(path, encoding="utf-8") as f:  # a run stopped before its end: the tests it finished
            rows += [json.loads(line) for line in f if line.endswith("\n")]
    by_file: dict[str, list[float]] = collections.defaultdict(lambda: [0.0] * 4)
    for nodeid, *cpu in rows:
        name = nodeid.split("::")[0]
        by_file[name] = [a + b for a, b in zip(by_file[name], cpu)]
    total = [sum(row[1 + k] for row in rows) for k in range(4)]
    lines = [(f"{len(rows)} tests: {sum(total):.1f} s of CPU (self user {total[0]:.1f}, sys {total[1]:.1f}; "
              f"children user {total[2]:.1f}, sys {total[3]:.1f})"), "",
             f"{'file':<64} {'cpu':>7} {'user':>7} {'sys':>7} {'children':>9}"]
    for name, (u, s, cu, cs) in sorted(by_file.items(), key=lambda kv: -sum(kv[1]))[:top]:
        lines.append(f"{name[-64:]:<64} {u + s + cu + cs:7.1f} {u + cu:7.1f} {s + cs:7.1f} {cu + cs:9.1f}")
    lines += ["", f"{'test':<100} {'cpu':>7} {'sys':>7}"]
    for nodeid, u, s, cu, cs in sorted(rows, key=lambda r: -sum(r[1:]))[:top]:
        lines.append(f"{nodeid[-100:]:<100} {u + s + cu + cs:7.1f} {s + cs:7.1f}")
    return "\n".join(lines)


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog=__doc__.split("\n\n", 1)[1],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("prefix", nargs="?", default="ci_cpu", help="CI_CPU_OUT of the run (default: ci_cpu)")
    print(summary(parser.parse_args().prefix))
