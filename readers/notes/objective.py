r"""Optimization problems in notes: an objective under ``\min``, its constraints, and slack variables.

.. math:: \min_{w, b} \|w\|^2 + C\zeta \quad \text{s.t. } y_i(w \cdot x_i - b) \ge 1 - \zeta

A symbol of the objective that the constraints bound below is a *slack*: as
the objective grows with it, at the optimum it takes the least value the
constraints allow (whether or not it is written under the ``\min``),

.. math:: \zeta^* = \max_i \big(1 - y_i(w \cdot x_i - b)\big),

so the problem is $\min_{w, b} \|w\|^2 + C\zeta^*(w, b)$.  A slack $\zeta_i$
that carries the constraint's index gets one bound per $i$; a constraint
$\zeta \ge 0$ adds the bound 0.  Whether the objective grows with the slack
(``growth`` > 0) is decided later, in the catalog's variables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import SUMMED, IndexMax
from readers.notes.symbols import _indices_and_sizes

OPTIMUM = re.compile(r"(?:arg)?(min|max)(?:_(.+))?")
"""Names of the parsed ``\\min_{w, b}``, ``\\max_D``, ``\\arg\\min_x`` applications."""
INEQUALITIES = (">=", ">", "<=", "<")


@dataclass(frozen=True)
class Main:
    """What a block defines: ``lhs = body``, or an objective (``lhs`` None) with its ``constraints``
    (``g >= 0`` as ``g``) and ``growth``, the objective's derivatives in its eliminated slacks."""

    lhs: sp.Basic | None
    body: sp.Basic
    variables: tuple[str, ...] = ()
    constraints: tuple[sp.Basic, ...] = ()
    growth: tuple[sp.Basic, ...] = ()
    slacks: tuple[str, ...] = ()


def strip_optimum(expr, other=None):
    r"""``\min_G \max_D V(D, G)`` -> ``V(D, G)``: the function a minimax statement defines.  Not an arg min or
    arg max (its value is a point, not the function: ``\arg\max_\theta L(\theta) = \hat\theta`` defines no
    ``L``), nor an optimum set equal to another optimum (``other``, the other side: ``\max_x f(x) = \max_x
    \log f(x)`` compares two optima)."""
    if other is not None and _leading_optimum(other):
        return expr
    while _leading_optimum(expr) and not expr.func.__name__.startswith("arg"):
        expr = expr.args[0]
    return expr


def _leading_optimum(expr) -> bool:
    return isinstance(expr, AppliedUndef) and OPTIMUM.fullmatch(expr.func.__name__) is not None and len(expr.args) == 1


def objective(expr) -> tuple[sp.Basic, tuple[str, ...], bool] | None:
    r"""``C\zeta + \min_{w, b}(\|w\|^2)`` -> ``(C\zeta + \|w\|^2, ('w', 'b'), False)``: the objective, the
    variables under the optimizations, and whether one of them is a ``\max`` (a minimax, $\min_G \max_D V$);
    None without a ``\min``."""
    wrapped = [a for a in expr.atoms(AppliedUndef) if len(a.args) == 1 and _optimum(a) is not None]
    if not any(_optimum(a)[0] == "min" for a in wrapped):
        return None
    names = []
    for a in wrapped:
        names += [n.strip() for n in _optimum(a)[1].strip("{} ").split(",") if n.strip()]
    body = expr.replace(lambda e: isinstance(e, AppliedUndef) and len(e.args) == 1 and _optimum(e) is not None,
                        lambda e: e.args[0])
    return body, tuple(dict.fromkeys(names)), any(_optimum(a)[0] == "max" for a in wrapped)


def _optimum(application) -> tuple[str, str] | None:
    """``('min', '{w, b}')`` for ``min_{w, b}``; None for other functions."""
    match = OPTIMUM.fullmatch(application.func.__name__)
    return None if match is None else (match.group(1), match.group(2) or "")


