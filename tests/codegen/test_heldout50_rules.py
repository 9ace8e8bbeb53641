"""The rules widened for held-out rounds twenty-three and twenty-four (heldout50), each on members of its class other
than the formula that showed it, against mpmath written by hand (700 digits: terms of 1e300 cancel to O(1)): where the
form without the rule loses every digit the stabilized form is within ``REL_TOL``."""
import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.rules import RULES, stabilize
from tests.codegen.scalar_evaluation import float64_at, mpmath_at

REL_TOL = 1e-13
"""A few dozen roundings of O(1) terms: the folded branch adds logs of size up to 700 (relative 1e-16 each)."""


def _value(args, expr, values):
    return float64_at(args, expr, values)


def _truth(args, expr, values):
    return mpmath_at(args, expr, values, 700)


def _without(expr, name):
    return stabilize(expr, tuple(rule for rule in RULES if rule.name != name))[0]


x, mu, ell, nu = sp.symbols("x mu ell nu", real=True)
s, r, m, k = sp.symbols("s r m k", real=True)

# ** sum_into_large_branch: a term linear in a symbol, and log|f| without a sign, folded into log1p_large_product's
# branch **

FOLD_CASES = [
    # the Student-t NLL (its log-gamma normalizer left out: the rules leave it apart) at ell = -1e300, nu = 1e-300,
    # x < mu (log|x - mu| of the large branch asks no sign): ell - (nu + 1) ell = -nu ell = 1 beside logs of 700
    (ell + (nu + 1) / 2 * sp.log(1 + (x - mu) ** 2 / (nu * sp.exp(2 * ell))) + sp.log(nu * sp.pi) / 2,
     (x, mu, ell, nu), (1.26, -1.80, -1e300, 1e-300)),
    # other letters and no log k outside the log: only the linear terms cancel (s - (k + 1) s = -k s)
    (s + (k + 1) / 2 * sp.log(1 + r ** 2 * sp.exp(-2 * s) / k), (s, r, k), (-1e300, 2.5, 1e-300)),
    # another weight and layout: 3 s + (k + 1) log(1 + (r - m)^2 e^{-3 s}), r < m
    (3 * s + (k + 1) * sp.log(1 + (r - m) ** 2 * sp.exp(-3 * s)), (s, r, m, k), (-1e300, 2.5, 4.0, 1e-300)),
]


@pytest.mark.parametrize("expr, args, values", FOLD_CASES)
def test_sum_into_large_branch_lets_the_linear_terms_meet(expr, args, values):
    new, fired = stabilize(expr, RULES)
    assert "sum_into_large_branch" in fired
    want = _truth(args, expr, values)
    assert not abs(_value(args, _without(expr, "sum_into_large_branch"), values) - want) <= 1e-3 * abs(want)
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    ordinary = [0.3, 1.2, 0.2, 0.7][:len(args)]  # elsewhere the value as written, within a few roundings
    assert abs(_value(args, new, ordinary) - _truth(args, expr, ordinary)) <= REL_TOL * abs(_truth(args, expr, ordinary))


def test_sum_into_large_branch_keeps_the_form_as_written_where_a_magnitude_is_zero():
    # x = mu: log|x - mu| is -inf in the folded branch; its guard x - mu != 0 keeps the form as written (value ell +
    # ... at z = 0, finite)
    expr, args, _ = FOLD_CASES[0]
    new, _ = stabilize(expr, RULES)
    values = (0.5, 0.5, 0.3, 1.5)
    assert abs(_value(args, new, values) - _truth(args, expr, values)) <= REL_TOL * abs(_truth(args, expr, values))


# ** log1mexp_product: log(1 - e^{a}) for a product a that underflows before its log does **

