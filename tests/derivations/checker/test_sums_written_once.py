r"""The instances of a step at one size differ in their free indices only: a sum (or maximum) that does not mention
them is written out once for all of them (``instances._write_out`` remembered within one build), and the instances
are those built without remembering."""
import pytest
import sympy as sp

from derivations.checker.step import Step
from derivations.checker.strategies import instances as inst_module

K, N = sp.Symbol("K", integer=True, positive=True), sp.Symbol("N", integer=True, positive=True)
i, j, k = sp.symbols("i j k", integer=True)
z, w = sp.IndexedBase("z", real=True), sp.IndexedBase("w", positive=True)
CASES = {
    # the softmax entry: sum_j e^{z_j} at each of the K values of i
    "softmax entry": (Step(sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 0, K - 1)), sp.Integer(1), rel="<=",
                           indices={i: (0, K - 1)}, sizes=({K: 4}, {K: 6})), 2),
    # another layout: a product and a sum, two free indices, the index last
    "two indices": (Step(w[k] * w[i] / sp.Product(w[j], (j, 1, N)), w[i] * w[k] / sp.Product(w[j], (j, 1, N)),
                         indices={i: (1, N), k: (1, N)}, sizes=({N: 3},)), 1),
}


@pytest.mark.parametrize("name", CASES)
def test_a_sum_without_the_free_indices_is_written_once_per_size(name, monkeypatch):
    step, sizes = CASES[name]
    plain = inst_module._instances_at_sizes(step, inst_module._size_assignments(step))
    written = []
    original = inst_module._write_out_now
    monkeypatch.setattr(inst_module, "_write_out_now", lambda node: written.append(node) or original(node))
    remembered = inst_module._instances_at(step, inst_module._size_assignments(step))
    assert len(remembered) > 2 * sizes
    assert len(written) == len(set(written)) and len(written) <= 2 * sizes  # each distinct node once
    assert [(sp.srepr(a.lhs), sp.srepr(a.rhs)) for a in remembered] == [(sp.srepr(b.lhs), sp.srepr(b.rhs)) for b in plain]
