r"""A limit sympy cannot take with a parameter free, taken with the parameter's stated interval built in.

``\lim_{t\to\infty} g\frac{1-\beta^t}{1-\beta}`` raises "Result depends on the sign of sign(log(beta))" with
``beta`` a bare real; under ``0 < \beta < 1`` it is ``g/(1-\beta)``.  Each parameter the conditions bound strictly
on both sides, ``a < p < b``, is written ``p = a + (b - a)/(1 + u)``, one bounded below, ``p > a``, as ``p = a + u``,
one bounded above, ``p < b``, as ``p = b - u``, with ``u > 0`` (a one-to-one map of ``u > 0`` onto the interval);
sympy takes the limit in ``u``, and ``u`` is written back in ``p``.  Only strict bounds that are numbers: at a
closed end (``\beta \le 1``) the limit may be another (``\beta = 1``), so nothing is taken there.
"""
from __future__ import annotations

import sympy as sp


def strict_bounds(assumptions) -> dict:
    """``{symbol: (low, high)}`` from the strict relations of ``assumptions`` between a symbol and a number (None
    for a side not bounded); a symbol with a non-strict bound is left out."""
    bounds, closed = {}, set()
    for relation in assumptions:
        if not isinstance(relation, (sp.StrictLessThan, sp.StrictGreaterThan, sp.LessThan, sp.GreaterThan)):
            continue
        small, big = relation.lts, relation.gts
        strict = isinstance(relation, (sp.StrictLessThan, sp.StrictGreaterThan))
        for symbol, number, side in ((big, small, 0), (small, big, 1)):
            if isinstance(symbol, sp.Symbol) and number.is_number and number.is_finite and number.is_real:
                if not strict:
                    closed.add(symbol)
                low, high = bounds.get(symbol, (None, None))
                bounds[symbol] = (number, high) if side == 0 else (low, number)
    for symbol in list(bounds):
        if symbol.is_positive and bounds[symbol][0] is None:
            bounds[symbol] = (sp.Integer(0), bounds[symbol][1])
    return {s: b for s, b in bounds.items() if s not in closed}


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
    return sp.simplify(value.xreplace(back))
