"""Gradients: the registry, the three checks of every record, wrong closed forms refuted, identities."""
import dataclasses
import json

import numpy as np
import pytest
import sympy as sp

from derivations.gradients import (
    UnknownGradient,
    all_gradients,
    check_gradient,
    get_gradient,
    losses,
)
from derivations.gradients import convolution as conv
from derivations.gradients.check import (
    FD_TOL,
    REFERENCE_TOL,
    check_numeric,
    check_symbolic,
)
from derivations.gradients.feed_forward import FFN_AS_CONVOLUTIONS
from derivations.gradients.sums import (
    canonical,
    prove_equal_sums,
    reindexed_equal,
    sum_deltas,
)
from symbolic.record import Output
from symbolic.references import backward as ref

REQUIRED = {
    "softmax_jacobian", "softmax_vjp_z", "cross_entropy_softmax_vjp_z", "bce_sigmoid_vjp_x", "mse_vjp_yhat",
    "l1_penalty_vjp_theta", "l2_penalty_vjp_theta",
    "layer_norm_vjp_x", "layer_norm_vjp_gamma", "layer_norm_vjp_beta",
    "batch_norm_vjp_x", "batch_norm_vjp_gamma", "batch_norm_vjp_beta",
    "attention_vjp_Q", "attention_vjp_K", "attention_vjp_V",
    "multi_head_attention_vjp_W_Q", "multi_head_attention_vjp_W_K", "multi_head_attention_vjp_W_V",
    "multi_head_attention_vjp_W_O", "multi_head_attention_vjp_X_q",
    "feed_forward_vjp_x", "feed_forward_vjp_W_1", "feed_forward_vjp_b_1", "feed_forward_vjp_W_2",
    "feed_forward_vjp_b_2",
    "cross_correlation1d_vjp_x", "cross_correlation1d_vjp_k", "cross_correlation2d_vjp_x",
    "cross_correlation2d_vjp_k", "conv2d_multichannel_vjp_x", "conv2d_multichannel_vjp_w",
}
N_RANDOM, MAX_POINTS = 8, 24
"""Points per gradient in the tests (random, then edge points spread over the rest); the full
``check_gradient`` uses 20 random points and every edge point."""
GRADIENTS = all_gradients()


def by_id(grads):
    return pytest.mark.parametrize("grad", grads, ids=lambda g: g.id)


def test_registry_holds_the_required_gradients():
    assert REQUIRED <= {g.id for g in GRADIENTS}, sorted(REQUIRED - {g.id for g in GRADIENTS})


def test_unknown_id_lists_closest():
    with pytest.raises(UnknownGradient, match="closest: softmax_vjp_z"):
        get_gradient("softmax_vjp")


@by_id(GRADIENTS)
def test_record_is_well_formed(grad):
    assert grad.variable.name == grad.wrt
    assert getattr(ref, grad.id) is grad.reference
    assert len(grad.wrt_indices) == len(grad.variable.shape)
    assert not grad.expanded().atoms(sp.Derivative), "the closed form is not a materialised derivative"


@by_id(GRADIENTS)
def test_derived_equals_closed_form_at_symbolic_sizes(grad):
    verdict = check_symbolic(grad)
    assert verdict.kind == "proved" and "symbolic sizes" in verdict.method, verdict.summary()


@by_id(GRADIENTS)
def test_reference_and_finite_differences_agree_with_closed_form(grad):
    ref_check, fd_check = check_numeric(grad, n_random=N_RANDOM, max_points=MAX_POINTS)
    assert ref_check["max_rel_error"] <= REFERENCE_TOL, ref_check
    assert fd_check["max_rel_error"] <= FD_TOL, fd_check
    assert fd_check["points"] - fd_check["skipped_kinks"] - fd_check["unresolved"] >= N_RANDOM // 2, fd_check


