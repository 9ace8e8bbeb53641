r"""Entropy identities on random discrete joint distributions: verified when they hold on every draw,
undecided (never refuted) when they fail.

Expected verdicts: the chain rule H(Y|X) = H(X,Y) - H(X) and I(X,Y) = I(Y,X) >= 0 hold for every joint
distribution (Cover & Thomas, ch. 2); H(X,Y) = H(X) + H(Y) holds exactly for independent X, Y; the
numbers in the first test are computed here by hand from the definitions with mpmath."""
import mpmath
import sympy as sp

from readers.latex.parse import Given
from readers.notes.check import check_notes
from readers.notes.entropy import _value, check_entropy

BUDGET = 30.0
"""Seconds per claim: far above what these take."""

X, Y = sp.symbols("X Y")
H, I = sp.Function("H"), sp.Function("I")


def verdicts(text):
    return [s.verdict for b in check_notes(text, budget=BUDGET).blocks for s in b.steps]


def test_values_from_the_definitions():
    # p(x, y) = [[1/2, 0], [1/4, 1/4]]: H(X) = log 2, H(X, Y) = 1.5 log 2, I = H(X) + H(Y) - H(X, Y)
    half, quarter = sp.Rational(1, 2), sp.Rational(1, 4)
    joint = {(0, 0): half, (0, 1): 0, (1, 0): quarter, (1, 1): quarter}
    names = ["X", "Y"]
    assert abs(_value(H(X), joint, names) - mpmath.log(2)) < 1e-12
    assert abs(_value(H(X, Y), joint, names) - 1.5 * mpmath.log(2)) < 1e-12
    h_y = -(0.75 * mpmath.log(0.75) + 0.25 * mpmath.log(0.25))
    assert abs(_value(I(X, Y), joint, names) - (mpmath.log(2) + h_y - 1.5 * mpmath.log(2))) < 1e-12
    assert abs(_value(H(Y, Given(X)), joint, names) - 0.5 * mpmath.log(2)) < 1e-12


def test_identities_that_hold_for_every_joint_distribution():
    assert check_entropy(H(Y, Given(X)), "=", H(X, Y) - H(X))[0] == "verified"
    assert check_entropy(I(X, Y), "=", I(Y, X))[0] == "verified"
    assert check_entropy(I(X, Y), ">=", sp.Integer(0))[0] == "verified"
    assert check_entropy(H(X, Y), "<=", H(X) + H(Y))[0] == "verified"


def test_additivity_needs_independence():
    assert check_entropy(H(X, Y), "=", H(X) + H(Y))[0] == "undecided"
    assert check_entropy(H(X, Y), "=", H(X) + H(Y), independent=True)[0] == "verified"


def test_in_notes():
    text = "\n\n".join([r"Using the definitions above, $$H(Y \mid X) = H(X, Y) - H(X).$$",
                        r"If $X$ and $Y$ are independent then $H(X, Y) = H(X) + H(Y)$.",
                        r"In general $H(X, Y) = H(X) + H(Y \mid X) + 1$."])
    out = verdicts(text)
    assert out[:2] == ["verified", "verified"] and out[-1] != "verified" and "refuted" not in out
