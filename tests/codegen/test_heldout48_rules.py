"""The rules added for held-out round twenty-two (heldout48), each on members of its class other than the formula that
showed it, against mpmath written by hand (the truths below are closed forms or mpmath at 400 digits): where the form as
written loses every digit the stabilized form is within ``REL_TOL``; and Euler's Beta function read in a definition."""
import mpmath
import numpy as np
import pytest
import sympy as sp
from sympy.codegen.cfunctions import log1p

from codegen.rules import COSTLY_RULES, RULES, stabilize
from tests.codegen.scalar_evaluation import mpmath_at

REL_TOL = 1e-13
"""A few dozen roundings of O(1) terms: the folded sums add logs of size up to 700 (relative 1e-16 each), the reflected
sigmoid one product and one correction."""


def _numpy(args, expr):
    # sympy's printer keeps a held product as written ((r/c)/c, not r/c**2)
    return sp.lambdify(args, expr, modules=["scipy", "numpy"])


def _value(args, expr, values):
    with np.errstate(all="ignore"):
        return float(_numpy(args, expr)(*[np.float64(v) for v in values]))


def _truth(args, expr, values):
    return mpmath_at(args, expr, values, 400)


a, b, p, q, k, s, t, c, m = sp.symbols("a b p q k s t c m", real=True)
u, v, e, g, r, w = sp.symbols("u v epsilon g r w", real=True)

# ** sum_into_branch **

FOLD_CASES = [
    # Dagum at x = p = 1e300: a p log(x/b) - (p + 1) log(1 + (x/b)^a); two terms of 7e302 cancel to -a log(x/b)
    (a * p * sp.log(t / b) - (p + 1) * sp.log(1 + (t / b) ** a), (t, a, b, p), (1e300, 0.87, 1.86, 1e300)),
    # GB2 with other letters and shapes: (c k - 1) log s - (k + q) log(1 + (s/m)^c) at s = k = 1e250
    ((c * k - 1) * sp.log(s) - c * k * sp.log(m) - (k + q) * sp.log(1 + (s / m) ** c), (s, c, m, k, q),
     (1e250, 2.5, 0.3, 1e250, 0.7)),
    # a log-logistic-like layout, the log written after the log1p: 3 (w log s - log(1 + s^w)) at s = 1e200, w = 0.5
    # is -3 log1p(s^-w) = -3e-100, where 690.8 - 690.8 leaves rounding noise of 1e-13
    (-3 * sp.log(1 + s ** w) + 3 * w * sp.log(s), (s, w), (1e200, 0.5)),
]


@pytest.mark.parametrize("expr, args, values", FOLD_CASES)
def test_sum_into_branch_lets_the_cancelling_logs_meet(expr, args, values):
    new, fired = stabilize(expr, RULES)
    assert "sum_into_branch" in fired
    # without both turns of the fold (sum_into_large_branch applies it again after log1p_large_product)
    without, _ = stabilize(expr, tuple(rule for rule in RULES if rule.name not in ("sum_into_branch",
                                                                                 "sum_into_large_branch")))
    want = _truth(args, expr, values)
    assert abs(_value(args, without, values) - want) > 1e-6 * abs(want)  # the two large terms round apart
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    ordinary = [1.7, 1.3, 0.6, 2.2, 0.9][:len(args)]  # elsewhere the value as written, within a few roundings
    assert abs(_value(args, new, ordinary) - _truth(args, expr, ordinary)) <= REL_TOL * max(1, abs(_truth(args, expr, ordinary)))


def test_sum_into_branch_keeps_nan_outside_the_domain():
    # x/b < 0 with a runtime-integer shape: log(x/b) is nan as written, and so is the folded form (guard x > 0, b > 0)
    expr, args, _ = FOLD_CASES[0]
    new, _ = stabilize(expr, RULES)
    assert np.isnan(_value(args, new, (-3.0, 2.0, 1.5, 4.0)))


@pytest.mark.parametrize("expr", [
    sp.log(1 + (t / b) ** a) + a * sp.log(s),                       # no log shared with the branch
    a * p * sp.log(t) - (p + 1) * sp.log(1 + (t / b) ** a) + 1,    # log t shared, its coefficients a p - a p - a: fires
])
def test_sum_into_branch_fires_only_where_a_coefficient_cancels(expr):
    from codegen.rules_log1p_power import log1p_power
    from codegen.rules_sum_into_branch import sum_into_branch

    staged = log1p_power(expr.replace(lambda e: isinstance(e, sp.log) and isinstance(e.args[0], sp.Add)
                                      and sp.S.One in e.args[0].args, lambda e: log1p(e.args[0] - 1)))
    assert (sum_into_branch(staged) != staged) == expr.has(p)


