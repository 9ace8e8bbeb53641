r"""Approximations (``\approx``): numeric closeness at the stated precision, or an order of smallness as the
named small quantities go to 0.  Verified with what was sampled; never refuted.

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


def test_a_decimal_value_off_by_more_than_its_precision_is_undecided_not_refuted():
    # log 2 = 0.6931..., so 0.70 is off by 0.0069 > 0.01? no: within; 0.75 is off by 0.057 > 0.01
    assert abs(mpmath.log(2) - mpmath.mpf("0.75")) > 0.01
    [s] = steps(r"$$\log(2) \approx 0.75$$")
    assert s.verdict == "undecided" and "away from the stated" in s.reason


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
