"""A name defined again in its section, introduced by words that say so ("consider the function"), is a new
definition that shadows the old one (readers.notes.definition_cues); later claims use it.  Without the words the
block stays ambiguous (claim or redefinition) and is never refuted."""
from readers.notes.check import check_notes

_NOTE = ("## Surfaces\n\nFirst take $g(s, t) = s t + 4$.\n\n{intro}\n\n$$g(s, t) = \\sin(s) + t^3.$$\n\n"
         "Its second-order Taylor expansion at $(0, 1)$ is\n\n$$g(s, t) \\approx {approx}$$\n")


def _blocks(intro, approx):
    report = check_notes(_NOTE.format(intro=intro, approx=approx), path="<test>", budget=5.0)
    return [b for b in report.blocks if b.kind == "display"]


def test_a_cued_redefinition_shadows_and_a_wrong_expansion_is_refuted():
    redefinition, approximation = _blocks("Consider instead the function", "s + 1 + 3(t - 1) + 6(t - 1)^2")
    assert redefinition.role == "definition" and redefinition.verdict is None, redefinition.steps
    assert approximation.verdict == "refuted", approximation.steps
    witness = approximation.steps[0].counterexample
    assert witness["centre"] == "s=0, t=1" and witness["order"] == "2", witness  # the stated point


def test_the_right_expansion_of_the_new_function_is_not_refuted():
    _, approximation = _blocks("Consider instead the function", "s + 1 + 3(t - 1) + 3(t - 1)^2")
    assert approximation.verdict == "verified", approximation.steps


def test_without_a_cue_the_repeated_name_stays_ambiguous():
    redefinition, _ = _blocks("We also have", "s + 1 + 3(t - 1) + 3(t - 1)^2")
    assert redefinition.verdict != "refuted" and redefinition.role != "definition", redefinition.steps
    assert "ambiguous" in redefinition.steps[0].reason, redefinition.steps


_REDEFINED = "## Example\n\nLet $f(x) = x^2$, so that\n\n$$f(3) = 9.$$\n\n{intro}\n\n$$f(x) = 2x + 1.$$\n\n" \
             "Then\n\n$$f(3) = {value}.$$\n"


def _values(intro, value):
    report = check_notes(_REDEFINED.format(intro=intro, value=value), path="<test>", budget=2.0)
    return [b for b in report.blocks if b.kind == "display"]


def test_a_claim_after_an_ambiguous_redefinition_is_read_with_either_definition():
    r"""$f(x) = 2x + 1$ after $f(x) = x^2$, with no words that say which: the row is a failing claim or a new $f$.
    $f(3) = 7$ after it holds for the new $f$ and fails for the old: it was refuted with the old one (held-out notes,
    round 8); $f(3) = 8$ fails for both and stays refuted."""
    _, redefinition, right = _values("Now the example changes:", 7)
    assert "ambiguous" in redefinition.steps[0].reason, redefinition.steps
    assert right.verdict == "undecided" and "ambiguous" in right.steps[0].reason, right.steps
    assert _values("Now the example changes:", 8)[2].verdict == "refuted"


def test_let_before_a_repeated_name_defines_it_anew():
    _, redefinition, right = _values("From here on, let", 7)
    assert redefinition.role == "definition", redefinition.steps
    assert right.verdict == "proved", right.steps
