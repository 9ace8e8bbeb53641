r"""A difference of two sigmoids, without the cancellation of their values (:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``sigmoid_difference``    $\sigma(a) - \sigma(b) = \operatorname{sign}(a - b)\,\frac{e^{-m}\,(-\operatorname{expm1}(-|a - b|))}{(1 + e^{-|a|})(1 + e^{-|b|})}$, $m = \max(0, \min(a, b), -\max(a, b))$
========================  =====================================================================

$\sigma(a) - \sigma(b) = \frac{e^{a} - e^{b}}{(1 + e^{a})(1 + e^{b})} = \frac{\sinh\frac{a - b}{2}}{2\cosh\frac{a}{2}
\cosh\frac{b}{2}}$; with $2\cosh\frac{u}{2} = e^{|u|/2}(1 + e^{-|u|})$ and $2\sinh|d| = e^{|d|}(-\operatorname{expm1}(-2|d|))$,
$d = \frac{a - b}{2}$, the exponentials leave $e^{|d| - (|a| + |b|)/2} = e^{-m}$ ($m$ the smaller magnitude where $a$
and $b$ have one sign, else 0), at most 1: nothing overflows, and $a - b$ is simplified symbolically before it is
rounded.  The gradient of a symmetrised softplus $\log(1 + e^{r - \epsilon}) + \log(1 + e^{-r - \epsilon})$ is
$\sigma(r - \epsilon) - \sigma(-r - \epsilon)$: at $r = 10^{-300}$ both round to the same number and the difference to
0, where the truth is $2r\,\sigma(-\epsilon)^2 e^{\epsilon}$ to first order (here $a - b = 2r$ exactly); the mass of a
logistic bin $\sigma(\frac{x - c + w}{s}) - \sigma(\frac{x - c}{s})$ in a tail the same.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1


def _sigmoid_term(t):
    r"""``(c, a)`` where the term ``t`` is $c\,\sigma(a)$ written $\frac{c}{1 + e^{-a}}$ or $\frac{c\,e^{a}}{1 + e^{a}}$
    ($c$ the other factors, free of exponentials), else None."""
    factors = sp.Mul.make_args(t)
    for f in factors:
        if (isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.Add) and len(f.base.args) == 2
                and sp.S.One in f.base.args):
            e = next(u for u in f.base.args if u is not sp.S.One)
            if not isinstance(e, sp.exp):
                continue
            rest = [g for g in factors if g is not f]
            if e in rest:  # e^a / (1 + e^a)
                rest.remove(e)
                a = e.args[0]
            else:
                a = -e.args[0]
            rest = sp.Mul(*rest)
            return (rest, a) if not rest.has(sp.exp) else None
    return None


def sigmoid_difference_value(a, b):
    r"""$\sigma(a) - \sigma(b)$ in the form of the module docstring."""
    m = sp.Max(0, sp.Min(a, b), -sp.Max(a, b))
    d = a - b
    return (sp.sign(d) * sp.exp(-m) * -expm1(-sp.Abs(d))
            / ((1 + sp.exp(-sp.Abs(a))) * (1 + sp.exp(-sp.Abs(b)))))


def sigmoid_difference(expr: sp.Expr) -> sp.Expr:
    r"""In every sum, $c\,\sigma(a) - c\,\sigma(b)$ (two terms whose weights are opposite) as $c$ times
    :func:`sigmoid_difference_value`, the pair taken once; other terms stay."""
    def rewrite(e):
        terms = list(e.args)
        parts = [_sigmoid_term(t) for t in terms]
        for p, first in enumerate(parts):
            if first is None:
                continue
            for q in range(p + 1, len(parts)):
                second = parts[q]
                if second is None:
                    continue
                if sp.expand(first[0] + second[0]) != 0 or first[1] == second[1]:
                    continue
                pair = first[0] * sigmoid_difference_value(first[1], second[1])
                rest = [t for n, t in enumerate(terms) if n not in (p, q)]
                return sp.Add(pair, *rest)
        return None

    def query(e):
        return isinstance(e, sp.Add) and rewrite(e) is not None

    return expr.replace(query, rewrite)
