"""The lowering: index notation to whole-array NumPy, and the stability rules it applies first."""
import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from numpy.lib.stride_tricks import sliding_window_view

from codegen.lower import Input, Target, UnsupportedNode, lower_formula, lower_function
from codegen.lower_printer import NumPyLowering
from codegen.rules import LOG_ONE_MINUS_SIGMOID, LOG_SIGMOID, RULES, SIGMOID_STABLE
from codegen.rules import stabilize as stabilize_for_codegen
from derivations.library import get as get_derivation

OWN_RULES = (LOG_SIGMOID, LOG_ONE_MINUS_SIGMOID, SIGMOID_STABLE)


def _identity(rule):
    (step,) = get_derivation(rule.identity).steps
    return step.lhs, step.rhs
from derivations.numeric.verify import rel_errors
from symbolic import get

K, n = sp.symbols("K n", integer=True, positive=True)
i, j, q = sp.symbols("i j q", integer=True, nonnegative=True)
z, g, w = sp.IndexedBase("z"), sp.IndexedBase("g"), sp.IndexedBase("w")
x = sp.Symbol("x", real=True)
IDENTITY_DPS = 5000
"""Digits for the identity check: $\\log(1 - e^{-10^4})$ needs 4343 of them before it differs from 0."""
IDENTITY_TOL = mpmath.mpf(10) ** -40
"""The identities hold exactly; at ``IDENTITY_DPS`` digits the sides agree far below this."""
FLOAT_TOL = 4e-16
"""Error of the stable forms in float64: a few roundings of u = 1.1e-16 each (sigmoid: exp, add, divide),
relative to max(|truth|, smallest normal) as in the catalog verifier (a subnormal truth cannot do better)."""


def _compile(fn):
    namespace = {"np": np, "sliding_window_view": sliding_window_view}
    exec(NumPyLowering.helpers_source(fn.source(), grad=False), namespace)  # noqa: S102  (its helpers: im2col GEMM)
    exec(fn.source(), namespace)  # noqa: S102  (generated code under test)
    return namespace[fn.name]


def _products(src: str) -> int:
    """Matrix products in generated code: ``@``, or the helpers a float32 product may take (summed in halves of
    the contracted axis: codegen.lower_nodes.MATMUL_HALVES, MATMUL_LONG)."""
    return src.count("@") + src.count("_matmul_halves(") + src.count("_matmul_long(")


def _softmax_function():
    expr, _ = stabilize_for_codegen(sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1)))
    return lower_function("softmax", (Input("z", z, (K,)),), (Target("sigma", expr, ((i, 0, K - 1),)),), (K,))


def test_softmax_is_whole_array_code_with_shared_max_and_sum():
    fn = _softmax_function()
    src = fn.source()
    # the unshifted body first (codegen.lower_unshifted), then the shifted one: in each the row sum is one
    # reduction, NumPy's or a BLAS product with ones (codegen.lower_nodes.blas_row_reduction)
    unshifted, shifted = src.split("    max_0 = ", 1)
    assert unshifted.count("np.max(") == 0 and unshifted.count("np.exp(") == 1
    # the shifted exponential e^{z - max z} by the helper that takes exp2 in float32 (codegen.lower_nodes.EXP_BASE2)
    assert shifted.count("np.max(") == 1 and shifted.count("_exp_base2(") == 1 and "np.exp(" not in shifted
    for part in (unshifted, shifted):
        assert sum(line.lstrip().startswith("sum_") for line in part.splitlines()) == 1
    f = _compile(fn)
    batch = np.random.default_rng(0).standard_normal((3, 4, 5)) * 100
    out = f(batch)
    with mpmath.workdps(40):
        truth = np.array([[float(mpmath.exp(v) / mpmath.fsum(mpmath.exp(w) for w in row)) for v in row]
                          for row in batch.reshape(-1, 5).tolist()]).reshape(batch.shape)
    # unshifted: a few roundings; shifted (any row's max < 0 or > 354 sends the call there), z - max is rounded
    # before the exponential: |z - max| eps / 2 <= 6e-14 relative at these logits
    np.testing.assert_allclose(out, truth, rtol=1e-13, atol=0)
    shifted = np.vstack([batch[0, :1], -np.abs(batch[0, 1:])])  # a row whose max is negative: S < 1
    assert np.all(np.isfinite(f(shifted)))
    np.testing.assert_allclose(f(shifted).sum(axis=-1), 1, rtol=1e-14)
    assert np.all(np.isfinite(f(np.array([1e4, -1e4, 0.0]))))


