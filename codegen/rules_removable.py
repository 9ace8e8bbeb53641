r"""A removable singularity $u / F(u)$ where $u$ underflows (:mod:`codegen.rules` registers it as
``removable_ratio``).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``removable_ratio``       $u \cdot F(u)^{-1} = \begin{cases} 1 / F'(0) & u = 0 \\ u / F(u) & \text{else}
                          \end{cases}$ for $u$ a power $y^{k}$ ($k$ not a number) or $e^{w}$, $F(0) = 0$,
                          $F'(0) \ne 0$ ($\lim_{u \to 0} u / F(u) = 1 / F'(0)$)
========================  =====================================================================

The gradient of the Kumaraswamy log-CDF $\log(1 - (1 - x^{a})^{b})$ is
$\frac{a b\,x^{a} (1 - x^{a})^{b}}{x (1 - x^{a}) (1 - (1 - x^{a})^{b})}$: at $x = 0.897$, $a = 10^{300}$ the power
$u = x^{a}$ underflows to 0 and so does $F(u) = 1 - (1 - u)^{b}$, a 0/0 (nan, inf after the other rules) where the
truth is $a/x$.  The quotient $u / F(u)$ is exact wherever the computed $u$ is not 0 (down to the smallest
subnormal, $F$ rewritten by the other rules, here $-\operatorname{expm1}(b \operatorname{log1p}(-u))$), and where it
is 0 its limit $1 / F'(0)$ ($1/b$) is the value, selected by a guard on the computed $u$ held unevaluated (as
:func:`codegen.rules_exp_underflow.stable_form` does for $-\operatorname{expm1}(-u)/u$: sympy knows $x^{a} > 0$ and
would drop the branch).  $F'(0)$ is sympy's derivative of $F$ at 0; a quotient whose $F(0)$ does not simplify to 0,
or whose $F'(0)$ is 0 or not free of $u$, is left as written, and so is an $F$ holding a sum or a product (whose
index may have the name of one in $u$ and is another variable: $\frac{e^{t_j}}{\sum_j e^{t_j}}$).
"""
from __future__ import annotations

import sympy as sp


def _underflowing(f) -> bool:
    """``f`` is $e^{w}$ or a power $y^{k}$ of a base that is no number with an exponent that is no number (where it
    underflows to 0 while its base does not: $0.9^{10^{300}}$)."""
    if isinstance(f, sp.exp):
        return not f.args[0].is_number
    return isinstance(f, sp.Pow) and not f.exp.is_number and not f.base.is_number


def _limit_of_ratio(u, F):
    r"""$1/F'(0)$ where $F$ (a function of $u$) has $F(0) = 0$ and $F'(0) \ne 0$ free of $u$, else None."""
    if not F.has(u) or F.is_number or F.has(sp.Sum, sp.Product):  # a sum's index is bound: e^{t_j} of the summand is
        return None                                                   # not the e^{t_j} of Sum_j e^{t_j} (DistillCE)
    U = sp.Dummy("u", positive=True)
    FU = F.xreplace({u: U})
    if FU.has(u) or not FU.has(U):
        return None
    try:
        at0 = sp.simplify(FU.subs(U, 0))
        slope = sp.simplify(sp.diff(FU, U).subs(U, 0))
    except (TypeError, ValueError, RecursionError):
        return None
    if at0 != 0 or slope.has(U) or slope.is_zero is not False and slope.is_zero is not None or slope == 0:
        return None
    if slope.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        return None
    return 1 / slope


def _pair(e):
    """``(u, F, limit)`` for a product ``e`` with a factor $u$ (:func:`_underflowing`) and a factor $F^{-1}$ of a sum
    $F$ holding $u$ with $F(0) = 0$ (:func:`_limit_of_ratio`), else None."""
    if not isinstance(e, sp.Mul):
        return None
    for u in e.args:
        if not _underflowing(u):
            continue
        for d in e.args:
            if not (isinstance(d, sp.Pow) and d.exp == -1 and not isinstance(d.base, sp.Piecewise)):
                continue
            limit = _limit_of_ratio(u, d.base)
            if limit is not None:
                return u, d.base, limit
    return None


def removable_form(e, u, F, limit) -> sp.Expr:
    r"""The product ``e`` (holding $u\,F(u)^{-1}$) as written, the other factors times ``limit`` ($1/F'(0)$) where the
    computed $u$ is 0; the guard on $u$ unevaluated.  The product is kept whole in its branch
    (not $u/F$ alone): the other rules see it as before ($x^{a}/x = x^{a - 1}$, where $a\,b\,(1 - x^{a})^{b - 1}/x$
    split from $x^{a}$ underflowed at $a = x = 10^{-300}$)."""
    rest = list(e.args)
    rest.remove(u)
    rest.remove(sp.Pow(F, -1))
    # the limit exactly where the computed u is 0: a nan u (a negative base of a fractional power) stays nan
    return sp.Piecewise((sp.Mul(*rest) * limit, sp.Eq(sp.UnevaluatedExpr(u), 0)), (e, True))


def _done(expr) -> set:
    """The products already in the last branch of a :func:`removable_form` (not rewritten again when the rules run
    on a form they made)."""
    return {p.args[1].expr for p in expr.atoms(sp.Piecewise)
            if len(p.args) == 2 and isinstance(p.args[0].cond, sp.Equality)
            and isinstance(p.args[0].cond.lhs, sp.UnevaluatedExpr) and p.args[0].cond.rhs == 0}


def removable_ratio(expr: sp.Expr) -> sp.Expr:
    r"""Each product $P\,u\,F(u)^{-1}$ as :func:`removable_form` (the rule of the module docstring)."""
    done = _done(expr)
    return expr.replace(lambda e: e not in done and _pair(e) is not None, lambda e: removable_form(e, *_pair(e)))
