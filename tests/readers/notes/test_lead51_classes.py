r"""Classes found at stop 51 (the lead's probes).

* The scalar parse commutes and cancels capitals: :math:`(AB)^{-1} = A^{-1}B^{-1}` read as ``1/(AB) = 1/(AB)``
  was **proved** (false for matrices: the inverse of a product reverses the order).  A claim that holds in numbers
  only because numbers commute or cancel, while the order-keeping reading keeps its sides apart, is matrix algebra
  as much as arithmetic: both readings are checked (undecided, ambiguous).
* A projection written without any declaration, :math:`H = X(X^\top X)^{-1}X^\top`, was ``H = 1`` to the scalar
  parse: an *example value*, under which :math:`H^2 = I` (false) would be proved; and
  :math:`X(X^\top X)^{-1}X^\top = I` was ``1 = I``, a definition of ``I``, so the wrong line was lost.  A value
  cancelled out of written capitals is no example, a body that transposes a capital defines a matrix, and ``I``
  beside transposed or defined matrices is the identity.
"""
from __future__ import annotations

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

COMMUTED = r"""# Inverse of a product

$$(AB)^{-1} = A^{-1}B^{-1}$$

# Normal equations

$$(X^TX)^{-1}X^T X = I$$
"""


def test_a_claim_that_holds_only_because_numbers_commute_is_not_proved():
    blocks = checked_blocks(COMMUTED)
    assert_block_verdicts(blocks, ["undecided", CONFIRMED])
    assert "ambiguous" in blocks[0].steps[0].reason, blocks[0].steps[0].reason


PROJECTION = r"""# Projection

The hat matrix is $$P = Q(Q^\top Q)^{-1} Q^\top$$ and so $P^2 = P$, while $P^2 = I$ and $Q(Q^\top Q)^{-1}Q^\top = I$.
"""


def test_a_projection_cancelled_by_the_scalar_parse_is_a_matrix_not_an_example():
    blocks = checked_blocks(PROJECTION)
    assert_block_verdicts(blocks, [CONFIRMED, "undecided", "undecided"])
    assert all("matrix" in b.steps[0].reason for b in blocks[1:]), [b.steps[0].reason for b in blocks[1:]]
