"""The sympy nodes of symbolic/functions.py: Phi (ndtr) and log Phi (log_ndtr) against mpmath's own normal CDF."""
import mpmath
import pytest
import sympy as sp

from derivations.numeric.printers import FormularyMpmathPrinter
from symbolic.functions import log_ndtr, ndtr

DPS = 50
TOL = mpmath.mpf(10) ** -40
"""Relative: both sides are evaluated at 50 digits; 10 digits of margin for the erfc evaluation's own error."""
X = sp.Symbol("x", real=True)
POINTS = ["-1e4", "-40", "-3", "0", "0.5", "7", "40"]
"""Far in the lower tail, where Phi underflows any float and 1 - erfc(...) would cancel to nothing, and above."""


def _truth(name, x):
    p = mpmath.ncdf(x)
    return p if name == "ndtr" else mpmath.log(p)


@pytest.mark.parametrize("node", [ndtr, log_ndtr], ids=lambda n: n.__name__)
@pytest.mark.parametrize("point", POINTS)
def test_the_printed_mpmath_code_agrees_with_mpmath_ncdf(node, point):
    f = sp.lambdify(X, node(X), modules=[{"mpmath": mpmath}, "mpmath"], printer=FormularyMpmathPrinter)
    with mpmath.workdps(DPS):
        x = mpmath.mpf(point)
        got, want = f(x), _truth(node.__name__, x)
        assert abs(got - want) <= TOL * abs(want) or want == 0


@pytest.mark.parametrize("node", [ndtr, log_ndtr], ids=lambda n: n.__name__)
@pytest.mark.parametrize("point", ["-40", "-3", "0.5"])
def test_evalf_agrees_with_mpmath_ncdf(node, point):
    with mpmath.workdps(DPS):
        want = _truth(node.__name__, mpmath.mpf(point))
        got = mpmath.mpf(str(node(sp.Float(point, DPS)).evalf(DPS)))
        assert abs(got - want) <= TOL * abs(want)


def test_both_are_real_for_a_real_argument_and_unknown_otherwise():
    assert ndtr(X).is_real and log_ndtr(X).is_real
    assert ndtr(sp.Symbol("z")).is_real is None
