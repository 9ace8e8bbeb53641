r"""Showing $d = 0$ branch by branch, where the difference is piecewise.

``piecewise_fold`` writes the difference $d = lhs - rhs$ as one ``Piecewise``; its $i$-th branch $e_i$
is taken on the region

.. math:: R_i = c_i \wedge \neg c_1 \wedge \dots \wedge \neg c_{i-1}

(sympy's rule: the first condition that holds picks the branch).  $d = 0$ holds wherever it is defined
when every $e_i$ is zero on $R_i$.  Here a branch is shown zero by a cheap reduction (``zero.CHEAP``),
either as it stands (then it is zero wherever it is defined, so on $R_i$ too) or after substituting the
symbols that an equality of $R_i$ pins: on $R_2$ of
$\gamma \tanh(x/\gamma) = \begin{cases} \gamma\tanh(x/\gamma) & x/\gamma \ne 0 \\ x & \text{otherwise}\end{cases}$
the equality $x/\gamma = 0$ (with $\gamma > 0$) gives $x = 0$, where $\gamma \tanh(0) - 0 = 0$.

Every branch must be shown; a branch that is not leaves the claim to the other reductions.  A piecewise
without a final ``True`` branch (undefined where no condition holds) is not split.
"""
from __future__ import annotations

import sympy as sp

from derivations.checker.strategies.zero import CHEAP, reduce_to_zero

MAX_BRANCHES = 8
"""Most branches of the folded difference split on."""
MAX_NODES = 400
"""Largest difference (expression-tree nodes) folded: ``piecewise_fold`` multiplies out nested branches."""


def prove_equal_by_branches(lhs: sp.Expr, rhs: sp.Expr) -> str | None:
    """How $lhs = rhs$ was shown branch by branch (a method name), else None."""
    difference = lhs - rhs
    if not difference.has(sp.Piecewise) or _nodes(difference) > MAX_NODES:
        return None
    try:
        folded = sp.piecewise_fold(difference)
        if not isinstance(folded, sp.Piecewise) or len(folded.args) > MAX_BRANCHES or folded.args[-1].cond != sp.true:
            return None
        methods, earlier = [], []
        for branch, condition in folded.args:
            region = sp.And(condition, *(sp.to_nnf(sp.Not(c)) for c in earlier))
            earlier.append(condition)
            method = "empty" if region == sp.false else _zero_on(branch, region)
            if method is None:
                return None
            methods.append(method)
    except (TypeError, ValueError, NotImplementedError, sp.PolynomialError):
        return None
    return "cases on the branches: " + ", ".join(methods)


def _zero_on(branch: sp.Expr, region) -> str | None:
    """How ``branch`` was shown zero on ``region``, else None."""
    name = reduce_to_zero(branch, CHEAP)
    if name is not None:
        return name
    pinned = pinned_symbols(region)
    if not pinned:
        return None
    name = reduce_to_zero(branch.xreplace(pinned), CHEAP)
    if name is None:
        return None
    return f"{name} at " + ", ".join(f"{s} = {v}" for s, v in pinned.items())


def pinned_symbols(region) -> dict:
    r"""Symbols that the equalities of ``region`` (a conjunction) fix: $u = 0$ with $u$ of degree one in a symbol
    $s$ whose coefficient is known non-zero gives $s = -u|_{s=0} / \text{coefficient}$."""
    pinned: dict = {}
    for part in region.args if isinstance(region, sp.And) else (region,):
        if not isinstance(part, sp.Eq):
            continue
        u = (part.lhs - part.rhs).xreplace(pinned)
        for s in sorted(u.free_symbols, key=sp.default_sort_key):
            try:
                poly = sp.Poly(u, s)
            except sp.PolynomialError:
                continue
            if poly.degree() != 1:
                continue
            slope, offset = poly.all_coeffs()
            if slope.is_nonzero and s not in offset.free_symbols and s not in slope.free_symbols:
                pinned = {k: v.xreplace({s: -offset / slope}) for k, v in pinned.items()}
                pinned[s] = sp.cancel(-offset / slope)
                break
    return pinned


def _nodes(expr: sp.Expr) -> int:
    count = 0
    for _ in sp.preorder_traversal(expr):
        count += 1
        if count > MAX_NODES:
            break
    return count
