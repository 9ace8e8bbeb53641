r"""Moments of names the prose calls constants: E[c] = c and Var[c] = 0 hold for every distribution (by hand:
E[c] = sum_k p_k c = c, Var[c] = E[(c - c)^2] = 0); Var[c] = c^2 fails at c = 1.  Without the word "constant" the
claim stays undecided (a lower-case name may be a random variable)."""
from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above what these take."""


def verdicts(text):
    return {b.source.strip("$"): b.verdict for b in check_notes(text, budget=BUDGET).blocks if b.steps}


def test_moments_of_constants():
    found = verdicts("# Constants\n\nFor any constant $c$ we have $E[c] = c$ and $Var[c] = 0$.\n")
    assert found == {"E[c] = c": "proved", "Var[c] = 0": "proved"}


def test_a_wrong_moment_of_a_constant_is_not_confirmed():
    found = verdicts("# Constants\n\nFor a constant $c$, $Var[c] = c^2$.\n")
    assert found["Var[c] = c^2"] in ("undecided", "refuted")


def test_without_the_word_it_stays_undecided():
    assert verdicts("# Moments\n\nHere $E[b] = b$.\n") == {"E[b] = b": "undecided"}
