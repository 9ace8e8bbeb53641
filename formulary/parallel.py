"""Run independent checks across processes, in order, with a progress line on a terminal.

Results come back in the order of ``items`` whatever ``jobs`` is, so
``--jobs N`` prints and writes exactly what ``--jobs 1`` does.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor


def available_cpus() -> int:
    """The CPUs this process may use, the default of ``--jobs``: its affinity mask, capped by a cgroup CPU
    quota (a container given 2 CPUs of a 64-CPU host must not start 64 workers, whose wall-clock
    budgets would then run out)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    quota = cgroup_cpu_quota()
    return max(1, min(cpus, quota) if quota else cpus)


CGROUP_QUOTA_FILES = (("/sys/fs/cgroup/cpu.max", None),
                      ("/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/cpu/cpu.cfs_period_us"))
"""cgroup v2 (``quota period`` in one file, ``max`` for none), then v1 (two files, -1 for none)."""


def cgroup_cpu_quota(files=CGROUP_QUOTA_FILES) -> int | None:
    r"""$\lfloor quota / period \rfloor$ CPUs (at least 1) if a cgroup limits this process, else None:
    a fraction of a CPU is not a worker that gets a whole one."""
    import math

    for first, second in files:
        try:
            with open(first) as f:
                words = f.read().split()
            if second is not None:
                with open(second) as f:
                    words = words[:1] + f.read().split()[:1]
        except OSError:
            continue
        if len(words) < 2 or words[0] in ("max", "-1"):
            return None
        try:
            quota, period = float(words[0]), float(words[1])
        except ValueError:
            return None
        return max(1, math.floor(quota / period)) if quota > 0 and period > 0 else None
    return None


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


class Pool:
    """Worker processes started once and shared by several :func:`run_ordered` parts.

    ``submit(fn, items)`` queues every item at once and returns a :class:`Batch`, so that the parts
    of one command (formulas, derivations, gradients) keep every worker busy across their
    boundaries; ``jobs == 1`` runs each item in this process when its batch is read.
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._executor = None
        if jobs > 1:
            self._executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))

    def submit(self, fn, items: list) -> "Batch":
        if self._executor is None:
            return Batch(fn, list(items), None)
        return Batch(fn, list(items), [self._executor.submit(fn, item) for item in items])

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Batch:
    """Items queued on a :class:`Pool`; :meth:`results` yields ``(item, fn(item))`` in item order."""

    def __init__(self, fn, items: list, futures: "list[Future] | None"):
        self.fn, self.items, self.futures = fn, items, futures

    def __len__(self) -> int:
        return len(self.items)

    def results(self):
        if self.futures is None:
            for item in self.items:
                yield item, self.fn(item)
        else:
            for item, future in zip(self.items, self.futures):
                yield item, future.result()


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
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        return _gather(zip(items, pool.map(fn, items)), progress=progress, label=label, on_result=on_result)
