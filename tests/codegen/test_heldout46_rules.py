"""The rules added for held-out round twenty (heldout46), each on formulas of its class other than the one that
showed it (other letters, other layouts), against mpmath written by hand at ``DIGITS`` digits: the rule's form is within
``REL_TOL``, the form as written inf, nan or off by more than ``NAIVE_OFF``.

* ``log_difference_of_exp``: $\\log(c e^{u} - c e^{v})$ where both exponentials round to one number;
* ``lerp_weights``: $a + s(b - a)$ at $s \\to 1$ with $|b| \\ll |a|$ (cosine annealing, an exponential moving average);
* ``cancelling_terms``: a difference of quotients whose terms cancel over one denominator (the negative binomial's
  gradient in its mean at a tiny dispersion; a difference of reciprocals with one numerator);
* ``mixture_with_one`` with a number weight, and its branch for a large exponent (SchNet's shifted softplus);
* ``log1mexp_of_exp`` of a power $y^{k}$ that underflows (the exponentiated Weibull log-CDF at a huge scale);
* ``homogeneous_scalars`` where a symbol of the group is only in an atom beside the sum (a Bhattacharyya term);
* ``log_share`` of the term 1: $\\log\\frac{1}{1 + t}$ at a tiny $t$ (ORPO's odds-ratio term).
"""
import mpmath
import numpy as np
import pytest
import sympy as sp

from derivations.numeric.printers import FormularyNumPyPrinter
from codegen.rules import COSTLY_RULES, RULES

REL_TOL = 1e-13
"""A few roundings of O(1) numbers and logs (a few ulps each); the values are far from 0."""
NAIVE_OFF = 1e-3
"""The naive form is off by at least this much (it loses every digit at these points; 1e-3 leaves room)."""
DIGITS = 700
"""Enough for terms 1e300 apart to be told apart (1 + 1e-300 - 1), with 60 digits beyond."""

a, b, c, g, k, m, p, q, r, s, t, u, x, y = sp.symbols("a b c g k m p q r s t u x y", real=True)
mu, beta, T = sp.symbols("mu beta T", real=True)


def _rule(name):
    return next(x for x in COSTLY_RULES + RULES if x.name == name)


def _rel(expr, new, args, values) -> float:
    fn = sp.lambdify(args, new, modules=["scipy", "numpy"], printer=FormularyNumPyPrinter)
    with np.errstate(all="ignore"):
        got = float(fn(*[np.float64(v) for v in values]))
    with mpmath.workdps(DIGITS):
        want = sp.lambdify(args, expr, modules="mpmath")(*[mpmath.mpf(v) for v in values])
    return float(abs(got - want) / abs(want)) if np.isfinite(got) else float("inf")


def _check(name, expr, args, values):
    new = _rule(name).apply(expr)
    assert new != expr
    assert _rel(expr, new, args, values) <= REL_TOL
    assert not _rel(expr, expr, args, values) <= NAIVE_OFF


@pytest.mark.parametrize("name, expr, args, values", [
    # a hypoexponential density at a tiny time; the other order of the terms, a coefficient, a larger exponent first
    ("log_difference_of_exp", sp.log(sp.exp(-a * x) - sp.exp(-b * x)), (a, b, x), (0.83, 0.86, 1e-300)),
    ("log_difference_of_exp", sp.log(-3 * sp.exp(c * t) + 3 * sp.exp(u)), (c, t, u), (2.0, -0.5, -1.0 + 2.0 ** -52)),
    ("log_difference_of_exp", sp.log(k * sp.exp(a * y) - k * sp.exp(b * y)), (k, a, b, y), (0.5, 2.0, 1.0, 1e-200)),
    # cosine annealing as t -> 0; an exponential moving average; a mixup the other way round
    ("lerp_weights", m + (g - m) * (1 + sp.cos(sp.pi * t / T)) / 2, (m, g, t, T), (0.64, 1e-300, 1e-300, 0.98)),
    ("lerp_weights", m + (1 - beta) * (g - m), (m, g, beta), (2.5, 1e-200, 1e-17)),
    ("lerp_weights", (y - x) * s + x, (x, y, s), (-7.0, 3e-250, 1.0 - 2.0 ** -53)),
    # a negative binomial's gradient in its mean at a tiny dispersion; a difference of reciprocals, other letters
    ("cancelling_terms", g * ((r + y) / (mu + r) - y / mu), (g, r, y, mu), (1.3, 1e-300, 2.0, 0.7)),
    ("cancelling_terms", k / p - k / (p + q), (k, p, q), (3.0, 2.5, 1e-250)),
    # a mixture of 1/2 and 1/2 e^x: the log1p of a tiny x, and the branch of a huge x
    ("mixture_with_one", sp.log(sp.exp(x) / 2 + sp.Rational(1, 2)), (x,), (1e-300,)),
    ("mixture_with_one", sp.log(sp.Rational(1, 4) + sp.Rational(3, 4) * sp.exp(u)), (u,), (1e300,)),
    # the exponentiated Weibull's log-CDF at a huge scale (the power underflows); a power of one symbol, a number
    ("log1mexp_of_exp", a * sp.log(1 - sp.exp(-(x / mu) ** k)), (a, x, mu, k), (1.4, 2.08, 1e300, 1.6)),
    ("log1mexp_of_exp", sp.log(1 - sp.exp(-y ** sp.Rational(5, 2))), (y,), (1e-200,)),
    # a Bhattacharyya distance's mean term at mu_1 = sigma_2 = 1e300 (inf/inf); other letters, a tiny numerator atom
    ("homogeneous_scalars", (p - q) ** 2 / (4 * r ** 2 + 4 * s ** 2), (p, q, r, s), (1e300, -0.85, 2.08, 1e300)),
    ("homogeneous_scalars", (x + y) ** 2 / (3 * t ** 2 + u ** 2), (x, y, t, u), (1e-300, 2e-300, 1e-300, 3e-300)),
    # ORPO's -log(1/(1 + odds ratio)) at a tiny ratio, and a share of 1 in another layout
    ("log_share", -sp.log(1 / (1 + q * (1 - p) / (p * (1 - q)))), (p, q), (0.49, 1e-300)),
    ("log_share", 2 * sp.log(1 / (y ** 2 + 1)), (y,), (1e-150,)),
])
def test_the_rule_is_accurate_where_the_form_as_written_is_not(name, expr, args, values):
    _check(name, expr, args, values)


