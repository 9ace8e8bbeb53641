r"""A test's error probabilities written as events in words, with the levels the notes name
(readers.notes.hypothesis_tests).  Made-up notes: a planted mistake (power written as the type II error rate),
the right statements, and the case where the notes never name the level."""
import pytest

from readers.notes.check import check_notes
from readers.notes.hypothesis_tests import levels

_NAMED = ("## Two kinds of error\n\nWe run the test at significance level $\\alpha$. A type II error happens with "
          "probability $\\beta$.\n\n$$CLAIM$$\n")


def verdict(note, claim):
    (block,) = [b for b in check_notes(note.replace("CLAIM", claim), path="<test>", budget=5.0).blocks
                if claim in b.source]
    return block


def test_power_written_as_the_type_two_error_probability_is_refuted_at_a_valid_level():
    block = verdict(_NAMED, "1 - \\beta = P(\\text{fail to reject } H_0 \\mid H_0 \\text{ is false})")
    assert block.verdict == "refuted", block.steps
    (step,) = block.steps
    beta = step.counterexample["beta"]
    assert 0 < float(eval(beta, {})) < 1  # a rate a test can have  # noqa: S307 - a fraction the report wrote


@pytest.mark.parametrize("claim", [
    "1 - \\beta = P(\\text{reject } H_0 \\mid H_0 \\text{ is false})",
    "\\alpha + P(\\text{keep } H_0 \\mid H_0 \\text{ is true}) = 1",
    "1 - \\alpha = P(\\text{accept } H_0 \\mid H_0 \\text{ is true})",
])
def test_the_right_statements_are_proved(claim):
    block = verdict(_NAMED, claim)
    assert block.verdict == "proved", block.steps


def test_a_level_the_notes_do_not_name_is_not_assumed():
    note = "## Errors\n\nSome test.\n\n$$CLAIM$$\n"
    block = verdict(note, "1 - \\alpha = P(\\text{reject } H_0 \\mid H_0 \\text{ is true})")
    assert block.verdict != "refuted", block.steps


def test_levels_need_the_letter_and_the_words_in_one_sentence():
    assert levels("The $\\alpha$, is called as the *significance level*.") == {"alpha"}
    assert levels("Let $\\alpha > 0$. The significance level is small.") == frozenset()
    assert levels("A type II error is usually denoted as $\\beta$.") == {"beta"}


def test_the_errors_named_by_type_are_the_levels():
    assert verdict(_NAMED, "P(\\text{type II error}) = 1 - P(\\text{reject } H_0 \\mid H_0 \\text{ is false})"
                   ).verdict == "proved"
    assert verdict(_NAMED, "P(\\text{type II error}) = P(\\text{reject } H_0 \\mid H_0 \\text{ is false})"
                   ).verdict == "refuted"
