r"""The position-wise feed-forward network w.r.t. $x, W_1, b_1, W_2, b_2$, and its equality with two
convolutions of kernel size 1.

With $u = x W_1 + b_1$, $a = \max(0, u)$ and $y = a W_2 + b_2$ (each row of $x$ a position):

.. math::
    \bar{b}_2 = \sum_p g_p, \quad \bar{W}_2 = a^\top g, \quad
    \bar{u} = [u > 0] \odot g W_2^\top, \quad \bar{b}_1 = \sum_p \bar{u}_p, \quad
    \bar{W}_1 = x^\top \bar{u}, \quad \bar{x} = \bar{u} W_1^\top,

with $[u > 0]$ written ``Heaviside(u, 0)``: $\mathrm{ReLU}'(0) = 0$ (``KINK_CONVENTIONS``).
"""
from sympy import Heaviside, IndexedBase, Max, Sum, symbols

from derivations.checker.step import Derivation, Step
from symbolic import get
from symbolic.catalog import feed_forward as F
from symbolic.record import Definition, Output, expand_definitions

from derivations.gradients import register_vjp

r, s = symbols("r s", integer=True, nonnegative=True)
g = IndexedBase("g", real=True)
p, c, f, o = F.p, F.c, F.f, F.o
u, du, da = IndexedBase("u"), IndexedBase(r"\bar{u}"), IndexedBase(r"\bar{a}")
pre_activation = Sum(F.x[p, c] * F.W1[c, f], (c, 0, F.d_model - 1)) + F.b1[f]
BACKWARD = (
    Definition(u[p, f], pre_activation),
    Definition(da[p, f], Sum(g[p, o] * F.W2[f, o], (o, 0, F.d_model - 1))),
    Definition(du[p, f], da[p, f] * Heaviside(u[p, f], 0)),
)
KINKS = (Output(u[p, f], pre_activation, ((p, 0, F.n - 1), (f, 0, F.d_ff - 1))),)
RELU = ("The ReLU kink: dReLU/du = Heaviside(u, 0) = [u > 0], 0 at u = 0 (PyTorch's choice); finite "
        "differences skip points where the step reaches a zero of u.")


def _ffn(wrt, lhs, expr, indices, notes, kinks=KINKS):
    register_vjp("feed_forward", wrt, lhs, expr, indices, upstream=g, definitions=BACKWARD, kinks=kinks,
                 notes=notes)


_ffn("x", "dx", Sum(du[r, f] * F.W1[s, f], (f, 0, F.d_ff - 1)), ((r, 0, F.n - 1), (s, 0, F.d_model - 1)),
     "dx = du W1^T. " + RELU)
_ffn("W_1", "dW_1", Sum(F.x[p, r] * du[p, s], (p, 0, F.n - 1)), ((r, 0, F.d_model - 1), (s, 0, F.d_ff - 1)),
     "dW1 = x^T du, summed over positions. " + RELU)
_ffn("b_1", "db_1", Sum(du[p, s], (p, 0, F.n - 1)), ((s, 0, F.d_ff - 1),), "db1 = sum_p du_p. " + RELU)
_ffn("W_2", "dW_2", Sum(F.hidden[p, r] * g[p, s], (p, 0, F.n - 1)), ((r, 0, F.d_ff - 1), (s, 0, F.d_model - 1)),
     "dW2 = a^T g; smooth in W2 (the kink does not move).", kinks=())
_ffn("b_2", "db_2", Sum(g[p, s], (p, 0, F.n - 1)), ((s, 0, F.d_model - 1),), "db2 = sum_p g_p.", kinks=())

# ** FFN as two convolutions of kernel size 1 **

M = symbols("M", integer=True, positive=True)
m, m2 = symbols("m m_2", integer=True, nonnegative=True)
K1, K2, h = IndexedBase("K_1"), IndexedBase("K_2"), IndexedBase("h")
CONVOLUTIONS = (
    Definition(K1[m, c, f], F.W1[c, f]),
    Definition(K2[m, f, o], F.W2[f, o]),
    Definition(h[p, f], Max(0, Sum(F.x[p + m2, c] * K1[m2, c, f], (m2, 0, M - 1), (c, 0, F.d_model - 1)) + F.b1[f])),
)
r"""$h = \mathrm{ReLU}(x \star K_1 + b_1)$, a valid multi-channel cross-correlation along the
positions, and the kernels of size $M = 1$: $K_1[0, c, f] = W_1[c, f]$, $K_2[0, f, o] = W_2[f, o]$."""
two_convolutions = Sum(h[p + m, f] * K2[m, f, o], (m, 0, M - 1), (f, 0, F.d_ff - 1)) + F.b2[o]
FFN_AS_CONVOLUTIONS = Derivation(
    id="feed_forward_as_kernel_size_1_convolutions",
    title=r"$\max(0, xW_1 + b_1)W_2 + b_2$ is two convolutions of kernel size 1 over positions",
    catalog_id="feed_forward",
    source="Position-wise Feed-Forward Networks",
    notes="A kernel of size M = 1 has one tap m = 0 (torch.nn.Conv1d(d_model, d_ff, kernel_size=1) stores "
          "K_1[0, c, f] as weight[f, c, 0]) and valid mode keeps all n positions (p + 0 stays in range), so "
          "the sums over m have one term. The two are the same function of x, W, b: every gradient above "
          "is also the gradient of the two convolutions.",
    steps=(Step(expand_definitions(two_convolutions, CONVOLUTIONS).subs(M, 1),
                get("feed_forward").expanded(get("feed_forward").outputs[0]),
                justification="sums over one tap m = 0; K[0] = W",
                indices={p: (0, F.n - 1), o: (0, F.d_model - 1)}),),
)
