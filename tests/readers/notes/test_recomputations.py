"""A name whose value in force is a number, set again to an expression of numbers alone, is computed afresh (the
next worked problem): it is a new definition, and the rest of its chain is checked (readers.notes.recomputations).
A row whose right side has a name keeps its usual reading."""
from readers.notes.check import check_notes

_NOTE = ("## Solutions\n\n(a) The margin is $m = 3 \\cdot 0.25 = 0.75$.\n\n"
         "(b) Now the margin is $m = {second}$.\n\nThen $m + 1 = {after}$.\n")


def _blocks(second, after):
    report = check_notes(_NOTE.format(second=second, after=after), path="<test>", budget=5.0)
    return [b for b in report.blocks if b.source.startswith("$m")]


def test_a_value_computed_again_from_other_numbers_is_checked_and_used_later():
    _, again, later = _blocks("2 \\cdot 0.4 = 0.8", "1.8")
    assert again.role == "claim" and again.verdict == "proved", again.steps
    assert "m" in " ".join(again.definitions), again.definitions
    assert later.verdict == "proved", later.steps  # m + 1 = 1.8 with the new m


def test_a_wrong_arithmetic_step_of_the_new_computation_is_refuted():
    _, again, _ = _blocks("2 \\cdot 0.4 = 0.9", "1.8")
    assert again.verdict == "refuted", again.steps


def test_a_later_claim_with_the_old_value_is_not_confirmed():
    _, _, later = _blocks("2 \\cdot 0.4 = 0.8", "1.75")
    assert later.verdict == "refuted", later.steps


def test_a_right_side_with_a_name_is_no_fresh_computation():
    _, again, _ = _blocks("2 \\cdot k = 0.8", "1.8")
    assert "m" not in " ".join(again.definitions), again.definitions
