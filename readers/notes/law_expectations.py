r"""Expectations and probabilities of discrete random variables, as random variables themselves, on random tables.

The proofs of the laws of total expectation and probability write expectations, conditional probabilities given a
variable (not a value) and sums over the set of a variable's values, named by its calligraphic letter:

.. math::

    \mathrm{E}[\mathrm{E}(X \mid Y)] = \mathrm{E}\Big[\sum_{x \in \mathcal{X}} x \Pr(X = x \mid Y)\Big]
    = \sum_{y \in \mathcal{Y}} \Big[\sum_{x \in \mathcal{X}} x \Pr(X = x \mid Y = y)\Big] \Pr(Y = y),
    \qquad \Pr(Z = k \mid X) = \frac{\Pr(X \mid Z = k) \Pr(Z = k)}{\Pr(X)} .

Each side is read as a function of the outcome: a variable written bare (``Y``, in ``\Pr(X = x \mid Y)`` and in
``\Pr(X)``, the probability of the value it takes) is its value there; :math:`\mathrm{E}[B] = \sum_\omega p(\omega)
B(\omega)`, :math:`\mathrm{E}[B \mid C] = \sum_{\omega \in C} p(\omega) B(\omega) / P(C)`,
:math:`\mathrm{Var}(B) = \mathrm{E}[(B - \mathrm{E}B)^2]`, :math:`\mathrm{Cov}(B, D)` alike; a sum over
:math:`\mathcal{X}` runs over the values of ``X`` (``Val(X)`` as well), so does one written with no range.
Other names are constants, drawn at random with each table (``\gamma`` of :math:`\mathrm{E}[R + \gamma G \mid S = s]`).
The joint is a random table (readers.notes.law_tables: ``SUPPORT`` values a variable, positive rational masses); the
claim must hold exactly at every outcome, every value of its free arguments (on and off the support) and on
``LAWS`` tables: *verified*, never proved (a family of laws).  A claim that fails is not refuted here (the reading
may be wrong): the caller keeps its verdict.  Other functions, entries (``\pi_k``) and ranges written out are not
read.
"""
from __future__ import annotations

import itertools
import math
import random
import re
from fractions import Fraction

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.law_tables import (_RELATION_NAMES, _RELATIONS, LAWS, PROBABILITY_NAMES, SUPPORT,
                                      holds_on_random_laws)

EXPECTATION_NAMES = frozenset({"E", r"\mathbb{E}", r"\operatorname{E}", r"\mathrm{E}"})
MOMENT_NAMES = frozenset({"Var", r"\operatorname{Var}", r"\mathrm{Var}", "Cov", r"\operatorname{Cov}",
                          r"\mathrm{Cov}"})
_SET_SUM = re.compile(r"^sum_\{(\w+)\\in\s*(?:\\mathcal\{(\w)\}|(?:\\(?:mathrm|text|operatorname)\{)?Val\}?\((\w)\))\}$")
_VARIABLE = re.compile(r"^[A-Z](?:_\w+|_\{[^{}]+\})?$")
"""A random variable: a capital letter, subscripted or not (``X``, ``S_t``, ``R_{t+1}``)."""
_NO_RANGE = "N"
"""The size the reader gives a sum written without its range (``\\sum_y``)."""


class _Unread(Exception):
    """Something the reading does not read."""


def _name(app) -> str:
    return app.func.__name__


def _key(expr) -> str | None:
    """The name of the random variable ``expr`` is (``X``, ``S_t``, ``R_{t+1}``: one capital letter, indexed or
    not), else None."""
    if isinstance(expr, sp.Symbol) and _VARIABLE.match(expr.name):
        return expr.name
    if isinstance(expr, sp.Indexed) and _VARIABLE.match(str(expr.base.label)):
        return sp.sstr(expr)
    return None


def _random_variables(expr) -> set:
    """The capital letters of ``expr``, indexed or not, outside the limits of sums."""
    found = {x for x in sp.preorder_traversal(expr) if _key(x) is not None and _key(x) != _NO_RANGE}
    return {x for x in found if not (isinstance(x, sp.Symbol) and any(
        isinstance(i, sp.Indexed) and _key(i) is not None and x in i.indices for i in found))}


def check_law_expectations(lhs, rel, rhs) -> str | None:
    """The method when ``lhs rel rhs`` holds at every outcome of ``LAWS`` random tables, else None."""
    if rel not in _RELATION_NAMES:
        return None
    try:
        reading = _Reading(lhs, rhs)
    except _Unread:
        return None
    if not holds_on_random_laws(reading, lhs, rel, rhs, random.Random(46), _Unread):
        return None
    return (f"expectations and probabilities read on the joint law of {', '.join(reading.variables)}: verified "
            f"exactly on {LAWS} random tables ({SUPPORT} values each), at every outcome and every value of the free "
            f"arguments (evidence on a family of discrete laws, not a proof)")


