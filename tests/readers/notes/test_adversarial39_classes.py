"""Wrong verdicts that adversarial_round17.md (round 17 of the step checker's adversarial review, branch adversary39)
found in notes, by class, each with a note unlike the corpus one."""
from tests.readers.notes.checked import assert_block_verdicts, checked_blocks

# an indicator 1[cond] is read as a free value and its bracketed condition as the block's own: after a (wrong) line
# 1[t > 0] = 1, taken for an example that sets 1 to 1, the wrong line 1[t > 0] t = t held "for t > 0" and was proved
# (it fails at t = -1: 0 against -1); a claim read that way must not be confirmed, as it was not refuted before
INDICATORS = r"""
# Indicators

For a real $t$,

$$
\mathbb{1}[t > 0] = 1
$$

$$
\mathbb{1}[t > 0]\, t = t
$$
"""


def test_a_claim_with_an_indicator_is_neither_confirmed_nor_refuted_on_a_reading_without_its_condition():
    # (caught46) the indicator is read with its condition now (1 where t > 0, else 0): the first line constrains t
    # (an equation in t), the second is a step after it; neither is confirmed
    blocks = checked_blocks(INDICATORS)
    assert_block_verdicts(blocks, ["undecided", "undecided"])
