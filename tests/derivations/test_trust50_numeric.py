r"""trust50: the shift recurrences of the polygamma and gamma family are proved by ``expand_func`` (``zero.ZERO_TESTS``):
$\psi^{(m)}(x + k) = \psi^{(m)}(x) + \sum_{j<k} (-1)^m m!/(x + j)^{m+1}$, $\Gamma(x + k) = x (x + 1) \cdots \Gamma(x)$.
Before, no reduction took them to zero and the samples timed out (sympy builds $\psi'(p/q)$ at a rational of a few
thousand as an exact sum of as many terms).  A recurrence with a wrong sign or term is not proved, and one claimed
where a side has a pole as written (no assumption) is still refuted there.

No tolerance: the verdicts and the reductions are exact.
"""
import pytest
import sympy as sp

from derivations.checker.ladder import check_step
from derivations.checker.strategies.zero import CHEAP, _shifts_expanded, reduce_to_zero
from readers.claim import claim_step

SHIFTS = [
    ("polygamma(1, x + 1)", "polygamma(1, x) - 1/x**2", ["x=positive"]),  # sf-h25-trigamma-rec
    ("digamma(x + 1)", "digamma(x) + 1/x", ["x=positive"]),  # sf-digamma-rec
    ("diff(digamma(x + 1), x)", "diff(digamma(x), x) - 1/x**2", ["x=positive"]),  # sf-h12-trigamma-rec
    ("digamma(y + 2)", "digamma(y) + 1/y + 1/(y + 1)", ["y > 0"]),  # two steps, another letter
    ("polygamma(2, t + 1)", "polygamma(2, t) + 2/t**3", ["t=positive"]),  # a higher order
    ("digamma(1 - x)", "digamma(-x) - 1/x", ["x < 0"]),  # the shift written the other way round
    ("gamma(z + 3)", "z*(z + 1)*(z + 2)*gamma(z)", ["z > 0"]),
]


@pytest.mark.parametrize("lhs, rhs, assume", SHIFTS)
def test_a_shift_recurrence_reduces_to_zero(lhs, rhs, assume):
    step = claim_step(lhs, "==", rhs, assume)
    assert reduce_to_zero(step.lhs - step.rhs, CHEAP) == "expand_func"


@pytest.mark.parametrize("lhs, rhs, assume", [
    ("polygamma(1, x + 1)", "polygamma(1, x) + 1/x**2", ["x=positive"]),  # the sign of the term
    ("digamma(y + 2)", "digamma(y) + 1/y + 1/(y + 2)", ["y > 0"]),  # the wrong second term
    ("gamma(z + 3)", "z*(z + 1)*gamma(z)", ["z > 0"]),  # a factor missing
])
def test_a_wrong_recurrence_does_not_reduce_to_zero(lhs, rhs, assume):
    step = claim_step(lhs, "==", rhs, assume)
    assert reduce_to_zero(step.lhs - step.rhs, CHEAP) is None


@pytest.mark.parametrize("lhs, rhs", [
    ("digamma(x + 1)", "digamma(x) + 1/x"),  # at x = 0 the rhs has a pole, psi(1) does not
    ("gamma(u + 3)", "u*(u + 1)*(u + 2)*gamma(u)"),  # at u = 0: Gamma(3) = 2 against 0 * Gamma(0)
])
def test_a_recurrence_without_its_domain_is_refuted_at_a_written_pole(lhs, rhs):
    assert check_step(claim_step(lhs, "==", rhs, []), budget=5).kind == "refuted"


def test_a_difference_without_the_gamma_family_is_left_as_it_was():
    x = sp.Symbol("x", positive=True)
    d = sp.log(x + 1) - sp.exp(x) / (x + 2)
    assert _shifts_expanded(d) is d


# --- a claim at a step of Heaviside is decided only when every convention for H(0) decides it alike ------------------

from derivations.checker.strategies.decide import exact_point  # noqa: E402
from derivations.checker.strategies.instances import instances  # noqa: E402
from derivations.checker.strategies.numeric import NumericTest, Tally  # noqa: E402


