r"""Rewrites against cancellation and spurious overflow, used by the rules of :mod:`codegen.rules`.

========================  =====================================================================
rewrite                   identity
========================  =====================================================================
``one_minus_sigmoid``     $c - c\,\frac{1}{1 + e^{a}} = c\,\frac{1}{1 + e^{-a}}$ ($1 - \sigma(x) = \sigma(-x)$)
``difference_of_squares`` $k\sum_j u_j^2 - k\sum_j v_j^2 = k\sum_j (u_j - v_j)(u_j + v_j)$
``shift_collect``         $c\,a - c\,m = c\,(a - m)$ for a max-shift $m$
``exp_absorb``            $e^{v}(c + e^{w}) = c\,e^{v} + e^{v + w}$ where $v + w$ cancels
``logistic_of_exp``       $\frac{e^{u}}{(1 + e^{u})^2} = \frac{1}{1 + e^{-u}} \cdot \frac{1}{1 + e^{u}}$ and $\frac{e^{u}}{1 + e^{u}} = \frac{1}{1 + e^{-u}}$
========================  =====================================================================

Each is a function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the
registry, which gives each one its priority and the id of the identity it rests on.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p

from symbolic.functions import Held, ReduceMax


# ** 1 - sigma(x) = sigma(-x) **


def _sigmoid_exponent(t):
    r"""``a`` where ``t`` is $1/(1 + e^{a})$, else None."""
    if isinstance(t, sp.Pow) and t.exp == -1 and isinstance(t.base, sp.Add) and len(t.base.args) == 2 \
            and sp.S.One in t.base.args:
        e = next(a for a in t.base.args if a != sp.S.One)
        if isinstance(e, sp.exp):
            return e.args[0]
    return None


def _complement_pair(e):
    """``(n, m, c, a)``: term ``n`` is a number ``c``, term ``m`` is ``-c/(1 + e^{a})``."""
    terms = e.args
    for n, c in enumerate(terms):
        if not c.is_number or c == 0:
            continue
        for m, t in enumerate(terms):
            if m == n:
                continue
            k, s = t.as_independent(sp.exp, as_Add=False)
            a = _sigmoid_exponent(s)
            if a is not None and k.is_number and sp.simplify(k + c) == 0:
                return n, m, c, a
    return None


def one_minus_sigmoid(expr: sp.Expr) -> sp.Expr:
    r"""$c\,(1 - \sigma(-a)) = c\,\sigma(a)$: $1 - \frac{1}{1 + e^{a}}$ rounds to 0 for $a < -37$
    (and to 1 when the truth is tiny), $\frac{1}{1 + e^{-a}}$ keeps every digit."""
    def value(e):
        n, m, c, a = _complement_pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) + c * sp.Pow(1 + sp.exp(-a), -1)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _complement_pair(e) is not None, value)


def _constant_minus_extremum(e):
    """``(c, k, f)`` where ``e`` is ``c + k f``, ``c`` a nonzero number, ``k`` a negative number and ``f`` a max or min,
    else None."""
    if not isinstance(e, sp.Add) or len(e.args) != 2:
        return None
    c, t = sorted(e.args, key=lambda a: not a.is_number)
    if not c.is_number or c == 0:
        return None
    k, f = t.as_independent(sp.Max, sp.Min, as_Add=False)
    return (c, k, f) if k.is_number and k.is_negative and isinstance(f, (sp.Max, sp.Min)) else None


def constant_minus_max(expr: sp.Expr) -> sp.Expr:
    r"""$c - k\max(a, b) = \min(c - k a, c - k b)$ and $c - k\min(a, b) = \max(c - k a, c - k b)$ for $k > 0$: the
    difference goes into each argument, where the other rules see it ($1 - \max(\sigma(z) - m, 0)$ of the asymmetric
    loss is $\min(1 - \sigma(z) + m, 1)$, and ``one_minus_sigmoid`` makes $1 - \sigma(z)$ exact: at $z = 10^{300}$,
    $m = 10^{-300}$ the maximum rounds to 1, the difference to 0 and its log to $-\infty$, truth $\log 10^{-300}$)."""
    def value(e):
        c, k, f = _constant_minus_extremum(e)
        other = sp.Min if isinstance(f, sp.Max) else sp.Max
        return other(*[c + k * a for a in f.args], evaluate=False)

    return expr.replace(lambda e: _constant_minus_extremum(e) is not None, value)


# ** differences of sums of squares **


def _sum_of_squares(t):
    """``(k, u, limits)`` for ``t = k * Sum(u**2, limits)`` with ``k`` a number, else None."""
    k, s = t.as_independent(sp.Sum, as_Add=False)
    if (k.is_number and isinstance(s, sp.Sum) and isinstance(s.function, sp.Pow) and s.function.exp == 2
            and not s.function.base.is_number):
        return k, s.function.base, s.limits
    return None


def _square_pair(e):
    terms = e.args
    parts = [_sum_of_squares(t) for t in terms]
    for n, p in enumerate(parts):
        if p is None or not p[0].is_positive:
            continue
        for m, q in enumerate(parts):
            if q is not None and m != n and q[2] == p[2] and sp.simplify(q[0] + p[0]) == 0:
                return n, m, p[0], p[1], q[1], p[2]
    return None


def difference_of_squares(expr: sp.Expr) -> sp.Expr:
    r"""$k\sum_j u_j^2 - k\sum_j v_j^2 = k\sum_j (u_j - v_j)(u_j + v_j)$: the two sums agree in their
    leading digits when $u \approx v$ (a triplet loss whose anchor is far from both), the factored
    form subtracts before it squares (and $u_j - v_j$ often simplifies, $(a - p) - (a - n) = n - p$)."""
    def value(e):
        n, m, k, u, v, limits = _square_pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) + k * sp.Sum((u - v) * (u + v), *limits)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _square_pair(e) is not None, value)


# ** a scale shared by a term and a max-shift **


class HeldDifference(Held):
    r"""$a - M$ held as one node (a :class:`~symbolic.functions.Held`, real where $a - M$ is, so that rules comparing it
    with 0 still apply); released before differentiation like every ``UnevaluatedExpr``."""


def _shift_pair(e, alone: bool = False, scalars: bool = False):
    """``(n, m, c, a, M)``: term ``m`` is ``-c*M`` with ``M`` holding a ``ReduceMax``, term ``n`` is ``c*a``; for a
    numeric scale ``c`` (1 included), only where ``a`` is an entry of the very maximum ``M`` (:func:`_entry_of_max`)
    and the sum has another input (:func:`_inputs`; or ``alone``: what is left of one after its other pairs were taken).
    With ``scalars``, also ``M`` a maximum of scalars and ``a`` one of its arguments (a numeric ``c``)."""
    terms = e.args
    for m, t in enumerate(terms):
        factors = sp.Mul.make_args(-t)
        shifts = [f for f in factors if f.has(ReduceMax) or isinstance(f, sp.Max)]
        if len(shifts) != 1:
            continue
        big = shifts[0]
        scale = [f for f in factors if f is not big]
        numeric = all(f.is_number for f in scale)
        if isinstance(big, sp.Max) and not big.has(ReduceMax):  # a shift of scalars (log_add_exp's): a - M with a one
            if not (numeric and scalars):  # of its arguments, never formed by the lowering on its own
                continue
            for n, u in enumerate(terms):
                if n != m and not u.has(sp.Max) and u / sp.Mul(*scale) in big.args:
                    return n, m, sp.Mul(*scale), u / sp.Mul(*scale), big
            continue
        if numeric and ((_inputs(terms) < 2 and not alone) or not isinstance(big, ReduceMax)):
            continue
        c = sp.Mul(*scale)
        for n, u in enumerate(terms):
            if n == m or u.has(ReduceMax):
                continue
            a = u / c
            if numeric:
                if _entry_of_max(a, big):
                    return n, m, c, a, big
                continue
            if not any(a.has(f) for f in scale if not f.is_number) and sp.Mul(c, a) == u:
                return n, m, c, a, big
    return None


def _inputs(terms) -> int:
    r"""How many of ``terms`` are an input (a symbol or an entry, up to sign): with one, the lowering forms it with its
    shift first already ($z_i - m - \log s$); with two ($a_i - \max_j a_j + \max_j b_j - b_i + \dots$) it adds the
    two inputs first."""
    return sum(isinstance(-t if t.could_extract_minus_sign() else t, (sp.Indexed, sp.Symbol)) for t in terms)


def _entry_of_max(a, big) -> bool:
    r"""``a`` is the maximised function of ``big`` $= \max_j f_j$ at some index ($a_i$ against $\max_j a_j$): their
    difference is at most 0 and exact where they are close, while in a longer sum ($a_i + L_b - b_i - \max_j a_j$ of
    a KL between two softmaxes) the large $a_i$ would first absorb the small terms."""
    j = big.limits[0][0]
    f = big.function
    return len(big.limits) == 1 and any(f.xreplace({j: k}) == a for k in a.free_symbols if getattr(k, "is_integer", False))


def shift_collect(expr: sp.Expr, scalars: bool = False) -> sp.Expr:
    r"""$c\,a - c\,m = c\,(a - m)$ for a max-shift $m$ (the logit $a = s_1$ of InfoNCE at temperature
    $c = 1/\tau$): $c\,a$ and $c\,m$ overflow where $c\,(a - m)$ is finite, and subtracting the two
    large products first loses what the log adds to them.  With ``scalars``, also the shift $m = \max_k a_k$ of a
    log-add-exp of scalars (``log_add_near_top`` asks for it)."""
    def value(e):
        groups, rest = [], e
        while isinstance(rest, sp.Add) and (pair := _shift_pair(rest, bool(groups), scalars)) is not None:
            n, m, c, a, big = pair
            rest = sp.Add(*[t for q, t in enumerate(rest.args) if q not in (n, m)])
            # a numeric scale would be distributed over a - M when the lowering renames an index (xreplace evaluates
            # the product again): the difference is held unevaluated instead
            groups.append(sp.Mul(c, a - big, evaluate=False) if not c.is_number else c * HeldDifference(a - big))
        return sp.Add(rest, *groups)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _shift_pair(e, False, scalars) is not None, value)


# ** log-sum-exp whose largest term dominates **


def _is_shifted_exp_sum(e):
    return (isinstance(e, sp.Sum) and isinstance(e.function, sp.exp) and len(e.limits) == 1
            and e.function.args[0].has(ReduceMax))


def others_of_shifted_sum(s: sp.Sum) -> sp.Expr:
    r"""$\sum_j e^{h_j} - 1$ for max-shifted $h_j \le 0$ (one of them is 0), without the cancellation:
    $\sum_j [h_j < 0]\, e^{h_j} + (\#\{j : h_j = 0\} - 1)$, the count an exact integer.

    The count is at least 1; $\max(\# - 1, 0)$ keeps $\# - 1$ a node of its own, so that it is formed
    before the small terms are added (sympy would flatten $s + (\# - 1)$ and the lowering add $s + \#$ first).
    """
    h = s.function.args[0]
    below = sp.Sum(sp.Piecewise((sp.exp(h), h < 0), (0, True)), *s.limits)
    ties = sp.Sum(sp.Piecewise((1, h >= 0), (0, True)), *s.limits)
    return below + sp.Max(ties - 1, 0)


def logsumexp_log1p(expr: sp.Expr) -> sp.Expr:
    r"""$\log \sum_j e^{h_j} = \operatorname{log1p}\bigl(\sum_j [h_j < 0]\, e^{h_j} + \#\{h_j = 0\} - 1\bigr)$
    for max-shifted $h_j$: where the largest term dominates ($z = (40, 0)$) the sum rounds to 1 and
    its log to 0, while the truth is $e^{-40}$ (cross entropy of a confident, correct prediction)."""
    return expr.replace(lambda e: isinstance(e, sp.log) and _is_shifted_exp_sum(e.args[0]),
                        lambda e: log1p(others_of_shifted_sum(e.args[0])))


# ** e^{u} / (1 + e^{u})^k: the logistic function and its derivative **


def _exp_over_one_plus_exp(e):
    """``(n, m, u, k)``: factor ``n`` of the product ``e`` is ``exp(u)``, factor ``m`` is ``(1 + exp(u))**-k``, k in {1, 2}."""
    if not isinstance(e, sp.Mul):
        return None
    factors = e.args
    for n, f in enumerate(factors):
        if not isinstance(f, sp.exp):
            continue
        u = f.args[0]
        for m, d in enumerate(factors):
            if (isinstance(d, sp.Pow) and d.exp in (-1, -2) and isinstance(d.base, sp.Add)
                    and set(d.base.args) == {sp.S.One, f}):
                return n, m, u, -d.exp
    return None


def logistic_of_exp(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{e^{u}}{1 + e^{u}} = \sigma(u)$ and $\frac{e^{u}}{(1 + e^{u})^2} = \sigma(u)\,\sigma(-u)$ with
    $\sigma(v) = \frac{1}{1 + e^{-v}}$ (which ``sigmoid_stable`` then evaluates from $e^{-|v|}$):
    for $u > 709$ the left-hand sides are inf/inf (the derivative of $\log\sigma$, of a Bernoulli KL)."""
    def value(e):
        n, m, u, k = _exp_over_one_plus_exp(e)
        rest = [f for q, f in enumerate(e.args) if q not in (n, m)]
        out = sp.Pow(1 + sp.exp(-u), -1)
        if k == 2:
            out = out * sp.Pow(1 + sp.exp(u), -1)
        return sp.Mul(*rest) * out

    return expr.replace(lambda e: _exp_over_one_plus_exp(e) is not None, value)


def _weighted_exp_over_one_plus(e):
    """``(picked, c, u)``: the product ``e`` holds ``c``, ``exp(u)`` and ``(1 + c exp(u))**-2``, ``c`` a product of
    factors of ``e`` free of exponentials (a scale such as $n$ in $n e^{-s}$; ``picked`` the positions of the three),
    else None."""
    if not isinstance(e, sp.Mul):
        return None
    factors = e.args
    for m, d in enumerate(factors):
        if not (isinstance(d, sp.Pow) and d.exp == -2 and isinstance(d.base, sp.Add) and len(d.base.args) == 2
                and sp.S.One in d.base.args):
            continue
        term = next(t for t in d.base.args if t is not sp.S.One)
        exps = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.exp)]
        scale = [f for f in sp.Mul.make_args(term) if not isinstance(f, sp.exp)]
        if len(exps) != 1 or not scale or any(f.has(sp.exp) or f.is_number for f in scale):
            continue
        picked = []
        for f in (*scale, exps[0]):
            at = next((q for q, a in enumerate(factors) if a == f and q != m and q not in picked), None)
            if at is None:
                break
            picked.append(at)
        else:
            return (*picked, m), sp.Mul(*scale), exps[0].args[0]
    return None


def weighted_logistic_of_exp(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{c\,e^{u}}{(1 + c\,e^{u})^2} = \sigma(v)\,\sigma(-v) = \frac{e^{-|v|}}{(1 + e^{-|v|})^2}$, $v = u + \log c$,
    for a scale $c > 0$ (under a ``where`` on $c > 0$ when sympy does not know its sign; $e^{-|v|}$ keeps sympy from
    folding $e^{u + \log c}$ back into $c\,e^{u}$): the gradient of sigmoid attention $\frac{1}{1 + n e^{-s}}$ is
    $\frac{n e^{-s}}{(1 + n e^{-s})^2}$, inf/inf at $s = -10^{300}$ where the truth is 0."""
    def value(e):
        picked, c, u = _weighted_exp_over_one_plus(e)
        rest = [f for q, f in enumerate(e.args) if q not in picked]
        small = sp.exp(-sp.Abs(u + sp.log(sp.Abs(c))))
        return sp.Piecewise((sp.Mul(*rest) * small * sp.Pow(1 + small, -2), c > 0), (e, True))

    return expr.replace(lambda e: _weighted_exp_over_one_plus(e) is not None, value)


def logistic_in_log(expr: sp.Expr) -> sp.Expr:
    r"""$\log\frac{e^{u}}{1 + e^{u}} = \log\frac{1}{1 + e^{-u}}$ (``logistic_of_exp`` on the argument of a log only, before
    the log-sigmoid rules, which then write it $-\operatorname{sp}(-u)$): the probability of the other class written
    $\frac{e^{-z}}{1 + e^{-z}}$ (a Bernoulli entropy, a soft-margin loss) has its log split otherwise into
    $-z - \operatorname{sp}(-z)$, whose two terms of $10^{2}$ cancel to 0 at $z = -100$ where the truth is $-e^{-100}$."""
    return expr.replace(lambda e: isinstance(e, sp.log) and _exp_over_one_plus_exp(e.args[0]) is not None,
                        lambda e: sp.log(logistic_of_exp(e.args[0])))


# ** e^{v} (c + e^{w}) = c e^{v} + e^{v + w} where v + w cancels **


def _cancels(v, s, depth=3) -> bool:
    """``s`` holds, through sums and products (``depth`` levels), an ``exp(w)`` whose exponent partly cancels ``v``."""
    if isinstance(s, sp.exp):
        both = v + s.args[0]
        return both.is_number or sp.count_ops(both) < sp.count_ops(s.args[0])
    if depth and isinstance(s, (sp.Add, sp.Mul)):
        return any(_cancels(v, a, depth - 1) for a in s.args)
    return False


def _absorbed(e):
    """``(n, m)``: factor ``n`` of the product ``e`` is ``exp(v)``, factor ``m`` a sum holding an ``exp(w)``
    in which ``v + w`` is a number or shorter than ``w`` (the two exponentials partly cancel)."""
    if not isinstance(e, sp.Mul):
        return None
    for n, f in enumerate(e.args):
        if not isinstance(f, sp.exp) or f.args[0].is_number:
            continue
        for m, s in enumerate(e.args):
            if m != n and isinstance(s, sp.Add) and _cancels(f.args[0], s):
                return n, m
    return None


def exp_absorb(expr: sp.Expr) -> sp.Expr:
    r"""$e^{v} (c + e^{w}) = c\,e^{v} + e^{v + w}$ where $v + w$ cancels ($(1 + e^{b}) e^{-b} = 1 + e^{-b}$,
    the inverse of a complementary sigmoid times its derivative): for $b > 709$ the product is
    $\infty \cdot 0$ (nan), the sum is finite (the gradient of a Bernoulli KL or a focal loss)."""
    def value(e):
        n, m = _absorbed(e)
        rest = [f for q, f in enumerate(e.args) if q not in (n, m)]
        return sp.Mul(*rest) * sp.Add(*[exp_absorb(t * e.args[n]) for t in e.args[m].args])

    return expr.replace(lambda e: _absorbed(e) is not None, value)
