r"""Independent checks of the hand labels of the round-5 sources of tests/corpus/notes: other authors and styles than
d2l (OpenIntro's solutions in LaTeX, Teitelbaum's Quarto lecture notes, HPI's Math4ML MyST notes, the CS228
Kramdown probability review).

As in the earlier rounds: each entry names a block by ``(file, line[, text that picks it on that line])``, gives
its role and label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with
sympy, mpmath or numpy that returns True when the block's claim holds.  Nothing from the Formulary code base is
imported.  Rounded numbers (OpenIntro) are right when the exact value rounds to the digits written (within half a
unit of the last written digit, or one unit where the text rounded an intermediate value first, as said).

    python3 tests/corpus/notes/check_labels_round5.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round5.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp
from check_labels import check_entries, recorder, zero

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
mp.mp.dps = 30
RNG = np.random.default_rng(5)
TOL = 1e-9
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1-100)."""

x, y, t, a, b, c, lam = sp.symbols("x y t a b c lambda", real=True)
ENTRIES, label, nonclaim = recorder()
R = sp.Rational


def close(p, q) -> bool:
    return np.allclose(p, q, atol=TOL, rtol=0)


def rounds_to(exact, written, unit) -> bool:
    """The exact value lies within half a unit of the last written digit of ``written``."""
    return abs(sp.nsimplify(exact) - sp.nsimplify(written)) <= sp.nsimplify(unit) / 2


def near(exact, written, unit) -> bool:
    """Within one unit of the last written digit (an intermediate value rounded first, as the text does)."""
    return abs(sp.nsimplify(exact) - sp.nsimplify(written)) <= sp.nsimplify(unit)


# A random discrete joint law of (X, Y, Z) on a small grid: the witness for moment identities.
_vals = RNG.normal(size=(3, 4))
_p = RNG.random((4, 4, 4))
_p /= _p.sum()


def E(f):
    """E[f(X, Y, Z)] under the random joint law above (f takes three arrays)."""
    X, Y, Z = np.meshgrid(_vals[0], _vals[1], _vals[2], indexing="ij")
    return float(np.sum(_p * f(X, Y, Z)))


def cov(f, g):
    return E(lambda X, Y, Z: f(X, Y, Z) * g(X, Y, Z)) - E(f) * E(g)


# An independent law: the product of three random marginals.
_m = [RNG.random(4) for _ in range(3)]
_m = [m / m.sum() for m in _m]
_q = np.einsum("i,j,k->ijk", *_m)


def E_ind(f):
    X, Y, Z = np.meshgrid(_vals[0], _vals[1], _vals[2], indexing="ij")
    return float(np.sum(_q * f(X, Y, Z)))


_X = lambda X, Y, Z: X  # noqa: E731 - coordinate projections
_Y = lambda X, Y, Z: Y  # noqa: E731
_Z = lambda X, Y, Z: Z  # noqa: E731


def mats(n=4, k=4):
    return [RNG.normal(size=(n, n)) for _ in range(k)]


def orthogonal(n=4):
    q, _ = np.linalg.qr(RNG.normal(size=(n, n)))
    return q


def spd(n=4):
    m = RNG.normal(size=(n, n))
    return m @ m.T + n * np.eye(n)


def sigma(v):
    return 1 / (1 + sp.exp(-v))


# ---------------------------------------------------------------- openintro_inference_solutions.tex
OI = "openintro_inference_solutions.tex"
nonclaim(OI, 12, "example", "Z = -1.96, a value of the test statistic", pick="Z = -1.96")
nonclaim(OI, 13, "example", "Z = 1.96, the case shown")
label(OI, 15, "claim", "right", "exact: sqrt(0.3 * 0.7 / 90) = 0.04830..., 0.048 to three places", "",
      lambda: rounds_to(sp.sqrt(R(3, 10) * R(7, 10) / 90), R(48, 1000), R(1, 1000)))
label(OI, 18, "claim", "right", "exact: 1.96 = (p - 0.3)/0.048 solves to p = 0.39408, 0.394 to three places",
      "an equation in p-hat, solved", lambda: rounds_to(R(3, 10) + R(196, 100) * R(48, 1000), R(394, 1000),
                                                          R(1, 1000)))
label(OI, 20, "claim", "right", "exact: 0.3 - 1.96 * 0.048 = 0.20592, 0.206 to three places", "Z = -1.96",
      lambda: rounds_to(R(3, 10) - R(196, 100) * R(48, 1000), R(206, 1000), R(1, 1000)), pick="0.206")
nonclaim(OI, 104, "condition", "the hypotheses H_0: p = 0.5 and H_A: p != 0.5")
label(OI, 120, "claim", "right", "exact: with p_0 = 0.5 and n = 21 (the 21 jobs), 0.5 * 21 = (1 - 0.5) * 21 = 10.5",
      "p_0 = 0.5, n = 21", lambda: R(1, 2) * 21 == (1 - R(1, 2)) * 21 == R(21, 2))
label(OI, 124, "claim", "right", "exact: 19/21 = 0.90476 (0.905); sqrt(0.25/21) = 0.10911 (0.109); "
      "(0.905 - 0.5)/0.109 = 3.7156 (3.72)", "",
      lambda: rounds_to(R(19, 21), R(905, 1000), R(1, 1000)) and rounds_to(sp.sqrt(R(1, 4) / 21), R(109, 1000),
                                                                            R(1, 1000))
      and rounds_to((R(905, 1000) - R(1, 2)) / R(109, 1000), R(372, 100), R(1, 100)))
