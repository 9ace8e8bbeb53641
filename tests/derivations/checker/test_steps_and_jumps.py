"""Held-out round 4: steps of floor/ceiling and jumps of sign at points no random sample meets.

Each test failed on the code before its fix (``floor(x + sin(x)) <= x + sin(x)``, true, was refuted; the other
false claims were verified)."""
import math

import sympy as sp

from derivations.checker.ladder import check_step
from derivations.checker.strategies.decide import decide
from readers.claim import claim_step

BUDGET = 20.0
"""Far above the 1-10 s these claims take, so that load cannot turn a verdict."""


def verdict(lhs, rel, rhs, *assume):
    return check_step(claim_step(lhs, rel, rhs, assume), budget=BUDGET)


def test_a_floor_near_an_integer_is_certified_before_it_decides():
    # x + sin(x) = 99 - 2.9e-14 here (mpmath below), so floor is 98 and the true claim holds; sympy said 99
    x = sp.Symbol("x", real=True)
    point = {x: sp.Rational("99.7229305048659")}
    value = sp.Float(99.7229305048659 + math.sin(99.7229305048659))
    assert value < 99  # float64 agrees: 98.99999999999997
    decision = decide(sp.floor(x + sp.sin(x)), x + sp.sin(x), point)
    assert decision.state in ("negative", "unknown")
    assert verdict("floor(x + sin(x))", "<=", "x + sin(x)").kind != "refuted"
    assert verdict("ceiling(x + sin(x))", ">=", "x + sin(x)").kind != "refuted"


def test_b_floor_steps_at_multiples_of_the_divisor_are_tried():
    v = verdict("n - 7919*floor(n/7919)", ">", "0", "n=positive_integer")
    assert v.kind == "refuted"
    assert int(v.counterexample["n"]) % 7919 == 0  # where the remainder is 0, the strict relation fails
    v = verdict("floor(n**2/1009)", "=", "floor((n**2 - 1)/1009)", "n=positive_integer")
    assert v.kind == "refuted"
    n = int(v.counterexample["n"])
    assert n * n // 1009 != (n * n - 1) // 1009


def test_c_the_true_neighbours_of_the_steps_are_not_refuted():
    assert verdict("n - 3*floor(n/3)", "<=", "2", "n=integer").kind != "refuted"
    assert verdict("floor(x/2) + floor((x + 1)/2)", "=", "floor(x)").kind != "refuted"
    assert verdict("floor(n*sqrt(2))", "<", "n*sqrt(2)", "n=positive_integer").kind != "refuted"


def test_d_a_sign_that_vanishes_at_a_transcendental_zero_is_not_verified():
    # cos(x) = x at the Dottie number 0.739085..., sin(x) = x/2 at 1.895494...: sign is 0 there, so lhs = 0
    assert verdict("sign(cos(x) - x)**2", "=", "1").kind == "undecided"
    assert verdict("sign(sin(x) - x/2)**2", "=", "1", "x > 1").kind == "undecided"
    assert verdict("sign(cos(x) - x)**2", "<=", "1").holds  # the jump to 0 keeps this one true
