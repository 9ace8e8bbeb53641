r"""Probabilities of events in random variables read as the means of their indicators.

Markov's inequality bounds the probability of an event written in a random variable by a moment:

.. math::

    \Pr(X \ge a) \le \frac{\mathrm{E}(X)}{a} \qquad (X \ge 0,\ a > 0) .

The probability of an event is the mean of its indicator, :math:`\Pr(A \ge B) = \mathrm{E}[\mathbb{1}\{A \ge B\}]`,
so :func:`events_as_means` writes each ``P(event_ge(A, B))`` (``\le``, ``<``, ``>`` alike) as ``E`` of a
``Piecewise`` indicator, and readers.notes.moments reads the claim over a random discrete law like any other claim
about moments (the conditions on the variable, "a non-negative random variable", hold at each of its outcomes).
An event that sets a cases expression with number values to a number (``\Pr(\mathrm{I}_{X \ge a} = 1)``, the
indicator a definition wrote by cases) is read alike: it has positive probability, unlike ``X = x``.

Sampling draws the thresholds and the values apart, so it cannot tell :math:`\Pr(X \ge a)` from
:math:`\Pr(X > a)`: a confirmation stands only when :func:`fails_at_ties` finds no exact failure where a threshold
equals a value the variable takes.

Only confirmation is taken from this reading; a claim it does not confirm keeps the readings it had.  A claim about
such a probability that fails on a random discrete law may hold on the law the notes mean: a support or a moment the
prose states in words this reader does not read (Markov's inequality for a ``Y`` the proof defines as a square a few
lines on; Chebyshev's :math:`\Pr(|X - \mu| \ge k\sigma) \le 1/k^2`, which a law of zero variance breaks), so a
failure refutes nothing.  Events ``X = x`` of a sampled value (a mass function), conditional probabilities,
chains (``P(a \le X \le b)``) and probabilities differentiated or integrated in their threshold (the density
:math:`\frac{d}{dx} P(X \le x)`, which a discrete law has not) are not read here.
"""
from __future__ import annotations

import random

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.law_tables import PROBABILITY_NAMES

RELATIONS = {"event_ge": sp.Ge, "event_gt": sp.Gt, "event_le": sp.Le, "event_lt": sp.Lt}
"""The events read, by the name the parser gives them (readers.latex.names: ``event_<relation>(A, B)``)."""
METHOD = "the probability of an event read as the mean of its indicator"


def _indicator_mean(app):
    """``E(Piecewise((1, A rel B), (0, True)))`` for ``P(event_rel(A, B))``; ``app`` itself otherwise."""
    if app.func.__name__ not in PROBABILITY_NAMES or len(app.args) != 1:
        return app
    (event,) = app.args
    relation = RELATIONS.get(getattr(event.func, "__name__", ""))
    if getattr(event.func, "__name__", "") == "event_eq" and len(event.args) == 2 and _indicator_value(*event.args):
        relation = sp.Eq  # P(I_{X >= a} = 1): a variable of finitely many values, each on a region of the outcomes
    if relation is None or not isinstance(event, AppliedUndef) or len(event.args) != 2:
        return app
    if any(isinstance(a, AppliedUndef) or type(a).__name__ == "Given" for a in sp.preorder_traversal(event)
           if a is not event):
        return app
    return sp.Function("E")(sp.Piecewise((1, relation(*event.args)), (0, True)))


def _indicator_value(a, b) -> bool:
    """Whether ``a = b`` sets a cases expression with number values (an indicator ``\\mathrm{I}_{X \\ge a}``) to a
    number: an event of positive probability, unlike ``X = x`` of a sampled value."""
    def cases(e):
        return isinstance(e, sp.Piecewise) and all(v.is_number for v, _ in e.args)

    return cases(a) and b.is_number or cases(b) and a.is_number


def events_as_means(expr):
    r"""``expr`` with each probability of an event between two expressions (``\Pr(X \ge a)``,
    ``\Pr(|X - \mu| \ge k \sigma)``) written as the mean of its indicator; ``expr`` itself when there is none."""
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in PROBABILITY_NAMES,
                        _indicator_mean)


