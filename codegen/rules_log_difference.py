r"""The log of a difference of two exponentials with one coefficient: $\log(c\,e^{u} - c\,e^{v})$.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_difference_of_exp`` $\log(c e^{u} - c e^{v}) = \log|c| + u + \log(-\operatorname{expm1}(v - u))$ for $u > v$ (and
                          $\log|c| + v + \log(-\operatorname{expm1}(u - v))$ for $u < v$), $v - u$ formed by algebra
========================  =====================================================================

The hypoexponential density $\frac{ab}{b - a}(e^{-ax} - e^{-bx})$ at $x = 10^{-300}$ is the difference of two
exponentials that both round to 1: its log is $\log 0 = -\infty$ where the truth is $\log(ab\,x) \approx -690$.
Shifted by the larger exponent (``log_add_weighted_exp``) the sum is $e^{u - M} - e^{v - M}$ with a symbolic
$M = \max(u, v)$, and it still rounds to $1 - 1$.  With the two exponents' difference $v - u = (a - b)x$ formed by
algebra (``factor_terms``: a common factor taken out, so that $a - b$ is exact for close rates) the small part is
$\operatorname{expm1}$'s, every digit kept; the log is real only where $c(e^{u} - e^{v}) > 0$, so the branch on the
sign of $u - v$ picks the one whose log is real.  ``log_of_negative_expm1`` then takes $\log(-\operatorname{expm1}(d))$
for $d \le -\log 2$.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1


def _exp_term(t):
    """``(c, u)`` where the term ``t`` is ``c * exp(u)`` with one exponential factor, else None."""
    exps = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.exp)]
    if len(exps) != 1:
        return None
    c = sp.Mul(*[f for f in sp.Mul.make_args(t) if f is not exps[0]])
    return (None if c.has(sp.exp) else c), exps[0].args[0]


def _difference(e):
    """``(c, u, v)`` where ``e`` is ``log(c e^u - c e^v)``, else None."""
    if not isinstance(e, sp.log) or not isinstance(e.args[0], sp.Add) or len(e.args[0].args) != 2:
        return None
    first, second = (_exp_term(t) for t in e.args[0].args)
    if first is None or second is None or first[0] is None or second[0] is None:
        return None
    (c, u), (d, v) = first, second
    if sp.expand(c + d) != 0:
        return None
    return c, u, v


def log_difference_value(c, u, v) -> sp.Expr:
    r"""$\log(c e^{u} - c e^{v})$ without rounding both exponentials to one number (module docstring)."""
    d = sp.factor_terms(sp.expand(v - u))
    # real only where sign(c) = sign(u - v): log|c| is log c on the first branch and log(-c) on the second
    return sp.Piecewise((sp.log(sp.Abs(c)) + u + sp.log(-expm1(d)), d < 0),
                        (sp.log(sp.Abs(c)) + v + sp.log(-expm1(-d)), True))


def log_difference_of_exp(expr: sp.Expr) -> sp.Expr:
    r"""$\log(c e^{u} - c e^{v}) \to$ :func:`log_difference_value`."""
    return expr.replace(lambda e: _difference(e) is not None, lambda e: log_difference_value(*_difference(e)))
