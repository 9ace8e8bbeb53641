r"""A formula written again after one of its names was given a definition: "and our likelihood becomes".

.. code-block:: latex

    $$\log L(X, a, b) = Y \cdot \log p(X) + (1 - Y) \cdot \log(1 - p(X)).$$      % line 98
    ... Then $$p(X) = \sigma(XM)$$ and our likelihood becomes
    $$\log L(M) = Y \cdot \log\sigma(XM) + (1 - Y) \cdot (1 - \log\sigma(XM)).$$  % line 127

The words "our likelihood becomes" say the block is the quantity written before (the same left side, up to the
arguments of its functions: :func:`shape`), now with the new definition substituted.  So the block is checked as
the claim

.. math::  \text{(rhs at line 98, with } p(X) = \sigma(XM)\text{)} = \text{(rhs at line 127)},

which the earlier form makes checkable even where the left side (``L``) is defined nowhere.  The reading fires
only when all four hold: the prose right before the block ends with "... becomes" (:data:`CUE`), an earlier row
wrote the same left side, a name of that earlier right side was defined after it (else the block is no
restatement *with* something new, and the usual reading applies), and the block's right side uses no name the
earlier form (expanded) lacks (:func:`adds_nothing`: "with a penalty the cost becomes ... + \lambda \|w\|^2" adds
a term, so it is another formula, not the old one rewritten).
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

CUE = re.compile(r"(?:\b(?:becomes|turns\s+into)"
                 r"|\b(?:substituting|plugging|inserting|putting)\b[^.;]*?\bwe\s+(?:get|obtain|have|find))"
                 r"\s*[:,]?\s*$", re.IGNORECASE)
"""Prose ending right before the block that says the quantity written before now takes this form ("the loss
becomes", "substituting this into the cost we get")."""


def shape(lhs, operators=frozenset()):
    r"""``lhs`` with each application of an undefined function replaced by the function's name, or None when it
    applies none, or applies one of ``operators`` (``P(A)`` and ``P(B)`` are not one quantity in two
    parametrisations): ``\log L(X, a, b)`` and ``\log L(M)`` have one shape, ``\log L``; a plain ``x`` has none."""
    if not isinstance(lhs, sp.Basic):
        return None
    applied = {f.func.__name__ for f in lhs.atoms(AppliedUndef)}
    if not applied or applied & set(operators) or "transpose" in applied:
        return None
    return lhs.replace(lambda e: isinstance(e, AppliedUndef),
                       lambda e: sp.Symbol(f"{e.func.__name__}(...)"))


def names_of(expr) -> set:
    """The keys under which the notes' definitions of the names in ``expr`` are recorded (function names,
    symbols, arrays)."""
    return ({f.func.__name__ for f in expr.atoms(AppliedUndef)} | set(expr.free_symbols)
            | {x.base for x in expr.atoms(sp.Indexed)})


def redefined_since(expr, line: int, owner: dict) -> list:
    """The names of ``expr`` whose definition in force was written after ``line`` (``owner``: name ->
    (section, line)), sorted by name."""
    return sorted((k for k in names_of(expr) if k in owner and owner[k][1] > line), key=str)


def adds_nothing(new, old) -> bool:
    """Whether every name of ``new`` (by its written name) is a name of ``old``, or a run of letters that are
    (``XM`` where the other reading of capital runs takes it as one name, and ``old`` has ``X`` and ``M``)."""
    def written(e):
        return {str(k) for k in names_of(e)}
    known = written(old)
    return all(name in known or (name.isalpha() and all(c in known for c in name)) for name in written(new))
