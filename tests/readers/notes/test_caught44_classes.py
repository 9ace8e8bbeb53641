r"""Classes of real mistakes that ``check`` missed (issue 12, caught44), each with its correct twin that must not be
refuted:

* a wrong minimum, maximum or arg min over one scalar (``\min_w (w - 3)^2 + 1 = 3``, ``\max_{x > 0} x e^{-x} = 1``)
  was "unknown function min_w": it is refuted by a better point of the region, or by the optimum worked out from
  every stationary point (readers.notes.optimum_refutations);
* a law stated in words ("Let $X$ be a Bernoulli random variable with parameter $p$") was not in force, so
  ``\mathrm{Var}(X) = p(1+p)`` stayed undecided: it is, like ``X \sim \mathrm{Bernoulli}(p)``, where the words fix the
  parametrisation (readers.notes.named_values);
* a value quoted in words for a standard quantity ("the derivative of tanh is $1 + \tanh^2(x)$", "the variance of a
  Bernoulli random variable is $p(1 + p)$") was no claim: it is checked as that quantity's value, and refuted only
  when every parametrisation in use fails (readers.notes.named_values).
"""
import pytest
import sympy as sp

from readers.notes import named_values, optimum_refutations
from readers.notes.check import check_notes

CONFIRMED = ("proved", "verified")

NOTES = r"""# Optima

$$
\min_{w} \; (w - 3)^2 + 1 = 3
$$

$$
\min_{w} \; (w - 3)^2 + 1 = 1
$$

$$
\arg\min_{w} \; (w - 3)^2 + 1 = -3
$$

$$
\max_{x > 0} x e^{-x} = 1
$$

# Words

The derivative of tanh is $1 + \tanh^2(x)$.

The derivative of tanh is $1 - \tanh^2(x)$.

The variance of a Bernoulli random variable is $p(1 + p)$.

The variance of a Bernoulli random variable is $p(1 - p)$.

# Laws in words

Let $X$ be a Bernoulli random variable with parameter
$p$. Then

$$\mathrm{Var}(X) = p(1+p)$$

$$\mathbb{E}[X] = p$$
"""


@pytest.fixture(scope="module")
def blocks():
    return {(b.line, b.source): b for b in check_notes(NOTES, path="<test>", budget=5.0).blocks}


def _block(blocks, line, source):
    return blocks[(line, source)]


def _caught(block) -> bool:
    return block.verdict == "refuted" and any(s.counterexample for s in block.steps)


@pytest.mark.parametrize("line, source", [
    (3, "$$\n\\min_{w} \\; (w - 3)^2 + 1 = 3\n$$"),
    (11, "$$\n\\arg\\min_{w} \\; (w - 3)^2 + 1 = -3\n$$"),
    (15, "$$\n\\max_{x > 0} x e^{-x} = 1\n$$"),
    (21, "$1 + \\tanh^2(x)$"),
    (25, "$p(1 + p)$"),
    (34, "$$\\mathrm{Var}(X) = p(1+p)$$"),
])
def test_a_wrong_optimum_or_named_value_is_refuted_with_a_counterexample(blocks, line, source):
    assert _caught(_block(blocks, line, source))


@pytest.mark.parametrize("line, source", [
    (7, "$$\n\\min_{w} \\; (w - 3)^2 + 1 = 1\n$$"),
    (23, "$1 - \\tanh^2(x)$"),
    (27, "$p(1 - p)$"),
    (36, "$$\\mathbb{E}[X] = p$$"),
])
def test_the_correct_twin_is_not_refuted(blocks, line, source):
    assert _block(blocks, line, source).verdict != "refuted"


def test_the_counterexample_of_a_constrained_maximum_lies_in_its_region(blocks):
    step = _block(blocks, 15, "$$\n\\max_{x > 0} x e^{-x} = 1\n$$").steps[0]
    assert sp.Rational(step.counterexample["x"]) > 0
    assert abs(float(step.counterexample["maximum"]) - float(sp.exp(-1))) < 1e-11  # printed to 12 digits


