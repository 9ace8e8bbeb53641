r"""Run a callable in a forked worker with a time limit and a memory cap.

The limit counts the seconds the worker ran or slept, not the seconds it waited for a CPU that other
processes held (Linux's run delay, ``/proc/PID/schedstat``): on a loaded machine a step gets the same
work done before its time is up as on an idle one, so a verdict does not depend on the machine's load.
A worker starved beyond ``WALL_BACKSTOP`` times its budget is stopped all the same.  Where the run
delay cannot be read, the limit is wall time.  :func:`busy_clock` is the same clock for deadlines
inside a worker.  A worker that waits for a budgeted child of its own (a ``sympy.solve`` for the exact zeros of a
difference) is charged the child's seconds the same way: the seconds that child, or a child it waited for in turn,
waited for a CPU stop the worker's clock as well.  Each budgeted child publishes those seconds to its caller in a
shared word (:func:`_publish`), so that a rung waiting for a starved solve is not timed out, nor its search
declared cut short, on a loaded machine while the same search ends in time on an idle one.

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
import itertools
import mmap
import multiprocessing
import os
import pickle
import resource
import signal
import struct
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Any, Literal

from derivations.checker import shared_caches
from derivations.parallel import Parent, collect_less_often, end_with_parent
from derivations.stack_room import stack_roomy

LONGEST_WAIT = 10.0**6
"""Longest wait for a worker, in seconds (about 12 days): a longer budget is clamped, since
``poll`` overflows on huge timeouts."""

DEFAULT_MEMORY_BYTES = 2 * 1024**3
"""Address-space cap for a worker: 2 GiB (the parent with sympy and numpy maps ~180 MiB)."""

WALL_BACKSTOP = 100.0
"""A worker is stopped after this many times its budget of wall time, however long it waited for a CPU.  At 20, a
rung that needed its whole budget was stopped by the backstop, not by its own seconds, at the load of a 2-core
machine running eight test sessions (load 20-24: the seed notes' kernel claim, 30 s budget, stopped at 600 s of wall
time, 28 s charged), so a verdict reached late in a budget depended on the load."""

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
    """Seconds on a clock that stops while this process waits for a CPU, and while it waits for a budgeted child
    that waits for one: ``time.monotonic()`` minus the run delays (:data:`_stalled`).  Deadlines inside a budgeted
    worker use it, as the budget itself does."""
    return time.monotonic() - _own_run_delay() - _stalled


_stalled = 0.0
"""Seconds this process spent waiting for budgeted children of its own while they, or children they waited for in
turn, waited for a CPU (added when each call ends; :func:`busy_clock` does not count them)."""
_slot: tuple[int, mmap.mmap] | None = None
"""In a budgeted child: its pid and the word shared with its caller, where it publishes its :data:`_stalled` (and
that of the call it is waiting for) for the caller's clock."""
PUBLISH_SECONDS = 0.05
"""A budgeted child waiting for a child of its own publishes that child's stall at least this often (a read of
``/proc/PID/schedstat`` and a store; at most a few milliseconds of CPU per second of waiting)."""


class _Watch:
    """A budgeted child as its caller sees it during one call: the seconds it has waited for a CPU since the call
    began, its own run delay plus what it published for the children it waited for (:func:`_publish`)."""

    def __init__(self, pid: int, slot: mmap.mmap, *, fresh: bool):
        self.pid, self.slot = pid, slot
        self.base = 0.0 if fresh else self._total()

    def _total(self) -> float:
        return _run_delay(self.pid) + struct.unpack_from("d", self.slot)[0]

    def stalled(self) -> float:
        """Seconds the child (and the children it waited for) waited for a CPU during this call."""
        return self._total() - self.base

    def wait(self, left: float) -> float:
        """Seconds to block before looking again: ``left`` of the budget (clamped), or :data:`PUBLISH_SECONDS` in a
        budgeted child, which must publish the stall of the call it waits for while it lasts."""
        wait = min(max(left, 0.005), LONGEST_WAIT)
        return min(wait, PUBLISH_SECONDS) if _publishing() else wait

    def settle(self, stalled: float) -> None:
        """The call has ended: its ``stalled`` seconds stop this process's clock from now on."""
        global _stalled
        _stalled += max(stalled, 0.0)
        _publish(0.0)


