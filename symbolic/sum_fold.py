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


def install() -> None:
    """Wrap the fold of sympy's ``ExprWithLimits`` and ``ExprCondPair`` constructors (once each; the latter's module
    also folds recursively through the same name, so every level holds its binders out)."""
    for module in (expr_with_limits, piecewise):
        if not getattr(module.piecewise_fold, "within_binders", False):
            module.piecewise_fold = fold_within_binders(module.piecewise_fold)
