r"""Eigenpairs the prose states: "let $\mathbf{x}$ be an eigenvector of $\mathbf{A}$ with eigenvalue $\lambda$".

In its section the claims on those names hold for $\mathbf{A}\mathbf{x} = \lambda\mathbf{x}$: each sample of a matrix
claim draws $\mathbf{A}$ as usual (with its declared properties) and takes $\mathbf{x}$ and $\lambda$ from one of its
real eigenpairs (:func:`eigenpair`).  A claim that fails on those samples is not refuted (an eigenvector written to
a few digits is no longer one): it is left undecided.
"""
from __future__ import annotations

import re

import numpy as np

from readers.notes.symbols import written_name

_MATH = r"\$([^$]{1,40})\$"
_STATED = re.compile(_MATH + r"\s+(?:be|is|denotes?)\s+an?\s+eigenvector\s+of\s+" + _MATH
                     + r"\s*,?\s+(?:with|for)\s+(?:the\s+|its\s+)?(?:associated\s+|corresponding\s+)?eigenvalue\s+"
                     + _MATH, re.I)
"""``$x$ be an eigenvector of $A$ with eigenvalue $\\lambda$`` (``is``, ``with the corresponding eigenvalue``)."""


def stated_eigenpairs(text: str) -> list[tuple[int, str, str, str]]:
    """``(line, vector, matrix, eigenvalue)`` names for every eigenpair the prose states, in order."""
    out = []
    for m in _STATED.finditer(text):
        names = [written_name(g) for g in m.groups()]
        if None not in names:
            out.append((text.count("\n", 0, m.start()) + 1, *names))
    return out


class NoEigenpair(Exception):
    """The sampled matrix has no real eigenpair (draw again)."""


def eigenpair(values: dict, vector, matrix, value, rng) -> dict:
    """``values`` with ``vector`` and ``value`` replaced by a real eigenpair of the sampled ``matrix`` (the
    eigenvector scaled to a random length in [1/2, 2])."""
    a = values[matrix]
    if not isinstance(a, np.ndarray) or a.ndim != 2 or a.shape[0] != a.shape[1] or np.iscomplexobj(a):
        raise NoEigenpair("no square matrix")
    w, v = np.linalg.eig(a)
    real = [k for k in range(len(w)) if abs(w[k].imag) <= 1e-12 * (1 + abs(w[k]))]
    if not real:
        raise NoEigenpair("no real eigenvalue")
    k = real[int(rng.integers(len(real)))]
    x = np.real(v[:, k]).reshape(-1, 1) * rng.uniform(0.5, 2) * rng.choice([-1, 1])
    if vector in values and np.shape(values[vector]) != x.shape:
        raise NoEigenpair("the vector has another size")
    return {**values, vector: x, value: float(np.real(w[k]))}
