r"""The scale of ``scaled_sqrt`` taken as 1 on the rows where the unscaled sum of squares is safe.

``scaled_sqrt`` (:mod:`codegen.rules`) writes $\sqrt{\sum_j u_j^2 + r}$ as $M\sqrt{\sum_j (u_j/M)^2 + r/M^2}$
with $M = \max(\max_j |u_j|, \sqrt{|r|}, \mathrm{tiny})$, so that no square overflows or underflows.  The
identity holds for every $M > 0$; the maximum is needed only where the squares would overflow or
underflow.  Computed as written it costs three passes over $u$ ($\max u$, $\min u$, $u / M$) besides the
sum of squares: in the layer-norm forward a third of its passes.

Here the sum of squares is computed first, unscaled, $S = \sum_j u_j^2$ (one BLAS dot per row), and a row
is *safe* when

.. math:: S \text{ finite},\qquad n\,\frac{\mathrm{tiny}}{\varepsilon} \le S \le \varepsilon\,\mathrm{max}

(``tiny``, ``eps``, ``max`` of the computing dtype, $n$ the number of terms; where the radicand holds other
squares, $(c/M)^2$ of a scalar or $r/M^2$, $S + \max(|c|, \sqrt{|r|})^2$ in place of $S$: at $M = 1$ they are
unscaled too).  There no square overflowed,
the squares that underflowed (each below ``tiny``) lose less than $n\,\mathrm{tiny} \le \varepsilon S$
together, and a factor up to $1/\varepsilon$ more than $S$ downstream still does not overflow; the scale
of a safe row is $M = 1$ (a power of two: $u/M$ is $u$ exactly, $\sum (u/M)^2$ is $S$).  The other rows
get the maximum as before; the maximum is computed only when some row is not safe, and the scaled sum
likewise (on every row, $M = 1$ on the safe ones).  The values are those of the scaled form with another
$M$: the same formula, exact in real arithmetic, checked by the certificate on ordinary and extreme inputs.

NumPy only (``module == "np"``), a sum over one axis (the last of $u$'s labels once aligned).
"""
from __future__ import annotations

import dataclasses
import re

import sympy as sp

from codegen.lower_nodes import ATOM, Arr

UNIT_WHERE = "np.where("
"""How the scale's code starts: ``np.where(safe rows, 1, M)`` where both branches are finite (no warning to
silence: :func:`discards_branch` tells the lowering so); a fresh array (:func:`codegen.lower_nodes.is_fresh`)."""

_LOW = "{1}.shape[-1] * (np.finfo({1}.dtype).tiny / np.finfo({1}.dtype).eps)"
_HIGH = "np.finfo({1}.dtype).max * np.finfo({1}.dtype).eps"
SAFE_ROWS = f"(({{0}} >= {_LOW}) & ({{0}} <= {_HIGH}))"
"""Code of the rows whose sum of squares ``{0}`` (of ``u`` = ``{1}``) is safe: in range, which is also finite (inf and
NaN fail a comparison)."""
SUMS_SAFE = "_sums_safe"
"""Name of the emitted helper :func:`sums_safe_source`."""
SAFE_ALL = f"{SUMS_SAFE}({{0}}, {{1}})"
r"""Code of "every row is safe" as one Python bool: two reductions (a NaN makes the minimum NaN, which fails the
comparison), where the rows' test and its ``.all()`` cost five ufunc calls, paid per block of rows (``.all()`` of a
small array alone some 3.5 us, as much as a reduction's setup).  A call of a helper, so that the sum ``{0}`` (with
the radicand's other squares, $S + \max(|c|, \sqrt{|r|})^2$: four ufunc calls) is computed once, not once per bound,
and the dtype's limits are read once (``np.finfo`` costs about 0.8 us a call, five of them per block)."""
UNIT_SCALED = "isinstance({0}, np.ndarray)"
"""Code of "the scale ``{0}`` is not 1 on every row": it is then ``np.where``'s array (0-d for one row), where every row
is safe the scalar 1, a NumPy scalar (the test costs no ufunc call, where ``(M == 1).all()`` cost two)."""
_W = r"\w+"
_UNIT_WHERE_CALL = re.compile(re.escape(UNIT_WHERE + SAFE_ROWS.format("@", "@") + ", @.dtype.type(1), ").replace("@", _W))


def sums_safe_source() -> str:
    r"""Source of ``_sums_safe(s, u)``: every row's sum of squares ``s`` of ``u`` (float64) is in
    $[n\,\mathrm{tiny}/\varepsilon, \varepsilon\,\mathrm{max}]$ of ``u``'s dtype, $n$ its last axis's length (False where
    some row is NaN: the comparison of a NaN minimum or maximum fails): the bounds of :data:`SAFE_ROWS`, the same bool
    as they gave written out in place."""
    return f'''def {SUMS_SAFE}(s, u):
    """every row's sum of squares s of u in [n tiny / eps, eps max] of u's dtype (n = u.shape[-1]): min and max of s."""
    f = np.finfo(u.dtype)
    return bool(s.min(initial=np.inf) >= u.shape[-1] * (f.tiny / f.eps)) and bool(s.max(initial=-np.inf) <= f.max * f.eps)
'''


def discards_branch(line: str) -> bool:
    """Whether ``line`` has an ``np.where`` other than a unit scale's (its discarded branch may warn)."""
    return "np.where" in _UNIT_WHERE_CALL.sub("", line)


