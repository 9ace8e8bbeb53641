"""Two note formats of the round-6 corpus sources: Jupyter Markdown cells (a display written as ``$`` on its own
line, the formula, ``$`` on its own line; inline ``$ ... $`` with spaces inside) and Sphinx reStructuredText
(``:math:`` roles, ``.. math::`` directives).  Made-up notes: the blocks are found where the author put them, with
their lines, and a wrong claim written in either format is still refuted."""
from readers.notes.blocks import find_blocks
from readers.notes.check import check_notes
from readers.notes.files import check_file
from readers.notes.rst import rst_as_notes

JUPYTER = """**The square of a sum**

$
(u + v)^2 = u^2 + 2 u v + v^2
$

When the rate is small (e.g., $ r = \\sqrt{4} / 2 $), the cost of $ 5 and $ 6 is not a formula.

$
(u + v)^2 = u^2 + v^2
$
"""


def test_a_lone_dollar_line_opens_a_display_closed_by_the_next_one():
    blocks = find_blocks(JUPYTER)
    displays = [b for b in blocks if b.kind == "display"]
    assert [b.line for b in displays] == [3, 9]
    assert displays[0].content.strip() == "(u + v)^2 = u^2 + 2 u v + v^2"
    inline = [b.content.strip() for b in blocks if b.kind == "inline"]
    assert inline == ["r = \\sqrt{4} / 2"]  # "$ 5 and $" holds no command, relation or script: prose
    report = check_notes(JUPYTER)
    verdicts = {b.line: b.verdict for b in report.blocks if b.kind == "display"}
    assert verdicts[3] in ("proved", "verified") and verdicts[9] == "refuted", report.blocks


def test_a_lone_dollar_never_reaches_over_a_blank_line():
    text = "$\nu = 1\n\nv = 2\n$\n"
    assert [b for b in find_blocks(text) if b.kind == "display"] == []


RST = """Squares
=======

The identity :math:`(u+v)^2 = u^2 + 2uv + v^2` holds, and so do these two:

.. math::
   :label: two

   (u - v)^2 = u^2 - 2uv
               + v^2

   (u + v)(u - v) = u^2 + v^2

>>> print("$")
"""


def test_rst_math_roles_and_directives_are_blocks_on_their_own_lines():
    seen = rst_as_notes(RST)
    assert seen.count("\n") == RST.count("\n")
    assert seen.split("\n")[0] == "# Squares"
    blocks = find_blocks(seen)
    assert [(b.kind, b.line) for b in blocks] == [("inline", 4), ("display", 9), ("display", 12)]
    assert " ".join(blocks[1].content.split()) == "(u - v)^2 = u^2 - 2uv + v^2"


def test_an_rst_file_is_checked_as_sphinx_text(tmp_path):
    path = tmp_path / "squares.rst"
    path.write_text(RST, encoding="utf-8")
    verdicts = {b.line: b.verdict for b in check_file(str(path), 5.0).blocks}
    assert verdicts[4] in ("proved", "verified") and verdicts[9] in ("proved", "verified")
    assert verdicts[12] == "refuted"  # (u + v)(u - v) is u^2 - v^2


LAPLACE = """The density of the standard Laplace distribution is

.. math:: p(x) = \\frac{1}{2}
          e^{-|x|},

where :math:`x` is real.
"""


def test_a_formula_on_the_math_directive_line_continues_on_its_indented_lines():
    """The directive's argument runs to the first blank line and Sphinx renders it as one equation (NumPy's
    distribution notes write densities so): read as two displays, the first, p(x) = 1/2, was refuted as a density
    that does not integrate to 1."""
    seen = rst_as_notes(LAPLACE)
    assert seen.count("\n") == LAPLACE.count("\n")
    displays = [b for b in find_blocks(seen) if b.kind == "display"]
    assert [b.line for b in displays] == [3]
    assert " ".join(displays[0].content.split()) == "p(x) = \\frac{1}{2} e^{-|x|},"
    assert rst_as_notes(".. math:: a = b\n   :label: ab\n\n   c = d\n") == "$$a = b$$\n\n\n$$c = d$$\n"
