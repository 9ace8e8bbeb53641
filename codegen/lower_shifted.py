r"""A contraction over the offsets of a sliding window, as a sum of shifted contractions.

A convolution reads its input through a window, $x_{c,\,s+m,\,t+n}$, and sums over the
window offsets $(m, n)$ together with other indices (the channels $c$):

.. math:: y_{o,s,t} = \sum_{m,n} \Bigl( \sum_c w_{o,c,m,n}\, x_{c,\,s+m,\,t+n} \Bigr).

One ``einsum`` over the 6-D window view runs NumPy's unblocked C loop.  For each fixed
offset the window view at that offset is a strided view of the input, shifted by $(m, n)$,
and the inner sum is an ordinary contraction that ``einsum(optimize=True)`` hands to BLAS; the
offsets are a Python loop of $M_1 M_2$ iterations (a generator summed), and no index is
looped over elementwise.

Cost model, decided at call time from the shapes: a shifted pass re-reads the output once
per offset, the single ``einsum`` reads everything once but at C-loop speed, so the shifted
sum is taken when the offsets are few (at most :data:`MAX_OFFSETS`) and each shifted
contraction has enough work for BLAS to pay off (at least :data:`MIN_WORK` multiply-adds);
otherwise the single ``einsum`` stays.

im2col GEMM (:data:`WINDOW_GEMM`, a helper emitted into the module): when the window's other
axes are all summed and the other factor holds them, the whole sum is one GEMM,

.. math:: y_{f,u} = \sum_{a,m} w_{f,(a,m)}\; X_{(a,m),u}, \qquad X_{(a,m),u} = x_{a,\,u + \sum_i m_i D_i},

over the input's flat rows: position $u = \sum_i s_i D_i$ with $D_i$ the slide axes' strides in
elements, so the output is computed at the input's row width and its extra columns (the
$t > T$ of each row, read across the row's end) are never read back.  The im2col copy $X$ is
made in chunks of columns of at most :data:`WINDOW_CHUNK_BYTES`, each consumed by BLAS while it
is in cache; no other temporary.  A window whose strides do not nest so (a flipped or strided
view) takes the shifted sum inside the helper.

Partial im2col: the copy need not hold every offset.  With $m_k$ the innermost window axis,

.. math:: y_{f,u} = \sum_{m_1 \dots m_{k-1}} \sum_{a, m_k} w_{f,(a,m_k),m_{<k}}\;
          X_{(a,m_k),\,u + \sum_{i<k} m_i D_i}, \qquad X_{(a,m_k),v} = x_{a,\,v + m_k D_k},

so the copy holds the rows $(a, m_k)$ only, over the chunk's positions and the $\sum_{i<k}(M_i - 1)D_i$ after
them, and each outer offset is one GEMM over a shifted slice of it (float32, :data:`PARTIAL_IM2COL_MIN_ROWS`).
The kernel gradient does the same along its first slide axis: $x_{a,\,s_1 + m_1,\dots}$ depends on $s_1 + m_1$
only, so the copy at $s_1 = 0$ over the chunk's rows of $m_1$ and the $S_1 - 1$ after them serves every $s_1$
(any dtype).
"""
from __future__ import annotations

import string

from codegen.lower_nodes import ATOM, Arr

