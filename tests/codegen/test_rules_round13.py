"""The rules round thirteen's misses added or widened: ``erfc_ndtr`` (sympy's $2 - \\operatorname{erfc}(z)$ for
$\\operatorname{erfc}(-z)$ as $2\\Phi(\\sqrt2 z)$) and ``stirling_branch`` for arguments $\\alpha u + c$.  Each on two
formulas, at a point where the plain form fails, against the textbook formula in mpmath (written here by hand)."""
import mpmath
import numpy as np
import pytest
import scipy.special
import sympy as sp

from codegen.rules import COSTLY_RULES, RULES, stabilize

REL_TOL = 1e-13
"""A few roundings of O(1) numbers at each point (the plain forms err by O(1) or are not finite)."""

x = sp.Symbol("x", real=True)
nu = sp.Symbol("nu", positive=True)


def _np(expr, args):
    """Float64 code of ``expr`` (sympy's SciPy printer; Formulary's Phi and log Phi as scipy's)."""
    return sp.lambdify(args, expr, modules=[{"ndtr": scipy.special.ndtr, "log_ndtr": scipy.special.log_ndtr},
                                            "scipy", "numpy"])


def _rel(got, want) -> float:
    return float(abs(mpmath.mpf(float(got)) - want) / abs(want))


def _with(name):
    """The registry's rules and the one costly rule ``name`` (no search), in priority order."""
    return tuple(sorted(RULES + tuple(r for r in COSTLY_RULES if r.name == name), key=lambda r: r.priority))


def _phi(u):
    return mpmath.ncdf(u)


@pytest.mark.parametrize("expr, at, truth", [
    # the log-normal log-CDF log(erfc(-u)/2), u = (log y - mu)/(sigma sqrt 2), at u = -6: sympy's 1 - erfc(u)/2
    # rounds to 0 (truth log Phi(-6 sqrt 2) = -39.6)
    (sp.log(sp.erfc(-x) / 2), -6.0, lambda v: mpmath.log(_phi(mpmath.sqrt(2) * v))),
    # GELU written with the complementary error function, x erfc(-x/sqrt 2)/2, at x = -10: sympy's
    # x (2 - erfc(x/sqrt 2))/2 is 0 where the truth x Phi(x) is -7.6e-23
    (x / 2 * sp.erfc(-x / sp.sqrt(2)), -10.0, lambda v: v * _phi(v)),
])
def test_erfc_ndtr_keeps_the_lower_tail_of_a_complementary_error_function(expr, at, truth):
    assert expr.has(sp.erfc) and not expr.has(sp.erfc(-x))  # sympy has reflected it: the form the rule is for
    new, fired = stabilize(expr)
    assert "erfc_ndtr" in fired
    with mpmath.workdps(60):
        want = truth(mpmath.mpf(at))
        with np.errstate(all="ignore"):
            assert not _rel(_np(expr, [x])(at), want) <= 1e-6
        assert _rel(_np(new, [x])(at), want) <= REL_TOL


STUDENT_T_ENTROPY = ((nu + 1) / 2 * (sp.polygamma(0, (nu + 1) / 2) - sp.polygamma(0, nu / 2)) + sp.log(nu) / 2
                     + sp.loggamma(nu / 2) + sp.log(sp.pi) / 2 - sp.loggamma((nu + 1) / 2))


def _student_t_entropy(v):
    return ((v + 1) / 2 * (mpmath.digamma((v + 1) / 2) - mpmath.digamma(v / 2)) + mpmath.log(v) / 2
            + mpmath.loggamma(v / 2) + mpmath.log(mpmath.pi) / 2 - mpmath.loggamma((v + 1) / 2))


@pytest.mark.parametrize("expr, points, truth", [
    # the Student t entropy: at nu = 1e300 its terms are 345 each and psi((nu + 1)/2) - psi(nu/2) rounds to 0
    # where the truth is 1/nu (error 0.35); the sum is (1 + log 2 pi)/2 + 1/nu + ...
    (STUDENT_T_ENTROPY, (1e300, 1e8, 41.0), _student_t_entropy),
    # a difference of log-gamma functions half a unit apart with its Stirling leading term (a chi log-density's
    # normalizer less its limit): at k = 1e200 the three terms are 1e202 and their sum -1/(8k)
    (sp.loggamma(nu + sp.Rational(1, 2)) - sp.loggamma(nu) - sp.log(nu) / 2, (1e200, 1e6, 50.0),
     lambda v: mpmath.loggamma(v + mpmath.mpf(1) / 2) - mpmath.loggamma(v) - mpmath.log(v) / 2),
])
def test_stirling_branch_takes_shifted_arguments_as_their_series(expr, points, truth):
    rules = _with("stirling_branch")
    new, fired = stabilize(expr, rules)
    assert "stirling_branch" in fired
    plain, fine = _np(expr, [nu]), _np(new, [nu])
    for v in points:
        with mpmath.workdps(40 + 2 * int(abs(np.log10(v)))):
            want = truth(mpmath.mpf(v))
            with np.errstate(all="ignore"):
                assert _rel(fine(np.float64(v)), want) <= REL_TOL, v
                if v > 1e100:
                    assert not _rel(plain(np.float64(v)), want) <= 1e-6


