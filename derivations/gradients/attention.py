r"""Scaled dot-product attention w.r.t. $Q, K, V$, and multi-head attention w.r.t. its projections and inputs.

The backward pass of $O = AV$, $A = \operatorname{softmax}_\text{rows}(S)$, $S = QK^\top / \sqrt{d_k}$:

.. math::
    \bar{V} = A^\top g, \quad \bar{A} = g V^\top, \quad
    \bar{S}_{ij} = A_{ij}\Big(\bar{A}_{ij} - \sum_l A_{il} \bar{A}_{il}\Big), \quad
    \bar{Q} = \bar{S} K / \sqrt{d_k}, \quad \bar{K} = \bar{S}^\top Q / \sqrt{d_k}

(the softmax VJP applied to each row).  Multi-head attention runs it per head
$t$ on the projections $q = X_q W_Q[t]$, $k = X_k W_K[t]$, $v = X_v W_V[t]$, with
$\overline{\mathrm{head}}_t = g W_O[t]^\top$, then $\bar{W}_Q[t] = X_q^\top \bar{q}_t$
and $\bar{X}_q = \sum_t \bar{q}_t W_Q[t]^\top$ (likewise for $k$ and $v$).
"""
from sympy import IndexedBase, Sum, exp, sqrt, symbols

from symbolic.catalog import attention as T
from symbolic.record import Definition

from derivations.gradients import register_vjp

r, s, u = symbols("r s u", integer=True, nonnegative=True)
g = IndexedBase("g", real=True)
i, j, l, a, c, v, o, t = T.i, T.j, T.l, T.a, T.c, T.v, T.o, T.t
dA, dS = IndexedBase(r"\bar{A}"), IndexedBase(r"\bar{S}")

SOFTMAX_BACKWARD = (
    Definition(dA[i, j], Sum(g[i, v] * T.V[j, v], (v, 0, T.d_v - 1))),
    Definition(dS[i, j], T.A[i, j] * (dA[i, j] - Sum(T.A[i, l] * dA[i, l], (l, 0, T.n_k - 1)))),
)
register_vjp("attention", "Q", "dQ", Sum(dS[r, j] * T.K[j, s], (j, 0, T.n_k - 1)) / sqrt(T.d_k),
             ((r, 0, T.n_q - 1), (s, 0, T.d_k - 1)), upstream=g, definitions=SOFTMAX_BACKWARD,
             notes="dQ = dS K / sqrt(d_k), dS the row-wise softmax VJP of dA = g V^T.")
register_vjp("attention", "K", "dK", Sum(dS[i, r] * T.Q[i, s], (i, 0, T.n_q - 1)) / sqrt(T.d_k),
             ((r, 0, T.n_k - 1), (s, 0, T.d_k - 1)), upstream=g, definitions=SOFTMAX_BACKWARD,
             notes="dK = dS^T Q / sqrt(d_k).")
register_vjp("attention", "V", "dV", Sum(T.A[i, r] * g[i, s], (i, 0, T.n_q - 1)),
             ((r, 0, T.n_k - 1), (s, 0, T.d_v - 1)), upstream=g, notes="dV = A^T g.")

# ** multi-head attention **

Ah, dhead, dAh, dSh = (IndexedBase(name) for name in ("A", r"\overline{head}", r"\bar{A}", r"\bar{S}"))
dq, dk, dv = (IndexedBase(name) for name in (r"\bar{q}", r"\bar{k}", r"\bar{v}"))
MH_BACKWARD = (
    Definition(Ah[t, i, j], exp(T.Sh[t, i, j]) / Sum(exp(T.Sh[t, i, l]), (l, 0, T.n_k - 1))),
    Definition(dhead[t, i, v], Sum(g[i, o] * T.WO[t, v, o], (o, 0, T.d_model - 1))),
    Definition(dAh[t, i, j], Sum(dhead[t, i, v] * T.val[t, j, v], (v, 0, T.d_v - 1))),
    Definition(dSh[t, i, j], Ah[t, i, j] * (dAh[t, i, j] - Sum(Ah[t, i, l] * dAh[t, i, l], (l, 0, T.n_k - 1)))),
    Definition(dq[t, i, a], Sum(dSh[t, i, j] * T.k[t, j, a], (j, 0, T.n_k - 1)) / sqrt(T.d_k)),
    Definition(dk[t, j, a], Sum(dSh[t, i, j] * T.q[t, i, a], (i, 0, T.n_q - 1)) / sqrt(T.d_k)),
    Definition(dv[t, j, v], Sum(Ah[t, i, j] * dhead[t, i, v], (i, 0, T.n_q - 1))),
)
HEADS = (r, 0, T.h - 1)


def _mha(wrt, lhs, expr, indices, notes):
    register_vjp("multi_head_attention", wrt, lhs, expr, indices, upstream=g, definitions=MH_BACKWARD, notes=notes)


_mha("W_O", "dW_O", Sum(T.head[r, i, s] * g[i, u], (i, 0, T.n_q - 1)),
     (HEADS, (s, 0, T.d_v - 1), (u, 0, T.d_model - 1)), "dW_O[t] = head_t^T g.")
_mha("W_V", "dW_V", Sum(T.XV[j, s] * dv[r, j, u], (j, 0, T.n_k - 1)),
     (HEADS, (s, 0, T.d_model - 1), (u, 0, T.d_v - 1)), "dW_V[t] = X_v^T dv_t, dv_t = A_t^T dhead_t.")
_mha("W_Q", "dW_Q", Sum(T.XQ[i, s] * dq[r, i, u], (i, 0, T.n_q - 1)),
     (HEADS, (s, 0, T.d_model - 1), (u, 0, T.d_k - 1)), "dW_Q[t] = X_q^T dq_t, dq_t = dS_t k_t / sqrt(d_k).")
_mha("W_K", "dW_K", Sum(T.XK[j, s] * dk[r, j, u], (j, 0, T.n_k - 1)),
     (HEADS, (s, 0, T.d_model - 1), (u, 0, T.d_k - 1)), "dW_K[t] = X_k^T dk_t, dk_t = dS_t^T q_t / sqrt(d_k).")
_mha("X_q", "dX_q", Sum(dq[t, r, a] * T.WQ[t, s, a], (t, 0, T.h - 1), (a, 0, T.d_k - 1)),
     ((r, 0, T.n_q - 1), (s, 0, T.d_model - 1)), "dX_q = sum_t dq_t W_Q[t]^T.")
_mha("X_k", "dX_k", Sum(dk[t, r, a] * T.WK[t, s, a], (t, 0, T.h - 1), (a, 0, T.d_k - 1)),
     ((r, 0, T.n_k - 1), (s, 0, T.d_model - 1)), "dX_k = sum_t dk_t W_K[t]^T.")
_mha("X_v", "dX_v", Sum(dv[t, r, v] * T.WV[t, s, v], (t, 0, T.h - 1), (v, 0, T.d_v - 1)),
     ((r, 0, T.n_k - 1), (s, 0, T.d_model - 1)),
     "dX_v = sum_t dv_t W_V[t]^T. In self-attention (X_q = X_k = X_v = X) dX is the sum of the three.")
