r"""False ``verified`` from cancellation, runaway exact values, and the shown difference (stop 46).

* ``complements``: $\tfrac12 - \tfrac12\operatorname{erf}(z)$ (the reader's $\Phi(-x)$) is 0 at 50 digits from
  $z \approx 11$ on; written $\Phi(-\sqrt2 z)$ before evaluation it keeps its value.  ``cc-h7-logndtr-far``
  (tests/corpus/claims/heldout_round7.jsonl) fails only from $x \approx 2.5 \cdot 10^{12}$ on, where its left side
  was $\log 0$: it was verified, and is refuted.
* The refutation shows the certified $lhs - rhs$ (about $-8 \cdot 10^{-426}$ at $x \approx 5 \cdot 10^{137}$), not
  the $-2.9 \cdot 10^{194}$ that 80 fixed digits made of two sides $10^{275}$ in size.
* ``escalation``: a point whose sides agree within rounding, or where a side rounded to undefined, is read at more
  digits; a sign counts only once the last doubling no longer changes it.
* ``huge``: an exact value of astronomically many digits is not built ((x + 1)**y at x = y = 1e300 ran for minutes).
* ``within_cpu_seconds`` stops a call that guards sympy with ``except Exception``.

Oracles are mpmath evaluations of the exact closed forms written here by hand (erfc, exp), never formulary.
"""
import time

import mpmath
import pytest
import sympy as sp

from derivations.checker.budget import within_cpu_seconds
from derivations.checker.strategies import decide
from derivations.checker.strategies.complements import complements
from derivations.checker.strategies.escalation import read_point
from derivations.checker.strategies.evaluate import compile_expr, value_at
from derivations.checker.strategies.numeric import NumericTest
from readers.claim import claim_step

x, t, u, y = sp.symbols("x t u y", real=True)
AGREE = mpmath.mpf(10) ** -30
"""Relative agreement with the oracle at 50 working digits (20 digits for rounding in erfc and log)."""


@pytest.mark.parametrize("expr, at, oracle", [
    (sp.log(sp.Rational(1, 2) - sp.erf(x / sp.sqrt(2)) / 2), 40, lambda v: mpmath.log(mpmath.erfc(v / mpmath.sqrt(2)) / 2)),
    (sp.log(1 + sp.erf(t)), -30, lambda v: mpmath.log(mpmath.erfc(-v))),
    (sp.log(3 - 3 * sp.erf(u)), 1e5, lambda v: mpmath.log(3 * mpmath.erfc(v))),
    (sp.log(1 - sp.erfc(y)) - sp.log(y), 1e-30, lambda v: mpmath.log(mpmath.erf(v)) - mpmath.log(v)),
])
def test_a_complement_of_erf_keeps_its_value_where_the_sum_rounds_to_zero(expr, at, oracle):
    (symbol,) = expr.free_symbols
    got = value_at(compile_expr([symbol], expr), [at], 50)
    with mpmath.workdps(60):
        expected = oracle(mpmath.mpf(at))
    assert got is not None and abs(got - expected) <= AGREE * abs(expected)
    assert complements(expr) != expr


def test_complements_leave_a_sum_that_is_not_a_complement():
    expr = sp.Rational(1, 2) - sp.erf(x) / 3 + sp.erfc(t)
    assert complements(expr) == expr


POINTS = 20
"""Enough that the sampler (most of its points near the wall x = 1) reaches x > 2.5e12, where the claim fails; the
sampled points only (``quick``): the search for ties forks a child to solve, seconds of CPU."""


def _logndtr_far(lhs: str, variable: str):
    v = variable
    return claim_step(lhs, ">", f"-{v}**2/2 - log({v}) - log(sqrt(2*pi)) - 1/{v}**2 + 10**(-12)/{v}**3", [f"{v} >= 1"])


@pytest.mark.parametrize("lhs, variable", [("log(Phi(-x))", "x"), ("log(erfc(w/sqrt(2))/2)", "w")])
def test_the_far_tail_of_log_phi_is_refuted_with_the_certified_difference(lhs, variable):
    verdict = NumericTest(0, points=POINTS, quick=True)(_logndtr_far(lhs, variable), 20.0)  # no tie search
    assert verdict is not None and verdict.kind == "refuted", verdict
    at = mpmath.mpf(verdict.counterexample[variable])
    with mpmath.workdps(1200):  # the sides are 1e275 and differ by about 1e-426: 1200 digits hold 500 of them
        true = (mpmath.log(mpmath.erfc(at / mpmath.sqrt(2)) / 2)
                - (-at**2 / 2 - mpmath.log(at) - mpmath.log(mpmath.sqrt(2 * mpmath.pi)) - 1 / at**2
                   + mpmath.mpf(10) ** -12 / at**3))
        shown = mpmath.mpf(verdict.counterexample["lhs - rhs"])
        assert true < 0 and abs(shown - true) <= abs(true) * mpmath.mpf(10) ** -15  # 20 digits shown


