"""Classes of misreadings found on the round-8 sources (d2l's SGD, backpropagation and Gaussian-process chapters;
tests/corpus/notes/README.md), each with a hand-written example unlike the corpus block that revealed it, and a wrong
block that is still refuted."""
import pytest

from readers.latex.parse import parse_block
from tests.readers.notes.checked import checked_blocks


@pytest.mark.parametrize("latex, expected", [
    (r"\|u - v^*\|^2", "(u - v^{*})**2"),  # a starred name closes the norm it ends
    (r"|a - b^{*}| + 1", "Abs(a - b^{*}) + 1"),
    (r"q(z_* | y)", "q(z_*, Given(y))"),  # a starred subscript before a conditioning bar
    (r"c^+ |d|", "c^{+}*Abs(d)"),  # after a signed script a bar with no open bar still opens one
    (r"x_{*1} + x_{*2}", "x_*1 + x_*2"),  # a star and a number: one label (was "unexpected '*'")
    (r"A_n \times \ldots, \times A_1", r"A_1*A_n*\ldots"),  # a stray comma after an ellipsis between operators
])
def test_starred_scripts_and_a_comma_after_an_ellipsis_parse(latex, expected):
    # before: "unclosed lnorm", "unclosed lvert", "')' closes lvert" (the sign read as an operator before the bar)
    (row,) = parse_block(latex).rows
    assert str(row.chain.exprs[0]) == expected


def test_a_starred_norm_identity_is_read_and_a_wrong_one_refuted():
    text = ("We compare with the optimum $v^*$.\n\n$$\\|u - v^*\\|^2 = \\|u\\|^2 - 2 u v^* + \\|v^*\\|^2$$\n\n"
            "but not\n\n$$\\|u - v^*\\|^2 = \\|u\\|^2 + \\|v^*\\|^2$$\n")
    right, wrong = checked_blocks(text)
    assert right.parsed and right.verdict in ("proved", "verified"), right.steps
    assert wrong.verdict == "refuted"


def test_a_derivative_with_respect_to_a_defined_name_is_no_internal_error():
    # q := A p (a product of matrices) defined, then a derivative with respect to q: sympy cannot differentiate with
    # respect to A p, and the block used to end in "internal error ... Can't calculate derivative wrt"
    text = ("Let $\\mathbf{p} \\in \\mathbb{R}^n$ and\n\n$$\\mathbf{q} = \\mathbf{A} \\mathbf{p}.$$\n\n"
            "The loss is\n\n$$E = g(\\mathbf{q}) + c.$$\n\nThen\n\n"
            "$$\\frac{\\partial E}{\\partial \\mathbf{q}} = \\frac{\\partial g(\\mathbf{q})}{\\partial \\mathbf{q}}$$\n")
    for block in checked_blocks(text):
        assert all("internal error" not in s.reason for s in block.steps), block.steps
        assert block.verdict != "refuted"


def test_a_scalar_derivative_with_respect_to_a_defined_name_is_taken_before_the_name_is_replaced():
    # u := 3t; d/du (u^2 + 1) = 2u, with u's body put in afterwards (6t): proved; 3u is refuted
    text = "Let\n\n$$u = 3 t.$$\n\nThen $\\frac{d}{du}(u^2 + 1) = 2u$ but not $\\frac{d}{du}(u^2 + 1) = 3u$.\n"
    right, wrong = checked_blocks(text)
    assert right.verdict == "proved", right.steps
    assert wrong.verdict == "refuted", wrong.steps


@pytest.mark.parametrize("latex, expected", [
    (r"\mathbf{E}[h_i] = \sum_j \mathbf{E}[W_{ij} x_j]", r"\mathbb{E}(h[i])"),  # d2l's bold expectation
    (r"\mathsf{E}[Y^2]", r"\mathbb{E}(Y**2)"),
    (r"\mathbf{E} \mathbf{x}", r"\mathbf{E}*\mathbf{x}"),  # no bracket: a bold name (a matrix) stays one
])
def test_a_bold_e_before_a_bracket_is_the_expectation(latex, expected):
    (row,) = parse_block(latex).rows
    assert str(row.chain.exprs[0]) == expected


def test_linearity_of_a_bold_expectation_is_proved_not_refuted():
    # before: E*(3X + 1) = 3 E X + 1, a product with a matrix E, refuted wherever E != 1
    text = ("Let $X$ be a random variable.\n\n$$\\mathbf{E}[3X + 1] = 3\\mathbf{E}[X] + 1$$\n\nbut not\n\n"
            "$$\\mathbf{E}[3X + 1] = 3\\mathbf{E}[X]$$\n")
    right, wrong = checked_blocks(text)
    assert right.verdict == "proved", right.steps
    assert wrong.verdict == "refuted"