def _publishing() -> bool:
    return _slot is not None and _slot[0] == os.getpid()


def _publish(live: float) -> None:
    """Tell the caller (if this process is a budgeted child) its :data:`_stalled` plus ``live``, the stall so far of
    the call it is waiting for.  A process forked otherwise (a pool worker) inherits no slot of its own."""
    if _publishing():
        struct.pack_into("d", _slot[1], 0, _stalled + max(live, 0.0))


def _new_slot() -> mmap.mmap:
    """A zeroed word shared with the child forked next (an anonymous shared mapping survives ``fork``)."""
    return mmap.mmap(-1, struct.calcsize("d"))


def _adopt_slot(slot: mmap.mmap) -> None:
    """In a freshly forked budgeted child: publish to ``slot``, from a clean count."""
    global _slot, _stalled
    _slot, _stalled = (os.getpid(), slot), 0.0


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
    slot = _new_slot()
    worker = context.Process(target=_child, args=(Parent(), sender, memory_bytes, slot, fn, args, kwargs))
    try:
        _start(worker)
    finally:
        sender.close()
    watch = _Watch(worker.pid, slot, fresh=True)
    stalled = 0.0

    def charged() -> float:  # the worker's own seconds so far: wall time minus its (and its children's) wait for a CPU
        nonlocal stalled
        stalled = watch.stalled()
        return time.monotonic() - start - stalled

    try:
        while not receiver.poll(watch.wait(seconds - charged())):
            spent = charged()
            _publish(stalled)
            if spent >= seconds or time.monotonic() - start >= WALL_BACKSTOP * seconds:
                _kill(worker)
                watch.settle(stalled)
                return Outcome("timeout", seconds=spent)
        try:
            status, value, error, imported, caches = receiver.recv()
        except (EOFError, OSError):  # the child died without answering
            spent = charged()
            worker.join()
            watch.settle(stalled)
            return _died(worker.exitcode, spent)
        spent = charged()
    except BaseException:  # the wait was interrupted (an enclosing CPU limit, Ctrl-C): the child must not run on
        _kill(worker)
        raise
    finally:
        receiver.close()
    watch.settle(stalled)
    worker.join(timeout=1.0)
    _kill(worker)
    adopt_modules(imported)
    shared_caches.adopt(caches)
    return Outcome(status, value, error, spent)


DEFERRED_WHILE_FORKING = (signal.SIGALRM, signal.SIGPROF, signal.SIGVTALRM, signal.SIGINT, signal.SIGTERM)
"""Signals whose Python handlers may raise (a CPU limit's stop, Ctrl-C): deferred while a child is forked, since one
handled inside an at-fork hook (``logging``'s, ``random``'s: Python code that ``os.fork`` runs) raises there, and
``os.fork`` prints and drops the exception: the stop is lost and the caller waits out the child's whole budget.
(Blocking them does not do: in a process with other threads, such as a pytest-xdist worker, the kernel hands the
signal to a thread that does not block it, and the main thread still runs the handler inside the hook.)"""

_handlers_before_fork: dict = {}
"""The Python handlers :func:`_start` replaced while forking: a child, which inherits the stand-ins, puts these back
(:func:`_restore_handlers`)."""


