"""Deciding at a point keeps sympy's cache: the guard against huge exact powers reads the expression itself instead
of building the substitution unevaluated (``with sympy.evaluate(False)`` empties the whole cache, on entering and on
leaving), and the substitution is the one the unevaluated look gave before."""
import pytest
import sympy as sp
import sympy.core.parameters
from sympy.codegen import cfunctions

from derivations.checker.strategies import decide
from symbolic.shared_subtrees import xreplace

x, y = sp.symbols("x y", real=True)
n = sp.Symbol("n", integer=True)
v = sp.IndexedBase("v", real=True)
HUGE = sp.Integer(10) ** 300


def _substitute_as_before(expr, point):
    """The substitution as it was made before: unevaluated first, evaluated unless a huge power shows there."""
    expr = decide._elementary(expr)
    with sp.evaluate(False):
        lazy = xreplace(expr, point)
    for node in sp.preorder_traversal(lazy):
        if isinstance(node, sp.Pow) and node.base.is_Rational and node.exp.is_Rational and node.base != 0:
            base_digits = max(len(str(abs(node.base.p))), len(str(node.base.q)))
            if base_digits * abs(node.exp) > decide.MAX_EXACT_DIGITS:
                return lazy
    return xreplace(expr, point)


CASES = [
    (x**y, {x: HUGE, y: HUGE}, True),  # (10^300)^(10^300): left unevaluated
    (sp.exp(x) + y**x, {x: HUGE, y: sp.Rational(3, 7)}, True),  # a huge power inside a sum
    (sp.log(1 + v[0] ** v[1]), {v[0]: sp.Integer(7), v[1]: HUGE}, True),  # elements as keys, inside a function
    (x**y, {x: sp.Rational(1, 3), y: sp.Integer(5)}, False),
    ((x + 1) ** y, {x: sp.Integer(2), y: sp.Rational(-3)}, False),  # the base is an Add until it is evaluated
    (sp.sqrt(x) * y - 1 / x, {x: sp.Rational(9, 4), y: sp.Rational(-2)}, False),
    (sp.Rational(3, 2) ** n + x, {n: sp.Integer(40), x: sp.Rational(1, 10)}, False),
    (x ** n / (1 + y**2), {x: sp.Integer(0), n: sp.Integer(-1), y: sp.Integer(2)}, False),  # 0**-1: zoo, as before
    (cfunctions.log1p(x) - sp.log(1 + x), {x: sp.Rational(-1, 2)}, False),  # written out first
]


@pytest.mark.parametrize("expr, point, huge", CASES)
def test_the_substitution_is_the_one_the_unevaluated_look_gave(expr, point, huge):
    got, expected = decide._substitute(expr, point), _substitute_as_before(expr, point)
    assert got == expected and type(got) is type(expected)
    assert decide._huge_power(decide._elementary(expr), point) is huge


def test_deciding_at_an_ordinary_point_keeps_sympys_cache(monkeypatch):
    cleared = []
    monkeypatch.setattr(sympy.core.parameters, "clear_cache", lambda: cleared.append(1))
    lhs, rhs = sp.exp(2 * x) * (x + 1) ** 2, sp.exp(x) ** 2 * (x**2 + 2 * x + 1)
    for value in (sp.Rational(1, 3), sp.Rational(-7, 2), sp.Integer(40)):
        assert decide.decide(lhs, rhs, {x: value}).state == "zero"
    assert not cleared
    assert isinstance(decide._substitute(x**y, {x: HUGE, y: HUGE}), sp.Pow)  # a huge power: unevaluated, as before
    assert len(cleared) == 2  # only there: entering and leaving evaluate(False)
