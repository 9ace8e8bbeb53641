"""Wrong verdicts that heldout_round18.jsonl (adversarial round 18 of the step checker, branch adversary40) found, by
class, each with claims unlike the corpus one that revealed it."""
import pytest

from derivations.checker.ladder import check_step
from readers.claim import claim_step

BUDGET = 4.0
"""Seconds per claim: each is decided at the first sampled point or proved symbolically."""

# sympy's closed form of a series can divide by a symbol the summand never divides by (sum_{j >= 1} x^j/j! is
# x (e^x/x - 1/x) as sympy writes it): at x = 0 it is undefined while the series is 0, and a true claim was refuted
# there as a domain mismatch; the closed form is now cancelled where that removes such a division
SERIES = {
    "exp_from_two": ("sum(x**j/gamma(j + 1), j, 2, oo)", "exp(x) - 1 - x"),
    "sinh_odd_terms": ("sum(x**(2*j + 1)/gamma(2*j + 2), j, 0, oo)", "sinh(x)"),
    "scaled_exp_tail": ("sum(3*x**j/gamma(j + 1), j, 1, oo)", "3*exp(x) - 3"),
}


@pytest.mark.parametrize("name", SERIES)
def test_a_series_is_not_refuted_where_only_its_closed_form_divides_by_zero(name):
    lhs, rhs = SERIES[name]
    verdict = check_step(claim_step(lhs, "==", rhs, []), budget=BUDGET)
    assert verdict.kind != "refuted", (name, verdict.summary())


def test_a_series_missing_its_first_term_is_still_refuted():
    verdict = check_step(claim_step("sum(x**j/gamma(j + 1), j, 1, oo)", "==", "exp(x)", []), budget=BUDGET)
    assert verdict.kind == "refuted", verdict.summary()
