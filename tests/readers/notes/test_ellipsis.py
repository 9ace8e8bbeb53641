r"""Sums and series written out with an ellipsis: proved when the written terms are the sum's first (and
last) terms or the function's Taylor polynomial; a wrong Taylor coefficient is refuted; a sum's listing that does
not match stays undecided (too few terms to pin down what the ellipsis stands for).

Expected verdicts by hand: e^x = sum x^n/n! (terms 1, x, x^2/2, x^3/6); sin x = x - x^3/6 + O(x^5);
cos x = 1 - x^2/2 + ..., so 1 - x^2/3 is wrong; the sum of beta_i x_i from 1 to n begins with beta_1 x_1
and ends with beta_n x_n."""
import sympy as sp

from readers.notes.check import check_notes
from readers.notes.ellipsis import check_listed, listed_terms

BUDGET = 30.0
"""Seconds per claim: far above what these take."""


def verdicts(text):
    return [s.verdict for b in check_notes(text, budget=BUDGET).blocks for s in b.steps]


def test_first_terms_of_an_infinite_sum():
    # independent check: sympy's series of e^x to degree 3
    x = sp.Symbol("x")
    assert sp.series(sp.exp(x), x, 0, 4).removeO() == 1 + x + x**2 / 2 + x**3 / 6
    text = r"$$e^{x} = \sum_{n = 0}^\infty \frac{x^{n}}{n!} = 1 + x + \frac{x^2}{2} + \frac{x^3}{6} + \cdots.$$"
    assert verdicts(text) == ["proved", "proved"]


def test_first_and_last_terms_of_a_finite_sum():
    text = r"$$\sum_{i = 1}^{n} \beta_ix_i = \beta_1x_1 + \cdots + \beta_nx_n.$$"
    assert verdicts(text) == ["proved"]
    # the last term with the wrong index (beta_n x_1) is no term of the sum at n = 5
    assert verdicts(r"$$\sum_{i = 1}^{n} \beta_ix_i = \beta_1x_1 + \cdots + \beta_nx_1.$$") == ["undecided"]


def test_taylor_polynomial_of_a_function():
    x = sp.Symbol("x")
    assert sp.series(sp.sin(x), x, 0, 4).removeO() == x - x**3 / 6
    assert verdicts(r"$$\sin(x) = x - \frac{x^3}{6} + \cdots$$") == ["proved"]
    # cos x = 1 - x^2/2 + ...: the written x^2 coefficient -1/3 is wrong whatever the ellipsis stands for
    assert sp.series(sp.cos(x), x, 0, 3).removeO() == 1 - x**2 / 2
    assert verdicts(r"$$\cos(x) = 1 - \frac{x^2}{3} + \cdots$$") == ["refuted"]
    # sqrt(x^2 + 1) = x + ... is the leading term at infinity, not a Taylor polynomial at 0: not refuted
    assert sp.limit((sp.sqrt(x**2 + 1) - x) / x, x, sp.oo) == 0
    assert verdicts(r"$$\sqrt{x^2 + 1} = x + \cdots$$") == ["undecided"]


def test_wrong_first_terms_are_undecided_not_refuted():
    assert verdicts(r"$$\sum_{n = 0}^\infty \frac{x^{n}}{n!} = 1 + x + x^2 + \cdots.$$") == ["undecided"]


def test_listed_terms_needs_one_bare_ellipsis():
    dots, x = sp.Symbol(r"\ldots"), sp.Symbol("x")
    assert listed_terms(1 + x + dots) == [1, x] or set(listed_terms(1 + x + dots)) == {1, x}
    assert listed_terms(1 + x * dots) is None
    assert check_listed(sp.Function("f")(x), [sp.Integer(1)]) is None
