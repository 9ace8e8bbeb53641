r"""Substituting a note's definitions into a block that differentiates with respect to a defined name.

After $\mathbf{o} = \mathbf{W}^{(2)} \mathbf{h}$ and $L = l(\mathbf{o}, y)$, the claim
$\frac{\partial J}{\partial \mathbf{o}} = \frac{\partial L}{\partial \mathbf{o}}$ differentiates with respect to
$\mathbf{o}$ itself: the derivative is taken with $\mathbf{o}$ as the variable and $\mathbf{o}$'s body is put in
afterwards,

    d/do l(o, y)  with  o := W h   ->   Subs(d/dxi l(xi, y), xi, W h),

never $d/d(W h)$ (sympy's ``xreplace`` refuses to differentiate with respect to an expression).
"""
from __future__ import annotations

import sympy as sp


def substitute_definitions(expr: sp.Basic, mapping: dict) -> sp.Basic:
    """``expr`` with the names of ``mapping`` replaced by their bodies, derivatives with respect to a replaced name
    taken with respect to that name first (sympy's ``subs`` writes ``Subs(...)`` where it cannot evaluate them)."""
    if not any(isinstance(v, sp.Derivative) and any(x in mapping for x in v.variables)
               for v in expr.atoms(sp.Derivative)):
        return expr.xreplace(mapping)
    return expr.subs(mapping, simultaneous=True)
