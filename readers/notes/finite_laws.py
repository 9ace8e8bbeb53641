r"""Claims about arbitrary distributions, checked on random finite laws with parameters.

Notes state facts that hold for *every* distribution without saying which one: the log-derivative trick, Bayes'
rule, marginalization, normalization and its gradient,

.. math:: \nabla_\theta P(\tau \mid \theta) = P(\tau \mid \theta)\, \nabla_\theta \log P(\tau \mid \theta),\qquad
          \mathop{\mathbb{E}}_{x \sim P_\theta}\bigl[\nabla_\theta \log P_\theta(x)\bigr] = 0,\qquad
          p(X \mid Y) = \sum_{A} p(X, A \mid Y).

The letters ``p, q, P, \pi, \rho`` (with a subscript that is a label, a random variable or a parameter:
``\rho_0``, ``p_X``, ``P_\theta``; not ``q_\pi``), and a lower-case letter applied with a conditioning bar
(``f(x \mid y)``), are read here as *laws*.  The model:

* **outcomes**: each argument of a law that is a name (``x``, ``\tau``, ``a_t``, ``s[t+1]`` once the sums over
  ``t`` are written out) is a random variable with :data:`SUPPORTS` outcomes; a free one takes a random outcome;
* **parameters**: the letters a claim differentiates in (``\nabla_\theta``) and those in a law's subscript
  (the ``\theta`` of ``\pi_\theta``); an application depends on the parameters it writes, and on no other;
* **one joint law per name**: over all the outcomes its applications write, with positive weights
  $w_v(\theta) = (a_v + \sum_k b_{vk}\theta_k)^2 + c_v$ (random rationals, $c_v > 0$), so that
  $f(A \mid C) = \sum_{v \models A, C} w_v / \sum_{v \models C} w_v$: the marginals and conditionals of one law,
  consistent with each other (Bayes' rule and the chain rule hold, as they must);
* ``\mathbb{E}_{x \sim f}[g]``, ``\int_x g``, ``\int_{-\infty}^{\infty} g\,dx`` and ``\sum_{x \in \mathcal{X}} g`` (a set
  named by the variable's own letter) over an outcome sum over all its outcomes (the expectation weighted by the
  law's application to ``x`` in ``g``, with its conditions); sums and products over
  an index (``\sum_{t=0}^{T}``) are written out at :data:`SIZES`; ``\nabla_\theta`` is the exact derivative;
* another function the notes leave undefined (``b(s_t)``) is an arbitrary signed value per outcome.

Both sides are evaluated at 30 digits at each draw (new laws, outcomes, parameters and support sizes).  Holding at
every draw is ``verified`` *on finite laws*: evidence for every distribution the model covers, not a proof, and
said so.  A failure refutes nothing (the notes may mean a density, or one particular law): the caller keeps its
reason.  What a finite law could make true by accident is not read: relations other than ``=``, an outcome used as
a number (``\mathbb{E}[X(X-1)]`` vanishes on $\{0, 1\}$), a derivative in an outcome, a law of an expression,
an integral over part of the line, a sum over another set, and a sum over outcomes seen at one support size only.
The hook (readers.notes.check) runs after the law readers that already exist (readers.notes.law_tables,
law_expectations, event_values), on a claim no other reading confirmed or refuted.
"""
from __future__ import annotations

import itertools
import random
import re
import zlib

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.nodes import Expectation, Given

SUPPORTS = (2, 3)
"""Outcomes per random variable, one per draw in turn: a claim true only for one support size is not verified."""
SIZES = (1, 2)
"""Values of a size (the ``T`` of ``\\sum_{t=0}^{T}``) at which index sums and products are written out."""
DRAWS = 2
"""Draws per size: new laws, outcomes and parameters."""
MAX_CELLS = 128
"""Most outcome combinations of one law's joint (a claim with more is not read)."""
DIGITS = 30
TOLERANCE = sp.Float("1e-20", DIGITS)
r"""Relative gap under which the sides agree: the weights are exact rationals and logs are evaluated at
:data:`DIGITS` digits, so a true identity leaves a gap near $10^{-29}$."""
METHOD = ("finite laws: each law (p, q, P, pi, rho, or written with a conditioning bar) a random joint law with "
          "parameters on 2 or 3 outcomes per variable, its marginals and conditionals consistent")

