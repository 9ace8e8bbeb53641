r"""trust51: for $lhs \le rhs$ or $\ge$ between sides without a jump function, a point where $lhs = rhs$ satisfies
the relation and can never refute it, so the exact zeros of $lhs - rhs$ are not solved for (``closed_ties``): the
time goes to the searches that can find a failure (the zeros of the derivative, the kinks).  A strict relation, or a
side with a jump (where a zero sits beside the failing side of a step), still solves for them.

No tolerance: which differences reach ``sympy.solve`` is exact; no verdict here depends on the clock.
"""
import pytest

from derivations.checker.budget import busy_clock
from derivations.checker.strategies import ties
from derivations.checker.strategies.instances import instances
from readers.claim import claim_step


def _solved_differences(monkeypatch, lhs, rel, rhs, assume):
    """The expressions ``likely_ties`` hands to ``_solved_roots`` for the claim, each as ``(expr, symbol)``."""
    seen = []

    def record(expr, x, deadline, cut=None):
        seen.append((expr, x))
        return []

    monkeypatch.setattr(ties, "_solved_roots", record)
    monkeypatch.setattr(ties, "_numeric_roots", lambda *a, **k: [])
    monkeypatch.setattr(ties, "feature_points", lambda *a, **k: iter(()))
    (inst,), _ = instances(claim_step(lhs, rel, rhs, assume))
    list(ties.likely_ties(inst, busy_clock() + 60, []))
    return [expr for expr, _ in seen], inst.lhs - inst.rhs


@pytest.mark.parametrize("lhs, rel, rhs, assume", [
    ("tan(x)", ">=", "x + x**3/3", ["0 <= x < pi/2"]),  # pl-h25-tan-cubic
    ("abs(x*Phi(x) - x*sigmoid(1.702*x))", "<=", "0.0204", []),  # dl-h26-gelu-sig-bound: a kink, no jump
    ("sin(y)/y", ">=", "-0.2172336292", ["y != 0"]),  # cp-h27-sinc-min
    ("x**3 - 3*x", "<=", "x**4 + 5", []),  # a polynomial: no real_roots either (sympy.solve is not reached)
])
def test_a_non_strict_relation_does_not_solve_for_its_own_ties(monkeypatch, lhs, rel, rhs, assume):
    solved, difference = _solved_differences(monkeypatch, lhs, rel, rhs, assume)
    assert difference not in solved and solved == []


@pytest.mark.parametrize("lhs, rel, rhs, assume", [
    ("tan(x)", ">", "x + x**3/3", ["0 <= x < pi/2"]),  # strict: the tie at 0 is the counterexample
    ("sin(y)/y", "<", "1", ["y != 0"]),
    ("Heaviside(x - 1)*exp(x)", "<=", "exp(x) - 1", []),  # a jump: a zero may sit beside the step's failing side
    ("sign(cos(t))", ">=", "cos(t)", []),
])
def test_a_strict_relation_or_a_jump_still_solves(monkeypatch, lhs, rel, rhs, assume):
    solved, difference = _solved_differences(monkeypatch, lhs, rel, rhs, assume)
    assert difference in solved


# --- the reflection formulas of the gamma family, and sums of 1/(j + c)^k as polygammas (``zero.ZERO_TESTS``) ------

from derivations.checker.strategies.zero import CHEAP, reduce_to_zero  # noqa: E402

REFLECTIONS = [
    ("polygamma(1, x) + polygamma(1, 1 - x)", "pi**2/sin(pi*x)**2", ["0 < x < 1"]),  # sf-h27-trigamma-refl
    ("beta(x + 1, 1 - x)", "pi*x/sin(pi*x)", ["0 < x < 1"]),  # sf-h27-beta-refl-shift
    ("digamma(x + 1) - digamma(1 - x)", "1/x - pi*cos(pi*x)/sin(pi*x)", ["0 < x < 1"]),  # sf-h27-psi-refl-shift
    ("polygamma(2, 1 - t) - polygamma(2, t)", "2*pi**3*cos(pi*t)/sin(pi*t)**3", ["0 < t < 1"]),  # a higher order
    ("gamma(1/2 + s)*gamma(1/2 - s)", "pi/cos(pi*s)", ["-1/2 < s < 1/2"]),
]


