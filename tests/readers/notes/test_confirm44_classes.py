r"""Classes of correct matrix claims in published notes that ``check`` left unconfirmed (issue 12, confirm44), each
with wrong variants that must not be confirmed, and never refuted on a kind the note only shows by usage:

* plain letters of unknown kind: a plain capital is read as a scalar or a matrix, and a claim with more than
  four such names was not checked at all ("the kinds of A, B, C, D, E are unknown"); where the note writes the
  names transposed (``A^T``, ``V_r^\top``) or takes their determinant or trace, they are read as the note uses
  them, and the claim is confirmed when every remaining reading holds, naming the kinds and the line that shows
  them (readers.notes.usage_kinds, readers.notes.matrices ``by_usage``).
"""
import pytest

from readers.notes.usage_kinds import array_names
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks


@pytest.mark.parametrize("text, expected", [
    (r"$A^T B$", {"A": "matrix"}),
    (r"$A^TB^T$", {"A": "matrix", "B": "matrix"}),  # a superscript letter, then the next name
    (r"$AB^\top$", {"B": "matrix"}),  # a product of plain letters
    (r"$V_r^{\top}$ and $\Sigma^{\mathrm{T}}$", {"V_r": "matrix", "Sigma": "matrix"}),
    (r"$x^T y$", {"x": "vector"}),
    (r"$\det A = \operatorname{tr}(B)$", {"A": "matrix", "B": "matrix"}),
    (r"$\mathbf{A}^T$, $x_i^T$, $\boldsymbol\eta^\top$", {}),  # bold is known already; a subscript is no name
])
def test_the_names_a_note_writes_as_arrays(text, expected):
    assert {k: v[0] for k, v in array_names(text).items()} == expected


FIVE_MATRICES = r"""# Products

For matrices $A^T$, $B^T$, $C^T$, $D^T$ and $E^T$ are their transposes.

$$\mathbf{M}(A B)(C D) E = \mathbf{M} A (B C)(D E)$$

$$\mathbf{M} A B C D E = \mathbf{M} E D C B A$$

$$(A B C D E)^T = E^T D^T C^T B^T A^T$$

$$(A B C D E)^T = A^T B^T C^T D^T E^T$$
"""

FIVE_UNKNOWN = r"""# Products

$$\mathbf{M}(A B)(C D) E = \mathbf{M} A (B C)(D E)$$
"""


def test_five_names_the_note_transposes_are_read_as_matrices():
    blocks = checked_blocks(FIVE_MATRICES)
    # associativity and the reversed transpose hold for matrices; commuting five matrices, or transposing without
    # reversing, fails for matrices but holds for scalars: never refuted on a kind read from usage
    assert_block_verdicts(blocks, [CONFIRMED, "undecided", CONFIRMED, "undecided"])
    assert "as the note writes them (line 3)" in blocks[0].steps[0].reason
    assert any("matrices, as the note writes them" in a for a in blocks[0].steps[0].assumptions)


def test_without_the_usage_five_plain_capitals_stay_unknown():
    blocks = checked_blocks(FIVE_UNKNOWN)
    assert_block_verdicts(blocks, ["undecided"])
    assert "unknown" in blocks[0].steps[0].reason


QUADRATIC_FORM = r"""# Quadratic forms

The inner product of two inputs is $x^T y$.

$$\nabla_x (x^T A x) = (A + A^T) x$$

$$\nabla_x (x^T A x) = 2 A x$$
"""


def test_a_letter_the_note_transposes_is_a_vector_in_a_gradient():
    blocks = checked_blocks(QUADRATIC_FORM)
    # with x a scalar the first fails and the second holds; the note writes x^T, so x is a vector: the first holds
    # (A is read both ways), the second (true for symmetric A only) stays undecided, as it was
    assert_block_verdicts(blocks, [CONFIRMED, "undecided"])
    assert "x a vector, as the note writes it (line 3)" in blocks[0].steps[0].assumptions
