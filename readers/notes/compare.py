r"""A block's definition against one catalog record: agrees, disagrees with a counterexample, or not compared.

:func:`compare_with_catalog` writes the block's right side in the record's
variables (:mod:`readers.notes.roles`) and asks the step checker whether the
two are equal over the record's domains and sizes; a refutation's point is shrunk
to round numbers (:mod:`readers.notes.points`).

When the right side uses something bound nowhere (``c_j`` in $(x_i \cdot c_j)^d$),
the block cannot be compared, with a warning; but when that leaves the right side
independent of one of its declared arguments while the record's output changes
with it, the block disagrees: at two values of the argument where the record's
output differs, the right side is the same, so it is wrong at one of them,
whatever the unknown stands for.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp
from sympy.core.function import AppliedUndef

from symbolic.domains import Real
from symbolic.expr import as_expr

from readers.latex.nodes import IndexMax
from readers.notes.points import clearly_differ, sampled_ratio, shrink, written_out
from readers.notes.roles import Mismatch, lower
from readers.notes.symbols import _as_written, _norm, _show
from derivations.checker.step import Step

MAX_COMPARED_SIZE = 4
"""Largest size symbol value at which a block is compared with the catalog."""
COMPARED_SIZES = 3
"""How many of the record's size cases are compared (written-out maxima: 2)."""
MAX_TERMS = 3
"""Most terms of an objective matched term by term (all pairings are tried)."""
MAX_DENOMINATOR = 1000
"""Largest denominator of a factor between the terms of two objectives (1/2 ||w||^2 against ||w||^2)."""
SYMBOLIC_SHARE = 0.1
"""Share of a comparison's budget for the symbolic rung (the checker's default is 0.4): equal forms are
proved structurally at once, and unequal ones go on to the numeric rungs, which refute them."""


def comparison_ladder():
    """The checker's rungs for comparisons with the catalog, with a short symbolic rung."""
    from derivations.checker.ladder import Rung, default_ladder

    return tuple(Rung(r.name, r.strategy, SYMBOLIC_SHARE if r.name == "symbolic" else r.share)
                 for r in default_ladder())


@dataclass(frozen=True)
class Comparison:
    """A block against one catalog record: agrees (True), disagrees (False, with a counterexample) or None."""

    agrees: bool | None
    reason: str = ""
    counterexample: dict | None = None
    warnings: tuple[str, ...] = ()


