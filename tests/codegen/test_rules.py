"""Each stability rewrite keeps the value and removes the overflow."""
import mpmath
import numpy as np
import pytest
import sympy as sp

from derivations.numeric.printers import FormularyNumPyPrinter
from codegen.rules import (
    EXP_NORMALIZE,
    LOG_SOFTMAX_SPLIT,
    LOGSUMEXP_SHIFT,
    SOFTPLUS_STABLE,
    stabilize,
)

K = sp.Symbol("K", integer=True, positive=True)
i, j = sp.symbols("i j", integer=True)
z = sp.IndexedBase("z")
x = sp.Symbol("x", real=True)
SOFTMAX = sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1))
LSE = sp.log(sp.Sum(sp.exp(z[j]), (j, 0, K - 1)))
REL_TOL = 1e-13  # a few hundred ulps: these are short, well-conditioned expressions


def _np(expr, args):
    return sp.lambdify(args, expr, modules="numpy", printer=FormularyNumPyPrinter)


def _mp(expr, args):
    return sp.lambdify(args, expr, modules="mpmath")


def _exact(a):
    if isinstance(a, np.ndarray):
        return [mpmath.mpf(float(v)) for v in a]
    return mpmath.mpf(a) if isinstance(a, float) else a


def _same_at(expr, new, args, values):
    with np.errstate(all="ignore"):
        got = _np(new, args)(*values)
    with mpmath.workdps(60):
        want = _mp(expr, args)(*[_exact(a) for a in values])
    return abs(got - want) <= REL_TOL * abs(want)


def test_exp_normalize_fires_keeps_value_and_fixes_overflow():
    new = EXP_NORMALIZE.apply(SOFTMAX)
    assert new != SOFTMAX
    args = (z, K, i)
    logits = np.array([1000.0, 999.0, -5.0])
    with np.errstate(all="ignore"):
        assert np.isnan(_np(SOFTMAX, args)(logits, 3, 0))  # the naive form overflows
    assert _same_at(SOFTMAX, new, args, (logits, 3, 0))
    assert _same_at(SOFTMAX, new, args, (np.array([0.3, -1.2]), 2, 1))


def test_logsumexp_shift():
    new = LOGSUMEXP_SHIFT.apply(LSE)
    args = (z, K)
    assert _same_at(LSE, new, args, (np.array([1e4, -1e4, 3.0]), 3))
    assert _same_at(LSE, new, args, (np.array([0.5, 0.25]), 2))


def test_log_softmax_split_then_shift():
    expr = sp.log(SOFTMAX)
    new, fired = stabilize(expr)
    assert fired == ("log_softmax_split", "logsumexp_shift")
    args = (z, K, i)
    assert _same_at(expr, new, args, (np.array([-2e3, 1e3, 0.0]), 3, 0))


def test_softplus_stable():
    expr = sp.log(1 + sp.exp(x))
    new = SOFTPLUS_STABLE.apply(expr)
    for v in (-800.0, -30.0, -1e-9, 0.0, 2.5, 40.0, 800.0):
        assert _same_at(expr, new, (x,), (v,))
    with np.errstate(all="ignore"):
        assert np.isinf(_np(expr, (x,))(800.0))


def test_rules_do_not_fire_on_other_expressions():
    for expr in (sp.exp(x) + 1, sp.log(x + 2), sp.Sum(z[j], (j, 0, K - 1))):
        assert stabilize(expr) == (expr, ())
    assert LOG_SOFTMAX_SPLIT.apply(sp.log(x / (1 + x))) == sp.log(x / (1 + x))


def test_log1p_expm1_keeps_tiny_terms():
    from codegen.rules import LOG1P_EXPM1

    d = sp.Symbol("D", real=True)
    for expr, var, value in ((sp.log(1 - d), d, 1e-20), (sp.exp(x) - 1, x, 1e-18)):
        new = LOG1P_EXPM1.apply(expr)
        assert new != expr
        with np.errstate(all="ignore"):
            assert _np(expr, (var,))(value) == 0.0  # the naive form loses the whole value
        assert _same_at(expr, new, (var,), (value,))
    assert LOG1P_EXPM1.apply(LSE) == LSE  # a log of a sum with no literal 1 is left alone


def _all_rules():
    from codegen.rules import COSTLY_RULES, EXACT_RULES, RULES

    return RULES + COSTLY_RULES + EXACT_RULES


@pytest.mark.parametrize("rule", _all_rules(), ids=lambda r: r.name)
def test_every_rule_rests_on_a_registered_identity_that_holds(rule):
    """The rule names a registered derivation whose every step claims to hold.  That each such step is proved
    or verified is checked once, with the rest of the library, by tests/derivations/library/test_library.py
    (``test_step_verdict_matches_expectation`` runs every step of every registered derivation): checking
    them here again cost a minute of CI."""
    from derivations.library import get

    d = get(rule.identity)
    assert d.steps and [s.expect for s in d.steps] == ["holds"] * len(d.steps), (rule.name, d.id)


# ** the cancellation rules (codegen.rules_cancel), each on a formula other than the one that motivated it **


def _naive_fails(expr, args, values):
    with np.errstate(all="ignore"):
        got = _np(expr, args)(*values)
    return not _same_at(expr, expr, args, values) or not np.isfinite(got)


def test_one_minus_sigmoid_on_the_silu_derivative():
    # motivated by focal loss; here the SiLU derivative sigma(x) (1 + x (1 - sigma(x))) at x = 50
    from codegen.rules import ONE_MINUS_SIGMOID

    sig = 1 / (1 + sp.exp(-x))
    expr = x * (1 - sig)
    new = ONE_MINUS_SIGMOID.apply(expr)
    assert new != expr
    assert _naive_fails(expr, (x,), (50.0,))  # 1 - sigma(50) rounds to 0
    for v in (50.0, 30.0, -3.0, 0.5):  # (60 digits of truth: 1 - sigma(x) is e^{-x} to 26 digits at 50)
        assert _same_at(expr, new, (x,), (v,))


def test_difference_of_squares_on_a_change_of_squared_norm():
    # motivated by the triplet loss; here |x + h|^2 - |x|^2 with |x| = 1e10, |h| = 1
    from codegen.rules import DIFFERENCE_OF_SQUARES

    h = sp.IndexedBase("h")
    expr = sp.Sum((z[j] + h[j]) ** 2, (j, 0, K - 1)) - sp.Sum(z[j] ** 2, (j, 0, K - 1))
    new = DIFFERENCE_OF_SQUARES.apply(expr)
    assert new != expr
    args = (z, h, K)
    values = (np.array([1e10, -1e10]), np.array([1.0, 0.5]), 2)
    assert _naive_fails(expr, args, values)
    assert _same_at(expr, new, args, values)
    assert _same_at(expr, new, args, (np.array([0.3, -2.0]), np.array([1.5, 0.25]), 2))


def test_scaled_shift_and_shift_collect_on_a_policy_log_probability():
    # motivated by InfoNCE; here the log-probability of action 1 under inverse temperature beta
    beta = sp.Symbol("beta", real=True)
    expr = sp.log(sp.exp(beta * z[1]) / sp.Sum(sp.exp(beta * z[j]), (j, 0, K - 1)))
    new, fired = stabilize(expr)
    assert "shift_collect" in fired
    args = (z, beta, K)
    for values in ((np.array([1e300, 1e300, -2.0]), 1.0, 3), (np.array([0.5, 0.2, -1.0]), 1e300, 3),
                   (np.array([0.5, 0.2, -1.0]), -1e300, 3), (np.array([0.5, 0.2, -1.0]), 0.7, 3)):
        assert _same_at(expr, new, args, values), values
    assert _naive_fails(expr, args, (np.array([0.5, 0.2, -1.0]), 1e300, 3))


def test_logsumexp_log1p_on_a_smooth_maximum():
    # motivated by label-smoothed cross entropy; here the smooth maximum log sum e^{z_j} with one dominant logit
    from codegen.rules import COSTLY_RULES, RULES

    expr = sp.log(sp.Sum(sp.exp(z[j]), (j, 0, K - 1)))
    plain, _ = stabilize(expr)
    new, fired = stabilize(expr, tuple(sorted(RULES + COSTLY_RULES, key=lambda r: r.priority)))
    assert "logsumexp_log1p" in fired
    args = (z, K)
    values = (np.array([0.0, -40.0]), 2)
    assert not _same_at(expr, plain, args, values)  # the shifted sum rounds to 1: the log is 0, truth e^-40
    for v in (values, (np.array([0.0, 0.0, -40.0]), 3), (np.array([0.3, -1.0, 2.0]), 3), (np.array([-5.0]), 1)):
        assert _same_at(expr, new, args, v), v


def test_log1p_large_product_on_the_cauchy_loss():
    # motivated by the Student-t log-density; here the Cauchy (Lorentzian) loss log(1 + (x/c)^2) at x = 1e300
    c = sp.Symbol("c", real=True)
    expr = sp.log(1 + (x / c) ** 2)
    new, fired = stabilize(expr)
    assert "log1p_large_product" in fired
    big = (np.float64(1e300), np.float64(0.5))  # NumPy floats: a Python float's square raises instead
    assert _naive_fails(expr, (x, c), big)  # the square overflows: inf
    for values in (big, (-1e200, 3.0), (1e-3, 2.0), (0.7, 1e-200), (2.0, 1.5), (1e-300, 1.0)):
        assert _same_at(expr, new, (x, c), tuple(np.float64(v) for v in values)), values


# ** the rules of issue 13's own formulas, each on a formula other than the one that motivated it **


def _rule(name):
    from codegen.rules import COSTLY_RULES, EXACT_RULES, RULES

    return next(r for r in RULES + COSTLY_RULES + EXACT_RULES if r.name == name)


