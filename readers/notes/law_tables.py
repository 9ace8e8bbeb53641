r"""Claims about the mass or density functions of named random variables, checked on random laws.

``p_X``, ``P_X``, ``f_X``, ``p_{XY}``, ``p_{X, Y}`` name the law of the variables their subscript lists, so a claim
built only from such functions is a claim about every joint law of those variables:

.. math::

    \sum_{x \in Val(X)} p_X(x) = 1, \qquad p_X(x) = \sum_y p_{XY}(x, y), \qquad
    \int_{-\infty}^{\infty}\int_{-\infty}^{\infty} f_{XY}(x, y) = 1, \qquad
    p_X(x) = \int_{-\infty}^{\infty} p_{X, Y}(x, y)\,dy .

A bare ``p(x)`` or ``f(x)`` names the law of ``X`` only where the prose around it speaks of a density, a mass
function or a distribution (``cue``).  Sums (over ``Val(X)`` or with no range, ``\sum_y``) make the functions
mass functions: each variable takes ``SUPPORT`` values (the values its events name, ``P(H = 1)``, and at least
one more, so that no claim rests on a guessed support), the joint is a random table of positive rationals summing
to 1; ``P(X = x, Y = y \mid Z = z)`` is read in the same table.  Integrals over the whole line make them
densities: each variable has ``SUPPORT`` bins, the joint density is constant on each cell (a random histogram).
Every function is the marginal of one joint table, and a free argument (``x`` of ``p_X(x)``) is tried at every
support value or bin and off the support.

A density may also be written as the derivative of a distribution function (``\frac{d}{dx} P(X \le x)``,
``\frac{\partial^2}{\partial x \partial y} F_{XY}(x, y)``): on a histogram law a distribution function is linear in
each variable within a bin, so a difference quotient inside the bin is its derivative, exactly.

Arithmetic is exact (rationals): sums are finite, and an integral over a bin of a polynomial of degree at most 3
in its variable is Simpson's rule, which is exact there.  A claim that holds on ``LAWS`` random laws at every
point is *verified* (a family of laws, not every law: never *proved*); one that fails is not refuted here (the
reading of the names may be wrong), the caller keeps its own verdict.  Anything else (parameters, other
functions, ``\log``, conditional laws ``p_{X|Y}``) is not read: :func:`check_law_tables` returns None.
"""
from __future__ import annotations

import itertools
import math
import random
import re
from fractions import Fraction

import sympy as sp
from sympy.core.function import AppliedUndef

SUPPORT = 3
"""Values (or bins) of each random variable in a random law."""
LAWS = 4
"""Random laws a claim must hold on."""
CUE = re.compile(r"\bdensit|\bmass function|\bp\.?m\.?f\b|\bp\.?d\.?f\b|\bdistribution\b", re.IGNORECASE)
"""Prose that makes a bare ``p(x)``/``f(x)`` the law of ``X``."""
_NAMED = re.compile(r"^[pPfF]_\{?\s*([A-Z](?:\s*,?\s*[A-Z])*)\s*\}?$")
_SET_SUM = re.compile(r"^sum_\{(\w+)\\in\s*(?:\\(?:mathrm|text|operatorname)\{)?Val\}?\((\w)\)\}$")
_SIZE = "N"
"""The size the reader gives a sum written without its range (``\\sum_y``)."""
_RELATIONS = {"eq": lambda a, b: a == b, "le": lambda a, b: a <= b, "lt": lambda a, b: a < b,
              "ge": lambda a, b: a >= b, "gt": lambda a, b: a > b}
"""Events ``X rel x`` read in a table: ``event_le(X, x)`` is ``X \\le x``."""
_RELATION_NAMES = {"=": "eq", "<=": "le", ">=": "ge"}
"""The claim relations :func:`check_law_tables` reads, by their names in :data:`_RELATIONS`."""
PROBABILITY_NAMES = frozenset({"P", "Pr", r"\Pr", r"\mathbb{P}", r"\operatorname{P}"})
"""Names of the probability of an event: ``P(X = x)`` is the mass function of ``X`` at ``x``."""
METHOD = "the mass or density functions as the laws of the variables they name"