nonclaim(OI, 173, "example", "SE = 0.0243 given", pick="SE_")
nonclaim(OI, 173, "example", "p-hat = 0.12 given", pick="0.12")
label(OI, 174, "claim", "right", "exact: 0.04/0.0243 = 1.6461, 1.65 to two places", "",
      lambda: rounds_to(R(4, 100) / R(243, 10000), R(165, 100), R(1, 100)))
nonclaim(OI, 191, "no-claim", "a confidence interval written as 82% +- 2%")
label(OI, 201, "claim", "right", "exact: 1.96 sqrt(0.56 * 0.44 / 600) = 0.039720, 0.0397 to four places (about 4%)",
      "z* = 1.96, p-hat = 0.56, n = 600",
      lambda: rounds_to(R(196, 100) * sp.sqrt(R(56, 100) * R(44, 100) / 600), R(397, 10000), R(1, 10000)))
nonclaim(OI, 219, "condition", "the hypotheses H_0: p = 0.5 and H_A: p != 0.5")
nonclaim(OI, 223, "example", "p-hat = 0.55 given")
nonclaim(OI, 224, "example", "n = 617 given")
nonclaim(OI, 230, "example", "the null proportion p_0 = 0.5")
label(OI, 234, "claim", "right", "exact: sqrt(0.5 * 0.5 / 617) = 0.020129, 0.02 to two places", "p = p_0 = 0.5, n = 617",
      lambda: rounds_to(sp.sqrt(R(1, 4) / 617), R(2, 100), R(1, 100)))
label(OI, 242, "claim", "right", "exact: (0.55 - 0.5)/0.02 = 2.5", "", lambda: (R(55, 100) - R(1, 2)) / R(2, 100) == R(5, 2))
label(OI, 246, "claim", "right", "exact: 2 * 0.0062 = 0.0124", "", lambda: 2 * R(62, 10000) == R(124, 10000))
label(OI, 291, "claim", "right", "sympy: SE = sqrt(p(1 - p)/n) times 1.65 on both sides", "SE = sqrt(p(1-p)/n)",
      lambda: zero(R(165, 100) * sp.sqrt(x * (1 - x) / y) - R(165, 100) * sp.sqrt(x * (1 - x) / y)))
label(OI, 294, "claim", "right", "sympy: solveset of 1.65 sqrt(0.2475/n) <= 0.01 over n is [6738.1875, oo), the same "
      "as 1.65^2 * 0.2475 / 0.01^2 <= n (rows of a solved requirement)", "n > 0, the unknown sample size",
      lambda: sp.solveset(R(165, 100) * sp.sqrt(R(55, 100) * R(45, 100) / t) <= R(1, 100), t, sp.S.Reals)
      == sp.solveset(R(165, 100)**2 * R(55, 100) * R(45, 100) / R(1, 100)**2 <= t, t, sp.S.Reals))
label(OI, 322, "claim", "right", "exact: sqrt(0.79*0.21/347 + 0.55*0.45/617) = 0.029648, 0.03 to two places", "",
      lambda: rounds_to(sp.sqrt(R(79, 100) * R(21, 100) / 347 + R(55, 100) * R(45, 100) / 617), R(3, 100), R(1, 100)))
nonclaim(OI, 328, "example", "z* = 1.96, the 95% critical value")
label(OI, 329, "claim", "right", "exact: 0.24 -+ 1.96 * 0.03 = (0.1812, 0.2988), (0.181, 0.299) to three places",
      "", lambda: rounds_to(R(24, 100) - R(196, 100) * R(3, 100), R(181, 1000), R(1, 1000))
      and rounds_to(R(24, 100) + R(196, 100) * R(3, 100), R(299, 1000), R(1, 1000)))
label(OI, 364, "claim", "right", "exact: 286/827 = 0.34583, 0.346 to three places", "",
      lambda: rounds_to(R(286, 827), R(346, 1000), R(1, 1000)))
label(OI, 375, "claim", "right", "exact: 70/495 = 0.14141, 0.141 to three places", "",
      lambda: rounds_to(R(70, 495), R(141, 1000), R(1, 1000)))
label(OI, 404, "claim", "right", "exact: 36/240 = 0.15", "", lambda: R(36, 240) == R(15, 100), pick="0.15")
nonclaim(OI, 404, "example", "Z = 2.89, a test statistic reported", pick="2.89")

# ---------------------------------------------------------------- teitelbaum_logistic_regression.md
TL = "teitelbaum_logistic_regression.md"
nonclaim(TL, 16, "definition", "the logistic model: the log-odds of p is ax + b (an assumption)")
label(TL, 25, "claim", "right", "sympy: p/(1-p) = e^(ax+b) at p = 1/(1+e^(-ax-b)), the solution of the model",
      "log(p/(1-p)) = ax + b", lambda: zero((lambda p: p / (1 - p))(sigma(a * x + b)) - sp.exp(a * x + b)))
