r"""Tests the prose announces (issue 12, stop 32).

* A display the prose announces as a condition or a test ("satisfy the condition:", "Closeness is defined as:"
  before an inequality: PyTorch's ``allclose``) is no claim (readers.notes.clause_conditions).
"""

from readers.notes.check import check_notes

_ALLCLOSE = r"""# allclose

This function checks if input and other satisfy the condition:

$$|a_i - b_i| \leq \mathrm{atol} + \mathrm{rtol} \times |b_i|$$

# isclose

Closeness is defined as:

$$|a_i - b_i| \leq \mathrm{rtol} \times |b_i| + \mathrm{atol}$$

# A claim

We see that:

$$|a - b| \leq \mathrm{atol} + \mathrm{rtol} \times |b|$$
"""


def test_a_display_announced_as_a_condition_is_no_claim():
    blocks = {b.line: b for b in check_notes(_ALLCLOSE).blocks}
    assert blocks[5].role == blocks[11].role == "condition", (blocks[5], blocks[11])
    assert blocks[5].verdict is None and blocks[11].verdict is None
    assert blocks[17].verdict == "refuted"  # unannounced, the same inequality is a claim, and false