def _share(edges, k, rel, at):
    """The share of bin ``k`` (between ``edges[k]`` and ``edges[k + 1]``) where ``X rel at`` holds, X uniform there."""
    if rel == "eq":
        raise _Unread  # P(X = x) of a density: 0, and surely not what a note means
    a, b = edges[k], edges[k + 1]
    below = min(max((at - a) / (b - a), Fraction(0)), Fraction(1))
    return below if rel in ("le", "lt") else 1 - below


class _Unread(Exception):
    """The claim holds something the law reading does not read."""


def law_variables(app, bare: bool) -> tuple[str, ...] | None:
    """The random variables whose law ``app`` is (``p_{XY}(x, y)`` -> X, Y), or None."""
    name = app.func.__name__
    found = _NAMED.match(name)
    if found is not None:
        letters = tuple(found.group(1).replace(",", "").replace(" ", ""))
        return letters if len(letters) == len(app.args) and len(set(letters)) == len(letters) else None
    if bare and name in ("p", "f") and app.args and all(
            isinstance(a, sp.Symbol) and len(a.name) == 1 and a.name.islower() for a in app.args):
        letters = tuple(a.name.upper() for a in app.args)
        return letters if len(set(letters)) == len(letters) else None
    return None


def events(app) -> list | None:
    """``[(variable, (relation, value), conditioning)]`` of ``P(X = x, Y \\le y | Z = z)``, or None otherwise."""
    if app.func.__name__ not in PROBABILITY_NAMES or not app.args:
        return None
    out = []
    for arg in app.args:
        given = type(arg).__name__ == "Given"
        for event in (arg.args if given else (arg,)):
            relation = event.func.__name__[len("event_"):] if isinstance(event, AppliedUndef) else ""
            if relation not in _RELATIONS or len(event.args) != 2 or not isinstance(event.args[0], sp.Symbol):
                return None
            out.append((event.args[0].name, (relation, event.args[1]), given))
    if not any(not given for _, _, given in out) or len({v for v, _, _ in out}) != len(out):
        return None
    return out


def holds_on_random_laws(reading, lhs, rel, rhs, rng, unread) -> bool:
    """Whether ``lhs rel rhs`` holds at every point of :data:`LAWS` random laws drawn by ``reading`` (its
    ``random_law``, ``points`` and ``value``), with at least one point checked; False at a point ``reading`` cannot
    evaluate (it raises ``unread``).  A point where a probability conditions on a value of no mass is no point."""
    checked = 0
    for _ in range(LAWS):
        law = reading.random_law(rng)
        for point in reading.points(law):
            try:
                a, b = reading.value(lhs, law, point), reading.value(rhs, law, point)
            except unread:
                return False
            except ZeroDivisionError:  # P(B = b | A = a) off the support of A: no value, no claim there
                continue
            checked += 1
            if not _RELATIONS[_RELATION_NAMES[rel]](a, b):
                return False
    return checked > 0


def check_law_tables(lhs, rel, rhs, *, cue: bool = False) -> str | None:
    """The method when ``lhs rel rhs`` holds on random laws of the variables its functions name, else None."""
    if rel not in _RELATION_NAMES:
        return None
    try:
        reading = _Reading(lhs, rhs, cue)
    except _Unread:
        return None
    if not holds_on_random_laws(reading, lhs, rel, rhs, random.Random(12), _Unread):
        return None
    kind = "densities (random histograms)" if reading.density else "mass functions (random tables)"
    names = ", ".join(reading.variables)
    return (f"{METHOD}: verified exactly on {LAWS} random joint laws of {names} with {kind} on {SUPPORT} or more "
            f"values each (the values the claim names and others), at every value of the free arguments and off "
            f"the support")


