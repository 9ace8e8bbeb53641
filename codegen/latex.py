r"""LaTeX printing: sympy's ``LatexPrinter`` plus our nodes, and whole records.

``formula_latex(f)`` renders a record as an ``aligned`` block, definitions
first, each output with the range of its free indices, e.g.

.. math:: \sigma_{i} = \frac{e^{z_{i}}}{\sum_{j=0}^{K - 1} e^{z_{j}}}, \quad 0 \le i \le K - 1

What it prints reads back with :func:`readers.latex.parse.parse_latex`
(``tests/test_latex_roundtrip.py``), whose convention is that of notes: a
subscript is an element index when its letters are indices, otherwise part of
the name.  So a name's own subscript is a *label*, typeset so that it never
reads as an index: words upright (``d_{\mathrm{model}}``, ``L_{\mathrm{origin}}``),
single letters in ``\mathit`` (``d_{\mathit{k}}``, the size, not the element
``d_{k}``; the reader takes ``\mathrm{k}`` for a plain ``k``), digits as they are (``\mu_{1}``).  An element of such an array
puts its indices in a second subscript after a thin space,
``x_{\mathrm{prev}}\,_{k}``, instead of ``{x_{\mathrm{prev}}}_{k}``.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter

_WORD = re.compile(r"[A-Za-z]+")


class FormularyLatexPrinter(LatexPrinter):
    """``LatexPrinter`` that also prints :class:`symbolic.functions.ReduceMax`, with labels and
    nested reductions as the module docstring says."""

    def _split_super_sub(self, name: str):
        base, supers, subs = super()._split_super_sub(name)
        return base, supers, [_label(s) for s in subs]

    def _print_ReduceMax(self, expr):
        (j, lo, hi), *_ = expr.limits
        body = self.parenthesize(expr.function, 1000)
        return rf"\max_{{{self._print(j)}={self._print(lo)}}}^{{{self._print(hi)}}} {body}"

    def _print_Sum(self, expr):
        r"""One ``\sum_{i=a}^{b}`` per limit, outermost first (no ``\substack``), so that a
        reader of LaTeX, ours included, sees the nesting."""
        return self._reduction(r"\sum", expr)

    def _print_Product(self, expr):
        r"""One ``\prod_{i=a}^{b}`` per limit, like :meth:`_print_Sum`."""
        return self._reduction(r"\prod", expr)

    def _reduction(self, op: str, expr) -> str:
        body = self.parenthesize(expr.function, 1000) if expr.function.is_Add else self._print(expr.function)
        ops = "".join(rf"{op}_{{{self._print(i)}={self._print(a)}}}^{{{self._print(b)}}} "
                      for i, a, b in reversed(expr.limits))
        return ops + body

    def _print_Indexed(self, expr):
        base = self._print(expr.base.label)
        idx = ",".join(self._print(i) for i in expr.indices)
        if "^" in base:
            return f"{{{base}}}_{{{idx}}}"
        if "_" in base:  # x_{\mathrm{prev}}\,_{k}: the label, then the index
            return rf"{base}\,_{{{idx}}}"
        return f"{base}_{{{idx}}}"


def _label(sub: str) -> str:
    r"""A name's subscript as a label: ``model`` -> ``\mathrm{model}``, ``k`` -> ``\mathit{k}``."""
    if not _WORD.fullmatch(sub):
        return sub
    return rf"\mathit{{{sub}}}" if len(sub) == 1 else rf"\mathrm{{{sub}}}"


def latex(expr) -> str:
    return FormularyLatexPrinter().doprint(expr)


LINE_WIDTH = 100
"""Characters of LaTeX source on one displayed line before :func:`wrapped` breaks it (a proxy for the
printed width of a 2 cm-margin A4 line at 10 pt)."""


def wrapped(expr, width: int = LINE_WIDTH) -> list[str]:
    r"""The LaTeX of ``expr`` as lines, broken before top-level $+$ and $-$ where one line would pass
    ``width`` characters: a long sum is typeset over several lines instead of past the margin."""
    text = latex(expr)
    if len(text) <= width or not isinstance(expr, sp.Add):
        return [text]
    lines, line = [], ""
    for k, term in enumerate(expr.as_ordered_terms()):
        piece = latex(term)
        if k and not piece.startswith("-"):
            piece = "+ " + piece
        if line and len(line) + len(piece) > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line} {piece}".strip()
    return lines + [line]


def ranges_latex(indices) -> str:
    if not indices:
        return ""
    parts = [rf"{latex(lo)} \le {latex(i)} \le {latex(hi)}" for i, lo, hi in indices]
    return r", \quad " + r",\ ".join(parts)  # after a comma: "V_{j,v} (0 \le ...)" would read as a call


def formula_latex(formula) -> str:
    """The record as an ``aligned`` environment (or its hand-written ``latex``)."""
    if formula.latex:
        return formula.latex
    rows = [rf"{latex(d.lhs)} &= {latex(d.expr)}" for d in formula.definitions]
    rows += [rf"{latex(o.lhs)} &= {latex(o.expr)}{ranges_latex(o.indices)}" for o in formula.outputs]
    return "\\begin{aligned}\n" + " \\\\\n".join(rows) + "\n\\end{aligned}"


def domain_latex(formula) -> list[str]:
    """One line per variable: symbol, domain and description."""
    out = []
    for v in formula.variables:
        sym = latex(v.symbol.label if isinstance(v.symbol, sp.IndexedBase) else v.symbol)
        shape = ""
        if v.shape:
            shape = r"^{" + r" \times ".join(latex(s) for s in v.shape) + "}"
        if not v.domain.latex.startswith("\\mathbb"):
            shape = ""
        out.append(rf"{sym} \in {v.domain.latex}{shape}")
    return out
