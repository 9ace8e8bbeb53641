r"""Probabilities and expectations in notes: discrete joints for ``P(A | B)``, Gaussian moments for ``E``."""
from __future__ import annotations

import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.parse import (
    Expectation,
    Given,
)
from readers.notes import event_sets
from readers.notes.event_sets import only_inside_probabilities
from readers.notes.symbols import _indices_and_sizes, _norm, _show, _write_out
from derivations.checker.step import Step

PROBABILITY_SIZE = 2
"""Concrete number of components of a vector random variable (``X = (x_1, x_2)``)."""
SIZE_LABEL = "size "
"""Prefix of a size set to ``PROBABILITY_SIZE`` in a step's label: a check at one size is evidence, not proof."""


def _probability_steps(lhs, rel, rhs, *, independent: bool = False, general: bool = False):
    r"""Claims about $P(\cdot)$ as claims about a random discrete joint distribution, or None.

    Every random variable (an argument of ``P``: ``A``, ``C``, ``x_i``; ``X`` stands for all
    ``x_i``) is binary.  The joint is $P(c) \prod_k P(v_k \mid c)$ with ``c`` the first variable
    of the left side, parametrized by probabilities in $(0, 1)$: a family of joints, so a
    counterexample there is a counterexample in general.  $P(S \mid T) = P(S, T) / P(T)$ by
    marginal sums.  ``=`` is checked at two value assignments; ``\propto`` in ``c`` compares
    the ratio lhs/rhs at ``c = 0`` and ``c = 1`` (cross-multiplied).  ``independent``: the joint is
    $\prod_k P(v_k)$ instead (the notes state the variables independent: readers.notes.independent_joint).
    ``general``: every joint, one weight per outcome (for three variables or more the family above makes them
    independent given ``c``, so it confirms $P(A, B, C) = P(A) P(B \mid A) P(C \mid A)$); None where the family
    above is already every joint (two variables, or events built by set operations)."""
    apps = [a for e in (lhs, rhs) for a in e.atoms(AppliedUndef) if a.func.__name__ in ("P", r"\mathbb{P}")]
    if not apps:
        return None
    others = {a.func.__name__ for e in (lhs, rhs) for a in e.atoms(AppliedUndef)} - {"P", r"\mathbb{P}", "Given"}
    if only_inside_probabilities((lhs, rhs), ("P", r"\mathbb{P}")):  # P(A \cap B): events (readers.notes.event_sets)
        others -= event_sets.OPERATIONS
    if others:
        return f"unknown functions: {', '.join(sorted(others))}"
    lhs, rhs = _marginal_sums(lhs), _marginal_sums(rhs)
    _, sizes = _indices_and_sizes([lhs, rhs])
    values = {s: sp.Integer(PROBABILITY_SIZE) for s in sizes}
    listed = [_listed(e, values) for e in (lhs, rhs)]
    if any(e is None for e in listed):
        return "random variables listed with an ellipsis whose ends are not x_1 and x_n: not read one by one"
    lhs, rhs = (_write_out(e.xreplace(values)) for e in listed)
    events, built = [], set()
    for app in sorted(lhs.atoms(AppliedUndef), key=str) + sorted(rhs.atoms(AppliedUndef), key=str):
        for arg in app.args:
            for item in (arg.args if isinstance(arg, Given) else (arg,)):
                built |= set(event_sets.leaves(item)) if event_sets.compound(item) else set()
                for a in (event_sets.leaves(item) if event_sets.compound(item) else (item,)):
                    if a not in events:
                        events.append(a)
    complements = _complements(events)
    events = [e for e in events if e not in complements]
    if not all(isinstance(e, (sp.Symbol, sp.Indexed)) for e in events):
        return "P of something that is not a random variable"
    parameters = sorted(_show(x) for x in (lhs.free_symbols | rhs.free_symbols)
                        - set().union(*(e.free_symbols for e in [*events, *complements]))
                        - {x for x in (lhs.free_symbols | rhs.free_symbols) if event_sets.is_constant_event(x)})
    if parameters:  # P(X | theta) = theta^{n_H} (1 - theta)^{n_T}: a model, not an identity of all joints
        return f"a probability given by a model in {', '.join(parameters)}, not an identity of every distribution"
    if not events:  # P(\Omega) = 1, P(\emptyset) = 0: no event to draw (readers.notes.event_sets)
        return _of_constant_events(lhs, rel, rhs)
    elements = [e for e in events if isinstance(e, sp.Indexed)]
    vectors = {e: [x for x in elements if str(x.base.label) == e.name.lower()]
               for e in events if isinstance(e, sp.Symbol) and e.name.isupper()}
    variables = [e for e in events if not vectors.get(e)]
    if any(vectors.get(e) for e in built):
        return "an event built by set operations from a vector of random variables: not read one by one"
    first = next((a for app in [lhs] for a in app.atoms(AppliedUndef)), None)
    root = first.args[0] if first is not None and first.args and first.args[0] in variables else variables[0]
    variables.remove(root)
    variables.insert(0, root)
    prior = sp.Symbol("p_root", positive=True)
    theta = {(v, c): sp.Symbol(f"p({_show(v)}=1)" if independent else f"p({_show(v)}=1|{_show(root)}={c})",
                               positive=True) for v in variables[1:] for c in (0, 1)}

    # with events built by set operations, every joint of the events (one weight per outcome): the product form
    # above makes the events independent given the first, which P(A \cap B \cap C) must not assume
    if general and (built or independent or len(variables) <= 2):
        return None
    weights = {bits: sp.Symbol(f"w({''.join(map(str, bits))})", positive=True)
               for bits in itertools.product((0, 1), repeat=len(variables))} if (built or general) and not independent \
        else {}
    if len(weights) > 2 ** event_sets.MAX_EVENTS:
        return f"{'events built by set operations from' if built else 'a joint of'} more than " \
               f"{event_sets.MAX_EVENTS} {'events' if built else 'random variables'}: not written out"

    def joint(values):
        if weights:
            return weights[tuple(values[v] for v in variables)] / sp.Add(*weights.values())
        c = values[root]
        out = prior if c else 1 - prior
        for v in variables[1:]:
            t = theta[(v, c)]
            out *= t if values[v] else 1 - t
        return out

    def marginal(fixed):
        free = [v for v in variables if v not in fixed]
        return sp.Add(*[joint({**fixed, **dict(zip(free, bits))})
                        for bits in itertools.product((0, 1), repeat=len(free))])

    def by_outcomes(parts, given, assignment):
        # P(E | G) summed over every outcome of the joint: where each event built by set operations occurs, its
        # events taking the values the claim is read at (readers.notes.event_sets)
        def occurs(items, outcome):
            def value(leaf):
                event, flip = (complements[leaf], 1) if leaf in complements else (leaf, 0)
                return int((outcome[event] == assignment[event]) != bool(flip))
            return sp.Mul(*[event_sets.occurs(item, value) for item in items])

        outcomes = [dict(zip(variables, bits)) for bits in itertools.product((0, 1), repeat=len(variables))]
        both = sp.Add(*[joint(o) * occurs(parts + given, o) for o in outcomes])
        condition = sp.Add(*[joint(o) * occurs(given, o) for o in outcomes]) if given else sp.Integer(1)
        return both / condition

    def evaluate(expr, assignment):
        def probability(app):
            parts = [a for a in app.args if not isinstance(a, Given)]
            given = [a for g in app.args if isinstance(g, Given) for a in g.args]

            def fix(items):
                out = {}
                for item in items:
                    event, flip = (complements[item], 1) if item in complements else (item, 0)
                    for v in vectors.get(event) or [event]:
                        value = 1 - assignment[v] if flip else assignment[v]
                        if out.setdefault(v, value) != value:
                            return None  # A and its complement together: the empty event
                return out

            if any(event_sets.compound(item) for item in parts + given):
                return by_outcomes(parts, given, assignment)
            both, condition = fix(parts + given), fix(given)
            if condition is None:  # given A and not A: undefined
                return sp.nan
            if both is None:
                return sp.Integer(0)
            return marginal(both) / marginal(condition) if condition else marginal(both)

        expr = expr.replace(lambda e: isinstance(e, MarginalSum), lambda e: sp.Add(*[
            evaluate(e.args[0], {**assignment, e.args[1]: bit}) for bit in (0, 1)]))
        return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ != "Given"
                            and not event_sets.is_operation(e), probability)

    domains = {prior: _open_unit(), **{t: _open_unit() for t in theta.values()}} if not weights else \
        {w: _open_unit() for w in weights.values()}
    patterns = [{v: 0 for v in variables}, {v: k % 2 for k, v in enumerate(variables)}]
    steps = []
    for assignment in patterns:
        label = {_show(v): str(assignment[v]) for v in variables}
        label.update({f"{SIZE_LABEL}{_show(s)}": str(v) for s, v in values.items()})
        if rel == "propto":
            at = [{**assignment, root: c} for c in (0, 1)]
            left = evaluate(lhs, at[0]) * evaluate(rhs, at[1])
            right = evaluate(lhs, at[1]) * evaluate(rhs, at[0])
            label[_show(root)] = "0 vs 1"
            steps.append((label, Step(left, right, "=", domains=domains)))
        elif rel in ("=", "<", ">", "<=", ">="):
            steps.append((label, Step(evaluate(lhs, assignment), evaluate(rhs, assignment), rel, domains=domains)))
        else:
            return f"relation {rel!r} between probabilities is not checked"
    return steps


