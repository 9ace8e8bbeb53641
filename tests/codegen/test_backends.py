"""The torch, jax and numba backends, tested in a fresh interpreter.

Their tests (``backends_in_subprocess.py``, ``numba_in_subprocess.py``) import PyTorch, JAX and numba. PyTorch and JAX
start threads, and the step checker forks a worker per budgeted rung: a forked copy of a threaded process can crash.
numba and LLVM add 190 MB to the process that imports them, which every later fork of a test worker (thousands per
run) copies and tears down as page tables. So the frameworks are never imported into a test worker: this test runs
those tests with pytest in a subprocess and passes when they pass (or skips, saying so, when none is installed).
"""
import importlib.util
import os
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent


def test_backends_in_a_fresh_interpreter(tmp_path):
    """One interpreter for the three frameworks: the torch and jax modules are written from the same NumPy search (16 s
    of CPU), which the interpreter runs once for the two, and one interpreter start (sympy, the catalog) serves all.
    Where a framework is not installed, the others' tests run and the test then skips, saying which is missing."""
    frameworks = [f for f in ("torch", "jax", "numba") if importlib.util.find_spec(f) is not None]
    if not frameworks:
        pytest.skip("none of torch, jax and numba is installed (pip install '.[torch,jax,numba]')")
    import codegen

    packages = str(pathlib.Path(codegen.__file__).resolve().parent.parent)  # the tree these tests import
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [packages, os.environ.get("PYTHONPATH")])),
           "FORMULARY_FRAMEWORKS_HERE": "1"}  # tests/conftest.py: the frameworks are imported here on purpose
    selected = " or ".join(["test_backend_registry"] + [f"test_{f} or (certifies_its_own_code and {f})"
                                                         for f in frameworks if f != "numba"]
                           + ["numba_in_subprocess"] * ("numba" in frameworks))  # -k matches the module's name too
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", selected,
                          str(HERE / "backends_in_subprocess.py"), str(HERE / "numba_in_subprocess.py")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1800)
    tail = "\n".join(run.stdout.splitlines()[-25:])
    assert run.returncode == 0, f"{frameworks} backend tests failed:\n{tail}\n{run.stderr[-2000:]}"
    assert " passed" in tail and " skipped" not in tail, tail
    missing = sorted({"torch", "jax", "numba"} - set(frameworks))
    if missing:
        pytest.skip(f"{frameworks} passed; {missing} not installed (pip install '.[{','.join(missing)}]')")