def test_sum_of_a_delta_substitutes_the_index():
    expr = sp.Sum(g[i] * sp.KroneckerDelta(i, q) * w[i], (i, 0, K - 1))
    fn = lower_function("pick", (Input("g", g, (K,)), Input("w", w, (K,))), (Target("out", expr, ((q, 0, K - 1),)),),
                        (K,))
    assert fn.body[-1] == "return g * w" and "arange" not in fn.source()  # no dense identity
    a, b = np.arange(4.0), np.arange(4.0) + 10
    np.testing.assert_array_equal(_compile(fn)(a, b), a * b)


def test_contraction_is_a_matrix_product():
    A, B = sp.IndexedBase("A"), sp.IndexedBase("B")
    a = sp.Symbol("a", integer=True)
    expr = sp.Sum(A[i, a] * B[j, a], (a, 0, n - 1))
    fn = lower_function("abt", (Input("A", A, (K, n)), Input("B", B, (K, n))),
                        (Target("C", expr, ((i, 0, K - 1), (j, 0, K - 1))),), (K, n))
    assert _products(fn.source()) == 1
    rng = np.random.default_rng(1)
    a_, b_ = rng.standard_normal((2, 3, 4)), rng.standard_normal((2, 3, 4))
    np.testing.assert_allclose(_compile(fn)(a_, b_), a_ @ np.swapaxes(b_, -1, -2), rtol=1e-14)


def test_convolution_lowers_to_a_sliding_window():
    fn = lower_formula(get("conv2d"))
    assert "sliding_window_view" in fn.source()
    rng = np.random.default_rng(2)
    img, ker = rng.standard_normal((2, 6, 5)), rng.standard_normal((3, 2))
    out = _compile(fn)(img, ker)
    for b in range(2):
        np.testing.assert_allclose(out[b], get("conv2d").reference(x=img[b], k=ker), rtol=1e-13, atol=1e-15)


def test_shifted_and_constant_indices_are_slices():
    T = sp.Symbol("T", integer=True, positive=True)
    t = sp.Symbol("t", integer=True)
    xs = sp.IndexedBase("x")
    expr = sp.Sum(xs[t] - xs[t - 1], (t, 1, T)) + xs[T]
    fn = lower_function("f", (Input("x", xs, (T + 1,)), Input("w", w, (T,))), (Target("s", expr),), (T,))
    v = np.array([1.0, 4.0, 9.0, 16.0])
    assert _compile(fn)(v, np.zeros(3)) == pytest.approx(16.0 - 1.0 + 16.0)


def _full_convolution(gs, ks, N, M, lower_only=False):
    r"""$\sum_m [0 \le p + m - M + 1 \le N - M]\, g_{p+m-M+1} k_m$, $p < N$: a 1-D convolution's input VJP."""
    p, m = sp.symbols("p m", integer=True, nonnegative=True)
    e = p + m - (M - 1)
    cond = (e >= 0) & (e <= N - M) if not lower_only else (e >= 0)
    return sp.Sum(sp.Piecewise((gs[e] * ks[m], cond), (0, True)), (m, 0, M - 1)), ((p, 0, N - 1),)


def test_full_convolution_reads_a_zero_padded_array():
    N, M = sp.symbols("N M", integer=True, positive=True)
    ks = sp.IndexedBase("k")
    expr, out = _full_convolution(g, ks, N, M)
    fn = lower_function("dx", (Input("g", g, (N - M + 1,)), Input("k", ks, (M,))), (Target("dx", expr, out),), (N, M))
    src = fn.source()
    assert "np.pad(g, ((0, 0),) * (g.ndim - 1) + ((M - 1, M - 1),))" in src and "sliding_window_view" in src
    f = _compile(fn)
    rng = np.random.default_rng(3)
    for n_, m_ in ((7, 3), (5, 1), (4, 4)):
        gg, kk = rng.standard_normal((2, n_ - m_ + 1)), rng.standard_normal(m_)
        got = f(gg, kk)
        for b in range(2):  # the full convolution of g with k reversed
            np.testing.assert_allclose(got[b], np.convolve(gg[b], kk[::-1]), rtol=1e-13, atol=1e-15)


