r"""A ``near`` point whose difference is exactly 0 at the exact point is not climbed to 5000 digits (``settled``);
anything short of an exact 0 still is.  The ties are exact by construction (two equal rows of a Gram matrix, the
exponential's functional equation), read by sympy's exact arithmetic, not by formulary."""
import sympy as sp

from derivations.checker.strategies.escalation import read_point
from derivations.checker.strategies.evaluate import compile_expr
from derivations.checker.strategies.settled import settled

g = sp.Symbol("g", positive=True)
a, b, c, x, y = sp.symbols("a b c x y", real=True)
E = sp.exp


def gram(*ts):
    return sp.Matrix(len(ts), len(ts), lambda m, n: E(-g * (ts[m] - ts[n]) ** 2))


TIES = [  # (lhs, point): lhs - 0 is exactly 0 there
    (gram(a, b).det(), {g: sp.Rational(1, 10), a: sp.Rational(3, 2), b: sp.Rational(3, 2)}),
    (gram(a, b, c).det(), {g: sp.Rational(33, 10), a: sp.Rational(7, 10), b: sp.Rational(-11, 10), c: sp.Rational(7, 10)}),
    (gram(x, y, a).det(), {g: 2, x: sp.Rational(-9, 4), y: 1, a: 1}),
    (E(x) * E(y) - E(x + y), {x: sp.Rational(5, 3), y: sp.Rational(-1, 7)}),
]


def test_an_exact_tie_is_settled():
    for lhs, point in TIES:
        assert settled(lhs, sp.Integer(0), point, "near")


def test_a_difference_that_is_only_small_is_not_settled():
    assert not settled(E(-200 * x), sp.Integer(0), {x: 1}, "near")  # 1e-87: near at 50 digits, not 0
    assert not settled(y + 4 * sp.Integer(10) ** -60, y, {y: 7}, "near")
    assert not settled(gram(a, b).det(), sp.Integer(0), {g: 1, a: 0, b: sp.Rational(1, 10**30)}, "near")
    assert not settled((x + 1) ** y - 1, sp.Integer(0), {x: sp.Integer(10) ** 300, y: sp.Integer(10) ** 300}, "near")
    assert not settled(E(x) * E(y) - E(x + y), sp.Integer(0), {x: 1, y: 2}, "undefined")


def test_a_settled_tie_is_read_at_the_working_digits_only():
    lhs, point = TIES[1]
    symbols = list(point)
    sides = [compile_expr(symbols, lhs), compile_expr(symbols, sp.Integer(0))]
    values = [float(point[s]) for s in symbols]
    exact = {s: sp.Rational(v) for s, v in zip(symbols, values)}
    tie = read_point(">=", sides, values, 50, settled=lambda state: settled(lhs, sp.Integer(0), exact, state))
    assert tie.state == "near" and tie.level == 0
    climbed = read_point(">=", sides, values, 50, digits=[50, 100, 200])
    assert climbed.state == "near" and climbed.level == 2  # what the tie costs without it: every level


def test_a_sign_below_the_working_digits_is_still_found_when_a_settled_test_is_given():
    sides = [compile_expr([y], y + 4 * sp.Integer(10) ** -60), compile_expr([y], y)]
    check = lambda state: settled(y + 4 * sp.Integer(10) ** -60, y, {y: 7}, state)  # noqa: E731
    assert read_point(">", sides, [7.0], 50, settled=check).state == "holds"
    assert read_point("<", sides, [7.0], 50, settled=check).state == "fails"
