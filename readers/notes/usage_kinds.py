r"""Kinds a note shows by how it writes a name: $A^\top$, $\det A$, $\operatorname{tr}(A)$ make $A$ no scalar.

A plain letter of a matrix claim is read two ways (:func:`readers.notes.matrices.kind_options`: ``A`` a scalar
or a matrix, ``x`` a scalar or a vector, ``\theta`` a scalar).  Where the note itself transposes the name somewhere
(``A^T``, ``V_r^\top``, ``\theta^{\mathrm{T}}``), or takes its determinant, trace or rank, it uses the name as an
array: a capital (Latin or Greek) is a matrix, a lower case letter a column vector.

These kinds are used **only to confirm**: a claim whose readings fail or disagree is checked once more with the
kinds the note's usage shows, and is verified when every remaining reading holds, the verdict naming the kinds
and where the note shows them.  A claim is never refuted on them (a reading the usage leaves out stays as it was).
"""
from __future__ import annotations

import functools
import re

from readers.latex.matrix_reader import parse_matrix_block

_NAME = r"(\\[A-Za-z]+|[A-Za-z])(_\{[^{}$]*\}|_[A-Za-z0-9])?"
_T = r"(?:T|\\top(?![A-Za-z])|\\intercal(?![A-Za-z])|\\mathrm\{T\}|\\mathsf\{T\})"
_TRANSPOSE = re.compile(_NAME + r"\s*\^\s*(?:" + _T + r"|\{\s*(?:" + _T + r"|\\rm\s*T)\s*\})")
r"""A name with a transpose: ``A^T``, ``V_r^{\top}``, ``\Sigma^\mathrm{T}`` (not ``\mathbf{A}^T``: bold is known)."""
_MATRIX_FUNCTION = re.compile(r"\\(?:det|operatorname\{(?:tr|Tr|trace|rank|rk)\}|mathrm\{(?:tr|Tr|trace|rank)\}"
                              r"|text\{(?:tr|Tr|trace|rank)\})\s*(?:\(\s*|\\left\(\s*)?" + _NAME + r"\s*(?:\\right)?\)?"
                              r"(?![A-Za-z_^])")
r"""``\det A``, ``\det(A)``, ``\operatorname{tr}(\Sigma)``, ``\mathrm{rank}(X)``: the argument, a single name."""
_MACROS = frozenset({"mathbf", "boldsymbol", "bm", "mathrm", "mathit", "operatorname", "text", "left", "right", "det",
                     "top", "intercal", "mathsf", "cdot", "times", "in", "frac", "sqrt", "sum", "log", "exp"})


@functools.lru_cache(maxsize=4096)
def _symbol_name(token: str) -> str | None:
    r"""The name the matrix reader gives ``token`` (``\Sigma_{rr}`` -> ``Sigma_rr``), or None."""
    try:
        block = parse_matrix_block(token)
    except Exception:  # noqa: BLE001 - a token the reader cannot read shows nothing
        return None
    names = {s.name for row in block.rows for e in row.chain.exprs for s in e.free_symbols}
    return names.pop() if len(names) == 1 else None


def _standalone(text: str, start: int) -> bool:
    r"""Whether the name at ``start`` stands on its own: not a subscript (``x_i^T``), not inside a bold or
    decorated name (``\mathbf{A}^T``) nor the tail of a command; after a superscript letter (``A^TB^T``) or
    another plain letter (``AB^T``, a product) it does."""
    j = start
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if j == start:
        return start == 0 or text[start - 1] not in "{_^\\"
    if j > 0 and text[j - 1] == "\\":
        return False
    return not (j > 0 and text[j - 1] in "{_") or start - j == 1 and text[j - 1] == "^"


def array_names(text: str) -> dict[str, tuple[str, int]]:
    r"""Plain names the note uses as arrays: sympy name -> (``matrix`` or ``vector``, the first line showing it)."""
    out: dict[str, tuple[str, int]] = {}
    for pattern in (_TRANSPOSE, _MATRIX_FUNCTION):
        for m in pattern.finditer(text):
            letter, sub = m.group(1), m.group(2) or ""
            if pattern is _TRANSPOSE and not _standalone(text, m.start()):
                continue
            core = letter.lstrip("\\")
            if letter.startswith("\\") and core in _MACROS:
                continue
            name = _symbol_name(letter + sub)
            if name is None:
                continue
            kind = "matrix" if core[:1].isupper() else "vector"
            line = text.count("\n", 0, m.start()) + 1
            if name not in out or out[name][1] > line:
                out[name] = (kind, line)
    return out


def shown_kinds(symbols, used: dict, options) -> dict:
    """Of ``symbols`` (a claim's names), those whose kind the usage ``used`` fixes and ``options(name)`` does not:
    symbol -> (kind, line)."""
    out = {}
    for s in symbols:
        if s.name not in used:
            continue
        kinds = {k.kind for k in options(s.name)}
        kind, line = used[s.name]
        if kinds == {kind}:
            continue
        if kinds - {"scalar", kind}:  # declared or conventional as something else: the usage does not override it
            continue
        out[s] = (kind, line)
    return out
