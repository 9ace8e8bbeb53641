r"""The helpers a generated numba module carries (as source: the module needs only NumPy and numba).

* ``_exp_f32``, ``_exp_f64``: $e^x$ that LLVM vectorizes (numba calls libm's scalar ``exp`` otherwise, and
  this machine's numba has no SVML): $x = n \ln 2 + r$ with $n = \lfloor x \log_2 e + \tfrac12 \rceil$,
  $\ln 2$ split in two (Cody and Waite) so that $r \in [-\tfrac12\ln 2, \tfrac12\ln 2]$ is exact to the last
  bits, $e^r$ by its Taylor polynomial (degree 7 in float32: remainder $0.35^8/8! = 5\cdot10^{-9}$ against an
  ulp of $6\cdot10^{-8}$; degree 13 in float64: $4\cdot10^{-18}$ against $1.1\cdot10^{-16}$), and $2^n$ built
  from its exponent bits in two halves, so that results in the subnormal range and the overflow to inf come
  out of the same multiplication.  $x$ is clamped first (below it the result is 0, above it inf); NaN
  stays NaN.  Measured: at most 0.86 float32 ulp over $[-110, 95]$ (200,001 points), at most 1 float64 ulp
  against mpmath over $[-750, 712]$, every inf, 0 and NaN where ``np.exp`` has one.
* ``_fmax``, ``_fmin``: NaN-propagating as ``np.maximum`` (Python's ``max`` is not), and ``_maxnum`` which
  skips NaN: LLVM's ``maximum``, ``minimum``, ``maxnum``, whose reductions LLVM vectorizes (measured on a
  4096 x 1024 float32 row max: 0.51 ms through ``maxnum``, 2.56 ms as a comparison).
* ``_exponent_f32``: the exponent bits of a float32, whose integer maximum tells a fast kernel that its outputs are
  finite.
* ``_dtype``, ``_rows``, ``_grad_out``, ``_grad_result``: the wrappers' float32/float64 choice, inputs
  as C-contiguous ``(rows, *own)`` arrays, and gradients shaped like their parameters as given.
"""
from __future__ import annotations

FASTMATH = "{'reassoc', 'contract', 'arcp'}"
"""LLVM fast-math flags of every kernel: reassociation (vectorized sums), fused multiply-adds, and
reciprocals of loop invariants; never ``nnan``/``ninf``, which would let LLVM drop inf and NaN handling."""

STRICT_FASTMATH = "{'contract'}"
"""LLVM fast-math flags of a full kernel that has a fast form: fused multiply-adds only.  The full kernel runs the rows
that the fast form's range guard turned away, and its stability rewrites (a sum of squares scaled by the largest
magnitude, an exponential shifted by the maximum) keep every product in range only in the order they are written:
reassociated, layer norm's VJP at |x| ~ 1e160 multiplied (x - mu) by a sum of products before dividing by the scale,
overflowed and returned inf and NaN where the truth is ~1e-160 (the NumPy backend: finite).  ``arcp`` is out for the
same reason (``a * (1/b)`` overflows at a subnormal ``b`` where ``a / b`` does not)."""

