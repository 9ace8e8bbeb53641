"""The rules added and widened for held-out rounds twenty-four and twenty-five (heldout51), each on members of its
class other than the formula that showed it (the search's new VJP candidate is tested in ``test_define_check.py``),
against mpmath written by hand (700 digits: terms of 1e300 cancel to O(1)): where the form without the change loses
every digit the new form is within ``REL_TOL``."""
import pytest
import sympy as sp

from codegen.define_search import WITH_COSTLY
from codegen.rules import RULES, stabilize
from tests.codegen.scalar_evaluation import float64_at, mpmath_at

REL_TOL = 1e-13
"""A few dozen roundings of O(1) terms (logs of size up to 700 folded into one branch, relative 1e-16 each)."""


def _close(got, want) -> bool:
    return abs(got - want) <= REL_TOL * abs(want)


def _assert_rescues(expr, args, values, rules, name, ordinary, lost=1e-3):
    """``name`` fires on ``expr``; at ``values`` the form without it is off by more than ``lost`` (relative), the form
    with it within :data:`REL_TOL` of mpmath; at ``ordinary`` values the new form is within REL_TOL too."""
    new, fired = stabilize(expr, rules)
    assert name in fired
    want = mpmath_at(args, expr, values, 700)
    without, _ = stabilize(expr, tuple(r for r in rules if r.name != name))
    assert not abs(float64_at(args, without, values) - want) <= lost * abs(want)
    assert _close(float64_at(args, new, values), want)
    assert _close(float64_at(args, new, ordinary), mpmath_at(args, expr, ordinary, 700))


# ** radicand_beside_root: a sum of squares beside its own root, scaled by the root's scale **

x, y, z, c, u, v, w = sp.symbols("x y z c u v w", real=True)
BESIDE_CASES = [
    # the capsule squash's form with two scalar squares at x = 1e300: A overflows, inf/inf, truth about 1
    (x * sp.sqrt(x ** 2 + y ** 2) / (1 + x ** 2 + y ** 2), (x, y), (1e300, 2.0)),
    # a weight on a square, other letters: w sqrt(A)/(3 + A) at u = 1e200, truth 1e-200
    (w * sp.sqrt(u ** 2 + 4 * v ** 2) / (3 + u ** 2 + 4 * v ** 2), (u, v, w), (1e200, -0.5, 2.0)),
    # a symbol in the sum beside the squares: z sqrt(A)/(c + A) at x = y = 1e250
    (z * sp.sqrt(x ** 2 + y ** 2) / (c + x ** 2 + y ** 2), (x, y, z, c), (1e250, -1e250, 3.0, 2.0)),
]


@pytest.mark.parametrize("expr, args, values", BESIDE_CASES)
def test_radicand_beside_root_scales_the_bare_sum_of_squares(expr, args, values):
    _assert_rescues(expr, args, values, RULES, "radicand_beside_root", (0.7, -1.3, 2.1, 0.4)[:len(args)])


def test_radicand_beside_root_leaves_a_sum_of_squares_without_a_root():
    # 1/(1 + x^2 + y^2) has no root of x^2 + y^2 beside it: the rule has no scale to share
    _, fired = stabilize(x / (1 + x ** 2 + y ** 2), RULES)
    assert "radicand_beside_root" not in fired


# ** log_space_monomial: two factors with a fractional power, and a factor taken into the branches of a Piecewise **

t, D, g, a, b = sp.symbols("t D g a b", real=True)
MONOMIAL_CASES = [
    # the Noam schedule's t w^{-3/2} at t = w = 1e300: w^{3/2} overflows, truth 1e-150
    (t * w ** sp.Rational(-3, 2), (t, w), (1e300, 1e300)),
    # another pair, the fractional power in the numerator: u^{5/2}/v at u = 1e200, v = 1e300 (u^{5/2} overflows)
    (u ** sp.Rational(5, 2) / v, (u, v), (1e200, 1e300)),
    # three factors, one fractional power of a base sympy cannot prove positive: g t^{-3/2} D^{-1/2} at t = 1e300,
    # D = 1e-300 (t^{-3/2} underflows where D^{-1/2} brings it back)
    (g * t ** sp.Rational(-3, 2) / sp.sqrt(D), (t, D, g), (1e300, 1e-300, 0.8)),
    # the Noam schedule's gradient: a factor outside a sum of a Piecewise, taken into its branch
    (g / sp.sqrt(D) * (sp.Piecewise((-t ** sp.Rational(-3, 2) / 2, t > a), (0, True)) + b),
     (t, D, g, a, b), (1e300, 1e-300, 0.8, 2.0, 0.0)),
]


@pytest.mark.parametrize("expr, args, values", MONOMIAL_CASES)
def test_log_space_monomial_takes_fractional_powers(expr, args, values):
    _assert_rescues(expr, args, values, WITH_COSTLY, "log_space_monomial",
                    (1.7, 0.6, 2.3, 0.9, 0.4)[:len(args)])  # ordinary: where the powers are safe as written


# ** heaviside_select: a power of max(p, q) in the branch its step selects is a power of p **

