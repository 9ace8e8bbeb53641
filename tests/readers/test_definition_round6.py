r"""Two held-out definitions of round six that could not be read (issue 13): the length of a vector that only a product
ranges over ($\prod_{i=1}^{n} x_i^{w_i / \sum_j w_j}$: "the length of x is not given by a sum or an index range"),
and the inverse hyperbolic functions by their ISO names ($\operatorname{arcosh}$: "unknown function")."""
import pytest
import sympy as sp

from codegen.define import build
from readers.definition import read_definitions


@pytest.mark.parametrize("latex, shapes, function", [
    (r"\mathrm{GeoMean}(x) = \prod_{i=1}^{n} x_i^{1/n}", {"x": 1}, None),
    (r"\mathrm{Dist}(u) = \operatorname{arcosh}\left(1 + u^{2}\right)", {"u": 0}, sp.acosh),
    (r"\mathrm{Act}(u) = \operatorname{arsinh}(u) + \operatorname{artanh}(u / 2)", {"u": 0}, sp.atanh),
])
def test_a_product_gives_its_range_and_iso_inverse_hyperbolics_are_functions(latex, shapes, function):
    (f,) = build(read_definitions(f"$$ {latex} $$"))
    assert {p.name: len(p.shape) for p in f.params} == shapes
    assert function is None or f.expr.has(function)
