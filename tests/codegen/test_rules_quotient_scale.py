"""``polynomial_quotient_scale`` on formulas other than the Tversky ratio that motivated it."""
import mpmath
import numpy as np
import sympy as sp

from codegen.rules import POLYNOMIAL_QUOTIENT_SCALE, RULES
from codegen.rules_quotient_scale import polynomial_degree, polynomial_quotient_scale

REL_TOL = 1e-13
"""A few hundred ulps: sums of four products each at most 4 after scaling, one quotient."""

WITH_RULE = tuple(sorted(RULES + (POLYNOMIAL_QUOTIENT_SCALE,), key=lambda r: r.priority))


def _soft_jaccard():
    from codegen.define import derive_gradients  # noqa: F401  (the records come from the public reader)
    from formulary import api

    (f,) = api.define("softjaccard(p, t) = sum(p[i]*t[i], i, 0, n-1)/(sum(p[i] + t[i], i, 0, n-1) - "
                      "sum(p[i]*t[i], i, 0, n-1))")
    return f


def _without_and_with_rule(definition: str, grad: bool):
    """The module of ``definition`` compiled without the rule and with it (its VJP when ``grad``), after checking
    that the rule fired on the function compiled."""
    from codegen.define import derive_gradients
    from codegen.define_module import compile_function
    from formulary import api

    (f,) = api.define(definition)
    if grad:
        derive_gradients(f)
    _, plain = compile_function(f, grad, RULES)
    _, scaled = compile_function(f, grad, WITH_RULE)
    assert "polynomial_quotient_scale" in f.rewrites["vjp" if grad else "forward"]
    return plain, scaled


def _truth(p, t):
    with mpmath.workdps(80):
        pm, tm = [mpmath.mpf(float(v)) for v in p], [mpmath.mpf(float(v)) for v in t]
        s = mpmath.fsum(a * b for a, b in zip(pm, tm))
        return s / (mpmath.fsum(pm) + mpmath.fsum(tm) - s)


def test_polynomial_degree_counts_affine_factors_and_refuses_the_rest():
    n, i = sp.Symbol("n", integer=True), sp.Symbol("i", integer=True)
    p, t = sp.IndexedBase("p"), sp.IndexedBase("t")
    assert polynomial_degree(sp.Sum(p[i] * (1 - t[i]), (i, 0, n - 1)), t) == 1
    assert polynomial_degree(sp.Sum(p[i] ** 2 * (1 - t[i]), (i, 0, n - 1)), p) == 2
    assert polynomial_degree(sp.Sum(sp.exp(p[i]), (i, 0, n - 1)), p) is None


def test_soft_jaccard_at_huge_vectors_and_at_ordinary_ones():
    from codegen.define_module import compile_function

    f = _soft_jaccard()
    _, plain = compile_function(f, False, RULES)
    _, scaled = compile_function(f, False, WITH_RULE)
    assert "polynomial_quotient_scale" in f.rewrites["forward"]
    rng = np.random.default_rng(3)
    for scale_p, scale_t in ((1e300, 1e300), (1e300, 1.0), (1.0, 1.0), (1e150, 1e-150)):
        p, t = rng.uniform(0.1, 2, 4) * scale_p, rng.uniform(0.1, 2, 4) * scale_t
        want = _truth(p, t)
        if not (1e-307 < abs(want) < 1e307):
            continue
        with np.errstate(all="ignore"):
            got, naive = scaled.softjaccard(p, t), plain.softjaccard(p, t)
        assert abs(got - want) <= REL_TOL * abs(want), (scale_p, scale_t, got, want)
        if scale_p == scale_t == 1e300:
            assert not np.isfinite(naive)  # inf/inf before the rule
    p, t = rng.uniform(0.1, 2, 4) * 1e-300, rng.uniform(0.1, 2, 4) * 1e-300
    with np.errstate(all="ignore"):  # tiny vectors: the floor 1 of the scale leaves the quotient as it was
        assert scaled.softjaccard(p, t) == plain.softjaccard(p, t)


def test_a_homogeneous_quotient_and_a_chosen_order_are_left_alone():
    n, i = sp.Symbol("n", integer=True), sp.Symbol("i", integer=True)
    x = sp.IndexedBase("x")
    homogeneous = sp.Sum(x[i] ** 2, (i, 0, n - 1)) / sp.Sum(x[i], (i, 0, n - 1)) ** 2  # homogeneous_scale's case
    assert polynomial_quotient_scale(homogeneous) == homogeneous
    affine = sp.Sum(x[i], (i, 0, n - 1)) / sp.Sum(1 + x[i], (i, 0, n - 1))
    assert polynomial_quotient_scale(affine) != affine
    chosen = affine * sp.Piecewise((x[0], x[0] > 0), (1, True))  # a branch another rule chose: not reordered
    assert polynomial_quotient_scale(chosen) == chosen


