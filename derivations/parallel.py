r"""Independent checks across processes, results in the order of the items whatever the number of processes.

Here, in the lowest package that runs checks in parallel, so that ``codegen`` (certificates, the candidate
search) and ``formulary`` (``verify --all``, ``check --jobs``) share one implementation:

* :class:`Pool` / :class:`Batch`: worker processes started once and shared by several parts of a command;
* :class:`Forked`: one process forked at once for a part that is read later as a :class:`Batch`;
* :func:`fork_map`: $[fn(x) \text{ for } x \in items]$ in forked processes, for a ``fn`` that need not be
  picklable (a closure over a generated module): the workers inherit it by ``fork`` and receive an index.

A worker never starts workers of its own (:func:`in_worker`): ``fork_map`` inside a worker of
``verify --all`` runs serially, so that 2 CPUs never carry 4 processes.  Only the results cross the
process boundary (pickled), so they must be plain data whose pickling round trip is the identity.
"""
from __future__ import annotations

import ctypes
import functools
import gc
import itertools
import multiprocessing
import os
import signal
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor

from derivations.stack_room import with_stack_room


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


_IN_WORKER = False


def in_worker() -> bool:
    """Whether this process is a worker of a :class:`Pool` or of :func:`fork_map` (which then runs serially)."""
    return _IN_WORKER


def _mark_worker(parent: Parent) -> None:
    global _IN_WORKER
    _IN_WORKER = True
    end_with_parent(parent)
    collect_less_often()


PR_SET_PDEATHSIG = 1
"""``prctl`` option: the signal this process receives when the thread that forked it ends (Linux)."""


@functools.cache
def _prctl():
    """libc's ``prctl``, or None; looked up once (in the parent, so that forked children inherit it)."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


class Parent:
    """The forking process as a child needs it for :func:`end_with_parent`: its pid and its main thread, read
    before the fork (in the child, ``os.getppid()`` is already 1 if the parent has ended)."""

    def __init__(self):
        self.pid = os.getpid()
        self.main_thread = threading.main_thread().ident
        if sys.platform.startswith("linux"):
            _prctl()


def end_with_parent(parent: Parent) -> None:
    """Have the kernel SIGKILL this forked process when its parent ends, so that a worker never outlives a parent
    that was killed (its queue's pipe stays open in the sibling workers, so it would wait for work for ever, and a
    budgeted child would run its step to the end for no one).

    Linux only (``prctl(PR_SET_PDEATHSIG)``); elsewhere nothing changes.  The signal comes when the *thread* that
    forked ends, so it is asked for only when that thread was the parent's main thread (which ends with the
    process): after ``fork`` the child's one thread keeps the forking thread's id.  A parent that ended before the
    request is caught by comparing ``getppid`` with its pid."""
    if not sys.platform.startswith("linux") or threading.get_ident() != parent.main_thread:
        return
    prctl = _prctl()
    if prctl is None or prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return
    if os.getppid() != parent.pid:
        os._exit(1)


GC_FIRST_THRESHOLD = 20_000
"""Allocations between collections of the youngest generation in a worker (Python's default is 700).  A check
allocates sympy objects by the million and each collection of the oldest generation scans every object the
worker holds (its catalog, library and caches); collecting 30 times less often took 9 % off the CPU of ten
library derivations and 4 % off eleven of the costliest others (side by side in one process; 100,000 gained no
more), at a few MB more garbage held."""


def collect_less_often() -> None:
    """Raise the collector's first threshold to :data:`GC_FIRST_THRESHOLD` in this process (a worker, a budgeted
    child).  Only when garbage is freed changes, never what is computed."""
    first, second, third = gc.get_threshold()
    gc.set_threshold(max(GC_FIRST_THRESHOLD, first), second, third)


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A ``ProcessPoolExecutor`` of ``jobs`` forked workers, each marked (:func:`in_worker`) and ended with its
    parent (:func:`end_with_parent`): the one kind of pool the project and its benchmarks start."""
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_mark_worker, initargs=(Parent(),))


class Pool:
    """Worker processes started once and shared by several parts of a command.

    ``submit(fn, items)`` queues every item at once and returns a :class:`Batch`, so that the parts
    of one command (formulas, derivations, gradients) keep every worker busy across their
    boundaries; ``jobs == 1`` (or a pool opened inside a worker) runs each item in this process when its
    batch is read.
    """

    def __init__(self, jobs: int):
        self.jobs = jobs
        self._executor = process_pool(jobs) if jobs > 1 and not in_worker() else None

    def submit(self, fn, items: list, *, cost=None) -> "Batch":
        """Queue ``fn(item)`` for every item.  With ``cost(item)`` (an estimate), the costliest are queued first:
        a long item started last would run alone at the end while the other workers idle.  The results still
        come back in item order, and each item's CPU seconds in :attr:`Batch.cpu_seconds` as it is read."""
        items = list(items)
        timed = CpuTimed(fn)
        if self._executor is None:
            return Batch(timed, items, None)
        order = sorted(range(len(items)), key=lambda i: -cost(items[i])) if cost else range(len(items))
        futures: list = [None] * len(items)
        for i in order:
            futures[i] = self._executor.submit(timed, items[i])
        return Batch(timed, items, futures)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Batch:
    """Items queued on a :class:`Pool`; :meth:`results` yields ``(item, fn(item))`` in item order and fills
    :attr:`cpu_seconds` (item -> the CPU seconds its call took, see :class:`CpuTimed`)."""

    def __init__(self, fn: "CpuTimed", items: list, futures: "list[Future] | None"):
        self.fn, self.items, self.futures = fn, items, futures
        self.cpu_seconds: dict = {}

    def __len__(self) -> int:
        return len(self.items)

    def results(self):
        for index, item in enumerate(self.items):
            result, self.cpu_seconds[item] = self.fn(item) if self.futures is None else self.futures[index].result()
            yield item, result


