"""Every catalog record verifies against mpmath, and a plausible hand-written mistake in place of its
reference is refuted: the verifier can fail, for every record.

The ids come from the registry, so a new record is tested (and must bring a wrong reference here)
without editing a list.
"""
from functools import cache

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

from codegen.rules import stabilize
from derivations.numeric.evaluate import sample_points
from derivations.numeric.verify import verify_formula
from symbolic import all_formulas, get
from symbolic.references import attention, diffusion

IDS = [f.id for f in all_formulas()]
WRONG_N_RANDOM = 20
"""Random points for the wrong-reference checks: a wrong formula errs by O(1) almost everywhere."""


@cache
def check(fid):
    return verify_formula(get(fid), transform=stabilize)


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

    r = verify_formula(get("attention"), reference=unshifted, n_random=WRONG_N_RANDOM, transform=stabilize)
    assert r.verdict.kind == "refuted" and r.max_rel_error_reference == np.inf


def test_svm_decision_samples_keep_the_score_off_zero():
    f = get("svm_decision")
    from symbolic.references.svm import svm_decision

    for p in sample_points(f, n_random=20, seed=2):
        assert abs(svm_decision(**p.values)["s"]) > 1e-9, p.label


# ** plausible mistakes: metrics, penalties, probability, activations, losses **

def wrong_accuracy(TP, TN, FP, FN):  # true negatives left out of the numerator
    return TP / (TP + TN + FP + FN)


def wrong_precision(TP, FP):  # the false discovery rate
    return FP / (TP + FP)


def wrong_recall(TP, FN):  # the miss rate
    return FN / (TP + FN)


def wrong_f1_score(TP, FP, FN):  # arithmetic instead of harmonic mean
    return (TP / (TP + FP) + TP / (TP + FN)) / 2


def wrong_l1_penalty(theta, lamda, L_origin):  # forgot the absolute value
    return L_origin + lamda * np.sum(theta)


def wrong_l2_penalty(theta, lamda, L_origin):  # the norm instead of the squared norm
    return L_origin + lamda * np.sqrt(np.sum(theta ** 2))


def wrong_bayes_theorem(w):  # normalised over b: P(B=b | A=a), not P(A=a | B=b)
    joint = w / np.sum(w)
    return joint / np.sum(joint, axis=1, keepdims=True)


def wrong_naive_bayes(pi, theta):  # the seed's class-independent likelihood: posterior = prior
    return pi


def wrong_relu(x):
    return np.abs(x)


def wrong_leaky_relu(x, alpha):  # the seed's two cases: nothing at x = 0
    return np.where(x > 0, x, np.where(x < 0, alpha * x, np.nan))


def wrong_sigmoid(x):  # sign of the exponent flipped
    return 1 / (1 + np.exp(x))


def wrong_tanh(x):  # 2 sigma(x) - 1 instead of 2 sigma(2x) - 1
    return 2 / (1 + np.exp(-x)) - 1


def naive_tanh(x):  # the seed's exponential quotient: inf / inf = nan for |x| > 710
    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))


def wrong_softplus(x):  # softplus(-x)
    return np.log1p(np.exp(-x))


def naive_softplus(x):  # right formula, overflows to inf for x > 709
    return np.log(1 + np.exp(x))


def wrong_mse(y, yhat):  # sum, not mean
    return np.sum((y - yhat) ** 2)


def wrong_binary_cross_entropy(y, yhat):  # the leading minus sign dropped
    return np.mean(y * np.log(yhat) + (1 - y) * np.log1p(-yhat))


def softmax_cross_entropy_of_unshifted_exp(y, z):  # overflows for logits above 709
    e = np.exp(z)
    return -np.sum(y * np.log(e / e.sum(axis=-1, keepdims=True))) / y.shape[0]


def wrong_cross_entropy(y, p):  # target and prediction swapped
    return -np.sum(p * np.log(y)) / y.shape[0]


def wrong_hinge_loss(y, yhat):  # the margin 1 forgotten
    return np.sum(np.maximum(0.0, -y * yhat))


def wrong_kl_divergence(p, q):  # no 0 log 0 = 0 convention: nan where p_k = 0
    return np.sum(p * np.log(p / q))


def wrong_kl_divergence_gaussian(mu_1, mu_2, sigma_1, sigma_2):  # log of the inverted ratio
    return np.log(sigma_1 / sigma_2) + (sigma_1 ** 2 + (mu_1 - mu_2) ** 2) / (2 * sigma_2 ** 2) - 0.5




# ** normalization and softmax **