MAX_OFFSETS = 64
"""At most this many offsets (a 8x8 kernel): beyond, the output is re-read too often."""
MIN_WORK = 4096
"""At least this many multiply-adds per offset, so one BLAS call outweighs its Python overhead."""
WINDOW_GEMM = "_window_gemm"
"""Name of the emitted im2col-GEMM helper (:func:`window_gemm_source`)."""
WINDOW_GEMM_PARTIAL = "_window_gemm_partial"
"""Name of its partial-im2col form (:data:`PARTIAL_IM2COL_MIN_ROWS`), emitted with it."""
FLOAT32_HALVES_FROM = 16
"""In float32 an im2col GEMM whose contraction (channels x offsets) has at least this many terms sums it in two
halves and adds them (one pairwise step, as :data:`codegen.lower_nodes.MATMUL_HALVES`): BLAS's running sum over
144 terms lost accuracy against the shifted sum of 9 x 16 it replaced (conv2d forward, worst of 5 draws of
benchmarks/float32_accuracy.py: 1.6e-7 -> 5.9e-7, PyTorch 5.1e-7); in halves 3.1e-7 (in groups of 32,
2.2e-7, but at 1.3x the time)."""
PARTIAL_IM2COL_MIN_ROWS = 32
r"""In float32 an im2col GEMM whose innermost window axis times its channels gives at least this many rows copies
only those rows (:func:`window_gemm_source`, the partial im2col) and reads the outer window offsets as shifts of
that copy: one GEMM per outer offset, summed.  The benchmark's conv2d (16 channels, 3 x 3: 48 rows, 3 GEMMs) copies
a third of the elements and sums its 144 terms in three groups of 48 instead of two of 72; 32 keeps BLAS's float32
GEMMs long enough in their contraction (OpenBLAS, 16-row products: 90-100 GFlop/s at 48-144 terms, 37 at 16).  float64
keeps the one GEMM of the whole copy (the partial form measured 1.08x its time there).  The kernel's offsets are
reordered once per kernel: a batch axis it is broadcast over (stride 0) is kept at size 1 and ``np.matmul``
broadcasts it (copying the broadcast batch took 153 us of the benchmark's 2.7 ms conv2d forward)."""
WINDOW_CHUNK_BYTES = 1 << 20
"""Bytes of one chunk of the im2col copy: it and the GEMM's operands stay in the L2 cache (measured on
the benchmark's conv2d: 256 KiB and 4 MiB chunks were 5-40% slower than 0.5-2 MiB), and it bounds the
helper's temporary memory."""


WINDOW_GEMM_T = "_window_gemm_t"
"""Name of the emitted helper of the kernel-gradient form (:func:`window_gemm_t_source`)."""
WINDOW_GEMM_T_PARTIAL = "_window_gemm_t_partial"
"""Name of its partial-im2col form (the first slide axis read as shifts of the copy), emitted with it."""
LONG_ROWS_BELOW_ITEMSIZE = 8
r"""Below this itemsize (float32) the product of :func:`window_gemm_t_source`,
$\sum_m A_{i,m} B_{j,m}$ of an $M \times K$ and an $N \times K$ operand (both contiguous along $K$), is
computed with the longer side as the rows, $A B^T$ for $M \ge N$, else $(B A^T)^T$.  OpenBLAS's float32 GEMM of a
16-row result is 1.7x slower than of the 144-row transpose (the conv2d kernel gradient: 16 output channels,
16 channels x 9 offsets; 8 x 16 x 186 by 8 x 144 x 186, 0.172 ms against 0.102; one 16 x 3844 by 144 x 3844,
0.44 against 0.25; 64 x 576, 1.25x; square or tiny products even), the same sums bit for bit in those
measurements.  In float64 the two orders are within +-8% either way (0.94x-1.08x): unchanged."""


