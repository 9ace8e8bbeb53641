"""Held-out round 4: steps of floor/ceiling and jumps of sign at points no random sample meets.

Each test but ``test_c`` failed on the code before its fix (``floor(x + sin(x)) <= x + sin(x)``, true, was
refuted; the false claims were verified); ``test_c`` guards the fix's true neighbour."""
import math

import mpmath
import pytest
import sympy as sp

from derivations.checker.ladder import check_step
from derivations.checker.strategies.decide import decide
from readers.claim import claim_step

BUDGET = 20.0
"""Far above the 1-10 s these claims take, so that load cannot turn a verdict."""


def verdict(lhs, rel, rhs, *assume):
    return check_step(claim_step(lhs, rel, rhs, assume), budget=BUDGET)


def test_a_floor_near_an_integer_is_certified_before_it_decides():
    # x + sin(x) = 99 - 2.9e-14 here (float64 below agrees), so floor is 98 and lhs - rhs < 0; sympy said 99
    # and refuted the true floor(x + sin(x)) <= x + sin(x) (io-h4-floor-sin in test_corpus.py)
    x = sp.Symbol("x", real=True)
    point = {x: sp.Rational("99.7229305048659")}
    assert 99.7229305048659 + math.sin(99.7229305048659) < 99
    assert decide(sp.floor(x + sp.sin(x)), x + sp.sin(x), point).state in ("negative", "unknown")
    assert decide(sp.ceiling(x + sp.sin(x)), x + sp.sin(x), point).state in ("positive", "unknown")
    assert decide(sp.floor(x + sp.sin(x)), sp.Integer(98), point).state == "zero"


def test_b_floor_steps_at_multiples_of_the_divisor_are_tried():
    v = verdict("n - 7919*floor(n/7919)", ">", "0", "n=positive_integer")
    assert v.kind == "refuted"
    assert int(v.counterexample["n"]) % 7919 == 0  # where the remainder is 0, the strict relation fails
    v = verdict("floor(n**2/1009)", "=", "floor((n**2 - 1)/1009)", "n=positive_integer")
    assert v.kind == "refuted"
    n = int(v.counterexample["n"])
    assert n * n // 1009 != (n * n - 1) // 1009


def test_c_the_true_neighbour_of_a_step_is_not_refuted():
    assert verdict("n - 3*floor(n/3)", "<=", "2", "n=integer").kind != "refuted"


def test_d_a_sign_that_vanishes_at_a_transcendental_zero_is_not_verified():
    # cos(x) = x at the Dottie number 0.739085..., where sign is 0 and so lhs = 0 (sympy finds no closed form)
    assert verdict("sign(cos(x) - x)**2", "=", "1").kind == "undecided"
    assert verdict("sign(cos(x) - x)**2", "<=", "1").kind != "refuted"  # the jump to 0 keeps this one true


def test_e_a_closed_floor_just_below_an_integer_is_neither_proved_nor_refuted_wrongly():
    # the number is 99 - 2.9e-14 (test_a), so its floor is 98: sympy alone evaluated it to 99 while parsing
    text = "floor(99.7229305048659 + sin(99.7229305048659))"
    assert not verdict(text, "=", "99").holds
    assert verdict(text, "=", "98").kind != "refuted"


SLIVERS = [
    # round 7 (tr-h7-floor-sq-thin, false, verified): fails only where x^2 is within 1e-30 below an integer; the
    # step at x = sqrt(2) itself holds, and no float64 sample lands in the sliver
    ("floor(x**2)", ">=", "x**2 - 1 + 10**(-30)", lambda x: mpmath.floor(x**2) >= x**2 - 1 + mpmath.mpf(10) ** -30),
    ("ceiling(x**3)", "<=", "x**3 + 1 - 10**(-40)", lambda x: mpmath.ceil(x**3) <= x**3 + 1 - mpmath.mpf(10) ** -40),
]


@pytest.mark.parametrize("lhs, rel, rhs, holds", SLIVERS, ids=["floor-below-step", "ceiling-above-step"])
def test_f_a_failure_in_a_sliver_beside_a_step_is_refuted_at_a_point_that_reads_back(lhs, rel, rhs, holds):
    v = verdict(lhs, rel, rhs)
    assert v.kind == "refuted", v.summary()
    with mpmath.workdps(400):  # the coordinate as printed, read back exactly, and the claim decided by mpmath
        assert not holds(mpmath.mpf(v.counterexample["x"])), v.counterexample
