"""The rule added for held-out round twenty-one (heldout47), ``removable_ratio``, on quotients $u / F(u)$ of its class
other than the Kumaraswamy gradient that showed it, against mpmath written by hand: where the computed $u$ underflows to
0 the stabilized form is within ``REL_TOL`` of the truth and the form as written is nan or inf."""
import mpmath
import numpy as np
import pytest
import sympy as sp
from sympy.codegen.cfunctions import log1p
from sympy.printing.numpy import SciPyPrinter

from codegen.rules import RULES, stabilize
from codegen.rules_removable import removable_ratio

REL_TOL = 1e-13
"""A few roundings of O(1) factors (the limit branch is a product of the other factors and 1/F'(0))."""

x, a, b, g, w = sp.symbols("x a b g w", positive=True)
W = sp.Symbol("W", real=True)


def _np(expr, args):
    return sp.lambdify(args, expr, modules=["scipy", "numpy"], printer=SciPyPrinter({"strict": True}))


CASES = [
    # the Kumaraswamy log-CDF's gradient in x: x^a and 1 - (1 - x^a)^b both 0 at a = 1e300 (truth a/x)
    (a * b * g * x ** a * (1 - x ** a) ** b / (x * (1 - x ** a) * (1 - (1 - x ** a) ** b)), (x, a, b, g),
     (0.897, 1e300, 0.56, 1.0), 1e300 / 0.897),
    # the same gradient with other shapes and a power that underflows at a smaller exponent
    (a * b * g * x ** a * (1 - x ** a) ** b / (x * (1 - x ** a) * (1 - (1 - x ** a) ** b)), (x, a, b, g),
     (0.25, 1e4, 3.5, -2.0), -2.0 * 1e4 / 0.25),
    # e^{W} / (1 - e^{-e^{W}}) (the complementary log-log's gradient), e^{W} = 0 at W = -800 (truth 1)
    (sp.exp(W) / (1 - sp.exp(-sp.exp(W))), (W,), (-800.0,), None),
    # y^k / log(1 + c y^k) with y^k = 0.5^2000 (truth 1/c), the factors in another order
    (3 / log1p(b * x ** a) * x ** a, (x, a, b), (0.5, 2000.0, 7.0), None),
]


@pytest.mark.parametrize("expr, args, values, limit", CASES)
def test_removable_ratio_takes_the_limit_where_the_power_underflows(expr, args, values, limit):
    # limit: the truth where u = x^a is below 10^-6000 (a b u (1 - u)^{b - 1} / (x (1 - (1 - u)^b)) = a/x (1 + O(u)));
    # else mpmath at 800 digits
    new, fired = stabilize(expr, RULES)
    assert "removable_ratio" in fired
    with np.errstate(all="ignore"):
        naive = float(_np(expr, args)(*[np.float64(v) for v in values]))
        got = float(_np(new, args)(*[np.float64(v) for v in values]))
    with mpmath.workdps(800):  # u = 0.5^2000 needs 600 digits before log1p(b u) keeps any
        want = limit if limit is not None else float(
            sp.lambdify(args, expr, modules="mpmath")(*[mpmath.mpf(v) for v in values]))
    assert not np.isfinite(naive)
    assert abs(got - want) <= REL_TOL * abs(want)


@pytest.mark.parametrize("expr", [
    sp.exp(W) / (sp.exp(W) + 1),          # F(0) = 1: nothing to remove
    x ** 2 / (1 - (1 - x ** 2) ** b),     # an integer power does not underflow on its own: left to the other rules
    x ** a / (x ** a - 1) ** 2,           # F(u) = (u - 1)^2 with F(0) = 1
])
def test_removable_ratio_leaves_other_quotients(expr):
    assert removable_ratio(expr) == expr


def test_removable_ratio_does_not_nest_its_own_form():
    e = CASES[0][0]
    once = removable_ratio(e)
    assert once != e and removable_ratio(once) == once


def test_removable_ratio_leaves_a_softmax_whose_sum_binds_the_same_index_name():
    # the summand e^{t_j} / sum_j e^{t_j} of a distillation loss: the sum's j is its own variable, not the summand's
    j, n = sp.symbols("j n", integer=True)
    t, tau = sp.IndexedBase("t"), sp.Symbol("tau", positive=True)
    e = sp.Sum(sp.exp(t[j] / tau) / sp.Sum(sp.exp(t[j] / tau), (j, 0, n - 1)), (j, 0, n - 1))
    assert removable_ratio(e) == e


# ** fold_at_kink **

r_, l_, c_ = sp.symbols("r ell c", positive=True)
X = sp.Symbol("X", real=True)

