r"""Classes of published notes' claims left undecided (issue 12, caught47), each with a wrong twin:

* probabilities of events in a random variable (Markov's :math:`\Pr(X \ge a) \le \mathrm{E}(X)/a` after "let $X$ be
  a non-negative random variable and $a > 0$") were "unknown functions: Pr, event_ge": each is the mean of its
  indicator, read over a random discrete law (readers.notes.event_moments); a failure there is never a refutation;
  so is the event that an indicator the notes define by cases takes a value (``\Pr(\mathrm{I}_{X \ge a} = 1)``);
* a law written with no arguments, Stan's ``Z \sim \mbox{normal}()`` (the standard normal), was a parse error, so
  "then $\mathbb{E}[Z] = 0$" was an equation in Z: ``normal()`` and ``normal(0, 1)`` are the standard law
  (readers.latex.names, readers.notes.laws).
"""
import pytest

from readers.latex.parse import parse_latex
from readers.notes.event_moments import events_as_means, fails_at_ties
from readers.notes.moments import read_moments
from tests.readers.notes.checked import CONFIRMED, assert_block_verdicts, checked_blocks

MARKOV = {
    "statproofbook's wording": (
        r"**Theorem:** Let $X$ be a [non-negative](/P/mean-nnrvar) [random variable](/D/rvar) and let $a > 0$ be a "
        r"positive real number. Then",
        r"$$\mathrm{Pr}(X \geq a) \leq \frac{\mathrm{E}(X)}{a} \; .$$", CONFIRMED),
    "strict event, product form": (
        r"For a non-negative random variable $Z$ and any $c > 0$,", r"$$c \, \Pr(Z > c) \le \mathbb{E}[Z]$$",
        CONFIRMED),
    "wrong power of the threshold": (
        r"Let $Y$ be a nonnegative random variable and $t > 0$. Then", r"$P(Y \ge t) \le \mathbb{E}[Y]/t^2$.",
        ("undecided",)),
    "a threshold's tie confused (at a = an atom the sides differ)": (
        r"Let $V$ be a non-negative random variable and $b > 0$. Then",
        r"$$\Pr(V \geq b) \, \mathbb{E}[V] \leq \Pr(V > b) \, \mathbb{E}[V]$$", ("undecided", "refuted")),
    "non-negativity not stated": (
        r"Let $c > 0$. Then", r"$$\Pr(W \geq c) \leq \frac{\mathbb{E}(W)}{c}$$", ("undecided",)),
}


@pytest.mark.parametrize("name", MARKOV)
def test_probability_of_an_event_is_the_mean_of_its_indicator(name):
    words, claim, expected = MARKOV[name]
    blocks = checked_blocks(f"# Markov\n\n{words}\n\n{claim}\n")
    assert_block_verdicts(blocks, [expected])
    assert expected != CONFIRMED or "indicator" in blocks[0].steps[0].method, blocks[0].steps[0].method


@pytest.mark.parametrize("claim, ties_fail", [
    (r"\Pr(X \ge a) = 1 - \Pr(X \le a)", True),
    (r"\Pr(X > c) = 1 - \Pr(X \le c)", False),
    (r"\Pr(Y \geq t) \leq \Pr(Y > t)", True),
    (r"\Pr(Y > t) \leq \Pr(Y \geq t)", False),
    (r"\Pr(|W - m| \geq k) \leq \Pr(|W - m| > k)", True),
])
def test_ties_of_a_threshold_and_a_value_are_checked_exactly(claim, ties_fail):
    """Sampling draws thresholds and values apart: only the exact check at ties tells >= from >."""
    chain = parse_latex(claim)
    (lhs, rhs), rel = chain.exprs, chain.rels[0]
    read = read_moments(events_as_means(lhs), events_as_means(rhs))
    assert (fails_at_ties((lhs, rhs), read[:2], rel, (), read[2]) is not None) == ties_fail


STANDARD = {
    "Stan's empty arguments": (r"This ensures that if $Z \sim \mbox{normal}()$, then $\mathbb{E}[Z] = 0$ and "
                               r"$\mbox{var}[Z] = \mbox{sd}[Z] = 1$.", ["proved", "proved"]),
    "other letter, \\mathrm, zero and one": (r"If $W \sim \mathrm{normal}(0, 1)$ then $\mathbb{E}[W^2] = 1$.",
                                              ["proved"]),
    "a wrong mean": (r"If $V \sim \textrm{normal}()$, then $\mathbb{E}[V] = 1$.", ["refuted"]),
    "a wrong variance": (r"If $V \sim \mbox{Normal}()$, then $\operatorname{Var}(3 V) = 3$.", ["refuted"]),
}


@pytest.mark.parametrize("name", STANDARD)
def test_a_law_with_no_arguments_is_the_standard_law(name):
    text, expected = STANDARD[name]
    assert_block_verdicts(checked_blocks(f"# Standard\n\n{text}\n"), expected)


def test_an_empty_call_of_another_name_is_still_an_error():
    from readers.latex.nodes import LatexParseError

    with pytest.raises(LatexParseError):
        parse_latex(r"f() = 1")


INDICATOR = r"""# Markov

**Proof:** Let ${V}$ be a non-negative random variable and let ${b} > 0$. Define the indicator

$$\mathrm{{I}}_{{{V} {geq} {b}}} = \left\{{ \begin{{array}}{{rl}} 0 \; , & \text{{if}} \; {V} {lt} {b} \\
1 \; , & \text{{if}} \; {V} {geq} {b} \; . \end{{array}} \right.$$

Then

$${claim}$$
"""


@pytest.mark.parametrize("letters, claim, expected", [
    (("X", "a", r"\geq", "<"), r"a \, \mathrm{Pr}(\mathrm{I}_{X \geq a} = 1) \leq \mathrm{E}(X)", CONFIRMED),
    (("Y", "c", ">", r"\le"), r"\Pr(\mathrm{I}_{Y > c} = 1) = \Pr(Y \geq c)", ("undecided",)),
])
def test_the_event_that_an_indicator_takes_a_value(letters, claim, expected):
    V, b, geq, lt = letters
    blocks = checked_blocks(INDICATOR.format(V=V, b=b, geq=geq, lt=lt, claim=claim))
    assert_block_verdicts(blocks[-1:], [expected])


DENSITY = r"""# CDF

The cumulative distribution function is $F_X(x) = P(X \leq x)$.

## PDF

We define the density as the derivative of the CDF, i.e.,

$${f}_X(x)  = \frac{{dF_X(x)}}{{dx}}$$.

### Properties:
- $${f}_X(x) \geq 0$$
"""


@pytest.mark.parametrize("f", ["f", "g"])
def test_a_density_is_not_read_as_the_mean_of_an_indicator(f):
    """cs228's density, the derivative of P(X <= x): the indicator reading gave an internal error."""
    blocks = checked_blocks(DENSITY.format(f=f))
    assert_block_verdicts(blocks[-1:], [CONFIRMED])