def test_zero_padding_only_where_the_record_says_the_read_is_zero():
    N, M = sp.symbols("N M", integer=True, positive=True)
    ks = sp.IndexedBase("k")
    inputs = (Input("g", g, (N - M + 1,)), Input("k", ks, (M,)))
    expr, out = _full_convolution(g, ks, N, M, lower_only=True)  # reads past the end are not said to be 0
    with pytest.raises(UnsupportedNode, match="not provably inside"):
        lower_function("dx", inputs, (Target("dx", expr, out),), (N, M))
    expr, out = _full_convolution(g, ks, N, M)
    shifted = expr.replace(lambda e: isinstance(e, sp.Piecewise),  # g + 1 is not 0 where g is padded
                           lambda e: sp.Piecewise((e.args[0].expr + 1, e.args[0].cond), (0, True)))
    with pytest.raises(UnsupportedNode, match="not provably inside"):
        lower_function("dx", inputs, (Target("dx", shifted, out),), (N, M))
    T = sp.Symbol("T", integer=True, positive=True)
    t = sp.Symbol("t", integer=True)
    xs = sp.IndexedBase("x")
    with pytest.raises(UnsupportedNode, match="not provably inside"):  # x[-1] would wrap around
        lower_function("f", (Input("x", xs, (T,)),), (Target("s", sp.Sum(xs[t - 1], (t, 0, T - 1))),), (T,))


def test_transposed_subexpression_is_shared():
    Q, Kb = sp.IndexedBase("Q"), sp.IndexedBase("K")
    a = sp.Symbol("a", integer=True)
    S = sp.Sum(Q[i, a] * Kb[j, a], (a, 0, n - 1))
    expr = sp.exp(S) + 2 * sp.exp(S.xreplace({i: j, j: i}))  # e^{S_ij} + 2 e^{S_ji}: one exp, one product
    fn = lower_function("f", (Input("Q", Q, (K, n)), Input("K", Kb, (K, n))),
                        (Target("F", expr, ((i, 0, K - 1), (j, 0, K - 1))),), (K, n))
    src = fn.source()
    assert src.count("np.exp(") == 1 and _products(src) == 1
    rng = np.random.default_rng(4)
    q_, k_ = rng.standard_normal((2, 3, 4)), rng.standard_normal((2, 3, 4))
    e = np.exp(q_ @ np.swapaxes(k_, -1, -2))
    np.testing.assert_allclose(_compile(fn)(q_, k_), e + 2 * np.swapaxes(e, -1, -2), rtol=1e-14)


def test_factors_merge_into_one_matrix_product():
    r"""$\sum_i a_i B_{ir} C_{is}$: $a_i B_{ir}$ elementwise, then one ``@``, no three-operand einsum."""
    a, B, C = sp.IndexedBase("a"), sp.IndexedBase("B"), sp.IndexedBase("C")
    r, s = sp.symbols("r s", integer=True, nonnegative=True)
    expr = sp.Sum(a[i] * B[i, r] * C[i, s] / sp.Sum(a[j], (j, 0, K - 1)), (i, 0, K - 1))
    fn = lower_function("f", (Input("a", a, (K,)), Input("B", B, (K, n)), Input("C", C, (K, n))),
                        (Target("F", expr, ((r, 0, n - 1), (s, 0, n - 1))),), (K, n))
    src = fn.source()
    assert _products(src) == 1 and "einsum" not in src
    rng = np.random.default_rng(5)
    a_, b_, c_ = rng.standard_normal(4), rng.standard_normal((2, 4, 3)), rng.standard_normal((2, 4, 3))
    want = np.einsum("i,bir,bis->brs", a_, b_, c_) / a_.sum()
    np.testing.assert_allclose(_compile(fn)(a_, b_, c_), want, rtol=1e-13)