def window_gemm_t_source() -> str:
    r"""Source of ``_window_gemm_t(win, other, na, k)``:
    $y_{\ldots,f,a,s} = \sum_{m} \mathrm{win}_{\ldots,a,s,m}\, \mathrm{other}_{\ldots,f,m}$, the window's
    own axes $m$ the long ones (a kernel gradient $\sum_{s,t} g_{o,s,t}\, x_{c,p+s,q+t}$): the window
    copied (im2col) in chunks of its first axis of at most :data:`WINDOW_CHUNK_BYTES`, one GEMM each,
    the small products summed.  Below float64 each GEMM has the longer of the two kept sides as its rows
    (:data:`LONG_ROWS_BELOW_ITEMSIZE`).  Where the first slide axis and the first window axis have one stride
    and the copy at $s_1 = 0$ has at least :data:`PARTIAL_IM2COL_MIN_ROWS` rows, ``_window_gemm_t_partial``
    copies that alone and reads each $s_1$ as a shift of it: the conv2d kernel gradient (8 x 16 x 64 x 64, 3 x 3)
    0.73x its time in float32 and 0.74x in float64 (CPU time, side by side), a third of the copy."""
    return f'''def {WINDOW_GEMM_T}(win, other, na, k):
    """sum over m of win[..., a, s, m] * other[..., f, m] -> [..., f, a, s]: GEMMs over im2col chunks of
    the window's first axis m_1, summed."""
    nw, no = win.ndim, other.ndim
    nf = no - k - (nw - na - 2 * k)
    batch = np.broadcast_shapes(win.shape[:nw - na - 2 * k], other.shape[:no - nf - k])
    win = np.broadcast_to(win, batch + win.shape[nw - na - 2 * k:])
    other = np.broadcast_to(other, batch + other.shape[no - nf - k:])
    nb = len(batch)
    as_shape, m_shape, f_shape = win.shape[nb:nb + na + k], win.shape[nb + na + k:], other.shape[nb:nb + nf]
    n_k, n_f, row = int(np.prod(as_shape)), int(np.prod(f_shape)), int(np.prod(m_shape[1:]))
    dtype = np.result_type(win, other)
    s_1 = as_shape[na]  # the first slide axis: a shift of m_1 where their strides are one
    height = {WINDOW_CHUNK_BYTES} // max(1, int(np.prod(batch)) * (n_k // s_1) * row * dtype.itemsize)
    if s_1 > 1 and n_k // s_1 >= {PARTIAL_IM2COL_MIN_ROWS} and win.strides[nb + na] == win.strides[nb + na + k] \
            and height >= 2 * (s_1 - 1):
        return {WINDOW_GEMM_T_PARTIAL}(win, other, nb, na, k, height - (s_1 - 1))
    step = max(1, min(m_shape[0], {WINDOW_CHUNK_BYTES} // max(1, int(np.prod(batch)) * n_k * row * dtype.itemsize)))
    buf = np.empty(batch + as_shape + (step,) + m_shape[1:], dtype)
    tall = dtype.itemsize < {LONG_ROWS_BELOW_ITEMSIZE} and n_k > n_f  # the product transposed: the window's side as its rows
    acc = np.zeros(batch + ((n_k, n_f) if tall else (n_f, n_k)), dtype)
    rest = (slice(None),) * (k - 1)
    for _r in range(0, m_shape[0], step):
        c = min(step, m_shape[0] - _r)
        part = buf if c == step else np.empty(batch + as_shape + (c,) + m_shape[1:], dtype)
        np.copyto(part, win[(Ellipsis, slice(_r, _r + c)) + rest])
        chunk = other[(Ellipsis, slice(_r, _r + c)) + rest].reshape(batch + (n_f, c * row))
        cols = part.reshape(batch + (n_k, c * row))
        if tall:
            acc += np.matmul(cols, np.swapaxes(chunk, -1, -2))
        else:
            acc += np.matmul(chunk, np.swapaxes(cols, -1, -2))
    return (np.swapaxes(acc, -1, -2) if tall else acc).reshape(batch + f_shape + as_shape)


def {WINDOW_GEMM_T_PARTIAL}(win, other, nb, na, k, step):
    """{WINDOW_GEMM_T} with the im2col copy at the first slide s_1 = 0 only, over rows m_1' = s_1 + m_1 of a chunk
    and the s_1 - 1 rows after it: each s_1 reads that copy shifted by s_1 rows, one GEMM each (as many products,
    a third of the copy for a 3 x 3 kernel)."""
    batch, a_shape, s_1, s_rest = win.shape[:nb], win.shape[nb:nb + na], win.shape[nb + na], win.shape[nb + na + 1:nb + na + k]
    m_shape, f_shape = win.shape[nb + na + k:], other.shape[nb:other.ndim - k]
    n_r, n_f, row = int(np.prod(a_shape + s_rest)), int(np.prod(f_shape)), int(np.prod(m_shape[1:]))
    first = win[(slice(None),) * (nb + na) + (0,)]  # [..., a, s_2.., m_1, m_2..] at s_1 = 0
    ax = nb + na + k - 1  # its m_1 axis, extended over m_1' = s_1 + m_1 (the strides of s_1 and m_1 are one)
    ext = np.lib.stride_tricks.as_strided(first, first.shape[:ax] + (m_shape[0] + s_1 - 1,) + first.shape[ax + 1:],
                                          first.strides, writeable=False)
    dtype = np.result_type(win, other)
    step = max(1, min(m_shape[0], step))
    buf = np.empty(batch + a_shape + s_rest + (step + s_1 - 1,) + m_shape[1:], dtype)
    tall = dtype.itemsize < {LONG_ROWS_BELOW_ITEMSIZE} and n_r > n_f  # the product transposed: the window's side as its rows
    acc = np.zeros(batch + (s_1,) + ((n_r, n_f) if tall else (n_f, n_r)), dtype)
    for _r in range(0, m_shape[0], step):
        c = min(step, m_shape[0] - _r)
        part = buf if c == step else np.empty(batch + a_shape + s_rest + (c + s_1 - 1,) + m_shape[1:], dtype)
        np.copyto(part, ext[(slice(None),) * ax + (slice(_r, _r + c + s_1 - 1),)])
        chunk = other[(Ellipsis, slice(_r, _r + c)) + (slice(None),) * (k - 1)].reshape(batch + (n_f, c * row))
        for _j in range(s_1):
            cols = part[(slice(None),) * ax + (slice(_j, _j + c),)].reshape(batch + (n_r, c * row))
            if tall:
                acc[..., _j, :, :] += np.matmul(cols, np.swapaxes(chunk, -1, -2))
            else:
                acc[..., _j, :, :] += np.matmul(chunk, np.swapaxes(cols, -1, -2))
    acc = np.swapaxes(acc, -1, -2) if tall else acc  # [..., s_1, f, (a, s_2..)]
    acc = np.moveaxis(acc.reshape(batch + (s_1,) + f_shape + a_shape + s_rest), nb, nb + len(f_shape) + na)
    return np.ascontiguousarray(acc)
'''


