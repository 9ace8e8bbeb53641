"""A definition of an earlier section that ended at a heading may confirm a later claim, never refute it.

Notes define a quantity under one heading and differentiate it under the next ("## softmax function", then "##
derivative of softmax"): the array ``a_j`` and the short local names (``x``, ``y_i``) were dropped at every heading,
since notes reuse them section by section, so the derivative claims were ``undecided`` (``a[j] is not given as a
function of z[i]``).  Now an undecided claim is read once more with the earlier definitions of the names it uses:
confirmed with them, it takes that verdict and names the definition; failing with them, it stays undecided and says
why, because the later section may mean a new ``a``.  (Found on a public study note of the softmax derivative.)
"""
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

SOFTMAX = ("# Softmax\n\n$$a_j = \\frac{e^{z_j}}{\\sum_{k=1}^{n} e^{z_k}}$$\n\n## Its derivative\n\n"
           "$$\\frac{\\partial a_j}{\\partial z_i} = -a_i a_j, \\quad i \\neq j$$\n\n"
           "$$\\frac{\\partial a_j}{\\partial z_i} = a_i a_j, \\quad i \\neq j$$\n\n"
           "$$\\frac{\\partial a_i}{\\partial z_i} = a_i(1 - a_i)$$\n")


def test_an_earlier_sections_definition_confirms_but_never_refutes():
    blocks = checked_blocks(SOFTMAX)
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, "undecided", CONFIRMED])  # the first: softmax's catalog
    assert "earlier section" in blocks[1].steps[0].method
    assert "earlier section it fails" in blocks[2].steps[0].reason


# "lets assume:" before definitions of A, B, C defines them, as "let" does; only a conditional clause ("f is a
# contraction if", "x is a fixed point of f if") makes a function's value a property (fresh41's reading, first also
# taken after "suppose"/"assume", lost three confirmations of mlglossary_calculus.tex)
ASSUMED = ("# Chain rule\n\nGiven the function $f(x) = A(B(C(x)))$, lets assume:\n\n"
           "$$A(x) = \\sin(x), \\quad B(x) = x^2, \\quad C(x) = 4x$$\n\n"
           "Then\n\n$$f'(x) = \\cos(16x^2) \\cdot 32x$$\n\nand\n\n$$f'(x) = \\cos(16x^2) \\cdot 8x$$\n")


def test_functions_assumed_in_prose_are_defined():
    blocks = checked_blocks(ASSUMED)
    assert_block_verdicts(blocks[-2:], [CONFIRMED, "refuted"])
