"""The torch and jax backends, tested in a fresh interpreter.

Their tests (``backends_in_subprocess.py``) import PyTorch and JAX, which start threads; the step
checker forks a worker per budgeted rung, and a forked copy of a threaded process can crash. So the
frameworks are never imported into a test worker: this test runs those tests with pytest in a
subprocess and passes when they pass (or skip for a stated reason when neither framework is installed).
"""
import importlib.util
import os
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent


@pytest.mark.skipif(not any(importlib.util.find_spec(m) for m in ("torch", "jax")),
                    reason="neither PyTorch nor JAX is installed (pip install '.[torch]' or '.[jax]')")
def test_backends_in_a_fresh_interpreter(tmp_path):
    import codegen

    packages = str(pathlib.Path(codegen.__file__).resolve().parent.parent)  # the tree these tests import
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [packages, os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
                          str(HERE / "backends_in_subprocess.py")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1800)
    tail = "\n".join(run.stdout.splitlines()[-25:])
    assert run.returncode == 0, f"backend tests failed:\n{tail}\n{run.stderr[-2000:]}"
    assert " passed" in tail, tail
