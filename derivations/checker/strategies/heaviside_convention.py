r"""$H(0)$ is a convention, and a claim read at a step of ``Heaviside`` may hold under one and fail under another.

sympy reads ``Heaviside(x)`` with $H(0) = \tfrac12$; NumPy's ``heaviside(x, h0)`` and PyTorch's
``heaviside(x, values)`` make the caller choose, and notes often mean $H(x) = [x \ge 0]$ ($H(0) = 1$) or
$[x > 0]$ ($H(0) = 0$).  $H(x)^2 = H(x)$ holds for $H(0) \in \{0, 1\}$ and fails at $x = 0$ for $\tfrac12$;
$H(x) + H(-x) = 1$ holds for $\tfrac12$ only.  A claim does not state which it means (the reader takes
``Heaviside(u)`` with one argument), so a point where a ``Heaviside`` argument is exactly 0 decides the claim only
when it is decided the same way under each of :data:`CONVENTIONS`; otherwise it refutes nothing and, unless the
claim fails elsewhere, leaves it undecided (``numeric``).
"""
from __future__ import annotations

import sympy as sp

CONVENTIONS = (sp.Integer(0), sp.Rational(1, 2), sp.Integer(1))
r"""The values taken for $H(0)$: $[x > 0]$, sympy's (and the mean of the one-sided limits), $[x \ge 0]$."""


def unstated(node) -> bool:
    r"""Whether a ``Heaviside`` node leaves $H(0)$ at sympy's default $\tfrac12$, as the reader builds every
    ``Heaviside(u)`` of a claim.  ``Heaviside(u, 0)`` states its value (the library's rules write it so) and is kept."""
    return isinstance(node, sp.Heaviside) and node.args[1] == sp.S.Half


def at_a_step(sides, point: dict) -> bool:
    """Whether the argument of some :func:`unstated` ``Heaviside`` in ``sides`` is exactly 0 at the exact ``point``."""
    for side in sides:
        for node in side.atoms(sp.Heaviside):
            if not unstated(node):
                continue
            try:
                if node.args[0].xreplace(point).is_zero:
                    return True
            except Exception:  # noqa: BLE001 - no value there: not a step
                continue
    return False


def with_value_at_zero(expr: sp.Expr, value: sp.Expr) -> sp.Expr:
    """``expr`` with every :func:`unstated` ``Heaviside(u)`` taking ``value`` at ``u = 0``."""
    return expr.replace(unstated, lambda node: sp.Heaviside(node.args[0], value))
