r"""Approximations (``\approx``): numeric closeness at the stated precision, or an order of smallness as the
named small quantities go to 0.  Verified with what was sampled; refuted only for a number off by
more than its written precision and a relative margin allow.

Expected verdicts are justified by hand (Taylor's theorem) and by mpmath in the tests themselves."""
import mpmath
import sympy as sp

from readers.notes.approximation import check_approximation, decimal_places
from readers.notes.check import check_notes

BUDGET = 30.0
"""Seconds per claim: far above the second or so these take."""


def steps(text):
    return [s for b in check_notes(text, budget=BUDGET).blocks for s in b.steps]


def test_a_decimal_value_is_checked_to_its_last_stated_digit():
    # mpmath, independently: log(sqrt(2 pi e)) = 1.41893853320467274178...
    exact = mpmath.log(mpmath.sqrt(2 * mpmath.pi * mpmath.e))
    assert abs(exact - mpmath.mpf("1.4189385332")) < 1e-10
    [s] = steps(r"$$\log\left(\sqrt{2\pi e}\right) \approx 1.4189385332$$")
    assert s.verdict == "verified" and "stated precision" in s.method and s.role == "approximation"


def test_a_decimal_value_off_by_more_than_its_precision_but_within_the_relative_margin_is_undecided():
    # (1 - 1/100)^100 = 0.36603...: 0.368 (1/e, the limit) is off by 0.0020 > 0.001, but by 0.54 % < REL = 5 %
    exact = (1 - mpmath.mpf(1) / 100) ** 100
    assert 0.001 < abs(exact - mpmath.mpf("0.368")) < 0.05 * exact
    [s] = steps(r"$$\left(1 - \frac{1}{100}\right)^{100} \approx 0.368$$")
    assert s.verdict == "undecided" and "away from the stated" in s.reason


def test_a_decimal_value_off_by_more_than_its_precision_and_the_margin_is_refuted_in_every_log_base():
    # log 2 = 0.693 (e), 1 (base 2), 0.301 (base 10): 0.75 is off by more than 0.01 and 5 % in each
    for base in (mpmath.e, 2, 10):
        exact = mpmath.log(2, base)
        assert abs(exact - mpmath.mpf("0.75")) > max(0.01, 0.05 * exact)
    [s] = steps(r"$$\log(2) \approx 0.75$$")
    assert s.verdict == "refuted" and "written precision" in s.reason
    assert mpmath.almosteq(mpmath.mpf(s.counterexample["lhs"]), mpmath.log(2), 1e-15)


def test_decimal_places():
    assert decimal_places(sp.Rational(14189, 10000)) == 4
    assert decimal_places(sp.Integer(3)) == 0
    assert decimal_places(sp.Rational(1, 3)) is None


def test_taylor_polynomials_of_an_arbitrary_function_are_verified():
    # Taylor: f(x) - sum_{k<=n} f^(k)(x0)(x-x0)^k/k! = O((x-x0)^(n+1))
    second = r"$$f(x) \approx \frac{1}{2}\frac{d^2f}{dx^2}(x_0)(x-x_0)^{2}+ \frac{df}{dx}(x_0)(x-x_0) + f(x_0).$$"
    first = r"$$L(w+\epsilon) \approx L(w) + \epsilon \frac{d}{dw} L(w).$$"
    for text in (second, first):
        [s] = steps(text)
        assert s.verdict == "verified", s.reason
        assert "random smooth functions" in s.method and "t = 1e-3..1e-5" in s.method


def test_a_wrong_taylor_coefficient_is_not_verified():
    # without the 1/2 the residual is -f''(x0)(x-x0)^2/2: order 2, not above the order 2 of its terms
    [s] = steps(r"$$f(x) \approx \frac{d^2f}{dx^2}(x_0)(x-x_0)^{2}+ \frac{df}{dx}(x_0)(x-x_0) + f(x_0).$$")
    assert s.verdict == "undecided"
    # a wrong first-order term: e^eps ~ 1 + 2 eps has residual -eps + O(eps^2)
    [s] = steps(r"$$e^{\epsilon} \approx 1 + 2\epsilon$$")
    assert s.verdict == "undecided"


def test_a_concrete_linearisation_is_verified():
    # log(e^{a} + e^{b}) near (0, log 2): gradient (1/3, 2/3) at that point, by hand
    text = "\n\n".join([r"$$f(x, y) = \log(e^x + e^y)$$",
                        r"$$f(\epsilon_1, \log(2) + \epsilon_2) \approx \log(3) + \frac{1}{3}\epsilon_1 + "
                        r"\frac{2}{3}\epsilon_2.$$"])
    assert [s.verdict for s in steps(text)] == ["verified"]
    # and with the gradient swapped it is not
    text = text.replace(r"\frac{1}{3}\epsilon_1 + \frac{2}{3}", r"\frac{2}{3}\epsilon_1 + \frac{1}{3}")
    assert [s.verdict for s in steps(text)] == ["undecided"]


def test_without_a_small_quantity_an_approximation_is_undecided():
    x = sp.Symbol("x")
    verdict, why = check_approximation(sp.sin(x), x)
    assert verdict == "undecided" and "small quantity" in why


def test_an_order_zero_approximation_is_not_evidence():
    eps, x = sp.symbols("epsilon x")
    verdict, _ = check_approximation(sp.exp(x + eps), sp.exp(x))
    assert verdict == "undecided"
