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

Where no vector on its own has one degree in both (the Dice ratio $\frac{2\sum_i p_i t_i + \epsilon}{\sum_i p_i^2 +
\sum_i t_i^2 + \epsilon}$: degree 1 in $p$ above, 2 below), the vectors are taken together: $N$ and $D$ of one total
degree $d$ in the entries of every vector of the quotient are both divided by $M^{d}$, $M = \max(1, \max_j |p_j|,
\max_j |t_j|)$, one scale for all of them (at $p, t \sim 10^{300}$ the sums of squares overflowed, inf/inf).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from codegen.rules_homogeneous import _vector_axis
from symbolic.functions import Held, ReduceMax


def _bases(base) -> tuple:
    """``base`` as a tuple of bases (a group of vectors scaled together is given as a tuple)."""
    return base if isinstance(base, tuple) else (base,)


def _has(e, base) -> bool:
    return any(e.has(b) for b in _bases(base))


def polynomial_degree(e, base, rational: bool = False) -> int | None:
    """The degree of ``e`` as a polynomial in the entries of ``base`` (sums over an index count as sums), or None.
    ``base`` may be a tuple of bases: the total degree in the entries of all of them.  With ``rational``, the degree
    of a rational function (a reciprocal power of a polynomial of degree $b$ has degree $-b k$; of a sum, the most of
    its terms'): $\frac{N x_k}{D}$ with $N$, $D$ of degree 2 has degree 1."""
    if isinstance(e, sp.Indexed):
        return 1 if e.base in _bases(base) else (0 if not _has(e, base) else None)
    if not _has(e, base):
        return 0
    if isinstance(e, sp.Add):
        ds = [polynomial_degree(a, base, rational) for a in e.args]
        return None if None in ds else max(ds)
    if isinstance(e, sp.Mul):
        ds = [polynomial_degree(a, base, rational) for a in e.args]
        return None if None in ds else sum(ds)
    if isinstance(e, sp.Pow) and e.exp.is_Integer and (e.exp > 0 or rational):
        d = polynomial_degree(e.base, base, rational)
        return None if d is None or (e.exp < 0 and d < 1) else d * int(e.exp)
    if isinstance(e, sp.Sum) and not any(_has(b, base) for lim in e.limits for b in lim[1:]):
        return polynomial_degree(e.function, base, rational)
    return None


def _over(m, k):
    return sp.Pow(m, -k, evaluate=False) if k > 1 else sp.Pow(m, -1, evaluate=False)


def divided(e, base, m, d):
    r"""$e / M^{d}$ (``e`` of degree at most ``d`` in ``base``) with $M$ carried into every factor: an entry $x_i$ of
    degree 1 becomes $x_i / M$, a sum is divided term by term, a product factor by factor (each by its own degree, the
    rest of $d$ as a power of $M$ outside), a sum over an index in its summand; a reciprocal $B^{-k}$ of a polynomial
    of degree $b$ becomes $(B / M^{b})^{-k}$ (``e`` a rational function: :func:`polynomial_degree`)."""
    k = polynomial_degree(e, base, True)
    if k == 0 and not _has(e, base):
        return e if d == 0 else sp.Mul(e, _over(m, d), evaluate=False)
    if isinstance(e, sp.Indexed):  # of a base of the group (degree 1)
        entry = Held(sp.Mul(e, sp.Pow(m, -1, evaluate=False), evaluate=False))
        return entry if d == 1 else sp.Mul(entry, _over(m, d - 1), evaluate=False)
    if isinstance(e, sp.Add):
        return sp.Add(*[divided(a, base, m, d) for a in e.args], evaluate=False)
    if isinstance(e, sp.Sum):
        return sp.Sum(divided(e.function, base, m, d), *e.limits)
    if isinstance(e, sp.Pow):
        inner = sp.Pow(divided(e.base, base, m, polynomial_degree(e.base, base, True)), e.exp, evaluate=False)
        return inner if k == d else sp.Mul(inner, _over(m, d - k), evaluate=False)
    factors = [divided(a, base, m, polynomial_degree(a, base, True)) for a in e.args]
    if k < d:
        factors.append(_over(m, d - k))
    return sp.Mul(*factors, evaluate=False)


_AXIS = sp.Dummy("s", integer=True)
"""The index of the max (one dummy for every use: the same vector gets the same scale, equal expressions stay equal)."""


def scale_of(base, lim):
    r"""$M = \max(\max_j |x_j|, 1)$ over the axis ``lim`` (of a group of vectors, ``base`` and ``lim`` tuples of
    them: $\max(\max_j |x_j|, \max_j |y_j|, 1)$)."""
    if isinstance(base, tuple):
        return sp.Max(*[ReduceMax(sp.Abs(b[_AXIS]), (_AXIS, li[1], li[2])) for b, li in zip(base, lim)], sp.S.One)
    return sp.Max(ReduceMax(sp.Abs(base[_AXIS]), (_AXIS, lim[1], lim[2])), sp.S.One)


