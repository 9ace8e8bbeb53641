"""The scale of scaled_sqrt taken as 1 on safe rows (codegen.lower_unit_scale): the same values as the
scaled form on rows whose squares overflow, underflow or vanish, mixed in one batch with ordinary rows."""
import mpmath
import numpy as np
import pytest
import sympy as sp

from codegen.load import load_generated
from codegen.lower import Input, NumPyLowering, Target, lower_formula, lower_function
from codegen.lower_unit_scale import sums_safe_source
from codegen.module import certify_formula
from codegen.rules import stabilize
from symbolic import all_formulas

UNIT = "isinstance(scale_"
"""How the lowered source reads "the scale is not 1 on every row" (codegen.lower_unit_scale.UNIT_SCALED)."""

ULPS = 8
"""Of the computing dtype, relative to the largest |y| of the row: x / sqrt(sum x^2 + eps) is a few roundings
(a dot, a square root, a reciprocal, a product); the scaled path adds one (x / M)."""


IMPORTS = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"


def _loaded(fn) -> dict:
    """The namespace of a lowered function's source with the helpers it calls (the unit scale's ``_sums_safe``)."""
    return vars(load_generated(IMPORTS + NumPyLowering.helpers_source(fn.source(), grad=False) + "\n\n\n" + fn.source()))


def _l2_normalize():
    r"""$y_i = x_i / \sqrt{\sum_j x_j^2 + \epsilon}$, stabilized by the rules (scaled_sqrt fires), lowered."""
    n = sp.Symbol("n", integer=True, positive=True)
    i, j = sp.symbols("i j", integer=True)
    x, eps = sp.IndexedBase("x"), sp.Symbol("epsilon", positive=True)
    expr, fired = stabilize(x[i] / sp.sqrt(sp.Sum(x[j] ** 2, (j, 0, n - 1)) + eps))
    assert "scaled_sqrt" in fired
    fn = lower_function("l2n", (Input("x", x, (n,)), Input("epsilon", eps, ())), (Target("y", expr, ((i, 0, n - 1),)),),
                        (n,))
    return fn, _loaded(fn)["l2n"]


def _truth(row, eps):
    with mpmath.workdps(40):
        s = mpmath.sqrt(mpmath.fsum(mpmath.mpf(float(v)) ** 2 for v in row) + mpmath.mpf(eps))
        return np.array([float(mpmath.mpf(float(v)) / s) for v in row])


@pytest.mark.parametrize("dtype, big, small", [(np.float32, 1e30, 1e-30), (np.float64, 1e200, 1e-200)])
def test_ordinary_and_extreme_rows_in_one_batch(dtype, big, small):
    """Rows whose squares overflow (big) or underflow (small), and a zero row, in one batch with ordinary rows,
    for an eps that dominates the small row and one that does not: every row within ULPS of the truth, none
    inf or nan."""
    fn, f = _l2_normalize()
    assert UNIT in fn.source()
    rng = np.random.default_rng(0)
    base = rng.standard_normal((6, 16))
    x = np.stack([base[0], big * base[1], small * base[2], np.zeros(16), base[4], base[5] * 1e3]).astype(dtype)
    for eps in (1e-5, 1e-30):
        with np.errstate(all="ignore"):  # the scaled form's eps / M^2 overflows to inf there (and eps / inf is 0)
            y = f(x=x, epsilon=eps)
        assert y.dtype == dtype and np.all(np.isfinite(y))
        for r in range(len(x)):
            t = _truth(x[r], eps) if np.any(x[r]) else np.zeros(16)
            assert np.max(np.abs(y[r] - t)) <= ULPS * np.finfo(dtype).eps * max(np.max(np.abs(t)), 1e-300), (eps, r)


@pytest.mark.parametrize("name", ["max", "where"])
def test_ordinary_rows_take_the_unscaled_sum(name):
    """On a batch of ordinary rows neither the maximum nor the rows' np.where is computed (the scale is the scalar 1,
    one test of the whole batch): spied on.  (Before the batch test, np.where ran on every call, every block.)"""
    _, f = _l2_normalize()
    x = np.random.default_rng(1).standard_normal((4, 16))
    calls = []
    real = getattr(np, name)

    def spy(*a, **k):
        calls.append(1)
        return real(*a, **k)

    setattr(np, name, spy)
    try:
        f(x=x, epsilon=1e-5)
        assert not calls
        with np.errstate(all="ignore"):
            f(x=x * 1e200, epsilon=1e-5)
        assert calls  # an unsafe row: the rows' scale is computed
    finally:
        setattr(np, name, real)


def test_catalog_formulas_with_the_unit_scale_stay_verified():
    """Every catalog formula whose lowering holds the unit scale is verified by the certificate (random points and
    every domain edge, up to 1e300, against mpmath)."""
    applied = []
    for f in all_formulas():
        try:
            lowered = lower_formula(f)
        except NotImplementedError:
            continue
        if UNIT not in lowered.source():
            continue
        fn = _loaded(lowered)[lowered.name]
        row = certify_formula(f, fn)
        assert row["verdict"] == "verified", row
        applied.append(f.id)
    assert {"layer_norm", "batch_norm"} <= set(applied), applied


