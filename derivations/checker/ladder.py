r"""The step checker: a ladder of strategies, each run in a budgeted worker.

.. math:: \text{symbolic} \;\to\; \text{exact rational} \;\to\; \text{numeric (mpmath)} \;\to\; \text{undecided}

Each rung is a strategy ``(step, budget) -> Verdict | None`` with a share of
the step's time budget (capped by what is left).  The first rung that
decides, ``proved``, ``verified`` or ``refuted``, gives the verdict; when none
does, the verdict is ``undecided`` with each rung's reason (a timeout, the
memory cap, an unsupported construct, a domain that could not be sampled).
The step's ``expect`` is ignored: the checker only reports.
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass

import sympy as sp

from derivations.checker.budget import (
    DEFAULT_MEMORY_BYTES,
    BudgetedChild,
    run_with_budget,
)
from derivations.checker.step import Derivation, Step
from derivations.checker.strategies import ExactTest, NumericTest, prove_symbolically
from derivations.checker.strategies.array_tail import applies as array_tail_applies
from derivations.checker.strategies.array_tail import longer_array_refutation
from derivations.checker.strategies.evaluate import compile_before_fork
from derivations.checker.strategies.fractional_limits import both_readings
from derivations.checker.strategies.instances import build_before_fork
from derivations.checker.strategies.probe import quick_refutation
from derivations.checker.strategies.tail import applies as tail_applies
from derivations.checker.strategies.tail import large_size_refutation
from derivations.checker.strategies.written import UNSOLVED, written_domain_refutation
from derivations.checker.strategies.written import applies as written_applies
from derivations.checker.verdict import Verdict

Strategy = Callable[[Step, float], "Verdict | None"]

GRACE = 0.9
"""A strategy is told ``GRACE`` of its rung's seconds, so that it can stop by itself before the worker is killed."""


@dataclass(frozen=True)
class Rung:
    """One strategy and the share of the step's budget it may use (capped by what is left)."""

    name: str
    strategy: Strategy
    share: float


def default_ladder(seed: int = 0) -> tuple[Rung, ...]:
    return (
        Rung("symbolic", prove_symbolically, 0.4),
        Rung("exact", ExactTest(seed), 0.15),
        Rung("numeric", NumericTest(seed), 1.0),
    )


def check_step(step: Step, *, budget: float = 10.0, seed: int = 0, ladder: tuple[Rung, ...] | None = None,
               memory_bytes: int = DEFAULT_MEMORY_BYTES) -> Verdict:
    """Climb the ladder (by default :func:`default_ladder`) until a rung decides, within ``budget`` seconds.

    Decimal literals (sympy ``Float``) are read as the exact decimals they print as (``0.1`` is
    1/10), so that no rung can prove a claim by rounding; the verdict says so.  With the default ladder, a
    zero of a written divisor (``strategies.written``) is looked for first: sympy may have cancelled it; then
    a counterexample at a few points (``strategies.probe``), before the symbolic rung gives up on a false claim.
    """
    prepared = _before_fork(step, budget=budget, ladder=ladder, memory_bytes=memory_bytes)
    if isinstance(prepared, Verdict):
        return prepared
    child = BudgetedChild(memory_bytes=memory_bytes, shared=(prepared.step,))  # one fork for the rungs while they end in time
    try:
        return _after_fork(prepared, child, seed=seed, ladder=ladder)
    finally:
        child.close()


@dataclass(frozen=True)
class _Prepared:
    """A step made ready in the caller for its rungs' child: decimals read exactly, limits resolved, instances built
    and compiled (``seconds`` it took, ``budget`` what is left for the rungs)."""

    step: Step
    decimals: bool
    budget: float
    seconds: float


def _before_fork(step: Step, *, budget: float, ladder, memory_bytes: int) -> _Prepared | Verdict:
    """The part of :func:`check_step` done in the caller before the rungs' child is forked; a Verdict when the
    limits alone decide the step."""
    step, decimals = exact_decimals(step)
    start = time.monotonic()
    if any(part.has(sp.Limit) for part in (step.lhs, step.rhs)) or _infinite(step):
        outcome = run_with_budget(prepare, step, seconds=PREPARE_SHARE * budget, memory_bytes=memory_bytes)
        if outcome.ok and isinstance(outcome.value, Verdict):
            return dataclasses.replace(outcome.value, seconds=time.monotonic() - start)
        if outcome.ok and isinstance(outcome.value, Step):
            step = outcome.value
        budget = max(budget - outcome.seconds, 0.0)
    build_before_fork(step, seconds=INSTANCES_SHARE * budget)
    if ladder is None:
        compile_before_fork(step, seconds=COMPILE_SHARE * budget)
    return _Prepared(step, decimals, budget, time.monotonic() - start)


