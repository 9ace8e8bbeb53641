r"""Round 10: a derivative read at a point where sympy's closed form of it is 0/0, and a numeric root search that
found nan (strategies.derivative_points, strategies.jumps).

``d/dx |x|^p = p |x|^p sign(x)/|x|`` is 0/0 at x = 0, and the true ``diff(abs(x)**p, x) = p sign(x)|x|^(p-1)``
(p > 1) was refuted there as a domain mismatch; the derivative exists at 0 for p > 1 (0, the limit of both sides)
and not for p = 1 (one-sided limits 1 and -1), nor for ``sqrt(x^2 + x^4) = |x| sqrt(1 + x^2)`` (a kink no |x|
shows).  Each case failed on the code before the fix: the three that the fix decides by their value, and the two that
must stay undefined (their guards) because ``Step.derivatives`` is new."""
import mpmath
import pytest
import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.strategies import jumps
from derivations.checker.strategies.decide import decide
from readers.claim import claim_step

CASES = [
    # (lhs, rhs, assumptions, point, the state of lhs - rhs there)
    ("diff(abs(x)**p, x)", "p*sign(x)*abs(x)**(p - 1)", ["p > 1"], {"p": 2, "x": 0}, "zero"),
    ("diff(sqrt(x**4 + x**6), x)", "x*(2 + 3*x**2)/sqrt(1 + x**2)", [], {"x": 0}, "zero"),
    ("diff(abs(x)**p, x)", "p*sign(x)*abs(x)**(p - 1)", ["p >= 1"], {"p": 1, "x": 0}, "undefined lhs"),
    ("diff(sqrt(x**2 + x**4), x)", "sign(x)*(1 + 2*x**2)/sqrt(1 + x**2)", [], {"x": 0}, "undefined lhs"),
]


@pytest.mark.parametrize("lhs, rhs, assume, point, state", CASES)
def test_a_derivative_is_read_from_its_one_sided_limits_where_its_closed_form_is_0_over_0(lhs, rhs, assume, point,
                                                                                        state):
    step = claim_step(lhs, "=", rhs, assume)
    symbols = {s.name: s for s in step.lhs.free_symbols | step.rhs.free_symbols}
    at = {symbols[name]: sp.nsimplify(value) for name, value in point.items()}
    assert decide(step.lhs, step.rhs, at, derivatives=step.derivatives).state == state


def test_a_root_search_that_finds_nan_finds_no_root():
    # log(floor(x), 2) - 1: findroot from the module's starts ended at nan, which compared False with every bound,
    # and sp.Rational(nan) crashed the numeric rung (floor(log(floor(x), 2)) = floor(log(x, 2)) was an 'error')
    x = sp.Symbol("x", real=True)
    roots = jumps._roots(sp.log(sp.floor(x), 2) - 1, x, busy_clock() + 30)
    assert all(mpmath.isfinite(r) for r in roots)
