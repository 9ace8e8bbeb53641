"""The rules round eleven's misses added or widened: Stirling's series where log-gamma terms cancel
(``stirling_branch``), a difference of a distribution function measured from its upper tail (``tail_difference``),
positive weights normalised as a softmax of their logs (``weights_as_softmax``),
``term_over_sum`` for a numerator that is a multiple of a term, ``power_log1p`` beyond the float range: each on a definition read from a note, lowered with the registry's rules and the one rule (no search), at the
point where the plain form fails, against the textbook formula in mpmath (written here by hand, not from sympy)."""
import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.define import derive_gradients
from codegen.define_module import compile_function
from codegen.rules import COSTLY_RULES, RULES
from codegen.rules_stirling import FROM, series, stirling_branch
from formulary import api

REL_TOL = 1e-13
"""A few roundings of O(1) numbers at each point; the misses fixed are errors of O(1) or non-finite values."""


def _gamma_entropy(a, b):
    return a - mpmath.log(b) + mpmath.loggamma(a) + (1 - a) * mpmath.digamma(a)


CASES = {
    "gamma_entropy": (  # round eleven: a log Gamma(a) + (1 - a) psi(a) of 7e302 each, sum 346 (stirling_branch)
        r"$$ \mathrm{GammaEntropy}(a, b) = a - \log b + \log\Gamma(a) + (1 - a)\psi(a) $$",
        "stirling_branch", "forward", {"a": [1e300, 25.0, 2.5], "b": [0.7, 1.5, 3.0]}, {},
        lambda pt: [_gamma_entropy(mpmath.mpf(a), mpmath.mpf(b)) for a, b in zip(pt["a"], pt["b"])]),
    "gamma_entropy_gradient": (  # its gradient 1 + (1 - a) psi'(a) = 1/(2a) + ...: 1 - 1 = 0 at a = 1e300
        r"$$ \mathrm{GammaEntropy}(a, b) = a - \log b + \log\Gamma(a) + (1 - a)\psi(a) $$",
        "stirling_branch", "vjp", {"a": [1e300, 40.0], "b": [0.7, 1.5]}, {},
        lambda pt: [1 + (1 - mpmath.mpf(a)) * mpmath.psi(1, mpmath.mpf(a)) for a in pt["a"]]),
    "gamma_kl": (  # round ten: (a_1 - a_2) psi(a_1) - log Gamma(a_1) + a_1 (b_2 - b_1)/b_1, each 1e302, at a_1 = 1e300
        (r"$$ \mathrm{GammaKL}(a_1, b_1, a_2, b_2) = (a_1 - a_2)\psi(a_1) - \log\Gamma(a_1) + \log\Gamma(a_2) "
         r"+ a_2\left(\log b_1 - \log b_2\right) + a_1\frac{b_2 - b_1}{b_1} $$"),
        "stirling_branch", "forward", {"a_1": [1e300], "b_1": [0.46], "a_2": [2.95], "b_2": [1e-300]}, {},
        lambda pt: [(a1 - a2) * mpmath.digamma(a1) - mpmath.loggamma(a1) + mpmath.loggamma(a2)
                    + a2 * (mpmath.log(b1) - mpmath.log(b2)) + a1 * (b2 - b1) / b1
                    for a1, b1, a2, b2 in [[mpmath.mpf(pt[k][0]) for k in ("a_1", "b_1", "a_2", "b_2")]]]),
    "soft_root_sign": (  # round eleven: x/alpha overflowed, x/inf = 0 where the truth is alpha (term_over_sum)
        r"$$ \mathrm{SoftRootSign}(x) = \frac{x}{x / \alpha + e^{-x/\beta}} $$",
        "term_over_sum", "forward", {"x": [1e300, 2.5]}, {"alpha": 1e-300, "beta": 1.4},
        lambda pt: [mpmath.mpf(x) / (mpmath.mpf(x) / pt["alpha"] + mpmath.exp(-mpmath.mpf(x) / pt["beta"]))
                    for x in pt["x"]]),
    "gev_log_pdf": (  # round eleven: (1 + xi z)^{-1/xi} was inf^(-1e-300) = 0 for 1 (power_log1p beyond the range)
        r"$$ \mathrm{GEVLogPdf}(z) = -\log\sigma - \left(1 + \frac{1}{\xi}\right)\log\left(1 + \xi z\right) - \left(1 + \xi z\right)^{-1/\xi} $$",
        ("power_log1p", "log1p_large_quotient"), "forward", {"z": [1e300, 0.5]}, {"sigma": 0.77, "xi": 1e300},
        lambda pt: [-mpmath.log(pt["sigma"]) - (1 + 1 / mpmath.mpf(pt["xi"])) * mpmath.log1p(pt["xi"] * mpmath.mpf(z))
                    - mpmath.power(1 + pt["xi"] * mpmath.mpf(z), -1 / mpmath.mpf(pt["xi"])) for z in pt["z"]]),
    "soft_bin": (  # round eleven: erf(5.9) - erf(4.7) kept 5 digits (tail_difference); both in the lower tail too
        r"$$ \mathrm{SoftBin}(x) = \frac{1}{2}\left(\operatorname{erf}\left(\frac{a + w - x}{\sqrt{2}\sigma}\right) - \operatorname{erf}\left(\frac{a - x}{\sqrt{2}\sigma}\right)\right) $$",
        "tail_difference", "forward", {"x": [-2.62, 9.5, 0.3]}, {"a": 1.59, "sigma": 0.63, "w": 1.09},
        lambda pt: [(mpmath.erf((pt["a"] + pt["w"] - mpmath.mpf(x)) / (mpmath.sqrt(2) * pt["sigma"]))
                     - mpmath.erf((pt["a"] - mpmath.mpf(x)) / (mpmath.sqrt(2) * pt["sigma"]))) / 2 for x in pt["x"]]),
    "interval_cauchy": (  # the same for the arctangent: both angles near pi/2 at x = -1e8
        r"$$ \mathrm{IntervalCauchyNLL}(x) = -\log\left(\frac{1}{\pi}\left(\arctan\frac{a + w - x}{\gamma} - \arctan\frac{a - x}{\gamma}\right)\right) $$",
        "tail_difference", "forward", {"x": [-1e8, 1e8, 0.5]}, {"a": 1.16, "gamma": 1.38, "w": 0.69},
        lambda pt: [-mpmath.log((mpmath.atan((pt["a"] + pt["w"] - mpmath.mpf(x)) / pt["gamma"])
                                 - mpmath.atan((pt["a"] - mpmath.mpf(x)) / pt["gamma"])) / mpmath.pi) for x in pt["x"]]),
    "tsne_affinity": (  # round eleven: every (1 + d^2)^-1 underflowed at d ~ 1e300, 0/0 (weights_as_softmax)
        r"$$ \mathrm{TSNEAffinity}(d)_i = \frac{\left(1 + d_i^{2}\right)^{-1}}{\sum_{j=1}^{n} \left(1 + d_j^{2}\right)^{-1}} $$",
        "weights_as_softmax", "forward", {"d": [2.19e300, 2.13e300, 1.87e300, -1.43e300]}, {},
        lambda pt: _normalised([1 / (1 + mpmath.mpf(d) ** 2) for d in pt["d"]]),
        # computed as e^{L - M}, L ~ -1380 a sum of logs: one ulp of 1380 is 2.3e-13 of e^{L - M}
        1e-12),
    "inverse_distance_weights": (  # another formula of the class: Shepard's weights (c + d^2)^{-p} at d ~ 1e160
        r"$$ \mathrm{ShepardWeights}(d)_i = \frac{\left(1 + d_i^{2}\right)^{-p}}{\sum_{j=1}^{n} \left(1 + d_j^{2}\right)^{-p}} $$",
        "weights_as_softmax", "forward", {"d": [1.2e160, 3.5e160, 2.0e160, 2.5e159]}, {"p": 1.5},
        lambda pt: _normalised([(1 + mpmath.mpf(d) ** 2) ** -mpmath.mpf(pt["p"]) for d in pt["d"]])),
}


