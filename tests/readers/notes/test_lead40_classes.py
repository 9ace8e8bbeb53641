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


# Three false alarms of fresh40's held-out QuantEcon lectures, one case per class with its near-miss.

# a word before '=' is a defined name only as a whole left side: 'iy' in a chain after '+' is i times y
POLAR = ("# B\n\nHere $i$ denotes the imaginary unit, $i^2 = -1$.\n\n$$z = x + iy = re^{i\\theta}$$\n\n"
         "$$|z| = \\sqrt{x^2 + y^2}$$\n\n$$|z| = \\sqrt{x^2 + 2y^2}$$\n")

# a chain of antiderivatives names its constants C_1, C_2: a link holds when some constants fit
ANTIDERIVATIVE = ("# C\n\n$$\n\\begin{aligned}\n\\int 2x \\, dx &= \\frac{1}{2}(2x^2 + C_1) \\\\\n"
                  "&= x^2 + 1 + C_2\n\\end{aligned}\n$$\n\n"
                  "$$\n\\begin{aligned}\n\\int 2x \\, dx &= \\frac{1}{2}(2x^2 + C_1) \\\\\n"
                  "&= x^2 + x + C_2\n\\end{aligned}\n$$\n")

# a recurrence stated as a row's side clause sets the sequence: a claim about it is not checked with entries free
SIDE_RECURRENCE = ("# D\n\n$$X_0 \\sim N(0, 1) \\quad \\text{and} \\quad X_i = X_{i-1} \\quad \\text{for} \\quad "
                   "i = 1, \\ldots, n$$\n\nThen\n\n$$\\frac{1}{n} \\sum_{i=1}^n X_i = X_0$$\n")


def test_a_word_after_an_operator_is_a_product_not_a_defined_name():
    blocks = checked_blocks(POLAR)
    assert_block_verdicts(blocks[-2:], [CONFIRMED, HOLDS])  # with i in |.| the near-miss is undecided


def test_constants_of_an_antiderivative_chain_are_any_constants():
    blocks = checked_blocks(ANTIDERIVATIVE)
    assert [s.verdict for s in blocks[0].steps][-1] in CONFIRMED, [s.reason for s in blocks[0].steps]
    assert blocks[1].steps[-1].verdict == "refuted", [s.reason for s in blocks[1].steps]
    assert blocks[1].steps[-1].counterexample


def test_a_recurrence_in_a_side_clause_sets_its_sequence():
    blocks = checked_blocks(SIDE_RECURRENCE)
    assert_block_verdicts(blocks[-1:], [HOLDS])
