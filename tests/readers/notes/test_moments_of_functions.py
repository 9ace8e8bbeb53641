r"""Moment claims in functions the notes leave arbitrary (``E[f(X) + g(X)] = E[f(X)] + E[g(X)]``), read over
the random discrete distribution with random smooth functions (readers.notes.check ``moments_for_every_function``),
and ``af(X)`` / ``aE[f(X)]`` read as products (readers.latex.names ``splits_before_call``).

The notes are made up.  Each right property is independently true: expectation is linear, the variance scales
by the square of a constant, and independence factors expectations of functions of each variable.  The wrong
ones fail for f(x) = x on a fair coin X in {0, 1}: E[X^2] = 1/2 but E[X]^2 = 1/4; E[2X] = 1 but 4 E[X] = 2.
Neither may be refuted either (a failure in arbitrary functions refutes nothing: the notes may mean particular
functions), and neither may be confirmed.
"""
from __future__ import annotations

import pytest

from readers.latex.parse import parse_latex
from readers.notes.check import check_notes

_NOTE = """# Expectation

For a random variable $X$ and a constant $a$:

$${claim}$$
"""

RIGHT = [r"E[f(X) + g(X)] = E[f(X)] + E[g(X)]",
         r"E[af(X)] = aE[f(X)]",
         r"Var[af(X)] = a^2 Var[f(X)]",
         r"\mathbb{E}[f(X) - 2 g(X)] = \mathbb{E}[f(X)] - 2\mathbb{E}[g(X)]"]
WRONG = [r"E[f(X) g(X)] = E[f(X)] E[g(X)]",
         r"E[af(X)] = a^2E[f(X)]",
         r"Var[f(X) + g(X)] = Var[f(X)] + Var[g(X)]"]


def _claim_block(claim: str):
    report = check_notes(_NOTE.format(claim=claim))
    return next(b for b in report.blocks if b.source.startswith("$$"))


@pytest.mark.parametrize("claim", RIGHT)
def test_a_moment_identity_in_arbitrary_functions_is_verified(claim):
    block = _claim_block(claim)
    assert block.verdict == "verified", block.steps
    assert "random smooth functions" in block.steps[0].method


@pytest.mark.parametrize("claim", WRONG)
def test_a_false_moment_claim_in_arbitrary_functions_is_neither_confirmed_nor_refuted(claim):
    assert _claim_block(claim).verdict == "undecided"


def test_independence_in_the_prose_factors_expectations_of_functions():
    note = "# E\n\nIf $X$ and $Y$ are independent, then $$E[f(X)g(Y)] = E[f(X)]E[g(Y)]$$.\n"
    # its product-law proof takes about 1 s of CPU, half the default symbolic share: a budget far above need, so
    # that a loaded machine cannot turn it undecided (only the verdict is asserted)
    block = next(b for b in check_notes(note, budget=20.0).blocks if "g(Y)" in b.source)
    assert block.verdict == "verified", block.steps


@pytest.mark.parametrize("latex, product", [(r"E[af(X)] + f(X)", "a*f(X)"), (r"aE[f(X)]", "a*E(f(X))")])
def test_a_letter_before_a_function_of_the_same_formula_is_a_factor(latex, product):
    assert product in str(parse_latex(latex))


def test_a_two_letter_function_name_stays_one_name():
    assert "fc(x)" in str(parse_latex(r"fc(x) + 1"))  # no lone f or c applied elsewhere: a name