def constraint(lhs, rel: str, rhs) -> sp.Basic | None:
    """``a >= b`` as ``a - b`` (``a <= b`` as ``b - a``); None for other relations."""
    if rel not in INEQUALITIES:
        return None
    return lhs - rhs if rel in (">=", ">") else rhs - lhs


def relational_constraint(condition) -> sp.Basic | None:
    """A sympy inequality (a row's side condition ``\\zeta_i \\ge 0``) as ``g >= 0``."""
    rel = {sp.GreaterThan: ">=", sp.StrictGreaterThan: ">", sp.LessThan: "<=", sp.StrictLessThan: "<"}.get(
        type(condition))
    return None if rel is None else constraint(condition.lhs, rel, condition.rhs)


def eliminate_slacks(body, variables, constraints) -> Main:
    """The objective with every slack replaced by its least feasible value (see the module docstring)."""
    growth, slacks, left = [], [], list(constraints)
    for slack in _slack_candidates(body, variables, left):
        eliminated = _eliminate(body, slack, left)
        if eliminated is None:
            continue
        body, used, rate = eliminated
        left = [c for c in left if c not in used]
        growth.append(rate)
        slacks.append(str(slack.label if isinstance(slack, sp.IndexedBase) else slack))
    return Main(None, body, tuple(variables), tuple(left), tuple(growth), tuple(slacks))


def _slack_candidates(body, variables, constraints) -> list:
    """Symbols and arrays of the objective that the constraints mention (optimized over or not:
    $\\min_{w, \\zeta} f(w, \\zeta) = \\min_w f(w, \\zeta^*(w))$ either way)."""
    used = set().union(*(c.free_symbols | c.atoms(sp.IndexedBase) for c in constraints)) if constraints else set()
    bound = {v for node in body.atoms(*SUMMED) for v, *_ in node.limits}
    out = []
    for s in sorted(body.free_symbols - bound, key=str):
        if isinstance(s, sp.Symbol) and not s.is_integer and s in used \
                and not any(s == e.base.label for e in body.atoms(sp.Indexed)):
            out.append(s)
    out += [b for b in sorted(body.atoms(sp.IndexedBase), key=str) if b in used]
    return out


def _eliminate(body, slack, constraints):
    """``(body with the slack eliminated, constraints used, d body / d slack)``, or None when it is no slack."""
    is_array = isinstance(slack, sp.IndexedBase)
    parameter = sp.Symbol("_slack_index", integer=True)
    bounds, used = [], []
    for g in constraints:
        if is_array:
            targets = [e for e in g.atoms(sp.Indexed) if e.base == slack]
        else:
            targets = [slack] if slack in g.free_symbols else []
        if not targets:
            continue
        if len(set(targets)) != 1 or (is_array and not all(isinstance(i, sp.Symbol) for i in targets[0].indices)):
            return None
        target = targets[0]
        rate = sp.diff(g, target)
        if rate.has(target) or rate.is_positive is not True:
            return None  # not linear, or an upper bound
        bound = -g.xreplace({target: 0}) / rate
        own = set(target.indices) if is_array else set()
        indices, _ = _indices_and_sizes([bound])
        loose = [i for i in indices if i not in own]
        if len(loose) > 1:
            return None
        if loose:
            lo, hi = indices[loose[0]]
            bound = IndexMax(bound, (loose[0], lo, hi))
        if is_array:
            bound = bound.xreplace(dict(zip(target.indices, [parameter])))
        bounds.append(bound)
        used.append(g)
    if not bounds:
        return None
    least = sp.Max(*bounds)
    probe = sp.Dummy("slack")
    if is_array:
        rate = sp.diff(body.replace(lambda e: isinstance(e, sp.Indexed) and e.base == slack, lambda e: probe), probe)
        body = body.replace(lambda e: isinstance(e, sp.Indexed) and e.base == slack,
                            lambda e: least.xreplace({parameter: e.indices[0]}))
    else:
        rate = sp.diff(body.xreplace({slack: probe}), probe)
        body = body.xreplace({slack: least})
    return body, used, rate
