"""A condition on an unknown function's value, in force beside a claim that does not use the function.

After "suppose $g'(t) > 0$ for every $t$" and "take $s < t$", the claim $t - s > 0$ is about $s$ and $t$; the
condition on $g'(t)$ (it shares $t$) left nothing to sample, since an unknown function has no value at a point, and
the claim was undecided (lebl_ra_derivative line 797 since stop 39).  The value is now a name of its own, so the claim
is checked under it: the right claim is confirmed, its wrong variant refuted with $s < t$ in the counterexample.  A
claim about $g$ itself keeps the condition on $g'$ as written (one function's derivative): undecided, never refuted.
"""
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

MONOTONE = ("# A\n\nSuppose $g'(t) > 0$ for every $t$. Take any $s < t$. Then\n\n$$t - s > 0$$\n\n"
            "and also\n\n$$s - t > 0$$\n\nand\n\n$$g(t) - g(s) > 0$$\n")


def test_a_condition_on_an_unknown_functions_value_leaves_the_claim_checkable():
    blocks = checked_blocks(MONOTONE)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, "refuted", HOLDS])
    (witness,) = witnesses
    s, t = (float(witness[k]) for k in ("s", "t"))
    assert s < t, witness  # the counterexample satisfies the stated s < t
