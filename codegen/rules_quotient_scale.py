r"""A quotient of two polynomials of the same degree in a vector, both divided by a power of the vector's scale.

============================  =====================================================================
rule                          identity
============================  =====================================================================
``polynomial_quotient_scale`` $\frac{N(x)}{D(x)} = \frac{N(x)/M^{d}}{D(x)/M^{d}}$, $M = \max(1, \max_j |x_j|)$, $N$ and $D$ of degree $d$ in $x$
============================  =====================================================================

The Tversky ratio $\frac{\sum_i p_i t_i}{\sum_i p_i t_i + \alpha\sum_i p_i (1 - t_i) + \beta\sum_i (1 - p_i) t_i}$ at
$p, t \sim 10^{300}$ forms $\sum_i p_i t_i = \infty$ (inf/inf) where the ratio is about 1.  It is no homogeneous
function (``homogeneous_scale`` needs one: $1 - t_i$ is not), but numerator and denominator are both polynomials of
degree 1 in $p$ and 1 in $t$; dividing both by $M_p M_t$, the scale entering each factor of each product
($\frac{1 - t_i}{M_t} = \frac{1}{M_t} - \frac{t_i}{M_t}$), every factor is at most the sum of its coefficients'
magnitudes (with $M \ge 1$ a constant term divided by $M$ is at most itself), so no product overflows.  The floor 1
keeps $\frac{1}{M}$ finite for a tiny vector, where the quotient is left as it was (no worse than before).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from codegen.rules_homogeneous import _vector_axis
from symbolic.functions import ReduceMax


def polynomial_degree(e, base) -> int | None:
    """The degree of ``e`` as a polynomial in the entries of ``base`` (sums over an index count as sums), or None."""
    if isinstance(e, sp.Indexed):
        return 1 if e.base == base else (0 if not e.has(base) else None)
    if not e.has(base):
        return 0
    if isinstance(e, sp.Add):
        ds = [polynomial_degree(a, base) for a in e.args]
        return None if None in ds else max(ds)
    if isinstance(e, sp.Mul):
        ds = [polynomial_degree(a, base) for a in e.args]
        return None if None in ds else sum(ds)
    if isinstance(e, sp.Pow) and e.exp.is_Integer and e.exp > 0:
        d = polynomial_degree(e.base, base)
        return None if d is None else d * int(e.exp)
    if isinstance(e, sp.Sum) and not any(b.has(base) for lim in e.limits for b in lim[1:]):
        return polynomial_degree(e.function, base)
    return None


def _over(m, k):
    return sp.Pow(m, -k, evaluate=False) if k > 1 else sp.Pow(m, -1, evaluate=False)


def divided(e, base, m, d):
    r"""$e / M^{d}$ (``e`` of degree at most ``d`` in ``base``) with $M$ carried into every factor: an entry $x_i$ of
    degree 1 becomes $x_i / M$, a sum is divided term by term, a product factor by factor (each by its own degree, the
    rest of $d$ as a power of $M$ outside), a sum over an index in its summand."""
    if d == 0:
        return e
    k = polynomial_degree(e, base)
    if k == 0:
        return sp.Mul(e, _over(m, d), evaluate=False)
    if isinstance(e, sp.Indexed):
        entry = sp.UnevaluatedExpr(sp.Mul(e, sp.Pow(m, -1, evaluate=False), evaluate=False))
        return entry if d == 1 else sp.Mul(entry, _over(m, d - 1), evaluate=False)
    if isinstance(e, sp.Add):
        return sp.Add(*[divided(a, base, m, d) for a in e.args], evaluate=False)
    if isinstance(e, sp.Sum):
        return sp.Sum(divided(e.function, base, m, d), *e.limits)
    if isinstance(e, sp.Pow):
        inner = sp.Pow(divided(e.base, base, m, polynomial_degree(e.base, base)), e.exp, evaluate=False)
        return inner if k == d else sp.Mul(inner, _over(m, d - k), evaluate=False)
    factors = [divided(a, base, m, polynomial_degree(a, base)) for a in e.args]
    if k < d:
        factors.append(_over(m, d - k))
    return sp.Mul(*factors, evaluate=False)


_AXIS = sp.Dummy("s", integer=True)
"""The index of the max (one dummy for every use: the same vector gets the same scale, equal expressions stay equal)."""


def scale_of(base, lim):
    r"""$M = \max(\max_j |x_j|, 1)$ over the axis ``lim``."""
    return sp.Max(ReduceMax(sp.Abs(base[_AXIS]), (_AXIS, lim[1], lim[2])), sp.S.One)


def _split(e):
    """``(numerator, denominator)`` of the product ``e`` with one factor ``D**-1``, numerator and ``D`` each holding a
    sum, and no branch (a quotient another rule already divided in a chosen order is left as it is), else None."""
    if not isinstance(e, sp.Mul) or e.has(sp.Piecewise):
        return None
    dens = [f for f in e.args if isinstance(f, sp.Pow) and f.exp == -1 and f.base.has(sp.Sum)]
    if len(dens) != 1:
        return None
    num = sp.Mul(*[f for f in e.args if f is not dens[0] and not f.is_number])
    return (num, dens[0].base) if num.has(sp.Sum) else None


def _scalable(e):
    """``[(base, axis, d)]``: the vectors in which numerator and denominator of the quotient ``e`` are polynomials of
    one degree ``d >= 1``, summed over in the denominator, not yet scaled, and in which ``e`` is not homogeneous
    (``homogeneous_scale``'s case); an empty list where there are none."""
    from codegen.rules_homogeneous import degree

    parts = _split(e)
    if parts is None:
        return []
    num, den = parts
    out = []
    for base in sorted({a.base for a in e.atoms(sp.Indexed) if len(a.indices) == 1}, key=str):
        if any(m.has(base) for m in e.atoms(ReduceMax)):
            continue
        d = polynomial_degree(num, base)
        if not d or polynomial_degree(den, base) != d or degree(e, base) is not None:
            continue
        lim = _vector_axis(den, base)
        if lim is not None:
            out.append((base, lim, d))
    return out


def polynomial_quotient_scale(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{N}{D} \to \frac{N / \prod_x M_x^{d_x}}{D / \prod_x M_x^{d_x}}$ for every vector $x$ in which $N$ and $D$
    are polynomials of one degree $d_x$ (the module docstring), the scales carried into each factor."""
    def value(e):
        c = sp.Mul(*[f for f in e.args if f.is_number])
        num, den = _split(e)
        for base, lim, d in _scalable(e):
            m = scale_of(base, lim)
            num, den = divided(num, base, m, d), divided(den, base, m, d)
        quotient = sp.Mul(num, sp.Pow(den, -1, evaluate=False), evaluate=False)
        return quotient if c == 1 else sp.Mul(c, quotient, evaluate=False)

    def visit(e):  # top down: the whole quotient is scaled, its inner sums with it
        if e.is_Atom or isinstance(e, (sp.Indexed, ReduceMax)):
            return e
        if _scalable(e):
            return value(e)
        args = [visit(a) if isinstance(a, sp.Basic) else a for a in e.args]
        if all(x is y for x, y in zip(args, e.args)):
            return e
        # sympy's Abs and comparisons evaluate their arguments (and a comparison of a scaled root raises): kept as written
        kept = isinstance(e, (sp.Abs, sp.core.relational.Relational))
        try:
            return e.func(*args, evaluate=False) if kept else e.func(*args)
        except TypeError:  # a node that compares its scaled arguments (Max of a root of a square): left as it was
            return e

    return visit(expr)
