"""Names a definition's block defines after its body (``readers.local_definitions``) are substituted into it."""
import pytest
import sympy as sp

from codegen.define import DefinitionError
from readers.definition import read_definitions


def _one(block: str):
    (d,) = read_definitions(f"$$ {block} $$\n")
    return d


@pytest.mark.parametrize("block, params, want", [
    # a name used by a later one (GIoU's U uses I), written in any order
    (r"\mathrm{G}(l, r) = 1 - \frac{I}{U}, \quad I = \min(r, t) - l, \quad U = r - l + t - s - I",
     ("l", "r"), "1 - (Min(r, t) - l)/(r - l + t - s - (Min(r, t) - l))"),
    (r"\mathrm{G}(a, b) = \frac{V}{W}, \qquad W = V + b, \qquad V = a^{2}", ("a", "b"), "a**2/(a**2 + b)"),
    # a sum inside the local name: an index of its own, 0-based as the body's
    (r"\mathrm{K}(x, y) = \left(1 - \frac{\rho}{\ell}\right)^{4}, \quad \rho = \sqrt{\sum_{i=1}^{n}(x_i - y_i)^{2}}",
     ("x", "y"), None),
])
def test_a_name_defined_after_the_body_is_no_keyword(block, params, want):
    d = _one(block)
    names = {str(s) for s in d.body.free_symbols} | {str(a.base.label) for a in d.body.atoms(sp.Indexed)}
    assert not names & {"I", "U", "V", "W", "rho"}, d.body
    if want is not None:
        by_name = {str(s): s for s in d.body.free_symbols}
        assert sp.simplify(d.body - sp.sympify(want, locals=by_name)) == 0
    else:
        (s,) = d.body.atoms(sp.Sum)
        assert s.limits[0][1] == 0 and str(s.limits[0][2]) == "n - 1"


def test_a_condition_on_a_parameter_is_no_local_definition():
    # x = 2 after f(x) = x^2 does not turn the parameter into a constant
    d = _one(r"\mathrm{F}(x) = x^{2} + c, \quad x = 2")
    assert "x" in {str(s) for s in d.body.free_symbols}


def test_local_names_in_a_circle_are_an_error():
    with pytest.raises(DefinitionError, match="circle"):
        _one(r"\mathrm{F}(x) = x + A, \quad A = B + 1, \quad B = A x")


@pytest.mark.parametrize("block, want", [
    # an entry defined after the body: each read z_k is the value at k (the body's sum, an output index)
    (r"\mathrm{C}(x) = \sum_{i=1}^{n} z_i^{2}, \quad z_i = x_i - \frac{1}{n}\sum_{j=1}^{n} x_j",
     lambda x, A: ((x - x.mean()) ** 2).sum()),
    (r"\mathrm{C}(x)_k = \frac{u_k}{2}, \qquad u_i = x_i^{2} + 1", lambda x, A: (x[2] ** 2 + 1) / 2),
    # the value's own sum runs over the index it is read at: renamed, not captured (A_{jj} would be wrong)
    (r"\mathrm{Q}(A, x) = \sum_{j=1}^{n} v_j^{2}, \quad v_k = \sum_{j=1}^{n} A_{kj} x_j",
     lambda x, A: ((A @ x) ** 2).sum()),
])
def test_an_indexed_name_defined_after_the_body_is_inlined(block, want):
    import numpy as np

    d = _one(block)
    assert not {str(a.base.label) for a in d.body.atoms(sp.Indexed)} & {"z", "u", "v"}, d.body
    rng = np.random.default_rng(3)
    x, A = rng.normal(size=4), rng.normal(size=(4, 4))
    syms = {str(s): s for s in d.body.free_symbols}
    e = d.body
    if "k" in syms:
        e = e.subs(syms["k"], 2)
    e = e.subs(syms["n"], 4) if "n" in syms else e
    e = e.doit().replace(lambda t: isinstance(t, sp.Indexed),
                         lambda t: sp.Float({"x": x, "A": A}[str(t.base.label)][tuple(int(k) for k in t.indices)]))
    assert abs(float(e) - want(x, A)) <= 1e-12 * max(1.0, abs(want(x, A)))  # a few roundings of float64 sums


@pytest.mark.parametrize("block", [
    r"\mathrm{C}(x) = \frac{\sum_{i=1}^{n} x_i}{z}, \quad z_i = x_i^{2}",
    r"\mathrm{C}(x) = \sum_{i=1}^{n} \sum_{j=1}^{n} z_{ij}, \quad z_i = x_i^{2}",
])
def test_an_indexed_local_name_read_otherwise_is_an_error(block):
    with pytest.raises(DefinitionError, match="defined after the body with"):
        _one(block)
