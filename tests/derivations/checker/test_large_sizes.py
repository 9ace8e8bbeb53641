"""A claim about every size n that fails only beyond the concrete sizes (which stop at 1000) is refuted
at a large size in closed form, never ``verified`` (``strategies.tail``)."""
import pytest

from derivations.checker.ladder import check_step
from readers.claim import claim_step

BUDGET = 30.0
"""Far above need (each case takes 2-12 s on a quiet machine): only the verdict kind is asserted."""

FAILS_LATE = {
    "harmonic-below-8": ("sum(1/j, j, 1, n)", "<", "8", 1674),
    "basel-below-truncated-limit": ("sum(1/j**2, j, 1, n)", "<", "1.6449", 29000),
    "wallis-above-truncated-limit": ("product(1 - 1/(4*j**2), j, 1, n)", ">", "0.6367", 1986),
}
"""name -> (lhs, rel, rhs, roughly the first failing n: every one beyond the concrete sizes)."""

HOLD = {
    "basel-below-limit": ("sum(1/j**2, j, 1, n)", "<", "pi**2/6"),
    "wallis-above-limit": ("product(1 - 1/(4*j**2), j, 1, n)", ">", "2/pi"),
}


@pytest.mark.parametrize("name", sorted(FAILS_LATE))
def test_a_claim_failing_only_for_large_n_is_refuted_there(name):
    lhs, rel, rhs, first = FAILS_LATE[name]
    verdict = check_step(claim_step(lhs, rel, rhs, ["n=positive_integer"]), budget=BUDGET)
    assert verdict.kind == "refuted", verdict.summary()
    assert int(verdict.counterexample["n"]) >= first > 1000


@pytest.mark.parametrize("name", sorted(HOLD))
def test_the_true_limits_are_not_refuted(name):
    lhs, rel, rhs = HOLD[name]
    verdict = check_step(claim_step(lhs, rel, rhs, ["n=positive_integer"]), budget=BUDGET)
    assert verdict.kind != "refuted", verdict.summary()



@pytest.mark.parametrize("lhs, rel, rhs, assume", [
    ("sum(j, j, 1, n)", ">", "100", ["n=integer", "n >= 13"]),  # 1 + ... + 13 = 91: fails at the bound alone
    ("product(j, j, 1, n)", ">", "10**10", ["n=integer", "n >= 13"]),  # 13! = 6.2e9 (14! = 8.7e10)
])
def test_a_claim_failing_only_at_the_bound_of_its_size_is_refuted(lhs, rel, rhs, assume):
    verdict = check_step(claim_step(lhs, rel, rhs, assume), budget=30.0)
    assert verdict.kind == "refuted", verdict.summary()


def test_a_size_pinned_by_its_bounds_is_tried():
    # H_14 = 3.2516 > 13/4; no fixed size lies in 14 <= n <= 14
    verdict = check_step(claim_step("sum(1/j, j, 1, n)", ">", "13/4", ["n=integer", "n >= 14", "n <= 14"]), budget=30.0)
    assert verdict.kind in ("proved", "verified"), verdict.summary()


def test_a_claim_failing_only_between_the_concrete_sizes_is_refuted():
    # 1 + ... + 15 = 120: the only failing size, between the concrete 12 and 20
    verdict = check_step(claim_step("abs(sum(j, j, 1, n) - 120)", ">=", "1", ["n=positive_integer"]), budget=30.0)
    assert verdict.kind == "refuted" and verdict.counterexample["n"] == "15", verdict.summary()


def test_a_true_claim_is_not_refuted_between_the_concrete_sizes():
    # triangular numbers skip 121 (T_15 = 120, T_16 = 136)
    verdict = check_step(claim_step("abs(sum(j, j, 1, n) - 121)", ">=", "1", ["n=positive_integer"]), budget=30.0)
    assert verdict.kind in ("proved", "verified"), verdict.summary()


NESTED = "sum(sum(1, i, 1, j), j, 1, n)"
r"""$\sum_{j=1}^{n} \sum_{i=1}^{j} 1 = n(n+1)/2$ for $n \ge 0$; for $n \le -2$ the outer range is empty (0) while
the right side is positive.  Its inner bound $j$ is the outer index, not a size."""


def test_a_nested_sum_over_an_empty_outer_range_is_zero_not_karr():
    verdict = check_step(claim_step(NESTED, "=", "n*(n + 1)/2", ["n=integer"]), budget=BUDGET)
    assert verdict.kind == "refuted", verdict.summary()
    assert str(verdict.counterexample["lhs"]) == "0", verdict.counterexample  # the empty outer sum


def test_a_nested_sum_with_an_outer_bound_is_checked_at_its_sizes():
    verdict = check_step(claim_step(NESTED, "=", "n*(n + 1)/2", ["n=nonnegative_integer"]), budget=BUDGET)
    assert verdict.kind in ("proved", "verified"), verdict.summary()


@pytest.mark.parametrize("lhs, rhs, assume, size", [
    ("sum(1/(j*(j + 2)), j, 1, n)", "3/4 - (2*n + 3)/(2*(n + 1)*(n + 2))", ["n=integer", "n >= -1"], -1),
    ("product(j, j, 1, n)", "gamma(n + 1)", ["n=integer", "n >= -3"], None),
])
def test_a_closed_form_with_a_pole_at_a_size_where_the_sum_is_empty_is_refuted_there(lhs, rhs, assume, size):
    """At n = -1 the sum is empty (0) and the right side divides by n + 1 = 0; Gamma(n + 1) has poles at n <= -1
    where the product is empty (1).  sympy writes that side as zoo at the size, which the rung could not
    evaluate (undecided, round 5)."""
    verdict = check_step(claim_step(lhs, "==", rhs, assume), budget=BUDGET)
    assert verdict.kind == "refuted", verdict.summary()
    at = int(verdict.counterexample["at"].split("=")[1])
    assert at < 0 and (size is None or at == size)


def test_the_same_closed_form_from_size_zero_on_is_not_refuted():
    verdict = check_step(claim_step("sum(1/(j*(j + 2)), j, 1, n)", "==", "3/4 - (2*n + 3)/(2*(n + 1)*(n + 2))",
                                    ["n=nonnegative_integer"]), budget=BUDGET)
    assert verdict.kind in ("proved", "verified"), verdict.summary()