def _instance(lhs, rel, rhs, assume=()):
    insts, _ = instances(claim_step(lhs, rel, rhs, list(assume)))
    return insts[0]


def _at(inst, **point):
    by_name = {s.name: s for s in inst.symbols}
    return {by_name[k]: sp.Rational(v) for k, v in point.items()}


@pytest.mark.parametrize("lhs, rel, rhs, point", [
    ("Heaviside(x)**2", "==", "Heaviside(x)", {"x": "0"}),  # holds for H(0) = 0 or 1, fails for 1/2
    ("Heaviside(t)*Heaviside(-t)", "==", "0", {"t": "0"}),  # holds for H(0) = 0 only
    ("Heaviside(y - 1)**3", "<", "Heaviside(y - 1)", {"y": "1"}),  # another letter, a shifted step, strict
    ("Heaviside(u) + Heaviside(-u)", "==", "1", {"u": "0"}),  # holds for H(0) = 1/2 only
    ("Heaviside(a)", ">=", "1/2", {"a": "0"}),  # fails for H(0) = 0
])
def test_a_step_where_the_convention_for_h0_decides_is_no_decision(lhs, rel, rhs, point):
    inst = _instance(lhs, rel, rhs)
    conventions = []
    assert NumericTest().decide_at(inst, _at(inst, **point), conventions=conventions) is None
    assert len(conventions) == 1


@pytest.mark.parametrize("lhs, rel, rhs, point, refutes", [
    ("x*Heaviside(x)", "==", "Max(x, 0)", {"x": "0"}, False),  # 0 whatever H(0) is
    ("Heaviside(x)*(1 - Heaviside(x))", "<=", "1/4", {"x": "0"}, False),  # t(1 - t) <= 1/4 for every t
    ("Heaviside(x)", "==", "2", {"x": "0"}, True),  # fails for every H(0) in [0, 1]
    ("Heaviside(x)*Heaviside(y)", "==", "Heaviside(x*y)", {"x": "-1", "y": "-1"}, True),  # not at a step
])
def test_a_point_every_convention_decides_alike_is_decided(lhs, rel, rhs, point, refutes):
    inst = _instance(lhs, rel, rhs)
    conventions = []
    verdict = NumericTest().decide_at(inst, _at(inst, **point), conventions=conventions)
    assert conventions == [] and (verdict is not None and verdict.kind == "refuted") is refutes


def test_a_claim_true_under_one_convention_only_is_undecided():
    verdict = check_step(claim_step("Heaviside(v) + Heaviside(-v)", "==", "1", []), budget=5)
    assert verdict.kind == "undecided" and "H(0)" in verdict.reason  # was verified (true for H(0) = 1/2 only)


def test_a_counterexample_is_not_shortened_onto_a_step_of_heaviside():
    # refuted at (-2, -2) and shortened to (0, 0), where H(0)^2 = H(0) holds for H(0) = 0 or 1
    verdict = check_step(claim_step("Heaviside(p)*Heaviside(q)", "==", "Heaviside(p*q)", []), budget=5)
    assert verdict.kind == "refuted"
    assert sp.Rational(verdict.counterexample["p"]) * sp.Rational(verdict.counterexample["q"]) != 0


def test_a_stated_value_of_h0_is_kept():
    # the library's rules write Heaviside(u, 0) (codegen's H(0) = 0): a stated convention is not varied
    from derivations.checker.strategies.heaviside_convention import at_a_step, with_value_at_zero
    x = sp.Symbol("x", real=True)
    assert with_value_at_zero(sp.Heaviside(x, 0) + sp.Heaviside(x), 1) == sp.Heaviside(x, 0) + sp.Heaviside(x, 1)
    assert not at_a_step((sp.Heaviside(x, 0) * x,), {x: sp.Integer(0)})
    assert at_a_step((sp.Heaviside(x) * x,), {x: sp.Integer(0)})
