"""The rules widened for held-out round twenty-three (heldout49), each on members of its class other than the formula
that showed it, against mpmath written by hand (at 700 digits: $\\tau - \\frac12$ at $\\tau = 10^{-300}$ needs 600):
where the form as written loses every digit the stabilized form is within ``REL_TOL``."""
import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.rules import COSTLY_RULES, RULES, stabilize
from tests.codegen.scalar_evaluation import float64_at, mpmath_at

REL_TOL = 1e-13
"""A few dozen roundings of O(1) terms (one quotient, one scaled root, one sum)."""


def _value(args, expr, values):
    return float64_at(args, expr, values)


def _truth(args, expr, values):
    return mpmath_at(args, expr, values, 700)


u, x, k = sp.symbols("u x k", real=True)
tau, e, b = sp.symbols("tau epsilon b", positive=True)

# ** root_cancel: the cancelling term inside a product, and a radicand of two squares **

ROOT_CASES = [
    # the smoothed pinball loss at u = 1e300, tau = 1e-300: (tau - 1/2) u rounds to -u/2, truth tau u = 1
    ((tau - sp.Rational(1, 2)) * u + sp.sqrt(u ** 2 + e ** 2) / 2, (u, tau, e), (1e300, 1e-300, 1.0)),
    # the other side, other letters: (k + 1) x + sqrt(x^2 + b^2) at x = -1e300, k = 1e-300 (truth k x = -1)
    ((k + 1) * x + sp.sqrt(x ** 2 + b ** 2), (x, k, b), (-1e300, 1e-300, 2.0)),
]


@pytest.mark.parametrize("expr, args, values", ROOT_CASES)
def test_root_cancel_finds_the_term_inside_a_product(expr, args, values):
    new, fired = stabilize(expr, RULES)
    assert "root_cancel" in fired
    want = _truth(args, expr, values)
    assert not abs(_value(args, expr, values) - want) <= 1e-3 * abs(want)  # every digit lost as written
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    for ordinary in ((1.7, 0.3, 0.6), (-2.2, 0.9, 1.3), (0.0, 0.4, 1e-300)):  # and where nothing cancels: u = 0, tiny b
        assert abs(_value(args, new, ordinary) - _truth(args, expr, ordinary)) <= REL_TOL * abs(_truth(args, expr, ordinary))


# ** abs_pair: a magnitude and its signed value meet before the other terms **

kappa, c = sp.symbols("kappa c", real=True)
ABS_CASES = [
    # the von Mises NLL's log I_0(kappa) - kappa at kappa = 1e300 (truth -log(2 pi kappa)/2 + log 2 pi, about -344)
    (sp.log(2 * sp.pi) + sp.log(sp.besseli(0, kappa)) - kappa, (kappa,), (1e300,)),
    # the other sign and a weight: 3 (log I_0(c) - c) at c = -1e250, written with the weight outside
    (3 * (sp.log(sp.besseli(0, c)) + c), (c,), (-1e250,)),
    # the argument a product, the pair written apart: log I_0(2c) - 2c + 1 at c = 1e200
    (sp.log(sp.besseli(0, 2 * c)) + 1 - 2 * c, (c,), (1e200,)),
]


def _truth_i0(args, expr, values):
    """mpmath's besseli at 1e300 is out of reach: log I_0(z) = |z| + log i0e(z), and log i0e(z) = -log(2 pi |z|)/2 up
    to 1/(8|z|) at |z| >= 1e200 (the asymptotic series), far below one ulp; the log replaced by that value."""
    with mpmath.workdps(700):
        (bessel,) = expr.atoms(sp.besseli)
        z = sp.lambdify(args, bessel.args[1], modules="mpmath")(mpmath.mpf(values[0]))
        big = mpmath.fabs(z) - mpmath.log(2 * mpmath.pi * mpmath.fabs(z)) / 2
        held = sp.Dummy("L")
        rest = sp.lambdify((*args, held), expr.subs(sp.log(bessel), held), modules="mpmath")
        return float(rest(mpmath.mpf(values[0]), big))


