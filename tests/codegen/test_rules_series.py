"""The root-difference and Taylor-branch rules, each on formulas other than the ones that motivated them.

``root_difference`` was motivated by BentIdentity $\\frac{\\sqrt{x^2+1} - 1}{2} + x$ and ``taylor_branch`` by
Tanhshrink $x - \\tanh x$ and the derivative of ExpRel $\\frac{e^x - 1}{x}$; here other formulas.
"""
import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.rules import RULES, TAYLOR_BRANCH, stabilize
from codegen.rules_series import DIRECT_ACCURACY, TRUNCATION
from derivations.numeric.printers import FormularyNumPyPrinter

x = sp.Symbol("x", real=True)
REL_TOL = 1e-13
"""A few hundred ulps: short, well-conditioned rewritten forms (the branch's direct side is within 1e-13 by
construction, :data:`codegen.rules_series.DIRECT_ACCURACY`; its polynomial side within a few ulps)."""


def _np(expr, args):
    return sp.lambdify(args, expr, modules="numpy", printer=FormularyNumPyPrinter)


def _error(expr, new, v):
    with np.errstate(all="ignore"):
        got = _np(new, (x,))(np.float64(v))
    with mpmath.workdps(60):
        want = sp.lambdify((x,), expr, modules="mpmath")(mpmath.mpf(v))
    if want == 0:
        return 0.0 if got == 0 else float("inf")
    return float(abs(got - want) / abs(want)) if np.isfinite(got) else float("inf")


def _rule(name):
    return next(r for r in RULES if r.name == name)


# ** root_difference **


@pytest.mark.parametrize("expr, tiny", [
    (sp.sqrt(1 + x) - 1, 1e-18),                              # sqrt(1 + x) - 1, the relative change of a root
    (3 - sp.sqrt(9 + x ** 2), 1e-9),                         # c - sqrt(c^2 + x^2), the sign reversed
    (sp.sqrt(x ** 2 + 4) - sp.sqrt(x ** 2 + 3) + x, None),   # two roots (their difference at large x)
], ids=["sqrt1p_minus_1", "c_minus_root", "two_roots"])
def test_root_difference_keeps_the_value_where_the_difference_cancels(expr, tiny):
    new = _rule("root_difference").apply(expr)
    assert new != expr
    if tiny is not None:
        assert _error(expr, expr, tiny) == 1.0  # the naive difference rounds to 0
    points = [tiny or 1e-3, 1e-3, 0.5, -0.5, 3.0, 1e8, 1e150]
    for v in points:
        if expr.has(sp.sqrt(1 + x)) and v < -1:
            continue
        assert _error(expr, new, v) <= REL_TOL, v
    if tiny is None:  # sqrt(x^2 + 4) - sqrt(x^2 + 3) at x = 1e8: 1/(2e8) computed from two roots that agree in 16 digits
        assert _error(expr - x, expr - x, 1e8) > 1e-3
        assert _error(expr - x, _rule("root_difference").apply(expr - x), 1e8) <= REL_TOL


def test_root_difference_large_inputs_after_scaled_sqrt():
    expr = sp.sqrt(x ** 2 + 1) - 1  # x^2 of the rationalized form would overflow at 1e300: the direct branch is kept
    new, fired = stabilize(expr)
    assert "root_difference" in fired
    for v in (1e300, -1e300, 1e-300, 1e-9, 2.0):
        assert _error(expr, new, v) <= REL_TOL, v


def test_root_difference_does_not_fire_without_a_cancellation():
    for expr in (sp.sqrt(1 + x) + 1, sp.sqrt(x ** 2 + 1) - 5, sp.sqrt(x ** 2 + x) - 1):
        assert _rule("root_difference").apply(expr) == expr, expr


# ** square_into_root (motivated by pseudo-Huber, here on a two-component residual) **


def test_square_into_root_keeps_the_value_where_the_ratio_overflows():
    """$c^2(\\sqrt{1 + (u/c)^2 + (v/c)^2} - 1)$ (pseudo-Huber of a 2-vector residual): at $u = 10^{300}$,
    $c = 10^{-300}$ the ratios overflow where the truth is about $|c| \\sqrt{u^2 + v^2}$; near 0 the root
    difference cancels.  Without the rule the value is inf or nan."""
    u, v, c = sp.symbols("u v c", real=True)
    expr = c ** 2 * (sp.sqrt(1 + (u / c) ** 2 + (v / c) ** 2) - 1)
    args = (u, v, c)
    without = stabilize(expr, tuple(r for r in RULES if r.name != "square_into_root"))[0]
    new, fired = stabilize(expr)
    assert "square_into_root" in fired

    def error(form, at):
        with np.errstate(all="ignore"):
            got = _np(form, args)(*map(np.float64, at))
        with mpmath.workdps(700):
            want = sp.lambdify(args, expr, modules="mpmath")(*map(mpmath.mpf, at))
        return float(abs(got - want) / abs(want)) if np.isfinite(got) else float("inf")

    assert error(without, (1e300, -3e299, 1e-300)) == float("inf")
    for at in ((1e300, -3e299, 1e-300), (-2e-9, 1e-9, 1.5), (0.7, -2.0, 0.5), (1e150, 1e150, 1e150),
               (3e-150, 1e-150, 2e-150), (1e300, 1e300, 1e-150)):
        assert error(new, at) <= REL_TOL, at


