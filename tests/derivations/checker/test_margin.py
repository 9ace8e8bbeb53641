"""Inequalities that nearly fail between the sampled points (``strategies.margin``).

Random points miss the touching point of a tight inequality; the numeric rung minimizes the relative
margin from the closest sampled point.  The exact tie search (``ties.likely_ties``) is switched off in
some tests to stand for a budget too small for it, which is when the margin search matters.
"""
import pytest

import derivations.checker.strategies.numeric as numeric
from readers.claim import claim_step

BUDGET = 120.0
"""Seconds: far above the ~2 s each case takes, so load cannot turn a verdict."""


def _numeric(lhs, rel, rhs, assume=()):
    return numeric.NumericTest()(claim_step(lhs, rel, rhs, list(assume)), BUDGET)


@pytest.fixture
def no_exact_ties(monkeypatch):
    monkeypatch.setattr(numeric, "likely_ties", lambda inst, deadline, cut=None: iter(()))


@pytest.mark.parametrize("lhs, rel, rhs", [("(cos(x) - x)**2", ">", "0"), ("(x - cos(y))**2 + (y - cos(y))**2", ">", "0")])
def test_a_touching_strict_inequality_is_not_verified(no_exact_ties, lhs, rel, rhs):
    """The touch is at the Dottie number, which no short closed form names: no exact point to refute at."""
    verdict = _numeric(lhs, rel, rhs)
    assert verdict.kind == "undecided" and "meet to within rounding" in verdict.reason, verdict


@pytest.mark.parametrize("lhs, rel, rhs", [
    ("sin(x)**2", "<", "1"),                                 # pi/2
    ("(x - exp(1))**2 + (y - pi)**2", ">", "0"),             # (e, pi)
    ("cos(2*x - 1)", ">", "-1"),                             # (pi + 1)/2
    # r = 0 < 1 <= l at every sampled point: with the denominator max(|l|, |r|, 1) the margin was 1 at all of them,
    # a plateau the search never left (verified); the touch is at (sqrt 2, sqrt 3)
    ("(x**2 - 2)**2 + (y**2 - 3)**2", ">", "0"),
    ("x*y + (x + y)*(1 - x - y)", "<", "1/3"),               # (1/3, 1/3)
])
def test_a_touch_at_a_closed_form_is_refuted_there(no_exact_ties, lhs, rel, rhs):
    verdict = _numeric(lhs, rel, rhs)
    assert verdict.kind == "refuted" and "exactly" in verdict.reason, verdict


@pytest.mark.parametrize("lhs, rel, rhs, assume", [
    ("1/(1+exp(-x))", "<", "1", ()),          # approaches 1 as x -> oo: an edge of the search box
    ("tanh(x)", "<", "1", ()),
    ("sin(x)", "<", "x", ("x > 0",)),          # approaches the excluded point x = 0
    ("log(1+x)", "<", "x", ("x > 0",)),        # rounding noise at x ~ 1e-20 must not read as a failure
    ("sin(x)**2", "<=", "1", ()),              # a touch is fine for a non-strict relation
])
def test_true_inequalities_that_approach_equality_stay_verified(lhs, rel, rhs, assume):
    assert _numeric(lhs, rel, rhs, assume).kind in ("verified", "proved")


def test_a_closed_tight_inequality_is_not_an_error():
    """A closed claim has no coordinates to refine (scipy's minimize raised on the empty start: ``error``)."""
    from derivations.checker.ladder import check_step
    from readers.claim import claim_step

    verdict = check_step(claim_step("gamma(-1 + 1e-20)", "<", "-10**19"), budget=20.0)
    assert verdict.kind in ("proved", "verified"), verdict.summary()
