r"""Classes of stop 52 (scope52): definitions, examples and recurrences read as their authors mean them.

* A squared parameter set to a number in prose ("With $\kappa^2 = 1$, ...") was a definition of the name to the end
  of the document, so a claim many paragraphs on that holds only at that value was **proved**; it is a local example
  as ``$x = 2$`` is (the positive root: a scale).
"""
from __future__ import annotations

from tests.readers.notes.checked import assert_block_verdicts, checked_blocks

_WORDS = "\n\n".join(f"Remark {i} describes the model in words only." for i in range(8))

SQUARED_EXAMPLE = r"""# Shrinkage

The weights have the prior $\theta \sim \mathcal{N}(0, \kappa^2)$. With $\kappa^2 = 1$, the prior is a standard normal.

""" + _WORDS + r"""

The prior's precision is then $$\frac{3}{\kappa^2} = 3$$
"""


def test_a_squared_parameter_set_in_prose_is_a_local_example():
    blocks = checked_blocks(SQUARED_EXAMPLE)
    assert_block_verdicts(blocks, ["undecided", "undecided"])  # the law (not checked), then the far claim
    assert blocks[-1].role != "definition" and "kappa" in blocks[-1].steps[0].reason
