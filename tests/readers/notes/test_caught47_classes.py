r"""Classes of published notes' claims left undecided (issue 12, caught47), each with a wrong twin:

* probabilities of events in a random variable (Markov's :math:`\Pr(X \ge a) \le \mathrm{E}(X)/a` after "let $X$ be
  a non-negative random variable and $a > 0$") were "unknown functions: Pr, event_ge": each is the mean of its
  indicator, read over a random discrete law (readers.notes.event_moments); a failure there is never a refutation.
"""
import pytest

from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

MARKOV = {
    "statproofbook's wording": (
        r"**Theorem:** Let $X$ be a [non-negative](/P/mean-nnrvar) [random variable](/D/rvar) and let $a > 0$ be a "
        r"positive real number. Then",
        r"$$\mathrm{Pr}(X \geq a) \leq \frac{\mathrm{E}(X)}{a} \; .$$", CONFIRMED),
    "other letters, inline": (
        r"Let $Y$ be a nonnegative random variable and $t > 0$. Then", r"$P(Y \ge t) \le \mathbb{E}[Y]/t$.",
        CONFIRMED),
    "strict event, product form": (
        r"For a non-negative random variable $Z$ and any $c > 0$,", r"$$c \, \Pr(Z > c) \le \mathbb{E}[Z]$$",
        CONFIRMED),
    "wrong power of the threshold": (
        r"Let $Y$ be a nonnegative random variable and $t > 0$. Then", r"$P(Y \ge t) \le \mathbb{E}[Y]/t^2$.",
        ("undecided",)),
    "non-negativity not stated": (
        r"Let $c > 0$. Then", r"$$\Pr(W \geq c) \leq \frac{\mathbb{E}(W)}{c}$$", ("undecided",)),
}


@pytest.mark.parametrize("name", MARKOV)
def test_probability_of_an_event_is_the_mean_of_its_indicator(name):
    words, claim, expected = MARKOV[name]
    blocks = checked_blocks(f"# Markov\n\n{words}\n\n{claim}\n")
    assert_block_verdicts(blocks, [expected])
    assert expected != CONFIRMED or "indicator" in blocks[0].steps[0].method, blocks[0].steps[0].method
