"""Reading classes that adversarial_round13.md (adversarial round 13 of the checker, branch adversary14) found, each
with a hand-written example unlike the corpus block that revealed it: a correct block is not refuted and its slip is
not confirmed."""

import pytest

from tests.readers.notes.checked import checked_blocks
from tests.readers.notes.test_adversarial13_classes import assert_verdicts

CONFIRMED = ("proved", "verified")
CASES = {
    # "Let $e = t - o$ be the error" was a condition Eq(E, t - o) on Euler's number, and d/do (e^2/2) = -e was read as
    # d/do (exp(2)/2) = -E and refuted; a row e = R with names free in R defines e as a quantity from there on
    "letter_e_defined_inline": (
        "# A\n\nLet $e = y - \\hat{y}$ be the residual.\n\n$$\\frac{\\partial}{\\partial \\hat{y}} e^2 = -2e$$\n\n"
        "$$\\frac{\\partial}{\\partial \\hat{y}} e^2 = 2e$$\n", [None, CONFIRMED, "refuted"]),
    # the same for a display that defines it
    "letter_e_defined_display": (
        "# A\n\nThe error is\n\n$$e = a - b$$\n\n$$\\frac{\\partial e^3}{\\partial b} = -3e^2$$\n",
        [None, CONFIRMED]),
    # e defined as a quantity and raised to a symbolic power after: the letter means both, so a block that writes it
    # is not refuted, and the logistic function written with e^{-x} still has its own derivative
    "letter_e_both_meanings": (
        "# A\n\nLet $e = t - o$ be the error.\n\n$$\\frac{\\partial}{\\partial o} e^2 = -2e$$\n\n"
        "$$s(x) = \\frac{1}{1 + e^{-x}}$$\n\n$$s'(x) = s(x)(1 - s(x))$$\n", [None, "undecided", None, CONFIRMED]),
    # a row that defines Euler's number itself leaves e Euler's number: its value is no name
    "letter_e_euler_defined": (
        "# A\n\n$$e = \\lim_{n \\to \\infty} \\left(1 + \\frac{1}{n}\\right)^n$$\n\n$$\\ln e^2 = 2$$\n\n$$e^2 = 7$$\n",
        [CONFIRMED, CONFIRMED, "refuted"]),
    # "For all integers $m$ and $n$," left m and n real: cos(m pi) cos(n pi) = cos((m + n) pi) was refuted at
    # m = n = 1/2, a point the sentence excludes; integer words before a name make it an integer as words after do
    "integers_named_before": (
        "# A\n\nFor all integers $m$ and $n$,\n\n$$\\cos(m \\pi) \\cos(n \\pi) = \\cos((m + n) \\pi)$$\n\n"
        "$$\\cos(m \\pi) + \\cos(n \\pi) = \\cos((m + n) \\pi)$$\n", [None, None, CONFIRMED, "refuted"]),
    # ... and the name of a condition after them: "for every integer $k \\ge 1$"
    "integer_condition_named_before": (
        "# A\n\nFor every integer $k \\ge 1$,\n\n$$(-1)^{2k} + \\sin(k \\pi) = 1$$\n", [None, CONFIRMED]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_correct_block_holds_and_its_slip_is_not_confirmed(name):
    assert_verdicts(name, *CASES[name])


def test_a_matrix_claim_shows_its_matrix_reading():
    r"""``(\mathbf{A}\mathbf{B})^\top = \mathbf{B}^\top \mathbf{A}^\top`` was shown "read as" its scalar parse, whose
    commutative product put A^T before B^T (the converse slip), while the check read the matrices in order."""
    text = "# M\n\n$$(\\mathbf{A} \\mathbf{B})^\\top = \\mathbf{B}^\\top \\mathbf{A}^\\top$$\n"
    [block] = list(checked_blocks(text))
    assert block.parsed_form == ("transpose(A*B) = transpose(B)*transpose(A)",), block.parsed_form
