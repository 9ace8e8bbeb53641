"""Wrong verdicts that heldout_round16.jsonl (adversarial round 16 of the step checker, branch adversary38) found, by
class, each with a claim unlike the corpus one that revealed it."""
import pytest
import sympy as sp

from derivations.checker.ladder import check_step
from derivations.checker.strategies.decide import _interval_sign
from readers.claim import claim_step

BUDGET = 6.0
"""Seconds per claim; the false claims are refuted by exact evaluation at one length or one point well within it."""

# a claim about a vector of any length was checked at the lengths 2, 3 and 5 only, and verified where it fails at others
LENGTHS = {
    # (sum x)^2 <= n sum x^2 <= 11/2 sum x^2 up to n = 5; the all-equal vector fails it from n = 6
    "constant_between_five_and_six": ("sum(x[i], i, 1, n)**2", "<=", "11/2*sum(x[i]**2, i, 1, n)", "refuted"),
    # x_1^2 + x_n^2 >= 2 x_1 x_n for n >= 2; at n = 1, 2 x_1^2 >= 3 x_1^2 fails
    "fails_at_one_entry": ("sum(x[i]**2, i, 1, n) + x[1]*x[n]", ">=", "3*x[1]*x[n]", "refuted"),
    "cauchy_schwarz_holds_at_every_length": ("sum(x[i], i, 1, n)**2", "<=", "n*sum(x[i]**2, i, 1, n)", "verified"),
}


@pytest.mark.parametrize("name", LENGTHS)
def test_a_claim_about_any_length_is_tried_beyond_the_concrete_lengths(name):
    lhs, rel, rhs, expected = LENGTHS[name]
    verdict = check_step(claim_step(lhs, rel, rhs, ["n=positive_integer"]), budget=BUDGET)
    assert verdict.kind == expected, (name, verdict.summary())


def test_an_enclosure_takes_no_point_value_of_a_function_without_an_interval_version():
    # cosh(N acosh 3) = ((3 + sqrt 8)^N + (3 - sqrt 8)^N)/2 exactly; at N = 10^300 cosh, which mpmath.iv lacks, was
    # evaluated at a point, its rounded value joined the enclosure as exact, and the difference was "certified"
    # negative: a true identity was refuted
    big, root = sp.Integer(10) ** 300, sp.sqrt(8)
    assert _interval_sign(sp.cosh(big * sp.acosh(3)) - ((3 + root) ** big + (3 - root) ** big) / 2) == "unknown"


def test_an_enclosure_of_interval_functions_still_decides():
    assert _interval_sign(sp.log(1 + sp.Rational(1, 10**30))) == "positive"


# a sum or product whose limit is a real number has two readings (over the integers up to it, or sympy's continuation)
FRACTIONAL = {
    # prod_{j=1}^{x} 2 is 2^floor(x) over the integers (1 at x = 1/2), 2^x in sympy's reading
    "product_to_a_real_limit": ("product(2, j, 1, x)", "2**x", ["x=positive"], "undecided"),
    "product_to_an_integer_limit": ("product(2, j, 1, x)", "2**x", ["x=positive_integer"], "proved"),
}


@pytest.mark.parametrize("name", FRACTIONAL)
def test_a_sum_to_a_real_limit_is_decided_only_where_both_readings_agree(name):
    lhs, rhs, assume, expected = FRACTIONAL[name]
    verdict = check_step(claim_step(lhs, "==", rhs, assume), budget=BUDGET)
    assert verdict.kind == expected, (name, verdict.summary())


# a kink whose side depends on a parameter's sign (1 - yx at x = 1/y): no point was named, and sympy's derivative
# through it (with H(0) = 1/2, sign(0) = 0) was proved where the derivative does not exist
KINKS = {
    "abs_with_a_parameter_slope": ("diff(abs(a*x - 1), x)", "a*sign(a*x - 1)", [], "refuted"),
    "squared_kink_is_differentiable": ("diff(Max(0, 2 - a*x)**2, x)", "-2*a*Max(0, 2 - a*x)", [], "verified"),
}


@pytest.mark.parametrize("name", KINKS)
def test_a_kink_with_a_parameter_slope_has_no_derivative(name):
    lhs, rhs, assume, expected = KINKS[name]
    verdict = check_step(claim_step(lhs, "==", rhs, assume), budget=BUDGET)
    assert verdict.kind in ((expected, "proved") if expected == "verified" else (expected,)), (name, verdict.summary())
