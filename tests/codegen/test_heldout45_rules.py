"""The rules added for held-out round nineteen (heldout45), each on formulas of its class other than the one that
showed it, against mpmath written by hand (enough digits for the inputs' spread, 60 beyond it): the rule's form is within
``REL_TOL``, the form as written inf, nan or off by more than ``NAIVE_OFF``.

* ``log_gamma_shift``: $\\log\\Gamma(x) - \\log\\Gamma(y)$ (and $\\psi(x) - \\psi(y)$) with a shift $x - y$ that is not a number, at a large
  argument (Stirling's series subtracted), at a small one with a tiny shift (the Taylor series), and a log-gamma with
  two partners (each taken where its shift is the smaller);
* ``log_at_least_one``: $\\log(1 - (1 - u)^{c})$ where $u$ or $c\\log(1 - u)$ underflows;
* ``log_share`` where $b/a$ overflows;
* ``ratio_before_power`` (its reciprocal products): $\\frac{1}{u^{k} v^{k}}$ where $u^{k}$ underflows and $v^{k}$
  overflows.
"""
import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.rules import COSTLY_RULES, RULES
from sympy.printing.numpy import SciPyPrinter

REL_TOL = 1e-13
"""A few roundings of O(1) numbers, logs and series terms (a few ulps each); the values are far from 0."""
NAIVE_OFF = 1e-3
"""The naive form is off by at least this much (it loses every digit at these points; 1e-3 leaves room)."""

a, b, c, p, q, r, s, t, v, w = sp.symbols("a b c p q r s t v w", real=True)


def _rule(name):
    return next(x for x in COSTLY_RULES + RULES if x.name == name)


def _np(expr, args):
    return sp.lambdify(args, expr, modules=["scipy", "numpy"], printer=SciPyPrinter({"strict": True}))


def _rel(expr, new, args, values, digits=60) -> float:
    with np.errstate(all="ignore"):
        got = float(_np(new, args)(*[np.float64(x) for x in values]))
    with mpmath.workdps(digits):
        want = sp.lambdify(args, expr, modules="mpmath")(*[mpmath.mpf(x) for x in values])
    return float(abs(got - want) / abs(want)) if np.isfinite(got) else float("inf")


def _check(name, expr, args, values, digits=60):
    """The rule alone fires and is accurate; the expression as written is not (the other rules are measured by the
    held-out benchmark: applying all of them here cost seconds of sympy)."""
    new = _rule(name).apply(expr)
    assert new != expr
    assert _rel(expr, new, args, values, digits) <= REL_TOL
    assert not _rel(expr, expr, args, values, digits) <= NAIVE_OFF


LG = sp.loggamma
SHIFTS = [
    # a Beta-function ratio at a large argument: the two log-gammas agree in all 16 digits
    (LG(t + s) - LG(s), (t, s), (3.7, 1e40), 100),
    # the other layout: the larger argument subtracted, a shift beyond 1
    (2 * LG(v) - 2 * LG(v + a), (a, v), (12.5, 3e30), 100),
    # a small argument and a tiny shift: the Taylor series in the shift
    (LG(q + 2.5) - LG(q - r + 2.5), (q, r), (0.75, 1e-30), 100),
    # a log-gamma with two partners, at each end (a negative binomial normaliser in other letters)
    (LG(a + b) - LG(b) - LG(a + 1), (a, b), (1e40, 3e-40), 140),
    (LG(a + b) - LG(b) - LG(a + 1), (a, b), (2.0, 1e40), 100),
    # the gradients: a difference of digammas, large and with a tiny shift
    (sp.digamma(t + s) - sp.digamma(s), (t, s), (3.7, 1e40), 100),
    (sp.digamma(q + 2.5) - sp.digamma(q - r + 2.5), (q, r), (0.75, 1e-30), 100),
]


@pytest.mark.parametrize("expr, args, values, digits", SHIFTS, ids=("large", "reversed", "tiny_shift", "two_partners_a",
                                                                   "two_partners_b", "digamma", "digamma_tiny_shift"))
def test_log_gamma_shift_keeps_the_difference_of_two_log_gammas(expr, args, values, digits):
    _check("log_gamma_shift", expr, args, values, digits)


AT_LEAST_ONE = [
    # at least one success in c trials: c log1p(-p) underflows at p = 1e-200, c = 1e-150
    (sp.log(1 - (1 - p) ** c), (p, c), (1e-200, 1e-150)),
    # a power that underflows (a Kumaraswamy CDF in other letters), the log of it subtracted from a constant
    (3 - sp.log(1 - (1 - q ** t) ** s), (q, t, s), (0.5, 1100.0, 0.25)),
]


@pytest.mark.parametrize("expr, args, values", AT_LEAST_ONE, ids=("trials", "power"))
def test_log_at_least_one_stays_in_log_space(expr, args, values):
    _check("log_at_least_one", expr, args, values, digits=420)


def test_reciprocal_product_of_powers_is_a_power_of_the_product():
    # 1/(q^2 (2 + r/q)^2): q^2 underflows and (r/q)^2 overflows at q = 1e-200, truth 1/(2q + r)^2
    expr = 5 / (q ** 2 * (2 + r / q) ** 2)
    _check("ratio_before_power", expr, (q, r), (1e-200, 3.0), digits=500)
    cubed = 1 / (s ** 3 * (1 + t / s) ** 3)  # 1/(s + t)^3 at s = 1e-120: s^3 is 0, the other inf, truth 1/8
    _check("ratio_before_power", cubed, (s, t), (1e-120, 2.0), digits=500)



@pytest.mark.parametrize("base", (1 - sp.exp(v), 1 - 3 * sp.exp(-v)), ids=("minus", "scaled"))
def test_power_of_softplus_leaves_one_minus_an_exponential(base):
    # (1 - e^v)^t has no softplus form (log(-1) is i pi): the rule raised "not comparable", an internal error of the
    # whole search on log(1 - (1 - e^v)^c)
    assert _rule("power_of_softplus").apply(base ** t) == base ** t
    assert _rule("power_of_softplus").apply((1 + 3 * sp.exp(v)) ** t) != (1 + 3 * sp.exp(v)) ** t  # still fires


def test_log_share_beyond_the_float_range_of_the_ratio():
    # log(s/(s + w)) and (s/(s + w))^c at s = 1e-300, w = 1e300: w/s overflows and log1p(w/s) is inf, truth -1381.6
    _check("log_share", sp.log(s / (s + w)), (s, w), (1e-300, 1e300), digits=700)
    _check("log_share", (q / (q + w)) ** c, (q, w, c), (1e-300, 1e300, 1e-3), digits=700)
