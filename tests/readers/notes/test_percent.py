r"""``95\%`` after a number is that number over 100, exactly as written (``9.8\%`` is 0.098): a rounded value
restated as a percentage is checked, and a wrong percentage is refuted."""
from fractions import Fraction

import pytest

from readers.latex.parse import parse_latex
from readers.notes.check import check_notes


def blocks(text):
    return check_notes(text, path="<test>", budget=5.0).blocks


@pytest.mark.parametrize("written, value", [("95\\%", "95/100"), ("9.8\\%", "98/1000"), ("0.5\\%", "5/1000"),
                                            ("12.25 \\%", "1225/10000")])
def test_a_percentage_is_the_number_over_a_hundred(written, value):
    assert Fraction(str(parse_latex(written))) == Fraction(value)


def test_a_margin_restated_as_a_percentage_is_confirmed():
    # 1.96 sqrt(0.25/100) = 0.098 exactly, so 9.8 % restates it
    note = r"The margin is $ME = 1.96 \sqrt{\frac{0.5 \times 0.5}{100}} = 0.098 \approx 9.8\%$ here." + "\n"
    (block,) = blocks(note)
    assert block.verdict in ("proved", "verified"), block.steps


def test_a_wrong_percentage_is_refuted():
    note = r"The margin is $ME = 1.96 \sqrt{\frac{0.5 \times 0.5}{100}} = 19.6\%$ here." + "\n"
    (block,) = blocks(note)
    assert block.verdict == "refuted", block.steps  # an approximation off by a factor 2 is only undecided


def test_a_percent_sign_after_a_name_is_still_not_read():
    (block,) = blocks(r"We keep $x\%$ of the data." + "\n")
    assert not block.parsed
