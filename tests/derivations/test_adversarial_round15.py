"""Wrong verdicts that heldout_round15.jsonl (adversarial round 15 of the step checker, branch adversary37) found, by
class, each with a claim unlike the corpus one that revealed it."""
import pytest

from derivations.checker.ladder import check_step
from readers.claim import claim_step

BUDGET = 6.0
"""Seconds per claim; the false claims are refuted by exact evaluation at a small size well within it."""

# sympy's closed form of a sum over a symbolic range drops its edge cases at the smallest sizes (its doit gives
# sum_j (-1)^j C(n, j) = 0 for every n >= 0, 1 at n = 0): the proof at symbolic sizes was taken as a proof for every n
EDGE_CASES = {
    # sum_{j=0}^{n} (-1)^j C(n, j) j^2 is 0 from n = 3 on, -1 at n = 1 and 2 at n = 2
    "second_difference_at_small_n": (
        "sum((-1)**j*j**2*gamma(n + 1)/(gamma(j + 1)*gamma(n - j + 1)), j, 0, n)", "0", ["n=positive_integer"]),
    # (1 - x)^n from the binomial theorem with alternating signs, claimed 0 at x = 1: true for n >= 1 only
    "alternating_row_with_empty_sum": (
        "sum((-1)**j*gamma(n + 1)/(gamma(j + 1)*gamma(n - j + 1)), j, 0, n)", "0", ["n >= 0", "n=integer"]),
}


@pytest.mark.parametrize("name", EDGE_CASES)
def test_a_closed_form_missing_its_smallest_size_is_not_proved(name):
    lhs, rhs, assume = EDGE_CASES[name]
    verdict = check_step(claim_step(lhs, "==", rhs, assume), budget=BUDGET)
    assert verdict.kind == "refuted", (name, verdict.summary())


def test_the_closed_form_where_it_holds_for_every_size_stays_proved():
    lhs = "sum((-1)**j*gamma(n + 1)/(gamma(j + 1)*gamma(n - j + 1)), j, 0, n)"
    verdict = check_step(claim_step(lhs, "==", "0", ["n >= 1", "n=integer"]), budget=BUDGET)
    assert verdict.kind == "proved", verdict.summary()


# sympy differentiates atan2(u, v) to (v u' - u v')/(u^2 + v^2) everywhere; across its cut (u = 0, v < 0) it jumps by
# 2 pi and has no derivative: the derivative in y of atan2(y, x) was proved for every (x, y) but the origin
CUTS = {
    "shifted_cut_crossed": ("diff(atan2(y - 1, x + 2), y)", "(x + 2)/((x + 2)**2 + (y - 1)**2)", [], "refuted"),
    "cut_out_of_the_domain": ("diff(atan2(y - 1, x + 2), y)", "(x + 2)/((x + 2)**2 + (y - 1)**2)", ["x > -2"],
                              "proved"),
    "along_the_cut_no_jump": ("diff(atan2(y - 1, x + 2), x)", "-(y - 1)/((x + 2)**2 + (y - 1)**2)",
                              ["(x + 2)**2 + (y - 1)**2 > 0"], "proved"),
}


@pytest.mark.parametrize("name", CUTS)
def test_a_derivative_across_the_cut_of_atan2_does_not_exist(name):
    lhs, rhs, assume, expected = CUTS[name]
    verdict = check_step(claim_step(lhs, "==", rhs, assume), budget=BUDGET)
    assert verdict.kind == expected, (name, verdict.summary())
