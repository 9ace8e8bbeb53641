"""The probe skips a step whose instances have one expression on both sides (``probe.same_sides``): no point can
refute it.  It still probes every step where a point can: a strict relation, sides that differ at some instance, a
side that is an infinite series."""
import sympy as sp

from derivations.checker.step import Step
from derivations.checker.strategies import probe

x = sp.Symbol("x", real=True)
z = sp.IndexedBase("z")
k, j = sp.symbols("k j", integer=True)
K = sp.Symbol("K", integer=True, positive=True)

SECONDS = 30.0
"""The probe's seconds: each case ends in well under one; the rest absorbs a loaded machine."""


def _not_run(*args, **kwargs):
    raise AssertionError("the probe's rungs ran")


def test_a_step_with_one_expression_on_both_sides_is_not_probed(monkeypatch):
    monkeypatch.setattr(probe, "ExactTest", _not_run)
    monkeypatch.setattr(probe, "NumericTest", _not_run)
    # equal once written out at each concrete size (the sums over k and j are one sum after doit)
    step = Step(sp.Sum(z[k] ** 2, (k, 0, K - 1)), sp.Sum(z[j] ** 2, (j, 0, K - 1)), sizes=({K: 2}, {K: 3}))
    assert probe.same_sides(step)
    assert probe.quick_refutation(step, SECONDS) is None
    assert probe.quick_refutation(Step(sp.log(x) / x, sp.log(x) / x, "<="), SECONDS) is None


def test_a_step_a_point_can_refute_is_still_probed():
    strict = Step(x**2 + 1, x**2 + 1, "<")  # fails at every point: l = r
    assert not probe.same_sides(strict)
    assert probe.quick_refutation(strict, SECONDS).kind == "refuted"
    differ = Step(sp.Sum(z[k], (k, 0, K - 1)) ** 2, sp.Sum(z[k] ** 2, (k, 0, K - 1)), sizes=({K: 2}, {K: 3}))
    assert not probe.same_sides(differ)
    assert probe.quick_refutation(differ, SECONDS).kind == "refuted"
    series = Step(sp.Sum(x**k, (k, 0, sp.oo)), sp.Sum(x**k, (k, 0, sp.oo)))
    assert not probe.same_sides(series)  # left to the probe (and ``series.divergent_series_refutation``) as before
