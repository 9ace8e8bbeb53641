r"""Two expressions sharing one chain of relations: ``H(X), H(Y) \le H(X, Y) \le H(X) + H(Y)``.

The parser reads the row as the lone expression ``H(X)`` with the side condition ``H(Y) \le H(X, Y) \le H(X) +
H(Y)``.  When the lone expression and the first expression of that condition are applications of one function
(``H(X)``, ``H(Y)``; ``P(A)``, ``P(B)``), the comma lists two left sides of the same chain: the row states the chain
for each.  A lone name before a condition (``f(x), x > 0``) keeps its reading: a formula under a condition.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import Chain

RELATIONS = {sp.LessThan: "<=", sp.StrictLessThan: "<", sp.GreaterThan: ">=", sp.StrictGreaterThan: ">",
             sp.Equality: "="}


def as_chain(condition) -> Chain | None:
    """``a \\le b \\le c`` (a sympy relation or an ``And`` of relations linked end to start) as a chain, else None."""
    relations = list(condition.args) if isinstance(condition, sp.And) else [condition]
    if not relations or not all(type(r) in RELATIONS for r in relations):
        return None
    right_sides = {r.rhs for r in relations}
    starts = [r for r in relations if r.lhs not in right_sides]
    if len(starts) != 1:
        return None
    exprs, rels, current, left = [starts[0].lhs], [], starts[0], [r for r in relations if r is not starts[0]]
    while current is not None:
        rels.append(RELATIONS[type(current)])
        exprs.append(current.rhs)
        current = next((r for r in left if r.lhs == current.rhs), None)
        if current is not None:
            left.remove(current)
    return Chain(tuple(exprs), tuple(rels)) if not left else None


def _same_function(a, b) -> bool:
    return isinstance(a, AppliedUndef) and isinstance(b, AppliedUndef) and a.func == b.func


def split_shared_chains(rows):
    """``rows`` with each row ``a, b REL c ...`` (see the module docstring) made two rows: ``a REL c ...`` and
    ``b REL c`` (the links after ``c`` are the first row's)."""
    for row in rows:
        chain = as_chain(row.conditions[0]) if row.kind == "formula" and len(row.chain.exprs) == 1 \
            and not row.chain.rels and not row.continued and len(row.conditions) == 1 else None
        if chain is None or not _same_function(row.chain.exprs[0], chain.exprs[0]):
            yield row
            continue
        yield replace(row, chain=Chain((row.chain.exprs[0],) + chain.exprs[1:], chain.rels), conditions=())
        yield replace(row, chain=Chain(chain.exprs[:2], chain.rels[:1]), conditions=())  # the rest is said above
