r"""Arrows and equalities between written-out numbers: a worked computation, not a limit.

Worked examples write a computation as a pipeline of literal values::

    [1, -2, 0] \rightarrow [e^1, e^{-2}, e^0] = [2.71, 0.14, 1] \rightarrow [0.7, 0.04, 0.26]
    0.79 - 0.55 \pm 1.96 \times 0.03 \to (0.181, 0.299)

No variable tends anywhere: an arrow between numbers says "becomes", by a map the prose names.  Read here:

* ``a \pm b \to (lo, hi)``: the interval ``(a - b, a + b)``, each end as written (rounded or truncated to its
  decimals);
* ``[x_1, ..., x_n] \to [y_1, ..., y_n]``: a map of one of :data:`MAPS` (elementwise ``e^x``, dividing by the sum,
  softmax) that takes the left values to the right ones as written; the map found is named in the method;
* ``[a_1, ..., a_n] = [b_1, ..., b_n]`` with numbers only: entry by entry, each as written.

A written number ``w`` with ``d`` decimals stands for ``v`` when ``v`` rounds or truncates to ``w`` at ``d``
decimals (an integer must be exact; a number that is itself a terminating decimal must be written exactly).  Only ``verified`` comes out (the map is read, not stated); anything else is
None and the caller keeps its verdict.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import PlusMinus

MAPS = {
    "e^x entry by entry": lambda xs: [sp.exp(x) for x in xs],
    "each divided by their sum": lambda xs: [x / sum(xs) for x in xs],
    "softmax": lambda xs: [sp.exp(x) / sum(sp.exp(y) for y in xs) for x in xs],
}
"""Maps an arrow between two lists of numbers is read as."""


def _entries(expr):
    """The entries of a written list or tuple of numbers, else None."""
    if isinstance(expr, AppliedUndef) and expr.func.__name__ == "tuple" and expr.args \
            and all(isinstance(a, sp.Expr) and a.is_number and not a.has(PlusMinus) for a in expr.args):
        return list(expr.args)
    return None


def as_written(value, written, *, computed: bool = True) -> bool:
    """Whether the number ``written`` is ``value`` rounded or truncated to its decimals (an integer: exactly).
    A ``value`` written as a number itself (not ``computed``) that is a terminating decimal must be ``written``
    exactly: ``0.71 = 0.7`` is no rounding."""
    if not isinstance(written, sp.Rational):
        return sp.simplify(value - written) == 0
    if not computed and isinstance(value, sp.Rational) and any(10 ** d % value.q == 0 for d in range(41)):
        return value == written
    if written.is_Integer:
        return sp.simplify(value - written) == 0
    decimals = next((d for d in range(1, 21) if 10 ** d % written.q == 0), None)
    if decimals is None:
        return False
    exact = sp.N(value, 40)
    if not exact.is_real:
        return False
    scale = sp.Integer(10) ** decimals
    rounded = sp.floor(exact * scale + sp.S.Half) / scale
    truncated = sp.sign(exact) * sp.floor(abs(exact) * scale) / scale
    return written in (rounded, truncated)


def _all_as_written(values, written, *, computed: bool = True) -> bool:
    return len(values) == len(written) and all(as_written(v, w, computed=computed) for v, w in zip(values, written))


def check_value_map(lhs, rel, rhs) -> str | None:
    """The method when ``lhs rel rhs`` (``->`` or ``=``) between written numbers holds as read here, else None."""
    left, right = _entries(lhs), _entries(rhs)
    if rel == "=" and left is not None and right is not None:
        if _all_as_written(left, right, computed=False) or _all_as_written(right, left, computed=False):
            return "entry by entry, each number as written (rounded or truncated to its decimals)"
        return None
    if rel != "->" or right is None:
        return None
    if left is None and lhs.has(PlusMinus) and not lhs.free_symbols and len(right) == 2:
        low, high = (lhs.replace(lambda e: isinstance(e, PlusMinus), lambda e, s=s: s * e.args[0])
                     for s in (-1, 1))
        if _all_as_written([low, high], right):
            return "the interval (a - b, a + b) of a \u00b1 b, each end as written"
        return None
    if left is None:
        return None
    for name, apply in MAPS.items():
        try:
            values = apply(left)
        except (ZeroDivisionError, TypeError):
            continue
        if _all_as_written(values, right):
            return f"an arrow between written numbers read as the map {name}, each result as written"
    return None
