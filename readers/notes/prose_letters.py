r"""Letters the prose around a block writes as names of their own: a short run of them in the block is their product.

"For a label $y \in \{-1, 1\}$ and one feature $x$, the loss $\ell(w) = \log(1 + e^{-ywx})$ has the second
derivative $$\frac{d^2}{dw^2}\log(1 + e^{-ywx}) = ...$$": the run ``ywx`` is ``y w x``, since the same sentence
writes ``y``, ``x`` and ``w`` alone; read as one name ``ywx``, the derivative in ``w`` had nothing to differentiate.
The letters counted are the lower-case ones written alone (not inside a word or after a backslash) in the inline
formulas of an inline block's line, or of the sentence that introduces a display (readers.notes.taylor); the LaTeX
reader splits a run of two to four of them only when every letter is among them (``parse_block``'s ``letters``).
"""
from __future__ import annotations

import re

from readers.notes.taylor import run_introduction

_FORMULA = re.compile(r"\$([^$]+)\$")
_ALONE = re.compile(r"(?<![A-Za-z\\])([a-z])(?![A-Za-z])")


def prose_letters(lines: list[str], kind: str, line: int) -> frozenset:
    """The lower-case letters written alone in the inline formulas of line ``line`` (1-based), or for a display in
    those of the sentence introducing it."""
    if not 0 < line <= len(lines):
        return frozenset()
    text = run_introduction(lines, line) if kind == "display" else lines[line - 1]
    return frozenset(ch for formula in _FORMULA.findall(text) for ch in _ALONE.findall(formula))
