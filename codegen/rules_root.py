r"""Differences of a square root and what it nearly equals, rationalized (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``root_difference``       $k\sqrt{A} - k\,c = k\,\frac{A - c^2}{\sqrt{A} + c}$ ($c > 0$), $k\sqrt{A} - k\sqrt{B} = k\,\frac{A - B}{\sqrt{A} + \sqrt{B}}$
``square_into_root``      $c^2 \sqrt{A} = |c| \sqrt{c^2 A}$ ($c$ real) where $c^2 A$ clears a division by $c$ from the radicand
========================  =====================================================================

Where $\sqrt{A} \approx c$ the difference loses every digit ($\sqrt{x^2 + 1} - 1$ at $x = 10^{-9}$ is 0,
the truth $x^2/2$); $A - c^2$ cancels symbolically instead ($x^2$), and the sum in the denominator does
not cancel.  The rewrite fires only where $A - c^2$ (or $A - B$) has fewer terms than $A$, so that the
subtraction is done by algebra and not in floating point.  Where $\sqrt{A} \ge 2c$ nothing cancels and
$A - c^2$ could overflow ($x^2$ at $x = 10^{300}$): the direct difference is kept there, as a branch.  The
constant $c$ may be an expression known to be non-negative ($|\delta|$), the root of $B = c^2$.

A radicand holding a ratio $x/\delta$ next to a factor $\delta^2$ outside the root (pseudo-Huber,
$\delta^2(\sqrt{1 + (x/\delta)^2} - 1)$) overflows at $x = 10^{300}$, $\delta = 10^{-300}$ where the truth is
$|x \delta| = 1$; $|\delta|\sqrt{\delta^2 + x^2} - \delta^2$ holds no quotient (``scaled_sqrt`` then scales the root)
and its two terms are a root difference with $c = |\delta|$.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp


def _terms(e) -> int:
    return len(sp.Add.make_args(sp.expand(e)))


def _root_term(t):
    """``(k, A)`` for a term ``t = k * sqrt(A)`` (``k`` free of the root), else None."""
    for f in sp.Mul.make_args(t):
        if isinstance(f, sp.Pow) and f.exp == sp.S.Half and not f.base.is_number:
            return sp.Mul(*[a for a in sp.Mul.make_args(t) if a is not f]), f.base
    return None


def _pair(e):
    """``(n, m, k, A, B)``: term ``n`` is ``k sqrt(A)``, term ``m`` is ``-k sqrt(B)`` (a root) or ``-k c`` with
    ``c > 0`` a number and ``B = c^2``, and ``A - B`` has fewer terms than ``A``."""
    terms = e.args
    for n, t in enumerate(terms):
        root = _root_term(t)
        if root is None:
            continue
        k, a = root
        for m, u in enumerate(terms):
            if m == n:
                continue
            other = _root_term(u)
            if other is not None and other[0] + k == 0 and (_terms(a - other[1]) < _terms(a)
                                                            or _sum_difference(a, other[1]) is not None):
                return n, m, k, a, other[1]
            c = -u / k
            non_negative = c.is_positive if c.is_number else ((-u).is_nonnegative and k.is_nonnegative)
            if non_negative and _terms(a - c ** 2) < _terms(a):
                return n, m, k, a, c ** 2
    return None


def _sum_difference(a, b):
    r"""$A - B$ as one sum where $A$ and $B$ are sums over one range whose summands cancel (two distances from one
    anchor, $\sum_i (a_i - p_i)^2 - \sum_i (a_i - q_i)^2 = \sum_i (q_i - p_i)(2a_i - p_i - q_i)$: a difference of
    squares as the product of the difference and the sum of the bases), else None."""
    if not (isinstance(a, sp.Sum) and isinstance(b, sp.Sum) and a.limits == b.limits):
        return None
    fa, fb = a.function, b.function
    if _terms(fa - fb) >= _terms(fa) + _terms(fb):
        return None
    if isinstance(fa, sp.Pow) and fa.exp == 2 and isinstance(fb, sp.Pow) and fb.exp == 2:
        return sp.Sum(sp.expand(fa.base - fb.base) * sp.expand(fa.base + fb.base), *a.limits)
    return sp.Sum(sp.expand(fa - fb), *a.limits)


def rationalized(a, b):
    r"""$\sqrt{A} - \sqrt{B}$ as $\frac{A - B}{\sqrt{A} + \sqrt{B}}$ where $\sqrt{A} < 2\sqrt{B}$ (and $\sqrt{B} < 2\sqrt{A}$):
    there the two roots are close and the direct difference cancels; elsewhere the direct difference.  Two sums over
    one range are subtracted term by term (:func:`_sum_difference`): the soft-margin triplet loss's two distances of
    $10^{150}$ that differ by 1."""
    ra, rb = sp.sqrt(a), sp.sqrt(b)
    near = sp.And(ra < 2 * rb, rb < 2 * ra)
    top = _sum_difference(a, b)
    return sp.Piecewise(((top if top is not None else sp.expand(a - b)) / (ra + rb), near), (ra - rb, True))


def root_difference(expr: sp.Expr) -> sp.Expr:
    r"""$k\sqrt{A} - k\,c \to k\,\frac{A - c^2}{\sqrt{A} + c}$ near $\sqrt{A} = c$ (BentIdentity $\frac{\sqrt{x^2+1} - 1}{2}$,
    $\sqrt{1 + x} - 1$), and $k(\sqrt{A} - \sqrt{B})$ likewise, in a larger sum where $-k c$ is a term of its own."""
    def value(e):
        n, m, k, a, b = _pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) + k * rationalized(a, b)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)


# ** a squared factor moved into the root it multiplies **


def _cleared(c, a):
    """``c^2 a`` expanded, where that leaves no division by ``c`` (and ``a`` had one), else None."""
    if not any(c in sp.Mul.make_args(sp.denom(t)) or any(isinstance(f, sp.Pow) and f.base == c
                                                            for f in sp.Mul.make_args(sp.denom(t)))
               for t in sp.Add.make_args(sp.expand(a))):
        return None
    top = sp.expand(c ** 2 * a)
    return top if all(not sp.denom(t).has(c) for t in sp.Add.make_args(top)) else None


def _square_and_root(e):
    """``(c, root, A)``: a factor ``c**2`` (``c`` a real symbol) of the product ``e`` and a factor ``root = sqrt(A)``
    whose radicand divides by ``c`` and whose ``c^2 A`` does not, else None (``sqrt(c^2 A) = |c| sqrt(A)`` for every
    real ``A``: ``c^2 >= 0``)."""
    if not isinstance(e, sp.Mul):
        return None
    factors = sp.Mul.make_args(e)
    squares = [f.base for f in factors if isinstance(f, sp.Pow) and f.exp == 2 and f.base.is_Symbol and f.base.is_real]
    roots = [f for f in factors if isinstance(f, sp.Pow) and f.exp == sp.S.Half]
    for c in squares:
        for r in roots:
            if _cleared(c, r.base) is not None:
                return c, r, _cleared(c, r.base)
    return None


def _distributed(e):
    """``c**2 (s + t + ...)`` with a root among the sum's terms, distributed (each term a product ``c**2 t``)."""
    if not isinstance(e, sp.Mul):
        return None
    factors = sp.Mul.make_args(e)
    squares = [f for f in factors if isinstance(f, sp.Pow) and f.exp == 2 and f.base.is_Symbol and f.base.is_real]
    for s in squares:
        for f in factors:
            if isinstance(f, sp.Add) and any(_square_and_root(s * t) is not None for t in f.args):
                rest = sp.Mul(*[g for g in factors if g is not f])
                return sp.Add(*[rest * t for t in f.args])
    return None


