r"""Events combined by set operations inside ``P``: ``P(A \cap B)``, ``P(A \cup B)``, ``P(\Omega \setminus A)``.

.. code-block:: latex

    $P(A) + P(\Omega\setminus A) = 1$, $P(A\cap B) \le \min(P(A), P(B))$, $P(A\cup B) = P(A) + P(B) - P(A\cap B)$

The parser writes ``\cap``, ``\cup`` and ``\setminus`` as ``intersection``, ``union`` and ``difference``.  The
probability checker (:func:`readers.notes.probability._probability_steps`) reads each event as a binary random
variable (``A`` occurs or not) of a random joint distribution; an event built from them by set operations occurs at
an outcome as the operations say:

.. math:: [A \cap B] = [A][B], \quad [A \cup B] = 1 - (1 - [A])(1 - [B]), \quad
          [S \setminus T] = [S](1 - [T]), \quad [\Omega] = 1, \quad [\emptyset] = 0,

and its probability is the sum of the joint over the outcomes where it occurs,
:math:`P(E \mid G) = \sum_\omega p(\omega) [E \cap G](\omega) / \sum_\omega p(\omega) [G](\omega)`.
``\Omega`` is the sample space and ``\emptyset`` (``\varnothing``) the empty event only inside a set operation or as
a whole argument of ``P``; elsewhere they are names as any other.

The reading only confirms: a claim that fails for some joint is left undecided (:data:`UNSTATED`), since notes state
such claims for events they have called disjoint, nested or independent in words ("for disjoint $A$ and $B$, $P(A
\cup B) = P(A) + P(B)$").
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

OPERATIONS = frozenset({"intersection", "union", "difference"})
"""The parser's names of ``\\cap``, ``\\cup`` and ``\\setminus``."""
UNIVERSE = frozenset({"Omega", r"\Omega"})
"""Names of the sample space."""
EMPTY = frozenset({"emptyset", r"\emptyset", "varnothing", r"\varnothing"})
"""Names of the empty event."""
MAX_EVENTS = 4
"""Most events a claim with set operations is read over: the joint has one weight per outcome (``2**4 = 16``)."""


UNSTATED = "fails for some joint distribution of the events ({reason}), but the notes may relate them (disjoint, " \
           "nested, independent) in words this reading does not take"
"""Why a claim about events built by set operations that fails is not refuted."""


def built(*exprs) -> bool:
    """Whether a probability in ``exprs`` is of an event built by set operations, or of the sample space or the
    empty event."""
    return any(compound(a) or isinstance(a, AppliedUndef) and a.func.__name__ == "Given" and any(map(compound, a.args))
               for e in exprs for app in e.atoms(AppliedUndef) if app.func.__name__ in ("P", r"\mathbb{P}")
               for a in app.args)


def is_operation(e) -> bool:
    """Whether ``e`` is a set operation on events (``intersection(A, B)``)."""
    return isinstance(e, AppliedUndef) and e.func.__name__ in OPERATIONS


def is_constant_event(e) -> bool:
    r"""Whether ``e`` is ``\Omega`` or ``\emptyset``."""
    return isinstance(e, sp.Symbol) and e.name in UNIVERSE | EMPTY


def compound(item) -> bool:
    """Whether an argument of ``P`` is built by set operations, or is the sample space or the empty event."""
    return is_operation(item) or is_constant_event(item)


def leaves(item) -> list:
    r"""The events an argument of ``P`` is built from, in order (``A``, ``B`` of ``(A \cap B) \cup A``), without
    the sample space and the empty event."""
    if is_operation(item):
        out = []
        for a in item.args:
            out += [x for x in leaves(a) if x not in out]
        return out
    return [] if is_constant_event(item) else [item]


def only_inside_probabilities(exprs, probability_names) -> bool:
    """Whether every set operation of ``exprs`` sits inside an argument of a probability (``P(A \\cap B)``), none
    in a number (a set operation outside ``P`` is no event to read)."""
    def strip(e):
        return e.replace(lambda x: isinstance(x, AppliedUndef) and x.func.__name__ in probability_names,
                         lambda x: sp.Integer(1))
    return not any(is_operation(x) for e in exprs for x in sp.preorder_traversal(strip(e)))


def occurs(item, value) -> sp.Expr:
    """1 where the event ``item`` occurs, 0 where not, given ``value(leaf)`` (0 or 1) of each event it is built
    from (the formulas of the module docstring)."""
    if isinstance(item, sp.Symbol) and item.name in UNIVERSE:
        return sp.Integer(1)
    if isinstance(item, sp.Symbol) and item.name in EMPTY:
        return sp.Integer(0)
    if not is_operation(item):
        return sp.Integer(value(item))
    parts = [occurs(a, value) for a in item.args]
    name = item.func.__name__
    if name == "intersection":
        return sp.Mul(*parts)
    if name == "union":
        return 1 - sp.Mul(*[1 - p for p in parts])
    first, *rest = parts  # difference(S, T, ...): in S and in none of the others
    return first * sp.Mul(*[1 - p for p in rest])
