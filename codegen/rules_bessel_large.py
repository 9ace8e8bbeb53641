r"""The log of a scaled Bessel function past the float range of its argument, from the leading term of its series.

.. math:: \log\operatorname{i0e}(z) = -\tfrac12\log(2\pi) - \tfrac12\log|z| + O(1/|z|) \qquad (|z| > 10^{17})

with $\log|z| = \sum_f e_f\log|f|$ over the factors $f^{e_f}$ of a product $z$ (identity ``log_i0e_large``; the next
term $\log(1 + \frac{1}{8|z|} + \dots)$ is below $10^{-18}$ there).  ``log_bessel_i`` writes $\log I_0(z) = |z| +
\log\operatorname{i0e}(z)$, but $z = x\nu/\sigma^2$ of the Rice log-density overflows at $x = \nu = 10^{300}$, and
$\operatorname{i0e}(\infty) = 0$ makes the log $-\infty$ where the truth is $-691$.  Below $10^{17}$ the log is kept
as written.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import i0e

LOG_LARGE = sp.log(sp.Integer(10) ** 17)
r"""$\log 10^{17}$: beyond it $\frac{1}{8|z|} < 1.3\cdot10^{-18}$, the series' first omitted term."""


def _log_magnitude(z):
    r"""$\sum_f e_f \log|f|$ over the factors of the product ``z``, else None (a sum is no product)."""
    out = []
    for f in sp.Mul.make_args(z):
        base, e = f.as_base_exp()
        if isinstance(base, sp.Add) and not f.is_number:
            return None
        out.append(e * sp.log(sp.Abs(base)))
    return sp.Add(*out)


def _large(e) -> bool:
    return (isinstance(e, sp.log) and isinstance(e.args[0], i0e) and not e.args[0].args[0].is_number
            and _log_magnitude(e.args[0].args[0]) is not None)


def log_i0e_large(expr: sp.Expr) -> sp.Expr:
    r"""$\log\operatorname{i0e}(z) \to -\frac12\log(2\pi) - \frac12\log|z|$ where $\log|z| > \log 10^{17}$."""
    def value(e):
        big = _log_magnitude(e.args[0].args[0])
        return sp.Piecewise((-sp.log(2 * sp.pi) / 2 - big / 2, big > LOG_LARGE), (e, True))

    return expr.replace(_large, value)