FOLD_CASES = [
    # the Wendland kernel's gradient bracket at s = r/ell = 5e-150: the ones cancel, truth -5 r/ell
    (sp.Max(0, 1 - r_ / l_) - (1 + 4 * r_ / l_) * sp.Heaviside(1 - r_ / l_, 0), (r_, l_), (5.0, 1e150), -5 * 5.0 / 1e150),
    # a hinge's two kinks of one argument in another order: X H(X - c) - max(0, X - c) = c where X > c
    (X * sp.Heaviside(X - c_, 0) - sp.Max(X - c_, 0), (X, c_), (1e20, 1.0), 1.0),
    # a min: min(0, X - c) - X (1 - H(X - c)) = -c where X < c, at X = -1e20
    (sp.Min(0, X - c_) - X * (1 - sp.Heaviside(X - c_, 0)), (X, c_), (-1e20, 3.0), -3.0),
]


@pytest.mark.parametrize("expr, args, values, want", FOLD_CASES)
def test_fold_at_kink_keeps_what_cancels_on_one_side(expr, args, values, want):
    from codegen.rules_kink_fold import fold_at_kink

    new = fold_at_kink(expr)
    assert new != expr
    with np.errstate(all="ignore"):
        naive = float(sp.lambdify(args, expr, "numpy")(*[np.float64(v) for v in values]))
        got = float(sp.lambdify(args, new, "numpy")(*[np.float64(v) for v in values]))
    assert abs(naive - want) > 1e-3 * abs(want)  # the ones (or the large X) round the cancelling terms away
    assert abs(got - want) <= REL_TOL * abs(want)
    for v in (0.5, 2.0, -1.5):  # elsewhere the folded form is the sum as written (within a few roundings)
        point = [v] + list(values[1:]) if args[0] is X else [v, 1.0]
        a, b = (float(sp.lambdify(args, e, "numpy")(*[np.float64(p) for p in point])) for e in (expr, new))
        assert abs(a - b) <= REL_TOL * max(1.0, abs(a))


@pytest.mark.parametrize("expr", [
    sp.Max(0, X) + X * sp.Heaviside(X),          # like terms merged, nothing cancels: left
    sp.Max(0, X) + X ** 2,                        # one kink
    sp.Max(0, X) - X * sp.Heaviside(X - 1, 0),    # kinks of two arguments
])
def test_fold_at_kink_leaves_sums_that_do_not_cancel(expr):
    from codegen.rules_kink_fold import fold_at_kink

    assert fold_at_kink(expr) == expr


# ** log_bessel_i, and I_0 read, printed and derived **

K = sp.Symbol("K", positive=True)


@pytest.mark.parametrize("expr, value", [
    (sp.log(sp.besseli(0, K)), 1e3),                        # I_0(1000) overflows: the log is inf, truth 996.1
    (3 * K - 2 * sp.log(sp.besseli(1, K)), 1e300),          # I_1 the same, another layout
    (sp.besseli(1, K) / sp.besseli(0, K), 800.0),           # the derivative of log I_0: inf/inf, truth 0.9994
])
def test_log_bessel_i_keeps_the_log_of_an_overflowing_bessel_function(expr, value):
    from codegen.rules_bessel import log_bessel_i

    new = log_bessel_i(expr)
    assert new != expr
    import scipy.special

    scaled = [{"i0e": scipy.special.i0e, "i1e": scipy.special.i1e}, "scipy", "numpy"]
    with np.errstate(all="ignore"):
        naive = float(sp.lambdify((K,), expr, modules=scaled)(np.float64(value)))
        got = float(sp.lambdify((K,), new, modules=scaled)(np.float64(value)))
    with mpmath.workdps(60):
        want = float(sp.lambdify((K,), expr, modules="mpmath")(mpmath.mpf(value)))
    assert not np.isfinite(naive) and abs(got - want) <= REL_TOL * abs(want)


def test_a_von_mises_log_density_is_read_printed_and_derived():
    # I_0 of the notes is sympy's besseli(0, .): printed as scipy.special.i0 (or i0e under the log), the gradient in
    # kappa, I_1/I_0, as i1e/i0e; the generated forward and VJP against mpmath at an ordinary and an overflowing kappa
    from codegen.define import build, derive_gradients
    from codegen.define_module import compile_function
    from readers.definition import read_definitions

    (f,) = build(read_definitions(r"$$ \mathrm{VM}(x, \kappa) = \kappa\cos x - \log I_0\left(\kappa\right) $$"))
    assert f.expr.has(sp.besseli)
    derive_gradients(f)
    _, module = compile_function(f, True)
    for kappa in (2.5, 1e4):
        with mpmath.workdps(60):
            k = mpmath.mpf(kappa)
            want = k * mpmath.cos(0.5) - mpmath.log(mpmath.besseli(0, k))
            dk = mpmath.cos(0.5) - mpmath.besseli(1, k) / mpmath.besseli(0, k)
        assert abs(float(module.vm(0.5, kappa)) - float(want)) <= REL_TOL * abs(float(want))
        _, got_dk = module.vm_vjp(0.5, kappa, np.float64(1.0))
        assert abs(float(got_dk) - float(dk)) <= 1e-12 * max(1.0, abs(float(dk)))  # a difference of O(1) terms