def window_gemm_source() -> str:
    r"""Source of ``_window_gemm(win, other, na, k)``:
    $y_{\ldots,f,s} = \sum_{a,m} \mathrm{win}_{\ldots,a,s,m}\, \mathrm{other}_{\ldots,f,a,m}$ with ``na``
    axes $a$, ``k`` slide axes $s$ and ``k`` offset axes $m$ (trailing, in that order) of the window
    view, and axes $f$, $a$, $m$ of the other factor (leading axes are batch axes of both)."""
    return f'''def {WINDOW_GEMM}(win, other, na, k):
    """sum over a, m of win[..., a, s, m] * other[..., f, a, m] -> [..., f, s]: one GEMM over im2col chunks
    of the window's flat rows (position u = sum_i s_i D_i, D_i the slide strides in elements)."""
    nw, no = win.ndim, other.ndim
    nf = no - na - k - (nw - na - 2 * k)
    batch = np.broadcast_shapes(win.shape[:nw - na - 2 * k], other.shape[:no - nf - na - k])
    win = np.broadcast_to(win, batch + win.shape[nw - na - 2 * k:])
    other = np.broadcast_to(other, batch + other.shape[no - nf - na - k:])
    nb = len(batch)
    own = np.where(np.equal(other.strides[:nb], 0), 1, other.shape[:nb]).astype(int).tolist()  # a broadcast batch axis: its one copy, reordered or copied once
    other = np.lib.stride_tricks.as_strided(other, tuple(own) + other.shape[nb:], other.strides, writeable=False)  # (matmul broadcasts it again)
    a_shape, s_shape, m_shape = win.shape[nb:nb + na], win.shape[nb + na:nb + na + k], win.shape[nb + na + k:]
    f_shape = other.shape[nb:nb + nf]
    st = win.strides[-1]
    d = [s // st if st > 0 and s % st == 0 else 0 for s in win.strides[nb + na:nb + na + k]]
    span, nested = 1, win.strides[nb + na:nb + na + k] == win.strides[nb + na + k:] and min(s_shape, default=1) > 0
    for di, si, mi in zip(reversed(d), reversed(s_shape), reversed(m_shape)):
        nested = nested and di >= span
        span = di * (si + mi - 1)
    dtype = np.result_type(win, other)
    if not nested:
        letters = "abcdefghijklmnopqrstuvwxyz"
        la, ls, lf = letters[:na], letters[na:na + k], letters[na + k:na + k + nf]
        spec = f"...{{la}}{{ls}},...{{lf}}{{la}}->...{{lf}}{{ls}}"
        out = np.zeros(batch + f_shape + s_shape, dtype)
        for _o in np.ndindex(m_shape):
            out += np.einsum(spec, win[(Ellipsis,) + (slice(None),) * k + _o], other[(Ellipsis,) + _o], optimize=True)
        return out
    n_u = sum((si - 1) * di for si, di in zip(s_shape, d)) + 1
    n_k = int(np.prod(a_shape + m_shape))
    n_f = int(np.prod(f_shape))
    rows = int(np.prod(a_shape)) * m_shape[-1]  # a partial im2col: the channels times the innermost offsets
    n_p = n_k // max(1, rows)  # the outer offsets, each a shift of those rows by ext_j = sum_i m_i D_i
    ext = sum((mi - 1) * di for mi, di in zip(m_shape[:-1], d[:-1]))
    width = {WINDOW_CHUNK_BYTES} // max(1, int(np.prod(batch)) * rows * dtype.itemsize)
    if dtype.itemsize < 8 and n_p > 1 and rows >= {PARTIAL_IM2COL_MIN_ROWS} and width >= 2 * ext:
        return {WINDOW_GEMM_PARTIAL}(win, other, nb, na, d, n_u, rows, ext, width - ext)
    w2 = other.reshape(other.shape[:nb] + (n_f, n_k))
    corner = win[(Ellipsis,) + (0,) * k + (slice(None),) * k]
    cols = np.lib.stride_tricks.as_strided(corner, corner.shape + (n_u,), corner.strides + (st,), writeable=False)
    y = np.empty(batch + (n_f, n_u), dtype)
    step = max(1, min(n_u, {WINDOW_CHUNK_BYTES} // max(1, int(np.prod(batch)) * n_k * y.itemsize)))
    half = n_k if dtype.itemsize >= 8 or n_k < {FLOAT32_HALVES_FROM} else (n_k + 1) // 2
    col = np.empty(batch + (n_k, step), dtype)
    col_view = col.reshape(batch + a_shape + m_shape + (step,))  # the same memory, im2col's axes split
    for _u in range(0, n_u, step):
        c = min(step, n_u - _u)
        np.copyto(col_view[..., :c], cols[..., _u:_u + c])
        np.matmul(w2[..., :, :half], col[..., :half, :c], out=y[..., _u:_u + c])
        if half < n_k:  # float32: the second half of the contraction added
            y[..., _u:_u + c] += np.matmul(w2[..., :, half:], col[..., half:, :c])
    y = y.reshape(batch + f_shape + (n_u,))
    return np.lib.stride_tricks.as_strided(y, y.shape[:-1] + s_shape, y.strides[:-1] + tuple(di * y.itemsize for di in d))


def {WINDOW_GEMM_PARTIAL}(win, other, nb, na, d, n_u, rows, ext, step):
    """{WINDOW_GEMM} with the im2col copy of the innermost window axis only: rows (a, m_k) over the positions
    u .. u + c + ext of a chunk; each outer offset (m_1 .. m_(k-1)) reads that copy shifted by sum_i m_i D_i, one
    GEMM each, added in turn (float32: sums in groups of rows terms, not one running sum of all)."""
    k = (win.ndim - nb - na) // 2
    batch, a_shape, s_shape, m_shape = win.shape[:nb], win.shape[nb:nb + na], win.shape[nb + na:nb + na + k], win.shape[nb + na + k:]
    f_shape = other.shape[nb:other.ndim - na - k]
    n_f, n_p, step = int(np.prod(f_shape)), int(np.prod(m_shape[:-1])), max(1, min(n_u, step))
    corner = win[(Ellipsis,) + (0,) * (2 * k - 1) + (slice(None),)]  # [..., a, m_k] at s = 0 and m_i = 0 (i < k)
    cols = np.lib.stride_tricks.as_strided(corner, corner.shape + (n_u + ext,), corner.strides + (win.strides[-1],), writeable=False)
    wp = np.moveaxis(other.reshape(other.shape[:nb] + (n_f, rows // m_shape[-1], n_p, m_shape[-1])), -2, nb)
    wp = np.ascontiguousarray(wp).reshape(other.shape[:nb] + (n_p, n_f, rows))  # [..., j, f, (a, m_k)]
    shifts = [sum(oi * di for oi, di in zip(o, d[:-1])) for o in np.ndindex(m_shape[:-1])]
    dtype = np.result_type(win, other)
    y = np.empty(batch + (n_f, n_u), dtype)
    col = np.empty(batch + (rows, step + ext), dtype)
    col_view = col.reshape(batch + a_shape + m_shape[-1:] + (step + ext,))  # the same memory, its rows split
    parts = np.empty((2,) + batch + (n_f, step), dtype)  # the products added in compact buffers, the last into y
    for _u in range(0, n_u, step):
        c = min(step, n_u - _u)
        np.copyto(col_view[..., :c + ext], cols[..., _u:_u + c + ext])
        acc, part = parts[0][..., :c], parts[1][..., :c]
        np.matmul(wp[..., 0, :, :], col[..., :c], out=acc)
        for _j in range(1, n_p):
            np.matmul(wp[..., _j, :, :], col[..., shifts[_j]:shifts[_j] + c], out=part)
            np.add(acc, part, out=y[..., _u:_u + c] if _j == n_p - 1 else acc)
    y = y.reshape(batch + f_shape + (n_u,))
    return np.lib.stride_tricks.as_strided(y, y.shape[:-1] + s_shape, y.strides[:-1] + tuple(di * y.itemsize for di in d))
'''