def _start(worker) -> None:
    """``worker.start()`` with the collector frozen and the Python handlers of :data:`DEFERRED_WHILE_FORKING` deferred:
    a signal that comes meanwhile is handled after the fork, here; if its handler raises, the worker is ended before
    the exception goes on (it would otherwise run on, with no caller waiting for it)."""
    global _handlers_before_fork
    came = []
    _handlers_before_fork = {}
    if threading.current_thread() is threading.main_thread():  # elsewhere no handler can be set (nor runs)
        for signum in DEFERRED_WHILE_FORKING:
            handler = signal.getsignal(signum)
            if callable(handler):
                _handlers_before_fork[signum] = signal.signal(signum, lambda signum, frame: came.append(signum))
    gc.freeze()  # the child's collector skips the objects it inherits: no scan of (and copy-on-write to) the whole heap
    try:
        worker.start()
    finally:
        gc.unfreeze()
        _restore_handlers()
        try:
            for signum in came:
                _handlers_before_fork[signum](signum, sys._getframe())
        except BaseException:
            if worker.pid is not None:
                _kill(worker)
            raise


def _restore_handlers() -> None:
    """The Python signal handlers :func:`_start` deferred, back in place (in the parent after the fork, and first
    thing in the child)."""
    for signum, handler in _handlers_before_fork.items():
        signal.signal(signum, handler)


SENDABLE = (int, float, str, bool, type(None))
"""Arguments a :class:`BudgetedChild` sends to its live child by pickling; any other argument (a sympy
expression, whose unpickling re-evaluates it) is handed over only by ``fork``, or named in ``shared``."""


@dataclass(frozen=True)
class _Shared:
    """Stands, in a task sent to a live child, for ``shared[index]``: the child holds the object itself, inherited."""

    index: int