def square_into_root(expr: sp.Expr) -> sp.Expr:
    r"""$c^2 \sqrt{A} \to |c| \sqrt{c^2 A}$ where $c^2 A$ has no division by $c$ (module docstring): pseudo-Huber's
    $\delta^2 \sqrt{1 + (x/\delta)^2}$ becomes $|\delta| \sqrt{\delta^2 + x^2}$; a sum the square multiplies is
    distributed first."""
    expr = expr.replace(lambda e: _distributed(e) is not None, _distributed)

    def value(e):
        c, r, top = _square_and_root(e)
        rest = sp.Mul(*[f for f in sp.Mul.make_args(e) if f is not r and f != c ** 2])
        return rest * sp.Abs(c) * sp.sqrt(top)

    return expr.replace(lambda e: _square_and_root(e) is not None, value)


# ** the root of a product **


def _root_of_product(e):
    """The factors of ``e = sqrt(f_1 f_2 ...)``, two or more not numbers and no number among them, else None."""
    if not (isinstance(e, sp.Pow) and e.exp == sp.S.Half and isinstance(e.base, sp.Mul)):
        return None
    factors = e.base.args
    if len(factors) < 2 or any(f.is_number for f in factors):
        return None
    return factors


def root_of_product(expr: sp.Expr) -> sp.Expr:
    r"""$\sqrt{a b} = \sqrt{|a|}\,\sqrt{|b|}$ where $\operatorname{sign} a \operatorname{sign} b \ge 0$ (the product is
    real there; elsewhere the root as written, not real): the Bhattacharyya coefficient's $\sqrt{p_i q_i}$ at
    $p_i = q_i = 10^{300}$ overflows to $\infty$ (truth $10^{300}$), at $10^{-300}$ underflows to 0."""
    def value(e):
        factors = _root_of_product(e)
        split = sp.Mul(*[sp.sqrt(sp.Abs(f)) for f in factors])
        signs = sp.Mul(*[sp.sign(f) for f in factors])
        return sp.Piecewise((split, signs >= 0), (e, True))

    return expr.replace(lambda e: _root_of_product(e) is not None, value)


def _root_sum(e):
    """``(u, c)`` where ``e`` is $\\log(u + \\sqrt{u^2 + c})$ for a number $c > 0$, else None."""
    if not isinstance(e, sp.log):
        return None
    terms = sp.Add.make_args(e.args[0])
    if len(terms) != 2:
        return None
    for root, u in (terms, terms[::-1]):
        if isinstance(root, sp.Pow) and root.exp == sp.S.Half:
            c = sp.expand(root.base - u ** 2)
            if c.is_number and c.is_positive:
                return u, c
    return None


def log_of_root_sum(expr: sp.Expr) -> sp.Expr:
    r"""$\log(u + \sqrt{u^2 + c}) = \operatorname{asinh}(u / \sqrt{c}) + \tfrac12 \log c$ for a number $c > 0$: the
    inverse hyperbolic sine written through its logarithm cancels for $u \ll 0$ (at $u = -10^{8}$ the sum is 0,
    the log $-\infty$, the truth $-19.1$) and overflows its square for $|u| > 10^{154}$; ``asinh`` does neither."""
    def value(e):
        u, c = _root_sum(e)
        return sp.asinh(u / sp.sqrt(c)) + sp.log(c) / 2

    return expr.replace(lambda e: _root_sum(e) is not None, value)