nonclaim(TL, 29, "example", "a = log 2, a concrete case")
label(TL, 33, "claim", "right", "sympy: log(p/(1-p)) = ax + b solved for p gives 1/(1+e^(-ax-b))",
      "log(p/(1-p)) = ax + b",
      lambda: zero(sp.log(sigma(a * x + b) / (1 - sigma(a * x + b))).expand(force=True) - (a * x + b)))
nonclaim(TL, 37, "definition", "defines the logistic function sigma")
label(TL, 45, "claim", "right", "sympy: 1/(1+e^(-(log 2)x)) = 1/(1+(1/2)^x)", "a = log 2, b = 0",
      lambda: zero(1 / (1 + sp.exp(-sp.log(2) * x)) - 1 / (1 + R(1, 2)**x)))
nonclaim(TL, 56, "definition", "the logistic model p(x) with parameters a, b")
nonclaim(TL, 70, "definition", "defines the likelihood L(a, b) of the table")
label(TL, 94, "claim", "right", "sympy: the log of prod p^y (1-p)^(1-y) is sum y log p + (1-y) log(1-p) (N = 3, "
      "positive p)", "up to the constant log C",
      lambda: zero(sp.expand_log(sp.log(sp.Mul(*[sp.Symbol(f"p{i}", positive=True)**sp.Symbol(f"y{i}", positive=True)
                                                 * sp.Symbol(f"r{i}", positive=True)**(1 - sp.Symbol(f"y{i}", positive=True))
                                                 for i in range(3)])), force=True)
                   - sum(sp.Symbol(f"y{i}", positive=True) * sp.log(sp.Symbol(f"p{i}", positive=True))
                         + (1 - sp.Symbol(f"y{i}", positive=True)) * sp.log(sp.Symbol(f"r{i}", positive=True))
                         for i in range(3))))
label(TL, 98, "claim", "right", "numpy: sum_i y_i log p_i + (1-y_i) log(1-p_i) equals the dot-product form",
      "Y a 0/1 vector, log applied entrywise",
      lambda: (lambda yv, pv: close(np.sum(yv * np.log(pv) + (1 - yv) * np.log(1 - pv)),
                                    yv @ np.log(pv) + (1 - yv) @ np.log(1 - pv)))(
          RNG.integers(0, 2, 7).astype(float), RNG.uniform(0.05, 0.95, 7)))
nonclaim(TL, 123, "definition", "p(X) = sigma(XM), the model in matrix form")
label(TL, 127, "claim", "wrong", "numpy: with p(X) = sigma(XM) the log-likelihood above is Y.log s + (1-Y).log(1-s); "
      "the text writes (1-Y).(1 - log s), which differs at a random point", "p(X) = sigma(XM)",
      lambda: (lambda yv, s: close(yv @ np.log(s) + (1 - yv) @ (1 - np.log(s)),
                                   yv @ np.log(s) + (1 - yv) @ np.log(1 - s)))(
          np.array([1.0, 0.0, 1.0, 0.0]), np.array([0.3, 0.6, 0.8, 0.45])))
label(TL, 144, "claim", "right", "sympy: d/dt f(x + t v) at t = 0 is sum_i f_i(x) v_i = grad f . v "
      "(f = x0^2 x1 + sin x1, k = 2)", "x_i(t) = x_i + t v_i",
      lambda: (lambda x0, x1, v0, v1: zero(
          sp.diff((x0 + t * v0)**2 * (x1 + t * v1) + sp.sin(x1 + t * v1), t).subs(t, 0)
          - (sp.diff(x0**2 * x1 + sp.sin(x1), x0) * v0 + sp.diff(x0**2 * x1 + sp.sin(x1), x1) * v1)))(
          *sp.symbols("x0 x1 v0 v1", real=True)))
nonclaim(TL, 154, "condition", "grad f != 0", pick="\\not=")
nonclaim(TL, 167, "update", "the gradient-descent iteration (an assignment)")
nonclaim(TL, 170, "condition", "the stopping rule |c^(n+1) - c^(n)| < epsilon")
nonclaim(TL, 173, "definition", "defines the example function f(x, y)")
nonclaim(TL, 176, "example", "sigma = 4 in the illustration")
nonclaim(TL, 179, "definition", "defines f(x) = 4x^3 - 6x^2")
label(TL, 181, "claim", "right", "sympy: d/dx (4x^3 - 6x^2) = 12x^2 - 12x", "f(x) = 4x^3 - 6x^2",
      lambda: zero(sp.diff(4 * x**3 - 6 * x**2, x) - (12 * x**2 - 12 * x)))
label(TL, 182, "claim", "right", "sympy: c - nu f'(c) = c - 12 nu (c^2 - c)", "f'(x) = 12x^2 - 12x",
      lambda: zero((c - sp.Symbol("nu") * (12 * c**2 - 12 * c)) - (c - 12 * sp.Symbol("nu") * (c**2 - c))))
nonclaim(TL, 187, "example", "x_0 = 2, the starting point", pick="x_0=2")
nonclaim(TL, 189, "example", "x = 1, the local minimum named")
nonclaim(TL, 203, "definition", "the log-likelihood L(M) restated (correctly) as the function to maximize")
label(TL, 215, "claim", "right", "sympy: d/dx 1/(1+e^-x) = sigma (1 - sigma)", "sigma(x) = 1/(1+e^-x)",
      lambda: zero(sp.diff(sigma(x), x) - sigma(x) * (1 - sigma(x))))
