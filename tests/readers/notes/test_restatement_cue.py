r"""A row ``f(x) = ...`` for a name defined above reads as a claim or as a new definition; "we see that this is"
right before it says it restates the known ``f`` (readers.notes.definition_cues.RESTATEMENT), so it is checked."""
from readers.notes.check import check_notes

_DEFINED = "# Squares\n\nLet $$f(x) = (x + 1)^2.$$\n\n"


def verdict_of(text, latex):
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if latex in b.source]
    return block.verdict


def test_a_restatement_that_is_wrong_is_refuted():
    note = _DEFINED + "Expanding the square we see that this is\n\n$$f(x) = x^2 + x + 1.$$\n"
    assert verdict_of(note, "x^2 + x + 1") == "refuted"


def test_a_restatement_that_is_right_is_confirmed():
    note = _DEFINED + "Expanding the square we see that this is\n\n$$f(x) = x^2 + 2x + 1.$$\n"
    assert verdict_of(note, "x^2 + 2x + 1") in ("proved", "verified")


def test_without_the_cue_the_row_may_be_a_new_definition_and_is_not_refuted():
    note = _DEFINED + "Now take\n\n$$f(x) = x^2 + x + 1.$$\n"
    assert verdict_of(note, "x^2 + x + 1") != "refuted"
