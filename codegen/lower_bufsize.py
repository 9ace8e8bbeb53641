r"""NumPy's ufunc buffer no longer than a row: broadcasting passes over long rows without copies.

A ufunc whose operands do not flatten to one contiguous run (a row minus its row's mean, $x_{ij} - \mu_i$; a
row times a per-feature gain, $x_{ij}\gamma_j$) runs through NumPy's buffered iterator.  With the default
buffer of 8192 elements and rows of $n < 8192$ contiguous elements, NumPy 2.4 gathers several rows into its
buffer and calls the inner loop on the copy, where one call per row would read the operands in place.
Measured on one cache-resident block (256 x 1024 float32, 128 x 1024 float64, one thread), ns per element:

=======================  ========  =============  ========  =============
pass                     float32   buffer = row   float64   buffer = row
=======================  ========  =============  ========  =============
``x * gamma``             0.23      0.14           0.43      0.24
``x * s[:, None]``        0.21      0.14           0.42      0.22
``x * y`` (same shape)    0.10      0.10           0.17      0.17
``np.max(x, axis=-1)``    0.13      0.15           0.19      0.20
=======================  ========  =============  ========  =============

so the body of a function whose rows are long runs sets the buffer to the row's length (a multiple of 16,
as NumPy requires) for its duration and restores the caller's setting on every exit.  Rows shorter than
:data:`MIN_ROW_BYTES` keep the default: there the copies pay (48 or 64 float32 per row: 0.26 ns per element
with the default buffer, 0.77 with a row-sized one; 128 to 256 float32 and 128 float64: even or worse), as they
do where the contiguous axis is not the last (the blocks of a transposed input, e.g. batch normalization's
features x batch view: 10-17% slower with a buffer of one run).  Only the speed should change: an elementwise
pass computes each element by the same inner loop, and the reductions checked give the same bits (``np.sum``
over rows of 1000 float32 with a buffer of 992, in C and Fortran order; ``benchmarks/float32_accuracy.py``
prints the same errors).
"""
from __future__ import annotations

MIN_ROW_BYTES = 2048
"""Shortest contiguous last axis (bytes) that gets a row-sized buffer: measured better from 512 float32 and
256 float64 elements (2 KiB) up, even or worse below (128 and 256 float32, 128 float64, 48 and 64 of either)."""

NAME = "_ufunc_buffer"
"""The generated code's name for the caller's buffer size, restored on exit."""


def broadcasts_rows(body: list[str]) -> bool:
    """The lowered ``body`` broadcasts a per-row value over its rows (``s[..., None]``: a reduction's result
    against the row it reduced), the passes a row-sized buffer speeds up."""
    return any("[..., None]" in line or "[..., :, None]" in line for line in body)


def row_buffered(body: list[str], ref: str) -> list[str]:
    r"""``body`` run with a ufunc buffer of one row of the array ``ref`` (its last axis, rounded down to a
    multiple of 16 and never above the caller's setting) where that axis is contiguous and at least
    :data:`MIN_ROW_BYTES` long; the caller's setting restored on every exit (the body's returns included).
    Elsewhere the body runs as it is (the test costs one condition, not a call)."""
    fits = f"{ref}.ndim and {ref}.strides[-1] == {ref}.itemsize and {ref}.shape[-1] * {ref}.itemsize >= {MIN_ROW_BYTES}"
    size = f"min(np.getbufsize(), {ref}.shape[-1] // 16 * 16)"
    return ([f"{NAME} = np.setbufsize({size}) if {fits} else None", "try:"] + ["    " + line for line in body]
            + ["finally:", f"    if {NAME} is not None:", f"        np.setbufsize({NAME})"])
