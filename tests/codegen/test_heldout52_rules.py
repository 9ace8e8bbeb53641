"""The rule widened for held-out round twenty-six (heldout52), on members of its class other than the formula that
showed it, against mpmath written by hand (700 digits): where the form the rules gave before loses every digit, the
new form is within ``REL_TOL``."""
import pytest
import sympy as sp

from codegen.define_search import WITH_COSTLY
from codegen.rules import stabilize
from tests.codegen.scalar_evaluation import float64_at, mpmath_at

REL_TOL = 1e-13
"""A few dozen roundings of O(1) terms (a log1p and an exp of an argument below 700, relative 1e-16 each)."""

s, L, a, b, q, x, k, u, v = sp.symbols("s L a b q x k u v", real=True)

# ** power_expm1: a 1 beside a Piecewise whose branch is -e^w (power_log1p's form of -(1 - s)^q) **

BRANCH_CASES = [
    # a blend written out by hand, other letters: u (1 - x)^k + v (1 - (1 - x)^k) at x = 1e-300, k = 1e300
    (u * (1 - x) ** k + v * (1 - (1 - x) ** k), (x, k, u, v), (1e-300, 1e300, 0.88, 1.41)),
    # a schedule between a and b, as lerp_weights writes a(1 - P) + b P with P = (1 - s/L)^q in power_log1p's branch:
    # at a tiny b, 1 - P of about 5e-300 cancelled to 0 beside b P of 1e-300
    (a + (b - a) * (1 - s / L) ** q, (s, L, a, b, q), (1e-300, 0.75, 1.81, 1e-300, 1.98)),
]


@pytest.mark.parametrize("expr, args, values", BRANCH_CASES)
def test_power_expm1_reaches_its_partner_inside_a_branch(expr, args, values):
    new, fired = stabilize(expr, WITH_COSTLY)
    assert "power_expm1" in fired
    want = mpmath_at(args, expr, values, 700)
    assert abs(float64_at(args, new, values) - want) <= REL_TOL * abs(want)
    ordinary = (0.3, 1.3, 2.1, 0.4, 1.5)[:len(args)]  # the direct form is safe here
    want = mpmath_at(args, expr, ordinary, 700)
    assert abs(float64_at(args, new, ordinary) - want) <= REL_TOL * abs(want)
