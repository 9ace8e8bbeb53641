r"""A quick search for a counterexample, before the symbolic rung.

A false claim cannot be proved, so the symbolic rung spends its whole share of the budget on it (often
until its timeout) before the exact or numeric rung refutes it, usually at its first points.  The probe
runs those two rungs first, cheaply: the exact rung (``ExactTest``, rational claims) as it is, then the
numeric rung at ``POINTS`` sampled points per instance without its costlier searches (``NumericTest``
with ``quick``).  Only a refutation is kept; each is certified by exact evaluation, as in the full rungs,
so the probe refutes only what the ladder would refute.  Anything else is forgotten and the ladder runs
as before: ``verified`` still needs the full numeric rung.

A step whose every concrete instance has the same expression on both sides (:func:`same_sides`) is not probed: each
point gives both sides one value, or leaves both undefined, so no point can refute it (43 steps of the library,
a ninth of the probe's CPU in ``verify --all``).
"""
from __future__ import annotations

import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict

from derivations.checker.strategies.exact import ExactTest
from derivations.checker.strategies.instances import Unsupported, instances
from derivations.checker.strategies.numeric import NumericTest

POINTS = 8
"""Sampled points per concrete instance (the full numeric rung takes 200 per step, at least 40 per instance)."""
EXACT_SHARE = 0.5
"""Share of the probe's seconds for the exact rung; the numeric points get the rest."""


def quick_refutation(step: Step, budget: float, seed: int = 0) -> Verdict | None:
    """A ``refuted`` verdict from the exact rung or a quick numeric rung within ``budget`` seconds, else None."""
    if same_sides(step):
        return None
    deadline = busy_clock() + budget
    verdict = ExactTest(seed)(step, EXACT_SHARE * budget)
    if verdict is None or verdict.kind != "refuted":
        verdict = NumericTest(seed, points=POINTS, quick=True)(step, max(deadline - busy_clock(), 0.0))
    return verdict if verdict is not None and verdict.kind == "refuted" else None


UNREFUTABLE_WHEN_EQUAL = ("=", "<=", ">=")
"""Relations that hold between equal values (``<`` and ``>`` fail there: a probe point refutes them)."""


def same_sides(step: Step) -> bool:
    r"""Whether no probe point can refute ``step``: its relation holds between equal values, each concrete instance
    (``instances``, built before the fork) has one expression on both sides, and neither side of the step is an
    infinite series.  The exact rung then finds $l = r$ or skips a point where a divisor vanishes, the quick numeric
    rung compares one value with itself or skips a point where the side is undefined; a series is excluded because a
    side the numeric rung cannot evaluate sends it to ``series.divergent_series_refutation``, which looks at the
    step's own sides."""
    if step.rel not in UNREFUTABLE_WHEN_EQUAL or any(_infinite_series(side) for side in (step.lhs, step.rhs)):
        return False
    try:
        insts, _ = instances(step)
    except Unsupported:
        return False
    return bool(insts) and all(inst.lhs == inst.rhs for inst in insts)


def _infinite_series(side) -> bool:
    """Whether ``side`` is a ``Sum`` with an infinite limit (what ``divergent_series_refutation`` looks for, and more)."""
    return isinstance(side, sp.Sum) and any(limit.has(sp.oo, -sp.oo) for _, *ends in side.limits for limit in ends)
