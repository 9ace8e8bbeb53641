r"""Arrows and equalities between written-out numbers (readers.notes.value_maps): a worked computation read as the
map that takes one list to the next, each number as written; never confirmed when a number is off."""
import pytest

from readers.notes.check import check_notes


def last(latex):
    return check_notes(f"## Scores\n\nThe scores become probabilities:\n\n$$ {latex} $$\n", path="<test>").blocks[-1]


def test_exponentiate_then_normalise_is_verified():
    # by hand: e^2 = 7.389, e^-1 = 0.368; 7.39 / 8.76 = 0.8436, 1 / 8.76 = 0.1142, 0.37 / 8.76 = 0.0422
    block = last(r"[2, 0, -1] \rightarrow [e^2, e^0, e^{-1}] = [7.39, 1, 0.37] \rightarrow [0.84, 0.11, 0.04]")
    assert [s.verdict for s in block.steps] == ["verified"] * 3, block.steps
    assert "e^x" in block.steps[0].method and "sum" in block.steps[2].method


def test_confidence_interval_ends_are_verified():
    # by hand: 0.62 -+ 1.96 * 0.02 = 0.5808, 0.6592
    block = last(r"0.62 \pm 1.96 \times 0.02 \to (0.581, 0.659)")
    assert block.verdict == "verified", block.steps


@pytest.mark.parametrize("latex", [
    r"[7.39, 1, 0.37] \rightarrow [0.84, 0.12, 0.04]",  # 1 / 8.76 = 0.114, not 0.12
    r"0.62 \pm 1.96 \times 0.02 \to (0.581, 0.669)",  # the upper end is 0.6592
    r"[0.71, 1] = [0.7, 1]",  # 0.71 is written exactly: not a rounding of 0.7
])
def test_a_number_off_is_not_confirmed(latex):
    assert last(latex).verdict != "verified", last(latex).steps
