"""Catalog records of metrics, regularization, probability, activations and losses.

Each record verifies against mpmath (tests/test_catalog.py checks every record's samples lie in its domains), and a plausible
hand-written mistake in the reference is refuted.
"""
import numpy as np
import pytest

from derivations.verify_catalog import verify_formula
from symbolic import get

IDS = [
    "accuracy", "precision", "recall", "f1_score",
    "l1_penalty", "l2_penalty",
    "bayes_theorem", "naive_bayes",
    "relu", "leaky_relu", "sigmoid", "tanh", "softplus",
    "mse", "binary_cross_entropy", "cross_entropy", "hinge_loss", "kl_divergence",
    "kl_divergence_gaussian",
]


@pytest.mark.parametrize("fid", IDS)
def test_record_verifies(fid):
    r = verify_formula(get(fid))
    assert r.verdict.kind == "verified", r.verdict.summary()


# ** plausible mistakes, one (or two) per record **

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


def wrong_cross_entropy(y, p):  # target and prediction swapped
    return -np.sum(p * np.log(y)) / y.shape[0]


def wrong_hinge_loss(y, yhat):  # the margin 1 forgotten
    return np.sum(np.maximum(0.0, -y * yhat))


def wrong_kl_divergence(p, q):  # no 0 log 0 = 0 convention: nan where p_k = 0
    return np.sum(p * np.log(p / q))


def wrong_kl_divergence_gaussian(mu_1, mu_2, sigma_1, sigma_2):  # log of the inverted ratio
    return np.log(sigma_1 / sigma_2) + (sigma_1 ** 2 + (mu_1 - mu_2) ** 2) / (2 * sigma_2 ** 2) - 0.5


WRONG = [
    ("accuracy", wrong_accuracy), ("precision", wrong_precision), ("recall", wrong_recall),
    ("f1_score", wrong_f1_score), ("l1_penalty", wrong_l1_penalty), ("l2_penalty", wrong_l2_penalty),
    ("bayes_theorem", wrong_bayes_theorem),
    ("naive_bayes", wrong_naive_bayes),
    ("relu", wrong_relu), ("leaky_relu", wrong_leaky_relu), ("sigmoid", wrong_sigmoid),
    ("tanh", wrong_tanh), ("tanh", naive_tanh), ("softplus", wrong_softplus), ("softplus", naive_softplus),
    ("mse", wrong_mse), ("binary_cross_entropy", wrong_binary_cross_entropy),
    ("cross_entropy", wrong_cross_entropy), ("hinge_loss", wrong_hinge_loss),
    ("kl_divergence", wrong_kl_divergence), ("kl_divergence_gaussian", wrong_kl_divergence_gaussian),
]


@pytest.mark.parametrize("fid, wrong", WRONG, ids=lambda v: getattr(v, "__name__", v))
def test_wrong_reference_is_refuted(fid, wrong):
    r = verify_formula(get(fid), reference=wrong)
    assert r.verdict.kind == "refuted", r.verdict.summary()
    assert r.worst["implementation"] == "reference"
