r"""Independent checks of the hand labels of the round-14 sources of tests/corpus/notes, labelled before Formulary
was run on them (held out): library documentation in reStructuredText, a kind the corpus had little of.  PyTorch's
docstrings (torch.nn activations, attention, normalization and losses; torch.optim's algorithms, learning-rate
schedules and torch.nn.init; torch.special, torch and torch.linalg functions with a math directive) and NumPy's
``numpy.random.Generator`` distribution notes.  Both are BSD-3-Clause.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that
returns True when the block's claim holds.  A ``.. math::`` paragraph is named by the line of its first formula line,
as in round 9.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round14.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round14.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import (
    block_on_line,
    check_entries,
    nonclaim_table,
    recorder,
    rst_blocks,
)

RNG = np.random.default_rng(14)
TOL = 1e-9
"""Tolerance for identities evaluated in double precision on values of order 1 (round-off ~1e-15)."""

ENTRIES, label, nonclaim = recorder()
x, y, n, a = sp.symbols("x y n a", real=True)


def _close(p, q, tol=TOL) -> bool:
    return bool(np.allclose(p, q, atol=tol, rtol=tol))


# ---------------------------------------------------------------- pytorch_nn_modules.rst
NN = "pytorch_nn_modules.rst"


def _leaky_forms():
    """max(0,x) + s min(0,x) equals the case form (x if x >= 0 else s x) for every slope s, positive or negative."""
    xs = np.concatenate([RNG.normal(size=200) * 5, [0.0, -0.0, 1e-300, -1e-300]])
    for s in (0.01, 0.25, -0.5, 2.0, 0.0):
        if not _close(np.maximum(0, xs) + s * np.minimum(0, xs), np.where(xs >= 0, xs, s * xs)):
            return False
    return True


def _tanh_exp():
    """(e^x - e^-x)/(e^x + e^-x) - tanh x, with tanh written through exp, simplifies to 0; and at 50 points."""
    diff = (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x)) - sp.tanh(x).rewrite(sp.exp)
    xs = RNG.normal(size=50) * 4
    return sp.simplify(diff) == 0 and _close((np.exp(xs) - np.exp(-xs)) / (np.exp(xs) + np.exp(-xs)), np.tanh(xs))


def _kl_pointwise():
    """y log(y/p) = y (log y - log p) for y, p > 0 (sympy with positive symbols)."""
    yt, yp = sp.symbols("yt yp", positive=True)
    return sp.simplify(sp.expand_log(yt * sp.log(yt / yp)) - yt * (sp.log(yt) - sp.log(yp))) == 0


nonclaim_table(nonclaim, NN, r"""
17 definition  # ELU defined
40 definition  # HardShrink defined (both outer cases give x: as in the source)
64 definition  # Hardsigmoid defined
87 definition  # HardTanh defined
117 definition  # Hardswish defined
138 definition  # LeakyReLU defined
167 definition  # LogSigmoid defined
181 definition  # PReLU defined
225 definition  # ReLU6 defined
247 definition  # RReLU defined
255 definition  # a in evaluation mode defined
274 definition  # SELU defined
276 definition  # the constant alpha given
277 definition  # the constant scale given
302 definition  # CELU defined
321 definition  # GELU defined
327 no-claim  # the tanh approximation of GELU, written with = ('estimated with')
345 definition  # Sigmoid and sigma defined
361 definition  # SiLU defined
385 definition  # Mish defined
402 definition  # Softplus defined
408 condition  # the threshold condition for reverting to linear
426 definition  # SoftShrinkage defined
448 definition  # SoftSign defined
478 definition  # Tanhshrink defined
494 definition  # Threshold defined
516 definition  # GLU defined
525 definition  # M = N/2 names the output size
538 definition  # Softmin defined
564 definition  # Softmax defined
595 definition  # LogSoftmax defined
626 definition  # MultiHead defined
628 definition  # head_i defined
680 definition  # batch norm defined
704 update  # running-statistics update
743 definition  # layer norm defined
801 definition  # group norm defined
826 definition  # C names the channels
838 definition  # RMSNorm defined
876 definition  # local response norm defined
898 definition  # L1 loss defined
905 definition  # reduction defined
952 definition  # MSE loss defined
959 definition  # reduction defined
1007 condition  # K >= 1
1019 definition  # cross-entropy with class indices defined
1029 definition  # reduction defined
1044 definition  # cross-entropy with probabilities defined
1053 definition  # reduction defined
1094 condition  # K >= 1
1097 condition  # K >= 1
1103 condition  # K >= 1
1109 definition  # C and N named
1127 condition  # K >= 1
1142 definition  # NLL loss defined
1151 definition  # reduction defined
1185 condition  # K >= 1
1188 condition  # the targets' range
1189 condition  # K >= 1
1192 condition  # K >= 1
1203 condition  # the target's law
1205 definition  # Poisson NLL defined
1256 definition  # Gaussian NLL defined (up to a constant)
1378 definition  # BCE defined
1385 definition  # reduction defined
1396 no-claim | \log (0) = -\infty  # the extended-real convention log 0 = -inf
1399 condition | y_n = 0  # a case
1399 condition | (1 - y_n) = 0  # a case
1446 definition  # BCE with logits defined
1454 definition  # reduction defined
1467 definition  # the per-class weighted loss defined
1471 condition  # c > 1
1472 condition  # c = 1
1476 condition | p_c > 1  # a case
1476 condition | p_c < 1  # a case
1523 condition  # y = 1
1524 condition  # y = -1
1529 definition  # margin ranking loss defined
1567 definition  # hinge embedding loss defined
1575 definition  # reduction defined
1580 definition  # L named
1615 definition  # multilabel margin loss defined
1617 condition  # x's index range
1618 condition  # y's index range
1619 condition  # y[j]'s range
1620 condition  # i != y[j]
1665 definition  # L named
1670 definition  # Huber loss defined
1678 definition  # reduction defined
1715 definition  # L named
1720 definition  # smooth L1 defined
1728 definition  # reduction defined
1735 condition  # a case
1736 condition  # a case
1737 condition  # a case
1785 definition  # soft margin loss defined
1819 definition  # multilabel soft margin loss defined
1822 condition  # i's range
1823 condition  # y[i] in {0, 1}
1855 condition | y=1  # a case
1855 condition | y=-1  # a case
1862 definition  # cosine embedding loss defined
1900 condition  # y's range
1906 definition  # multi margin loss defined
1908 condition  # i's range
1909 condition  # i != y
1917 definition  # weighted multi margin loss defined
1944 condition  # targets' range
1964 definition  # triplet margin loss defined
1969 definition  # the distance d defined
""")
label(NN, 143, "claim", "right", "numpy: the case form equals max(0,x) + s min(0,x) at 204 points for five slopes "
      "(negative, zero and > 1 included)", "", _leaky_forms)
label(NN, 186, "claim", "right", "numpy: as line 143 with a for the slope", "", _leaky_forms)
label(NN, 464, "claim", "right", "sympy: (e^x - e^-x)/(e^x + e^-x) - tanh x simplifies to 0", "", _tanh_exp)
label(NN, 1309, "claim", "right", "sympy: y log(y/p) - y(log y - log p) = 0 for positive y, p", "y_true, y_pred > 0",
      _kl_pointwise)
label(NN, 1396, "claim", "right", "sympy: limit(log x, x, 0, '+') = -oo (log is defined for x > 0 only)", "x > 0",
      lambda: sp.limit(sp.log(x), x, 0, "+") == -sp.oo, pick="\\lim_{x\\to 0} \\log (x) = -\\infty")
label(NN, 1402, "claim", "right", "sympy: limit(1/x, x, 0, '+') = oo", "x > 0",
      lambda: sp.limit(sp.diff(sp.log(x), x), x, 0, "+") == sp.oo)
label(NN, 1479, "claim", "right", "exact: 300/100 = 3", "", lambda: sp.Rational(300, 100) == 3)
label(NN, 1480, "claim", "right", "exact: 3 * 100 = 300", "", lambda: 3 * 100 == 300)


# ---------------------------------------------------------------- pytorch_optim_init.rst
OP = "pytorch_optim_init.rst"
nonclaim_table(nonclaim, OP, r"""
12 update  # SGD algorithm
87 update  # Adam algorithm, input and initialisation
98 update  # Adam algorithm, loop
184 update  # AdamW algorithm, input and initialisation
196 update  # AdamW algorithm, loop
278 update  # RMSprop algorithm
357 update  # Adagrad algorithm
418 update  # Adadelta algorithm
485 update  # Adamax algorithm
547 update  # NAdam algorithm
628 update  # RAdam algorithm
721 update  # Rprop algorithm
791 update  # the recursive cosine schedule
799 definition  # the closed-form SGDR schedule
810 condition  # T_cur = t without restarts
832 definition  # the warm-restart schedule
835 condition | T_{cur}=T_{i}  # a case
835 update | \eta_t = \eta_{min}  # 'set'
836 condition | T_{cur}=0  # a case
836 update | \eta_t=\eta_{max}  # 'set'
1005 definition  # the Xavier uniform bound a
1024 definition  # the Xavier normal std
1044 definition  # the Kaiming uniform bound
1079 definition  # the Kaiming normal std
""")


# ---------------------------------------------------------------- numpy_random_distributions.rst
NP = "numpy_random_distributions.rst"


def _gamma_reversed():
    """Gamma(x) = int_0^{-oo} t^{x-1} e^{-t} dt fails at x = 1: the integral is -oo, Gamma(1) = 1."""
    t = sp.symbols("t", real=True)
    return sp.integrate(sp.exp(-t), (t, 0, -sp.oo)) == sp.gamma(1)


def _negbin_coefficient():
    N_, n_ = sp.symbols("N n", positive=True, integer=True)
    ok = all(sp.gamma(N + k) / (sp.factorial(N) * sp.gamma(k)) == sp.binomial(N + k - 1, N)
             for N in range(8) for k in range(1, 8))
    return ok and sp.simplify(sp.gammasimp(sp.gamma(N_ + n_) / (sp.factorial(N_) * sp.gamma(n_))
                                           - sp.binomial(N_ + n_ - 1, N_).rewrite(sp.gamma))) == 0


nonclaim_table(nonclaim, NP, r"""
17 definition  # beta density defined (f(x; a, b) written with alpha, beta)
22 definition  # the beta function defined
43 definition  # binomial pmf defined
73 definition  # Q defined
77 condition  # Q's law
81 definition  # chi-square density defined
104 condition  # x_i > 0
105 condition  # the simplex constraint
111 definition  # Dirichlet density up to a constant
118 definition  # X defined from the Y_i
130 definition  # exponential density defined
133 definition  # lambda named
157 definition  # gamma density defined
181 definition  # geometric pmf defined
206 definition  # Gumbel density defined
244 definition  # hypergeometric pmf defined
246 condition | 0 \le x \le n  # support
246 condition | n-b \le x \le g  # support
286 definition  # Laplace density defined
310 definition  # logistic density defined
338 definition  # lognormal density defined
363 definition  # log-series pmf defined
387 definition  # negative binomial pmf defined
410 condition  # a bound on the arguments
432 definition  # noncentral chi-square density defined
459 definition  # normal density defined
484 definition  # Lomax (Pareto II) density defined
486 condition  # a > 0
505 definition  # Poisson pmf defined
530 definition  # power-function density defined
553 definition  # Rayleigh density defined
573 definition  # Cauchy density defined
576 example  # x_0 = 0 for the standard Cauchy
577 example  # gamma = 1 for the standard Cauchy
603 definition  # gamma density defined
628 definition  # Student t density defined
658 definition  # triangular density defined
685 definition  # uniform density defined
710 definition  # von Mises density defined
741 definition  # Wald density defined
759 definition  # the Weibull sample defined
764 definition  # the scaled Weibull sample defined
776 definition  # Weibull density defined
806 definition  # Zipf pmf defined
808 condition  # k >= 1
""")
label(NP, 86, "claim", "wrong", "sympy: at x = 1 the integral from 0 to -oo of e^{-t} is -oo, not Gamma(1) = 1 (the upper "
      "limit must be +oo)", "x > 0", _gamma_reversed)
label(NP, 392, "claim", "right", "sympy: Gamma(N+n)/(N! Gamma(n)) = binom(N+n-1, N) exactly for N = 0..7, n = 1..7 and "
      "symbolically", "N >= 0, n >= 1 integers", _negbin_coefficient)


# ---------------------------------------------------------------- pytorch_tensor_functions.rst
FN = "pytorch_tensor_functions.rst"


def _recurrence(poly):
    """Whether P_{n+1}(x) = 2 x P_n(x) - P_{n-1}(x) holds for n = 1..6 for the sympy family ``poly``."""
    return all(sp.expand(poly(k + 1, x) - (2 * x * poly(k, x) - poly(k - 1, x))) == 0 for k in range(1, 7))


def _cheb_cos():
    return all(abs(float(sp.chebyshevt(k, sp.Rational(p, 7))) - math.cos(k * math.acos(p / 7))) < 1e-12
               for k in range(8) for p in range(-7, 8))


def _digamma_chain():
    return sp.simplify(sp.diff(sp.log(sp.gamma(x)), x) - sp.diff(sp.gamma(x), x) / sp.gamma(x)) == 0 and \
        sp.simplify(sp.diff(sp.loggamma(x), x).rewrite(sp.polygamma) - sp.digamma(x)) == 0


def _erfinv_erf():
    return all(abs(mp.erfinv(mp.erf(v)) - v) < mp.mpf(10) ** -25 for v in (mp.mpf("-2.5"), mp.mpf("-0.3"), 0,
                                                                            mp.mpf("0.7"), mp.mpf(3)))


def _bessel_series(order, scaled):
    mp.mp.dps = 30
    ok = True
    for v in (mp.mpf("-3.2"), mp.mpf("0.5"), mp.mpf(2), mp.mpf(7)):
        if order == 0:
            series = mp.nsum(lambda k, v=v: (v ** 2 / 4) ** k / mp.factorial(k) ** 2, [0, mp.inf])
        else:
            series = v / 2 * mp.nsum(lambda k, v=v: (v ** 2 / 4) ** k / (mp.factorial(k) * mp.factorial(k + 1)), [0, mp.inf])
        value = mp.besseli(order, v) * (mp.exp(-abs(v)) if scaled else 1)
        ok &= abs(value - series * (mp.exp(-abs(v)) if scaled else 1)) < mp.mpf(10) ** -20
    return ok


def _multigammaln():
    """log Gamma_p(a) = p(p-1)/4 log pi + sum_{i=1}^p log Gamma(a - (i-1)/2), checked at p = 2 against the known
    closed form Gamma_2(a) = pi^{1/2} Gamma(a) Gamma(a - 1/2) (p = 1 is log Gamma itself: C = 0)."""
    mp.mp.dps = 30
    for av in (mp.mpf("1.3"), mp.mpf(2), mp.mpf("4.75")):
        rhs2 = mp.log(mp.pi) * 2 / 4 + mp.loggamma(av) + mp.loggamma(av - mp.mpf(1) / 2)
        lhs2 = mp.log(mp.sqrt(mp.pi) * mp.gamma(av) * mp.gamma(av - mp.mpf(1) / 2))
        if abs(lhs2 - rhs2) > mp.mpf(10) ** -20:
            return False
    return True


def _ndtri():
    mp.mp.dps = 30
    return all(abs(mp.ncdf(mp.sqrt(2) * mp.erfinv(2 * p - 1)) - p) < mp.mpf(10) ** -25
               for p in (mp.mpf("0.001"), mp.mpf("0.2"), mp.mpf("0.5"), mp.mpf("0.93")))


def _bartlett():
    for N in range(3, 14):
        for k in range(N):
            lhs = 1 - abs(sp.Rational(2 * k, N - 1) - 1)
            rhs = sp.Rational(2 * k, N - 1) if 2 * k <= N - 1 else 2 - sp.Rational(2 * k, N - 1)
            if lhs != rhs:
                return False
    return True


def _hann():
    return sp.simplify(sp.Rational(1, 2) * (1 - sp.cos(2 * sp.pi * n / (a - 1))) - sp.sin(sp.pi * n / (a - 1)) ** 2) == 0


def _taylor_lagrange():
    """For f = exp and f = sin at several x, h_r, h_l > 0 a xi with the stated remainder exists in the interval:
    the remainder's f''' value lies between the extremes of f''' on the interval (intermediate value theorem)."""
    for f, f3 in ((np.exp, np.exp), (np.sin, lambda t: -np.cos(t))):
        for xv, hr, hl in ((0.3, 0.5, 0.2), (-1.0, 0.1, 0.7), (2.0, 1.3, 0.9)):
            need_r = (f(xv + hr) - f(xv) - hr * f1(f, xv) - hr ** 2 * f2(f, xv) / 2) * 6 / hr ** 3
            need_l = -(f(xv - hl) - f(xv) + hl * f1(f, xv) - hl ** 2 * f2(f, xv) / 2) * 6 / hl ** 3
            gr = f3(np.linspace(xv, xv + hr, 20001))
            gl = f3(np.linspace(xv - hl, xv, 20001))
            if not (gr.min() - 1e-9 <= need_r <= gr.max() + 1e-9 and gl.min() - 1e-9 <= need_l <= gl.max() + 1e-9):
                return False
    return True


def f1(f, t):
    return np.exp(t) if f is np.exp else np.cos(t)


def f2(f, t):
    return np.exp(t) if f is np.exp else -np.sin(t)


def _inverse():
    A = RNG.normal(size=(5, 5))
    Ai = np.linalg.inv(A)
    return _close(Ai @ A, np.eye(5)) and _close(A @ Ai, np.eye(5))


def _cond_ratios():
    A = RNG.normal(size=(6, 6))
    s = np.linalg.svd(A, compute_uv=False)
    Ai = np.linalg.inv(A)
    k2 = np.linalg.norm(A, 2) * np.linalg.norm(Ai, 2)
    km2 = np.linalg.norm(A, -2) * np.linalg.norm(Ai, -2)
    return _close(k2, s[0] / s[-1], 1e-8) and _close(km2, s[-1] / s[0], 1e-8)


def _stft_symmetry():
    sig = RNG.normal(size=16)
    X = np.fft.fft(sig)
    return all(_close(X[w], np.conj(X[(16 - w) % 16])) for w in range(16))


nonclaim_table(nonclaim, FN, r"""
89 definition  # entr defined
111 definition  # erf defined
128 definition  # erfc defined (through the erf integral)
145 definition  # erfcx defined
178 definition  # exp2
194 definition  # expit
211 definition  # expm1
229 definition  # regularized lower incomplete gamma
237 definition  # Gamma defined
263 definition  # regularized upper incomplete gamma
271 definition  # Gamma defined
297 definition  # gammaln's output defined (the source writes ln Gamma(|input|) for ln |Gamma(input)|)
389 definition  # i1's output defined by its series
466 definition  # log_ndtr defined
486 definition  # log_softmax defined
505 definition  # logit with clamping defined
534 definition  # the constant C defined
553 definition  # ndtr defined
589 definition  # polygamma defined
609 definition  # sinc defined
629 definition  # xlog1py defined
654 definition  # xlogy defined
679 definition  # Hurwitz zeta defined
699 definition  # abs
715 definition  # acos
731 definition  # acosh
751 definition  # add
784 definition  # addbmm
824 definition  # addcdiv
851 definition  # addcmul
885 definition  # addmm
947 definition  # addmv
978 definition  # addr
1007 condition  # the allclose test
1027 definition  # angle
1060 definition  # arange's recurrence
1092 definition  # asin
1108 definition  # asinh
1124 definition  # atan
1145 definition  # atanh
1173 definition  # baddbmm
1272 no-claim  # sampling statement
1300 definition  # left shift
1324 definition  # right shift
1341 definition  # Blackman window
1393 definition  # bmm
1431 definition  # ceil
1452 definition  # the upper Cholesky factor
1459 definition  # the lower Cholesky factor
1508 definition  # the Cholesky factor
1542 definition  # the Cholesky factor
1551 no-claim  # the system to solve
1578 definition  # clamp
1611 definition  # conj
1627 definition  # copysign
1651 definition  # cos
1668 definition  # cosh
1691 definition  # covariance
1700 definition  # weighted covariance
1741 definition  # cummax
1759 definition  # cummin
1780 definition  # cumprod
1804 definition  # cumsum
1825 definition  # div
1861 definition  # exp
1878 definition  # fake quantize per channel
1908 definition  # fake quantize per tensor
1940 definition  # floor
1963 definition  # floor_divide
1982 definition  # frac (truncation)
2019 no-claim  # the finite-difference approximation
2059 definition  # Hamming window
2239 definition  # heaviside
2260 definition  # hypot
2282 condition  # the isclose test
2308 definition  # Kaiser window
2348 definition  # Kronecker product entries
2362 definition  # Kronecker product as blocks
2384 definition  # ldexp
2406 definition  # lerp
2428 definition  # lgamma
2482 definition  # log
2499 definition  # log10
2516 definition  # log2
2534 definition  # logcumsumexp
2591 definition  # mul
2611 definition  # neg
2629 no-claim  # sampling statement
2649 definition  # polar
2683 definition  # pow
2688 definition  # pow
2703 definition  # pow
2721 definition  # quantized batch norm
2746 no-claim  # sampling statement
2752 no-claim  # sampling statement
2758 no-claim  # sampling statement
2793 definition  # range's recurrence
2829 definition  # reciprocal
2851 definition  # rsqrt
2871 definition  # sgn
2890 definition  # sign
2907 definition  # sin
2924 definition  # sinh
2940 definition  # sqrt
2959 definition  # std
3000 definition  # std
3065 definition  # STFT
3175 definition  # sub
3197 definition  # tan
3214 definition  # tanh
3242 definition  # tensordot
3264 no-claim  # trapezoid sum
3271 no-claim  # trapezoid sum
3280 no-claim  # trapezoid sum
3318 definition  # var
3359 definition  # var
3403 no-claim  # the vdot sum
3435 definition  # where
3469 definition  # Cholesky decomposition
3520 definition  # condition number
3603 definition  # eigendecomposition
3683 definition  # eigendecomposition
3779 definition  # characteristic polynomial
3821 definition  # characteristic polynomial
3872 definition  # Householder product
3975 no-claim  # the least-squares problem
4064 definition  # LU decomposition
4073 definition  # LU decomposition
4120 no-claim  # the system to solve
4128 no-claim  # the system to solve
4135 no-claim  # the system to solve
4167 definition  # matrix exponential
4242 definition  # QR decomposition
4253 definition  # QR decomposition
4309 no-claim  # the system to solve
4315 no-claim  # the system to solve
4377 no-claim  # the system to solve
4386 no-claim  # the system to solve
4432 definition  # SVD
4443 definition  # SVD
4557 definition  # Vandermonde matrix
4595 no-claim  # the vecdot sum
""")
label(FN, 17, "claim", "right", "sympy: T_{k+1} = 2x T_k - T_{k-1} for k = 1..6", "", lambda: _recurrence(sp.chebyshevt))
label(FN, 22, "claim", "right", "sympy/math: T_k(x) = cos(k arccos x) at x = p/7, p = -7..7, k = 0..7", "|x| <= 1",
      _cheb_cos)
label(FN, 45, "claim", "right", "sympy: U_{k+1} = 2x U_k - U_{k-1} for k = 1..6", "",
      lambda: _recurrence(sp.chebyshevu))
label(FN, 69, "claim", "right", "sympy: d/dx log Gamma(x) = Gamma'(x)/Gamma(x) = digamma(x)", "x > 0", _digamma_chain)
label(FN, 162, "claim", "right", "mpmath: erfinv(erf(v)) = v at five points (30 digits)", "", _erfinv_erf)
label(FN, 316, "claim", "wrong", "sympy: physicists' Hermite H_2 = 4x^2 - 2 but 2x H_1 - H_0 = 4x^2 - 1 (the recurrence "
      "is H_{n+1} = 2x H_n - 2n H_{n-1})", "", lambda: _recurrence(sp.hermite))
label(FN, 338, "claim", "wrong", "sympy: probabilists' He_2 = x^2 - 1 but 2x He_1 - He_0 = 2x^2 - 1 (He_{n+1} = x He_n "
      "- n He_{n-1})", "", lambda: _recurrence(sp.hermite_prob))
label(FN, 357, "claim", "right", "mpmath: besseli(0, v) equals the series at four points", "",
      lambda: _bessel_series(0, False))
label(FN, 373, "claim", "right", "mpmath: exp(-|v|) besseli(0, v) equals exp(-|v|) times the series", "",
      lambda: _bessel_series(0, True))
label(FN, 405, "claim", "right", "mpmath: exp(-|v|) besseli(1, v) equals exp(-|v|) v/2 times the series", "",
      lambda: _bessel_series(1, True))
label(FN, 425, "claim", "wrong", "sympy: Laguerre L_2 = (x^2 - 4x + 2)/2 but 2x L_1 - L_0 = -2x^2 + 2x - 1 (the "
      "recurrence is (n+1) L_{n+1} = (2n+1-x) L_n - n L_{n-1})", "", lambda: _recurrence(sp.laguerre))
label(FN, 447, "claim", "wrong", "sympy: Legendre P_2 = (3x^2 - 1)/2 but 2x P_1 - P_0 = 2x^2 - 1 (the recurrence is "
      "(n+1) P_{n+1} = (2n+1) x P_n - n P_{n-1})", "", lambda: _recurrence(sp.legendre))
label(FN, 532, "claim", "right", "mpmath: at p = 2 the right side equals log(sqrt(pi) Gamma(a) Gamma(a - 1/2)), the "
      "known bivariate gamma, at three a", "a > (p - 1)/2", _multigammaln)
label(FN, 569, "claim", "right", "mpmath: Phi(sqrt 2 erfinv(2p - 1)) = p at four p (so it is Phi's inverse)", "0 < p < 1",
      _ndtri)
label(FN, 1216, "claim", "right", "sympy (exact): 1 - |2k/(N-1) - 1| equals the case form for N = 3..13, k = 0..N-1",
      "0 <= n < N integers", _bartlett)
label(FN, 2011, "claim", "right", "numpy: for exp and sin at three (x, h_r, h_l) the f''' value the remainder needs lies "
      "in the range of f''' on the interval (so a xi exists by the intermediate value theorem)", "f in C^3",
      _taylor_lagrange)