def test_integer_power_minus_one_on_compound_interest():
    # motivated by Tukey's biweight 1 - (1 - r^2/c^2)^3; here the effective rate of a rate r compounded quarterly,
    # (1 + r/4)^4 - 1: at r = 1e-20 the power rounds to 1 and the rate to 0, the truth is 1e-20; every real r
    # (the base may be negative: r = -10 gives 1.5^4 - 1)
    r = sp.Symbol("r", real=True)
    expr = (1 + r / 4) ** 4 - 1
    new, fired = stabilize(expr)
    assert "integer_power_minus_one" in fired
    assert _naive_fails(expr, (r,), (1e-20,))
    for v in (1e-20, -3e-9, 1e-30, 0.37, -10.0, 5e3, -4.0 + 1e-12):  # 1e-30: the 60-digit oracle keeps 30
        assert _same_at(expr, new, (r,), (np.float64(v),)), v


def test_log_expm1_on_a_planck_denominator():
    # motivated by the inverse softplus log(e^x - 1); here the log of Planck's denominator log(e^{x/c} - 1) (c a
    # temperature): at x/c = 1e6 the exponential overflows and the value is inf, the truth 1e6
    c = sp.Symbol("c", positive=True)
    expr = sp.log(sp.exp(x / c) - 1)
    new, fired = stabilize(expr)
    assert "log_expm1" in fired
    assert _naive_fails(expr, (x, c), (np.float64(1e3), np.float64(1e-3)))
    for values in ((1e3, 1e-3), (1e300, 1.0), (0.69, 1.0), (3.0, 2.0), (1e-300, 1.0), (40.0, 1.0)):
        assert _same_at(expr, new, (x, c), tuple(np.float64(v) for v in values)), values


def test_power_of_ratio_on_a_stretched_exponential_exponent():
    # motivated by the generalised Gaussian (|x - mu|/alpha)^beta; here Kohlrausch's stretched exponent (t/tau)^k, tau
    # of unknown sign (tau <= 0 keeps the power, not real there): at t = 1e300, tau = 1e-300 the quotient overflows,
    # the truth (1e600)^0.3 = 1e180
    t, tau, k = sp.Symbol("t", nonnegative=True), sp.Symbol("tau", real=True), sp.Symbol("k", real=True)
    expr = (t / tau) ** k
    new, fired = stabilize(expr, (_rule("power_of_ratio"),))
    assert list(fired) == ["power_of_ratio"]
    args = (t, tau, k)
    assert _naive_fails(expr, args, (np.float64(1e300), np.float64(1e-300), np.float64(0.3)))
    for values in ((1e300, 1e-300, 0.3), (1e-300, 1e300, -0.2), (2.0, 3.0, 1.5), (0.0, 2.0, 0.5), (1e300, 1e300, 2.5)):
        assert _same_at(expr, new, args, tuple(np.float64(v) for v in values)), values
    with np.errstate(all="ignore"):
        assert np.isnan(_np(new, args)(np.float64(2.0), np.float64(-1.0), np.float64(0.5)))  # as the power itself


def test_scale_over_argument_on_a_scaled_arctangent():
    # motivated by soft capping gamma tanh(x/gamma); here c atan(x/c) (an arctangent soft clip)
    c = sp.Symbol("c", positive=True)
    expr = c * sp.atan(x / c)
    new, fired = stabilize(expr)
    assert "scale_over_argument" in fired
    tiny = (np.float64(1e-300), np.float64(1e300))  # x/c underflows to 0: the naive form gives 0, truth 1e-300
    assert _naive_fails(expr, (x, c), tiny)
    for values in (tiny, (1e300, 1e-300), (2.0, 3.0), (-0.5, 1e-3), (0.0, 1.0)):
        assert _same_at(expr, new, (x, c), tuple(np.float64(v) for v in values)), values


def _shifted_softmax_parts():
    from symbolic.functions import ReduceMax

    k = sp.Symbol("k", integer=True)
    h = lambda q: z[q] - ReduceMax(z[j], (j, 0, K - 1))  # noqa: E731
    s = sp.Sum(sp.exp(h(j)), (j, 0, K - 1))
    return k, h, s


def test_mean_from_top_on_a_centred_value():
    # motivated by the softmax VJP; here v_k minus the softmax-weighted mean of v (an attention-style baseline)
    k, h, s = _shifted_softmax_parts()
    v = sp.IndexedBase("v")
    expr = v[k] - sp.Sum(sp.exp(h(i)) * v[i], (i, 0, K - 1)) / s
    raw = v[k] - sp.Sum(sp.exp(z[i]) * v[i], (i, 0, K - 1)) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1))  # the truth
    new = _rule("mean_from_top").apply(expr)
    assert new != expr
    args = (z, v, K, k)
    one_hot = (np.array([40.0, 0.0, 30.0]), np.array([0.3, -0.2, 0.7]), 3, 0)  # truth -2e-5, the naive form cancels
    assert not _same_at(raw, expr, args, one_hot)
    for values in (one_hot, (np.array([40.0, 0.0, 30.0]), np.array([0.3, -0.2, 0.7]), 3, 2),
                   (np.array([0.5, -1.0, 2.0]), np.array([1.0, 2.0, -3.0]), 3, 1)):
        assert _same_at(raw, new, args, values), values


def test_mean_from_top_with_a_coefficient_keeps_the_other_terms_out_of_the_group():
    # motivated by the gradient of the Boltzmann operator, 1 + beta (x_k - B); here an inverse temperature tau on an
    # attention-style baseline, 1 + tau v_k - tau sum_i p_i v_i: tau v_k and tau c cancel exactly at the top, the 1
    # must be added after (1 + 3e17 rounds to 3e17)
    k, h, s = _shifted_softmax_parts()
    v, tau = sp.IndexedBase("v"), sp.Symbol("tau", positive=True)
    expr = 1 + tau * v[k] - tau * sp.Sum(sp.exp(h(i)) * v[i], (i, 0, K - 1)) / s
    raw = 1 + tau * v[k] - tau * sp.Sum(sp.exp(z[i]) * v[i], (i, 0, K - 1)) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1))
    new = _rule("mean_from_top").apply(expr)
    assert new != expr
    (group,) = [u.args[0] for u in new.atoms(sp.UnevaluatedExpr) if u.args[0].has(v[k])]
    assert not any(t.is_number for t in sp.Add.make_args(group))  # the 1 outside (else its place in the sum decides)
    args = (z, v, tau, K, k)
    cold = (np.array([40.0, 0.0, 0.0]), np.array([0.3, -0.2, 0.7]), 1e18, 3, 0)  # truth 1.425 (1 + 0.425)
    assert not _same_at(raw, expr, args, cold)
    for values in (cold, (np.array([40.0, 0.0, 0.0]), np.array([0.3, -0.2, 0.7]), 1e18, 3, 2),
                   (np.array([0.5, -1.0, 2.0]), np.array([1.0, 2.0, -3.0]), 0.7, 3, 1)):
        assert _same_at(raw, new, args, values), values


def test_one_minus_top_on_the_cross_entropy_gradient():
    # motivated by InfoNCE; here the gradient p_k - 1 of cross entropy at the target k (the top logit)
    k, h, s = _shifted_softmax_parts()
    expr = sp.exp(h(k)) / s - 1
    raw = sp.exp(z[k]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1)) - 1  # the truth
    new = _rule("one_minus_top").apply(expr)
    assert new != expr
    args = (z, K, k)
    confident = (np.array([40.0, 0.0, -3.0]), 3, 0)  # p_0 rounds to 1: the naive gradient is 0, truth -4e-18
    assert not _same_at(raw, expr, args, confident)
    for values in (confident, (np.array([40.0, 0.0, -3.0]), 3, 1), (np.array([1.0, 1.0, -3.0]), 3, 0),
                   (np.array([0.2, -0.4, 0.9]), 3, 2)):
        assert _same_at(raw, new, args, values), values


def test_logistic_of_exp_on_the_softplus_derivative():
    # motivated by the Bernoulli KL; here d/dx log(1 + e^x) = e^x / (1 + e^x) and its derivative
    for expr in (sp.exp(x) / (1 + sp.exp(x)), sp.exp(x) / (1 + sp.exp(x)) ** 2):
        new, fired = stabilize(expr)
        assert "logistic_of_exp" in fired
        assert _naive_fails(expr, (x,), (np.float64(800.0),))  # inf / inf
        for v in (710.0, 700.0, -700.0, 30.0, 0.5, -2.0):  # (e^{-800} is below the normal range)
            assert _same_at(expr, new, (x,), (np.float64(v),)), v


def test_exp_absorb_on_an_odds_ratio():
    # motivated by the focal loss; here the odds e^{-x} (1 + e^{x}) = 1 + e^{-x} of sigma(-x)
    expr = sp.exp(-x) * (1 + sp.exp(x))
    new, fired = stabilize(expr)
    assert "exp_absorb" in fired
    assert _naive_fails(expr, (x,), (np.float64(800.0),))  # 0 * inf
    for v in (800.0, -30.0, 30.0, 0.5):
        assert _same_at(expr, new, (x,), (np.float64(v),)), v


def test_scales_into_sum_on_a_normalised_dot_product():
    # motivated by cosine similarity; here the same quotient with the norms written as powers
    u, w = sp.IndexedBase("u"), sp.IndexedBase("w")
    expr = sp.Sum(u[j] * w[j], (j, 0, K - 1)) * sp.Sum(u[j] ** 2, (j, 0, K - 1)) ** sp.Rational(-1, 2) \
        * sp.Sum(w[j] ** 2, (j, 0, K - 1)) ** sp.Rational(-1, 2)
    new, fired = stabilize(expr)
    assert "scales_into_sum" in fired
    args = (u, w, K)
    big = (np.array([1e300, -1e300, 5e299]), np.array([2e300, 1e300, -1e300]), 3)
    assert _naive_fails(expr, args, big)
    for values in (big, (np.array([1e-300, 3e-300]), np.array([-2e-300, 1e-300]), 2),
                   (np.array([0.5, 2.0]), np.array([1.5, -0.25]), 2)):
        assert _same_at(expr, new, args, values), values