def _replace_vjp(gid, expr):
    grad = get_gradient(gid)
    return dataclasses.replace(grad, vjp=Output(grad.vjp.lhs, expr, grad.vjp.indices))


WRONG = {
    "kernel not rotated": _replace_vjp(
        "cross_correlation1d_vjp_x", sp.Sum(conv.g_pad[conv.p + conv.m] * conv.k[conv.m], (conv.m, 0, conv.M - 1))),
    "dK = dY * X (a true convolution)": _replace_vjp(
        "cross_correlation1d_vjp_k",
        sp.Sum(conv.g[conv.t] * conv.x[conv.q + conv.N - conv.M - conv.t], (conv.t, 0, conv.N - conv.M))),
    "softmax VJP without the mean": _replace_vjp("softmax_vjp_z", losses.sigma[losses.q] * losses.g[losses.q]),
}


@pytest.mark.parametrize("grad", WRONG.values(), ids=WRONG.keys())
def test_wrong_closed_form_is_refuted(grad):
    assert check_symbolic(grad, budget=60).kind == "refuted"
    _, fd_check = check_numeric(grad, n_random=4, max_points=8)
    assert fd_check["verdict"] == "refuted", fd_check


def test_convolution_gradients_are_the_textbook_operations():
    """dX is the full convolution of dY with k (= full cross-correlation with k rotated); dK = X cross-correlated with dY."""
    rng = np.random.default_rng(0)
    x, k = rng.standard_normal(7), rng.standard_normal(3)
    g = rng.standard_normal(x.size - k.size + 1)
    np.testing.assert_allclose(ref.cross_correlation1d_vjp_x(g, x, k), np.convolve(g, k, "full"), rtol=1e-13)
    np.testing.assert_allclose(ref.cross_correlation1d_vjp_k(g, x, k), np.correlate(x, g, "valid"), rtol=1e-13)
    np.testing.assert_allclose(ref.conv1d_vjp_x(g, x, k), np.convolve(g, k[::-1], "full"), rtol=1e-13)


def test_feed_forward_is_two_kernel_size_1_convolutions():
    """The sum rules prove the step; that the checker proves it too is asserted by the library's test (the
    derivation is registered there and listed in ``test_library.PROVED``), which checks it once."""
    (step,) = FFN_AS_CONVOLUTIONS.steps
    assert prove_equal_sums(step.lhs, step.rhs, ranges=step.indices)


def test_kink_conventions():
    """sign(0) = 0 for L1; ReLU'(0) = 0 for the FFN, in the closed forms and the references alike."""
    theta = np.array([0.0, -2.0, 3.0])
    np.testing.assert_array_equal(ref.l1_penalty_vjp_theta(1.0, theta, 0.5, 0.0), [0.0, -0.5, 0.5])
    assert sp.sign(0) == 0 and sp.Heaviside(0, 0) == 0
    x, W_1, b_1 = np.array([[1.0]]), np.array([[1.0]]), np.array([-1.0])  # pre-activation exactly 0
    dx = ref.feed_forward_vjp_x(np.ones((1, 1)), x=x, W_1=W_1, b_1=b_1, W_2=np.ones((1, 1)), b_2=np.zeros(1))
    np.testing.assert_array_equal(dx, [[0.0]])
    _, fd_check = check_numeric(get_gradient("l1_penalty_vjp_theta"), n_random=2)
    assert fd_check["skipped_kinks"] > 0 and fd_check["verdict"] == "verified", fd_check  # theta = 0 edges


def test_check_gradient_is_json_ready():
    report = check_gradient(get_gradient("mse_vjp_yhat"), n_random=4, max_points=6)
    assert report["holds"], report
    json.dumps(report)


# ** the sum rules **

K = sp.Symbol("K", integer=True, positive=True)
i, j, q = sp.symbols("i j q", integer=True, nonnegative=True)
f = sp.IndexedBase("f")


