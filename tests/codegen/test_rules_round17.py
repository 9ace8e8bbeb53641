"""General causes behind held-out misses of rounds sixteen and seventeen (heldout43), each tested on formulas other
than the ones that showed it, against mpmath written by hand.

* $\\log\\Gamma(1 + k)$ at a small $k$ (the $-\\log k!$ of a count read as a real number): $1 + k$ rounds and
  ``gammaln`` gives 0 at $k = 10^{-300}$ (the expected Poisson log-likelihood under a Gamma rate, the generalised
  Poisson log-probability): ``log_gamma_near_zero`` takes its Taylor series in $k$;
* $\\tanh^2 u - 1$ (a planar flow's log-determinant) was not ``sech_square``'s $1 - \\tanh^2 u$, and cancelled to 0;
* $\\log|1 + t|$ with a tiny $t$ (the same log-determinant) lost $t$ in $1 + t$: ``log1p_expm1`` takes it too.
"""
import mpmath
import numpy as np
import sympy as sp

from codegen.rules import LOG1P_EXPM1, SECH_SQUARE
from codegen.rules_log_gamma_zero import RADIUS, log_gamma_near_zero

REL_TOL = 1e-14
"""A few roundings of O(1) numbers (a few ulps each; the series' own truncation is below 1e-17)."""

k = sp.Symbol("k", real=True)


def _rel(got, want) -> float:
    return float(abs((mpmath.mpf(float(got)) - want) / want))


def test_log_gamma_next_to_its_zeros_keeps_every_digit_of_a_small_argument():
    for c in (1, 2):
        stable = sp.lambdify(k, log_gamma_near_zero(sp.loggamma(c + k)), modules=["numpy", "scipy"])
        naive = sp.lambdify(k, sp.loggamma(c + k), modules=["numpy", "scipy"])
        # inside the branch, at its edge and outside it (where gammaln is taken as written)
        for u in (1e-300, -1e-300, 1e-8, -3e-3, 0.1, -0.1249, 0.13, -0.2, 0.7, 5.0):
            with mpmath.workdps(400):
                want = mpmath.loggamma(c + mpmath.mpf(u))
                assert _rel(stable(np.float64(u)), want) < REL_TOL, (c, u)
        with mpmath.workdps(400):
            assert _rel(naive(np.float64(1e-300)), mpmath.loggamma(c + mpmath.mpf(1e-300))) == 1.0  # gammaln(c) is 0


def test_log_gamma_branch_is_applied_once_and_only_next_to_a_zero():
    once = log_gamma_near_zero(sp.loggamma(k + 1))
    assert isinstance(once, sp.Piecewise) and once.args[0].cond == (sp.Abs(k) < RADIUS)
    assert log_gamma_near_zero(once) == once  # a second stabilization pass keeps the branch
    for other in (sp.loggamma(k), sp.loggamma(k + 3), sp.loggamma(sp.Rational(3, 2))):
        assert log_gamma_near_zero(other) == other


def test_poisson_log_probability_of_a_tiny_count():
    # k log(lam) - lam - log Gamma(k + 1) at k = lam = 1e-300: every term of order 1e-300 (truth -6.9e-298);
    # gammaln(1 + k) gave 0 for the last, off by 5.8e-301
    lam = sp.Symbol("lam", positive=True)
    fn = sp.lambdify((k, lam), log_gamma_near_zero(k * sp.log(lam) - lam - sp.loggamma(k + 1)),
                     modules=["numpy", "scipy"])
    for kv, lv in ((1e-300, 1e-300), (2e-9, 3e-9), (0.7, 1.3)):
        with mpmath.workdps(700):
            mk, ml = mpmath.mpf(kv), mpmath.mpf(lv)
            want = mk * mpmath.log(ml) - ml - mpmath.loggamma(mk + 1)
            assert _rel(fn(np.float64(kv), np.float64(lv)), want) < REL_TOL, (kv, lv)


def test_sech_square_takes_either_sign_and_a_common_factor():
    u = sp.Symbol("u", real=True)
    for expr, c in ((sp.tanh(u) ** 2 - 1, -1), (3 - 3 * sp.tanh(u) ** 2, 3)):
        new = SECH_SQUARE.apply(expr)
        assert not new.has(sp.tanh)
        fn = sp.lambdify(u, new, modules="numpy")
        with mpmath.workdps(50):
            want = c / mpmath.cosh(20) ** 2  # 1 - tanh(20)^2 rounds to 0 in float64
        assert _rel(fn(20.0), want) < REL_TOL
    assert SECH_SQUARE.apply(1 - 2 * sp.tanh(u) ** 2) == 1 - 2 * sp.tanh(u) ** 2  # not c - c tanh^2


def test_log_of_the_magnitude_of_one_plus_a_tiny_term():
    # log|1 + t| on both sides of t = -1, and at t = 1e-14 where 1 + t keeps two digits of t
    t = sp.Symbol("t", real=True)
    new = LOG1P_EXPM1.apply(sp.log(sp.Abs(1 + t)))
    assert not new.has(sp.Abs)
    fn = sp.lambdify(t, new, modules="numpy")
    for tv in (1e-14, -1e-14, -1 + 2 ** -30, -1 - 2 ** -30, -3.5, 40.0):
        with mpmath.workdps(60):
            want = mpmath.log(abs(1 + mpmath.mpf(tv)))
        with np.errstate(invalid="ignore"):  # NumPy evaluates both branches of the where
            got = fn(np.float64(tv))
        assert _rel(got, want) < REL_TOL, tv