def test_scaled_sqrt_keeps_a_weighted_square_as_the_square_of_a_ratio():
    # x / sqrt(1 + alpha x^2) (the inverse square root unit): the weight alpha once let sympy distribute
    # the square, alpha (x/m)^2 -> alpha x^2/m^2, and x^2 overflowed again at x = 1e300
    alpha = sp.Symbol("alpha", positive=True)
    expr = x / sp.sqrt(1 + alpha * x**2)
    new, fired = stabilize(expr)
    assert "scaled_sqrt" in fired
    big = (np.float64(1e300), np.float64(2.0))
    assert _naive_fails(expr, (x, alpha), big)
    for values in (big, (-1e200, 0.5), (1e-300, 2.0), (0.7, 1.5), (3.0, 1e-200)):
        assert _same_at(expr, new, (x, alpha), tuple(np.float64(v) for v in values)), values


def test_scale_into_entry_on_the_inverse_square_root_unit_with_a_large_weight():
    # motivated by RMSNorm (w_i x_i over its scaled root); here x / sqrt(1 + alpha x^2) at x = alpha = 1e300:
    # after scaled_sqrt, M sqrt(1/M^2 + alpha (x/M)^2) = 1e300 * 1e150 overflows where the truth is 1e-150
    from codegen.rules import RULES

    alpha = sp.Symbol("alpha", positive=True)
    expr = x / sp.sqrt(1 + alpha * x**2)
    new, fired = stabilize(expr)
    assert "scale_into_entry" in fired
    without, _ = stabilize(expr, tuple(r for r in RULES if r.name != "scale_into_entry"))
    big = (np.float64(1e300), np.float64(1e300))
    assert not _same_at(expr, without, (x, alpha), big)
    for values in (big, (-1e200, 1e250), (1e300, 2.0), (1e-300, 2.0), (0.7, 1.5), (3.0, 1e-200)):
        assert _same_at(expr, new, (x, alpha), tuple(np.float64(v) for v in values)), values


def test_scale_into_entry_divides_the_larger_of_two_scalar_entries():
    # motivated by pseudo-Huber's gradient |delta| x / sqrt(delta^2 + x^2); here x y / sqrt(x^2 + y^2) (half the
    # harmonic mean of two squares' roots): at x = 1e-300, y = 1e300 the truth is 1e-300, and y (x / M) underflows to 0
    # where (y / M) x does not; at x = 1e300, y = 1e-300 the other way round
    yy = sp.Symbol("y", real=True)
    expr = x * yy / sp.sqrt(x**2 + yy**2)
    new, fired = stabilize(expr)
    assert "scale_into_entry" in fired
    for values in ((1e-300, 1e300), (1e300, -1e-300), (-1e300, 1e300), (1e-300, 1e-300), (0.7, -1.5), (3.0, 1e-200)):
        assert _same_at(expr, new, (x, yy), tuple(np.float64(v) for v in values)), values


def test_power_over_base_combines_the_exponents_before_the_power_overflows():
    # motivated by the Tweedie gradient (y^(2 - rho) / y); here a power law's x^(3 - q) / x and (x^(3 - q) - w) / x at
    # x = 1e300, q = 1.5: x^1.5 overflows where the truth x^0.5 = 1e150 does not, and at x = 1e-300 it underflows
    q, w = sp.Symbol("q", real=True), sp.Symbol("w", real=True)
    for expr, args in ((x ** (3 - q) / x, (x, q)), ((x ** (3 - q) - w) / x, (x, q, w))):
        new, fired = stabilize(expr)
        assert "power_over_base" in fired
        big = tuple(np.float64(v) for v in (1e300, 1.5, 2.0)[:len(args)])
        assert _naive_fails(expr, args, big)
        for values in (big, (1e-300, 1.5, -3.0), (1e-300, 2.5, 0.5), (2.0, 0.5, 1.0), (0.3, 4.0, 2.0)):
            assert _same_at(expr, new, args, tuple(np.float64(v) for v in values[:len(args)])), values


def test_a_scaled_log1p_keeps_its_small_argument_and_its_large_one():
    # motivated by the Cauchy loss c^2/2 log(1 + (x/c)^2) at c = 1e300; here b log1p(x^2/b): at x = 1e-100,
    # b = 1e300 the argument 1e-500 underflows and the value is 0 where the truth is 1e-200 (argument_over_scale's
    # ratio keeps it), at x = 1e300, b = 1 x^2 overflows (log1p_large_product's logs keep it): both rules must apply,
    # the scale taken out of the argument before the large-argument branch hides the log1p from it
    from sympy.codegen.cfunctions import log1p

    b = sp.Symbol("b", positive=True)
    expr = b * log1p(x**2 / b)  # log1p: the 60-digit truth of log(1 + 1e-500) would round to 0
    new, fired = stabilize(expr)
    assert {"argument_over_scale", "log1p_large_product"} <= set(fired)
    for values in ((1e-100, 1e300), (1e300, 1.0), (1e300, 1e300), (-2.0, 0.5), (1e-150, 1e-150), (3.0, 1e-200)):
        assert _same_at(expr, new, (x, b), tuple(np.float64(v) for v in values)), values


def test_ratio_before_power_survives_inside_an_exponential():
    # motivated by the Welsch gradient x e^{-x^2/(2 c^2)}/2; here x e^{-x^2/(3 s^2)} (a Gaussian kernel's slope) with
    # the exponent as reverse mode writes it (an unevaluated product with two number factors): at x = s = 1e300 the
    # squares are inf/inf where the truth is 1e300 e^{-1/3}, and the enclosing product re-evaluates the exponent,
    # distributing (x/s)^2 back
    s_ = sp.Symbol("s", real=True)
    expr = x * sp.exp(sp.Mul(-1, sp.Rational(1, 3), s_**-2, x**2, evaluate=False))
    new, fired = stabilize(expr)
    assert "ratio_before_power" in fired
    big = (np.float64(1e300), np.float64(1e300))
    assert _naive_fails(expr, (x, s_), big)
    for values in (big, (1e-300, 1e-300), (-2e150, 1e150), (0.5, 2.0), (3.0, 2.5)):
        assert _same_at(expr, new, (x, s_), tuple(np.float64(v) for v in values)), values


def test_scale_into_entry_on_a_weighted_normalisation():
    # w_i u_i / ||u|| at w = u = 1e300: the product w_i u_i overflows, the truth is about 1e300
    u, w = sp.IndexedBase("u"), sp.IndexedBase("w")
    expr = w[i] * u[i] / sp.sqrt(sp.Sum(u[j] ** 2, (j, 0, K - 1)))
    new, fired = stabilize(expr)
    assert "scale_into_entry" in fired
    args = (u, w, K, i)
    big = (np.array([1e300, -1e300, 5e299]), np.array([2e300, 1e300, -1e300]), 3, 1)
    assert _naive_fails(expr, args, big)
    for values in (big, (np.array([1e-300, 3e-300]), np.array([-2e-300, 1e-300]), 2, 0),
                   (np.array([0.5, 2.0]), np.array([1.5, -0.25]), 2, 1)):
        assert _same_at(expr, new, args, values), values


def test_scaled_sqrt_and_scale_into_entry_on_the_gradient_of_an_inverse_norm():
    # motivated by RMSNorm's VJP; here the projection term u_i (sum_j u_j w_j) / (c + sum_j u_j^2)^{3/2} of the
    # gradient of (sum_j u_j w_j) / sqrt(c + sum u^2): at u = w = 1e300 the sums overflow to inf/inf, and at
    # u = 1e300 alone sum u^2 = inf sends the term to 0 where the truth is about 1e-300
    from codegen.rules import RULES

    u, w = sp.IndexedBase("u"), sp.IndexedBase("w")
    c = sp.Symbol("c", positive=True)
    norm2 = c + sp.Sum(u[j] ** 2, (j, 0, K - 1))
    expr = u[i] * sp.Sum(u[j] * w[j], (j, 0, K - 1)) * norm2 ** sp.Rational(-3, 2) + w[i] / sp.sqrt(norm2)
    new, fired = stabilize(expr)
    assert {"scaled_sqrt", "scale_into_entry"} <= set(fired)
    without, _ = stabilize(expr, tuple(r for r in RULES if r.name != "scale_into_entry"))
    args = (u, w, c, K, i)
    big = (np.array([1e300, -2e300, 5e299]), np.array([2e300, 1e300, -1e300]), np.float64(1.5), 3, 1)
    alone = (np.array([1e300, -2e300, 5e299]), np.array([2.0, 1.0, -1.0]), np.float64(1.5), 3, 0)
    for values in (big, alone):
        assert _naive_fails(expr, args, values)
        assert not _same_at(expr, without, args, values), values
    for values in (big, alone, (np.array([1e-300, 3e-300]), np.array([-2e-300, 1e-300]), np.float64(1e-300), 2, 1),
                   (np.array([0.5, 2.0]), np.array([1.5, -0.25]), np.float64(0.1), 2, 0)):
        assert _same_at(expr, new, args, values), values


def test_scaled_sqrt_on_a_three_halves_power_alone_with_a_difference_entry():
    # the gradient of the inverse multiquadric kernel 1/sqrt(c^2 + sum_j (x_j - y_j)^2) is
    # (y_i - x_i) / (c^2 + sum_j (x_j - y_j)^2)^{3/2}, with no root beside the power: at x_0 = 1e150 the sum is
    # 1e300 and its 3/2 power overflows to 0 where the truth is about 1e-300; the entry is the difference up to sign
    x_, y_ = sp.IndexedBase("x"), sp.IndexedBase("y")
    c = sp.Symbol("c", positive=True)
    expr = (y_[i] - x_[i]) * (c ** 2 + sp.Sum((x_[j] - y_[j]) ** 2, (j, 0, K - 1))) ** sp.Rational(-3, 2)
    new, fired = stabilize(expr)
    assert {"scaled_sqrt", "scale_into_entry"} <= set(fired)
    args = (x_, y_, c, K, i)
    big = (np.array([1e150, 1.5, -0.5]), np.array([-2.0, 1.0, 0.25]), np.float64(0.5), 3, 0)
    assert _naive_fails(expr, args, big)
    for values in (big, (np.array([1.0, 2.0]), np.array([0.5, -1.0]), np.float64(1e100), 2, 1),
                   (np.array([0.5, 2.0]), np.array([1.5, -0.25]), np.float64(0.1), 2, 1)):
        assert _same_at(expr, new, args, values), values


