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


def test_a_sum_whose_body_binds_the_common_index_name_keeps_its_own():
    # one_name_per_closed_sum renamed the outer j of the RBM free energy to i, the name of the first sum, inside a body
    # whose inner sum binds i: W_{ji} became W_{ii} (the diagonal, silently, for a square W; an error for m != n)
    text = (r"$$ \mathrm{RBM}(v, W, b, c) = -\sum_{i=1}^{n} b_i v_i - \sum_{j=1}^{n} \log\left(1 + \exp\left(c_j + "
            r"\sum_{i=1}^{n} W_{ji} v_i\right)\right) $$")
    (f,) = build(read_definitions(text))
    reads = [w for w in f.expr.atoms(sp.Indexed) if str(w.base) == "W"]
    assert reads and all(w.indices[0] != w.indices[1] for w in reads)
