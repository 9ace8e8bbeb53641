r"""A claim that a form of random variables has a law: :math:`aX + b \sim \mathcal{N}(a\mu + b,\ a^2\sigma^2)` after
:math:`X \sim \mathcal{N}(\mu, \sigma^2)`.

If :math:`Y \sim D(\theta)` then :math:`E[Y]` and :math:`\operatorname{Var}(Y)` are the family's mean and variance, so
the claim is read as two moment claims about the form, checked as every moment claim about variables with a stated
law (readers.notes.laws, with its parametrisations):

.. math:: E[g(X_1, \dots, X_k)] = \text{mean}(D(\theta)), \qquad \operatorname{Var}(g(X_1, \dots, X_k)) =
          \text{variance}(D(\theta)).

A refuted moment refutes the claim (a law with that mean or variance cannot be the form's).  Both moments holding
confirm it only where the family is closed under the form, so that the moments fix the law: an affine form
:math:`c_0 + \sum_i c_i X_i` of normal variables (one, or several the prose calls independent) is normal with mean
:math:`c_0 + \sum_i c_i\mu_i` and variance :math:`\sum_i c_i^2\sigma_i^2`.  Elsewhere matching moments leave the
claim ``undecided``, saying so.
"""
from __future__ import annotations

import sympy as sp

from readers.notes.laws import Law, law as claimed_law, scale_may_be_std

NORMAL = ("N", "Normal", "Gaussian")
MOMENT = {"E": "the form's mean against the claimed law's (lhs, rhs)",
          "Var": "the form's variance against the claimed law's (lhs, rhs)"}
METHOD = "a law's mean and variance: those of the form, by the laws stated for its variables"
CLOSED = "an affine form of {which} normal variables is normal, fixed by its mean and variance"


def moment_claims(form, stated: Law) -> list[tuple]:
    r"""``[(E(form), mean), (Var(form), variance)]``: what ``form \sim stated`` says of the form's moments."""
    return [(sp.Function("E")(form), stated.mean), (sp.Function("Var")(form), stated.variance)]


def closed(form, stated: Law, laws: dict, independent) -> str | None:
    """Why the moments fix the law of ``form`` (:data:`CLOSED`), or None: a normal law claimed of an affine form of
    variables with normal laws, one of them or several stated independent."""
    randoms = [x for x in form.free_symbols if isinstance(x, sp.Symbol) and x.name in laws]
    if stated.family not in NORMAL or not randoms or any(laws[x.name].family not in NORMAL for x in randoms):
        return None
    if len(randoms) > 1 and not all(x.name in independent for x in randoms):
        return None
    expanded = sp.expand(form)
    if not expanded.is_polynomial(*randoms) or sp.Poly(expanded, *randoms).total_degree() > 1:
        return None
    return CLOSED.format(which="one" if len(randoms) == 1 else "independent")


PARAMETRISATION = ("the claimed law's mean or variance differs from the form's, but a stated normal law's second "
                   "parameter may be its standard deviation (it is not written as a square)")
NOT_FIXED = "the claimed law's mean and variance match the form's, but they do not fix its law here"


def one_reading(used) -> bool:
    r"""Whether the stated laws ``used`` have one reading: every normal one written with a square (or 1) as its second
    parameter, :math:`\mathcal{N}(\mu, \sigma^2)`, so a variance (``\mathcal{N}(0, s)`` may mean a standard deviation,
    readers.notes.laws ``other_parametrisation``)."""
    return all(not scale_may_be_std(found) if found.family in NORMAL and len(found.args) == 2 else found.unambiguous
               for found in used)
