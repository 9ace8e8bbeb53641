r"""Probability claims about variables the prose calls independent: verified on independent joints (readers.notes.
independent_joint), never proved; a claim false there is not confirmed; without the prose's word, as before.

Expected by hand: for independent X, Y, P(X | Y) = P(X, Y)/P(Y) = P(X)P(Y)/P(Y) = P(X); P(X, Y) = P(X)P(Y);
P(X, Y) = P(X) + P(Y) fails (at P(X) = P(Y) = 1/2: 1/4 against 1); P(X | Y) = P(Y) fails (at P(X) = 1/4, P(Y) = 1/2).
"""
import itertools

from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above what these take."""


def blocks(text):
    return {b.source.strip("$ \n"): b for b in check_notes(text, budget=BUDGET).blocks}


def independent_joint(px, py):
    return {(x, y): (px if x else 1 - px) * (py if y else 1 - py) for x, y in itertools.product((0, 1), repeat=2)}


def test_the_hand_values():
    joint = independent_joint(0.25, 0.5)
    p_y1 = joint[(0, 1)] + joint[(1, 1)]
    assert abs(joint[(1, 1)] / p_y1 - 0.25) < 1e-12  # P(X=1 | Y=1) = P(X=1)
    assert abs(joint[(1, 1)] / p_y1 - 0.5) > 0.2  # not P(Y=1)


TEXT = r"""# Independent variables

Suppose $X$ and $Y$ are independent random variables. Then $P(X \mid Y) = P(X)$ and $P(X, Y) = P(X)P(Y)$,
and by Bayes $P(Y \mid X) = \frac{P(X, Y)}{P(X)} = P(Y)$.
"""


def test_claims_under_stated_independence_are_verified():
    found = blocks(TEXT)
    for source in (r"P(X \mid Y) = P(X)", "P(X, Y) = P(X)P(Y)", r"P(Y \mid X) = \frac{P(X, Y)}{P(X)} = P(Y)"):
        assert found[source].verdict == "verified", source
        assert any("independent (the prose)" in a for a in found[source].assumptions)


def test_a_claim_false_on_independent_joints_is_not_confirmed():
    found = blocks(TEXT.replace(r"$P(X \mid Y) = P(X)$", r"$P(X \mid Y) = P(Y)$"))
    assert found[r"P(X \mid Y) = P(Y)"].verdict in ("undecided", "refuted")


def test_the_prose_must_name_the_variables():
    # "independent" speaks of X and Y; a claim about U and V in the next sentence is not read under it
    text = TEXT + "For two other variables $U$ and $V$, $P(U \\mid V) = P(U)$.\n"
    assert blocks(text)[r"P(U \mid V) = P(U)"].verdict != "verified"


def test_independence_given_a_third_variable_is_not_plain_independence():
    text = "# Naive\n\nThe features $X$ and $Y$ are independent given the class $C$, so $P(X \\mid Y) = P(X)$.\n"
    assert blocks(text)[r"P(X \mid Y) = P(X)"].verdict != "verified"
