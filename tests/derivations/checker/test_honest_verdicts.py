"""Issue 11: one test per root cause; each failed on the code before the fix."""
import pytest

from derivations.checker.ladder import check_step
from readers.claim import claim_step

BUDGET = 20.0
"""Far above the ~1-5 s these claims take, so that load cannot turn a verdict."""


def verdict(lhs, rel, rhs, *assume):
    return check_step(claim_step(lhs, rel, rhs, assume), budget=BUDGET)


@pytest.mark.parametrize("lhs, rhs", [("1.00000000000000000001", "1"), ("1e-400", "0")])
def test_1_decimal_literals_are_exact(lhs, rhs):
    assert verdict(lhs, "=", rhs).kind == "refuted"


def test_2_an_assumed_complex_symbol_stays_complex():
    v = verdict("sqrt(x**2)", "=", "abs(x)", "x=complex")
    assert v.kind == "refuted" and "x complex" in v.assumptions
    assert not any("x real" in a for a in v.assumptions)


def test_3_empty_ranges_sum_to_zero_on_every_rung():
    assert verdict("sum(1, j, 3, 1)", "=", "0").kind == "proved"
    assert verdict("sum(j, j, 5, 1)", "=", "-9").kind == "refuted"  # Karr's convention would say -9
    assert verdict("product(j, j, 1, 0)", "=", "1").holds
    v = verdict("sum(1, j, m, n)", "=", "n - m + 1", "m=positive", "n=positive")
    assert v.kind == "refuted"
    assert verdict("sum(1, j, m, n)", "=", "n - m + 1", "m=integer", "n=integer", "m <= n + 1").holds


@pytest.mark.parametrize("lhs, rhs, truth", [
    ("limit(abs(x)/x, x, 0)", "1", False), ("limit(exp(1/x), x, 0)", "oo", False),
    ("limit(abs(x)/x, x, 0, '+')", "1", True), ("limit(abs(x)/x, x, 0, '-')", "-1", True),
])
def test_4_limits_are_two_sided_unless_one_side_is_written(lhs, rhs, truth):
    v = verdict(lhs, "=", rhs)
    assert v.holds if truth else v.kind == "refuted"


@pytest.mark.parametrize("assume, truth", [("a >= 0", False), ("a > 0", True)])
def test_4_a_limit_with_a_parameter_sympy_cannot_sign_is_taken_at_the_parameter_s_values(assume, truth):
    """sympy raises "not sure of the sign of a" on x^a log x at 0+ with a symbolic; at a = 0 (inside a >= 0) the
    limit is -oo (round 5: undecided; now refuted there); for a > 0 it is 0 and a = 0 is outside."""
    v = verdict("limit(x**a*log(x), x, 0, '+')", "=", "0", assume)
    assert v.holds if truth else (v.kind == "refuted" and v.counterexample["a"] == "0"), v.summary()


def test_4_a_limit_step_with_a_parameter_is_taken_at_the_parameter_s_values():
    import sympy as sp

    from derivations.checker.step import Step

    x, a = sp.Symbol("x", positive=True), sp.Symbol("a", real=True)
    step = Step(x ** a * sp.log(x), sp.Integer(0), "->", variable=x, point=sp.Integer(0), assumptions=(a >= 0,))
    v = check_step(step, budget=BUDGET)
    assert v.kind == "refuted" and v.counterexample["a"] == "0", v.summary()


@pytest.mark.parametrize("lhs, rel, rhs", [
    ("exp(x)", ">", "1 + x"), ("abs(x)", ">", "0"), ("cos(x)", "<", "1"),
    ("abs(x + y)", "<", "abs(x) + abs(y)"), ("log(1 + x)", "<", "x"), ("sin(x)**2", "<", "1"),
])
def test_5_equality_refutes_a_strict_inequality(lhs, rel, rhs):
    assert verdict(lhs, rel, rhs).kind == "refuted"


@pytest.mark.parametrize("lhs, rhs", [("exp(-1000)", "0"), ("x + exp(-1000)", "x"),
                                      ("sqrt(x**2 + 10**-60)", "abs(x)"), ("log(1 + 1e-30)", "0")])
def test_6_a_tiny_nonzero_difference_refutes(lhs, rhs):
    assert verdict(lhs, "=", rhs).kind == "refuted"


def test_7_precision_grows_with_the_size_of_the_arguments():
    assert verdict("sin(10**300*x + 1)", "=", "sin(10**300*x)", "x=positive").kind == "refuted"


@pytest.mark.parametrize("lhs, rel, rhs, assume, kind", [
    ("x**2", "<=", "10**9", (), "refuted"),
    ("(x**a)**b", "=", "x**(a*b)", (), "refuted"),
    ("log(x*y)", "=", "log(x) + log(y)", (), "refuted"),
    ("log(x*y)", "=", "log(x) + log(y)", ("x=positive", "y=positive"), "proved"),
    ("(x**2 - 1)/(x - 1)", "=", "x + 1", (), "refuted"),
])
def test_8_the_sampler_looks_everywhere_and_a_domain_mismatch_refutes(lhs, rel, rhs, assume, kind):
    assert verdict(lhs, rel, rhs, *assume).kind == kind


