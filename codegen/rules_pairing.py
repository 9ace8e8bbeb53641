r"""A quotient whose numerator (or denominator) over- or underflows while the quotient does not, divided in an order
chosen at run time (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``paired_quotient``       $\frac{a\,b}{v} = \frac{a}{v}\,b = a\,\frac{b}{v}$ and $\frac{a}{v\,w} = \frac{a/v}{w} = \frac{a/w}{v}$; $u^2 B = u\,(u B)$
``quotient_into_sum``     $\frac{A + c\sum_i u_i v_i}{D} = \frac{A}{D} + c\sum_i \frac{u_i v_i}{D}$, each product divided as above ($D$ the product of every divisor, $\frac{u^2}{D} = u\,\frac{u}{D}$)
========================  =====================================================================

$\frac{(1 - t y)^2}{2\delta}$ at $1 - t y \approx 9 \cdot 10^{298}$, $\delta = 10^{300}$ (a Huberized hinge) squares to
$\infty$ where the truth is $4 \cdot 10^{297}$; $\frac{e^{x} - 1 - x}{x^2}$ at $x = -10^{300}$ divides $10^{300}$ by
$\infty$.  Divided in the right order every intermediate is within the range of the result: for $\frac{a b}{v}$ the
larger of $|a|, |b|$ is divided by $v$ when $|v| \ge 1$ and the smaller when $|v| < 1$ (the quotient then lies
between the two factors' magnitudes, and the product with the other factor overflows only where the result does);
for $\frac{a}{v w}$, $a$ is divided first by the larger of $|v|, |w|$ when $|a| \ge 1$, by the smaller otherwise.
A power $u^n$ ($n \ge 2$ an integer) counts as $u \cdot u^{n - 1}$.  Products of more factors are grouped as
$a = $ the first, $b = $ the rest.  Products with an exponential are left to ``log_space_product``.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.operations import LatticeOp
from sympy.logic.boolalg import BooleanFunction

from codegen.rebuild import pair, rebuilt, replace


def _ratio(a, v):
    """``a / v`` kept as one quotient (sympy would merge it into the enclosing product)."""
    return sp.Mul(a, sp.Pow(v, -1, evaluate=False), evaluate=False)


def _parts(e):
    """``(c, numerator factors, denominator factors)`` of the product ``e`` (integer powers split), else None."""
    if not isinstance(e, sp.Mul):
        return None
    c, num, den = sp.S.One, [], []
    for f in e.args:
        if f.is_number:
            c *= f
        elif isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp < 0:
            den += [f.base] * int(-f.exp)
        elif isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp >= 2:
            num += [f.base, sp.Pow(f.base, f.exp - 1)]
        else:
            num.append(f)
    if any(f.has(sp.exp, sp.cosh, sp.sinh) for f in num + den):
        return None
    if (len(num) >= 2 and len(den) == 1) or (len(num) == 1 and len(den) == 2):
        return c, num, den
    return None


def _magnitudes(*fs):
    r"""``|f|`` of each factor, or None where sympy cannot keep one of them real (a factor such as
    $\sqrt{1 - c^2}$ of a real $c$ is imaginary outside $|c| \le 1$, and its ``Abs`` unfolds into ``re``/``im``
    parts that no run-time comparison can take): the product is then left as written."""
    out = [sp.Abs(f) for f in fs]
    return None if any(m.is_extended_real is not True for m in out) else out


def paired(e) -> sp.Expr:
    r"""The product ``e`` divided in the order of the module docstring."""
    c, num, den = _parts(e)
    if len(den) == 1:
        (v,) = den
        a, b = num[0], sp.Mul(*num[1:])
        if a == b or (isinstance(b, sp.Pow) and b.base == a):  # u^n / v: u^{n-1} (u / v) in either case
            return sp.Mul(c, sp.Mul(b, _ratio(a, v), evaluate=False), evaluate=False)
        mags = _magnitudes(v, a, b)
        if mags is None:
            return e
        mv, ma, mb = mags
        first = sp.Or(sp.And(mv >= 1, ma >= mb), sp.And(mv < 1, ma < mb))
        return sp.Mul(c, sp.Piecewise(pair(sp.Mul(_ratio(a, v), b, evaluate=False), first),
                                      pair(sp.Mul(a, _ratio(b, v), evaluate=False), True)), evaluate=False)
    (a,), (v, w) = num, den
    if v == w:
        return sp.Mul(c, _ratio(_ratio(a, v), v), evaluate=False)
    mags = _magnitudes(a, v, w)
    if mags is None:
        return e
    ma, mv, mw = mags
    first = sp.Or(sp.And(ma >= 1, mv >= mw), sp.And(ma < 1, mv < mw))
    return sp.Mul(c, sp.Piecewise(pair(_ratio(_ratio(a, v), w), first), pair(_ratio(_ratio(a, w), v), True)),
                  evaluate=False)


def paired_quotient(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{a b}{v} \to \frac{a}{v} b$ or $a \frac{b}{v}$, $\frac{a}{v w} \to \frac{a/v}{w}$ or $\frac{a/w}{v}$,
    chosen by the magnitudes at run time (the module docstring); and $u^2 B \to u\,(u B)$ (:func:`split_square`)."""
    expr = replace(expr, lambda e: _parts(e) is not None, paired)
    return replace(expr, lambda e: _square_and_rest(e) is not None, split_square)


