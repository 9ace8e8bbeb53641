"""The numba backend (codegen/backends/numba.py): row loops against the NumPy backend's code of the same formulas.

Compilation is paid once per kernel and dtype (about a second each): the module of softmax and layer norm is built
once, and the tests call few dtypes.  The NumPy backend's functions are the oracle (themselves certified against
mpmath by the catalog's tests).

Run by ``test_backends.py`` in a fresh interpreter, never in a test worker (see ``test_numba_backend.py``, which holds
the backend's tests that compile nothing).
"""
import functools

import numpy as np
import pytest

from codegen.backends.numba import (
    lower_numba_formula,
    lower_numba_joint_vjp,
    module_source,
)
from codegen.derived_vjp import lower_derived_joint_vjp
from codegen.load import load_generated
from codegen.lower import lower_formula
from codegen.lower_printer import NumPyLowering
from codegen.module import _gradients_of, joint_groups
from symbolic import get

FLOAT64_TOL = 1e-13
"""Relative to the output's largest magnitude: the same formula, float64 both, summed in another order."""
FLOAT32_TOL = 2e-6
"""float32 against the NumPy backend's float64 result: about 16 float32 ulps (one rounding of the inputs, one of
the output, the exponential's 1 ulp, sums in float64)."""


def _needs_numba():
    pytest.importorskip("numba", reason="the numba backend needs numba (pip install 'formulary[numba]')")


@functools.cache
def _modules():
    """(numba module, NumPy module) of softmax and layer norm with their joint VJPs."""
    fns, np_src = [], []
    for fid in ("softmax", "layer_norm"):
        f = get(fid)
        fns.append(lower_numba_formula(f))
        np_src.append(lower_formula(f).source())
        for name, members in joint_groups(_gradients_of([fid])).items():
            fns.append(lower_numba_joint_vjp(name, members))
            np_src.append(lower_derived_joint_vjp(name, members).source())
    code = "\n\n".join(np_src)
    numpy_code = ("import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n"
                  + NumPyLowering.helpers_source(code, grad=True) + "\n\n" + code)
    return (load_generated(module_source(fns), "formulary_test_numba"),
            load_generated(numpy_code, "formulary_test_numba_oracle"))


def _close(got, want, tol):
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    assert got.shape == want.shape
    scale = max(float(np.max(np.abs(want), initial=0.0)), np.finfo(float).tiny)
    assert float(np.max(np.abs(got - want), initial=0.0)) <= tol * scale


def test_softmax_and_its_vjp_on_a_strided_batch():
    """Two batch axes, a non-contiguous view (every other column of a transposed array): the wrapper's rows."""
    _needs_numba()
    nb, ref = _modules()
    rng = np.random.default_rng(0)
    z = (rng.standard_normal((3, 11, 2, 4)) * 5).transpose(0, 2, 3, 1)[..., ::2]  # (3, 2, 4, 6), strided
    g = rng.standard_normal(z.shape)
    _close(nb.softmax(z), ref.softmax(z), FLOAT64_TOL)
    (dz,) = nb.softmax_vjp(z, g)
    _close(dz, ref.softmax_vjp(z, g)[0], FLOAT64_TOL)


def test_layer_norm_joint_vjp_sums_the_broadcast_parameters():
    """gamma, beta of shape (H,) broadcast over a (2, 5) batch: their gradients come back summed, shaped (H,)."""
    _needs_numba()
    nb, ref = _modules()
    rng = np.random.default_rng(1)
    x, gamma, beta, g = rng.standard_normal((2, 5, 7)), rng.standard_normal(7), rng.standard_normal(7), \
        rng.standard_normal((2, 5, 7))
    _close(nb.layer_norm(x, gamma, beta, 1e-5), ref.layer_norm(x, gamma, beta, 1e-5), FLOAT64_TOL)
    got, want = nb.layer_norm_vjp(x, gamma, beta, 1e-5, g), ref.layer_norm_vjp(x, gamma, beta, 1e-5, g)
    assert [a.shape for a in got] == [(2, 5, 7), (7,), (7,)]
    for a, b in zip(got, want):
        _close(a, b, FLOAT64_TOL)