nonclaim(TL, 220, "definition", "the logistic function again")
label(TL, 223, "claim", "right", "sympy: 1 - 1/(1+e^-x) = e^-x/(1+e^-x)", "",
      lambda: zero(1 - sigma(x) - sp.exp(-x) / (1 + sp.exp(-x))))
label(TL, 227, "claim", "right", "sympy: each link of the chain, d sigma/dx = e^-x/(1+e^-x)^2 = sigma(1 - sigma)", "",
      lambda: zero(sp.diff(sigma(x), x) - sp.exp(-x) / (1 + sp.exp(-x))**2)
      and zero(sp.exp(-x) / (1 + sp.exp(-x))**2 - sigma(x) * (1 - sigma(x))))


def _grad_logistic():
    """numpy: the gradient of L(M) = Y.log s(XM) + (1-Y).log(1 - s(XM)) by central differences is -(s(XM)-Y)^T X."""
    X = RNG.normal(size=(6, 3))
    Y = RNG.integers(0, 2, 6).astype(float)
    M = RNG.normal(size=3)
    s = lambda m: 1 / (1 + np.exp(-X @ m))  # noqa: E731
    L = lambda m: Y @ np.log(s(m)) + (1 - Y) @ np.log(1 - s(m))  # noqa: E731
    h = 1e-6
    grad = np.array([(L(M + h * e) - L(M - h * e)) / (2 * h) for e in np.eye(3)])
    return np.allclose(-grad, (s(M) - Y) @ X, atol=1e-6)


label(TL, 236, "claim", "right", _grad_logistic.__doc__, "L(M) as at line 203", _grad_logistic)
label(TL, 262, "claim", "right", _grad_logistic.__doc__, "L(M) as at line 203", _grad_logistic)
nonclaim(TL, 271, "definition", "the logistic model p(x) again")
nonclaim(TL, 274, "example", "a = 1, the initial guess", pick="a=1")
nonclaim(TL, 285, "definition", "the logistic model for an image vector x")
nonclaim(TL, 289, "condition", "the decision rule p(x) > p_0")
nonclaim(TL, 290, "example", "p_0 = .5, the natural threshold")
nonclaim(TL, 332, "definition", "defines the softmax probabilities p_t(x; M)")
label(TL, 344, "claim", "right", "sympy: log prod p_s^(y_s) = sum y_s log p_s (r = 3, positive p)", "",
      lambda: zero(sp.expand_log(sp.log(sp.Mul(*[sp.Symbol(f"p{s}", positive=True)**sp.Symbol(f"y{s}", positive=True)
                                                 for s in range(3)])), force=True)
                   - sum(sp.Symbol(f"y{s}", positive=True) * sp.log(sp.Symbol(f"p{s}", positive=True))
                         for s in range(3))))
label(TL, 357, "claim", "right", "numpy: with two classes the softmax probabilities sum to one, p_1 = 1 - p_0",
      "two classes", lambda: (lambda z: close(np.exp(z[1]) / np.exp(z).sum(), 1 - np.exp(z[0]) / np.exp(z).sum()))(
          RNG.normal(size=2)))

# ---------------------------------------------------------------- math4ml_hpi_linear_algebra_probability.md
MM = "math4ml_hpi_linear_algebra_probability.md"
nonclaim(MM, 22, "definition", "defines the expectation of a discrete X")
nonclaim(MM, 26, "definition", "defines the expectation of a continuous X")
label(MM, 40, "claim", "right", "numpy, a random dependent joint law: E[a X + b Y + c Z + beta] = a E X + b E Y + c E Z "
      "+ beta", "", lambda: close(E(lambda X, Y, Z: 2 * X - 3 * Y + 0.5 * Z + 4), 2 * E(_X) - 3 * E(_Y) + 0.5 * E(_Z) + 4))
label(MM, 46, "claim", "right", "numpy, a random product law: E[XYZ] = E X E Y E Z", "X_i independent",
      lambda: close(E_ind(lambda X, Y, Z: X * Y * Z), E_ind(_X) * E_ind(_Y) * E_ind(_Z)))
nonclaim(MM, 54, "definition", "defines the covariance")
label(MM, 61, "claim", "right", "numpy, a random joint law: E[(X-EX)(Y-EY)] = E[XY] - EX EY", "",
      lambda: close(E(lambda X, Y, Z: (X - E(_X)) * (Y - E(_Y))), E(lambda X, Y, Z: X * Y) - E(_X) * E(_Y)))
label(MM, 64, "claim", "right", "numpy: Var X = E[(X - EX)^2] = Cov(X, X)", "",
      lambda: close(E(lambda X, Y, Z: (X - E(_X))**2), cov(_X, _X)))
label(MM, 68, "claim", "right", "numpy, a random joint law: both bilinearity rows with alpha = 2, beta = -3", "",
      lambda: close(cov(lambda X, Y, Z: 2 * X - 3 * Y, _Z), 2 * cov(_X, _Z) - 3 * cov(_Y, _Z))
      and close(cov(_X, lambda X, Y, Z: 2 * Y - 3 * Z), 2 * cov(_X, _Y) - 3 * cov(_X, _Z)))