def test_batched_matrix_product_over_a_shared_axis():
    A, B = sp.IndexedBase("A"), sp.IndexedBase("B")
    h, a = sp.symbols("h a", integer=True, nonnegative=True)
    expr = sp.Sum(A[h, i, a] * B[h, a, j], (a, 0, n - 1))
    fn = lower_function("f", (Input("A", A, (q + 1, K, n)), Input("B", B, (q + 1, n, K))),
                        (Target("C", expr, ((h, 0, q), (i, 0, K - 1), (j, 0, K - 1))),), (K, n, q))
    assert _products(fn.source()) == 1 and "einsum" not in fn.source()
    rng = np.random.default_rng(6)
    a_, b_ = rng.standard_normal((2, 3, 4, 5)), rng.standard_normal((2, 3, 5, 4))
    np.testing.assert_allclose(_compile(fn)(a_, b_), a_ @ b_, rtol=1e-13)


def test_small_factors_are_combined_before_the_full_size_one():
    u, v = sp.symbols("u v", positive=True)
    fn = lower_function("f", (Input("x", z, (K,)), Input("u", u), Input("v", v)),
                        (Target("y", z[i] * u / v, ((i, 0, K - 1),)),), (K,))
    returns = [line.strip() for line in fn.body if line.strip().startswith("return ")]
    assert returns == ["return x * (u / v)[..., None]"]  # one pass over x, not two


def test_unsupported_node_is_named():
    with pytest.raises(UnsupportedNode, match="Integral"):
        lower_function("f", (Input("x", x),), (Target("y", sp.Integral(x, x)),))
    with pytest.raises(UnsupportedNode, match="zeta"):
        lower_function("f", (Input("x", x),), (Target("y", sp.zeta(x)),))
    with pytest.raises(UnsupportedNode, match="neither an input"):
        lower_function("f", (Input("x", x),), (Target("y", x + sp.Symbol("c")),))


# ** stability rules **

POINTS = (-1e4, -800.0, -720.0, -50.0, -1.0, -1e-12, 0.0, 1e-12, 1.0, 50.0, 720.0, 800.0, 1e4)


def _mp(expr, v):
    return sp.lambdify([x], expr, modules="mpmath")(mpmath.mpf(v))


def _np(expr, v):
    from derivations.numeric.printers import FormularyNumPyPrinter

    with np.errstate(all="ignore"):
        return float(sp.lambdify([x], expr, modules="numpy", printer=FormularyNumPyPrinter)(np.float64(v)))


@pytest.mark.parametrize("rule", OWN_RULES, ids=lambda r: r.name)
def test_rule_identity_holds_at_mpmath_precision(rule):
    with mpmath.workdps(IDENTITY_DPS):
        lhs, rhs = _identity(rule)
        for v in POINTS:
            a, b = _mp(lhs, v), _mp(rhs, v)
            assert abs(a - b) <= IDENTITY_TOL * abs(a), (rule.name, v)


@pytest.mark.parametrize("rule", OWN_RULES, ids=lambda r: r.name)
def test_rule_fires_and_shrinks_the_error(rule):
    """Measured: the naive form is off (or not finite) somewhere; the stable form never is."""
    lhs, _ = _identity(rule)
    assert rule.apply(lhs) != lhs
    naive_worst, stable_worst = 0.0, 0.0
    for v in POINTS:
        with mpmath.workdps(IDENTITY_DPS):
            truth = np.array([_mp(lhs, v)], dtype=object)
        naive = float(rel_errors(np.array([_np(lhs, v)]), truth)[0][0])
        stable = float(rel_errors(np.array([_np(rule.apply(lhs), v)]), truth)[0][0])
        naive_worst, stable_worst = max(naive_worst, naive), max(stable_worst, stable)
    assert stable_worst <= FLOAT_TOL
    assert naive_worst > 1e3 * max(stable_worst, FLOAT_TOL)