RUNTIME = r'''
_FASTMATH = __FASTMATH__
_JIT = dict(fastmath=_FASTMATH, error_model="numpy", cache=False)
_JIT_STRICT = dict(_JIT, fastmath=__STRICT_FASTMATH__)
_INLINE = dict(_JIT, inline="always")


@intrinsic
def _f32_from_bits(typingctx, bits):
    """The float32 whose bits are the int32 ``bits``."""
    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], llvm_ir.FloatType())
    return types.float32(types.int32), codegen


@intrinsic
def _exponent_f32(typingctx, v):
    """The exponent bits of the float32 ``v`` (an int32, 0x7f800000 for inf and NaN): a fast kernel's check that its
    outputs are finite is an integer max of these (vectorized; a float test is folded away by fast-math's
    reassociation, ``v - v`` to 0, or is a float ``maximum``, which costs the layer-norm forward what its float32
    products save)."""
    def codegen(context, builder, signature, args):
        bits = builder.bitcast(args[0], llvm_ir.IntType(32))
        return builder.and_(bits, llvm_ir.Constant(llvm_ir.IntType(32), 0x7F800000))
    return types.int32(types.float32), codegen


@intrinsic
def _f64_from_bits(typingctx, bits):
    """The float64 whose bits are the int64 ``bits``."""
    def codegen(context, builder, signature, args):
        return builder.bitcast(args[0], llvm_ir.DoubleType())
    return types.float64(types.int64), codegen


@numba.njit(**_INLINE)
def _exp_f32(v):
    """exp(v) in float32 (a float64 argument is rounded to float32 first), vectorizable."""
    x = np.float32(v)
    t = x if x > np.float32(-104.0) else np.float32(-104.0)
    t = t if t < np.float32(89.0) else np.float32(89.0)
    n = np.floor(t * np.float32(1.4426950408889634) + np.float32(0.5))
    r = t - n * np.float32(0.693359375) - n * np.float32(-2.12194440e-4)
    p = np.float32(1.0 / 5040.0)
    p = p * r + np.float32(1.0 / 720.0)
    p = p * r + np.float32(1.0 / 120.0)
    p = p * r + np.float32(1.0 / 24.0)
    p = p * r + np.float32(1.0 / 6.0)
    p = p * r + np.float32(0.5)
    p = p * r + np.float32(1.0)
    p = p * r + np.float32(1.0)
    k = np.int32(n)
    h = k >> 1
    y = p * _f32_from_bits((h + np.int32(127)) << 23) * _f32_from_bits((k - h + np.int32(127)) << 23)
    return y if x == x else x


@numba.njit(**_INLINE)
def _exp_f64(x):
    """exp(x) in float64, vectorizable."""
    t = x if x > -746.0 else -746.0
    t = t if t < 710.0 else 710.0
    n = np.floor(t * 1.4426950408889634 + 0.5)
    r = t - n * 6.93147180369123816490e-01 - n * 1.90821492927058770002e-10
    p = 1.0 / 6227020800.0
    p = p * r + 1.0 / 479001600.0
    p = p * r + 1.0 / 39916800.0
    p = p * r + 1.0 / 3628800.0
    p = p * r + 1.0 / 362880.0
    p = p * r + 1.0 / 40320.0
    p = p * r + 1.0 / 5040.0
    p = p * r + 1.0 / 720.0
    p = p * r + 1.0 / 120.0
    p = p * r + 1.0 / 24.0
    p = p * r + 1.0 / 6.0
    p = p * r + 0.5
    p = p * r + 1.0
    p = p * r + 1.0
    k = np.int32(n)
    h = k >> 1
    y = p * _f64_from_bits(np.int64(h + np.int32(1023)) << 52) * _f64_from_bits(np.int64(k - h + np.int32(1023)) << 52)
    return y if x == x else x


def _llvm_binary(name, doc, ir_type=llvm_ir.DoubleType, nb_type=types.float64):
    """The float64 (or ``nb_type``) LLVM intrinsic ``name(a, b)`` as a numba function (a max reduction through it
    vectorizes; one written as a comparison does not, without the fast-math flag ``nnan``)."""
    @intrinsic
    def call(typingctx, a, b):
        def codegen(context, builder, signature, args):
            d = ir_type()
            return builder.call(builder.module.declare_intrinsic(name, [d], llvm_ir.FunctionType(d, [d, d])), args)
        return nb_type(nb_type, nb_type), codegen
    call.__doc__ = doc
    return call


_maxnum = _llvm_binary("llvm.maxnum", "max(a, b), the other operand where one is NaN (a shift: NaN skipped)")
_fmax = _llvm_binary("llvm.maximum", "max(a, b), NaN if either is NaN (np.maximum)")
_fmin = _llvm_binary("llvm.minimum", "min(a, b), NaN if either is NaN (np.minimum)")


def _dtype(*args):
    """float32 where NumPy's promotion of the arguments with a Python float is float32; float64 otherwise."""
    t = np.result_type(*(a if isinstance(a, (int, float)) else np.asarray(a) for a in args), 1.0)
    return np.dtype(np.float32) if t == np.float32 else np.dtype(np.float64)


def _rows(pairs, dtype):
    """``(arrays, batch, R)``: each ``(array, own axes)`` as a C-contiguous ``(rows, *own)`` array of ``dtype``,
    its leading batch axes flattened (``rows`` is R, or 1 where it has no batch to broadcast); ``batch`` is the
    broadcast batch shape and ``R`` its number of rows."""
    return _flat_rows(pairs, dtype, np.ascontiguousarray)


def _flat_rows(pairs, dtype, contiguous):
    arrays = [np.asarray(a) for a, _ in pairs]
    for a, (_, k) in zip(arrays, pairs):
        if a.ndim < k:
            raise ValueError(f"an input has {a.ndim} axes where the formula needs at least {k}")
    batches = [a.shape[:a.ndim - k] for a, (_, k) in zip(arrays, pairs)]
    batch = batches[0] if all(b == batches[0] for b in batches) else np.broadcast_shapes(*batches)
    count = math.prod(batch)
    out = []
    for a, b, (_, k) in zip(arrays, batches, pairs):
        own = a.shape[a.ndim - k:]
        if b != batch and math.prod(b) != 1:
            a = np.broadcast_to(a, batch + own)  # a partial broadcast: copied to full rows
        rows = count if b == batch or math.prod(b) != 1 else 1
        out.append(contiguous(a.reshape((rows,) + own), dtype))
    return out, batch, count


def _rows_last(a, k):
    """Whether ``a`` (``k`` own axes after one batch axis) has its rows as the contiguous axis, its own axes
    C-ordered after it: the transpose of a C-contiguous array, ``x.T`` for batch norm over a batch of rows."""
    a = np.asarray(a)
    return a.ndim == k + 1 and k >= 1 and a.shape[0] > 1 and not a.flags.c_contiguous and \
        np.moveaxis(a, 0, -1).flags.c_contiguous


def _columns(pairs, dtype):
    """As :func:`_rows`, each array with its rows last: ``(*own, R)``, every input with all ``R`` rows (a
    broadcast one copied: the column kernels index every array by the row)."""
    arrays, batch, count = _flat_rows(pairs, dtype, lambda a, dtype: a)
    out = []
    for a in arrays:
        if a.shape[0] != count:
            a = np.broadcast_to(a, (count,) + a.shape[1:])
        out.append(np.ascontiguousarray(np.moveaxis(a, 0, -1), dtype))
    return out, batch, count


def _grad_out_c(given, k, batch, count, shape, dtype):
    """As :func:`_grad_out`, rows last and always every row (summed afterwards where broadcast)."""
    return np.empty(shape + (count,), dtype if _own(given, k) == batch else np.float64)


def _own(given, k):
    return given[:len(given) - k] if k else given


def _grad_out(given, k, batch, count, shape, dtype):
    """The array a kernel writes a parameter's gradient into: its rows, one float64 row for a parameter
    broadcast over the whole batch (summed over rows in float64: zeros, the kernel adds), or full float64 rows
    summed afterwards.  An array with a row per row is not zeroed: the kernel stores each element once."""
    b = _own(given, k)
    if b == batch:
        return np.empty((count,) + shape, dtype)
    if math.prod(b) == 1 and count != 1:
        return np.zeros((1,) + shape, np.float64)
    return np.empty((count,) + shape, np.float64)


def _grad_result(o, given, k, batch, shape, dtype):
    """The gradient shaped like its parameter as given (``_grad_out``'s array, summed where it was broadcast)."""
    b = _own(given, k)
    if b == batch:
        return o.reshape(batch + shape)
    if math.prod(b) == 1 and o.shape[0] == 1:
        return o.astype(dtype).reshape(given)
    full = o.reshape(batch + shape)
    lead = full.ndim - len(given)
    full = full.sum(axis=tuple(range(lead))) if lead else full
    axes = tuple(a for a, n in enumerate(given) if n == 1 and full.shape[a] != 1)
    return (full.sum(axis=axes, keepdims=True) if axes else full).astype(dtype).reshape(given)
'''.replace("__FASTMATH__", FASTMATH).replace("__STRICT_FASTMATH__", STRICT_FASTMATH)

IMPORTS = """import math

import numba
import numpy as np
from llvmlite import ir as llvm_ir
from numba import types
from numba.extending import intrinsic"""
