r"""A side set to a number is an equation only when it has an unknown: after $\hat x = \frac{x}{\|x\|}$,

.. math:: \sum_i \hat x_i^2 = 1

has no name of its own left to solve for (every name written is defined above; the index is bound and the count
``N`` of the sum is a size), so it states a fact about the definition, a claim, where ``0 = w^2 - 4`` or
``f'(x) = 1`` (``x``, ``w`` undefined) pose an equation.  Only a nonzero number on the other side: ``\nabla L = 0``,
``\frac{\partial J}{\partial w} = 0`` after their definitions are the conditions an argument sets to solve for a
minimum, not identities.

Read so, a claim may rest on the entries of a name defined whole (``\hat x_i`` of $\hat x = x / \|x\|$, which this
reader takes as the entries of a number): :func:`entries_of_wholes` names them, and a refutation resting on them
is not shown.
"""
from __future__ import annotations

import sympy as sp


def all_written_defined(lhs, rhs, defined_names: set[str]) -> bool:
    """Whether one written side is a nonzero number and every name on the other is in ``defined_names`` (a summed
    index, a limit of a sum and an entry's index do not count as names)."""
    for number, other in ((lhs, rhs), (rhs, lhs)):
        if not (isinstance(number, sp.Basic) and number.is_number and number.is_zero is False):
            continue
        if not isinstance(other, sp.Basic) or other.is_number or other.has(sp.Derivative):
            return False
        limits = {x for node in other.atoms(sp.Sum, sp.Product) for lim in node.limits for b in lim[1:]
                  for x in getattr(b, "free_symbols", ())}
        indices = {x for i in other.atoms(sp.Indexed) for j in i.indices for x in j.free_symbols}
        bases = {str(i.base.label) for i in other.atoms(sp.Indexed)}
        names = {x.name for x in other.free_symbols - limits - indices if isinstance(x, sp.Symbol)}
        names |= {f.func.__name__ for f in other.atoms(sp.core.function.AppliedUndef)}
        return bool(names | bases) and (names | bases) <= defined_names
    return False


def free_parameters(*sides) -> set:
    r"""The plain names the expanded ``sides`` still leave free: not an array's entries, a summed index, a sum's
    limit (a size).  With one left (``(\kappa - 1)/(\kappa + 1) = 3/5`` with :math:`\kappa = L/\mu`: L and mu),
    the written names being defined does not make the number a fact about them: it is an equation in those, a worked
    value of some example, never refuted as an identity."""
    out = set()
    for e in sides:
        if not isinstance(e, sp.Basic):
            continue
        limits = {x for node in e.atoms(sp.Sum, sp.Product) for lim in node.limits for b in lim
                  for x in getattr(b, "free_symbols", ())}
        indices = {x for i in e.atoms(sp.Indexed) for j in i.indices for x in j.free_symbols}
        bases = {i.base.label for i in e.atoms(sp.Indexed)} | {x for i in e.atoms(sp.Indexed)  # (v/|v|)[i]: the
                                                               for x in i.base.label.free_symbols}  # vector v, whole
        out |= {x for x in e.free_symbols - limits - indices - bases if isinstance(x, sp.Symbol)}
    return out


def entries_of_wholes(exprs) -> list[str]:
    r"""Entries of an expression the expansion left (``(g/|g|)[i]``: the ``\hat g_i`` of a vector defined whole),
    which the check samples as free values."""
    return sorted({str(i) for e in exprs if isinstance(e, sp.Basic) for i in e.atoms(sp.Indexed)
                   if not isinstance(i.base.label, sp.Symbol)})