def test_gradients_are_stored_where_they_have_a_row_per_row_and_summed_where_broadcast():
    """A gradient with a row per row is stored into an array that is never zeroed (each element written once); one
    summed over rows adds.  Layer norm's joint VJP with gamma per row (every gradient stored), and with x and beta
    broadcast over the batch (x's gradient summed over rows, not stored): against the NumPy backend."""
    _needs_numba()
    nb, ref = _modules()
    (name, members), = joint_groups(_gradients_of(["layer_norm"])).items()
    kernels = lower_numba_joint_vjp(name, members).kernels
    assert "_whole_o0 = _o0.shape[0] == _R" in kernels and not __import__("re").search(r"_o\d\[[^]]*\] \+=", kernels)
    rng = np.random.default_rng(6)
    x, gamma, beta, g = rng.standard_normal((3, 7)), rng.standard_normal((3, 7)), rng.standard_normal(7), \
        rng.standard_normal((3, 7))
    for args in ((x, gamma, beta), (x[0], gamma, beta), (x[:1], gamma, beta[None])):
        got, want = nb.layer_norm_vjp(*args, 1e-5, g), ref.layer_norm_vjp(*args, 1e-5, g)
        assert [a.shape for a in got] == [np.shape(a) for a in args]
        for a, b in zip(got, want):
            _close(a, b, FLOAT64_TOL)


def test_batch_norm_over_a_transposed_view():
    """x.T (features x batch, the batch contiguous): the column kernels of the forward and of the joint VJP, against
    the NumPy backend; a batch of 43 = 4 * 10 + 3 takes both the unrolled summing passes (COLUMN_UNROLL) and the
    elements after them."""
    _needs_numba()
    f = get("batch_norm")
    (name, members), = joint_groups(_gradients_of(["batch_norm"])).items()
    nb = load_generated(module_source([lower_numba_formula(f), lower_numba_joint_vjp(name, members)]),
                        "formulary_test_numba_bn")
    code = lower_formula(f).source() + "\n\n" + lower_derived_joint_vjp(name, members).source()
    ref = load_generated("import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n"
                         + NumPyLowering.helpers_source(code, grad=True) + "\n\n" + code,
                         "formulary_test_numba_bn_oracle")
    assert any(v.startswith("_u") for v in nb.__dict__["_batch_norm_f64c_fast"].py_func.__code__.co_varnames)  # unrolled
    rng = np.random.default_rng(3)
    x, gamma, beta, g = rng.standard_normal((43, 9)), rng.standard_normal(9), rng.standard_normal(9), \
        rng.standard_normal((43, 9))
    assert nb._rows_last(x.T, 1)
    _close(nb.batch_norm(x.T, gamma, beta, 1e-5), ref.batch_norm(x.T, gamma, beta, 1e-5), FLOAT64_TOL)
    for a, b in zip(nb.batch_norm_vjp(x.T, gamma, beta, 1e-5, g.T), ref.batch_norm_vjp(x.T, gamma, beta, 1e-5, g.T)):
        _close(a, b, FLOAT64_TOL)


def test_float32_in_float32_out():
    _needs_numba()
    nb, ref = _modules()
    rng = np.random.default_rng(2)
    z = (rng.standard_normal((16, 33)) * 4).astype(np.float32)
    got = nb.softmax(z)
    assert got.dtype == np.float32
    _close(got, ref.softmax(z.astype(np.float64)), FLOAT32_TOL)
    (dz,) = nb.softmax_vjp(z, np.ones_like(z))
    assert dz.dtype == np.float32


def test_extreme_logits_stay_finite_and_size_zero_is_empty():
    """Logits of +-1e4 (the shift by the row's max) and +-inf where the truth is finite; no rows at all."""
    _needs_numba()
    nb, ref = _modules()
    z = np.array([[1e4, -1e4, 0.0, 1e4], [-np.inf, 3.0, 2.0, -np.inf], [-1e4, -1e4 + 1, -1e4, -1e4]])
    got = nb.softmax(z)
    assert np.all(np.isfinite(got))
    _close(got, ref.softmax(z), FLOAT64_TOL)
    assert nb.softmax(np.zeros((0, 4))).shape == (0, 4)


def test_unshifted_softmax_is_accurate_where_the_shifted_argument_rounds():
    """Logits 3.96, -25.3 and -8932: shifted by the max, z - m = -29.26 rounds and the exponential amplifies the error
    (3.5e-15 before); the fast kernel's e^z / S (codegen/backends/numba_fast.py) is within 2 ulp of mpmath."""
    _needs_numba()
    import mpmath

    nb, _ = _modules()
    z = np.array([3.96, -25.3, -8932.0, 0.7])
    with mpmath.workdps(50):
        e = [mpmath.exp(mpmath.mpf(v)) for v in z]
        want = np.array([float(v / mpmath.fsum(e)) for v in e])
    got = nb.softmax(z)
    assert np.all(np.abs(got - want) <= 2 * np.spacing(want))  # 6 ulp at -25.3 before