def shifted_contraction(printer, factors: list, bound: list) -> Arr | None:
    """$\\sum$ over ``bound`` of the product of two factors, one a window read whose window labels
    are all summed and all index the other factor; None when the pattern does not hold."""
    if len(factors) != 2:
        return None
    for win, other in (factors, factors[::-1]):
        k = win.window
        offsets = win.labels[len(win.labels) - k:] if k else ()
        if not k or other.window or not set(offsets) <= set(bound):
            continue
        other = printer.align(other, (*[x for x in other.labels if x not in offsets], *offsets)) \
            if set(offsets) <= set(other.labels) else other
        out = tuple(printer._sorted((set(win.labels) | set(other.labels)) - set(bound)))
        letters: dict = {}
        for x in (*win.labels, *other.labels):
            letters.setdefault(x, string.ascii_letters[len(letters)])
        named = Arr("{0}", (win,), win.labels, win.batched, ATOM, "reduce", "window", window=k,
                    window_outer=win.window_outer)
        gemm = _im2col(printer, win, other, offsets, bound, out)
        choices = [c for c in (gemm[:2] if gemm else _shifted(win, other, offsets, letters, out),
                               _stacked_gemm(printer, win, other, offsets, bound, out)
                               or _stacked(win, other, bound, letters, out)) if c is not None]
        if not choices:
            continue
        code = f"np.einsum('{_spec(letters, win.labels, other.labels, out)}', {{0}}, {{1}}, optimize=False)"
        for test, fast in reversed(choices):
            code = f"({fast} if {test} else {code})"
        args = (named, other, gemm[2]) if gemm else (named, other)
        return Arr(code, args, out, win.batched or other.batched, ATOM, "reduce", "sum")
    return None


