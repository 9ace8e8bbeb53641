"""Reading classes that adversarial_round15.md (adversarial round 15 of the checker, branch adversary37) found, each
with a hand-written example unlike the corpus block that revealed it: a correct block is not refuted, its slip is not
confirmed, and what the note does not say is not read."""

import pytest

from tests.readers.notes.test_adversarial13_classes import assert_verdicts

CONFIRMED = ("proved", "verified")
CASES = {
    # formulas inside an HTML comment (a draft, a note to the author) were read and refuted; the note does not say them
    "html_comment_not_read": (
        "# A\n\n<!-- to fix: $$\\tan x = x$$ and $y = 2 y$ -->\n\n<!--\n$$\nz + 1 = z\n$$\n-->\n\n"
        "$$\\cosh^2 x - \\sinh^2 x = 1$$\n", [CONFIRMED]),
    # "If $a > 0$ then ... and otherwise ...": the otherwise block was checked under a > 0 and refuted; it holds where
    # the condition fails (a <= 0), and its slip fails there too
    "otherwise_display": (
        "# A\n\nIf $a > 0$, then\n\n$$\\max(a, 0) = a$$\n\nand otherwise\n\n$$\\max(a, 0) = 0$$\n\n# B\n\n"
        "If $c > 0$, then\n\n$$\\max(c, 0) = c$$\n\nOtherwise,\n\n$$\\max(c, 0) = c$$\n",
        [None, CONFIRMED, CONFIRMED, None, CONFIRMED, "refuted"]),
    # the same inline, in one sentence
    "otherwise_inline": (
        "# A\n\nIf $b \\ge 1$, then $b^3 \\ge 1$, otherwise $b^3 < 1$.\n", [None, CONFIRMED, CONFIRMED]),
    # after v in R^m the m of a norm bound is v's length: it was drawn as a real number apart from it (m = 0.95 beside
    # two entries) and the bound was refuted; its slip fails at v = (1, 0)
    "declared_size_in_a_bound": (
        "# A\n\nFor $\\mathbf{v} \\in \\mathbb{R}^m$,\n\n$$\\|\\mathbf{v}\\|_1 \\le \\sqrt{m} \\|\\mathbf{v}\\|_2$$\n\n"
        "$$\\sqrt{m} \\|\\mathbf{v}\\|_2 \\le \\|\\mathbf{v}\\|_1$$\n", [None, CONFIRMED, "refuted"]),
    # ||u||_1 <= ||u||_inf read as |u| <= |u| by the condition test (the norms' subscripts are no names) was taken for
    # a condition, never checked; and \infty as a norm's subscript was an unknown function norm_infty
    "norm_relation_is_a_claim": (
        "# A\n\nFor $\\mathbf{u} \\in \\mathbb{R}^k$,\n\n$$\\|\\mathbf{u}\\|_\\infty \\le \\|\\mathbf{u}\\|_1$$\n\n"
        "$$\\|\\mathbf{u}\\|_1 \\le \\|\\mathbf{u}\\|_\\infty$$\n", [None, CONFIRMED, "refuted"]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_correct_block_holds_and_its_slip_is_not_confirmed(name):
    assert_verdicts(name, *CASES[name])
