"""The im2col GEMM helpers of a window contraction (codegen.lower_shifted): the same sums as one einsum over
the window view, for contiguous windows (the flat-row GEMM) and for windows whose strides do not nest (the
fallback), in float32 and float64; the catalog's windowed formulas at sizes that take the GEMM path, against
their hand-written references; and a bound on the helpers' temporary memory that does not depend on timing."""
import tracemalloc

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from codegen.load import load_generated
from codegen.lower import lower_formula
from codegen.lower_printer import NumPyLowering
from codegen.lower_shifted import (PARTIAL_IM2COL_MIN_ROWS, WINDOW_CHUNK_BYTES, WINDOW_GEMM, WINDOW_GEMM_T,
                                   window_gemm_source, window_gemm_t_source)
from symbolic import all_formulas

TOL = {np.float64: 1e-12, np.float32: 2e-5}
"""Relative to the largest |truth|: sums of at most a few thousand products in another order than einsum's
(about sqrt(terms) ulps in practice, bounded far below these)."""

HELPERS = vars(load_generated("import numpy as np\n\n\n" + window_gemm_source() + "\n\n\n" + window_gemm_t_source()))


def _windows(rng, dtype, base_shape, k, layout):
    """A window view of k trailing axes over a random array: contiguous, in Fortran order (strides do not
    nest), a strided slice (rows wider than the window: still nest), or flipped (a negative stride)."""
    base = rng.standard_normal(base_shape).astype(dtype)
    if layout == "fortran":
        base = np.asfortranarray(base)
    elif layout == "sliced":
        base = base[..., 1:, :-2]
    win_shape = tuple(max(1, n // 3) for n in base.shape[-k:])
    win = sliding_window_view(base, win_shape, axis=tuple(range(-k, 0)))
    if layout == "flipped":
        win = win[(Ellipsis,) + (slice(None, None, -1),) * k]
    return win


LAYOUTS = ("contiguous", "fortran", "sliced", "flipped")


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("k, na, nf", [(1, 0, 0), (1, 1, 1), (2, 1, 1), (2, 2, 1), (2, 1, 2), (3, 1, 1)])
def test_window_gemm_is_the_einsum(dtype, layout, k, na, nf):
    """sum over a, m of win[..., a, s, m] other[..., f, a, m] (forward, input gradient), a batch axis broadcast."""
    rng = np.random.default_rng([k, na, nf, LAYOUTS.index(layout)])
    spatial = (9, 11, 7)[:k] if k < 3 else (6, 7, 5)
    win = _windows(rng, dtype, (3,) + (2, 3)[:na] + spatial, k, layout)
    a, s, m = win.shape[1:1 + na], win.shape[1 + na:1 + na + k], win.shape[1 + na + k:]
    other = rng.standard_normal((1,) + (4, 2)[:nf] + a + m).astype(dtype)  # broadcast over the batch
    L = "abcdefghij"
    la, ls, lm, lf = L[:na], L[na:na + k], L[na + k:na + 2 * k], L[na + 2 * k:na + 2 * k + nf]
    want = np.einsum(f"z{la}{ls}{lm},z{lf}{la}{lm}->z{lf}{ls}", win.astype(np.float64),
                     np.broadcast_to(other, (win.shape[0],) + other.shape[1:]).astype(np.float64))
    got = HELPERS[WINDOW_GEMM](win, other, na, k)
    assert got.dtype == dtype and got.shape == want.shape
    assert np.max(np.abs(got - want)) <= TOL[dtype] * np.max(np.abs(want))


class _CountingNumPy:
    """NumPy for a helper's namespace, counting the elements ``np.copyto`` writes (the im2col copies)."""

    def __init__(self):
        self.copied = 0

    def __getattr__(self, name):
        if name != "copyto":
            return getattr(np, name)

        def copyto(dst, src, *args, **kwargs):
            self.copied += np.size(dst)
            return np.copyto(dst, src, *args, **kwargs)
        return copyto


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("spatial, window", [((20, 21), (3, 3)), ((9, 10, 11), (3, 2, 4))])
def test_partial_im2col_is_the_einsum_and_copies_less(layout, spatial, window):
    r"""float32 windows with at least PARTIAL_IM2COL_MIN_ROWS rows of channels x innermost offsets copy only those
    rows and read the outer offsets as shifts of the copy: the einsum's sums, and (where the strides nest, the
    flat-row GEMM) fewer elements copied than the whole im2col's channels x offsets x slide positions: 0.33-0.48
    of it at these small sizes (3 and 6 outer offsets, less the overlap of each chunk's shifted reads and the
    flat rows' extra columns).  The whole im2col copied 1.1-2.2 of it (its flat rows' extra columns)."""
    k = len(window)
    rng = np.random.default_rng([len(spatial), LAYOUTS.index(layout)])
    channels = -(-PARTIAL_IM2COL_MIN_ROWS // window[-1])
    base = rng.standard_normal((2, channels) + spatial).astype(np.float32)
    if layout == "fortran":
        base = np.asfortranarray(base)
    elif layout == "sliced":
        base = base[..., 1:, :-2]
    win = sliding_window_view(base, window, axis=tuple(range(-k, 0)))
    if layout == "flipped":
        win = win[(Ellipsis,) + (slice(None, None, -1),) * k]
    other = rng.standard_normal((1, 5, channels) + window).astype(np.float32)
    L = "bcdefghij"
    ls, lm = L[:k], L[k:2 * k]
    want = np.einsum(f"za{ls}{lm},zya{lm}->zy{ls}", win.astype(np.float64),
                     np.broadcast_to(other, (2,) + other.shape[1:]).astype(np.float64))
    helpers = vars(load_generated("import numpy as np\n\n\n" + window_gemm_source()))
    counting = helpers["np"] = _CountingNumPy()
    got = helpers[WINDOW_GEMM](win, other, 1, k)
    assert got.dtype == np.float32 and got.shape == want.shape
    assert np.max(np.abs(got - want)) <= TOL[np.float32] * np.max(np.abs(want))
    if layout in ("contiguous", "sliced"):  # the strides nest: the flat-row GEMM
        whole = 2 * channels * int(np.prod(window)) * int(np.prod(win.shape[2:2 + k]))
        assert 0 < counting.copied <= 0.6 * whole, (counting.copied, whole)


@pytest.mark.parametrize("kernels", ["one, broadcast", "one per batch entry"])
def test_partial_im2col_weights_follow_the_batch(kernels):
    """The partial im2col reorders the kernel's offsets once: from the one copy behind a broadcast batch axis
    (stride 0, as the generated functions broadcast a kernel over the batch), or per batch entry where each has
    its own kernel; both give the einsum's sums."""
    rng = np.random.default_rng(11)
    channels = -(-PARTIAL_IM2COL_MIN_ROWS // 3)
    win = sliding_window_view(rng.standard_normal((3, channels, 12, 13)).astype(np.float32), (3, 3), axis=(-2, -1))
    other = rng.standard_normal((1 if kernels.startswith("one,") else 3, 4, channels, 3, 3)).astype(np.float32)
    other = np.broadcast_to(other, (3,) + other.shape[1:])
    want = np.einsum("zabcde,zfade->zfbc", win.astype(np.float64), other.astype(np.float64))
    got = HELPERS[WINDOW_GEMM](win, other, 1, 2)
    assert got.dtype == np.float32 and got.shape == want.shape
    assert np.max(np.abs(got - want)) <= TOL[np.float32] * np.max(np.abs(want))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("k, na, nf", [(1, 0, 0), (1, 1, 1), (2, 1, 1), (2, 2, 2), (3, 1, 1)])
def test_window_gemm_t_is_the_einsum(dtype, layout, k, na, nf):
    """sum over m of win[..., a, s, m] other[..., f, m] (a kernel gradient), in chunks of the first window axis."""
    rng = np.random.default_rng([7, k, na, nf, LAYOUTS.index(layout)])
    spatial = (40, 37, 9)[:k] if k < 3 else (12, 10, 9)
    win = _windows(rng, dtype, (2,) + (3, 2)[:na] + spatial, k, layout)
    win = win[(Ellipsis,) + (slice(None),) * k + (slice(None),) * k]
    a, s, m = win.shape[1:1 + na], win.shape[1 + na:1 + na + k], win.shape[1 + na + k:]
    other = rng.standard_normal((2,) + (3, 4)[:nf] + m).astype(dtype)
    L = "abcdefghij"
    la, ls, lm, lf = L[:na], L[na:na + k], L[na + k:na + 2 * k], L[na + 2 * k:na + 2 * k + nf]
    want = np.einsum(f"z{la}{ls}{lm},z{lf}{lm}->z{lf}{la}{ls}", win.astype(np.float64), other.astype(np.float64))
    got = HELPERS[WINDOW_GEMM_T](win, other, na, k)
    assert got.dtype == dtype and got.shape == want.shape
    assert np.max(np.abs(got - want)) <= TOL[dtype] * np.max(np.abs(want))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_kernel_gradient_copies_the_first_slide_once(dtype):
    r"""The kernel gradient $\sum_{s,t} g_{o,s,t}\, x_{c,p+s,q+t}$ with PARTIAL_IM2COL_MIN_ROWS channels x second
    slides or more copies the window at the first slide $p = 0$ only (over $s$ and the $P - 1$ rows after each
    chunk) and reads each $p$ as a shift of that copy: the einsum's sums, with about $1/P$ of the elements of
    the whole im2col copied (here $P = 3$: measured 0.35 with the chunks' overlap; the whole im2col copied all
    of them, ratio 1.0)."""
    rng = np.random.default_rng(11)
    channels = -(-PARTIAL_IM2COL_MIN_ROWS // 3)
    x = rng.standard_normal((2, channels, 40, 37)).astype(dtype)
    win = sliding_window_view(x, (38, 35), axis=(-2, -1))  # 3 x 3 slides, the long window axes summed
    g = rng.standard_normal((2, 5, 38, 35)).astype(dtype)
    want = np.einsum("zabcde,zfde->zfabc", win.astype(np.float64), g.astype(np.float64))
    helpers = vars(load_generated("import numpy as np\n\n\n" + window_gemm_t_source()))
    counting = helpers["np"] = _CountingNumPy()
    got = helpers[WINDOW_GEMM_T](win, g, 1, 2)
    assert got.dtype == dtype and got.shape == want.shape
    assert np.max(np.abs(got - want)) <= TOL[dtype] * np.max(np.abs(want))
    whole = 2 * channels * 3 * 3 * 38 * 35
    assert 0 < counting.copied <= 0.5 * whole, (counting.copied, whole)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("channels, filters", [(6, 2), (1, 40)])
def test_window_gemm_t_either_side_as_rows(dtype, channels, filters):
    """The kernel gradient with more window rows (channels x offsets) than filters and with fewer: below
    float64 the GEMM takes the longer side as its rows (LONG_ROWS_BELOW_ITEMSIZE), the product transposed
    back; both orders give the float64 einsum's sums."""
    rng = np.random.default_rng([channels, filters])
    x = rng.standard_normal((3, channels, 20, 18)).astype(dtype)
    win = sliding_window_view(x, (17, 16), axis=(-2, -1))  # 4 x 3 offsets, the long axes summed
    g = rng.standard_normal((3, filters, 17, 16)).astype(dtype)
    want = np.einsum("zabcde,zfde->zfabc", win.astype(np.float64), g.astype(np.float64))
    got = HELPERS[WINDOW_GEMM_T](win, g, 1, 2)
    assert got.dtype == dtype and got.shape == want.shape
    assert np.max(np.abs(got - want)) <= TOL[dtype] * np.max(np.abs(want))


def _windowed_formulas():
    """Catalog formulas whose lowering uses an im2col helper (found by lowering every record)."""
    found = []
    for f in all_formulas():
        try:
            src = lower_formula(f).source()
        except Exception:  # noqa: BLE001  (records with no lowering are the module tests' business)
            continue
        if f"{WINDOW_GEMM}(" in src or f"{WINDOW_GEMM_T}(" in src:
            found.append(f.id)
    return found


WINDOWED = ("conv1d", "cross_correlation1d", "conv2d", "cross_correlation2d", "conv2d_multichannel")
"""The catalog formulas whose lowering uses an im2col helper, as :func:`_windowed_formulas` finds them (checked by the
next test): listed, so that collecting this file does not lower every record in each xdist worker."""


def test_some_catalog_formula_takes_the_im2col_path():
    assert {"conv1d", "conv2d_multichannel"} <= set(WINDOWED)
    assert sorted(_windowed_formulas()) == sorted(WINDOWED)


BATCH = 256
"""Leading batch axis of the catalog test: with it a record's small size cases carry enough work per offset
(MIN_WORK) for the lowering to take the GEMM path; the reference, unbatched, runs per batch element."""


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("fid", WINDOWED)
def test_windowed_catalog_formula_against_reference(fid, dtype):
    """Every size case of the record over a batch of BATCH: the helpers are called, and the result is the
    reference's (run in float64 on the same inputs) within TOL."""
    from symbolic import get

    f = get(fid)
    fn = lower_formula(f)
    text = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
    text += NumPyLowering.helpers_source(fn.source(), grad=False) + "\n\n\n" + fn.source()
    namespace = vars(load_generated(text))
    calls = []
    for name in (WINDOW_GEMM, WINDOW_GEMM_T):
        if name in namespace:
            inner = namespace[name]
            namespace[name] = lambda *a, _f=inner: calls.append(1) or _f(*a)
    rng = np.random.default_rng(3)
    for sizes in f.sizes:
        values = {v.name: rng.standard_normal((BATCH,) + tuple(int(sizes.get(d, d)) for d in v.shape)).astype(dtype)
                  for v in f.variables}
        got = namespace[fn.name](**values)
        want = np.array([f.reference(**{k: v[b].astype(np.float64) for k, v in values.items()}) for b in range(BATCH)])
        assert got.dtype == dtype and got.shape == want.shape, sizes
        assert np.max(np.abs(got - want)) <= TOL[dtype] * np.max(np.abs(want)), sizes
    assert calls, "no size case took the GEMM path"


def test_window_gemm_temporary_memory_is_one_chunk():
    r"""tracemalloc peak of the forward convolution of x (4, 16, 64, 64), w (16, 16, 3, 3) in float64: the output
    buffer at the input's row width, $4 \cdot 16 \cdot (61 \cdot 64 + 62) \cdot 8$ bytes (2.0 MB), plus one im2col
    chunk of at most WINDOW_CHUNK_BYTES, plus 64 KiB of small arrays; the whole im2col copy would be 18 MB,
    and the shifted sum of per-offset products held three output-sized arrays (6 MB)."""
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal((4, 16, 64, 64)), rng.standard_normal((16, 16, 3, 3))
    win = sliding_window_view(x, (3, 3), axis=(-2, -1))
    other = np.broadcast_to(w, (4,) + w.shape)
    HELPERS[WINDOW_GEMM](win, other, 1, 2)  # warm
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    y = HELPERS[WINDOW_GEMM](win, other, 1, 2)
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    out_bytes = 4 * 16 * (61 * 64 + 62) * 8
    assert peak <= out_bytes + WINDOW_CHUNK_BYTES + (64 << 10), peak
    assert y.shape == (4, 16, 62, 62)
