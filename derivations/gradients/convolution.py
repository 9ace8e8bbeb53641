r"""1-D and 2-D cross-correlation (what DL "convolution" layers compute) and true convolution,
valid mode, stride 1, with respect to the input and the kernel.

For $y_t = \sum_{m<M} x_{t+m} k_m$, $t \in [0, N-M]$ (cross-correlation, $x \star k$):

.. math::
    \bar{x}_p = \sum_{m=0}^{M-1} \tilde{g}_{p+m}\, k^{rot}_m, \quad p \in [0, N-1], \qquad
    \bar{k}_q = \sum_{t=0}^{N-M} x_{t+q}\, g_t, \quad q \in [0, M-1],

with $\tilde{g}$ the upstream gradient zero-padded by $M-1$ on both sides ($\tilde{g}_w =
g_{w-M+1}$ for $w \in [M-1, N-1]$, else 0) and $k^{rot}_m = k_{M-1-m}$: the input gradient is
the *full* cross-correlation of $g$ with the kernel rotated by 180 degrees (equivalently the
full true convolution $g \ast k$), the kernel gradient the *valid* cross-correlation $x \star g$,
no padding.  The seed's "$\partial L/\partial X = \partial L/\partial Y \ast k_{rot}$" holds with
$\ast$ read as the layer's own operation in full mode; its "$\partial L/\partial k =
\partial L/\partial Y \ast X_{pad}$" becomes $x \star g$: $X$ slides under $g$, not the
reverse, and needs no padding at stride 1 in valid mode (padding enters only when the
forward pass padded $X$; then $X_{pad}$ is that padded input).

For true convolution, $y_t = \sum_m x_{t+M-1-m} k_m$: $\bar{x}_p = \sum_m \tilde{g}_{p+m} k_m$
(full convolution of $g$ with $k^{rot}$, the seed's rule with $\ast$ a true convolution) and
$\bar{k}_q = (x \star g)_{M-1-q}$.  In 2-D each index pair is treated alike.
"""
from sympy import IndexedBase, Piecewise, Sum, symbols

from symbolic.catalog import convolution as C
from symbolic.record import Definition

from derivations.gradients import register_vjp

p, q, w, w2 = symbols("p q w w_2", integer=True, nonnegative=True)
N, M, N1, N2, M1, M2 = C.N, C.M, C.N1, C.N2, C.M1, C.M2
s, t, m, n, x, k = C.s, C.t, C.m, C.n, C.x, C.k
g = IndexedBase("g", real=True)
g_pad, k_rot = IndexedBase(r"\tilde{g}"), IndexedBase("k^{rot}")

PAD_1D = Definition(g_pad[w], Piecewise((g[w - (M - 1)], (w >= M - 1) & (w <= N - 1)), (0, True)))
ROT_1D = Definition(k_rot[m], k[M - 1 - m])
PAD_2D = Definition(g_pad[w, w2], Piecewise((g[w - (M1 - 1), w2 - (M2 - 1)],
                                            (w >= M1 - 1) & (w <= N1 - 1) & (w2 >= M2 - 1) & (w2 <= N2 - 1)),
                                           (0, True)))
ROT_2D = Definition(k_rot[m, n], k[M1 - 1 - m, M2 - 1 - n])
INPUT_1D, KERNEL_1D = ((p, 0, N - 1),), ((q, 0, M - 1),)
INPUT_2D, KERNEL_2D = ((p, 0, N1 - 1), (q, 0, N2 - 1)), ((p, 0, M1 - 1), (q, 0, M2 - 1))


def _conv(fid, wrt, expr, indices, definitions, notes):
    register_vjp(fid, wrt, f"d{wrt}", expr, indices, upstream=g, definitions=definitions, notes=notes)


_conv("cross_correlation1d", "x", Sum(g_pad[p + m] * k_rot[m], (m, 0, M - 1)), INPUT_1D, (PAD_1D, ROT_1D),
      "dx = full cross-correlation of g with k rotated by 180 degrees: the valid cross-correlation of g "
      "zero-padded by M-1 on each side with k_rot (= numpy.convolve(g, k, 'full')).")
