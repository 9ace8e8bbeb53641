"""Reading classes that adversarial_round16.md (adversarial round 16 of the checker, branch adversary38) found, each
with a hand-written example unlike the corpus block that revealed it: a correct block is not refuted and its slip is
not confirmed."""

import pytest

from tests.readers.notes.test_adversarial13_classes import assert_verdicts

CONFIRMED = ("proved", "verified")
CASES = {
    # the scalar reading makes every norm |u|, so both links of a chain of norms read |u| <= |u| and each claim took the
    # first link's matrix reading: the false second link was never checked and the chain was verified
    "chain_of_norms_second_link": (
        "# A\n\nFor $\\mathbf{u} \\in \\mathbb{R}^k$,\n\n$$\\|\\mathbf{u}\\|_2 \\le \\|\\mathbf{u}\\|_1 \\le "
        "\\|\\mathbf{u}\\|_\\infty$$\n\n$$\\|\\mathbf{u}\\|_\\infty \\le \\|\\mathbf{u}\\|_2 \\le \\sqrt{k} "
        "\\|\\mathbf{u}\\|_\\infty$$\n", [None, "refuted", CONFIRMED]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_correct_block_holds_and_its_slip_is_not_confirmed(name):
    assert_verdicts(name, *CASES[name])
