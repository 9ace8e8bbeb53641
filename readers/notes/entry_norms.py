r"""The Euclidean norm of a vector the notes write out entry by entry: after

.. math:: u = \begin{bmatrix} u_1 \\ u_2 \\ \cdots \\ u_n \end{bmatrix}

the :math:`\|u\|_2` of a later claim is :math:`\sqrt{u_1^2 + u_2^2 + \cdots + u_n^2}` (an ellipsis run that
readers.notes.ellipsis_runs reads as a sum).  The scalar reader reads :math:`\|u\|` as :math:`|u|`, a number, so
``\|u\|_2 = u_1^2 + \cdots + u_n^2`` was a claim about an unknown ``u`` beside its entries.  Only a block whose norms
are written with double bars and no subscript other than 2 is read so (:math:`\|u\|_1` is another norm).
"""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.nodes import MatrixLiteral
from readers.notes.ellipsis import is_ellipsis

_DOUBLE_BAR = re.compile(r"\\[lr]?Vert|\\\||\|\||\\norm\b")
_OTHER_NORM = re.compile(r"(?:\\[lr]?Vert|\\\||\|\||\\norm\{[^{}]*\})\s*_\s*\{?\s*(?!2\b)([^\s{}])")


def entry_norms(exprs, symbols: dict, content: str):
    """``exprs`` with each ``Abs(u)`` of a vector ``u`` defined entry by entry replaced by its Euclidean norm;
    None when there is none, or when the block writes another norm or no double bars."""
    if not _DOUBLE_BAR.search(content) or _OTHER_NORM.search(content):
        return None
    mapping = {}
    for e in exprs:
        for a in e.atoms(sp.Abs):
            vector = symbols.get(a.args[0]) if isinstance(a.args[0], sp.Symbol) else None
            if not isinstance(vector, MatrixLiteral):
                continue
            rows = vector.args
            entries = [row[0] for row in rows] if all(len(row) == 1 for row in rows) else \
                list(rows[0]) if len(rows) == 1 else None
            if not entries or len(entries) < 2 or not all(isinstance(x, sp.Symbol) for x in entries):
                continue
            mapping[a] = sp.sqrt(sp.Add(*[x if is_ellipsis(x) else x**2 for x in entries]))
    return [e.xreplace(mapping) for e in exprs] if mapping else None
