r"""Claims in functions the notes leave arbitrary: verified on random smooth functions, never refuted."""
import random

import sympy as sp

from readers.notes.arbitrary import arbitrary_functions, random_function
from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the few hundred milliseconds these take."""


def verdicts(text):
    return [b.verdict for b in check_notes(text, budget=BUDGET).blocks]


def test_calculus_rules_for_arbitrary_functions_are_verified():
    text = "\n\n".join([
        r"$$\frac{d}{dx}\left(g(x) + h(x)\right) = \frac{dg}{dx}(x) + \frac{dh}{dx}(x)$$",
        r"$$\frac{d}{dx}\left(g(x)\cdot h(x)\right) = g(x)\frac{dh}{dx}(x) + \frac{dg}{dx}(x)h(x)$$",
        r"$$\frac{d}{dx}g(h(x)) = \frac{dg}{dh}(h(x))\cdot \frac{dh}{dx}(x)$$",
    ])
    assert verdicts(text) == ["verified"] * 3


def test_a_wrong_rule_is_undecided_not_refuted_nor_verified():
    # false for arbitrary g, h; in context the notes might mean particular functions: never refuted
    text = r"$$\frac{d}{dx}\left(g(x)\cdot h(x)\right) = \frac{dg}{dx}(x)\frac{dh}{dx}(x)$$"
    assert verdicts(text) == ["undecided"]


def test_a_claim_true_only_for_linear_functions_is_not_verified():
    # f(x + y) = f(x) + f(y) holds for linear f; the random family is not linear
    assert verdicts(r"$$f(x + y) = f(x) + f(y)$$") == ["undecided"]


def test_probabilities_and_entropies_are_not_arbitrary():
    assert arbitrary_functions([sp.Function("P")(sp.Symbol("x"))]) is None
    assert arbitrary_functions([sp.Function("H")(sp.Symbol("x"))]) is None
    assert arbitrary_functions([sp.Function("g")(sp.Symbol("x"))]) is not None


def test_the_random_family_is_nonlinear_in_every_argument():
    f = random_function(2, random.Random(0))
    t, u = sp.symbols("t u", real=True)
    assert sp.diff(f(t, u), t, 2) != 0 and sp.diff(f(t, u), u, 2) != 0
