r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm49), each with a
wrong variant that must not be confirmed:

* a derivative of a bare name defined before a heading (``J = L + s`` under "Forward", then
  ``\frac{\partial J}{\partial L} = 1`` under "Backward"): the bare name's definition ended at the heading, so the
  derivative read as a new name being defined and was no claim; it is a claim, which the earlier definition may
  only confirm (d2l_backprop_init.md:130, :146);
* an equation in the derivative of such a name (``\partial J/\partial s = 1`` while J is unknown) is no equation a
  later claim follows from: sympy takes that derivative as 0, so ``\partial J/\partial L = 2`` "followed" from it;
* a derivative of a name the notes do not give as a function of a matrix (``\frac{\partial s}{\partial
  \mathbf{W}} = \lambda\mathbf{W}`` with s undefined) was taken as 0 in the matrix reading and refuted: it is the
  gradient of some function, an arbitrary value of W's kind (readers.notes.opaque_gradients), never 0.
"""
import pytest

from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

EARLIER_SECTION = r"""# {forward}

$${J} = {L} + {s}.$$

$${s} = \frac{{\lambda}}{{2}} \left(\|\mathbf{{W}}\|_F^2 + \|\mathbf{{V}}\|_F^2\right),$$

## {backward}

$$\frac{{\partial {J}}}{{\partial {L}}} = 1 \text{{ and }} \frac{{\partial {J}}}{{\partial {s}}} = 1$$

$$\frac{{\partial {J}}}{{\partial {L}}} = 2$$

$$\frac{{\partial {s}}}{{\partial \mathbf{{W}}}} = \lambda \mathbf{{W}}
\text{{ and }}
\frac{{\partial {s}}}{{\partial \mathbf{{V}}}} = \lambda \mathbf{{V}}$$

$$\frac{{\partial {s}}}{{\partial \mathbf{{W}}}} = 2\lambda \mathbf{{W}}$$
"""


@pytest.mark.parametrize("names", [
    dict(forward="Forward propagation", backward="Backpropagation", J="J", L="L", s="s"),
    dict(forward="Objective", backward="Its gradients", J="F", L="E", s="r"),
])
def test_a_derivative_of_a_name_defined_before_a_heading_is_a_claim(names):
    text = EARLIER_SECTION.format(**names)
    blocks = checked_blocks(text)
    # the sum's derivatives hold (1, 1); 2 is wrong and never confirmed (nor "follows" from the first block's
    # equations, read while J was unknown); the regulariser's gradient lambda W holds, 2 lambda W does not
    assert_block_verdicts(blocks, [CONFIRMED, HOLDS, CONFIRMED, HOLDS])
    assert blocks[1].verdict == "undecided" and blocks[3].verdict == "undecided"
    assert "as defined in an earlier section" in blocks[0].steps[0].method


@pytest.mark.parametrize("text", [
    r"$$\lambda \mathbf{W} = \frac{\partial s}{\partial \mathbf{W}}$$",
    r"$$2 \mathbf{A}^T \mathbf{x} = \frac{\partial q}{\partial \mathbf{A}} \mathbf{x}$$",
])
def test_the_derivative_of_an_undefined_name_in_a_matrix_is_not_zero(text):
    blocks = checked_blocks(f"# Gradients\n\n{text}\n")
    assert_block_verdicts(blocks, ["undecided"])
