"""A function the prose declares generic again ends its earlier definition (readers.notes.generic_names): an example
``For $f(x) = -x^2$`` must not be substituted into a later argument about every convex differentiable $f$."""
import pytest

from readers.notes.generic_names import declares_generic
from tests.readers.notes.checked import checked_blocks

EXAMPLE_THEN_GENERAL = ("For $f(x) = -x^2$ we have $f'(x) = -2x$.\n\n## Convexity\n\n"
                        "For a convex and differentiable $f$, the first-order condition reads\n\n"
                        "$$f(y) \\ge f(x) + f'(x)(y - x).$$\n")
EXAMPLE_REFERRED_TO = "Take $f(x) = x^2 + 1$.\n\n## Values\n\nThe function $f$ at three:\n\n$$f(3) = 10.$$\n\n$$f(2) = 6.$$\n"


def _claims(text):
    return list(checked_blocks(text))


def test_a_general_claim_is_not_checked_with_an_earlier_example_function():
    # with f = -x^2 substituted, f(y) >= f(x) + f'(x)(y - x) is -(y - x)^2 >= 0: false, and it was refuted;
    # for the convex f the sentence speaks of it is the first-order condition, true
    *_, first_order = _claims(EXAMPLE_THEN_GENERAL)
    assert first_order.verdict != "refuted", first_order.steps
    assert first_order.verdict == "undecided"


def test_a_mention_that_points_back_keeps_the_definition():
    # "The function $f$" is the f defined above: 3^2 + 1 = 10 is proved, 2^2 + 1 = 6 refuted
    three, two = _claims(EXAMPLE_REFERRED_TO)
    assert (three.verdict, two.verdict) == ("proved", "refuted")


@pytest.mark.parametrize("prose, generic", [
    ("We analyze the rate for convex and three times differentiable ", True),
    ("Let ", True),
    ("for any function ", True),
    ("Consider a smooth ", True),
    ("for this convex ", False),
    ("the function ", False),
    ("the derivative of ", False),
    ("where ", False),
])
def test_the_cue_is_words_describing_a_class_of_functions(prose, generic):
    assert declares_generic(prose) is generic
