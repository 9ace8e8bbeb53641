r"""A user's definition as a chain of named intermediates, for reverse mode.

A definition is read as one expression (earlier definitions inlined), but reverse mode
(:func:`~derivations.gradients.reverse.reverse_vjps`) differentiates each intermediate once and
collects its adjoint from all its consumers.  The intermediates are found in the expression:

* every subexpression read more than once (common subexpressions, as sympy's ``cse`` finds them:
  $\sigma(z)$ in the focal loss, $\sum_j e^{z_j}$ in a softmax entropy);
* every sum over a whole axis ($\sum_j x_j^2$ in RMSNorm), read once or more: its adjoint is one
  number per batch element, $\bar{S} = \sum_i \bar{y}_i\, \partial y_i / \partial S$, where the
  expanded derivative would carry $\partial S / \partial x_k$ into every term;

each only where it reads no index (no output index, no index summed around it): an intermediate is
then one number per batch element, a scalar ``Symbol``, and needs no shape.  Names are fresh
(``X_0``, ``X_1``, ...), ordered so that each reads only the ones before it.
"""
from __future__ import annotations

import sympy as sp

from symbolic.record import Definition


def _worth_naming(e: sp.Expr) -> bool:
    """Not a leaf, not a number times a leaf, not an array element: naming those saves nothing."""
    if e.is_Atom or isinstance(e, (sp.Indexed, sp.IndexedBase)) or e.is_number:
        return False
    if isinstance(e, (sp.Abs, sp.sign, sp.Heaviside)) and (e.args[0].is_Atom or isinstance(e.args[0], sp.Indexed)):
        return False  # |x|: its derivative is as cheap, and naming it splits the branches that read it
    if all(s.is_integer for s in e.free_symbols) and not e.atoms(sp.Indexed):
        return False  # sizes only (``n - 1``, a sum's bound): not a value the gradient flows through
    if isinstance(e, sp.Mul) and len(e.args) == 2 and e.args[0].is_number and (e.args[1].is_Atom or
                                                                               isinstance(e.args[1], sp.Indexed)):
        return False
    return True


def intermediates(expr: sp.Expr, indices, sizes=()) -> tuple[tuple[Definition, ...], sp.Expr]:
    r"""``(definitions, output)``: ``expr`` written over named scalar intermediates (see the module docstring).

    ``indices``: the output's ``(i, lo, hi)``; ``sizes``: size symbols (integers that are not indices).
    Expanding the definitions in ``output`` (:func:`~symbolic.record.expand_definitions`) gives ``expr`` back.
    """
    out_idx = {i for i, _, _ in indices}
    size_set = set(sizes)
    for s in expr.atoms(sp.Sum):
        for _, lo, hi in s.limits:
            size_set |= lo.free_symbols | hi.free_symbols
    # an index bound by a reduction is no size, even where it bounds an inner range ($k$ in
    # $\sum_{k} |\sum_{i \le k} u_i|$): the inner sum reads it, so it is one value per $k$, not per batch element
    size_set -= {k for s in expr.atoms(sp.Sum, sp.Product) for k, *_ in s.limits}

    def index_free(e):
        return not any(s.is_integer and s not in size_set for s in e.free_symbols) and not (e.free_symbols & out_idx)

    names = iter(sp.numbered_symbols("X_", real=True, exclude=expr.free_symbols))
    chosen: dict[sp.Expr, sp.Symbol] = {}

    # common subexpressions (cse's order: each reads only earlier ones)
    try:
        pairs, _ = sp.cse(expr, symbols=sp.numbered_symbols("_cse", real=True), optimizations=None)
    except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
        pairs = []
    back = {}
    for sym, sub in pairs:
        full = sub.xreplace(back)
        back[sym] = full
        if index_free(full) and _worth_naming(full):
            chosen.setdefault(full, None)
    # every sum over a whole axis
    for s in sorted(expr.atoms(sp.Sum), key=sp.count_ops):
        if index_free(s):
            chosen.setdefault(s, None)
    # innermost first: a definition reads only earlier ones
    order = sorted(chosen, key=lambda e: (sp.count_ops(e), sp.default_sort_key(e)))
    definitions: list[Definition] = []
    replace: dict[sp.Expr, sp.Symbol] = {}
    for e in order:
        body = _substitute(e, replace)
        if isinstance(body, sp.Symbol) and body in replace.values():
            continue  # the same as an earlier one once those are named
        name = next(names)
        replace[e] = name
        definitions.append(Definition(name, body))
    output = _substitute(expr, replace)
    used = _used(definitions, output)
    return tuple(d for d in definitions if d.lhs in used), output


def _substitute(e: sp.Expr, replace: dict) -> sp.Expr:
    """``e`` with every named subexpression (largest first) replaced by its name, except ``e`` itself."""
    for sub in sorted(replace, key=sp.count_ops, reverse=True):
        if sub != e:
            e = e.xreplace({sub: replace[sub]}) if e.has(sub) else e
    return e


def _used(definitions, output) -> set:
    """The names that ``output`` reads, directly or through the definitions it reads."""
    used = set()
    frontier = set(output.free_symbols)
    by_name = {d.lhs: d for d in definitions}
    while frontier:
        s = frontier.pop()
        if s in by_name and s not in used:
            used.add(s)
            frontier |= by_name[s].expr.free_symbols
    return used