_LAW = re.compile(r"^\\?(?:p|q|P|pi|rho|Pr)(?:_\{?(?P<sub>\d+|[A-Z]|\\?(?:alpha|beta|gamma|eta|theta|phi|varphi|psi|"
                  r"omega|lambda|mu|sigma|xi))\}?)?$")
r"""The letters of laws, with a subscript that is a label (``\rho_0``), a random variable (``p_X``) or a parameter
(``P_\theta``): ``q_\pi``, ``v_\pi`` are an RL value function's, not laws."""
_CONDITIONAL = re.compile(r"^[a-df-z]$")
r"""Other letters read as laws when applied with a conditioning bar (``f(x \mid y)``): one lower-case letter (``e``,
``E`` and the capitals of operators, ``H[X | Y]``, ``\mathbb{E}[G | S]``, are not laws)."""
_NABLA = re.compile(r"^nabla_\\?([A-Za-z]+)$")
_SUM_OVER = re.compile(r"^sum_\{?\\?([A-Za-z][A-Za-z0-9_]*)\\in")
_WHOLE_SET = re.compile(r"^sum_\{?\\?([A-Za-z])\\in(?:\\mathcal\{([A-Z])\}|([A-Z]))\}?$")
r"""``\sum_{x \in \mathcal{X}}``, ``\sum_{A \in \mathcal{A}}``: the set named by the variable's own letter is
every outcome of it, the only range read (``\sum_{x \in Val(Y)} p_X(x)`` runs over another variable's values, and
``\sum_{x \in \mathcal{S}} p(x)`` may be over an event)."""
_BINDERS = ("integral",)


class _NotRead(Exception):
    """The claim holds something this model does not read."""


def _name(f) -> str:
    return f.func.__name__ if isinstance(f, AppliedUndef) else str(f)


def law_name(name: str, conditional: bool = False) -> bool:
    """Whether ``name`` is read as a law: a probability letter (maybe subscripted), or a letter applied with a
    conditioning bar (``conditional``)."""
    return _LAW.match(name) is not None or conditional and _CONDITIONAL.match(name) is not None


def _parts(app):
    """``(outcomes, conditions)`` of a law application."""
    outs, conds = [], []
    for a in app.args:
        if isinstance(a, Given):
            conds.extend(a.args)
        else:
            outs.append(a)
    return outs, conds


_SUBSCRIPTED_MEAN = re.compile(r"^(?:\\mathbb\{E\}|E|\\operatorname\{E\})_\{?(?P<law>\\?[A-Za-z]+)"
                               r"(?:\((?P<x>\\?[A-Za-z]+)\))?\}?$")
r"""``\mathbb{E}_{q(z)}``, ``\mathbb{E}_q``: an expectation under the law written in its subscript."""
_DIVERGENCES = ("D_KL", "KL", "D_{KL}", r"\mathrm{KL}", r"\operatorname{KL}", r"D_{\mathrm{KL}}")


def _expectations_written_out(e):
    r"""``e`` with ``\mathbb{E}_{q(z)}[g]`` (and ``\mathbb{E}_q[g]``, where the claim applies ``q`` to one outcome
    ``z`` only) as ``Expectation(g, z, q(z))``, and :math:`D_{KL}(q(z) \| p(z \mid x))` as
    :math:`\mathbb{E}_{q(z)}[\log q(z) - \log p(z \mid x)]`, the definition of the divergence of two laws of one
    outcome.  Anything else is left as it is."""
    apps = e.atoms(AppliedUndef)

    def outcome_of(law):
        found = {a.args[0] for a in apps if a.func.__name__ == law and len(a.args) == 1
                 and isinstance(a.args[0], (sp.Symbol, sp.Indexed))}
        return found.pop() if len(found) == 1 else None

    def mean(f):
        m = _SUBSCRIPTED_MEAN.match(f.func.__name__)
        if m is None or len(f.args) != 1 or not law_name(m.group("law").lstrip("\\")):
            return f
        law = m.group("law").lstrip("\\")
        x = next((s for s in e.free_symbols if s.name.lstrip("\\") == m.group("x").lstrip("\\")), None) \
            if m.group("x") else outcome_of(law)
        if x is None:
            return f
        return Expectation(f.args[0], x, sp.Function(law)(x))

    def divergence(f):
        if f.func.__name__ not in _DIVERGENCES or len(f.args) != 2 or not all(
                isinstance(a, AppliedUndef) and law_name(a.func.__name__, True) for a in f.args):
            return f
        (first, conds), (second, _) = _parts(f.args[0]), _parts(f.args[1])
        if conds or len(first) != 1 or first != second or not isinstance(first[0], (sp.Symbol, sp.Indexed)):
            return f
        return Expectation(sp.log(f.args[0]) - sp.log(f.args[1]), first[0], f.args[0])
    e = e.replace(lambda f: isinstance(f, AppliedUndef) and not isinstance(f, (Given, Expectation)), mean)
    return e.replace(lambda f: isinstance(f, AppliedUndef) and not isinstance(f, (Given, Expectation)), divergence)