def test_a_row_that_fails_the_fast_guard_reruns_every_row_in_the_full_kernel():
    """Layer norm (float64) with one row whose squares underflow (overflow, in the forward): the fast kernel gives up
    at that row and the full kernel runs over all rows; the broadcast gamma and beta's gradients, accumulated over
    rows, are not counted twice.  float32 rows whose products overflow in float32 (x = +-3e38, gamma = 1e3; the outputs are finite) take
    the same path (the fast kernel's finiteness check)."""
    _needs_numba()
    nb, ref = _modules()
    rng = np.random.default_rng(4)
    x, gamma, beta, g = rng.standard_normal((6, 8)), rng.standard_normal(8), rng.standard_normal(8), \
        rng.standard_normal((6, 8))
    x[-1] *= 1e-170
    for a, b in zip(nb.layer_norm_vjp(x, gamma, beta, 1e-5, g), ref.layer_norm_vjp(x, gamma, beta, 1e-5, g)):
        _close(a, b, FLOAT64_TOL)
    x[-1] *= 1e185
    x[-1] *= 1e185  # 1e200 in all
    _close(nb.layer_norm(x, gamma, beta, 1e-5), ref.layer_norm(x, gamma, beta, 1e-5), FLOAT64_TOL)
    x32 = np.concatenate([x[:-1], 3e38 * np.sign(rng.standard_normal((1, 8)))]).astype(np.float32)
    gamma32 = np.full(8, 1e3, np.float32)
    got = nb.layer_norm(x32, gamma32, beta.astype(np.float32), 1e-5)
    assert got.dtype == np.float32 and np.all(np.isfinite(got))
    _close(got, ref.layer_norm(x32.astype(np.float64), gamma32.astype(np.float64), beta, 1e-5), FLOAT32_TOL)


def test_the_full_kernel_keeps_the_order_its_stability_rewrites_need():
    """Layer norm's joint VJP at |x| ~ 1e160 and 1e300 (the fast kernel's range guard turns every row away): the
    full kernel, compiled without reassociation (STRICT_FASTMATH), divides by the scale before the products can
    overflow.  Reassociated, it returned inf and NaN for dx, whose true values are ~1e-160."""
    _needs_numba()
    nb, ref = _modules()
    rng = np.random.default_rng(5)
    gamma, beta, g = rng.standard_normal(8), rng.standard_normal(8), rng.standard_normal((4, 8))
    for scale in (1e160, 1e300):
        x = rng.standard_normal((4, 8)) * scale
        got, want = nb.layer_norm_vjp(x, gamma, beta, 1e-5, g), ref.layer_norm_vjp(x, gamma, beta, 1e-5, g)
        for a, b in zip(got, want):
            assert np.all(np.isfinite(a))
            _close(a, b, FLOAT64_TOL)


def test_vectorized_exponentials_against_numpy():
    """_exp_f32 and _exp_f64 (the runtime's own exponentials) within 1 ulp of np.exp (correctly rounded to
    float32 from float64, and glibc's float64 exp), with its inf, 0, subnormals and NaN."""
    _needs_numba()
    nb, _ = _modules()
    import numba

    x = np.concatenate([np.linspace(-750, 712, 20001), [np.inf, -np.inf, np.nan, 0.0, -0.0, 88.72, -87.3, -103.9]])
    f32 = numba.njit(lambda a: np.array([nb._exp_f32(v) for v in a], dtype=np.float32))
    f64 = numba.njit(lambda a: np.array([nb._exp_f64(v) for v in a]))
    with np.errstate(all="ignore"):
        want32 = np.exp(x.astype(np.float32).astype(np.float64)).astype(np.float32)
        want64 = np.exp(x)
    for got, want in ((f32(x.astype(np.float32)), want32), (f64(x), want64)):
        same = (got == want) | (np.isnan(got) & np.isnan(want))
        with np.errstate(all="ignore"):
            ulps = np.abs(got.astype(np.float64) - want) / np.spacing(np.abs(want))
        assert np.all(same | (np.isfinite(want) & (ulps <= 1.0)))


def test_one_pass_layer_norm_against_the_numpy_backend_on_rows_that_cancel():
    """float32 rows of 4096 where the one-pass sums cancel or the guard turns them away, each against the NumPy
    backend's float64 result within FLOAT32_TOL of that row's largest output: ordinary rows; a mean 1e4 times the
    spread (the shift by the first element removes it); a first element 1e4 from a spread of 1, which fails the guard
    (checked here from its formula: the row takes the two passes as written); a constant row (variance 0: the output
    is beta); a row of width 1 and rows of width 0."""
    _needs_numba()
    nb, ref = _modules()
    rng = np.random.default_rng(7)
    n = 4096
    x = rng.standard_normal((5, n))
    x[1] = 1e4 + rng.standard_normal(n)
    x[2, 0] = 1e4
    x[3] = 3.25
    x = x.astype(np.float32)
    d = x[2].astype(np.float64) - float(x[2, 0])
    k = float(x[2, 0]) - x[2].astype(np.float64).mean()
    v = np.sum(d * d) + 2 * k * np.sum(d) + n * k * k
    assert 2.0 ** -30 * v < 4 * (n + 4) * 2.0 ** -53 * (np.sqrt(np.sum(d * d)) + abs(k) * np.sqrt(n)) ** 2
    gamma, beta, g = (rng.standard_normal(s).astype(np.float32) for s in (n, n, (5, n)))
    x64 = x.astype(np.float64)
    for a, b in zip(nb.layer_norm(x, gamma, beta, 1e-5), ref.layer_norm(x64, gamma, beta, 1e-5)):
        _close(a, b, FLOAT32_TOL)
    for a, b in zip(nb.layer_norm_vjp(x, gamma, beta, 1e-5, g), ref.layer_norm_vjp(x64, gamma, beta, 1e-5, g)):
        assert a.dtype == np.float32
        for row_a, row_b in zip(np.atleast_2d(a), np.atleast_2d(b)):
            _close(row_a, row_b, FLOAT32_TOL)
    one = np.float32([[2.5]])
    _close(nb.layer_norm(one, np.float32([2.0]), np.float32([0.5]), 1e-5), [[0.5]], FLOAT32_TOL)
    assert nb.layer_norm(np.zeros((3, 0), np.float32), np.zeros(0, np.float32), np.zeros(0, np.float32),
                         1e-5).shape == (3, 0)


