"""The catalog's joint VJPs lowered from derived gradients: as accurate as the closed forms, no more work.

Accuracy is measured against the hand-written backward pass.  Work is counted in the generated code, not
timed (timings depend on the machine's load; the benchmark ``benchmarks/own_formulas.py`` times both side by
side): the derived function may not call ``exp``, reduce (sum, matrix product, max, min) or build a
convolution window more often than the closed-form one.
"""
import re

import numpy as np
import pytest

from codegen.derived_vjp import lower_derived_joint_vjp
from codegen.load import load_generated
from codegen.lower_printer import NumPyLowering
from codegen.module import _gradients_of, _vjp_formula, joint_groups, lower_joint_vjp
from derivations.numeric.evaluate import sample_points
from symbolic import all_formulas

GROUPS = sorted(joint_groups(_gradients_of([f.id for f in all_formulas()])).items())
SLACK = 1e-12
"""Normwise error the derived function may have beyond the closed form's, both measured against the
hand-written backward pass at every sample point (random ones and every domain edge): float64 roundings in
a different order (a few ulps of the largest entry), never a lost digit."""
WORK = ("sum", "mm", "max", "min", "window", "pad")
"""Statement kinds counted as work: each is a pass over an array that reduces or gathers."""


def _load(fn):
    text = ("import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n"
            + NumPyLowering.helpers_source(fn.source(), grad=True) + "\n\n" + fn.source())
    return vars(load_generated(text))[fn.name]


def _work(fn) -> dict:
    body = fn.source().split("return tuple(_outs)")[-1]  # the unblocked body (the row blocks call it)
    names = re.findall(r"^\s+(\w+) = ", body, re.MULTILINE)
    out = {k: sum(1 for s in names if s.startswith(k + "_")) for k in WORK}
    out["exp"] = body.count("np.exp(")
    return out


def _error(got, ref) -> float:
    """Normwise error of ``got`` against ``ref`` (entries finite in ``ref``; a non-finite ``got`` there is inf)."""
    got, ref = np.asarray(got, dtype=float), np.broadcast_to(np.asarray(ref, dtype=float), np.shape(got))
    fin = np.isfinite(ref)
    if not np.all(np.isfinite(got[fin])):
        return np.inf
    scale = max(float(np.max(np.abs(ref[fin]), initial=0.0)), np.finfo(float).tiny)
    return float(np.max(np.abs(got[fin] - ref[fin]), initial=0.0)) / scale


@pytest.mark.parametrize("name, grads", GROUPS, ids=[n for n, _ in GROUPS])
def test_derived_joint_vjp_is_as_accurate_as_the_closed_form_and_costs_no_more(name, grads):
    closed, derived = lower_joint_vjp(name, grads), lower_derived_joint_vjp(name, grads)
    c, d = _work(closed), _work(derived)
    assert all(d[k] <= c[k] for k in c), (c, d)
    f_closed, f_derived = _load(closed), _load(derived)
    for point in sample_points(_vjp_formula(grads[0]), n_random=2, seed=1):
        values = {k: np.array(v, dtype=float) for k, v in point.values.items()}
        with np.errstate(all="ignore"):
            a, b = f_closed(**values), f_derived(**values)
            refs = [g.reference(**{k: v.copy() for k, v in values.items()}) for g in grads]
        for grad, x, y, ref in zip(grads, a, b, refs):
            assert np.shape(x) == np.shape(y)
            assert _error(y, ref) <= _error(x, ref) + SLACK, (grad.id, point.label)
