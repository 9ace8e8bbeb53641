"""``instances.smallest_instances`` takes the step's remembered instances where its sizes are all of the step's, in
their order, and builds them where they are not; either way it equals a fresh build at the smallest sizes, and one
step's instances never answer for another's."""
import sympy as sp

from derivations.checker.step import Step
from derivations.checker.strategies import instances as inst_module
from derivations.checker.strategies.instances import _instances_at, _size_assignments, instances, smallest_instances

z = sp.IndexedBase("z")
k = sp.Symbol("k", integer=True)
K = sp.Symbol("K", integer=True, positive=True)
n = sp.Symbol("n", integer=True, nonnegative=True)


def _fresh_smallest(step, count):
    by_size = sorted(_size_assignments(step), key=lambda size: max((abs(int(v)) for v in size.values()), default=0))
    return _instances_at(step, tuple(by_size[:count]))


def test_array_lengths_are_the_step_s_own_instances_built_once(monkeypatch):
    step = Step(sp.Sum(sp.exp(z[k]), (k, 0, K - 1)), sp.Sum(sp.exp(z[k]), (k, 0, K - 1)) * 1)  # lengths 2, 3, 5
    remembered = instances(step)[0]
    built = []
    original = inst_module._instances_at
    monkeypatch.setattr(inst_module, "_instances_at", lambda *a: built.append(a) or original(*a))
    assert smallest_instances(step, 4) is remembered
    assert not built
    monkeypatch.undo()
    assert smallest_instances(step, 4) == _fresh_smallest(step, 4)


def test_other_sizes_are_built_and_equal_a_fresh_build():
    step = Step(sp.Sum(k, (k, 0, n)), n * (n + 1) / 2)  # a scalar size: sizes -12..12 and more, the 4 smallest differ
    assert len(_size_assignments(step)) > 4
    smallest = smallest_instances(step, 4)
    assert smallest == _fresh_smallest(step, 4) and len(smallest) == 4


def test_an_equal_step_is_not_answered_by_another_step_s_instances():
    first = Step(sp.Sum(z[k], (k, 0, K - 1)), sp.Sum(z[k], (k, 0, K - 1)))
    second = Step(sp.Sum(z[k] ** 2, (k, 0, K - 1)), sp.Sum(z[k], (k, 0, K - 1)))
    instances(first)
    assert smallest_instances(second, 4) == _fresh_smallest(second, 4)
    assert all(i.lhs != i.rhs for i in smallest_instances(second, 4))