@pytest.mark.parametrize("expr, args, values", ABS_CASES)
def test_abs_pair_lets_the_magnitude_meet_its_value(expr, args, values):
    new, fired = stabilize(expr, RULES)
    assert "abs_pair" in fired
    without, _ = stabilize(expr, tuple(rule for rule in RULES if rule.name != "abs_pair"))
    want = _truth_i0(args, expr, values) if expr.has(sp.besseli) else _truth(args, expr, values)
    assert not abs(_value(args, without, values) - want) <= 1e-3 * abs(want)
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)


# ** log_exp_plus_exp_sum: a log of one exponential beside a sum of them (after log_of_exp_quotient) **

j, n = sp.symbols("j n", integer=True)
s_ = sp.IndexedBase("s")
LSE_CASES = [
    # InfoNCE at a = 1e300, tau = 1e-300: every exponential overflows (truth max_j s_j/tau - a/tau ~ -1e600: out of
    # range; here the positive a the largest, truth log1p(sum_j e^{(s_j - a)/tau}) ~ e^{-1e299}: 0 exactly)
    (-sp.log(sp.exp(kappa / tau) / (sp.exp(kappa / tau) + sp.Sum(sp.exp(s_[j] / tau), (j, 0, n - 1)))),
     (kappa, tau), (1.0, 1e-300), [0.9999999999999, 0.5, -3.0]),
    # other letters, a weight on the lone exponential and a negative pair: log(2 e^{c} + sum_j e^{s_j}) at c = 800,
    # s = (800, 1), truth 800 + log 3
    (sp.log(2 * sp.exp(c) + sp.Sum(sp.exp(s_[j]), (j, 0, n - 1))), (c,), (800.0,), [800.0, 1.0]),
]


@pytest.mark.parametrize("expr, args, values, entries", LSE_CASES)
def test_log_exp_plus_exp_sum_never_forms_the_exponentials(expr, args, values, entries):
    new, fired = stabilize(expr, RULES)
    assert "log_exp_plus_exp_sum" in fired
    fill = {n: len(entries)}
    with mpmath.workdps(700):
        exact = sp.lambdify((*args, s_), expr.subs(fill).doit(), modules="mpmath")(
            *[mpmath.mpf(v) for v in values], [mpmath.mpf(v) for v in entries])
    want = float(exact)
    got = []
    for form in (expr, new):  # as written, every exponential overflows
        with np.errstate(all="ignore"):
            fn = sp.lambdify((*args, s_), form.subs(fill).doit(), modules=["scipy", "numpy"])
            got.append(float(fn(*[np.float64(v) for v in values], np.array(entries))))
    assert not abs(got[0] - want) <= 1e-3 * abs(want) + 1e-300
    assert abs(got[1] - want) <= REL_TOL * abs(want) + 1e-300


# ** scale_over_even_argument: k f(a/k) where (a/k)^2 underflows **

EVEN_CASES = [
    # the scaled log-cosh loss at c = 1e300, residual 1: truth 1/(2c) = 5e-301
    (k * sp.log(sp.cosh(x / k)), (x, k), (1.0, 1e300)),
    # another even function and the scale squared outside: c^2 (1 - cos(x/c)) at c = 1e200 (truth x^2/2 = 0.5)
    (c ** 2 * (1 - sp.cos(x / c)), (x, c), (1.0, 1e200)),
    # cosh - 1 with a weight: 3 k (cosh(x/k) - 1) at k = 1e300, x = -2 (truth 6e-300)
    (3 * k * (sp.cosh(x / k) - 1), (x, k), (-2.0, 1e300)),
]


@pytest.mark.parametrize("expr, args, values", EVEN_CASES)
def test_scale_over_even_argument_keeps_the_square_in_range(expr, args, values):
    new, fired = stabilize(expr, RULES)
    assert "scale_over_even_argument" in fired
    without, _ = stabilize(expr, tuple(rule for rule in RULES if rule.name != "scale_over_even_argument"))
    want = _truth(args, expr, values)
    assert not abs(_value(args, without, values) - want) <= 1e-3 * abs(want)
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    ordinary = (1.5, 0.7)  # |u| > 1e-8: the form as written (the other rules')
    assert abs(_value(args, new, ordinary) - _truth(args, expr, ordinary)) <= REL_TOL * abs(_truth(args, expr, ordinary))


