"""Layer and batch normalization over one axis of H features / m samples."""
import numpy as np


def layer_norm(x, gamma, beta, epsilon):
    mu = np.mean(x)
    var = np.mean((x - mu) ** 2)
    return gamma * (x - mu) / np.sqrt(var + epsilon) + beta


def batch_norm(x, gamma, beta, epsilon):
    mu = np.mean(x)
    var = np.mean((x - mu) ** 2)
    return gamma * (x - mu) / np.sqrt(var + epsilon) + beta
