r"""``\partial_{\mathbf{x}} f`` is the gradient in the vector ``\mathbf{x}``, as ``\nabla_{\mathbf{x}} f`` is: a claim
about it is checked on matrices in both layouts, never read as the definition of a new name ``partial_x``."""
import pytest

from readers.notes.check import check_notes

RIGHT = r"OP_{\mathbf{x}} \|A\mathbf{x} - \mathbf{b}\|^2 = 2A^\top(A\mathbf{x} - \mathbf{b})"
WRONG = r"OP_{\mathbf{x}} \|A\mathbf{x} - \mathbf{b}\|^2 = 2A(A\mathbf{x} - \mathbf{b})"
PROSE = "For a matrix $A$ and vectors $\\mathbf{x}$, $\\mathbf{b}$, the least-squares gradient is\n\n$$"


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


@pytest.mark.parametrize("op", [r"\partial", r"\nabla"])
def test_the_right_least_squares_gradient_is_confirmed(op):
    assert last(PROSE + RIGHT.replace("OP", op) + "$$\n").verdict in ("proved", "verified")


@pytest.mark.parametrize("op", [r"\partial", r"\nabla"])
def test_the_gradient_without_its_transpose_is_refuted_in_both_layouts(op):
    block = last(PROSE + WRONG.replace("OP", op) + "$$\n")
    assert block.verdict == "refuted", block.steps
    assert "both" in block.steps[0].counterexample.get("layout", ""), block.steps[0].counterexample