def test_scale_over_even_argument_holds_the_quotient():
    """At x = 1e200, k = 1e300 the branch is taken (u = 1e-100) and (k u)^2 = 1e400 would overflow: the quotient is held
    and multiplied last (truth x^2/(2k) = 5e99)."""
    new, _ = stabilize(k * sp.log(sp.cosh(x / k)), RULES)
    want = _truth((x, k), k * sp.log(sp.cosh(x / k)), (1e200, 1e300))
    assert abs(_value((x, k), new, (1e200, 1e300)) - want) <= REL_TOL * abs(want)


# ** log_space_monomial: a scale distributed into a sum whose other terms are no monomials **

mu_, sig = sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
DISTRIBUTE_CASES = [
    # the Tobit log-likelihood's observed part at y = 1e300, delta = 1e-300 (truth about -2.4e299)
    (k * (-sp.log(sig) - (x - mu_) ** 2 / (2 * sig ** 2)), (x, mu_, k, sig), (1e300, 1.19, 1e-300, 1.43)),
    # other letters and a log of the square's own factor beside it: w (log|x| + 3 (x - m)^2 / s^2) at x = 1e250
    (c * (sp.log(sp.Abs(x)) + 3 * (x - mu_) ** 2 / sig ** 2), (x, mu_, c, sig), (1e250, -2.0, 1e-250, 0.5)),
]


@pytest.mark.parametrize("expr, args, values", DISTRIBUTE_CASES)
def test_log_space_monomial_reaches_into_a_sum_with_other_terms(expr, args, values):
    rules = tuple(sorted(RULES + COSTLY_RULES, key=lambda r: r.priority))
    new, fired = stabilize(expr, rules)
    assert "log_space_monomial" in fired
    want = _truth(args, expr, values)
    assert not abs(_value(args, expr, values) - want) <= 1e-3 * abs(want)
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    ordinary = (1.7, 0.3, 0.6, 1.3)
    assert abs(_value(args, new, ordinary) - _truth(args, expr, ordinary)) <= REL_TOL * abs(_truth(args, expr, ordinary))


# ** exp_over_exp_offset: a softmax weight whose denominator holds one more exponential **

i_ = sp.Symbol("i", integer=True)
OFFSET_CASES = [
    # the InfoNCE gradient of a negative at tau = 1e-300: p_0 = 1, truth g/tau = 1e300
    (sp.exp(s_[i_] / tau) / (tau * (sp.exp(kappa / tau) + sp.Sum(sp.exp(s_[j] / tau), (j, 0, n - 1)))),
     (kappa, tau), (-2.3, 1e-300), [1.015, -2.96, -1.9, -0.47]),
    # the positive's weight's complement, other letters and a weight 2: sum / (2 e^{c} + sum) at c = 900, s ~ 901
    # (truth e / (2 + e) ... of exponentials that overflow)
    (sp.Sum(sp.exp(s_[j]), (j, 0, n - 1)) / (2 * sp.exp(c) + sp.Sum(sp.exp(s_[j]), (j, 0, n - 1))),
     (c,), (900.0,), [901.0, 0.5, -3.0, 2.0]),
]


@pytest.mark.parametrize("expr, args, values, entries", OFFSET_CASES)
def test_exp_over_exp_offset_divides_through_by_the_lone_exponential(expr, args, values, entries):
    new, fired = stabilize(expr, RULES)
    assert "exp_over_exp_offset" in fired
    fill = {n: len(entries), i_: 0}
    with mpmath.workdps(700):
        want = float(sp.lambdify((*args, s_), expr.subs(fill).doit(), modules="mpmath")(
            *[mpmath.mpf(v) for v in values], [mpmath.mpf(v) for v in entries]))
    with np.errstate(all="ignore"):
        got = float(sp.lambdify((*args, s_), new.subs(fill).doit(), modules=["scipy", "numpy"])(
            *[np.float64(v) for v in values], np.array(entries)))
        naive = float(sp.lambdify((*args, s_), expr.subs(fill).doit(), modules=["scipy", "numpy"])(
            *[np.float64(v) for v in values], np.array(entries)))
    assert not abs(naive - want) <= 1e-3 * abs(want)  # inf / inf
    assert abs(got - want) <= REL_TOL * abs(want)