x, eta = sp.symbols("x eta", real=True)
DECIDED_CASES = [
    # the inverse square-root schedule's gradient -eta g sqrt(w) H(t - w) max(t, w)^{-3/2} / 2 at t = eta = 1e300
    (-eta * g * sp.sqrt(w) * sp.Heaviside(t - w, 0) * sp.Max(t, w) ** sp.Rational(-3, 2) / 2, (t, w, eta, g),
     (1e300, 1.5, 1e300, 0.7)),
    # a power of a rectified value: (5/2) k H(x) max(x, 0)^{3/2} at x = 1e250, k = 1e-300 (the power overflows)
    (sp.Rational(5, 2) * a * sp.Heaviside(x, 0) * sp.Max(x, 0) ** sp.Rational(3, 2), (x, a), (1e250, 1e-300)),
    # a minimum, its step the other way round: eta H(c - x) min(x, c)^{-3/2} at x = 1e300, c = 2e300, eta = 1e300
    (eta * sp.Heaviside(c - x, 0) * sp.Min(x, c) ** sp.Rational(-3, 2), (x, c, eta), (1e300, 2e300, 1e300)),
]


@pytest.mark.parametrize("expr, args, values", DECIDED_CASES)
def test_the_selected_branch_decides_its_maximum(expr, args, values):
    new, fired = stabilize(expr, WITH_COSTLY)
    assert "heaviside_select" in fired or "heaviside_select_first" in fired
    assert not new.has(sp.Max, sp.Min)
    want = mpmath_at(args, expr, values, 700)
    assert _close(float64_at(args, new, values), want)
    ordinary = (1.7, 0.6, 2.3, 0.9)[:len(args)]
    assert _close(float64_at(args, new, ordinary), mpmath_at(args, expr, ordinary, 700))
    other = (0.6, 1.7, 2.3, 0.9)[:len(args)]  # the branch not taken (the Max case's first two swap sides)
    assert abs(float64_at(args, new, other) - mpmath_at(args, expr, other, 700)) <= REL_TOL * (
        abs(mpmath_at(args, expr, other, 700)) + 1e-300)


# ** over_large_term before product_before_power: N/(b + u^2 v^2) is divided by the large term before the powers are
# paired into (u v)^2, a form over_large_term does not read **

f_, y_, r, s_ = sp.symbols("f y r s", real=True)
LARGE_TERM_CASES = [
    # the tangent loss's gradient in f: 4 g y (2 atan(f y) - 1)/(1 + f^2 y^2) at y = 1e300 (the square overflows)
    (4 * g * y_ * (2 * sp.atan(f_ * y_) - 1) / (f_ ** 2 * y_ ** 2 + 1), (f_, y_, g), (-0.166, 1e300, 1.0)),
    # other letters: the gradient of atan(r s) in s, k r/(1 + r^2 s^2), at r = 1e300
    (a * r / (1 + r ** 2 * s_ ** 2), (r, s_, a), (1e300, 0.5, 3.0)),
    # a number other than 1 and a weight on the square: c x/(3 + 4 a^2 x^2) at x = 1e250
    (c * x / (3 + 4 * a ** 2 * x ** 2), (x, a, c), (1e250, 2.0, -1.5)),
]


@pytest.mark.parametrize("expr, args, values", LARGE_TERM_CASES)
def test_over_large_term_divides_before_the_powers_are_paired(expr, args, values):
    new, fired = stabilize(expr, WITH_COSTLY)
    assert "over_large_term" in fired
    want = mpmath_at(args, expr, values, 700)
    assert _close(float64_at(args, new, values), want)
    ordinary = (0.7, 1.3, 2.1)
    assert _close(float64_at(args, new, ordinary), mpmath_at(args, expr, ordinary, 700))


# ** weighted_powers_complement: a constant minus powers whose weights add up to it **

p_, q_, al, a2, b2 = sp.symbols("p q alpha a2 b2", real=True)
ALPHA_DIV = (1 - p_ ** al * q_ ** (1 - al) - (1 - p_) ** al * (1 - q_) ** (1 - al)) / (al * (1 - al))
COMPLEMENT_CASES = [
    # the alpha-divergence of two Bernoulli laws at alpha = 1e-300: the powers add up to 1, truth KL(q || p)
    (ALPHA_DIV, (p_, q_, al), (0.71, 0.57, 1e-300)),
    # the same about the other pivot, alpha = 1 - 2^-40: truth KL(p || q), 4 digits left as written
    (ALPHA_DIV, (p_, q_, al), (0.3, 0.6, 1 - 2.0 ** -40)),
    # three categories and other letters: the Chernoff coefficient's complement 1 - sum_k a_k^s b_k^{1-s} at s = 1e-300
    ((1 - a ** s_ * b ** (1 - s_) - a2 ** s_ * b2 ** (1 - s_) - (1 - a - a2) ** s_ * (1 - b - b2) ** (1 - s_)) / s_,
     (a, b, a2, b2, s_), (0.2, 0.5, 0.3, 0.1, 1e-300)),
]


@pytest.mark.parametrize("expr, args, values", COMPLEMENT_CASES)
def test_weighted_powers_complement_keeps_the_difference_from_the_weights(expr, args, values):
    _assert_rescues(expr, args, values, RULES, "weighted_powers_complement", values[:-1] + (1.8,), lost=1e-6)


def test_weighted_powers_complement_asks_the_weights_to_add_up():
    # 1 - p^alpha - q^alpha: the weights at alpha = 0 are 1 and 1, not the constant 1
    _, fired = stabilize(1 - p_ ** al - q_ ** al, RULES)
    assert "weighted_powers_complement" not in fired
