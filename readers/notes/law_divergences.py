r"""KL divergences between named laws: ``D_{KL}(\mathcal{N}(\mu, \sigma^2) \| \mathcal{N}(0, 1)) = \dots``.

A row whose left side is ``D_KL`` (``KL``, ``D_{KL}``) of two laws of one family in the table of
:mod:`readers.notes.laws` states that divergence, so it is a claim: the left side is replaced by the closed
form below (natural logarithm), under both laws' parameter domains.  Swapped arguments, a lost factor 1/2 or a
wrong sign then fail at a point of those domains.

.. math::
    D(\mathcal{N}(m_1, v_1) \,\|\, \mathcal{N}(m_2, v_2)) &= \tfrac12\Bigl(\log\frac{v_2}{v_1}
        + \frac{v_1 + (m_1 - m_2)^2}{v_2} - 1\Bigr) \\
    D(\mathrm{Bernoulli}(a) \,\|\, \mathrm{Bernoulli}(b)) &= a \log\frac{a}{b} + (1 - a)\log\frac{1-a}{1-b} \\
    D(\mathrm{Poisson}(\lambda_1) \,\|\, \mathrm{Poisson}(\lambda_2)) &= \lambda_1 \log\frac{\lambda_1}{\lambda_2}
        + \lambda_2 - \lambda_1

A normal law's second argument is its variance when it is written as a square ``s^2`` (then ``s > 0`` is its
standard deviation) or is the number 1 (the same law either way); otherwise the notes may mean the standard deviation, so a failure is not a
refutation (``unambiguous`` is False).
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.entropy import DIVERGENCES
from readers.notes.laws import law


@dataclass(frozen=True)
class StatedDivergence:
    value: sp.Expr  # the divergence in closed form
    domain: tuple  # relations on the laws' parameters
    unambiguous: bool  # both laws have one parametrisation: a failure refutes
    read_as: str


def _variance_written(var) -> bool:
    return var == 1 or (isinstance(var, sp.Pow) and var.exp == 2)


def divergence_of_laws(lhs) -> StatedDivergence | None:
    """The closed form of ``lhs`` when it is the KL divergence of two laws of one family in the module's table."""
    if not isinstance(lhs, AppliedUndef) or lhs.func.__name__ not in DIVERGENCES - {"CE", "H"} or len(lhs.args) != 2:
        return None
    first, second = (law(a) for a in lhs.args)
    if first is None or second is None or first.family != second.family:
        return None
    family = first.family
    if family in ("N", "Normal", "Gaussian"):
        (m1, v1), (m2, v2) = first.args, second.args
        value = (sp.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1) / 2
        unambiguous = _variance_written(v1) and _variance_written(v2)
    elif family in ("Bernoulli", "Ber", "Bern"):
        (a,), (b,) = first.args, second.args
        value = a * sp.log(a / b) + (1 - a) * sp.log((1 - a) / (1 - b))
        unambiguous = True
    elif family in ("Poisson", "Pois"):
        (l1,), (l2,) = first.args, second.args
        value = l1 * sp.log(l1 / l2) + l2 - l1
        unambiguous = True
    else:
        return None
    deviations = tuple(sp.Gt(v.base, 0) for law_expr in lhs.args for v in law_expr.args[1:]
                       if family in ("N", "Normal", "Gaussian") and isinstance(v, sp.Pow) and v.exp == 2
                       and isinstance(v.base, sp.Symbol))  # N(m, s^2): s is a standard deviation, s > 0
    domain = tuple(r for r in dict.fromkeys(first.domain + second.domain + deviations) if r is not sp.true)
    return StatedDivergence(value, domain, unambiguous,
                            f"the KL divergence of the laws {_written(lhs.args[0])} || {_written(lhs.args[1])}, "
                            f"in closed form {value}")


def _written(law_expr) -> str:
    return f"{law_expr.func.__name__}({', '.join(map(str, law_expr.args))})"
