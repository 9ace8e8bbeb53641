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