def test_square_into_root_leaves_a_root_without_the_square_alone():
    u, c = sp.symbols("u c", real=True)
    rule = _rule("square_into_root")
    for expr in (sp.sqrt(1 + (u / c) ** 2) - 1, c * sp.sqrt(1 + (u / c) ** 2), c ** 2 * sp.sqrt(1 + u ** 2)):
        assert rule.apply(expr) == expr, expr


# ** taylor_branch **


@pytest.mark.parametrize("expr, near", [
    (x - sp.sin(x), 1e-5),                                           # an odd function minus its linear term
    (sp.log(1 + x) - x, 1e-9),                                       # log1p minus its linear term
    ((1 - sp.cos(x)) / x ** 2, 1e-9),                                # a 0/0 form
    ((x * sp.exp(x) - sp.exp(x) + 1) / x ** 2, 1e-9),                # the 0/0 of a derivative
], ids=["x_minus_sin", "log1p_minus_x", "one_minus_cos_over_square", "derivative_0_over_0"])
def test_taylor_branch_keeps_every_digit_near_the_point(expr, near):
    new = TAYLOR_BRANCH.apply(expr)
    assert new != expr and new.has(sp.Piecewise)
    assert _error(expr, expr, near) > 1e-6  # the naive form loses most digits there
    for v in (near, -near, 1e-7, 1e-3, 0.01, 0.049, 0.051, 0.099, 0.11, 0.3, 0.9, 2.5, -0.7):
        assert _error(expr, new, v) <= REL_TOL, v


def test_taylor_branch_on_an_indexed_entry_inside_a_larger_sum():
    y, g = sp.IndexedBase("y"), sp.Symbol("g", real=True)
    i = sp.Symbol("i", integer=True)
    expr = g + y[i] - sp.atan(y[i])  # the terms in y[i] are grouped, g left alone
    new = TAYLOR_BRANCH.apply(expr)
    pieces = [p for p in sp.preorder_traversal(new) if isinstance(p, sp.Piecewise)]
    assert len(pieces) == 1 and g not in pieces[0].free_symbols
    assert g in new.args


def test_taylor_branch_bounds_are_the_stated_ones():
    assert TRUNCATION < np.finfo(float).eps / 2 < DIRECT_ACCURACY < 1e-12


def test_taylor_branch_does_not_fire_without_a_cancellation_at_zero():
    a = sp.Symbol("a", real=True)
    for expr in (sp.exp(x) + 1, x + sp.sqrt(x ** 2 + 1), sp.tanh(x) ** 2 * a, sp.Abs(x) - sp.sin(x),
                 x * a - sp.sin(x)):  # (the last: two variables, not one subexpression of both; left as it is)
        assert TAYLOR_BRANCH.apply(expr) == expr, expr


@pytest.mark.parametrize("x_value, c_value", [(1e-5, 1.0), (1e-160, 1e-155), (3e-4, 0.5), (2.0, 0.7)])
def test_taylor_branch_in_a_subexpression_of_two_variables(x_value, c_value):
    r"""$\log(1 + x/c) - x/c$ depends on $x$ and $c$ through $u = x/c$ alone: the branch is taken in $u$, and $u^2$ is
    formed from $u$ (as $x^2/c^2$, at $x = 10^{-160}$, $c = 10^{-155}$, $x^2$ is subnormal and keeps 3 digits)."""
    c = sp.Symbol("c", positive=True)
    expr = sp.log(1 + x / c) - x / c
    new = TAYLOR_BRANCH.apply(expr)
    assert new.has(sp.Piecewise)
    args = (x, c)
    with np.errstate(all="ignore"):
        got = _np(new, args)(np.float64(x_value), np.float64(c_value))
    with mpmath.workdps(60):
        want = sp.lambdify(args, expr, modules="mpmath")(mpmath.mpf(x_value), mpmath.mpf(c_value))
    assert abs(got - want) <= REL_TOL * abs(want)


def test_the_search_keeps_the_taylor_branch_only_where_it_is_more_accurate():
    from codegen.define import derive_gradients
    from codegen.define_module import search
    from formulary import api

    (f,) = api.define("sinshrink(x) = x - sin(x)")
    derive_gradients(f)
    _, _, err, row = search(f, True)
    assert "taylor_branch" in row["rules"] and err.ordinary <= 1e-12
    before, after = row["ablation"]["taylor_branch"]
    assert before > 1e-10 > 1e-12 >= after


# ** homogeneous_scale **


