"""No user text reaches eval/exec/sympify/parse_expr/lambdify-of-a-string; hostile input runs nothing."""
import ast
import importlib
import pathlib

import pytest

from formulary.cli import EXIT_USAGE, main

PACKAGES = ["symbolic", "derivations", "codegen", "readers", "formulary"]
ROOT = pathlib.Path(importlib.import_module("symbolic").__file__).parent.parent
"""Where the packages under test are: site-packages when the tests run against the installed package."""
FORBIDDEN_CALLS = {"eval", "exec", "compile", "sympify", "parse_expr", "__import__", "S"}


def _sources():
    for pkg in PACKAGES:
        yield from sorted((ROOT / pkg).rglob("*.py"))


@pytest.mark.parametrize("path", list(_sources()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_string_evaluation_in_sources(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        if isinstance(f, ast.Name):
            assert f.id not in FORBIDDEN_CALLS, f"{where}: {f.id}(...)"
        elif isinstance(f, ast.Attribute):  # sp.sympify(...), but re.compile(...) is fine
            assert f.attr not in FORBIDDEN_CALLS - {"compile"}, f"{where}: .{f.attr}(...)"
        if getattr(f, "id", getattr(f, "attr", None)) == "lambdify" and len(node.args) >= 2:
            assert not (isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)), where


HOSTILE = [
    "__import__('os').system('touch {marker}')",
    "exec(\"open('{marker}', 'w')\")",
    "eval(\"open('{marker}', 'w')\")",
    "(lambda: open('{marker}', 'w'))()",
    "x.__class__.__mro__",
    "().__class__.__bases__[0].__subclasses__()",
    "open('{marker}', 'w')",
    "[open('{marker}', 'w') for _ in 'a']",
    "Symbol('x; import os')",
    "x\x00y",
    "(" * 5000 + "x" + ")" * 5000,
    "2**2**2**40",
    "x" + "+x" * 20000,
    "\udcff",
    "ｅｘｐ(x)",
    "\u0430 + a",  # Cyrillic a beside Latin a
    "ﬁ + 1",
    "getattr(x, '__dict__')",
]


@pytest.mark.parametrize("payload", HOSTILE, ids=range(len(HOSTILE)))
def test_prove_rejects_hostile_text_and_runs_nothing(payload, tmp_path, capsys):
    marker = tmp_path / "pwned"
    text = payload.replace("{marker}", str(marker))
    code = main(["prove", text, "0"])
    _, err = capsys.readouterr()
    assert code == EXIT_USAGE, err
    assert "Traceback" not in err and "error" in err
    assert not marker.exists()
