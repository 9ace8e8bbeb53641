r"""A positive quantity times a log: $x \log y = 0$ where $x$ rounds to $0$, when the limit says so.

$x \log y \to \begin{cases} x \log y & x > 0 \\ 0 & \text{otherwise}\end{cases}$ (scipy's ``xlogy``) for $x > 0$ for
every real input (an exponential, a softmax), where $x$ underflows to $0$ in floating point while $\log y$ is
$-\infty$ or huge: $p_i \log\frac{p_i}{m_i}$ with $p_i$ and $m_i = \frac{p_i + q_i}{2}$ both underflowed is
$0 \cdot \infty$ (the Jensen-Shannon divergence between two softmaxes at logits $\sim 10^{300}$), the truth about
$10^{-10^{300}}$.  Exact in real arithmetic (both branches agree for $x > 0$, and $x > 0$ always); the gain rests on
the side condition, proved by interval bounds (:func:`bounds`): $y \le C$ and $y / x \ge c > 0$, so that
$|x \log y| \le x\,(|\log x| + |\log c| + |\log C|) \to 0$ as $x \to 0$: where the computed $x$ is $0$ the true
$x < 2^{-1074}$ and the true product is below every normal float64.  The facts the bounds use: an exponential and a
sum of them are positive, and a part over a whole is at most its coefficient
($0 \le \frac{c\,t}{t + \sum_k s_k} \le c$ for $t, s_k \ge 0$; $\frac{e^{z_i}}{\sum_j e^{z_j}} \le 1$ with $i$ in the
range of $j$), so that $\frac{2 p}{p + q} \le 2$ and $\frac{2}{p + q} \ge 1$ for softmaxes $p$, $q$.
"""
from __future__ import annotations

import sympy as sp
EVERYTHING = (-sp.oo, sp.oo)
"""An interval ``(lo, hi)`` of sympy numbers, infinities included: every real."""


def positive(e: sp.Expr, ranges: dict) -> bool:
    """``e > 0`` for every real input: sympy's assumptions, an exponential, a non-empty sum, product or power of
    positive terms."""
    if e.is_positive:
        return True
    if isinstance(e, sp.exp):
        return bool(e.args[0].is_extended_real)
    if isinstance(e, (sp.Add, sp.Mul)):
        return all(positive(a, ranges) for a in e.args)
    if isinstance(e, sp.Pow):
        return e.exp.is_real is True and positive(e.base, ranges)
    if isinstance(e, sp.Sum) and len(e.limits) == 1:
        j, lo, hi = e.limits[0]
        return (hi - lo).is_nonnegative is True and positive(e.function, {**ranges, j: (lo, hi)})
    return False


def bounds(e: sp.Expr, ranges: dict) -> tuple:
    """An interval ``(lo, hi)`` holding every value of ``e`` (``ranges``: index -> (lo, hi) of the sums around it)."""
    if e.is_number:
        return (e, e) if e.is_real else EVERYTHING
    part = _part_over_whole(e, ranges)
    if part is not None:
        return part
    if isinstance(e, (sp.Add, sp.Mul)):
        out = bounds(e.args[0], ranges)
        for a in e.args[1:]:
            b = bounds(a, ranges)
            out = (out[0] + b[0], out[1] + b[1]) if isinstance(e, sp.Add) else _times(out, b)
            if sp.nan in out:
                return EVERYTHING
        return out
    if isinstance(e, sp.Pow) and e.exp.is_number and e.exp.is_real:
        lo, hi = bounds(e.base, ranges)
        if lo >= 0:
            ends = sorted([_power(lo, e.exp), _power(hi, e.exp)], key=lambda v: float(v))
            return (ends[0], ends[1])
        return EVERYTHING
    if positive(e, ranges):
        return (sp.Integer(0), sp.oo)
    return EVERYTHING


def _power(v, k):
    """``v ** k`` for ``v >= 0`` (an infinity included): ``0 ** -1`` is ``oo``, ``oo ** -1`` is 0."""
    if v == 0:
        return sp.oo if k < 0 else (sp.Integer(1) if k == 0 else sp.Integer(0))
    if v == sp.oo:
        return sp.Integer(0) if k < 0 else (sp.Integer(1) if k == 0 else sp.oo)
    return v ** k


