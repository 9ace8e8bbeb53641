r"""Names that are the parameters of a function the notes define.

After ``f(x, y) = x y``, the ``y`` of ``\frac{\partial f}{\partial x} = y`` is the function's variable, not a
new name that the row defines (reading it so would make ``y`` stand for ``\partial f / \partial x`` in every
later block)."""
from __future__ import annotations

import sympy as sp


def is_parameter(name, functions: dict) -> bool:
    r"""Whether the symbol ``name`` is a parameter of a function in ``functions`` (``{f: [(params, body), ...]}``,
    as the notes checker keeps them): ``x`` and ``y`` after ``f(x, y) = \dots``."""
    if not isinstance(name, sp.Symbol):
        return False
    return any(name in params for cases in functions.values() for params, _ in cases)
