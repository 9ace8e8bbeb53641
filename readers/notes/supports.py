r"""A random variable in a claim takes the values of its law's support, not every real number.

After ``m \sim \mathrm{Bernoulli}(1-p)`` a claim ``m^2 = m`` is an identity of the random variable: it holds
where the law puts its mass.  Checked as a statement about a real ``m`` it fails at ``m = -3``, a value ``m``
never takes.  The support of a law of :mod:`readers.notes.laws`:

=========================================  =============================
family                                     support
=========================================  =============================
``Bernoulli(p)``                           :math:`\{0, 1\}` (each value is checked)
``\mathcal{N}(\mu, \sigma^2)``, Laplace     :math:`\mathbb{R}` (a real counterexample stands)
``Binomial(n, p)``; ``Poisson(\lambda)``    the integers :math:`0, \dots, n`; :math:`0, 1, 2, \dots`
``Uniform(a, b)``; ``Beta``; ``Exponential``  :math:`[a, b]`; :math:`(0, 1)`; :math:`(0, \infty)`
any other, or a law the notes do not name  not read: a failure as real numbers is ``undecided``
=========================================  =============================

A support that is a range (:class:`Range`) is checked once more with the variable an integer where the law is
discrete, held inside its bounds, and the law's parameters in their domain: a counterexample there is a value the
variable takes.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

FINITE = {"Bernoulli": (0, 1), "Ber": (0, 1), "Bern": (0, 1)}
"""Families whose support is a short list of numbers: the claim is checked at each."""
REAL_LINE = frozenset({"N", "Normal", "Gaussian", "Laplace"})
"""Families whose support is every real number: a claim failing at a real value fails on the support."""


@dataclass(frozen=True)
class Range:
    """The values between ``low`` and ``high`` (None: unbounded), integers only when ``integers``; ``open`` bounds
    are excluded."""
    low: sp.Expr | None
    high: sp.Expr | None
    integers: bool = False
    open: bool = False

    def conditions(self, x) -> list:
        """The relations that hold ``x`` in the range."""
        out = []
        if self.low is not None:
            out.append(sp.StrictGreaterThan(x, self.low) if self.open else sp.GreaterThan(x, self.low))
        if self.high is not None:
            out.append(sp.StrictLessThan(x, self.high) if self.open else sp.LessThan(x, self.high))
        return out


def _range(found) -> Range | None:
    if found.family in ("Binomial", "B", "Bin") and len(found.args) == 2:
        return Range(sp.Integer(0), found.args[0], integers=True)
    if found.family in ("Poisson", "Pois", "Poiss") and len(found.args) == 1:
        return Range(sp.Integer(0), None, integers=True)
    if found.family in ("U", "Uniform", "Unif") and len(found.args) == 2:
        return Range(*found.args)
    if found.family in ("Beta", "Bet"):
        return Range(sp.Integer(0), sp.Integer(1), open=True)
    if found.family in ("Exponential", "Exp", "Expon", "Gamma", "Ga"):
        return Range(sp.Integer(0), None, open=True)
    return None


def random_in(expr, distributed, laws) -> list[sp.Symbol]:
    """The symbols of ``expr`` the section gives a distribution (``X \\sim ...``), by name."""
    return sorted((s for s in expr.free_symbols if isinstance(s, sp.Symbol)
                   and (s in distributed or s.name in laws)), key=str)


def support(symbol: sp.Symbol, laws) -> tuple | str | Range | None:
    """The support of ``symbol``'s law: a tuple of values, ``"real"`` for the real line, a :class:`Range`, None when
    unknown."""
    found = laws.get(symbol.name)
    if found is None:
        return None
    if found.family in FINITE:
        return tuple(sp.Integer(v) for v in FINITE[found.family])
    return "real" if found.family in REAL_LINE else _range(found)
