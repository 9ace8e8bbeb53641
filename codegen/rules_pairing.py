r"""A quotient whose numerator (or denominator) over- or underflows while the quotient does not, divided in an order
chosen at run time (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``paired_quotient``       $\frac{a\,b}{v} = \frac{a}{v}\,b = a\,\frac{b}{v}$ and $\frac{a}{v\,w} = \frac{a/v}{w} = \frac{a/w}{v}$
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


def paired(e) -> sp.Expr:
    r"""The product ``e`` divided in the order of the module docstring."""
    c, num, den = _parts(e)
    if len(den) == 1:
        (v,) = den
        a, b = num[0], sp.Mul(*num[1:])
        if a == b or (isinstance(b, sp.Pow) and b.base == a):  # u^n / v: u^{n-1} (u / v) in either case
            return sp.Mul(c, sp.Mul(b, _ratio(a, v), evaluate=False), evaluate=False)
        first = sp.Or(sp.And(sp.Abs(v) >= 1, sp.Abs(a) >= sp.Abs(b)), sp.And(sp.Abs(v) < 1, sp.Abs(a) < sp.Abs(b)))
        return sp.Mul(c, sp.Piecewise((sp.Mul(_ratio(a, v), b, evaluate=False), first),
                                (sp.Mul(a, _ratio(b, v), evaluate=False), True)), evaluate=False)
    (a,), (v, w) = num, den
    if v == w:
        return sp.Mul(c, _ratio(_ratio(a, v), v), evaluate=False)
    first = sp.Or(sp.And(sp.Abs(a) >= 1, sp.Abs(v) >= sp.Abs(w)), sp.And(sp.Abs(a) < 1, sp.Abs(v) < sp.Abs(w)))
    return sp.Mul(c, sp.Piecewise((_ratio(_ratio(a, v), w), first), (_ratio(_ratio(a, w), v), True)), evaluate=False)


def paired_quotient(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{a b}{v} \to \frac{a}{v} b$ or $a \frac{b}{v}$, $\frac{a}{v w} \to \frac{a/v}{w}$ or $\frac{a/w}{v}$,
    chosen by the magnitudes at run time (the module docstring)."""
    return expr.replace(lambda e: _parts(e) is not None, paired)
