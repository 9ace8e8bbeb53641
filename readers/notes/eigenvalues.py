r"""Eigenvalues written as a function of their matrix, summed or multiplied over all of them:

.. math:: \sum_i \lambda_i(\mathbf{A}) \to \operatorname{eigsum}(\mathbf{A}), \qquad
          \prod_{i=1}^n \lambda_i(\mathbf{A}) \to \operatorname{eigprod}(\mathbf{A}),

read as the sum (product) of the eigenvalues of the square matrix, with multiplicity (evaluated by
:mod:`readers.notes.matrix_numeric` from NumPy's eigenvalues, not from the trace or the determinant).  The range must
be every eigenvalue: no range written (the reader's ``N``), or ``1..n`` with ``n`` a size the notes declare for the
matrix (``\mathbf{A} \in \mathbb{R}^{n \times n}``); a partial range (the ``k`` largest) is left as it is.

Eigenvalues the prose lists ("if $\lambda_1, \ldots, \lambda_n$ are the eigenvalues of a matrix", "the eigenvalues
$\lambda_1, \dots, \lambda_n$ of $\mathbf{A}$") are read the same way in their section: $\lambda_1 \cdots \lambda_n$
is the product of all of them and $\lambda_1 + \cdots + \lambda_n$ their sum, of the matrix named, or of "a matrix"
the one matrix of the claim.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.symbols import written_name

EIGENVALUE_LETTERS = ("lambda",)
"""The letters of an eigenvalue written ``\\lambda_i(\\mathbf{A})``."""
UNWRITTEN = "N"
"""The upper bound the LaTeX reader gives a sum written without one (``\\sum_i``)."""


def over_eigenvalues(e, dims_of):
    """``e`` with every sum or product of ``lambda_i(M)`` over all of ``M``'s eigenvalues written ``eigsum(M)`` or
    ``eigprod(M)`` (``dims_of(name)``: the sizes the notes declare for a matrix name)."""
    def whole(x):
        if not isinstance(x, (sp.Sum, sp.Product)) or len(x.limits) != 1:
            return None
        index, low, top = x.limits[0]
        factors = sp.Mul.make_args(x.function)
        if len(factors) != 2 or low != 1:
            return None
        value, matrix = sorted(factors, key=lambda f: not isinstance(f, sp.Indexed))
        if not (isinstance(value, sp.Indexed) and str(value.base) in EIGENVALUE_LETTERS and value.indices == (index,)
                and isinstance(matrix, sp.Symbol) and not matrix.is_commutative):
            return None
        if not (isinstance(top, sp.Symbol) and (top.name == UNWRITTEN or top.name in map(str, dims_of(matrix.name)))):
            return None
        return sp.Function("eigsum" if isinstance(x, sp.Sum) else "eigprod")(matrix)

    return e.replace(lambda x: whole(x) is not None, whole)


_LIST = r"\$([^$]*\\(?:ldots|dots|cdots)[^$]*)\$"
_STATED = (
    re.compile(_LIST + r"\s+(?:are|be)\s+(?:the|its)\s+eigenvalues\s+of\s+(?:(?:a|the|this)\s+matrix\b|\$([^$]{1,40})\$)",
               re.I),
    re.compile(r"eigenvalues\s+" + _LIST + r"\s+of\s+(?:(?:a|the|this)\s+matrix\b|\$([^$]{1,40})\$)", re.I),
)
"""``$\\lambda_1, \\ldots, \\lambda_n$ are the eigenvalues of a matrix`` | ``the eigenvalues $...$ of $A$``."""


def listed_eigenvalues(text: str) -> list[tuple[int, str, str, str | None]]:
    """``(line, first, last, matrix name or None)`` for each list of eigenvalues the prose states."""
    out = []
    for pattern in _STATED:
        for m in pattern.finditer(text):
            items = [i for i in m.group(1).split(",") if i.strip()]
            ends = [written_name(items[0]), written_name(items[-1])] if len(items) >= 3 else [None, None]
            matrix = written_name(m.group(2)) if m.group(2) else None
            if None in ends or (m.group(2) and matrix is None):
                continue
            out.append((text.count("\n", 0, m.start()) + 1, ends[0], ends[1], matrix))
    return sorted(out)


def as_listed(e, listed, matrices):
    """``e`` with ``first \\cdots last`` (``first + \\cdots + last``) of a stated list written ``eigprod(M)``
    (``eigsum(M)``); ``listed``: ``(first, last, matrix name or None)``; ``matrices``: the claim's matrix names (the
    one meant by "a matrix" when it is alone)."""
    def read(x):
        if not isinstance(x, (sp.Mul, sp.Add)):
            return None
        names = {a.name for a in x.args if isinstance(a, sp.Symbol)}
        if len(names) != len(x.args) or not names & {"\\ldots", "\\cdots", "\\dots"}:
            return None
        for first, last, matrix in listed:
            base = first.split("_")[0] + "_"
            rest = names - {"\\ldots", "\\cdots", "\\dots"}
            if {first, last} <= rest and all(n.startswith(base) for n in rest):
                meant = matrix if matrix is not None else (next(iter(matrices)) if len(matrices) == 1 else None)
                if meant is None or meant not in matrices:
                    return None
                symbol = sp.Symbol(meant, commutative=False)
                return sp.Function("eigprod" if isinstance(x, sp.Mul) else "eigsum")(symbol)
        return None

    return e.replace(lambda x: read(x) is not None, read)
