"""A summed gradient's last per-row scaling folded into its sum (codegen.lower_row_weights): the rewrite of the
statements, and the gradients of parameters given once for the batch against the per-sample gradients summed."""
import re

import numpy as np
import pytest

from codegen.load import load_generated
from codegen.lower_printer import NumPyLowering
from codegen.lower_row_weights import fold_row_weights
from codegen.module import joint_groups, lower_joint_vjp
from derivations.numeric.evaluate import sample_points

IMPORTS = "import numpy as np\nfrom numpy.lib.stride_tricks import sliding_window_view\n\n\n"
SUM_TOL = 1e-12
"""The gradient given once against the per-sample gradients summed by np.sum, relative to the largest term
times the number of rows: the same products, added in another order (a BLAS matrix-vector product against
np.sum's pairwise sum), each sum off by at most a few ulps of its terms."""

SCALED = ["u = np.multiply(a, b, out=a)", "t = np.multiply(u, (1 / s)[..., None], out=u)", "del s, u",
          "return (v, t,)"]


def test_a_row_scaled_summed_output_keeps_its_rows_and_weight():
    body = list(SCALED)
    assert fold_row_weights(body, ["v", "t"], (None, "_given[1]")) == {1: "_w1"}
    assert body == ["u = np.multiply(a, b, out=a)", "_w1 = 1 / s", "t = u", "del s, u", "return (v, t,)"]


@pytest.mark.parametrize("body, summed", [
    (SCALED, (None, None)),  # not summed: nothing to fold
    (SCALED[:3] + ["z = u + 1", "return (z, t,)"], (None, "_given[1]")),  # the unscaled rows read again
    (["t = np.multiply(u, (1 / s)[..., None, None], out=u)", "return (v, t,)"], (None, "_given[1]")),  # two axes
    (["t = np.multiply(u, w[..., None], out=x)", "return (v, t,)"], (None, "_given[1]")),  # not in place
])
def test_no_fold_where_the_scaled_rows_are_needed_or_the_form_differs(body, summed):
    before = list(body)
    assert fold_row_weights(body, ["v", "t"], summed) == {}
    assert body == before


def _function(fn):
    helpers = NumPyLowering.helpers_source(fn.source(), grad=False)
    return vars(load_generated(IMPORTS + helpers + "\n\n\n" + fn.source()))[fn.name]


def _folded_groups():
    """The joint VJPs of the gradient records that fold a row weight (found by lowering each)."""
    try:
        from derivations.gradients import all_gradients
    except ImportError:  # the gradient records are optional
        return []
    folded = re.compile(r"^\s*_w\d+ = ", re.M)
    return sorted(name for name, members in joint_groups(all_gradients()).items()
                  if folded.search(lower_joint_vjp(name, members, blocks=0).source()))


FOLDED = ["batch_norm_vjp", "bce_sigmoid_vjp", "l1_penalty_vjp", "layer_norm_vjp", "mse_vjp", "softmax_vjp"]
"""The joint VJPs that fold a row weight, as :func:`_folded_groups` finds them.  Written out, because the parameters
below are fixed when pytest collects, in every xdist worker: lowering all 17 joint VJPs there cost each worker
1.2 s of CPU; :func:`test_the_folded_groups_are_found_by_lowering` lowers them once, in one worker."""


def test_the_folded_groups_are_found_by_lowering():
    assert _folded_groups() == FOLDED


def test_the_layer_norm_gradient_folds_its_row_weight():
    assert "layer_norm_vjp" in FOLDED


@pytest.mark.parametrize("name", FOLDED)
@pytest.mark.parametrize("blocks", [0, 2])
@pytest.mark.parametrize("given", ["once", "one row"])
def test_each_parameter_given_once_gets_the_per_sample_gradients_summed(name, blocks, given):
    r"""Every parameter with a trailing axis, given once for the batch (``once``: no batch axis; ``one row``:
    a batch axis of size 1), gets $\sum_b \bar p_b$ of the per-sample gradients (the parameter copied to every
    row), whole and by blocks of two rows (a remainder row included); the other gradients are unchanged."""
    from derivations.gradients import all_gradients
    from derivations.gradients.check import vjp_formula

    members = joint_groups(all_gradients())[name]
    fn = _function(lower_joint_vjp(name, members, blocks=blocks))
    points = [p for p in sample_points(vjp_formula(members[0]), n_random=6) if p.label.startswith("random")]
    points = [p for p in points if p.sizes == points[-1].sizes]
    values = {k: np.stack([np.asarray(points[b % len(points)].values[k]) * (1 + 0.1 * b) for b in range(5)])
              for k in points[0].values}
    for k, member in enumerate(members):
        p = member.wrt
        if values[p].ndim < 2:
            continue  # a per-sample scalar: no trailing axis to broadcast
        one = values[p][0] if given == "once" else values[p][:1]
        per_sample = dict(values, **{p: np.broadcast_to(values[p][0], values[p].shape).copy()})
        with np.errstate(all="ignore"):
            got = fn(**dict(values, **{p: one}))
            summed = fn(**per_sample)
        assert np.shape(got[k]) == np.shape(one), (name, p)
        total = np.sum(summed[k], axis=0).reshape(np.shape(one))
        scale = max(float(np.max(np.abs(summed[k]), initial=0.0)), 1e-300) * len(summed[k])
        assert np.max(np.abs(got[k] - total), initial=0.0) <= SUM_TOL * scale, (name, p)
        for j, other in enumerate(summed):
            if j != k:
                assert np.allclose(got[j], other, rtol=1e-12, atol=0, equal_nan=True), (name, p, members[j].wrt)
