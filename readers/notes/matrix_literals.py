r"""Which written-out matrices are in force at a claim: $\mathbf{W} = \begin{bmatrix}1&1\\-1&2\end{bmatrix}$
earlier in the note, then $\mathbf{A}\mathbf{W} = \mathbf{W}\boldsymbol\Sigma$ is a claim about numbers.

A *literal definition* is a row ``NAME = <written-out matrix>`` (a ``bmatrix``, ``[x, y]^\top``, or an
expression of them with numbers and scalar names), or a chain ``B = A^\top = <written-out matrix>`` whose middle links
are that matrix exactly, with the written-out matrices before it put in.  At a claim, a name's latest literal definition
before it is in force unless

* the note declares the name after the definition with other sizes (``$A \in \mathbb{R}^{n\times n}$``)
  or as a scalar: the letter is reused for a general value;
* a property the note gives the name there (symmetric, orthogonal, diagonal, positive definite,
  invertible) does not hold for the written-out value; a property given only before the definition ("any
  symmetric matrix $A$" in an earlier remark) is about the letter's earlier use, which the definition shadows, and
  one given only after the claim (a later remark) cannot govern it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block
from readers.notes.matrix_exact import Exact, NotExact, has_literal


@dataclass(frozen=True)
class LiteralDefinition:
    line: int
    section: int
    name: str
    value: sp.ImmutableMatrix


def literal_definitions(fragments, identity) -> list[LiteralDefinition]:
    r"""Every literal definition among the note's blocks ``fragments`` (as the claims read them: the note's own
    macros expanded, so ``\bs{x} = [2, 5]^T`` under ``\newcommand\bs[1]{\boldsymbol{#1}}`` writes out the
    ``\boldsymbol{x}`` of the claims), in order (``identity(symbol)``: whether a name is ``I``)."""
    out = []
    for frag in fragments:
        if "matrix" not in frag.content and "^\\top" not in frag.content and "^T" not in frag.content:
            continue
        try:
            block = parse_matrix_block(frag.content)
        except Exception:  # noqa: BLE001 - a block with no matrix reading defines nothing here
            continue
        for row in block.rows:
            exprs, rels = row.chain.exprs, row.chain.rels
            if row.kind != "formula" or len(exprs) < 2 or set(rels) != {"="}:
                continue
            name, body = exprs[0], exprs[-1]
            if not (isinstance(name, sp.Symbol) and not name.is_commutative and has_literal(body)):
                continue
            try:
                value = Exact({}, lambda s: True, identity)(body)
            except (NotExact, ValueError, TypeError, AttributeError):
                continue
            if isinstance(value, sp.MatrixBase) and all(_agrees(e, value, out, identity) for e in exprs[1:-1]):
                out.append(LiteralDefinition(frag.content_line + row.line - 1, frag.section, name.name,
                                             sp.ImmutableMatrix(value)))
    return out


def _agrees(expr, value, earlier: list[LiteralDefinition], identity) -> bool:
    r"""Whether the middle link ``expr`` of a chain ``B = A^\top = [[...]]`` is exactly the written-out ``value``
    with the latest earlier written-out matrices put in: only then does the chain define ``B`` as that value (a
    link that cannot be evaluated, or that differs, leaves ``B`` without one)."""
    latest = {d.name: d.value for d in earlier}
    names = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and not s.is_commutative}
    if any(s.name not in latest for s in names if not identity(s)):
        return False
    env = {s: latest[s.name] for s in names if s.name in latest}
    try:
        found = Exact(env, lambda s: s not in env, identity)(expr)
    except (NotExact, ValueError, TypeError, AttributeError, ZeroDivisionError):
        return False
    return isinstance(found, sp.MatrixBase) and found.shape == value.shape \
        and all(sp.simplify(a - b) == 0 for a, b in zip(found, value))


def in_force(definitions, name: str, line: int, entries, props) -> LiteralDefinition | None:
    r"""The literal definition of ``name`` in force at ``line`` (see the module docstring); ``entries``: the
    note's declarations ``(line, name, kind, dims, props)``; ``props``: the properties declared at ``line``."""
    found = [d for d in definitions if d.name == name and d.line < line]
    if not found:
        return None
    latest = found[-1]
    letters = {name, _plain(name)} - {None}
    for entry_line, n, kind, dims, _ in entries:
        if n in letters and latest.line < entry_line <= line and _general(kind, dims, latest.value):
            return None
    before = {p for entry_line, n, _, _, given in entries if n in letters and entry_line < latest.line for p in given}
    since = {p for entry_line, n, _, _, given in entries if n in letters and latest.line <= entry_line <= line
             for p in given}
    later = {p for entry_line, n, _, _, given in entries if n in letters and entry_line > line for p in given}
    if not all(_has(latest.value, p) for p in set(props) - (before - since) - (later - before - since)):
        return None
    return latest


def _general(kind, dims, value) -> bool:
    """Whether a later declaration reuses the name for a general value: a scalar, or sizes other than the
    written-out ones (``\\mathbb{R}^{n \\times n}``); "the matrix $A$" alone does not."""
    if kind == "scalar":
        return True
    if not dims:
        return False
    shape = tuple(dims) if len(dims) == 2 else (dims[0], 1)
    return shape != value.shape


def _plain(name: str):
    m = re.fullmatch(r"\\(?:mathbf|boldsymbol|bm|pmb|mathbfit|bold)\{(\\?[A-Za-z]+)\}", name.strip())
    return m.group(1) if m else None


def _has(m: sp.ImmutableMatrix, prop: str) -> bool:
    """Whether a written-out matrix has a declared property (unknown properties: no)."""
    try:
        if prop == "symmetric":
            return m.is_square and sp.simplify(m - m.T).is_zero_matrix is True
        if prop == "diagonal":
            return m.is_diagonal()
        if prop == "orthogonal":
            return m.is_square and sp.simplify(m.T * m - sp.eye(m.rows)).is_zero_matrix is True
        if prop == "invertible":
            return m.is_square and sp.simplify(m.det()) != 0
        if prop == "positive definite":
            return m.is_square and sp.simplify(m - m.T).is_zero_matrix is True and m.is_positive_definite is True
    except Exception:  # noqa: BLE001 - a property sympy cannot decide is not taken as held
        return False
    return False
