r"""The log of the probability of at least one event, $\log(1 - (1 - u)^{c})$, kept in log space where $u$ or
$c\log(1 - u)$ underflows (:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_at_least_one``      $\log(1 - (1 - u)^{c}) = \log c + \log(-\log(1 - u)) + \log\frac{\operatorname{expm1}(w)}{w}$,
                          $w = c\log(1 - u)$; taken where $|w|$ is below the smallest normal float, else
                          $\log(-\operatorname{expm1}(w))$ ($w > -\log 2$) or $\operatorname{log1p}(-e^{w})$
========================  =====================================================================

The Kumaraswamy log-CDF $\log(1 - (1 - x^{a})^{b})$, the log-probability of at least one success in $c$ trials
$\log(1 - (1 - p)^{c})$: at $x = 0.9$, $a = 10^{300}$ the power $u = x^{a}$ is 0 in float64, $1 - u$ is 1 and the
value $-\infty$, where the truth is $\log b + a\log x \approx -1.1 \cdot 10^{299}$; at $p = 10^{-300}$, $c = 10^{-300}$
the product $w = c\log(1 - p)$ underflows the same way.  With $\ell = \log u$ taken in log space ($a\log x$ for
$u = x^{a}$, $x > 0$; $v$ for $u = e^{v}$), $\log(1 - u)$ is $\operatorname{log1p}(-u)$ for $\ell < -\log 2$ and
$\log(-\operatorname{expm1}(\ell))$ else, $w = c\log(1 - u)$, and where $|w|$ is not a normal number
$\log(-\operatorname{expm1}(w))$ is $\log(-w)$ to the last bit ($\frac{\operatorname{expm1}(w)}{w} = 1$ in float64), so
the value is $\log c + \log(-\log(1 - u))$, the second $\ell$ where the computed $u$ is 0 (then
$-\log(1 - u) = u(1 + u/2 + \dots)$ is $u$ to the last bit).  Elsewhere the two branches of ``log1mexp``
(Mächler 2012) on $w$.  Where $c\log(1 - u) \ge 0$ the value is not real and the form is the same as written
(``nan``).
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

TINY = sp.Float(2.2250738585072014e-308)
"""The smallest normal float64: below it $w$ has lost digits, and the log-space branch is taken."""


def _log_of(u):
    """``(l, guard)``: $\\log u$ without forming $u$, and where that holds; None for a $u$ it cannot take apart."""
    if isinstance(u, sp.exp):
        return u.args[0], sp.true
    if isinstance(u, sp.Pow) and not u.exp.is_number:
        return u.exp * sp.log(u.base), sp.Gt(u.base, 0)
    if isinstance(u, sp.Symbol):
        return sp.log(u), sp.Gt(u, 0)
    return None


def _parts(e):
    """``(u, c)`` where ``e`` is $\\log(1 - (1 - u)^{c})$, $c$ not a number, else None."""
    if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Add) and len(e.args[0].args) == 2
            and sp.S.One in e.args[0].args):
        return None
    t = next(a for a in e.args[0].args if a is not sp.S.One)
    if not t.could_extract_minus_sign() or not isinstance(-t, sp.Pow) or (-t).exp.is_number:
        return None
    base, c = (-t).base, (-t).exp
    if not (isinstance(base, sp.Add) and len(base.args) == 2 and sp.S.One in base.args):
        return None
    v = next(a for a in base.args if a is not sp.S.One)
    if not v.could_extract_minus_sign() or _log_of(-v) is None:
        return None
    return -v, c


def stable_form(u, c) -> sp.Expr:
    r"""$\log(1 - (1 - u)^{c})$ as the module docstring says, under the guard that $\log u$ may be taken apart."""
    ell, _ = _log_of(u)
    u_ = sp.exp(ell)
    L = sp.Piecewise((log1p(-u_), ell < -sp.log(2)), (sp.log(-expm1(ell)), True))
    held = sp.UnevaluatedExpr(u_)
    log_minus_L = sp.Piecewise((sp.log(-L), sp.Gt(held, 0)), (ell, True))
    w = c * L
    return sp.Piecewise((sp.log(c) + log_minus_L, sp.Lt(sp.Abs(sp.UnevaluatedExpr(w)), TINY)),
                        (sp.log(-expm1(w)), w > -sp.log(2)), (log1p(-sp.exp(w)), True))


def log_at_least_one(expr: sp.Expr) -> sp.Expr:
    r"""$\log(1 - (1 - u)^{c}) \to$ :func:`stable_form` where $\log u$ can be taken apart (its guard holds), as written
    else."""
    def value(e):
        u, c = _parts(e)
        return sp.Piecewise((stable_form(u, c), _log_of(u)[1]), (e, True))

    return expr.replace(lambda e: _parts(e) is not None, value)
