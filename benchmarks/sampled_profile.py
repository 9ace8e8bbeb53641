#!/usr/bin/env python3
r"""Where a ``formulary`` command spends its CPU, in every process it forks: a sampling profile.

``cProfile`` overstates sympy's call-heavy code about five times and sees only the process it runs in, while
``verify --all`` does most of its work in forked, budgeted children (:mod:`derivations.checker.budget`), which are
ended by ``SIGKILL``.  Here every process (the command, its pool workers, their budgeted children and theirs) takes
a sample of its Python stack every ``INTERVAL`` seconds of its own user CPU time (``ITIMER_VIRTUAL``, re-armed after
each ``fork``; the budgets' ``within_cpu_seconds`` uses ``ITIMER_PROF``; system time is not sampled) and writes its
counts to ``OUT/PID.txt`` when it exits and after every budgeted call it answers (before it can be killed).  The
table gives each function's share of all samples, inclusive (the function or anything it called was running) and
self::

    PYTHONPATH=. python benchmarks/sampled_profile.py /tmp/prof -- verify --all --jobs 1 --json > /dev/null
    python benchmarks/sampled_profile.py --table /tmp/prof [FILTER]     # FILTER: only functions whose name has it

A sample costs a walk of the stack (about 1 % of the CPU at 4 ms).  Timing-dependent results (a budget that runs
out) can differ from an unprofiled run, so compare verdicts with ``verdict_diff.py`` before trusting a profile of
a run whose verdicts changed.
"""
from __future__ import annotations

import atexit
import collections
import glob
import os
import signal
import sys

INTERVAL = 0.004
"""CPU seconds between samples of one process."""

_out = ""
_counts: collections.Counter = collections.Counter()
_real_exit = os._exit


def _sample(signum, frame) -> None:
    codes = []
    while frame is not None:
        codes.append(frame.f_code)
        frame = frame.f_back
    _counts[tuple(codes)] += 1


def _name(code) -> str:
    path = code.co_filename
    for marker in ("site-packages/", "/lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            path = path if marker == "site-packages/" else path.split("/", 1)[-1]
            break
    else:
        path = os.path.relpath(path) if os.path.isabs(path) else path
    return f"{path}:{code.co_name}"


def flush(*, last: bool = False) -> None:
    """Append this process's counts to ``OUT/PID.txt`` (the timer paused meanwhile, so no sample lands mid-write;
    stopped for good when it is the ``last``: an interpreter shutting down would die of the timer's signal)."""
    if not _out:
        return
    signal.setitimer(signal.ITIMER_VIRTUAL, 0, 0)
    try:
        counts = dict(_counts)
        _counts.clear()
        if counts:
            with open(os.path.join(_out, f"{os.getpid()}.txt"), "a") as f:
                f.writelines(f"{n} {';'.join(_name(c) for c in reversed(codes))}\n" for codes, n in counts.items())
    finally:
        if not last:
            signal.setitimer(signal.ITIMER_VIRTUAL, INTERVAL, INTERVAL)


def _arm() -> None:
    signal.signal(signal.SIGVTALRM, _sample)
    signal.setitimer(signal.ITIMER_VIRTUAL, INTERVAL, INTERVAL)


def _in_child() -> None:
    _counts.clear()
    _arm()


def _exit(code: int) -> None:
    try:
        flush(last=True)
    finally:
        _real_exit(code)


def start(out: str) -> None:
    """Sample this process and every process forked from it from now on, writing to the directory ``out``."""
    from derivations.checker import budget

    global _out
    _out = out
    os.makedirs(out, exist_ok=True)
    os._exit = _exit
    os.register_at_fork(after_in_child=_in_child)
    atexit.register(flush, last=True)
    answer = budget._answer  # a budgeted child is killed when its caller is done with it: flush after each answer

    def answered(*args, **kwargs):
        try:
            return answer(*args, **kwargs)
        finally:
            flush()

    budget._answer = answered
    _arm()


def table(out: str, only: str = "", rows: int = 60) -> str:
    inclusive, own = collections.Counter(), collections.Counter()
    total = 0
    for path in glob.glob(os.path.join(out, "*.txt")):
        with open(path) as f:
            for line in f:
                n, stack = line.rstrip("\n").split(" ", 1)
                frames = stack.split(";")
                total += int(n)
                own[frames[-1]] += int(n)
                for name in set(frames):
                    inclusive[name] += int(n)
    if not total:
        return "no samples"
    lines = [f"{total} samples, {total * INTERVAL:.1f} CPU s", "", "inclusive"]
    lines += [f"{100 * n / total:5.1f} % {n * INTERVAL:7.2f} s  {k}" for k, n in inclusive.most_common()
              if only in k][:rows]
    lines += ["", "self"]
    lines += [f"{100 * n / total:5.1f} % {n * INTERVAL:7.2f} s  {k}" for k, n in own.most_common() if only in k][:rows]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--table"] and len(argv) in (2, 3):
        print(table(argv[1], argv[2] if len(argv) == 3 else ""))
        return 0
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__.split("::")[-1].split("\n\n")[0].rstrip(), file=sys.stderr)
        return 2
    start(argv[0])
    from formulary.cli import main as formulary

    return formulary(argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