def _spec(letters, la, lb, out) -> str:
    def word(labels):
        return "..." + "".join(letters[x] for x in labels)
    return f"{word(la)},{word(lb)}->{word(out)}"


def _shifted(win, other, offsets, letters, out):
    r"""Offsets summed and indexing the other factor (the forward pass, the input gradient): one
    contraction per offset, summed."""
    k = len(offsets)
    if not set(offsets) <= set(other.labels):
        return None
    la, lb = win.labels[:-k], other.labels[:-k]
    idx = ", ".join(f"_o{n}" for n in range(k))
    loop = f"({idx},)" if k == 1 else f"({idx})"
    fast = (f"sum(np.einsum('{_spec(letters, la, lb, out)}', {{0}}[..., {idx}], {{1}}[..., {idx}], "
            f"optimize=True) for {loop} in np.ndindex({{0}}.shape[-{k}:]))")
    work = " * ".join([f"{{0}}.shape[-{n}]" for n in range(k + 1, len(win.labels) + 1)]
                      + [f"{{1}}.shape[-{n}]" for n in range(k + 1, len(other.labels) + 1)
                         if other.labels[-n] not in la]) or "1"
    return f"np.prod({{0}}.shape[-{k}:]) <= {MAX_OFFSETS} and {work} >= {MIN_WORK}", fast


