r"""Softmax (Jacobian and VJP), cross-entropy of a softmax, binary cross-entropy of a sigmoid, MSE."""
from sympy import IndexedBase, KroneckerDelta, Sum, Symbol, exp, symbols

from symbolic.catalog import losses as L
from symbolic.catalog import softmax as S
from symbolic.domains import Real
from symbolic.record import Definition, Var

from derivations.gradients import register_vjp

q, a, b, l = symbols("q a b l", integer=True, nonnegative=True)
g = IndexedBase("g", real=True)
g_loss = Symbol("g", real=True)  # upstream of a scalar loss
sigma = IndexedBase("sigma")
SOFTMAX = (Definition(sigma[S.i], exp(S.z[S.i]) / Sum(exp(S.z[S.j]), (S.j, 0, S.K - 1))),)
CLASSES = (q, 0, S.K - 1)

register_vjp("softmax", "z", "J", sigma[S.i] * (KroneckerDelta(S.i, q) - sigma[q]), ((S.i, 0, S.K - 1), CLASSES),
             upstream=None, gid="softmax_jacobian", definitions=SOFTMAX,
             notes="J[i, q] = d sigma_i / d z_q = sigma_i (delta_iq - sigma_q): the seed's two cases in one.")
register_vjp("softmax", "z", "dz", sigma[q] * (g[q] - Sum(g[S.i] * sigma[S.i], (S.i, 0, S.K - 1))), (CLASSES,),
             upstream=g, definitions=SOFTMAX,
             notes="dz = sigma * (g - <g, sigma>): J^T g without forming the K x K Jacobian (J is symmetric).")

z = IndexedBase("z", real=True)
register_vjp(
    "cross_entropy", "z", "dz", g_loss * (exp(z[a, b]) / Sum(exp(z[a, l]), (l, 0, L.K - 1)) - L.y[a, b]) / L.n,
    ((a, 0, L.n - 1), (b, 0, L.K - 1)), upstream=g_loss, gid="cross_entropy_softmax_vjp_z",
    compose=(Definition(L.p[L.i, L.k], exp(z[L.i, L.k]) / Sum(exp(z[L.i, l]), (l, 0, L.K - 1))),),
    inputs=(Var(z, Real(large=1e4), (L.n, L.K), "logits of each sample"),),
    notes="d CE(y, softmax(z)) / dz = (softmax(z) - y) / n. sympy's derivative is "
          "(softmax(z)_ab sum_k y_ak - y_ab) / n: the closed form needs each row of y to sum to 1 "
          "(y on the simplex), which the symbolic check uses as a rule.")

register_vjp(
    "softmax_cross_entropy", "z", "dz", g_loss * (exp(z[a, b]) / Sum(exp(z[a, l]), (l, 0, L.K - 1)) - L.y[a, b]) / L.n,
    ((a, 0, L.n - 1), (b, 0, L.K - 1)), upstream=g_loss,
    notes="d CE / dz = (softmax(z) - y) / n, rows of y on the simplex (as cross_entropy_softmax_vjp_z, "
          "whose composition this record writes out).")

x = IndexedBase("x", real=True)
register_vjp(
    "binary_cross_entropy", "x", "dx", g_loss * (1 / (1 + exp(-x[a])) - L.y[a]) / L.n, ((a, 0, L.n - 1),),
    upstream=g_loss, gid="bce_sigmoid_vjp_x",
    compose=(Definition(L.yhat[L.i], 1 / (1 + exp(-x[L.i]))),),
    inputs=(Var(x, Real(large=1e3), (L.n,), "logits"),),
    notes="d BCE(y, sigmoid(x)) / dx = (sigmoid(x) - y) / n for any y in [0, 1]. Logits reach 1e3, not "
          "1e4: the forward pass in the finite differences computes log(1 - sigmoid(x)), which needs "
          "x / ln 10 digits (435 at x = 1e3, within the 1600-digit cap).")

register_vjp("mse", "yhat", "dyhat", 2 * g_loss * (L.yhat[a] - L.y[a]) / L.n, ((a, 0, L.n - 1),), upstream=g_loss)
