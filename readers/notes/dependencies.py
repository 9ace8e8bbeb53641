r"""Derivatives through a chain of named functions, as backpropagation notes write them.

Notes define a graph of functions whose parameters are the names of other functions:

.. math:: f(u, v) = (u+v)^2, \quad u(a, b) = (a+b)^2, \quad a(w, x) = (w+x)^2

and then write $\frac{\partial f}{\partial w}$ for the derivative of $f$ through $u$ and $a$, or
$\frac{\partial f}{\partial a}$ holding $b$ fixed (the other coordinate of $u$'s level).  A name *reaches* a
variable when its body, or the body of a name it uses, mentions the variable.  Then

.. math:: \frac{\partial f}{\partial x} = \frac{\partial}{\partial x}\, f^{\to x},

where $f^{\to x}$ is $f$'s body with every name that reaches $x$ replaced by its body (the variable itself, and
names that do not reach it, stay as they are).  :func:`through_graph` reads both sides of a claim this way
(``\partial f/\partial w = \partial f/\partial u \, \partial u/\partial w + \dots`` is the chain rule, a claim
about names already defined) and then writes every name in its leaves, so that both sides speak of the same
variables.  A derivative of a name the notes never define (``\partial v/\partial a`` with ``v`` only named)
is left alone: nothing says how ``v`` depends on ``a``, so the claim is not read this way at all.
"""
from __future__ import annotations

import sympy as sp

MAX_DEPTH = 12
"""Most names substituted along one path (a longer graph is not read)."""


def _body(symbol, functions: dict, symbols: dict):
    """The body a bare name stands for: the latest definition of the function of that name, or of the symbol."""
    if not isinstance(symbol, sp.Symbol):
        return None
    cases = functions.get(symbol.name)
    if cases:
        return cases[0][1]
    return symbols.get(symbol)


def reaches(symbol, variable, functions: dict, symbols: dict, depth: int = 0) -> bool:
    """Whether the defined name ``symbol`` depends on ``variable`` through the definitions."""
    body = _body(symbol, functions, symbols)
    if body is None or depth > MAX_DEPTH:
        return False
    if variable in body.free_symbols:
        return True
    return any(s != symbol and reaches(s, variable, functions, symbols, depth + 1) for s in body.free_symbols)


def toward(symbol, variables, functions: dict, symbols: dict):
    """``symbol``'s body with every name that reaches one of ``variables`` replaced by its body, recursively."""
    expr = _body(symbol, functions, symbols)
    for _ in range(MAX_DEPTH):
        swap = {s: _body(s, functions, symbols) for s in expr.free_symbols
                if s not in variables and any(reaches(s, v, functions, symbols) for v in variables)}
        if not swap:
            return expr
        expr = expr.xreplace(swap)
    return None


def through_definitions(derivative, functions: dict, symbols: dict):
    r"""$\partial f/\partial x$ of a defined name ``f`` that reaches every ``x``, evaluated; else None."""
    if not isinstance(derivative, sp.Derivative) or not isinstance(derivative.expr, sp.Symbol):
        return None
    variables = [v for v, _ in derivative.variable_count]
    name = derivative.expr
    if _body(name, functions, symbols) is None or name in variables \
            or not all(isinstance(v, sp.Symbol) and reaches(name, v, functions, symbols) for v in variables):
        return None
    body = toward(name, set(variables), functions, symbols)
    return None if body is None else sp.diff(body, *derivative.variable_count)


def leaves(expr, functions: dict, symbols: dict):
    """``expr`` with every defined bare name replaced by its body until none is left (None past the depth)."""
    for _ in range(MAX_DEPTH):
        swap = {s: b for s in expr.free_symbols if (b := _body(s, functions, symbols)) is not None}
        if not swap:
            return expr
        expr = expr.xreplace(swap)
    return None


def through_graph(lhs, rhs, functions: dict, symbols: dict):
    r"""Both sides of a claim with the derivatives of defined names taken through the graph and every name
    written in its leaves, or None when no derivative is of a defined name, or one is left that the
    definitions do not give (``\partial v/\partial a`` with ``v`` undefined)."""
    if not functions:
        return None
    sides, used = [], False
    for side in (lhs, rhs):
        found = {d: through_definitions(d, functions, symbols) for d in side.atoms(sp.Derivative)}
        found = {d: v for d, v in found.items() if v is not None}
        used = used or bool(found)
        sides.append(side.xreplace(found))
    if not used:
        return None
    out = []
    for side in sides:
        if any(isinstance(d.expr, sp.Symbol) for d in side.atoms(sp.Derivative)):
            return None
        side = side.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit())  # of expressions only
        side = leaves(side, functions, symbols)
        if side is None or side.has(sp.Derivative):
            return None
        out.append(side)
    return tuple(out)
