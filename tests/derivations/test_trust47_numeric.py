r"""trust47: cancellation that no fixed precision reaches, cancelled exactly before rounding; a ``holds`` read from
rounding garbage; sides equal to a tiny value that only the tolerance's absolute floor called equal.

Oracles are mpmath on forms written by hand without cancellation ($\cosh y - \sinh y = e^{-y}$,
$1 - \sigma(x) = e^{-x}/(1 + e^{-x})$, $1 - \tanh u = 2/(e^{2u} + 1)$, $\log(1 - \sigma(x)) + x = -\log(1 + e^{-x})$).
``REL`` = 1e-40: the sides are read at 60 digits, and the rewritten forms lose none of them.
"""
import mpmath as mp
import pytest
import sympy as sp

from derivations.checker.strategies.decide import decide
from derivations.checker.strategies.escalation import read_point
from derivations.checker.strategies.evaluate import compile_expr, value_at
from derivations.checker.strategies.exp_cancellation import exponentials_cancelled
from derivations.checker.strategies.magnitude import term_magnitude

REL = mp.mpf(10) ** -40
DPS = 60
x, y, t = sp.symbols("x y t", real=True)
a, b, c = sp.symbols("a b c", real=True)
g = sp.Symbol("g", positive=True)
E = sp.exp


def _close(value, expected):
    with mp.workdps(DPS):
        return value is not None and abs(value - expected) <= REL * abs(expected)


@pytest.mark.parametrize("expr, point, oracle", [
    (sp.cosh(y) - sp.sinh(y), 30000, lambda v: mp.exp(-v)),
    (2 * sp.sinh(t) - 2 * sp.cosh(t), 12000, lambda v: -2 * mp.exp(-v)),
    (1 - 1 / (1 + E(-x)), 20000, lambda v: mp.exp(-v) / (1 + mp.exp(-v))),
    (1 - sp.tanh(t), 10000, lambda v: 2 / (mp.exp(2 * v) + 1)),
    (x + sp.log(1 - 1 / (1 + E(-x))), 20000, lambda v: -mp.log1p(mp.exp(-v))),
    (sp.log(1 - sp.tanh(y)) + 2 * y - sp.log(2), 9000, lambda v: -mp.log1p(mp.exp(-2 * v))),
    (sp.cosh(y) - sp.sinh(y), -30000, lambda v: mp.exp(-v)),
])
def test_leading_exponentials_cancel_exactly_before_rounding(expr, point, oracle):
    """At 60 digits each of these is 0 or undefined as written (the terms agree to thousands of digits)."""
    function = compile_expr((expr.free_symbols.pop(),), expr)
    with mp.workdps(DPS):
        assert _close(value_at(function, [mp.mpf(point)], DPS), oracle(mp.mpf(point)))


@pytest.mark.parametrize("expr", [
    1 / (E(x) + 1) + 1 / (1 + E(-x)),  # one fraction would be 1, defined at x = i pi where both terms divide by 0
    1 / (E(x) - 1) - E(-x) / (1 - E(-x)),  # 0 as one fraction, undefined at x = 0 as written
    sp.log(E(x) + 1) + 5,  # the exponent out of the log cancels nothing: x + log(1 + e^-x) would cancel at x << 0
    E(x) + E(-x),
    # like terms that only merge (a Gram matrix's quadratic form, e^-(x-y)^2 written both ways) cancel nothing:
    # their one fraction multiplies each term by every other denominator (speed50: 42 exponentials for 6)
    a * (a + b * E(-g * (y - x) ** 2)) + b * (a * E(-g * (x - y) ** 2) + b),
    a * (a + b * E(-x * y) + c * E(-x * t)) + b * (a * E(-y * x) + b) + c * (a * E(-t * x) + c),
    a * E(-(x - y) ** 2) + a * E(-(y - x) ** 2) + 1,
    b * c * E(-(t - x) ** 2) + c * b * E(-(x - t) ** 2) - c,
])
def test_rewriting_that_would_change_a_domain_or_cancel_nothing_is_not_made(expr):
    assert exponentials_cancelled(expr) == expr


@pytest.mark.parametrize("lhs, rhs, point", [
    (1 / (1 + E(x)), E(-x) / (E(-x) + 1), sp.Rational(3.7)),  # together cancels a common factor: numerator 0
    (1 / (1 + E(-t)), E(t) / (E(t) + 1), sp.Rational(-0.25)),
    (2 / (E(y) + 1), 2 * E(-y) / (1 + E(-y)), sp.Integer(40)),
])
def test_a_sum_whose_one_fraction_is_0_is_decided_zero(lhs, rhs, point):
    """Merged like terms of one sign are no cancellation; these are (exactly 0, not by coefficients meeting on one
    monomial): the one fraction stays, and the exact decision shows the tie."""
    assert decide(lhs, rhs, {(lhs.free_symbols).pop(): point}).state == "zero"


def test_far_failure_of_cosh_minus_sinh_is_decided_exactly():
    """cosh y - sinh y >= e^-y (1 + tanh(y - 20000)/1000) fails for y > 20000: at 30000, by -e^-30000/1000."""
    rhs = E(-y) * (1 + sp.tanh(y - 20000) / 1000)
    assert decide(sp.cosh(y) - sp.sinh(y), rhs, {y: sp.Integer(30000)}).state == "negative"
    assert decide(sp.cosh(y) - sp.sinh(y), rhs, {y: sp.Integer(10000)}).state == "positive"


