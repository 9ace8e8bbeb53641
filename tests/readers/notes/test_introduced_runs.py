"""The sentence before a run of displays (only blank lines between them) introduces every display of the run:
"For independent $X$ and $Y$" governs the third display as much as the first."""
from functools import cache

from readers.notes.check import check_notes

NOTE = r"""# Variance of sums

For independent $X$ and $Y$ and constants $a$, $b$,

$$\operatorname{Var}(X + Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)$$

$$\operatorname{Var}(X - Y) = \operatorname{Var}(X) - \operatorname{Var}(Y)$$

$$\operatorname{Var}(aX + bY) = a^2\operatorname{Var}(X) + b^2\operatorname{Var}(Y)$$
"""


@cache
def _blocks():
    """The note's report, built once for the two tests that read it (each built it again)."""
    return check_notes(NOTE, path="<test>", budget=5.0).blocks


def _at(line):
    return next(b for b in _blocks() if b.line == line)


def test_a_later_display_of_the_run_is_read_under_the_stated_independence():
    assert _at(9).verdict in ("proved", "verified"), _at(9).steps


def test_a_mistake_in_the_run_is_refuted_on_independent_variables():
    block = _at(7)
    assert block.verdict == "refuted", block.steps
    witness = block.steps[0].counterexample
    assert any(k.startswith("u_X") for k in witness) and any(k.startswith("u_Y") for k in witness), witness


def test_prose_between_displays_ends_the_run():
    text = NOTE.replace("$$\\operatorname{Var}(aX", "Now for any $X$ and $Y$:\n\n$$\\operatorname{Var}(aX")
    block = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.kind == "display"][-1]
    assert block.verdict == "refuted", block.steps  # dependent X, Y: the covariance term is missing
