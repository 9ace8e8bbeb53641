r"""A sum of squares that stands bare beside its own square root, scaled as the root is.

.. math:: (A + c)^{k} = M^{k}\,\bigl(M\hat A + c/M\bigr)^{k}, \qquad A = M^{2}\hat A,\ M > 0

``scaled_sqrt`` writes $\sqrt{A}$, $A = \sum_j u_j^2$, as $M\sqrt{\hat A}$ with $M = \max_j |u_j|$ and
$\hat A = \sum_j (u_j/M)^2$, but leaves the same $A$ where it stands in a sum $A + c$ outside the root: the capsule
squash $\frac{A}{1 + A}\frac{s_i}{\sqrt A} = \frac{s_i\sqrt A}{1 + A}$ at $s_0 = 10^{300}$ is $\infty/\infty$, where the
truth is about 1.  With $A + c$ written as $M(M\hat A + c/M)$, the $M^{k}$ meets the root's $M$ symbolically (here
$M^{-1} M = 1$) and no square of an entry is formed; $M\hat A$ and $c/M$ stay in range for every $M$ between the
smallest normal number and $10^{308}$ (identity ``radicand_beside_root``).  Only where the same squares stand under a
root of the expression: a lone $1/(1 + A)$ is left to the other rules.
"""
from __future__ import annotations

import sympy as sp


def _pure_root_bases(expr):
    """The radicands $A$ (sums of squares and nothing else) of the square roots $A^{\\pm 1/2}$ in ``expr``."""
    from codegen.rules import _is_root, _radicand_parts

    return {e.base for e in expr.atoms(sp.Pow)
            if (_is_root(e, 1) or _is_root(e, -1)) and not _radicand_parts(e.base)[1]}


def _beside(e, roots):
    """``(A, c)`` where ``e`` is $(A + c)^{k}$, $k$ a nonzero integer, $A$ in ``roots`` and $c \\ne 0$ free of the
    squares of $A$, else None."""
    from codegen.rules import _radicand_parts

    if not (isinstance(e, sp.Pow) and e.exp.is_Integer and e.exp != 0 and isinstance(e.base, sp.Add)):
        return None
    squares, rest = _radicand_parts(e.base)
    if not rest:
        return None
    for a in roots:
        if squares == _radicand_parts(a)[0]:
            return a, sp.Add(*rest)
    return None


def radicand_beside_root(expr: sp.Expr) -> sp.Expr:
    r"""Each power $(A + c)^{k}$ of ``expr`` whose $A$ is the radicand of a square root in ``expr``, as
    $M^{k}(M\hat A + c/M)^{k}$ with ``scaled_sqrt``'s $M$ and $\hat A$ (the root is then scaled by the same $M$)."""
    from codegen.rules import scaled_root

    roots = _pure_root_bases(expr)
    if not roots:
        return expr

    def value(e):
        a, c = _beside(e, roots)
        m, scaled = scaled_root(a)
        return sp.Pow(m, e.exp) * sp.Pow(sp.Add(sp.Mul(m, scaled, evaluate=False), c / m, evaluate=False), e.exp)

    return expr.replace(lambda e: _beside(e, roots) is not None, value)