def _square_and_rest(e):
    """``(c, u, rest)`` where the product ``e`` is ``c u^2 rest``, ``u`` and ``rest`` not numbers and no quotient
    (those are :func:`paired`'s), else None."""
    if not isinstance(e, sp.Mul) or _parts(e) is not None:
        return None
    c = sp.Mul(*[f for f in e.args if f.is_number])
    others = [f for f in e.args if not f.is_number]
    for f in others:
        if isinstance(f, sp.Pow) and f.exp == 2 and not f.base.is_number and len(others) >= 2 \
                and not any(isinstance(g, sp.Pow) and g.exp.is_negative for g in others) \
                and not any(g.has(sp.exp, sp.cosh, sp.sinh) for g in others):
            return c, f.base, sp.Mul(*[g for g in others if g is not f])
    return None


def split_square(e) -> sp.Expr:
    r"""$c\,u^2 B \to c\,u\,(u B)$: where $u^2$ over- or underflows and $u^2 B$ does not, $|u B|$ is the geometric mean
    of $|u^2 B|$ and $|B|$, both in range (pseudo-Huber's $\delta^2 (\sqrt{A} - 1)$ at $\delta = 10^{-300}$,
    $\sqrt{A} \approx 10^{300}$: $\delta^2$ is 0, $\delta\,(\delta \sqrt{A})$ is right)."""
    c, u, rest = _square_and_rest(e)
    return sp.Mul(c, sp.Mul(u, sp.Mul(u, rest, evaluate=False), evaluate=False), evaluate=False)


# ** a quotient whose numerator holds a sum of products: the divisor taken into each product **


def _reciprocal(f) -> bool:
    return isinstance(f, sp.Pow) and f.exp == -1 and not f.base.is_number


def _product_sum(t):
    """``(c, Sum)`` where the term ``t`` is a number times a sum over one index of products, or of a selection
    between products (``Piecewise``: a sum this rule already divided), else None."""
    c, s = t.as_coeff_Mul() if isinstance(t, sp.Mul) else (sp.S.One, t)
    if not (isinstance(s, sp.Sum) and len(s.limits) == 1):
        return None
    return (c, s) if all(_is_product(b) for b in _branches(s.function)) else None


def _branches(e) -> list:
    """The values of the selection ``e`` (a ``Piecewise``), or ``[e]``."""
    return [b for b, _ in e.args] if isinstance(e, sp.Piecewise) else [e]


def _is_product(e) -> bool:
    return isinstance(e, sp.Mul) and len([f for f in e.args if not f.is_number]) >= 2


def _over(e, d):
    """``e / d`` with ``d`` kept as one factor (a product of divisors: their product is formed, not each quotient)."""
    return sp.Mul(*e.args, sp.Pow(d, -1, evaluate=False), evaluate=False) if isinstance(e, sp.Mul) \
        else sp.Mul(e, sp.Pow(d, -1, evaluate=False), evaluate=False)


def _divided(e, d):
    """``e / d`` in :func:`paired`'s order, each branch of a selection divided; None where a branch does not pair."""
    if isinstance(e, sp.Piecewise):
        parts = [_divided(b, d) for b, _ in e.args]
        if any(q is None for q in parts):
            return None
        return sp.Piecewise(*[pair(q, c) for q, (_, c) in zip(parts, e.args)])
    return paired(_over(e, d)) if _parts(_over(e, d)) is not None else None