def _normalised(w):
    s = sum(w)
    return [t / s for t in w]


@pytest.mark.parametrize("case", sorted(CASES))
def test_extreme_point_is_finite_and_accurate(case):
    note, rule, kind, pt, kw, want, *tol = CASES[case]
    (f,) = api.define(note)
    derive_gradients(f)
    extra = [r for r in COSTLY_RULES if r.name in ((rule,) if isinstance(rule, str) else rule)]
    _, module = compile_function(f, grad=kind == "vjp", rules=tuple(sorted(RULES + tuple(extra), key=lambda r: r.priority)))
    args = [np.asarray(pt[p.name], dtype=float) for p in f.params]
    with np.errstate(all="ignore"):
        got = getattr(module, f.name)(*args, **kw) if kind == "forward" else getattr(module, f.name + "_vjp")(*args, 1.0, **kw)[0]
    with mpmath.workdps(700):
        truth = np.array([float(t) for t in want({**pt, **kw})])
    got = np.ravel(got)
    assert np.all(np.isfinite(got)), (case, got)
    err = float(np.max(np.abs(got - truth)) / np.max(np.abs(truth)))  # normwise, as the certificate
    assert err <= (tol[0] if tol else REL_TOL), (case, got, truth, err)


def test_stirling_series_is_within_its_truncation_at_the_threshold():
    """At $u$ just above :data:`FROM` the series of each function is within $10^{-20}$ of it (mpmath, 40 digits)."""
    t = sp.Symbol("t", positive=True)
    u = FROM + 0.5
    with mpmath.workdps(40):
        for f, exact in ((sp.loggamma(t), mpmath.loggamma(u)), (sp.polygamma(0, t), mpmath.psi(0, u)),
                         (sp.polygamma(1, t), mpmath.psi(1, u))):
            assert abs(series(f, t).evalf(40, subs={t: sp.Float(u, 40)}) - sp.Float(exact, 40)) < 1e-20, f


def test_stirling_branch_needs_a_cancellation():
    """A log-gamma term with nothing to cancel against stays as written; a sum whose leading orders cancel is branched."""
    a, b = sp.symbols("a b", positive=True)
    for kept in (sp.loggamma(a) + sp.log(b), sp.loggamma(a) + a, sp.polygamma(0, a) + 1):
        assert stirling_branch(kept) == kept
    assert stirling_branch(1 + (1 - a) * sp.polygamma(1, a)).has(sp.Piecewise)


def test_weights_as_softmax_leaves_exponentials_to_exp_normalize():
    """Exponential weights are a softmax already: taking their logs again added a costlier form and, held, hid the
    shift from ``exp_normalize`` (a temperature softmax at 1e300 went to inf in the suite)."""
    from codegen.rules_log_weights import weights_as_softmax

    z, d = sp.IndexedBase("z", real=True), sp.IndexedBase("d", real=True)
    i, j, n = sp.symbols("i j n", integer=True)
    softmax = sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, n - 1))
    assert weights_as_softmax(softmax) == softmax
    affinity = (1 + d[i] ** 2) ** -1 / sp.Sum((1 + d[j] ** 2) ** -1, (j, 0, n - 1))
    assert weights_as_softmax(affinity).has(sp.exp)
