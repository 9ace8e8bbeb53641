"""The torch and jax backends, tested in a fresh interpreter.

Their tests (``backends_in_subprocess.py``) import PyTorch and JAX, which start threads; the step
checker forks a worker per budgeted rung, and a forked copy of a threaded process can crash. So the
frameworks are never imported into a test worker: this test runs those tests with pytest in a
subprocess per framework and passes when they pass (or skips, saying so, when that framework is not installed).
"""
import importlib.util
import os
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent


@pytest.mark.parametrize("framework", ["torch", "jax"])
def test_backend_in_a_fresh_interpreter(framework, tmp_path):
    """One interpreter per framework, so that the two run on different test workers."""
    if importlib.util.find_spec(framework) is None:
        pytest.skip(f"{framework} is not installed (pip install '.[{framework}]')")
    import codegen

    packages = str(pathlib.Path(codegen.__file__).resolve().parent.parent)  # the tree these tests import
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [packages, os.environ.get("PYTHONPATH")]))}
    selected = f"test_{framework} or test_backend_registry or (certifies_its_own_code and {framework})"
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "-k", selected, str(HERE / "backends_in_subprocess.py")],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=1800)
    tail = "\n".join(run.stdout.splitlines()[-25:])
    assert run.returncode == 0, f"{framework} backend tests failed:\n{tail}\n{run.stderr[-2000:]}"
    assert " passed" in tail and " skipped" not in tail, tail
