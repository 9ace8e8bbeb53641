r"""An event's complement (``\bar{A}``, ``\overline{A}``, ``A^c``) beside the event ``A`` is the other value of the
binary variable ``A``, not a new variable: the law of total probability in Bayes' denominator holds,

.. math:: P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B \mid A) P(A) + P(B \mid \bar A) P(\bar A)},

and the same denominator with ``P(A)`` in place of ``P(\bar A)`` fails."""
import pytest

from readers.notes.check import check_notes

RIGHT = r"P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B \mid A)\,P(A) + P(B \mid BAR)\,P(BAR)}"
WRONG = r"P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B \mid A)\,P(A) + P(B \mid BAR)\,P(A)}"
COMPLEMENTS = (r"\bar{A}", r"\overline{A}", "A^c", "A^{c}")


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


@pytest.mark.parametrize("bar", COMPLEMENTS)
def test_bayes_with_total_probability_over_a_complement_is_confirmed(bar):
    block = last("For events $A$ and $B$,\n\n$$" + RIGHT.replace("BAR", bar) + "$$\n")
    assert block.verdict in ("proved", "verified"), block.steps


@pytest.mark.parametrize("bar", COMPLEMENTS)
def test_a_wrong_normaliser_is_refuted_on_a_joint_of_a_and_b(bar):
    block = last("For events $A$ and $B$,\n\n$$" + WRONG.replace("BAR", bar) + "$$\n")
    assert block.verdict == "refuted", block.steps
    witness = next(s.counterexample for s in block.steps if s.verdict == "refuted")
    assert set(witness) >= {"A", "B", "p_root"}  # a joint of the two binary variables, not of a third one


def test_an_event_and_its_complement_add_to_one():
    assert last(r"$$P(A) + P(\bar{A}) = 1$$").verdict in ("proved", "verified")
    assert last(r"$$P(A \mid B) + P(\bar{A} \mid B) = 1$$").verdict in ("proved", "verified")


def test_a_bar_over_a_name_that_is_not_an_event_of_the_claim_stays_a_name():
    # no A beside \bar{B}: \bar{B} is a variable of its own (a binary variable is its complement relabelled)
    assert last(r"$$P(\bar{B} \mid C) = \frac{P(C \mid \bar{B})\,P(\bar{B})}{P(C)}$$").verdict in ("proved", "verified")
