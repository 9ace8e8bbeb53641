r"""Differences of a square root and what it nearly equals, rationalized (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``root_difference``       $k\sqrt{A} - k\,c = k\,\frac{A - c^2}{\sqrt{A} + c}$ ($c > 0$), $k\sqrt{A} - k\sqrt{B} = k\,\frac{A - B}{\sqrt{A} + \sqrt{B}}$
========================  =====================================================================

Where $\sqrt{A} \approx c$ the difference loses every digit ($\sqrt{x^2 + 1} - 1$ at $x = 10^{-9}$ is 0,
the truth $x^2/2$); $A - c^2$ cancels symbolically instead ($x^2$), and the sum in the denominator does
not cancel.  The rewrite fires only where $A - c^2$ (or $A - B$) has fewer terms than $A$, so that the
subtraction is done by algebra and not in floating point.  Where $\sqrt{A} \ge 2c$ nothing cancels and
$A - c^2$ could overflow ($x^2$ at $x = 10^{300}$): the direct difference is kept there, as a branch.

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
            if other is not None and other[0] + k == 0 and _terms(a - other[1]) < _terms(a):
                return n, m, k, a, other[1]
            c = -u / k
            if c.is_number and c.is_positive and _terms(a - c ** 2) < _terms(a):
                return n, m, k, a, c ** 2
    return None


def rationalized(a, b):
    r"""$\sqrt{A} - \sqrt{B}$ as $\frac{A - B}{\sqrt{A} + \sqrt{B}}$ where $\sqrt{A} < 2\sqrt{B}$ (and $\sqrt{B} < 2\sqrt{A}$):
    there the two roots are close and the direct difference cancels; elsewhere the direct difference."""
    ra, rb = sp.sqrt(a), sp.sqrt(b)
    near = sp.And(ra < 2 * rb, rb < 2 * ra)
    return sp.Piecewise((sp.expand(a - b) / (ra + rb), near), (ra - rb, True))


def root_difference(expr: sp.Expr) -> sp.Expr:
    r"""$k\sqrt{A} - k\,c \to k\,\frac{A - c^2}{\sqrt{A} + c}$ near $\sqrt{A} = c$ (BentIdentity $\frac{\sqrt{x^2+1} - 1}{2}$,
    $\sqrt{1 + x} - 1$), and $k(\sqrt{A} - \sqrt{B})$ likewise, in a larger sum where $-k c$ is a term of its own."""
    def value(e):
        n, m, k, a, b = _pair(e)
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        return sp.Add(*rest) + k * rationalized(a, b)

    return expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)