nonclaim(MM, 77, "definition", "defines the correlation")
nonclaim(MM, 94, "definition", "the random vector X written out")
nonclaim(MM, 103, "definition", "defines the expectation of a random vector")
label(MM, 107, "claim", "right", "numpy: E[(X - EX)(X - EX)^T] has entries Cov(X_i, X_j) (three components)", "",
      lambda: close(np.array([[E(lambda X, Y, Z, f=f, g=g: (f(X, Y, Z) - E(f)) * (g(X, Y, Z) - E(g)))
                               for g in (_X, _Y, _Z)] for f in (_X, _Y, _Z)]),
                    np.array([[cov(f, g) for g in (_X, _Y, _Z)] for f in (_X, _Y, _Z)])))
nonclaim(MM, 114, "definition", "Sigma_ij = Cov(X_i, X_j), the entries named")


def _psd_chain():
    """numpy: x^T Sigma x = E[((X - EX)^T x)^2] >= 0 on a sample law of a random 3-vector"""
    samples = RNG.normal(size=(50, 3)) @ RNG.normal(size=(3, 3))
    centred = samples - samples.mean(axis=0)
    Sigma = centred.T @ centred / len(samples)
    v = RNG.normal(size=3)
    return close(v @ Sigma @ v, np.mean((centred @ v)**2)) and v @ Sigma @ v >= 0


label(MM, 118, "claim", "right", _psd_chain.__doc__, "the expectation over the law of X", _psd_chain)
nonclaim(MM, 127, "definition", "defines the trace")
_A, _B, _C, _D = mats()
label(MM, 131, "claim", "right", "numpy: tr(A + B) = tr A + tr B (random 4x4)", "",
      lambda: close(np.trace(_A + _B), np.trace(_A) + np.trace(_B)))
label(MM, 133, "claim", "right", "numpy: tr(2.5 A) = 2.5 tr A", "", lambda: close(np.trace(2.5 * _A), 2.5 * np.trace(_A)))
label(MM, 135, "claim", "right", "numpy: tr(A^T) = tr A", "", lambda: close(np.trace(_A.T), np.trace(_A)))
label(MM, 137, "claim", "right", "numpy: tr(ABCD) = tr(BCDA) = tr(CDAB) = tr(DABC)", "square matrices",
      lambda: all(close(np.trace(_A @ _B @ _C @ _D), np.trace(p)) for p in (_B @ _C @ _D @ _A, _C @ _D @ _A @ _B,
                                                                            _D @ _A @ _B @ _C)))
label(MM, 142, "claim", "right", "numpy: tr(ABCD) != tr(BACD) for random matrices (the 'in general')", "",
      lambda: not close(np.trace(_A @ _B @ _C @ _D), np.trace(_B @ _A @ _C @ _D)))
label(MM, 148, "claim", "right", "numpy: tr A = sum of the eigenvalues (complex, with multiplicity)", "",
      lambda: close(np.trace(_A), np.sum(np.linalg.eigvals(_A)).real))
_Q = orthogonal()
label(MM, 158, "claim", "right", "numpy: Q^T Q = Q Q^T = I for Q from a QR factorisation", "Q orthogonal",
      lambda: close(_Q.T @ _Q, np.eye(4)) and close(_Q @ _Q.T, np.eye(4)))
label(MM, 160, "claim", "right", "numpy: Q^T = Q^-1", "Q orthogonal", lambda: close(_Q.T, np.linalg.inv(_Q)))
_u, _v = RNG.normal(size=4), RNG.normal(size=4)
label(MM, 163, "claim", "right", "numpy: (Qx)^T (Qy) = x^T Q^T Q y = x^T y", "Q orthogonal",
      lambda: close((_Q @ _u) @ (_Q @ _v), _u @ _v) and close(_u @ _Q.T @ _Q @ _v, _u @ _v))
label(MM, 167, "claim", "right", "numpy: ||Qx|| = sqrt((Qx)^T Qx) = sqrt(x^T x) = ||x||", "Q orthogonal",
      lambda: close(np.linalg.norm(_Q @ _u), np.sqrt(_u @ _u)))
label(MM, 180, "claim", "right", "numpy, central differences: grad_x a^T x = a and grad_x x^T A x = (A + A^T) x", "",
      lambda: close(np.array([((_v @ (_u + 1e-6 * e)) - (_v @ (_u - 1e-6 * e))) / 2e-6 for e in np.eye(4)]), _v)
      and np.allclose(np.array([(((_u + 1e-6 * e) @ _A @ (_u + 1e-6 * e)) - ((_u - 1e-6 * e) @ _A @ (_u - 1e-6 * e)))
                                / 2e-6 for e in np.eye(4)]), (_A + _A.T) @ _u, atol=1e-6))
nonclaim(MM, 191, "condition", "x^T A x >= 0, the definition of positive semi-definite",
         pick="\\geq 0")
nonclaim(MM, 196, "condition", "x^T A x > 0, the definition of positive definite", pick="> 0")
_S = spd()
_w, _V = np.linalg.eigh(_S)
label(MM, 218, "claim", "right", "numpy: for an eigenvector x of a PSD A, 0 <= x^T A x = lambda x^T x = lambda ||x||^2",
      "x an eigenvector, A positive semi-definite",
      lambda: 0 <= _V[:, 0] @ _S @ _V[:, 0] and close(_V[:, 0] @ _S @ _V[:, 0], _w[0] * (_V[:, 0] @ _V[:, 0])))
