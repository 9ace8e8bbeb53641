r"""A product with a sum of steps, as a selection: the derivative of a ``min`` of a ``max`` (a clipped objective).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``step_sum_select``       $w \sum_k \prod_j H(v_{kj}) = \begin{cases} w \sum_k \prod_j H(v_{kj}) & \sum_k \prod_j H(v_{kj}) > 0 \\ 0 & \text{else} \end{cases}$,
                          and $w H(v)$ inside a sum or of a kinked step the same (costly: search only)
========================  =====================================================================

PPO's clipped surrogate $\min(r A, \operatorname{clip}(r, 1 - \epsilon, 1 + \epsilon) A)$, $r = e^{\ell - \ell_0}$,
has the derivative $A g\,r\,(H(\ldots) + H(\ldots) H(\ldots) H(\ldots))$ in $\ell$: at $\ell = 10^{150}$ the ratio
$r$ overflows and the steps sum to 0 (the clipped branch is taken, whose derivative is 0), $\infty \cdot 0 = $ nan.
Each step is 0 or 1 (or its value at 0), so the sum is non-negative and, where it is 0, the product is 0 whatever
the other factors are; a product of steps already selected by ``heaviside_select_first`` (a ``Piecewise`` of such a
product and 0) counts as one.  Its derivative in $A$, $g(r\,H(\ldots) + H(\ldots)\max(\ldots))$, has a single step
times $r$ inside a sum: it is selected the same way.  ``heaviside_select`` leaves a sum of steps, a product inside a
sum and a step of a ``max`` or ``min`` a product, for the speed of the search; this rule is tried by the search
only, and kept where it is measurably more accurate.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp


def _step_valued(f) -> bool:
    """``f`` is a step, a non-negative number, or a selection (``heaviside_select_first``'s) among such products."""
    if isinstance(f, sp.Heaviside) or f.is_number and f >= 0:
        return True
    return isinstance(f, sp.Piecewise) and all(_step_product(v) or v == 0 for v, _ in f.args)


def _step_product(t) -> bool:
    """``t`` is a product of steps (and non-negative numbers, and selections among such products)."""
    factors = sp.Mul.make_args(t)
    return any(not f.is_number for f in factors) and all(_step_valued(f) for f in factors)


def _step_sum(f) -> bool:
    """``f`` is a sum of products of steps."""
    return isinstance(f, sp.Add) and all(_step_product(t) for t in f.args)


def _positive(t):
    """Where the step-valued product ``t`` is positive, as a condition on its steps (sympy would fold a selection
    inside ``S > 0`` into an if-then-else the printers do not take)."""
    conds = []
    for f in sp.Mul.make_args(t):
        if isinstance(f, sp.Heaviside):
            conds.append(f > 0)
        elif isinstance(f, sp.Piecewise):
            conds.append(sp.Or(*[sp.And(c, _positive(v)) for v, c in f.args if v != 0]))
        elif f == 0:
            return sp.false
    return sp.And(*conds)


def _selected(e):
    """The product ``e`` as a selection on its factors that are steps, selections among products of steps, or sums
    of such products (where any is 0 the product is 0), else None."""
    if not isinstance(e, sp.Mul):
        return None
    conds = []
    for f in e.args:
        if _step_sum(f):
            conds.append(sp.Or(*[_positive(t) for t in f.args]))
        elif not f.is_number and _step_valued(f):
            conds.append(_positive(f))
    rest = sp.Mul(*[f for f in e.args if not (_step_sum(f) or _step_valued(f))])
    if not conds or rest.is_number:
        return None
    return sp.Piecewise((e, sp.And(*conds)), (0, True))


def step_sum_select(expr: sp.Expr) -> sp.Expr:
    r"""$w \sum_k \prod_j H(v_{kj}) \to$ ``Piecewise((w S, S > 0), (0, True))``, and $w H(v)$ inside a sum or of a
    kinked step the same (module docstring)."""
    return expr.replace(lambda e: _selected(e) is not None, _selected)
