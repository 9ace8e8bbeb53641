r"""Centred sums in one pass, with a guard for cancellation: the float32 kernels of the numba backend.

A sum over a row of powers of a *centred* term, $a_j = u_j + c$, where the centre $c$ is itself a reduction of the
row (layer norm's $c = -\tfrac1n\sum_j x_j$), needs two passes as written: one for $c$, one for the sum.  With a shift
$s = u_{lo}$ (the row's first term), $d_j = u_j - s$ and $k = s + c$,

.. math::

    \sum_j a_j^2 = B + 2kA + nk^2, \qquad \sum_j w_j a_j = \sum_j w_j d_j + k \sum_j w_j,
    \qquad A = \sum_j d_j,\ B = \sum_j d_j^2,

exactly, for any $s$; $A$, $B$, $\sum_j w_j d_j$, $\sum_j w_j$ read nothing the centre's pass writes, so they join it
(:func:`~codegen.backends.numba_loops.fuse`).  The expanded form cancels where $|k|$ is large against the spread of
the row.  In float64 (the kernels' computing type) with unit roundoff $u = 2^{-53}$, first order,

.. math::

    \bigl|V' - \textstyle\sum_j a_j^2\bigr| \le (2n + 9)\,u\,W, \qquad W = \bigl(\sqrt{B} + |k|\sqrt{n}\bigr)^2,

(the roundings of $d_j$, $d_j^2$, of the sums $A$, $B$ over $n$ terms, of $k$, and of the three terms' sum, with
$|A| \le \sqrt{nB}$ and $\sqrt{V} \le \sqrt{W}$), and for a linear sum with weights $w_j$ that read no reduction,
$(n + 4)\,u\,\sqrt{\textstyle\sum_j w_j^2}\,\sqrt{W}$.  The kernel takes the one-pass values where

.. math:: \tau\, V' \ge 4(n + 4)\,u\,W, \qquad \tau = 2^{-30},

so the sum of squares is within $\tau$ of itself and every linear sum within $\tau\sqrt{V\sum_j w_j^2}$ (the
Cauchy-Schwarz bound of $|\sum_j w_j a_j|$, the scale in which the two-pass sum's own error is stated), both far below
a float32 ulp ($2^{-24}$ relative); elsewhere the row takes the two passes as written (:meth:`~codegen.backends.
numba_loops.LoopPrinter.one_pass_sum`).  With the shift an element of the row, $k^2 \le V$ and $B \le (n+1)V$, so
$W \le 4(n+1)V$: the guard holds on every row up to $n \approx 700$ and, at $n = 1024$, fails only where the first
element lies beyond about 22 standard deviations of the row (or on a NaN or an inf); where $u$ is not an input's
element the shift is 0 and a mean large against the spread fails it.  Only in float32 kernels: in float64 the
bound is far above an ulp whatever the row, and the two passes stay.  Float32 layer norm forward, 4096 x 1024, one
thread, kernel alone: 1.62 -> 1.45 ms at load 31.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from symbolic.functions import ReduceMax

ONE_PASS_TOLERANCE = sp.Rational(1, 2**30)
r"""$\tau$: the relative error the one-pass sum of squares may have (a float32 ulp is $2^{-24}$)."""
UNIT_ROUNDOFF = sp.Rational(1, 2**53)
"""Unit roundoff of float64, the type the kernels sum in."""

_REDUCTIONS = (sp.Sum, ReduceMax)
_J = sp.Dummy("j", integer=True)


@dataclass(frozen=True)
class CentredSum:
    r"""$\sum_{j=lo}^{hi} w_j (u_j + c)^p$ with $p \in \{1, 2\}$ ($w = 1$ where $p = 2$), $c$ a reduction of the row."""

    j: sp.Symbol
    lo: sp.Expr
    hi: sp.Expr
    u: sp.Expr
    c: sp.Expr
    power: int
    weight: sp.Expr

    @property
    def key(self):
        """The same $u$, $c$ and range: one shift, one $A$, $B$ and one guard."""
        return self.u.xreplace({self.j: _J}), self.c, self.lo, self.hi

    def sums(self, shift):
        r"""$A = \sum_j d_j$ and $B = \sum_j d_j^2$ with $d_j = u_j - s$, ``shift`` the symbol of $s$."""
        d = self.u - shift
        return sp.Sum(d, (self.j, self.lo, self.hi)), sp.Sum(d ** 2, (self.j, self.lo, self.hi))

    def expanded(self, shift, k):
        r"""The one-pass form over the symbols of $s$ and $k = s + c$: $B + 2kA + nk^2$, or
        $\sum_j w_j d_j + k\sum_j w_j$."""
        A, B = self.sums(shift)
        if self.power == 2:
            return B + 2 * k * A + (self.hi - self.lo + 1) * k ** 2
        return (sp.Sum(self.weight * (self.u - shift), (self.j, self.lo, self.hi))
                + k * sp.Sum(self.weight, (self.j, self.lo, self.hi)))

    def guard(self, shift, k):
        r"""$\tau V' \ge 4(n+4)\,u\,(\sqrt B + |k|\sqrt n)^2$: a relation, false for NaN."""
        A, B = self.sums(shift)
        n = self.hi - self.lo + 1
        return sp.GreaterThan(ONE_PASS_TOLERANCE * (B + 2 * k * A + n * k ** 2),
                              4 * (n + 4) * UNIT_ROUNDOFF * (sp.sqrt(B) + sp.Abs(k) * sp.sqrt(n)) ** 2,
                              evaluate=False)


def centred_sum(expr: sp.Sum) -> CentredSum | None:
    r"""``expr`` as a :class:`CentredSum`, or None: one limit; one factor $(u_j + c)^p$ whose terms with $j$ make $u$
    and whose others make $c$, which holds a reduction; $u$ and the other factors $w$ read no reduction."""
    if len(expr.limits) != 1:
        return None
    (j, lo, hi), = expr.limits
    found, weight = [], []
    for f in sp.Mul.make_args(expr.function):
        b, e = f.as_base_exp()
        if isinstance(b, sp.Add) and e in (1, 2):
            u = sp.Add(*[t for t in b.args if j in t.free_symbols])
            c = sp.Add(*[t for t in b.args if j not in t.free_symbols])
            if u != 0 and c.has(*_REDUCTIONS) and not u.has(*_REDUCTIONS):
                found.append((u, c, int(e)))
                continue
        weight.append(f)
    if len(found) != 1:
        return None
    (u, c, p), w = found[0], sp.Mul(*weight)
    if w.has(*_REDUCTIONS) or (p == 2 and w != 1):
        return None
    return CentredSum(j, lo, hi, u, c, p, w)
