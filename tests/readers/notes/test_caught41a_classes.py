r"""The classes of reading that round 41a fixed in ``formulary check`` for probability and statistics notes, one wrong
case and one correct near-miss each (the near-miss must not be refuted):

* two names listed between one pair of bounds (``0 \le u, v \le 1``), read as ``0 \le u`` under the side condition
  ``v \le 1`` before, so a correct claim about a copula on the unit square was refuted at ``u = 2``
  (readers.notes.reading): both names now lie between both bounds, and a refutation's counterexample inside them;
* a squared ``\sigma`` (or ``\phi``, ``\psi``) before a parenthesis that holds an expression (``\sigma_2^2 (1 -
  \rho^2)``, a variance times a factor): a product, as ``a^2 (1 - \rho^2)`` is, not the function ``\sigma_2``
  applied and squared (readers.latex.names); the mutual information of a bivariate Gaussian with its sign lost was
  undecided ("unknown functions: sigma_2").  ``\sigma^2(x)``, a bare argument, stays a function applied.

* an integral of a polynomial over finite limits (``12 \int_0^1 \int_0^1 uv (1 + \theta(1 - u)(1 - v))\,du\,dv - 3``,
  Spearman's rho of a copula) done exactly before the claim is sampled
  (derivations.checker.strategies.polynomial_integrals): sampled as an integral, each point was a quadrature and the
  wrong value ran out of time; and a letter a condition in force bounds as a number (``-1 \le \theta \le 1``) is not
  tried as a function in the second reading that makes a refutation ambiguous (readers.notes.check);
* Bayes' rule and the chain rule written on a generic ``p`` (readers.notes.lowercase_probability): a claim that fails
  on random joints *and* on a joint of independent variables is refuted (every factorisation a model may give ``p``
  holds on independent joints); one that holds on independent joints (``p(x, y) = p(x \mid y) p(y \mid x)``) stays
  undecided.

The Fréchet near-miss was refuted on the code before this round; the two wrong blocks were not refuted with a
counterexample inside the stated bounds (the first) or at all (the others)."""
from fractions import Fraction

from readers.latex.parse import parse_latex
from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks

SHARED_BOUNDS = r"""# Copulas

For $0 \le u, v \le 1$ the independence copula lies between the Fréchet bounds:

$$
\max(u + v - 1, 0) \le uv \le \min(u, v)
$$

and, a slip, above the upper one:

$$
uv \ge \min(u, v)
$$
"""

GAUSSIAN_INFORMATION = r"""# Mutual information of a Gaussian pair

For $\sigma_1, \sigma_2 > 0$ and $-1 < \rho < 1$:

$$
\log\left(\sigma_1^2 \sigma_2^2 (1 - \rho^2)\right) = 2 \log \sigma_1 + 2 \log \sigma_2 + \log(1 - \rho^2)
$$

$$
\log\left(\sigma_1^2 \sigma_2^2 (1 - \rho^2)\right) = 2 \log \sigma_1 + 2 \log \sigma_2 - \log(1 - \rho^2)
$$
"""


def test_names_listed_between_shared_bounds():
    witnesses = assert_block_verdicts(checked_blocks(SHARED_BOUNDS), [HOLDS, "refuted"])
    point = next(w for w in witnesses if "u" in w and "v" in w)
    assert all(0 <= Fraction(point[name]) <= 1 for name in ("u", "v")), point


def test_squared_sigma_before_an_expression_is_a_factor():
    assert_block_verdicts(checked_blocks(GAUSSIAN_INFORMATION), [HOLDS, "refuted"])
    assert str(parse_latex(r"\sigma^2(x)")) == "sigma(x)**2"


COPULA_RHO = r"""# Spearman's rho of a copula

For $-1 \le \theta \le 1$:

$$
12 \int_0^1 \int_0^1 uv\left(1 + \theta(1 - u)(1 - v)\right) du \, dv - 3 = \frac{\theta}{3}
$$

$$
12 \int_0^1 \int_0^1 uv\left(1 + \theta(1 - u)(1 - v)\right) du \, dv - 3 = \frac{2\theta}{9}
$$
"""

GENERIC_BAYES = r"""# Bayes' rule

For random variables $x$ and $y$:

$$
p(x \mid y) = \frac{p(y \mid x) \, p(x)}{p(y)}
$$

$$
p(x \mid y) = p(y \mid x) \, p(x)
$$

$$
p(x, y) = p(x \mid y) \, p(y \mid x)
$$
"""


def test_polynomial_integrals_are_done_exactly():
    witnesses = assert_block_verdicts(checked_blocks(COPULA_RHO), [HOLDS, "refuted"])
    assert all(-1 <= Fraction(w["theta"]) <= 1 for w in witnesses if "theta" in w), witnesses


def test_generic_p_refuted_only_where_independent_joints_fail():
    assert_block_verdicts(checked_blocks(GENERIC_BAYES), [HOLDS, "refuted", "undecided"])
