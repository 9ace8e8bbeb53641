r"""Classes found by checking hand-written everyday notes at stop 49 (the lead's probes: weight initialisation,
learning-rate schedules, distillation, Gaussian facts).

* A Greek name redefined without a cue (:math:`\sigma_w^2 = \frac{1}{n}`, then He's :math:`\sigma_w^2 = \frac{2}{n}`)
  makes that row ambiguous; a later worked value (``with $n = 256$ we get $\sigma_w^2 = \frac{2}{256}$``) is about
  either definition.  The check of which blocks may use a contested name looked for ``sigma_w`` in the LaTeX and
  never found ``\sigma_w``, so the value was refuted with the first definition.
"""
from __future__ import annotations

import pytest

from tests.readers.notes.checked import HOLDS, assert_block_verdicts, checked_blocks


@pytest.mark.parametrize("name", [r"\sigma_w", r"\tau_{w}", "s"])
def test_a_value_after_a_contested_greek_definition_is_not_refuted(name):
    text = (f"We want $n{name}^2 = 1$, i.e. ${name}^2 = \\frac{{1}}{{n}}$.\n\n"
            f"For ReLU, He initialisation doubles it:\n$${name}^2 = \\frac{{2}}{{n}}.$$\n\n"
            f"Check: with $n = 256$ we get ${name}^2 = \\frac{{2}}{{256}}$.\n")
    blocks = checked_blocks(text)
    assert_block_verdicts(blocks[-1:], [HOLDS])
    wrong = text.replace(r"\frac{2}{256}$", r"\frac{3}{256}$")  # fails under either definition
    assert_block_verdicts(checked_blocks(wrong)[-1:], ["refuted"])