_conv("cross_correlation1d", "k", Sum(x[t + q] * g[t], (t, 0, N - M)), KERNEL_1D, (),
      "dk = valid cross-correlation of x with g, no padding (numpy.correlate(x, g, 'valid')).")
_conv("cross_correlation2d", "x",
      Sum(g_pad[p + m, q + n] * k_rot[m, n], (m, 0, M1 - 1), (n, 0, M2 - 1)), INPUT_2D, (PAD_2D, ROT_2D),
      "dX = full 2-D cross-correlation of dY with the kernel rotated by 180 degrees (dY zero-padded by "
      "M1-1 rows and M2-1 columns on each side, then a valid cross-correlation).")
_conv("cross_correlation2d", "k", Sum(x[s + p, t + q] * g[s, t], (s, 0, N1 - M1), (t, 0, N2 - M2)), KERNEL_2D, (),
      "dK = valid 2-D cross-correlation of X with dY, no padding.")
_conv("conv1d", "x", Sum(g_pad[p + m] * k[m], (m, 0, M - 1)), INPUT_1D, (PAD_1D,),
      "True convolution: dx = full convolution of g with k rotated, i.e. the valid cross-correlation of the "
      "padded g with k itself (numpy.correlate(pad(g), k, 'valid')).")
_conv("conv1d", "k", Sum(x[t + M - 1 - q] * g[t], (t, 0, N - M)), KERNEL_1D, (),
      "True convolution: dk[q] = (x cross-correlated with g)[M-1-q], the rotated kernel gradient.")
_conv("conv2d", "x", Sum(g_pad[p + m, q + n] * k[m, n], (m, 0, M1 - 1), (n, 0, M2 - 1)), INPUT_2D, (PAD_2D,),
      "True convolution: dX = full convolution of dY with the rotated kernel.")
_conv("conv2d", "k", Sum(x[s + M1 - 1 - p, t + M2 - 1 - q] * g[s, t], (s, 0, N1 - M1), (t, 0, N2 - M2)),
      KERNEL_2D, (), "True convolution: dK = rot180(X cross-correlated with dY).")

# multi-channel layer: y[o,s,t] = sum_{c,m,n} w[o,c,m,n] x[c, s+m, t+n]
o = C.o
r, i, j = symbols("r i j", integer=True, nonnegative=True)
CI, CO, wk = C.C_in, C.O_out, C.w
w_rot = IndexedBase("w^{rot}")
PAD_MC = Definition(g_pad[o, w, w2], Piecewise((g[o, w - (M1 - 1), w2 - (M2 - 1)],
                                               (w >= M1 - 1) & (w <= N1 - 1) & (w2 >= M2 - 1) & (w2 <= N2 - 1)),
                                              (0, True)))
ROT_MC = Definition(w_rot[o, j, m, n], wk[o, j, M1 - 1 - m, M2 - 1 - n])
register_vjp("conv2d_multichannel", "x", "dx",
             Sum(g_pad[o, r + m, p + n] * w_rot[o, j, m, n], (o, 0, CO - 1), (m, 0, M1 - 1), (n, 0, M2 - 1)),
             ((j, 0, CI - 1), (r, 0, N1 - 1), (p, 0, N2 - 1)), upstream=g, definitions=(PAD_MC, ROT_MC),
             notes="dX[c] = sum over output channels o of the full 2-D cross-correlation of dY[o] with "
                   "w[o, c] rotated by 180 degrees (dY zero-padded by M1-1 rows and M2-1 columns on each side).")
register_vjp("conv2d_multichannel", "w", "dw",
             Sum(x[j, s + p, t + q] * g[i, s, t], (s, 0, N1 - M1), (t, 0, N2 - M2)),
             ((i, 0, CO - 1), (j, 0, CI - 1), (p, 0, M1 - 1), (q, 0, M2 - 1)), upstream=g,
             notes="dW[o, c] = valid 2-D cross-correlation of X[c] with dY[o], no padding.")