def layer_norm_shift_subtracted(x, gamma, beta, epsilon):  # - beta for + beta
    mu = x.mean(axis=-1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(x.var(axis=-1, keepdims=True) + epsilon) - beta


def batch_norm_epsilon_outside_sqrt(x, gamma, beta, epsilon):
    mu = x.mean(axis=0)
    return gamma * (x - mu) / (np.sqrt(x.var(axis=0)) + epsilon) + beta


def softmax_unshifted(z):  # overflows for logits above 709
    e = np.exp(z)
    return e / np.sum(e)


def log_softmax_of_rounded_softmax(z):  # log of an underflowed probability is -inf
    return np.log(softmax_unshifted(z - np.max(z)))


def logsumexp_unshifted(z):
    return np.log(np.sum(np.exp(z)))

# ** plausible mistakes: convolution, SVM, attention, positional encoding, FFN, GAN, diffusion **

def conv1d_without_flip(x, k):
    return np.correlate(x, k, mode="valid")


def cross_correlation1d_with_flip(x, k):
    return np.convolve(x, k, mode="valid")


def conv2d_flipping_rows_only(x, k):
    return np.einsum("stmn,mn->st", sliding_window_view(x, k.shape), k[::-1, :])


def cross_correlation2d_with_flip(x, k):
    return np.einsum("stmn,mn->st", sliding_window_view(x, k.shape), k[::-1, ::-1])


def conv2d_multichannel_with_flip(x, w):
    # true convolution (scipy.signal.convolve2d per channel pair): the kernel rotated by 180 degrees
    windows = sliding_window_view(x, w.shape[-2:], axis=(-2, -1))
    return np.einsum("...cstmn,ocmn->...ost", windows, w[..., ::-1, ::-1])


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
    "layer_norm": [layer_norm_shift_subtracted], "batch_norm": [batch_norm_epsilon_outside_sqrt],
    "softmax": [softmax_unshifted], "log_softmax": [log_softmax_of_rounded_softmax],
    "logsumexp": [logsumexp_unshifted],
    "accuracy": [wrong_accuracy], "precision": [wrong_precision], "recall": [wrong_recall],
    "f1_score": [wrong_f1_score], "l1_penalty": [wrong_l1_penalty], "l2_penalty": [wrong_l2_penalty],
    "bayes_theorem": [wrong_bayes_theorem], "naive_bayes": [wrong_naive_bayes],
    "relu": [wrong_relu], "leaky_relu": [wrong_leaky_relu], "sigmoid": [wrong_sigmoid],
    "tanh": [wrong_tanh, naive_tanh], "softplus": [wrong_softplus, naive_softplus],
    "mse": [wrong_mse], "binary_cross_entropy": [wrong_binary_cross_entropy],
    "cross_entropy": [wrong_cross_entropy], "softmax_cross_entropy": [softmax_cross_entropy_of_unshifted_exp],
    "hinge_loss": [wrong_hinge_loss],
    "kl_divergence": [wrong_kl_divergence], "kl_divergence_gaussian": [wrong_kl_divergence_gaussian],
    "conv1d": [conv1d_without_flip],
    "cross_correlation1d": [cross_correlation1d_with_flip],
    "conv2d": [conv2d_flipping_rows_only],
    "cross_correlation2d": [cross_correlation2d_with_flip],
    "conv2d_multichannel": [conv2d_multichannel_with_flip],
    "svm_hard_margin": [hard_margin_plus_b],
    "svm_soft_margin": [soft_margin_unclipped_slack],
    "svm_decision": [decision_without_labels],
    "poly_kernel": [poly_kernel_power_inside],
    "poly_kernel_inhomogeneous": [poly_kernel_offset_outside],
    "rbf_kernel": [rbf_unsquared_distance],
    "attention": [attention_scaled_by_d_k],
    "multi_head_attention": [multi_head_concat_in_wrong_order],
    "positional_encoding": [positional_i_not_2i],
    "feed_forward": [ffn_bias_after_relu],
    "gan_value": [gan_value_as_in_seed],
    "diffusion_forward": [forward_mean_without_sqrt],
    "diffusion_reverse": [reverse_without_half],
    "diffusion_vlb": [vlb_without_prior],
}
CASES = [(fid, wrong) for fid, wrongs in WRONG.items() for wrong in wrongs]


def test_every_record_has_a_wrong_reference():
    assert set(WRONG) == set(IDS), sorted(set(IDS) ^ set(WRONG))


@pytest.mark.parametrize("fid, wrong", CASES, ids=lambda v: getattr(v, "__name__", v))
def test_wrong_reference_is_refuted(fid, wrong):
    r = verify_formula(get(fid), reference=wrong, n_random=WRONG_N_RANDOM, transform=stabilize)
    assert r.verdict.kind == "refuted", (fid, r.verdict.kind, r.verdict.reason)
    assert r.worst["implementation"] == "reference"