def test_a_dice_ratio_is_scaled_by_one_scale_for_both_vectors_and_so_is_its_gradient():
    # 1 - (2 sum p t + e) / (sum p^2 + sum t^2 + e): degree 1 in p above and 2 below, so no vector on its own; both
    # together have degree 2 in both.  At p, t ~ 1e300 the sums of squares overflowed (inf/inf); its gradient
    # 2 g (N p_k / D - t_k) / D (degree 1 over degree 2) at p_0 = 1e300 divided by D = inf and came out 0 where the
    # truth is about 1e-300
    from codegen.define import derive_gradients
    from codegen.define_module import compile_function
    from formulary import api

    (f,) = api.define("dice(p, t) = 1 - (2*sum(p[i]*t[i], i, 0, n-1) + e)/(sum(p[i]**2, i, 0, n-1) + "
                      "sum(t[i]**2, i, 0, n-1) + e)")
    derive_gradients(f)
    _, plain = compile_function(f, True, RULES)
    _, scaled = compile_function(f, True, WITH_RULE)
    assert "polynomial_quotient_scale" in f.rewrites["forward"] and "polynomial_quotient_scale" in f.rewrites["vjp"]

    def truth(p, t, e=1.5):
        with mpmath.workdps(700):
            pm, tm = [mpmath.mpf(float(v)) for v in p], [mpmath.mpf(float(v)) for v in t]
            num = 2 * mpmath.fsum(a * b for a, b in zip(pm, tm)) + e
            den = mpmath.fsum(a * a for a in pm) + mpmath.fsum(b * b for b in tm) + e
            value = 1 - num / den
            grad_p = [2 * (num * a / den - b) / den for a, b in zip(pm, tm)]  # d/dp_k, g = 1
            grad_t = [2 * (num * b / den - a) / den for a, b in zip(pm, tm)]
            return float(value), np.array([float(v) for v in grad_p + grad_t])

    rng = np.random.default_rng(5)
    for scale_p, scale_t in ((1e300, 1e300), (1.0, 1.0), (1e300, 1.0)):
        p, t = rng.uniform(-2, 2, 4) * scale_p, rng.uniform(-2, 2, 4) * scale_t
        want, want_g = truth(p, t)
        with np.errstate(all="ignore"):
            got, got_g = scaled.dice(p, t, e=1.5), np.concatenate(scaled.dice_vjp(p, t, 1.0, e=1.5))
            naive = plain.dice(p, t, e=1.5), np.concatenate(plain.dice_vjp(p, t, 1.0, e=1.5))
        # a few sums of four products, two quotients: 1e-13 is some hundreds of ulps
        assert abs(got - want) <= 1e-13 * abs(want), (scale_p, scale_t, got, want)
        assert np.max(np.abs(got_g - want_g)) <= 1e-13 * np.max(np.abs(want_g)), (scale_p, scale_t)
        if scale_p == 1e300:  # before the rule: inf/inf (nan) with both large; g / inf = 0 in the gradient
            off = np.max(np.abs(naive[1] - want_g)) / np.max(np.abs(want_g))
            assert not np.isfinite(off) or off > 0.5, (scale_t, naive)
            assert scale_t != 1e300 or not np.isfinite(naive[0])


def test_divisive_normalisation_with_an_entry_above_and_a_sum_below():
    r"""$\frac{x_i^2}{\sigma^2 + \sum_j x_j^2}$ (Heeger's divisive normalisation, held-out round 14): the numerator holds
    an entry, no sum (the rule once wanted one); at $x_0 = 10^{300}$ the squares overflow, inf/inf, where the truth of
    entry 0 is 1 (REL_TOL), and at ordinary $x$ the scaled quotient keeps its digits."""
    plain, scaled = _without_and_with_rule("divnorm(x)[i] = x[i]**2/(sigma**2 + sum(x[j]**2, j, 0, n-1))", False)
    for x in (np.array([1e300, 0.5, -2.0, 1.5]), np.array([0.3, -1.2, 2.0, 0.7])):
        with mpmath.workdps(700):
            xs = [mpmath.mpf(float(v)) for v in x]
            den = mpmath.mpf(1.3) ** 2 + mpmath.fsum(v ** 2 for v in xs)
            want = np.array([float(v ** 2 / den) for v in xs])
        with np.errstate(all="ignore"):
            got, naive = scaled.divnorm(x, sigma=1.3), plain.divnorm(x, sigma=1.3)
        assert np.max(np.abs(got - want)) <= REL_TOL * np.max(np.abs(want)), (x, got, want)
        assert np.all(np.isfinite(naive)) == (x[0] < 1e300)  # inf/inf before the rule at the huge entry