a, lam, u, v, w = sp.symbols("alpha lambda u v w", real=True)
LOG1MEXP_CASES = [
    # the generalized-exponential log-density at lambda = x = 1e-300: lambda x underflows, truth about -1365
    (sp.log(a) + sp.log(lam) + (a - 1) * sp.log(1 - sp.exp(-lam * x)) - lam * x, (x, a, lam), (1e-300, 1.49, 1e-300)),
    # a number factor and other letters: log(1 - e^{-3 u v}) at u = 1e-200, v = 1e-150
    (sp.log(1 - sp.exp(-3 * u * v)), (u, v), (1e-200, 1e-150)),
    # a divisor: 2 log(1 - e^{-u/w}) at u = 1e-300, w = 1e30
    (2 * sp.log(1 - sp.exp(-u / w)), (u, w), (1e-300, 1e30)),
]


@pytest.mark.parametrize("expr, args, values", LOG1MEXP_CASES)
def test_log1mexp_product_takes_the_log_of_the_factors(expr, args, values):
    new, fired = stabilize(expr, RULES)
    assert "log1mexp_product" in fired
    want = _truth(args, expr, values)
    assert not abs(_value(args, _without(expr, "log1mexp_product"), values) - want) <= 1e-3 * abs(want)
    assert abs(_value(args, new, values) - want) <= REL_TOL * abs(want)
    for ordinary in ([0.3, 1.4, 1.9][:len(args)], [1e-5, 2e-4, 3.0][:len(args)]):  # above and below 1e-8 elsewhere
        assert abs(_value(args, new, ordinary) - _truth(args, expr, ordinary)) <= REL_TOL * abs(_truth(args, expr, ordinary))


# ** softmax_difference: the entry's index may have the name of the sums' bound index **

@pytest.mark.parametrize("definition", [
    # half the L1 distance between two softmaxes (round 24's SoftmaxTV): the outer i is renamed j, the sums' name
    "tv(a, b) = sum(abs(exp(a[i])/sum(exp(a[j]), j, 0, n-1) - exp(b[i])/sum(exp(b[j]), j, 0, n-1)), i, 0, n-1)/2",
    # a weighted gap with other letters, the entry's index already the sums' name
    "wg(u, v, w) = sum(w[k]*(exp(u[k])/sum(exp(u[k]), k, 0, n-1) - exp(v[k])/sum(exp(v[k]), k, 0, n-1)), k, 0, n-1)",
])
def test_softmax_difference_finds_the_entry_named_like_the_sums_index(definition):
    from codegen.define import build
    from codegen.define_module import compile_exprs
    from codegen.rules import SOFTMAX_DIFFERENCE
    from readers.definition import read_ascii_definition

    (f,) = build([read_ascii_definition(definition)])
    new, fired = stabilize(f.expr, tuple(sorted(RULES + (SOFTMAX_DIFFERENCE,), key=lambda r: r.priority)))
    assert "softmax_difference" in fired
    fn = getattr(compile_exprs(f, new, (), False)[1], f.name)
    a = np.array([2.7e-300, 1.2e-300, 1.6e-300, -1.1e-300])
    b = np.array([-1.1e-300, -8.5e-301, -1.3e-301, 2.4e-300])
    w = np.array([0.5, -1.0, 2.0, 0.25])
    with mpmath.workdps(700):  # the definition at 700 digits: a difference of 1e-300 on 1/4 needs 300 of them
        ea, eb = [mpmath.exp(mpmath.mpf(float(t))) for t in a], [mpmath.exp(mpmath.mpf(float(t))) for t in b]
        gaps = [x / mpmath.fsum(ea) - y / mpmath.fsum(eb) for x, y in zip(ea, eb)]
        want = float(mpmath.fsum(abs(d) for d in gaps) / 2) if f.name == "tv" else \
            float(mpmath.fsum(mpmath.mpf(float(c)) * d for c, d in zip(w, gaps)))
    got = fn(a, b) if f.name == "tv" else fn(a, b, w)
    assert abs(got - want) <= REL_TOL * abs(want)