def test_a_float32_row_scale_is_computed_from_a_float64_sum_of_squares():
    r"""In float32 the row scale $1/\sqrt{\sum_j x_j^2 + \epsilon}$ is computed in float64 from a sum of squares
    kept in float64 (summed in chunks: codegen.lower_nodes.chunked_squares), so it is the correctly rounded float32
    of the true scale on most rows.  Read exactly from the output where $x_0 = 1$ ($y_0 = \mathrm{fl}(1 \cdot r)$),
    over 512 rows of 1024 standard normal terms: 88% of the rows correctly rounded (89-90% for other seeds); with
    the sum rounded to float32 from one BLAS dot per row, 74-79%.  The bound, 83%, lies between: a scale computed
    from the exact sum is correctly rounded on every row."""
    _, f = _l2_normalize()
    x = np.random.default_rng(0).standard_normal((512, 1024)).astype(np.float32)
    x[:, 0] = 1
    y = f(x=x, epsilon=1e-5)
    assert y.dtype == np.float32
    wide = x.astype(np.float64)
    truth = (1 / np.sqrt(np.sum(wide * wide, axis=-1) + 1e-5)).astype(np.float32)
    assert np.mean(y[:, 0] == truth) >= 0.83


@pytest.mark.parametrize("dtype, c", [(np.float32, 1e30), (np.float64, 1e300)])
def test_a_large_scalar_square_beside_safe_rows_is_scaled(dtype, c):
    r"""$y_i = x_i / \sqrt{\sum_j x_j^2 + c^2}$ with ordinary $x$ and a huge $c$: the sum of the $x_j^2$ alone is safe,
    but at the scale 1 the scalar's $c^2$ overflows (the truth is $x_i / c$; with the scale taken as 1 it was 0).
    A row is safe by $S + c^2$ (codegen.lower_unit_scale); within ULPS of the truth, and at an ordinary c too."""
    n = sp.Symbol("n", integer=True, positive=True)
    i, j = sp.symbols("i j", integer=True)
    x, cs = sp.IndexedBase("x"), sp.Symbol("c", positive=True)
    expr, fired = stabilize(x[i] / sp.sqrt(sp.Sum(x[j] ** 2, (j, 0, n - 1)) + cs ** 2))
    assert "scaled_sqrt" in fired
    fn = lower_function("imq", (Input("x", x, (n,)), Input("c", cs, ())), (Target("y", expr, ((i, 0, n - 1),)),), (n,))
    assert UNIT in fn.source()
    f = _loaded(fn)["imq"]
    rows = np.random.default_rng(2).standard_normal((3, 8)).astype(dtype)
    for scale in (c, 1.5):
        with np.errstate(all="ignore"):
            y = f(x=rows, c=dtype(scale))
        for r in range(len(rows)):
            with mpmath.workdps(40):
                s = mpmath.sqrt(mpmath.fsum(mpmath.mpf(float(v)) ** 2 for v in rows[r]) + mpmath.mpf(float(dtype(scale))) ** 2)
                t = np.array([float(mpmath.mpf(float(v)) / s) for v in rows[r]])
            assert np.max(np.abs(y[r] - t)) <= ULPS * np.finfo(dtype).eps * np.max(np.abs(t)), (scale, r)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_every_row_safe_is_the_rows_test_of_all_rows(dtype):
    """The fast path's one test of a block (the helper _sums_safe: the sum with the radicand's other squares computed
    once, the dtype's limits read once) gives the bool of the rows' test (SAFE_ROWS's bounds) on every row: at and
    beyond both bounds, with inf, NaN, and on no rows."""
    safe = vars(load_generated("import numpy as np\n\n\n" + sums_safe_source()))["_sums_safe"]
    u = np.zeros((3, 16), dtype)
    info = np.finfo(dtype)
    low, high = 16 * (info.tiny / info.eps), info.max * info.eps
    rows = [[1.0, 2.0, 3.0], [low, 1.0, high], [low / 2, 1.0, 1.0], [1.0, 2 * high, 1.0], [1.0, np.inf, 1.0],
            [1.0, np.nan, 1.0], [0.0, 1.0, 1.0]]
    for s in [np.array(r, np.float64) for r in rows] + [np.zeros(0)]:
        assert safe(s, u) is bool(np.all((s >= low) & (s <= high))), s
    assert safe(np.array([1.0, 2.0, 3.0]), u) and not safe(np.array([1.0, np.nan, 3.0]), u)


def test_a_row_scale_broadcast_along_a_new_trailing_axis():
    r"""Cosine similarities of the rows $K_i$ with $q$, $\frac{\sum_k K_{ik} q_k}{\|K_i\| \|q\|}$: the rows' scale is
    aligned against the column axis, and where every row is safe it is the scalar 1, which ``x[..., :, None]`` could
    not index (an IndexError: cosine attention of held-out round 14); ``x[..., None]`` broadcasts it."""
    n, m = sp.Symbol("n", integer=True, positive=True), sp.Symbol("m", integer=True, positive=True)
    i, k = sp.symbols("i k", integer=True)
    q, K = sp.IndexedBase("q"), sp.IndexedBase("K")
    cos = sp.Sum(K[i, k] * q[k], (k, 0, m - 1)) / (sp.sqrt(sp.Sum(K[i, k] ** 2, (k, 0, m - 1)))
                                                   * sp.sqrt(sp.Sum(q[k] ** 2, (k, 0, m - 1))))
    expr, fired = stabilize(cos)
    assert "scaled_sqrt" in fired
    fn = lower_function("cosrows", (Input("q", q, (m,)), Input("K", K, (n, m))), (Target("y", expr, ((i, 0, n - 1),)),),
                        (n, m))
    rows = np.arange(12.0).reshape(4, 3) + 1
    query = np.array([1.0, -2.0, 0.5])
    want = rows @ query / np.linalg.norm(rows, axis=1) / np.linalg.norm(query)
    np.testing.assert_allclose(_loaded(fn)["cosrows"](query, rows), want, rtol=ULPS * np.finfo(float).eps)