def test_delta_is_summed_out_within_range():
    assert sum_deltas(sp.Sum(f[i] * sp.KroneckerDelta(i, q), (i, 0, K - 1)), {q: (0, K - 1)}) == f[q]
    outside = sum_deltas(sp.Sum(f[i] * sp.KroneckerDelta(i, q + 1), (i, 0, K - 1)), {q: (0, K - 1)})
    assert isinstance(outside, sp.Piecewise)  # q + 1 may leave the range


def test_deltas_only_inside_two_branch_piecewise_keep_their_sums():
    # the derivative in h_q of sum_i sum_j r(|h_i - h_j|) with a two-branch form: each delta sits inside a branch,
    # out of reach of either sum; swapping the sums to reach one must not swap back without end (RecursionError)
    h, w = sp.IndexedBase("h"), sp.IndexedBase("w")
    d = h[i] - h[j]
    branch = (sp.KroneckerDelta(i, q) - sp.KroneckerDelta(j, q)) * sp.exp(-sp.Abs(d))
    expr = sp.Sum(w[i] * sp.Sum(sp.Piecewise((branch, d <= 0), (3 * branch, True)), (j, 0, K - 1)), (i, 0, K - 1))
    out = sum_deltas(expr, {q: (0, K - 1)})
    values = {h[n]: v for n, v in enumerate((0.3, -1.2, 2.0))} | {w[n]: v for n, v in enumerate((1.5, -0.5, 2.5))}
    for at in range(3):  # the same value as the deltas evaluated by sympy (exact but for rounding: 1e-12)
        want = expr.subs({K: 3, q: at}).doit().subs(values)
        assert abs(float(out.subs({K: 3, q: at}).doit().subs(values)) - float(want)) <= 1e-12 * (1 + abs(float(want)))


def test_canonical_sums_are_equal_under_renaming():
    assert canonical(f[i] * f[j] ** 2, [(i, 0, K - 1), (j, 0, K)]) == canonical(f[j] * f[i] ** 2, [(j, 0, K - 1), (i, 0, K)])


def test_reindexing_needs_equal_supports():
    shifted = sp.Sum(f[i + 1], (i, 0, K - 2))
    assert reindexed_equal(sp.Sum(f[i], (i, 1, K - 1)), shifted)
    assert not reindexed_equal(sp.Sum(f[i], (i, 0, K - 1)), shifted)


def test_compiled_forward_pass_is_shared_but_never_stale():
    """The VJPs of one output share one compiled $g^\\top y$ (``check._lowered``); a record with the same id and
    name but another closed form gets its own function, and evaluating one never leaves the other's cached sums
    behind (each call resets them)."""
    import mpmath

    from derivations.gradients.check import Lowered, forward_formula, vjp_formula
    from derivations.numeric.evaluate import sample_points, to_mpf

    x_grad, k_grad = get_gradient("cross_correlation1d_vjp_x"), get_gradient("cross_correlation1d_vjp_k")
    fx, fk = forward_formula(x_grad), forward_formula(k_grad)
    assert Lowered(fx, fx.outputs[0]).fn is Lowered(fk, fk.outputs[0]).fn

    right = get_gradient("softmax_vjp_z")
    wrong = _replace_vjp("softmax_vjp_z", losses.sigma[losses.q] * losses.g[losses.q])
    vf_right, vf_wrong = vjp_formula(right), vjp_formula(wrong)
    point = sample_points(vf_right, n_random=1, seed=3)[0]
    values = {k: to_mpf(v) for k, v in point.values.items()}
    with mpmath.workdps(30):
        first = Lowered(vf_right, vf_right.outputs[0])(values, point.sizes)
        other = Lowered(vf_wrong, vf_wrong.outputs[0])(values, point.sizes)
        again = Lowered(vf_right, vf_right.outputs[0])(values, point.sizes)
    assert not all(a == b for a, b in zip(first.flat, other.flat))  # the wrong VJP drops the mean: not equal
    assert all(a == b for a, b in zip(first.flat, again.flat))
