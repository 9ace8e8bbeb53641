r"""Classes of real mistakes that ``check`` missed (issue 12, caught45), each with its correct twin:

* a row under a standard estimator name (``\mathrm{MSE}(\hat\theta) = \mathrm{Var}(\hat\theta) -
  \mathrm{Bias}(\hat\theta, \theta)^2``) was a definition of a new ``MSE``, and ``\mathbb{E}_{\hat\theta}`` an unknown
  function: MSE and Bias of an estimate are moments, so the row is a claim about them
  (readers.notes.estimator_moments);
* (a correct claim left undecided) a sum read strictly that leaves its index free on one side only
  (``\frac{d}{dq} g = \sum_k \frac{B_k}{q} - \frac{1 - B_k}{1 - q}``) was "ambiguous" between the strict and the wide
  reading: the strict one is none, so the wide one decides (readers.notes.operator_scopes ``dangling``);
* the log-likelihood of a sample from a law the paragraph names in words ("samples drawn from a Poisson distribution
  ... The log-likelihood is:") was a definition of a new name, so a wrong term went unchecked: it is a claim about
  that log-likelihood (readers.notes.named_likelihoods).
"""
import pytest
import sympy as sp

from readers.latex.parse import parse_block, parse_latex
from readers.notes import estimator_moments, named_likelihoods, operator_scopes
from readers.notes.check import check_notes

NOTES = r"""# Estimators

The mean squared error can be partitioned into variance and squared bias

$$\mathrm{MSE}(\hat{\theta}) = \mathrm{Var}(\hat{\theta}) - \mathrm{Bias}(\hat{\theta},\theta)^2$$

$$\operatorname{MSE}(\tilde{\mu}) = \mathbb{E}_{\tilde{\mu}}\left[(\tilde{\mu} - \mu)^2\right]
= \operatorname{Var}(\tilde{\mu}) + \operatorname{Bias}(\tilde{\mu})^2$$

The sample mean is unbiased:

$$\mathrm{Bias}(\hat{\mu}) = 0$$

For an unbiased estimator $\hat{\theta}$ the mean squared error is its variance:

$$\mathrm{MSE}(\hat{\theta}) = \mathrm{Var}(\hat{\theta})$$

# Poisson

Assume we observe i.i.d. samples $X_1,\ldots,X_n$ drawn from a Poisson distribution with true parameter
$\lambda$. The log-likelihood is:

$$\ell(\lambda; X_1,\ldots,X_n) = \sum_{i=1}^n -\lambda + X_i\log(\lambda) + \log(X_i!)$$

# Poisson again

We observe $Y_1, \ldots, Y_m$ from a Poisson distribution with rate $\mu$. The log-likelihood is

$$l(\mu) = \sum_{j=1}^{m} \left( Y_j \log \mu - \mu \right)$$

# Exponential

Let $T_1, \ldots, T_n$ be draws from an exponential distribution with rate $\beta$. Their log-likelihood is

$$\ell(\beta) = n \log \beta - \frac{1}{\beta} \sum_{i=1}^n T_i$$

Let $T_1, \ldots, T_n$ be draws from an exponential distribution with parameter $\beta$. Their log-likelihood is

$$\ell(\beta) = n \log \beta - \beta \sum_{i=1}^n T_i$$

For a sample $Y_1, \ldots, Y_m$ from a Poisson distribution with rate $\mu$, the log-likelihood is $\ell(\mu) =
\sum_{j=1}^{m} (Y_j \log \mu + \mu)$.

# Scope

Let $g(q) = \sum_{k=1}^m B_k \log q + (1 - B_k) \log(1 - q)$.

$$\frac{d}{dq} g(q) = \sum_{k=1}^m \frac{B_k}{q} - \frac{1 - B_k}{1 - q}$$
"""


@pytest.fixture(scope="module")
def blocks():
    return {b.line: b for b in check_notes(NOTES, path="<test>", budget=5.0).blocks}


def _caught(block) -> bool:
    return block.verdict == "refuted" and any(s.counterexample for s in block.steps)


@pytest.mark.parametrize("line", [5, 23, 35, 41])
def test_a_wrong_estimator_moment_or_log_likelihood_is_refuted_with_a_counterexample(blocks, line):
    assert _caught(blocks[line])


@pytest.mark.parametrize("line", [7, 29, 48])
def test_the_correct_twin_is_confirmed(blocks, line):
    assert blocks[line].verdict in ("proved", "verified")


@pytest.mark.parametrize("line", [12, 16, 39])
def test_a_property_of_one_estimator_or_an_ambiguous_law_is_not_refuted(blocks, line):
    assert blocks[line].verdict != "refuted"  # Bias(mu-hat) = 0; unbiased; right for the rate, wrong for the scale


def test_the_counterexample_is_a_sample_in_the_support_and_the_stated_parameter(blocks):
    witness = blocks[23].steps[0].counterexample
    assert all(sp.Rational(witness[f"X_{k}"]).is_integer and sp.Rational(witness[f"X_{k}"]) >= 0 for k in (1, 2, 3))
    assert sp.Rational(witness["lambda"]) > 0


