r"""A bold lower-case letter with a number, beside a written-out matrix of that capital letter, is one of its columns.

After $A = \begin{bmatrix}1&3\\2&2\\3&1\end{bmatrix}$, the claim
$\begin{bmatrix}-1\\0\\1\end{bmatrix} = \tfrac12\mathbf{a}_2 - \tfrac12\mathbf{a}_1$ is about
$\mathbf{a}_j = A\mathbf{e}_j$, the columns $(1, 2, 3)^\top$ and $(3, 2, 1)^\top$ (the usual convention,
$A = [\mathbf{a}_1 \; \mathbf{a}_2]$).  Some notes name rows so (${\mathbf{a}_i}^\top$ the $i$-th row), so the row,
written as a column, is the other reading wherever the index is also a row of $A$; a claim whose readings disagree
is not decided.  Every such name of a claim is read the same way (all columns, or all rows).  Only a name with no
value of its own reaches this reading.
"""
from __future__ import annotations

import re

import sympy as sp

_COLUMN = re.compile(r"\\(?:mathbf|boldsymbol|bm|pmb|vec|vect|mathbfit|bold)\{([a-z])\}_\{?([1-9][0-9]?)\}?")


def readings(name: str, literal_at) -> list[tuple[str, sp.ImmutableMatrix, object]]:
    r"""The values ``name`` can take as a column (or row) of the written-out capital of its letter:
    ``(how, value, definition)`` with ``how`` "column j of A" or "row j of A"; [] when ``name`` is no such name or
    the capital is not written out at this point (``literal_at(name)``: its written-out definition in force)."""
    found = _COLUMN.fullmatch(name.strip())
    if found is None:
        return []
    letter, j = found.group(1).upper(), int(found.group(2))
    definition = next((d for d in (literal_at(n) for n in (letter, rf"\mathbf{{{letter}}}",
                                                            rf"\boldsymbol{{{letter}}}")) if d is not None), None)
    if definition is None:
        return []
    value = definition.value
    out = []
    if j <= value.shape[1]:
        out.append((f"column {j} of {definition.name}", sp.ImmutableMatrix(value[:, j - 1]), definition))
    if j <= value.shape[0] and value.shape[1] > 1:
        out.append((f"row {j} of {definition.name}", sp.ImmutableMatrix(value[j - 1, :].T), definition))
    return out


def consistent(options: list[list[tuple]]) -> list[tuple]:
    """One choice per reading that every name has (all read as columns, or all as rows), from each name's
    :func:`readings`; ``[()]`` when there are no such names."""
    if not options:
        return [()]
    out = []
    for kind in ("column", "row"):
        picked = [next((o for o in each if o[0].startswith(kind)), None) for each in options]
        if all(p is not None for p in picked):
            out.append(tuple(picked))
    return out
