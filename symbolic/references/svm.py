"""Linear SVM objectives, the RBF-kernel decision function, and the standard kernels."""
import numpy as np


def _margins(w, b, x, y):
    return y * (x @ w - b)


def svm_hard_margin(w, b, x, y):
    return {"J": np.sum(w**2), "g": _margins(w, b, x, y) - 1.0}


def svm_soft_margin(w, b, x, y, C):
    hinge = np.maximum(0.0, 1.0 - _margins(w, b, x, y))
    return np.sum(w**2) + C * np.sum(hinge)


def rbf_gram(u, v, gamma):
    """K[i] = exp(-gamma ||u_i - v||^2) for the rows u_i of u."""
    return np.exp(-gamma * np.sum((u - v) ** 2, axis=-1))


def svm_decision(alpha, y, x_sv, x_q, b, gamma):
    s = np.sum(alpha * y * rbf_gram(x_sv, x_q, gamma)) + b
    return {"f": np.sign(s), "s": s}


def poly_kernel(x, y, d):
    return np.dot(x, y) ** d


def poly_kernel_inhomogeneous(x, y, d, r):
    return (np.dot(x, y) + r) ** d


def rbf_kernel(x, y, gamma):
    return rbf_gram(x, y, gamma)
