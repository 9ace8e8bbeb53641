r"""The log of one plus a large power: $\log(1 + A^{p}) = p\log A + \operatorname{log1p}(A^{-p})$ where $A^{p} > 1$.

$A^{p}$ overflows long before its log does: the log-logistic cumulative hazard $\log(1 + (t/\alpha)^{\beta})$ at
$t/\alpha = 10^{300}$, $\beta = 2$ is $\infty$ where the truth is $1381.6$ (and at $t = 10^{300}$, $\alpha = 10^{-300}$
the quotient itself overflows).  With $\log A = \sum_i k_i \log|f_i|$ over the factors $f_i^{k_i}$ of $A$ (equal to
$\log A$ wherever $A > 0$, which a real power of a non-integer exponent requires), neither the power nor the quotient
is formed on that side (identity ``log1p_power``); $A^{-p} \le 1$ there.  The other side keeps
$\operatorname{log1p}(A^{p})$ as written.  Only for an exponent that is not a number (a real power: $A \ge 0$).
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p


def _power(e):
    """``(A, p)`` where ``e`` is ``log1p(A**p)`` with an exponent ``p`` that is not a number, else None (a square
    of a product is ``log1p_large_product``'s)."""
    if not isinstance(e, log1p) or not isinstance(e.args[0], sp.Pow):
        return None
    a, p = e.args[0].base, e.args[0].exp
    if a.is_number or p.is_number:
        return None
    return a, p


def _log_magnitude(a):
    r"""$\sum_i k_i \log|f_i|$ over the factors $f_i^{k_i}$ of ``a``: $\log a$ wherever $a > 0$, without forming $a$."""
    out = []
    for f in sp.Mul.make_args(a):
        base, k = f.as_base_exp()
        out.append(k * sp.log(base) if base.is_positive else k * sp.log(sp.Abs(base)))
    return sp.Add(*out)


def log1p_power(expr: sp.Expr) -> sp.Expr:
    r"""$\operatorname{log1p}(A^{p}) \to p\log A + \operatorname{log1p}(A^{-p})$ where $p \log A > 0$."""
    def value(e):
        a, p = _power(e)
        big = p * _log_magnitude(a)
        return sp.Piecewise((big + log1p(sp.Pow(a, -p)), big > 0), (e, True))

    return expr.replace(lambda e: _power(e) is not None, value)
