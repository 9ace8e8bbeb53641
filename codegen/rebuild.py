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
  through :func:`rebuilt`.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.basic import as_Basic
from sympy.functions.elementary.piecewise import ExprCondPair

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
    """``expr.replace(query, value)`` for callables ``query(e) -> bool`` and ``value(e) -> expr``, as sympy does it
    (bottom-up; a node rebuilt where an argument changed; a rebuilt node equal to an argument that changed is
    kept as it is), each node rebuilt by :func:`rebuilt`.  A node that cannot be rebuilt with its new arguments (a
    comparison whose side became a ``Piecewise`` sympy cannot show real raises ``TypeError``) is kept as written,
    arguments and all: the rewrite is skipped there, never the whole search."""
    def walk(rv):
        args = getattr(rv, "args", None)
        if args is None:
            return rv
        if args:
            new = tuple([walk(a) for a in args])
            if args != new:
                try:
                    rv = rebuilt(rv, new)
                except TypeError:  # a relational of a value sympy cannot show real (|paired form| > ...): as written
                    return rv
                for i, a in enumerate(args):
                    if rv == a and a != new[i]:
                        return rv
        if query(rv):
            v = value(rv)
            if v is not None and v != rv:
                rv = v
        return rv

    return walk(expr)
