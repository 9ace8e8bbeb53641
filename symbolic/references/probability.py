"""Conditional probabilities: from a joint table, and the naive Bayes posterior."""
import numpy as np


def bayes_theorem(w):
    """P(A=a | B=b) = P(A=a, B=b) / P(B=b), straight from the joint table."""
    joint = w / np.sum(w)
    return joint / np.sum(joint, axis=0, keepdims=True)


def naive_bayes(pi, theta):
    with np.errstate(divide="ignore"):  # log 0 = -inf for a class with prior 0
        score = np.log(pi) + np.sum(np.log(theta), axis=1)
    e = np.exp(score - np.max(score))
    return e / np.sum(e)
