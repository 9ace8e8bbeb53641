r"""Names the notes write out as vectors, read in a later claim as numbers.

After a book writes its demeaned points as columns,

.. math:: \widetilde{\mathbf d}_1 = \begin{bmatrix} -1 \\ -1 \end{bmatrix}, \qquad
          \widetilde{\mathbf d}_j = \begin{bmatrix} \widetilde{x}_j \\ \widetilde{y}_j \end{bmatrix},

its :math:`\frac1N \sum_j |\widetilde{\mathbf d}_j|^2 = \frac1N \sum_j \widetilde{x}_j^2 + \frac1N \sum_j
\widetilde{y}_j^2` speaks of the length of each column.  The scalar reader reads :math:`|\widetilde{\mathbf d}_j|^2`
as the square of a number :math:`\widetilde{\mathbf d}_j`, unrelated to :math:`\widetilde{x}_j` and
:math:`\widetilde{y}_j`, and the identity fails.  A counterexample found so is one of the misreading, not of the
notes: :func:`vector_names` records each name (a member of an indexed family stands for the family: ``d_1`` and
``d_j`` are both ``d``; a plain ``u`` does not make its entries ``u_1`` vectors) given a column
or row of two or more entries, by a definition or an example, and :func:`read_as_numbers` names those a claim's
scalar reading uses, so that its refutation becomes ``undecided`` with that reason.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.nodes import MatrixLiteral

_FAMILY = re.compile(r"^(?P<base>.+?)_(?:\{[^{}]*\}|[A-Za-z0-9]+)$")


def _key(name):
    """``("family", d)`` for a member of a family (``d_1``, ``d_{12}``, ``Indexed(d, j)``), ``("name", u)`` for a plain
    name: a vector ``u`` does not make its entries ``u_1`` (numbers) vectors, a vector ``d_1`` makes ``d_j`` one."""
    if isinstance(name, sp.Indexed):
        return "family", str(name.base.label)
    found = _FAMILY.match(str(name))
    return ("family", found.group("base")) if found else ("name", str(name))


def is_vector(value) -> bool:
    """Whether ``value`` is written out as a column or a row of two or more entries."""
    if not isinstance(value, MatrixLiteral):
        return False
    rows = value.args
    return len(rows) >= 2 and all(len(row) == 1 for row in rows) or len(rows) == 1 and len(rows[0]) >= 2


def vector_names(pairs, line: int, known: dict) -> None:
    """Record in ``known`` (key -> line) each name of ``(name, value)`` pairs whose value is a vector."""
    for name, value in pairs:
        if isinstance(name, (sp.Symbol, sp.Indexed)) and is_vector(value):
            known.setdefault(_key(name), line)


def read_as_numbers(exprs, known: dict, *, families_only: bool = False) -> list[tuple[str, int]]:
    """The ``(name, line)`` of each name in ``exprs`` that the notes wrote out as a vector at ``line`` (itself, or a
    member of its family; with ``families_only`` members of families only: a plain ``|u|`` of a vector ``u`` as
    written is its norm, which readers.notes.entry_norms reads from its entries)."""
    found = {}
    for e in exprs:
        for x in e.free_symbols | e.atoms(sp.Indexed):
            if isinstance(x, (sp.Symbol, sp.Indexed)) and _key(x) in known \
                    and not (families_only and _key(x)[0] == "name"):
                found[_key(x)[1]] = known[_key(x)]
    return sorted(found.items())
