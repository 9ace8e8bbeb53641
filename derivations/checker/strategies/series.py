r"""An infinite series with parameters that diverges at a value inside the assumptions: it has no value there.

$\sum_{j=0}^{\infty} x^j = \frac{1}{1 - x}$ for $-1 \le x < 1$ is false at $x = -1$: the partial sums go
$1, 0, 1, \dots$ while the right side is $\tfrac12$.  sympy leaves such a sum unevaluated (its closed form holds for
$|x| < 1$ only), so no rung could evaluate it.  At each value of the parameters that
``limit.refuted_at_parameter_values`` tries (the boundaries of the assumptions first), the side that is one
series $\sum_j a_j$ diverges when $|a_j|$ does not tend to 0 (the term test: ``sympy.limit`` of $|a_j|$ is a
positive number or $+\infty$); then an equation with a finite real other side is refuted.
"""
from __future__ import annotations

import sympy as sp

from derivations.checker.step import Step
from derivations.checker.verdict import Verdict

from derivations.checker.strategies.limit import parameter_points


def divergent_series_refutation(step: Step) -> Verdict | None:
    """A refutation of ``step`` (an equation) at a parameter value where one side, an infinite series, diverges."""
    if step.rel != "=":
        return None
    series = [side for side in (step.lhs, step.rhs) if isinstance(side, sp.Sum) and _infinite(side)]
    parameters = sorted(step.lhs.free_symbols | step.rhs.free_symbols, key=str)
    if not series:
        return None
    for point in parameter_points(parameters, step.assumptions):
        for side in series:
            other = (step.rhs if side is step.lhs else step.lhs).xreplace(point)
            if other.has(sp.Sum) or not (other.is_number and other.is_real and other.is_finite):
                continue
            if _diverges(side.xreplace(point)):
                where = {str(s): str(v) for s, v in point.items()}
                return Verdict("refuted", method="term test: a series whose terms do not tend to 0",
                               counterexample={**where, "series": f"{side.xreplace(point)} diverges",
                                               "other side": str(other)},
                               reason=f"at {where} the terms of {side.xreplace(point)} do not tend to 0, so the series "
                                      f"has no value, while the other side is {other}")
    return None


def _infinite(node: sp.Sum) -> bool:
    return len(node.limits) == 1 and node.limits[0][2] == sp.oo and node.limits[0][1].is_finite is True


def _diverges(node: sp.Sum) -> bool:
    term, (j, _, _) = node.function, node.limits[0]
    if term.free_symbols - {j}:
        return False
    try:
        size = sp.limit(sp.Abs(term), j, sp.oo)
    except Exception:  # noqa: BLE001 - sympy's limit fails in many ways: no decision
        return False
    return bool(size.is_positive) and not size.has(sp.AccumBounds)
