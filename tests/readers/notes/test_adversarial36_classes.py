"""Reading classes that adversarial_round14.md (adversarial round 14 of the checker, branch adversary36) found, each
with a hand-written example unlike the corpus block that revealed it: a correct block is not refuted and its slip is
not confirmed."""

import pytest

from tests.readers.notes.test_adversarial13_classes import assert_verdicts

CONFIRMED = ("proved", "verified")
CASES = {
    # "for every positive $t$" after "On $t < 0$" kept t < 0 in force (a sign word before the name was not read), and
    # sqrt(t^2) = t was refuted at t = -1; a sign word after "for any/every/all" states the domain anew, as a condition
    "sign_before_name_replaces": (
        "# A\n\nOn $s < 0$ the sign flips. For every positive $s$,\n\n$$|s| = s$$\n\n$$|s| = -s$$\n",
        [None, None, CONFIRMED, "refuted"]),
    # "for all negative $v$" after "On $v > 0$": v < 0 for the block after it, where sqrt(v^2) = -v holds (it was
    # refuted under v > 0) and its slip is refuted at a negative point
    "sign_before_name_negative": (
        "# A\n\nOn $v > 0$ the root is v. For all negative $v$,\n\n$$\\sqrt{v^2} = -v$$\n\n$$\\sqrt{v^2} = v$$\n",
        [None, None, CONFIRMED, "refuted"]),
    # "For any nonzero $x$" after "On $0 < x < 1$" left 0 < x < 1 in force: ln(x^2) = 2 ln x was proved there; stated
    # anew as x != 0, the right side has no value at x = -1, inside the stated domain: not confirmed
    "stated_domain_around_a_point": (
        "# A\n\nOn $0 < x < 1$,\n\n$$\\ln x < 0$$\n\nFor any nonzero $x$,\n\n$$\\ln(x^2) = 2 \\ln x$$\n\n"
        "$$\\ln(x^2) = 2 \\ln |x|$$\n", [None, CONFIRMED, None, "not confirmed", CONFIRMED]),
    # a condition $y \ne 0$ written out states the domain just as well: 4 ln y has no value at y = -1
    "stated_domain_written_out": (
        "# A\n\nFor $y \\neq 0$,\n\n$$\\ln(y^4) = 4 \\ln y$$\n", [None, "not confirmed"]),
    # "Let $b$ be any real number" after "Suppose $b > 1$" left b > 1 in force, and b^3 > b was verified (it fails at
    # b = 1/2); words that make a name any real number end the section's conditions on it
    "any_real_ends_conditions": (
        "# A\n\nSuppose $b > 1$. Now let $b$ be any real number. Then\n\n$$b^3 > b$$\n\n$$b^2 + 1 > b$$\n",
        [None, None, "refuted", CONFIRMED]),
    # "$$q^{1/3} \le q$$ whenever $q \ge 1$.": the condition after the display, in its sentence, was read only from its
    # own block on, and the display was refuted at q = 1/2; a new sentence after it ("If ...") states no condition
    "condition_after_the_display": (
        "# A\n\n$$q^{1/3} \\le q$$\n\nwhenever $q \\ge 1$.\n\n# B\n\n$$r^3 > r$$\n\nIf $r > 1$ it grows.\n",
        [CONFIRMED, None, "refuted", None]),
    # Euler's formula read with i a real name was refuted at i = 1/2 (a correct line); where i sits in an exponent of
    # e, the reading with i the imaginary unit is tried too, and its slip fails in both
    "imaginary_unit_in_an_exponent": (
        "# A\n\n$$e^{i x} = \\cos x + i \\sin x$$\n\n$$e^{i x} = \\cos x - i \\sin x$$\n",
        ["undecided", "refuted"]),
    # an update of w^k elsewhere in the notes made every w^k an iterate, also where w is the variable of a derivative:
    # d/dw w^k = k w^(k-1) was refuted with w^(k-1) a free name; there w^k is a power of w
    "iterate_letter_differentiated": (
        "# A\n\n$$w^{k+1} = w^k - \\eta \\nabla L(w^k)$$\n\n# B\n\nFor every real $w$,\n\n"
        "$$\\frac{d}{dw} w^{k} = k w^{k-1}$$\n\n$$\\frac{d}{dw} w^{k} = w^{k-1}$$\n",
        [None, None, CONFIRMED, "refuted"]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_correct_block_holds_and_its_slip_is_not_confirmed(name):
    assert_verdicts(name, *CASES[name])