def _times(a: tuple, b: tuple) -> tuple:
    """The product of two intervals of non-negative numbers (a bound of 0 times one of oo taken as 0 below and oo
    above); a number times an interval; else everything."""
    if a[0] >= 0 and b[0] >= 0:
        hi = sp.oo if sp.oo in (a[1], b[1]) and 0 not in (a[1], b[1]) else a[1] * b[1]
        return (a[0] * b[0] if sp.oo not in (a[0], b[0]) else sp.oo, hi)
    for n, other in ((a, b), (b, a)):
        if n[0] == n[1] and n[0].is_finite:
            ends = sorted([n[0] * other[0], n[0] * other[1]], key=lambda v: float(v))
            return (ends[0], ends[1])
    return EVERYTHING


def _part_over_whole(e: sp.Expr, ranges: dict) -> tuple | None:
    r"""$[0, c]$ for $e = \frac{c\,t}{W}$: $W$ a sum of non-negative terms one of which is $t \ge 0$ (an ``Add``), or
    a ``Sum`` over $j$ of a non-negative summand that is $t$ at $j = i$, $i$ an index of an enclosing sum with the
    same range; $c > 0$ a number."""
    if not isinstance(e, sp.Mul):
        return None
    for f in e.args:
        if not (isinstance(f, sp.Pow) and f.exp == -1):
            continue
        whole, rest = f.base, e / f
        for t in _parts(whole, ranges):
            c = rest / t
            if c.is_number and c.is_positive:
                return (sp.Integer(0), c)
    return None


def _parts(whole: sp.Expr, ranges: dict) -> list:
    """The terms ``t`` with ``0 <= t <= whole`` (every term of ``whole`` non-negative)."""
    if isinstance(whole, sp.Add):
        terms = whole.args
        if all(bounds(t, ranges)[0] >= 0 for t in terms):
            return list(terms)
        return []
    if isinstance(whole, sp.Sum) and len(whole.limits) == 1:
        j, lo, hi = whole.limits[0]
        if not bounds(whole.function, {**ranges, j: (lo, hi)})[0] >= 0:
            return []
        return [whole.function.xreplace({j: i}) for i, r in ranges.items() if r == (lo, hi)]
    return []


def _log_factor(m: sp.Mul):
    """``(x, log y)``: the one log factor of the product ``m`` and the product ``x`` of its non-number factors
    besides it, or None."""
    logs = [a for a in m.args if isinstance(a, sp.log)]
    if len(logs) != 1:
        return None
    x = sp.Mul(*[a for a in m.args if a is not logs[0] and not a.is_number])
    return (x, logs[0]) if x != 1 else None


def vanishes_with(x: sp.Expr, y: sp.Expr, ranges: dict) -> bool:
    r"""$x > 0$, $y \le C$ and $y / x \ge c > 0$: $x \log y \to 0$ as $x \to 0$."""
    if not positive(x, ranges):
        return False
    return bounds(y, ranges)[1] < sp.oo and bounds(y / x, ranges)[0] > 0


def zero_times_log(expr: sp.Expr, ranges: dict | None = None) -> sp.Expr:
    r"""Every product $k\,x \log y$ with :func:`vanishes_with` as $\begin{cases} k\,x\log y & x > 0 \\ 0 &
    \text{otherwise}\end{cases}$, inside sums too (their indices' ranges known to the bounds)."""
    ranges = ranges or {}
    if not expr.args or not expr.has(sp.log):
        return expr
    if isinstance(expr, sp.Sum) and len(expr.limits) == 1:
        j, lo, hi = expr.limits[0]
        return expr.func(zero_times_log(expr.function, {**ranges, j: (lo, hi)}), *expr.limits)
    if isinstance(expr, sp.Mul):
        found = _log_factor(expr)
        if found is not None and vanishes_with(found[0], found[1].args[0], ranges):
            # the condition holds x unevaluated: sympy knows x > 0 and would drop the branch (the point is where the
            # computed x is 0); the other rules still rewrite x inside it, so the condition tests the stable x
            return sp.Piecewise((expr, sp.UnevaluatedExpr(found[0]) > 0), (0, True))
    if isinstance(expr, (sp.Add, sp.Mul)):
        return expr.func(*[zero_times_log(a, ranges) for a in expr.args])
    return expr
