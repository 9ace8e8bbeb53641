"""zero_times_log (codegen.rules_xlogy): a positive quantity times a log is 0 where the quantity underflows, only where
bounds prove the limit is 0; on a formula other than the Jensen-Shannon divergence that motivated it."""
import mpmath
import numpy as np
import sympy as sp

from codegen.load import load_generated
from codegen.lower import Input, Target, lower_function
from codegen.lower_printer import NumPyLowering
from codegen.rules import RULES, stabilize
from codegen.rules_xlogy import bounds, zero_times_log

K = sp.Symbol("K", integer=True, positive=True)
i, j = sp.symbols("i j", integer=True)
a, b, c = (sp.IndexedBase(n, real=True) for n in "abc")
IMPORTS = "import numpy as np\n\n\n"
REL_TOL = 1e-13
"""A few hundred ulps of float64: a log-sum-exp, a log and a sum of three terms per element."""


def _softmax(z, k=i):
    return sp.exp(z[k]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1))


def _kl_to_mixture():
    r"""$\mathrm{KL}(p \,\|\, \frac{p + q + r}{3}) = \sum_i p_i \log\frac{3 p_i}{p_i + q_i + r_i}$ for three softmaxes."""
    p, q, r = _softmax(a), _softmax(b), _softmax(c)
    return sp.Sum(p * sp.log(3 * p / (p + q + r)), (i, 0, K - 1))


def _lowered(expr, rules):
    stable, fired = stabilize(expr, rules)
    fn = lower_function("kl", tuple(Input(n, z, (K,)) for n, z in zip("abc", (a, b, c))), (Target("v", stable, ()),), (K,))
    helpers = NumPyLowering.helpers_source(fn.source(), grad=False)
    return vars(load_generated(IMPORTS + (helpers + "\n\n\n" if helpers else "") + fn.source()))["kl"], fired


def _truth(*rows):
    with mpmath.workdps(1000):  # e^{-2e300} is representable in mpmath's exponent range
        sm = [[mpmath.exp(mpmath.mpf(float(v))) / mpmath.fsum(mpmath.exp(mpmath.mpf(float(w))) for w in row)
               for v in row] for row in rows]
        return float(mpmath.fsum(p * mpmath.log(3 * p / (p + q + r)) for p, q, r in zip(*sm)))


def test_zero_times_log_on_the_divergence_from_a_mixture_of_three_softmaxes():
    """Where an entry of all three softmaxes underflows, the log of their sum is -inf and the product nan without
    the rule; with it the value is the truth (log 3 here), and ordinary logits keep their value."""
    extreme = (np.array([1e300, 0.0, 0.0, -1e300]), np.array([0.0, 1e300, 0.0, -1e300]),
               np.array([0.0, 0.0, 1e300, -1e300]))
    without, _ = _lowered(_kl_to_mixture(), tuple(r for r in RULES if r.name != "zero_times_log"))
    with np.errstate(all="ignore"):
        assert not np.isfinite(without(*extreme))
    with_rule, fired = _lowered(_kl_to_mixture(), RULES)
    assert "zero_times_log" in fired
    with np.errstate(all="raise", under="ignore"):
        got = with_rule(*extreme)
    want = _truth(*extreme)
    assert abs(got - want) <= REL_TOL * abs(want), (got, want)
    rng = np.random.default_rng(0)
    for _ in range(5):
        rows = tuple(rng.standard_normal(5) * 3 for _ in range(3))
        want = _truth(*rows)
        assert abs(with_rule(*rows) - want) <= REL_TOL * abs(want)


def test_zero_times_log_needs_its_bounds():
    """Not applied where the limit is not proved 0: x log x for a free x (not positive for every input), t log t
    for t > 0 (unbounded above), p log q across two softmaxes (q / p has no positive lower bound), and e^x log y."""
    x, y = sp.Symbol("x", real=True), sp.Symbol("y", positive=True)
    t = sp.Symbol("t", positive=True)
    ranges = {i: (0, K - 1)}
    for expr in (x * sp.log(x), t * sp.log(t), _softmax(a) * sp.log(_softmax(b)), sp.exp(x) * sp.log(y)):
        assert zero_times_log(expr, ranges) == expr, expr
    p, q = _softmax(a), _softmax(b)
    assert bounds(p, ranges) == (0, 1)
    assert bounds(2 * p / (p + q), ranges) == (0, 2)
    assert bounds(2 / (p + q), ranges) == (1, sp.oo)
    assert bounds(_softmax(a, sp.Symbol("k", integer=True)), ranges) == (0, sp.oo)  # k's range is not known