# ** sigmoid_reflection **

REFLECT_CASES = [
    # ACON-C at x = -1e300, p1 = 1e-300: the sigmoid is 1 and the terms of 1.9e300 cancel to 0; truth p1 x = -1
    ((a - b) * u / (1 + sp.exp(-k * (a - b) * u)) + b * u, (u, k, a, b), (-1e300, 1.31, 1e-300, 1.86)),
    # a smooth leaky gate (1 - m) x sigma(x) + m x at x = 1e10, m = 1e20: truth x (the terms are 1e30)
    ((1 - m) * u / (1 + sp.exp(-u)) + m * u, (u, m), (1e10, 1e20)),
]


@pytest.mark.parametrize("expr, args, values", REFLECT_CASES)
def test_sigmoid_reflection_forms_the_cancelled_sum_by_algebra(expr, args, values):
    new, fired = stabilize(expr, RULES)
    assert "sigmoid_reflection" in fired
    want = _truth(args, expr, values)
    assert abs(_value(args, expr, values) - want) > 0.5 * abs(want)
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    for point in ([0.7, 1.2, 0.3, 1.9][:len(args)], [-2.5, 0.8, 1.4, 0.2][:len(args)]):
        want = _truth(args, expr, point)
        assert abs(_value(args, new, point) - want) <= REL_TOL * max(1, abs(want))


def test_sigmoid_reflection_leaves_a_sigmoid_whose_weight_does_not_cancel():
    from codegen.rules_sigmoid_reflection import sigmoid_reflection

    expr = u / (1 + sp.exp(-k * u)) + b * v
    assert sigmoid_reflection(expr) == expr


# ** log_exp_near_one **

@pytest.mark.parametrize("expr, args, values", [
    # the Blake-Zisserman loss at r = eps = 1e-300: the sum rounds to 1, the log to 0; truth -1e-300
    (-sp.log(sp.exp(-r ** 2 / c ** 2) + e), (r, c, e), (1e-300, 1.49, 1e-300)),
    # another layout: log(delta + exp(-u^4)) at u = 1e-80, delta = 1e-200 (truth 1e-200 - 1e-320)
    (sp.log(w + sp.exp(-u ** 4)), (u, w), (1e-80, 1e-200)),
])
def test_log_exp_near_one_keeps_the_small_terms(expr, args, values):
    new, fired = stabilize(expr, RULES + COSTLY_RULES)
    assert "log_exp_near_one" in fired
    want = _truth(args, expr, values)
    assert _value(args, expr, values) == 0.0
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    far = list(values)
    far[0] = 40.0  # the sum far below 1/2: the log as written (exp(-1600/c^2) + eps = eps)
    want = _truth(args, expr, far)
    assert abs(_value(args, new, far) - want) <= REL_TOL * abs(want)


# ** ratio_before_unequal_powers, a variable over a square **

@pytest.mark.parametrize("expr, args, values", [
    # the Blake-Zisserman gradient at r = c = 1e-300: c^2 underflows, inf where the truth is 2e300 / (1 + e eps)
    (2 * g * r / (c ** 2 * (e * sp.exp((r / c) ** 2) + 1)), (r, c, e, g), (1e-300, 1e-300, 1.41, 1.0)),
    # a Gaussian-kernel gradient u e^{-(u/s)^2}/s^2 at u = s = 1e-200, another letter set
    (u * sp.exp(-(u / s) ** 2) / s ** 2, (u, s), (1e-200, 1e-200)),
])
def test_ratio_before_unequal_powers_pairs_a_variable_with_its_scale(expr, args, values):
    new, fired = stabilize(expr, RULES + COSTLY_RULES)
    assert "ratio_before_unequal_powers" in fired
    want = _truth(args, expr, values)
    assert not np.isfinite(_value(args, expr, values))
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)


def test_ratio_before_unequal_powers_pairs_no_variable_without_its_ratio():
    from codegen.rules_ratio import ratio_before_unequal_powers

    expr = 2 * g * r / c ** 2  # no r/c elsewhere: which variable is the scale's is not known
    assert ratio_before_unequal_powers(expr) == expr


# ** over_large_term, a real power **

