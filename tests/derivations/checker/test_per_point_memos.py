"""What the numeric rung remembers instead of recomputing at every sampled point equals what it would compute
afresh, and cannot leak between callers: an instance's ``is_complex`` and ``symbols``, a symbol's sign and
integrality requirements (``sampling._required``), the rounding unit of a precision (``evaluate.rounding_unit``)."""
import dataclasses

import mpmath
import numpy as np
import sympy as sp

from derivations.checker.step import Step
from derivations.checker.strategies import evaluate, sampling
from derivations.checker.strategies.instances import instances

x = sp.Symbol("x", real=True)


def test_an_instance_remembers_what_a_fresh_one_computes_and_a_replaced_one_computes_again():
    (inst,), _ = instances(Step(x**2, x * x, "="))
    assert inst.is_complex is False and inst.is_complex is False  # the second read is the remembered one
    assert inst.symbols == tuple(s for g in inst.groups for s in g.symbols)
    imaginary = dataclasses.replace(inst, rhs=sp.I * x)  # a replaced instance is another object: asked afresh
    assert imaginary.is_complex is True and inst.is_complex is False
    assert dataclasses.replace(inst, groups=()).symbols == () and inst.symbols != ()
    assert imaginary == dataclasses.replace(inst, rhs=sp.I * x)  # equality and hashing still see the fields only
    assert hash(imaginary) == hash(dataclasses.replace(inst, rhs=sp.I * x))


def test_a_symbols_requirements_are_its_own_assumptions_not_those_of_a_namesake():
    plain, positive, integer = sp.Symbol("t"), sp.Symbol("t", positive=True), sp.Symbol("t", integer=True, nonzero=True)
    for symbol in (positive, plain, integer, positive):  # whichever is asked first, each gets its own
        fresh = tuple(bool(f) for f in (symbol.is_positive, symbol.is_nonnegative, symbol.is_negative,
                                        symbol.is_nonpositive, symbol.is_nonzero, symbol.is_integer))
        assert sampling._required(symbol) == fresh
    assert sampling._fits(plain, -1.5) and not sampling._fits(positive, -1.5) and not sampling._fits(positive, 0.0)
    assert not sampling._fits(integer, 0.5) and not sampling._fits(integer, 0.0) and sampling._fits(integer, -3.0)
    assert not sampling._fits(plain, float("nan")) and not sampling._fits(plain, np.inf)


def test_the_rounding_unit_is_the_power_computed_afresh_at_that_precision():
    for dps in (30, 50, 51, 137, 1250):
        with mpmath.workdps(dps):
            fresh = mpmath.mpf(10) ** (evaluate.TOLERANCE_MARGIN - dps)
        assert evaluate.rounding_unit(dps)._mpf_ == fresh._mpf_
    with mpmath.workdps(60):
        l, r = mpmath.mpf(3), mpmath.mpf(3) + mpmath.mpf(10) ** -55
        assert evaluate.rounding_unit(60)._mpf_ == (mpmath.mpf(10) ** (evaluate.TOLERANCE_MARGIN - 60))._mpf_
    assert evaluate.compare("=", l, r, 60) == "near" and evaluate.compare("=", l, r + 1, 60) == "fails"


def test_the_exact_rung_values_in_fractions_are_sympys_and_none_where_sympy_meets_an_infinity():
    from fractions import Fraction

    from derivations.checker.strategies.exact import is_rational_expression, rational_value

    a, b = sp.Symbol("a", real=True), sp.Symbol("b", positive=True)
    exprs = ((a + 1) ** 2 / (b - a) - 3 * a * b**-2, a**3 - (a - b) * (a + b) + sp.Rational(7, 3),
             (a / b + b / a) ** -2, 1 / (1 / a + 1), (a - a * b) / (b**2 - 1), sp.Integer(5))
    points = [{a: sp.Rational(p), b: sp.Rational(q)} for p, q in
              (("-3/7", "5/2"), ("0", "1"), ("1", "1"), ("-1", "1e-30"), ("123456789/1000", "3"), ("2", "2"))]
    for expr in exprs:
        assert is_rational_expression(expr)
        for point in points:
            value = rational_value(expr, {s: Fraction(int(v.p), int(v.q)) for s, v in point.items()})
            exact = expr.xreplace(point)
            if value is None:  # a zero divisor on the way: sympy decides (zoo, nan, or 1/(1/0 + 1) = 0)
                assert any(p.exp.is_negative and p.base.xreplace(point) == 0 for p in expr.atoms(sp.Pow)), (expr, point)
            else:
                assert exact.is_Rational and Fraction(int(exact.p), int(exact.q)) == value, (expr, point)
    assert rational_value(1 / (1 / a + 1), {a: Fraction(0)}) is None and (1 / (1 / a + 1)).xreplace({a: 0}) == 0
    assert rational_value(a + b, {a: Fraction(1)}) is None  # a symbol without a value: sympy's tree, not a number
    assert rational_value(sp.sqrt(a), {a: Fraction(4)}) is None  # not a rational expression: no program
