"""The rules added for held-out round eighteen (heldout44), each on a small formula of its class other than the one
that showed it, against mpmath written by hand (60 digits, or more where the inputs need them): with the rule the
error is within ``REL_TOL``, without it the naive form is inf, nan or off by 1.

* ``softmax_power``: a power of a softmax entry (the squared softmax of a Brier score, a softmax over its $L_2$ norm);
* ``log_sum_exp_sums``, ``exp_pair_hyperbolic``, ``hyperbolic_normalize``: a log of a sum whose summand is itself a
  sum of exponentials or a cosh, and its gradient $\\sinh/\\sum\\cosh$;
* ``log_of_negative_expm1``: $\\log(1 - x^{c})$ with $x^{c}$ far below 1;
* ``log_expm1_factor``: $\\log\\frac{e^{u} - 1}{u}$ (an exponential-family normaliser) beyond $u = 710$.
"""
import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.rules import RULES, stabilize
from derivations.numeric.printers import FormularyNumPyPrinter

REL_TOL = 1e-13
"""A few roundings of O(1) numbers and of exponentials of arguments below 10 (a few ulps each)."""

K = sp.Symbol("K", integer=True, positive=True)
i, j, k = sp.symbols("i j k", integer=True, nonnegative=True)
z = sp.IndexedBase("z", real=True)
u = sp.Symbol("u", real=True)


def _rule(name):
    return next(r for r in RULES if r.name == name)


def _without(name):
    return tuple(r for r in RULES if r.name != name)


def _np(expr, args):
    return sp.lambdify(args, expr, modules="numpy", printer=FormularyNumPyPrinter)


def _truth(expr, args, values, digits=60):
    with mpmath.workdps(digits):
        exact = [[mpmath.mpf(float(v)) for v in a] if isinstance(a, np.ndarray) else
                 (mpmath.mpf(a) if isinstance(a, float) else a) for a in values]
        return sp.lambdify(args, expr, modules="mpmath")(*exact)


def _rel(expr, new, args, values, digits=60) -> float:
    with np.errstate(all="ignore"):
        got = float(_np(new, args)(*values))
    want = _truth(expr, args, values, digits)
    return float(abs(got - want) / abs(want)) if np.isfinite(got) else float("inf")


SQUARED = sp.exp(2 * z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1)) ** 2
OVER_NORM = sp.exp(z[i]) / sp.sqrt(sp.Sum(sp.exp(2 * z[j]), (j, 0, K - 1)))
PRODUCT = sp.exp(z[i] + z[k]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1)) ** 2


@pytest.mark.parametrize("expr", (SQUARED, OVER_NORM, PRODUCT), ids=("squared", "over_norm", "product"))
def test_softmax_power_keeps_a_power_of_a_softmax_finite(expr):
    new = _rule("softmax_power").apply(expr)
    assert new != expr
    args = (z, K, i, k)
    big = (np.array([800.0, 799.0, -5.0]), 3, 1, 0)  # every exponential above 709 overflows: inf/inf
    with np.errstate(all="ignore"):
        assert np.isnan(_np(expr, args)(*big))
    for values in (big, (np.array([0.3, -1.2, 2.0]), 3, 2, 1), (np.array([1e300, 0.0]), 2, 0, 0)):
        assert _rel(expr, new, args, values, digits=200) <= REL_TOL, values
    assert _rule("softmax_power").apply(sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1))) == \
        sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1))  # p = 1 is exp_normalize's


def test_log_of_a_sum_of_cosh_and_of_exponential_pairs():
    beta = sp.Symbol("beta", positive=True)
    for summand in (sp.cosh(beta * z[i]), sp.exp(beta * z[i]) + sp.exp(-beta * z[i]), 1 + sp.exp(beta * z[i])):
        expr = sp.log(sp.Sum(summand, (i, 0, K - 1))) / beta
        new = _rule("log_sum_exp_sums").apply(expr)
        assert new != expr
        args = (z, K, beta)
        for values in ((np.array([-3.0, 1.5, 0.25]), 3, 400.0), (np.array([2.5, -1.0]), 2, 1e300),
                       (np.array([0.5, -0.75, 2.0]), 3, 1.3)):
            assert _rel(expr, new, args, values, digits=60) <= REL_TOL, (summand, values)
        with np.errstate(all="ignore"):
            assert not np.isfinite(_np(expr, args)(np.array([2.5, -1.0]), 2, 1e300))  # the naive form overflows