def _sum_over_divisor(e):
    """``(numerator, divisor)``: ``e`` is ``N / D`` (a product with reciprocal factors ``1/D_k``, ``D`` their product)
    whose numerator ``N`` is, or is a sum holding, a number times a sum of products free of ``D``'s symbols in its
    index, else None."""
    if not isinstance(e, sp.Mul):
        return None
    dens = [f for f in e.args if _reciprocal(f)]
    if not dens:
        return None
    d = sp.Mul(*[f.base for f in dens])
    rest = [f for f in e.args if f not in dens]
    for f in rest:
        terms = f.args if isinstance(f, sp.Add) else (f,)
        sums = [s for c, s in filter(None, map(_product_sum, terms))]
        if sums and all(s.limits[0][0] not in d.free_symbols for s in sums) \
                and all(_divided(s.function, d) is not None for s in sums):
            return f, d
    return None


def _term_over(t, d):
    """The term ``t`` of a numerator divided by ``d``: into the sum (each product divided in :func:`paired`'s order)
    where ``t`` is a number times a sum of products; a product (a square $u^2$ as $u \frac{u}{d}$) in that order;
    else as one quotient."""
    found = _product_sum(t)
    if found is None:
        c, rest = t.as_coeff_Mul()
        q = _divided(rest, d) if isinstance(rest, (sp.Mul, sp.Pow)) else None
        return t / d if q is None else c * q
    c, s = found
    q = _divided(s.function, d)
    if isinstance(q, sp.Mul) and q.args[0].is_number:  # the number out of the sum (an unevaluated 1 * x would stay in it)
        k, *rest = q.args
        return c * k * sp.Sum(sp.Mul(*rest, evaluate=False) if len(rest) > 1 else rest[0], s.limits)
    return c * sp.Sum(q, s.limits)


def quotient_into_sum(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{A + c \sum_i u_i v_i}{D} \to \frac{A}{D} + c \sum_i \frac{u_i v_i}{D}$, each product divided in the
    order of :func:`paired` (the divisor is free of the summed index, so it enters the sum).  The Dice ratio
    $\frac{2\sum_i p_i t_i + s}{\sum_i p_i + \sum_i t_i + s}$ at $p, t \sim 10^{300}$ forms $\sum_i p_i t_i = \infty$
    where the ratio is about $10^{300}$; each $\frac{p_i}{D} t_i$ is finite wherever the ratio is.  Several divisors
    are taken as one ($D = W s$), and a product term of $A$ in the same order: the weighted MSE's w-gradient
    $\frac{(y_k - t_k)^2 - \sum_i w_i (y_i - t_i)^2 / W}{W}$ at $y, w \sim 10^{300}$ squared $10^{300}$ before
    dividing."""
    def value(e, num, d):
        rest = [f for f in e.args if f is not num and not _reciprocal(f)]
        terms = num.args if isinstance(num, sp.Add) else (num,)
        inner = sp.Add(*[_term_over(t, d) for t in terms])
        return sp.Mul(*rest, inner)

    def walk(e):  # bottom up, as ``replace``; an Abs around a rewritten quotient is kept as written (below)
        if e.is_Atom or isinstance(e, sp.Indexed):
            return e
        args = tuple(walk(a) if isinstance(a, sp.Basic) else a for a in e.args)
        if any(x is not y for x, y in zip(args, e.args)):
            # sympy's Abs and comparisons evaluate their arguments (an Abs against its conjugate), which merges the
            # unevaluated quotients of :func:`paired`; Abs then writes sqrt(x^2), which overflows where |x| does not.
            # A Piecewise, Max, Min, And or Or is rebuilt as written too: their evaluation compares every pair of
            # arguments and folds and distributes the conditions of nested selections (minutes of sympy on a
            # selected VJP), and each was already evaluated when it was first built
            kept = isinstance(e, (sp.Abs, sp.core.relational.Relational, sp.Piecewise, LatticeOp, BooleanFunction))
            e = rebuilt(e, args, evaluate=False) if kept else rebuilt(e, args)
        found = _sum_over_divisor(e)
        return e if found is None else value(e, *found)

    return walk(expr)