def test_weighted_logistic_of_exp_on_the_gradient_of_sigmoid_attention():
    # the gradient of 1/(1 + e^{-(s - log n)}) is n e^{-s} / (1 + n e^{-s})^2 (sympy folds e^{log n}): inf/inf at
    # s = -1e300 where the truth is 0 (at s = -700: inf in the square, 0 where the truth is 8e-305); n has no known
    # sign, so the rewrite sits under a where on n > 0
    s_, n_ = sp.Symbol("s", real=True), sp.Symbol("n", real=True)
    expr = n_ * sp.exp(-s_) / (1 + n_ * sp.exp(-s_)) ** 2
    new, fired = stabilize(expr)
    assert "weighted_logistic_of_exp" in fired and new.has(sp.Piecewise)
    args = (s_, n_)
    assert _naive_fails(expr, args, (-700.0, 1.25))
    with np.errstate(all="ignore"):
        assert np.isnan(_np(expr, args)(-1e300, 1.25)) and _np(new, args)(-1e300, 1.25) == 0.0
    for values in ((-700.0, 1.25), (-30.0, 1e-300), (2.5, 1.25), (-0.75, 3.0), (1.5, -0.5)):
        assert _same_at(expr, new, args, values), values


def test_over_large_term_on_the_gradient_of_the_arctan_loss():
    # the gradient of a atan(r^2/a) is 2 r / (1 + r^4/a^2): at r = a = 1e300 r^4/a^2 overflows and the value is 0
    # where the truth is 2e-300; over_large_term (with the costly pairing rules, as the search applies them)
    from codegen.define_search import WITH_COSTLY

    r_, a_ = sp.Symbol("r", real=True), sp.Symbol("a", positive=True)
    expr = 2 * r_ / (1 + r_ ** 4 / a_ ** 2)
    new, fired = stabilize(expr, WITH_COSTLY)
    assert "over_large_term" in fired
    args = (r_, a_)
    f64 = np.float64  # numpy scalars: a Python float's power raises OverflowError instead of giving inf
    assert _naive_fails(expr, args, (f64(1e300), f64(1e300)))
    for values in ((1e300, 1e300), (1e100, 1.5), (0.75, 1e300), (2.5, 0.5), (-3.0, 0.25), (0.5, 1.0)):
        assert _same_at(expr, new, args, tuple(map(f64, values))), values


# ** rules whose replacement needs the generated code's own printing (fma, poch): measured through the lowering **


def _lowered(expr, symbols):
    """``expr`` as the code generator writes it: a NumPy function of scalar ``symbols`` (helpers included)."""
    from codegen.load import load_generated
    from codegen.lower import Input, Target, lower_function
    from codegen.lower_printer import NumPyLowering

    fn = lower_function("f", tuple(Input(str(s), s, ()) for s in symbols), (Target("y", expr, ()),))
    code = fn.source()
    helpers = NumPyLowering.helpers_source(code, grad=False)
    return vars(load_generated("import numpy as np\nimport scipy.special\n\n" + helpers + "\n\n\n" + code))["f"]


def _lowered_same_at(expr, new, symbols, values, digits=60):
    with np.errstate(all="ignore"):
        got = float(_lowered(new, symbols)(*[np.float64(v) for v in values]))
    with mpmath.workdps(digits):
        want = _mp(expr, symbols)(*[mpmath.mpf(v) for v in values])
    return abs(got - want) <= REL_TOL * abs(want)


def test_exact_product_on_a_margin_and_on_one_minus_a_square():
    # motivated by the squared hinge (1 - t y) and the Poisson NLL (e^eta - y eta); here a margin loss
    # max(0, m - a b) with m = 2 and the complement 1 - p^2 near p = 1
    a, b, p = sp.symbols("a b p", real=True)
    rule = _rule("exact_product")
    for expr, symbols, hard, easy in (
            (sp.Max(0, 2 - a * b), (a, b), (2e-150, 1e150), (0.3, 1.7)),
            (1 - p ** 2, (p,), (1 - 2.0 ** -30,), (0.25,))):
        new = rule.apply(expr)
        assert new != expr and "fma" in str(new)
        assert not _lowered_same_at(expr, expr, symbols, hard)  # the rounded product cancels
        for values in (hard, easy):
            assert _lowered_same_at(expr, new, symbols, values), (expr, values)


def test_ratio_before_power_on_a_cauchy_density():
    # motivated by the Student-t log-density; here the Cauchy kernel 1 / (1 + (x - m)^2 / c^2) at c = x = 1e300
    m, c = sp.symbols("m c", real=True)
    expr = 1 / (1 + (x - m) ** 2 / c ** 2)
    new, fired = stabilize(expr)
    assert "ratio_before_power" in fired
    args = (x, m, c)
    big = (np.float64(1e300), np.float64(0.0), np.float64(1e300))  # inf / inf
    tiny = (np.float64(0.0), np.float64(0.0), np.float64(1e-300))  # 0 / 0
    for values in (big, tiny):
        assert _naive_fails(expr, args, values)
    for values in (big, tiny, (np.float64(1.5), np.float64(-0.5), np.float64(0.7))):
        assert _same_at(expr, new, args, values), values


def test_log_gamma_difference_on_a_chi_log_density_normalizer():
    # motivated by the Student-t normalizer; here log Gamma(k/2 + 1/2) - log Gamma(k/2) (the chi distribution's
    # mean) and log Gamma(a + 1/3) - log Gamma(a)
    k = sp.Symbol("k", positive=True)
    for expr, hard in ((sp.loggamma(k / 2 + sp.Rational(1, 2)) - sp.loggamma(k / 2), 1e300),
                       (sp.loggamma(k + sp.Rational(1, 3)) - sp.loggamma(k), 1e12)):
        new, fired = stabilize(expr)
        assert "log_gamma_difference" in fired
        # the two log-gammas (3e302 at k = 1e300) cancel: the truth needs their digits and 60 more
        assert not _lowered_same_at(expr, expr, (k,), (hard,), digits=400)
        for v in (hard, 1e-300, 0.3, 7.5, 1e6):
            assert _lowered_same_at(expr, new, (k,), (v,), digits=400), (expr, v)


# ** a power with a variable exponent minus one (codegen.rules_power) **


def test_power_expm1_keeps_the_digits_where_the_power_is_near_one():
    # motivated by Adam's bias correction m / (1 - beta^t); here 1 - b^{-s} of a base known positive, and
    # b^t - 1 inside a larger sum for a real base (a branch keeps the direct form for b <= 0)
    from codegen.rules import POWER_EXPM1

    b, s, t = sp.Symbol("b", positive=True), sp.Symbol("s", real=True), sp.Symbol("t", real=True)
    expr = 1 - b ** (-s)
    new = POWER_EXPM1.apply(expr)
    assert not new.has(sp.Piecewise)
    for values in ((0.999, 1e-12), (3.0, 2.5), (1e300, 1.0)):
        assert _same_at(expr, new, (b, s), values)
    with mpmath.workdps(400):  # 1 - 1.5^{-1e-300} needs 300 digits more than _same_at's 60
        want = float(_mp(expr, (b, s))(mpmath.mpf(1.5), mpmath.mpf(1e-300)))
    assert _np(new, (b, s))(1.5, 1e-300) == pytest.approx(want, rel=REL_TOL) and want > 0
    assert _np(expr, (b, s))(1.5, 1e-300) == 0.0  # the naive form: 1 - 1

    r = sp.Symbol("r", real=True)
    expr = x + r ** t - 1
    new = POWER_EXPM1.apply(expr)
    assert new.has(sp.Piecewise)
    assert _same_at(expr, new, (x, r, t), (1e-20, 0.9, 1e-5))
    assert _same_at(expr, new, (x, r, t), (2.0, -2.0, 3.0))  # a negative base with an integer exponent: direct
    assert POWER_EXPM1.apply(x ** 2 - 1) == x ** 2 - 1  # a number exponent is left to the polynomial rules


def test_one_minus_exp_and_log_add_exp():
    # (1 - e^{-lambda x})/lambda at lambda x = 1e-20 is 0 naively (truth x); log(e^a + e^b) overflows at a = 800 and
    # loses e^{-40} next to 1 at (0, -40)
    from codegen.rules import LOG_ADD_EXP, POWER_EXPM1

    lam = sp.Symbol("lambda_", real=True)
    expr = (1 - sp.exp(-lam * x)) / lam
    new = POWER_EXPM1.apply(expr)
    assert _same_at(expr, new, (x, lam), (2.0, 1e-20)) and _naive_fails(expr, (x, lam), (2.0, 1e-20))
    assert POWER_EXPM1.apply(sp.exp(x) - 1) == sp.exp(x) - 1  # log1p_expm1's pattern, left to it

    a, b = sp.symbols("a b", real=True)
    expr = sp.log(sp.exp(a) + sp.exp(b))
    new = LOG_ADD_EXP.apply(expr)
    for values in ((800.0, 3.0), (-800.0, -900.0), (0.0, -40.0), (1.5, -0.5)):
        assert _same_at(expr, new, (a, b), values)
    assert _naive_fails(expr, (a, b), (800.0, 3.0)) and _naive_fails(expr, (a, b), (0.0, -40.0))



def test_a_rule_beyond_sympys_recursion_is_not_applied():
    # a rewrite that nests beyond sympy's recursion limit (paired quotients inside paired quotients) leaves the
    # expression to the other rules instead of ending the search with a RecursionError
    from codegen.rules import RULES, Rule, stabilize

    def deep(_):
        raise RecursionError("maximum recursion depth exceeded")

    expr = sp.log(1 + sp.exp(x))
    broken = Rule("too_deep", "softplus_stable", deep, gain="-", priority=0)
    new, fired = stabilize(expr, (broken,) + RULES)
    assert "too_deep" not in fired and "softplus_stable" in fired
    assert new == stabilize(expr)[0]


