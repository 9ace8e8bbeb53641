"""Careful quadrature (``strategies.quadrature``): closed integral claims sympy cannot do are refuted only when two
quadratures and a grid agree and the claim is off by a clear margin; never on a missed peak, a divergent integral,
an oscillating tail, or a value the notes rounded."""
import mpmath
import pytest
import sympy as sp

from derivations.checker.strategies.quadrature import CLEAR, careful_integral, closed_refutation, rounding_unit
from readers.claim import claim_step

x = sp.Symbol("x", real=True)


def _int(body, a, b):
    return sp.Integral(body, (x, a, b))


@pytest.mark.parametrize("body, a, b, exact", [
    (sp.sin(x) / x, 0, 1, sp.Si(1)),
    (sp.exp(-x ** 3), 0, sp.oo, sp.gamma(sp.Rational(4, 3))),
    (x ** 3 / (sp.exp(x) - 1), 0, sp.oo, sp.pi ** 4 / 15),
    (1 / sp.sqrt(x), 0, 1, 2),  # an integrable singularity at an end
    (sp.log(1 + x) / x, 0, 1, sp.pi ** 2 / 12),
    (sp.exp(-x ** 2), -sp.oo, sp.oo, sp.sqrt(sp.pi)),
])
def test_a_true_closed_integral_is_valued_within_its_bound_and_not_refuted(body, a, b, exact):
    value, bound = careful_integral(_int(body, a, b))
    with mpmath.workdps(30):  # the values carry 30 digits: compare them there
        truth = mpmath.mpf(sp.N(exact, 30)._mpf_)
        assert abs(value - truth) <= max(bound, mpmath.mpf(10) ** -25) * 10, (value, bound)
    assert closed_refutation(_int(body, a, b), exact, "=") is None


@pytest.mark.parametrize("body, a, b, wrong", [
    (sp.sin(x) / x, 0, 1, sp.Rational(17, 20)),
    (sp.exp(-x ** 3), 0, sp.oo, sp.gamma(sp.Rational(1, 3))),
    (x ** 3 / (sp.exp(x) - 1), 0, sp.oo, sp.pi ** 4 / 6),
    (1 / sp.sqrt(x), 0, 1, 3),
])
def test_a_wrong_closed_integral_is_refuted(body, a, b, wrong):
    found = closed_refutation(_int(body, a, b), wrong, "=")
    assert found is not None and float(found["bound"]) < 1e-6


def test_nothing_is_refuted_where_quadrature_cannot_be_trusted():
    # a narrow peak far out on an infinite range: every fixed rule steps over it (the true value is sqrt(pi)/10)
    assert closed_refutation(_int(sp.exp(-100 * (x - 500) ** 2), 0, sp.oo), 0, "=") is None
    # divergent: 1/x at 0, a pole inside; an oscillating tail that quadrature does not converge on
    assert closed_refutation(_int(1 / x, 0, 1), 5, "=") is None
    assert closed_refutation(_int(1 / (x - sp.Rational(1, 2)), 0, 1), 5, "=") is None
    assert closed_refutation(_int(sp.sin(x) / x, 0, sp.oo), 1, "=") is None
    # free symbols: a sampled parameter can move a peak anywhere
    a = sp.Symbol("a", positive=True)
    assert closed_refutation(sp.Integral(sp.exp(-a * x ** 2), (x, 0, 1)), 5, "=") is None


def test_a_rounded_value_is_not_refuted_by_its_rounding_but_a_clear_miss_is():
    si1 = _int(sp.sin(x) / x, 0, 1)  # 0.946083...
    assert closed_refutation(si1, sp.Rational("0.9461"), "=") is None  # rounded to 4 places
    assert closed_refutation(si1, sp.Rational("0.9"), "=") is None  # 0.946 to one place is 0.9
    assert closed_refutation(si1, sp.Rational("0.8"), "=") is not None  # more than one unit off
    # an inequality with a decimal bound is exact: 0.946 < 0.9 fails
    assert closed_refutation(si1, sp.Rational("0.9"), "<") is not None
    assert closed_refutation(si1, sp.Rational("0.95"), "<") is None
    assert rounding_unit(sp.Rational("0.75")) == sp.Rational(1, 100) and rounding_unit(sp.Rational(1, 3)) == 0