def scale_parts(expr):
    """``(ReduceMax(Abs(u), lim), [the other arguments])`` when ``expr`` is the scale $M$ of ``scaled_sqrt``
    (a ``Max`` with the dtype's smallest normal among its arguments and one maximum of ``|u|`` over one
    index), else None."""
    from codegen.rules import SMALLEST_NORMAL  # the rules' node; the lowering only recognizes it
    from symbolic.functions import ReduceMax

    if not isinstance(expr, sp.Max) or SMALLEST_NORMAL not in expr.args:
        return None
    maxima = [a for a in expr.args if isinstance(a, ReduceMax)]
    if len(maxima) != 1 or not isinstance(maxima[0].function, sp.Abs) or len(maxima[0].limits) != 1:
        return None
    return maxima[0], [a for a in expr.args if a is not maxima[0]]


class UnitScaleLowering:
    """The scale $M$ and the scaled sum of squares of ``scaled_sqrt`` (a mixin of the printer)."""

    def _unit_scales(self) -> dict:
        if not hasattr(self, "_scale_of"):
            self._scale_of = {}  # id(scale Arr) -> (u Arr, S Arr, u's expression, its index)
        return self._scale_of

    def unit_scale(self, expr) -> Arr | None:
        r"""$M$ as ``np.where(safe, 1, max)`` with the maximum computed only if some row is not safe; None
        where this form does not apply (another backend, several summed axes)."""
        parts = scale_parts(expr) if self.module == "np" and self.in_place else None
        if parts is None:
            return None
        top, others = parts
        floor = self._print(sp.Max(*others)) if others else None
        from codegen.rules import SMALLEST_NORMAL

        # the other squares of the radicand ((c/M)^2 of a scalar c, |r|/M^2 of a rest r) are unscaled too where
        # M = 1: a row is safe by S + max(others)^2, which bounds them (c = 1e300 beside safe u_j: c^2 overflows)
        total = "({0} + np.square({2}))" if any(a != SMALLEST_NORMAL for a in others) else "{0}"
        found = {}

        def lower(body, bound):
            u = self._print(body.args[0])
            (j,) = bound
            if j not in u.labels:
                return None
            u = self.align(u, (*[x for x in u.labels if x != j], j))
            found.update(u=u, j=j, body=body.args[0], squares=self._contract([u, u], [j]))
            return u

        if self.reduction(top, lower) is None:
            return None
        u, j = found["u"], found["j"]
        rows = u.labels[:-1]
        # the sum in float64 (in float32 summed in chunks in a forward function: codegen.lower_nodes.chunked_squares;
        # one dot per row in a gradient's, whose own cancellations outweigh it); it overflows on the rows the scale
        # is for
        squares = dataclasses.replace(found["squares"], quiet=True, float64=True, chunked=not self.gradient)
        largest = "np.maximum(np.max({1}, axis=-1), -np.min({1}, axis=-1))"
        if floor is not None:
            largest = f"np.maximum({largest}, {{2}})"
        args = (squares, u) + ((floor,) if floor is not None else ())
        # the scalar 1 where every row is safe (one Python test); the rows' own test only where some row is not,
        # and then an array (the test of :data:`UNIT_SCALED`)
        safe_rows, safe_all = (SAFE_ROWS.replace("{0}", total), SAFE_ALL.replace("{0}", total))
        scale = Arr(UNIT_WHERE + safe_rows + ", {1}.dtype.type(1), " + largest + ") if not " + safe_all
                    + " else {1}.dtype.type(1)", args, rows, u.batched, ATOM, "reduce", "scale")
        self._unit_scales()[id(scale)] = (u, squares, found["body"], j)
        return scale

    def unit_scaled_squares(self, base, bound) -> Arr | None:
        r"""$\sum_j (u_j / M)^2$ for ``base`` $= u_j / M$ with $M$ a scale of :meth:`unit_scale` over the same
        $u$: the unscaled $S$ where every row is safe, else the scaled sum (every row; $M = 1$ on the safe ones)."""
        if len(bound) != 1 or not isinstance(base, sp.Mul):
            return None
        for f in base.args:
            if not (isinstance(f, sp.Pow) and f.exp == -1 and scale_parts(f.base) is not None):
                continue
            scale = self._print(f.base)  # (the product's own lowering prints it too)
            hit = self._unit_scales().get(id(scale))
            if hit is None:
                continue
            u, squares, body, j = hit
            rest = sp.Mul(*[a for a in base.args if a is not f])
            if rest.xreplace({bound[0]: j}) != body or self.ranges.get(bound[0]) != self.ranges.get(j):
                return None
            # M is 1 on every row where every row is safe: the unscaled sum (where some row is not, the scaled sum
            # of every row, an exact identity whatever M); it is float64, rounded to the dtype here and read as it
            # is by a row value computed in float64 (its wide form)
            summed = Arr("np.sum(np.square({1} / {2}[..., None]), axis=-1) if " + UNIT_SCALED.format("{2}")
                         + " else {0}.astype({1}.dtype)", (squares, u, scale), squares.labels, squares.batched,
                         ATOM, "reduce", "sum")
            summed.wide = Arr("np.asarray({0}, np.float64) if " + UNIT_SCALED.format("{1}") + " else {2}",
                              (summed, scale, squares), squares.labels, squares.batched, ATOM, "reduce", "sum",
                              float64=True)
            return summed
        return None
