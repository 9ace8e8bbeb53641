r"""A claim about a recurrence's sequence with a sum over the step letter (``\sum_{t=1}^T``, d2l's BPTT): the
step letter is set to 1, 2, 3 only where it is free, never inside the sum that runs over it (that raised an
internal error, 'Invalid limits given').  A sum to an unknown ``T`` is not unrolled: undecided with that reason."""
from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""


def test_a_sum_over_the_step_letter_is_not_substituted_into():
    text = (r"The hidden state is $$h_t = a h_{t-1} + x_t$$ for each step. The sum is "
            r"$$\sum_{t=1}^T h_t = \sum_{t=1}^T (a h_{t-1} + x_t)$$")
    steps = [s for b in check_notes(text, budget=BUDGET).blocks for s in b.steps]
    assert steps and not any("internal error" in (s.reason or "") for s in steps), [s.reason for s in steps]
    assert all(s.verdict != "refuted" for s in steps)