def test_a_difference_below_the_clear_margin_is_not_refuted():
    si1 = _int(sp.sin(x) / x, 0, 1)
    near = sp.N(sp.Si(1), 30) * (1 + sp.Rational(1, 10) * sp.Float(str(CLEAR), 30))  # off by a tenth of CLEAR
    assert closed_refutation(si1, sp.nsimplify(near, rational=True), "=") is None


# ** integral claims with parameters: refuted at a sampled point where careful quadrature and sympy's exact
#    integral agree (strategies.numeric._integrated_at) **

def test_a_wrong_mean_of_an_exponential_law_with_a_free_rate_is_refuted_at_a_point_of_its_domain():
    from derivations.checker.ladder import check_step
    from derivations.checker.step import Step
    from symbolic.domains import Positive

    lam = sp.Symbol("lambda", real=True)
    mean = sp.Integral(x * lam * sp.exp(-lam * x), (x, 0, sp.oo))
    domains = {lam: Positive()}
    wrong = check_step(Step(mean, 1 / lam ** 2, "=", domains=domains), budget=20.0)
    assert wrong.kind == "refuted", wrong
    at = float(sp.Rational(wrong.counterexample["lambda"]))
    assert at > 0  # inside the stated domain
    assert abs(1 / at - 1 / at ** 2) > 1e-6  # the true mean 1/lambda differs from the claim there
    right = check_step(Step(mean, 1 / lam, "=", domains=domains), budget=20.0)
    assert right.kind != "refuted", right


@pytest.mark.parametrize("body", ["exp(x)", "abs(x)"])
def test_an_integral_over_reversed_bounds_is_sampled_and_refuted(body):
    r"""$\int_a^b f \ge 0$ for $f \ge 0$ fails where $b < a$.  The first twenty edge points put $a = b$, where every
    integral is 0, and the rung takes only twenty points of an integral claim: it verified this (round 5)."""
    from derivations.checker.strategies.numeric import NumericTest

    verdict = NumericTest()(claim_step(f"integrate({body}, (x, a, b))", ">=", "0", []), 60.0)
    assert verdict.kind == "refuted", verdict
    assert float(verdict.counterexample["b"]) < float(verdict.counterexample["a"])


def test_the_few_points_of_an_integral_claim_are_not_all_on_the_diagonal():
    import itertools

    import numpy as np

    from derivations.checker.strategies.instances import instances
    from derivations.checker.strategies.numeric import QUADRATURE_POINTS
    from derivations.checker.strategies.sampling import alternating_points

    (inst,), _ = instances(claim_step("integrate(x, (x, a, b))", ">=", "0", []))
    points = list(itertools.islice(alternating_points(inst.groups, np.random.default_rng(0)), QUADRATURE_POINTS))
    a, b = sorted(inst.symbols, key=str)
    assert any(p[a] > p[b] for p in points) and any(p[a] < p[b] for p in points)


@pytest.mark.parametrize("lhs, rhs, truth", [
    ("integrate(sign(x), (x, a, b))", "abs(b) - abs(a)", True),   # tanh-sinh loses digits across the kink at 0
    ("integrate(x**c, (x, 0, 1))", "1/(c + 1)", True),           # and at the singular end for c near -1
    ("integrate(sign(x), (x, a, b))", "abs(b) + abs(a)", False),
])
def test_a_point_where_quadrature_disagrees_counts_when_sympy_integrates_it_exactly(lhs, rhs, truth):
    from derivations.checker.strategies.numeric import NumericTest

    assume = ["c > -1"] if "c" in lhs else []
    verdict = NumericTest()(claim_step(lhs, "==", rhs, assume), 60.0)
    assert verdict.kind == ("verified" if truth else "refuted"), verdict
