"""A step's instances built in the caller (``instances.build_before_fork``) are the ones its rungs' children use."""
import threading

import sympy as sp

from derivations.checker.budget import run_with_budget
from derivations.checker.step import Step
from derivations.checker.strategies import instances as inst

x = sp.Symbol("x", real=True)
K = sp.Symbol("K", integer=True, positive=True)
i = sp.Symbol("i", integer=True)
z = sp.IndexedBase("z")
STEP = Step(sp.Sum(sp.exp(z[i]), (i, 0, K - 1)), sp.Sum(sp.exp(z[i]), (i, 0, K - 1)), sizes=({K: 2}, {K: 3}))


def _built_here(step) -> bool:
    """In a forked child: whether the instances of ``step`` were inherited (no construction needed)."""
    calls = []
    original = inst._instances
    inst._instances = lambda s: calls.append(s) or original(s)
    try:
        inst.instances(step)
    finally:
        inst._instances = original
    return not calls


def test_children_inherit_the_instances_built_before_the_fork():
    inst._remembered.clear()
    assert run_with_budget(_built_here, STEP, seconds=30.0).value is False  # nothing built before: the child builds
    inst.build_before_fork(STEP, seconds=30.0)
    assert run_with_budget(_built_here, STEP, seconds=30.0).value is True
    assert inst.instances(STEP) == inst._instances(STEP)  # the same instances as a fresh construction


def test_nothing_is_kept_when_the_time_runs_out_or_off_the_main_thread():
    step = Step(x + 1, 1 + x)
    inst._remembered.clear()
    inst.build_before_fork(step, seconds=1e-9)  # the CPU timer fires before the construction ends (or it ends)
    assert not inst._remembered or inst._remembered[id(step)][0] is step
    inst._remembered.clear()
    worker = threading.Thread(target=inst.build_before_fork, args=(step,), kwargs={"seconds": 30.0})
    worker.start()
    worker.join()
    assert not inst._remembered  # no CPU limit can be set outside the main thread: not built there
