r"""The argument of a step, divided by the square of its largest factor (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``step_scale``            $H(v) = H(v / M^2)$ for $M > 0$: $v = c + \sum_j f_j g_j + \ldots$ with $f, g$ linear in the entries
========================  =====================================================================

The gradient of a hinge on squared distances (the triplet loss,
$\max(0, \sum_j (a_j - p_j)^2 - \sum_j (a_j - n_j)^2 + \alpha)$) multiplies by the step of the margin;
at $a, n \sim 10^{300}$ the sums overflow and their difference is $\infty - \infty$, so the step is taken of
nan.  Only the sign matters, and a positive factor keeps it: with $M$ the largest magnitude of the linear
factors $f_j, g_j$ of the sums, each factor is taken over $M$ (each product of two is then at most 1), and
each term free of the entries over $M^2$ (it overflows to $\pm\infty$ or underflows to 0 just where it
decides the sign or does not).  Each factor is divided term by term ($n_j/M - p_j/M$): as one quotient
$f_j/M$ the lowering would take $1/M$ out of the sum, $\sum_j f_j g_j / M^2$, and the products overflow again.
The rule fires on an argument that is a sum of terms each of degree 2 in the entries (a sum of products of
two linear factors, or of a square) or of degree 0.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ReduceMax

SMALLEST_NORMAL = sp.Float(2.2250738585072014e-308)
"""A floor for the scale: an argument whose factors are all 0 is not divided by 0."""
_AXIS = sp.Dummy("t", integer=True)


def _linear(f) -> bool:
    """``f`` is a sum of entries times factors free of the entries (degree 1), with at least one entry."""
    if not f.has(sp.Indexed):
        return False
    for t in sp.Add.make_args(f):
        held = [a for a in sp.Mul.make_args(t) if a.has(sp.Indexed)]
        if len(held) != 1 or not isinstance(held[0], sp.Indexed):
            return False
    return True


def _factors(term):
    """``(scale, k, [f, g], Sum)`` for ``term = scale * Sum(k f g)`` (or ``k f^2``) with ``f``, ``g`` linear,
    ``scale`` and ``k`` free of the entries; ``(term, 1, [], None)`` for a term free of them; else None."""
    if not term.has(sp.Indexed):
        return term, sp.S.One, [], None
    outer = [a for a in sp.Mul.make_args(term) if a.has(sp.Indexed)]
    if len(outer) != 1 or not isinstance(outer[0], sp.Sum) or len(outer[0].limits) != 1:
        return None
    s = outer[0]
    linear, k = [], []
    for a in sp.Mul.make_args(s.function):
        if not a.has(sp.Indexed):
            k.append(a)
        elif isinstance(a, sp.Pow) and a.exp == 2 and _linear(a.base):
            linear += [a.base, a.base]
        elif _linear(a):
            linear.append(a)
        else:
            return None
    if len(linear) != 2:
        return None
    return sp.Mul(*[a for a in sp.Mul.make_args(term) if a is not s]), sp.Mul(*k), linear, s


def _scaled(v):
    """``v`` with its linear factors over ``M`` and its entry-free terms over ``M^2`` (module docstring), else None."""
    parts = [_factors(t) for t in sp.Add.make_args(v)]
    if None in parts or not any(s is not None for *_, s in parts):
        return None
    maxima = []
    for _, _, linear, s in parts:
        for f in linear:
            j, lo, hi = s.limits[0]
            m = ReduceMax(sp.Abs(f.xreplace({j: _AXIS})), (_AXIS, lo, hi))
            if m not in maxima:
                maxima.append(m)
    big = sp.Max(*maxima, SMALLEST_NORMAL)
    out = []
    for scale, k, linear, s in parts:
        if s is None:
            out.append(scale / big / big)
            continue
        f, g = (sp.Add(*[t / big for t in sp.Add.make_args(x)]) for x in linear)  # term by term (docstring)
        out.append(scale * sp.Sum(k * f * g, *s.limits))
    return sp.Add(*out)


def step_scale(expr: sp.Expr) -> sp.Expr:
    r"""$H(v) \to H(v / M^2)$ with the division carried into the sums' factors (module docstring)."""
    def value(e):
        return sp.Heaviside(_scaled(e.args[0]), *e.args[1:])

    return expr.replace(lambda e: isinstance(e, sp.Heaviside) and not e.has(ReduceMax) and _scaled(e.args[0]) is not None,
                        value)
