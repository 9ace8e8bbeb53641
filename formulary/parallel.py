"""Run independent checks across processes, in order, with a progress line on a terminal.

The pools themselves are :mod:`derivations.parallel`'s (shared with ``codegen``); here, the progress line.

Results come back in the order of ``items`` whatever ``jobs`` is, so
``--jobs N`` prints and writes exactly what ``--jobs 1`` does.
"""
from __future__ import annotations

import sys

from derivations.parallel import (  # noqa: F401  (re-exported: the CLI and its tests import them from here)
    CGROUP_QUOTA_FILES,
    Batch,
    Forked,
    Pool,
    available_cpus,
    cgroup_cpu_quota,
    fork_map,
    in_worker,
)


class Progress:
    """``part [k/n] label`` rewritten in place on stderr; silent unless stderr is a terminal (never in
    ``--json`` output or a pipe)."""

    def __init__(self, total: int, *, enabled: bool, part: str = ""):
        self.total, self.done, self.part = total, 0, part
        self.enabled = enabled and sys.stderr.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        if self.enabled:
            prefix = f"{self.part} " if self.part else ""
            sys.stderr.write(f"\r\x1b[K{prefix}[{self.done}/{self.total}] {label}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def collect(batch: Batch, *, progress: Progress, label=str, on_result=None) -> list:
    """The results of ``batch`` in item order; ``on_result(result)`` is called as each one arrives."""
    return _gather(batch.results(), progress=progress, label=label, on_result=on_result)


def _gather(pairs, *, progress: Progress, label, on_result) -> list:
    """The results of ``(item, result)`` pairs in order, each shown on ``progress`` and given to ``on_result``."""
    results: list = []
    for item, result in pairs:
        results.append(result)
        progress.step(label(item))
        if on_result:
            on_result(result)
    progress.close()
    return results


def run_ordered(fn, items: list, *, jobs: int, progress: Progress, label=str, on_result=None) -> list:
    """``[fn(x) for x in items]``, in ``jobs`` processes when ``jobs > 1``.

    ``on_result(result)`` is called in item order as soon as the prefix is complete.
    """
    if jobs <= 1 or len(items) <= 1:
        return _gather(((item, fn(item)) for item in items), progress=progress, label=label, on_result=on_result)
    with Pool(jobs) as pool:
        return _gather(pool.submit(fn, items).results(), progress=progress, label=label, on_result=on_result)