def test_gradient_of_a_smooth_max_of_magnitudes_at_both_ends():
    # d/dz_k log sum_i (e^{z_i} + e^{-z_i}): overflows at z = 800, and e^{u} - e^{-u} cancels to 0 at u = 1e-300
    expr = (sp.exp(z[k]) - sp.exp(-z[k])) / sp.Sum(sp.exp(z[i]) + sp.exp(-z[i]), (i, 0, K - 1))
    new, fired = stabilize(expr, tuple(r for r in RULES if r.name in ("exp_pair_hyperbolic", "hyperbolic_normalize")))
    assert fired == ("exp_pair_hyperbolic", "hyperbolic_normalize")
    args = (z, K, k)
    tiny, big = (np.array([1e-300, -2e-300, 3e-300]), 3, 0), (np.array([800.0, -3.0]), 2, 0)
    with np.errstate(all="ignore"):
        assert _np(expr, args)(*tiny) == 0.0 and np.isnan(_np(expr, args)(*big))
    for values in (tiny, big, (np.array([30.0, -3.0]), 2, 1), (np.array([0.4, -1.1, 2.2]), 3, 2)):
        assert _rel(expr, new, args, values, digits=400) <= REL_TOL, values


def test_log_of_one_minus_a_small_power():
    # log(1 - x^c): power_expm1 makes it log(-expm1(c log x)), which is log(1) = 0 at x^c = 1e-77
    x, c = sp.Symbol("x", positive=True), sp.Symbol("c", positive=True)
    expr = sp.log(1 - x ** c)
    new, fired = stabilize(expr)
    assert "log_of_negative_expm1" in fired
    old, _ = stabilize(expr, _without("log_of_negative_expm1"))
    args = (x, c)
    assert _rel(expr, old, args, (1e-77, 1.0), digits=400) == 1.0
    for values in ((1e-77, 1.0), (0.3, 2.5), (0.999, 1e-3), (0.5, 1e-150)):
        assert _rel(expr, new, args, values, digits=200) <= REL_TOL, values


def test_log_of_a_quotient_with_an_overflowing_expm1():
    # log((e^u - 1)/u), the log-normaliser of the continuous Bernoulli and of a truncated exponential
    expr = sp.log((sp.exp(u) - 1) / u)
    new = _rule("log_expm1_factor").apply(expr)
    assert new != expr
    with np.errstate(all="ignore"):
        assert not np.isfinite(_np(expr, (u,))(1e3))
    for v in (1e3, 1e150, -1e3, 2.5, -0.7, 30.0):
        assert _rel(expr, new, (u,), (v,), digits=60) <= REL_TOL, v


def test_log_and_power_of_a_share_near_one():
    # the negative binomial's r log(r/(r + mu)) and (r/(r + mu))^r: at r = 1e300 the quotient rounds to 1 (value 0 and
    # 1, truth -mu and e^{-mu}); here a Gamma-Poisson-style p log(p/(p + s)) and its power
    p, s = sp.Symbol("p", positive=True), sp.Symbol("s", positive=True)
    for expr in (p * sp.log(p / (p + s)), (p / (p + s)) ** p, sp.log((p + s) / p)):
        new = _rule("log_share").apply(expr)
        assert new != expr and not new.has(sp.Pow(p + s, -1))
        for values in ((1e300, 1.5), (2.0, 0.75), (1e-3, 40.0), (1e-3, 1e5)):
            assert _rel(expr, new, (p, s), values, digits=700) <= REL_TOL, (expr, values)
    assert _rel(p * sp.log(p / (p + s)), p * sp.log(p / (p + s)), (p, s), (1e300, 1.5), digits=700) == 1.0
    assert _rule("log_share").apply(sp.log(1 / (1 + sp.exp(-p)))) == sp.log(1 / (1 + sp.exp(-p)))  # the sigmoid's
