r"""The classes of mistakes in published probability notes that round 39a taught ``formulary check`` to catch, one
wrong case and one correct near-miss each (the near-miss must not be refuted):

* an entropy or a KL divergence written by its variable's mass function, as an expectation without subscript, a
  sum over every value, an integral over the line, or a simulation average of draws from ``p_Y``
  (readers.notes.mass_expectations, readers.notes.simulation_means): the sign slip of Carpenter's notes;
* named densities in Stan's notation and the upright Beta function (readers.notes.named_densities), with a variable
  of a stated binomial law checked on its support (readers.notes.supports): a Beta update or a normaliser with the
  wrong parameters;
* a power of a name compared with a number in prose (``prior variance $s^2 > 0$``) is a condition, not a claim
  refuted at an earlier meaning of ``s`` (readers.notes.reading).

Each wrong block fails on the code before this round (there it was undecided, or the condition was refuted)."""
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

ENTROPY = r"""# Entropy

The entropy of $Y$ is

$$
\mathrm{H}[Y] = \mathbb{E}[\log p_Y(Y)].
$$

For a continuous law it is

$$
\mathrm{H}[Y] = \int_{-\infty}^{\infty} - \log p_Y(y) \times p_Y(y) \, \mathrm{d}y.
$$

With $y^{(1)}, \ldots, y^{(M)}$ drawn according to $p_Y(y)$,

$$
\mathrm{D}_{\mathrm{KL}}[p_Y \, || \, q] \approx \frac{1}{M} \sum_{m=1}^M -\log p_Y(y^{(m)}) + \log q(y^{(m)}).
$$

With $y^{(1)}, \ldots, y^{(M)}$ drawn according to $p_Y(y)$,

$$
\mathrm{H}[Y] \approx -\frac{1}{M} \sum_{m=1}^M \log p_Y(y^{(m)}).
$$
"""

CONJUGACY = r"""# Beta posterior

Let $\theta \sim \textrm{uniform}(0, 1)$ and $y \sim \textrm{binomial}(N, \theta)$.

$$
\frac{\theta^y (1 - \theta)^{N - y}}{\int_0^1 \theta^y (1 - \theta)^{N - y} \, \textrm{d}\theta}
= \frac{1}{\mathrm{B}(y, N - y)} \theta^y (1 - \theta)^{N - y}
$$

$$
\frac{\theta^y (1 - \theta)^{N - y}}{\int_0^1 \theta^y (1 - \theta)^{N - y} \, \textrm{d}\theta}
= \frac{1}{\mathrm{B}(y + 1, N - y + 1)} \theta^y (1 - \theta)^{N - y}
$$

$$
\textrm{beta}(\theta \mid \alpha + y, \beta + 1 - y) = \textrm{beta}(\theta \mid \alpha + y, \beta + 1 + y)
$$
"""

CONDITION = r"""# Two letters

With $s$ heads in $n$ flips, $0 \le s \le n$, the likelihood is $\theta^s (1 - \theta)^{n - s}$.

For a normal mean with prior variance $s^2 > 0$ and noise variance $\sigma^2 > 0$:

$$
\frac{1}{s^2} + \frac{1}{\sigma^2} = \frac{s^2 + \sigma^2}{s^2 \sigma^2}
$$
"""


def test_an_entropy_or_divergence_stated_by_the_mass_function_with_a_lost_sign_is_refuted_and_its_right_form_holds():
    blocks = checked_blocks(ENTROPY)
    assert_block_verdicts(blocks, ["refuted", CONFIRMED, "refuted", CONFIRMED])
    law = blocks[0].steps[0].counterexample  # a law on three values, and the two sides of opposite signs
    assert abs(sum(float(eval_fraction(v)) for k, v in law.items() if k.startswith("P(")) - 1) < 1e-12
    assert float(law["lhs (joint)"]) == -float(law["rhs (joint)"]) > 0


def eval_fraction(text: str) -> float:
    numerator, _, denominator = text.partition("/")
    return float(numerator) / float(denominator or 1)


def test_named_densities_and_the_beta_function_are_read_so_a_wrong_normaliser_or_update_is_refuted():
    blocks = [b for b in checked_blocks(CONJUGACY) if b.role != "condition" and "~" not in b.parsed_form[0]]
    witnesses = assert_block_verdicts(blocks, ["refuted", HOLDS, "refuted"])
    first = witnesses[0]  # on the support of y ~ binomial(N, theta): a whole number of successes out of N
    assert float(first["y"]).is_integer() and 0 <= float(first["y"]) <= float(first["N"])


def test_a_power_of_a_name_compared_with_a_number_in_prose_is_a_condition():
    assert_block_verdicts(checked_blocks(CONDITION), [CONFIRMED])
