"""The exported document: escaping, verdict marks, and a real pdflatex compile."""
import shutil
import subprocess

import pytest
import sympy as sp

from codegen.latex_document import (
    MARKS,
    compile_pdf,
    document,
    escape_text,
    mixed_text,
    tt,
)
from derivations.checker.report import CheckedDerivation
from derivations.checker.step import Derivation, Step
from derivations.checker.verdict import Verdict
from symbolic import all_formulas

x = sp.Symbol("x", real=True)
DERIVATION = Derivation("demo", "A demo derivation", (
    Step(sp.diff(1 / (1 + sp.exp(-x)), x), sp.exp(-x) / (1 + sp.exp(-x)) ** 2, justification="chain rule"),
    Step((x + 1) ** 2, x**2 + 1, expect="fails"),
))
CHECKED = CheckedDerivation(DERIVATION, (
    Verdict("proved", "symbolic: cancel", seconds=0.1),
    Verdict("refuted", "exact: rational points", counterexample={"x": "1", "lhs": "4", "rhs": "2"}),
))


def test_escape_text_handles_specials_and_unicode():
    assert escape_text("50% of a_b & c#") == r"50\% of a\_b \& c\#"
    assert escape_text("μ → ∞") == r"\ensuremath{\mu} \ensuremath{\to} \ensuremath{\infty}"
    assert mixed_text(r"text_1 $\sigma_i$ done") == r"text\_1 $\sigma_i$ done"


def test_document_has_every_formula_and_verdict_marks():
    tex = document(all_formulas(), [CHECKED])
    for f in all_formulas():
        assert tt(f.id) in tex
    assert MARKS["proved"] in tex and MARKS["refuted"] in tex
    assert "Counterexample:" in tex and "lhs = 4" in tex


def test_every_formula_renders_in_notebooks():
    for f in all_formulas():
        text = f._repr_latex_()
        assert text.startswith("$\\displaystyle") and text.endswith("$") and len(text) > 20


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is absent (CI installs it; .ci/run fails without it)")
def test_document_compiles_and_text_reads_back(tmp_path):
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(compile_pdf(document(all_formulas(), [CHECKED])))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.replace("\u2019", "'").split())  # TeX typesets ' as a right quote
    for f in all_formulas():
        assert f.id in flat, f.id  # typeset in \texttt, never hyphenated
        assert " ".join(f.title.split()[:1]) in flat, f.title
    assert "A demo derivation" in flat and "refuted" in flat
