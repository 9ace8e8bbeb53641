r"""Probabilities of events in random variables read as the means of their indicators.

Markov's inequality bounds the probability of an event written in a random variable by a moment:

.. math::

    \Pr(X \ge a) \le \frac{\mathrm{E}(X)}{a} \qquad (X \ge 0,\ a > 0) .

The probability of an event is the mean of its indicator, :math:`\Pr(A \ge B) = \mathrm{E}[\mathbb{1}\{A \ge B\}]`,
so :func:`events_as_means` writes each ``P(event_ge(A, B))`` (``\le``, ``<``, ``>`` alike) as ``E`` of a
``Piecewise`` indicator, and readers.notes.moments reads the claim over a random discrete law like any other claim
about moments (the conditions on the variable, "a non-negative random variable", hold at each of its outcomes).

Only confirmation is taken from this reading.  A claim about such a probability that fails on a random discrete law
may hold on the law the notes mean: a support or a moment the prose states in words this reader does not read
(Markov's inequality for a ``Y`` the proof defines as a square a few lines on; Chebyshev's
:math:`\Pr(|X - \mu| \ge k\sigma) \le 1/k^2`, which a law of zero variance breaks), so a failure is ``undecided``,
never refuted.  Events with one side only (``P(X = x)``, a mass function), conditional probabilities and chains
(``P(a \le X \le b)``) are not read here.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.law_tables import PROBABILITY_NAMES

RELATIONS = {"event_ge": sp.Ge, "event_gt": sp.Gt, "event_le": sp.Le, "event_lt": sp.Lt}
"""The events read, by the name the parser gives them (readers.latex.names: ``event_<relation>(A, B)``)."""
FAILS = ("a probability of an event read as the mean of its indicator over a random discrete law: it fails there, "
         "but the law the notes mean may be confined in words this reader does not read (a support, a moment)")
METHOD = "the probability of an event read as the mean of its indicator"


def _indicator_mean(app):
    """``E(Piecewise((1, A rel B), (0, True)))`` for ``P(event_rel(A, B))``; ``app`` itself otherwise."""
    if app.func.__name__ not in PROBABILITY_NAMES or len(app.args) != 1:
        return app
    (event,) = app.args
    relation = RELATIONS.get(getattr(event.func, "__name__", ""))
    if relation is None or not isinstance(event, AppliedUndef) or len(event.args) != 2:
        return app
    if any(isinstance(a, AppliedUndef) or type(a).__name__ == "Given" for a in sp.preorder_traversal(event)
           if a is not event):
        return app
    return sp.Function("E")(sp.Piecewise((1, relation(*event.args)), (0, True)))


def events_as_means(expr):
    r"""``expr`` with each probability of an event between two expressions (``\Pr(X \ge a)``,
    ``\Pr(|X - \mu| \ge k \sigma)``) written as the mean of its indicator; ``expr`` itself when there is none."""
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in PROBABILITY_NAMES,
                        _indicator_mean)


def reads_events(*exprs) -> bool:
    """Whether :func:`events_as_means` rewrites a probability in ``exprs``."""
    return any(events_as_means(e) != e for e in exprs)

