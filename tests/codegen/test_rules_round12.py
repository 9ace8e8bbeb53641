"""The rules round twelve's misses added: the log of a sum of squares scaled by its largest magnitude
(``log_of_squares``), a softmax whose logits share the square of an offset (``softmax_square_offset``), and a rule
whose rewrite sympy refuses to rebuild is not applied.  Each rule on definitions read from a note, lowered with the
registry's rules and the one rule (no search), at the point where the plain form fails, against the textbook formula
in mpmath (written here by hand, not from sympy)."""
import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.define_module import compile_exprs, compile_function
from codegen.rules import COSTLY_RULES, RULES, Rule, stabilize
from formulary import api

REL_TOL = 1e-13
"""A few roundings of O(1) numbers (and logs of at most 1e600) at each point; the misses fixed are non-finite values."""


def _softmax(logits):
    top = max(logits)
    w = [mpmath.exp(a - top) for a in logits]
    s = sum(w)
    return [t / s for t in w]


SOFT_ASSIGN = r"$$ \mathrm{SoftAssign}(x, c)_i = \frac{e^{-\beta\left(x - c_i\right)^{2}}}{\sum_{j=1}^{n} e^{-\beta\left(x - c_j\right)^{2}}} $$"
C = [-1.93, -2.01, -0.23, 0.40]

