r"""Hand-written backward passes: the textbook closed forms of vector-Jacobian products.

Each function, named like the gradient record it serves (``softmax_vjp_z``),
takes the upstream gradient ``g`` (shaped like the forward output; a float for a
scalar loss) and the forward inputs by name, and returns
$\bar{x} = g^\top \partial y / \partial x$ for one input $x$.  Plain NumPy, the
forms one finds in the papers and in framework source; nothing generated.
"""
import numpy as np


def _softmax(z, axis=-1):
    e = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def _sigmoid(x):
    """$1 / (1 + e^{-x})$ without overflow: $e^{x} / (1 + e^{x})$ for $x < 0$."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def _pick(backward, part, name):
    """The backward pass ``backward`` reduced to one of its gradients, named ``name``."""
    def vjp(g, **inputs):
        return backward(g, **inputs)[part]
    vjp.__name__ = vjp.__qualname__ = name
    return vjp


# ** softmax and losses **

def softmax_jacobian(z):
    r"""$J_{iq} = \sigma_i (\delta_{iq} - \sigma_q)$."""
    s = _softmax(z)
    return np.diag(s) - np.outer(s, s)


def softmax_vjp_z(g, z):
    r"""$\bar{z}_q = \sigma_q (g_q - \sum_i g_i \sigma_i)$."""
    s = _softmax(z)
    return s * (g - np.dot(g, s))


def cross_entropy_softmax_vjp_z(g, y, z):
    r"""$\bar{z} = g (\operatorname{softmax}(z) - y) / n$, rows of $y$ on the simplex."""
    return g * (_softmax(z) - y) / z.shape[0]


def softmax_cross_entropy_vjp_z(g, y, z):
    r"""$\bar{z} = g (\operatorname{softmax}(z) - y) / n$, rows of $y$ on the simplex."""
    return g * (_softmax(z) - y) / z.shape[0]


def bce_sigmoid_vjp_x(g, y, x):
    r"""$\bar{x} = g (\sigma(x) - y) / n$."""
    return g * (_sigmoid(x) - y) / x.size


def mse_vjp_yhat(g, y, yhat):
    r"""$\bar{\hat{y}} = 2 g (\hat{y} - y) / n$."""
    return 2 * g * (yhat - y) / y.size


# ** penalties **

def l1_penalty_vjp_theta(g, theta, lamda, L_origin):
    r"""$\bar\theta = g \lambda \operatorname{sign}(\theta)$, with $\operatorname{sign}(0) = 0$."""
    return g * lamda * np.sign(theta)


def l2_penalty_vjp_theta(g, theta, lamda, L_origin):
    r"""$\bar\theta = 2 g \lambda \theta$."""
    return 2 * g * lamda * theta


# ** normalization **

def _normalized(x, epsilon):
    """$\\hat{x}$ and $1 / \\sqrt{\\sigma^2 + \\epsilon}$ over the one axis of ``x``."""
    centered = x - np.mean(x)
    inv_std = 1 / np.sqrt(np.mean(centered ** 2) + epsilon)
    return centered * inv_std, inv_std


def layer_norm_vjp_x(g, x, gamma, beta, epsilon):
    xhat, inv_std = _normalized(x, epsilon)
    gg = gamma * g
    return inv_std * (gg - np.mean(gg) - xhat * np.mean(gg * xhat))


def layer_norm_vjp_gamma(g, x, gamma, beta, epsilon):
    return g * _normalized(x, epsilon)[0]


def layer_norm_vjp_beta(g, x, gamma, beta, epsilon):
    return g


def batch_norm_vjp_x(g, x, gamma, beta, epsilon):
    xhat, inv_std = _normalized(x, epsilon)
    return gamma * inv_std * (g - np.mean(g) - xhat * np.mean(g * xhat))


def batch_norm_vjp_gamma(g, x, gamma, beta, epsilon):
    return np.sum(g * _normalized(x, epsilon)[0])


def batch_norm_vjp_beta(g, x, gamma, beta, epsilon):
    return np.sum(g)


# ** attention **

def _attention_backward(g, Q, K, V):
    """``(dQ, dK, dV)`` of softmax(Q K^T / sqrt(d_k)) V, batched over leading axes (heads)."""
    scale = 1 / np.sqrt(Q.shape[-1])
    A = _softmax(Q @ np.swapaxes(K, -1, -2) * scale)
    dA = g @ np.swapaxes(V, -1, -2)
    dS = A * (dA - np.sum(A * dA, axis=-1, keepdims=True))  # the softmax VJP, row by row
    return dS @ K * scale, np.swapaxes(dS, -1, -2) @ Q * scale, np.swapaxes(A, -1, -2) @ g


attention_vjp_Q = _pick(_attention_backward, 0, "attention_vjp_Q")
attention_vjp_K = _pick(_attention_backward, 1, "attention_vjp_K")
attention_vjp_V = _pick(_attention_backward, 2, "attention_vjp_V")


def _multi_head_backward(g, X_q, X_k, X_v, W_Q, W_K, W_V, W_O):
    """Gradients of concat_t(Attention(X_q W_Q[t], X_k W_K[t], X_v W_V[t])) W_O, by name."""
    q, k, v = X_q @ W_Q, X_k @ W_K, X_v @ W_V  # (h, n, d): one projection per head
    scale = 1 / np.sqrt(q.shape[-1])
    A = _softmax(q @ np.swapaxes(k, -1, -2) * scale)
    dhead = g @ np.swapaxes(W_O, -1, -2)  # (h, n_q, d_v): the head's block of W_O
    dq, dk, dv = _attention_backward(dhead, q, k, v)
    return {
        "W_O": np.swapaxes(A @ v, -1, -2) @ g,
        "W_Q": X_q.T @ dq, "W_K": X_k.T @ dk, "W_V": X_v.T @ dv,
        "X_q": np.sum(dq @ np.swapaxes(W_Q, -1, -2), axis=0),
        "X_k": np.sum(dk @ np.swapaxes(W_K, -1, -2), axis=0),
        "X_v": np.sum(dv @ np.swapaxes(W_V, -1, -2), axis=0),
    }


multi_head_attention_vjp_W_O = _pick(_multi_head_backward, "W_O", "multi_head_attention_vjp_W_O")
multi_head_attention_vjp_W_Q = _pick(_multi_head_backward, "W_Q", "multi_head_attention_vjp_W_Q")
multi_head_attention_vjp_W_K = _pick(_multi_head_backward, "W_K", "multi_head_attention_vjp_W_K")
multi_head_attention_vjp_W_V = _pick(_multi_head_backward, "W_V", "multi_head_attention_vjp_W_V")
multi_head_attention_vjp_X_q = _pick(_multi_head_backward, "X_q", "multi_head_attention_vjp_X_q")
multi_head_attention_vjp_X_k = _pick(_multi_head_backward, "X_k", "multi_head_attention_vjp_X_k")
multi_head_attention_vjp_X_v = _pick(_multi_head_backward, "X_v", "multi_head_attention_vjp_X_v")


# ** position-wise feed-forward network **

def _feed_forward_backward(g, x, W_1, b_1, W_2, b_2):
    u = x @ W_1 + b_1
    du = (g @ W_2.T) * (u > 0)  # ReLU'(0) = 0
    return {"x": du @ W_1.T, "W_1": x.T @ du, "b_1": np.sum(du, axis=0),
            "W_2": np.maximum(0.0, u).T @ g, "b_2": np.sum(g, axis=0)}


feed_forward_vjp_x = _pick(_feed_forward_backward, "x", "feed_forward_vjp_x")
feed_forward_vjp_W_1 = _pick(_feed_forward_backward, "W_1", "feed_forward_vjp_W_1")
feed_forward_vjp_b_1 = _pick(_feed_forward_backward, "b_1", "feed_forward_vjp_b_1")
feed_forward_vjp_W_2 = _pick(_feed_forward_backward, "W_2", "feed_forward_vjp_W_2")
feed_forward_vjp_b_2 = _pick(_feed_forward_backward, "b_2", "feed_forward_vjp_b_2")


# ** convolution and cross-correlation (valid mode, stride 1) **

def _correlate2d(a, k):
    """Valid 2-D cross-correlation: out[s, t] = sum_{m, n} a[s + m, t + n] k[m, n]."""
    rows, cols = a.shape[0] - k.shape[0] + 1, a.shape[1] - k.shape[1] + 1
    return np.array([[np.sum(a[s:s + k.shape[0], t:t + k.shape[1]] * k) for t in range(cols)]
                     for s in range(rows)])


def cross_correlation1d_vjp_x(g, x, k):
    """dX: dY zero-padded by M-1 on each side, cross-correlated with the kernel rotated by 180 degrees."""
    return np.correlate(np.pad(g, k.size - 1), k[::-1], mode="valid")


def cross_correlation1d_vjp_k(g, x, k):
    """dK: X cross-correlated with dY, valid mode, no padding."""
    return np.correlate(x, g, mode="valid")


def cross_correlation2d_vjp_x(g, x, k):
    return _correlate2d(np.pad(g, [(k.shape[0] - 1,) * 2, (k.shape[1] - 1,) * 2]), k[::-1, ::-1])


def cross_correlation2d_vjp_k(g, x, k):
    return _correlate2d(x, g)


def conv2d_multichannel_vjp_x(g, x, w):
    """dX[c] = sum_o full cross-correlation of dY[o] with w[o, c] rotated by 180 degrees."""
    kh, kw = w.shape[-2:]
    gp = np.pad(g, [(0, 0), (kh - 1,) * 2, (kw - 1,) * 2])
    return np.array([sum(_correlate2d(gp[o], w[o, c, ::-1, ::-1]) for o in range(w.shape[0]))
                     for c in range(w.shape[1])])


def conv2d_multichannel_vjp_w(g, x, w):
    """dW[o, c] = X[c] cross-correlated with dY[o], valid mode, no padding."""
    return np.array([[_correlate2d(x[c], g[o]) for c in range(w.shape[1])] for o in range(w.shape[0])])


def conv1d_vjp_x(g, x, k):
    """True convolution flips the kernel in the forward pass, so the backward pass uses k unrotated."""
    return np.correlate(np.pad(g, k.size - 1), k, mode="valid")


def conv1d_vjp_k(g, x, k):
    return np.correlate(x, g, mode="valid")[::-1]


def conv2d_vjp_x(g, x, k):
    return _correlate2d(np.pad(g, [(k.shape[0] - 1,) * 2, (k.shape[1] - 1,) * 2]), k)


def conv2d_vjp_k(g, x, k):
    return _correlate2d(x, g)[::-1, ::-1]
