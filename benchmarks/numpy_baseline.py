"""Hand-written NumPy baseline for benchmarks/peers.py: efficient, dtype-preserving kernels.

Every function follows the plug-in signatures of peers.py (``KERNEL(*inputs)`` and
``KERNEL_vjp(*inputs, g) -> tuple of gradients of the differentiated inputs``).  They keep
the input dtype (float32 stays float32: scalars are Python floats), reuse temporaries in
place where that is free, and use BLAS (matmul / tensordot) where the kernel has a
contraction.  This is the reference for the correctness check of every other peer.
"""
from __future__ import annotations

import math

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

EPS = 1e-5


def _softmax_inplace(s):
    s -= s.max(-1, keepdims=True)
    np.exp(s, out=s)
    s /= s.sum(-1, keepdims=True)
    return s


# softmax over the last axis: z (n, K)
def softmax(z):
    return _softmax_inplace(z.copy())


def softmax_vjp(z, g):
    s = softmax(z)
    t = g * s
    dot = t.sum(-1, keepdims=True)
    s *= dot
    t -= s  # s*g - s*<g, s>
    return (t,)


# softmax cross-entropy from logits, mean over rows: y (n, K) probabilities (or one-hot), z (n, K) logits
def xent(y, z):
    t = z - z.max(-1, keepdims=True)
    lse = np.log(np.exp(t).sum(-1))
    n = z.shape[0]
    return (np.dot(y.sum(-1), lse) - np.vdot(y, t)) / n


def xent_vjp(y, z, g):
    s = softmax(z)
    s *= y.sum(-1, keepdims=True)
    s -= y
    s *= g / z.shape[0]
    return (s,)


# LayerNorm over the last axis: x (n, H), gamma (H,), beta (H,)
def _ln_stats(x):
    xc = x - x.mean(-1, keepdims=True)
    var = np.einsum("ij,ij->i", xc, xc) / x.shape[-1]
    rstd = 1.0 / np.sqrt(var + EPS)
    return xc, rstd[:, None]


def layer_norm(x, gamma, beta):
    xc, rstd = _ln_stats(x)
    xc *= rstd
    xc *= gamma
    xc += beta
    return xc


def layer_norm_vjp(x, gamma, beta, g):
    xhat, rstd = _ln_stats(x)
    xhat *= rstd
    H = x.shape[-1]
    dgamma = np.einsum("ij,ij->j", g, xhat)
    dbeta = g.sum(0)
    dxhat = g * gamma
    a = dxhat.sum(-1, keepdims=True)
    b = np.einsum("ij,ij->i", dxhat, xhat)[:, None]
    xhat *= b
    dxhat *= H
    dxhat -= a
    dxhat -= xhat
    dxhat *= rstd / H
    return dxhat, dgamma, dbeta


# BatchNorm over the batch axis (training statistics, biased variance): x (m, F), gamma (F,), beta (F,)
def _bn_stats(x):
    xc = x - x.mean(0)
    var = np.einsum("ij,ij->j", xc, xc) / x.shape[0]
    return xc, 1.0 / np.sqrt(var + EPS)


def batch_norm(x, gamma, beta):
    xc, rstd = _bn_stats(x)
    xc *= rstd * gamma
    xc += beta
    return xc


def batch_norm_vjp(x, gamma, beta, g):
    xhat, rstd = _bn_stats(x)
    xhat *= rstd
    m = x.shape[0]
    dgamma = np.einsum("ij,ij->j", g, xhat)
    dbeta = g.sum(0)
    # gamma is constant along the reduced axis: dx = gamma rstd (g - dbeta/m - xhat dgamma/m)
    xhat *= dgamma / m
    dx = g - dbeta / m
    dx -= xhat
    dx *= gamma * rstd
    return dx, dgamma, dbeta


# attention softmax(Q K^T / sqrt(d)) V: Q (b, n, d), K (b, n, d), V (b, n, dv)
def attention(Q, K, V):
    S = Q @ np.swapaxes(K, -1, -2)
    S *= 1.0 / math.sqrt(Q.shape[-1])
    return _softmax_inplace(S) @ V


def attention_vjp(Q, K, V, g):
    scale = 1.0 / math.sqrt(Q.shape[-1])
    A = Q @ np.swapaxes(K, -1, -2)
    A *= scale
    _softmax_inplace(A)
    dV = np.swapaxes(A, -1, -2) @ g
    dA = g @ np.swapaxes(V, -1, -2)
    dA -= np.einsum("bij,bij->bi", dA, A)[..., None]
    dA *= A
    dA *= scale
    dQ = dA @ K
    dK = np.swapaxes(dA, -1, -2) @ Q
    return dQ, dK, dV


# conv2d, valid cross-correlation, stride 1: x (N, C, H, W), w (O, C, kh, kw) -> (N, O, H-kh+1, W-kw+1)
def conv2d(x, w):
    cols = sliding_window_view(x, w.shape[-2:], axis=(2, 3))  # (N, C, Ho, Wo, kh, kw), a view
    # the im2col copy that tensordot makes keeps (N, Ho, Wo) innermost: long contiguous rows
    return np.tensordot(w, cols, axes=([1, 2, 3], [1, 4, 5])).transpose(1, 0, 2, 3)


def conv2d_vjp(x, w, g):
    kh, kw = w.shape[-2:]
    cols = sliding_window_view(x, (kh, kw), axis=(2, 3))
    dw = np.tensordot(cols, g, axes=([0, 2, 3], [0, 2, 3])).transpose(3, 0, 1, 2)  # (O, C, kh, kw)
    gp = np.pad(g, ((0, 0), (0, 0), (kh - 1, kh - 1), (kw - 1, kw - 1)))
    gcols = sliding_window_view(gp, (kh, kw), axis=(2, 3))  # (N, O, H, W, kh, kw)
    dx = np.tensordot(w[:, :, ::-1, ::-1], gcols, axes=([0, 2, 3], [1, 4, 5])).transpose(1, 0, 2, 3)
    return dx, dw
