r"""The classes of reading that round caught42 fixed in ``formulary check``, one wrong case and one correct near-miss
each (the near-miss must not be refuted):

* Bayes' rule in a generic ``p`` with the model's hyperparameters behind the bars (``p(\lambda \mid y, \alpha,
  \beta) = p(y \mid \lambda)\, p(\lambda \mid \alpha, \beta)``, the evidence forgotten): four names were more than the
  two the ``p`` reading takes, so the claim was undecided ("unknown functions: p").  Names that appear only behind
  bars are fixed parameters; dropped (conditioning on a constant changes nothing) the claim is Bayes' rule without
  ``p(y)``, which fails on independent joints too, and is refuted (readers.notes.lowercase_probability).  That reading
  only refutes: the proportional form, right, is not refuted, and ``p(x \mid \theta) = p(x)``, which reduces to a
  tautology, is not confirmed by it.
* a row whose left side reads as a product of names with one of them first written there (``s^2(x_*) = k(x_*, x_*)
  - \dots``, a posterior variance function, read as the product ``s^2 x_*``): the fresh name has no value, so the
  row may define it and a failure is no refutation (readers.notes.check: ``fresh_side``, which took only a plain name
  before); planted_mistakes_19's correct posterior variance was refuted at ``s = 1/3``.  A product of names the
  note has given values is still a claim, and refuted.
"""
from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks

HYPERPARAMETERS = r"""# A Poisson rate with a gamma prior

The posterior of the rate, with the hyperparameters $\alpha, \beta$ fixed:

$$
p(\lambda \mid y, \alpha, \beta) = p(y \mid \lambda) \cdot p(\lambda \mid \alpha, \beta)
$$

Up to the evidence, by Bayes' rule:

$$
p(\lambda \mid y, \alpha, \beta) \propto p(y \mid \lambda) \cdot p(\lambda \mid \alpha, \beta)
$$

The data depend on the parameter:

$$
p(x \mid \theta) = p(x)
$$

A name a sum binds is no parameter: the evidence as a sum, without the prior, is not read so:

$$
p(x \mid y) = \frac{p(y \mid x) \, p(x)}{\sum_{x'} p(y \mid x')}
$$
"""


def test_hyperparameters_behind_the_bars_are_fixed():
    witnesses = assert_block_verdicts(checked_blocks(HYPERPARAMETERS), ["refuted", HOLDS, ("undecided",), ("undecided",)])
    assert witnesses and all("lhs" in w and "rhs" in w for w in witnesses)


FRESH_FACTOR = r"""# A posterior variance

Let $t = 2$ and $u = 3$. The kernel is

$$
k(x, x') = \exp\left(-(x - x')^2\right)
$$

and the posterior variance at a test input $x_*$, after one noisy observation at $x_1$, is

$$
s^2(x_*) = k(x_*, x_*) - \frac{k(x_*, x_1)^2}{k(x_1, x_1) + 1}
$$

With the numbers above, a slip:

$$
t^2 u = 4u + 1
$$
"""


def test_a_product_with_a_fresh_name_defines_it():
    blocks = [b for b in checked_blocks(FRESH_FACTOR) if b.line > 3]
    assert_block_verdicts(blocks, [HOLDS, "refuted"])
