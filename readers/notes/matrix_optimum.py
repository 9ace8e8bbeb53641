r"""A stated optimum of a matrix objective, checked on matrices of several sizes.

``w^\star = v`` after an objective $F$ in $w$ (readers.notes.optimum) claims that $v$ is a stationary point:

.. math:: \nabla_w F \,\big|_{w = v} = 0 .

readers.notes.optimum checks it in the $1\times1$ case; when $F$ or $v$ is matrix algebra (``\|Xw - y\|^2``,
``(X^\top X)^{-1} X^\top y``) that case proves nothing about larger sizes.  Here both are read again with
order-keeping products (readers.latex.matrix_reader) and the claim ``at(nabla_w(F), w, v) = 0`` goes to the
matrix check (readers.notes.matrices): every reading of the names' kinds, at several sizes, by samples.

An objective may also be named in prose: "least squares minimises $\|Xw - y\|^2$", "the problem is to
minimize $\|\mathbf{y} - \mathbf{X}\mathbf{w}\|^2$" (:func:`minimised_in_prose`): an inline expression right
after a verb of minimising, with no relation in it.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block
from readers.notes.matrix_shapes import AT

MINIMISED = re.compile(r"\b(?:minimi[sz]es?|minimi[sz]ing|maximi[sz]es?|maximi[sz]ing)\s*$",
                       re.IGNORECASE)
"""Prose that ends with a verb of optimising, right before the inline objective it names."""


def minimised_in_prose(before: str) -> bool:
    """Whether the text of the line before an inline block ends with a verb of minimising (or maximising)."""
    return MINIMISED.search(before.rstrip()) is not None


def stationarity_claim(objective, name: str, value):
    r"""``at(nabla_w(F), w, v)`` for the symbol of ``objective`` named ``name``; None when there is none or
    ``value`` uses it (then $v$ is no point)."""
    variable = next((s for s in objective.free_symbols if isinstance(s, sp.Symbol) and s.name == name), None)
    if variable is None or variable in value.free_symbols:
        return None
    return sp.Function(AT)(sp.Function(f"nabla_{name}")(objective), variable, value)


def matrix_rows(content: str, **names) -> list[tuple[int, list]]:
    """``(row line, expressions of its chain)`` of each formula row of ``content`` read with order-keeping
    products; empty when there is no such reading."""
    try:
        block = parse_matrix_block(content, **names)
    except Exception:  # noqa: BLE001 - no matrix reading: the 1x1 check stands alone
        return []
    return [(row.line, list(row.chain.exprs)) for row in block.rows
            if row.kind not in ("empty", "prose", "list", "condition")]