CASES = {
    "log_power_kernel": (  # round twelve: log1p_power's (beta/2) log sum (x - y)^2 was log(inf) at x_0 = 1e300
        r"$$ \mathrm{LogPowerKernel}(x, y) = -\log\left(1 + \left(\sum_{i=1}^{n}\left(x_i - y_i\right)^{2}\right)^{\beta/2}\right) $$",
        "log_of_squares", {"x": [1e300, -1.24, 1.08, 1.24], "y": [2.13, -0.86, 0.41, 0.02]}, {"beta": 1.44},
        lambda pt: [-mpmath.log(1 + sum((mpmath.mpf(a) - mpmath.mpf(b)) ** 2 for a, b in zip(pt["x"], pt["y"]))
                                ** (mpmath.mpf(pt["beta"]) / 2))]),
    "cauchy_kl": (  # round twelve: (mu - nu)^2 overflowed inside log_of_quotient's log of the numerator at nu = 1e300
        r"$$ \mathrm{CauchyKL}(\mu, \gamma) = \log\frac{(\gamma + s)^{2} + (\mu - \nu)^{2}}{4\gamma s} $$",
        "log_of_squares", {"mu": [-1.79, 0.5], "gamma": [2.81, 1e300]}, {"nu": 1e300, "s": 0.51},
        lambda pt: [mpmath.log(((mpmath.mpf(g) + pt["s"]) ** 2 + (mpmath.mpf(m) - pt["nu"]) ** 2) / (4 * mpmath.mpf(g) * pt["s"]))
                    for m, g in zip(pt["mu"], pt["gamma"])]),
    "soft_assign": (  # round eleven: every -beta (x - c_j)^2 was -inf at x = 1e300, the shifted logits nan
        SOFT_ASSIGN, "softmax_square_offset", {"x": [1e300], "c": C}, {"beta": 1.12},
        lambda pt: _softmax([-pt["beta"] * (mpmath.mpf(pt["x"][0]) - c) ** 2 for c in map(mpmath.mpf, pt["c"])])),
    "soft_assign_moderate": (  # x = 1e150, beta = 1e-150: (x - c)^2 rounds to 1e300 for every c, the softmax to uniform
        SOFT_ASSIGN, "softmax_square_offset", {"x": [1e150], "c": C}, {"beta": 1e-150},
        lambda pt: _softmax([-mpmath.mpf(pt["beta"]) * (mpmath.mpf(pt["x"][0]) - c) ** 2 for c in map(mpmath.mpf, pt["c"])])),
    "gauss_bias_attention": (  # another formula of the class: scores plus a Gaussian position bias, centre 1e300
        (r"$$ \mathrm{GaussBiasAttention}(s, p)_i = \frac{e^{s_i - \frac{(p_i - \mu)^{2}}{2\sigma^{2}}}}"
         r"{\sum_{j=1}^{n} e^{s_j - \frac{(p_j - \mu)^{2}}{2\sigma^{2}}}} $$"),
        "softmax_square_offset", {"s": [-2.9, 1.9, -0.02, -0.38], "p": [0.61, 2.1, -1.25, -1.39]}, {"mu": 1e300, "sigma": 0.9},
        lambda pt: _softmax([mpmath.mpf(s) - (mpmath.mpf(p) - pt["mu"]) ** 2 / (2 * mpmath.mpf(pt["sigma"]) ** 2)
                             for s, p in zip(pt["s"], pt["p"])])),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_extreme_point_is_finite_and_accurate(case):
    note, rule, pt, kw, want = CASES[case]
    (f,) = api.define(note)
    extra = [r for r in COSTLY_RULES if r.name == rule]
    _, module = compile_function(f, grad=False, rules=tuple(sorted(RULES + tuple(extra), key=lambda r: r.priority)))
    args = [np.asarray(pt[p.name], dtype=float) if len(pt[p.name]) > 1 or p.shape else pt[p.name][0] for p in f.params]
    with np.errstate(all="ignore"):
        got = np.ravel(getattr(module, f.name)(*args, **kw))
        _, plain = compile_function(f, grad=False, rules=RULES)
        naive = np.ravel(getattr(plain, f.name)(*args, **kw))
    with mpmath.workdps(700):
        truth = np.array([float(t) for t in want({**pt, **kw})])
    with mpmath.workdps(700):
        truth = np.array([float(t) for t in want({**pt, **kw})])
    naive_err = float(np.max(np.abs(naive - truth)) / np.max(np.abs(truth)))
    assert not naive_err <= 1e-3, (case, naive, truth)  # the registry's rules alone fail here (nan counts as failing)
    assert np.all(np.isfinite(got)), (case, got)
    err = float(np.max(np.abs(got - truth)) / np.max(np.abs(truth)))  # normwise, as the certificate
    assert err <= REL_TOL, (case, got, truth, err)


def test_a_rewrite_sympy_refuses_to_rebuild_is_not_applied():
    """A rule whose rewrite raises sympy's "Invalid comparison of non-real" leaves the expression to the other rules
    (the Gaussian-bias attention row was an internal error); any other TypeError is a bug and still raises."""
    x = sp.Symbol("x", real=True)

    def refused(e):
        raise TypeError("Invalid comparison of non-real x")

    def broken(e):
        raise TypeError("something else")

    assert stabilize(sp.log(1 + x), (Rule("refused", "softplus_stable", refused, "", 0),)) == (sp.log(1 + x), ())
    with pytest.raises(TypeError):
        stabilize(sp.log(2 + x), (Rule("broken", "softplus_stable", broken, "", 0),))


def test_an_if_then_else_condition_with_a_sum_is_lowered():
    """A folded Piecewise condition ``ITE(c, a, b)`` holding a sum (the log of a scaled sum of squares in a branch test
    of the rational quadratic kernel's gradient) lowers to a ``where`` of booleans, and selects as sympy does."""
    (f,) = api.define("q(x) = log(sum(x[i]**2, i, 0, n-1))")
    s = f.expr
    cond = sp.ITE(s > 1, s < 3, s > -3)
    e = sp.Piecewise((1, cond), (0, True))
    _, module = compile_exprs(f, e, (), False)
    for v in ([0.5, 0.1], [2.0, 1.0], [4.0, 3.0], [1e-3, 1e-3]):
        t = float(np.log(np.sum(np.square(v))))
        want = 1.0 if ((t < 3) if t > 1 else (t > -3)) else 0.0
        assert float(module.q(np.array(v))) == want, (v, t)
