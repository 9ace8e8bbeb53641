"""Scaled dot-product and multi-head attention with a max-shifted row softmax."""
import numpy as np


def _softmax_rows(s):
    e = np.exp(s - np.max(s, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


def attention(Q, K, V):
    d_k = Q.shape[-1]
    return _softmax_rows(Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)) @ V


def multi_head_attention(X_q, X_k, X_v, W_Q, W_K, W_V, W_O):
    heads = attention(X_q @ W_Q, X_k @ W_K, X_v @ W_V)  # (h, n_q, d_v): one attention per head
    concat = np.concatenate(list(heads), axis=-1)  # (n_q, h d_v)
    return concat @ W_O.reshape(-1, W_O.shape[-1])
