r"""Discrete convolution and cross-correlation, 1-D and 2-D, valid mode, stride 1.

True convolution flips the kernel; what deep-learning "convolution" layers
compute is cross-correlation (no flip):

.. math::
    (x \ast k)_t = \sum_{m=0}^{M-1} x_{t+M-1-m}\, k_m, \qquad
    (x \star k)_t = \sum_{m=0}^{M-1} x_{t+m}\, k_m, \qquad t \in [0, N-M].

Valid mode keeps the outputs whose window lies inside the input, so no index
leaves $[0, N-1]$; $(x \ast k)_t$ is the textbook
$\sum_\tau x_\tau k_{n-\tau}$ at $n = t + M - 1$.
"""
from sympy import IndexedBase, Sum, symbols

from symbolic.domains import Real
from symbolic.record import Discrepancy, Formula, Output, Var
from symbolic.references import convolution as ref
from symbolic.registry import register

N, M = symbols("N M", integer=True, positive=True)
N1, N2, M1, M2 = symbols("N_1 N_2 M_1 M_2", integer=True, positive=True)
s, t, m, n = symbols("s t m n", integer=True, nonnegative=True)
x = IndexedBase("x", real=True)
k = IndexedBase("k", real=True)
y = IndexedBase("y")

SIZES_1D = ({N: 1, M: 1}, {N: 4, M: 1}, {N: 4, M: 2}, {N: 6, M: 3}, {N: 5, M: 5})
SIZES_2D = ({N1: 1, N2: 1, M1: 1, M2: 1}, {N1: 3, N2: 4, M1: 2, M2: 2},
            {N1: 4, N2: 3, M1: 3, M2: 1}, {N1: 3, N2: 3, M1: 3, M2: 3})
VARS_1D = (Var(x, Real(), (N,), "input signal"), Var(k, Real(), (M,), "kernel, M <= N"))
VARS_2D = (Var(x, Real(), (N1, N2), "input image"), Var(k, Real(), (M1, M2), "kernel, M1 <= N1, M2 <= N2"))
OUT_1D = ((t, 0, N - M),)
OUT_2D = ((s, 0, N1 - M1), (t, 0, N2 - M2))
FLIP = ("Convolution flips the kernel, cross-correlation does not; the two agree when the kernel is "
        "symmetric, and a learned kernel absorbs the flip, which is why DL layers named 'convolution' "
        "compute cross-correlation.")

register(Formula(
    id="conv1d",
    title="1-D discrete convolution (kernel flipped), valid mode",
    section="convolution",
    source="Convolution / one dimension",
    outputs=(Output(y[t], Sum(x[t + M - 1 - m] * k[m], (m, 0, M - 1)), OUT_1D),),
    variables=VARS_1D,
    sizes=SIZES_1D,
    reference=ref.conv1d,
    discrepancies=(
        Discrepancy("notation", r"(f \ast g)(t) = \int_{-\infty}^{\infty} f(\tau)g(t-\tau)",
                    r"(f \ast g)(t) = \int_{-\infty}^{\infty} f(\tau)g(t-\tau)\,d\tau"
                    r" (the differential is missing); for discrete signals, as in a layer, "
                    r"(f \ast g)[t] = \sum_{\tau} f[\tau]\,g[t-\tau]"),
    ),
    notes="True convolution: y_t = sum_m x[t+M-1-m] k[m] over output indices t in [0, N-M] "
          "(numpy.convolve(x, k, 'valid')). " + FLIP,
))

register(Formula(
    id="cross_correlation1d",
    title="1-D cross-correlation (what DL 'conv' layers compute), valid mode",
    section="convolution",
    source="Convolution / one dimension (companion)",
    outputs=(Output(y[t], Sum(x[t + m] * k[m], (m, 0, M - 1)), OUT_1D),),
    variables=VARS_1D,
    sizes=SIZES_1D,
    reference=ref.cross_correlation1d,
    notes="Cross-correlation: y_t = sum_m x[t+m] k[m], no kernel flip (numpy.correlate(x, k, 'valid'), "
          "torch.nn.Conv1d). " + FLIP,
))

