r"""An equation between two different multiples of one expression: a constraint an argument draws, not an identity.

A proof that eigenvectors of a symmetric matrix for different eigenvalues are orthogonal writes

.. math:: 3\,\mathbf v_1\cdot\mathbf v_2 = 10\,\mathbf v_1\cdot\mathbf v_2,

"which can only happen if :math:`\mathbf v_1\cdot\mathbf v_2 = 0`".  Written as ``c X = c' X`` with the same ``X`` on
both sides and numbers :math:`c \ne c'`, it can hold only where :math:`X = 0`: no author states it for all values, so
a counterexample refutes nothing the notes claim.  Only the sides as written count (``3 E[X] = 2 E[X]``, never a
derivative or a moment worked out to such a pair: ``\frac{d}{dx} x^3 = 2x^2`` stays a claim that fails), and only a
lone equation: a link of a chain (``= \tfrac12 \|x\|^2 = \|x\|^2``) is a computation, whose dropped factor is a
mistake.
"""
from __future__ import annotations

import sympy as sp


def common_multiple(lhs, rhs):
    """``(c, c', X)`` when the sides are written ``c X`` and ``c' X`` with numbers ``c != c'``, both nonzero, and an
    ``X`` that is not a number; None otherwise."""
    if not isinstance(lhs, sp.Expr) or not isinstance(rhs, sp.Expr):
        return None
    left, x = lhs.as_coeff_Mul()
    right, y = rhs.as_coeff_Mul()
    if x != y or x.is_number or left == right or left == 0 or right == 0:
        return None
    return left, right, x
