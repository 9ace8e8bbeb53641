"""Small helpers on sympy objects (never on text)."""
from __future__ import annotations

import sympy as sp


def as_expr(value) -> sp.Basic:
    """A sympy object for a Python number or sympy object; text is refused.

    Used where ``sympify`` would otherwise be called on bounds and sizes:
    ``sympify`` evaluates strings as Python, so the code base never calls it.
    """
    if isinstance(value, sp.Basic):
        return value
    if isinstance(value, bool):
        return sp.true if value else sp.false
    if isinstance(value, int):
        return sp.Integer(value)
    if isinstance(value, float):
        return sp.Float(value)
    raise TypeError(f"expected a number or a sympy object, got {type(value).__name__}")
