r"""Rebuilding a sympy tree bottom-up with each ``Piecewise`` condition folded once per condition.

sympy folds a condition that holds a ``Piecewise`` each time an ``ExprCondPair`` is built from it
($|\text{Piecewise}((a, c), (b, \top))| \ge 1$ becomes a boolean of $c$, $|a| \ge 1$, $|b| \ge 1$: ``piecewise_fold``,
then ``ITE``, then distributing ``And`` over ``Or``), seconds per condition on the paired quotients of a selected VJP.
The definitions' search rewrites the same subtrees for many candidates (every rule on, each rule left out, the
costly rules), so the same condition was folded again and again: LogCoshDice's search built 68 such pairs from 13
conditions.  Here the folded condition is remembered by the condition it was folded from (:data:`FOLDED`): the
pair is the one sympy builds (``ExprCondPair(expr, cond)`` folds ``cond`` whatever ``expr`` is), built once.

* :func:`pair` -- ``ExprCondPair(expr, cond)``, its condition folded once;
* :func:`rebuilt` -- ``e.func(*args)``, through :func:`pair` for a pair;
* :func:`replace` -- sympy's ``expr.replace(query, value)`` for callables (bottom-up, simultaneous), rebuilding
  through :func:`rebuilt` (the walk is :func:`symbolic.shared_subtrees.replace`).
"""
from __future__ import annotations

import sympy as sp
from sympy.core.basic import as_Basic
from sympy.functions.elementary.piecewise import ExprCondPair

from symbolic import shared_subtrees

FOLDED: dict = {}
"""condition holding a ``Piecewise`` -> the condition ``ExprCondPair`` makes of it (at most :data:`FOLDED_KEPT`)."""
FOLDED_KEPT = 4096


def pair(expr, cond) -> ExprCondPair:
    """``ExprCondPair(expr, cond)``, a condition holding a ``Piecewise`` folded once (:data:`FOLDED`)."""
    if not (isinstance(cond, sp.Basic) and cond.has(sp.Piecewise)):
        return ExprCondPair(expr, cond)
    if cond not in FOLDED:
        if len(FOLDED) >= FOLDED_KEPT:
            FOLDED.clear()
        FOLDED[cond] = ExprCondPair(sp.S.Zero, cond).cond
    return sp.Tuple.__new__(ExprCondPair, as_Basic(expr), FOLDED[cond])  # as ExprCondPair.__new__ returns it


def rebuilt(e: sp.Basic, args: tuple, **options) -> sp.Basic:
    """``e.func(*args, **options)``; a pair through :func:`pair` (options do not apply to it)."""
    if isinstance(e, ExprCondPair):
        return pair(*args)
    return e.func(*args, **options)


def replace(expr: sp.Basic, query, value) -> sp.Basic:
    """``expr.replace(query, value)`` for callables, as sympy does it (bottom-up, simultaneous), each distinct
    subtree rebuilt once by :func:`rebuilt`; a node sympy cannot rebuild with its new arguments is kept as written
    (:func:`symbolic.shared_subtrees.replace` with ``keep_unbuildable``)."""
    return shared_subtrees.replace(expr, query, value, rebuilt, keep_unbuildable=True)