def reads_events(*exprs) -> bool:
    """Whether :func:`events_as_means` rewrites a probability in ``exprs``."""
    return any(events_as_means(e) != e for e in exprs)



TIE_TRIALS = 24
"""Points tried by :func:`fails_at_ties`, each with a threshold on a value the variable takes."""
_VALUES = (sp.Integer(0), sp.Rational(1, 2), sp.Integer(1), sp.Integer(2), sp.Integer(3), sp.Integer(-1),
           sp.Rational(-3, 2))
_TOLERANCE = sp.Float("1e-40", 60)
"""Relative slack of the exact comparison (sides evaluated to 60 digits: a tie is an equality of algebraic numbers)."""


def fails_at_ties(sides, written, rel: str, conditions, variables, seed: int = 47) -> dict | None:
    r"""A point where the written-out claim fails with a threshold equal to a value the variable takes, else None.

    Sampling draws the values of the variable and the thresholds apart, so it never sees the ties where
    :math:`\Pr(X \ge a)` and :math:`\Pr(X > a)` differ: a claim that confuses them (:math:`\Pr(X \ge a) = 1 -
    \Pr(X \le a)`) would hold at every sampled point.  Here each threshold (a name of an event's sides other than
    the variables) is solved for so that an event's two sides agree at one outcome, the other names drawn from small
    rationals, and the claim (``written``: readers.notes.moments' reading of ``sides``) is evaluated exactly where
    the ``conditions`` (on the outcomes and the names) hold."""
    from readers.notes.moments import ATOMS, _plain

    events = [a.args[0] for e in sides for a in e.atoms(AppliedUndef) if _indicator_mean(a) is not a]
    outcomes = {v: sp.symbols(f"{_plain(v.name)}0:{ATOMS}", real=True) for v in variables}
    atoms = {s for vals in outcomes.values() for s in vals}
    weights = sp.symbols(f"u0:{ATOMS}", positive=True)
    names = sorted(set().union(*(e.free_symbols for e in (*written, *conditions))) - atoms, key=str)
    bounds = [(e.args[0], e.args[1]) for event in events for e in (event, *event.atoms(sp.Rel))
              if not isinstance(e, (sp.Eq, sp.Ne))]  # the event's sides and each bound inside its cases
    thresholds = [(pair, s) for pair in bounds for s in sorted(set().union(*(x.free_symbols for x in pair))
                                                              - set(variables), key=str)]
    if not thresholds:
        return None
    rng = random.Random(seed)
    relation = {"=": sp.Eq, "<=": sp.Le, ">=": sp.Ge, "<": sp.Lt, ">": sp.Gt}[rel]
    for _ in range(TIE_TRIALS):
        point = {s: rng.choice(_VALUES) for s in atoms}
        point.update({s: rng.choice(_VALUES[1:5]) for s in weights})
        point.update({s: rng.choice(_VALUES) for s in names if s not in point})
        pair, threshold = rng.choice(thresholds)
        k = rng.randrange(ATOMS)
        at = {v: outcomes[v][k] for v in variables}
        tie = (pair[0] - pair[1]).xreplace(at).xreplace({s: v for s, v in point.items() if s != threshold})
        try:
            roots = [r for r in sp.solve(tie, threshold) if r.is_real]
        except Exception:  # noqa: BLE001 - sympy finds no tie on this bound (a cases expression): another is tried
            continue
        if not roots:
            continue
        point[threshold] = rng.choice(roots)
        if not all(c.xreplace(point) is sp.true for c in conditions):
            continue
        try:
            left, right = (sp.N(e.xreplace(point), 60) for e in written)
            holds = relation(left, right) if rel != "=" else abs(left - right) <= _TOLERANCE * (1 + abs(left))
            if rel in ("<=", ">="):
                slack = _TOLERANCE * (1 + abs(left) + abs(right))
                holds = relation(left - (slack if rel == "<=" else -slack), right)
        except TypeError:
            continue
        if holds is sp.false or holds is False:
            return {str(s): str(v) for s, v in point.items()}
    return None
