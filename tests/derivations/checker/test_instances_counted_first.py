"""More concrete instances than ``instances.MAX_INSTANCES`` are refused before any is built: the array tail
(``strategies.array_tail``) asked for the softmax Jacobian's 576 entries at length 24 and built 400 of them (some
3 s of CPU) before the refusal, then again for the numeric test, since a refusal is not remembered."""
import pytest
import sympy as sp

from derivations.checker.step import Step
from derivations.checker.strategies import instances as inst_module

K = sp.Symbol("K", integer=True, positive=True)
i, j = sp.symbols("i j", integer=True)
z = sp.IndexedBase("z", real=True)


def _step(size: int) -> Step:
    return Step(z[i] * z[j], z[j] * z[i], indices={i: (0, K - 1), j: (0, K - 1)}, sizes=({K: size},))


def _counting(monkeypatch) -> list:
    monkeypatch.setattr(inst_module, "MAX_INSTANCES", 4)  # the rule, at a size that is cheap to build
    built = []
    original = inst_module._instance
    monkeypatch.setattr(inst_module, "_instance", lambda *a, **k: built.append(1) or original(*a, **k))
    return built


def test_too_many_instances_are_refused_before_one_is_built(monkeypatch):
    built = _counting(monkeypatch)
    with pytest.raises(inst_module.Unsupported, match="more than 4 concrete instances"):
        inst_module.instances(_step(3))  # 9 entries
    assert built == []


def test_as_many_as_allowed_are_built(monkeypatch):
    built = _counting(monkeypatch)
    assert len(inst_module.instances(_step(2))[0]) == 4 == len(built)
