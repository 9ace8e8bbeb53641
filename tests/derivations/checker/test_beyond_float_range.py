"""A claim that fails only beyond the float64 range (past $10^{300}$, or within $10^{-300}$ of 0) is refuted at an
exact point there, never ``verified`` from float samples: the exact root of a tie may exceed float64
(``numeric.inside`` decides a region exactly), and ``ties.far_points`` tries $\\pm 10^{600}$ and $\\pm 10^{-600}$
(integers: $\\pm 10^{20}$) after the samples."""
import pytest
import sympy as sp

from derivations.checker.assumptions import Region
from derivations.checker.ladder import check_step
from derivations.checker.strategies.decide import decide
from readers.claim import claim_step

BUDGET = 30.0
"""Far above need (each case takes 1-5 s on a quiet machine): only the verdict kind is asserted."""

FAR = {
    # the tie x = e^(e^7) ~ 1.8e476 is exact (sympy.solve) but was rejected as a float64 overflow
    "loglog-tie-beyond-float": ("log(log(x))", "<", "7", ["x > 1"]),
    "sqrt-tie-at-1e400": ("sqrt(x)", "<", "10**200", ["x=positive"]),
    # no exact tie: only a point beyond float64 fails
    "loglog-no-tie": ("log(log(x))", "<", "7 + 1/x", ["x > 1"]),
    "below-float-tiny": ("abs(x)", ">", "10**(-400)", ["x != 0"]),
    "integer-beyond-samples": ("n", "<", "10**19 + 1/2", ["n=positive_integer"]),
}


@pytest.mark.parametrize("name", sorted(FAR))
def test_a_failure_beyond_float64_is_refuted(name):
    lhs, rel, rhs, assume = FAR[name]
    verdict = check_step(claim_step(lhs, rel, rhs, assume), budget=BUDGET)
    assert verdict.kind == "refuted", verdict.summary()


@pytest.mark.parametrize("lhs, rel, rhs, assume", [("log(log(x))", "<", "7", ["1 < x < 10**400"]),
                                                   ("log(log(x))", "<", "x", ["x > 1"]),
                                                   ("x**2", ">", "0", ["x != 0"])])
def test_a_true_claim_is_not_refuted_far_out(lhs, rel, rhs, assume):
    verdict = check_step(claim_step(lhs, rel, rhs, assume), budget=BUDGET)
    assert verdict.kind in ("proved", "verified"), verdict.summary()


def test_a_region_contains_exact_values_beyond_float64():
    positive = Region(0.0, float("inf"))
    assert positive.contains_exact(sp.Integer(10) ** 400)
    assert positive.contains_exact(sp.Rational(1, 10 ** 400))  # underflows to 0.0 as a float
    assert not positive.contains_exact(sp.Integer(0))
    assert not positive.contains_exact(-sp.Integer(10) ** 400)
    below = Region(-float("inf"), 10.0, (False, True), integer=True)
    assert below.contains_exact(sp.Integer(10)) and not below.contains_exact(sp.Rational(19, 2) + 1)
    assert not below.contains_exact(sp.Rational(1, 2))


def test_a_difference_smaller_than_any_reproducible_precision_is_not_certified():
    # round 7 (cc-h7-logphi-upper, true, refuted at x = 1e8): log Phi(x) < -phi(x)(1/x - 1/x^3) holds, by a relative
    # 3/x^4 of a difference near 1e-2171472409516268; evalf and mpmath (capped at 6000 digits) both read Phi(1e8) as 1
    # and "certified" lhs - rhs = 0 - rhs > 0
    step = claim_step("log(Phi(x))", "<", "-exp(-x**2/2)*(1 - 1/x**2)/(x*sqrt(2*pi))", ["x >= 1"])
    (x,) = step.lhs.free_symbols
    assert decide(step.lhs, step.rhs, {x: sp.Integer(10) ** 8}).state in ("negative", "unknown")


def test_a_far_point_is_also_tried_on_the_wall_of_a_relational_assumption():
    """Round 11: (x + y)/2 - sqrt(xy) >= 1e-100 for x >= y + 1e-40 fails only where y > 1e19 and x lies within about
    1e-40 of the wall, which no float sample is (y + 1e-40 rounds to y): it was verified.  Far out, x is now also
    put on the wall (``ties._far_on_walls``), where the gap is 1e-80/(8 y)."""
    from derivations.checker.strategies.instances import instances
    from derivations.checker.strategies.ties import far_points

    step = claim_step("(x + y)/2 - sqrt(x*y)", ">=", "1e-100", ["y=positive", "x >= y + 1e-40"])
    (inst,), _ = instances(step)
    x, y = sorted(inst.symbols, key=str)
    walls = [p for p in far_points(inst) if p[x] - p[y] == sp.Rational(1, 10**40) and p[y] > 10**300]
    assert walls and decide(inst.lhs, inst.rhs, walls[0]).state == "negative"  # lhs - rhs < 0: the claim fails
