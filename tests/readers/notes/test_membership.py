"""A number in a set written out element by element is decided exactly (readers.notes.membership)."""
import pytest

from readers.notes.check import check_notes


def _block(latex):
    text = f"## Dice\n\nThe event of an odd roll happens on a three, since ${latex}$.\n"
    (block,) = [b for b in check_notes(text, path="<test>", budget=5.0).blocks if b.source == f"${latex}$"]
    return block


@pytest.mark.parametrize("latex, verdict", [
    (r"3 \in \{1, 3, 5\}", "proved"),
    (r"\frac{6}{2} \in \{1, 3, 5\}", "proved"),
    (r"2 \in \{1, 3, 5\}", "refuted"),
    (r"2 \notin \{1, 3, 5\}", "proved"),
])
def test_a_number_in_a_written_out_set(latex, verdict):
    assert _block(latex).verdict == verdict


def test_a_name_in_a_set_is_not_decided():
    assert _block(r"x \in \{1, 3, 5\}").verdict != "refuted"
