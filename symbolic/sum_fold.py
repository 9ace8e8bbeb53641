r"""A sum never loses a condition to the sum around it: sympy's construction of a ``Sum`` (``Product``, ``Integral``)
folds every ``Piecewise`` its body holds that reads the summation index (``piecewise_fold``), also one inside an inner
sum whose condition reads that inner sum's own index, and the condition then leaves the sum that binds it; and
sympy's construction of a ``Piecewise`` branch (``ExprCondPair``) folds its condition the same way, so that a condition
on a sum whose body is piecewise in its index, $\frac1n\sum_i [x_i > 0]\operatorname{expm1}(p\log x_i) + \ldots > 1$
(``log1p_large_quotient`` over ``power_expm1``'s guarded terms), became an ``ITE`` on $x_i > 0$ with $i$ free:

$$\sum_i x_i \sum_j [x_j > x_i]\, x_j \quad\text{became}\quad
\sum_i \begin{cases} x_i \sum_j x_j & x_i < x_j \\ 0 & \text{otherwise} \end{cases}$$

with $j$ free (a wrong expression: a pairwise ranking loss, the max-shift rules' $[h_j < 0]$ inside a suffix sum;
generalized-mean pooling's costly candidates, which then failed to lower).
:func:`install` wraps the fold sympy's constructors call so that an inner sum whose ``Piecewise`` reads the inner
sum's own indices is held out of the fold (not folding is always exact; folding across a binder is not).
"""
from __future__ import annotations

import sympy as sp
from sympy.concrete import expr_with_limits
from sympy.concrete.expr_with_limits import ExprWithLimits
from sympy.functions.elementary import piecewise


def _binds_a_condition(e) -> bool:
    """``e`` binds an index that a ``Piecewise`` inside it reads."""
    bound = {v for v, *_ in e.limits}
    return any(p.has(*bound) for p in e.atoms(sp.Piecewise))


def fold_within_binders(fold):
    """``fold`` (sympy's ``piecewise_fold``) with every inner sum whose conditions read its own indices held out."""
    def folded(expr, *args, **kwargs):
        if not isinstance(expr, sp.Basic) or not expr.has(sp.Piecewise):
            return fold(expr, *args, **kwargs)
        held = {e: sp.Dummy("held") for e in expr.atoms(ExprWithLimits) if _binds_a_condition(e)}
        if not held:
            return fold(expr, *args, **kwargs)
        out = fold(expr.xreplace(held), *args, **kwargs)
        return out.xreplace({v: k for k, v in held.items()})

    folded.within_binders = True
    return folded


def condition_within_binders(new):
    """``ExprCondPair.__new__`` with every sum of the condition whose ``Piecewise`` reads its own indices held out of
    the fold of the condition (the rest of sympy's ``piecewise_fold``, which callers such as ``simplify`` expect to
    bring every ``Piecewise`` to the top, is left as it is)."""
    def pair(cls, expr, cond):
        if isinstance(cond, sp.Basic) and cond.has(sp.Piecewise):
            held = {e: sp.Dummy("held") for e in cond.atoms(ExprWithLimits) if _binds_a_condition(e)}
            if held:
                out = new(cls, expr, cond.xreplace(held))
                back = {v: k for k, v in held.items()}
                return sp.Tuple.__new__(cls, out.args[0], out.args[1].xreplace(back))
        return new(cls, expr, cond)

    pair.within_binders = True
    return pair


def install() -> None:
    """Wrap the fold of sympy's ``ExprWithLimits`` constructor and the condition fold of ``ExprCondPair``'s (once)."""
    if not getattr(expr_with_limits.piecewise_fold, "within_binders", False):
        expr_with_limits.piecewise_fold = fold_within_binders(expr_with_limits.piecewise_fold)
    pair_new = piecewise.ExprCondPair.__new__
    if not getattr(pair_new, "within_binders", False):
        piecewise.ExprCondPair.__new__ = staticmethod(condition_within_binders(pair_new))
