r"""sympy's free symbols of a sum (any ``ExprWithLimits``) without rebuilding its body.

sympy (1.14) finds the free symbols of $\sum_{j=a}^{b} f$ by first replacing each bound variable by itself, or by a
``Dummy`` where it is not a plain symbol (``function.xreplace(reps)``), then reading the body's symbols.  Where every
bound variable is a symbol the replacement is the identity, yet ``xreplace`` rebuilds every node of the body that holds
one (sympy's ``xreplace`` counts a key replaced by itself as a change), and ``is_number`` of a sum asks for its free
symbols: the stability rules ask ``is_number`` of every factor they meet, and a gradient of nested sums was rebuilt
hundreds of thousands of times (two thirds of the Jensen-Shannon search's CPU time).

:func:`install` routes ``ExprWithLimits.free_symbols`` through :func:`free_symbols`, which gives the same set: the
body's free symbols, less each bound variable, plus the symbols of its bounds, in the order of the limits; a limit
whose variable is not a symbol (an ``Indexed``) is left to sympy's own.
"""
from __future__ import annotations

import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits

_original = ExprWithLimits.free_symbols.fget


def free_symbols(self) -> set:
    """The free symbols of the sum, product or integral ``self``, as sympy's (module docstring)."""
    if not all(isinstance(xab[0], sp.Symbol) for xab in self.limits):
        return _original(self)
    found = set(self.function.free_symbols)
    for xab in self.limits:
        v = xab[0]
        if len(xab) == 1:
            found.add(v)
            continue
        found.discard(v)
        for bound in xab[1:]:
            found.update(bound.free_symbols)
    return found


def install() -> None:
    """Route ``ExprWithLimits.free_symbols`` through :func:`free_symbols` (idempotent)."""
    ExprWithLimits.free_symbols = property(free_symbols, doc=_original.__doc__)


install()
