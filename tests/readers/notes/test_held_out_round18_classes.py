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
