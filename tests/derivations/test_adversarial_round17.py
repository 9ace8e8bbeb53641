"""Wrong verdicts that heldout_round17.jsonl (adversarial round 17 of the step checker, branch adversary39) found, by
class, each with claims unlike the corpus one that revealed it."""
import pytest
import sympy as sp

from derivations.checker.ladder import check_step
from derivations.checker.strategies.improper import nonintegrable_end
from readers.claim import claim_step

BUDGET = 4.0
"""Seconds per claim: each is decided (or withdrawn) at the first sampled point."""

x = sp.Symbol("x", real=True)

# quadrature of an integral that has no value returned its principal value (symmetric tanh-sinh nodes cancel the two
# divergent halves), and the claim that it equals that value was verified
NO_VALUE = {
    "odd_rational_over_the_line": ("integrate(x**5/(1 + x**6), (x, -oo, oo))", "0"),
    "poles_inside_a_finite_range": ("integrate((x - 1)/(x**2 - 2*x - 3), (x, -2, 4))", "0"),
    "tanh_over_the_line": ("integrate(tanh(2*x), (x, -oo, oo))", "0"),
    "oscillating_without_decay": ("integrate(x*cos(3*x), (x, -oo, oo))", "0"),
}


@pytest.mark.parametrize("name", NO_VALUE)
def test_an_integral_with_no_value_is_never_verified_at_its_principal_value(name):
    lhs, rhs = NO_VALUE[name]
    verdict = check_step(claim_step(lhs, "==", rhs, []), budget=BUDGET)
    assert verdict.kind == "undecided", (name, verdict.summary())
    assert "no value" in verdict.summary(), verdict.summary()


@pytest.mark.parametrize("f, lo, hi, expected", [
    (x**3 / (1 + x**4), -sp.oo, sp.oo, "oo"),             # like 1/x at both ends
    (x / (x**2 - 1), -2, 2, "x = -1"),                    # like 1/(2(x + 1)) at the pole -1
    (sp.sin(x) / x, 0, sp.oo, None),                      # converges: x f(x) = sin x changes sign
    (sp.cos(2 * x), -sp.oo, sp.oo, "oo"),                  # does not tend to 0
    (sp.sin(x) / sp.sqrt(x), 1, sp.oo, None),             # converges: the amplitude shrinks
    (x ** sp.Rational(-101, 100), 1, sp.oo, None),        # converges: x f(x) = x^-0.01 falls to a quarter
    (1 / sp.sqrt(x), 0, 1, None),                         # integrable end: x f(x) = sqrt(x) -> 0
    (sp.exp(-x**2), -sp.oo, sp.oo, None),
])
def test_nonintegrable_ends_are_told_from_integrable_ones(f, lo, hi, expected):
    assert nonintegrable_end(sp.Integral(f, (x, lo, hi))) == expected


def test_a_convergent_integral_with_a_parameter_is_still_decided():
    verdict = check_step(claim_step("integrate(x*exp(-(x - m)**2/2)/sqrt(2*pi), (x, -oo, oo))", "==", "m", []),
                         budget=BUDGET)
    assert verdict.kind in ("proved", "verified"), verdict.summary()


def test_a_parameter_of_any_sampled_size_does_not_look_like_divergence():
    # 1/(x^2 + a^2) with a = 10^300 grows like x/a^2 up to x = 10^300: read beyond it, it falls off like 1/x^2
    a = sp.Integer(10) ** 300
    assert nonintegrable_end(sp.Integral(1 / (x**2 + a**2), (x, -sp.oo, sp.oo))) is None