def test_the_rules_leave_their_neighbours_alone():
    # the sigmoid's log(1/(1 + e^x)) stays the log-sigmoid rules'; a difference of two unrelated quotients, a
    # lerp whose step does not hold the start, a difference of exponentials with two coefficients: no match
    assert _rule("log_share").apply(sp.log(1 / (1 + sp.exp(x)))) == sp.log(1 / (1 + sp.exp(x)))
    assert _rule("cancelling_terms").apply(x / (x + y) - y / p) == x / (x + y) - y / p
    assert _rule("lerp_weights").apply(m + s * (g - k)) == m + s * (g - k)
    e = sp.log(2 * sp.exp(x) - 3 * sp.exp(y))
    assert _rule("log_difference_of_exp").apply(e) == e
    assert _rule("mixture_with_one").apply(sp.log(2 - sp.exp(x))) == sp.log(2 - sp.exp(x))
    assert _rule("log1mexp_of_exp").apply(sp.log(1 - sp.exp(-x ** 2))) == sp.log(1 - sp.exp(-x ** 2))  # x < 0 real


@pytest.mark.parametrize("expr, args, values, want", [
    # PPO's gradient in the log-probability where the ratio overflows and the clipped branch (slope 0) is taken
    (a * g * (sp.Heaviside(a * (sp.Max(1 - c, sp.Min(1 + c, sp.exp(x - y))) - sp.exp(x - y)), 0)
              + sp.Heaviside(1 + c - sp.exp(x - y), 0) * sp.Heaviside(sp.exp(x - y) - 1 + c, 0)) * sp.exp(x - y),
     (a, g, c, x, y), (1e-150, 1.0, 0.2, 1e150, 1.6), 0.0),
    # a clip of a cube: two steps of one product, another layout
    (3 * u ** 2 * (sp.Heaviside(1 - u ** 3, 0) * sp.Heaviside(u ** 3 + 1, 0) + sp.Heaviside(-u, 0)),
     (u,), (1e200,), 0.0),
    # a product of steps already selected by heaviside_select_first (a Piecewise of it and 0) counts as one
    (3 * u ** 2 * (sp.Piecewise((sp.Heaviside(u + 1, 0) * sp.Heaviside(1 - u ** 3, 0), sp.Heaviside(-u, 0) > 0),
                                (0, True)) + sp.Heaviside(-u - 5, 0)), (u,), (1e200,), 0.0),
    # PPO's gradient in the advantage: one step times the overflowing ratio inside a sum, beside the clipped branch
    (g * (sp.exp(x) * sp.Heaviside(1 - sp.exp(x), 0) + sp.Heaviside(sp.exp(x) - 1, 0) * sp.Min(c, sp.exp(x))),
     (g, c, x), (1.5, 2.0, 1e150), 3.0),
])
def test_a_product_with_a_sum_of_steps_is_selected(expr, args, values, want):
    """step_sum_select: where the steps sum to 0 the product is 0 (the truth, ``want``), not inf * 0 = nan."""
    new = _rule("step_sum_select").apply(expr)
    fn, naive = (sp.lambdify(args, e, modules=["scipy", "numpy"]) for e in (new, expr))
    values = tuple(np.float64(v) for v in values)
    with np.errstate(all="ignore"):
        assert float(fn(*values)) == want and not np.isfinite(float(naive(*values)))
        # where a step is 1 the selection is the product itself
        inside = tuple(np.float64(0.5) if v in (1e150, 1e200) else v for v in values)
        assert float(fn(*inside)) == pytest.approx(float(naive(*inside)), rel=1e-15)
