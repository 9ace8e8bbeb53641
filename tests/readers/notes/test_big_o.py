r"""Claims with a big-O remainder (``+ O(\epsilon^2)``, ``+ \mathcal{O}(h^3)``): the remainder must shrink like
the written order as its small quantities go to 0 (readers.notes.big_o).  Verified with what was sampled; a
remainder of a lower order than written is refuted by the Taylor coefficient that differs, exact with a random
polynomial for the arbitrary function (readers.notes.truncation; until round 40 it stayed undecided).

Expected verdicts by Taylor's theorem: f(x + e) - f(x) - e f'(x) = e^2 f''(x)/2 + O(e^3), so O(e^2) holds and
with 2 e f'(x) in place of e f'(x) the remainder is -e f'(x) + O(e^2), of order 1 only."""
import pytest

from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""

CASES = [
    (r"$$f(x + \epsilon) = f(x) + \epsilon f'(x) + O(\epsilon^2).$$", "verified", "O(t^2)"),
    # f(x - eta f'(x)) - f(x) + eta f'(x)^2 = eta^2 f'(x)^2 f''(x)/2 + ...: order 2 in eta (d2l, gradient descent)
    (r"Let $\eta > 0$. $$f(x - \eta f'(x)) = f(x) - \eta f'^2(x) + O(\eta^2 f'^2(x)).$$", "verified", "small eta"),
    (r"$$g(x + h) = g(x) + h g'(x) + \frac{1}{2} h^2 g''(x) + \mathcal{O}(h^3)$$", "verified", "O(t^3)"),
    (r"$$f(x + \epsilon) = f(x) + 2\epsilon f'(x) + O(\epsilon^2).$$", "refuted", "coefficient of epsilon^1"),
    # the second-order term is missing: the remainder h^2 g''/2 is of order 2, not 3
    (r"$$g(x + h) = g(x) + h g'(x) + \mathcal{O}(h^3)$$", "refuted", "coefficient of h^2"),
]


@pytest.mark.parametrize("text, verdict, shown", CASES)
def test_a_big_o_remainder_is_checked_at_its_written_order(text, verdict, shown):
    [s] = [s for b in check_notes(text, budget=BUDGET).blocks for s in b.steps]
    assert s.verdict == verdict, (s.reason, s.method)
    assert shown in f"{s.method} {s.reason}"


@pytest.mark.parametrize("text", [r"$$f(x - \eta f'(x)) \lessapprox f(x).$$", r"$$a \gtrsim b$$"])
def test_less_or_about_is_read_and_left_unchecked(text):
    # "smaller up to higher-order terms" states no bound at a scale: parsed (it was an unsupported command),
    # never refuted
    [block] = check_notes(text, budget=BUDGET).blocks
    [s] = block.steps
    assert block.parsed and s.verdict == "undecided" and "is not checked" in s.reason
