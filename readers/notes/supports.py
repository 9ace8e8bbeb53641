r"""A random variable in a claim takes the values of its law's support, not every real number.

After ``m \sim \mathrm{Bernoulli}(1-p)`` a claim ``m^2 = m`` is an identity of the random variable: it holds
where the law puts its mass.  Checked as a statement about a real ``m`` it fails at ``m = -3``, a value ``m``
never takes.  The support of a law of :mod:`readers.notes.laws`:

=========================================  =============================
family                                     support
=========================================  =============================
``Bernoulli(p)``                           :math:`\{0, 1\}` (each value is checked)
``\mathcal{N}(\mu, \sigma^2)``, Laplace     :math:`\mathbb{R}` (a real counterexample stands)
any other, or a law the notes do not name  not read: a failure as real numbers is ``undecided``
=========================================  =============================
"""
from __future__ import annotations

import sympy as sp

FINITE = {"Bernoulli": (0, 1), "Ber": (0, 1), "Bern": (0, 1)}
"""Families whose support is a short list of numbers: the claim is checked at each."""
REAL_LINE = frozenset({"N", "Normal", "Gaussian", "Laplace"})
"""Families whose support is every real number: a claim failing at a real value fails on the support."""


def random_in(expr, distributed, laws) -> list[sp.Symbol]:
    """The symbols of ``expr`` the section gives a distribution (``X \\sim ...``), by name."""
    return sorted((s for s in expr.free_symbols if isinstance(s, sp.Symbol)
                   and (s in distributed or s.name in laws)), key=str)


def support(symbol: sp.Symbol, laws) -> tuple | str | None:
    """The support of ``symbol``'s law: a tuple of values, ``"real"`` for the real line, None when unknown."""
    found = laws.get(symbol.name)
    if found is None:
        return None
    if found.family in FINITE:
        return tuple(sp.Integer(v) for v in FINITE[found.family])
    return "real" if found.family in REAL_LINE else None
