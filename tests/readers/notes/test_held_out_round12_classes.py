r"""Classes of parse failures found on the held-out round-12 sources of tests/corpus/notes (d2l word embeddings,
recommender systems and exponential family; the CS236 deep generative models notes), each with a hand-written
example unlike the corpus block that revealed it.  The round found no correct block refuted; the classes are blocks
the reader could not read (or, for Jekyll's Liquid math tags, did not find at all)."""
import pytest

from readers.notes.check import check_notes


def _report(text):
    return check_notes(text, path="<test>", budget=5.0)


def test_a_liquid_math_tag_is_a_display_on_the_line_of_its_opening_tag():
    r"""Jekyll's ``{% math %} ... {% endmath %}`` was not a block (or only its ``\begin{align}`` was, a line late)."""
    text = ("# Squares\n\nExpanding,\n{% math %}\n(a + b)^2 = a^2 + 2ab + b^2\n{% endmath %}\nand wrongly\n"
            "{%- math -%}\\begin{align}\n(a - b)^2 &= a^2 - b^2\n\\end{align}{%- endmath -%}\n\n"
            "```\n{% math %}\nx = 1\n{% endmath %}\n```\n")
    blocks = _report(text).blocks
    assert [(b.line, b.kind, b.verdict) for b in blocks] == [(4, "display", "proved"), (8, "display", "refuted")]


@pytest.mark.parametrize("notes, verdicts", [
    # f(\cdot) names the function f: "unexpected 'cdot'"
    ("For the map $g_\\theta(\\cdot)$ and the kernel $k(\\cdot, \\cdot)$ we write $D^*(\\cdot)$.\n", [None] * 3),
    # \mathop{}\!\mathrm{d}: the empty operator atom that spaces a differential (a \d macro): "unsupported \mathop"
    ("$$\\int_0^1 x^2 \\mathop{}\\!\\mathrm{d}x = \\frac{1}{3}$$\n", ["proved"]),
    # a macro named by a control symbol: \newcommand{\1}{...} was not read, its block and its uses failed
    ("$$\\newcommand{\\1}{y}\\newcommand{\\two}{2}$$\n\n$$\\two + \\two = 4$$\n\nand $\\1 + \\1 = 2y$.\n",
     [None, "proved", "proved"]),
    # \leftrightarrow between domains: "unsupported command"; a relation that is not checked, never refuted
    ("We translate $\\mathcal{X} \\leftrightarrow \\mathcal{Y}$ with $G: \\mathcal{X} \\leftrightarrow \\mathcal{Y}$.\n",
     ["undecided", None]),
    # an operator named by its symbol alone: "unexpected end of formula"
    ("The gradients $\\nabla_\\theta$ and $\\nabla_{\\lambda}$ use $\\odot$, the product $\\prod_i$, and $\\nabla_\\theta f$.\n",
     [None] * 5),
    # placeholders in the brackets of an inner product mentioned by its notation
    ("Here $\\langle \\cdot,\\cdot\\rangle$ is the dot product.\n", [None]),
    # a family indexed by a conditional of bold letters: "unexpected 'mid'"; a set difference written \backslash
    ("Take $\\mathcal{Q}_{\\mathbf{y} \\mid \\mathbf{u}}$ and $J \\backslash J^-$.\n", [None, None]),
])
def test_notation_the_round_could_not_read_is_read(notes, verdicts):
    blocks = _report(notes).blocks
    assert [b.verdict for b in blocks] == verdicts
    assert all(b.parsed for b in blocks)
