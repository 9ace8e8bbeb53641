"""The rules held-out round fifteen's misses widened: ``power_of_ratio`` where the numerator's sign is the note's
(not sympy's) and ``scaled_sqrt`` over a sum of squares of quotients.  Each on a formula other than the one that
motivated it, at a point where the plain form fails, against the formula in mpmath (written here by hand);
``polynomial_quotient_scale``'s gradients are in ``test_rules_quotient_scale.py``."""
import mpmath
import numpy as np
import sympy as sp

from codegen.rules import COSTLY_RULES, RULES, stabilize

REL_TOL = 1e-13
"""A few roundings of O(1) numbers (and one exponential of an argument below 1400: 1400 ulps at most, well below)."""


def _with(name):
    """The registry's rules and the one costly rule ``name`` (no search), in priority order."""
    return tuple(sorted(RULES + tuple(r for r in COSTLY_RULES if r.name == name), key=lambda r: r.priority))


def test_power_of_ratio_where_the_numerator_is_positive_by_the_notes_domain():
    # motivated by the generalised gamma's gradient p (x/a)^(p - 1) / a (x > 0 stated in the note, sympy's x only real);
    # here a Weibull hazard (k/lam) (t/lam)^(k - 1) at t = 1e300, lam = 1e-300, k = 0.6: t/lam overflows (1e600), the
    # power is 0, the truth 0.6e300 (1e600)^(-0.4) = 6e59.  A negative t keeps the power (nan, as the power itself)
    t, lam, k = sp.Symbol("t", real=True), sp.Symbol("lam", positive=True), sp.Symbol("k", real=True)
    expr = k / lam * (t / lam) ** (k - 1)
    new, fired = stabilize(expr, _with("power_of_ratio"))
    assert "power_of_ratio" in fired
    fn, plain = (sp.lambdify((t, lam, k), e, modules="numpy") for e in (new, expr))
    for values in ((1e300, 1e-300, 0.6), (2.0, 3.0, 1.5), (1e300, 1e-300, 0.9), (0.5, 2.0, 0.3)):
        with mpmath.workdps(80):
            want = mpmath.mpf(values[2]) / mpmath.mpf(values[1]) * (mpmath.mpf(values[0]) / mpmath.mpf(values[1])) ** (
                mpmath.mpf(values[2]) - 1)
        with np.errstate(all="ignore"):
            got = fn(*(np.float64(v) for v in values))
        assert abs(got - want) <= REL_TOL * abs(want), (values, got, want)
    with np.errstate(all="ignore"):
        assert plain(np.float64(1e300), np.float64(1e-300), np.float64(0.6)) == 0.0  # the plain form loses it all
        assert np.isnan(fn(np.float64(-2.0), np.float64(3.0), np.float64(0.5)))


def test_scaled_sqrt_of_a_sum_of_standardised_squares():
    # motivated by a Mahalanobis distance with a diagonal covariance sqrt(sum (x_i - mu_i)^2 / s_i^2); here a
    # chi-like statistic sqrt(sum (o_i - e_i)^2 / e_i^2) of relative residuals: at o_0 = 1e300 the squares overflow,
    # inf, where the truth is 1e300 / e_0; tiny o and e (ratios of order 1) and ordinary ones keep their digits
    n, i = sp.Symbol("n", integer=True, positive=True), sp.Symbol("i", integer=True)
    o, e = sp.IndexedBase("o", real=True), sp.IndexedBase("e", positive=True)
    expr = sp.sqrt(sp.Sum((o[i] - e[i]) ** 2 / e[i] ** 2, (i, 0, n - 1)))
    new, fired = stabilize(expr)
    assert "scaled_sqrt" in fired
    from codegen.define_module import compile_function
    from formulary import api

    (f,) = api.define("chistat(o, e) = sqrt(sum((o[i] - e[i])**2/e[i]**2, i, 0, n-1))")
    _, mod = compile_function(f, False)
    _, plain = compile_function(f, False, tuple(r for r in RULES if r.name != "scaled_sqrt"))
    for ov, ev in (([1e300, 2.0, 3.0, 0.5], [1.5, 2.5, 1.0, 0.7]), ([2e-300, 1e-300, 4e-300, 3e-300],
                                                                    [1e-300, 3e-300, 1e-300, 2e-300]),
                   ([0.3, 2.0, 3.0, 0.5], [1.5, 2.5, 1.0, 0.7])):
        with mpmath.workdps(80):
            want = mpmath.sqrt(mpmath.fsum(((mpmath.mpf(a) - mpmath.mpf(b)) / mpmath.mpf(b)) ** 2 for a, b in zip(ov, ev)))
        with np.errstate(all="ignore"):
            got = mod.chistat(np.array(ov), np.array(ev))
            naive = plain.chistat(np.array(ov), np.array(ev))
        assert abs(got - want) <= REL_TOL * want, (ov, got, want)
        assert ov[0] != 1e300 or not np.isfinite(naive), naive  # the squares overflow before the rule


def test_sigmoid_difference_on_the_mass_of_a_logistic_bin():
    # motivated by the gradient of a smooth epsilon-insensitive loss, sigma(r - e) - sigma(-r - e) at r = 1e-300; here
    # the mass of a bin [c, c + w] under a logistic of scale s, sigma((x - c)/s) - sigma((x - c - w)/s): in the far
    # upper tail (x - c = 50 s) both round to 1 and the mass (1.2e-22) to 0; at 1e300 no exponential overflows
    x, c, w, s = sp.Symbol("x", real=True), sp.Symbol("c", real=True), sp.Symbol("w", positive=True), sp.Symbol("s", positive=True)
    expr = 1 / (1 + sp.exp(-(x - c) / s)) - 1 / (1 + sp.exp(-(x - c - w) / s))
    new, fired = stabilize(expr, _with("sigmoid_difference"))
    assert "sigmoid_difference" in fired
    args = (x, c, w, s)
    fn, plain = (sp.lambdify(args, e, modules="numpy") for e in (new, expr))
    for values in ((51.0, 0.0, 1.0, 1.0), (-3.0, 0.5, 2.0, 0.7), (1e300, 0.0, 1.0, 1.0), (0.2, 0.1, 1e-300, 1.0),
                   (-60.0, 0.0, 1.0, 1.0)):
        with mpmath.workdps(80):
            xm, cm, wm, sm = (mpmath.mpf(v) for v in values)
            want = 1 / (1 + mpmath.exp(-(xm - cm) / sm)) - 1 / (1 + mpmath.exp(-(xm - cm - wm) / sm))
        with np.errstate(all="ignore"):
            got = fn(*(np.float64(v) for v in values))
        assert abs(got - want) <= REL_TOL * abs(want), (values, got, want)
    assert plain(51.0, 0.0, 1.0, 1.0) == 0.0  # both sigmoids round to 1
