r"""Verdicts that depended on the machine's load, and tests the prose announces (issue 12, stop 32).

* A claim in ``cases`` refuted at a value the prose after it rules out ("where $N$ is the full window size": the
  Bartlett window refuted at $N = 1/2$) is withdrawn when it holds with $N$ a positive integer
  (``within_stated_sizes``).  When that second check ended without an answer (it timed out on a loaded machine:
  the whole-corpus run at load 20 refuted PyTorch's window, the same file checked alone did not), the refutation
  stood: a false alarm that only load produced.  Now it is undecided, saying the check inside the prose's reading
  was not decided; a counterexample that already gives the size a positive integer still refutes.
* A display the prose announces as a condition or a test ("satisfy the condition:", "Closeness is defined as:"
  before an inequality: PyTorch's ``allclose``) is no claim (readers.notes.clause_conditions).
"""
import pytest

from derivations.checker import ladder
from derivations.checker.verdict import Verdict
from readers.notes.check import check_notes

_WINDOW = r"""# Bartlett window

$$1 - \left| \frac{2n}{N-1} - 1 \right| = \begin{cases}
    \frac{2n}{N - 1} & \text{if } 0 \leq n \leq \frac{N - 1}{2} \\
    2 - \frac{2n}{N - 1} & \text{if } \frac{N - 1}{2} < n < N \\
\end{cases},$$

where $N$ is the full window size.
"""


def _sized(step) -> bool:
    return any(s.name == "N" and s.is_integer for s in (step.lhs - step.rhs).free_symbols)


@pytest.mark.parametrize("inside", ["timeout", "refuted"])
def test_a_size_check_without_an_answer_never_leaves_a_refutation(monkeypatch, inside):
    real = ladder.check_step

    def loaded(step, **kwargs):  # the check with N a positive integer runs out of time (or, second case, refutes)
        if _sized(step):
            if inside == "timeout":
                return Verdict("undecided", method="timeout after 5.0 s", reason="symbolic: timeout; numeric: timeout")
            return Verdict("refuted", method="numeric", counterexample={"N": "3", "n": "1"}, reason="fails")
        return real(step, **kwargs)

    monkeypatch.setattr(ladder, "check_step", loaded)
    block = next(b for b in check_notes(_WINDOW).blocks if b.line == 3)
    if inside == "timeout":
        assert block.verdict == "undecided", block.steps
        assert "positive integer" in block.steps[-1].reason and "not decided" in block.steps[-1].reason
    else:
        assert block.verdict == "refuted" and block.steps[-1].counterexample["N"] == "3", block.steps


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