def verify_on_finite_laws(lhs, rhs, rel: str, seed_text: str) -> str | None:
    """The method text when ``lhs = rhs`` holds on every draw of the model (module docstring); None when the claim
    is not read here or fails at a draw (a failure refutes nothing)."""
    if rel != "=":
        return None
    lhs, rhs = (_expectations_written_out(e) for e in (lhs, rhs))
    try:
        plan = _Plan(lhs, rhs)
    except _NotRead:
        return None
    rng = random.Random(zlib.crc32(seed_text.encode("utf-8")))
    checked, supports = 0, set()
    for size in (SIZES if plan.sizes else (None,)):
        for draw in range(DRAWS):
            support = SUPPORTS[(draw + (size or 0)) % len(SUPPORTS)]
            if support ** plan.most_outcomes(size) > MAX_CELLS:
                support = SUPPORTS[0]  # many outcomes written out: the smaller support
            supports.add(support)
            try:
                held = plan.holds(rng, support, size)
            except (_NotRead, ValueError, TypeError, ZeroDivisionError):  # not evaluated here: nothing said
                return None
            if not held:
                return None
            checked += 1
    if plan.binds_outcomes() and len(supports) < len(SUPPORTS):
        return None  # a sum over outcomes seen at one support size only (E[1/p(x)] is that size)
    if not plan.laws:
        return f"the gradient read as the derivative in {', '.join(sorted(map(str, plan.params)))} (evaluated at sampled points)"
    laws = ", ".join(sorted(plan.laws))
    sized = f", sums over an index written out at {', '.join(map(str, SIZES))}" if plan.sizes else ""
    return (f"holds on {checked} random finite laws ({laws}; outcomes {', '.join(map(str, sorted(supports)))} per variable"
            f"{sized}): evidence for every law of the kind, not a proof; {METHOD}")[:300]


