r"""Claims about the mass and density functions of named random variables (readers.notes.law_tables): verified
on random joint laws when they hold for every law, never refuted by that reading when they do not."""
import pytest

from readers.notes.check import check_notes
from readers.latex.parse import parse_block
from readers.notes.law_tables import check_law_tables


def last(text):
    return check_notes(text, path="<test>", budget=5.0).blocks[-1]


def sides(latex):
    (row,) = parse_block(latex).rows
    return row.chain.exprs


_MASS = "## Laws\n\nLet $X$ and $Y$ have the joint probability mass function $p_{XY}$. Then\n\n$$\n{claim}\n$$\n"
_DENSITY = "## Laws\n\nLet $X$ and $Y$ have the joint density $f_{XY}$. Then\n\n$$\n{claim}\n$$\n"


@pytest.mark.parametrize("note, claim", [
    (_MASS, r"\sum_{x \in Val(X)} p_X(x) = 1"),
    (_MASS, r"\sum_{x \in Val(X)} \sum_{y \in Val(Y)} p_{XY}(x, y) = 1"),
    (_MASS, r"p_X(x) = \sum_y p_{XY}(x, y)"),
    (_DENSITY, r"\int^{\infty}_{-\infty} \int^{\infty}_{-\infty} f_{XY}(x,y) = 1"),
    (_DENSITY, r"f_X(x) = \int_{-\infty}^\infty f_{XY}(x, y) \; dy"),
    ("## Laws\n\nFor any density $p$ we have\n\n$$\n{claim}\n$$\n", r"\int_{-\infty}^{\infty} p(x) \; dx = 1"),
])
def test_facts_of_every_law_are_verified(note, claim):
    block = last(note.replace("{claim}", claim))
    assert block.verdict == "verified", block.steps
    assert any("laws of the variables" in s.method for s in block.steps)


@pytest.mark.parametrize("claim", [
    r"\sum_{x \in Val(X)} p_X(x) = 2",
    r"\sum_y p_{XY}(x, y) = 1",
    r"\sum_{x \in Val(X)} p_X(x)^2 = 1",
    r"p_X(x) = \sum_y p_{XY}(y, x)",
    r"\sum_{x \in Val(Y)} p_X(x) = 1",
])
def test_claims_that_fail_for_some_law_are_not_confirmed(claim):
    block = last(_MASS.replace("{claim}", claim))
    assert block.verdict not in ("proved", "verified"), block.steps


@pytest.mark.parametrize("claim", [
    r"p_{XY}(x, y) = p_X(x) p_Y(y)",  # independence: not every law
    r"\int_{-\infty}^{\infty} x f_X(x) \; dx = 0",  # a mean: not every law
    r"\int^{\infty}_{-\infty} f_X(x) = 2",
    r"f_X(x) = \int_{-\infty}^\infty f_{XY}(y, x) \; dy",
])
def test_the_reading_rejects_what_fails_on_a_random_law(claim):
    lhs, rhs = sides(claim)
    assert check_law_tables(lhs, "=", rhs) is None


def test_a_bare_p_is_a_law_only_where_the_prose_says_so():
    lhs, rhs = sides(r"\int_{-\infty}^{\infty} p(x) \; dx = 1")
    assert check_law_tables(lhs, "=", rhs, cue=False) is None
    assert check_law_tables(lhs, "=", rhs, cue=True) is not None


def test_a_parameter_leaves_the_claim_unread():
    lhs, rhs = sides(r"\sum_{x \in Val(X)} a p_X(x) = a")  # true, but a is not a value of a random variable
    assert check_law_tables(lhs, "=", rhs) is None


@pytest.mark.parametrize("claim", [
    r"$P(A=a, B=b) \leq P(A=a)$",
    r"$0 \leq \frac{P(A=a, B=b)}{P(A=a)} \leq 1$",
    r"$P(A = a \mid B = b) = \frac{P(B = b \mid A = a) P(A = a)}{P(B = b)}$",
])
def test_claims_about_events_of_every_joint_law_are_verified(claim):
    block = last(f"## Joint probability\n\nFor any values $a$ and $b$, {claim}.\n")
    assert block.verdict == "verified", block.steps


@pytest.mark.parametrize("claim", [
    r"P(A=a) \leq P(A=a, B=b)",
    r"P(A = a, B = b) = P(A = a) P(B = b)",  # independence
    r"P(H=1) = P(H=1, D=0) + P(H=1, D=1)",  # D may take a third value: no support is guessed
])
def test_event_claims_that_fail_for_some_law_are_not_read(claim):
    lhs, rhs = sides(claim)
    assert check_law_tables(lhs, "<=" if "leq" in claim else "=", rhs) is None


_CDF = ("## CDF\n\nLet $X$, $Y$ have the cumulative distribution functions\n\n$$F_X(x) = P(X \\leq x)$$\n\n"
        "$$F_{XY}(x, y) = P(X \\leq x, Y \\leq y)$$\n\nProperties:\n\n- $${claim}$$\n")


@pytest.mark.parametrize("claim", [
    r"lim_{x→-\infty} F_X(x) = 0",  # lim without its backslash, as notes write it
    r"\lim_{x \to \infty} F_X(x) = 1",
    r"F_X(x) = lim_{y \rightarrow \infty} F_{XY} (x, y)",
])
def test_limits_of_distribution_functions_are_verified(claim):
    block = last(_CDF.replace("{claim}", claim))
    assert block.verdict == "verified", block.steps


@pytest.mark.parametrize("claim", [
    r"lim_{x→\infty} F_X(x) = 0",
    r"F_Y(x) = lim_{y \rightarrow \infty} F_{XY} (x, y)",
    r"P(X < x) = 1 - P(X > x)",
    r"\lim_{x\to\infty} x F_X(x) = 1",  # not constant beyond the support: no limit read
])
def test_wrong_limits_and_events_are_not_read(claim):
    lhs, rhs = sides(claim)
    assert check_law_tables(lhs, "=", rhs) is None


def test_bare_lim_is_a_limit():
    lhs, _ = sides(r"lim_{x \to 0} x = 0")
    assert type(lhs).__name__ == "Limit"
    lhs, _ = sides(r"lim = 3")  # a name lim, with no subscript
    assert type(lhs).__name__ == "Symbol"
