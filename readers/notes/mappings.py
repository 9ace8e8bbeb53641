r"""Names the prose calls a mapping: ``If $D$ is a mapping that doubles things, $Dx = 2x$``.

Such a name is not a number.  The notes give its action in words or by a formula the reader cannot take as a
definition (``$Dx = 2x$`` names ``Dx``), and then write ``$(D+T)x = 5x$``: read as numbers, ``D`` and ``T`` are free
and the claim fails at ``D = T = 1/2``, a refutation of a correct line.  A refutation that assigns a value to a name
the prose has called a mapping, a map or a transformation (``$D$ is a mapping``, ``a linear transformation $L$``)
rests on that misreading, so it is withdrawn (readers.notes.check.check_claim).  So does one on a name the prose
calls an operator (:func:`operator_names`: "the forward difference operator $\Delta$ is defined by $\Delta a_n = a_{n+1}
- a_n$", then the product rule ``\Delta(a_n b_n) = a_{n+1} \Delta b_n + b_n \Delta a_n``), unless it has a reading of
its own; a block the prose introduces as a definition whose left side writes one defines the operator (no claim).
"""
from __future__ import annotations

import re

_KIND = r"(?:linear\s+)?(?:mapping|map|transformation)s?\b"
"""Not "operator": "$D$ denotes the differentiation operator" is read as such (readers.notes.operators), and a wrong
``Dt^3 = 3t`` is refuted through that reading."""
_NAME = r"\$\s*\\?([A-Za-z]+)\s*\$"
_CALLED = re.compile(_NAME + r"\s+(?:is|be|was|denotes|represents)\s+(?:a|an|the|some)\s+(?:[\w-]+\s+){0,2}?" + _KIND
                     + r"|\b(?:a|an|the)\s+" + _KIND + r"\s+" + _NAME, re.IGNORECASE)


def mapping_names(text: str) -> frozenset:
    r"""The names ``text`` calls a mapping, a map or a transformation (``D`` for "If $D$ is a mapping that doubles things"),
    or an operator (:func:`operator_names`)."""
    return frozenset(m.group(1) or m.group(2) for m in _CALLED.finditer(text)) | operator_names(text)


_OPERATOR = re.compile(r"\boperators?\s+(?:[\w-]+\s+)?" + _NAME + r"|" + _NAME
                       + r"\s*,?\s*(?:is|be|was|denotes|represents)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?operators?\b",
                       re.IGNORECASE)
r"""``the forward difference operator $\Delta$``, ``operator $T$``, ``$L$ is a linear operator``."""
OWN_READINGS = frozenset({"D", "nabla", "partial", "mathbb", "E"})
r"""Operators read elsewhere: ``D`` as differentiation (readers.notes.operators), ``\nabla`` and ``\partial`` as
derivatives, ``E`` as an expectation: a wrong step through them is refuted there."""


def operator_names(text: str) -> frozenset:
    r"""The names ``text`` calls an operator (``Delta`` for "the forward difference operator $\Delta$"), except those
    with a reading of their own (:data:`OWN_READINGS`) and letters it also calls a matrix (then the operator acts by
    multiplication, as the product reading has it).  Such a name acts on what follows it (``\Delta a_n``,
    ``\Delta(a_n b_n)``): read as a number it refutes the author's correct product rule."""
    found = {m.group(1) or m.group(2) for m in _OPERATOR.finditer(text)} - OWN_READINGS
    return frozenset(n for n in found if not (len(n) == 1 and _matrix(n, text)))


def _matrix(letter: str, text: str) -> bool:
    r"""Whether ``text`` calls the letter a matrix (``the matrix $A$``, ``$A$ is a matrix``, ``$A \in \mathbb{R}^{m
    \times n}$``)."""
    return re.search(r"matri(?:x|ces)\s+\$\s*" + letter + r"\s*\$|\$\s*" + letter + r"\s*\$[^.$]{0,30}\bmatri"
                     r"|(?<![\\A-Za-z])" + letter + r"\s*\\in\s*\\mathbb\s*\{?[RC]\}?\s*\^", text) is not None


def writes_name(latex: str, names) -> str | None:
    r"""The first of ``names`` (``Delta``, ``T``) that ``latex`` writes (``\Delta a_n``, ``T x``), else None."""
    for name in sorted(names):
        if re.search(r"(?<![A-Za-z])\\?" + re.escape(name) + (r"(?![A-Za-z])" if len(name) > 1 else ""), latex):
            return name
    return None