def _outcome_variables(expr) -> set:
    """The random variables ``expr`` depends on outside its expectations and its events' subjects: the bare ``V`` of
    ``P(U = u \\mid V)`` or of ``V^2``, not the ``U`` of ``P(U = u)`` nor any variable inside ``E[.]``."""
    if isinstance(expr, AppliedUndef):
        name = _name(expr)
        if name in EXPECTATION_NAMES or name in MOMENT_NAMES:
            return {_key(x) for a in expr.args if type(a).__name__ == "Given" for x in a.args if _key(x) is not None}
        if name in PROBABILITY_NAMES:
            return {_key(x) for a in expr.args for x in (a.args if type(a).__name__ == "Given" else (a,))
                    if _key(x) is not None}
        if name.startswith("event_"):
            return set().union(*(_outcome_variables(a) for a in expr.args[1:]))
    if _key(expr) is not None:
        return {_key(expr)}
    return set().union(set(), *(_outcome_variables(a) for a in expr.args))


class _Reading:
    def __init__(self, lhs, rhs):
        apps = [a for e in (lhs, rhs) for a in e.atoms(AppliedUndef)]
        self.variables, self.role = [], {}  # role: value name -> the variable it is a value of
        bare = valued = False
        for a in apps:
            name = _name(a)
            if name in PROBABILITY_NAMES or name in EXPECTATION_NAMES or name in MOMENT_NAMES:
                given = [arg for arg in a.args if type(arg).__name__ == "Given"]
                events = [e for arg in (a.args if name in PROBABILITY_NAMES else given) for e in
                          (arg.args if type(arg).__name__ == "Given" else (arg,))]
                for event in events:
                    if _key(event) is not None:
                        self._variable(_key(event))
                        bare = True
                    elif isinstance(event, AppliedUndef) and _name(event).startswith("event_") and \
                            _name(event)[6:] in _RELATIONS and len(event.args) == 2 and \
                            _key(event.args[0]) is not None:
                        variable = _key(event.args[0])
                        self._variable(variable)
                        valued = True
                        for s in event.args[1].free_symbols:
                            if self.role.setdefault(s.name, variable) != variable:
                                raise _Unread
                    else:
                        raise _Unread
            if name in EXPECTATION_NAMES or name in MOMENT_NAMES:
                bare = valued = True
                for arg in a.args:
                    if type(arg).__name__ != "Given":
                        for x in sorted(_random_variables(arg), key=str):
                            self._variable(_key(x))  # the capital letters of an expectation are random variables
            elif name not in PROBABILITY_NAMES and name != "Given" and not _SET_SUM.match(name) \
                    and not name.startswith("event_"):
                raise _Unread  # another function: p_X(x) is readers.notes.law_tables' reading
        for a in apps:
            found = _SET_SUM.match(_name(a))
            if found is not None:
                letter = found.group(2) or found.group(3)
                if len(a.args) != 2 or self.role.setdefault(found.group(1), letter) != letter:
                    raise _Unread
                self._variable(letter)
                bare = True  # a sum over the values of X: readers.notes.law_tables reads Val(X) only
        if not (bare and valued) or not self.variables:
            raise _Unread  # values only (readers.notes.law_tables), or events only (readers.notes.probability)
        self.constants = sorted({s.name for e in (lhs, rhs) for s in e.xreplace(
            {x: sp.Dummy() for x in e.atoms(sp.Indexed) if _key(x) in self.variables}).free_symbols
            if not isinstance(s, sp.Dummy)} - set(self.variables) - set(self.role) - {_NO_RANGE})
        if any(_key(x) is None for e in (lhs, rhs) for x in e.atoms(sp.Indexed)):
            raise _Unread  # pi_k: an entry of something the claim does not define
        for e in (lhs, rhs):
            for x in sp.preorder_traversal(e):
                if isinstance(x, sp.Sum):
                    index, lo, hi = x.limits[0]
                    if len(x.limits) != 1 or index.name not in self.role or lo not in (0, 1) \
                            or str(hi + 1 - lo) != _NO_RANGE:
                        raise _Unread  # a range written out is not the set of values
        self.variables.sort()
        bound = {x.name for e in (lhs, rhs) for t in e.atoms(sp.Sum) for x in t.variables} | {
            a.args[1].name for a in apps if _SET_SUM.match(_name(a)) and len(a.args) == 2}
        self.free = sorted({s.name for e in (lhs, rhs) for s in e.free_symbols} & set(self.role) - bound)
        self.outcome = sorted(set().union(*(_outcome_variables(e) for e in (lhs, rhs))) & set(self.variables))

    def _variable(self, name):
        if name not in self.variables:
            self.variables.append(name)

    def random_law(self, rng):
        values = {v: sorted(Fraction(p, 2) for p in rng.sample(range(-6, 7), SUPPORT)) for v in self.variables}
        cells = list(itertools.product(*(range(SUPPORT) for _ in self.variables)))
        weights = [Fraction(rng.randint(1, 9)) for _ in cells]
        total = sum(weights)
        constants = {c: Fraction(rng.choice((-5, -3, 2, 7)), rng.choice((2, 3))) for c in self.constants}
        return {"table": {c: w / total for c, w in zip(cells, weights)}, "values": values, "constants": constants}

    def points(self, law):
        """Each value of the variables the sides depend on outside their expectations (``V`` of ``P(U = u \\mid
        V)``), with each value of the free arguments, on and off the support."""
        choices = [law["values"][self.role[n]] + [law["values"][self.role[n]][-1] + 1] for n in self.free]
        outcomes = itertools.product(*(law["values"][v] for v in self.outcome))
        for outcome in outcomes:
            for combo in itertools.product(*choices):
                yield {**law["constants"], **dict(zip(self.outcome, outcome)), **dict(zip(self.free, combo))}

    def _holds(self, events, law, cell, env):
        for variable, rel, value in events:
            at = law["values"][variable][cell[self.variables.index(variable)]]
            if not _RELATIONS[rel](at, self.value(value, law, env) if value is not None else env[variable]):
                return False
        return True

    def _events(self, args):
        """``(events, conditions)`` as lists of (variable, relation, value or None for the outcome's value)."""
        events, conditions = [], []
        for arg in args:
            given = type(arg).__name__ == "Given"
            for e in (arg.args if given else (arg,)):
                item = (_key(e), "eq", None) if _key(e) is not None else (_key(e.args[0]), _name(e)[6:], e.args[1])
                (conditions if given else events).append(item)
        return events, conditions

    def _mass(self, events, law, env):
        return sum((p for c, p in law["table"].items() if self._holds(events, law, c, env)), Fraction(0))

    def _mean(self, body, conditions, law, env):
        """E[body | conditions] at ``env`` (the conditions' bare variables at their values there)."""
        total, mass = Fraction(0), Fraction(0)
        for c, p in law["table"].items():
            if not self._holds(conditions, law, c, env):
                continue
            here = {**env, **{v: law["values"][v][k] for v, k in zip(self.variables, c)}}
            total += p * self.value(body, law, here)
            mass += p
        return total / mass

    def value(self, expr, law, env):
        if isinstance(expr, (sp.Symbol, sp.Indexed)):
            name = _key(expr) or (expr.name if isinstance(expr, sp.Symbol) else None)
            if name not in env:
                raise _Unread
            return env[name]
        if expr.is_Rational:
            return Fraction(int(expr.p), int(expr.q))
        if isinstance(expr, sp.Add):
            return sum((self.value(a, law, env) for a in expr.args), Fraction(0))
        if isinstance(expr, sp.Mul):
            return math.prod((self.value(a, law, env) for a in expr.args), start=Fraction(1))
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
            return self.value(expr.base, law, env) ** int(expr.exp)
        if isinstance(expr, sp.Sum):
            index = expr.limits[0][0]
            return sum((self.value(expr.function, law, {**env, index.name: x})
                        for x in law["values"][self.role[index.name]]), Fraction(0))
        if not isinstance(expr, AppliedUndef):
            raise _Unread
        name = _name(expr)
        if name in PROBABILITY_NAMES:
            events, conditions = self._events(expr.args)
            if not events:
                raise _Unread
            return self._mass(events + conditions, law, env) / self._mass(conditions, law, env)
        found = _SET_SUM.match(name)
        if found is not None:
            index = expr.args[1].name
            return sum((self.value(expr.args[0], law, {**env, index: x})
                        for x in law["values"][self.role[index]]), Fraction(0))
        given = [a for a in expr.args if type(a).__name__ == "Given"]
        body = [a for a in expr.args if type(a).__name__ != "Given"]
        if len(given) > 1 or any(not isinstance(a, sp.Symbol) and not _name(a).startswith("event_")
                                 for g in given for a in g.args):
            raise _Unread
        conditions = self._events(given)[1] if given else []
        if name in EXPECTATION_NAMES and len(body) == 1:
            return self._mean(body[0], conditions, law, env)
        if name in MOMENT_NAMES and name.endswith("Var") and len(body) == 1:
            mean = self._mean(body[0], conditions, law, env)
            return self._mean((body[0] - sp.Symbol("_mean")) ** 2, conditions, law, {**env, "_mean": mean})
        if name in MOMENT_NAMES and len(body) == 2:
            means = [self._mean(b, conditions, law, env) for b in body]
            product = (body[0] - sp.Symbol("_m0")) * (body[1] - sp.Symbol("_m1"))
            return self._mean(product, conditions, law, {**env, "_m0": means[0], "_m1": means[1]})
        raise _Unread