class _Plan:
    """What the claim reads: its laws, parameters, outcome names and sizes (module docstring)."""

    def __init__(self, lhs, rhs):
        self.sides = (lhs, rhs)
        apps = {a for e in self.sides for a in e.atoms(AppliedUndef) if not isinstance(a, (Given, Expectation))}
        conditional = {a.func.__name__ for a in apps if any(isinstance(x, Given) for x in a.args)}
        self.laws = {a.func.__name__ for a in apps if law_name(a.func.__name__, a.func.__name__ in conditional)}
        if not self.laws and not any(_NABLA.match(a.func.__name__) for a in apps):
            raise _NotRead("no law")  # (\nabla_\theta 1 = 0 of a chain on laws: the gradient alone is read)
        self.params = set()
        symbols = {s.name.lstrip("\\"): s for e in self.sides for s in e.free_symbols | _bound(e)
                   if isinstance(s, sp.Symbol)}
        for a in apps:
            m = _NABLA.match(a.func.__name__)
            if m:  # \nabla_\theta \int_x P_\theta(x): theta written only in names
                self.params.add(symbols.setdefault(m.group(1), sp.Symbol(m.group(1), real=True)))
        for e in self.sides:
            for d in e.atoms(sp.Derivative):
                self.params.update(v for v, _ in d.variable_count)
        for name in self.laws:
            sub = _subscript(name)
            if sub in symbols:
                self.params.add(symbols[sub])
        indices = {lim[0] for e in self.sides for x in e.atoms(sp.Sum, sp.Product) for lim in x.limits}
        self.sizes = {s for e in self.sides for x in e.atoms(sp.Sum, sp.Product) for lim in x.limits
                      for b in lim[1:] for s in b.free_symbols} - indices  # T of sum_{t'=t}^T: not t
        self.outcomes = set()
        for a in apps:
            if a.func.__name__ in self.laws:
                outs, conds = _parts(a)
                for x in outs + conds:
                    if x in self.params:
                        continue
                    if not isinstance(x, (sp.Symbol, sp.Indexed)):
                        raise _NotRead("a law of an expression")
                    self.outcomes.add(x)
        self.check_uses()

    def check_uses(self):
        """Outcomes stand only as arguments of laws and functions, or as the names binders bind."""
        def walk(e, allowed):
            if isinstance(e, (sp.Symbol, sp.Indexed)):
                if self.is_outcome(e) and not allowed:
                    raise _NotRead("an outcome used as a number")
                return
            if isinstance(e, sp.Derivative) and any(self.is_outcome(v) for v, _ in e.variable_count):
                raise _NotRead("a derivative in an outcome")
            if isinstance(e, sp.Integral):
                if not all(_whole_line(lim) for lim in e.limits):
                    raise _NotRead("an integral over part of the line")
                walk(e.function, False)
                return
            if isinstance(e, (sp.Limit, sp.Piecewise)):
                raise _NotRead(type(e).__name__)
            if isinstance(e, (sp.Sum, sp.Product)):
                walk(e.function, False)
                return
            if isinstance(e, Expectation):
                walk(e.args[0], False)
                return
            if isinstance(e, AppliedUndef):
                name = e.func.__name__
                if name in _BINDERS or _SUM_OVER.match(name):
                    whole = _WHOLE_SET.match(name)
                    letter = whole and whole.group(1).upper()
                    if name not in _BINDERS and (whole is None or letter not in whole.groups()[1:] or any(
                            re.fullmatch(r"[A-Z]", _subscript(law)) and _subscript(law) != letter for law in self.laws)):
                        raise _NotRead("a sum over a set that may be another variable's")
                    walk(e.args[0], False)
                    return
                if name in ("tuple", "set", "event_eq") or name.startswith(("E_", "max", "min", "argm")):
                    raise _NotRead(name)
                for a in e.args:
                    walk(a, not _NABLA.match(name))
                return
            if isinstance(e, Given):
                for a in e.args:
                    walk(a, True)
                return
            for a in e.args:
                walk(a, False)
        for side in self.sides:
            walk(side, False)

    def is_outcome(self, e) -> bool:
        if e in self.outcomes:
            return True
        return isinstance(e, sp.Indexed) and any(isinstance(o, sp.Indexed) and o.base == e.base for o in self.outcomes)

    def most_outcomes(self, size) -> int:
        """The most outcomes one law writes once the index sums are written out at ``size``."""
        values = {s: sp.Integer(size) for s in self.sizes}
        try:
            sides = [_written_out(e.xreplace(values)) for e in self.sides]
        except (_NotRead, ValueError):
            return 0
        keys: dict = {}
        for e in sides:
            for a in e.atoms(AppliedUndef):
                if a.func.__name__ in self.laws:
                    keys.setdefault(a.func.__name__, set()).update(
                        x for x in _parts(a)[0] + _parts(a)[1] if x not in self.params)
        return max((len(k) for k in keys.values()), default=0)

    def binds_outcomes(self) -> bool:
        """Whether an integral, a sum or an expectation runs over outcomes."""
        return any(_bound(e) for e in self.sides)

    def holds(self, rng: random.Random, support: int, size) -> bool:
        values = {s: sp.Integer(size) for s in self.sizes}
        sides = [_written_out(e.xreplace(values)) for e in self.sides]
        evaluator = _Draw(self, sides, rng, support)
        point = {p: sp.Rational(rng.randint(-20, 20), 7) for p in self.params}
        left, right = (evaluator.value(e) for e in sides)
        others = (left.free_symbols | right.free_symbols) - set(point)
        point.update({s: sp.Rational(rng.randint(1, 30), 7) for s in others})  # gamma, n: other numbers
        left, right = (sp.N(e.xreplace(point), DIGITS) for e in (left, right))
        if not (left.is_number and right.is_number):
            raise _NotRead("not a number")
        gap = abs(left - right)
        return bool(gap <= TOLERANCE * (1 + abs(left) + abs(right)))


