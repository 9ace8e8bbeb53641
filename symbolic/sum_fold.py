r"""A sum never loses a condition to the sum around it: sympy's construction of a ``Sum`` (``Product``, ``Integral``)
folds every ``Piecewise`` its body holds that reads the summation index (``piecewise_fold``), also one inside an inner
sum whose condition reads that inner sum's own index, and the condition then leaves the sum that binds it:

$$\sum_i x_i \sum_j [x_j > x_i]\, x_j \quad\text{became}\quad
\sum_i \begin{cases} x_i \sum_j x_j & x_i < x_j \\ 0 & \text{otherwise} \end{cases}$$

with $j$ free (a wrong expression: a pairwise ranking loss, the max-shift rules' $[h_j < 0]$ inside a suffix sum).
:func:`install` wraps the fold sympy's constructor calls so that an inner sum whose ``Piecewise`` reads the inner
sum's own indices is held out of the fold (not folding is always exact; folding across a binder is not).
"""
from __future__ import annotations

import sympy as sp
from sympy.concrete import expr_with_limits
from sympy.concrete.expr_with_limits import ExprWithLimits


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


def install() -> None:
    """Wrap the fold of sympy's ``ExprWithLimits`` constructor (once)."""
    if not getattr(expr_with_limits.piecewise_fold, "within_binders", False):
        expr_with_limits.piecewise_fold = fold_within_binders(expr_with_limits.piecewise_fold)