def test_a_value_in_another_letter_or_of_two_parametrisations_is_read_so():
    y, lam = sp.symbols("y lambda")
    assert named_values.derivative_claim("The derivative of tanh is", ", where $y = \\tanh x$.", 1 + y**2) is None
    assert named_values.derivative_claim("The derivative of tanh is", ".", 1 + y**2) is None  # no tanh written
    means = named_values.moment_claims("An exponential random variable has mean", ".", lam)[1]
    assert sorted(sp.srepr(fact) for fact, _, _ in means) == sorted([sp.srepr(1 / lam), sp.srepr(lam)])  # rate, scale


@pytest.mark.parametrize("name, expected", [
    ("min_w", (False, "min", "w", sp.Reals)),
    ("argmax_{x > 0}", (True, "max", "x", sp.Interval.open(0, sp.oo))),
    (r"max_{x \in [0, 1]}", (False, "max", "x", sp.Interval(0, 1))),
    (r"min_{0 \le t < 2}", (False, "min", "t", sp.Interval.Ropen(0, 2))),
    (r"max_{x \in \mathbb{R}}", (False, "max", "x", sp.Reals)),
    (r"max_{\pi}", (False, "max", "pi", sp.Reals)),
    (r"min_{x, y}", None),
    (r"max_{a \in \mathcal{A}}", None),
])
def test_the_region_of_an_optimum_is_read_from_its_subscript(name, expected):
    assert optimum_refutations.optimum_region(name) == expected


def test_the_worked_out_optimum_needs_every_stationary_point_and_an_attained_best():
    x = sp.Symbol("x", real=True)
    assert optimum_refutations.optimum("min", x, x**4 - 2 * x**2, sp.Reals)[1] == -1  # two minima, one maximum
    assert optimum_refutations.optimum("min", x, x**3, sp.Reals) is None  # unbounded below
    assert optimum_refutations.optimum("max", x, x * (1 - x), sp.Interval(0, 1)) == (sp.Rational(1, 2),
                                                                                     sp.Rational(1, 4))


def test_named_values_read_only_unqualified_sentences():
    x, y, p, n = sp.symbols("x y p n")
    assert named_values.derivative_claim("The derivative of tanh is", ".", 1 - sp.tanh(x) ** 2) is not None
    assert named_values.derivative_claim("The derivative of tanh is", ", times the upstream gradient", 1 - sp.tanh(x) ** 2) \
        is None
    assert named_values.derivative_claim("The derivative of the log-likelihood is", ".", 1 / x) is None
    assert named_values.moment_claims("The variance of a binomial random variable is", ".", n * p * (1 - p)) is not None
    assert named_values.moment_claims("The variance of a Bernoulli variable is", ".", p * y) is None  # two letters


@pytest.mark.parametrize("line, found", [
    (r"Let $X$ be a Poisson random variable with rate $\lambda$.", ("X", "Poisson", (r"\lambda",), "rate")),
    (r"$N$ is a binomial random variable with parameters $n$ and $p$.", ("N", "Binomial", ("n", "p"), None)),
    (r"a Bernoulli variable $Y$ with parameter $q$", ("Y", "Bernoulli", ("q",), "parameter")),
    (r"Let $T$ be an exponential random variable with parameter $\lambda$.", None),  # a rate or a scale
    (r"Let $G$ be a geometric random variable with parameter $p$.", None),  # trials or failures
])
def test_a_law_in_words_is_read_at_its_last_formula_where_the_words_fix_the_parametrisation(line, found):
    column = line.rindex("$", 0, line.rindex("$")) + 1  # the 1-based column of the last formula's opening $
    assert named_values.prose_law(line, column) == found
    assert named_values.prose_law(line, 1) is None  # at another formula: nothing
