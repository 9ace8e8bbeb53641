r"""A step that is an identity in its names as written holds whatever the notes define them to be.

After $f(x) = P_N(x) + R_N(x)$, with $R_N$ a product written with an ellipsis and $\Delta x = \max_i |x_k - x_i|$,
the step

.. math:: \frac{f(x_{n+1}) - f(x_n)}{\Delta x} - \frac{f(x_{n+1}) - 2 f(x_n) + f(x_{n-1})}{2 \Delta x}
          = \frac{f(x_{n+1}) - f(x_{n-1})}{2 \Delta x}

cannot be checked once the definitions are substituted (``unknown functions: R_N``), yet it needs none of them: it
is an identity of rational functions in the values $f(x_{n+1})$, $f(x_n)$, $f(x_{n-1})$ and $\Delta x$.  An identity
that holds for *every* value of its atoms holds for the values any definition gives them (wherever both sides are
defined: no denominator zero), so it is proved without them.

The atoms are the written names and applications, each read as an independent value with no assumption (a name
read as positive would let ``\sqrt{a^2} = a`` through, which fails once ``a`` is defined as a negative number), and
the only algebra is that of rational functions (``sympy.cancel``): no branch of a root, logarithm or power is used.
"""
from __future__ import annotations

import re

import sympy as sp

METHOD = ("an identity of rational functions in the names and applications as written (each an arbitrary value): "
          "it holds whatever the notes define them to be")

_MAX_OPERATIONS = 300
"""Sides larger than this are not tried (``cancel`` grows with the number of atoms); real steps are far smaller."""


_CAPITAL = re.compile(r"[A-Z](?![A-Za-z])")
"""A name that starts with a capital letter standing alone (``A``, ``B_1``, ``A'``): it may name a matrix."""


def identity_as_written(lhs, rhs, *, matrices: bool = False) -> bool:
    """Whether ``lhs = rhs`` holds as a rational identity in the atoms of the two sides, with every symbol freed of
    its assumptions (module docstring).  False when a name may be a matrix (``matrices``: the caller saw one, or a
    capital letter standing alone, ``A``, ``B_1``): the reader multiplies names as commuting numbers, so ``AB`` and
    ``BA`` are one product by the time they get here, and ``AB = BA`` would pass."""
    names = {s.name for e in (lhs, rhs) for s in e.free_symbols if isinstance(s, sp.Symbol)}
    if matrices or any(_CAPITAL.match(n) for n in names):
        return False
    if not all(isinstance(e, sp.Expr) and e.is_commutative for e in (lhs, rhs)):
        return False
    if any(isinstance(e, (sp.MatrixBase, sp.MatrixExpr)) for e in (lhs, rhs)):
        return False
    if lhs == rhs and not (lhs.free_symbols or lhs.atoms(sp.Function)):
        return False  # two numbers written alike: a value, not a step (the numeric check reads it)
    difference = lhs - rhs
    if sp.count_ops(difference) > _MAX_OPERATIONS:
        return False
    plain = {s: sp.Dummy(s.name) for s in difference.free_symbols if isinstance(s, sp.Symbol) and s.assumptions0}
    difference = difference.xreplace(plain)
    try:
        return sp.cancel(sp.together(difference)) == 0
    except (sp.PolynomialError, TypeError, ValueError, RecursionError):
        return False

