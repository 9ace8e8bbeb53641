r"""A function's signature declares it afresh: ``Let $f \colon I \to \R$ be differentiable at $c$``.

Textbooks reuse one letter for many functions.  An example defines ``$f(x) := \abs{x}$``, and the next proposition
begins "Let $f \colon I \to \R$ be differentiable": from there on $f$ is the proposition's arbitrary function, not
the example's.  Substituting the old body would check the proposition's claims for that one function only, and a
claim true of every differentiable $f$ (the limit of its difference quotient is $f'(c)$) would be refuted with the
kinked $\abs{x}$.  So a block that is a signature, ``NAME \colon DOMAIN \to CODOMAIN`` (or ``NAME : ... \to ...``),
ends the definition of NAME: later claims read it as an unknown function (readers.notes.arbitrary), until a new
definition.  A signature the prose points back with (``we write $F \colon \R^2 \to \R^2$`` for the $F$ just
defined, ``the map $F \colon ...$``) keeps it (readers.notes.generic_names.points_back).
"""
from __future__ import annotations

import re

_NAME = r"(?:[A-Za-z]|\\[A-Za-z]+)(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
_SIGNATURE = re.compile(r"\s*(" + _NAME + r")\s*(?:\\colon|:)\s*(?:(?!=|\\to\b).)+?\\(?:to|rightarrow|longrightarrow)\b"
                        r"(?:(?!=).)*", re.DOTALL)
r"""``f \colon [a,b] \to \R``, ``g : \mathbb{R}^n \to \mathbb{R}``, ``\varphi_1 \colon X \to Y``: no ``=`` anywhere
(``f : x \mapsto ...`` and ``f: x = ...`` are not signatures)."""


def declared_name(content: str) -> str | None:
    r"""The LaTeX name a signature block declares (``f`` for ``f \colon I \to \R``), else None."""
    m = _SIGNATURE.fullmatch(content)
    return None if m is None else m.group(1).replace(" ", "")