def _whole_line(limit) -> bool:
    """An integral's limit with no bounds, or from minus to plus infinity: over every outcome."""
    return len(limit) == 1 or tuple(limit[1:]) == (-sp.oo, sp.oo)


def _bound(e) -> set:
    out = {lim[0] for x in e.atoms(sp.Integral) for lim in x.limits}
    for x in e.atoms(AppliedUndef):
        if x.func.__name__ in _BINDERS or _SUM_OVER.match(x.func.__name__):
            out.update(a for a in x.args[1:] if isinstance(a, sp.Symbol))
    for x in e.atoms(Expectation):
        if isinstance(x.args[1], sp.Symbol):
            out.add(x.args[1])
    return out


def _written_out(e):
    """``e`` with every sum and product over an index with integer bounds written out term by term."""
    def expand(x):
        (index, lo, hi), = x.limits if len(x.limits) == 1 else ((None, None, None),)
        if index is None or not (lo.is_Integer and hi.is_Integer) or hi - lo > 8:
            raise _NotRead("an index sum that cannot be written out")
        terms = [_written_out(x.function.xreplace({index: sp.Integer(k)})) for k in range(int(lo), int(hi) + 1)]
        return sp.Add(*terms) if isinstance(x, sp.Sum) else sp.Mul(*terms)
    return e.replace(lambda x: isinstance(x, (sp.Sum, sp.Product)), expand)


