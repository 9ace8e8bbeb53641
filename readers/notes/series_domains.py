r"""Series that sympy sums only on part of the line, checked where they converge.

sympy sums $\sum_{k=1}^{\infty} x^k$ as ``Piecewise((x/(1 - x), |x| < 1), (Sum(...), True))``: a closed form on
the region ``|x| < 1`` and the series left unevaluated elsewhere.  The notes mean the series only where it
converges, so the claim is read with the closed form there:

* when the conditions in force (the block's, its sentence's, its section's) lie inside the region
  (``|\beta| < 1``, ``0 < \beta < 1``), the claim is checked on them like any other: proved, verified or refuted;
* when they do not (no stated domain), it is checked inside the region only: holding there is
  ``undecided (holds where the series converges: ...)``, never verified on the convergent part alone; failing
  there is refuted, with a counterexample inside the region, which every reading of the series assumes.

The closed form may sit inside a product (``(1 - \\beta) \\sum_k \\beta^k``).  A region in more than one name, or a sum
with several convergent branches, is left as it was.
"""
from __future__ import annotations

import sympy as sp

from derivations.checker.budget import run_with_budget

BUDGET = 2.0
"""Seconds (of its own CPU, in a forked worker) sympy gets to sum one series: some sums run away."""


def _summed(node):
    return node.doit()


def closed_forms(lhs, rhs, conditions=()) -> tuple | None:
    """``(lhs, rhs, region, covered)``: the sides with each such series replaced by its closed form, the region
    where those forms hold (a condition), and whether ``conditions`` (relations in force) imply it; None when no
    side has such a series (module docstring)."""
    found, regions = {}, []
    for node in set().union(*(e.atoms(sp.Sum) for e in (lhs, rhs))):
        if not any(b in (sp.oo, -sp.oo) for lim in node.limits for b in lim[1:]) or node.has(sp.Indexed):
            continue
        outcome = run_with_budget(_summed, node, seconds=BUDGET)
        if not outcome.ok:  # sympy could not sum it in time (or at all): not this module's case
            continue
        value = outcome.value
        parts = {p: p.args[0] for p in value.atoms(sp.Piecewise) if _summed_in_part(p)}
        closed = value.xreplace({p: branch.expr for p, branch in parts.items()})
        if not parts or closed.has(sp.Sum):
            continue
        region = sp.And(*(branch.cond for branch in parts.values()))
        if len(region.free_symbols) != 1:
            return None
        found[node] = closed
        regions.append(region)
    if not found:
        return None
    region = sp.And(*regions)
    return lhs.xreplace(found), rhs.xreplace(found), region, _implied(region, conditions)


def _summed_in_part(piecewise) -> bool:
    """``Piecewise((closed form, region), (the series, True))``, alone or inside a product (``(1 - q) Piecewise(...)``)."""
    return len(piecewise.args) == 2 and piecewise.args[1].cond == sp.true and piecewise.args[1].expr.has(sp.Sum) \
        and not piecewise.args[0].expr.has(sp.Sum)


def _implied(region, conditions) -> bool:
    """Whether the conditions on the region's one name confine it to the region (as real intervals)."""
    (name,) = region.free_symbols
    real = sp.Dummy("r", real=True)
    on_name = [c for c in conditions if isinstance(c, sp.Basic) and c.free_symbols == {name}]
    if not on_name:
        return False
    try:
        inside = sp.And(*on_name).xreplace({name: real}).as_set()
        return bool(inside.is_subset(region.xreplace({name: real}).as_set()))
    except Exception:  # noqa: BLE001 - a condition sympy cannot solve as a set confines nothing we can see
        return False
