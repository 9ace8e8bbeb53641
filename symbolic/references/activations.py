"""Activation functions, element-wise, in their numerically stable textbook forms."""
import numpy as np


def relu(x):
    return np.maximum(x, 0.0)


def leaky_relu(x, alpha):
    return np.where(x > 0, x, alpha * x)


def sigmoid(x):
    # exp of a non-positive number only: 1/(1+e^{-x}) for x >= 0, e^{x}/(1+e^{x}) for x < 0
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(x):
    return np.tanh(x)


def softplus(x):
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))
