r"""Classes of real mistakes read past until round 27 (issue 12), one case each from the corpus miss that revealed
it, with the correct twins that must not be refuted.  Each refuted case was undecided on main (9c62cf5)."""
import pytest

from tests.readers.notes.checked import checked_blocks

HOLDS = "not refuted"
"""A correct twin checked numerically: verified on a quiet machine, undecided when the budget runs out under load,
never refuted."""

CASES = {
    # adversarial_round12 41: the premise x^2 = 4 could not be sampled and the conclusion x = 2 alone was "an
    # equation in x"; checked at the premise's solutions x = -2, 2 it fails at -2 (the twin x = 2 => x^2 = 4 holds,
    # and x^2 = 9 => x^4 = 81 is proved at both roots)
    "implication with an equation for premise": (
        ("## I\n\nHere $x$ is a real number.\n\n$$x^2 = 4 \\Rightarrow x = 2$$\n\n$$x = 2 \\Rightarrow x^2 = 4$$\n\n"
         "$$x^2 = 9 \\Rightarrow x^4 = 81$$\n"), ["refuted", "proved", "proved"]),
    # adversarial_round12 47: x < y => x^2 < y^2 was held back as "the two sides share no name"; the premise links x
    # and y, so a point with x < y where it fails refutes it (the twin 0 < x < y => 1/x > 1/y holds)
    "implication whose premise links the sides": (
        ("## J\n\nHere $x$ and $y$ are real numbers.\n\n$$x < y \\Rightarrow x^2 < y^2$$\n\n"
         "$$0 < x < y \\Rightarrow \\frac{1}{x} > \\frac{1}{y}$$\n"), ["refuted", HOLDS]),
    # an implication whose conclusion compares a name with a number (x < 2) was read as a condition: no claim, and
    # x < 2 assumed for the blocks after it; it is claimed under the premise (x < 2 => x^2 < 4 refuted at x = -2, the
    # correct direction verified, and the next block sees no x < 2)
    "implication whose conclusion looks like a condition": (
        ("## K\n\nHere $x$ is a real number.\n\n$$x^2 < 4 \\Rightarrow x < 2$$\n\n$$x < 2 \\Rightarrow x^2 < 4$$\n\n"
         "$$x^2 < 4 \\Rightarrow x > -2$$\n"), [HOLDS, "refuted", HOLDS]),
    # adversarial_round12 60's kind: P \iff Q claimed nothing; both directions are claims now, so the converse slip
    # x^2 = 4 \iff x = 2 and e^x > 1 \iff x > 1 (fails at x = 1) are refuted, |x - 1| < 2 \iff -1 < x < 3 verified
    "equivalence read both ways": (
        ("## E\n\nHere $x$ is a real number.\n\n$$|x - 1| < 2 \\iff -1 < x < 3$$\n\n$$x^2 = 4 \\iff x = 2$$\n\n"
         "$$e^x > 1 \\Leftrightarrow x > 1$$\n\n$$x > 0 \\iff x^3 > 0$$\n"), [HOLDS, "refuted", "refuted", HOLDS]),
    # adversarial_round11 139: a \propto with no p(theta) on its left was "cannot tell in which variable"; read in
    # each name it holds in none (refuted), while the correct product (exponent without /2) holds in theta and is
    # left ambiguous, and a constant factor holds in every name
    "proportionality with no variable named": (
        ("## P\n\n$$e^{-(\\theta - a)^2/2} \\, e^{-(\\theta - b)^2/2} \\propto "
         "e^{-\\left(\\theta - \\frac{a + b}{2}\\right)^2/2}$$\n\n"
         "$$e^{-(\\theta - a)^2/2} \\, e^{-(\\theta - b)^2/2} \\propto e^{-\\left(\\theta - \\frac{a + b}{2}\\right)^2}$$\n\n"
         "$$\\frac{1}{\\sqrt{2\\pi}} e^{-x^2/2} \\propto e^{-x^2/2}$$\n"), ["refuted", "undecided", "proved"]),
    # planted_mistakes_8 63: "smallest at $\eta = 1/L$, where $$...$$" read "where" as a hypothesis verb, so the
    # wrong value of the bracket became a condition; after "at $x = v$," it points back to that value (the correct
    # twin is proved, and "where $$a + b = 1$$" after a plain sentence stays a hypothesis)
    "where after a value just set": (
        ("## W\n\nThe bracket $-\\eta g^2 + \\frac{L\\eta^2}{2} g^2$ is smallest at $\\eta = 1/L$, where\n\n"
         "$$-\\frac{1}{L} g^2 + \\frac{L}{2}\\cdot\\frac{1}{L^2}\\, g^2 = -\\frac{g^2}{L}.$$\n\n"
         "Again at $\\eta = 1/L$, where\n\n$$-\\frac{1}{L} g^2 + \\frac{L}{2}\\cdot\\frac{1}{L^2}\\, g^2 = "
         "-\\frac{g^2}{2L}.$$\n\n## V\n\nTake two numbers $a$ and $b$ where\n\n$$a + b = 1.$$\n\nThen\n\n"
         "$$a^2 - b^2 = a - b.$$\n"), ["refuted", "proved", "proved"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_round27_class(name):
    text, expected = CASES[name]
    blocks = list(checked_blocks(text))
    got = [HOLDS if e == HOLDS and b.verdict != "refuted" else b.verdict for b, e in zip(blocks, expected)]
    assert got == expected, [(b.verdict, [s.reason for s in b.steps]) for b in blocks]
    for b in blocks:
        if b.verdict == "refuted":
            assert any(s.counterexample for s in b.steps)
