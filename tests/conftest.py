"""One BLAS/OpenMP thread per test process, and its collector run as seldom as the project's workers run theirs.

``pytest -n 2`` already runs one worker per core; OpenBLAS's own thread per core on top then spins waiting for a
core the other worker holds (``tests/codegen/test_matmul_halves.py``: 7.1 s of CPU with the default threads, 2.5 s
with one, same results).  Set before any test module imports NumPy (``derivations.parallel`` imports none); a variable
already set (a user's choice) wins.

A test process builds sympy objects by the million in the process itself (the codegen searches and lowerings, the
notes reader's parsing), where Python's default first threshold (700 allocations) runs the collector, and its scans
of every object held, 30 times as often as in the pool workers and budgeted children
(:func:`derivations.parallel.collect_less_often`): only when garbage is freed changes, never what is computed.

Each test (setup, call and teardown) runs with room on CPython's frame stack, as the project's commands, workers
and budgeted children do (:mod:`derivations.stack_room`): otherwise sympy's deep recursion maps and unmaps a chunk
of that stack at every crossing of a chunk's end.
"""
import os
import sys

import pytest
from _pytest.runner import pytest_runtest_protocol as run_one_test

from derivations.parallel import collect_less_often
from derivations.stack_room import with_stack_room

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

collect_less_often()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    """pytest's own protocol for one test (log start, setup, call, teardown, log end), with stack room."""
    return with_stack_room(run_one_test, item, nextitem)


FRAMEWORKS = ("numba", "torch", "jax")
"""Never imported into a test process: PyTorch and JAX start threads (a forked copy of a threaded process can crash),
and numba with LLVM leaves the process 190 MB larger, whose page tables each later fork of it (the step checker's
children, thousands per run) copies and tears down.  Their tests run in one fresh interpreter
(``tests/codegen/test_backends.py``), which says so with ``FORMULARY_FRAMEWORKS_HERE=1``."""


@pytest.fixture(autouse=True)
def _no_framework_imported():
    """An error for the test after which one of :data:`FRAMEWORKS` is in ``sys.modules`` (a few microseconds a test)."""
    yield
    if os.environ.get("FORMULARY_FRAMEWORKS_HERE") != "1":
        loaded = [name for name in FRAMEWORKS if name in sys.modules]
        assert not loaded, f"{loaded} imported into a test process: test it in test_backends.py's fresh interpreter"