SIGMOID_TAIL = sp.log(1 - 1 / (1 + sp.exp(-x)))
"""$\\log(1 - \\sigma(x)) = -x - \\log(1 + e^{-x})$: $1 - \\sigma(3000)$ cancels 1303 digits."""


POWER_TAIL = sp.log(1 - 1 / (1 + x**-1303))
r"""$\log(1 - 1/(1 + t)) = \log t - \log(1 + t)$ with $t = x^{-1303}$: at $x = 10$, $1 + t$ rounds to 1 below 1303
digits.  (The sigmoid tail $\log(1 - \sigma(x))$ no longer rounds to undefined: ``exp_cancellation`` writes it as
$\log(1/(e^{x} + 1))$ before compiling.)"""


@pytest.mark.parametrize("rel, offset, state", [(">=", 2, "holds"), (">=", 1, "fails"), ("<=", 1, "holds")])
def test_a_side_that_rounds_to_undefined_is_read_at_more_digits(rel, offset, state):
    r"""At $x = 10$: $t = 10^{-1303}$ and the left side is $\log t - t + t^2/2$, so its difference from
    $\log t - (4/5) c t$ is positive for $c = 2$ and negative for $c = 1$; a garbage value at a precision below 1303
    digits would give one of them the wrong sign."""
    rhs = -1303 * sp.log(10) - offset * sp.Rational(4, 5) * sp.Integer(10) ** -1303
    sides = [compile_expr([x], POWER_TAIL), compile_expr([x], rhs)]
    assert value_at(sides[0], [10.0], 54) is None  # log 0 at the working digits
    reading = read_point(rel, sides, [10.0], 54)
    assert reading.state == state and reading.dps > 1303


@pytest.mark.parametrize("at, rel, state", [(300.0, ">", "fails"), (2000.0, ">=", "fails"), (300.0, "<", "holds")])
def test_the_garbage_of_a_partial_cancellation_is_no_sign(at, rel, state):
    r"""$\log(1 - \sigma(x)) + x = -\log(1 + e^{-x}) < 0$.  At $x = 300$ and 216 digits the cancellation leaves
    $+8.7 \cdot 10^{-89}$ (the truth is $-5.1 \cdot 10^{-131}$), at $x = 2000$ and 1728 digits $+2.9 \cdot 10^{-861}$:
    defined, apart from 0, and of the wrong sign; the next doubling changes it, so it resolves nothing."""
    sides = [compile_expr([x], SIGMOID_TAIL + x), compile_expr([x], sp.Integer(0))]
    assert read_point(rel, sides, [at], 54).state == state


def test_a_sign_lost_to_rounding_between_sides_is_resolved_at_more_digits():
    """$x + 10^{-60} \\cdot 4$ against $x$ at $x = 7$: within rounding at 50 digits, apart at 100."""
    sides = [compile_expr([y], y + 4 * sp.Integer(10) ** -60), compile_expr([y], y)]
    assert read_point(">", sides, [7.0], 50).state == "holds"
    assert read_point("<", sides, [7.0], 50).state == "fails"


@pytest.mark.parametrize("expr", [(x + 1) ** y, (x * y) ** y, (2 * x) ** (y / 3), sp.gamma(x) + 1,
                                  sp.exp(u) * (u - 1) ** t])
def test_an_astronomically_large_exact_value_is_not_built(expr):
    point = {s: sp.Integer(10) ** 300 for s in expr.free_symbols}
    found = within_cpu_seconds(lambda: decide.side_state(expr, point), seconds=5.0)  # a guard against the hang
    assert found == ("unknown", None)


@pytest.mark.parametrize("expr", [sp.log(1 + sp.exp(x)) - x, sp.exp(-2 * t) + t])
def test_an_exponential_of_an_astronomical_argument_is_not_evaluated(expr):
    """At the far point 1e600 evalf of exp(-2e600) took 2-3 s, about the exact decision's allowance."""
    point = {s: sp.Integer(10) ** 600 for s in expr.free_symbols}
    found = within_cpu_seconds(lambda: decide.side_state(expr, point), seconds=5.0)  # a guard against the wait
    assert found == ("unknown", None)


def test_an_ordinary_power_is_still_decided():
    assert decide.decide((x + 1) ** y, sp.Integer(8), {x: sp.Integer(1), y: sp.Integer(3)}).state == "zero"


def test_a_cpu_limit_stops_a_call_that_guards_against_every_exception():
    def guarded_runaway():
        start = time.process_time()
        while time.process_time() - start < 3.0:
            try:
                sum(range(1000))
            except Exception:  # noqa: BLE001, S112 - as sympy's callers guard a call
                continue
        return "ran on"

    assert within_cpu_seconds(guarded_runaway, seconds=0.1) is None
