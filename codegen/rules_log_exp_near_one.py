r"""The log of an exponential plus terms free of exponentials, near 1: $\log(e^{u} + R) = \operatorname{log1p}(\operatorname{expm1}(u) + R)$.

Where $S = e^{u} + R \ge \tfrac12$ the sum less one is formed as $\operatorname{expm1}(u) + R$ without rounding $R$
away against the 1 of $e^{u}$ (identity ``log_exp_near_one``); elsewhere the log is kept as written (there is no 1 to
lose, and $\operatorname{expm1}(u) + R$ would cancel near $-1$).  The Blake-Zisserman loss $-\log(e^{-r^2/c^2} +
\epsilon)$ at $r = 10^{-300}$, $\epsilon = 10^{-300}$ is $-10^{-300}$; $e^{-r^2/c^2} + \epsilon$ rounds to 1 and the log to
0 (error 1).  Costly (search only): kept where measurably more accurate.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

HALF = sp.Rational(1, 2)
"""Below this the sum is left to the log as written (``log_add_near_top``'s threshold, with its reasons)."""


def _exp_and_rest(e):
    """``(u, R)`` where ``e`` is ``log(exp(u) + R)``, ``R`` free of exponentials and not a number, else None."""
    if not isinstance(e, sp.log) or not isinstance(e.args[0], sp.Add):
        return None
    exps = [t for t in e.args[0].args if isinstance(t, sp.exp)]
    if len(exps) != 1:
        return None
    rest = e.args[0] - exps[0]
    if rest.is_number or rest.has(sp.exp, sp.Piecewise):
        return None
    return exps[0].args[0], rest


def log_exp_near_one(expr: sp.Expr) -> sp.Expr:
    r"""$\log(e^{u} + R) \to \operatorname{log1p}(\operatorname{expm1}(u) + R)$ where $e^{u} + R \ge \tfrac12$."""
    def value(e):
        u, rest = _exp_and_rest(e)
        return sp.Piecewise((log1p(expm1(u) + rest), e.args[0] >= HALF), (e, True))

    return expr.replace(lambda e: _exp_and_rest(e) is not None, value)
