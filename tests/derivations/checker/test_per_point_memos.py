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
