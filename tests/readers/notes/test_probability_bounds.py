r"""``0 \le F_X(x) \le 1`` after ``F_X(x) = P(X \le x)``: each probability read as a number in [0, 1]
(readers.notes.probability_bounds).  The reading only confirms: a claim that fails there (``F_X(x) \le 1/2``, or
``P(A=a, B=b) \le P(A=a)``, true, but through the events' relation) stays undecided, never refuted."""
from readers.notes.check import check_notes
from readers.notes.probability_bounds import METHOD as BOUNDS

_NOTE = "# CDF\n\nThe distribution function is\n$$F_X(x) = P(X \\leq x)$$\n\n- $${claim}$$.\n"


def _claim(claim):
    blocks = check_notes(_NOTE.format(claim=claim), path="<test>", budget=5.0).blocks
    return blocks[-1]


def test_the_bounds_of_a_probability_are_confirmed():
    block = _claim("0 \\leq F_X(x) \\leq 1")
    assert block.verdict in ("proved", "verified") and len(block.steps) == 2, block.steps
    assert all("[0, 1]" in s.method for s in block.steps), block.steps


def test_a_bound_that_needs_the_law_is_left_undecided():
    block = _claim("F_X(x) \\leq \\frac{1}{2}")
    assert block.verdict == "undecided", block.steps


def test_a_bound_that_needs_the_events_is_not_decided_by_the_bounds():
    block = _claim("P(A=a, B=b) \\leq P(A=a)")  # the joint law decides it (readers.notes.law_tables), not [0, 1]
    assert block.verdict in ("undecided", "verified"), block.steps
    assert all(BOUNDS not in s.method for s in block.steps), block.steps
