"""The rungs of a derivation's steps run in one forked child (``ladder.check_derivation``), not one per step."""
import sympy as sp

from derivations.checker import budget
from derivations.checker.ladder import check_derivation
from derivations.checker.step import Derivation, Step

x = sp.Symbol("x", real=True)
BUDGET = 60.0
"""Seconds per step: each decides in well under a second; the rest absorbs a loaded machine."""


def test_the_steps_of_a_derivation_share_one_child(monkeypatch):
    forks = []
    fork = budget.BudgetedChild._fork
    monkeypatch.setattr(budget.BudgetedChild, "_fork", lambda self, *a: forks.append(a[0]) or fork(self, *a))
    steps = (Step(x + x, 2 * x), Step(2 * x, 3 * x), Step(sp.exp(x) * sp.exp(x), sp.exp(2 * x)))
    verdicts = check_derivation(Derivation("d", "three steps", steps), budget=BUDGET)
    assert [v.kind for v in verdicts] == ["proved", "refuted", "proved"]
    assert len(forks) == 1, forks
