r"""Inner products $\langle a, b \rangle$ of plain letters and gradients of functions the notes do not give, read as
vector algebra (readers/notes/matrices.py, opaque_gradients.py); classes found on d2l's SGD chapter (round 8,
tests/corpus/notes/FALSE_ALARMS.md), with hand-written examples unlike the corpus blocks."""
import pytest

from tests.readers.notes.checked import checked_blocks


@pytest.mark.parametrize("claim, expected", [
    # an expansion with an inner product: was "unknown functions: inner"; holds with p, q, r scalars or vectors
    (r"\|p + \gamma r - q\|^2 = \|p - q\|^2 + \gamma^2 \|r\|^2 + 2 \gamma \langle p - q, r \rangle", "confirmed"),
    (r"\|p + \gamma r - q\|^2 = \|p - q\|^2 + \gamma^2 \|r\|^2 - 2 \gamma \langle p - q, r \rangle", "refuted"),
    # the same with the gradient of a function the note never gives: holds for every gradient value
    ((r"\|v - \alpha \partial_v h(z, v) + c\|^2 = \|v + c\|^2 + \alpha^2 \|\partial_v h(z, v)\|^2"
      r" - 2 \alpha \langle v + c, \partial_v h(z, v) \rangle"), "confirmed"),
    # wrong for some gradient values, but the note's h is not given: never refuted
    (r"\|v - \alpha \partial_v h(z, v) + c\|^2 = \|v + c\|^2 + \alpha^2 \|\partial_v h(z, v)\|^2", "undecided"),
    # equality in Cauchy-Schwarz holds for scalars, fails for vectors: ambiguous, not confirmed
    (r"\langle p, q \rangle^2 = \langle p, p \rangle \langle q, q \rangle", "undecided"),
    (r"\langle p, q \rangle^2 \leq \langle p, p \rangle \langle q, q \rangle", "confirmed"),
])
def test_inner_products_of_plain_letters_are_vector_algebra(claim, expected):
    (block,) = checked_blocks(f"# Steps\n\n$${claim}$$\n")
    verdict = "confirmed" if block.verdict in ("proved", "verified") else block.verdict
    assert verdict == expected, block.steps


def test_a_chain_rule_product_names_its_reading_and_is_never_refuted():
    # d2l's prod(A, B): derivatives multiplied after the transpositions their shapes need; the shapes of the
    # derivatives are not given, so undecided saying so (was "could not align the order-keeping reading")
    text = ("Let $\\mathbf{u} = \\mathbf{B} \\mathbf{v}$.\n\n$$\\frac{\\partial E}{\\partial \\mathbf{v}} = "
            "\\text{prod}\\left(\\frac{\\partial E}{\\partial \\mathbf{u}}, \\frac{\\partial \\mathbf{u}}"
            "{\\partial \\mathbf{v}}\\right) = \\mathbf{B}^\\top \\frac{\\partial E}{\\partial \\mathbf{u}}$$\n")
    (block,) = [b for b in checked_blocks(text) if "prod" in b.source]
    assert block.verdict == "undecided", block.steps
    assert all("prod(A, B)" in s.reason for s in block.steps), block.steps


def test_a_derivative_with_respect_to_a_defined_matrix_name_is_no_internal_error():
    # after u := B v, dE/du in a matrix claim: the substitution asked sympy for d/d(B v) and the block ended in
    # "internal error ... Can't calculate derivative wrt"
    text = ("Let $\\mathbf{u} = \\mathbf{B} \\mathbf{v}$ and $E = g(\\mathbf{u})$.\n\n"
            "$$\\frac{\\partial E}{\\partial \\mathbf{v}} = "
            "\\mathbf{B}^\\top \\frac{\\partial E}{\\partial \\mathbf{u}}$$\n")
    (block,) = [b for b in checked_blocks(text) if "partial" in b.source]
    assert block.verdict == "undecided", block.steps
    assert all("internal error" not in s.reason for s in block.steps), block.steps
