r"""An equation between two different multiples of one expression: a constraint an argument draws, not an identity.

A proof that eigenvectors of a symmetric matrix for different eigenvalues are orthogonal writes

.. math:: 3\,\mathbf v_1\cdot\mathbf v_2 = 10\,\mathbf v_1\cdot\mathbf v_2,

"which can only happen if :math:`\mathbf v_1\cdot\mathbf v_2 = 0`".  Written as ``c X = c' X`` with the same ``X`` on
both sides and numbers :math:`c \ne c'`, it can hold only where :math:`X = 0`: no author states it for all values, so
a counterexample refutes nothing the notes claim.  Only the sides as written count, in the formula's own text (the
reader's sympy already collects ``-\frac{1}{L} g^2 + \frac{1}{2L} g^2`` into ``-\frac{1}{2} g^2/L``, a mistake's side) (``3 E[X] = 2 E[X]``, never a
derivative or a moment worked out to such a pair: ``\frac{d}{dx} x^3 = 2x^2`` stays a claim that fails), and only a
lone equation: a link of a chain (``= \tfrac12 \|x\|^2 = \|x\|^2``) is a computation, whose dropped factor is a
mistake.
"""
from __future__ import annotations

import re

import sympy as sp


_WRITTEN_MULTIPLE = re.compile(r"\s*([-+]?\s*[0-9]+(?:\.[0-9]+)?)?\s*(?:\\cdot|\\times)?\s*(\S.*?)[\s.,;]*")


def _written(side: str) -> tuple[str, str | None]:
    """The number a side is written with (``""`` for none) and the rest, spaces dropped (None: no rest)."""
    found = _WRITTEN_MULTIPLE.fullmatch(side)
    if found is None:
        return "", None
    return (found.group(1) or "").replace(" ", ""), "".join(found.group(2).split())


def common_multiple(lhs, rhs, text: str):
    """``(c, c', X)`` when the sides are written ``c X`` and ``c' X`` (``text``, the formula, has one ``=`` between them
    and the same ``X`` after each number) with numbers ``c != c'``, both nonzero, and an ``X`` that is not a number;
    None otherwise."""
    sides = text.split("=")
    if len(sides) != 2 or not isinstance(lhs, sp.Expr) or not isinstance(rhs, sp.Expr):
        return None
    (left_number, left_rest), (right_number, right_rest) = _written(sides[0]), _written(sides[1])
    if left_rest is None or left_rest != right_rest or left_number == right_number:
        return None
    left, x = lhs.as_coeff_Mul()
    right, y = rhs.as_coeff_Mul()
    if x != y or x.is_number or left == right or left == 0 or right == 0:
        return None
    return left, right, x
