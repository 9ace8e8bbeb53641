r"""A mean or standard deviation subscripted by an expression (readers.notes.moments.compound_moments):
$\mu_{aX+b}$ is $\mathbb{E}[aX+b]$, a claim about $X$, not a new name; independence stated in the prose is
read as a product law.  The notes here are made up, not corpus text."""
from __future__ import annotations

import sympy as sp

from readers.notes.check import check_notes
from readers.notes.moments import compound_moments

_NOTE = "# Moments\n\n{sentence} ${claim}$.\n"


def _claim(sentence, claim):
    (block,) = [b for b in check_notes(_NOTE.format(sentence=sentence, claim=claim)).blocks if b.steps]
    return block


ANY = "For any random variable $X$ and numbers $a$ and $b$, we have that"
TWO = "For two random variables $X$ and $Y$, we have"
INDEPENDENT = "If $X$ and $Y$ are independent random variables, we have"


def test_moments_of_an_affine_expression_are_claims_and_hold():
    for claim in (r"\mu_{aX+b} = a\mu_X + b", r"\sigma_{aX+b} = |a|\sigma_{X}"):
        block = _claim(ANY, claim)
        assert block.role == "claim" and block.verdict in ("proved", "verified"), block.steps


def test_a_wrong_moment_of_an_affine_expression_is_refuted():
    for claim in (r"\mu_{aX+b} = a\mu_X", r"\sigma_{aX+b} = a\sigma_{X} + b"):
        block = _claim(ANY, claim)
        assert block.verdict == "refuted", block.steps


def test_the_mean_of_a_sum_holds_for_any_joint_law():
    block = _claim(TWO, r"\mu_{X+Y} = \mu_X + \mu_Y")
    assert block.verdict in ("proved", "verified") and "independent" not in block.steps[0].method


def test_the_variance_of_a_sum_is_read_with_the_independence_the_prose_states():
    block = _claim(INDEPENDENT, r"\sigma_{X+Y} = \sqrt{\sigma_{X}^2 + \sigma_{Y}^2}")
    assert block.verdict in ("proved", "verified") and "independent (the prose says so)" in block.steps[0].method
    # without the word it fails for a dependent joint law (notes state the independence a claim needs)
    block = _claim(TWO, r"\sigma_{X+Y} = \sqrt{\sigma_{X}^2 + \sigma_{Y}^2}")
    assert block.verdict == "refuted" and "independent" not in block.steps[0].method
    # a claim that fails for independent variables too is a mistake either way
    block = _claim(INDEPENDENT, r"\sigma_{X+Y} = \sigma_{X} + \sigma_{Y}")
    assert block.verdict == "refuted", block.steps


def test_only_compound_subscripts_with_a_random_variable_are_read_as_moments():
    X, a, b = sp.symbols("X a b", real=True)
    mu_affine, mu_x = sp.Symbol("mu_{aX+b}", real=True), sp.Symbol("mu_X", real=True)
    assert compound_moments(mu_affine) == sp.Function("E")(a * X + b)
    assert compound_moments(mu_x) == mu_x  # a plain subscript stays the name it is
    assert compound_moments(sp.Symbol("mu_{ab}", real=True)) == sp.Symbol("mu_{ab}", real=True)  # no capital
    assert compound_moments(sp.Symbol("sigma_{X^{(\\infty)}}", real=True)) == sp.Symbol("sigma_{X^{(\\infty)}}",
                                                                                          real=True)


def test_independence_named_for_one_list_item_does_not_govern_the_others():
    text = "\n".join([
        "# Correlation", "",
        r"* For any random variables $X, Y$ and numbers $a$ and $b$, $\sigma_{X+Y} = \sqrt{\sigma_{X}^2 + "
        r"\sigma_{Y}^2}$.",
        r"* If $X$ and $Y$ are independent then $\textrm{Cov}(X, Y) = 0$.", ""])
    blocks = [b for b in check_notes(text).blocks if b.steps]
    assert [b.verdict for b in blocks] == ["refuted", "proved"], [b.steps for b in blocks]


def test_the_sentence_introducing_a_display_can_state_the_independence():
    text = "# Sums\n\nRecall that if $X$ and $Y$ are two independent random variables then\n\n" \
           "$$\n\\textrm{Var}(X+Y) = \\textrm{Var}(X) + \\textrm{Var}(Y).\n$$\n"
    (block,) = [b for b in check_notes(text).blocks if b.steps]
    assert block.verdict == "proved" and "independent (the prose says so)" in block.steps[0].method
