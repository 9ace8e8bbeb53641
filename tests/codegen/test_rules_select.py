"""``heaviside_select`` (motivated by CELU's gradient) on the gradient of another branch: $\\min(0, \\sinh x)$."""
import math

import numpy as np
import sympy as sp

from codegen.rules import RULES, stabilize
from derivations.numeric.printers import FormularyNumPyPrinter

x = sp.Symbol("x", real=True)


def _np(expr):
    return sp.lambdify((x,), expr, modules="numpy", printer=FormularyNumPyPrinter)


def test_heaviside_select_drops_the_factor_of_a_branch_not_taken():
    """$\\frac{d}{dx}\\min(0, \\sinh x) = \\cosh(x)\\,H(-\\sinh x)$: at $x = 10^{300}$ the product is $\\infty \\cdot 0$
    (nan) where the truth is 0; below 0 it is $\\cosh x$ (exact to the rounding of numpy's cosh)."""
    grad = sp.diff(sp.Min(0, sp.sinh(x)), x).rewrite(sp.Heaviside)
    grad = grad.replace(lambda e: isinstance(e, sp.Heaviside), lambda e: sp.Heaviside(e.args[0], 0))
    assert grad.has(sp.Heaviside)
    selections = ("heaviside_select", "heaviside_select_first")  # the same selection, before and after the others
    without, _ = stabilize(grad, tuple(r for r in RULES if r.name not in selections))
    new, fired = stabilize(grad)
    assert set(selections) & set(fired)
    with np.errstate(all="ignore"):
        assert math.isnan(_np(without)(np.float64(1e300)))
        assert _np(new)(np.float64(1e300)) == 0.0
        assert _np(new)(np.float64(700.0)) == 0.0
        for v in (-3.0, -0.25, -700.0):
            assert abs(_np(new)(np.float64(v)) - math.cosh(v)) <= 4e-16 * math.cosh(v), v
        assert _np(new)(np.float64(0.0)) == 0.0  # H(0) = 0: the convention the definitions state


def test_heaviside_select_leaves_a_sum_and_a_bare_step_alone():
    i, n = sp.symbols("i n", integer=True)
    a = sp.IndexedBase("a", real=True)
    summed = sp.Sum(sp.Heaviside(a[i], 0) * a[i], (i, 0, n - 1))
    rule = next(r for r in RULES if r.name == "heaviside_select")
    assert rule.apply(summed) == summed
    assert rule.apply(sp.Heaviside(x, 0)) == sp.Heaviside(x, 0)
    assert rule.apply(3 * sp.Heaviside(x, 0)) == 3 * sp.Heaviside(x, 0)