def _split(e):
    """``(numerator, denominator)`` of the product ``e`` with one factor ``D**-k`` (the denominator $D^{k}$: the
    gradient of a quotient has $D^{2}$), the numerator holding a sum or an entry
    (a divisive normalisation, x_i^2 / (sigma^2 + sum_j x_j^2)), ``D`` holding a
    sum, and no branch (a quotient another rule already divided in a chosen order is left as it is), else None.
    Factors of degree 0 (:func:`_ratio_factors`) are no part of the numerator."""
    below = _denominator(e)
    if below is None:
        return None
    ratios = _ratio_factors(e, below)
    num = sp.Mul(*[f for f in e.args if f is not below and not f.is_number and f not in ratios])
    den = below.base if below.exp == -1 else sp.Pow(below.base, -below.exp, evaluate=False)
    return (num, den) if num.has(sp.Sum, sp.Indexed) else None


def _denominator(e):
    """The one factor ``D**-k`` of the product ``e`` (an integer ``k >= 1``, ``D`` holding a sum), else None; None too
    where ``e`` has a branch."""
    if not isinstance(e, sp.Mul) or e.has(sp.Piecewise):
        return None
    dens = [f for f in e.args if isinstance(f, sp.Pow) and f.exp.is_Integer and f.exp < 0 and f.base.has(sp.Sum)]
    return dens[0] if len(dens) == 1 else None


def _ratio_factors(e, den) -> list:
    r"""The factors of the product ``e`` (but ``den``) that are rational functions of degree 0 in every vector they hold
    that the denominator ``den`` holds and are no polynomials in them: $g_k - \frac{\sum_i g_i x_i^2}{\sigma^2 + \sum_j x_j^2}$ in the gradient $2 x_k
    (g_k - \ldots) / (\sigma^2 + \sum_j x_j^2)$ of a divisive normalisation.  Such a factor is bounded where its own
    quotients are (they are scaled on their own), so the quotient around it is that of the other factors, here
    $\frac{x_k}{\sigma^2 + \sum_j x_j^2}$, of degree 1 over 2."""
    below = {a.base for a in den.atoms(sp.Indexed) if len(a.indices) == 1}
    out = []
    for f in e.args:
        if f is den or f.is_number:
            continue
        bases = {a.base for a in f.atoms(sp.Indexed) if len(a.indices) == 1} & below
        if bases and all(polynomial_degree(f, b) is None and polynomial_degree(f, b, True) == 0 for b in bases):
            out.append(f)
    return out


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
    bases = [b for b in sorted({a.base for a in e.atoms(sp.Indexed) if len(a.indices) == 1}, key=str)
             if not any(m.has(b) for m in e.atoms(ReduceMax))]
    for base in bases:
        d = polynomial_degree(num, base)
        b = polynomial_degree(den, base)
        if not d or b is None or b < d or degree(e, base) is not None:
            continue
        lim = _vector_axis(den, base)
        if lim is not None:
            out.append((base, lim, d if b == d else (d, b)))
    if out and (len(bases) < 2 or max(max(_pair(d)) for _, _, d in out) < 2 or not _mixed((num, den), bases)):
        return out  # of degree 1, a term without the vector loses one factor M (>= 1e-308), not M^2
    group = tuple(bases)  # all of them together, one scale (the module docstring)
    if not group or (len(group) == 1 and degree(e, group[0]) is not None):
        return []
    a, b = polynomial_degree(num, group, True), polynomial_degree(den, group, True)
    lims = tuple(_vector_axis(den, x) for x in group)
    if a is not None and b is not None and b >= 1 and None not in lims:
        return [(group, lims, (a, b))]
    return []


def _pair(d) -> tuple:
    """``(numerator's degree, denominator's)`` of a scaled vector (one number where both are equal)."""
    return d if isinstance(d, tuple) else (d, d)


def _mixed(exprs, bases) -> bool:
    r"""Whether a sum in ``exprs`` has a term free of one of ``bases`` that holds another beside a term that holds
    it: $\sum_i p_i^2 + \sum_i t_i^2$ divided by $M_p^2 M_t^2$ one vector at a time is $\frac{\sum_i (p_i/M_p)^2}{M_t^2}
    + \ldots$, which underflows to 0 where both vectors are large (a Dice denominator after ``common_denominator``);
    a constant term ($\frac{1 - t_i}{M_t}$ of the Tversky ratio) is no mixing."""
    for e in exprs:
        for a in sp.preorder_traversal(e):
            if not isinstance(a, sp.Add):
                continue
            for base in bases:
                others = tuple(b for b in bases if b is not base)
                if any(polynomial_degree(t, base) == 0 and _has(t, others) for t in a.args) and \
                        any(_has(t, base) for t in a.args):
                    return True
    return False


def polynomial_quotient_scale(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{N}{D} \to \frac{N / \prod_x M_x^{d_x}}{D / \prod_x M_x^{d_x}}$ for every vector $x$ in which $N$ and $D$
    are polynomials of one degree $d_x$ (the module docstring), the scales carried into each factor."""
    def value(e):
        c = sp.Mul(*[f for f in e.args if f.is_number])
        num, den = _split(e)
        ratios = [visit(f) for f in _ratio_factors(e, _denominator(e))]  # each scaled on its own
        outside = []
        for base, lim, d in _scalable(e):
            m = scale_of(base, lim)
            a, b = _pair(d)
            num, den = divided(num, base, m, a), divided(den, base, m, b)
            if a != b:  # N/D = (N/M^a) / (D/M^b) * M^(a - b), the power last
                outside.append(m if a - b == 1 else sp.Pow(m, a - b, evaluate=False))
        quotient = sp.Mul(num, sp.Pow(den, -1, evaluate=False), *outside, evaluate=False)
        quotient = quotient if not ratios else sp.Mul(*ratios, quotient, evaluate=False)
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
