"""A refutation shows the roundest point at which the claim still fails (small positive values first).

The numeric rung samples wherever its domain allows, so a false claim about a position ``i`` and a width ``d``
was refuted at d = -2, i = -2: true, but it reads as a trick and invites "that can't happen".  Each
counterexample below is re-checked here in exact arithmetic (sympy, independent of the checker's decision).
"""
import pytest
import sympy as sp

from derivations.checker.ladder import check_step
from readers.claim import claim_step

BUDGET = 20.0
"""Far above the ~0.1-1 s these claims take, so that load cannot turn a verdict."""


def _refuted(lhs, rhs, *assume):
    v = check_step(claim_step(lhs, "=", rhs, assume), budget=BUDGET)
    assert v.kind == "refuted", v
    return v.counterexample


@pytest.mark.parametrize("lhs, rhs, expected", [
    # the transformer position-encoding slip: exp(-log(10000) 2i/d) is not exp(-log(10000)^(2i/d))
    ("exp(-log(10000)*2*i/d)", "exp(-log(10000)**(2*i/d))", {"d": 1, "i": 1}),
    ("sqrt(x**2)", "x", {"x": -1}),  # fails only for negative x: the nearest round one
    ("(a + b)**2", "a**2 + b**2", {"a": 1, "b": 1}),  # the cross term forgotten
])
def test_counterexample_is_the_roundest_failing_point(lhs, rhs, expected):
    point = _refuted(lhs, rhs)
    assert {k: sp.Rational(point[k]) for k in expected} == {k: sp.Rational(v) for k, v in expected.items()}
    subs = {sp.Symbol(k): sp.Rational(v) for k, v in expected.items()}
    names = {k: sp.Symbol(k) for k in expected}
    exact = sp.simplify(sp.parse_expr(lhs, local_dict=names).subs(subs) - sp.parse_expr(rhs, local_dict=names).subs(subs))
    assert exact != 0


def test_rounding_keeps_the_stated_conditions():
    point = _refuted("sqrt(x**2)", "x", "x < -3")
    assert sp.Rational(point["x"]) < -3