def test_one_pass_batch_norm_over_a_transposed_view_in_float32():
    """The column kernels (x.T, a batch of 4096 contiguous) sum the centred terms in one pass too; a feature whose first
    sample is 1e4 from a spread of 1 fails the guard and its block of features takes the two passes (checked against
    the NumPy backend's float64 result per feature, FLOAT32_TOL)."""
    _needs_numba()
    f = get("batch_norm")
    (name, members), = joint_groups(_gradients_of(["batch_norm"])).items()
    fns = [lower_numba_formula(f), lower_numba_joint_vjp(name, members)]
    assert all("_bad0" in k for fn in fns for k in fn.kernels.split("\n\n\n") if "_f32c_fast(" in k)
    nb = load_generated(module_source(fns), "formulary_test_numba_bn32")
    code = lower_formula(f).source() + "\n\n" + lower_derived_joint_vjp(name, members).source()
    ref = load_generated("import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n"
                         + NumPyLowering.helpers_source(code, grad=True) + "\n\n" + code,
                         "formulary_test_numba_bn32_oracle")
    rng = np.random.default_rng(8)
    x, gamma, beta, g = (rng.standard_normal(s).astype(np.float32) for s in ((4096, 3), 3, 3, (4096, 3)))
    x[0, 1] = 1e4
    x[:, 2] += 1e4
    x64 = x.astype(np.float64)
    assert nb._rows_last(x.T, 1)
    got, want = nb.batch_norm(x.T, gamma, beta, 1e-5), ref.batch_norm(x64.T, gamma, beta, 1e-5)
    assert got.dtype == np.float32
    for a, b in zip(got, want):
        _close(a, b, FLOAT32_TOL)
    for a, b in zip(nb.batch_norm_vjp(x.T, gamma, beta, 1e-5, g.T), ref.batch_norm_vjp(x64.T, gamma, beta, 1e-5, g.T)):
        for row_a, row_b in zip(np.atleast_2d(a), np.atleast_2d(b)):
            _close(row_a, row_b, FLOAT32_TOL)
    # the unrolled column sums take each float32 term as a float64: sum_j g_j of 1e8, 1, -1e8, 1, ... is 2 per 4 terms
    # (added in float32 four at a time it was 1 per 4)
    g[:] = np.tile(np.float32([1e8, 1.0, -1e8, 1.0]), 1024)[:, None]
    assert nb.batch_norm_vjp(x.T, gamma, beta, 1e-5, g.T)[2].tolist() == [2048.0] * 3


def test_an_element_equal_to_the_row_mean_normalizes_to_exactly_zero():
    """Layer norm of an element equal to its row's mean is exactly beta, in both dtypes: $x_i - \\mu$ is formed before
    the product with $1/\\sigma$.  The distributed form $x_i/\\sigma - \\mu/\\sigma$ (one fused multiply-add per element,
    tried at stop 42) leaves the rounding of $\\mu/\\sigma$ there: 3.6e-23 where the truth is 0, a relative error of
    1.6e+285 in the float32 column of the module's certificate."""
    _needs_numba()
    nb, _ = _modules()
    x = np.array([[1e-9] * 5, [1.0, 2.0, 3.0, 4.0, 5.0], [1000.0, 1001.0, 1002.0, 1003.0, 1004.0]])
    for dtype in (np.float32, np.float64):
        y = nb.layer_norm(x.astype(dtype), np.ones(5, dtype), np.zeros(5, dtype), 1e-5)
        assert y.dtype == dtype
        assert np.all(y[0] == 0) and y[1, 2] == 0 and y[2, 2] == 0 and np.all(y[1:, [0, 1, 3, 4]] != 0), y

