"""The README's Python example runs as written (doctest), from the repository root."""
import doctest
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def _examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    return [b for b in re.findall(r"```python\n(.*?)```", text, re.DOTALL) if ">>>" in b]


def test_readme_has_a_python_example():
    assert _examples(), "the README's Python API section has no >>> example"


@pytest.mark.parametrize("block", _examples(), ids=lambda b: b.splitlines()[0][:40])
def test_readme_python_example_runs(block, monkeypatch):
    monkeypatch.chdir(ROOT)  # the example reads examples/ by a relative path
    test = doctest.DocTestParser().get_doctest(block, {}, "README", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test, out=lambda s: None)
    failures = runner.summarize(verbose=False).failed
    assert failures == 0, f"{failures} README example(s) give other output; run python -m doctest -v on the block"