class Forked:
    r"""$[fn(x) \text{ for } x \in items]$ in one process forked now, read later as a :class:`Batch` (``batch``):
    work started on a CPU that this process leaves idle while it goes on (``verify --all`` verifies the formulas while
    it imports what the derivations need before their pool forks).

    A plain fork and a pipe, no thread in this process (a ``ProcessPoolExecutor``'s threads would be running when
    the pool forks later, in whose children their locks could stay held); the child sends each result as it is
    done, in order, and blocks when the pipe is full until they are read.  An exception raised by ``fn`` ends the
    child and is raised where its item is read; a child that dies without a result is an error there too."""

    def __init__(self, fn, items: list):
        context = multiprocessing.get_context("fork")
        self.items = list(items)
        self._receiver, sender = context.Pipe(duplex=False)
        self.fn = CpuTimed(fn)
        self._process = context.Process(target=_forked_run, args=(Parent(), sender, self.fn, self.items))
        try:
            self._process.start()
        finally:
            sender.close()
        self.batch = Batch(self.fn, self.items, [_Next(self) for _ in self.items])

    def next_result(self):
        try:
            status, value = self._receiver.recv()
        except (EOFError, OSError):
            self._process.join()
            raise RuntimeError(f"the forked worker ended without a result (exit code {self._process.exitcode})") from None
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        """End the child (at once if results are still unread) and reap it."""
        self._receiver.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()

    def __enter__(self) -> "Forked":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Next:
    """The next result of a :class:`Forked` child, as a future's ``result()`` (read in item order by :class:`Batch`)."""

    def __init__(self, forked: Forked):
        self.forked = forked

    def result(self):
        return self.forked.next_result()


def _forked_run(parent: Parent, sender, fn, items: list) -> None:
    _mark_worker(parent)
    for item in items:
        try:
            result = ("ok", fn(item))  # a CpuTimed, which gives the call its stack room
        except Exception as exc:  # noqa: BLE001 - raised again where the item is read
            result = ("error", exc)
        try:
            sender.send(result)
        except Exception as exc:  # noqa: BLE001 - a result or an exception that does not pickle
            sender.send(("error", RuntimeError(f"{item!r}: {type(exc).__name__}: {exc}")))
        if result[0] == "error":
            return


def cpu_seconds() -> float:
    """CPU seconds (user + system) of this process and of its children that have ended and been waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class CpuTimed:
    r"""``fn`` that also tells its cost: ``CpuTimed(fn)(x) = (fn(x), s)``, $s$ the CPU seconds the call took in the
    process that ran it, the budgeted children it waited for included (``verify --all --json`` lists them, so that
    the costly items are found without a profiler; wall seconds on a shared machine say little)."""

    def __init__(self, fn):
        self.fn = fn

    def __call__(self, item):
        start = cpu_seconds()
        result = with_stack_room(self.fn, item)  # a task recurses deeply (sympy): see derivations.stack_room
        return result, cpu_seconds() - start


_TASKS: dict = {}
"""``fork_map``'s functions and items by token, read by the forked workers (inherited, never pickled)."""
_TOKENS = itertools.count()


def _run_task(token: int, index: int):
    fn, items = _TASKS[token]
    return with_stack_room(fn, items[index])


def default_jobs() -> int:
    """The processes :func:`fork_map` uses when not told: the CPUs available (1 inside a worker)."""
    return 1 if in_worker() else available_cpus()


def fork_map(fn, items, jobs: int | None = None) -> list:
    """``[fn(x) for x in items]``, in up to ``jobs`` forked processes (default :func:`default_jobs`).

    ``fn`` and ``items`` reach the workers by ``fork`` (a closure or a generated function is fine); each
    result is pickled back, in item order, so the list equals the serial one where ``fn`` is deterministic.
    The items are handed out one at a time (the next to the first free worker): list the costly ones first.
    An exception raised by ``fn`` is raised here, for the first failing item in order, as serially."""
    items = list(items)
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(items) <= 1 or in_worker() or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(x) for x in items]
    token = next(_TOKENS)
    _TASKS[token] = (fn, items)
    try:
        with process_pool(min(jobs, len(items))) as pool:
            futures = [pool.submit(_run_task, token, i) for i in range(len(items))]
            return [f.result() for f in futures]
    finally:
        del _TASKS[token]