def compare_with_catalog(formula, lhs, body, check_step, budget, *, output=None, zero_based=False,
                         up_to_factors=False, flip=(), decided=()) -> Comparison:
    """Whether ``lhs = body`` (a block's definition, 1-based) agrees with ``formula`` (its ``output``, by
    default the one named like ``lhs``); None when the block cannot be written in the record's variables
    (the reason says why).  ``up_to_factors``: an objective, equal up to a positive factor on each term;
    ``flip``: record variables whose sign the record's output is taken with (``-b`` for ``b``); ``decided``: the
    names an objective is minimised over (one the record has and the objective lacks is then a mistake, not another
    problem: :func:`_absent_variables`)."""
    from symbolic.record import expand_definitions

    output = output or _pick_output(formula, lhs)
    try:
        lowered = lower(formula, output, lhs, body, zero_based=zero_based)
    except Mismatch as exc:
        return Comparison(None, str(exc))
    warnings = list(lowered.warnings)
    theirs = _flipped(formula.expanded(output), flip)
    if lowered.unknowns:
        names = ", ".join(lowered.unknowns)
        owner = f"not an argument of {_as_written(lhs)}, " if isinstance(lhs, AppliedUndef) else ""
        warnings += [f"{u} is bound nowhere: {owner}not defined in these notes, and not a variable of {formula.id}"
                     for u in lowered.unknowns]
        for argument in lowered.free_of:
            found = _independence(formula, output, theirs, argument, lowered, check_step, budget)
            if found is not None:
                return Comparison(False, found[0], found[1], tuple(warnings))
        return Comparison(None, f"{names} bound nowhere", warnings=tuple(warnings))
    mine = expand_definitions(lowered.expr, formula.definitions)
    out_indices = {i for i, _, _ in output.indices}
    leftover = {s for s in mine.free_symbols - theirs.free_symbols if isinstance(s, sp.Symbol)} \
        - out_indices - set(formula.size_symbols) - {b.label for b in mine.atoms(sp.IndexedBase)}
    if leftover:
        return Comparison(None, f"symbols {sorted(map(str, leftover))} are not in the catalog formula",
                          warnings=tuple(warnings))
    absent = [v for v in _absent_variables(formula, mine, theirs) if v not in decided] if up_to_factors else []
    if absent:  # min_w ||w||^2/2 + C sum_i max(0, 1 - y_i w.x_i): a machine without an offset, not a wrong one
        return Comparison(None, f"the notes' problem has no {', '.join(absent)} ({formula.id} has): another "
                          "problem, not compared", warnings=tuple(warnings))
    if flip and clearly_differ(mine, theirs, _domains(formula), _sizes(formula), formula.conditions,
                               output.indices) and not (
            up_to_factors and _termwise_proportional(formula, output, mine, theirs, check_step, budget)):
        return Comparison(False, "differs from the catalog with this sign convention", warnings=tuple(warnings))
    verdict = _check(formula, output, mine, theirs, check_step, budget)
    if verdict is None or verdict.kind not in ("proved", "verified", "refuted"):
        why = "comparison failed" if verdict is None else f"comparison undecided: {verdict.reason[:150]}"
        return Comparison(None, why, warnings=tuple(warnings))
    if verdict.kind != "refuted":
        return Comparison(True, verdict.method, warnings=tuple(warnings))
    if up_to_factors and _termwise_proportional(formula, output, mine, theirs, check_step, budget):
        return Comparison(True, "equal up to a positive factor on each term (the same problem up to a rescaled "
                          "hyperparameter)",
                          warnings=tuple(warnings))
    if lowered.arguments and _agrees_for_one_element(formula, output, mine, theirs, check_step, budget):
        roles = ", ".join(f"{_as_written(a)} as {v.name}" for a, v in lowered.arguments)
        return Comparison(None, f"ambiguous: with {roles} (vectors, products read as dot products) it differs from "
                          f"{formula.id}; with numbers (one element, the record's length 1) it agrees",
                          warnings=tuple(warnings))
    names = {"at": "sizes", "lhs": "notes", "rhs": formula.id}
    found = {names.get(k, k): v for k, v in _shrunk(formula, output, mine, theirs, verdict).items()}
    first = [k for k in ("notes", formula.id, "sizes") if k in found]
    counterexample = {k: found[k] for k in first + [k for k in found if k not in first]}
    named = _as_written(lhs) if lhs is not None else output.name
    roles = ", ".join(f"{_as_written(a)} is {v.name}" for a, v in lowered.arguments)
    return Comparison(False, f"{named} = {_plain(mine)} in {formula.id}'s variables{f' ({roles})' if roles else ''} "
                      f"differs from its {output.name} = {_plain(theirs)}", counterexample, tuple(warnings))


def _absent_variables(formula, mine, theirs) -> list[str]:
    r"""The record's variables that its objective ``theirs`` has and the notes' objective ``mine`` lacks altogether
    (the offset ``b`` of an SVM written without one): the notes pose another problem, which a comparison would
    "refute".  A positive factor (``C``) is no variable here: terms are compared up to one."""
    from symbolic.domains import Positive

    def names(expr):
        return {str(s) for s in expr.free_symbols if isinstance(s, sp.Symbol)} \
            | {str(b.label) for b in expr.atoms(sp.IndexedBase)}

    return sorted(v.name for v in formula.variables
                  if not isinstance(v.domain, Positive) and v.name in names(theirs) - names(mine))


def _plain(expr) -> str:
    """An expression for a message: bound indices without their fresh suffixes (``i_17'`` is ``i``)."""
    return re.sub(r"(?<![A-Za-z0-9])_(k)\b", r"\1", re.sub(r"_\d+'", "", _show(expr)))


