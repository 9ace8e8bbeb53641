r"""A quick search for a counterexample, before the symbolic rung.

A false claim cannot be proved, so the symbolic rung spends its whole share of the budget on it (often
until its timeout) before the exact or numeric rung refutes it, usually at its first points.  The probe
runs those two rungs first, cheaply: the exact rung (``ExactTest``, rational claims) as it is, then the
numeric rung at ``POINTS`` sampled points per instance without its costlier searches (``NumericTest``
with ``quick``).  Only a refutation is kept; each is certified by exact evaluation, as in the full rungs,
so the probe refutes only what the ladder would refute.  Anything else is forgotten and the ladder runs
as before: ``verified`` still needs the full numeric rung.
"""
from __future__ import annotations

from derivations.checker.budget import busy_clock
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict

from derivations.checker.strategies.exact import ExactTest
from derivations.checker.strategies.numeric import NumericTest

POINTS = 8
"""Sampled points per concrete instance (the full numeric rung takes 200 per step, at least 40 per instance)."""
EXACT_SHARE = 0.5
"""Share of the probe's seconds for the exact rung; the numeric points get the rest."""


def quick_refutation(step: Step, budget: float, seed: int = 0) -> Verdict | None:
    """A ``refuted`` verdict from the exact rung or a quick numeric rung within ``budget`` seconds, else None."""
    deadline = busy_clock() + budget
    verdict = ExactTest(seed)(step, EXACT_SHARE * budget)
    if verdict is None or verdict.kind != "refuted":
        verdict = NumericTest(seed, points=POINTS, quick=True)(step, max(deadline - busy_clock(), 0.0))
    return verdict if verdict is not None and verdict.kind == "refuted" else None