def test_bce_from_logits_is_finite_at_huge_logits():
    y = sp.Symbol("y", real=True)
    s = 1 / (1 + sp.exp(-x))
    bce = -(y * sp.log(s) + (1 - y) * sp.log(1 - s))
    stable, fired = stabilize_for_codegen(bce)
    # log(1 - sigma) by its own rule, or the pair y log sigma(x) + (1 - y) log sigma(-x) merged into one (rules_logit)
    assert "log_sigmoid" in fired and {"log_one_minus_sigmoid", "log_sigmoid_pair"} & set(fired)
    f = sp.lambdify([x, y], stable, modules="numpy")
    assert f(1e4, 0.0) == pytest.approx(1e4) and f(-1e4, 1.0) == pytest.approx(1e4)
    assert f(1e4, 1.0) == 0.0


def test_rule_order_puts_log_sigmoid_before_sigmoid():
    names = [r.name for r in RULES]
    assert names.index("log_sigmoid") < names.index("sigmoid_stable")
    assert names.index("log_one_minus_sigmoid") < names.index("log1p_expm1")


def test_defined_vjp_gradients_keep_their_parameters_shapes():
    """The prologue broadcasts inputs to one batch shape; a gradient is still summed to its parameter's shape."""
    from codegen.define import build
    from codegen.define_module import write_defined_module
    from codegen.load import load_generated
    from readers.definition import read_ascii_definition

    records = build([read_ascii_definition("rms(x, w)[i] = w[i]*x[i]/sqrt(sum(x[j]**2, j, 0, n-1)/n + epsilon)")])
    module = load_generated(write_defined_module(records, grad=True))
    rng = np.random.default_rng(8)
    x_, w_, g_ = rng.standard_normal((4, 3)), rng.standard_normal(3), rng.standard_normal((4, 3))
    dx, dw = module.rms_vjp(x_, w_, g_, epsilon=1e-5)
    assert dx.shape == (4, 3) and dw.shape == (3,)
    r = 1 / np.sqrt(np.mean(x_ ** 2, axis=-1, keepdims=True) + 1e-5)
    np.testing.assert_allclose(dw, np.sum(g_ * x_ * r, axis=0), rtol=1e-12)


# ** row reductions as BLAS calls (codegen.lower_nodes.blas_row_reduction) **

ROW_SUM_TOL = {np.float32: 1e-5, np.float64: 1e-13}
"""Row sums and dots of 64 terms of size ~1, in blocks of BLAS lanes, against float64 NumPy: a few ulp of
the terms' magnitude times the terms' count at most (float32 u = 6e-8, float64 u = 1.1e-16)."""


def _row_sum_and_dot_function():
    y = sp.IndexedBase("y")
    return lower_function("sd", (Input("z", z, (K,)), Input("y", y, (K,))),
                          (Target("s", sp.Sum(z[j], (j, 0, K - 1))),
                           Target("d", sp.Sum(z[j] * y[j], (j, 0, K - 1)))), (K,), returns="tuple")


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=lambda d: d.__name__)
@pytest.mark.parametrize("layout", ["C", "F"])
def test_row_sums_and_dots_are_blas_calls_in_any_layout(dtype, layout):
    """np.sum over the last axis is a dot with ones per row, a row dot a (1 x n) @ (n x 1) product (einsum for a
    strided last axis);
    the dtype is kept (no float64 ones), and both layouts (a transposed block: BatchNorm) give the sums."""
    src = _row_sum_and_dot_function().source()
    assert "np.matmul(z[..., None, :], np.ones(z.shape[-1], z.dtype)[..., :, None])[..., 0, 0]" in src
    assert "np.matmul(y[..., None, :], z[..., :, None])[..., 0, 0]" in src and "np.sum(" not in src
    f = _compile(_row_sum_and_dot_function())
    rng = np.random.default_rng(5)
    a, b = (rng.standard_normal((6, 64)).astype(dtype) for _ in range(2))
    if layout == "F":
        a, b = np.asfortranarray(a), np.asfortranarray(b)
    s, d = f(a, b)
    assert s.dtype == dtype and d.dtype == dtype
    wide_a, wide_b = a.astype(np.float64), b.astype(np.float64)
    np.testing.assert_allclose(s, wide_a.sum(-1), rtol=0, atol=ROW_SUM_TOL[dtype] * 64)
    np.testing.assert_allclose(d, (wide_a * wide_b).sum(-1), rtol=0, atol=ROW_SUM_TOL[dtype] * 64)


