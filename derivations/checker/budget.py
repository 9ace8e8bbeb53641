r"""Run a callable in a forked worker with a time limit and a memory cap.

The limit counts the seconds the worker ran or slept, not the seconds it waited for a CPU that other
processes held (Linux's run delay, ``/proc/PID/schedstat``): on a loaded machine a step gets the same
work done before its time is up as on an idle one, so a verdict does not depend on the machine's load.
A worker starved beyond ``WALL_BACKSTOP`` times its budget is stopped all the same.  Where the run
delay cannot be read, the limit is wall time.  :func:`busy_clock` is the same clock for deadlines
inside a worker.

sympy cannot be interrupted from a thread, so anything that may run away
(``simplify``, ``limit``, a numeric sweep) runs in a child process: on timeout
the child is killed; in the child ``RLIMIT_AS`` caps the address space, so a
runaway allocation raises ``MemoryError`` there instead of hurting the caller.
The result crosses back by pickling (sympy expressions pickle).

Modules a child imports (``scipy.optimize`` for a margin search, say) die with it; the child
names them in its answer and the caller imports them once (:func:`adopt_modules`), so that later
children are forked with them loaded instead of importing them again, each of them.  Likewise the
memo tables of :mod:`~derivations.checker.shared_caches` (mpmath's high-precision $\Gamma$ tables):
a child sends back those that grew, and the caller merges them.

.. code-block:: python

    outcome = run_with_budget(sp.simplify, expr, seconds=2.0)
    if outcome.status == "ok":
        use(outcome.value)
"""
from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any, Literal

from derivations.checker import shared_caches

LONGEST_WAIT = 10.0**6
"""Longest wait for a worker, in seconds (about 12 days): a longer budget is clamped, since
``poll`` overflows on huge timeouts."""

DEFAULT_MEMORY_BYTES = 2 * 1024**3
"""Address-space cap for a worker: 2 GiB (the parent with sympy and numpy maps ~180 MiB)."""

WALL_BACKSTOP = 20.0
"""A worker is stopped after this many times its budget of wall time, however long it waited for a CPU."""

Status = Literal["ok", "timeout", "memory", "error"]


def _run_delay(pid: int | str = "self") -> float:
    """Seconds process ``pid`` has waited, runnable, for a CPU (0 where Linux's schedstat is not readable)."""
    try:
        with open(f"/proc/{pid}/schedstat", encoding="ascii") as f:
            return int(f.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


_own_schedstat: dict[int, int] = {}
"""This process's open ``/proc/PID/schedstat``, by PID (a forked child opens its own): a deadline is checked
at every sampled point, and opening the file each time cost 70 µs, a tenth of a numeric rung."""


def _own_run_delay() -> float:
    """:func:`_run_delay` of this process, read again through a descriptor kept open."""
    pid = os.getpid()
    try:
        fd = _own_schedstat.get(pid)
        if fd is None:
            for inherited in _own_schedstat.values():  # a parent's descriptor, inherited by fork, reads the parent
                os.close(inherited)
            _own_schedstat.clear()
            fd = _own_schedstat[pid] = os.open(f"/proc/{pid}/schedstat", os.O_RDONLY)
        return int(os.pread(fd, 200, 0).split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def busy_clock() -> float:
    """Seconds on a clock that stops while this process waits for a CPU: ``time.monotonic()`` minus the run
    delay.  Deadlines inside a budgeted worker use it, as the budget itself does."""
    return time.monotonic() - _own_run_delay()


@dataclass(frozen=True)
class Outcome:
    """What became of a budgeted call: its ``value``, or why there is none."""

    status: Status
    value: Any = None
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def describe(self) -> str:
        """``'timeout after 2.0 s'``, ``'memory'``, ``'error: ValueError(...)'`` or ``'ok'``."""
        if self.status == "timeout":
            return f"timeout after {self.seconds:.1f} s"
        if self.status == "error":
            return f"error: {self.error}"
        return self.status


def run_with_budget(fn, *args, seconds: float, memory_bytes: int = DEFAULT_MEMORY_BYTES, **kwargs) -> Outcome:
    """Call ``fn(*args, **kwargs)`` in a forked child; give up after ``seconds`` of its time (ran or slept, not
    waited for a CPU; see the module docstring).  ``Outcome.seconds`` is that time."""
    start = time.monotonic()
    if not seconds > 0:  # zero, negative or NaN
        return Outcome("timeout", seconds=0.0)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_child, args=(sender, memory_bytes, fn, args, kwargs))
    gc.freeze()  # the child's collector skips the objects it inherits: no scan of (and copy-on-write to) the whole heap
    try:
        worker.start()
    finally:
        gc.unfreeze()
    sender.close()

    def charged() -> float:  # the worker's own seconds so far: wall time minus its wait for a CPU
        return time.monotonic() - start - _run_delay(worker.pid)

    try:
        while not receiver.poll(min(max(seconds - charged(), 0.005), LONGEST_WAIT)):
            if charged() >= seconds or time.monotonic() - start >= WALL_BACKSTOP * seconds:
                spent = charged()
                _kill(worker)
                return Outcome("timeout", seconds=spent)
        try:
            status, value, error, imported, caches = receiver.recv()
        except (EOFError, OSError):  # the child died without answering
            spent = charged()
            worker.join()
            return _died(worker.exitcode, spent)
        spent = charged()
    finally:
        receiver.close()
    worker.join(timeout=1.0)
    _kill(worker)
    adopt_modules(imported)
    shared_caches.adopt(caches)
    return Outcome(status, value, error, spent)


class _OutOfTime(Exception):
    """Raised in :func:`within_cpu_seconds`'s call when its CPU seconds are spent."""


def within_cpu_seconds(fn, *args, seconds: float):
    """``fn(*args)``, or None once it has used ``seconds`` of this process's CPU time (``ITIMER_PROF``: like the
    budget's clock, waiting for a CPU is not counted).  For a part of a budgeted worker's work that may run away
    (pure-Python sympy stops at the next bytecode) while the rest still gets its time; outside the main thread,
    where no signal can be handled, ``fn`` runs without a limit."""
    if threading.current_thread() is not threading.main_thread():
        return fn(*args)

    def stop(signum, frame):
        raise _OutOfTime

    previous = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, max(seconds, 1e-3))
    try:
        try:
            return fn(*args)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    except _OutOfTime:
        return None
    finally:
        signal.signal(signal.SIGPROF, previous)


