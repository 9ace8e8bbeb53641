r"""VJPs derived in index notation, for any formula written as a sympy expression.

For an output $y_\iota$ (a scalar when $\iota$ is empty), a parameter element
$p_\kappa$ and an upstream gradient $g$ shaped like $y$:

.. math:: \bar{p}_\kappa = \sum_\iota g_\iota \frac{\partial y_\iota}{\partial p_\kappa}

computed by sympy's ``diff`` with respect to the element, contracted with $g$,
Kronecker deltas summed out (:func:`~derivations.gradients.sums.eliminate_deltas`),
then compacted: the upstream factored out of each term and common factors pulled
out of sums.  Points of non-differentiability follow :data:`KINK_CONVENTIONS`.
Sharing of subexpressions between the gradients and the forward is left to the
code generator, which memoizes every array it builds.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from derivations.gradients import KINK_CONVENTIONS
from derivations.gradients.sums import eliminate_deltas


@dataclass(frozen=True)
class Wrt:
    """A parameter: a scalar ``Symbol`` or an ``IndexedBase`` with its shape (size expressions)."""

    symbol: sp.Symbol | sp.IndexedBase
    shape: tuple = ()


def fresh_indices(shape, names: set, stem: str = "k", mark: str = "_") -> tuple[tuple[sp.Symbol, sp.Expr, sp.Expr], ...]:
    """Fresh 0-based indices ``(k, 0, n - 1)``, one per axis of ``shape``, named ``stem`` and the axis (``mark``
    appended until the name is not in ``names``); the names taken are added to ``names``."""
    out = []
    for n, size in enumerate(shape):
        name = f"{stem}{n}"
        while name in names:
            name += mark
        names.add(name)
        out.append((sp.Symbol(name, integer=True), sp.S.Zero, size - 1))
    return tuple(out)


def gradient_indices(wrt: Wrt, taken) -> tuple[tuple[sp.Symbol, sp.Expr, sp.Expr], ...]:
    """Fresh 0-based indices ``(k, 0, n - 1)`` for each axis of the parameter, avoiding ``taken``."""
    return fresh_indices(wrt.shape, {str(s) for s in taken})


def derive_vjp(expr: sp.Expr, indices, wrt: Wrt, upstream, conventions=KINK_CONVENTIONS) -> tuple[sp.Expr, tuple]:
    r"""$\sum_\iota g_\iota\, \partial y_\iota / \partial p_\kappa$ and the indices $\kappa$ (with ranges).

    ``indices``: the output's ``(i, lo, hi)``; ``upstream``: a ``Symbol`` for a scalar
    output, else an ``IndexedBase`` read at the output's indices.  ``conventions``: the values at kinks
    (:data:`KINK_CONVENTIONS`); ``()`` keeps sympy's midpoints ($H(0) = \tfrac12$, $\operatorname{sign} 0 = 0$),
    the right values where kinks of several terms cancel ($\max(x, 0) + \operatorname{log1p}(e^{-|x|})$ is smooth).
    """
    taken = expr.free_symbols | {i for i, _, _ in indices}
    kappa = gradient_indices(wrt, taken)
    element = wrt.symbol[tuple(k for k, _, _ in kappa)] if kappa else wrt.symbol
    d = sp.diff(expr, element)
    for func, rule in conventions:
        d = d.replace(func, rule)
    if indices:
        d = sp.Sum(upstream[tuple(i for i, _, _ in indices)] * d, *indices)
    else:
        d = upstream * d
    ranges = {k: (lo, hi) for k, lo, hi in kappa}
    d = eliminate_deltas(d, ranges)
    return compact(d), kappa


def compact(expr: sp.Expr) -> sp.Expr:
    """Common factors out of sums and terms (``factor_terms``), without expanding anything."""
    try:
        return sp.factor_terms(expr)
    except (TypeError, ValueError, AttributeError):  # factor_terms rejects some Piecewise conditions
        return expr
