"""sympy's floor and ceiling of a number, certified (``symbolic.integer_part``); each value is checked against
mpmath at 50 digits, far more than the gaps to the nearest integer here need."""
import mpmath
import pytest
import sympy as sp

import symbolic.integer_part  # noqa: F401 - installs the certified integer part

X = sp.Rational("99.7229305048659")
"""Here $x + \\sin x = 99 - 2.9 \\cdot 10^{-14}$: sympy 1.14 alone gives floor 99."""


def reference(text):
    with mpmath.workdps(50):
        return mpmath.floor(mpmath.mpf(text) + mpmath.sin(mpmath.mpf(text)))


def test_a_number_just_below_an_integer_has_the_lower_floor():
    assert reference("99.7229305048659") == 98
    assert sp.floor(X + sp.sin(X)) == 98
    assert sp.ceiling(X + sp.sin(X)) == 99
    assert int(sp.floor(X + sp.sin(X), evaluate=False).evalf()) == 98  # evalf's own floor


@pytest.mark.parametrize("expr, floor, ceiling", [
    (sp.log(1000) / sp.log(10), 3, 3),  # exactly an integer: shown by sympy's own equals(0)
    (sp.exp(sp.pi * sp.sqrt(163)), 262537412640768743, 262537412640768744),  # 7.5e-13 below an integer
    (-sp.E, -3, -2), (sp.pi, 3, 4), (sp.Integer(7), 7, 7),
])
def test_floor_and_ceiling_of_exact_numbers(expr, floor, ceiling):
    with mpmath.workdps(60):
        value = mpmath.mpf(sp.N(expr, 60)._mpf_)
        if floor == ceiling:  # an integer: 60 digits put it within 1e-50 of it
            assert abs(value - floor) < mpmath.mpf(10) ** -50
        else:
            assert floor < value < ceiling == floor + 1
    assert (sp.floor(expr), sp.ceiling(expr)) == (floor, ceiling)
