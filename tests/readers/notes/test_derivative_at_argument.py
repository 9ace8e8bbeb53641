r"""``\frac{dg}{du}`` after ``g(x) = ...`` of one argument, ``u`` a name of its own: Leibniz's notation names the
argument, so it is ``g'(u)`` (readers.notes.check ``at_argument``): a claim, confirmed when it holds.  When it
does not, ``u`` may be unrelated to ``g`` (a derivative of 0): never refuted.

The note is made up; by hand, $g(x) = \sin(x^2)$ has $g'(u) = 2u\cos(u^2)$.
"""
from __future__ import annotations

import pytest

from readers.notes.check import check_notes

_NOTE = """# Outer derivative

Take $g(x) = \\sin(x^2)$ and write $u$ for the inner value:

$$\\frac{{dg}}{{du}} = {value}$$
"""


def _block(value: str):
    return next(b for b in check_notes(_NOTE.format(value=value)).blocks if "du" in b.source)


def test_the_derivative_at_a_named_argument_is_proved():
    block = _block("2u\\cos(u^2)")
    assert block.verdict == "proved", block.steps
    assert "read as g' at u" in block.steps[0].method


@pytest.mark.parametrize("value", ["0", "\\cos(u^2)"])
def test_a_derivative_that_fails_at_the_argument_is_not_refuted(value):
    assert _block(value).verdict not in ("refuted", "proved", "verified")