def _check(formula, output, lhs, rhs, check_step, budget, domains=None, *, several=False):
    """The checker's verdict on ``lhs = rhs`` over the record's domains and sizes (None if it failed).

    A maximum over an index (an eliminated slack) is written out at each concrete size first.
    ``several``: only sizes where every size symbol is at least 2 (a vector, not a number)."""
    domains = {**_domains(formula), **(domains or {})}
    sizes = _sizes(formula, several)
    indices = {i: (lo, hi) for i, lo, hi in output.indices}
    if lhs.has(IndexMax) or rhs.has(IndexMax):
        steps = []
        for size in [s for s in sizes if any(n > 1 for n in s.values())][:2] or sizes[:1]:
            concrete = [written_out(e, size) for e in (lhs, rhs)]
            steps.append((size, Step(*concrete, "=", assumptions=tuple(formula.conditions), domains=domains,
                                     indices={i: (lo.xreplace(size), hi.xreplace(size))
                                              for i, (lo, hi) in indices.items()})))
    else:
        steps = [({}, Step(lhs, rhs, "=", assumptions=tuple(formula.conditions), domains=domains, indices=indices,
                           sizes=sizes))]
    verdict = None
    for size, step in steps:
        try:
            verdict = check_step(step, budget=budget, ladder=comparison_ladder())
        except Exception:  # noqa: BLE001 - a checker failure leaves the comparison undecided
            return None
        if verdict.kind == "refuted":
            counterexample = dict(verdict.counterexample or {})
            if size:
                counterexample["at"] = ", ".join(f"{k}={v}" for k, v in size.items())
            return type(verdict)(**{**verdict.__dict__, "counterexample": counterexample})
        if verdict.kind not in ("proved", "verified"):
            return verdict
    return verdict


def _agrees_for_one_element(formula, output, mine, theirs, check_step, budget) -> bool:
    r"""Whether a block whose arguments were bound to the record's vectors agrees with it where every vector has
    one element: $\ell(y, f) = \max(0, 1 - yf)$ is the hinge loss of one example (y and f numbers), though with y and
    f vectors $yf$ is a dot product and the block differs from the record's sum over examples."""
    one = {n: sp.Integer(1) for n in formula.size_symbols}
    if not one:
        return False
    indices = {i: (as_expr(lo).xreplace(one), as_expr(hi).xreplace(one)) for i, lo, hi in output.indices}
    step = Step(mine.xreplace(one), theirs.xreplace(one), "=", assumptions=tuple(formula.conditions),
                domains=_domains(formula), indices=indices)
    try:
        verdict = check_step(step, budget=budget, ladder=comparison_ladder())
    except Exception:  # noqa: BLE001 - a checker failure is no agreement
        return False
    return verdict.kind in ("proved", "verified")


def _domains(formula) -> dict:
    return {v.symbol: v.domain for v in formula.variables}


def _sizes(formula, several=False) -> tuple[dict, ...]:
    """The record's size cases a comparison uses (small ones; ``several``: every size at least 2)."""
    sizes = tuple(c for c in formula.sizes if all(int(n) <= MAX_COMPARED_SIZE for n in c.values()))
    if several:
        sizes = tuple(c for c in sizes if all(int(n) > 1 for n in c.values())) or sizes
    return sizes[:COMPARED_SIZES] or formula.sizes[:1]


def _sign_flips(formula, variables):
    """Subsets of the real record variables named like the decision ``variables`` (the empty one first):
    $\\min_{w, b} f(w, b)$ and $\\min_{w, b} f(w, -b)$ are the same problem when $b$ ranges over all reals."""
    targets = {_norm(v.name): v.symbol for v in formula.variables if isinstance(v.domain, Real)}
    chosen = [targets[_norm(n)] for n in variables if _norm(n) in targets]
    return [flip for k in range(len(chosen) + 1) for flip in itertools.combinations(chosen, k)]


def _flipped(expr, flip):
    for s in flip:
        if isinstance(s, sp.IndexedBase):
            expr = expr.replace(lambda e, s=s: isinstance(e, sp.Indexed) and e.base == s, lambda e: -e)
        else:
            expr = expr.xreplace({s: -s})
    return expr


def _shrunk(formula, output, lhs, rhs, verdict, domains=None) -> dict:
    """The verdict's counterexample with round values where they still refute (:func:`shrink`)."""
    found = dict(verdict.counterexample or {})
    named = {str(s): s for s in formula.size_symbols} | {str(i): i for i, _, _ in output.indices}
    at = dict(part.split("=", 1) for part in found.get("at", "").split(", ") if "=" in part)
    try:
        sizes = {named[k.strip()]: sp.Integer(int(v)) for k, v in at.items() if k.strip() in named}
    except ValueError:
        return found
    domains = {**_domains(formula), **(domains or {})}
    return shrink(lhs, rhs, found, domains, formula.conditions, sizes)


