r"""Softmax (Jacobian and VJP), cross-entropy of a softmax, binary cross-entropy of a sigmoid, MSE."""
from sympy import IndexedBase, KroneckerDelta, Sum, Symbol, exp, symbols

from symbolic.catalog import losses as L
from symbolic.catalog import softmax as S
from symbolic.domains import Real
from symbolic.record import Definition, Output, Var
from symbolic.references import backward as ref

from . import Gradient, register

q, a, b, l = symbols("q a b l", integer=True, nonnegative=True)
g = IndexedBase("g", real=True)
g_loss = Symbol("g", real=True)  # upstream of a scalar loss
sigma = IndexedBase("sigma")
SOFTMAX = (Definition(sigma[S.i], exp(S.z[S.i]) / Sum(exp(S.z[S.j]), (S.j, 0, S.K - 1))),)

register(Gradient(
    id="softmax_jacobian",
    formula_id="softmax",
    wrt="z",
    upstream=None,
    vjp=Output(IndexedBase("J")[S.i, q], sigma[S.i] * (KroneckerDelta(S.i, q) - sigma[q]),
               ((S.i, 0, S.K - 1), (q, 0, S.K - 1))),
    definitions=SOFTMAX,
    reference=ref.softmax_jacobian,
    notes="J[i, q] = d sigma_i / d z_q = sigma_i (delta_iq - sigma_q): the seed's two cases in one.",
))

register(Gradient(
    id="softmax_vjp_z",
    formula_id="softmax",
    wrt="z",
    upstream=g,
    vjp=Output(IndexedBase("dz")[q], sigma[q] * (g[q] - Sum(g[S.i] * sigma[S.i], (S.i, 0, S.K - 1))),
               ((q, 0, S.K - 1),)),
    definitions=SOFTMAX,
    reference=ref.softmax_vjp,
    notes="dz = sigma * (g - <g, sigma>): J^T g without forming the K x K Jacobian (J is symmetric).",
))

z2 = IndexedBase("z", real=True)
row_softmax = exp(z2[L.i, L.k]) / Sum(exp(z2[L.i, l]), (l, 0, L.K - 1))
register(Gradient(
    id="cross_entropy_softmax_vjp_z",
    formula_id="cross_entropy",
    wrt="z",
    upstream=g_loss,
    compose=(Definition(L.p[L.i, L.k], row_softmax),),
    inputs=(Var(z2, Real(large=1e4), (L.n, L.K), "logits of each sample"),),
    vjp=Output(IndexedBase("dz")[a, b],
               g_loss * (exp(z2[a, b]) / Sum(exp(z2[a, l]), (l, 0, L.K - 1)) - L.y[a, b]) / L.n,
               ((a, 0, L.n - 1), (b, 0, L.K - 1))),
    reference=ref.cross_entropy_softmax_vjp,
    notes="d CE(y, softmax(z)) / dz = (softmax(z) - y) / n. sympy's derivative is "
          "(softmax(z)_ab sum_k y_ak - y_ab) / n: the closed form needs each row of y to sum to 1 "
          "(y on the simplex), which the symbolic check uses as a rule.",
))

x = IndexedBase("x", real=True)
register(Gradient(
    id="bce_sigmoid_vjp_x",
    formula_id="binary_cross_entropy",
    wrt="x",
    upstream=g_loss,
    compose=(Definition(L.yhat[L.i], 1 / (1 + exp(-x[L.i]))),),
    inputs=(Var(x, Real(large=1e3), (L.n,), "logits"),),
    vjp=Output(IndexedBase("dx")[a], g_loss * (1 / (1 + exp(-x[a])) - L.y[a]) / L.n, ((a, 0, L.n - 1),)),
    reference=ref.bce_sigmoid_vjp,
    notes="d BCE(y, sigmoid(x)) / dx = (sigmoid(x) - y) / n for any y in [0, 1]. Logits reach 1e3, not "
          "1e4: the forward pass in the finite differences computes log(1 - sigmoid(x)), which needs "
          "x / ln 10 digits (435 at x = 1e3, within the 1600-digit cap).",
))

register(Gradient(
    id="mse_vjp_yhat",
    formula_id="mse",
    wrt="yhat",
    upstream=g_loss,
    vjp=Output(IndexedBase("dyhat")[a], 2 * g_loss * (L.yhat[a] - L.y[a]) / L.n, ((a, 0, L.n - 1),)),
    reference=ref.mse_vjp,
))