register(Formula(
    id="conv2d",
    title="2-D discrete convolution (kernel flipped), valid mode",
    section="convolution",
    source="Convolution / two dimension",
    outputs=(Output(y[s, t], Sum(x[s + M1 - 1 - m, t + M2 - 1 - n] * k[m, n], (m, 0, M1 - 1), (n, 0, M2 - 1)),
                    OUT_2D),),
    variables=VARS_2D,
    sizes=SIZES_2D,
    reference=ref.conv2d,
    discrepancies=(
        Discrepancy("notation",
                    r"(f \ast g)(i, j) = \int_{-\infty}^{\infty}\int_{-\infty}^{\infty} f(i-m, j-n)g(m, n)",
                    r"(f \ast g)(u, v) = \iint f(u-a, v-b)\,g(a, b)\,da\,db"
                    r" (the differentials are missing, and integer indices i, j, m, n are integrated "
                    r"over); on images, as in a layer, (f \ast g)[i, j] = \sum_m \sum_n f[m, n]\,g[i-m, j-n]. "
                    r"The seed also puts the shifted argument on f here but on g in its 1-D form; "
                    r"both orders are equal (convolution commutes)."),
    ),
    notes="True convolution: y[s,t] = sum_{m,n} x[s+M1-1-m, t+M2-1-n] k[m,n] (kernel rotated by 180 "
          "degrees) over s in [0, N1-M1], t in [0, N2-M2]. " + FLIP,
))

register(Formula(
    id="cross_correlation2d",
    title="2-D cross-correlation (what DL 'conv' layers compute), valid mode",
    section="convolution",
    source="Convolution / two dimension (companion)",
    outputs=(Output(y[s, t], Sum(x[s + m, t + n] * k[m, n], (m, 0, M1 - 1), (n, 0, M2 - 1)), OUT_2D),),
    variables=VARS_2D,
    sizes=SIZES_2D,
    reference=ref.cross_correlation2d,
    notes="Cross-correlation: y[s,t] = sum_{m,n} x[s+m, t+n] k[m,n], no flip (torch.nn.Conv2d with one "
          "channel). The seed's gradient dL/dX = dL/dY * k_rot (full convolution with the rotated "
          "kernel) is the rule for this layer. " + FLIP,
))

C_in, O_out = symbols("C O", integer=True, positive=True)
o, c = symbols("o c", integer=True, nonnegative=True)
w = IndexedBase("w", real=True)
SIZES_MC = ({C_in: 1, O_out: 1, N1: 1, N2: 1, M1: 1, M2: 1}, {C_in: 2, O_out: 3, N1: 3, N2: 4, M1: 2, M2: 2},
            {C_in: 3, O_out: 2, N1: 4, N2: 3, M1: 3, M2: 1}, {C_in: 2, O_out: 2, N1: 3, N2: 3, M1: 3, M2: 3})

register(Formula(
    id="conv2d_multichannel",
    title="2-D multi-channel convolution layer (cross-correlation over C input channels to O output channels), "
          "valid mode",
    section="convolution",
    source="Convolution / two dimension (multi-channel layer)",
    outputs=(Output(y[o, s, t], Sum(w[o, c, m, n] * x[c, s + m, t + n], (c, 0, C_in - 1), (m, 0, M1 - 1),
                                    (n, 0, M2 - 1)),
                    ((o, 0, O_out - 1), (s, 0, N1 - M1), (t, 0, N2 - M2))),),
    variables=(Var(x, Real(), (C_in, N1, N2), "input: C channels of N1 x N2 (a batch is a leading axis)"),
               Var(w, Real(), (O_out, C_in, M1, M2), "kernel: O x C x M1 x M2, M1 <= N1, M2 <= N2")),
    sizes=SIZES_MC,
    reference=ref.conv2d_multichannel,
    notes="What torch.nn.functional.conv2d(x, w) computes (stride 1, no padding, no bias): "
          "y[o,s,t] = sum_{c,m,n} w[o,c,m,n] x[c, s+m, t+n], a cross-correlation summed over input "
          "channels, one kernel per (output, input) channel pair. " + FLIP,
))
