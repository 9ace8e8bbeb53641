r"""A vector the notes put in a null space: "suppose $A^TA\mathbf{v} = \mathbf{0}$. Then $\mathbf{v}^TA^TA\mathbf{v} =
\|A\mathbf{v}\|^2$ ...".

Under such an equation, $M\mathbf{v} = \mathbf{0}$ with $M$ a product of the claim's matrices and $\mathbf{v}$ a
vector name, each sample of a matrix claim draws the other names as usual, evaluates $M$ and takes

.. math:: \mathbf{v} = \sum_k c_k \mathbf{n}_k, \qquad c_k \sim N(0, 1),

over an orthonormal basis $\mathbf{n}_k$ of $M$'s null space (the right singular vectors whose singular value is at
most :data:`NULL_TOLERANCE` times the largest), scaled to a random length in $[\tfrac12, 2]$.  Where $M$ has no
null space the sample is drawn again: for $A^TA$ with $A$ of size $m \times n$ only the sizes with $m < n$ give one,
and a claim is confirmed only by the samples that have one.  The equation cannot be solved for $\mathbf{v}$
($\mathbf{v} = M^{-1}\mathbf{0} = \mathbf{0}$ where $M$ is invertible is the trivial solution), so before this the
claims under it were left undecided.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from readers.notes.eigenpairs import NoEigenpair

NULL_TOLERANCE = 1e-10
r"""Relative size under which a singular value is read as 0: the matrices sampled have entries of size about 1 and
sizes at most 4, so a singular value of a full-rank product is far above $10^{-10}$, and one that is 0 in exact
arithmetic comes out near $10^{-16}$."""


@dataclass(frozen=True)
class NullSpace:
    """``vector`` is drawn from the null space of ``matrix`` (an expression in the other names)."""

    vector: sp.Symbol
    matrix: sp.Expr


def _zero(e) -> bool:
    return e == 0 or bool(getattr(e, "is_ZeroMatrix", False)) or (
        isinstance(e, sp.Symbol) and e.name.replace(" ", "") in (r"\mathbf{0}", r"\vect{0}", r"\boldsymbol{0}",
                                                                   r"\vec{0}", r"\bm{0}", "0"))


def null_space_equation(lhs, rhs) -> NullSpace | None:
    r"""``M v = 0`` (either side 0) with ``v`` a matrix name, its last factor, that ``M`` does not name; else None."""
    product = lhs if _zero(rhs) else rhs if _zero(lhs) else None
    if not isinstance(product, sp.Mul) or product.is_commutative:
        return None
    *head, last = product.args
    matrix = sp.Mul(*head)
    if not isinstance(last, sp.Symbol) or last.is_commutative or last in matrix.free_symbols \
            or all(s.is_commutative for s in matrix.free_symbols):
        return None
    return NullSpace(last, matrix)


def in_null_space(values: dict, space: NullSpace, evaluate, rng) -> dict:
    """``values`` with ``space.vector`` replaced by a random vector of the null space of ``space.matrix`` there
    (``evaluate``: the value of an expression at ``values``); :class:`NoEigenpair` when it has none."""
    m = evaluate(space.matrix)
    if not isinstance(m, np.ndarray) or m.ndim != 2 or np.iscomplexobj(m):
        raise NoEigenpair("no real matrix")
    _, s, vt = np.linalg.svd(m)
    rank = int(np.sum(s > NULL_TOLERANCE * max(float(s.max(initial=0.0)), 1.0)))
    basis = vt[rank:]
    if len(basis) == 0:
        raise NoEigenpair("no null space")
    x = (rng.standard_normal(len(basis)) @ basis).reshape(-1, 1)
    x *= rng.uniform(0.5, 2) / np.linalg.norm(x)
    if np.shape(values.get(space.vector)) != x.shape:
        raise NoEigenpair("the vector has another size")
    return {**values, space.vector: x}
