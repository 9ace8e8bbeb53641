r"""Products homogeneous of a low degree in a vector, evaluated on the vector over its largest magnitude.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``homogeneous_scale``     $F(x) = M^{d} F(x / M)$, $M = \max_j |x_j|$, for a product $F$ with $F(\lambda x) = \lambda^{d} F(x)$ ($\lambda > 0$, $|d| \le 1$)
========================  =====================================================================

$x_k \frac{\sum_i g_i x_i}{\sum_j x_j^2}$ (the VJP of $x / \|x\|$, of a cosine, of a projection) is the
same for $x$ and $\lambda x$, but its sums overflow for $|x| > 10^{154}$ (inf/inf) and underflow below
$10^{-162}$ (0/0), while on $x / M$ every entry is at most 1 and the largest is 1.  The degree is
found symbolically (:func:`degree`): entries of the vector count 1, sums and products add up, powers
multiply, a sum of terms has a degree only if all its terms share it.  The rule skips a product that
already holds a ``ReduceMax`` of the vector, and degrees beyond 1 ($M^{2}$ overflows).  A power with a symbolic
exponent of a sum is scaled as a product is: the generalized mean $\bigl(\frac{1}{n}\sum_i x_i^{p}\bigr)^{1/p}$ has
degree $p \cdot \frac{1}{p} = 1$ (a symbolic degree counts only where it simplifies to a number).  It runs before
``scaled_sqrt`` and from the top down: the largest product is scaled whole, so that the scales of two vectors
are not multiplied together ($M_a M_b$ underflows for $a, b \sim 10^{-300}$: the gradient of a cosine).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import Held, ReduceMax

SMALLEST_NORMAL = sp.Float(2.2250738585072014e-308)
"""A floor for the scale (as in ``scaled_sqrt``): an all-zero vector is not divided by 0."""


def _degree(e, leaf, depends, through=(), symbolic=False):
    """The degree of ``e`` under a scaling whose leaves ``leaf`` rates (an int, or None for a node that is no
    leaf), or None if ``e`` is not homogeneous: products add degrees, rational powers multiply them (with
    ``symbolic``, powers free of the scaled leaves too: $x^{p}$ has degree $p$), the terms of a sum must agree, and
    the nodes of ``through`` have the degree of their first argument."""
    d = leaf(e)
    if d is not None:
        return d
    if e.is_number or not depends(e):
        return 0
    if isinstance(e, sp.Mul):
        ds = [_degree(a, leaf, depends, through, symbolic) for a in e.args]
        return None if None in ds else sum(ds)
    if isinstance(e, sp.Pow):
        d = _degree(e.base, leaf, depends, through, symbolic)
        if d is None or depends(e.exp) or not (e.exp.is_Rational or symbolic):
            return None
        return d * e.exp
    if isinstance(e, sp.Add):
        ds = {_degree(a, leaf, depends, through, symbolic) for a in e.args}
        return ds.pop() if len(ds) == 1 and None not in ds else None
    if isinstance(e, through):
        return _degree(e.args[0], leaf, depends, through, symbolic)
    if isinstance(e, SCALE_FREE) and _degree(e.args[0], leaf, depends, through, symbolic) is not None:
        return 0
    return None


SCALE_FREE = (sp.sign, sp.Heaviside)
r"""Functions of a homogeneous argument that a positive scaling leaves alone: $\operatorname{sign}(\lambda u) =
\operatorname{sign} u$ and $H(\lambda u) = H(u)$ for $\lambda > 0$ (degree 0), as in the gradient of a $p$-norm,
$\operatorname{sign}(x_k) |x_k|^{p - 1} \bigl(\sum_i |x_i|^{p}\bigr)^{1/p - 1}$."""


def degree(e, base):
    """The degree of ``e`` under ``base -> lambda * base`` (``lambda > 0``), or None if ``e`` is not homogeneous."""
    def leaf(x):
        if isinstance(x, sp.Indexed):
            return 1 if x.base == base else 0
        return 0 if isinstance(x, sp.Symbol) else None

    return _expanded(_degree(e, leaf, lambda x: x.has(base), (sp.Sum, sp.Abs, ReduceMax), symbolic=True))


def _expanded(d):
    r"""A symbolic degree expanded, so that it is the number it is: $p + p(\frac1p - 1) - 1$ (the generalized mean's
    gradient as ``power_over_base`` writes it in one order of sympy's terms; $(p - 1) + p(\frac1p - 1)$ in the other)
    is 0, where unexpanded it is not a number and the rule would fire or not by the process's hash seed."""
    if isinstance(d, int):  # a product of leaves alone (x_k x_j): an int, as sympy's number it is
        return sp.Integer(d)
    return sp.expand(d) if isinstance(d, sp.Expr) and not d.is_number else d


def _vector_axis(e, base):
    """``(j, lo, hi)``: the range of ``base``'s one axis, from a sum over ``base[j]`` in ``e`` (else None)."""
    for s in sp.preorder_traversal(e):
        if isinstance(s, sp.Sum) and len(s.limits) == 1:
            j = s.limits[0][0]
            if any(isinstance(a, sp.Indexed) and a.base == base and a.indices == (j,)
                   for a in sp.preorder_traversal(s.function)):
                return s.limits[0]
    return None


MAX_DEGREE = 1
r"""Degrees $|d| \le 1$ only: $M^{d}$ then cannot overflow where the value does not ($M^{2}$ could)."""


def _scalable(e):
    """``[((base,), (limits,), d)]``: the vectors ``base`` in which the product ``e`` is homogeneous of degree ``d``
    (``|d| <= 1``), held by at least two of its factors, summed over in it, and not yet scaled; where there is none,
    the vectors scaled together (:func:`_jointly_scalable`)."""
    if not isinstance(e, sp.Mul) and not _power_of_sum(e):
        return []
    bases = {a.base for a in e.atoms(sp.Indexed) if len(a.indices) == 1}
    out = []
    for base in sorted(bases, key=str):
        held = 2 if _power_of_sum(e) else sum(1 for a in e.args if a.has(base))
        if any(m.has(base) for m in e.atoms(ReduceMax)) or held < 2:
            continue
        d = degree(e, base)
        if d is None or not d.is_number or abs(d) > MAX_DEGREE:
            continue
        lim = _vector_axis(e, base)
        if lim is not None:
            out.append(((base,), (lim,), d))
    return out or _jointly_scalable(e, sorted(bases, key=str))


def joint_degree(e, bases):
    """The degree of ``e`` under ``b -> lambda * b`` for every vector ``b`` of ``bases`` at once (``lambda > 0``), or None."""
    def leaf(x):
        if isinstance(x, sp.Indexed):
            return 1 if x.base in bases else 0
        return 0 if isinstance(x, sp.Symbol) else None

    return _expanded(_degree(e, leaf, lambda x: any(x.has(b) for b in bases), (sp.Sum, sp.Abs, ReduceMax), symbolic=True))


def _jointly_scalable(e, bases):
    r"""``[(bases, limits, d)]`` where the product ``e`` is homogeneous of degree ``d`` (``|d| <= 1``) in all its vectors
    together and in none alone: the concordance correlation $\frac{2\sum_i (x_i - \bar x)(y_i - \bar y)}{\sum_i (x_i -
    \bar x)^2 + \sum_i (y_i - \bar y)^2 + (\bar x - \bar y)^2}$ is of degree 0 in $(x, y)$ but not in $x$ (nor $y$) alone,
    and is 0/0 at $x, y \sim 10^{-300}$; over one scale $M = \max(\max_j |x_j|, \max_j |y_j|)$ it is finite."""
    if not isinstance(e, sp.Mul) or len(bases) < 2 or any(m.has(b) for m in e.atoms(ReduceMax) for b in bases) \
            or sum(1 for a in e.args if any(a.has(b) for b in bases)) < 2:
        return []
    d = joint_degree(e, set(bases))
    if d is None or not d.is_number or abs(d) > MAX_DEGREE:
        return []
    lims = tuple(_vector_axis(e, b) for b in bases)
    return [] if None in lims else [(tuple(bases), lims, d)]


def _power_of_sum(e) -> bool:
    r"""A power with a symbolic exponent of an expression holding a sum: the generalized mean
    $\bigl(\frac{1}{n}\sum_i x_i^{p}\bigr)^{1/p}$ is of degree 1 in $x$ while $x_i^{p}$ overflows ($x = 10^{3}$,
    $p = 200$); on $x/M$ every term is at most 1 and the largest is 1."""
    return isinstance(e, sp.Pow) and not e.exp.is_number and e.base.has(sp.Sum)


_AXIS = sp.Dummy("t", integer=True)
"""The index of the max (one dummy for every use: the same vector gets the same scale, equal expressions stay equal)."""


def scale_of(bases, lims):
    r"""$M = \max(\max_j |x_j|, \text{tiny})$ over the axis ``lim`` of each vector ``x`` of ``bases`` (one scale for all)."""
    t = _AXIS
    return sp.Max(*[ReduceMax(sp.Abs(base[t]), (t, lim[1], lim[2])) for base, lim in zip(bases, lims)], SMALLEST_NORMAL)


def homogeneous_scale(expr: sp.Expr) -> sp.Expr:
    r"""$F(x) \to M^{d} F(x/M)$ for a product $F$ homogeneous of degree $d$ ($|d| \le 1$) in a vector $x$: the VJP
    of L2 normalization $x_k \frac{\sum_i g_i x_i}{\sum_j x_j^2}$ ($d = 0$) at $x = 10^{300}$ is inf/inf (nan), on
    $x/M$ it is finite; the gradient of a cosine, $a_k \frac{a \cdot b}{|a|^3 |b|}$, has $d = -1$ in $a$ and 0 in $b$."""
    def value(e, found):
        out = e
        for bases, lims, d in found:
            m = scale_of(bases, lims)
            entries = {a: Held(sp.Mul(a, sp.Pow(m, -1), evaluate=False))
                       for a in out.atoms(sp.Indexed) if a.base in bases}
            out = out.xreplace(entries) * (m ** d if d else 1)
        return out

    def visit(e):  # top down: the largest homogeneous product is scaled whole (its inner sums with it)
        if e.is_Atom or isinstance(e, (sp.Indexed, ReduceMax)):
            return e
        found = _scalable(e)
        if found:
            return value(e, found)
        args = [visit(a) if isinstance(a, sp.Basic) else a for a in e.args]
        return e.func(*args) if any(x is not y for x, y in zip(args, e.args)) else e

    return visit(expr)


# ** scalars: a quotient of sums homogeneous in a group of scalar parameters **


def scalar_degree(e, group) -> sp.Expr | None:
    """The degree of ``e`` under ``v -> lambda * v`` for every symbol ``v`` of ``group`` at once (``lambda > 0``), or None."""
    def leaf(x):
        return (1 if x in group else 0) if isinstance(x, sp.Symbol) else None

    return _degree(e, leaf, lambda x: bool(x.free_symbols & group))


def _is_atom(e, group) -> bool:
    """A symbol of ``group``, or a sum of (number multiples of) them: $x - \\mu$."""
    if isinstance(e, sp.Symbol):
        return e in group
    return isinstance(e, sp.Add) and all(
        isinstance(t, sp.Symbol) and t in group or (isinstance(t, sp.Mul) and len(t.args) == 2 and t.args[0].is_number
                                                     and isinstance(t.args[1], sp.Symbol) and t.args[1] in group)
        for t in e.args)


def _atoms(e, group) -> list:
    """The largest sub-expressions of ``e`` that are atoms (:func:`_is_atom`), in order of first appearance."""
    out = []

    def walk(t):
        if _is_atom(t, group):
            if t not in out:
                out.append(t)
            return
        for a in t.args:
            walk(a)

    walk(e)
    return out


def _scalar_group(e, group, loose=False):
    r"""``(factors, d)``: the factors of the product ``e`` to scale together, and their degree ``d`` (``|d| <= 1``).

    Every power of a sum holding a symbol of ``group`` (homogeneous in it), then, while the degree is beyond 1,
    powers of atoms whose degree has the other sign; None where there is no such sum, or it is not homogeneous,
    or a symbol of ``group`` is in none of the sums (the upstream gradient $g$ is not scaled with $x$), or the group
    holds fewer than two atoms.  With ``loose`` (tried where no group holds without it), a symbol in a chosen power of
    an atom counts as held: $\frac{(\mu_1 - \mu_2)^{2}}{4(\sigma_1^{2} + \sigma_2^{2})}$ at $\mu_1 = \sigma_2 =
    10^{300}$ is inf/inf on its own symbols, and of degree 0 in all four."""
    sums, atoms = [], []
    for f in e.args:
        base = f.base if isinstance(f, sp.Pow) else f
        if not (base.free_symbols & group):
            continue
        d = scalar_degree(f, group)
        if d is None:
            return None
        (atoms if _is_atom(base, group) else sums).append((f, d))
    if not sums or not all(isinstance(f.base if isinstance(f, sp.Pow) else f, sp.Add) for f, _ in sums):
        return None
    chosen, d = [f for f, _ in sums], sum(d for _, d in sums)
    for f, k in sorted(atoms, key=lambda t: str(t[0])):
        if abs(d) <= MAX_DEGREE:
            break
        if (k > 0) != (d > 0) and abs(d + k) < abs(d):
            chosen.append(f)
            d += k
    # loosely, a symbol of the group in a chosen power of an atom counts too (where no group holds strictly): the
    # Bhattacharyya term (mu_1 - mu_2)^2 / (4 (s_1^2 + s_2^2)) is of degree 0 in all four only with its numerator
    held = set().union(*(f.free_symbols for f in (chosen if loose else [f for f, _ in sums])))
    if abs(d) > MAX_DEGREE or not group <= held or len(_atoms(sp.Mul(*chosen), group)) < 2:
        return None
    return chosen, d


def _groups(e):
    """The groups of scalar symbols to try for the product ``e``: every subset of its free symbols with at least two
    members, the largest first."""
    from itertools import combinations

    syms = sorted((s for s in e.free_symbols if isinstance(s, sp.Symbol) and not s.is_integer), key=str)
    for size in range(len(syms), 1, -1):
        for group in combinations(syms, size):
            yield set(group)


MAX_SYMBOLS = 6
"""Products with more free symbols are left alone (the subsets to try grow as 2^n)."""


def _scalar_scalable(e):
    if not isinstance(e, sp.Mul) or e.has(ReduceMax, sp.Indexed, sp.Sum, sp.Piecewise) \
            or len(e.free_symbols) > MAX_SYMBOLS:
        return None
    for loose in (False, True):
        for group in _groups(e):
            found = _scalar_group(e, group, loose)
            if found is not None:
                return group, *found
    return None


def homogeneous_scalar_scale(expr: sp.Expr) -> sp.Expr:
    r"""$\prod_f f \to M^{d} \prod_f f\big|_{a \to a/M}$ for the factors $f$ of a product that are sums (and atoms), homogeneous
    of degree $d$ ($|d| \le 1$) in a group of scalar parameters, $M$ the largest magnitude of their atoms $a$ (a parameter,
    or a difference of parameters such as $x - \mu$).  The Student-t gradient in $s$,
    $\nu\,\frac{d^2 - s^2}{s\,(\nu s^2 + d^2)}$ with $d = x - \mu$, has $d^2$ and $s^2$ overflow at $d = s = 10^{300}$ and
    underflow at $d, s \sim 10^{-300}$; the quotient of the two sums is of degree 0 and, on $d/M$ and $s/M$, is formed
    from numbers at most 1 (the factor $\nu/s$ outside it is a monomial, finite wherever the value is)."""
    def value(e):
        group, chosen, d = _scalar_scalable(e)
        inner = sp.Mul(*chosen)
        atoms = _atoms(inner, group)
        m = sp.Max(*[sp.Abs(a) for a in atoms], SMALLEST_NORMAL)
        scaled = inner.xreplace({a: Held(sp.Mul(a, sp.Pow(m, -1), evaluate=False)) for a in atoms})
        rest = [f for f in e.args if f not in chosen]
        # one unit: formed before the rest multiplies it (s (nu s^2 + d^2) would overflow where s and the ratio do not)
        return sp.Mul(*rest, Held(scaled), m ** d if d else 1)

    return expr.replace(lambda e: _scalar_scalable(e) is not None, value)
