r"""A claim in letters that another section of the note declares matrices: read both ways.

A plain letter's declaration holds for its section (readers.notes.matrix_declarations: notes reuse letters), so in

.. code-block:: markdown

    # Setup
    Let $A, B \in \mathbb{R}^{n \times n}$.
    # Identities
    $(A+B)^2 = A^2 + 2AB + B^2$

the second section's claim is read in numbers, where it holds, though its author means the matrices of the first
section, where it fails ($AB \ne BA$).  The reading is ambiguous, and the issue's rule applies: when the claim holds
read as numbers but fails read as those matrices, it is ``undecided (ambiguous: ...)``, with both readings shown.
A claim that holds both ways, or whose matrix reading says nothing (shapes that do not fit, notation the matrix
reader does not take), keeps its verdict.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.notes.matrix_declarations import Declarations, NoteDeclarations
from readers.notes.report import StepReport

CONFIRMED = ("proved", "verified")
_RUN = re.compile(r"[A-Z]{2,4}")
"""A run of capitals read as one name (``ABC`` in ``\\operatorname{tr}(ABC)``): its letters may be the matrices."""


def borrowed(notes: NoteDeclarations, line: int, names) -> tuple[Declarations, dict] | None:
    """What holds at ``line`` plus the vectors and matrices among ``names`` that only other sections declare, with
    the line of each such declaration; None when there are none."""
    here = notes.at(line)
    letters = set(names) | {c for n in names if _RUN.fullmatch(n) for c in n}
    found: dict = {}
    for at, name, kind, dims, props in sorted(notes.entries, key=lambda e: e[0]):
        if name in letters and name not in here.kinds and name not in here.props \
                and (kind in ("vector", "matrix") or props) and notes.section(at) != notes.section(line):
            found.setdefault(name, (at, kind or "matrix", dims, props))
    if not found:
        return None
    merged = Declarations(dict(here.kinds), dict(here.dims), {k: set(v) for k, v in here.props.items()})
    for name, (_, kind, dims, props) in found.items():
        merged.kinds[name] = kind
        if dims:
            merged.dims[name] = dims
        if props:
            merged.props.setdefault(name, set()).update(props)
    return merged, {name: at for name, (at, *_) in found.items()}


def unless_matrices_elsewhere(reports: list[StepReport], matrix_claims, line: int, symbols,
                              **check) -> list[StepReport]:
    """``reports`` (the claim at ``line``, in the names ``symbols``, read in numbers), or one ``undecided (ambiguous)``
    step when every report confirms but the claim read as matrix algebra (``matrix_claims.check(**check)``) with the
    letters that other sections declare (:func:`borrowed`) is refuted.  The matrix reader's state is left as it was:
    this reading records no equation for later claims."""
    if not reports or not all(r.verdict in CONFIRMED for r in reports):
        return reports
    found = borrowed(matrix_claims.notes, line, symbols)
    if found is None:
        return reports
    declared, where = found
    saved = list(matrix_claims.constraints), matrix_claims.declared, matrix_claims.pairs
    try:
        steps = matrix_claims.check(**check, force=False, declared=declared)
    except Exception:  # noqa: BLE001 - no matrix reading: the numbers' verdict stands
        steps = None
    finally:
        matrix_claims.constraints, matrix_claims.declared, matrix_claims.pairs = saved
    failed = next((s for s in steps or () if s.verdict == "refuted"), None)
    if failed is None:
        return reports
    first = reports[0]
    letters = ", ".join(f"{name} (line {at})" for name, at in sorted(where.items()))
    witness = ", ".join(f"{k}={v}" for k, v in list((failed.counterexample or {}).items())[:4])
    reason = (f"ambiguous: read in numbers it holds ({first.verdict}); read with the matrices {letters} that another "
              f"section declares, it fails" + (f" at {witness}" if witness else "") +
              "; declaring the letters in this section would say which is meant")
    return [StepReport(**{**first.__dict__, "verdict": "undecided", "reason": reason[:600], "method": "",
                          "counterexample": None})]


def symbol_names(*exprs) -> set:
    """The names of the plain symbols in ``exprs``."""
    return {s.name for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol)}
