"""Valid-mode, stride-1 convolution (kernel flipped) and cross-correlation (no flip)."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv1d(x, k):
    return np.convolve(x, k, mode="valid")


def cross_correlation1d(x, k):
    return np.correlate(x, k, mode="valid")


def cross_correlation2d(x, k):
    windows = sliding_window_view(x, k.shape)  # windows[s, t, m, n] = x[s + m, t + n]
    return np.einsum("stmn,mn->st", windows, k)


def conv2d(x, k):
    return cross_correlation2d(x, k[::-1, ::-1])
