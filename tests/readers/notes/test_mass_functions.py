"""A stated probability mass function must sum to 1 on some support in common use
(readers.notes.mass_functions): made-up notes, the wrong one refuted with parameter values that meet the
stated conditions, the right ones left standing (and shown to sum to 1, so the check did run)."""
import pytest
import sympy as sp

from readers.latex.parse import parse_block
from readers.notes.check import check_notes
from readers.notes.mass_functions import judge


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


def _judge(latex, intro, conditions=(), after=""):
    (row,) = [r for r in parse_block(latex).rows if r.kind not in ("empty", "prose", "list")]
    lhs, rhs = row.chain.exprs
    return judge(lhs, rhs, list(conditions), intro, after)


_COUNT = ("## Arrivals\n\nThe number of arrivals $N$ in an hour, with rate $\\mu > 0$, has the probability mass "
          "function\n\n$$\np(n) = {}\n$$\n")


def test_a_poisson_pmf_with_the_wrong_sign_in_the_exponent_is_refuted():
    block = last(_COUNT.replace("{}", "e^{\\mu} \\frac{\\mu^n}{n!}"))
    assert block.verdict == "refuted", block.steps
    (step,) = block.steps
    mu = step.counterexample["mu"]
    assert mu > 0  # the stated condition
    # the sum over n = 0, 1, ... is e^{2 mu}, not 1 (sympy, independently)
    n = sp.Symbol("n", integer=True, nonnegative=True)
    total = sp.summation(sp.exp(sp.Float(mu)) * sp.Float(mu) ** n / sp.factorial(n), (n, 0, sp.oo))
    assert abs(float(total) - 1) > 0.1


def test_the_right_poisson_pmf_is_not_refuted_and_sums_to_one():
    assert last(_COUNT.replace("{}", "e^{-\\mu} \\frac{\\mu^n}{n!}")).verdict != "refuted"
    found = _judge("p(n) = e^{-\\mu} \\frac{\\mu^n}{n!}", "has the probability mass function",
                   [sp.Symbol("mu") > 0])
    assert found.outcome == "sums to 1", found


@pytest.mark.parametrize("latex, intro, support", [
    ("p(t) = s(1 - s)^{t-1}", "has the geometric distribution, its mass function", "k = 1"),
    ("P(K = k) = \\binom{m}{k} s^k (1-s)^{m-k}", "the binomial distribution Bin(m, s)", "k = 0, ..., m"),
    ("p(y) = s^y (1-s)^{1-y}", "Its probability mass function is", "k = 0, 1"),
    ("p(k) = \\binom{k + r - 1}{k} s^r (1-s)^k", "the negative binomial distribution NB(r, s):", "k = 0, 1, 2"),
])
def test_common_mass_functions_sum_to_one_on_their_support(latex, intro, support):
    s = sp.Symbol("s")
    found = _judge(latex, intro, [s > 0, s < 1])
    assert found.outcome == "sums to 1" and support in found.why, found


def test_a_count_pmf_with_a_missing_factorial_is_refuted_on_every_support():
    found = _judge("p(k) = e^{-\\mu} \\mu^k", "the Poisson distribution Poisson(mu):", [sp.Symbol("mu") > 0])
    assert found.outcome == "not judged"  # no factorial and no 'mass function': not read as a pmf
    found = _judge("p(k) = e^{-\\mu} \\mu^k", "with probability mass function", [sp.Symbol("mu") > 0])
    assert found.outcome == "sums to 1 nowhere" and found.samples >= 2, found


@pytest.mark.parametrize("latex, intro, after, why", [
    # q stands for 1 - s in words the check cannot read: left alone
    ("p(k) = \\binom{m}{k} s^k q^{m-k}", "the binomial distribution with parameters $m$ and $s$", "", "named nowhere"),
    # a loaded die: the support {1, ..., 6} is in words; the series on the integers diverges
    ("p(k) = \\frac{k}{21}", "A loaded die has the probability mass function", "", "samples"),
    ("p(k) = e^{\\mu} \\frac{\\mu^k}{k!}", "a mass function proportional to", "", "normaliser"),
    ("p(k) = e^{\\mu} \\frac{\\mu^k}{k!}", "has the probability mass function", "up to a constant factor",
     "normaliser"),
    ("p(k) = 2^{-k}", "a number we call the mass", "", "does not call"),
])
def test_mass_functions_left_alone(latex, intro, after, why):
    found = _judge(latex, intro, [sp.Symbol("mu") > 0, sp.Symbol("s") > 0, sp.Symbol("s") < 1], after)
    assert found.outcome == "not judged" and why in found.why, found


def test_a_condition_on_the_count_is_a_support_of_the_notes():
    k = sp.Symbol("k")
    found = _judge("p(k) = 2^{-k}", "with probability mass function", [k >= 2])
    assert found.outcome == "not judged" and "bound the count" in found.why


def test_a_joint_law_is_not_summed_over_one_variable():
    # p(x, y) = e^{-2} / (x! y!) is a joint pmf; summed over x alone it is not 1, and it is right
    found = _judge("p(x, y) = \\frac{e^{-2}}{x!\\, y!}", "the joint distribution of two counts")
    assert found.outcome == "not judged"