label(MM, 221, "claim", "right", "exact: ||x||^2 = sum x_i^2 > 0 when some x_i != 0", "x != 0",
      lambda: sp.Add(*[sp.Symbol(f"x{i}", real=True)**2 for i in range(3)]).subs(sp.Symbol("x0", real=True), 1)
      .is_positive)
label(MM, 267, "claim", "right", "numpy: x^T (A^T A) x = (Ax)^T (Ax) = ||Ax||^2 >= 0 (A 5x4)", "",
      lambda: (lambda M: close(_u @ (M.T @ M) @ _u, np.linalg.norm(M @ _u)**2))(RNG.normal(size=(5, 4))))
_G = RNG.normal(size=(4, 2))
_P = _G @ _G.T  # positive semi-definite, singular
label(MM, 301, "claim", "right", "numpy: x^T (A + eps I) x = x^T A x + eps ||x||^2 > 0 (A = G G^T PSD, eps = 0.1)",
      "A PSD, eps > 0, x != 0",
      lambda: close(_u @ (_P + 0.1 * np.eye(4)) @ _u, _u @ _P @ _u + 0.1 * (_u @ _u))
      and _u @ (_P + 0.1 * np.eye(4)) @ _u > 0)
_half = _V @ np.diag(np.sqrt(_w)) @ _V.T
label(MM, 326, "claim", "right", "numpy: Q Lambda^(1/2) Q^T squared is A (A positive definite)", "A = Q Lambda Q^T",
      lambda: close(_half @ _half, _S))
nonclaim(MM, 329, "definition", "Lambda^(1/2) = diag(sqrt(lambda_i))")
label(MM, 333, "claim", "right", "numpy: A^(1/2) A^(1/2) = A", "A^(1/2) = Q Lambda^(1/2) Q^T", lambda: close(_half @ _half, _S))
label(MM, 337, "claim", "right", "numpy: x^T A x = x^T A^(1/2) A^(1/2) x = ||A^(1/2) x||^2 (the level c is that value)",
      "A^(1/2) symmetric", lambda: close(_u @ _S @ _u, np.linalg.norm(_half @ _u)**2))
label(MM, 352, "claim", "right", "numpy: (Q Lambda^(-1/2) Q^T) is the inverse of A^(1/2)", "A = Q Lambda Q^T",
      lambda: close(_V @ np.diag(1 / np.sqrt(_w)) @ _V.T @ _half, np.eye(4)))
label(MM, 355, "claim", "right", "numpy: A^(-1/2) (sqrt(c) z_hat) = sqrt(c) Q Lambda^(-1/2) (Q^T z_hat)",
      "z = sqrt(c) z_hat, z_tilde = Q^T z_hat",
      lambda: close(_V @ np.diag(1 / np.sqrt(_w)) @ _V.T @ (2.0 * _u), 2.0 * _V @ np.diag(1 / np.sqrt(_w)) @ (_V.T @ _u)))
label(MM, 375, "claim", "right", "numpy: Q e_i = sum_j [e_i]_j q_j = q_i (the i-th column)", "q_j the columns of Q",
      lambda: close(_Q @ np.eye(4)[:, 2], _Q[:, 2]))

# ---------------------------------------------------------------- cs228_probability_review.md
CS = "cs228_probability_review.md"
nonclaim(CS, 19, "condition", "the first axiom, P(A) >= 0 for every event")
nonclaim(CS, 20, "definition", "the second axiom, P(Omega) = 1")
_events = RNG.random(8)
_events /= _events.sum()
_A_ev = np.array([1, 1, 0, 1, 0, 0, 1, 0], bool)
_B_ev = np.array([0, 1, 1, 1, 0, 1, 0, 0], bool)
label(CS, 29, "claim", "right", "numpy, a random law on 8 outcomes: P(A and B) <= min(P(A), P(B))", "",
      lambda: _events[_A_ev & _B_ev].sum() <= min(_events[_A_ev].sum(), _events[_B_ev].sum()))
nonclaim(CS, 38, "definition", "defines the conditional probability")
nonclaim(CS, 40, "condition", "independence of two events (a definition)")
nonclaim(CS, 41, "condition", "independence, the equivalent form")
nonclaim(CS, 71, "definition", "defines the CDF")
label(CS, 78, "claim", "right", "numpy: an empirical CDF lies in [0, 1]", "",
      lambda: (lambda s: all(0 <= np.mean(s <= q) <= 1 for q in np.linspace(-3, 3, 13)))(RNG.normal(size=100)))
label(CS, 79, "claim", "right", "mpmath: the normal CDF tends to 0 at -oo", "",
      lambda: abs(mp.ncdf(-40)) < mp.mpf(10)**-300)
label(CS, 80, "claim", "right", "mpmath: the normal CDF tends to 1 at +oo", "", lambda: abs(1 - mp.ncdf(40)) < 1e-300)
nonclaim(CS, 89, "definition", "defines the PMF")
label(CS, 94, "claim", "right", "numpy: a PMF's values lie in [0, 1]", "", lambda: bool(np.all((_events >= 0) & (_events <= 1))))
label(CS, 95, "claim", "right", "numpy: a PMF sums to 1", "", lambda: close(_events.sum(), 1.0))
nonclaim(CS, 101, "definition", "defines the PDF as the derivative of the CDF")
nonclaim(CS, 109, "no-claim", "a remark: a density value is not a probability")
label(CS, 112, "claim", "right", "mpmath: the normal density is positive (a PDF is nonnegative)", "",
      lambda: all(mp.npdf(q) >= 0 for q in (-5, 0, 3)))
