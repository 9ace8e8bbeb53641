r"""Macros that a note's folder defines for it (readers/notes/folder_macros.py), and the notation they expand to.

Sphinx documentation writes formulas with the macros of the project's ``conf.py`` (Spinning Up's
``\underE{\tau \sim \pi}{R(\tau)}``, defined in its LaTeX preamble); a LaTeX file reads its own ``\input{defs}``.
Where the folder gives no definition the macro stays unknown and the block says so; nothing is guessed.
Made-up notes and configurations, in the styles of those sources."""
import pytest

from readers.latex.parse import parse_block
from readers.notes.files import check_file

PREAMBLE = r"""
imgmath_latex_preamble = r'''
\usepackage{amsmath}
\newcommand{\E}{{\mathrm E}}
\newcommand{\underE}[2]{\underset{\begin{subarray}{c}#1 \end{subarray}}{\E}\left[ #2 \right]}
'''
"""
MATHJAX = r"""
mathjax3_config = {"tex": {"macros": {"Ex": [r"\mathbb{E}_{#1}\left[#2\right]", 2], "RR": r"\mathbb{R}"}}}
"""
NOTE = r"""Returns
=======

.. math::

    V(s) = \underE{\tau \sim \pi}{R(\tau)\left| s_0 = s\right.}

.. math::

    \underE{x \sim \mathcal{N}(0, 1)}{x^2} = 1
"""
NOTE_MATHJAX = NOTE.replace(r"\underE", r"\Ex")


@pytest.mark.parametrize("config, note", [(PREAMBLE, NOTE), (MATHJAX, NOTE_MATHJAX)], ids=["preamble", "mathjax"])
def test_a_sphinx_conf_py_beside_or_above_the_note_gives_its_macros(tmp_path, config, note):
    (tmp_path / "conf.py").write_text(config, encoding="utf-8")
    (tmp_path / "part").mkdir()
    path = tmp_path / "part" / "returns.rst"
    path.write_text(note, encoding="utf-8")
    blocks = {b.line: b for b in check_file(str(path), 5.0).blocks}
    assert blocks[6].parsed and blocks[6].role == "definition", blocks[6]
    assert blocks[10].verdict == "proved", blocks[10]  # E_{x ~ N(0,1)}[x^2] = 1, read as an expectation


def test_without_a_definition_the_macro_is_reported_unknown(tmp_path):
    path = tmp_path / "returns.rst"
    path.write_text(NOTE, encoding="utf-8")
    block = {b.line: b for b in check_file(str(path), 5.0).blocks}[10]
    assert not block.parsed and "\\underE" in block.error


def test_a_latex_file_reads_the_definitions_of_the_files_it_inputs(tmp_path):
    (tmp_path / "defs.tex").write_text(r"\newcommand{\sq}[1]{{#1}^{2}}" + "\n", encoding="utf-8")
    path = tmp_path / "main.tex"
    path.write_text("\\documentclass{article}\n\\input{defs}\n\\begin{document}\n"
                    "\\[ \\sq{(a + b)} = \\sq{a} + 2ab + \\sq{b} \\]\n\\end{document}\n", encoding="utf-8")
    (block,) = check_file(str(path), 5.0).blocks
    assert block.verdict == "proved", block


@pytest.mark.parametrize("latex, read", [
    (r"a_t \sim \pi(\cdot | s_t)", r"pi(\cdot, Given(s_t))"),  # an argument left open, with a condition
    (r"V(s) = \mathbb{E}_{\tau \sim \pi}\left[R(\tau) \left| s_0 = s \right.\right]", "Given(event_eq(s_0, s))"),
    (r"g = \cancel{\nabla_\theta \log \rho_0(s_0)} + h", r"nabla_theta(log(rho_0(s_0)))"),
    (r"z = \sum_{\substack{i = 1}}^{n} x_i", "Sum(x[i], (i, 1, n))"),  # amsmath's lines under a sum
    (r"\mathbf{h}^{t+1} = f_t(\mathbf{h}^t)", r"f_t(\mathbf{h}^{t})"),  # a vector's superscript t: a layer, no power
    (r"y = E_{w_{t+1}|w_t}[w_{t+1}]", "E_w_{t+1}givenw_t("),  # a conditional law's label under the E
    ("\\begin{aligned} \\nabla_\\mathbf{x} &(\\mathbf{a}^\\top \\mathbf{x}) = \\mathbf{a} \\end{aligned}",
     r"nabla_\mathbf{x}(\mathbf{x}*transpose(\mathbf{a}))"),  # a column mark between an operator and its argument
    (r"y = \mathop{\mathrm{minimize~}}_{x} f(x)", "minimize_x"),  # TeX's ~ space inside an operator's name
])
def test_notation_of_sphinx_and_amsmath_pages(latex, read):
    chain = parse_block(latex, functions=("rho_0",) if "cancel" in latex else ()).rows[0].chain
    assert read in str(chain), chain


def test_a_sized_bar_closed_by_a_sized_bar_is_still_an_absolute_value():
    chain = parse_block(r"f(x) = \left[ x \left| y \right| \right]").rows[0].chain
    assert "Abs(y)" in str(chain.exprs[1]), chain


def test_a_vector_squared_and_a_matrix_power_stay_powers():
    assert str(parse_block(r"y = \mathbf{x}^2").rows[0].chain.exprs[1]) == r"\mathbf{x}**2"
    assert str(parse_block(r"B = \mathbf{A}^{k}").rows[0].chain.exprs[1]) == r"\mathbf{A}**k"
