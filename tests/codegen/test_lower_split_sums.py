"""Log-space sums split into their parts (codegen.lower_split_sums): cross-entropy from logits unshifted as
sum(y z) - sum(log S * sum(y)), taken on ordinary logits (no maximum computed), the shifted code where the
parts cancel, S < e, a weight is negative or an exponential overflows; every result against mpmath."""
import warnings

import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.load import load_generated
from codegen.lower import lower_formula
from codegen.lower_printer import NumPyLowering
from codegen.lower_split_sums import CANCELLATION, split_log_sums
from codegen.lower_unshifted import GUARD_NAME, ExpShift, unshifted
from codegen.rules import stabilize
from symbolic import get

IMPORTS = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
K = sp.Symbol("K", integer=True, positive=True)
n = sp.Symbol("n", integer=True, positive=True)
i, j, k, t = sp.symbols("i j k t", integer=True)
z, y = sp.IndexedBase("z", real=True), sp.IndexedBase("y", real=True)
ULPS = 8
"""float64 ulps of the loss, relative to the loss: an exponential, two dot products and a log per row, the rows'
mean, and at most log2(CANCELLATION) = 2 bits at the final subtraction the guard admits."""
F32_ULPS = 8
"""float32 ulps of the loss (as ULPS, in float32; the rounding of the inputs is not counted: the truth is taken
at the float32 inputs)."""


def _function(blocks=0):
    fn = lower_formula(get("softmax_cross_entropy"), blocks=blocks)
    helpers = NumPyLowering.helpers_source(fn.source(), grad=False)  # the shifted body's _exp_base2
    return vars(load_generated(IMPORTS + helpers + "\n\n\n" + fn.source()))[fn.name], fn.source()


def _truth(y_, z_) -> float:
    with mpmath.workdps(40):
        total = mpmath.mpf(0)
        for yr, zr in zip(y_, z_):
            lse = mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(float(v))) for v in zr))
            total += mpmath.fsum(mpmath.mpf(float(a)) * (mpmath.mpf(float(b)) - lse) for a, b in zip(yr, zr))
        return float(-total / len(z_))


def _spied(f, *args):
    """(result, whether np.max ran: the shifted code), with every floating-point warning an error."""
    calls, real = [], np.max

    def spy(*a, **kw):
        calls.append(1)
        return real(*a, **kw)

    np.max = spy
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            out = f(*args)
    finally:
        np.max = real
    return out, bool(calls)


def _probabilities(rng, shape):
    e = np.exp(rng.standard_normal(shape))
    return e / e.sum(-1, keepdims=True)


def test_cross_entropy_from_logits_splits_and_plain_log_softmax_does_not():
    """The rules' cross-entropy $-\\frac1n\\sum_{ik} y_{ik}(z_{ik} - m_i - \\log S_i)$ is taken, split in two parts
    with y its weight and S the sum whose log it holds; the elementwise log-softmax is not (its $z - \\log S$
    cancels where the shifted form does not), nor is a sum whose weight is not an input (its sign unknown)."""
    f = get("softmax_cross_entropy")
    expr, _ = stabilize(f.expanded(f.outputs[0]))
    found = unshifted([expr], split=True)
    assert found is not None
    fast, sums, groups = found
    assert len(groups) == 1 and len(groups[0].parts) == 2
    assert groups[0].weights == (y,) and groups[0].logs == tuple(sums)
    for _, part in groups[0].parts:  # log S a factor of its part, in no Add
        assert not any(isinstance(a, sp.Add) and a.has(sp.log) for a in sp.preorder_traversal(part.function))
    m = ExpShift(z[i, t], (t, 0, K - 1))
    s = sp.Sum(sp.exp(z[i, j] - m), (j, 0, K - 1))
    assert unshifted([z[i, k] - m - sp.log(s)], split=True) is None
    signed = sp.Sum((y[i, k] - 1) * (z[i, k] - m - sp.log(s)), (i, 0, n - 1), (k, 0, K - 1))
    assert unshifted([signed], split=True) is None
    assert split_log_sums([sp.log(s.xreplace({m: 0}))], [s.xreplace({m: 0})]) is None  # a log outside a sum


def test_ordinary_logits_take_the_split_body_within_ulps_of_mpmath():
    """Random logits and probabilities: no maximum computed, the loss within ULPS of mpmath (float64) and
    F32_ULPS (float32, float32 out); blocked over rows (the benchmark's path) too."""
    rng = np.random.default_rng(0)
    for blocks in (0, 2):
        f, source = _function(blocks)
        assert GUARD_NAME in source and "np.asarray(y).min(initial=np.inf) >= 0" in source
        for shape in ((4, 7), (9, 33)):
            y_, z_ = _probabilities(rng, shape), rng.standard_normal(shape) * 3
            got, shifted = _spied(f, y_, z_)
            assert not shifted
            truth = _truth(y_, z_)
            assert abs(float(got) - truth) <= ULPS * 2.2e-16 * abs(truth)
            y32, z32 = y_.astype(np.float32), z_.astype(np.float32)
            got32, shifted = _spied(f, y32, z32)
            assert not shifted and np.asarray(got32).dtype == np.float32
            truth32 = _truth(y32, z32)
            assert abs(float(got32) - truth32) <= F32_ULPS * 1.2e-7 * abs(truth32)


@pytest.mark.parametrize("case", ["confident", "one class", "negative weight", "logits 1e4", "underflow"])
def test_where_the_split_is_unsafe_the_shifted_code_runs(case):
    """A confident prediction (log S ~ z_top: the parts cancel beyond CANCELLATION), one class (S = e^z < e: log S
    is its rounding), a negative weight, logits of +-1e4 (S overflows), all logits below -800 (S underflows):
    the shifted code, finite, within ULPS of mpmath counted against max(|loss|, sum|y| / n): the shifted form's
    log S' (S' >= 1) errs by eps absolute, once per unit of weight (a confident loss of 4e-13 is accurate to
    eps, not to eps * 4e-13; one class's exact 0 is a tiny value mpmath at 40 digits cannot resolve)."""
    f, _ = _function()
    rng = np.random.default_rng(1)
    y_, z_ = _probabilities(rng, (3, 5)), rng.standard_normal((3, 5))
    if case == "confident":
        y_ = np.eye(5)[[0, 1, 2]]
        z_ = np.where(y_ > 0, 30.0, 0.0) + 0.01 * z_
    elif case == "one class":
        y_, z_ = np.ones((2, 1)), np.array([[1e-300], [0.5]])
    elif case == "negative weight":
        y_[0, 0] = -0.25
    elif case == "logits 1e4":
        z_ = np.array([[1e4, -1e4, 0.0, 1.0, 2.0]] * 3)
    else:
        z_ = z_ - 800
    got, shifted = _spied(f, y_, z_)
    assert shifted and np.isfinite(got)
    truth = _truth(y_, z_)
    assert abs(float(got) - truth) <= ULPS * 2.2e-16 * max(abs(truth), float(np.sum(np.abs(y_))) / len(y_))
    if case == "confident":  # the guard that sent it there: the parts' magnitudes against their sum
        a = float(np.sum(y_ * z_))
        b = float(np.sum(np.log(np.exp(z_).sum(-1)) * y_.sum(-1)))
        assert abs(a) + abs(b) > CANCELLATION * abs(a - b)
