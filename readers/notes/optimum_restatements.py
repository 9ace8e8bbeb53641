r"""An arg min written again: ``c^* = \arg\min_c G`` after ``c^* = \arg\min_c F`` defined ``c^*``.

.. code-block:: latex

    $$\mathbf{c}^* = \underset{c}{\arg\min} \|\mathbf{x} - g(\mathbf{c})\|_2^2$$               % defines c^*
    $$\mathbf{c}^* = \underset{c}{\arg\min} -2\mathbf{x}^\top \mathbf{Dc}
                     + (\mathbf{Dc})^\top\mathbf{Dc}$$                                           % a claim

The second row claims that $G$ has the minimisers of $F$.  It does when the two objectives differ by what does not
depend on $c$ (here $\mathbf{x}^\top\mathbf{x}$, with $g(\mathbf{c}) = \mathbf{Dc}$):

.. math::  \nabla_c\,(G - F) = 0 \quad\text{everywhere}

(for an arg max of $G$ after an arg min of $F$: $\nabla_c (G + F) = 0$).  That claim goes to the matrix check
(readers.notes.matrices: every reading of the names' kinds, at several sizes, by samples).  It is sufficient, not
necessary: a positive factor ($\arg\min 2F = \arg\min F$), a constraint the notes impose ($\mathbf{D}^\top
\mathbf{D} = I$) or a monotone map ($\arg\min \|r\| = \arg\min \|r\|^2$) also keep the minimisers, so a failure
refutes nothing and leaves the claim to the usual reading.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

OPTIMUM = re.compile(r"arg(min|max)_(.+)")
"""The order-keeping reading's name of an arg min or arg max over a variable: ``argmin_c``."""
METHOD = "the two objectives differ by a term free of the optimised variable (its gradient is 0), so their optima agree"


def _inner(name: str) -> str:
    r"""The letters under a bold or roman wrapper: ``\boldsymbol{Dc}`` -> ``Dc``."""
    found = re.fullmatch(r"\\[A-Za-z]+\{([^{}]*)\}", name)
    return found.group(1) if found else name


def optimum(expr):
    """``(sense, variable name, objective)`` of ``argmin_c(F)``, or None."""
    if not isinstance(expr, AppliedUndef) or len(expr.args) != 1:
        return None
    found = OPTIMUM.fullmatch(expr.func.__name__)
    return (found.group(1), found.group(2), expr.args[0]) if found else None


def difference_claim(old, new, core):
    r"""``nabla_v(G -/+ F)`` for ``new = argmin_v G`` after ``old = argmin_v F`` (the sign by their senses),
    with ``v`` the matrix name of ``G`` whose letter (``core``) is the optimised one; None when they are not
    optima over one variable, or ``G`` names no such ``v``."""
    first, second = optimum(old), optimum(new)
    if first is None or second is None or first[1] != second[1]:
        return None
    letter = _inner(second[1]).strip("{}")  # argmin_c, argmin_\boldsymbol{d}: the letter optimised
    variables = {s for e in (first[2], second[2]) for s in e.free_symbols
                 if not s.is_commutative and core(s.name) == letter}
    if len(variables) != 1:
        return None
    variable = next(iter(variables))
    if any(variable not in e.free_symbols for e in (first[2], second[2])):
        return None  # an objective free of v: its gradient is 0 whatever the claim
    runs = [s for e in (first[2], second[2]) for s in e.free_symbols if s != variable
            and re.fullmatch(r"[A-Za-z]{2,}", _inner(s.name)) and letter in _inner(s.name)]
    if runs:  # \mathbf{Dc} read as one name: its dependence on c would be hidden from the gradient
        return None
    sign = 1 if first[0] == second[0] else -1
    return sp.Function(f"nabla_{variable.name}")(second[2] - sign * first[2])
