r"""Sums and products whose limits are not integers: two readings, so no verdict that rests on one.

``sum(1/j, j, 1, n)`` with $n$ a real number has two readings.  Summed over the integers $j$ with
$1 \le j \le n$ it is $H_{\lfloor n \rfloor}$, 0 at $n = \tfrac12$; sympy's ``Sum`` continues it analytically, to
$\psi(n + 1) + \gamma$, $2 - 2\log 2$ at $n = \tfrac12$.  The concrete sizes (``strategies.instances``) are
integers, where the two agree, and a symbolic proof rests on sympy's reading; so neither says anything about the
other values of $n$: $\psi(n + 1) - \psi(1) = \sum_{j=1}^{n} 1/j$ for $n \ge 0$ was verified at $n = 0, 1, \dots$
and $\prod_{j=1}^{x} j = \Gamma(x + 1)$ for $x > 0$ too, both false in the first reading at $\tfrac12$.

A step with such a limit (a free symbol in it, and not known to be an integer) keeps a refutation only where every
such limit is an integer at the counterexample (both readings agree there); a proof, a verification or any other
refutation becomes ``undecided``, with the reason.  Only claims typed for ``prove`` (``Step.undefined == "refutes"``,
every assumption explicit) are concerned: in notes the n of a run $x_1 + \dots + x_n$ counts terms, and steps with
concrete sizes of their own (``Step.sizes``, the catalog's) mean those sizes.
"""
from __future__ import annotations

import dataclasses

import sympy as sp

from derivations.checker.step import Step
from derivations.checker.verdict import Verdict
from symbolic.expr import as_expr


def fractional_limits(step: Step) -> tuple[sp.Expr, ...]:
    """The limits of the step's sums and products that hold a free symbol and are not known to be integers."""
    if step.sizes or step.undefined != "refutes":  # notes: a run x_1 + ... + x_n counts n terms
        return ()
    found = []
    for part in (step.lhs, step.rhs):
        for node in as_expr(part).atoms(sp.Sum, sp.Product):
            for _, lo, hi in node.limits:
                for limit in (lo, hi):
                    if limit.free_symbols and limit.is_integer is not True and limit.is_infinite is not True:
                        found.append(limit)
    return tuple(dict.fromkeys(found))


def both_readings(step: Step, verdict: Verdict) -> Verdict:
    """``verdict``, or ``undecided`` when it rests on one reading of a sum over a non-integer limit."""
    limits = fractional_limits(step)
    if not limits or verdict.kind not in ("proved", "verified", "refuted"):
        return verdict
    if verdict.kind == "refuted" and _integers_at(limits, verdict.counterexample or {}):
        return verdict
    shown = ", ".join(map(str, limits))
    return dataclasses.replace(
        verdict, kind="undecided", method=f"{verdict.kind} only in one reading of a sum",
        counterexample=None,
        reason=f"the limit {shown} of a sum or product is not assumed an integer: summed over the integers j up to "
               f"it, the sum differs from sympy's continuation (1/j from 1 to 1/2: 0, or 2 - 2 log 2); the "
               f"{verdict.kind} verdict ({verdict.method}) holds for one reading only")


def _integers_at(limits, counterexample: dict) -> bool:
    """Whether every limit is an integer at the counterexample's values (its symbols and its ``at`` sizes)."""
    values = {}
    texts = dict(counterexample)
    for part in str(texts.pop("at", "")).split(","):
        name, _, value = part.partition("=")
        if value:
            texts[name.strip()] = value.strip()
    for name, text in texts.items():
        try:
            values[name] = sp.Rational(str(text))
        except (TypeError, ValueError):
            continue
    for limit in limits:
        point = {s: values[s.name] for s in limit.free_symbols if s.name in values}
        if len(point) != len(limit.free_symbols) or limit.xreplace(point).is_integer is not True:
            return False
    return True