def test_gradient_of_a_smoothed_square_normalisation_with_the_squared_sum_below():
    r"""$\frac{1 + x_i^2}{\sum_j (1 + x_j^2)}$ (squares smoothed by one; held-out round 15's Taylor softmax and round 14's
    divisive normalisation motivated the rule's reach): its gradient $\frac{2 x_k g_k}{D} - \frac{2 x_k \sum_i g_i (1 +
    x_i^2)}{D^2}$ has terms of degree 1 over 2 and 3 over 4, $D^2$ below; at $x \sim 10^{200}$ the squares overflow
    where the gradient is about $10^{-200}$ (the rule took neither term before: it wanted equal degrees and $D$ to the
    power $-1$).  Both at huge and at ordinary $x$ within REL_TOL of mpmath."""
    plain, scaled = _without_and_with_rule("sqsmoothing(x)[i] = (1 + x[i]**2)/sum(1 + x[j]**2, j, 0, n-1)", True)
    g = np.array([0.5, -1.0, 2.0, 0.25])
    for x in (np.array([1.2, 0.4, -2.0, 0.7]) * 1e200, np.array([0.3, 1.2, -2.0, 0.7])):
        with mpmath.workdps(700):
            xs, gs = [mpmath.mpf(float(v)) for v in x], [mpmath.mpf(float(v)) for v in g]
            den = mpmath.fsum(1 + v ** 2 for v in xs)
            inner = mpmath.fsum(b * (1 + v ** 2) for b, v in zip(gs, xs))
            want = np.array([float(2 * v * b / den - 2 * v * inner / den ** 2) for b, v in zip(gs, xs)])
        with np.errstate(all="ignore"):
            (got,), (naive,) = scaled.sqsmoothing_vjp(x, g), plain.sqsmoothing_vjp(x, g)
        assert np.max(np.abs(got - want)) <= REL_TOL * np.max(np.abs(want)), (x, got, want)
        assert (np.max(np.abs(naive - want)) <= REL_TOL * np.max(np.abs(want))) == (x[0] < 1e200)


def test_a_factor_of_degree_zero_is_kept_outside_the_scaled_quotient():
    r"""A Rayleigh quotient with a ridge, $\frac{\sum_i w_i x_i^2}{c + \sum_j x_j^2}$: its gradient in $x$ is
    $2 x_k (w_k - \frac{\sum_i w_i x_i^2}{c + \sum_j x_j^2}) / (c + \sum_j x_j^2)$, the bracket of degree 0 in $x$ (no
    polynomial), the rest $\frac{x_k}{c + \sum_j x_j^2}$ of degree 1 over 2: scaled as $\frac{x_k/M}{D/M^2} M^{-1}$, the
    bracket's own quotient on its own.  At $x \sim 10^{300}$ the gradient is about $10^{-300}$ (0 before: the
    squares overflow in $D$); at ordinary $x$ the same digits (REL_TOL, g = 1)."""
    plain, scaled = _without_and_with_rule(
        "ridgerayleigh(x, w) = sum(w[i]*x[i]**2, i, 0, n-1)/(c + sum(x[j]**2, j, 0, n-1))", True)
    w = np.array([0.5, -1.0, 2.0, 0.25])
    for x in (np.array([1.0, 0.4, -2.0, 0.7]) * 1e300, np.array([0.3, 1.2, -2.0, 0.7])):
        with mpmath.workdps(700):
            xs, ws = [mpmath.mpf(float(v)) for v in x], [mpmath.mpf(float(v)) for v in w]
            den = mpmath.mpf(1.5) + mpmath.fsum(v ** 2 for v in xs)
            value = mpmath.fsum(b * v ** 2 for b, v in zip(ws, xs)) / den
            want = np.array([float(2 * v * (b - value) / den) for b, v in zip(ws, xs)])
        with np.errstate(all="ignore"):
            got, naive = scaled.ridgerayleigh_vjp(x, w, 1.0, c=1.5)[0], plain.ridgerayleigh_vjp(x, w, 1.0, c=1.5)[0]
        assert np.max(np.abs(got - want)) <= REL_TOL * np.max(np.abs(want)), (x, got, want)
        assert (np.max(np.abs(naive - want)) <= REL_TOL * np.max(np.abs(want))) == (x[0] < 1e300)
