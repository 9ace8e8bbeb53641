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


# ** a side undefined at every precision: exactly no finite real at the exact point (speed51) **

u, v, w = sp.symbols("u v w", positive=True)
log1p, expm1 = sp.codegen.cfunctions.log1p, sp.codegen.cfunctions.expm1
UNDEFINED = [  # (lhs, rhs, point): a side is exactly non-real there (by hand: the base's or the log's argument's sign)
    (sp.log(1 - (1 - u) ** v), sp.log(-expm1(v * log1p(-u))), {u: sp.Rational(5, 2), v: sp.Rational(3, 7)}),
    (sp.log(-expm1(w * log1p(-v))), sp.log(1 - (1 - v) ** w), {v: sp.Rational(9, 4), w: sp.Rational(1, 2)}),
    (sp.log(1 - (1 - u) ** v), sp.log(-expm1(v * log1p(-u))), {u: sp.Rational(7, 2), v: 2}),  # log(1 - 25/4) < 0
    (sp.sqrt(x - y), x + y, {x: 1, y: 2}),
    (a + b, sp.log(a - 3 * b), {a: sp.Rational(1, 3), b: sp.Rational(1, 5)}),
    (E(a) * (a * b - 1) ** sp.Rational(1, 3), b, {a: sp.Rational(1, 2), b: 1}),  # a cube root's principal value
    (x ** 2, 3 * log1p(-x) / 2 + y ** y, {x: sp.Rational(13, 10), y: sp.Rational(1, 2)}),
]


def test_a_side_undefined_at_every_precision_is_settled():
    for lhs, rhs, point in UNDEFINED:
        assert settled(lhs, rhs, point, "undefined"), (lhs, rhs, point)


def test_a_side_that_only_rounds_to_undefined_is_not_settled():
    sigma = 1 / (1 + E(-x))
    assert not settled(sp.log(1 - sigma), -x - sp.log(1 + E(-x)), {x: 5000}, "undefined")  # log(e^-5000/(1+e^-5000))
    assert not settled(sp.sqrt(1 - (1 + sp.Rational(1, 10**60)) + sp.Rational(2, 10**60)), y, {y: 1}, "undefined")
    # c = 1, u = 3: both sides are exactly log 3; the rhs carries a rounding imaginary part at every precision
    assert not settled(sp.log(1 - (1 - u) ** v), sp.log(-expm1(v * log1p(-u))), {u: 3, v: 1}, "undefined")
    assert not settled(sp.log(1 - (1 - w) ** u), sp.log(-expm1(u * log1p(-w))), {w: 5, u: 3}, "undefined")  # log 65


def test_a_power_sympy_would_not_finish_is_settled_by_the_rules_alone():
    """The exponent 4298909826387262/10^21 (a sampled float as ``decide.exact_point`` reads it) over the base
    1 - u = -3.52...: sympy's exact power builds a prime to a power near 10^21 and runs for minutes (the point of
    ``log_at_least_one`` step 1 that ran away in speed50's draft); the rules read it non-real without building it."""
    point = {u: sp.Rational("4.5204221399344"), v: sp.Rational("4.298909826387262e-06")}
    assert settled(sp.log(1 - (1 - u) ** v), sp.log(-expm1(v * log1p(-u))), point, "undefined")
    assert settled(sp.Integer(0), (1 - u) ** v, point, "undefined")


def test_what_the_rules_do_not_know_is_not_settled():
    """A sum of two non-real terms may be real ((-1)^(1/2) + (-1)^(3/2) = 0), so may a product of two, an exponential
    of one, or a product with a real of unknown value (log 1 = 0): none of them is settled."""
    half, three_halves = sp.Rational(1, 2), sp.Rational(3, 2)
    point = {x: -1, y: 1}
    assert not settled(x ** half + x ** three_halves, y, point, "undefined")  # i - i = 0
    assert not settled(x ** half * x ** half, y, point, "undefined")  # i * i = -1
    assert not settled(E(sp.pi * x ** half), y, point, "undefined")  # e^{i pi} = -1
    assert not settled(sp.log(y) * x ** half, y, point, "undefined")  # log 1 = 0 times i
    assert not settled((x + 1) ** -1, y, point, "undefined")  # 1/0: infinite, not non-real
    assert settled(2 * x ** half + sp.log(y + 1), y, point, "undefined")


def test_a_settled_undefined_side_is_climbed_once_per_step_and_then_charged_as_that_climb():
    from derivations.checker.strategies.escalation import Allowance

    lhs, rhs, point = UNDEFINED[0]
    symbols = list(point)
    sides = [compile_expr(symbols, lhs), compile_expr(symbols, rhs)]
    values = [float(point[s]) for s in symbols]
    exact = {s: sp.Rational(v) for s, v in zip(symbols, values)}
    allowance = Allowance()

    def read(**settled_test):
        return read_point("=", sides, values, 50, escalate=("undefined",), allowance=allowance, digits=[50, 100, 200],
                          **settled_test)

    check = {"settled": lambda state: settled(lhs, rhs, exact, state)}
    first = read(**check)  # the step's first such point is climbed, and its cost kept
    assert first.state == "undefined" and first.level == 2 and first.settled
    assert allowance.climb is not None  # its CPU seconds (0 where the readings were memoized)
    left = allowance.left
    again = read(**check)  # the next is read once and charged that climb's cost
    assert again.state == "undefined" and again.level == 0 and again.settled
    assert allowance.left == left - allowance.climb
    plain = read()  # without the test, every point climbs
    assert plain.state == "undefined" and plain.level == 2 and not plain.settled


def test_points_where_a_side_is_exactly_non_real_are_not_reported_as_rounded():
    """The numeric rung's message: a point whose side is exactly non-real is undefined, not "unresolved: a side
    rounds to undefined there ... and may be defined exactly" (what it said of all 382 such points before)."""
    from derivations.checker.step import Step
    from derivations.checker.strategies.numeric import NumericTest

    t = sp.Symbol("t", real=True)
    for lhs, rhs in [(2 * sp.sqrt(x - 1), sp.sqrt(4 * x - 4)), (sp.sqrt(9 * t + 18), 3 * sp.sqrt(t + 2))]:
        verdict = NumericTest()(Step(lhs, rhs), 10.0)
        assert verdict.kind == "verified" and "undefined points skipped" in verdict.reason, verdict.reason
        assert "unresolved" not in verdict.reason, verdict.reason