class _Draw:
    """One draw of the model: a joint law per name, outcomes for the free names, values for other functions."""

    def __init__(self, plan: _Plan, sides, rng: random.Random, support: int):
        self.plan, self.rng, self.support = plan, rng, support
        self.keys: dict = {}
        for e in sides:
            for a in e.atoms(AppliedUndef):
                if a.func.__name__ in plan.laws:
                    outs, conds = _parts(a)
                    keys = [x for x in outs + conds if x not in plan.params]
                    if len(set(keys)) != len(keys):
                        raise _NotRead("one outcome twice in one law")
                    for x in keys:
                        if not isinstance(x, (sp.Symbol, sp.Indexed)):
                            raise _NotRead("a law of an expression")
                        self.keys.setdefault(a.func.__name__, [])
                        if x not in self.keys[a.func.__name__]:
                            self.keys[a.func.__name__].append(x)
        self.weights = {}
        params = sorted(plan.params, key=str)
        for name, keys in self.keys.items():
            if support ** len(keys) > MAX_CELLS:
                raise _NotRead("too many outcomes")
            cells = {}
            for cell in itertools.product(range(support), repeat=len(keys)):
                a = sp.Rational(rng.randint(-6, 6), rng.randint(1, 4))
                b = {p: sp.Rational(rng.randint(-6, 6), rng.randint(1, 4)) for p in params}
                c = sp.Rational(rng.randint(1, 8), rng.randint(1, 4))
                cells[cell] = (a, b, c)
            self.weights[name] = cells
        free = {x for e in sides for x in _atoms_named(e, plan)} - {x for e in sides for x in _bound(e)}
        self.env = {x: rng.randrange(support) for x in free}
        self.tables: dict = {}

    def value(self, e, env=None):
        env = self.env if env is None else env
        if isinstance(e, (sp.Symbol, sp.Indexed)) and self.plan.is_outcome(e):
            raise _NotRead("an outcome used as a number")
        if isinstance(e, Expectation):
            body, variable, law = e.args
            return self.expectation(body, variable, _name(law), env)
        if isinstance(e, AppliedUndef):
            return self.application(e, env)
        if isinstance(e, sp.Derivative):
            inner = self.value(e.expr, env)
            return sp.diff(inner, *e.variable_count)
        if not e.args:
            return e
        if isinstance(e, sp.Integral):  # over every outcome of its variables (check_uses)
            total = sp.Integer(0)
            variables = [lim[0] for lim in e.limits]
            for point in itertools.product(range(self.support), repeat=len(variables)):
                total += self.value(e.function, {**env, **dict(zip(variables, point))})
            return total
        if isinstance(e, (sp.Sum, sp.Product)):
            raise _NotRead(type(e).__name__)
        return e.func(*[self.value(a, env) for a in e.args])

    def application(self, e, env):
        name = e.func.__name__
        m = _NABLA.match(name)
        if m:
            (param,) = [p for p in self.plan.params if p.name.lstrip("\\") == m.group(1)]
            return sp.diff(self.value(e.args[0], env), param)
        if name in _BINDERS or _SUM_OVER.match(name):
            if len(e.args) != 2 or not isinstance(e.args[1], sp.Symbol):
                raise _NotRead(name)
            body, variable = e.args
            return sp.Add(*[self.value(body, {**env, variable: k}) for k in range(self.support)])
        if name in self.plan.laws:
            return self.law(e, env)
        return self.arbitrary(e, env)

    def outcome(self, x, env) -> int:
        if x not in env:
            raise _NotRead(f"no outcome for {x}")
        return env[x]

    def law(self, e, env, params=None):
        name = e.func.__name__
        outs, conds = _parts(e)
        keys = self.keys[name]
        fixed_out = {keys.index(x): self.outcome(x, env) for x in outs if x not in self.plan.params}
        fixed_cond = {keys.index(x): self.outcome(x, env) for x in conds if x not in self.plan.params}
        written = {p for p in self.plan.params if p in e.free_symbols or _subscript(name) == p.name.lstrip("\\")}
        numerator = denominator = sp.Integer(0)
        for cell, (a, b, c) in self.weights[name].items():
            if any(cell[k] != v for k, v in fixed_cond.items()):
                continue
            w = (a + sum(b[p] * p for p in written)) ** 2 + c
            denominator += w
            if all(cell[k] == v for k, v in fixed_out.items()):
                numerator += w
        return numerator / denominator

    def expectation(self, body, variable, law, env):
        if law not in self.plan.laws or not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise _NotRead("an expectation under what is not a law")
        apps = [a for a in body.atoms(AppliedUndef) if a.func.__name__ == law and variable in _parts(a)[0]]
        template = apps[0] if apps else sp.Function(law)(variable)
        if law not in self.keys or variable not in self.keys[law]:
            raise _NotRead("an expectation over an outcome the law does not write")
        total = sp.Integer(0)
        for k in range(self.support):
            inner = {**env, variable: k}
            total += self.law(template, inner) * self.value(body, inner)
        return total

    def arbitrary(self, e, env):
        name = e.func.__name__
        if not re.fullmatch(r"\\?[A-Za-z]", name):
            raise _NotRead(f"the function {name}")
        at = []
        for a in e.args:
            if isinstance(a, (sp.Symbol, sp.Indexed)) and self.plan.is_outcome(a):
                at.append(self.outcome(a, env))
            elif a.free_symbols & self.plan.params:
                raise _NotRead("an undefined function of a parameter")
            else:
                at.append(self.value(a, env))
        key = (name, tuple(at))
        if key not in self.tables:
            self.tables[key] = sp.Rational(self.rng.choice([-1, 1]) * self.rng.randint(1, 9), self.rng.randint(1, 4))
        return self.tables[key]


def _subscript(name: str) -> str:
    """The subscript of a law's name: ``theta`` of ``pi_theta`` and ``P_{\\theta}``."""
    return name.partition("_")[2].strip("{}").lstrip("\\")


def _atoms_named(e, plan: _Plan) -> set:
    """The outcomes ``e`` writes as arguments of laws and functions."""
    out = set()
    for a in e.atoms(AppliedUndef):
        if isinstance(a, Expectation):
            continue
        for x in _parts(a)[0] + _parts(a)[1]:
            if isinstance(x, (sp.Symbol, sp.Indexed)) and plan.is_outcome(x):
                out.add(x)
    return out
