r"""Independent checks of the hand labels of planted_mistakes_19.md (round 53, branch caught42): linear maps of a
random vector, conditioning a bivariate Gaussian, a Gaussian process with one observation, least-squares and ridge
gradients, traces and determinants with their derivatives, and the moments of a few named laws.  Labelled before
Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and carries a check
written by hand with sympy, numpy or mpmath that returns True when the block's claim holds as its author means it.
Matrix identities are checked on random matrices (numpy, seeded) and compared entry by entry with ``arrays_close``
(relative 1e-9: float64 round-off on these 3x3 and 4x4 products is about 1e-14, a wrong identity errs by O(1));
derivatives with respect to a matrix are checked by central differences (step 1e-6, tolerance 1e-6: the truncation
error of a central difference is O(h^2) = 1e-12 times the third derivative, round-off about 1e-16/1e-6 = 1e-10).
Moments of the named laws are integrals of their densities at 30 digits (mpmath).  Nothing from Formulary is
imported.

    python3 tests/corpus/notes/check_labels_round53.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round53.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import arrays_close, check_entries, display_line, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_19.md"
LINES = (HERE / PM).read_text(encoding="utf-8").splitlines()
RNG = np.random.default_rng(53)
STEP = 1e-6
"""Central-difference step for derivatives in a matrix (error O(STEP^2) from truncation, 1e-16/STEP from round-off)."""
DIFF_TOL = 1e-6


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def _random_law(n=3):
    """A random mean and a random positive definite covariance."""
    mu = RNG.normal(size=n)
    root = RNG.normal(size=(n, n))
    sigma = root @ root.T + n * np.eye(n)
    return mu, sigma


def _empirical(mu, sigma, count=50):
    """``count`` points whose empirical mean and covariance (divisor count) are exactly ``mu`` and ``sigma``: the
    law the claims about E and Cov are checked on (any law with these moments would do)."""
    z = RNG.normal(size=(count, len(mu)))
    z -= z.mean(axis=0)
    cov = z.T @ z / count
    z = z @ np.linalg.inv(np.linalg.cholesky(cov)).T  # now z has identity covariance
    return mu + z @ np.linalg.cholesky(sigma).T


def _mean_cov(points):
    centred = points - points.mean(axis=0)
    return points.mean(axis=0), centred.T @ centred / len(points)


def _grad(f, A):
    """The matrix of partial derivatives of the scalar f at A (central differences)."""
    out = np.zeros_like(A)
    for i in range(A.shape[0]):
        for j in range(A.shape[1]):
            E = np.zeros_like(A)
            E[i, j] = STEP
            out[i, j] = (f(A + E) - f(A - E)) / (2 * STEP)
    return out


def _close_grad(g, h):
    return bool(np.all(np.abs(g - h) <= DIFF_TOL * (1 + np.abs(h))))


# ---------------------------------------------------------------- 1. linear maps of a random vector
def _affine_mean():
    mu, sigma = _random_law()
    pts = _empirical(mu, sigma)
    A, b = RNG.normal(size=(2, 3)), RNG.normal(size=2)
    return arrays_close((pts @ A.T + b).mean(axis=0), A @ mu + b)


def _affine_cov():
    mu, sigma = _random_law()
    pts = _empirical(mu, sigma)
    A, b = RNG.normal(size=(2, 3)), RNG.normal(size=2)
    return arrays_close(_mean_cov(pts @ A.T + b)[1], A @ sigma @ A.T)


def _projection_var():
    mu, sigma = _random_law()
    pts = _empirical(mu, sigma)
    a = RNG.normal(size=3)
    return arrays_close(_mean_cov((pts @ a)[:, None])[1][0, 0], a @ sigma @ a)


S2 = np.array([[2.0, 1.0], [1.0, 3.0]])
A2 = np.array([[1.0, 1.0], [0.0, 2.0]])
label(PM, _line(r"\mathbb{E}[Ax + b] = A\mu + b"), "claim", "right",
      "numpy: the mean of A x + b over a 50-point law with mean mu is A mu + b", "", _affine_mean)
label(PM, _line(r"\mathrm{Cov}(Ax + b) = A \Sigma A^T"), "claim", "right",
      "numpy: the covariance of A x + b over a 50-point law with covariance Sigma is A Sigma A^T", "", _affine_cov)
label(PM, _line(r"\mathrm{Var}(a^T x) = a^T \Sigma a"), "claim", "right",
      "numpy: the variance of a^T x over a 50-point law with covariance Sigma is a^T Sigma a", "", _projection_var)
label(PM, _line(r"a^T \Sigma a = 3"), "claim", "right", "exact: (1, -1) [[2, 1], [1, 3]] (1, -1)^T = 2 - 2 + 3 = 3",
      "Sigma = [[2, 1], [1, 3]], a = (1, -1)",
      lambda: sp.Matrix([[1, -1]]) * sp.Matrix(S2.astype(int)) * sp.Matrix([1, -1]) == sp.Matrix([[3]]))
label(PM, _line(r"\mathrm{Cov}(Ax) = \begin{pmatrix} 2 & 4 \\ 4 & 18 \end{pmatrix}"), "claim", "wrong",
      "exact: A Sigma A^T = [[7, 8], [8, 12]]; [[2, 4], [4, 18]] is A^T Sigma A", "A = [[1, 1], [0, 2]]",
      lambda: sp.Matrix(A2.astype(int)) * sp.Matrix(S2.astype(int)) * sp.Matrix(A2.astype(int)).T
      == sp.Matrix([[2, 4], [4, 18]]))

# ---------------------------------------------------------------- 2. conditioning a bivariate Gaussian
m1, m2, x2 = sp.symbols("mu_1 mu_2 x_2", real=True)
s1, s2 = sp.symbols("sigma_1 sigma_2", positive=True)
rho = sp.symbols("rho", real=True)


def _conditional(S11, S12, S22, mean1, mean2, value):
    """Mean and variance of x_1 given x_2 = value, from the joint density by integration (sympy): the density of
    x_1 at x_2 = value, normalised, and its first two moments."""
    u = sp.symbols("u", real=True)
    S = sp.Matrix([[S11, S12], [S12, S22]])
    d = sp.Matrix([u - mean1, value - mean2])
    kernel = sp.exp(-(d.T * S.inv() * d)[0] / 2)
    mass = sp.integrate(kernel, (u, -sp.oo, sp.oo))
    mean = sp.simplify(sp.integrate(u * kernel, (u, -sp.oo, sp.oo)) / mass)
    second = sp.simplify(sp.integrate(u**2 * kernel, (u, -sp.oo, sp.oo)) / mass)
    return mean, sp.simplify(second - mean**2)


def _at_values(claim_mean, claim_var, which):
    """The claim against the integrated conditional moments at a few exact parameter values."""
    for S11, S12, S22, a, b, v in ((4, 2, 2, 0, 0, 1), (3, -1, 5, 1, 2, -3), (sp.Rational(1, 2), sp.Rational(1, 3), 2, 0, 1, 2)):
        mean, var = _conditional(S11, S12, S22, a, b, v)
        got = {"mean": claim_mean, "var": claim_var}[which](S11, S12, S22, a, b, v)
        truth = mean if which == "mean" else var
        if not zero(got - truth):
            return False
    return True


def _rho_form_mean(S11, S12, S22, a, b, v):
    sd1, sd2 = sp.sqrt(S11), sp.sqrt(S22)
    r = S12 / (sd1 * sd2)
    return a + r * sd1 / sd2 * (v - b)


def _rho_form_var(S11, S12, S22, a, b, v):
    r = S12 / (sp.sqrt(S11) * sp.sqrt(S22))
    return S11 * (1 - r**2)


label(PM, _line(r"\mathbb{E}[x_1 \mid x_2] = \mu_1 + \rho \frac{\sigma_1}{\sigma_2} (x_2 - \mu_2)"), "claim", "right",
      "sympy: the mean of the normalised joint density at x_2 fixed, at three exact parameter sets", "",
      lambda: _at_values(_rho_form_mean, None, "mean"))
label(PM, _line(r"\mathrm{Var}(x_1 \mid x_2) = \sigma_1^2 (1 - \rho^2)"), "claim", "right",
      "sympy: the variance of the normalised joint density at x_2 fixed, at three exact parameter sets", "",
      lambda: _at_values(None, _rho_form_var, "var"))
label(PM, _line(r"\mathrm{Var}(x_1 \mid x_2) = \Sigma_{11} - \frac{\Sigma_{12}^2}{\Sigma_{11}}"), "claim", "wrong",
      "sympy: at Sigma = [[3, -1], [-1, 5]] the conditional variance is 3 - 1/5 = 14/5, the text's 3 - 1/3 = 8/3 "
      "(Sigma_22 belongs in the denominator)", "",
      lambda: _at_values(None, lambda S11, S12, S22, a, b, v: S11 - sp.Rational(S12) ** 2 / sp.Rational(S11), "var"))
label(PM, _line(r"\mathbb{E}[x_1 \mid x_2 = 1] = \frac{\Sigma_{12}}{\Sigma_{22}} \cdot 1 = 1"), "claim", "right",
      "sympy: the conditional mean at Sigma = [[4, 2], [2, 2]], mu = 0, x_2 = 1 is 1 (and 2/2 * 1 = 1)", "",
      lambda: _conditional(4, 2, 2, 0, 0, 1)[0] == 1 and sp.Rational(2, 2) * 1 == 1)
label(PM, _line(r"\Sigma_{11} - \frac{\Sigma_{12}^2}{\Sigma_{22}} = 2"), "claim", "right",
      "sympy: 4 - 4/2 = 2, the conditional variance of the integrated density", "Sigma_11 = 4, Sigma_12 = 2, Sigma_22 = 2",
      lambda: 4 - sp.Rational(4, 2) == 2 and _conditional(4, 2, 2, 0, 0, 1)[1] == 2)

# ---------------------------------------------------------------- 3. a Gaussian process with one observation
xa, xb, xs, x1, y = sp.symbols("x x' x_* x_1 y", real=True)
sf, ell, sn = sp.symbols("sigma_f ell sigma_n", positive=True)


def k(u, v, amplitude=sf):
    return amplitude**2 * sp.exp(-(u - v) ** 2 / (2 * ell**2))


def _posterior(test, amplitude=sf):
    """Mean and variance of f(test) given y = f(x_1) + noise, from the 2x2 joint Gaussian (the Schur complement
    written out by sympy's matrix inverse, not the formula the notes state)."""
    K = sp.Matrix([[k(test, test, amplitude), k(test, x1, amplitude)],
                   [k(x1, test, amplitude), k(x1, x1, amplitude) + sn**2]])
    # precision matrix; the conditional of the first coordinate given the second:
    P = K.inv()
    var = 1 / P[0, 0]
    mean = -P[0, 1] / P[0, 0] * y
    return sp.simplify(mean), sp.simplify(var)


nonclaim(PM, _line(r"k(x, x') = \sigma_f^2 \exp\left( -\frac{(x - x')^2}{2 \ell^2} \right)"), "definition",
         "the squared-exponential kernel")
label(PM, _line(r"k(x, x') = k(x', x)"), "claim", "right", "sympy: (x - x')^2 = (x' - x)^2", "",
      lambda: zero(k(xa, xb) - k(xb, xa)))
label(PM, _line(r"k(x, x) = \sigma_f^2"), "claim", "right", "sympy: exp(0) = 1", "", lambda: zero(k(xa, xa) - sf**2))
label(PM, _line(r"m(x_*) = \frac{k(x_*, x_1)}{k(x_1, x_1) + \sigma_n^2} \, y"), "claim", "right",
      "sympy: the conditional mean from the inverse of the 2x2 joint covariance", "",
      lambda: zero(_posterior(xs)[0] - k(xs, x1) / (k(x1, x1) + sn**2) * y))
label(PM, _line(r"s^2(x_*) = k(x_*, x_*) - \frac{k(x_*, x_1)^2}{k(x_1, x_1) + \sigma_n^2}"), "claim", "right",
      "sympy: the conditional variance from the inverse of the 2x2 joint covariance", "",
      lambda: zero(_posterior(xs)[1] - (k(xs, xs) - k(xs, x1) ** 2 / (k(x1, x1) + sn**2))))
label(PM, _line(r"m(x_1) = \frac{y}{1 + \sigma_n}"), "claim", "wrong",
      "sympy: with sigma_f = 1 the mean at x_1 is y/(1 + sigma_n^2); at sigma_n = 2, y = 1: 1/5 against 1/3",
      "sigma_f = 1", lambda: zero(_posterior(x1, 1)[0] - y / (1 + sn)))
label(PM, _line(r"s^2(x_1) = \frac{\sigma_n^2}{1 + \sigma_n^2}"), "claim", "right",
      "sympy: with sigma_f = 1 the variance at x_1 is 1 - 1/(1 + sigma_n^2)", "sigma_f = 1",
      lambda: zero(_posterior(x1, 1)[1] - sn**2 / (1 + sn**2)))
label(PM, _line(r"\lim_{x_* \to \infty} s^2(x_*) = \sigma_f^2"), "claim", "right",
      "sympy: the limit of the conditional variance as x_* -> oo", "",
      lambda: zero(sp.limit(k(xs, xs) - k(xs, x1) ** 2 / (k(x1, x1) + sn**2), xs, sp.oo) - sf**2))

# ---------------------------------------------------------------- 4. least squares, ridge, quadratic forms
X4, Y4, W4 = RNG.normal(size=(6, 3)), RNG.normal(size=6), RNG.normal(size=3)
LAM = 0.7


def _num_grad(f, w):
    return np.array([(f(w + STEP * e) - f(w - STEP * e)) / (2 * STEP) for e in np.eye(len(w))])


def _ls(w):
    return 0.5 * np.sum((X4 @ w - Y4) ** 2)


def _ridge(w):
    return _ls(w) + LAM * np.sum(w**2)


label(PM, _line(r"\nabla_w L(w) = X^T (Xw - y)"), "claim", "right",
      "numpy: central differences of (1/2)||Xw - y||^2 at a random X (6x3), y, w", "",
      lambda: _close_grad(_num_grad(_ls, W4), X4.T @ (X4 @ W4 - Y4)))
label(PM, _line(r"w^* = (X^T X)^{-1} X^T y"), "claim", "right",
      "numpy: the gradient X^T(Xw - y) vanishes there and lstsq gives the same point", "X^T X invertible",
      lambda: arrays_close(np.linalg.solve(X4.T @ X4, X4.T @ Y4), np.linalg.lstsq(X4, Y4, rcond=None)[0]))
label(PM, _line(r"\nabla_w L_\lambda(w) = X^T (Xw - y) + \lambda w"), "claim", "wrong",
      "numpy: central differences of (1/2)||Xw - y||^2 + lambda ||w||^2 give X^T(Xw - y) + 2 lambda w",
      "lambda = 0.7", lambda: _close_grad(_num_grad(_ridge, W4), X4.T @ (X4 @ W4 - Y4) + LAM * W4))
label(PM, _line(r"w_\lambda = (X^T X + 2\lambda I)^{-1} X^T y"), "claim", "right",
      "numpy: the ridge gradient (central differences) vanishes at that point", "lambda = 0.7",
      lambda: _close_grad(_num_grad(_ridge, np.linalg.solve(X4.T @ X4 + 2 * LAM * np.eye(3), X4.T @ Y4)),
                          np.zeros(3)))
A3, S3, V3 = RNG.normal(size=(3, 3)), None, RNG.normal(size=3)
S3 = A3 + A3.T
label(PM, _line(r"\nabla_x (x^T A x) = (A + A^T) x"), "claim", "right",
      "numpy: central differences of x^T A x at a random non-symmetric A", "",
      lambda: _close_grad(_num_grad(lambda v: v @ A3 @ v, V3), (A3 + A3.T) @ V3))
label(PM, _line(r"\nabla_x (x^T S x) = 2 S x"), "claim", "right",
      "numpy: central differences of x^T S x at a random symmetric S", "S symmetric",
      lambda: _close_grad(_num_grad(lambda v: v @ S3 @ v, V3), 2 * S3 @ V3))

# ---------------------------------------------------------------- 5. traces and determinants
MA, MB, MC = (RNG.normal(size=(3, 3)) for _ in range(3))
label(PM, _line(r"\mathrm{tr}(ABC) = \mathrm{tr}(CAB)"), "claim", "right", "numpy: random 3x3 A, B, C", "",
      lambda: arrays_close(np.trace(MA @ MB @ MC), np.trace(MC @ MA @ MB)))
label(PM, _line(r"\det(cA) = c \det(A)"), "claim", "wrong",
      "sympy: det(cA) = c^n det A; at n = 2, c = 2, A = I: 4 against 2", "A n x n",
      lambda: zero((2 * sp.eye(2)).det() - 2 * sp.eye(2).det()))
label(PM, _line(r"\det(A^{-1}) = \frac{1}{\det(A)}"), "claim", "right", "numpy: a random invertible 3x3 A",
      "A invertible", lambda: arrays_close(np.linalg.det(np.linalg.inv(MA)), 1 / np.linalg.det(MA)))
PD = MA @ MA.T + 3 * np.eye(3) + 0.5 * MB  # det > 0, not symmetric
label(PM, _line(r"\frac{\partial}{\partial A} \log \det A = A^{-T}"), "claim", "right",
      "numpy: central differences of log det at a non-symmetric A with det A > 0", "det A > 0",
      lambda: np.linalg.det(PD) > 0 and _close_grad(_grad(lambda M: np.log(np.linalg.det(M)), PD), np.linalg.inv(PD).T))
label(PM, _line(r"\frac{\partial}{\partial A} \mathrm{tr}(AB) = B^T"), "claim", "right",
      "numpy: central differences of tr(AB) at random A, B", "",
      lambda: _close_grad(_grad(lambda M: np.trace(M @ MB), MA), MB.T))
label(PM, _line(r"\frac{\partial}{\partial A} \mathrm{tr}(A^T B) = B^T"), "claim", "wrong",
      "numpy: central differences of tr(A^T B) give B, not B^T, at a random non-symmetric B", "",
      lambda: _close_grad(_grad(lambda M: np.trace(M.T @ MB), MA), MB.T))
label(PM, _line(r"\det A = 3"), "claim", "right", "exact: 2*2 - 1*1 = 3 = 3 * 1", "A = [[2, 1], [1, 2]]",
      lambda: sp.Matrix([[2, 1], [1, 2]]).det() == 3 and sorted(sp.Matrix([[2, 1], [1, 2]]).eigenvals()) == [1, 3])

# ---------------------------------------------------------------- 6. named laws
def _normal_mgf(mu_, s_, t_):
    with mp.workdps(30):
        pdf = lambda v: mp.npdf(v, mu_, s_)
        return mp.quad(lambda v: mp.exp(t_ * v) * pdf(v), [-mp.inf, mu_, mp.inf])


def _laplace_var(b_):
    with mp.workdps(30):
        pdf = lambda v: mp.exp(-abs(v) / b_) / (2 * b_)
        return mp.quad(lambda v: v * v * pdf(v), [-mp.inf, 0, mp.inf])


def _near(u, v):
    return abs(u - v) <= mp.mpf(10) ** -20 * (1 + abs(v))


label(PM, _line(r"M_X(t) = \exp\left( \mu t + \sigma^2 t^2 \right)"), "claim", "wrong",
      "mpmath: E e^{tX} for N(1, 2^2) at t = 1/2 is e^{1/2 + 1/2} = e, the text's e^{1/2 + 1} = e^{3/2}",
      "X ~ N(mu, sigma^2)", lambda: _near(_normal_mgf(1, 2, mp.mpf("0.5")), mp.exp(mp.mpf("0.5") + 4 * mp.mpf("0.25"))))
label(PM, _line(r"h(X) = \frac{1}{2} \log(2 \pi e \sigma^2)"), "claim", "right",
      "mpmath: -int p log p for N(0, 1.7^2) against (1/2) log(2 pi e 1.7^2)", "X ~ N(mu, sigma^2)",
      lambda: _near(mp.quad(lambda v: -mp.npdf(v, 0, mp.mpf("1.7")) * mp.log(mp.npdf(v, 0, mp.mpf("1.7"))),
                            [-mp.inf, 0, mp.inf]), mp.log(2 * mp.pi * mp.e * mp.mpf("1.7") ** 2) / 2))
label(PM, _line(r"\mathrm{Var}(X) = b^2"), "claim", "wrong",
      "mpmath: the Laplace density with b = 1.5 has variance 2 b^2 = 4.5, not b^2 = 2.25", "X ~ Laplace(mu, b)",
      lambda: _near(_laplace_var(mp.mpf("1.5")), mp.mpf("1.5") ** 2))
lam_ = mp.mpf("1.3")
label(PM, _line(r"\mathbb{E}[X] = \frac{1}{\lambda}"), "claim", "right", "mpmath: int x lambda e^{-lambda x} at 1.3",
      "X ~ Exp(lambda)", lambda: _near(mp.quad(lambda v: v * lam_ * mp.exp(-lam_ * v), [0, mp.inf]), 1 / lam_))
label(PM, _line(r"P(X > s + t \mid X > s) = P(X > t)"), "claim", "right",
      "mpmath: e^{-lambda(s+t)}/e^{-lambda s} = e^{-lambda t} at a few s, t (tails by quadrature)", "X ~ Exp(lambda)",
      lambda: all(_near(mp.quad(lambda v: lam_ * mp.exp(-lam_ * v), [s_ + t_, mp.inf])
                        / mp.quad(lambda v: lam_ * mp.exp(-lam_ * v), [s_, mp.inf]),
                        mp.quad(lambda v: lam_ * mp.exp(-lam_ * v), [t_, mp.inf]))
                  for s_ in (mp.mpf("0.3"), 2) for t_ in (mp.mpf("0.5"), 3)))
label(PM, _line(r"M_X(t) = \frac{\lambda}{\lambda - t}"), "claim", "right",
      "mpmath: int e^{tx} lambda e^{-lambda x} at lambda = 1.3 and t = -1, 0.4, 1.2", "t < lambda",
      lambda: all(_near(mp.quad(lambda v: mp.exp(t_ * v) * lam_ * mp.exp(-lam_ * v), [0, mp.inf]), lam_ / (lam_ - t_))
                  for t_ in (mp.mpf(-1), mp.mpf("0.4"), mp.mpf("1.2"))))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