def _of_constant_events(lhs, rel, rhs):
    r"""The steps of a claim whose probabilities are of the sample space and the empty event only (``P(\Omega) =
    1``): each is 1 or 0 whatever the distribution."""
    if rel not in ("=", "<", ">", "<=", ">="):
        return f"relation {rel!r} between probabilities is not checked"

    def value(app):
        parts = [a for a in app.args if not isinstance(a, Given)]
        given = [a for g in app.args if isinstance(g, Given) for a in g.args]
        if not all(event_sets.compound(a) for a in parts + given):
            return app
        occurs = sp.Mul(*[event_sets.occurs(a, lambda leaf: 0) for a in parts + given])
        condition = sp.Mul(*[event_sets.occurs(a, lambda leaf: 0) for a in given])
        return occurs / condition if condition != 0 else sp.nan

    left, right = (e.replace(lambda x: isinstance(x, AppliedUndef) and x.func.__name__ in ("P", r"\mathbb{P}"), value)
                   for e in (lhs, rhs))
    if left.has(sp.nan) or right.has(sp.nan) or left.atoms(AppliedUndef) or right.atoms(AppliedUndef):
        return "P given the empty event, or of something that is not an event"
    return [({}, Step(left, right, rel, domains={}))]


class MarginalSum(sp.Function):
    r"""``\sum_A P(A, B)``: the sum over the values of the random variable ``A`` (``MarginalSum(body, A)``)."""

    nargs = 2


