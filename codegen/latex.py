r"""LaTeX printing: sympy's ``LatexPrinter`` plus our nodes, and whole records.

``formula_latex(f)`` renders a record as an ``aligned`` block, definitions
first, each output with the range of its free indices, e.g.

.. math:: \sigma_{i} = \frac{e^{z_{i}}}{\sum_{j=0}^{K - 1} e^{z_{j}}} \quad (0 \le i \le K - 1)
"""
from __future__ import annotations

import sympy as sp
from sympy.printing.latex import LatexPrinter


class FormularyLatexPrinter(LatexPrinter):
    """``LatexPrinter`` that also prints :class:`symbolic.functions.ReduceMax`."""

    def _print_ReduceMax(self, expr):
        (j, lo, hi), *_ = expr.limits
        return r"\max_{%s=%s}^{%s} %s" % (
            self._print(j), self._print(lo), self._print(hi),
            self.parenthesize(expr.function, 1000),
        )

    def _print_Sum(self, expr):
        r"""One ``\sum_{i=a}^{b}`` per limit, outermost first (no ``\substack``), so that a
        reader of LaTeX, ours included, sees the nesting."""
        body = self.parenthesize(expr.function, 1000) if expr.function.is_Add else self._print(expr.function)
        sums = "".join(rf"\sum_{{{self._print(i)}={self._print(a)}}}^{{{self._print(b)}}} "
                       for i, a, b in reversed(expr.limits))
        return sums + body

    def _print_Indexed(self, expr):
        base = self._print(expr.base.label)
        idx = ",".join(self._print(i) for i in expr.indices)
        if "_" in base or "^" in base:
            base = "{" + base + "}"
        return f"{base}_{{{idx}}}"


def latex(expr) -> str:
    return FormularyLatexPrinter().doprint(expr)


def _ranges(indices) -> str:
    if not indices:
        return ""
    parts = [rf"{latex(lo)} \le {latex(i)} \le {latex(hi)}" for i, lo, hi in indices]
    return r" \quad (" + r",\ ".join(parts) + ")"


def formula_latex(formula) -> str:
    """The record as an ``aligned`` environment (or its hand-written ``latex``)."""
    if formula.latex:
        return formula.latex
    rows = [rf"{latex(d.lhs)} &= {latex(d.expr)}" for d in formula.definitions]
    rows += [rf"{latex(o.lhs)} &= {latex(o.expr)}{_ranges(o.indices)}" for o in formula.outputs]
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
