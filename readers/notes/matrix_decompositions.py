r"""Eigendecompositions the notes state in prose: what $\mathbf{Q}$ and $\boldsymbol\Lambda$ in a claim mean.

Notes write a claim about the factors of a decomposition and say in the sentence which decomposition it is:

    ... a unique matrix square root $\mathbf{A}^{\frac12} = \mathbf{Q}\boldsymbol\Lambda^{\frac12}\mathbf{Q}^\top$,
    where $\mathbf{Q}\boldsymbol\Lambda\mathbf{Q}^\top$ is the eigendecomposition of $\mathbf{A}$ ...

Read forms: "$F$ is the eigendecomposition of $A$", "let $A = F$ be the eigendecomposition (of $A$)", "the
eigendecomposition $A = F$" ("spectral decomposition" and "diagonalization" alike), where $F = P D P^\top$ or
$P D P^{-1}$.  The decomposition states

.. math:: A = P D P^{\top} \ (P \text{ orthogonal}) \quad\text{or}\quad A = P D P^{-1} \ (P \text{ invertible}),
          \qquad D \text{ diagonal},

and $D$ is positive when the notes make $A$ positive definite (its eigenvalues are then positive).  It holds in
its section, before and after the sentence (a "where" clause follows the claim it explains).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block

_NAME = r"(?:eigen(?:value)?[- ]?decomposition|spectral decomposition|diagonali[sz]ation)"
_MATH = r"\$([^$]{1,120})\$"
_FORMS = (
    re.compile(_MATH + r"\s+(?:is|be|denotes)\s+(?:the|an|its)\s+" + _NAME + r"\s+of\s+" + _MATH, re.I),
    re.compile(_MATH + r"\s+(?:is|be)\s+(?:the|an|its)\s+" + _NAME + r"(?:\s+of\s+" + _MATH + ")?", re.I),
    re.compile(r"(?:the|its|an)\s+" + _NAME + r"(?:\s+of\s+" + _MATH + r")?\s*,?\s*" + _MATH, re.I),
)
"""``$F$ is the eigendecomposition of $A$`` | ``$A = F$ be the eigendecomposition [of $A$]`` |
``the eigendecomposition [of $A$] $A = F$``."""


@dataclass(frozen=True)
class Decomposition:
    """``name = outer * middle * outer^T`` (``orthogonal``) or ``outer * middle * outer^{-1}``, stated at ``line``."""

    line: int
    name: str
    outer: str
    middle: str
    orthogonal: bool
    body: sp.Expr

    def shown(self) -> str:
        kind = "orthogonal" if self.orthogonal else "invertible"
        return (f"{_plain(self.name)} = {_plain(str(self.body))}, the eigendecomposition stated at line {self.line} "
                f"({_plain(self.outer)} {kind}, {_plain(self.middle)} diagonal)")


def _plain(text: str) -> str:
    return re.sub(r"\\(?:mathbf|boldsymbol|bm)\{(\\?\w+)\}", r"\1", text).replace("\\", "")


def stated_decompositions(text: str) -> list[Decomposition]:
    """Every eigendecomposition the prose states (see the module docstring), in order of its line."""
    out = []
    for form, pattern in enumerate(_FORMS):
        for m in pattern.finditer(text):
            first, second = m.groups()
            found = _read(second, first) if form == 2 else _read(first, second)
            if found is not None:
                line = text.count("\n", 0, m.start()) + 1
                out.append(Decomposition(line, *found))
    return sorted(set(out), key=lambda d: d.line)


def _read(formula: str, of: str | None):
    """``(name, outer, middle, orthogonal, body)`` from ``formula`` (``F`` or ``A = F``) and ``of`` (``A``)."""
    try:
        exprs = [e for row in parse_matrix_block(formula).rows for e in row.chain.exprs]
        named = [e for row in parse_matrix_block(of).rows for e in row.chain.exprs] if of else []
    except Exception:  # noqa: BLE001 - not a formula this reading knows: no decomposition
        return None
    if len(exprs) == 2 and isinstance(exprs[0], sp.Symbol):
        name, body = exprs
        if named and named != [name]:
            return None
    elif len(exprs) == 1 and len(named) == 1 and isinstance(named[0], sp.Symbol):
        name, body = named[0], exprs[0]
    else:
        return None
    factors = _factors(body)
    if factors is None or name.is_commutative:
        return None
    outer, middle, orthogonal = factors
    return name.name, outer.name, middle.name, orthogonal, body


def _factors(body):
    """``(P, D, orthogonal)`` when ``body`` is ``P D P^T`` or ``P D P^{-1}`` of three matrix names, else None."""
    if not isinstance(body, sp.Mul) or len(body.args) != 3:
        return None
    outer, middle, last = body.args
    if not (isinstance(outer, sp.Symbol) and isinstance(middle, sp.Symbol)) or outer == middle \
            or outer.is_commutative or middle.is_commutative:
        return None
    if isinstance(last, sp.Pow) and last.base == outer and last.exp == -1:
        return outer, middle, False
    if getattr(last, "func", None) is not None and last.func.__name__ == "transpose" and last.args == (outer,):
        return outer, middle, True
    return None


def in_force(decompositions, section_of, line: int) -> list[Decomposition]:
    """The decompositions stated in the section of ``line`` (``section_of(line)``: its section number)."""
    here = section_of(line)
    return [d for d in decompositions if section_of(d.line) == here]