def adopt_modules(names) -> None:
    """Import here the modules a child imported, so that the next children are forked with them.

    Only names of real modules are imported; one that fails to import (an alias a package put in
    ``sys.modules``) is skipped: adoption only saves time, it never changes a result.
    """
    for name in names:
        if name not in sys.modules:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - see the docstring
                pass


def _died(exitcode: int | None, seconds: float) -> Outcome:
    """A child killed by SIGKILL without our asking was, in practice, the OOM killer's."""
    if exitcode == -signal.SIGKILL:
        return Outcome("memory", error="worker was killed (SIGKILL)", seconds=seconds)
    return Outcome("error", error=f"worker exited with code {exitcode} without a result", seconds=seconds)


def _child(sender, memory_bytes: int, fn, args, kwargs) -> None:
    loaded, tables = len(sys.modules), shared_caches.sizes()
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        value = fn(*args, **kwargs)
        sender.send(("ok", value, "", _imported_since(loaded), shared_caches.grown(tables)))
    except MemoryError:
        message = ("memory", None, "MemoryError", (), {})
        _send_or_die(sender, message)
    except BaseException as exc:  # noqa: BLE001 - every failure is reported to the parent
        last = traceback.extract_tb(exc.__traceback__)[-1:] or [None]
        where = f" at {last[0].filename}:{last[0].lineno}" if last[0] else ""
        _send_or_die(sender, ("error", None, f"{type(exc).__name__}: {exc}"[:500] + where, _imported_since(loaded),
                              shared_caches.grown(tables)))
    finally:
        sender.close()


def _imported_since(loaded: int) -> tuple[str, ...]:
    """Modules imported in this child after the first ``loaded`` (``sys.modules`` keeps import order;
    a module removed meanwhile only shifts the window, and adoption skips what is already here)."""
    return tuple(list(sys.modules)[loaded:])


def _send_or_die(sender, message) -> None:
    try:
        sender.send(message)
    except BaseException:  # noqa: BLE001 - nothing left to report with; EOF tells the parent
        os._exit(1)


def _kill(worker) -> None:
    if worker.is_alive():
        try:
            os.kill(worker.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    worker.join()