def _twin(s):
    """``x'`` for ``x``, with the same shape and assumptions."""
    if isinstance(s, sp.IndexedBase):
        return sp.IndexedBase(f"{s.label}'", shape=s.shape, **s.assumptions0)
    return sp.Symbol(f"{s.name}'", **s.assumptions0)


def _termwise_proportional(formula, output, mine, theirs, check_step, budget) -> bool:
    """Whether some pairing of the terms makes each of ours a constant positive multiple of the record's."""
    ours, its = sp.Add.make_args(mine), sp.Add.make_args(theirs)
    if len(ours) != len(its) or len(ours) > MAX_TERMS:
        return False
    for pairing in itertools.permutations(its):
        if all(_proportional(formula, output, a, b, check_step, budget) for a, b in zip(ours, pairing)):
            return True
    return False


def _proportional(formula, output, a, b, check_step, budget) -> bool:
    r"""$a = c\,b$ for a positive constant $c$: read off sampled points (a simple fraction), then checked."""
    ratio = sampled_ratio(a, b, _domains(formula), _sizes(formula), formula.conditions, output.indices)
    if ratio is None or ratio <= 0:
        return False
    factor = sp.Rational(Fraction(ratio).limit_denominator(MAX_DENOMINATOR))
    if abs(float(factor) - ratio) > 1e-12 * ratio:
        return False
    verdict = _check(formula, output, a, factor * b, check_step, budget)
    return verdict is not None and verdict.kind in ("proved", "verified")


def _independence(formula, output, theirs, argument, lowered, check_step, budget):
    """``(reason, counterexample)`` when the record's output changes with the variable bound to ``argument``,
    which the block's right side does not depend on; None when it could not be shown."""
    var = next(v for a, v in lowered.arguments if a == argument)
    twin = _twin(var.symbol)
    changed = theirs.xreplace({var.symbol: twin})
    verdict = _check(formula, output, theirs, changed, check_step, budget, domains={twin: var.domain},
                     several=True)
    if verdict is None or verdict.kind != "refuted":
        return None
    cx = _shrunk(formula, output, theirs, changed, verdict, {twin: var.domain})
    counterexample = _argument_values(cx, lowered.arguments, var, twin)
    unknowns, shown = ", ".join(lowered.unknowns), _as_written(argument)
    value = f"{cx.get('lhs', '?')} vs {cx.get('rhs', '?')}"
    counterexample[f"{output.name} ({formula.id})"] = value
    counterexample["the right side"] = f"the same at both (it does not involve {shown})"
    reason = (f"the right side does not depend on the argument {shown} ({unknowns} bound nowhere), but "
              f"{formula.id}'s {output.name} changes with its argument {var.name}: so they differ at one of "
              f"two points where only {shown} changes")
    return reason, counterexample


def _argument_values(counterexample: dict, arguments, var, twin) -> dict:
    """The checker's point in the block's names: ``x_i = (1, 2)``, ``x_j = (0, 1) vs (3, 1)``."""
    out, used = {}, set()
    for key in counterexample:
        if key in ("lhs", "rhs") or "[" in key:
            continue
        out["sizes" if key == "at" else key] = counterexample[key]
    for argument, v in arguments:
        values = _vector(counterexample, v.name, used)
        if v is var:
            values += " vs " + _vector(counterexample, str(twin.label), used)
        out[_as_written(argument)] = values
    for key, value in counterexample.items():
        if "[" in key and key not in used:
            out[key] = value
    return out


def _vector(counterexample: dict, name: str, used: set) -> str:
    keys = [k for k in counterexample if re.fullmatch(re.escape(name) + r"\[\d+\]", k)]
    keys.sort(key=lambda k: int(k[len(name) + 1:-1]))
    used.update(keys)
    return "(" + ", ".join(counterexample[k] for k in keys) + ")"


def _pick_output(formula, lhs):
    name = _norm(_name_of(lhs)) if lhs is not None else ""
    for o in formula.outputs:
        if _norm(o.name) == name:
            return o
    return formula.outputs[0]


def _name_of(expr) -> str:
    if expr is None:
        return ""
    if isinstance(expr, AppliedUndef):
        return expr.func.__name__
    if isinstance(expr, sp.Indexed):
        return str(expr.base.label)
    if isinstance(expr, sp.Pow):
        return str(expr.base)
    return str(expr)