def test_scaled_sqrt_takes_the_scale_of_a_ratio():
    # motivated by pseudo-Huber (delta^2 (sqrt(1 + (x/delta)^2) - 1)); here a scaled softsign x / sqrt(1 + (x/s)^2)
    # at s = 1e-300, x = 2: scaled by max(|x|, 1), (x/M)^2 / s^2 overflows and the value is 0, truth 1e-300;
    # the weight 1/s^2 goes into the square's base and the scale is max(|x/s|, 1)
    s = sp.Symbol("s", real=True, nonzero=True)
    expr = x / sp.sqrt(1 + (x / s) ** 2)
    new, fired = stabilize(expr)
    assert "scaled_sqrt" in fired
    for values in ((2.0, 1e-300), (1e300, 1.0), (-3.0, 1e-200), (0.7, 1.5), (1e-300, 1e300)):
        assert _same_at(expr, new, (x, s), tuple(np.float64(v) for v in values)), values


def test_scale_into_entry_takes_a_ratio_entry_out_of_its_factors():
    # motivated by Barron's gradient; here the gradient of a generalized Cauchy kernel (1 + (x/c)^2)^p,
    # 2 p x / c^2 (1 + (x/c)^2)^(p - 1), at x = c = 1e300: c^2 overflows and the value is 0, truth 2 p 2^(p - 1) / c
    p, c = sp.Symbol("p", positive=True), sp.Symbol("c", real=True, nonzero=True)
    expr = 2 * p * x / c**2 * (1 + (x / c) ** 2) ** (p - 1)
    new, fired = stabilize(expr)
    assert "scaled_sqrt" in fired
    assert _naive_fails(expr, (x, p, c), tuple(np.float64(v) for v in (1e300, 0.3, 1e300)))
    for values in ((1e300, 0.3, 1e300), (-1e300, 0.7, 2.0), (1e-300, 0.4, 1e-300), (0.8, 1.5, 0.6), (2.0, 0.3, 1e-300)):
        assert _same_at(expr, new, (x, p, c), tuple(np.float64(v) for v in values)), values


def test_power_log1p_on_a_student_t_kernel_with_many_degrees_of_freedom():
    # motivated by Barron's gradient (1 + v)^(alpha/2 - 1) at alpha = 1e300; here the Student-t kernel
    # (1 + x^2/nu)^(-(nu + 1)/2) at nu = 1e300: 1 + x^2/nu rounds to 1 and the power is 1, truth e^(-x^2/2)
    from codegen.rules import POWER_LOG1P, RULES

    nu = sp.Symbol("nu", positive=True)
    expr = (1 + x**2 / nu) ** (-(nu + 1) / 2)
    rules = tuple(sorted(RULES + (POWER_LOG1P,), key=lambda r: r.priority))
    new, fired = stabilize(expr, rules)
    assert "power_log1p" in fired
    without, _ = stabilize(expr)
    for values in ((1.5, 1e300), (-0.3, 1e150), (1.5, 3.0), (1e50, 3.0), (1e-300, 0.5), (20.0, 1e-3)):
        with mpmath.workdps(700):  # 1 + x^2/nu at nu = 1e300 needs 300 digits more than _same_at's 60
            want = float(_mp(expr, (x, nu))(*[mpmath.mpf(v) for v in values]))
        with np.errstate(all="ignore"):
            got = _np(new, (x, nu))(*[np.float64(v) for v in values])
        assert got == pytest.approx(want, rel=REL_TOL, abs=0), values
    with np.errstate(all="ignore"):
        assert _np(without, (x, nu))(np.float64(1.5), np.float64(1e300)) != pytest.approx(np.exp(-1.125), rel=1e-3)


def test_softplus_ratio_on_a_shifted_softplus_difference():
    # motivated by soft clipping; here log((1 + e^{x + w}) / (1 + e^x)), the change of a softplus under a shift w:
    # at w = 1e-200 the two softplus terms agree to 1e-200 (split, 0; truth w sigma(x)), at x = 1e300 the exponents
    # round to one float (truth w); w = 800 takes the log-add-exp branch (expm1 overflows)
    from codegen.rules import SOFTPLUS_RATIO

    w = sp.Symbol("w", real=True)
    expr = sp.log((1 + sp.exp(x + w)) / (1 + sp.exp(x)))
    new = SOFTPLUS_RATIO.apply(expr)
    assert new != expr
    split, _ = stabilize(sp.log(1 + sp.exp(x + w)) - sp.log(1 + sp.exp(x)))
    args = (x, w)

    def close(form, values):
        with mpmath.workdps(700):  # 1 + e^{x + w} at w = 1e-200 needs 200 digits more than _same_at's 60
            want = _mp(expr, args)(*[mpmath.mpf(v) for v in values])
        with np.errstate(all="ignore"):
            got = _np(form, args)(*[np.float64(v) for v in values])
        return got == pytest.approx(float(want), rel=REL_TOL, abs=0)

    for values in ((3.0, 1e-200), (1e300, 2.0)):
        assert not close(split, values), values
    for values in ((3.0, 1e-200), (1e300, 2.0), (-30.0, 0.5), (1.0, 800.0), (-800.0, 1000.0), (0.3, -0.7),
                   (1e-300, 1e300)):
        assert close(new, values), values


def test_paired_quotient_splits_a_square_factor():
    # motivated by pseudo-Huber's delta^2 (sqrt(1 + (x/delta)^2) - 1); here s^2 (sqrt(1 + (x/s)^2) + 1), a scaled soft
    # absolute value with an offset, at s = 1e-300, x = 3: s^2 underflows to 0 (value 0), truth 3e-300; s (s B) is right
    from codegen.define_search import WITH_COSTLY

    # (square_into_root moves s^2 into this root first, |s| sqrt(s^2 + x^2) + s^2: left out here, and checked below)
    s = sp.Symbol("s", real=True, nonzero=True)
    expr = s**2 * (sp.sqrt(1 + (x / s) ** 2) + 1)
    without_root_rule = tuple(r for r in WITH_COSTLY if r.name != "square_into_root")
    new, fired = stabilize(expr, without_root_rule)
    assert "paired_quotient" in fired
    plain, _ = stabilize(expr, tuple(r for r in without_root_rule if r.name != "paired_quotient"))
    hard = (np.float64(3.0), np.float64(1e-300))
    assert not _same_at(expr, plain, (x, s), hard)
    every, _ = stabilize(expr, WITH_COSTLY)
    for values in (hard, (-2.0, 1e-250), (1e300, 1.0), (0.7, 1.5), (1e-150, 1e-150), (1e150, 1e150)):
        assert _same_at(expr, new, (x, s), tuple(np.float64(v) for v in values)), values
        assert _same_at(expr, every, (x, s), tuple(np.float64(v) for v in values)), values


def test_term_over_sum_on_a_hill_function():
    # motivated by the Geman-McClure loss 2 u^2 / (u^2 + 4); here a Hill function 3 u^4 / (u^4 + 1), u = x/c, at
    # x = 1e300 or c = 1e-300: u^4 overflows, inf/inf, truth 3; as 3 / (1 + 1/u^4) it is 3
    from codegen.rules import RULES, TERM_OVER_SUM

    c = sp.Symbol("c", positive=True)
    expr = 3 * (x / c) ** 4 / ((x / c) ** 4 + 1)
    plain, _ = stabilize(expr)
    new, fired = stabilize(expr, tuple(sorted(RULES + (TERM_OVER_SUM,), key=lambda r: r.priority)))
    assert "term_over_sum" in fired
    hard = (np.float64(1e300), np.float64(1.0))
    assert _naive_fails(plain, (x, c), hard)
    for values in (hard, (2.0, 1e-300), (-1e200, 1e-200), (0.5, 1.0), (1e-75, 1.0), (3.0, 2.0)):
        assert _same_at(expr, new, (x, c), tuple(np.float64(v) for v in values)), values


def test_term_over_sum_leaves_a_summed_term_alone():
    # a Tversky-style ratio sum(p t) / (sum(p t) + alpha sum(p (1 - t))): with the sum for w the search's VJP and
    # certificate of the branch took over 400 s (62 s without the rule); the rule is for elementwise terms
    from codegen.rules_fraction import term_over_sum

    i, n = sp.symbols("i n", integer=True)
    p, t = sp.IndexedBase("p"), sp.IndexedBase("t")
    alpha = sp.Symbol("alpha", positive=True)
    w = sp.Sum(p[i] * t[i], (i, 0, n - 1))
    expr = w / (w + alpha * sp.Sum(p[i] * (1 - t[i]), (i, 0, n - 1)))
    assert term_over_sum(expr) == expr
    u = sp.Symbol("u", positive=True)
    assert term_over_sum(2 * u ** 2 / (u ** 2 + 4)).has(sp.Piecewise)  # the elementwise case still fires


def test_softplus_after_power_on_one_minus_a_power_of_a_sigmoid():
    # motivated by the generalized cross-entropy (1 - sigma(z)^q)/q; here 1 - sigma(x)^a alone.  power_expm1 writes
    # -expm1(a log sigma(x)) = -expm1(-a log(1 + e^{-x})) after softplus_stable ran: at x = -1e300, a = 1e-300 the
    # log1p(e^{1e300}) is inf and the value 1, truth 1 - e^{-1}
    from codegen.rules import RULES

    a = sp.Symbol("a", positive=True)
    expr = 1 - (1 / (1 + sp.exp(-x))) ** a
    # power_of_softplus (earlier) writes sigma(x)^a as exp(-a softplus(-x)) first; this rule is the one that
    # covers the power where that one is off
    rules = tuple(r for r in RULES if r.name != "power_of_softplus")
    new, fired = stabilize(expr, rules)
    assert "softplus_after_power" in fired
    without, _ = stabilize(expr, tuple(r for r in rules if r.name != "softplus_after_power"))
    args = (x, a)
    far = (-1e300, 1e-300)
    assert not _same_at(expr, without, args, far)
    for values in (far, (2.0, 0.5), (-3.0, 1e-12), (40.0, 2.0)):
        assert _same_at(expr, new, args, values), values
        assert _same_at(expr, stabilize(expr)[0], args, values), values  # and with every rule on