# ** root_difference of two sums over one range **

@pytest.mark.parametrize("latex, args, truth", [
    # two distances from one anchor of 1e150 that differ by about 1 (the soft-margin triplet loss's margin)
    (r"\mathrm{D}(a, p, q) = \sqrt{\sum_{i=1}^{n}(a_i - p_i)^{2}} - \sqrt{\sum_{i=1}^{n}(a_i - q_i)^{2}}",
     ([1e150, 1.0, -2.0], [0.5, 2.0, 1.0], [-0.25, 0.0, 3.0]),
     lambda a, p, q: mpmath.sqrt(sum((x - y) ** 2 for x, y in zip(a, p))) - mpmath.sqrt(sum((x - y) ** 2 for x, y in zip(a, q)))),
    # the anchor second, other letters, a scale: 2 (|u - z| - |w - z|) with z = -3e200 in one entry
    (r"\mathrm{S}(u, w, z) = 2\sqrt{\sum_{j=1}^{m}\left(u_j - z_j\right)^{2}} - 2\sqrt{\sum_{j=1}^{m}\left(w_j - z_j\right)^{2}}",
     ([1.0, 4.0], [-2.0, 0.5], [-3e200, 1.5]),
     lambda u, w, z: 2 * mpmath.sqrt(sum((x - y) ** 2 for x, y in zip(u, z))) - 2 * mpmath.sqrt(sum((x - y) ** 2 for x, y in zip(w, z)))),
])
def test_root_difference_subtracts_two_sums_term_by_term(latex, args, truth):
    from codegen.define import build
    from codegen.define_module import compile_function
    from readers.definition import read_definitions

    (f,) = build(read_definitions(f"$$ {latex} $$"))
    _, module = compile_function(f, False)
    got = float(getattr(module, f.name)(*[np.array(v) for v in args]))
    with mpmath.workdps(400):
        want = float(truth(*[[mpmath.mpf(v) for v in x] for x in args]))
    assert abs(got - want) <= 1e-12 * abs(want)  # a few roundings in each sum and the quotient (a few ulps of O(1))


# ** power_of_ratio with a number among the factors of the numerator **

P = sp.Symbol("P", real=True)


@pytest.mark.parametrize("expr, values", [
    # the left branch of an asymmetric generalised Gaussian's gradient, (-x/b)^(nu - 1): the quotient 1e600 overflows
    ((-X / c_) ** P, (-1e300, 1e-300, -0.23)),
    # a scaled numerator, another exponent: (3x/b)^p = 1.7e300 where 3x/b = 3e600 overflows
    ((3 * X / c_) ** P, (1e300, 1e-300, 0.5)),
])
def test_power_of_ratio_takes_a_signed_numerator_to_log_space(expr, values):
    from codegen.rules import COSTLY_RULES

    rule = next(r for r in COSTLY_RULES if r.name == "power_of_ratio")
    new = rule.apply(expr)
    assert new != expr
    args = (X, c_, P)
    with np.errstate(all="ignore"):
        naive = float(sp.lambdify(args, expr, "numpy")(*[np.float64(v) for v in values]))
        got = float(sp.lambdify(args, new, "numpy")(*[np.float64(v) for v in values]))
    with mpmath.workdps(60):
        want = float(sp.lambdify(args, expr, "mpmath")(*[mpmath.mpf(v) for v in values]))
    assert abs(naive - want) > 1e-3 * abs(want)
    assert abs(got - want) <= 1e-12 * abs(want)  # e^{p L} errs by |p L| ulps, L = 1382 here
    for x in (2.0, 0.5):  # near 1 the quotient is formed, as written (x of the sign the power is real at)
        point = (np.copysign(x, values[0]), 3.0, values[2])
        a, b = (float(sp.lambdify(args, e, "numpy")(*point)) for e in (expr, new))
        assert a == b


def test_removable_ratio_keeps_nan_where_the_power_is_not_real():
    # x^a at x < 0, a = 0.5 is nan: the limit is taken only where the computed power is 0, never for a nan
    e, args = CASES[3][0], CASES[3][1]  # 3 x^a / log1p(b x^a): no other factor holds x^a
    new, _ = stabilize(e, RULES)
    with np.errstate(all="ignore"):
        assert np.isnan(float(_np(new, args)(*[np.float64(v) for v in (-0.5, 0.5, 7.0)])))