label(FN, 2193, "claim", "right", "sympy: (1 - cos(2 pi n/(N-1)))/2 - sin^2(pi n/(N-1)) simplifies to 0", "", _hann)
label(FN, 3101, "claim", "right", "numpy: the FFT of a real length-16 signal satisfies X[w] = conj(X[16 - w])",
      "real input", _stft_symmetry)
label(FN, 3922, "claim", "right", "numpy: inv(A) A = A inv(A) = I for a random 5 x 5 A", "A invertible", _inverse)
label(FN, 3557, "claim", "right", "numpy: ||A||_2 ||A^-1||_2 = s_1/s_n and the -2 'norms' give s_n/s_1 (random 6 x 6)",
      "A invertible", _cond_ratios)
label(FN, 4215, "claim", "right", "exact: 10*100*5 + 10*5*50 = 7500 and 10*100*50 + 100*5*50 = 75000", "",
      lambda: 10 * 100 * 5 + 10 * 5 * 50 == 7500 and 10 * 100 * 50 + 100 * 5 * 50 == 75000)


def _latex(entry) -> str:
    """The block an entry names (:func:`check_labels.block_on_line`) among the file's RST blocks; of several on a
    line, the one that carries a relation, ``\\geq`` and ``\\le`` included."""
    return block_on_line(entry, rst_blocks((HERE / entry["file"]).read_text(encoding="utf-8")),
                         r"[=<>]|\\(?:in|sim|geq?|leq?|neq|approx)\b")


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
