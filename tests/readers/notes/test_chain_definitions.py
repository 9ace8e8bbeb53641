r"""A chain that defines a name through a function: ``u = f(x) = 3x^2 - 4x`` defines ``f`` as well as ``u``
(readers.notes.check ``chain_names``), so later claims about ``f'`` are checked with it.

The note is made up; by hand, $f(x) = x^3 - 2x$ has $f'(x) = 3x^2 - 2$, which is 10 at $x = 2$.
"""
from __future__ import annotations

from readers.notes.check import check_notes

_NOTE = """# Derivatives

Define $v = f(x) = x^3 - 2x$.

By the power rule, $v' = f'(x) = 3 \\frac{{d}}{{dx}} \\frac{{x^3}}{{3}} - 2 = {value}$.
"""


def _blocks(value: str):
    return check_notes(_NOTE.format(value=value)).blocks


def test_the_chain_defines_the_function_too():
    first = _blocks("3x^2 - 2")[0]
    assert first.role == "definition"
    assert set(first.definitions) == {"f(x)", "v"}


def test_a_claim_about_the_function_of_the_chain_is_proved():
    block = _blocks("3x^2 - 2")[-1]
    assert block.verdict == "proved", block.steps


def test_a_wrong_claim_about_the_function_of_the_chain_is_refuted():
    block = _blocks("3x^2 - 4")[-1]
    assert block.verdict == "refuted", block.steps


def test_a_chain_in_a_later_section_defines_the_function_afresh():
    note = _NOTE.format(value="3x^2 - 2") + "\n## Exercises\n\n1. Plot $w = f(x) = x^2 + \\frac{1}{x}$ near $x = 1$.\n"
    last = [b for b in check_notes(note).blocks if "w = f(x)" in b.source][0]
    assert last.role == "definition" and last.verdict != "refuted", last.steps
