r"""Moments given a random variable, $\mathbb{E}(X \mid Y)$ and $\operatorname{Var}(Y \mid X)$, read exactly over finite laws.

The law of total variance and the steps of its proof,

.. math:: \operatorname{Var}(Y) = \mathbb{E}[\operatorname{Var}(Y \mid X)] + \operatorname{Var}[\mathbb{E}(Y \mid X)],
          \qquad \mathbb{E}(Y^2) = \mathbb{E}[\operatorname{Var}(Y \mid X) + \mathbb{E}(Y \mid X)^2],

hold for every joint law; :mod:`readers.notes.moments` reads only unconditional moments.  Here a claim whose moments
all condition on one random variable $C$ (or on none) is evaluated exactly on ``LAWS`` random finite joint laws: $C$
takes ``GROUPS`` distinct values, each with ``PER_GROUP`` outcomes of positive probability at which the other
random variables take values of their own (every finite joint law in which $C$ has ``GROUPS`` values and the others
at most ``PER_GROUP`` values per value of $C$ is of this form).  Given $C = c_g$,

.. math:: \mathbb{E}(Z \mid C)(\omega) = \frac{\sum_{\omega' : C(\omega') = c_g} w_{\omega'} Z(\omega')}
          {\sum_{\omega' : C(\omega') = c_g} w_{\omega'}},\qquad
          \operatorname{Var}(Z \mid C) = \mathbb{E}(Z^2 \mid C) - \mathbb{E}(Z \mid C)^2 ,

a random variable; unconditional moments are the same sums over all outcomes.  Names outside the moments are
constants and take random rational values.  Holding exactly at every law is ``verified`` (evidence over the laws
sampled, not a proof); anything else is left to the caller (None): this reading confirms, it never refutes.
"""
from __future__ import annotations

import random

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import Given
from readers.notes.moments import OPERATORS, random_variables

GROUPS = 3
"""Values of the conditioning variable in each sampled law."""
PER_GROUP = 3
"""Outcomes for each value of the conditioning variable."""
LAWS = 3
"""Random finite laws the claim must hold on exactly."""
SEED = 20261205
METHOD = (f"conditional moments read exactly on {LAWS} random finite joint laws (the conditioning variable with "
          f"{GROUPS} values, {PER_GROUP} outcomes each, random rational values and probabilities)")


def check_conditional_moments(lhs, rhs) -> str | None:
    """``METHOD`` when ``lhs = rhs`` holds on every sampled law; None when the claim is not read or does not hold."""
    apps = [f for e in (lhs, rhs) for f in e.atoms(AppliedUndef) if f.func.__name__ in OPERATORS]
    givens = {a for f in apps for a in f.args if isinstance(a, Given)}
    if not givens or any(len(g.args) != 1 or not isinstance(g.args[0], sp.Symbol) for g in givens):
        return None
    conditioning = {g.args[0] for g in givens}
    variables = random_variables((lhs, rhs))
    if len(conditioning) != 1 or isinstance(variables, str) or not conditioning <= variables:
        return None
    others = {f for e in (lhs, rhs) for f in e.atoms(AppliedUndef)} - set(apps) - givens
    if others or any(e.has(sp.Integral, sp.Sum, sp.Derivative, sp.Indexed) for e in (lhs, rhs)):
        return None
    if any(v in _outside(e) for e in (lhs, rhs) for v in variables):
        return None  # a random variable outside a moment: not a number
    (condition,) = conditioning
    rng = random.Random(SEED)
    for _ in range(LAWS):
        law = _Law(rng, condition, sorted(variables, key=str), (lhs.free_symbols | rhs.free_symbols) - variables)
        try:
            if sp.simplify(law.value(lhs, 0) - law.value(rhs, 0)) != 0 or any(
                    sp.simplify(law.value(lhs, k) - law.value(rhs, k)) != 0 for k in (1, len(law.weights) - 1)):
                return None
        except (ValueError, ZeroDivisionError, TypeError):
            return None
    return METHOD


def _outside(expr) -> set:
    stripped = expr.replace(lambda f: isinstance(f, AppliedUndef) and f.func.__name__ in OPERATORS,
                            lambda f: sp.Integer(1))
    return stripped.free_symbols


def _rational(rng) -> sp.Rational:
    return sp.Rational(rng.randint(-40, 40), rng.randint(1, 9))


class _Law:
    """One random finite joint law: outcome ``k`` lies in group ``k // PER_GROUP`` (the conditioning variable's
    value); ``values[v][k]`` is variable ``v`` at outcome ``k``; ``weights`` positive, summing to one."""

    def __init__(self, rng, condition, variables, constants):
        outcomes = GROUPS * PER_GROUP
        levels = rng.sample(range(-20, 21), GROUPS)
        self.values = {v: [sp.Integer(levels[k // PER_GROUP]) if v == condition else _rational(rng)
                           for k in range(outcomes)] for v in variables}
        raw = [sp.Integer(rng.randint(1, 9)) for _ in range(outcomes)]
        self.weights = [w / sum(raw) for w in raw]
        self.constants = {c: _rational(rng) for c in sorted(constants, key=str)}
        self.cache: dict = {}

    def value(self, e, k):
        """``e`` at outcome ``k`` (a moment given the conditioning variable varies with ``k``'s group)."""
        if isinstance(e, AppliedUndef) and e.func.__name__ in OPERATORS:
            return self.moment(e, k)
        if e in self.values:
            return self.values[e][k]
        if e in self.constants:
            return self.constants[e]
        if not e.args:
            return e
        return e.func(*[self.value(a, k) for a in e.args])

    def moment(self, app, k):
        kind = OPERATORS[app.func.__name__]
        args = [a for a in app.args if not isinstance(a, Given)]
        given = len(args) != len(app.args)
        over = range(k // PER_GROUP * PER_GROUP, (k // PER_GROUP + 1) * PER_GROUP) if given \
            else range(len(self.weights))
        key = (app, over.start)
        if key not in self.cache:
            total = sum(self.weights[j] for j in over)

            def mean(f):
                return sum(self.weights[j] * f(j) for j in over) / total

            if kind == "E" and len(args) == 1:
                out = mean(lambda j: self.value(args[0], j))
            elif kind == "Var" and len(args) == 1:
                out = mean(lambda j: self.value(args[0], j) ** 2) - mean(lambda j: self.value(args[0], j)) ** 2
            elif kind == "Cov" and len(args) == 2:
                out = mean(lambda j: self.value(args[0], j) * self.value(args[1], j)) \
                    - mean(lambda j: self.value(args[0], j)) * mean(lambda j: self.value(args[1], j))
            else:
                raise ValueError(f"{app.func.__name__} with {len(app.args)} arguments")
            self.cache[key] = out
        return self.cache[key]