def test_dot_over_two_trailing_axes_is_row_dots_added_in_float64():
    """A dot per row of the last axis, the rows' dots added in float64 and rounded once to the dtype."""
    A, B = sp.IndexedBase("A"), sp.IndexedBase("B")
    a = sp.Symbol("a", integer=True, nonnegative=True)
    fn = lower_function("dd", (Input("A", A, (K, n)), Input("B", B, (K, n))),
                        (Target("d", sp.Sum(sp.Sum(A[a, j] * B[a, j], (j, 0, n - 1)), (a, 0, K - 1))),), (K, n))
    assert "dtype=np.float64).astype(A.dtype)" in fn.source()
    rng = np.random.default_rng(6)
    a_, b_ = rng.standard_normal((3, 4, 5)), rng.standard_normal((3, 4, 5))
    f = _compile(fn)
    np.testing.assert_allclose(f(a_, b_), np.einsum("...ab,...ab->...", a_, b_), rtol=1e-13)
    # float32 in, float32 out: the float64 sum of the rows' dots rounded once
    a32, b32 = (rng.standard_normal((2, 512, 256)).astype(np.float32) for _ in range(2))
    got = f(a32, b32)
    exact = np.einsum("...ab,...ab->...", a32.astype(np.float64), b32.astype(np.float64))
    assert got.dtype == np.float32
    scale = np.einsum("...ab,...ab->...", np.abs(a32).astype(np.float64), np.abs(b32).astype(np.float64))
    # a row's dot of 256 float32 terms errs up to about 256 ulps of its terms' magnitudes (BLAS adds in
    # lanes: far less in practice); the float64 sum of the rows adds nothing; the final rounding half an ulp
    assert np.all(np.abs(got - exact) <= 256 * np.finfo(np.float32).eps * scale)
    # not C-contiguous (a Fortran-ordered block): einsum, the same values
    a_f = np.asfortranarray(a_)
    np.testing.assert_allclose(f(a_f, b_), np.einsum("...ab,...ab->...", a_, b_), rtol=1e-13)


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=lambda d: d.__name__)
def test_scaled_norm_floor_is_the_dtypes_smallest_normal(dtype):
    r"""$\sqrt{\sum_j x_j^2}$ of an all-zero row is 0 (the scale $M$ is floored, else 0 * nan) and of subnormal
    rows is right (the reciprocal $1/M$ of a subnormal overflows in float32): the floor is the computing
    dtype's smallest normal, not float64's (a literal that rounds to 0 in float32)."""
    x_ = sp.IndexedBase("x")
    expr, fired = stabilize_for_codegen(sp.sqrt(sp.Sum(x_[j] ** 2, (j, 0, K - 1))))
    assert "scaled_sqrt" in fired
    f = _compile(lower_function("norm", (Input("x", x_, (K,)),), (Target("r", expr),), (K,)))
    tiny = float(np.finfo(dtype).tiny)
    rows = np.array([[0.0, 0.0, 0.0], [3.0, 4.0, 0.0], [3e-30, 4e-30, 0.0], [3 * tiny, 4 * tiny, 0.0],
                     [tiny / 8, tiny / 8, 0.0]], dtype=dtype)
    with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):  # no inf, no 0 * inf
        got = f(rows)
    assert got.dtype == dtype
    truth = np.array([math.hypot(*r) for r in rows.astype(np.float64).tolist()])  # no underflow of squares
    eps = float(np.finfo(dtype).eps)
    # normal results within a few ulp; the subnormal one within the subnormal spacing (tiny * eps) times a few
    np.testing.assert_allclose(got[:4], truth[:4], rtol=4 * eps, atol=0)
    assert abs(float(got[4]) - truth[4]) <= 4 * tiny * eps