# ** over_large_term: n / (1 + w)^k, k >= 2, beside a real power (the adaptive wing gradient) **

POWER_CASES = [
    # (t/e)^{2a - 1} / (1 + (t/e)^a)^2 at e = 1e-100, a = 4: both powers overflow, truth about (t/e)^{-1} = 1e-100
    ((x / c) ** (2 * kappa - 1) / (1 + (x / c) ** kappa) ** 2, (x, c, kappa), (1.0, 1e-100, 4.0)),
    # other letters and a cube: 3 (u/v)^{3b - 2} / (1 + (u/v)^b)^3 at u = 1e60, v = 1e-60, b = 3.5 (truth ~ 3e-240)
    (3 * (x / k) ** (3 * c - 2) / (1 + (x / k) ** c) ** 3, (x, k, c), (1e60, 1e-60, 3.5)),
]


@pytest.mark.parametrize("expr, args, values", POWER_CASES)
def test_over_large_term_divides_a_power_of_the_sum(expr, args, values):
    # a costly rule, in the search's candidate "costly rules but power_of_ratio" (that rule hides the real power)
    rules = tuple(r for r in sorted(RULES + COSTLY_RULES, key=lambda r: r.priority) if r.name != "power_of_ratio")
    new, fired = stabilize(expr, rules)
    assert "over_large_term" in fired
    want = _truth(args, expr, values)
    assert not abs(_value(args, expr, values) - want) <= 1e-3 * abs(want)
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    ordinary = (1.3, 0.7, 1.6)
    assert abs(_value(args, new, ordinary) - _truth(args, expr, ordinary)) <= REL_TOL * abs(_truth(args, expr, ordinary))


# ** power_mean_scale: a power mean beside a constant, scaled by its largest entry (a costly rule) **

q_ = sp.Symbol("q", positive=True)
POWER_MEAN_CASES = [
    # the power-mean normalisation's denominator at p = 1e300, x = (2.7, -1.9, 0.4): truth max |x_j| = 2.7
    ((sp.Sum(sp.Abs(s_[j]) ** q_, (j, 0, n - 1)) / n + e) ** (1 / q_), (q_, e), (1e300, 0.66), [2.7, -1.9, 0.4]),
    # its reciprocal, another constant, p = 800 and entries of 10: truth (3 + 2 * 10^-800)^{-1/800} / 10
    ((2 + sp.Sum(sp.Abs(s_[j]) ** q_, (j, 0, n - 1))) ** (-1 / q_), (q_,), (800.0,), [10.0, -10.0, 10.0]),
]


@pytest.mark.parametrize("expr, args, values, entries", POWER_MEAN_CASES)
def test_power_mean_scale_keeps_every_power_in_range(expr, args, values, entries):
    new, fired = stabilize(expr, tuple(sorted(RULES + COSTLY_RULES, key=lambda r: r.priority)))
    assert "power_mean_scale" in fired
    fill = {n: len(entries)}
    with mpmath.workdps(700):
        want = float(sp.lambdify((*args, s_), expr.subs(fill).doit(), modules="mpmath")(
            *[mpmath.mpf(v) for v in values], [mpmath.mpf(v) for v in entries]))
    got = []
    for form in (expr, new):
        with np.errstate(all="ignore"):
            got.append(float(sp.lambdify((*args, s_), form.subs(fill).doit(), modules=["scipy", "numpy"])(
                *[np.float64(v) for v in values], np.array(entries))))
    assert not abs(got[0] - want) <= 1e-3 * abs(want)
    assert abs(got[1] - want) <= REL_TOL * abs(want)