def test_paired_quotient_leaves_a_factor_it_cannot_keep_real():
    # motivated by the ArcFace margin logit s cos(arccos(c) + m): its derivative's 1/sqrt(1 - c^2), after scaled_sqrt,
    # is (1/M^2 - (c/M)^2)^(-1/2) / M, M = max(1, |c|), imaginary for |c| > 1, so its Abs unfolds into re/im parts
    # and comparing magnitudes raised TypeError ("Invalid comparison of non-real") inside codegen
    from codegen.rules_pairing import paired_quotient

    c, g, m, s = sp.symbols("c g m s", real=True)
    big = sp.Max(1, sp.Abs(c))
    root = (big ** -2 - sp.UnevaluatedExpr((c / big) ** 2)) ** sp.Rational(-1, 2)
    expr = g * s * sp.sin(m + sp.acos(c)) * root / big
    new = paired_quotient(expr)
    args = (c, g, m, s)
    for values in ((0.3, 2.0, 0.5, 64.0), (-0.99, -1e-3, 0.2, 30.0)):
        assert _same_at(expr.doit(), new.doit(), args, tuple(np.float64(v) for v in values)), values


def test_softmax_difference_keeps_the_digits_of_two_nearly_equal_softmaxes():
    # motivated by the Jensen-Shannon VJP at logits ~1e-300; here the plain difference of two softmaxes (a
    # "softmax gap"): at a, b ~ 1e-300 both round to 1/4 and the difference to 0, truth ~ (d_i - mean d) / 4
    from codegen.define import build
    from codegen.define_module import compile_exprs
    from codegen.rules import RULES, SOFTMAX_DIFFERENCE
    from readers.definition import read_ascii_definition

    (f,) = build([read_ascii_definition("gap(a, b)[i] = exp(a[i])/sum(exp(a[j]), j, 0, n-1) "
                                        "- exp(b[i])/sum(exp(b[j]), j, 0, n-1)")])
    new, fired = stabilize(f.expr, tuple(sorted(RULES + (SOFTMAX_DIFFERENCE,), key=lambda r: r.priority)))
    assert "softmax_difference" in fired
    plain, _ = stabilize(f.expr)
    gap = getattr(compile_exprs(f, new, (), False)[1], "gap")
    before = getattr(compile_exprs(f, plain, (), False)[1], "gap")

    def truth(a, b):  # the definition at 700 digits (a difference of 1e-300 on 1/4 needs 300 of them)
        with mpmath.workdps(700):
            ea, eb = [mpmath.exp(mpmath.mpf(float(v))) for v in a], [mpmath.exp(mpmath.mpf(float(v))) for v in b]
            return np.array([float(x / mpmath.fsum(ea) - y / mpmath.fsum(eb)) for x, y in zip(ea, eb)])

    tiny = (np.array([2.7e-300, 1.2e-300, 1.6e-300, -1.1e-300]), np.array([-1.1e-300, -8.5e-301, -1.3e-301, 2.4e-300]))
    want = truth(*tiny)
    assert np.max(np.abs(before(*tiny) - want)) > 0.5 * np.max(np.abs(want))  # max norms: 1e-300 squared is 0
    for a, b in (tiny, (np.array([1.0, -2.0, 3.0, 0.5]), np.array([0.2, 4.0, -1.0, 1e300])),
                 (np.array([0.3, 0.1, -0.2, 0.05]), np.array([0.31, 0.1, -0.25, 0.0])),
                 (np.array([1e-5, 2e-5, -3e-5, 0.0]), np.array([0.0, 0.0, 0.0, 1e-5]))):
        want = truth(a, b)
        assert np.max(np.abs(gap(a, b) - want)) <= 1e-13 * np.max(np.abs(want)), (a, b)


def test_log_add_exp_of_three_and_a_constant_plus_an_exponential_sum():
    # motivated by the soft minimum of three, -g log(e^{-a/g} + e^{-b/g} + e^{-c/g}) at g = 1e-300, and a smooth
    # hinge log(1 + sum_i e^{s (x_i + m)}) at m = 1e300 (circle loss); here a log-sum-exp of three scalars and
    # log(2 + sum_i e^{x_i}): every exponential over- or underflows
    from codegen.rules import LOG_ADD_EXP, RULES

    a, b, c = sp.symbols("a b c", real=True)
    expr = sp.log(sp.exp(a) + sp.exp(b) + sp.exp(c))
    new = LOG_ADD_EXP.apply(expr)
    for values in ((800.0, 3.0, 1e300), (-1e300, -900.0, -2e300), (0.0, -40.0, 1.0), (1.5, -0.5, 0.25)):
        assert _same_at(expr, new, (a, b, c), values), values
    assert _naive_fails(expr, (a, b, c), (-1e300, -900.0, -2e300))

    from codegen.define import build
    from codegen.define_module import compile_exprs
    from readers.definition import read_ascii_definition

    (f,) = build([read_ascii_definition("lse2(x) = log(2 + sum(exp(x[i]), i, 0, n-1))")])
    new, fired = stabilize(f.expr)
    assert "log_constant_plus_exp_sum" in fired
    plain, _ = stabilize(f.expr, tuple(r for r in RULES if r.name != "log_constant_plus_exp_sum"))
    stable = compile_exprs(f, new, (), False)[1].lse2
    naive = compile_exprs(f, plain, (), False)[1].lse2
    for v in ([1e300, 2.0, -3.0, 0.0], [-1e300, -2e300, -800.0, -1000.0], [0.5, -1.0, 2.0, 1.0]):
        got = stable(np.array(v))
        with mpmath.workdps(60):
            want = mpmath.log(2 + mpmath.fsum(mpmath.exp(mpmath.mpf(t)) for t in v))
        assert abs(got - want) <= REL_TOL * abs(want), v
    with np.errstate(all="ignore"):
        assert not np.isfinite(naive(np.array([1e300, 2.0, -3.0, 0.0])))


def test_constant_minus_max_lets_one_minus_sigmoid_keep_the_log_of_a_shifted_probability():
    # motivated by the asymmetric loss's log(1 - max(sigma(z) - m, 0)); here the shifted complement on its own, at
    # z = 1e300, m = 1e-300: the max rounds to 1 and the log to -inf, truth log(1e-300 + e^{-1e300}) = log(1e-300)
    from codegen.rules import RULES

    m = sp.Symbol("m", positive=True)
    expr = sp.log(1 - sp.Max(1 / (1 + sp.exp(-x)) - m, 0))
    new, fired = stabilize(expr)
    assert "constant_minus_max" in fired
    without, _ = stabilize(expr, tuple(r for r in RULES if r.name != "constant_minus_max"))
    far = (1e300, 1e-300)
    assert not _same_at(expr, without, (x, m), far)
    for values in (far, (2.0, 0.5), (-3.0, 0.25), (40.0, 1e-20), (-1e300, 0.9)):
        assert _same_at(expr, new, (x, m), values), values


def test_exp_normalize_offset_on_the_gradient_of_a_smooth_hinge():
    # motivated by log(1 + sum_i e^{s (x_i + m)}) (circle loss); here its gradient's e^{x_k} / (1 + sum_j e^{x_j})
    # with an entry at 1e300: inf/inf is nan, truth the one-hot [1, 0, 0, 0]
    from codegen.define import build
    from codegen.define_module import compile_exprs
    from codegen.rules import RULES
    from readers.definition import read_ascii_definition

    (f,) = build([read_ascii_definition("w(x)[k] = exp(x[k])/(1 + sum(exp(x[j]), j, 0, n-1))")])
    new, fired = stabilize(f.expr)
    assert "exp_normalize_offset" in fired
    plain, _ = stabilize(f.expr, tuple(r for r in RULES if r.name != "exp_normalize_offset"))
    stable, naive = (compile_exprs(f, e, (), False)[1].w for e in (new, plain))
    far = np.array([1e300, 2.0, -3.0, 0.0])
    with np.errstate(all="ignore"):
        assert not np.all(np.isfinite(naive(far)))
    for v in (far, np.array([800.0, 799.0, -3.0, 0.0]), np.array([0.5, -1.0, 2.0, 1.0]),
              np.array([-1e300, -800.0, -3.0, -900.0])):
        with mpmath.workdps(60):
            e = [mpmath.exp(mpmath.mpf(t)) for t in v]
            want = np.array([float(t / (1 + mpmath.fsum(e))) for t in e])
        assert np.max(np.abs(stable(v) - want)) <= REL_TOL * np.max(np.abs(want)), v


def test_root_of_product_on_a_geometric_mean_of_two_large_numbers():
    # motivated by the Bhattacharyya coefficient sum_i sqrt(p_i q_i); here sqrt(a b) itself: at a = b = 1e300 the
    # product overflows (truth 1e300), at 1e-300 it underflows to 0; where the signs differ it stays not real
    a, b = sp.symbols("a b", real=True)
    expr = sp.sqrt(a * b)
    new, fired = stabilize(expr)
    assert "root_of_product" in fired
    assert _naive_fails(expr, (a, b), (1e300, 1e300)) and _naive_fails(expr, (a, b), (1e-300, 3e-300))
    for values in ((1e300, 1e300), (1e-300, 3e-300), (-2.0, -8.0), (0.5, 2.0), (1e300, 1e-300)):
        assert _same_at(expr, new, (a, b), values), values
    with np.errstate(all="ignore"):
        assert np.isnan(_np(new, (a, b))(-2.0, 3.0))  # not real there, as the definition


# ** an inverse hyperbolic sine written as its log (codegen.rules_root) **