def _after_fork(prepared: _Prepared, child: BudgetedChild, *, seed: int, ladder) -> Verdict:
    """The rungs of a :func:`_before_fork` step, each call in ``child`` (forked with the step among its ``shared``)."""
    start = time.monotonic() - prepared.seconds
    verdict = _rungs(prepared.step, child, budget=prepared.budget, seed=seed, ladder=ladder, start=start)
    verdict = both_readings(prepared.step, verdict)
    if prepared.decimals:
        verdict = dataclasses.replace(verdict, assumptions=verdict.assumptions + ("decimals read as exact rationals",))
    return verdict


def _rungs(step: Step, child: BudgetedChild, *, budget: float, seed: int, ladder, start: float) -> Verdict:
    """The budgeted part of :func:`check_step`, each call in ``child``: the written divisors and the probe (default
    ladder only), the ladder, then sizes beyond the concrete ones."""
    verdict, written_unsearched, undefined_at = None, "", None
    if ladder is None and written_applies(step):
        outcome = child.run(written_domain_refutation, step, WRITTEN_SHARE * budget * GRACE,
                            seconds=WRITTEN_SHARE * budget)
        if outcome.ok and isinstance(outcome.value, Verdict) and outcome.value.kind == "refuted":
            if step.rel == "=":
                verdict = dataclasses.replace(outcome.value, seconds=time.monotonic() - start)
            else:  # x/x <= 1 at x = 0: neither true nor false there; the ladder decides the rest of the domain
                undefined_at = outcome.value
        searched = outcome.ok and not (isinstance(outcome.value, Verdict) and outcome.value.kind == "undecided")
        written_unsearched = "" if searched else outcome.status if not outcome.ok else \
            "unsolvable" if outcome.value.reason == UNSOLVED.reason else "timeout"
        budget = max(budget - outcome.seconds, 0.0)
    if verdict is None and ladder is None:
        outcome = child.run(quick_refutation, step, PROBE_SHARE * budget * GRACE, seed, seconds=PROBE_SHARE * budget)
        if outcome.ok and isinstance(outcome.value, Verdict) and outcome.value.kind == "refuted":
            verdict = dataclasses.replace(outcome.value, seconds=time.monotonic() - start)
    tail = ladder is None and tail_applies(step)
    if verdict is None:
        verdict = _climb(step, child, budget=budget * (1 - TAIL_SHARE) if tail else budget, seed=seed, ladder=ladder)
        if tail and verdict.kind in ("verified", "undecided"):
            outcome = child.run(large_size_refutation, step, TAIL_SHARE * budget * GRACE, seconds=TAIL_SHARE * budget)
            if outcome.ok and isinstance(outcome.value, Verdict) and outcome.value.kind == "refuted":
                verdict = dataclasses.replace(outcome.value, seconds=time.monotonic() - start,
                                              details={"ladder": verdict.summary()[:300]})
    if verdict.kind == "verified" and ladder is None and array_tail_applies(step):
        outcome = child.run(longer_array_refutation, step, ARRAY_TAIL_SHARE * budget * GRACE, seed,
                            seconds=ARRAY_TAIL_SHARE * budget)
        if outcome.ok and isinstance(outcome.value, Verdict) and outcome.value.kind == "refuted":
            verdict = dataclasses.replace(outcome.value, seconds=time.monotonic() - start,
                                          details={"ladder": verdict.summary()[:300]})
    if undefined_at is not None and verdict.kind in ("proved", "verified"):
        point = ", ".join(f"{k} = {v}" for k, v in undefined_at.counterexample.items())
        return _undecided({"written": f"{verdict.kind} ({verdict.method}) where both sides are defined, but the "
                                      f"inequality is neither true nor false at {point}: one side as written has no "
                                      "value there"}, [],
                          time.monotonic() - start)
    if written_unsearched and verdict.kind in ("proved", "verified"):
        return _undecided({"written": f"{verdict.kind} ({verdict.method}) where both sides are defined, but the search "
                                      f"for zeros of the divisors as written ended without an answer ({written_unsearched}):"
                                      " sympy cancels (x - 1)/(x - 1) to 1, so the claim may fail where one vanishes"},
                          ["timeout" if written_unsearched == "timeout" else "unsupported"
                           if written_unsearched == "unsolvable" else "error"], time.monotonic() - start)
    return verdict