def test_homogeneous_scale_on_a_participation_ratio():
    # motivated by the VJP of x / |x|; here sum x^4 / (sum x^2)^2 (inverse participation ratio), degree 0
    from codegen.rules import HOMOGENEOUS_SCALE
    from codegen.rules_homogeneous import degree

    K = sp.Symbol("K", integer=True, positive=True)
    j = sp.Symbol("j", integer=True)
    u = sp.IndexedBase("u")
    expr = sp.Sum(u[j] ** 4, (j, 0, K - 1)) / sp.Sum(u[j] ** 2, (j, 0, K - 1)) ** 2
    assert degree(expr, u) == 0 and degree(sp.Sum(u[j] ** 2, (j, 0, K - 1)) + 1, u) is None
    new = HOMOGENEOUS_SCALE.apply(expr)
    assert new != expr
    args = (u, K)
    for values in ((np.array([1e100, -3e99, 2e100]), 3), (np.array([1e-150, 2e-150]), 2), (np.array([0.5, -2.0, 1.0]), 3)):
        with np.errstate(all="ignore"):
            got = _np(new, args)(*values)
            naive = _np(expr, args)(*values)
        with mpmath.workdps(60):
            v = [mpmath.mpf(float(a)) for a in values[0]]
            want = mpmath.fsum(a ** 4 for a in v) / mpmath.fsum(a ** 2 for a in v) ** 2
        assert abs(got - want) <= REL_TOL * want, values
        if abs(values[0][0]) != 0.5:
            assert not (abs(naive - want) <= REL_TOL * want)  # inf/inf or 0/0 on the raw vector
    assert HOMOGENEOUS_SCALE.apply(new) == new  # already scaled: not again


def test_homogeneous_scale_jointly_on_a_similarity_of_two_vectors():
    # motivated by the concordance correlation (round seven, 0/0 at x, y ~ 1e-300); here 2 sum u v / (sum u^2 + sum v^2),
    # of degree 0 in (u, v) together and in neither alone: one scale M = max(max|u|, max|v|) for both
    from codegen.rules import HOMOGENEOUS_SCALE

    K = sp.Symbol("K", integer=True, positive=True)
    j = sp.Symbol("j", integer=True)
    u, v = sp.IndexedBase("u"), sp.IndexedBase("v")
    expr = 2 * sp.Sum(u[j] * v[j], (j, 0, K - 1)) / (sp.Sum(u[j] ** 2, (j, 0, K - 1)) + sp.Sum(v[j] ** 2, (j, 0, K - 1)))
    new = HOMOGENEOUS_SCALE.apply(expr)
    assert new != expr
    args = (u, v, K)
    for a, b in ((np.array([3e-300, -1e-300, 2e-300]), np.array([1e-300, 2e-300, -4e-300])),
                 (np.array([2e200, 1e200, -3e199]), np.array([1e200, -5e199, 2e200])), (np.array([0.5, -2.0, 1.0]), np.array([1.5, 0.25, -1.0]))):
        with np.errstate(all="ignore"):
            got = _np(new, args)(a, b, 3)
            naive = _np(expr, args)(a, b, 3)
        with mpmath.workdps(60):
            p, q = [mpmath.mpf(float(t)) for t in a], [mpmath.mpf(float(t)) for t in b]
            want = 2 * mpmath.fsum(s * t for s, t in zip(p, q)) / (mpmath.fsum(s ** 2 for s in p) + mpmath.fsum(t ** 2 for t in q))
        assert abs(got - want) <= REL_TOL * abs(want), (a, b)
        if a[1] != -2.0:
            assert not (abs(naive - want) <= REL_TOL * abs(want))  # 0/0 or inf/inf on the raw vectors


def test_taylor_branch_at_one():
    # a cancellation at x = 1 (the Itakura-Saito-like x - 1 - log x): the shift x - 1 is exact there
    expr = x - 1 - sp.log(x)
    new = TAYLOR_BRANCH.apply(expr)
    assert new.has(sp.Piecewise)
    assert _error(expr, expr, 1 + 2.0 ** -30) > 1e-6
    for v in (1 + 2.0 ** -30, 1 - 1e-7, 1.001, 0.97, 1.049, 1.051, 1.2, 0.5, 3.0, 1e-3):
        assert _error(expr, new, v) <= REL_TOL, v


def test_no_branch_where_the_direct_sum_is_exact_near_the_point():
    # 1 - t near t = 1 has terms 1e6 times its value at the probe, yet is exact in float64 (Sterbenz): a branch would be
    # the same sum, -(t - 1), under a where (the Tversky gradient's (1 - t_i) p_i per entry); 3 - 3 t rounds 3 t first
    # and 1 - cos(t) at 0 loses every digit, so both still branch
    from codegen.rules_series import taylor_branch

    t, w = sp.Symbol("t", real=True), sp.Symbol("w", real=True)
    for exact in (w * (1 - t), (1 + t) * w, w / (t - 1)):
        assert not taylor_branch(exact).has(sp.Piecewise), exact
    for lossy in (3 - 3 * t, 1 - sp.cos(t)):
        assert taylor_branch(lossy).has(sp.Piecewise), lossy