def test_log_of_root_sum_on_a_scaled_inverse_sinh():
    # motivated by log(x + sqrt(x^2 + 1)) (an asinh activation); here a radicand constant of 4 and an argument x/3
    expr = sp.log(x / 3 + sp.sqrt(x ** 2 / 9 + 4))
    new, fired = stabilize(expr)
    assert "log_of_root_sum" in fired
    with np.errstate(all="ignore"):
        assert not np.isfinite(_np(expr, (x,))(-3e9))  # the sum cancels to 0 (truth log 2 - 21.4 at x/3 = -1e9)
    for v in (-3e9, -1e300, -0.5, 0.0, 2.0, 1e300):
        assert _same_at(expr, new, (x,), (v,)), v


# ** a softplus next to a multiple of its argument (codegen.rules_logit) **


def test_softplus_reflection_on_a_softplus_of_the_negated_argument():
    # motivated by PyTorch's BCE with pos_weight; here log(1 + e^{x}) - x, which is log(1 + e^{-x})
    expr = sp.log(1 + sp.exp(x)) - x
    new, fired = stabilize(expr)
    assert "softplus_reflection" in fired
    assert _np(expr, (x,))(40.0) == 0.0  # 40 + 4e-18 - 40: the truth e^{-40} is lost
    for v in (40.0, 1e300, -3.0, -1e300, 0.0):
        assert _same_at(expr, new, (x,), (v,)), v


# ** a power of one plus a scaled exponential (codegen.rules_power) **


def test_power_of_softplus_on_a_tempered_logistic():
    # motivated by the generalised logistic (1 + nu e^{-k x})^{-1/nu}; here (1 + 3 e^{x})^{-t} with a symbolic t
    t = sp.Symbol("t", real=True)
    expr = (1 + 3 * sp.exp(x)) ** (-t)
    new, fired = stabilize(expr)
    assert "power_of_softplus" in fired
    with np.errstate(all="ignore"):
        assert _np(expr, (x, t))(1e3, 1e-3) == 0.0  # e^{1000} overflows; the truth e^{-1.0011} ~ 0.37
    for values in ((1e3, 1e-3), (-2.0, 0.5), (40.0, 2.5), (-1e300, 7.0), (1e300, 1e-300)):
        assert _same_at(expr, new, (x, t), values), values


@pytest.mark.parametrize("expr, at", [
    (sp.exp(x ** 2) * sp.erfc(x), 30.0),  # Mills' ratio of erfc: inf * 0 written as e^{x^2} erfc(x)
    (sp.exp(-2 * x ** 2) / (1 + sp.erf(x)) ** 2, -30.0),  # a squared normal tail under its Gaussian (a probit Hessian)
])
def test_gaussian_tail_takes_the_gaussian_into_erfcx(expr, at):
    """``gaussian_tail`` (after ``erf_ndtr``): the Gaussian and the tail underflow (or overflow) at the point, the
    naive form is nan or 0, and the rewrite through erfcx keeps every digit (REL_TOL)."""
    import scipy.special

    new, fired = stabilize(expr)
    assert "gaussian_tail" in fired
    special = {"erfc": scipy.special.erfc, "erf": scipy.special.erf, "erfcx": scipy.special.erfcx,
               "ndtr": scipy.special.ndtr}
    with np.errstate(all="ignore"):
        naive, got = (float(sp.lambdify([x], e, modules=[special, "numpy"])(at)) for e in (expr, new))
    with mpmath.workdps(600):  # 1 + erf(-30) = erfc(30) ~ 1e-393 needs the digits
        want = sp.lambdify([x], expr, modules="mpmath")(mpmath.mpf(at))
    assert not abs(naive - want) <= REL_TOL * abs(want)
    assert abs(got - want) <= REL_TOL * abs(want)


def test_a_scaled_cosine_stays_comparable_with_zero():
    """``scales_into_sum`` holds each scaled entry in a :class:`~symbolic.functions.Held`, which keeps its content's
    sign facts: with sympy's ``UnevaluatedExpr`` the scaled cosine was "neither positive, negative nor zero", so "not
    real", and $\\max(0, \\cos - m)$ (a cosine embedding loss) raised "not comparable" inside the rules."""
    n = sp.Symbol("n", integer=True, positive=True)
    u, v = sp.IndexedBase("u", real=True), sp.IndexedBase("v", real=True)
    m = sp.Symbol("m", real=True)
    cos = (sp.Sum(u[j] * v[j], (j, 0, n - 1))
           / (sp.sqrt(sp.Sum(u[j] ** 2, (j, 0, n - 1))) * sp.sqrt(sp.Sum(v[j] ** 2, (j, 0, n - 1)))))
    new, fired = stabilize(sp.Max(0, cos - m))
    assert "scales_into_sum" in fired and isinstance(new, sp.Max)


def test_heaviside_select_first_selects_the_step_as_derived():
    """The derivative of $\\max(\\sigma(z) - m, 0)^\\gamma$ where $\\sigma(z) < m$: $\\gamma \\max^\\gamma / \\max \\cdot H$ is
    $0/0 \\cdot 0$; ``heaviside_select`` alone comes after ``sigmoid_stable`` has put $|z|$ into the step and leaves
    such a kinked step a product, ``heaviside_select_first`` selects it first: 0, the derivative there."""
    from codegen.rules import HEAVISIDE_SELECT_FIRST, RULES, SIGMOID_STABLE

    gamma = sp.Symbol("gamma", positive=True)
    d = sp.diff(sp.Max(1 / (1 + sp.exp(-x)) - sp.Rational(1, 2), 0) ** gamma, x)
    # before sigmoid_stable puts |z| into the step (only fold_at_kink, which leaves a product of steps alone, before it)
    assert RULES.index(HEAVISIDE_SELECT_FIRST) < RULES.index(SIGMOID_STABLE)
    assert all(r.name == "fold_at_kink" for r in RULES[:RULES.index(HEAVISIDE_SELECT_FIRST)])
    new = HEAVISIDE_SELECT_FIRST.apply(d)
    with np.errstate(all="ignore"):
        assert not np.isfinite(_np(d, [x, gamma])(-1.0, 1.5)) and _np(new, [x, gamma])(-1.0, 1.5) == 0.0


def test_atan_reflection_on_a_cauchy_log_cdf():
    """$\\log(\\frac12 + \\frac1\\pi\\arctan x)$ at $x = -10^{20}$: the sum rounds to 0 and the log is $-\\infty$ where the
    truth is $\\log(1/(\\pi \\cdot 10^{20}))$; as $\\log(-\\arctan(1/x)/\\pi)$ every digit is kept (REL_TOL)."""
    expr = sp.log(sp.Rational(1, 2) + sp.atan(x) / sp.pi)
    new, fired = stabilize(expr)
    assert "atan_reflection" in fired
    assert _naive_fails(expr, [x], [-1e20])
    assert _same_at(expr, new, [x], [-1e20]) and _same_at(expr, new, [x], [0.75])


@pytest.mark.parametrize("rule, expr, args, at", [
    # log(1 + (t/a)^b) at t/a = 1e300, b = 2.5 (a log-logistic hazard): the power overflows, truth 1727
    ("log1p_power", sp.log(1 + (x / sp.Symbol("a", real=True)) ** sp.Symbol("b", real=True)), "x a b", (1e150, 1e-150, 2.5)),
    # b (x/a)^b / x at x = 1e-300, b = 1.5 (a power-law gradient): the power underflows, truth 1.5e-150
    ("power_ratio_over_numerator",
     sp.Symbol("b", real=True) * (x / sp.Symbol("a", real=True)) ** sp.Symbol("b", real=True) / x, "x a b",
     (1e-300, 1.0, 1.5)),
])
def test_a_power_of_a_ratio_is_not_formed_where_it_leaves_the_float_range(rule, expr, args, at):
    symbols = [x if s == "x" else sp.Symbol(s, real=True) for s in args.split()]
    new, fired = stabilize(expr)
    assert rule in fired
    values = [np.float64(v) for v in at]
    assert _naive_fails(expr, symbols, values)
    assert _same_at(expr, new, symbols, values)



def test_mixture_with_one_on_a_hurdle_probability():
    """$-\\log(a + (1 - a)e^{-e^{x}})$ (a zero-inflated count model's zero) at $x = -100$: the sum rounds to 1 and the
    value to 0 where the truth is $(1 - a)e^{-100}$; as $-\\operatorname{log1p}((1 - a)\\operatorname{expm1}(-e^{x}))$
    exact, and where that argument is near $-1$ ($a = 0$, $x = 3$) the sum as written is kept (REL_TOL both)."""
    a = sp.Symbol("a", real=True)
    expr = -sp.log(a + (1 - a) * sp.exp(-sp.exp(x)))
    new, fired = stabilize(expr)
    assert "mixture_with_one" in fired
    at = [np.float64(-100.0), np.float64(0.3)]
    assert _naive_fails(expr, [x, a], at)
    assert _same_at(expr, new, [x, a], at) and _same_at(expr, new, [x, a], [np.float64(3.0), np.float64(0.0)])


def test_ratio_before_unequal_powers_on_a_length_scale_gradient():
    """$(x - y)^2 / \\ell^3$ (the gradient of a squared-exponential kernel in its length scale) at $x - y = \\ell =
    10^{300}$: $\\infty/\\infty$ where the truth is $10^{-300}$; as $((x - y)/\\ell)^2 / \\ell$ exact (REL_TOL)."""
    from codegen.rules import RATIO_BEFORE_UNEQUAL_POWERS

    y, ell = sp.Symbol("y", real=True), sp.Symbol("ell", positive=True)
    expr = (x - y) ** 2 / ell ** 3
    new = RATIO_BEFORE_UNEQUAL_POWERS.apply(expr)
    at = [np.float64(2e300), np.float64(1e300), np.float64(1e300)]
    assert _naive_fails(expr, [x, y, ell], at)
    assert _same_at(expr, new, [x, y, ell], at) and _same_at(expr, new, [x, y, ell], [np.float64(0.5)] * 2 + [np.float64(3.0)])


