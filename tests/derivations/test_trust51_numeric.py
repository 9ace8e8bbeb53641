r"""trust51: for $lhs \le rhs$ or $\ge$ between sides without a jump function, a point where $lhs = rhs$ satisfies
the relation and can never refute it, so the exact zeros of $lhs - rhs$ are not solved for (``closed_ties``): the
time goes to the searches that can find a failure (the zeros of the derivative, the kinks).  A strict relation, or a
side with a jump (where a zero sits beside the failing side of a step), still solves for them.

No tolerance: which differences reach ``sympy.solve`` is exact; no verdict here depends on the clock.
"""
import pytest

from derivations.checker.budget import busy_clock
from derivations.checker.strategies import ties
from derivations.checker.strategies.instances import instances
from readers.claim import claim_step


def _solved_differences(monkeypatch, lhs, rel, rhs, assume):
    """The expressions ``likely_ties`` hands to ``_solved_roots`` for the claim, each as ``(expr, symbol)``."""
    seen = []

    def record(expr, x, deadline, cut=None):
        seen.append((expr, x))
        return []

    monkeypatch.setattr(ties, "_solved_roots", record)
    monkeypatch.setattr(ties, "_numeric_roots", lambda *a, **k: [])
    monkeypatch.setattr(ties, "feature_points", lambda *a, **k: iter(()))
    (inst,), _ = instances(claim_step(lhs, rel, rhs, assume))
    list(ties.likely_ties(inst, busy_clock() + 60, []))
    return [expr for expr, _ in seen], inst.lhs - inst.rhs


@pytest.mark.parametrize("lhs, rel, rhs, assume", [
    ("tan(x)", ">=", "x + x**3/3", ["0 <= x < pi/2"]),  # pl-h25-tan-cubic
    ("erf(t)", "<=", "tanh(2.8*t)", ["0 <= t <= 5"]),  # ie-h25-erf-tanh-short
    ("abs(x*Phi(x) - x*sigmoid(1.702*x))", "<=", "0.0204", []),  # dl-h26-gelu-sig-bound: a kink, no jump
    ("sin(y)/y", ">=", "-0.2172336292", ["y != 0"]),  # cp-h27-sinc-min
    ("Max(u, exp(-u))", ">=", "0.5671432904", []),
    ("x**3 - 3*x", "<=", "x**4 + 5", []),  # a polynomial: no real_roots either (sympy.solve is not reached)
])
def test_a_non_strict_relation_does_not_solve_for_its_own_ties(monkeypatch, lhs, rel, rhs, assume):
    solved, difference = _solved_differences(monkeypatch, lhs, rel, rhs, assume)
    assert difference not in solved and solved == []


@pytest.mark.parametrize("lhs, rel, rhs, assume", [
    ("tan(x)", ">", "x + x**3/3", ["0 <= x < pi/2"]),  # strict: the tie at 0 is the counterexample
    ("sin(y)/y", "<", "1", ["y != 0"]),
    ("exp(x)", "<", "tanh(x) + 2", []),
    ("Heaviside(x - 1)*exp(x)", "<=", "exp(x) - 1", []),  # a jump: a zero may sit beside the step's failing side
    ("sign(cos(t))", ">=", "cos(t)", []),
])
def test_a_strict_relation_or_a_jump_still_solves(monkeypatch, lhs, rel, rhs, assume):
    solved, difference = _solved_differences(monkeypatch, lhs, rel, rhs, assume)
    assert difference in solved
