r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm52), each with
wrong variants that must not be confirmed:

* linearity of expectation over indexed or numbered random variables whose joint law the notes do not give
  (``\mathbb{E}[\sum_{i=1}^n \alpha_i X_i + \beta] = \sum_{i=1}^n \alpha_i \mathbb{E}[X_i] + \beta``,
  math4ml_hpi_linear_algebra_probability.md:40) was undecided ("moments of indexed random variables: their joint
  law is not read"): each expectation is pushed through finite sums, sums and constant factors, the ones left over
  are free names, and a claim that holds so holds for every joint law (readers.notes.linear_expectations).  A
  failure is no refutation (independence or a stated mean may make it hold), so the wrong variants stay undecided;
* ``\ne`` between two numbers written out was "relation '!=' is not checked" (levin_arithmetic_geometric_sums.md:144,
  ``6-3 = 3 \ne 2``): it is decided exactly, and two equal numbers claimed to differ are refuted
  (readers.notes.unequal_numbers).
"""
import pytest

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

LINEAR = r"""# Means of sums

For any random variables ${Y}_1, \dots, {Y}_{m}$, dependent or not, and constants ${c}_k$ and ${d}$:

$$\mathbb{{E}}\Big[\sum_{{k=1}}^{m} {c}_k {Y}_k - {d}\Big] = \sum_{{k=1}}^{m} {c}_k\, \mathbb{{E}}[{Y}_k] - {d}$$

A slip drops the constant:

$$\mathbb{{E}}\Big[\sum_{{k=1}}^{m} {c}_k {Y}_k - {d}\Big] = \sum_{{k=1}}^{m} {c}_k\, \mathbb{{E}}[{Y}_k]$$

Squares expand inside the mean:

$$\mathbb{{E}}\Big[\sum_{{k=1}}^{m} ({Y}_k - {d})^2\Big] = \sum_{{k=1}}^{m} \mathbb{{E}}[{Y}_k^2] - 2{d}\sum_{{k=1}}^{m} \mathbb{{E}}[{Y}_k] + {m} {d}^2$$

and a slip squares the mean instead:

$$\mathbb{{E}}\Big[\sum_{{k=1}}^{m} ({Y}_k - {d})^2\Big] = \sum_{{k=1}}^{m} \mathbb{{E}}[{Y}_k]^2 - 2{d}\sum_{{k=1}}^{m} \mathbb{{E}}[{Y}_k] + {m} {d}^2$$

Two of them: $\mathbb{{E}}[3{Y}_1 - {Y}_2] = 3\mathbb{{E}}[{Y}_1] - \mathbb{{E}}[{Y}_2]$, while
$\mathbb{{E}}[3{Y}_1 - {Y}_2] = 3\mathbb{{E}}[{Y}_1] + \mathbb{{E}}[{Y}_2]$ is a slip.
"""


@pytest.mark.parametrize("names", [
    dict(Y="Z", c=r"\alpha", d=r"\beta", m="N"),  # N: a capital size, not a random variable
])
def test_linearity_of_expectation_over_indexed_variables(names):
    blocks = checked_blocks(LINEAR.format(**names))
    assert_block_verdicts(blocks, [CONFIRMED, "undecided", CONFIRMED, "undecided", CONFIRMED, "undecided"])


UNEQUAL = r"""# Steps that differ

The gaps are not constant: ${a} - 4 = 3 \ne {b} - 4$, and $\frac{{1}}{{3}} \neq {c}$.

A slip: ${h} + {q} \ne \frac{{3}}{{4}}$.
"""


@pytest.mark.parametrize("numbers", [
    dict(a=7, b=5, c=0.33, h=r"\frac{1}{2}", q=0.25),
])
def test_two_numbers_that_differ(numbers):
    r"""``\ne`` between two numbers written out is decided exactly (readers.notes.unequal_numbers): it was
    "relation '!=' is not checked" (levin_arithmetic_geometric_sums.md:144, ``6-3 = 3 \ne 2``)."""
    blocks = checked_blocks(UNEQUAL.format(**numbers))
    assert_block_verdicts(blocks, ["proved", "proved", "refuted"])
