r"""Whole-line integrals of a polynomial times $e^{\text{concave quadratic}}$ in closed form (``symbolic.gaussian_integral``),
checked against mpmath's quadrature and against the textbook moments of a normal density."""
import mpmath
import pytest
import sympy as sp

from symbolic.gaussian_integral import gaussian_integral

y = sp.Symbol("y", real=True)
u = sp.Symbol("u", real=True)
w = sp.Symbol("w", positive=True)
LINE = (y, -sp.oo, sp.oo)
NORMAL = sp.exp(-(y - u) ** 2 / (2 * w ** 2)) / (w * sp.sqrt(2 * sp.pi))


@pytest.mark.parametrize("integrand", [
    (y ** 3 - 2 * y + 1) * sp.exp(-(2 * y ** 2 - y + sp.Rational(1, 2))),
    y ** 4 * sp.exp(-y ** 2 / 3) * sp.exp(y / 5),                  # two exponential factors, one exponent
    (y - sp.Rational(7, 4)) ** 2 * sp.exp(-sp.pi * y ** 2 + 3 * y),
])
def test_agrees_with_quadrature(integrand):
    """Against mpmath's tanh-sinh quadrature of the same integrand at 30 digits; the integrands are smooth and
    decay like $e^{-a y^2}$, for which it is accurate far below the 1e-20 relative tolerance used here."""
    value = gaussian_integral(sp.Integral(integrand, LINE))
    with mpmath.workdps(30):
        f = sp.lambdify(y, integrand, modules="mpmath")
        reference = mpmath.quad(f, [-mpmath.inf, 0, mpmath.inf])
        assert abs(sp.N(value, 30) - reference) <= mpmath.mpf("1e-20") * abs(reference)


@pytest.mark.parametrize("moment, value", [
    (1, 1),                      # a density integrates to 1
    (y, u),                      # its mean
    ((y - u) ** 2, w ** 2),      # its variance
    ((y - u) ** 3, 0),           # an odd central moment
    ((y - u) ** 4, 3 * w ** 4),  # the fourth central moment
])
def test_normal_moments(moment, value):
    assert sp.cancel(gaussian_integral(sp.Integral(moment * NORMAL, LINE)) - value) == 0


@pytest.mark.parametrize("integral", [
    sp.Integral(sp.exp(-u * y ** 2), LINE),                        # u may be negative: it may diverge
    sp.Integral(sp.exp(y ** 2 - 3), LINE),                         # convex exponent: diverges
    sp.Integral(sp.log(1 + y ** 2) * sp.exp(-y ** 2), LINE),       # not a polynomial times the exponential
    sp.Integral(y ** 2, LINE),                                     # no exponential
    sp.Integral(sp.exp(-y ** 2), (y, 0, sp.oo)),                   # half the line
    sp.Integral(sp.exp(-y ** 4), LINE),                            # a quartic exponent
])
def test_other_integrals_are_left_alone(integral):
    assert gaussian_integral(integral) is None


def test_the_zero_test_proves_a_moment_without_sympys_integrate(monkeypatch):
    """The step checker's ``doit (integrate)`` reduction decides a normal moment in closed form; sympy's ``doit``
    (seconds of Meijer G-functions per moment) is not called."""
    from derivations.checker.strategies import zero

    def no_doit(self, **hints):
        raise AssertionError("sympy's integrate was called")

    monkeypatch.setattr(sp.Integral, "doit", no_doit)
    difference = sp.Integral((y - 2 * u) ** 2 * NORMAL, LINE) - (w ** 2 + u ** 2)
    assert zero.is_zero(zero._cancel_integrated(difference))