def _im2col(printer, win, other, offsets, bound, out):
    r"""Offsets and the window's other axes $a$ all summed and all indexing the other factor, whose
    remaining axes $f$ lead the output before the slides $s$: :data:`WINDOW_GEMM`, chosen as the shifted sum is."""
    k = len(offsets)
    slides = tuple(win.window_outer)
    na = len(win.labels) - 2 * k
    a = win.labels[:na]
    if na < 0 or win.labels[na:na + k] != slides or not set(a) <= set(bound) or not set(a) <= set(other.labels):
        return None
    f = tuple(x for x in other.labels if x not in a and x not in offsets)
    if set(f) & set(bound) or tuple(out) != (*f, *slides) or set(slides) & set(other.labels):
        return None
    aligned = printer.align(other, (*f, *a, *offsets))
    # multiply-adds per offset, the batch included (one helper call covers it): window positions times f
    work = " * ".join([f"({{0}}.size // max(1, int(np.prod({{0}}.shape[-{k}:]))))"]
                      + [f"{{1}}.shape[-{n}]" for n in range(k + na + 1, len(other.labels) + 1)])
    return f"np.prod({{0}}.shape[-{k}:]) <= {MAX_OFFSETS} and {work} >= {MIN_WORK}", \
        f"{WINDOW_GEMM}({{0}}, {{2}}, {na}, {k})", aligned


def _stacked_gemm(printer, win, other, offsets, bound, out):
    r"""The window's own axes $m$ exactly the summed ones and indexing the other factor, its other axes
    $a$ and slides $s$ free and not in it (the kernel gradient): :data:`WINDOW_GEMM_T`, chosen as the
    stacked form is (few slide positions)."""
    k = len(offsets)
    slides = tuple(win.window_outer)
    na = len(win.labels) - 2 * k
    a = win.labels[:na]
    if na < 0 or win.labels[na:na + k] != slides or set(bound) != set(offsets) or len(set(slides)) != k:
        return None
    if (set(a) | set(slides)) & (set(bound) | set(other.labels)) or other.labels[len(other.labels) - k:] != offsets:
        return None
    f = other.labels[:len(other.labels) - k]
    mine = (*f, *a, *slides)
    if set(mine) != set(out) or len(mine) != len(out):
        return None
    code = f"{WINDOW_GEMM_T}({{0}}, {{1}}, {na}, {k})"
    if mine != tuple(out):
        n = len(mine)
        code = f"np.moveaxis({code}, {tuple(range(-n, 0))}, {tuple(out.index(x) - n for x in mine)})"
    pos = [win.labels.index(x) - len(win.labels) for x in slides]
    return " * ".join(f"{{0}}.shape[{p}]" for p in pos) + f" <= {MAX_OFFSETS}", code


def _stacked(win, other, bound, letters, out):
    r"""The window slides over few free labels (the kernel gradient $\sum_{s,t} x_{c,p+s,q+t}\, g_{o,s,t}$,
    whose windows are the large $(s, t)$): one contraction per position $(p, q)$, stacked."""
    slide, n = win.window_outer, len(win.labels)
    k = len(slide)
    if len(set(slide)) != k or set(slide) & (set(bound) | set(other.labels)):
        return None
    la = tuple(x for x in win.labels if x not in slide)
    inner = tuple(x for x in out if x not in slide)
    pos = [win.labels.index(x) - n for x in slide]
    subs = [":"] * n
    for m, p in enumerate(pos):
        subs[p + n] = f"_o{m}"
    code = f"np.einsum('{_spec(letters, la, other.labels, inner)}', {{0}}[..., {', '.join(subs)}], {{1}}, optimize=True)"
    for m in reversed(range(k)):
        code = f"[{code} for _o{m} in range({{0}}.shape[{pos[m]}])]"
    dest = tuple(out.index(x) - len(out) for x in slide)
    fast = f"np.moveaxis(np.array({code}), {tuple(range(k))}, {dest})"
    return " * ".join(f"{{0}}.shape[{p}]" for p in pos) + f" <= {MAX_OFFSETS}", fast
