"""One scalar expression evaluated two ways for the rule tests: in float64 as generated code would (NumPy and SciPy
functions, overflow and invalid warnings silenced), and in mpmath at many digits, the truth."""
import mpmath
import numpy as np
import sympy as sp


def float64_at(args, expr, values) -> float:
    """``expr`` at ``values`` in float64."""
    with np.errstate(all="ignore"):
        return float(sp.lambdify(args, expr, modules=["scipy", "numpy"])(*[np.float64(v) for v in values]))


def mpmath_at(args, expr, values, digits: int) -> float:
    """``expr`` at ``values`` in mpmath at ``digits`` digits, rounded to the nearest float."""
    with mpmath.workdps(digits):
        return float(sp.lambdify(args, expr, modules="mpmath")(*[mpmath.mpf(v) for v in values]))