def test_8_domain_mismatch_is_named():
    v = verdict("log(x*y)", "=", "log(x) + log(y)")
    assert "domain mismatch" in v.reason


def test_9_many_sizes_are_checked_and_named():
    assert verdict("sum(j, j, 1, n)", "=", "n*(n+1)/2 + (n-2)*(n-3)*(n-5)").kind == "refuted"
    v = verdict("sum(1/j, j, 1, n)", ">", "3", "n=integer", "n >= 11")
    assert v.holds and "11..13" in v.method  # the bound 11 and the two sizes after it (instances.bound_sizes)


def test_refuted_counterexamples_are_short_decimals():
    v = verdict("x", "=", "x + 1e-30*(x**2 + 1)")
    assert v.kind == "refuted"
    assert all(len(str(value)) < 40 for key, value in v.counterexample.items() if key == "x")


def test_a_removable_singularity_behind_a_closed_form_refutes_at_concrete_sizes():
    assert verdict("sum(q**j, j, 0, n)", "=", "(q**(n + 1) - 1)/(q - 1)", "n=integer", "n >= 0").kind == "refuted"
    assert verdict("sum(q**j, j, 0, n)", "=", "(q**(n + 1) - 1)/(q - 1)", "q != 1", "n=integer", "n >= 0").kind \
        == "proved"


@pytest.mark.parametrize("lhs, rhs, kinds", [("diff(x**2*sign(x), x)", "2*abs(x)", ("proved", "undecided")),
                                             ("diff(Heaviside(x), x)", "0", ("refuted", "undecided"))])
def test_a_derivative_holding_a_dirac_delta_is_no_crash(lhs, rhs, kinds):
    r"""$\frac{d}{dx} x^2 \operatorname{sign} x$ is $2x \operatorname{sign} x + 2x^2\delta(x)$ in sympy: no rung may
    crash on evaluating the delta at a point (it was a NameError in the numeric rung), nor call it false (it is
    $2|x|$ everywhere).  $H$ jumps at 0, so $H'(0)$ does not exist: $H' = 0$ fails there, where the rhs is 0
    (``symbolic.kinks``), and is never proved."""
    assert verdict(lhs, "=", rhs).kind in kinds


@pytest.mark.parametrize("bound", ["-1e-30", "-1e-300"])
def test_sides_apart_by_less_than_the_absolute_tolerance_are_decided_exactly(bound):
    r"""At $x = y = -10^{-300}$, $\sqrt{xy} = 10^{-300}$ and $\sqrt x \sqrt y = -10^{-300}$: within the numeric
    tolerance's absolute floor ($10^{-40}$), yet apart relative to their size; it was verified."""
    v = verdict("sqrt(x*y)", "=", "sqrt(x)*sqrt(y)", f"x > {bound}", f"y > {bound}")
    assert v.kind == "refuted", v.summary()


@pytest.mark.parametrize("lhs, rhs, assume, kind", [
    ("sum(x**j, j, 0, oo)", "1/(1 - x)", "-1 <= x < 1", "refuted"),     # x = -1: partial sums 1, 0, 1, ...
    ("sum(x**j, j, 0, oo)", "1/(1 - x)", "-1 < x < 1", "undecided"),   # true: never refuted at its boundary
    ("sum(x**j/2**j, j, 0, oo)", "2/(2 - x)", "-2 <= x < 2", "refuted"),  # x = -2: terms (-1)**j
])
def test_a_series_whose_terms_do_not_tend_to_0_at_an_assumed_value_has_no_value_there(lhs, rhs, assume, kind):
    v = verdict(lhs, "=", rhs, assume)
    assert v.kind == kind if kind == "refuted" else v.kind != "refuted", v.summary()


def test_a_kinked_equation_is_not_verified_when_its_feature_search_was_cut_short(monkeypatch):
    """max(0, 1 - 10^10 (x - pi)^2) = 0 fails only within 1e-5 of pi, where no random sample falls: only the search for
    its kinks finds the failure.  Under load that search ran out of time and the claim came out verified (CI, stop 30);
    a cut-short search of a kinked equation now leaves it undecided.  The cut is simulated: the search records it and
    finds nothing."""
    from derivations.checker.strategies import numeric

    def cut_short(inst, deadline, cut=None):
        if cut is not None:
            cut.append("the feature points")
        return iter(())

    monkeypatch.setattr(numeric, "feature_points", cut_short)
    step = claim_step("Max(0, 1 - 10**10*(x - pi)**2)", "=", "0", [])
    verdict = numeric.NumericTest()(step, 30.0)
    assert verdict is None or verdict.kind in ("undecided", "refuted"), verdict.summary()
    assert verdict is None or verdict.kind != "refuted" or "pi" in str(verdict.counterexample)
