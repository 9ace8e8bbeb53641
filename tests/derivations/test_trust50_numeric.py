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
