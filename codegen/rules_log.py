r"""The log of one plus a product that can overflow: $\operatorname{log1p}(t) = \log t + \operatorname{log1p}(1/t)$ for $t > 1$.

For $t = \prod_f f^{e_f} > 0$, $\log t = \sum_f e_f \log|f|$ (as $t = |t|$), which never forms $t$:
$\log\bigl(1 + \frac{(x - \mu)^2}{\nu s^2}\bigr)$ at $x = 10^{300}$ (Student-t, Cauchy log-densities,
the Cauchy/Lorentzian robust loss) overflows in $(x - \mu)^2$ and gives $\infty$ where the truth is
about $2 \log|x|$.  Only products holding an integer power of magnitude at least 2 are rewritten
(a square, or the reciprocal of one): those are the ones that overflow while their log is tame.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p


def _powers(t):
    """``[(base, exponent)]`` of the product ``t``, or None if ``t`` is not a product with a power |e| >= 2."""
    if not isinstance(t, (sp.Mul, sp.Pow)):
        return None
    out = []
    for f in sp.Mul.make_args(t):
        base, e = (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.Integer(1))
        if not e.is_number or not e.is_real:
            return None
        out.append((base, e))
    if not any(e.is_integer and abs(e) >= 2 and not b.is_number for b, e in out):
        return None
    return out


def log_of_product(t: sp.Expr) -> sp.Expr:
    r"""$\log t = \sum_f e_f \log|f|$ for a positive product $t = \prod_f f^{e_f}$, never forming $t$."""
    return sp.Add(*[e * sp.log(sp.Abs(b)) for b, e in _powers(t)])


def log1p_large_product(expr: sp.Expr) -> sp.Expr:
    r"""$\operatorname{log1p}(t) \to \begin{cases} \sum_f e_f \log|f| + \operatorname{log1p}(1/t) & t > 1 \\
    \operatorname{log1p}(t) & \text{otherwise}\end{cases}$ for a product $t$ holding a square."""
    def value(e):
        t = e.args[0]
        return sp.Piecewise((log_of_product(t) + log1p(1 / t), t > 1), (log1p(t), True))

    return expr.replace(lambda e: isinstance(e, log1p) and _powers(e.args[0]) is not None, value)
