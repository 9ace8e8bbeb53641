r"""Scaled dot-product attention and multi-head attention, in index notation.

.. math::
    S_{ij} = \frac{1}{\sqrt{d_k}} \sum_{a} Q_{ia} K_{ja}, \qquad
    O_{iv} = \sum_{j} \frac{e^{S_{ij}}}{\sum_{l} e^{S_{il}}} V_{jv}

i.e. $\operatorname{softmax}(QK^\top / \sqrt{d_k})\,V$ with the softmax along each row.
"""
from sympy import IndexedBase, Sum, exp, sqrt, symbols

from symbolic.domains import Real
from symbolic.record import Definition, Formula, Output, Var
from symbolic.references import attention as ref
from symbolic.registry import register

n_q, n_k, d_k, d_v = symbols("n_q n_k d_k d_v", integer=True, positive=True)
h, d_model = symbols("h d_model", integer=True, positive=True)
i, j, l, a, c, v, o, t = symbols("i j l a c v o t", integer=True, nonnegative=True)
Q, K, V = (IndexedBase(name, real=True) for name in ("Q", "K", "V"))
S = IndexedBase("S")
A = IndexedBase("A")
LARGE = 1e2
STABILITY = ("The softmax is written exp(S_ij) / sum_l exp(S_il) inside the sum over j, so the verifier's "
             "exp_normalize rewrite shifts it by max_l S_il; unshifted, exp overflows once a score passes "
             "~709. Q and K entries reach 1e2 (a realistic activation scale): scores then reach "
             "~1e4 sqrt(d_k), which overflow an unshifted exp (a max-free reference is refuted). Larger "
             "entries also verify in sampling, but there the weights' relative condition number |S| "
             "(rounding S costs u |S|) is what is measured when two scores of ~1e8 lie within O(1) of "
             "each other, not the code.")

register(Formula(
    id="attention",
    title="Scaled dot-product attention",
    section="attention",
    source="Self-Attention",
    outputs=(Output(IndexedBase("O")[i, v], Sum(A[i, j] * V[j, v], (j, 0, n_k - 1)),
                    ((i, 0, n_q - 1), (v, 0, d_v - 1))),),
    definitions=(
        Definition(S[i, j], Sum(Q[i, a] * K[j, a], (a, 0, d_k - 1)) / sqrt(d_k)),
        Definition(A[i, j], exp(S[i, j]) / Sum(exp(S[i, l]), (l, 0, n_k - 1))),
    ),
    variables=(
        Var(Q, Real(large=LARGE), (n_q, d_k), "queries, one per row"),
        Var(K, Real(large=LARGE), (n_k, d_k), "keys, one per row"),
        Var(V, Real(), (n_k, d_v), "values, one per row"),
    ),
    sizes=({n_q: 1, n_k: 1, d_k: 1, d_v: 1}, {n_q: 2, n_k: 3, d_k: 2, d_v: 2},
           {n_q: 3, n_k: 2, d_k: 4, d_v: 1}, {n_q: 2, n_k: 4, d_k: 3, d_v: 3}),
    reference=ref.attention,
    notes="Attention(Q, K, V) = softmax(Q K^T / sqrt(d_k)) V: S are the scaled scores, A the attention "
          "weights (each row of A sums to 1). " + STABILITY,
))

XQ, XK, XV = (IndexedBase(name, real=True) for name in ("X_q", "X_k", "X_v"))
WQ, WK, WV, WO = (IndexedBase(name, real=True) for name in ("W_Q", "W_K", "W_V", "W_O"))
q, k, val, Sh, head = (IndexedBase(name) for name in ("Q_h", "K_h", "V_h", "S_h", "head"))
register(Formula(
    id="multi_head_attention",
    title="Multi-head attention",
    section="attention",
    source="Multihead Attention",
    outputs=(Output(IndexedBase("MH")[i, o], Sum(head[t, i, v] * WO[t, v, o], (t, 0, h - 1), (v, 0, d_v - 1)),
                    ((i, 0, n_q - 1), (o, 0, d_model - 1))),),
    definitions=(
        Definition(q[t, i, a], Sum(XQ[i, c] * WQ[t, c, a], (c, 0, d_model - 1))),
        Definition(k[t, j, a], Sum(XK[j, c] * WK[t, c, a], (c, 0, d_model - 1))),
        Definition(val[t, j, v], Sum(XV[j, c] * WV[t, c, v], (c, 0, d_model - 1))),
        Definition(Sh[t, i, j], Sum(q[t, i, a] * k[t, j, a], (a, 0, d_k - 1)) / sqrt(d_k)),
        Definition(head[t, i, v], Sum(exp(Sh[t, i, j]) / Sum(exp(Sh[t, i, l]), (l, 0, n_k - 1)) * val[t, j, v],
                                      (j, 0, n_k - 1))),
    ),
    variables=(
        Var(XQ, Real(large=10.0), (n_q, d_model), "query inputs, one per row"),
        Var(XK, Real(large=10.0), (n_k, d_model), "key inputs, one per row"),
        Var(XV, Real(), (n_k, d_model), "value inputs, one per row"),
        Var(WQ, Real(large=10.0), (h, d_model, d_k), "query projection of each head"),
        Var(WK, Real(large=10.0), (h, d_model, d_k), "key projection of each head"),
        Var(WV, Real(), (h, d_model, d_v), "value projection of each head"),
        Var(WO, Real(), (h, d_v, d_model), "output projection, one d_v x d_model block per head"),
    ),
    sizes=({h: 1, n_q: 1, n_k: 1, d_model: 1, d_k: 1, d_v: 1},
           {h: 2, n_q: 2, n_k: 2, d_model: 2, d_k: 2, d_v: 1},
           {h: 2, n_q: 1, n_k: 3, d_model: 2, d_k: 1, d_v: 2}),
    reference=ref.multi_head_attention,
    notes="MH[i,o] = sum_t sum_v head[t,i,v] W_O[t,v,o] equals concat(head_1..head_h) W^O with W^O "
          "reshaped from (h d_v, d_model) to (h, d_v, d_model): row t d_v + v of W^O is W_O[t, v, :]. "
          "head_t = Attention(X_q W_Q[t], X_k W_K[t], X_v W_V[t]) for heads t in [0, h-1] (the seed's "
          "head_i, W_i^Q, ...); in self-attention X_q = X_k = X_v. "
          "Scores are products of four factors (X_q W_Q and X_k W_K), so those four reach 10 and scores "
          "~1e4 d_model^2 / sqrt(d_k), the range chosen for attention: past an unshifted exp's overflow, "
          "within its conditioning (see attention). Values and W_V, W_O enter linearly and take the "
          "full default range.",
))
