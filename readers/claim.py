r"""One typed claim ``lhs REL rhs`` under typed assumptions, as a checker :class:`Step` (what ``prove`` checks).

Symbols are real unless assumed otherwise, and a point inside the assumptions where one side is
defined and the other is not refutes an equality (``Step.undefined = "refutes"``); a side is undefined
where one of its written divisors vanishes, even when sympy cancelled it (``Step.written_divisors``), and a
derivative's closed form that is 0/0 at a point is the derivative's value there only as its one-sided limits say
(``Step.derivatives``).
"""
from __future__ import annotations

from derivations.checker.step import Step
from readers.expression import parse_assumptions, parse_expression

REL_WORDS = {"==": "=", "=": "=", "<=": "<=", ">=": ">=", "<": "<", ">": ">"}


def claim_step(lhs: str, rel: str, rhs: str, assume=()) -> Step:
    """Parse both sides and the assumptions (``x=positive``, ``0 < p < 1``, ...) into one :class:`Step`.

    Raises ``readers.expression.ParseError`` (with ``side`` set to ``'LHS'``, ``'RHS'`` or ``'--assume'``)
    or ``UnknownAssumption``.
    """
    assumed = parse_assumptions(list(assume))
    divisors: dict = {"lhs": [], "rhs": []}
    derivatives: dict = {"lhs": [], "rhs": []}
    sides = [parse_expression(text, assume=assumed.assume, divisors=divisors[side], derivatives=derivatives[side])
             for side, text in (("lhs", lhs), ("rhs", rhs))]
    written = [(side, d) for side in ("lhs", "rhs") for d in divisors[side]]
    derived = [(side, d) for side in ("lhs", "rhs") for d in derivatives[side]]
    left, right, *rest = unify_symbols(*sides, *assumed.relations, *(d for _, d in written),
                                       *(part for _, d in derived for part in d[:3]))
    n, m = len(assumed.relations), len(written)
    conditions, unified, parts = rest[:n], rest[n:n + m], rest[n + m:]
    return Step(left, right, REL_WORDS[rel], assumptions=tuple(conditions), undefined="refutes",
                written_divisors=tuple((side, d) for (side, _), d in zip(written, unified)),
                derivatives=tuple((side, *parts[3 * k:3 * k + 3], d[3]) for k, (side, d) in enumerate(derived)))


def unify_symbols(*exprs):
    """Parts parsed separately: make equal names the same Symbol (the first seen)."""
    by_name: dict = {}
    out = []
    for expr in exprs:
        for s in sorted(expr.free_symbols, key=str):
            by_name.setdefault(s.name, s)
        out.append(expr.xreplace({s: by_name[s.name] for s in expr.free_symbols}))
    return out
