r"""The classes of reading that round 40a fixed in ``formulary check`` for probability and statistics notes, one wrong
case and one correct near-miss each (the near-miss must not be refuted):

* the imaginary unit leading a run of letters in an exponent of e (``e^{itx}``, a characteristic function): the product
  i t x, not one name ``itx``, and a refutation with i read as a real name withdrawn unless the imaginary-unit reading
  fails too (readers.latex.names, readers.notes.imaginary_unit): the exponential law's characteristic function was a
  false alarm;
* the factorial of a subscripted name (``x_1! \, x_2!``): a parse error before, so a Poisson likelihood with one
  exponential factor too few went unchecked (readers.latex.tokens);
* a standard special function the prose introduces by its name ("the error function") and then writes out: a claim
  about that function, not a new definition of its letter (readers.notes.special).

Each wrong block fails on the code before this round (a parse error or a definition), and the characteristic
function's near-miss was refuted there."""
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

CHARACTERISTIC = r"""# Characteristic functions

An exponential law with rate $\lambda > 0$ has, for real $t$,

$$
\int_{0}^{\infty} e^{itx} \lambda e^{-\lambda x} \, dx = \frac{\lambda}{\lambda - it}
$$

and a slip of mine:

$$
e^{ikx} e^{-ikx} = 2
$$
"""

FACTORIALS = r"""# Two Poisson counts

Two Poisson observations $x_1, x_2 \ge 0$ with rate $\lambda > 0$:

$$
\frac{\lambda^{x_1} e^{-\lambda}}{x_1!} \cdot \frac{\lambda^{x_2} e^{-\lambda}}{x_2!} = \frac{\lambda^{x_1 + x_2} e^{-2\lambda}}{x_1! \, x_2!}
$$

My first version kept one exponential factor:

$$
\frac{\lambda^{x_1} e^{-\lambda}}{x_1!} \cdot \frac{\lambda^{x_2} e^{-\lambda}}{x_2!} = \frac{\lambda^{x_1 + x_2} e^{-\lambda}}{x_1! \, x_2!}
$$
"""

SPECIAL = r"""# The error function

Here $\operatorname{erf}$ is the error function,

$$
\operatorname{erf}(x) = \frac{1}{\sqrt{\pi}} \int_0^x e^{-t^2} \, dt
$$

## Again

Written out, the error function is

$$
\operatorname{erf}(x) = \frac{2}{\sqrt{\pi}} \int_0^x e^{-t^2} \, dt
$$
"""


def test_an_imaginary_unit_leading_a_run_in_an_exponent_is_not_refuted_as_a_real_name():
    assert_block_verdicts(checked_blocks(CHARACTERISTIC), [HOLDS, "refuted"])


def test_factorials_of_subscripted_names_are_read():
    assert_block_verdicts(checked_blocks(FACTORIALS), [CONFIRMED, "refuted"])


def test_a_special_function_introduced_by_its_name_is_a_claim_not_a_definition():
    assert_block_verdicts(checked_blocks(SPECIAL), ["refuted", CONFIRMED])
