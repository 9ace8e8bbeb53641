r"""The classes of reading that round caught43 fixed in ``formulary check``: a quantity the sentence before a row calls
by its standard name, written in the form of a definition, is a claim about that quantity.  One wrong case and one
correct near-miss each (the near-miss must not be refuted):

* Shannon's entropy of a mass function named in the prose ("the expected surprisal or **entropy** defined as $$H(f)
  = \sum_{f_i} \log(1/f_i)$$", the weights lost): read at three mass functions in every base of the log
  (readers.notes.named_quantities), also where ``H`` was defined just before; it was a definition (or an ambiguous
  new one), so the slip went unchecked;
* the standard normal density named in the prose ("the standard normal distribution, $\mbox{normal}(z) =
  \exp(-\frac{1}{2} z^2)$", its constant lost): read at four points; a definition before;
* an integral written for a standard special function the prose names ("where $\Gamma$ is the gamma function,
  $$\Gamma(x) = \int_0^{-\infty} t^{x-1} e^{-t}\,dt$$"): worked out exactly at x = 1, 2, 3 when sampling cannot decide
  (readers.notes.special.integral_counterexample); undecided before (the sampler ran out of time on the divergent
  integral).  Checked at the function's level: a note would spend the sampler's whole budget first.

Each wrong block fails on the code before this round (it had no steps, or no counterexample)."""
import sympy as sp

from readers.notes.named_quantities import reading
from readers.notes.special import integral_counterexample
from tests.readers.notes.checked import CONFIRMED, HOLDS, assert_block_verdicts, checked_blocks

ENTROPY = r"""# Surprisal

Some statisticians then define the information they expect to gather as the expected surprisal or **entropy**
defined as

$$
H(f) = \sum_{i} \log\left(\frac{1}{f_i}\right)
$$

# Bits

Measured in bits, the entropy of a mass function $p = (p_1, \dots, p_n)$ is

$$
H(p) = -\sum_{i=1}^{n} p_i \log_2 p_i
$$

and the entropy of a second mass function $q = (q_1, \dots, q_m)$ is

$$
H(q) = \sum_{j=1}^{m} q_j \log q_j
$$
"""

NORMAL = r"""# Location and scale

* a factor deriving from the standard normal distribution,
$\mbox{normal}(z) = \exp(-\frac{1}{2} z^2)$, applied to the standardised value.

# With its constant

Including the normalizing constant, the standard normal density is

$$
\phi(y) = \frac{1}{\sqrt{2 \pi}} \exp\left(-\frac{1}{2} y^2\right)
$$
"""


def test_entropy_named_in_the_prose_is_a_claim_about_shannons_entropy():
    blocks = checked_blocks(ENTROPY)
    first, again = assert_block_verdicts(blocks, ["refuted", CONFIRMED, "refuted"])
    assert first["f_1"] == again["q_1"] == "1/4" and "log base 2" in blocks[1].steps[0].method


def test_a_name_followed_by_another_object_names_nothing():
    z = sp.Symbol("z")
    h = sp.Function("h")(z)
    assert reading(h, sp.exp(-z ** 2 / 2), "a factor deriving from the standard normal distribution,") is not None
    assert reading(h, z ** 2, "Let $Z$ have the standard normal distribution, and consider ") is None


def test_standard_normal_density_named_in_the_prose_is_a_claim():
    blocks = checked_blocks(NORMAL)
    (witness,) = assert_block_verdicts(blocks, ["refuted", HOLDS])
    assert witness["z"] == "0"


def test_an_integral_for_the_gamma_function_is_worked_out_at_integers():
    t, x = sp.symbols("t x", real=True)
    gamma = sp.Function("Gamma")(x)
    assert integral_counterexample(gamma, sp.Integral(t ** (x - 1) * sp.exp(-t), (t, 0, -sp.oo))) == \
        {"x": "1", "lhs": "1.00000000000", "rhs": "-oo"}
    assert integral_counterexample(gamma, sp.Integral(t ** (x - 1) * sp.exp(-t), (t, 0, sp.oo))) is None
    assert integral_counterexample(gamma, sp.Integral(t ** (x - 1) * sp.exp(-2 * t), (t, 0, sp.oo)))["rhs"] == \
        "0.500000000000"
