r"""A factor both sides of a claim share and that is never zero, cancelled: $e^{t^\top b}\,X = e^{t^\top b}\,Y \iff X = Y$.

.. math:: c \neq 0:\qquad c\,X = c\,Y \iff X = Y,\qquad X\,c = Y\,c \iff X = Y

A name met only in such a factor (statproofbook's $b$ in $\exp[t^\top b] \cdot \mathrm{E}(\exp[t^\top A x]) =
\exp[t^\top b] \cdot M_x(At)$) has no bearing on whether the claim holds, so the claim is read without it.  The factors
cancelled are those never zero whatever their names are: $\exp(\cdot)$ (of a scalar, or of a matrix: the matrix
exponential is invertible) and nonzero numbers.  A commutative factor cancels wherever it stands; an order-keeping
one only where it opens both sides or closes both (left and right cancellation of an invertible factor), and never
one that holds a moment ($\mathrm{E}$ stays to be read).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef


def _never_zero(factor, moments) -> bool:
    if factor.is_number:
        return factor.is_zero is False and factor.is_finite is True
    if not isinstance(factor, sp.exp):
        return False
    return not any(isinstance(f, AppliedUndef) and f.func.__name__ in moments for f in factor.atoms(AppliedUndef))


def cancel_common(lhs, rhs, moments=frozenset()):
    """``(lhs, rhs)`` with the never-zero factors both sides share cancelled (see the module docstring); the sides as
    they were where they share none, or where cancelling would leave a side empty of all but numbers."""
    if not isinstance(lhs, sp.Mul) or not isinstance(rhs, sp.Mul):
        return lhs, rhs
    (lc, ln), (rc, rn) = lhs.args_cnc(), rhs.args_cnc()
    changed = False
    for f in list(lc):
        if f in rc and _never_zero(f, moments):
            lc.remove(f)
            rc.remove(f)
            changed = True
    while ln and rn and ln[0] == rn[0] and _never_zero(ln[0], moments):
        ln, rn = ln[1:], rn[1:]
        changed = True
    while ln and rn and ln[-1] == rn[-1] and _never_zero(ln[-1], moments):
        ln, rn = ln[:-1], rn[:-1]
        changed = True
    if not changed:
        return lhs, rhs
    left, right = sp.Mul(*lc) * sp.Mul(*ln), sp.Mul(*rc) * sp.Mul(*rn)
    if left.is_number or right.is_number:
        return lhs, rhs
    return left, right