@pytest.mark.parametrize("latex, expected", [
    (r"\mathrm{MSE}(\hat{\theta})", r"E((\hat{\theta} - \theta)^2)"),
    (r"\mathrm{Bias}(\bar{x}, x)", r"E(\bar{x}) - x"),
    (r"\mathrm{bias}(\hat{\sigma}_n)^2", r"(E(\hat{\sigma}_n) - \sigma)^2"),  # lower case, the sample size
    (r"\operatorname{mse}(\widehat{\beta}_{m}, \beta)", r"E((\widehat{\beta}_{m} - \beta)^2)"),
    (r"\mathbb{E}_{\hat{\sigma}}[\hat{\sigma}^2]", r"E(\hat{\sigma}^2)"),
    (r"\mathrm{E}_{X}(X^2)", r"E(X^2)"),
])
def test_estimator_moments_are_written_out(latex, expected):
    assert estimator_moments.written_out(parse_latex(latex)) == parse_latex(expected)


@pytest.mark.parametrize("latex", [
    r"\mathrm{MSE}(\mathbf{X}, h)",  # a loss over a data set
    r"\mathrm{Bias}(\hat{\theta}, \mu)",  # another parameter than the estimate's
    r"\mathbb{E}_{x}[\log p(x)]",  # a lower-case dummy
    r"E_\theta(x)",  # an energy indexed by parameters
    r"\mathbb{E}_{X}[X Y]",  # an average over X alone: a function of Y
])
def test_other_names_are_left_as_written(latex):
    expr = parse_latex(latex)
    assert estimator_moments.written_out(expr) == expr


@pytest.mark.parametrize("prose, expected", [
    (r"samples $X_1,\ldots,X_n$ drawn from a Poisson distribution with true parameter $\lambda$. The log-likelihood "
     "is:", ("Poisson", "parameter", True)),
    (r"Let $T_i$ follow an exponential law with rate $\lambda$. Then the log likelihood function is",
     ("exponential", "rate", True)),
    (r"draws from a Bernoulli distribution. The log-likelihood reads", ("Bernoulli", None, True)),
    (r"$K_1, \ldots, K_n$ from a geometric law with success probability $q$; their likelihood is",
     ("geometric", "success probability", False)),
    (r"from a Poisson distribution with rate $\lambda$. The marginal likelihood is", None),
    (r"from a Poisson distribution in its natural parameter $\eta$. The log-likelihood is", None),
    (r"counts from a Poisson distribution with rate $e^{\beta x_i}$, a Poisson regression. The log-likelihood is",
     None),
    (r"Let $x_1, \dots, x_n$ be iid Bernoulli$(p)$. The log-likelihood is", ("Bernoulli", None, True)),  # written
    (r"For $x_i \sim \text{Poisson}(\lambda)$, the log-likelihood is", ("Poisson", None, True)),
    (r"from a Poisson distribution with rate $\lambda$. The negative log-likelihood is", None),
    (r"from a Poisson or a geometric distribution. The log-likelihood is", None),  # two laws
    (r"from a Poisson distribution with rate $\lambda$. The log-likelihood is maximised where", None),
    (r"from a normal distribution with mean $\mu$. The log-likelihood is", None),  # not a one-parameter law
])
def test_the_law_and_the_log_likelihood_are_read_from_the_words(prose, expected):
    assert named_likelihoods.stated_law(prose) == expected


def test_only_an_unrestricted_estimator_lets_the_parameter_take_any_value():
    mse, var, bias = (sp.Function(n) for n in ("MSE", "Var", "Bias"))
    theta_hat, theta = parse_latex(r"\hat{\theta}"), parse_latex(r"\theta")
    claim = (mse(theta_hat), var(theta_hat) - bias(theta_hat, theta) ** 2)
    assert estimator_moments.about_any_estimator(*claim) == {theta}
    assert estimator_moments.about_any_estimator(*claim, "For the sample mean,") == set()
    assert estimator_moments.about_any_estimator(bias(theta_hat), sp.Integer(0)) == set()  # no moment on the right
    assert estimator_moments.about_any_estimator(mse(theta_hat), sp.Function("E")((theta_hat - theta) ** 2)) == set()


@pytest.mark.parametrize("latex, verdict", [
    (r"L(p) = \prod_{i=1}^n p^{X_i} (1 - p)^{1 - X_i}", "verified"),
    (r"L(p) = \prod_{i=1}^n p^{X_i} (1 - p)^{X_i}", "refuted"),
    (r"L(q) = \prod_{k=1}^m q^{B_k} (1 - q)^{B_k - 1}", "refuted"),  # other letters, the exponents swapped
])
def test_the_likelihood_is_read_as_a_product(latex, verdict):
    chain = parse_latex(latex)
    what, check = named_likelihoods.reading(chain.exprs[0], chain.exprs[1],
                                            "samples from a Bernoulli distribution with parameter $p$. The likelihood is")
    assert what == "the likelihood of a Bernoulli sample"
    assert check()[0] == verdict


@pytest.mark.parametrize("latex, expected", [
    (r"\sum_{i=1}^n x_i + y_i = s", True),
    (r"\lim_{h \to 0} 2x + h = 2x", True),
    (r"z_i = \sum_{i=1}^n x_i + y_i", False),  # i on the other side: the strict reading may mean each i
    (r"\sum_{i=1}^n x_i + y = s", False),  # nothing to widen
])
def test_a_strict_reading_that_leaves_an_index_free_is_none(latex, expected):
    assert operator_scopes.dangling(parse_block(latex)) is expected
