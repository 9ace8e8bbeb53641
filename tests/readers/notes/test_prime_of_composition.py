r"""``f'(x)`` after ``f(x) = A(B(C(x)))`` whose inner functions are defined only after ``f``: the derivative of
``f``'s body with their bodies substituted first (readers.notes.check ``_prime``).

The note is made up: $f = \exp \circ (\cdot)^3 \circ (2\,\cdot)$, so by the chain rule (by hand)
$f'(x) = e^{8x^3} \cdot 3(2x)^2 \cdot 2 = 24x^2 e^{8x^3}$; the wrong value drops the inner factor 2.
"""
from __future__ import annotations

from readers.notes.check import check_notes

_NOTE = """# Chain rule

Take a composite function

$$f(x) = A(B(C(x)))$$

and let

$$A(x) = e^{{x}}, \\qquad B(x) = x^3, \\qquad C(x) = 2x.$$

Then

$$f'(x) = {derivative}$$
"""


def _derivative_block(derivative: str):
    report = check_notes(_NOTE.format(derivative=derivative))
    return next(b for b in report.blocks if "f'(x)" in b.source)


def test_the_derivative_of_a_composition_defined_later_is_proved():
    block = _derivative_block("24x^2 e^{8x^3}")
    assert block.verdict == "proved", block.steps


def test_a_wrong_derivative_of_the_composition_is_refuted():
    block = _derivative_block("12x^2 e^{8x^3}")
    assert block.verdict == "refuted", block.steps
