r"""A product with a Heaviside factor, as a selection (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``heaviside_select``      $H(v)\,w = \begin{cases} w & v > 0 \\ H(0)\,w & v = 0 \\ 0 & v < 0 \end{cases}$
========================  =====================================================================

The derivative of a ``max``/``min`` or a branch multiplies the branch's derivative by a step: CELU's
$e^{x/\alpha} H(\alpha(1 - e^{x/\alpha}))$ at $x/\alpha = 10^{300}$ is $\infty \cdot 0 = $ nan where the truth is
0 (the branch is not taken).  Selected instead of multiplied, the factor of a branch not taken is never
used.  Sums are left as they are (a reduction over a selection would lose its contraction); a product
inside one is not rewritten.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp


def _selected(e: sp.Mul):
    """The product ``e`` with its first Heaviside factor as a Piecewise of the other factors, else None."""
    for f in e.args:
        if isinstance(f, sp.Heaviside):
            rest = sp.Mul(*[a for a in e.args if a is not f])
            if rest.is_number:
                return None
            v = f.args[0]
            at_zero = f.args[1] if len(f.args) > 1 else sp.S.Half
            pieces = [(rest, v > 0)] + ([(at_zero * rest, sp.Eq(v, 0))] if at_zero != 0 else [])
            return sp.Piecewise(*pieces, (0, True))
    return None


def heaviside_select(expr: sp.Expr) -> sp.Expr:
    r"""$H(v)\,w \to$ ``Piecewise((w, v > 0), (H(0) w, v = 0), (0, True))`` for each product outside a sum."""
    if expr.is_Atom or isinstance(expr, sp.Sum):
        return expr
    args = [heaviside_select(a) for a in expr.args]
    if any(a is not b for a, b in zip(args, expr.args)):
        expr = expr.func(*args)
    if isinstance(expr, sp.Mul):
        selected = _selected(expr)
        if selected is not None:
            return selected
    return expr