@pytest.mark.parametrize("expr, args, values", [
    # the adaptive wing loss's theta A at eps = 1e-150: (theta/eps)^{alpha - y} overflows, inf/inf; truth w (alpha - y)
    (w * t * (t / e) ** (a - k - 1) * (a - k) / (e * ((t / e) ** (a - k) + 1)), (t, e, a, k, w),
     (0.78, 1e-150, 7.26, 0.45, 1.68)),
    # another layout: (s/m)^{p - 1} / (m (2 + (s/m)^p)) at s/m = 1e200, p = 3.5 (truth (m/s) / m 1/(1 + 2 (m/s)^p))
    ((s / m) ** (p - 1) / (m * (2 + (s / m) ** p)), (s, m, p), (1e100, 1e-100, 3.5)),
])
def test_over_large_term_divides_by_a_real_power(expr, args, values):
    # the rule alone: in the costly candidate power_of_ratio (before it) writes the power as a selection first, and
    # the search keeps the candidate without power_of_ratio (the adaptive wing loss's forward)
    from codegen.rules_fraction import over_large_term

    new = over_large_term(expr)
    assert new != expr
    want = _truth(args, expr, values)
    assert not np.isfinite(_value(args, expr, values))
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)


# ** Euler's Beta function in a definition **

@pytest.mark.parametrize("body, want", [
    (r"\log\mathrm{B}\left(p, q\right) - \log x", "-log(x) + loggamma(p) + loggamma(q) - loggamma(p + q)"),
    (r"\mathrm{B}(a, b) x", "x*gamma(a)*gamma(b)/gamma(a + b)"),
])
def test_euler_beta_function_is_read_in_a_definition(body, want):
    from codegen.define import build
    from readers.definition import read_definitions

    (f,) = build(read_definitions(f"$$ \\mathrm{{F}}(x) = {body} $$"))
    assert sp.simplify(f.expr - sp.sympify(want, locals={s.name: s for s in f.expr.free_symbols})) == 0


# ** log_i0e_large and complete_square (the Rice log-density) **

def test_log_i0e_large_follows_the_series_past_the_float_range():
    from codegen.rules_bessel_large import log_i0e_large
    from symbolic.functions import i0e

    expr = sp.log(i0e(u * w / s ** 2))
    new = log_i0e_large(expr)
    assert new != expr
    f = sp.lambdify((u, w, s), new, modules=[{"i0e": __import__("scipy.special").special.i0e}, "numpy"])
    for values in ((1e300, 1e300, 1.34), (1e10, 3e9, 1e-3), (2.0, 3.0, 0.7)):  # overflowing z, z = 3e25, z ~ 12
        with mpmath.workdps(650):  # log I_0(z) - z at z = 5.6e599 keeps its 16 digits only at 620 digits
            z = mpmath.mpf(values[0]) * mpmath.mpf(values[1]) / mpmath.mpf(values[2]) ** 2
            want = float(mpmath.log(mpmath.besseli(0, z)) - z)
        with np.errstate(all="ignore"):
            got = float(f(*[np.float64(x) for x in values]))
        assert abs(got - want) <= REL_TOL * abs(want)


@pytest.mark.parametrize("expr, args, values", [
    # the Rice exponent after log_bessel_i at x = nu = 1e300: inf - inf (nan), truth 0
    (-(u ** 2 + w ** 2) / (2 * s ** 2) + sp.Abs(u * w / s ** 2), (u, w, s), (1e300, 1e300, 1.34)),
    # the same at x = 1e155, nu = -(1e155 - 1e150): the squares overflow, truth -(1e150/2)^2/2 = -1.25e299
    (-(u ** 2 + w ** 2) / (2 * s ** 2) + sp.Abs(u * w / s ** 2), (u, w, s), (1e155, -(1e155 - 1e150), 2.0)),
    # another layout: a^2 + b^2 - 2ab + 3 at a = 1e150, b = a - 1e140: the squares' roundings (1e284) swamp 1e280
    (a ** 2 + b ** 2 - 2 * a * b + 3, (a, b), (1e150, 1e150 - 1e140)),
])
def test_complete_square_forms_the_difference_first(expr, args, values):
    from codegen.rules_complete_square import complete_square

    new = complete_square(expr)
    assert new != expr
    want = _truth(args, expr, values)
    naive = _value(args, expr, values)
    assert not np.isfinite(naive) or abs(naive - want) > 1e-3 * abs(want)
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)


def test_complete_square_leaves_squares_without_their_cross_term():
    from codegen.rules_complete_square import complete_square

    for expr in (a ** 2 + b ** 2 + sp.exp(a), a ** 2 + b ** 2 - 3 * a * b, -a ** 2 + b ** 2 - 2 * a * b):
        assert complete_square(expr) == expr


def test_a_built_in_function_called_with_too_few_arguments_is_an_error():
    from codegen.define import DefinitionError, build
    from readers.definition import read_definitions

    for body in (r"\mathrm{B}(x)", r"I_0(x, 2)"):
        with pytest.raises(DefinitionError, match="takes"):
            build(read_definitions(f"$$ \\mathrm{{F}}(x) = {body} $$"))
