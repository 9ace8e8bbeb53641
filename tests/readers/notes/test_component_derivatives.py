r"""Derivatives of a function of a vector in one of its entries (readers.notes.component_derivatives).

Expected by hand (and sympy below): g(u) = sum_k c_k u_k has dg/du_2 = c_2 and dg/du_k = c_k; c_1 is not dg/du_2.
"""
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.component_derivatives import component_derivative, entry_of

BUDGET = 30.0
"""Seconds per claim: far above what these take."""

TEXT = r"""# Linear functions

Write the function in components:

$$
g(\mathbf{u}) = \sum_{k = 1}^{m} c_k u_k.
$$

Its partial derivative in the second entry is

$$
\frac{\partial g}{\partial u_2} = %s,
$$

and in general

$$
\frac{\partial g}{\partial u_k} = %s.
$$
"""


def verdicts(second, general):
    found = check_notes(TEXT % (second, general), budget=BUDGET).blocks
    return [b.verdict for b in found if "partial" in b.source]


def test_hand_values():
    k, m = sp.symbols("k m", integer=True, positive=True)
    c, u = sp.IndexedBase("c"), sp.IndexedBase("u")
    body = sp.Sum(c[k] * u[k], (k, 1, 4))
    assert sp.diff(body, u[2]).doit() == c[2]
    assert sp.diff(body, u[2]).doit() != c[1]


def test_entry_derivatives_are_claims_and_hold():
    assert verdicts("c_2", "c_k") == ["verified", "verified"]


def test_a_wrong_entry_is_not_confirmed():
    found = verdicts("c_1", "c_{k+1}")
    assert all(v in ("undecided", "refuted") for v in found), found


def test_only_a_bold_argument_written_in_its_entries():
    u, c, k, g = sp.IndexedBase("u"), sp.IndexedBase("c"), sp.Symbol("k"), sp.Symbol("g")
    body = sp.Sum(c[k] * u[k], (k, 1, 3))
    bold = {"g": [((sp.Symbol(r"\mathbf{u}"),), body)]}
    plain = {"g": [((sp.Symbol("v"),), body)]}
    assert component_derivative(sp.Derivative(g, sp.Symbol("u_2")), bold) == sp.Derivative(body, u[2])
    assert component_derivative(sp.Derivative(g, sp.Symbol("u_2")), plain) is None
    assert component_derivative(sp.Derivative(g, sp.Symbol("w_2")), bold) is None
    assert entry_of(sp.Symbol("c_2"), body) and not entry_of(sp.Symbol("d_2"), body)