class _Reading:
    def __init__(self, lhs, rhs, cue):
        self.bare = cue
        apps = [a for e in (lhs, rhs) for a in e.atoms(AppliedUndef)]
        laws = [a for a in apps if law_variables(a, cue) is not None]
        probabilities = [a for a in apps if events(a) is not None]
        if not laws and not probabilities:
            raise _Unread
        if any(a.func.__name__ in PROBABILITY_NAMES for a in apps if events(a) is None):
            raise _Unread  # P of an event that is not X = x
        sums = any(isinstance(e, sp.Sum) or _SET_SUM.match(getattr(getattr(e, "func", None), "__name__", ""))
                   for x in (lhs, rhs) for e in sp.preorder_traversal(x))
        integrals = any(isinstance(e, sp.Integral) or getattr(getattr(e, "func", None), "__name__", "") == "integral"
                        for x in (lhs, rhs) for e in sp.preorder_traversal(x))
        cdfs = any(a.func.__name__.startswith("F") for a in laws)
        integrals = integrals or any(isinstance(e, sp.Derivative) for x in (lhs, rhs) for e in sp.preorder_traversal(x))
        if (sums == integrals and not probabilities and not cdfs) or (sums and integrals):
            raise _Unread  # nothing to read, or a mass and a density at once
        self.density = integrals
        self.variables = sorted({v for a in laws for v in law_variables(a, cue)}
                                | {v for a in probabilities for v, _, _ in events(a)})
        self.named = {}  # variable -> the numbers its events name (P(H = 1)): they are in its support
        self.role = {}  # argument symbol -> the variable it is a value of
        for a in probabilities:
            for v, (_, value), _ in events(a):
                if value.is_Rational:
                    self.named.setdefault(v, set()).add(Fraction(int(value.p), int(value.q)))
                for s in value.free_symbols:
                    if self.role.setdefault(s, v) != v:
                        raise _Unread
        for a in laws:
            for arg, v in zip(a.args, law_variables(a, cue)):
                for s in arg.free_symbols:
                    if self.role.setdefault(s, v) != v:
                        raise _Unread  # one symbol for two variables: p_X(x) p_Y(x)
        self.free = sorted(self._free(lhs) | self._free(rhs), key=str)
        extra = {s for s in lhs.free_symbols | rhs.free_symbols
                 if s not in self.role and s.name != _SIZE and s.name not in self.variables}
        if extra or any(s not in self.role for s in self.free):
            raise _Unread  # a parameter, or a free name that is not an argument of a law

    def _free(self, expr):
        """Arguments of laws left free (not bound by a sum or an integral)."""
        if isinstance(expr, (sp.Sum, sp.Integral)):
            bound = {lim[0] for lim in expr.limits}
            return self._free(expr.function) - bound
        if isinstance(expr, sp.Limit):
            return self._free(expr.args[0]) - {expr.args[1]}
        if isinstance(expr, AppliedUndef) and expr.func.__name__ == "integral":
            return set()  # an integral without its differential binds every argument below it
        if isinstance(expr, AppliedUndef) and _SET_SUM.match(expr.func.__name__):
            return self._free(expr.args[0]) - set(expr.args[1:])
        if isinstance(expr, AppliedUndef) and law_variables(expr, self.bare) is not None:
            return set().union(*(a.free_symbols for a in expr.args))
        if isinstance(expr, AppliedUndef) and events(expr) is not None:
            return set().union(*(value.free_symbols for _, (_, value), _ in events(expr)))
        return set().union(set(), *(self._free(a) for a in expr.args)) if expr.args else (
            {expr} if isinstance(expr, sp.Symbol) else set())

    def random_law(self, rng):
        values = {}
        for v in self.variables:  # distinct support values, or bin edges (SUPPORT + 1 increasing rationals)
            picks = [Fraction(p, 2) for p in rng.sample(range(-6, 7), SUPPORT + (1 if self.density else 0))]
            named = self.named.get(v, set())
            extra = [p for p in picks if p not in named][:max(SUPPORT - len(named), 1)]
            values[v] = sorted(named | set(extra))  # the values its events name, and one at least they do not
        cells = list(itertools.product(*(range(len(values[v]) - (1 if self.density else 0)) for v in self.variables)))
        weights = [Fraction(rng.randint(1, 9)) for _ in cells]
        total = sum(weights)
        return {"table": {c: w / total for c, w in zip(cells, weights)}, "values": values}

    def points(self, law):
        """Assignments of the free arguments: every support value (bin middle) and one value off the support."""
        choices = []
        for s in self.free:
            vals = law["values"][self.role[s]]
            if self.density:
                inside = [(vals[k] + vals[k + 1]) / 2 for k in range(len(vals) - 1)]
                choices.append(inside + [vals[-1] + 1])
            else:
                choices.append(list(vals) + [vals[-1] + 1])
        for combo in itertools.product(*choices):
            yield dict(zip(self.free, combo))

    def cell(self, variable, value, law, forced=None):
        """The index of ``value`` in the support (or bin) of ``variable``, or None off it."""
        if forced is not None and variable in forced:
            return forced[variable]
        vals = law["values"][variable]
        if not self.density:
            return vals.index(value) if value in vals else None
        for k in range(len(vals) - 1):
            if vals[k] < value < vals[k + 1]:
                return k
        if value in vals:
            raise _Unread  # on a bin edge: the density is not one value there
        return None

    def law_value(self, app, law, env, forced):
        variables = law_variables(app, self.bare)
        if app.func.__name__.startswith("F"):  # F_{XY}(x, y) = P(X <= x, Y <= y)
            return self.probability([(v, ("le", a), False) for v, a in zip(variables, app.args)], law, env, forced)
        index = {}
        for arg, v in zip(app.args, variables):
            bin_of = forced.get(arg) if isinstance(arg, sp.Symbol) else None
            k = bin_of if bin_of is not None else self.cell(v, self.value(arg, law, env, forced), law)
            if k is None:
                return Fraction(0)
            index[v] = k
        mass = sum(p for c, p in law["table"].items()
                   if all(c[self.variables.index(v)] == k for v, k in index.items()))
        if self.density:
            for v, k in index.items():
                edges = law["values"][v]
                mass /= edges[k + 1] - edges[k]
        return mass

    def probability(self, found, law, env, forced):
        """``P(X = x, Y = y | Z = z)`` in the table: the mass of the cells where all hold over that of the condition."""
        def mass(items):
            tests = [(self.variables.index(v), law["values"][v], rel, self.value(value, law, env, forced))
                     for v, (rel, value), _ in items]
            if self.density:  # X uniform within each bin of a histogram law
                return sum((p * math.prod((_share(values, c[k], rel, at) for k, values, rel, at in tests),
                                          start=Fraction(1))
                            for c, p in law["table"].items()), Fraction(0))
            return sum((p for c, p in law["table"].items() if all(_RELATIONS[rel](values[c[k]], at)
                                                                 for k, values, rel, at in tests)), Fraction(0))

        condition = [e for e in found if e[2]]
        return mass(found) / mass(condition) if condition else mass(found)

    def value(self, expr, law, env, forced=None):
        forced = forced or {}
        if expr in env:
            return env[expr]
        if expr.is_Integer or expr.is_Rational:
            return Fraction(int(expr.p), int(expr.q))
        if isinstance(expr, sp.Add):
            return sum((self.value(a, law, env, forced) for a in expr.args), Fraction(0))
        if isinstance(expr, sp.Mul):
            return math.prod((self.value(a, law, env, forced) for a in expr.args), start=Fraction(1))
        if isinstance(expr, sp.Pow) and expr.exp.is_Integer:
            return self.value(expr.base, law, env, forced) ** int(expr.exp)
        if isinstance(expr, AppliedUndef):
            name = expr.func.__name__
            if law_variables(expr, self.bare) is not None:
                return self.law_value(expr, law, env, forced)
            if (named_events := events(expr)) is not None:
                return self.probability(named_events, law, env, forced)
            found = _SET_SUM.match(name)
            if found is not None and len(expr.args) == 2 and not self.density:
                index = expr.args[1]
                if index.name != found.group(1) or self.role.get(index) != found.group(2):
                    raise _Unread
                return self.total(expr.args[0], index, law, env, forced)
            if name == "integral" and self.density and len(expr.args) == 3 \
                    and (expr.args[1], expr.args[2]) == (-sp.oo, sp.oo):
                return self.whole_plane(expr, law, env, forced)
            raise _Unread
        if isinstance(expr, sp.Derivative) and self.density:
            return self.slope(expr.expr, list(expr.variable_count), law, env, forced)
        if isinstance(expr, sp.Limit) and not self.density and expr.args[2] in (sp.oo, -sp.oo):
            return self.at_infinity(expr, law, env, forced)
        if isinstance(expr, sp.Sum) and not self.density and len(expr.limits) == 1:
            index, lo, hi = expr.limits[0]
            size = hi + 1 - lo
            if not (isinstance(size, sp.Symbol) and size.name == _SIZE and lo in (0, 1)) or index not in self.role:
                raise _Unread  # \sum_y written with no range: over the support of Y; a stated range is not
            return self.total(expr.function, index, law, env, forced)
        if isinstance(expr, sp.Integral) and self.density:
            if any(len(lim) != 3 or tuple(lim[1:]) != (-sp.oo, sp.oo) or lim[0] not in self.role
                   for lim in expr.limits):
                raise _Unread
            return self.integral(expr.function, [lim[0] for lim in expr.limits], law, env, forced)
        raise _Unread

    def slope(self, body, variables, law, env, forced):
        """A derivative of a function of histogram laws, once in each variable: a difference quotient inside one bin,
        where distribution functions are linear in each variable (exact; at a bin's end, inside its forced bin)."""
        (variable, order), rest = variables[0], variables[1:]
        if order != 1 or variable not in self.role or variable not in env \
                or variable in body.replace(lambda e: isinstance(e, AppliedUndef), lambda e: sp.Dummy()).free_symbols:
            raise _Unread  # d/dx (x F_X(x)): only functions of the laws, linear in x on a bin, are read
        x, edges = env[variable], law["values"][self.role[variable]]
        width = min(edges[j + 1] - edges[j] for j in range(len(edges) - 1))
        ends = [edges[0] - 4 * width] + list(edges) + [edges[-1] + 4 * width]  # off the support: constant pieces
        k = forced.get(variable)
        k = k + 1 if k is not None else next((j for j in range(len(ends) - 1) if ends[j] < x < ends[j + 1]), None)
        if k is None or not ends[k] <= x <= ends[k + 1]:
            raise _Unread  # on a bin's end, or far off: no derivative read
        a, b = ends[k], ends[k + 1]
        h = width / 4
        lo, hi = max(a, x - h), min(b, x + h)

        def at(point):
            here = {**env, variable: point}
            return self.slope(body, rest, law, here, forced) if rest else self.value(body, law, here, forced)

        return (at(hi) - at(lo)) / (hi - lo)

    def at_infinity(self, expr, law, env, forced):
        """``lim_{x -> +-oo}`` of a function of a finite-support law: its value beyond every support value, where it
        must be constant (checked at two points), else the limit is not read."""
        body, variable, point = expr.args[:3]
        if variable not in self.role:
            raise _Unread
        every = [x for values in law["values"].values() for x in values]
        edge = max(every) if point == sp.oo else min(every)
        step = 1 if point == sp.oo else -1
        near, far = (self.value(body, law, {**env, variable: edge + step * k}, forced) for k in (1, 7))
        if near != far:
            raise _Unread
        return near

    def total(self, body, index, law, env, forced):
        return sum((self.value(body, law, {**env, index: x}, forced) for x in law["values"][self.role[index]]),
                   Fraction(0))

    def whole_plane(self, expr, law, env, forced):
        """Nested integrals over the line without differentials: each binds one argument of the laws inside."""
        depth, body = 0, expr
        while isinstance(body, AppliedUndef) and body.func.__name__ == "integral" \
                and (body.args[1], body.args[2]) == (-sp.oo, sp.oo):
            depth, body = depth + 1, body.args[0]
        unbound = sorted((self._free(body) - set(env) - set(forced)), key=str)
        if len(unbound) != depth:
            raise _Unread
        return self.integral(body, unbound, law, env, forced)

    def integral(self, body, indices, law, env, forced):
        """The integral of ``body`` over the line in each of ``indices``: Simpson's rule on each bin (exact for a
        polynomial of degree at most 3 in the variable times the laws, which are constant on a bin)."""
        index, rest = indices[0], indices[1:]
        dummy = sp.Dummy()
        plain = body.replace(lambda e: isinstance(e, (AppliedUndef, sp.Derivative)), lambda e: dummy)
        if not plain.is_polynomial(index) or sp.Poly(plain, index).degree() > 3:
            raise _Unread
        edges = law["values"][self.role[index]]
        out = Fraction(0)
        for k in range(len(edges) - 1):
            a, b = edges[k], edges[k + 1]
            inner = {**forced, index: k}
            nodes = ((a, 1), ((a + b) / 2, 4), (b, 1))
            for x, weight in nodes:
                here = {**env, index: x}
                part = self.integral(body, rest, law, here, inner) if rest else self.value(body, law, here, inner)
                out += (b - a) / 6 * weight * part
        return out
