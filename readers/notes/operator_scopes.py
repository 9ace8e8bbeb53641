r"""How far a sum or a limit reaches: ``\sum_{i=1}^{n} x_i + y_i`` and ``\lim_{h \to 0} 2bx + bh``.

Read strictly, an operator takes the one term after it: :math:`\bigl(\sum_i x_i\bigr) + y_i`,
:math:`\bigl(\lim_{h\to0} 2bx\bigr) + bh`.  But a term after it that still names the operator's bound variable
(``y_i`` with the summation index ``i``, ``bh`` with the limit's ``h``) has no meaning outside it, and notes that
write so mean the operator to cover it: :math:`\sum_i (x_i + y_i)`, :math:`\lim_{h\to0} (2bx + bh)`.  This wider
reading is a second reading of the block (readers.notes.check ``readings``): a step that fails as read strictly and
holds read widely is ``undecided (ambiguous)``, never refuted; where the strict reading leaves the variable free with
nothing else to give it a meaning (:func:`dangling`), the wide reading is the block's and decides.
"""
from __future__ import annotations

import dataclasses

import sympy as sp

from readers.latex.nodes import Block, Chain

DESCRIPTION = "a sum or limit covering the terms after it that name its bound variable"


def widened(expr: sp.Basic) -> sp.Basic:
    r"""``y_i + Sum(x_i, (i, 1, n))`` -> ``Sum(x_i + y_i, (i, 1, n))``; ``h + Limit(2x, h, 0)`` ->
    ``Limit(2x + h, h, 0)``; terms without the bound variable stay outside."""
    if not isinstance(expr, sp.Basic) or expr.is_Atom:
        return expr
    args = [widened(a) for a in expr.args]
    expr = expr.func(*args) if args != list(expr.args) else expr
    if not isinstance(expr, sp.Add):
        return expr
    operators = [t for t in expr.args if _scaled_operator(t) is not None]
    if len(operators) != 1:
        return expr
    (term,) = operators
    factor, operator = _scaled_operator(term)
    bound = _bound(operator)
    rest = [t for t in expr.args if t is not term]
    inside = [t for t in rest if t.free_symbols & bound]
    if not inside:
        return expr
    outside = [t for t in rest if not t.free_symbols & bound]
    body = operator.args[0] + sp.Add(*inside) / factor
    return factor * operator.func(body, *operator.args[1:]) + sp.Add(*outside)


def _scaled_operator(term):
    r"""``(1, operator)`` for a sum or a limit, ``(-1, operator)`` for a negated one: ``-\left(\sum_n a_n -
    b_n\right)`` arrives as ``b_n - Sum(a_n)``, and read widely it is ``-Sum(a_n - b_n)``; None for any other term.
    (Another factor, ``\frac12 \sum_n a_n + b_n``, could scale the term after it or not: it is left as read.)"""
    if isinstance(term, (sp.Sum, sp.Limit)):
        return sp.Integer(1), term
    if isinstance(term, sp.Mul):
        factor, rest = term.as_coeff_Mul()
        if factor == -1 and isinstance(rest, (sp.Sum, sp.Limit)):
            return factor, rest
    return None


def _bound(operator) -> set:
    if isinstance(operator, sp.Sum):
        return {limit[0] for limit in operator.limits}
    return {operator.args[1]}


def dangling(block: Block) -> bool:
    r"""Whether reading ``block`` strictly leaves a bound variable free where nothing else gives it a meaning: every
    expression that :func:`widened` changes names the variable of one of its sums or limits outside it
    (``\sum X_i/p - (1 - X_i)/(1 - p)``: the second ``X_i``), and no other expression of its chain uses that name (no
    ``y_i`` on the other side, for each ``i``).  Then the strict reading is no reading, and the wide one is the
    block's."""
    changed = False
    for row in block.rows:
        for k, expr in enumerate(row.chain.exprs):
            if not isinstance(expr, sp.Basic) or widened(expr) == expr:
                continue
            changed = True
            bound = {v for op in expr.atoms(sp.Sum, sp.Limit) for v in _bound(op)}
            loose = expr.free_symbols & bound
            others = set().union(*(e.free_symbols for j, e in enumerate(row.chain.exprs)
                                   if j != k and isinstance(e, sp.Basic)))
            if not loose or loose & others:
                return False
    return changed


def widened_block(block: Block) -> Block | None:
    """The block with every expression :func:`widened`, or None when no expression changes."""
    rows, changed = [], False
    for row in block.rows:
        exprs = tuple(widened(e) for e in row.chain.exprs)
        changed |= exprs != row.chain.exprs
        rows.append(dataclasses.replace(row, chain=Chain(exprs, row.chain.rels)))
    return dataclasses.replace(block, rows=tuple(rows)) if changed else None

