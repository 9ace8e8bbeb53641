"""A claim that fails only on a thin piece of the line (a tent between two kinks, a spike at an
irrational point, a sliver between a kink and an assumption's boundary) is refuted at an exact feature point, never ``verified`` from random samples
(``ties.feature_points``: kinks, midpoints between kinks, zeros of the derivative)."""
import pytest

from derivations.checker.ladder import check_step
from readers.claim import claim_step

BUDGET = 30.0
"""Far above need (each case takes 1-3 s on a quiet machine): only the verdict kind is asserted."""

THIN = {
    "max-sliver-below-boundary": ("Max(x, y)", "==", "x", ["x >= y - 1e-30"]),
    "sqrt-square-sliver": ("sqrt((x - y)**2)", "==", "x - y", ["x + 1e-30 >= y"]),
    "tent-at-pi-equality": ("Max(0, 1 - 10**10*(x - pi)**2)", "==", "0", []),
    "tent-at-pi-inequality": ("Max(0, 1 - 10**10*(x - pi)**2)", "<=", "1/2", []),
    "spike-at-sqrt2": ("1/(1 + 10**20*(x - sqrt(2))**2)", "<=", "1/2", []),
    "abs-notch-at-sqrt3": ("abs(x - sqrt(3)) + abs(x - sqrt(3) - 1e-12)", ">=", "1e-11", []),
}


@pytest.mark.parametrize("name", sorted(THIN))
def test_a_thin_failure_is_found_at_a_feature_point(name):
    lhs, rel, rhs, assume = THIN[name]
    verdict = check_step(claim_step(lhs, rel, rhs, assume), budget=BUDGET)
    assert verdict.kind == "refuted", verdict.summary()


@pytest.mark.parametrize("lhs, rhs, assume", [("Max(x, 1 - x) + Min(x, 1 - x)", "1", []),
                                              ("Max(x, y)", "x", ["x >= y"])])
def test_a_true_piecewise_identity_is_not_refuted_at_its_kinks(lhs, rhs, assume):
    verdict = check_step(claim_step(lhs, "==", rhs, assume), budget=BUDGET)
    assert verdict.kind in ("proved", "verified"), verdict.summary()
