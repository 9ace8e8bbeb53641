r"""Classes of real mistakes read past until round 37 (issue 12), one case each, with the correct near-misses that
must not be refuted.  Each case marked "was undecided" was undecided on main (858cfeb); each refutation carries a
counterexample."""
import pytest

from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

CASES = {
    # adversarial_round14 167, 185, 223: "Let $e = y - \hat{y}$" in one section and e^{-x} in later ones made the
    # letter ambiguous everywhere, so no block writing it was refuted.  The quantity e holds to the heading, as a bare
    # letter's definition does (the section raises e to no power); after it a block that writes e only as the base of
    # powers of Euler's shape (e^{-2x}) reads Euler's number.  Near-misses: the correct derivative in each reading is
    # confirmed, and d/dyhat (e^2/2) = -e after the heading, where e may be either, is not refuted
    "letter e: a quantity to the heading, Euler's number in powers after it": (
        "## A\n\nLet $e = y - \\hat{y}$ be the error of a prediction $\\hat{y}$.\n\n"
        "$$\\frac{\\partial}{\\partial \\hat{y}} \\left(\\frac{1}{2} e^2\\right) = e$$\n\n"
        "$$\\frac{\\partial}{\\partial \\hat{y}} \\left(\\frac{1}{2} e^2\\right) = -e$$\n\n"
        "## B\n\n$$\\frac{d}{dx} e^{-2x} = 2 e^{-2x}$$\n\n$$\\frac{d}{dx} e^{-2x} = -2 e^{-2x}$$\n\n"
        "$$\\frac{\\partial}{\\partial \\hat{y}} \\left(\\frac{1}{2} e^2\\right) = -e$$\n",
        ["refuted", CONFIRMED, "refuted", CONFIRMED, HOLDS]),
    # planted_mistakes_11 191: a/(1 + lambda) = a(1 - lambda) was undecided, "read with a(...) as a function"; the
    # section used a as a number in (w - a)^2 just above.  Near-miss: a name only mentioned ("the map $p$") may still
    # be a function, so p(1 - t) = 1 - p(t) is not refuted as p times a bracket
    "a letter the section used as a value is no function": (
        "## A\n\nOne weight $w$ and a target $a$:\n\n$$\\frac{d}{dw}\\frac{1}{2}(w - a)^2 = w - a$$\n\n"
        "$$\\frac{a}{1 + \\lambda} = a(1 - \\lambda)$$\n\n## C\n\nFor the map $p$,\n\n$$p(1 - t) = 1 - p(t)$$\n",
        [CONFIRMED, "refuted", HOLDS]),
    # adversarial_round14 71: "the logarithm of one minus any real number is negative: ln(1 - x) < 0" held "where
    # x > 0 (the notes leave the domain implicit)"; the words state the whole line for the claim's one name, and it
    # fails at x = 0.  Near-misses: the square of any real number is non-negative (confirmed), and a claim in two
    # names after the same words is still read where its logarithms are defined (not refuted)
    "any real number, unnamed, states the domain of a claim in one name": (
        "## A\n\nThe logarithm of one minus any real number is negative:\n\n$$\\ln(1 - x) < 0$$\n\n"
        "## B\n\nThe square of any real number is non-negative:\n\n$$x^2 \\ge 0$$\n\n"
        "## C\n\nThe logarithm of a product of any real numbers splits:\n\n$$\\ln(xy) = \\ln x + \\ln y$$\n",
        ["refuted", CONFIRMED, HOLDS]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_round37_class(name):
    text, expected = CASES[name]
    assert_block_verdicts(checked_blocks(text), expected)