def test_unit_sum_complement_on_a_gini_impurity_of_a_softmax():
    """$1 - \\sum_i p_i^{2}$ (the Gini impurity) of the softmax of $(40, 0, 0)$: the sum rounds to 1 and the value to 0
    where the truth is $4 e^{-40}$; the rule writes it $-\\sum_i p_i \\operatorname{expm1}(\\log p_i)$, each term of
    one sign, the same value (the log-softmax rules then keep the top entry's log)."""
    from codegen.rules import UNIT_SUM_COMPLEMENT

    q = sp.Symbol("q", positive=True)
    expr = 1 - sp.Sum(SOFTMAX ** q, (i, 0, K - 1))
    new = UNIT_SUM_COMPLEMENT.apply(expr)
    assert not new.has(sp.Pow(SOFTMAX, q)) and new.has(sp.log(SOFTMAX))
    at = (np.array([40.0, 0.0, 0.0]), 3, 2.0)
    assert _naive_fails(expr, (z, K, q), at)
    with mpmath.workdps(60):
        args = [_exact(a) for a in at]
        assert abs(_mp(new, (z, K, q))(*args) - _mp(expr, (z, K, q))(*args)) < mpmath.mpf(10) ** -50


def test_unit_sum_complement_on_a_squared_softmax_as_sympy_writes_it():
    r"""At a number $q = 2$ sympy writes $p_i^2$ as $e^{2 z_i} / (\sum_j e^{z_j})^2$, and $\operatorname{expm1}(\log p_i)$
    as $p_i - 1$: the rule must still see the power of a softmax, and keep the expm1 of the split log.  The search
    on the definition then meets the extreme target where the plain form gave inf (a top entry of 700 overflows)."""
    from sympy.codegen.cfunctions import expm1

    from codegen.define_module import search
    from codegen.rules import UNIT_SUM_COMPLEMENT
    from formulary import api

    expr = 1 - sp.Sum(SOFTMAX ** 2, (i, 0, K - 1))
    new = UNIT_SUM_COMPLEMENT.apply(expr)
    assert new != expr and new.has(expm1)
    at = (np.array([40.0, 0.0, 0.0]), 3)
    assert _naive_fails(expr, (z, K), at)
    with mpmath.workdps(60):
        args = [_exact(a) for a in at]
        assert abs(_mp(new, (z, K))(*args) - _mp(expr, (z, K))(*args)) < mpmath.mpf(10) ** -50
    (f,) = api.define("gini(z) = 1 - sum((exp(z[i])/sum(exp(z[j]), j, 0, n-1))**2, i, 0, n-1)")
    _, _, err, row = search(f, False)
    assert "unit_sum_complement" in row["rules"] and err.extreme <= 1e-10 and err.ordinary <= 1e-12


def test_a_power_of_a_ratio_drops_a_numerator_equal_but_not_identical_to_its_divisor():
    """The numerator $x$ in $(x/a)^b$ and the divisor $x$ are equal symbols but two objects when sympy's cache was
    cleared between them (CI's workers, after other files; built here past the cache, which stays as it is): the rewrite must take out the equal one, not leave it
    in (it gave $b\\,x\\,(x/a)^{b-1}/a$, $x$ times the truth)."""
    from codegen.rules_power_ratio import power_ratio_over_numerator

    a, b = sp.Symbol("a", positive=True), sp.Symbol("b", positive=True)
    x1 = sp.Symbol("x", positive=True)
    x2 = sp.Symbol.__xnew__(sp.Symbol, "x", positive=True)  # built past the cache, as after clear_cache
    assert x1 == x2 and x1 is not x2  # the case itself: equal, not identical
    expr = b * (x1 / a) ** b / x2
    new = power_ratio_over_numerator(expr)
    at = {x1: sp.Rational(3, 7), x2: sp.Rational(3, 7), a: sp.Rational(5, 2), b: sp.Rational(3, 2)}
    assert sp.N(new.xreplace(at) - expr.xreplace(at), 30) == 0


def test_mean_from_top_with_the_offset_of_a_softmax_with_a_sink():
    r"""$p_i = e^{x_i} / (c + \sum_j e^{x_j})$ (a softmax with a sink logit $\log c$) has the VJP $p_k (g_k - \sum_i g_i
    p_i)$, whose difference cancels at a dominant top entry ($x_0 = 700$: every component near $e^{-700}$, and the plain
    form erred by 8e25).  Its weighted sum is max-shifted inside (``exp_normalize_offset``) and measured from the top
    value with the weights' deficit $c e^{-m} / D$ kept (``mean_from_top``): the VJP meets its extreme target."""
    from codegen.define import derive_gradients
    from codegen.define_module import search
    from formulary import api

    (f,) = api.define("sinkthree(x)[i] = exp(x[i])/(3 + sum(exp(x[j]), j, 0, n-1))")
    derive_gradients(f)
    _, _, err, row = search(f, True)
    assert "mean_from_top" in row["rules"] and err.vjp_extreme <= 1e-8 and err.vjp <= 1e-8


def test_cos_minus_one_on_a_redescending_loss():
    """$c^2(1 - \\cos(r/c))$ (Andrews' wave) at $r/c = 10^{-8}$: the difference rounds to 0 where the truth is
    $5 \\cdot 10^{-17} c^2$; as $2c^2\\sin^2(r/(2c))$ every digit is kept (REL_TOL)."""
    c = sp.Symbol("c", positive=True)
    expr = c ** 2 * (1 - sp.cos(x / c))
    new, fired = stabilize(expr)
    assert "cos_minus_one" in fired
    assert _naive_fails(expr, [x, c], [1.5e-8, 1.5])
    assert _same_at(expr, new, [x, c], [1.5e-8, 1.5]) and _same_at(expr, new, [x, c], [2.5, 1.5])


@pytest.mark.parametrize("expr, at", [
    (sp.log(sp.Rational(1, 2) + sp.atan(x) / sp.pi), 1e20),  # the Cauchy log-CDF's upper tail: log(1) = 0
    (sp.log(2 * sp.atan(sp.exp(sp.pi * x / 2)) / sp.pi), 30.0),  # the hyperbolic secant's upper tail
    (sp.log(2 * sp.atan(sp.exp(sp.pi * x / 2)) / sp.pi), -1e3),  # its lower tail: e^{-1571} underflows, log 0
])
def test_log_atan_complement_in_both_tails(expr, at):
    new, fired = stabilize(expr)
    assert "log_atan_complement" in fired
    assert _naive_fails(expr, [x], [at])
    assert _same_at(expr, new, [x], [at]) and _same_at(expr, new, [x], [0.75])


def test_root_cancel_of_one_plus_a_root_ratio():
    """$\\frac{x}{2}(1 + x/\\sqrt{1 + x^2})$ (PFLU) at $x = -10^{7}$: the sum keeps 2 digits of $5 \\cdot 10^{-15}$ (at
    $-10^{8}$ it is 0); as $x / (2\\sqrt{1 + x^2}(\\sqrt{1 + x^2} - x))$, the factor $x$ in the branch, every digit is kept
    (the 60-digit oracle of these tests cannot reach $x = -10^{150}$, where $1 + x^2$ needs 300)."""
    expr = x * (1 + x / sp.sqrt(1 + x ** 2)) / 2
    new, fired = stabilize(expr)
    assert "root_cancel" in fired
    assert _naive_fails(expr, [x], [-1e7])
    assert _same_at(expr, new, [x], [-1e7]) and _same_at(expr, new, [x], [-1e20]) and _same_at(expr, new, [x], [0.75])



def test_argument_over_scale_through_the_guard_of_a_power():
    r"""$\frac{(1 + x)^{\lambda} - 1}{\lambda}$ (the Yeo-Johnson transform's branch $x \ge 0$): ``power_expm1`` guards
    $\operatorname{expm1}(\lambda\operatorname{log1p}(x))$ by $x > -1$, and the $\frac{1}{\lambda}$ outside the guard
    once kept ``argument_over_scale`` away: at $x = \lambda = 10^{-300}$, $\lambda\operatorname{log1p}(x)$ underflows
    and the value was 0 where the truth is $10^{-300}$ (REL_TOL, against mpmath at 700 digits)."""
    lam = sp.Symbol("lambda", positive=True)
    new, fired = stabilize(((1 + x) ** lam - 1) / lam)
    assert "argument_over_scale" in fired
    with mpmath.workdps(700):
        want = float(mpmath.expm1(mpmath.mpf(1e-300) * mpmath.log1p(mpmath.mpf(1e-300))) / mpmath.mpf(1e-300))
    with np.errstate(all="ignore"):
        got = _np(new, [x, lam])(1e-300, 1e-300)
    assert abs(got - want) <= REL_TOL * abs(want)
    assert _same_at(((1 + x) ** lam - 1) / lam, new, [x, lam], [0.75, 1.5])


def test_power_ratio_over_numerator_inside_a_sum():
    r"""$\frac{d - p (x/a)^{p} - 1}{x}$ (the gradient of a generalised gamma log-density) at $x = 10^{300}$, $p = 1.5$: the
    power overflows, $-\infty$ where the truth is $-\frac{p}{a}(x/a)^{p - 1} \approx -1.5 \cdot 10^{150}$; with $1/x$
    multiplied into the sum the power's term is $(x/a)^{p - 1}/a$ (REL_TOL)."""
    a, d, p = (sp.Symbol(s, positive=True) for s in "adp")
    expr = (d - p * (x / a) ** p - 1) / x
    new, fired = stabilize(expr)
    assert "power_ratio_over_numerator" in fired
    big = np.float64(1e300)  # (a Python float raises OverflowError in the power, NumPy gives inf)
    assert _naive_fails(expr, [x, a, d, p], [big, 1.0, 2.0, 1.5])
    assert _same_at(expr, new, [x, a, d, p], [big, 1.0, 2.0, 1.5])
    assert _same_at(expr, new, [x, a, d, p], [0.7, 1.3, 2.0, 1.5])