def _marginal_sums(expr):
    r"""``expr`` with each sum written without its range over a variable that ``P`` takes as an argument inside
    (``\sum_{A} P(A, B)``, read ``Sum(P(A, B), (A, 1, N))``) as the sum over that variable's values."""
    def is_marginal(e):
        if not isinstance(e, sp.Sum) or len(e.limits) != 1:
            return False
        index, lo, hi = e.limits[0]
        return lo == 1 and isinstance(hi, sp.Symbol) and hi.name == "N" and any(
            index in app.args for app in e.function.atoms(AppliedUndef) if app.func.__name__ in ("P", r"\mathbb{P}"))

    return expr.replace(is_marginal, lambda e: MarginalSum(e.function, e.limits[0][0]))


_COMPLEMENT = re.compile(r"\\(?:bar|overline)\{([A-Z])\}")
r"""An event's complement written with a bar over its capital letter (``\bar{A}``, ``\overline{A}``)."""


def _complements(events) -> dict:
    r"""``{complement: event}`` for each complement of an event of the claim: ``\bar{A}``, ``\overline{A}`` or
    ``A^c`` beside ``A`` (``P(B \mid \bar{A})`` next to ``P(A)``) is the event that ``A`` does not occur, the
    other value of the binary variable ``A``; a bar over a name that is not an event there is a name of its own."""
    out = {}
    for e in events:
        if isinstance(e, sp.Symbol) and _COMPLEMENT.fullmatch(e.name):
            base = sp.Symbol(_COMPLEMENT.fullmatch(e.name).group(1), **e.assumptions0)
        elif isinstance(e, sp.Pow) and isinstance(e.exp, sp.Symbol) and e.exp.name in ("c", "C") \
                and isinstance(e.base, sp.Symbol) and re.fullmatch(r"[A-Z]", e.base.name):
            base = e.base
        else:
            continue
        found = next((v for v in events if isinstance(v, sp.Symbol) and v.name == base.name), None)
        if found is not None:
            out[e] = found
    return out