INSTANCES_SHARE = 0.1
"""Most CPU seconds, as a share of the budget, for building the step's concrete instances in this process before
the rungs fork (``instances.build_before_fork``); not taken from the rungs', whose children would otherwise each
build them (about a tenth of a step's CPU)."""
COMPILE_SHARE = 0.05
"""Most CPU seconds, as a share of the budget, for compiling the instances' sides in this process before the rungs
fork (``evaluate.compile_before_fork``): the probe and the numeric rung each compiled them in their own child."""
PREPARE_SHARE = 0.4
"""Share of the budget for evaluating ``Limit`` nodes before the ladder."""
TAIL_SHARE = 0.2
"""Share of the budget for sizes beyond the concrete ones (``strategies.tail``), after a ``verified`` or
``undecided`` verdict on a claim about one unbounded integer size."""
ARRAY_TAIL_SHARE = 0.05
"""Share of the budget for array lengths beyond the concrete ones (``strategies.array_tail``), after a ``verified``
verdict on a claim about arrays of a symbolic length.  A true claim spends all of it (every length holds, so the
search goes on until the share is gone): at a fifth of the budget it cost ``verify --all`` 8 s of its 42 on 2 cores
(softmax_jacobian 2.3 -> 6.1 s); at a twentieth, 2 s, and round 16's claims that fail at lengths 1, 6 and 11 are
still refuted."""
PROBE_SHARE = 0.1
"""Share of the budget for a quick search for a counterexample (``strategies.probe``) before the ladder: a false
claim is refuted without first waiting for the symbolic rung to give up on it.  Its seconds are not taken from
the ladder's, so that a true claim gets the ladder it had (a step may take this share longer than ``budget``)."""
WRITTEN_SHARE = 0.15
"""Share of the budget for the zeros of the written divisors (``strategies.written``), before the ladder."""

_RELATIONS = {"=": sp.Eq, "<=": sp.Le, ">=": sp.Ge, "<": sp.Lt, ">": sp.Gt}


def _infinite(step: Step) -> bool:
    return any(part.has(sp.oo, -sp.oo, sp.zoo) and not part.free_symbols for part in (step.lhs, step.rhs))


def prepare(step: Step) -> Step | Verdict:
    r"""Replace each ``Limit`` node by its value (two-sided unless written one-sided); decide claims whose
    sides are numbers with an infinity among them (``oo = oo`` is true, ``oo = 5`` false).

    A limit whose one-sided limits differ does not exist, so a claim about its value is refuted.
    """
    from derivations.checker.strategies.limit import refuted_at_parameter_values, resolve_limits

    sides = []
    for part in (step.lhs, step.rhs):
        try:
            resolved = resolve_limits(part, step.assumptions)
        except NotImplementedError:  # sympy: "Not sure of sign of a" (x**a log x at 0 with a symbolic)
            resolved = part
        if not isinstance(resolved, tuple) and resolved.has(sp.Limit) and step.rel == "=":
            refuted = refuted_at_parameter_values(step.lhs, step.rhs, step.assumptions)
            if refuted is not None:
                return refuted
        if isinstance(resolved, tuple):
            _, node, left, right = resolved
            return Verdict("refuted", method="symbolic: one-sided limits",
                           counterexample={"limit": str(node), "from the left": str(left), "from the right": str(right)},
                           reason=f"the two-sided limit does not exist (from the left {left}, from the right {right}), "
                                  "so it has no value to compare")
        sides.append(resolved)
    lhs, rhs = sides
    undefined = [str(side) for side in (lhs, rhs) if side.has(sp.zoo, sp.nan)]
    if undefined and not (lhs.free_symbols or rhs.free_symbols):
        # 1/0, 0*oo: complex infinity or nan is no real value; the notes mean a limit, which is not written
        return Verdict("undecided", method="symbolic: comparison with an infinity",
                       reason=f"a side is not a real number ({', '.join(undefined)}): it stands for a limit the "
                              "formula does not write, so there is nothing to compare")
    if not (lhs.free_symbols or rhs.free_symbols or lhs.has(sp.Limit) or rhs.has(sp.Limit)) and \
            (lhs.is_infinite or rhs.is_infinite) and step.rel in _RELATIONS:
        truth = _RELATIONS[step.rel](lhs, rhs)
        if truth in (sp.true, sp.false):
            kind = "proved" if truth == sp.true else "refuted"
            return Verdict(kind, method="symbolic: comparison with an infinity",
                           counterexample=None if truth == sp.true else {"lhs": str(lhs), "rhs": str(rhs)},
                           reason=f"lhs is {lhs}, rhs is {rhs}")
    return dataclasses.replace(step, lhs=lhs, rhs=rhs)