class BudgetedChild:
    r"""Budgeted calls one after another in one forked child: :func:`run_with_budget`'s limits and outcomes, without
    a fork per call.

    A step's rungs (the probe, symbolic, exact, numeric) each took a child of their own, three or four forks of a
    100-130 MB process per step, 13 ms of CPU each (copying and tearing down its page tables, then the parent's
    copy-on-write faults): a tenth of ``verify --all``.  Here the child is forked at the first call (so it inherits
    what the caller built before, as :func:`run_with_budget`'s does) and answers later calls as long as each ends in
    time with a value: a call that times out, hits the memory cap, raises or dies ends the child, and the next call
    forks a fresh one.  Each call is charged its own seconds (ran or slept, not waited for a CPU), as there.

    A later call reaches the child by pickling, so its function must pickle by reference (a module-level function,
    a dataclass of plain fields) and its arguments must be :data:`SENDABLE` or one of ``shared`` (objects that
    existed at the fork: the child is sent their index); otherwise the child is ended and a fresh one is forked
    for the call, exactly as :func:`run_with_budget` would.  Each call starts from the global random states the
    child started with (numpy's is the caller's; Python reseeds ``random`` in every forked child, and sympy's
    assumption queries shuffle with it), as the first call did; what a call memoizes (sympy's cache, compiled
    sides) stays for the next, which only saves time.

    .. code-block:: python

        child = BudgetedChild(shared=(step,))
        try:
            probe = child.run(quick_refutation, step, 0.9, seconds=1.0)
            proof = child.run(prove_symbolically, step, 3.6, seconds=4.0)
        finally:
            child.close()
    """

    def __init__(self, *, memory_bytes: int = DEFAULT_MEMORY_BYTES, shared: tuple = ()):
        self.memory_bytes = memory_bytes
        self.shared = tuple(shared)
        self.forks = 0
        """Children forked so far (a call answered by a live child forks none)."""
        self._worker = None
        self._conn = None
        self._slot = None

    def run(self, fn, *args, seconds: float, **kwargs) -> Outcome:
        """``fn(*args, **kwargs)`` in the child within ``seconds`` of its time, as :func:`run_with_budget`."""
        start = time.monotonic()
        if not seconds > 0:  # zero, negative or NaN
            return Outcome("timeout", seconds=0.0)
        task = self._task(fn, args, kwargs) if self._worker is not None else None
        watch = None
        if task is not None:
            watch = _Watch(self._worker.pid, self._slot, fresh=False)
            try:
                self._conn.send(task)
            except (OSError, EOFError):  # the child is gone: a fresh one below
                task = None
                self.close()
        if task is None:
            self.close()
            self._fork(fn, args, kwargs)
            watch = _Watch(self._worker.pid, self._slot, fresh=True)
        worker, conn = self._worker, self._conn
        stalled = 0.0

        def charged() -> float:  # the child's own seconds on this call: wall time minus its (and its children's) wait
            nonlocal stalled
            stalled = watch.stalled()
            return time.monotonic() - start - stalled

        try:
            while not conn.poll(watch.wait(seconds - charged())):
                spent = charged()
                _publish(stalled)
                if spent >= seconds or time.monotonic() - start >= WALL_BACKSTOP * seconds:
                    self.close()
                    watch.settle(stalled)
                    return Outcome("timeout", seconds=spent)
            try:
                status, value, error, imported, caches = conn.recv()
            except (EOFError, OSError):  # the child died without answering
                spent = charged()
                worker.join()
                exitcode = worker.exitcode
                self.close()
                watch.settle(stalled)
                return _died(exitcode, spent)
        except BaseException:  # the wait was interrupted (an enclosing CPU limit, Ctrl-C): as in run_with_budget
            self.close()
            raise
        spent = charged()
        watch.settle(stalled)
        if status != "ok":  # the child ends after a failure (see _serve): never reused
            self.close()
        adopt_modules(imported)
        shared_caches.adopt(caches)
        return Outcome(status, value, error, spent)

    def _task(self, fn, args, kwargs):
        """The call as it crosses to the live child, or None where it cannot (see the class docstring)."""
        def encode(value):
            for index, obj in enumerate(self.shared):
                if value is obj:
                    return _Shared(index)
            return value if type(value) in SENDABLE else None

        sent_args = tuple(encode(a) for a in args)
        sent_kwargs = {k: encode(v) for k, v in kwargs.items()}
        if any(e is None and a is not None for e, a in zip(sent_args, args)) or \
                any(sent_kwargs[k] is None and kwargs[k] is not None for k in kwargs):
            return None
        if type(fn).__module__.startswith("sympy."):  # a sympy object as the callable: unpickling re-evaluates it
            return None
        try:
            pickle.dumps(fn)
        except Exception:  # noqa: BLE001 - a closure or lambda: handed over by fork instead
            return None
        return fn, sent_args, sent_kwargs

    def _fork(self, fn, args, kwargs) -> None:
        context = multiprocessing.get_context("fork")
        parent_end, child_end = context.Pipe(duplex=True)
        self._slot = _new_slot()
        worker = context.Process(target=_serve, args=(Parent(), child_end, self.memory_bytes, self._slot, self.shared,
                                                     (fn, args, kwargs)))
        try:
            _start(worker)
        except BaseException:
            parent_end.close()
            raise
        finally:
            child_end.close()
        self._worker, self._conn = worker, parent_end
        self.forks += 1

    def close(self) -> None:
        """End the child, if any (it holds nothing the caller needs)."""
        if self._worker is not None:
            self._conn.close()
            _kill(self._worker)
            self._worker = self._conn = self._slot = None


@stack_roomy  # its calls recurse deeply (sympy): see derivations.stack_room
def _serve(parent: Parent, conn, memory_bytes: int, slot: mmap.mmap, shared: tuple, first) -> None:
    """A :class:`BudgetedChild`'s child: run ``first``, then each task received, until the pipe closes or a task
    fails (a failed call may leave the process half-changed: the next call gets a fresh child)."""
    import random

    _restore_handlers()
    end_with_parent(parent)
    _adopt_slot(slot)
    numpy_random = sys.modules.get("numpy.random")
    random_state = random.getstate()
    numpy_state = numpy_random.get_state() if numpy_random is not None else None
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    collect_less_often()
    task = first
    try:
        while True:
            fn, args, kwargs = task
            args = tuple(shared[a.index] if isinstance(a, _Shared) else a for a in args)
            kwargs = {k: shared[v.index] if isinstance(v, _Shared) else v for k, v in kwargs.items()}
            random.setstate(random_state)
            if numpy_state is not None:
                numpy_random.set_state(numpy_state)
            if not _answer(conn, fn, args, kwargs):
                return
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
    finally:
        conn.close()