SHIFT = sp.Rational(1, 10**60)


@pytest.mark.parametrize("lhs, rel, rhs, point", [
    (E(x + SHIFT) - E(x), "<=", SHIFT * E(x) / 2, 200),   # false: lhs = 1e-60 e^x (1 + ...)
    (E(t + SHIFT) - E(t), "<=", SHIFT * E(t) / 2, 333),
    (E(2 * x) - E(2 * x - SHIFT), "<=", SHIFT * E(2 * x) / 3, 150),
])
def test_a_holds_read_from_cancellation_garbage_is_read_again(lhs, rel, rhs, point):
    """At 55 digits e^x and e^(x + 1e-60) are equal to every digit kept, and their difference is rounding residue of
    size 1e-55 e^x, which meets 5e-61 e^x with a wide margin: before the term magnitudes, such a point counted as
    ``holds`` at once.  Its margin is now measured against e^x and the point is read at 110 digits, where the
    residue changes: it is never ``holds``."""
    symbol = (lhs.free_symbols - {SHIFT}).pop()
    sides = [compile_expr((symbol,), lhs), compile_expr((symbol,), rhs)]
    magnitudes = (compile_expr((symbol,), term_magnitude(lhs)), None)
    assert read_point(rel, sides, [mp.mpf(point)], 55, magnitudes=magnitudes).state != "holds"


@pytest.mark.parametrize("factor, state", [(sp.Rational(1, 2), "holds"), (2, "fails"), (sp.Rational(99, 100), "holds")])
def test_tiny_sides_apart_relative_to_themselves_resolve(factor, state):
    r"""$-\log(1 + e^{-x}) \le -c e^{-x}$ at $x = 10^{600}$: both sides near $10^{-4.3 \cdot 10^{599}}$, below the
    tolerance's absolute floor at any precision, so they were ``near`` to 5000 digits and never resolved.  Stable and
    apart relative to themselves, they resolve: true for c < 1 (log(1 + u) >= u - u^2/2), false for c = 2."""
    lhs, rhs = -sp.log(1 + E(-x)), -factor * E(-x)
    sides = [compile_expr((x,), lhs), compile_expr((x,), rhs)]
    assert read_point("<=", sides, [mp.mpf(10) ** 600], 60).state == state


def test_points_left_undefined_by_rounding_are_called_unresolved():
    """A skipped point where a side rounds to undefined at every precision tried is not known to be undefined: the
    verified reason says how many such points there were."""
    from derivations.checker.strategies.numeric import Tally, _rounded_text
    assert "3 of them unresolved" in _rounded_text(Tally(rounded=3)) and _rounded_text(Tally()) == ""


@pytest.mark.parametrize("expr, value", [
    (sp.digamma(x), 10**7),            # H_(10^7 - 1) - gamma, summed exactly
    (sp.polygamma(1, t), 10**6),
    (sp.harmonic(y), 10**6),
    (sp.gamma(x + sp.Rational(1, 2)), 10**6),  # (2n)! / (4^n n!) sqrt(pi)
    (sp.digamma(x + sp.Rational(1, 3)), 10**7),
])
def test_polygamma_family_at_huge_points_is_not_built_exactly(expr, value):
    """digamma(x) > log x - 1/(2x) - 1/(12x^2) + 1e-8/x^3 fails beyond 8.3e5: its failing points were decided by
    substituting the integer x, and sympy summed the harmonic number of 10^7 terms exactly until the budget ran out
    (the false claim timed out, undecided).  Such a substitution is now seen as too large before it is made."""
    from derivations.checker.strategies.huge import huge_exact
    symbol = expr.free_symbols.pop()
    assert huge_exact(expr, {symbol: sp.Integer(value)}, 20_000)
    assert not huge_exact(expr, {symbol: sp.Integer(50)}, 20_000)


def test_confirming_a_side_does_not_build_loggamma_of_a_huge_integer():
    """lgamma(x) <= Stirling + 1/(12x) - 1e-6/x^2 fails beyond 2778; ``confirm`` substituted x = 10^8 exactly and sympy
    built (10^8 - 1)! (the false claim timed out).  It now declines at once; the CPU limit only stops the old
    behaviour from hanging the suite."""
    from derivations.checker.budget import within_cpu_seconds
    from derivations.checker.strategies.evaluate import confirm
    found = within_cpu_seconds(lambda: ("done", confirm([sp.loggamma(x)], {x: 10**8}, 30)), seconds=5)
    assert found == ("done", None)


def test_a_polygamma_value_built_unevaluated_is_left_to_evalf():
    """``tail`` refutes H_n - log n > 0.57721566491 at n = 2^40 by building H_(2^40) unevaluated for ``evalf``: a
    number already in the tree is not made by the substitution and must not count as huge (ln-h7-harm-gamma-hi was
    verified when it did)."""
    from derivations.checker.strategies.huge import huge_exact
    with sp.evaluate(False):
        built = sp.digamma(sp.Integer(2**40) + 1) + sp.EulerGamma
    assert not huge_exact(built, {}, 20_000)
