r"""Conditions a note states on a matrix with ``\succ 0``, ``\succeq 0``, ``\prec 0`` or ``\preceq 0``.

"Let $A = \begin{bmatrix} a & b \\ b & c \end{bmatrix}$ with $A \succ 0$" states conditions on the entries, and a later
claim about them ($ac - b^2 > 0$) holds only under them.  For a symmetric matrix $M$ written entry by entry:

* $M \succ 0$ (positive definite) exactly when every leading principal minor is positive (Sylvester's criterion):
  $a > 0$ and $ac - b^2 > 0$ above;
* $M \succeq 0$ (positive semidefinite) exactly when every principal minor, not only the leading ones, is
  non-negative ($\begin{bmatrix} 0 & 0 \\ 0 & -1 \end{bmatrix}$ has leading minors $0, 0$);
* $M \prec 0$ and $M \preceq 0$ are the same conditions on $-M$.

A matrix whose entries this reader does not know (a name never written out), or that is not symmetric as written (the
notes may mean its symmetric part, or nothing), yields no condition; its entries are then names whose values are
restricted by a statement this reader could not use, so a counterexample over them is not shown
(``readers.notes.unreadable``).
"""
from __future__ import annotations

import itertools
import re

import sympy as sp

_DEFINITE = re.compile(r"^\s*(?:(?P<name>[^=]*?)\s*(?:=|:=)\s*)?(?P<matrix>.+?)\s*\\(?P<op>succeq|succ|preceq|prec)"
                       r"\s*(?:0|\\mathbf\s*\{\s*0\s*\}|\\boldsymbol\s*\{\s*0\s*\}|\\bm\s*\{\s*0\s*\})\s*[.,;]?\s*$",
                       re.S)
r"""``A \succ 0``, ``B = \begin{bmatrix} ... \end{bmatrix} \succeq 0``, ``\Sigma \preceq \mathbf{0}``."""


def definiteness(content: str) -> tuple[str, str] | None:
    r"""``(matrix text, op)`` of a block stating ``M \succ 0`` (op one of succ, succeq, prec, preceq), the matrix text
    being the part after ``NAME =`` when the block also names it; None for any other block."""
    m = _DEFINITE.match(content)
    if m is None:
        return None
    return m.group("matrix"), m.group("op")


def _minors(matrix: sp.Matrix, indices) -> list[sp.Expr]:
    return [sp.expand(matrix.extract(list(rows), list(rows)).det()) for rows in indices]


def minor_conditions(matrix: sp.Matrix, op: str) -> list[sp.Rel] | None:
    r"""The conditions on the entries of a square symmetric ``matrix`` that ``matrix op 0`` states (Sylvester's
    criterion for ``\succ``; every principal minor for ``\succeq``; the same for ``-matrix`` with ``\prec``,
    ``\preceq``), without those that hold identically; None for a matrix that is not square and symmetric."""
    if matrix.rows != matrix.cols or (matrix - matrix.T).applyfunc(sp.expand) != sp.zeros(*matrix.shape):
        return None
    m = -matrix if op.startswith("prec") else matrix
    size = m.rows
    if op in ("succ", "prec"):
        minors, build = _minors(m, [range(k) for k in range(1, size + 1)]), sp.Gt
    else:
        minors = _minors(m, [c for k in range(1, size + 1) for c in itertools.combinations(range(size), k)])
        build = sp.Ge
    out = []
    for minor in minors:
        relation = build(minor, 0)
        if relation is sp.false:
            return None  # [[0, 1], [1, 0]] > 0: a contradiction, nothing to assume
        if relation is not sp.true:
            out.append(relation)
    return out
