"""A piecewise claim is shown branch by branch (``strategies.branches``), and only when every branch is."""
import sympy as sp

from derivations.checker.step import Step
from derivations.checker.strategies.branches import pinned_symbols, prove_equal_by_branches
from derivations.checker.strategies.symbolic import prove_symbolically

x = sp.Symbol("x", real=True)
gamma = sp.Symbol("gamma", positive=True)
k = sp.Symbol("k", real=True)


def guarded(body, argument, value):
    """``body`` where ``argument`` is non-zero or large, ``value`` at ``argument = 0`` (a stability rule's form)."""
    return sp.Piecewise((body, sp.Ne(argument, 0) | (sp.Abs(argument) >= 1)), (value, True))


def test_a_branch_pinned_by_an_equality_is_shown_there():
    """sympy's simplify gave up on this (1.5 s) and the claim was only verified numerically."""
    lhs = gamma * sp.tanh(x / gamma)
    verdict = prove_symbolically(Step(lhs, guarded(lhs, x / gamma, x)), 10.0)
    assert verdict is not None and verdict.kind == "proved"
    assert "cases on the branches" in verdict.method and "x = 0" in verdict.method


def test_a_wrong_branch_is_not_proved():
    lhs = gamma * sp.tanh(x / gamma)
    assert prove_equal_by_branches(lhs, guarded(lhs, x / gamma, 1)) is None  # at x = 0 the sides are 0 and 1
    assert prove_equal_by_branches(lhs, sp.Piecewise((lhs, x > 0), (x, True))) is None  # wrong for all x <= 0


def test_an_equality_pins_a_symbol_only_through_a_nonzero_coefficient():
    assert pinned_symbols(sp.Eq(x / gamma, 0)) == {x: 0}
    assert pinned_symbols(sp.Eq(k * x, 0)) == {}  # k = 0 or x = 0: neither is pinned
    assert pinned_symbols(sp.Eq(x**2, 1)) == {}


def test_a_piecewise_undefined_where_no_condition_holds_is_not_split():
    partial = sp.Piecewise((x, x > 0), (-x, x < 0))  # no branch at x = 0
    assert prove_equal_by_branches(sp.Abs(x), partial) is None