label(CS, 113, "claim", "right", "mpmath: the normal density integrates to 1 (dx omitted in the text)", "",
      lambda: abs(mp.quad(mp.npdf, [-mp.inf, mp.inf]) - 1) < TOL)
nonclaim(CS, 121, "definition", "defines E[g(X)] for a discrete X")
nonclaim(CS, 125, "definition", "defines E[g(X)] for a continuous X")
_xs = RNG.normal(size=8)
label(CS, 130, "claim", "right", "numpy: E[a] = a for a constant", "", lambda: close(np.sum(_events * 3.5), 3.5),
      pick="E[a] = a")
label(CS, 131, "claim", "right", "numpy: E[a f(X)] = a E[f(X)] (f = sin, a = -2)", "",
      lambda: close(np.sum(_events * -2 * np.sin(_xs)), -2 * np.sum(_events * np.sin(_xs))), pick="aE[f(X)]")
label(CS, 132, "claim", "right", "numpy: E[f(X) + g(X)] = E f + E g (f = sin, g = square)", "",
      lambda: close(np.sum(_events * (np.sin(_xs) + _xs**2)), np.sum(_events * np.sin(_xs)) + np.sum(_events * _xs**2)))
label(CS, 133, "claim", "right", "numpy: E[1{X = k}] = P(X = k)", "X discrete",
      lambda: close(np.sum(_events * (np.arange(8) == 3)), _events[3]))
nonclaim(CS, 138, "definition", "defines the variance")
label(CS, 142, "claim", "right", "sympy: expanding E[(X - m)^2] with E X = m, E X^2 = s: each link equals s - m^2", "",
      lambda: zero((lambda m, s: (s - 2 * m * m + m**2) - (s - m**2))(*sp.symbols("m s"))))
label(CS, 148, "claim", "right", "numpy: Var of a constant is 0", "", lambda: close(np.sum(_events * (3.5 - 3.5)**2), 0.0),
      pick="Var[a] = 0")
label(CS, 149, "claim", "right", "numpy: Var[a f(X)] = a^2 Var[f(X)] (a = -2, f = sin)", "",
      lambda: (lambda f: close(np.sum(_events * (-2 * f - np.sum(_events * -2 * f))**2),
                               4 * np.sum(_events * (f - np.sum(_events * f))**2)))(np.sin(_xs)),
      pick="a^2 Var")
label(CS, 153, "claim", "right", "sympy: int_0^1 x dx = 1/2", "X ~ Uniform(0, 1)",
      lambda: sp.integrate(x, (x, 0, 1)) == R(1, 2))
label(CS, 155, "claim", "right", "sympy: int_0^1 x^2 dx = 1/3", "X ~ Uniform(0, 1)",
      lambda: sp.integrate(x**2, (x, 0, 1)) == R(1, 3))
label(CS, 157, "claim", "right", "exact: 1/3 - 1/4 = 1/12", "X ~ Uniform(0, 1)", lambda: R(1, 3) - R(1, 4) == R(1, 12))
label(CS, 188, "claim", "right", "sympy: p(1-p)^(x-1) sums to 1 over x >= 1 (p = 1/3), the geometric pmf", "0 < p <= 1",
      lambda: sp.summation(R(1, 3) * R(2, 3)**(sp.Symbol("k", integer=True) - 1),
                           (sp.Symbol("k", integer=True), 1, sp.oo)) == 1)
label(CS, 192, "claim", "wrong", "sympy: e^lambda lambda^x / x! sums to e^(2 lambda) over x >= 0, not 1; the Poisson "
      "pmf is e^(-lambda) lambda^x / x!", "lambda > 0",
      lambda: zero(sp.summation(sp.exp(lam) * lam**sp.Symbol("k", integer=True) / sp.factorial(sp.Symbol("k", integer=True)),
                                (sp.Symbol("k", integer=True), 0, sp.oo)) - 1))
nonclaim(CS, 223, "definition", "defines the joint CDF")
label(CS, 234, "claim", "right", "numpy: an empirical joint CDF lies in [0, 1]", "",
      lambda: (lambda s: all(0 <= np.mean((s[:, 0] <= q) & (s[:, 1] <= q)) <= 1 for q in (-1, 0, 2)))(
          RNG.normal(size=(50, 2))))
label(CS, 235, "claim", "right", "mpmath: Phi(x) Phi(y) -> 1 as x, y -> oo (independent normals)", "",
      lambda: abs(1 - mp.ncdf(40) * mp.ncdf(40)) < 1e-300)
label(CS, 236, "claim", "right", "mpmath: Phi(x) Phi(y) -> 0 as x, y -> -oo (independent normals)", "",
      lambda: abs(mp.ncdf(-40) * mp.ncdf(-40)) < 1e-300)
