"""Imports go one way between the packages: symbolic -> derivations -> codegen -> readers -> formulary.

Every import in the source is read, including those inside functions; a package may import only the
packages to its left (and itself).  A cycle between modules is caught too, since any cycle between
packages needs an import pointing right.
"""
import ast
import importlib
import os
import pathlib

import pytest

ORDER = ["symbolic", "derivations", "codegen", "readers", "formulary"]
ROOTS = {p: pathlib.Path(importlib.import_module(p).__file__).parent for p in ORDER}


def _imports(path: pathlib.Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, a.name
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import (write the package's name)"
            yield node.lineno, node.module or ""


def _sources():
    for pkg, root in ROOTS.items():
        for path in sorted(root.rglob("*.py")):
            yield pkg, path


@pytest.mark.parametrize("pkg, path", list(_sources()), ids=lambda v: v if isinstance(v, str) else v.name)
def test_imports_point_left(pkg, path):
    allowed = set(ORDER[: ORDER.index(pkg) + 1])
    for line, name in _imports(path):
        top = name.split(".")[0]
        if top in ORDER:
            assert top in allowed, f"{path}:{line}: {pkg} imports {name}, which is to its right in {' -> '.join(ORDER)}"


def test_the_check_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from codegen.rules import RULES\n")
    assert ("codegen" in {n.split(".")[0] for _, n in _imports(bad)})
    with pytest.raises(AssertionError, match="relative import"):
        (tmp_path / "rel.py").write_text("from . import x\n")
        list(_imports(tmp_path / "rel.py"))


def test_symbolic_imports_nothing_of_ours():
    for path in ROOTS["symbolic"].rglob("*.py"):
        assert not {n.split(".")[0] for _, n in _imports(path)} & (set(ORDER) - {"symbolic"}), path


@pytest.mark.skipif(os.environ.get("FORMULARY_EXPECT_INSTALLED") != "1",
                    reason="only CI (.ci/run) asks that the tests import the installed package, not the source tree")
def test_the_tests_import_the_installed_package():
    for pkg, root in ROOTS.items():
        assert "site-packages" in root.parts, f"{pkg} imported from {root}, not the installed package"


@pytest.mark.xdist_group("grouping_probe")
def test_xdist_groups_reach_the_scheduler(request):
    # --dist loadgroup (pyproject's addopts) sends the tests of one xdist_group to one worker by the '@group'
    # suffix xdist puts on their ids, so that a group's costly fixture (the seed report) is built once; under
    # pytest 9.2 that renaming is lost and every group is spread over both workers (see the pin in pyproject)
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not an xdist worker under --dist loadgroup")
    assert request.node.nodeid.endswith("@grouping_probe"), request.node.nodeid
