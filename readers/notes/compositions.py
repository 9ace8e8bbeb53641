r"""A function written out as the composition of functions defined before it.

.. code-block:: latex

    f(u, v) = (u+v)^2, \quad u(a, b) = (a+b)^2, \quad v(a, b) = (a-b)^2, \quad a(w, x, y, z) = (w+x+y+z)^2, ...
    % "composing everything ... and writing out that"
    f(w, x, y, z) = \left(\left((w+x+y+z)^2 + (w+x-y-z)^2\right)^2 + \dots\right)^2

The new row defines ``f`` of other arguments; it also claims that it is the old ``f`` with each of its arguments
replaced by the function of that name (``u`` by ``u(a, b)``'s body, ``a`` by ``a(w, x, y, z)``'s ...), as the notes
name their intermediate variables after the functions that compute them.  :func:`composed` substitutes down to the
new arguments; the two bodies are then compared exactly (expanded), so the claim is proved or left alone: a body
that differs may be a new function of the same name, never a refutation.
"""
from __future__ import annotations

import random

import sympy as sp

DEPTH = 6
"""Most levels of functions substituted into one another."""
POINTS = 3
"""Integer points at which the two bodies are compared before expanding them (a cheap way to skip unequal ones)."""


def composed(body, functions: dict, arguments) -> sp.Expr | None:
    """``body`` with each free name that names a function of ``functions`` (``{name: [(parameters, body)]}``, the
    latest first) replaced by that function's body, level after level, until only ``arguments`` are left; None when
    another name stays or nothing was replaced."""
    keep = set(arguments)
    replaced = False
    for _ in range(DEPTH):
        swaps = {}
        for s in body.free_symbols - keep:
            cases = functions.get(s.name)
            if cases and all(isinstance(p, sp.Symbol) for p in cases[0][0]):
                swaps[s] = cases[0][1]
        if not swaps:
            break
        body, replaced = body.xreplace(swaps), True
    return body if replaced and body.free_symbols <= keep else None


def same_function(left, right, arguments) -> bool:
    """Whether two bodies in ``arguments`` are equal: exactly equal at a few integer points, then expanded to 0."""
    rng = random.Random(0)
    for _ in range(POINTS):
        point = {a: sp.Integer(rng.randint(-3, 3)) for a in arguments}
        try:
            if sp.nsimplify(left.xreplace(point) - right.xreplace(point)) != 0:
                return False
        except (TypeError, ValueError, ZeroDivisionError):
            return False
    try:
        return sp.expand(left - right) == 0
    except (TypeError, ValueError):
        return False