DOTS = (r"\ldots", r"\cdots")


def _listed(expr, values):
    r"""``expr`` with every list ``x_1, \ldots, x_n`` in the arguments of ``P`` written out as ``x_1, x_2``
    (``n`` a size, set to ``values``), or None when a list's ends are not an entry ``x_a`` and ``x_n``/``x_{n}``
    of the same name: the dots stand for the variables between, never for one more variable."""
    def ends(before, after):
        if not (isinstance(before, sp.Indexed) and len(before.indices) == 1 and before.indices[0].is_Integer):
            return None
        name = str(before.base.label)
        if isinstance(after, sp.Indexed) and after.base == before.base and len(after.indices) == 1:
            last = after.indices[0].xreplace(values)
        elif isinstance(after, sp.Symbol) and after.name.startswith(name + "_"):
            last = next((v for s, v in values.items() if after.name in (f"{name}_{s}", f"{name}_{{{s}}}")), None)
        else:
            return None
        if last is None or not last.is_Integer or last < before.indices[0]:
            return None
        return [before.base[k] for k in range(int(before.indices[0]), int(last) + 1)]

    failed = []

    def expand(app):
        args, out, k = list(app.args), [], 0
        while k < len(args):
            if isinstance(args[k], sp.Symbol) and args[k].name in DOTS:
                run = ends(out[-1], args[k + 1]) if out and k + 1 < len(args) else None
                if run is None:
                    failed.append(app)
                    return app
                out[-1:] = run
                k += 2
                continue
            out.append(args[k])
            k += 1
        return app.func(*out)

    def has_dots(e):
        return isinstance(e, (AppliedUndef, Given)) and any(isinstance(a, sp.Symbol) and a.name in DOTS for a in e.args)

    out = expr.replace(has_dots, expand)
    return None if failed else out


def _open_unit():
    from symbolic.domains import Interval

    return Interval(0.0, 1.0, (False, False))



def _evaluate_expectations(expr):
    r"""$\mathbb{E}_{x \sim \mathcal{N}(m, v)}[f]$ for $f$ polynomial in $x$ (after expanding logs): exact moments."""
    if not expr.has(Expectation):
        return expr

    def evaluate(node):
        body, x, dist = node.args
        if not (isinstance(dist, AppliedUndef) and _norm(dist.func.__name__) in ("N", "mathcalN")
                and len(dist.args) == 2):
            return node
        mean, variance = dist.args
        z = sp.Dummy("z", real=True)
        poly_body = sp.expand(sp.expand_log(body, force=True).xreplace({x: mean + sp.sqrt(variance) * z}))
        poly = sp.Poly(poly_body, z) if poly_body.is_polynomial(z) else None
        if poly is None:
            return node
        return sum(c * _normal_moment(k) for (k,), c in poly.terms())

    return expr.replace(lambda e: isinstance(e, Expectation), evaluate)


def _normal_moment(k: int):
    """$E[Z^k]$ for a standard normal: $(k-1)!!$ for even $k$, 0 for odd."""
    return sp.Integer(0) if k % 2 else sp.factorial2(k - 1)