label(CS, 237, "claim", "right", "mpmath: for independent normals F_XY(x, y) = Phi(x) Phi(y) -> Phi(x) as y -> oo", "",
      lambda: abs(mp.ncdf(0.3) * mp.ncdf(40) - mp.ncdf(0.3)) < 1e-300)
nonclaim(CS, 242, "definition", "defines the joint PMF")
label(CS, 246, "claim", "right", "numpy: a random joint PMF sums to 1 over both variables", "",
      lambda: close(_p.sum(axis=2).sum(), 1.0))
label(CS, 250, "claim", "right", "numpy: summing a joint PMF over y gives the marginal of X", "",
      lambda: close(_p.sum(axis=(1, 2)), np.array([np.sum(_p[i]) for i in range(4)])))
nonclaim(CS, 261, "definition", "defines the joint density")
label(CS, 270, "claim", "right", "mpmath: a joint density (independent normals) integrates to 1", "",
      lambda: abs(mp.quad(lambda u, v: mp.npdf(u) * mp.npdf(v), [-mp.inf, mp.inf], [-mp.inf, mp.inf]) - 1) < 1e-9)
nonclaim(CS, 273, "definition", "defines the marginal density")
nonclaim(CS, 311, "condition", "independence: the joint CDF factorises (definition)")
nonclaim(CS, 312, "condition", "independence: the joint PMF factorises", pick="p_X(x)p_Y(y)")
nonclaim(CS, 314, "condition", "independence: the joint density factorises", pick="f_X(x)f_Y(y)")
label(CS, 320, "claim", "right", "numpy, a product law: P(X in A, Y in B) = P(X in A) P(Y in B)", "X, Y independent",
      lambda: close(_q.sum(axis=2)[np.ix_([0, 2], [1, 3])].sum(), _m[0][[0, 2]].sum() * _m[1][[1, 3]].sum()))
nonclaim(CS, 328, "definition", "defines E[g(X, Y)] for discrete X, Y")
nonclaim(CS, 333, "definition", "defines E[g(X, Y)] for continuous X, Y")
label(CS, 343, "claim", "right", "numpy, a random joint law: Cov = E[(X-EX)(Y-EY)] = E[XY] - EX EY (the middle links "
      "expand the same product; a stray ] in the text)", "",
      lambda: close(cov(_X, _Y), E(lambda X, Y, Z: (X - E(_X)) * (Y - E(_Y)))))
label(CS, 354, "claim", "right", "numpy, a random joint law: Var[X + Y] = Var X + Var Y + 2 Cov", "",
      lambda: close(cov(lambda X, Y, Z: X + Y, lambda X, Y, Z: X + Y), cov(_X, _X) + cov(_Y, _Y) + 2 * cov(_X, _Y)))
label(CS, 355, "claim", "right", "numpy, a product law: Cov[X, Y] = 0", "X, Y independent",
      lambda: close(E_ind(lambda X, Y, Z: X * Y) - E_ind(_X) * E_ind(_Y), 0.0))
label(CS, 356, "claim", "right", "numpy, a product law: E[f(X) g(Y)] = E f(X) E g(Y) (f = sin, g = exp)",
      "X, Y independent",
      lambda: close(E_ind(lambda X, Y, Z: np.sin(X) * np.exp(Y)), E_ind(lambda X, Y, Z: np.sin(X))
                    * E_ind(lambda X, Y, Z: np.exp(Y))))


def _blocks(text: str, tex: bool):
    """(line, inner text) of every formula block: round 3's finder (check_labels_round3._blocks), with Pandoc's rule
    for inline ``$`` (Teitelbaum writes ``$a=log(2)=$.6931$``) and an unpaired last ``$`` ending the search."""
    from check_labels_round3 import _OPEN, _masked

    masked, out, i = _masked(text, tex), [], 0
    while True:
        m = _OPEN.search(masked, i)
        if m is None:
            return out
        token, start = m.group(0), m.start()
        if token in ("$$", "\\["):
            j = masked.find("$$" if token == "$$" else "\\]", m.end())
            out.append((masked.count("\n", 0, start) + 1, text[m.end():j]))
            i = j + 2
        elif token.startswith("\\begin"):
            j = masked.find("\\end{" + m.group(1), m.end())
            j = masked.find("}", j) + 1
            out.append((masked.count("\n", 0, start) + 1, text[start:j]))
            i = j
        else:  # an inline $...$: opened before a non-space, closed after one and not before a digit (Pandoc's rule)
            if masked[m.end():m.end() + 1].isspace():
                i = m.end()
                continue
            j = m.end()
            while j < len(masked) and (masked[j] != "$" or masked[j - 1] in "\\ \n"
                                       or masked[j + 1:j + 2].isdigit()):
                j += 1
            if j >= len(masked):
                return out
            out.append((masked.count("\n", 0, start) + 1, text[m.end():j]))
            i = j + 1


def _latex(entry) -> str:
    """The block an entry names: the one on its line (``pick``: the one whose text contains it)."""
    path = HERE / entry["file"]
    found = [inner for line, inner in _blocks(path.read_text(encoding="utf-8"), path.suffix == ".tex")
             if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if entry["pick"] in inner]
    elif len(found) > 1:  # several inline formulas on the line: the one that states something
        found = [inner for inner in found if re.search(r"[=<>]|\\in\b|\\[lg]eq?\b|\\ne", inner)]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
