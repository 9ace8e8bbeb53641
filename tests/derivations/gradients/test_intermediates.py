"""Named intermediates of a definition (reverse mode's chain), on every definition of the own-formulas note."""
from __future__ import annotations

import functools
import pathlib

import pytest
import sympy as sp

from codegen.define import build
from derivations.gradients.intermediates import intermediates
from readers.definition import read_definitions
from symbolic.record import expand_definitions

NOTE = pathlib.Path(__file__).resolve().parents[3] / "examples" / "own_formulas.md"


@functools.lru_cache(maxsize=None)
def _records():
    return {f.name: f for f in build(read_definitions(NOTE.read_text(encoding="utf-8")))}


@pytest.mark.parametrize("name", sorted(_records()))
def test_expanding_the_intermediates_gives_the_definition_back(name):
    f = _records()[name]
    definitions, output = intermediates(f.expr, f.indices, f.sizes)
    assert expand_definitions(output, definitions) == f.expr
    named = set()
    for d in definitions:  # each reads only earlier ones, and reads no index: one number per batch element
        names = {x.lhs for x in definitions}
        assert d.expr.free_symbols & names <= named
        assert not any(s.is_integer and s not in set(f.sizes) for s in d.expr.free_symbols)
        named.add(d.lhs)


def test_whole_axis_sums_and_repeated_subexpressions_are_named():
    x = sp.IndexedBase("x", real=True)
    i, j = sp.symbols("i j", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    z = sp.Symbol("z", real=True)
    s = sp.Sum(x[j] ** 2, (j, 0, n - 1))
    definitions, output = intermediates(x[i] / sp.sqrt(s), ((i, 0, n - 1),), (n,))
    assert [d.expr for d in definitions] == [s]
    sig = 1 / (1 + sp.exp(-z))
    definitions, _ = intermediates(sig * sp.log(sig) + (1 - sig) * sp.log(1 - sig), ())
    assert sig in [d.expr for d in definitions]


def test_sizes_and_elements_are_not_named():
    x = sp.IndexedBase("x", real=True)
    i = sp.Symbol("i", integer=True)
    n = sp.Symbol("n", integer=True, positive=True)
    body = sp.Sum(x[i], (i, 0, n - 1)) / sp.Sum(x[i] ** 2, (i, 0, n - 1))  # n - 1 repeated: a size, not a value
    definitions, _ = intermediates(body, ())
    assert all(d.expr.atoms(sp.Indexed) for d in definitions)
