r"""Claims for some witness in a stated interval (readers.notes.mean_value): verified when lhs - rhs vanishes or
changes sign between the bounds at every sample (a root by the intermediate value theorem), never refuted.

By hand: the mean value theorem gives f(x) - f(a) = (x - a) f'(alpha) for some alpha in [a, x] and Taylor's
theorem h(x + e) = h(x) + e h'(x) + e^2 h''(x + xi)/2 for some xi in [0, e], for every smooth f, h;
e^xi = 2 at xi = log 2 = 0.693... in [0, 1]; e^xi <= e < 5 on [0, 1], so e^xi = 5 has no root there."""
import pytest

from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""

CASES = [
    (r"Let $a < x$. $$f(x) - f(a) = (x-a) f'(\alpha) \text{ for some } \alpha \in [a, x]$$", "verified"),
    ((r"$$h(x + \epsilon) = h(x) + \epsilon h'(x) + \frac{1}{2} \epsilon^2 h''(x + \xi) \text{ for some } "
     r"\xi \in [0, \epsilon]$$"), "verified"),
    (r"$$e^{\xi} = 2 \text{ for some } \xi \in [0, 1]$$", "verified"),
    (r"$$e^{\xi} = 5 \text{ for some } \xi \in [0, 1]$$", "undecided"),
    # the witness and its interval stated in the prose after the formula (d2l convexity's exercise)
    ((r"We can write $f(x + \epsilon) = f(x) + \epsilon f'(x) + \frac{1}{2} \epsilon^2 f''(x + \xi)$ for some "
     r"$\xi \in [0, \epsilon]$."), "verified"),
    (r"Then $e^{\xi} = 5$ for some $\xi \in (0, 1)$.", "undecided"),
]


@pytest.mark.parametrize("text, verdict", CASES)
def test_a_claim_for_some_witness_in_an_interval(text, verdict):
    [s] = [s for b in check_notes(text, budget=BUDGET).blocks for s in b.steps if s.rel == "="]
    assert s.verdict == verdict, s.reason
    if verdict == "verified":
        assert "intermediate value theorem" in s.method
