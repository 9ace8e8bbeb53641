"""Classes of misreadings found by round 18's held-out sources (tests/corpus/notes/README.md, round 18), one case each.

Each case fails on the code before its fix; the corpus files themselves run in the benchmark only."""
from readers.notes.check import check_notes
from readers.notes.files import latex_as_notes


def check(text):
    return check_notes(text, path="<test>", budget=5.0)


def test_tex_quotes_do_not_hide_the_formulas_between_them():
    r"""Lebl's *Basic Analysis II* writes ``infinitesimally close'' twice, 140 lines apart: read as a Markdown code
    span, the pair hid every formula between them (9 of the excerpt's 50 displays and 99 inline formulas), so none
    was checked or counted."""
    tex = ("\\begin{document}\nA map is ``infinitesimally close'' to a linear map.\n\\begin{equation*}\n(x+1)^2 = "
           "x^2 + 2x + 1\n\\end{equation*}\nThey are ``infinitesimally close'' again.\n\\end{document}\n")
    (block,) = check(latex_as_notes(tex)).blocks
    assert block.line == 3 and block.verdict in ("proved", "verified")


def test_a_result_computed_from_decimal_data_is_written_to_their_precision():
    r"""Labbe: ``$0.1414^2 = 0.02$`` and a variance of five weights written ``= 261.8`` (exactly 261.788) were refuted
    in exact arithmetic; a result of decimal inputs is rounded as they are.  A fraction with no decimal input written
    as a wrong decimal (``\frac{1}{8} = 0.12``) and a wrong rounding (``0.5 \cdot 0.3 = 0.16``) stay refuted."""
    note = ("And $0.1414^2 = 0.02$.\n\n$$\\sigma^2 = \\frac{1}{2}\\left[(70.1-73.5)^2 + (91.2-73.5)^2\\right] = 162.4$$"
            "\n\nNot $\\frac{1}{8} = 0.12$ nor $0.5 \\cdot 0.3 = 0.16$.")
    square, variance, fraction, product = check(note).blocks
    assert square.verdict == "verified" and variance.verdict == "verified", (square.steps, variance.steps)
    assert fraction.verdict == "refuted" and product.verdict == "refuted"
