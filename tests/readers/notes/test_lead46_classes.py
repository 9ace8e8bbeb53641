r"""Classes found by checking hand-written everyday notes at stop 46 (the lead's probes).

* A condition on every entry, stated after the claim in its sentence ("… for $a_i, b_i > 0$", the log-sum
  inequality): the entry's index is the claim's summation index, so the condition was dropped as one on names the
  claim does not have, and the inequality was refuted at a = (-1, -2).
* A one-sided bound on every entry other than ``0 <`` (``x_j \le 0``, ``y_i < 0``, ``z_k \ge 1``) was kept as a side
  condition on the single entry ``x[j]``, with ``j`` a free value: :math:`\sum_j x_j \le 0` was refuted at
  x = (0, 1), j = 1.
"""
from __future__ import annotations

import pytest

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

LOG_SUM = (r"\sum_{i} a_{i} \log\frac{a_{i}}{b_{i}} \ge \left(\sum_{i} a_{i}\right)"
           r"\log\frac{\sum_{i} a_{i}}{\sum_{i} b_{i}}")


@pytest.mark.parametrize("letters, condition", [(("a", "b", "i"), "${a}_{i}, {b}_{i} > 0$"),
                                                (("p", "q", "k"), "${a}_{i} > 0$ and ${b}_{i} > 0$")])
def test_a_condition_on_entries_after_the_claim_governs_it(letters, condition):
    a, b, i = letters
    claim = LOG_SUM.replace("a_{i}", f"{a}_{{{i}}}").replace("b_{i}", f"{b}_{{{i}}}").replace("_{i}", f"_{{{i}}}")
    cond = condition.replace("{a}", a).replace("{b}", b).replace("_{i}", f"_{{{i}}}")
    wrong = claim.replace(r"\ge", r"\le")
    text = f"The log-sum inequality: ${claim}$ for {cond}.\n\nWrong: ${wrong}$ for {cond}.\n"
    witnesses = assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])
    assert all(float(v) > 0 for w in witnesses for k, v in w.items() if k.startswith((f"{a}[", f"{b}[")))


AFTER, BEFORE = "We have ${claim}$ for ${cond}$.", "For ${cond}$ we have $${claim}.$$"


@pytest.mark.parametrize("layout, cond, right, wrong", [
    (AFTER, r"x_j \le 0", r"\sum_j x_j \le 0", r"\sum_j x_j < 0"),
    (BEFORE, r"y_i < 0", r"\sum_i y_i^3 < 0", r"\sum_i y_i^2 < 0"),
    (AFTER, r"z_k \ge 1", r"\prod_k z_k \ge 1", r"\prod_k z_k > 1"),
])
def test_a_one_sided_bound_holds_for_every_entry(layout, cond, right, wrong):
    text = "\n\n".join(layout.replace("{claim}", c).replace("{cond}", cond) for c in (right, wrong)) + "\n"
    witnesses = assert_block_verdicts(checked_blocks(text), [CONFIRMED, "refuted"])
    letter = cond[0]
    bound = -0.0 if "\\le 0" in cond or "< 0" in cond else 1.0
    entries = [float(v) for w in witnesses for k, v in w.items() if k.startswith(f"{letter}[")]
    assert entries and all(v <= bound if bound <= 0 else v >= bound for v in entries), witnesses


@pytest.mark.parametrize("right, wrong", [
    (r"\int x e^{2x}\,dx = \frac{x}{2}e^{2x} - \frac{1}{4}e^{2x} + C", r"\int x e^{2x}\,dx = \frac{x}{2}e^{2x} + C"),
    (r"\int t\cos t\,dt = t\sin t + \cos t + K", r"\int t\cos t\,dt = t\sin t - \cos t + K"),
    (r"\int x\log x\,dx = \frac{x^2}{2}\log x - \frac{x^2}{4} + C", r"\int x\log x\,dx = \frac{x^2}{2}\log x + C"),
])
def test_an_antiderivative_is_checked_by_its_derivative(right, wrong):
    """An indefinite integral has no value at a point, so the constant test (the difference the same at two points)
    could not evaluate it and a wrong antiderivative stayed undecided; its derivative decides it."""
    text = f"By parts:\n\n$${right}$$\n\nWrong:\n\n$${wrong}$$\n"
    blocks = checked_blocks(text)
    witnesses = assert_block_verdicts(blocks, [CONFIRMED, "refuted"])
    assert witnesses and "no constant fits" in blocks[1].steps[0].reason
