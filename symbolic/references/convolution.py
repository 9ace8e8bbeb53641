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


def conv2d_multichannel(x, w):
    """y[..., o, s, t] = sum_{c, m, n} w[o, c, m, n] x[..., c, s + m, t + n], valid mode: loops over
    output channels, kernel rows and columns, each a shifted slice of the input times a scalar."""
    out_ch, in_ch, kh, kw = w.shape
    rows, cols = x.shape[-2] - kh + 1, x.shape[-1] - kw + 1
    y = np.zeros(x.shape[:-3] + (out_ch, rows, cols), dtype=np.result_type(x, w, 1.0))
    for o in range(out_ch):
        for c in range(in_ch):
            for m in range(kh):
                for n in range(kw):
                    y[..., o, :, :] += w[o, c, m, n] * x[..., c, m:m + rows, n:n + cols]
    return y
