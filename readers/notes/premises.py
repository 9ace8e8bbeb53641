r"""The premise of an implication that pins its names to finitely many numbers: ``x^2 = 4 \Rightarrow x = 2``.

``P \Rightarrow Q`` claims Q wherever P holds.  When P's equations are polynomial and have finitely many real
solutions, and every one of them is a number, Q is checked at each solution, the solved names replaced by it
(readers.notes.finite_values combines the verdicts):

.. math:: x^2 = 4 \;\Rightarrow\; x \in \{-2, 2\}:\qquad x = 2 \text{ fails at } x = -2 \text{ (refuted)},\qquad
          x^4 = 16 \text{ holds at both (proved)}.

A sampler cannot draw points on the curve ``x^2 = 4``, and read alone the conclusion ``x = 2`` is an equation in an
unknown; at the premise's solutions it is a claim about numbers.  A solution outside a name's domain (``x`` positive)
or a premise's inequality (``x^2 = 4 \land x > 0``) is no case.  Premises with no finite set of numbers for
solutions (``x^2 = a``, ``x + y = 1``) are left to the plain reading (None).

An equivalence ``P \iff Q`` is also read backwards (:func:`converse`): each relation of P is claimed under Q's
relations, so ``x^2 = 4 \iff x = 2`` is refuted by its forward half and ``|x - 1| < 2 \iff -1 < x < 3`` verified in
both.

An inequality in the premise links the names it relates: ``x < y \Rightarrow x^2 < y^2`` compares sides that share
no name, but not independent ones (:func:`linked_by_premise`).

A premise that defines a function of its arguments, ``f(x) = x^a \Rightarrow f'(x) = a x^{a-1}`` (a table of
derivative rules, one ``f`` per row), defines it for its conclusion only (:func:`local_function`): the conclusion is
checked with that ``f``, and its ``f'``, substituted, and the next row's premise defines its own ``f``.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import PlusMinus

_WRITTEN = {sp.Eq: "=", sp.Ne: "!=", sp.StrictLessThan: "<", sp.LessThan: "<=", sp.StrictGreaterThan: ">",
            sp.GreaterThan: ">="}
"""The relation each sympy relational class writes."""
_BUILT = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}
MAX_SOLUTIONS = 6
"""More solutions than this are not enumerated (a claim is checked once per solution)."""
_DOMAIN_FACTS = ("real", "positive", "nonnegative", "negative", "nonpositive", "nonzero", "integer")
"""Assumptions of a name that a solution must satisfy to be a case."""


def premise_solutions(premise, sides=(), in_force=()) -> list[dict] | None:
    r"""``[{symbol: number}, ...]``, the real solutions of the equations of ``premise`` that satisfy its other
    relations and the names' assumptions, when the equations are polynomial and fix every name they mention to a
    number; None otherwise (no equation, infinitely many solutions, solutions with names in them, too many).
    ``premise`` is the claim's conditions, P alone when nothing else conditions it; a premise beside other
    conditions, one with anything but plain relations (an "or", a membership) or a ``\pm`` in it or in the conclusion's
    ``sides`` (``x = \pm 2``: one of two values, not both) is left to the plain reading too.  ``in_force`` holds
    the conditions the notes state in prose ("For $x > 0$:"): a solution that breaks one is no case either, and one
    they do not decide (``x < y`` at ``x = 2``) leaves the premise to the plain reading."""
    if len(premise) != 1:
        return None  # the conclusion has side conditions of its own (``x = 2 \text{ or } x = 3``): not pinned here
    parts = premise[0].args if isinstance(premise[0], sp.And) else premise
    if not all(type(r) in _WRITTEN for r in parts) or any(e.has(PlusMinus) for e in (*parts, *sides)):
        return None
    equations = [r for r in parts if isinstance(r, sp.Eq)]
    if not equations:
        return None
    names = sorted(set().union(*(e.free_symbols for e in equations)), key=lambda s: s.name)
    if not names or len(names) > 2 or not all(isinstance(x, sp.Symbol) for x in names):
        return None
    polynomials = [sp.expand(e.lhs - e.rhs) for e in equations]
    if not all(p.is_polynomial(*names) and not p.is_number for p in polynomials):
        return None
    try:
        found = sp.solve(polynomials, names, dict=True)
    except (NotImplementedError, ValueError, TypeError):
        return None
    if not found or len(found) > MAX_SOLUTIONS or any(set(s) != set(names) for s in found):
        return None
    others = [r for r in parts if not isinstance(r, sp.Eq)]
    out = []
    for solution in found:
        if not all(v.is_number and v.is_real is True for v in solution.values()):
            return None  # a complex or symbolic root: not a finite set of real numbers
        if not all(_in_domain(x, v) for x, v in solution.items()):
            continue
        by_name = {x.name: v for x, v in solution.items()}
        stated = [r.xreplace({y: by_name[y.name] for y in r.free_symbols if getattr(y, "name", None) in by_name})
                  for r in in_force if isinstance(r, sp.Basic)
                  and any(getattr(y, "name", None) in by_name for y in r.free_symbols)]
        kept = [r.xreplace(solution) if isinstance(r, sp.Basic) else (sp.true if r else sp.false) for r in others]
        kept += stated
        if any(k is sp.false for k in kept):
            continue
        if any(k is not sp.true for k in kept):
            return None  # a relation on names the equations do not fix: not decided here
        out.append(solution)
    return out or None


def _in_domain(name: sp.Symbol, value) -> bool:
    """Whether ``value`` satisfies what ``name`` is assumed to be (positive, an integer, ...)."""
    return all(getattr(value, f"is_{fact}") is True for fact in _DOMAIN_FACTS if name.assumptions0.get(fact) is True)


def without_premise_equations(conditions, solution: dict) -> tuple:
    """``conditions`` at ``solution``: the relations that become true there (the premise's equations) dropped."""
    out = []
    for c in conditions:
        at = c.xreplace(solution) if hasattr(c, "xreplace") else c
        if at is sp.true:
            continue
        out.append(at)
    return tuple(out)


def linked_by_premise(premise, lhs, rhs) -> bool:
    """Whether a relation of ``premise`` mentions a name of each side: the sides are not independent names."""
    left, right = lhs.free_symbols, rhs.free_symbols
    return any(getattr(r, "free_symbols", set()) & left and getattr(r, "free_symbols", set()) & right
               for r in premise)


def converse(conditions, exprs, rels) -> list[tuple]:
    r"""``[(lhs, rel, rhs, premise), ...]``: the relations of the premise of ``P \iff Q`` (the last of
    ``conditions``) as claims, each under Q's relations (``exprs``, ``rels``: Q's chain) and the row's other
    conditions; [] when P or Q holds anything but plain relations (a membership, a set)."""
    if not conditions or any(r not in _BUILT for r in rels):
        return []
    premise = conditions[-1]
    parts = premise.args if isinstance(premise, sp.And) else (premise,)
    if not all(type(p) in _WRITTEN for p in parts):
        return []
    try:
        stated = tuple(_BUILT[r](exprs[k], exprs[k + 1], evaluate=False) for k, r in enumerate(rels))
    except (TypeError, ValueError):
        return []
    given = (sp.And(*stated, evaluate=False) if len(stated) > 1 else stated[0],) + tuple(conditions[:-1])
    return [(p.lhs, _WRITTEN[type(p)], p.rhs, given) for p in parts]


def local_function(premise, lhs, rhs):
    r"""``(name, (arguments, body), rest)`` for the first relation of ``premise`` that defines a function the sides
    use, ``f(x) = x^a`` before ``f'(x) = a x^{a-1}`` (the arguments distinct names the body uses, the body free of
    the function), with ``rest`` the premise without it; None when there is none."""
    used = {e.func.__name__.rstrip("'") for side in (lhs, rhs) for e in side.atoms(AppliedUndef)}
    for relation in premise:
        if not isinstance(relation, sp.Eq) or not defines_function(relation.lhs, relation.rhs) \
                or relation.lhs.func.__name__.endswith("'") or relation.lhs.func.__name__ not in used:
            continue
        return relation.lhs.func.__name__, (relation.lhs.args, relation.rhs), tuple(r for r in premise
                                                                                   if r is not relation)
    return None


def defines_function(head, body) -> bool:
    """Whether ``head = body`` reads as a function's definition: ``head`` applies a function to distinct names, the
    body uses them and never calls the function (nor its derivative)."""
    if not isinstance(head, AppliedUndef) or not isinstance(body, sp.Basic):
        return False
    name, args = head.func.__name__, head.args
    return bool(args) and len(set(args)) == len(args) and all(isinstance(a, sp.Symbol) for a in args) \
        and bool(body.free_symbols & set(args)) \
        and not any(e.func.__name__.rstrip("'") == name for e in body.atoms(AppliedUndef))
