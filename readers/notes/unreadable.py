r"""Names the notes set in a block this reader could not read: ``$A = \operatorname{diag}(3, 1)$`` (unparsed).

A block that fails to parse states nothing this reader can use, but when it opens with ``NAME =`` it still gives
``NAME`` a value (here a matrix).  A later claim about the name is about that value, so a counterexample that reads
the name as a free number (``A = 1/2`` in :math:`\|A^{k+1} v_0\| / \|A^k v_0\| = \sqrt{(9^{k+1}+1)/(9^k+1)}`)
refutes nothing: the check stays ``undecided`` and says which definition it could not read.  The names hold to the
next heading, as examples do.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block
from readers.notes.reading import base_name

_SET = re.compile(r"^\s*(?P<name>(?:\\(?:mathbf|boldsymbol|bm|mathrm|mathcal|hat|bar|tilde)\s*\{[^{}]*\}|\\[A-Za-z]+|"
                  r"[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)\s*(?:=|:=|\\coloneqq|\\equiv|\\triangleq)"
                  r"(?!=)")
r"""``A =``, ``\mathbf{v}_0 :=``, ``\Sigma \equiv`` at the start of a block: a name being given a value."""


def set_name(content: str) -> str | None:
    r"""The name an unparsed block opens by setting (``A`` for ``A = \operatorname{diag}(3, 1)``), without its
    subscript as :func:`readers.notes.reading.base_name` writes it; None when the block opens otherwise."""
    m = _SET.match(content)
    if m is None:
        return None
    try:
        rows = parse_matrix_block(m.group("name")).rows
        exprs = [e for row in rows for e in row.chain.exprs]
    except Exception:  # noqa: BLE001 - not a name this reader writes
        return None
    if len(exprs) != 1 or not isinstance(exprs[0], (sp.Symbol, sp.Indexed)):
        return None
    return base_name(exprs[0])


def unreadable_in(sides, unreadable: dict) -> list[str]:
    """The names of ``sides`` (sympy expressions) that ``unreadable`` (base name -> line) says were set in a block
    that did not parse, each with its line."""
    names = {base_name(x) for e in sides for x in e.free_symbols | e.atoms(sp.Indexed)}
    return [f"{n} (line {unreadable[n]})" for n in sorted(names - {None}) if n in unreadable]
