"""A step's sides compiled in the caller (``evaluate.compile_before_fork``) are remembered, inherited by the rungs'
children, and evaluate as a fresh compilation does."""
import mpmath
import pytest
import sympy as sp

from derivations.checker.budget import run_with_budget
from derivations.checker.step import Step
from derivations.checker.strategies import evaluate
from derivations.checker.strategies.instances import Unsupported, instances

x = sp.Symbol("x", real=True)
y = sp.Symbol("y", positive=True)
STEP = Step(sp.log(y) + x**2, x * x + sp.log(y), assumptions=(sp.Gt(x, -3),))


def _inherited(step) -> bool:
    """In a forked child: whether compiling the step's sides found them all compiled already."""
    before = evaluate._compiled.cache_info()
    for inst in instances(step)[0]:
        for side in (inst.lhs, inst.rhs):
            evaluate.compile_expr(inst.symbols, side)
    after = evaluate._compiled.cache_info()
    return after.misses == before.misses and after.hits > before.hits


def test_children_inherit_the_sides_compiled_before_the_fork():
    evaluate._compiled.cache_clear()
    assert run_with_budget(_inherited, STEP, seconds=30.0).value is False  # nothing compiled before: the child does
    evaluate.compile_before_fork(STEP, seconds=30.0)
    assert run_with_budget(_inherited, STEP, seconds=30.0).value is True


def test_a_remembered_function_evaluates_as_a_fresh_compilation():
    evaluate._compiled.cache_clear()
    expr = sp.exp(x) / (1 + y) - sp.sqrt(y)
    first = evaluate.compile_expr([x, y], expr)
    again = evaluate.compile_expr((x, y), sp.exp(x) / (1 + y) - sp.sqrt(y))  # an equal expression, a tuple of symbols
    assert again is first
    fresh = sp.lambdify([x, y], expr, modules="mpmath")
    with mpmath.workdps(50):
        for point in ((0.5, 2.0), (-3.25, 1e-300), (700.0, 1e300)):
            args = [mpmath.mpf(v) for v in point]
            assert first(*args) == fresh(*args)  # bit for bit: the same source


def test_the_order_of_the_symbols_is_part_of_what_is_remembered():
    evaluate._compiled.cache_clear()
    xy = evaluate.compile_expr([x, y], x - y)
    yx = evaluate.compile_expr([y, x], x - y)
    assert xy(1, 2) == -1 and yx(1, 2) == 1


def test_an_uncompilable_side_is_refused_each_time_and_not_remembered():
    evaluate._compiled.cache_clear()
    for _ in range(2):
        with pytest.raises(Unsupported):
            evaluate.compile_expr([x], x**2 * sp.DiracDelta(x))
    assert evaluate._compiled.cache_info().currsize == 0


def test_a_limit_or_an_integral_is_left_to_the_children():
    evaluate._compiled.cache_clear()
    evaluate.compile_before_fork(Step(sp.sin(x) / x, sp.Integer(1), "->", variable=x, point=sp.Integer(0)), seconds=30.0)
    evaluate.compile_before_fork(Step(sp.Integral(sp.exp(-x**2), (x, 0, y)), y), seconds=30.0)
    assert evaluate._compiled.cache_info().currsize == 0  # the probe samples neither


@pytest.mark.parametrize("name", ["f", "f''", "\\sigma'"])
def test_an_undefined_function_is_refused_not_printed_into_python(name):
    """A function the claim never defines has no value at a point.  Printed to Python it failed only when called
    (``f(x)`` by name), or read as other Python: ``f''(x)`` is an empty f-string called (a SyntaxWarning, then a
    TypeError taken for a point where the side is undefined)."""
    import warnings

    applied = sp.Function(name)(x)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(Unsupported, match="does not define"):
            evaluate.compile_expr([x], x + applied)
    implemented = sp.Function("twice", real=True)
    from sympy.utilities.lambdify import implemented_function
    twice = implemented_function(implemented, lambda v: 2 * v)
    assert evaluate.compile_expr([x], twice(x) + 1)(mpmath.mpf(3)) == 7