@pytest.mark.parametrize("lhs, rhs, assume", REFLECTIONS)
def test_a_reflection_reduces_to_zero(lhs, rhs, assume):
    step = claim_step(lhs, "==", rhs, assume)
    assert reduce_to_zero(step.lhs - step.rhs, CHEAP) == "reflection"


@pytest.mark.parametrize("lhs, rhs, assume", [
    ("polygamma(1, x + 1) + polygamma(1, 1 - x)", "pi**2/sin(pi*x)**2", ["0 < x < 1"]),  # the shift's -1/x^2 missing
    ("beta(x + 1, 1 - x)", "pi/sin(pi*x)", ["0 < x < 1"]),  # the factor x missing
    ("digamma(x + 1) - digamma(1 - x)", "1/x + pi*cos(pi*x)/sin(pi*x)", ["0 < x < 1"]),  # the cotangent's sign
])
def test_a_wrong_reflection_does_not_reduce_to_zero(lhs, rhs, assume):
    step = claim_step(lhs, "==", rhs, assume)
    assert reduce_to_zero(step.lhs - step.rhs, CHEAP) is None


# a sum of 1/(j + c)^k with symbolic bounds becomes polygammas before ``doit`` (``sum_polygamma``, used by the
# symbolic rung's proof at symbolic sizes): doit left the first unevaluated and wrote the others with lerchphi

from derivations.checker.strategies.symbolic import _prove_for_all_sizes  # noqa: E402

SUMS = [
    ("sum(1/(j + x)**2, j, 0, n - 1)", "polygamma(1, x) - polygamma(1, x + n)", ["x=positive", "n=positive_integer"]),
    ("digamma(x + n)", "digamma(x) + sum(1/(x + j), j, 0, n - 1)", ["x=positive", "n=positive_integer"]),  # sf-h16
    ("sum(1/(y + k), k, 1, m)", "digamma(y + m + 1) - digamma(y + 1)", ["y=positive", "m=positive_integer"]),
]


@pytest.mark.parametrize("lhs, rhs, assume", SUMS)
def test_a_sum_of_shifted_powers_is_proved_through_polygammas(lhs, rhs, assume):
    verdict = _prove_for_all_sizes(claim_step(lhs, "==", rhs, assume))
    assert verdict is not None and verdict.kind == "proved"


@pytest.mark.parametrize("lhs, rhs, assume", [
    ("sum(1/(j + x)**2, j, 0, n)", "polygamma(1, x) - polygamma(1, x + n)", ["x=positive", "n=positive_integer"]),
    ("digamma(x + n)", "digamma(x) + sum(1/(x + j), j, 1, n)", ["x=positive", "n=positive_integer"]),  # off by one
])
def test_a_wrong_or_unguarded_sum_is_not_proved(lhs, rhs, assume):
    assert _prove_for_all_sizes(claim_step(lhs, "==", rhs, assume)) is None


def test_the_pole_guard_leaves_a_sum_reaching_a_pole_as_it_is():
    """With no sign for x, psi'(x) is a pole at x = -2 where the sum is defined (1/4 at n = 1): no rewrite."""
    import sympy as sp
    from derivations.checker.strategies.sum_polygamma import sums_as_polygammas
    j, x = sp.Symbol("j", integer=True), sp.Symbol("x")
    n = sp.Symbol("n", integer=True, positive=True)
    unguarded = sp.Sum(1 / (j + x) ** 2, (j, 0, n - 1))
    assert sums_as_polygammas(unguarded) is unguarded


def test_a_sum_whose_bounds_need_not_be_an_integer_apart_is_left_as_it_is():
    """With a real t > 0, sum_{j=0}^{t-1} 1/(x + j) is not psi(x + t) - psi(x) (t = 1/2: no term against 0.6137...)."""
    import sympy as sp
    from derivations.checker.strategies.sum_polygamma import sums_as_polygammas
    j, x, t = sp.Symbol("j", integer=True), sp.Symbol("x", positive=True), sp.Symbol("t", positive=True)
    real_bound = sp.Sum(1 / (x + j), (j, 0, t - 1))
    assert sums_as_polygammas(real_bound) is real_bound