y, mu = sp.symbols("y mu", positive=True)
s1, s2, m1, m2 = sp.Symbol("s_1", positive=True), sp.Symbol("s_2", positive=True), *sp.symbols("m_1 m_2", real=True)


@pytest.mark.parametrize("expr, args, at, truth", [
    # the gamma deviance 2((y - mu)/mu - log(y/mu)) at y/mu = 1 + 1e-5: terms of order 1, sum 1e-10 (six digits lost)
    (2 * ((y - mu) / mu - sp.log(y / mu)), (y, mu), (1.00001, 1.0),
     lambda a, b: 2 * ((a - b) / b - mpmath.log(a / b))),
    # a Gaussian KL divergence log(s2/s1) + (s1^2 + (m1 - m2)^2)/(2 s2^2) - 1/2 at s1/s2 = 1 + 1e-6, m1 = m2: sum 1e-12
    (sp.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - sp.Rational(1, 2), (s1, s2, m1, m2),
     (1.000001, 1.0, 0.25, 0.25), lambda a, b, c, d: mpmath.log(b / a) + (a ** 2 + (c - d) ** 2) / (2 * b ** 2) - 0.5),
])
def test_log_bregman_keeps_a_divergence_of_minus_log_near_equal_arguments(expr, args, at, truth):
    rules = _with("log_bregman")
    new, fired = stabilize(expr, rules)
    assert "log_bregman" in fired
    with mpmath.workdps(60):
        want = truth(*[mpmath.mpf(v) for v in at])
        assert not _rel(_np(expr, args)(*at), want) <= 1e-12  # the ordinary target
        assert _rel(_np(new, args)(*at), want) <= REL_TOL
        far = [2 * at[0]] + list(at[1:])  # outside |x - y| < y/2: the sum as written, equally accurate there
        assert _rel(_np(new, args)(*far), truth(*[mpmath.mpf(v) for v in far])) <= REL_TOL


def test_log_bregman_needs_the_constant_that_cancels():
    x = sp.Symbol("x", positive=True)
    for kept in (x / y - sp.log(x / y), x / y + sp.log(x / y) - 1, 2 * x / y - sp.log(x / y) - 2):
        _, fired = stabilize(kept, _with("log_bregman"))
        assert "log_bregman" not in fired


def _beta_prime(v, a, b):
    return (a - 1) * mpmath.log(v) - (a + b) * mpmath.log(1 + v)


@pytest.mark.parametrize("expr, args, at, truth", [
    # a beta-prime log-density's (a - 1) log x - (a + b) log(1 + x) at x = a = 1e300: terms -+7e302, sum -692 (b = 2.5)
    ((y - 1) * sp.log(mu) - (y + sp.Rational(5, 2)) * sp.log(1 + mu), (mu, y), (1e300, 1e300),
     lambda v, a: _beta_prime(v, a, mpmath.mpf(5) / 2)),
    # the log odds log u - log(1 + u) at u = 1e20: 46.05 - 46.05 rounds to 0 where the truth is -1e-20
    (sp.log(mu) - sp.log(1 + mu), (mu,), (1e20,), lambda v: mpmath.log(v) - mpmath.log(1 + v)),
])
def test_softplus_reflection_takes_log_one_plus_a_positive_term(expr, args, at, truth):
    new, fired = stabilize(expr)
    assert "softplus_reflection" in fired
    with mpmath.workdps(700):
        want = truth(*[mpmath.mpf(v) for v in at])
        with np.errstate(all="ignore"):
            assert not _rel(_np(expr, args)(*at), want) <= 1e-6
            assert _rel(_np(new, args)(*at), want) <= REL_TOL
            small = [np.float64(0.5)] + list(at[1:])  # log u <= 0: the sum as written
            assert _rel(_np(new, args)(*small), truth(*[mpmath.mpf(v) for v in small])) <= REL_TOL


def test_stirling_branch_leaves_shifted_arguments_beside_other_symbols():
    """The Student t log-density's normalizer cancels at large nu, but its log(1 + d^2/(nu s^2)) has a series in 1/nu
    only where d^2/s^2 < nu, which no threshold on nu alone ensures; beside nu log(2 b + s (y - d)^2) (the evidential
    NLL) the series leaves nu (log Q - log P), which cancels again by nu (its extreme error went 1.0 -> 180): the
    shifted-argument form takes sums of the one symbol alone, and these are left as written."""
    from codegen.rules_stirling import stirling_branch

    d, s, b = sp.symbols("d s b", positive=True)
    t_log_density = (sp.loggamma((nu + 1) / 2) - sp.loggamma(nu / 2) - sp.log(nu * sp.pi) / 2
                     - (nu + 1) / 2 * sp.log(1 + d ** 2 / (nu * s ** 2)))
    evidential_like = (-nu * sp.log(2 * b) + (nu + sp.Rational(1, 2)) * sp.log(2 * b + s * (y - d) ** 2)
                       + sp.loggamma(nu) - sp.loggamma(nu + sp.Rational(1, 2)))
    for kept in (t_log_density, evidential_like):
        assert not stirling_branch(kept).has(sp.Piecewise)
