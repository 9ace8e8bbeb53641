"""Exact zeros of the Gamma family at a point (``decide.gamma_family_zero``) and what the numeric rung says
about the agreements it re-decided exactly."""
import pytest
import sympy as sp
from sympy import Rational, RisingFactorial, beta, binomial, factorial, log, loggamma

from derivations.checker.ladder import Rung, check_step
from derivations.checker.step import Step
from derivations.checker.strategies import NumericTest
from derivations.checker.strategies.decide import MAX_DIGITS, decide, gamma_family_zero

b = sp.Symbol("b", positive=True)
x = sp.Symbol("x", real=True)
POINT = {b: Rational("1.2345678901234567")}
NUMERIC_ONLY = (Rung("numeric", NumericTest(0), 1.0),)
BUDGET = 60.0
"""Far above the 1-3 s these steps take, so that load cannot turn a verdict."""


def log_gamma_difference(h):
    r"""$\log\Gamma(b + h) - \log\Gamma(b) - \log\,(b)_h$, zero for $b > 0$."""
    return loggamma(b + h) - loggamma(b) - log(RisingFactorial(b, h))


@pytest.mark.parametrize("value", [
    log_gamma_difference(Rational(1, 2)).xreplace(POINT),
    log_gamma_difference(Rational(3, 4)).xreplace(POINT),
    log_gamma_difference(Rational(1, 2)).xreplace({b: Rational(1, 2)}),  # Gamma(1/2) = sqrt(pi): sympy evaluates it
    log(beta(Rational(1, 3), Rational(7, 5))) - loggamma(Rational(1, 3)) - loggamma(Rational(7, 5))
    + loggamma(Rational(1, 3) + Rational(7, 5)),
    log(binomial(Rational(7, 3), Rational(1, 3))) - loggamma(Rational(10, 3)) + loggamma(Rational(4, 3)) + loggamma(3),
    log(factorial(Rational(7, 3))) - loggamma(Rational(10, 3)),
])
def test_true_identities_of_the_gamma_family_are_exact_zeros(value):
    assert value != 0  # sympy alone does not see it
    assert gamma_family_zero(value)


@pytest.mark.parametrize("tiny", [Rational(1, 10**300), Rational(1, 10**1400), -sp.exp(-1000)])
def test_a_tiny_difference_is_never_an_exact_zero(tiny):
    assert not gamma_family_zero(log_gamma_difference(Rational(1, 2)).xreplace(POINT) + tiny)


def test_wrong_shifts_are_no_zero():
    value = loggamma(b + Rational(1, 2)) - loggamma(b) - log(RisingFactorial(b, Rational(1, 3)))
    assert not gamma_family_zero(value.xreplace(POINT))


def test_no_rewrite_where_a_gamma_argument_is_not_positive():
    r"""At $b = -5/2$, $\log\Gamma$ is not $\log \circ \Gamma$ ($\Gamma(-5/2) < 0$): not decided here."""
    assert not gamma_family_zero(log_gamma_difference(Rational(1, 2)).xreplace({b: Rational(-5, 2)}))


def test_a_difference_beyond_fifty_digits_is_still_certified():
    r"""$10^{-60}$ is below the numeric rung's tolerance at 50 digits: only the exact decision sees it."""
    point = {b: Rational(3, 2)}
    lhs, rhs = loggamma(b + Rational(1, 2)) - loggamma(b), log(RisingFactorial(b, Rational(1, 2)))
    assert decide(lhs, rhs, point).state == "zero"
    assert decide(lhs, rhs + Rational(1, 10**60), point).state == "negative"


def test_the_verdict_says_what_the_exact_re_decisions_showed():
    v = check_step(Step(loggamma(b + Rational(1, 3)) - loggamma(b), log(RisingFactorial(b, Rational(1, 3)))),
                   budget=BUDGET, ladder=NUMERIC_ONLY)
    assert v.kind == "verified"
    assert "agreements shown exactly" in v.reason and "no digit" not in v.reason


def test_an_uncertified_re_decision_is_not_called_shown(monkeypatch):
    from derivations.checker.strategies import numeric
    from derivations.checker.strategies.decide import Decision

    monkeypatch.setattr(numeric, "decide", lambda *a, **k: Decision("unknown"))
    v = check_step(Step(sp.sin(x) ** 2 + sp.cos(x) ** 2, sp.Integer(1)), budget=BUDGET, ladder=NUMERIC_ONLY)
    assert v.kind == "verified"
    assert "0 agreements shown exactly" in v.reason
    assert f"no digit of lhs - rhs certifiable to {MAX_DIGITS} digits" in v.reason


def test_a_failing_rewrite_leaves_the_decision_to_evalf(monkeypatch):
    from derivations.checker.strategies import decide as module

    def fails(value):
        raise ValueError("a node sympy cannot rewrite")

    monkeypatch.setattr(module, "_written_with_gamma_is_zero", fails)
    point = {b: Rational(3, 2)}
    lhs, rhs = loggamma(b + Rational(1, 2)) - loggamma(b), log(RisingFactorial(b, Rational(1, 2)))
    assert decide(lhs, rhs + Rational(1, 10**60), point).state == "negative"
