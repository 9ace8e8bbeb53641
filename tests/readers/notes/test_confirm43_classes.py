r"""Classes of correct claims in published notes that ``check`` left unconfirmed (issue 12, confirm43), each with wrong
variants that must not be confirmed:

* a name a worked example sets to a number (``\sigma_z = \sqrt{(1.8 - 1.8)^2/5} = 0``) kept that number in every
  later section, so a derivation under another heading in the same name (a noise variance ``\sigma_z^2``) divided by
  zero and stayed undecided: like a bare letter's, a numeric definition ends at the next heading and may then only
  confirm (readers.notes.check, ``_worked_value``);
* a size letter applied to a bracket beside a barred letter (``\sum_{n=1}^N (y_n - b) = N(\bar{y} - b)``, "where
  $\bar{y}$ is the sample mean") needed two readings at once, ``N(...)`` as a product and ``\bar{y}`` as the mean
  of the ``y_n`` the sum runs over, and each alone failed: the product reading is now checked with the mean
  reading too (readers.notes.check ``product_reading``, readers.notes.sample_means);
* the first terms of a sequence written out after its recurrence (``a_2 = a_1 + d = a + 2d`` after ``a_0 = a``,
  ``a_n = a_{n-1} + d``) name it only at numbered steps, so the unrolling at several values of ``n`` had nothing to
  run and they stayed "set by a recurrence above": each numbered term is run down to ``a_0`` and the sides compared
  exactly (readers.notes.recurrence_terms); a row ``& \vdots`` closing such an alignment leaves rows out and is no
  longer joined to the row above as a factor (readers.latex.tokens).
"""
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

WORKED_VALUE = r"""# Noise

## Spread of a constant signal

The heights of $Z$ do not vary, so its standard deviation is zero.

$$
\begin{aligned}
\sigma_z &=\sqrt{\frac{(1.8-1.8)^2 + (1.8-1.8)^2} {2}} \\
&= \sqrt{\frac{0+0}{2}} \\
\sigma_z&= 0.0
\end{aligned}$$

## Product of two Gaussians

Let the measurement noise be $\sigma_z^2$ and the prior variance $s^2$.

$$ \exp\Big[-\frac{(z-x)^2}{2\sigma_z^2}\Big]\exp\Big[-\frac{x^2}{2s^2}\Big] \propto \exp\Big[-\frac{s^2(z-x)^2 + \sigma_z^2 x^2}{2\sigma_z^2 s^2}\Big] $$

$$ \exp\Big[-\frac{(z-x)^2}{2\sigma_z^2}\Big]\exp\Big[-\frac{x^2}{2s^2}\Big] \propto \exp\Big[-\frac{s^2(z-x)^2 + \sigma_z^2 x^2}{\sigma_z^2 s^2}\Big] $$
"""


def test_a_worked_examples_number_ends_at_the_next_heading():
    blocks = checked_blocks(WORKED_VALUE)
    # the example's own chain, the product of the two Gaussians' exponentials, then the same with the 2 dropped
    # (with sigma_z = 0 carried over, both were undecided: a side divided by zero)
    assert_block_verdicts(blocks, [CONFIRMED, CONFIRMED, ("refuted", "undecided")])


SAMPLE_MEAN_TIMES_SIZE = r"""# Regression

$$
\sum_{n=1}^N \left(y_n - b_0 - b_1x_n\right) = N(\bar{y} - b_0 - b_1\bar{x})
$$

where $\bar{y}$ and $\bar{x}$ are the sample means.

$$
\sum_{n=1}^N \left(y_n - b_0 - b_1x_n\right) = N(\bar{y} - b_0 - \bar{x})
$$
"""


def test_a_size_applied_to_a_bracket_of_sample_means_is_a_product_of_the_mean():
    blocks = checked_blocks(SAMPLE_MEAN_TIMES_SIZE)
    assert_block_verdicts(blocks, [CONFIRMED, ("refuted", "undecided")])  # b_1 dropped from the second


RECURRENCE_TERMS = r"""# Arithmetic sequences

A sequence is arithmetic if the difference between terms is constant. In other words,

$$
a_0 = a \qquad a_n=a_{n-1}+d
$$

To find a closed formula, first write out the sequence in general:

$$
\begin{aligned}
a_1 & = a_0 + d = a+d\\
a_2 & = a_1 + d = a+d+d = a+2d\\
& \vdots
\end{aligned}
$$

Wrong:

$$ a_2 = a_1 + 2d $$
"""


def test_the_first_terms_of_a_recurrence_are_run_down_to_its_start():
    blocks = checked_blocks(RECURRENCE_TERMS)
    assert_block_verdicts(blocks, [CONFIRMED, "undecided"])  # a difference refutes nothing (another sequence?)
    assert len(blocks[0].steps) == 5  # the \vdots row is no factor of a + 2d
    assert "recurrence_terms" in blocks[0].steps[0].method