def exact_decimals(step: Step) -> tuple[Step, bool]:
    """``step`` with every ``Float`` replaced by the exact rational of its decimal text."""
    parts = (step.lhs, step.rhs, *step.assumptions)
    floats = set().union(*(p.atoms(sp.Float) for p in parts if isinstance(p, sp.Basic)))
    if not floats:
        return step, False
    exact = {f: sp.Rational(str(f)) for f in floats}
    return dataclasses.replace(step, lhs=step.lhs.xreplace(exact), rhs=step.rhs.xreplace(exact),
                               assumptions=tuple(a.xreplace(exact) for a in step.assumptions)), True


def _climb(step: Step, child: BudgetedChild, *, budget: float, seed: int, ladder) -> Verdict:
    start = time.monotonic()
    spent = 0.0  # the rungs' own seconds (run_with_budget's clock: waiting for a CPU is not counted)
    notes: dict[str, str] = {}
    causes: list[str] = []
    for rung in default_ladder(seed) if ladder is None else ladder:
        seconds = min(budget - spent, rung.share * budget)
        if seconds <= 0:
            notes[rung.name] = "no time left"
            causes.append("timeout")
            continue
        outcome = child.run(rung.strategy, step, seconds * GRACE, seconds=seconds)
        spent += outcome.seconds
        value = outcome.value
        if outcome.ok and isinstance(value, Verdict) and value.kind != "undecided":
            details = {**{f"{name} rung": note for name, note in notes.items()}, **value.details}
            return dataclasses.replace(value, seconds=time.monotonic() - start, details=details)
        if outcome.ok and (value is None or isinstance(value, Verdict)):
            if value is not None:
                notes[rung.name] = value.reason
                causes += ["timeout"] if value.reason.startswith("timeout") else []
            continue
        if outcome.ok:
            outcome = dataclasses.replace(outcome, status="error", error=f"returned {type(value).__name__}, not a Verdict")
        notes[rung.name] = outcome.describe()
        causes.append(outcome.status)
    return _undecided(notes, causes, time.monotonic() - start)


def check_derivation(d: Derivation, *, budget: float = 10.0, seed: int = 0, ladder: tuple[Rung, ...] | None = None,
                     memory_bytes: int = DEFAULT_MEMORY_BYTES) -> list[Verdict]:
    """One verdict per step of ``d``, each as :func:`check_step` gives it; keywords as there.

    A step's ``weight`` scales the budget it gets.  Every step is made ready in this process first (instances built
    and compiled), then the rungs of all of them run in one forked child, while its calls end in time
    (:class:`~derivations.checker.budget.BudgetedChild`): one fork per derivation, not one per step (a fork of a
    worker of 120-300 MB, its page tables and the copies its writes make, was some 14 ms of CPU, several per cent of
    ``verify --all``).  A call that times out or fails ends the child and the next forks a fresh one, as before.
    """
    prepared = [_before_fork(step, budget=budget * step.weight, ladder=ladder, memory_bytes=memory_bytes)
                for step in d.steps]
    child = BudgetedChild(memory_bytes=memory_bytes, shared=tuple(p.step for p in prepared if isinstance(p, _Prepared)))
    try:
        return [p if isinstance(p, Verdict) else _after_fork(p, child, seed=seed, ladder=ladder) for p in prepared]
    finally:
        child.close()


def _undecided(notes: dict[str, str], causes: list[str], seconds: float) -> Verdict:
    reason = "; ".join(f"{name}: {note}" for name, note in notes.items()) or "no rung decided"
    if "memory" in causes:
        method = "memory"
    elif "timeout" in causes:
        method = f"timeout after {seconds:.1f} s"
    elif causes and all(c == "error" for c in causes) and len(causes) == len(notes):
        return Verdict("error", method="strategy failed", reason=reason, seconds=seconds)
    else:
        method = "no rung decided"
    return Verdict("undecided", method=method, reason=reason, seconds=seconds)
