r"""The classes of reading that round caught42 fixed in ``formulary check``, one wrong case and one correct near-miss
each (the near-miss must not be refuted):

* Bayes' rule in a generic ``p`` with the model's hyperparameters behind the bars (``p(\lambda \mid y, \alpha,
  \beta) = p(y \mid \lambda)\, p(\lambda \mid \alpha, \beta)``, the evidence forgotten): four names were more than the
  two the ``p`` reading takes, so the claim was undecided ("unknown functions: p").  Names that appear only behind
  bars are fixed parameters; dropped (conditioning on a constant changes nothing) the claim is Bayes' rule without
  ``p(y)``, which fails on independent joints too, and is refuted (readers.notes.lowercase_probability).  That reading
  only refutes: the proportional form, right, is not refuted, and ``p(x \mid \theta) = p(x)``, which reduces to a
  tautology, is not confirmed by it.
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
"""


def test_hyperparameters_behind_the_bars_are_fixed():
    witnesses = assert_block_verdicts(checked_blocks(HYPERPARAMETERS), ["refuted", HOLDS, ("undecided",)])
    assert witnesses and all("lhs" in w and "rhs" in w for w in witnesses)
