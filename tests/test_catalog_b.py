"""Catalog records of convolution, SVM, attention, positional encoding, FFN, GAN and diffusion.

Each record verifies against mpmath, its samples lie in its domains, and a
hand-written plausible mistake in place of its reference is refuted.
"""
from functools import cache

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from derivations.verify_catalog import verify_formula
from symbolic import get
from symbolic.evaluate import sample_points
from symbolic.references import attention, diffusion

IDS = (
    "conv1d", "cross_correlation1d", "conv2d", "cross_correlation2d",
    "svm_hard_margin", "svm_soft_margin", "svm_decision", "poly_kernel", "poly_kernel_inhomogeneous",
    "rbf_kernel", "attention", "multi_head_attention", "positional_encoding", "feed_forward",
    "gan_value", "diffusion_forward", "diffusion_reverse", "diffusion_vlb",
)
WRONG_N_RANDOM = 20
"""Random points for the wrong-reference checks: a wrong formula errs by O(1) almost everywhere."""


@cache
def check(fid):
    return verify_formula(get(fid))


@pytest.mark.parametrize("fid", IDS)
def test_record_verifies(fid):
    r = check(fid)
    assert r.verdict.kind == "verified", r.verdict.reason
    assert r.max_rel_error_generated <= r.tolerance and r.max_rel_error_reference <= r.tolerance


def test_attention_needs_the_max_shift():
    """Scores reach ~1e4: the generated code is stabilized, an unshifted softmax overflows."""
    assert "exp_normalize" in check("attention").rewrites
    assert "exp_normalize" in check("multi_head_attention").rewrites

    def unshifted(Q, K, V):
        e = np.exp(Q @ K.T / np.sqrt(Q.shape[-1]))
        return e / e.sum(axis=-1, keepdims=True) @ V

    r = verify_formula(get("attention"), reference=unshifted, n_random=WRONG_N_RANDOM)
    assert r.verdict.kind == "refuted" and r.max_rel_error_reference == np.inf


def test_svm_decision_samples_keep_the_score_off_zero():
    f = get("svm_decision")
    from symbolic.references.svm import svm_decision

    for p in sample_points(f, n_random=20, seed=2):
        assert abs(svm_decision(**p.values)["s"]) > 1e-9, p.label


# ---- plausible mistakes, one per record ----

def conv1d_without_flip(x, k):
    return np.correlate(x, k, mode="valid")


def cross_correlation1d_with_flip(x, k):
    return np.convolve(x, k, mode="valid")


def conv2d_flipping_rows_only(x, k):
    return np.einsum("stmn,mn->st", sliding_window_view(x, k.shape), k[::-1, :])


def cross_correlation2d_with_flip(x, k):
    return np.einsum("stmn,mn->st", sliding_window_view(x, k.shape), k[::-1, ::-1])


def hard_margin_plus_b(w, b, x, y):
    return {"J": np.sum(w**2), "g": y * (x @ w + b) - 1.0}


def soft_margin_unclipped_slack(w, b, x, y, C):
    return np.sum(w**2) + C * np.sum(1.0 - y * (x @ w - b))  # zeta_i >= 0 forgotten


def decision_without_labels(alpha, y, x_sv, x_q, b, gamma):
    s = np.sum(alpha * np.exp(-gamma * np.sum((x_sv - x_q) ** 2, axis=-1))) + b
    return {"f": np.sign(s), "s": s}


def poly_kernel_power_inside(x, y, d):
    return np.sum((x * y) ** d)


def poly_kernel_offset_outside(x, y, d, r):
    return np.dot(x, y) ** d + r


def rbf_unsquared_distance(x, y, gamma):
    return np.exp(-gamma * np.sqrt(np.sum((x - y) ** 2)))


def attention_scaled_by_d_k(Q, K, V):
    return attention.attention(Q * np.sqrt(Q.shape[-1]) / Q.shape[-1], K, V)


def multi_head_concat_in_wrong_order(X_q, X_k, X_v, W_Q, W_K, W_V, W_O):
    heads = attention.attention(X_q @ W_Q, X_k @ W_K, X_v @ W_V)
    concat = np.concatenate(list(heads), axis=-1)  # rows of W^O ordered t-major ...
    return concat @ W_O.transpose(1, 0, 2).reshape(-1, W_O.shape[-1])  # ... but reshaped v-major


def positional_i_not_2i(pos, i, d_model):
    angle = pos / 10000.0 ** (i / d_model)
    return {"PE_even": np.sin(angle), "PE_odd": np.cos(angle)}


def ffn_bias_after_relu(x, W_1, b_1, W_2, b_2):
    return (np.maximum(0.0, x @ W_1) + b_1) @ W_2 + b_2


def gan_value_as_in_seed(p_data, D, p_z, D_G):
    return np.sum(p_data * np.log(D)) + np.sum(p_z * np.log(D_G))


def forward_mean_without_sqrt(x_t, x_prev, beta):
    mean = (1.0 - beta) * x_prev
    return {"log_q": np.sum(diffusion.log_normal(x_t, mean, beta)),
            "q": np.exp(np.sum(diffusion.log_normal(x_t, mean, beta)))}


def reverse_without_half(x_prev, mu, Sigma):
    return np.sum(-((x_prev - mu) ** 2) / (2.0 * Sigma) - np.log(2.0 * np.pi * Sigma))


def vlb_without_prior(x, beta, a, s):
    prev, nxt = x[:-1], x[1:]
    log_q = np.sum(diffusion.log_normal(nxt, np.sqrt(1.0 - beta) * prev, beta))
    return log_q - np.sum(diffusion.log_normal(prev, a * nxt, s**2))


WRONG = {
    "conv1d": conv1d_without_flip,
    "cross_correlation1d": cross_correlation1d_with_flip,
    "conv2d": conv2d_flipping_rows_only,
    "cross_correlation2d": cross_correlation2d_with_flip,
    "svm_hard_margin": hard_margin_plus_b,
    "svm_soft_margin": soft_margin_unclipped_slack,
    "svm_decision": decision_without_labels,
    "poly_kernel": poly_kernel_power_inside,
    "poly_kernel_inhomogeneous": poly_kernel_offset_outside,
    "rbf_kernel": rbf_unsquared_distance,
    "attention": attention_scaled_by_d_k,
    "multi_head_attention": multi_head_concat_in_wrong_order,
    "positional_encoding": positional_i_not_2i,
    "feed_forward": ffn_bias_after_relu,
    "gan_value": gan_value_as_in_seed,
    "diffusion_forward": forward_mean_without_sqrt,
    "diffusion_reverse": reverse_without_half,
    "diffusion_vlb": vlb_without_prior,
}


def test_every_record_has_a_wrong_reference():
    assert set(WRONG) == set(IDS)


@pytest.mark.parametrize("fid", IDS)
def test_wrong_reference_is_refuted(fid):
    r = verify_formula(get(fid), reference=WRONG[fid], n_random=WRONG_N_RANDOM)
    assert r.verdict.kind == "refuted", (fid, r.verdict.kind, r.verdict.reason)
    assert r.worst["implementation"] == "reference"
