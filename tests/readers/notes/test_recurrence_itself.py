"""A recurrence is not evidence for itself (readers.notes.recurrences, ``Recurrence.line``): the line that states
$x_{k+1} = x_k - f'(x_k)/f''(x_k)$ was 'verified' by unrolling the recurrence it had just recorded from itself."""
from readers.notes.check import check_notes

NEWTON = ("## Descent\n\nGradient descent iterates\n\n$$x \\leftarrow x - \\eta f'(x)$$\n\n"
          "## Newton\n\nDenote by $x_k$ the value of $x$ at the $k$-th iteration. "
          "Recall that we have the update $x_{k+1} = x_k - f'(x_k) / f''(x_k)$.\n")
DECAY = ("Weight decay shrinks the weights:\n\n$$x_{t+1} = x_t - \\eta \\lambda x_t = (1 - \\eta\\lambda) x_t.$$\n\n"
         "After t steps $x_t = (1 - \\eta\\lambda)^t x_0$.\n")


def _steps(text):
    return [s for b in check_notes(text, path="<test>", budget=5.0).blocks for s in b.steps]


def test_the_line_stating_a_recurrence_is_not_verified_by_it():
    # read as the update it is (no step, since round 40), or as a claim left undecided: never verified by itself
    blocks = [b for b in check_notes(NEWTON, path="<test>", budget=5.0).blocks if "x_{k+1}" in b.source]
    assert blocks and all(b.role == "update" or b.verdict == "undecided" for b in blocks), blocks
    for update in [s for b in blocks for s in b.steps if s.lhs.startswith("x[k + 1]")]:
        assert update.verdict == "undecided", update
        assert "recurrence this line states" in update.reason


def test_claims_about_the_recurrence_are_still_checked_with_it():
    # the chain's second link on the same line is a claim (proved); the closed form after it is proved by induction
    verdicts = [s.verdict for s in _steps(DECAY)]
    assert verdicts[-2:] == ["proved", "proved"], verdicts
