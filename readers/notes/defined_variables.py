r"""Substituting a note's definitions into a block that differentiates with respect to a defined name.

After $\mathbf{o} = \mathbf{W}^{(2)} \mathbf{h}$ and $L = l(\mathbf{o}, y)$, the claim
$\frac{\partial J}{\partial \mathbf{o}} = \frac{\partial L}{\partial \mathbf{o}}$ differentiates with respect to
$\mathbf{o}$ itself: the derivative is taken with $\mathbf{o}$ as the variable and $\mathbf{o}$'s body is put in
afterwards,

    d/do l(o, y)  with  o := W h   ->   Subs(d/dxi l(xi, y), xi, W h),

never $d/d(W h)$ (sympy's ``xreplace`` refuses to differentiate with respect to an expression).

A bound variable shadows a definition of its name: after "with $u = x^2$", $\int_0^4 e^{u}\,du$ integrates over its
own $u$ (:func:`bound_apart`), never over $x^2$ (an integral over an expression has no meaning).
"""
from __future__ import annotations

import sympy as sp

from symbolic.bound_variables import bound_apart


def substitute_definitions(expr: sp.Basic, mapping: dict) -> sp.Basic:
    """``expr`` with the names of ``mapping`` replaced by their bodies, derivatives with respect to a replaced name
    taken with respect to that name first (sympy's ``subs`` writes ``Subs(...)`` where it cannot evaluate them)."""
    expr = bound_apart(expr, mapping)
    if not any(isinstance(v, sp.Derivative) and any(x in mapping for x in v.variables)
               for v in expr.atoms(sp.Derivative)):
        return expr.xreplace(mapping)
    return expr.subs(mapping, simultaneous=True)


def refers_to_itself(key, body: sp.Basic) -> bool:
    r"""Whether a definition's ``body``, with the definitions in force substituted, uses the name it defines
    (``key`` as :func:`readers.notes.check._key` gives it: a symbol, an array's base, a function's name):

        w := (s cos(theta), s sin(theta)),  then  theta := arccos(v . w / (|v| |w|))  ->  theta in its own body.

    Such a row states an equation in the name (or a change of variables, ``x = \sqrt{u}`` after ``u = x^2``), not
    a value to put in its place: substituted, it puts the name back each time, and the later claims grow by the
    body's size on every round of expansion (425,976 operations after 8 rounds in d2l's geometry chapter)."""
    if isinstance(key, sp.Symbol):
        return key in body.free_symbols
    if isinstance(key, sp.IndexedBase):
        return key in body.atoms(sp.IndexedBase)
    if isinstance(key, str):
        return any(f.func.__name__ == key for f in body.atoms(sp.core.function.AppliedUndef))
    return False
