"""A probability claim on three variables or more is confirmed on every joint law, not on one family of them.

The probability check samples the joints $P(c) \\prod_k P(v_k \\mid c)$ (readers.notes.probability): a counterexample
there is one in general, but for three variables the family makes them independent given the first, so it
*proved* $P(A, B, C) = P(A) P(B \\mid A) P(C \\mid A)$, false for a general joint (found by confirm42).  Now a claim
confirmed there is checked on every joint (one weight per outcome); where it fails it is undecided and says it
holds under the naive-Bayes factorization, unless the prose states that independence given the first variable.
"""
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

CHAIN = ("# Chain rule\n\n$$P(A, B, C) = P(A) P(B \\mid A) P(C \\mid A)$$\n\n"
         "$$P(A, B, C) = P(A) P(B \\mid A) P(C \\mid A, B)$$\n\n$$P(A, B) = P(A) P(B \\mid A)$$\n")
STATED = ("# Naive Bayes\n\nThe features $A$ and $B$ are conditionally independent given the class $C$, so\n\n"
          "$$P(C, A, B) = P(C) P(A \\mid C) P(B \\mid C)$$\n")


def test_a_factorization_that_needs_conditional_independence_is_not_proved():
    blocks = checked_blocks(CHAIN)
    assert_block_verdicts(blocks, ["undecided", CONFIRMED, CONFIRMED])
    assert "naive-Bayes" in blocks[0].steps[0].reason


def test_the_prose_may_state_that_independence():
    assert_block_verdicts(checked_blocks(STATED), [CONFIRMED])
