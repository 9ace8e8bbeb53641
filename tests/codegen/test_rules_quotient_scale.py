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
