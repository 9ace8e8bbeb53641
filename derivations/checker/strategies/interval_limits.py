r"""A limit sympy cannot take with a parameter free, taken with the parameter's stated interval built in.

``\lim_{t\to\infty} g\frac{1-\beta^t}{1-\beta}`` raises "Result depends on the sign of sign(log(beta))" with
``beta`` a bare real; under ``0 < \beta < 1`` it is ``g/(1-\beta)``.  Each parameter the conditions bound strictly
on both sides, ``a < p < b``, is written ``p = a + (b - a)/(1 + u)``, one bounded below, ``p > a``, as ``p = a + u``,
one bounded above, ``p < b``, as ``p = b - u``, with ``u > 0`` (a one-to-one map of ``u > 0`` onto the interval);
sympy takes the limit in ``u``, and ``u`` is written back in ``p``.  Bounds are numbers.  A closed end
(``0 \le \beta < 1``) counts only where the limit taken there equals the value found inside, put at that end
(``g`` at ``\beta = 0``); at ``\beta \le 1`` the limit at 1 is another (``g t`` grows), and nothing is taken.
"""
from __future__ import annotations

import sympy as sp


def strict_bounds(assumptions) -> dict:
    """``{symbol: (low, high)}`` from the relations of ``assumptions`` between a symbol and a number (None for a side
    not bounded), with the closed ends of each in :func:`closed_ends`."""
    return {s: b for s, (b, _) in _bounds(assumptions).items()}


def closed_ends(assumptions) -> dict:
    """``{symbol: (ends)}``: the numbers a non-strict bound admits (``0`` of ``0 \\le \\beta``)."""
    return {s: c for s, (_, c) in _bounds(assumptions).items() if c}


def _bounds(assumptions) -> dict:
    bounds = {}
    for relation in assumptions:
        if not isinstance(relation, (sp.StrictLessThan, sp.StrictGreaterThan, sp.LessThan, sp.GreaterThan)):
            continue
        small, big = relation.lts, relation.gts
        strict = isinstance(relation, (sp.StrictLessThan, sp.StrictGreaterThan))
        for symbol, number, side in ((big, small, 0), (small, big, 1)):
            if isinstance(symbol, sp.Symbol) and number.is_number and number.is_finite and number.is_real:
                (low, high), closed = bounds.get(symbol, ((None, None), ()))
                bounds[symbol] = ((number, high) if side == 0 else (low, number),
                                  closed + (() if strict else (number,)))
    for symbol in list(bounds):
        (low, high), closed = bounds[symbol]
        if symbol.is_positive and low is None:
            bounds[symbol] = ((sp.Integer(0), high), closed)
    return bounds


def reparametrised(expr, bounds: dict):
    """``(expr in the new names, {new: old written back})``: each bounded symbol as a map of a positive ``u``."""
    forward, back = {}, {}
    for symbol, (low, high) in bounds.items():
        u = sp.Dummy(f"u_{symbol}", positive=True)
        if low is not None and high is not None:
            forward[symbol], back[u] = low + (high - low) / (1 + u), (high - low) / (symbol - low) - 1
        elif low is not None:
            forward[symbol], back[u] = low + u, symbol - low
        else:
            forward[symbol], back[u] = high - u, high - symbol
    return expr.xreplace(forward), back


def limit_within(f, x, point, direction: str, assumptions, take):
    """``take(f, x, point, direction)`` (a limit function: a value, a tuple, or None) with the parameters of ``f``
    that ``assumptions`` bound written as maps of positive names, the value written back; None when no parameter is
    bound or the limit is still not taken."""
    bounds = {s: b for s, b in strict_bounds(assumptions).items() if s in f.free_symbols and s != x}
    if not bounds:
        return None
    inside, back = reparametrised(f, bounds)
    try:
        value = take(inside, x, point, direction)
    except NotImplementedError:
        return None
    if value is None or isinstance(value, tuple):
        return None
    value = sp.simplify(value.xreplace(back))
    for symbol, ends in closed_ends(assumptions).items():  # 0 <= beta < 1: the value inside must be the one at 0
        for end in ends if symbol in bounds else ():
            try:
                there = take(f.xreplace({symbol: end}), x, point, direction)
                at_end = value.xreplace({symbol: end})
            except (NotImplementedError, ZeroDivisionError):
                return None
            if there is None or isinstance(there, tuple) or at_end.has(sp.nan, sp.zoo) \
                    or sp.simplify(there - at_end) != 0:
                return None  # at beta = 1 the limit of g(1 - beta^t)/(1 - beta) is another (no value there)
    return value
