r"""A constant's letter given a value (``e \approx 0.2``: the error of an estimate, in Mandli's notes after
``T_2(1) = 2.5 \Rightarrow``) names a quantity of the notes: its refutation as Euler's number is not shown; a wrong
value of a function of the constant (``e^2 = 7``) is still refuted."""
import pytest

from readers.notes.check import check_notes


@pytest.mark.parametrize("row, verdict", [
    (r"T_2(1) = 2.5 \Rightarrow e \approx 0.2", "undecided"),
    (r"e^2 = 7", "refuted"),
    (r"\pi = 3.15", "refuted"),  # a slip in the digits of pi: still refuted
    (r"\pi = 0.4", "undecided"),  # a probability named pi
])
def test_a_constants_letter_given_a_value(row, verdict):
    note = f"# Accuracy\n\n$$\n{row}\n$$\n"
    blocks = [b for b in check_notes(note, path="<test>", budget=5.0).blocks if b.verdict]
    assert blocks and blocks[-1].verdict == verdict, [(b.source, b.verdict, b.steps) for b in blocks]