def _answer(conn, fn, args, kwargs) -> bool:
    """Run one call and send its outcome as :func:`_child` does; whether it ended with a value sent."""
    loaded, tables = len(sys.modules), shared_caches.sizes()
    try:
        value = fn(*args, **kwargs)
        conn.send(("ok", value, "", _imported_since(loaded), shared_caches.grown(tables)))
        return True
    except MemoryError:
        _send_or_die(conn, ("memory", None, "MemoryError", (), {}))
    except BaseException as exc:  # noqa: BLE001 - every failure is reported to the parent
        last = traceback.extract_tb(exc.__traceback__)[-1:] or [None]
        where = f" at {last[0].filename}:{last[0].lineno}" if last[0] else ""
        _send_or_die(conn, ("error", None, f"{type(exc).__name__}: {exc}"[:500] + where, _imported_since(loaded),
                            shared_caches.grown(tables)))
    return False


class _OutOfTime(BaseException):
    r"""Raised in :func:`within_cpu_seconds`'s call when its CPU seconds are spent.  Not an ``Exception``: the
    ``except Exception`` that guards a sympy call against its many failures would take it for one of them and run
    on without a limit (``written._vanishes`` went on to simplify $\cosh 3838 - \sinh 3838$ for minutes after
    ``decide``'s certification, stopped inside such a guard, returned "unknown")."""


FINALIZER_RETRY = 1e-3
"""CPU seconds after which the stop is tried again when it fell inside a finalizer."""


def _in_finalizer(frame) -> bool:
    """Whether ``frame`` runs inside a weakref callback, a ``__del__`` or a ``gc.callbacks`` hook (hypothesis
    registers one; all are called by the garbage collector at any bytecode): an exception raised there is not
    propagated but printed and dropped, and the call runs on (pytest then fails the test that was running)."""
    hooks = {getattr(hook, "__code__", None) for hook in gc.callbacks}
    while frame is not None:
        if frame.f_code.co_name == "__del__" or frame.f_code.co_filename.endswith("weakref.py") \
                or frame.f_code in hooks:
            return True
        frame = frame.f_back
    return False


def _process_switches() -> tuple:
    """The process-wide switches that a context manager sets and restores around a block, as they are now: sympy's
    ``evaluate`` and ``distribute`` (``with sympy.evaluate(False)``), mpmath's working precision (``with
    mpmath.workdps(50)``) and numpy's floating-point error handling (``with np.errstate(all="ignore")``)."""
    import mpmath  # noqa: PLC0415 - budget's children import these later
    import numpy as np  # noqa: PLC0415
    from sympy.core.parameters import global_parameters  # noqa: PLC0415

    return global_parameters.evaluate, global_parameters.distribute, mpmath.mp.prec, np.geterr()


def _restore_process_switches(switches: tuple) -> None:
    """Set the switches of :func:`_process_switches` back to ``switches``.  A stop raised between a block's end and
    its context manager's own restoring code (a generator that is then never resumed, an ``__exit__`` stopped before
    its assignment) leaves the switch as the block set it for the rest of the process.  With sympy's ``evaluate``
    left off, every later expression was built unevaluated (``3*1``, ``1*1**1``): a CI worker's checks recursed
    without end and 58 tests failed after it.  mpmath's precision left at a block's 50 digits makes every later
    default-precision evaluation slower, and at a lower one less accurate than a verdict's tolerance assumes;
    numpy's errors left raising or ignored change what a numeric check sees of an overflow."""
    import mpmath  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415
    from sympy.core.parameters import global_parameters  # noqa: PLC0415

    evaluate, distribute, precision, numpy_errors = switches
    global_parameters.evaluate, global_parameters.distribute = evaluate, distribute
    mpmath.mp.prec = precision
    np.seterr(**numpy_errors)


