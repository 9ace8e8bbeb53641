r"""Whether the exact zeros of $d = lhs - rhs$ can be skipped as candidate counterexamples.

For a non-strict relation $lhs \le rhs$ (or $\ge$) a point where $d = 0$ satisfies the relation, so it can never
refute it; solving for those zeros (``ties._solved_roots``, up to ``SOLVE_SECONDS`` of ``sympy.solve``) only takes
time from the searches that can: the zeros of $d'$ (a thin dip's floor) and the kinks of ``Abs``/``Max``/``Min``.

This holds only where $d$ has a value fixed by the expression at its zeros: a jump function (``sign``, ``Heaviside``,
``floor``, ``ceiling``, ``frac``, ``Mod``, a ``Piecewise``) is left out, since a zero found at its step may sit beside
a point where the relation fails by the jump, and those points are looked for from the zeros (``beside_steps``).
Strict relations ($<$, $>$) are left out: there a zero of $d$ is exactly the counterexample.
"""
from __future__ import annotations

import sympy as sp

JUMPS = (sp.sign, sp.Heaviside, sp.floor, sp.ceiling, sp.frac, sp.Mod, sp.Piecewise, sp.DiracDelta,
         sp.KroneckerDelta)
"""Functions that make a difference jump (a kink such as ``Abs`` or ``Max`` keeps it continuous)."""


def zeros_cannot_refute(rel: str, lhs: sp.Expr, rhs: sp.Expr) -> bool:
    """True for ``<=``/``>=`` between sides with no jump function (see the module docstring)."""
    return rel in ("<=", ">=") and not any(side.has(*JUMPS) for side in (lhs, rhs))
