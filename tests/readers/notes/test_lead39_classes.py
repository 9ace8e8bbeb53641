"""Two false alarms that the whole-corpus run found after stop 39's merges, one case per class with its near-miss.

* conditions stated in one sentence do not replace each other: in "$r > 1 + \\epsilon$ with $\\epsilon > 0$" the bound
  on epsilon dropped the relation stated beside it, and the clipped PPO objective's correct claim was refuted at
  r = 1/2 (planted_mistakes_5 line 193); a bound restated in a later sentence still replaces the relation
  (test_caught39b_classes);
* an exact decimal quoted to three figures (``\\frac{5}{16} = 0.313``, a published textbook's estimate) is the value to
  the figures written or a false equation: ambiguous, never refuted; ``0.314`` is neither and is refuted.
"""
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

PPO = ("# A\n\nFor a positive advantage $A > 0$ and a ratio above the clip range, $r > 1 + \\epsilon$ with "
       "$\\epsilon > 0$, the clipped term wins:\n\n$$\\min\\left(rA, (1 + \\epsilon)A\\right) = (1 + \\epsilon)A$$\n\n"
       "$$\\min\\left(rA, (1 + \\epsilon)A\\right) = rA$$\n")

QUOTED = "# B\n\n$$\\frac{5}{16} = 0.313$$\n\n$$\\frac{5}{16} = 0.314$$\n"


def test_conditions_stated_in_one_sentence_all_hold_for_the_block_below():
    assert_block_verdicts(checked_blocks(PPO), [CONFIRMED, "refuted"])


def test_an_exact_decimal_quoted_to_three_figures_is_ambiguous_not_refuted():
    blocks = checked_blocks(QUOTED)
    assert_block_verdicts(blocks, [HOLDS, "refuted"])
    assert "ambiguous" in blocks[0].steps[0].reason