def within_cpu_seconds(fn, *args, seconds: float):
    """``fn(*args)``, or None once it has used ``seconds`` of this process's CPU time (``ITIMER_PROF``: like the
    budget's clock, waiting for a CPU is not counted).  For a part of a budgeted worker's work that may run away
    (pure-Python sympy stops at the next bytecode) while the rest still gets its time; outside the main thread,
    where no signal can be handled, ``fn`` runs without a limit.  A call inside another keeps the enclosing limit:
    it gets at most what is left of it, and the enclosing timer runs on, less what the inner call used, after it."""
    if threading.current_thread() is not threading.main_thread():
        return fn(*args)
    enclosing = signal.getitimer(signal.ITIMER_PROF)[0]  # seconds left of an enclosing call's limit (0: none)
    if enclosing > 0:
        seconds, started = min(seconds, enclosing), time.process_time()

    def stop(signum, frame):
        if _in_finalizer(frame):  # raised there, Python would print and drop it ("Exception ignored in ...")
            signal.setitimer(signal.ITIMER_PROF, FINALIZER_RETRY)
            return
        raise _OutOfTime

    previous = signal.signal(signal.SIGPROF, stop)
    switches = _process_switches()
    signal.setitimer(signal.ITIMER_PROF, max(seconds, 1e-3))
    try:
        try:
            return fn(*args)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
    except _OutOfTime:
        return None
    finally:
        _restore_process_switches(switches)
        signal.signal(signal.SIGPROF, previous)
        if enclosing > 0:  # the enclosing limit resumes (and stops its call at once where this one used it up)
            signal.setitimer(signal.ITIMER_PROF, max(enclosing - (time.process_time() - started), 1e-3))


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


RUNG_IMPORTS = ("numpy.random", "scipy.optimize", "sympy.physics.units")
"""Modules the rungs import on first use, not at import time: numpy's samplers (``numpy.random``, loaded lazily by
numpy 2), the margin search between sampled points (``scipy.optimize``, 0.3 s of CPU) and sympy's ``simplify``
(``sympy.physics.units``, 0.1-0.2 s).  A process that forks workers for many derivations imports them first
(:func:`import_rung_modules`): otherwise each worker's first budgeted child that needs one imports it, and the worker
imports it again when it adopts it (:func:`adopt_modules`), two imports per worker instead of one shared by all."""


def import_rung_modules() -> None:
    """Import :data:`RUNG_IMPORTS` here, before forking workers that will check derivations (only a saving: one that
    fails to import is skipped, as in :func:`adopt_modules`, and a child imports it when it needs it)."""
    adopt_modules(RUNG_IMPORTS)


def _died(exitcode: int | None, seconds: float) -> Outcome:
    """A child killed by SIGKILL without our asking was, in practice, the OOM killer's."""
    if exitcode == -signal.SIGKILL:
        return Outcome("memory", error="worker was killed (SIGKILL)", seconds=seconds)
    return Outcome("error", error=f"worker exited with code {exitcode} without a result", seconds=seconds)


@stack_roomy  # its call recurses deeply (sympy): see derivations.stack_room
def _child(parent: Parent, sender, memory_bytes: int, slot: mmap.mmap, fn, args, kwargs) -> None:
    _restore_handlers()
    end_with_parent(parent)
    _adopt_slot(slot)
    collect_less_often()
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
    a module removed meanwhile only shifts the window, and adoption skips what is already here).  Most calls import
    nothing: then no list of the 1,300 names is made (a call of every budgeted child; 20-70 us each)."""
    if len(sys.modules) <= loaded:
        return ()
    return tuple(itertools.islice(sys.modules, loaded, None))


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
