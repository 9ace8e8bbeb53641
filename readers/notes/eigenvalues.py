r"""Eigenvalues written as a function of their matrix, summed or multiplied over all of them:

.. math:: \sum_i \lambda_i(\mathbf{A}) \to \operatorname{eigsum}(\mathbf{A}), \qquad
          \prod_{i=1}^n \lambda_i(\mathbf{A}) \to \operatorname{eigprod}(\mathbf{A}),

read as the sum (product) of the eigenvalues of the square matrix, with multiplicity (evaluated by
:mod:`readers.notes.matrix_numeric` from NumPy's eigenvalues, not from the trace or the determinant).  The range must
be every eigenvalue: no range written (the reader's ``N``), or ``1..n`` with ``n`` a size the notes declare for the
matrix (``\mathbf{A} \in \mathbb{R}^{n \times n}``); a partial range (the ``k`` largest) is left as it is.
"""
from __future__ import annotations

import sympy as sp

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
