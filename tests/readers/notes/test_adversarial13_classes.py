"""Reading classes that adversarial_round12.md (adversarial round 12 of the checker, branch adversary13) found, each
with a hand-written example unlike the corpus block that revealed it: a correct block is not refuted and its slip is
not confirmed."""

import pytest

from readers.notes.check import check_notes

CONFIRMED = ("proved", "verified")
CASES = {
    # P \Rightarrow Q was read as P under the condition Q: the converse.  x > 1 => x^2 > 1 was no claim at all (a
    # condition) and x^2 > 1 => x > 1 was verified; now Q is claimed under P
    "implication_premise_assumed": (
        "# A\n\n$$x > 1 \\Rightarrow x^2 > 1$$\n\n$$x^2 > 1 \\Rightarrow x > 1$$\n", [CONFIRMED, "not confirmed"]),
    # the premise x = 2 of x = 2 => x^2 = 4 was read as an example value (x = 2 set for the paragraph): it is a premise
    # of this claim only, and the next block's premise x = 3 is not in conflict with it
    "implication_sets_no_value": (
        "# A\n\n$$t = 2 \\Rightarrow t^2 = 4$$\n\n$$t = 3 \\Rightarrow t^2 = 9$$\n", [CONFIRMED, CONFIRMED]),
    # "$n$ is an integer" made n nothing: floor(n/2) + ceil(n/2) = n was refuted at n = 1/2
    "stated_integer": (
        "# A\n\nHere $n$ is an integer.\n\n$$\\left\\lfloor \\frac{n}{2} \\right\\rfloor + \\left\\lceil \\frac{n}{2}"
        " \\right\\rceil = n$$\n\n$$\\left\\lfloor \\frac{n}{2} \\right\\rfloor = \\frac{n}{2}$$\n",
        [None, CONFIRMED, "refuted"]),
    # a double sum whose inner bound is the outer index (j up to i): renaming the bound indices left the inner bound
    # the old i, a free name, and the correct swap was refuted at "i = 2"
    "triangular_double_sum": (
        "# A\n\n$$\\sum_{i=1}^{n} \\sum_{j=1}^{i} j = \\sum_{j=1}^{n} (n - j + 1) j$$\n\n"
        "$$\\sum_{i=1}^{n} \\sum_{j=1}^{i} j = \\sum_{j=1}^{n} (n - j) j$$\n", [CONFIRMED, "refuted"]),
}


def assert_verdicts(name, text, expected):
    """The verdicts of the blocks of ``text`` are ``expected``, one per block: a verdict, a tuple of allowed ones,
    ``"not confirmed"`` (anything but proved or verified) or None (no claim)."""
    verdicts = [b.verdict for b in check_notes(text, path="<test>", budget=5.0).blocks]
    assert len(verdicts) == len(expected), verdicts
    for got, want in zip(verdicts, expected):
        if want == "not confirmed":
            assert got not in CONFIRMED, (name, verdicts)
        elif isinstance(want, tuple):
            assert got in want, (name, verdicts)
        else:
            assert got == want, (name, verdicts)


@pytest.mark.parametrize("name", CASES)
def test_a_correct_block_holds_and_its_slip_is_not_confirmed(name):
    assert_verdicts(name, *CASES[name])
