"""Classes of correct blocks misread on the round-9 sources (study notes by other authors: Hadrien Jean's Deep
Learning book notes, Ryoga Li's blog, Spinning Up; tests/corpus/notes/FALSE_ALARMS.md), each with a hand-written
example unlike the corpus block that revealed it, and a wrong block the fix still refutes."""
from readers.notes.check import check_notes
from readers.notes.macros import document_macros, expand


def _verdicts(text):
    return [b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks if b.steps or not b.parsed]


MACROS = ("$$\n\\newcommand{\\sq}[1]{{#1}^2}\n\\newcommand\\half{\\frac{1}{2}}\n$$\n\n"
          "$$\\sq{(a+b)} = a^2 + 2ab + b^2$$\n\n$$\\half \\sq{x} + \\half \\sq{x} = x^2$$\n\n"
          "$$\\sq{(a-b)} = a^2 - b^2$$\n")


def test_macros_the_notes_define_are_expanded_before_reading():
    # a Jupyter/MathJax page defines its own commands in a display; without them every use is unparsed
    definitions, square, halves, wrong = check_notes(MACROS, path="<test>", budget=5.0).blocks
    assert definitions.verdict is None and definitions.parsed
    assert square.verdict in ("proved", "verified")
    assert halves.verdict in ("proved", "verified")
    assert wrong.verdict == "refuted"  # (a - b)^2 = a^2 - b^2 fails at a = 1, b = 0... and is still caught


def test_macro_expansion_keeps_tokens_apart_and_reads_every_definition_form():
    macros = document_macros("\\newcommand{\\norm}[1]{\\left\\lVert#1\\right\\rVert} \\def\\R{\\mathbb{R}} "
                             "\\DeclareMathOperator*{\\argmax}{arg\\,max} \\newcommand\\opt[2][1]{#1#2}")
    assert expand("\\norm{u}_2", macros) == "\\left\\lVert u\\right\\rVert_2"
    assert expand("x \\in \\R^n", macros) == "x \\in \\mathbb{R}^n"
    assert expand("\\argmax_x f", macros) == "\\operatorname*{arg\\,max}_x f"
    assert expand("\\opt{a}", macros) == "\\opt{a}"  # an optional argument: left as written
    assert expand("\\normal", macros) == "\\normal"  # a longer name is another command


def test_an_angle_written_as_a_bare_number_is_read_in_degrees_where_the_notes_use_degrees():
    stated = "The two lines meet at 30 degrees, so\n\n$$4\\sin(30) = 2$$\n\nbut\n\n$$4\\sin(30) = 3$$\n"
    assert _verdicts(stated) == ["proved", "refuted"]  # sin 30° = 1/2; the wrong value fails in both units
    unstated = "$$\\cos(60) + \\cos(60) = 1$$\n"
    assert _verdicts(unstated) == ["undecided"]  # radians or degrees? it holds only in degrees: ambiguous


def test_a_bold_letter_the_line_calls_a_scalar_may_be_one():
    scalar = ("Lengths scale: $\\|\\mathbf{s} \\cdot \\mathbf{w}\\| = \\|\\mathbf{s}\\| \\cdot "
              "\\|\\mathbf{w}\\|$, a vector times a scalar.\n\n"
              "A scalar does not help here: $\\|\\mathbf{a} + \\mathbf{b}\\| = \\|\\mathbf{a}\\| + \\|\\mathbf{b}\\|$.\n")
    scaled, triangle = [b for b in check_notes(scalar, path="<test>", budget=5.0).blocks if b.steps]
    assert scaled.verdict == "undecided" and "scalar" in scaled.steps[0].reason
    assert triangle.verdict == "refuted"  # with a or b a scalar the shapes do not match: still a vector claim


def test_bold_applied_to_an_expression_is_bold_letters():
    # \bs{x^\text{T}y} with \bs = \boldsymbol renders as bold x, transposed, times bold y: each letter bold
    text = ("Take $\\mathbf{u} = [1, 2]^\\top$ and $\\mathbf{v} = [1, 1]^\\top$.\n\n$$\\mathbf{u^\\top v} = 3$$\n\n"
            "$$\\mathbf{u^\\top v} = 4$$\n\n$$\\mathbf{a^\\top b} = \\mathbf{b^\\top a}$$\n")
    assert _verdicts(text)[-3:] == ["proved", "refuted", "verified"]


def test_an_inline_formula_between_dollars_that_end_and_open_lines_is_a_block():
    # Jupyter notes write "tells us that $\n<formula>\n$. So ..."; MathJax renders it inline
    text = "It distributes: $\na(b + c) = ab + ac\n$. Not so here: $\na - b = b - a\n$.\n\nIt costs $\n5 and $\n6.\n"
    blocks = check_notes(text, path="<test>", budget=5.0).blocks
    assert [(b.line, b.verdict) for b in blocks] == [(1, "proved"), (3, "refuted")]


def test_macros_of_a_latex_preamble_hold_in_its_body(tmp_path):
    from readers.notes.files import check_file

    tex = tmp_path / "notes.tex"
    tex.write_text("\\documentclass{article}\n\\newcommand{\\E}[1]{\\mathbb{E}\\left[#1\\right]}\n"
                   "\\newcommand{\\sq}[1]{{#1}^2}\n\\begin{document}\n\\section{Squares}\n"
                   "\\[ \\sq{(a+b)} = a^2 + 2ab + b^2 \\]\n\\end{document}\n", encoding="utf-8")
    (block,) = check_file(str(tex), 5.0).blocks
    assert block.verdict in ("proved", "verified")


def test_a_declared_operator_takes_the_group_after_it_and_Tr_is_the_trace():
    # the Deep Learning book writes Tr; notes declare it and write \Tr{(...)}: braces group the argument
    text = ("$$\\DeclareMathOperator{\\Tr}{Tr}$$\n\n$$\\Tr{(\\mathbf{A}\\mathbf{B}\\mathbf{C})} = "
            "\\Tr{(\\mathbf{C}\\mathbf{A}\\mathbf{B})}$$\n\n$$\\Tr{(\\mathbf{A}\\mathbf{B})} = "
            "\\Tr{\\mathbf{A}}\\,\\Tr{\\mathbf{B}}$$\n")
    cyclic, product = _verdicts(text)
    assert cyclic in ("proved", "verified")
    assert product == "refuted"
