"""Run independent checks across processes, in order, with a progress line on a terminal.

Results come back in the order of ``items`` whatever ``jobs`` is, so
``--jobs N`` prints and writes exactly what ``--jobs 1`` does.
"""
from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor


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


def run_ordered(fn, items: list, *, jobs: int, progress: Progress, label=str, on_result=None) -> list:
    """``[fn(x) for x in items]``, in ``jobs`` processes when ``jobs > 1``.

    ``on_result(result)`` is called in item order as soon as the prefix is complete.
    """
    results: list = []
    if jobs <= 1 or len(items) <= 1:
        for item in items:
            results.append(fn(item))
            progress.step(label(item))
            if on_result:
                on_result(results[-1])
        progress.close()
        return results
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        for item, result in zip(items, pool.map(fn, items)):
            results.append(result)
            progress.step(label(item))
            if on_result:
                on_result(result)
    progress.close()
    return results
