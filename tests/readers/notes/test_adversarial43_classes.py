"""Wrong verdicts that adversarial_round21.md and its probes (branch adversary43) found in ``check``, by class, each
with notes unlike the one that revealed it."""
from fractions import Fraction

from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks

# A gradient in one scalar of a written expression, ``\nabla_w F = G``, was read as defining a function ``nabla_w``
# when the name was new: a wrong first line was no claim, and a correct restatement after it was refuted with the
# wrong line's body.  It is now a claim, the derivative of F in w.
GRADIENTS = r"""## Two gradients

$$
\nabla_u \, \frac{1}{3} u^3 = u^3
$$

$$
\nabla_u \, \frac{1}{3} u^3 = u^2
$$
"""


def test_a_scalar_gradient_of_a_written_expression_is_a_claim_not_a_definition():
    blocks = checked_blocks(GRADIENTS)
    assert_block_verdicts(blocks, ["refuted", HOLDS])


# A membership in a set of integers, ``n \in \mathbb{N}`` in the prose or a block's quantifier, was read as nothing:
# correct claims about integers were refuted at n = 1/2, and a wrong one with a counterexample outside the set.
# It now makes the name an integer from the set's least member on.
INTEGERS = r"""## Counting

For each $m \in \mathbb{N}$ the sum of the first $m$ odd numbers is a square, and

$$
3^m \ge 2m + 1
$$

$$
m^3 \ge 2^m
$$

## Quantified in the block

$$
\forall k \in \mathbb{Z}_{\ge 0}: \quad 2^k \ge k + 1
$$
"""


def test_a_membership_in_the_integers_makes_an_integer_name():
    blocks = checked_blocks(INTEGERS)
    witnesses = assert_block_verdicts(blocks, [HOLDS, "refuted", HOLDS])
    # m^3 >= 2^m fails at m = 1 and from m = 10 on: the counterexample is a natural number where it fails
    values = [Fraction(str(w["m"])) for w in witnesses]
    assert values and all(v.denominator == 1 and v >= 1 and v**3 < 2**v for v in values), witnesses


# A condition stated after a display with *where* ("$$x^3 \ge x$$ where $x \ge 1$.") was read only from the next
# block on, so the display it qualifies was refuted at x = 1/2.  An inequality after *where* is now the display's own
# condition, as "whenever $x \ge 1$" was (an equation after *where* still defines a name: trailing_conditions).
WHERE = r"""## A power

$$
t^4 \ge t^2
$$

where $t \ge 1$.
"""


def test_an_inequality_after_where_is_the_condition_of_the_display_before_it():
    blocks = checked_blocks(WHERE)
    assert_block_verdicts(blocks, [HOLDS])
