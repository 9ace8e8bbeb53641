r"""The classes of reading that round 40a fixed in ``formulary check`` for probability and statistics notes, one wrong
case and one correct near-miss each (the near-miss must not be refuted):

* the imaginary unit leading a run of letters in an exponent of e (``e^{itx}``, a characteristic function): the product
  i t x, not one name ``itx``, and a refutation with i read as a real name withdrawn unless the imaginary-unit reading
  fails too (readers.latex.names, readers.notes.imaginary_unit): the exponential law's characteristic function was a
  false alarm;
* the factorial of a subscripted name (``x_1! \, x_2!``): a parse error before, so a Poisson likelihood with one
  exponential factor too few went unchecked (readers.latex.tokens);
* a sized evaluation bar inside an absolute value (``\left| \frac{d}{dy} g(y) \Big|_{y = a} \right|``, the Jacobian of a
  change of variables): the value at a point, not the closing bar (readers.latex.tokens); the block was a parse error,
  so a normal density without the -1/2 of its exponent went unchecked;
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

JACOBIAN = r"""# A location-scale change of variables

Let $g(y) = (y - \mu)/\sigma$ with $\sigma > 0$, and let the standard normal density be

$$
\phi(z) = \frac{1}{\sqrt{2 \pi}} \exp\left(-\frac{1}{2} z^2\right).
$$

The Jacobian of the inverse map gives

$$
\phi(g(y)) \left| \frac{\mathrm{d}}{\mathrm{d}y} g(y) \Big|_{y = 3} \right| = \frac{1}{\sigma \sqrt{2\pi}} \exp\left(-\frac{(y - \mu)^2}{2 \sigma^2}\right)
$$

and, as I first wrote it,

$$
\phi(g(y)) \left| \frac{\mathrm{d}}{\mathrm{d}y} g(y) \Big|_{y = 3} \right| = \frac{1}{\sigma \sqrt{2\pi}} \exp\left(\frac{(y - \mu)^2}{\sigma^2}\right)
$$
"""


def test_an_imaginary_unit_leading_a_run_in_an_exponent_is_not_refuted_as_a_real_name():
    assert_block_verdicts(checked_blocks(CHARACTERISTIC), [HOLDS, "refuted"])


def test_factorials_of_subscripted_names_are_read():
    assert_block_verdicts(checked_blocks(FACTORIALS), [CONFIRMED, "refuted"])


def test_a_sized_evaluation_bar_inside_an_absolute_value_is_read():
    # the first block, "let the standard normal density be phi(z) = ...", is confirmed as that density
    # (readers.notes.named_quantities, round caught43)
    assert_block_verdicts(checked_blocks(JACOBIAN), [CONFIRMED, CONFIRMED, "refuted"])


def test_a_special_function_introduced_by_its_name_is_a_claim_not_a_definition():
    assert_block_verdicts(checked_blocks(SPECIAL), ["refuted", CONFIRMED])
