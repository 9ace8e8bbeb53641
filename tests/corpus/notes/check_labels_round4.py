r"""Independent checks of the hand labels of the round-4 sources of tests/corpus/notes: five d2l chapters the
earlier rounds did not hold (preliminaries calculus, appendix statistics and geometry/linear algebra, linear and
softmax regression), a held-out test of the notes checker.

As in check_labels.py and check_labels_round3.py: each entry names a block by ``(file, line[, the block's text
when the line holds several])``, gives its role and label, says how it was checked and, for ``right``/``wrong``,
carries a check written by hand with sympy, mpmath or numpy that returns True when the block's claim holds.
Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round4.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round4.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp
from check_labels import check_entries, recorder, zero

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
mp.mp.dps = 30
RNG = np.random.default_rng(4)
TOL = 1e-8
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1-100)."""

x, y, t, u, h, a, b, c, d, r, s, th, C = sp.symbols("x y t u h a b c d r s theta C", real=True)
n_ = sp.Symbol("n", real=True)
ENTRIES, label, nonclaim = recorder()  # the first rounds' recorder and zero (check_labels)


def close(p, q) -> bool:
    return np.allclose(p, q, atol=TOL, rtol=0)


_f = lambda v: sp.sin(v) + v**3  # stand-ins for the notes' arbitrary differentiable f, g
_g = lambda v: sp.exp(v / 2) + v**2 + 1


# ---------------------------------------------------------------- d2l_calculus_preliminaries.md
CP = "d2l_calculus_preliminaries.md"
nonclaim(CP, 23, "definition", "defines the derivative f'(x) as a limit")
nonclaim(CP, 38, "definition", "defines u = f(x) = 3x^2 - 4x")
nonclaim(CP, 40, "example", "x = 1 in prose: the point of the numerical experiment")
nonclaim(CP, 44, "example", "x = 1 in prose")
nonclaim(CP, 47, "definition", "names y = f(x)")
nonclaim(CP, 49, "equation", "notation: six spellings of the same derivative of y = f(x)")
label(CP, 54, "claim", "right", "sympy: d/dx C = 0 for a constant C", "C constant",
      lambda: sp.diff(C, x) == 0)
label(CP, 55, "claim", "right", "sympy: d/dx x^n - n x^(n-1) = 0 (n real symbol, x > 0)", "D = d/dx; n real",
      lambda: zero(sp.diff(sp.Symbol("x", positive=True)**n_, sp.Symbol("x", positive=True))
                   - n_ * sp.Symbol("x", positive=True)**(n_ - 1)))
label(CP, 56, "claim", "right", "sympy: d/dx e^x = e^x", "D = d/dx", lambda: zero(sp.diff(sp.exp(x), x) - sp.exp(x)))
label(CP, 57, "claim", "right", "sympy: d/dx ln x = 1/x", "D = d/dx; x > 0", lambda: zero(sp.diff(sp.log(x), x) - 1 / x))
label(CP, 64, "claim", "right", "sympy: constant multiple rule for f = sin x + x^3", "C constant",
      lambda: zero(sp.diff(C * _f(x), x) - C * sp.diff(_f(x), x)))
label(CP, 68, "claim", "right", "sympy: sum rule for f = sin x + x^3, g = e^(x/2) + x^2 + 1", "",
      lambda: zero(sp.diff(_f(x) + _g(x), x) - sp.diff(_f(x), x) - sp.diff(_g(x), x)))
label(CP, 72, "claim", "right", "sympy: product rule for the same f, g", "",
      lambda: zero(sp.diff(_f(x) * _g(x), x) - (_f(x) * sp.diff(_g(x), x) + _g(x) * sp.diff(_f(x), x))))
label(CP, 76, "claim", "right", "sympy: quotient rule for the same f, g (g > 0)", "",
      lambda: zero(sp.diff(_f(x) / _g(x), x) - (_g(x) * sp.diff(_f(x), x) - _f(x) * sp.diff(_g(x), x)) / _g(x)**2))
label(CP, 79, "claim", "right", "sympy: with f = 3x^2 - 4x, f' = 3 d/dx x^2 - 4 d/dx x = 6x - 4", "u = f(x) = 3x^2 - 4x",
      lambda: zero(sp.diff(3*x**2 - 4*x, x) - (3*sp.diff(x**2, x) - 4*sp.diff(x, x)))
      and zero(3*sp.diff(x**2, x) - 4*sp.diff(x, x) - (6*x - 4)))
nonclaim(CP, 80, "example", "x = 1 in prose", pick="x = 1")
label(CP, 80, "claim", "right", "exact: u' = 6x - 4 = 2 at x = 1", "x = 1", lambda: (6*x - 4).subs(x, 1) == 2,
      pick="u' = 2")
nonclaim(CP, 84, "definition", "the curve u = f(x) named again", pick="u = f(x)")
nonclaim(CP, 84, "example", "x = 1 in prose", pick="x = 1")
nonclaim(CP, 90, "definition", "the function u = f(x) named again", pick="u = f(x)")
label(CP, 90, "claim", "right", "sympy: the tangent of 3x^2 - 4x at x = 1 is f(1) + f'(1)(x - 1) = 2x - 3",
      "at x = 1", lambda: zero((3 - 4) + 2*(x - 1) - (2*x - 3)), pick="y = 2x - 3")
nonclaim(CP, 90, "example", "x = 1 in prose", pick="x=1")
nonclaim(CP, 94, "definition", "names y = f(x_1, ..., x_n)")
nonclaim(CP, 96, "definition", "defines the partial derivative as a limit")
nonclaim(CP, 102, "equation", "notation: six spellings of the same partial derivative")
nonclaim(CP, 108, "definition", "defines the vector x by its entries")
nonclaim(CP, 110, "definition", "defines the gradient as the vector of partial derivatives")
nonclaim(CP, 116, "condition", "A in R^{m x n}", pick="\\mathbf{A} \\in \\mathbb{R}^{m \\times n}")
nonclaim(CP, 117, "condition", "A in R^{n x m}", pick="\\mathbf{A} \\in \\mathbb{R}^{n \\times m}")
nonclaim(CP, 118, "condition", "A in R^{n x n}", pick="\\mathbf{A} \\in \\mathbb{R}^{n \\times n}")


def _grad(expr, xs):
    """The gradient (denominator layout): for scalar expr an (n,) column; for a vector expr the n x m matrix
    whose column j is the gradient of entry j."""
    expr = sp.Matrix([expr]) if not isinstance(expr, sp.MatrixBase) else expr
    return sp.Matrix([[sp.diff(expr[j], xi) for j in range(len(expr))] for xi in xs])


_xs = sp.Matrix(sp.symbols("x1:4", real=True))
_A34 = sp.Matrix(3, 4, lambda i, j: sp.Symbol(f"a{i}{j}", real=True))  # m = 3, n = 4
_x4 = sp.Matrix(sp.symbols("z1:5", real=True))
label(CP, 116, "claim", "right", "sympy, denominator layout (d2l's): the gradient of Ax (A 3x4) w.r.t. x (4) is the "
      "4x3 matrix A^T", "A in R^{m x n}",
      lambda: _grad(_A34 * _x4, list(_x4)) == _A34.T, pick="\\nabla_{\\mathbf{x}} \\mathbf{A} \\mathbf{x} = \\mathbf{A}^\\top")
label(CP, 117, "claim", "right", "sympy: the gradient of x^T A (A 4x3) w.r.t. x is A", "A in R^{n x m}",
      lambda: _grad((_x4.T * _A34.T).T, list(_x4)) == _A34.T,
      pick="\\nabla_{\\mathbf{x}} \\mathbf{x}^\\top \\mathbf{A}  = \\mathbf{A}")
_A33 = sp.Matrix(3, 3, lambda i, j: sp.Symbol(f"b{i}{j}", real=True))
label(CP, 118, "claim", "right", "sympy: grad x^T A x = (A + A^T) x for a general 3x3 A", "A in R^{n x n}",
      lambda: (_grad((_xs.T * _A33 * _xs)[0], list(_xs)) - (_A33 + _A33.T) * _xs).expand() == sp.zeros(3, 1),
      pick="\\nabla_{\\mathbf{x}} \\mathbf{x}^\\top \\mathbf{A} \\mathbf{x}  = (\\mathbf{A} + \\mathbf{A}^\\top)\\mathbf{x}")
label(CP, 119, "claim", "right", "sympy: grad ||x||^2 = grad x^T x = 2x (n = 3)", "",
      lambda: _grad((_xs.T * _xs)[0], list(_xs)) == 2 * _xs)
_X23 = sp.Matrix(2, 3, lambda i, j: sp.Symbol(f"X{i}{j}", real=True))
label(CP, 121, "claim", "right", "sympy: d/dX_ij of sum X_ij^2 is 2 X_ij (2x3 X)", "",
      lambda: sp.Matrix(2, 3, lambda i, j: sp.diff(sum(e**2 for e in _X23), _X23[i, j])) == 2 * _X23)
nonclaim(CP, 127, "definition", "names y = f(u)", pick="y=f(u)")
nonclaim(CP, 127, "definition", "names u = g(x)", pick="u=g(x)")
label(CP, 129, "claim", "right", "sympy: chain rule for y = sin(u) + u^3, u = e^(x/2) + x^2 + 1", "y = f(u), u = g(x)",
      lambda: zero(sp.diff(_f(_g(x)), x) - sp.diff(_f(u), u).subs(u, _g(x)) * sp.diff(_g(x), x)))


def _multivariate_chain():
    """y = u1 u2 + sin(u1), u1 = x1 x2, u2 = x1 + x2^2: dy/dx_i = sum_k dy/du_k du_k/dx_i for i = 1, 2."""
    x1, x2, u1, u2 = sp.symbols("x1 x2 u1 u2", real=True)
    yy = u1 * u2 + sp.sin(u1)
    inner = {u1: x1 * x2, u2: x1 + x2**2}
    total = yy.subs(inner)
    return all(zero(sp.diff(total, xi) - sum(sp.diff(yy, uk).subs(inner) * sp.diff(inner[uk], xi) for uk in (u1, u2)))
               for xi in (x1, x2))


label(CP, 139, "claim", "right", "sympy: the multivariate chain rule for m = 2, n = 2 (the source writes d for the "
      "partial derivatives)", "y a function of u_1..u_m, each u_i of x_1..x_n", _multivariate_chain)
nonclaim(CP, 141, "condition", "the index range i = 1, ..., n")
nonclaim(CP, 145, "definition", "defines the exercise's f", pick="y = f(x) = x^3 - \\frac{1}{x}")
nonclaim(CP, 145, "example", "x = 1 in prose", pick="x = 1")
nonclaim(CP, 146, "definition", "defines the exercise's f(x)")
nonclaim(CP, 147, "definition", "defines the exercise's f(x) = ||x||_2")
for _pick in ("u = f(x, y, z)", "x = x(a, b)", "y = y(a, b)", "z = z(a, b)"):
    nonclaim(CP, 148, "definition", "names the exercise's functions", pick=_pick)


# ---------------------------------------------------------------- d2l_statistics.md
ST = "d2l_statistics.md"
_values = RNG.normal(size=7) * 3  # a discrete estimator: these values with these probabilities
_probs = RNG.dirichlet(np.ones(7))
_E = lambda v: float(np.dot(_probs, v))
_theta = 0.7
nonclaim(ST, 17, "definition", "names the estimator theta-hat_n")
nonclaim(ST, 27, "definition", "defines the MSE of an estimator")
label(ST, 35, "claim", "right", "numpy, a discrete estimator (7 values, random probabilities): E(t - theta) = "
      "E(t) - theta (linearity); the first equality defines the bias", "",
      lambda: close(_E(_values - _theta), _E(_values) - _theta))
nonclaim(ST, 37, "condition", "bias = 0: the case of an unbiased estimator")
nonclaim(ST, 39, "definition", "asymptotically unbiased: the bias tends to zero")
label(ST, 45, "claim", "right", "numpy, the discrete estimator: sqrt(Var t) = sqrt(E[(t - E t)^2]) (the definition of "
      "the variance)", "", lambda: close(np.sqrt(_E(_values**2) - _E(_values)**2),
                                         np.sqrt(_E((_values - _E(_values))**2))))
label(ST, 53, "claim", "right", "numpy, the discrete estimator: each row equals E[(t - theta)^2] (the cross term "
      "vanishes)", "",
      lambda: close(_E((_values - _theta)**2), _E((_values - _E(_values) + _E(_values) - _theta)**2))
      and close(_E((_values - _theta)**2), _E((_values - _E(_values))**2) + (_E(_values) - _theta)**2))
nonclaim(ST, 65, "example", "theta = 1 in the simulation", pick="\\theta = 1")
nonclaim(ST, 65, "example", "sigma = 4 in the simulation", pick="\\sigma = 4")


def _significance():
    """mpmath: a two-sided z-test at level alpha = 0.05 rejects a true H_0 when |Z| > z_{0.975}; under H_0 that
    has probability 0.05 = alpha, not 1 - alpha = 0.95 (the statistical significance is called 1 - alpha and
    equated with the probability of a type I error)."""
    alpha = mp.mpf("0.05")
    z = mp.sqrt(2) * mp.erfinv(1 - alpha)  # the 1 - alpha/2 quantile of N(0, 1)
    reject = 1 - mp.erf(z / mp.sqrt(2))  # P(|Z| > z)
    return abs(reject - (1 - alpha)) < mp.mpf("1e-20")


label(ST, 79, "claim", "wrong", "mpmath: a level-alpha test rejects a true null with probability alpha (0.05 at "
      "alpha = 0.05), not 1 - alpha (0.95); 1 - alpha is the probability of keeping a true null", "", _significance)
label(ST, 81, "claim", "right", "exact: with alpha = 5 %, 1 - alpha = 95 %", "alpha = 5 %",
      lambda: 1 - sp.Rational(5, 100) == sp.Rational(95, 100))
nonclaim(ST, 89, "definition", "defines the statistical power")
nonclaim(ST, 107, "definition", "defines the p-value")
nonclaim(ST, 131, "definition", "defines a confidence interval")
nonclaim(ST, 133, "condition", "alpha in (0, 1)")
nonclaim(ST, 135, "no-claim", "notation P_theta(theta in C_n)")
nonclaim(ST, 147, "definition", "defines the estimators mu-hat_n and sigma-hat^2_n")
nonclaim(ST, 151, "definition", "defines the statistic T")
nonclaim(ST, 157, "condition", "n -> infinity", pick="n\\rightarrow \\infty")
label(ST, 161, "claim", "right", "mpmath: for large n T is nearly standard normal and P(|Z| <= 1.96) = 0.950004 >= 0.95",
      "n large (asymptotic)", lambda: mp.erf(mp.mpf("1.96") / mp.sqrt(2)) >= mp.mpf("0.95"))


def _same_event():
    """numpy: for sigma-hat > 0, (mu-hat - mu)/(sigma-hat/sqrt n) in [-1.96, 1.96] exactly when mu is in
    [mu-hat - 1.96 sigma-hat/sqrt n, mu-hat + 1.96 sigma-hat/sqrt n] (random triples, both outcomes met)."""
    m, mu = RNG.normal(size=2000), RNG.normal(size=2000)
    sd, n = RNG.uniform(0.1, 3, size=2000), RNG.integers(2, 50, size=2000)
    e = sd / np.sqrt(n)
    first = np.abs((m - mu) / e) <= 1.96
    second = (m - 1.96 * e <= mu) & (mu <= m + 1.96 * e)
    return bool(np.all(first == second)) and 0 < first.sum() < len(first)


label(ST, 167, "claim", "right", "numpy: the two events are the same (random estimates), so the probabilities agree",
      "n large", _same_event)
nonclaim(ST, 172, "no-claim", "the interval itself")
nonclaim(ST, 179, "definition", "defines the estimator theta-hat = max X_i")
nonclaim(ST, 180, "definition", "defines theta-tilde as twice the sample mean")
nonclaim(ST, 184, "example", "alpha = 0.05 in the exercise", pick="\\alpha = 0.05")
nonclaim(ST, 184, "example", "1 - beta = 0.8 in the exercise", pick="1 - \\beta = 0.8")
nonclaim(ST, 185, "example", "N = 2 in the exercise", pick="N=2")
nonclaim(ST, 185, "example", "alpha = 0.5 in the exercise", pick="\\alpha = 0.5")


# ---------------------------------------------------------------- d2l_geometry_linear_algebra.md
GE = "d2l_geometry_linear_algebra.md"
_u, _v, _w = (RNG.normal(size=5) for _ in range(3))
nonclaim(GE, 15, "definition", "defines the column vector x = (1, 7, 0, 1)")
label(GE, 21, "claim", "right", "numpy: the transpose of the column (1, 7, 0, 1) is the row (1, 7, 0, 1)", "",
      lambda: np.array_equal(np.array([[1], [7], [0], [1]]).T, np.array([[1, 7, 0, 1]])))
nonclaim(GE, 33, "definition", "defines v = (3, 2)")
label(GE, 40, "claim", "right", "numpy: u = v + (u - v) for random vectors", "", lambda: close(_u, _v + (_u - _v)))
label(GE, 49, "claim", "right", "numpy: u^T v = sum_i u_i v_i", "", lambda: close(_u @ _v, sum(_u * _v)))
label(GE, 54, "claim", "right", "numpy: u . v = u^T v = v^T u", "", lambda: close(_u @ _v, _v @ _u))
nonclaim(GE, 64, "definition", "defines v = (r, 0) and w = (s cos theta, s sin theta)")
_vv, _ww = sp.Matrix([r, 0]), sp.Matrix([s * sp.cos(th), s * sp.sin(th)])
_rp, _sp = sp.symbols("r s", positive=True)
label(GE, 72, "claim", "right", "sympy: v . w = r s cos(theta), and ||v|| ||w|| = r s for r, s > 0", "r, s >= 0 "
      "(lengths)", lambda: zero(_vv.dot(_ww) - r * s * sp.cos(th))
      and zero(sp.sqrt(_rp**2) * sp.sqrt((_sp * sp.cos(th))**2 + (_sp * sp.sin(th))**2) - _rp * _sp))
label(GE, 78, "claim", "right", "mpmath at sample points: arccos(r s cos(theta) / (r s)) = theta for theta in [0, pi]",
      "r, s > 0, 0 <= theta <= pi (the angle)",
      lambda: all(abs(mp.acos(mp.mpf(rr) * ss * mp.cos(tt) / (mp.mpf(rr) * ss)) - tt) < mp.mpf("1e-25")
                  for rr, ss, tt in ((1, 2, mp.mpf("0.3")), (3, 0.5, mp.mpf("2.9")), (2, 2, mp.pi / 2))))
nonclaim(GE, 90, "definition", "defines the angle between two vectors")
nonclaim(GE, 95, "condition", "theta = pi/2: when two vectors are orthogonal")
nonclaim(GE, 96, "condition", "cos(theta) = 0, the same condition")
nonclaim(GE, 98, "condition", "v . w = 0: the test for orthogonality")
nonclaim(GE, 112, "definition", "defines the cosine similarity")
nonclaim(GE, 131, "definition", "defines w = (2, 1)", pick="\\mathbf{w}=[2,1]^\\top")
nonclaim(GE, 131, "condition", "w . v = 1: the set asked about", pick="\\mathbf{w}\\cdot\\mathbf{v} = 1")
label(GE, 134, "claim", "right", "sympy: ||(2, 1)|| = sqrt(5) > 0, so ||v|| ||w|| cos = 1 iff ||v|| cos = 1/||w|| = "
      "1/sqrt(5)", "w = (2, 1)", lambda: sp.Matrix([2, 1]).norm() == sp.sqrt(5) and sp.sqrt(5) > 0)
label(GE, 147, "equation", "right", "sympy: with w = (2, 1), v = (x, y): w . v = 1 is 2x + y = 1", "w = (2, 1)",
      lambda: zero(sp.Matrix([2, 1]).dot(sp.Matrix([x, y])) - (2 * x + y)), pick="2x + y = 1")
label(GE, 147, "equation", "right", "sympy: 2x + y = 1 solved for y is y = 1 - 2x", "",
      lambda: sp.solve(sp.Eq(2 * x + y, 1), y) == [1 - 2 * x], pick="y = 1 - 2x")
nonclaim(GE, 150, "condition", "w . v > 1: one side of the line", pick="\\mathbf{w}\\cdot\\mathbf{v} > 1")
nonclaim(GE, 150, "condition", "w . v < 1: the other side", pick="\\mathbf{w}\\cdot\\mathbf{v} < 1")
nonclaim(GE, 156, "definition", "defines w = (1, 2, 3)")
nonclaim(GE, 157, "condition", "w . v = 1: the plane asked about")
nonclaim(GE, 164, "definition", "defines the general 2x2 A")
nonclaim(GE, 171, "definition", "defines v = (x, y)")
_Ag = sp.Matrix([[a, b], [c, d]])
label(GE, 174, "claim", "right", "sympy: every row equals A (x, y) for the general 2x2 A", "A = [[a, b], [c, d]]",
      lambda: all((_Ag * sp.Matrix([x, y]) - e).expand() == sp.zeros(2, 1) for e in (
          sp.Matrix([a * x + b * y, c * x + d * y]), x * sp.Matrix([a, c]) + y * sp.Matrix([b, d]),
          x * (_Ag * sp.Matrix([1, 0])) + y * (_Ag * sp.Matrix([0, 1])))))
nonclaim(GE, 190, "definition", "defines A = [[1, 2], [-1, 3]]")
nonclaim(GE, 197, "definition", "defines v = (2, -1)")
_A1 = np.array([[1, 2], [-1, 3]])
label(GE, 200, "claim", "right", "numpy: 2 A e1 - A e2 = 2 (1, -1) - (2, 3) = (0, -5) = A (2, -1)",
      "A = [[1, 2], [-1, 3]]",
      lambda: close(2 * _A1 @ [1, 0] - _A1 @ [0, 1], [0, -5]) and close(2 * np.array([1, -1]) - [2, 3], [0, -5])
      and close(_A1 @ [2, -1], [0, -5]))
nonclaim(GE, 204, "definition", "defines B = [[2, -1], [4, -2]]")
nonclaim(GE, 226, "definition", "B again")
label(GE, 232, "claim", "right", "numpy: every image B (p, q) = (2p - q, 4p - 2q) has second entry twice the first",
      "B = [[2, -1], [4, -2]]",
      lambda: all(close((np.array([[2, -1], [4, -2]]) @ z)[1], 2 * (np.array([[2, -1], [4, -2]]) @ z)[0])
                  for z in RNG.normal(size=(5, 2))))
nonclaim(GE, 233, "definition", "b_1 = (2, 4), the first column", pick="\\mathbf{b}_1 = [2,4]^\\top")
nonclaim(GE, 233, "definition", "b_2 = (-1, -2), the second column", pick="\\mathbf{b}_2 = [-1, -2]^\\top")
_b1, _b2 = np.array([2, 4]), np.array([-1, -2])
label(GE, 239, "claim", "right", "numpy: (2, 4) = -2 (-1, -2)", "", lambda: close(_b1, -2 * _b2))
label(GE, 243, "claim", "right", "numpy: with b_1 = -2 b_2 each row is the same vector for random a_1, a_2", "",
      lambda: all(close(a1 * _b1 + a2 * _b2, (a2 - 2 * a1) * _b2) and close(-2 * a1 * _b2 + a2 * _b2, (a2 - 2 * a1) * _b2)
                  for a1, a2 in RNG.normal(size=(5, 2))))
label(GE, 248, "claim", "right", "numpy: (2, 4) = -2 (-1, -2)", "", lambda: close(_b1, -2 * _b2))
label(GE, 251, "claim", "right", "numpy: (2, 4) + 2 (-1, -2) = 0", "", lambda: close(_b1 + 2 * _b2, 0))
nonclaim(GE, 259, "condition", "the defining equation of linear dependence (there exist a_i not all zero)")
nonclaim(GE, 271, "definition", "defines B = [[2, 4], [-1, -2]]")
label(GE, 277, "claim", "right", "sympy: rank [[2, 4], [-1, -2]] = 1", "B = [[2, 4], [-1, -2]]",
      lambda: sp.Matrix([[2, 4], [-1, -2]]).rank() == 1)
nonclaim(GE, 281, "definition", "defines the 4x5 C (the prose's rank two is right: sympy rank 2)")
nonclaim(GE, 300, "definition", "defines the identity I")
nonclaim(GE, 314, "definition", "what the inverse must satisfy (such that ...)")
nonclaim(GE, 325, "definition", "the general 2x2 A again")
label(GE, 334, "claim", "right", "sympy: the inverse of [[a, b], [c, d]] is [[d, -b], [-c, a]] / (ad - bc) (the claim "
      "is in the prose; the block has no relation)", "ad - bc != 0",
      lambda: (_Ag.inv() - sp.Matrix([[d, -b], [-c, a]]) / (a * d - b * c)).applyfunc(sp.simplify) == sp.zeros(2, 2))
nonclaim(GE, 345, "equation", "the linear system to solve")
_M = RNG.normal(size=(4, 4)) + 4 * np.eye(4)
_rhs = RNG.normal(size=4)
label(GE, 351, "claim", "right", "numpy: x = A^{-1} b solves A x = b (random invertible 4x4 A)", "A invertible",
      lambda: close(_M @ (np.linalg.inv(_M) @ _rhs), _rhs))
nonclaim(GE, 370, "definition", "A = [[1, 2], [-1, 3]] again (the prose's area 5 is det A = 3 + 2)")
nonclaim(GE, 382, "definition", "the general 2x2 A again")
nonclaim(GE, 395, "definition", "B = [[2, 4], [-1, -2]] again")
label(GE, 402, "claim", "right", "exact: 2(-2) - 4(-1) = 0 = det B", "",
      lambda: 2 * (-2) - 4 * (-1) == 0 == sp.Matrix([[2, 4], [-1, -2]]).det())
nonclaim(GE, 417, "definition", "names the product C = AB")
_P, _Q = RNG.normal(size=(3, 4)), RNG.normal(size=(4, 2))
label(GE, 423, "claim", "right", "numpy: (AB)_ij = sum_k a_ik b_kj for random 3x4, 4x2 matrices", "C = AB",
      lambda: close(_P @ _Q, [[sum(_P[i, k] * _Q[k, j] for k in range(4)) for j in range(2)] for i in range(3)]))
nonclaim(GE, 428, "definition", "defines the tensor contraction y_il")
_X4, _a2 = RNG.normal(size=(2, 3, 3, 2)), RNG.normal(size=(3, 3))
label(GE, 440, "claim", "right", "numpy: with Einstein summation over the repeated j, k, x_ijkl a_jk is the sum "
      "above", "Einstein notation (stated)",
      lambda: close(np.einsum("ijkl,jk->il", _X4, _a2),
                    [[sum(_X4[i, j, k, l] * _a2[j, k] for j in range(3) for k in range(3)) for l in range(2)]
                     for i in range(2)]))
label(GE, 449, "claim", "right", "numpy: v . w = sum_i v_i w_i", "", lambda: close(_v @ _w, sum(_v * _w)))
label(GE, 450, "claim", "right", "numpy: ||v||_2^2 = sum_i v_i v_i", "", lambda: close(np.linalg.norm(_v)**2, sum(_v * _v)))
label(GE, 451, "claim", "right", "numpy: (Av)_i = sum_j a_ij v_j", "", lambda: close(_P @ _v[:4],
                                                                                      [sum(_P[i, j] * _v[j] for j in range(4)) for i in range(3)]))
label(GE, 452, "claim", "right", "numpy: (AB)_ik = sum_j a_ij b_jk", "", lambda: close(
    _P @ _Q, [[sum(_P[i, j] * _Q[j, k] for j in range(4)) for k in range(2)] for i in range(3)]))
label(GE, 453, "claim", "right", "numpy: tr A = sum_i a_ii", "", lambda: close(np.trace(_M), sum(_M[i, i] for i in range(4))))
label(GE, 458, "claim", "right", "numpy: (Av)_i = a_ij v_j with the repeated j summed (the index i left implicit)",
      "Einstein notation", lambda: close(_P @ _v[:4], np.einsum("ij,j->i", _P, _v[:4])))
nonclaim(GE, 465, "definition", "defines c_kl by a contraction")
nonclaim(GE, 476, "definition", "defines the exercise's vectors v_1, v_2")
nonclaim(GE, 491, "definition", "defines the exercise's A as an outer product")
nonclaim(GE, 492, "definition", "defines e_1", pick="e_1 = \\begin{bmatrix}1\\\\0\\end{bmatrix}")
nonclaim(GE, 492, "definition", "defines e_2", pick="e_2 = \\begin{bmatrix}0\\\\1\\end{bmatrix}")


# ---------------------------------------------------------------- d2l_softmax_regression.md
SM = "d2l_softmax_regression.md"
_softmax = lambda o: np.exp(o - o.max()) / np.exp(o - o.max()).sum()
nonclaim(SM, 24, "condition", "y in {1, 2, 3}: the label set")
nonclaim(SM, 38, "condition", "y in the one-hot vectors")
nonclaim(SM, 46, "definition", "defines the outputs o_1, o_2, o_3")
nonclaim(SM, 59, "definition", "the vector form o = Wx + b")
nonclaim(SM, 62, "condition", "b in R^3")
nonclaim(SM, 85, "definition", "the probit model y = o + epsilon")
nonclaim(SM, 86, "condition", "epsilon_i ~ N(0, sigma^2)")
nonclaim(SM, 90, "definition", "P(y = i) proportional to exp o_i (the model)")
nonclaim(SM, 100, "definition", "defines the softmax")
label(SM, 109, "claim", "right", "numpy: argmax softmax(o) = argmax o for 200 random o (softmax is increasing in each "
      "coordinate's rank)", "", lambda: all(np.argmax(_softmax(o)) == np.argmax(o) for o in RNG.normal(size=(200, 5)) * 3))
nonclaim(SM, 128, "condition", "X in R^{n x d}")
nonclaim(SM, 131, "condition", "W in R^{d x q}")
nonclaim(SM, 132, "condition", "b in R^{1 x q}")
nonclaim(SM, 134, "definition", "defines O and Y-hat for a minibatch")
nonclaim(SM, 154, "no-claim", "notation P(y = cat | x)")


def _independent_factorization():
    """numpy: three independent labels with conditional laws P_i (each on 3 classes): the joint law of the
    labels is the outer product, so P(Y | X) at any labels is the product of the P_i."""
    laws = RNG.dirichlet(np.ones(3), size=3)
    joint = np.einsum("a,b,c->abc", *laws)
    return close(joint.sum(), 1) and all(close(joint[i, j, k], laws[0][i] * laws[1][j] * laws[2][k])
                                         for i in range(3) for j in range(3) for k in range(3))


label(SM, 162, "claim", "right", "numpy: for labels drawn independently the joint likelihood factorizes (3 labels, "
      "3 classes)", "labels drawn independently", _independent_factorization)
label(SM, 173, "claim", "right", "numpy: -log of a product of probabilities is the sum of -log (the second equality "
      "names each term l)", "", lambda: (lambda p: close(-np.log(np.prod(p)), np.sum(-np.log(p))))(RNG.uniform(0.05, 1, 6)))
nonclaim(SM, 182, "definition", "defines the cross-entropy loss l")
nonclaim(SM, 193, "condition", "l = 0: the case of a certain prediction")
label(SM, 201, "claim", "right", "sympy: -log t -> +oo as t -> 0+ (the value of -log 0 in the extended reals)", "",
      lambda: sp.limit(-sp.log(t), t, 0, "+") == sp.oo)
_q = 4
_o, _yv = sp.symbols("o0:4", real=True), sp.symbols("y0:4", real=True)


def _loss_rows():
    """sympy with q = 4: the three rows are equal when sum_j y_j = 1 (y one-hot or a probability vector)."""
    z = sum(sp.exp(o) for o in _o)
    one = {_yv[-1]: 1 - sum(_yv[:-1])}
    r1 = -sum(yj * sp.log(sp.exp(oj) / z) for yj, oj in zip(_yv, _o))
    r2 = sum(yj * sp.log(z) for yj in _yv) - sum(yj * oj for yj, oj in zip(_yv, _o))
    r3 = sp.log(z) - sum(yj * oj for yj, oj in zip(_yv, _o))
    return zero(sp.expand_log(r1 - r2, force=True)) and zero((r2 - r3).subs(one))


label(SM, 209, "claim", "right", "sympy, q = 4: row 1 = row 2 for any y; row 2 = row 3 where sum_j y_j = 1 (the prose "
      "says y is one-hot)", "y one-hot (sum_j y_j = 1)", _loss_rows)


def _loss_gradient():
    z = sum(sp.exp(o) for o in _o)
    loss = (sp.log(z) - sum(yj * oj for yj, oj in zip(_yv, _o))).subs(_yv[-1], 1 - sum(_yv[:-1]))
    return all(zero(sp.diff(loss, _o[j]) - (sp.exp(_o[j]) / z - (_yv[j] if j < _q - 1 else 1 - sum(_yv[:-1]))))
               for j in range(_q))


label(SM, 220, "claim", "right", "sympy, q = 4: d/do_j (log sum_k e^{o_k} - sum_k y_k o_k) = softmax(o)_j - y_j",
      "sum_j y_j = 1", _loss_gradient)
nonclaim(SM, 251, "definition", "defines the entropy H[P]")
label(SM, 258, "claim", "right", "mpmath: 1/ln 2 = 1.4427, which rounds to 1.44", "",
      lambda: abs(1 / mp.log(2) - mp.mpf("1.44")) < mp.mpf("0.005"))
label(SM, 265, "claim", "right", "sympy: log(1/p) = -log p for p > 0", "P(j) > 0",
      lambda: zero(sp.expand_log(sp.log(1 / sp.Symbol("p", positive=True))) + sp.log(sp.Symbol("p", positive=True))))
nonclaim(SM, 277, "definition", "defines the cross-entropy H(P, Q)")
nonclaim(SM, 278, "condition", "P = Q: the case of the lowest cross-entropy")
label(SM, 279, "claim", "right", "numpy: sum_j -P(j) log P(j) for Q = P is the entropy of P", "H(P, Q) as defined",
      lambda: (lambda p: close(np.sum(-p * np.log(p)), -np.dot(p, np.log(p))))(RNG.dirichlet(np.ones(5))))
nonclaim(SM, 302, "definition", "defines RealSoftMax(a, b)")
label(SM, 303, "claim", "right", "numpy and a proof: log(e^a + e^b) = max + log(1 + e^{-|a-b|}) > max; checked on "
      "random pairs", "", lambda: all(np.logaddexp(p, q) > max(p, q) for p, q in RNG.normal(size=(200, 2)) * 5))
nonclaim(SM, 305, "example", "b = 0 (without loss of generality)", pick="b = 0")
nonclaim(SM, 305, "condition", "a >= b", pick="a \\geq b")
nonclaim(SM, 306, "condition", "lambda > 0")
nonclaim(SM, 307, "condition", "lambda -> infinity", pick="\\lambda \\to \\infty")
label(SM, 307, "claim", "right", "sympy: log(e^{la} + e^{lb}) / l -> max(a, b) as l -> oo (a = 2, b = -1 and a = b = 1)",
      "lambda > 0",
      lambda: all(sp.limit(sp.log(sp.exp(h * p) + sp.exp(h * q)) / h, h, sp.oo) == max(p, q)
                  for p, q in ((2, -1), (1, 1), (-3, sp.Rational(1, 2)))),
      pick="\\lambda^{-1} \\mathrm{RealSoftMax}(\\lambda a, \\lambda b) \\to \\mathrm{max}(a, b)")
nonclaim(SM, 308, "definition", "defines the log-partition function g")
label(SM, 309, "claim", "wrong", "numpy: log sum exp(x + b) = log sum exp(x) + b, so g(x + b) = g(x) fails for b != 0 "
      "(x = (0, 1), b = 1: 2.3133 against 1.3133); translation invariance holds for the softmax, not for g", "",
      lambda: close(np.log(np.exp(np.array([0.0, 1.0]) + 1).sum()), np.log(np.exp(np.array([0.0, 1.0])).sum())))
nonclaim(SM, 311, "definition", "the choice b = max_i x_i")
nonclaim(SM, 312, "definition", "Q(i) proportional to P(i)^alpha", pick="Q(i) \\propto P(i)^\\alpha")
nonclaim(SM, 312, "condition", "alpha > 0", pick="\\alpha > 0")


# ---------------------------------------------------------------- d2l_linear_regression.md
LR = "d2l_linear_regression.md"
_nX, _dX = 12, 3
_Xd, _yd, _wd, _bd = RNG.normal(size=(_nX, _dX)), RNG.normal(size=_nX), RNG.normal(size=_dX), 0.4
nonclaim(LR, 16, "no-claim", "the conditional mean E[Y | X = x]")
nonclaim(LR, 33, "definition", "the price model")
nonclaim(LR, 48, "definition", "defines y-hat as a weighted sum")
nonclaim(LR, 50, "condition", "x in R^d")
nonclaim(LR, 51, "condition", "w in R^d")
label(LR, 55, "claim", "right", "numpy: w^T x + b = w_1 x_1 + ... + w_d x_d + b", "y-hat as defined above",
      lambda: close(_wd @ _Xd[0] + _bd, sum(_wd[k] * _Xd[0, k] for k in range(_dX)) + _bd))
nonclaim(LR, 61, "condition", "X in R^{n x d}")
nonclaim(LR, 65, "condition", "y-hat in R^n")
nonclaim(LR, 68, "definition", "the predictions of a dataset, Xw + b (broadcast)")
nonclaim(LR, 80, "condition", "1 <= i <= n")
nonclaim(LR, 93, "definition", "defines the squared error l^(i)")
label(LR, 107, "claim", "right", "numpy: the mean of the l^(i) with y-hat = w^T x + b is the second sum", "l^(i) as "
      "defined", lambda: close(np.mean(0.5 * (_Xd @ _wd + _bd - _yd)**2),
                               sum(0.5 * (_wd @ _Xd[i] + _bd - _yd[i])**2 for i in range(_nX)) / _nX))
nonclaim(LR, 112, "definition", "names the minimizers w*, b*")


def _normal_equations():
    """numpy: the gradient of ||y - Xw||^2 by central differences is 2 X^T (Xw - y); at w* = (X^T X)^{-1} X^T y
    it vanishes and X^T y = X^T X w*."""
    f = lambda w: np.sum((_yd - _Xd @ w)**2)
    eps = 1e-6
    numeric = np.array([(f(_wd + eps * e) - f(_wd - eps * e)) / (2 * eps) for e in np.eye(_dX)])
    star = np.linalg.inv(_Xd.T @ _Xd) @ _Xd.T @ _yd
    return np.allclose(numeric, 2 * _Xd.T @ (_Xd @ _wd - _yd), atol=1e-5) and close(_Xd.T @ _yd, _Xd.T @ _Xd @ star)


label(LR, 126, "claim", "right", "numpy: central differences give 2 X^T (Xw - y); where it is zero X^T y = X^T X w",
      "X of full rank", _normal_equations)
label(LR, 137, "claim", "right", "numpy: w* = (X^T X)^{-1} X^T y satisfies X^T X w* = X^T y and matches lstsq",
      "X^T X invertible", lambda: close(np.linalg.inv(_Xd.T @ _Xd) @ _Xd.T @ _yd,
                                        np.linalg.lstsq(_Xd, _yd, rcond=None)[0]))
nonclaim(LR, 161, "update", "the minibatch SGD update (an assignment)")


def _sgd_closed_form():
    """sympy, d = 2: d/dw of (w^T x + b - y)^2 / 2 is x (w^T x + b - y), d/db is (w^T x + b - y)."""
    w1, w2, x1, x2, yy = sp.symbols("w1 w2 x1 x2 y", real=True)
    res = w1 * x1 + w2 * x2 + b - yy
    return zero(sp.diff(res**2 / 2, w1) - x1 * res) and zero(sp.diff(res**2 / 2, w2) - x2 * res) \
        and zero(sp.diff(res**2 / 2, b) - res)


label(LR, 166, "claim", "right", "sympy, d = 2: the closed forms of the two gradients in the update", "l^(i) = "
      "(w^T x^(i) + b - y^(i))^2 / 2", _sgd_closed_form)
nonclaim(LR, 200, "definition", "defines the normal density p(x)")
nonclaim(LR, 212, "definition", "the noise model y = w^T x + b + epsilon")
_mu, _sg = sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
_normal = lambda v, m: sp.exp(-(v - m)**2 / (2 * _sg**2)) / sp.sqrt(2 * sp.pi * _sg**2)
label(LR, 217, "claim", "right", "sympy: the density of y = mu + epsilon, epsilon ~ N(0, sigma^2), at y is the noise "
      "density at y - mu (mu = w^T x + b)", "epsilon ~ N(0, sigma^2)",
      lambda: zero(_normal(y - _mu, 0) - sp.exp(-(y - _mu)**2 / (2 * _sg**2)) / sp.sqrt(2 * sp.pi * _sg**2)))
label(LR, 224, "claim", "right", "numpy: independent pairs: the joint density of the labels is the product (3 "
      "independent normal labels, density of the vector = product of the densities)", "pairs drawn independently",
      lambda: (lambda m, v: close(np.exp(-0.5 * np.sum((v - m)**2)) / (2 * np.pi)**1.5,
                                  np.prod(np.exp(-0.5 * (v - m)**2) / np.sqrt(2 * np.pi))))(RNG.normal(size=3),
                                                                                           RNG.normal(size=3)))


def _negative_log_likelihood():
    """sympy, n = 3: -log prod_i N(y_i; mu_i, sigma^2) = sum_i [log(2 pi sigma^2)/2 + (y_i - mu_i)^2/(2 sigma^2)]
    (the sum taken over both terms, as meant)."""
    ys, ms = sp.symbols("y1:4", real=True), sp.symbols("m1:4", real=True)
    lhs = -sp.log(sp.Mul(*(_normal(yi, mi) for yi, mi in zip(ys, ms))))
    rhs = sum(sp.log(2 * sp.pi * _sg**2) / 2 + (yi - mi)**2 / (2 * _sg**2) for yi, mi in zip(ys, ms))
    return zero(sp.expand_log(lhs - rhs, force=True))


label(LR, 232, "claim", "right", "sympy, n = 3: the negative log-likelihood of the normal model, term by term",
      "epsilon ~ N(0, sigma^2), independent pairs", _negative_log_likelihood)
nonclaim(LR, 259, "definition", "the neuron's weighted sum y")
nonclaim(LR, 264, "condition", "x_1, ..., x_n in R")
nonclaim(LR, 267, "definition", "defines the exercise's quadratic f(x)")
nonclaim(LR, 269, "definition", "defines the exercise's noise density")
nonclaim(LR, 272, "definition", "y = log price")
nonclaim(LR, 274, "definition", "the Poisson probability mass function")


# ---------------------------------------------------------------- d2l_linear_algebra_preliminaries.md
LA = "d2l_linear_algebra_preliminaries.md"
_R = lambda *shape: RNG.normal(size=shape)
nonclaim(LA, 18, "definition", "the Celsius conversion c = 5/9 (f - 32)")
nonclaim(LA, 29, "condition", "x in R")
nonclaim(LA, 33, "condition", "x, y in {0, 1}")
nonclaim(LA, 48, "definition", "the vector x by its entries")
nonclaim(LA, 57, "condition", "x in R^n")
for _line in (68, 70, 76):
    nonclaim(LA, _line, "condition", "A in R^{m x n}")
nonclaim(LA, 73, "definition", "the matrix A by its entries")
nonclaim(LA, 94, "definition", "B = A^T", pick="\\mathbf{B} = \\mathbf{A}^\\top")
label(LA, 94, "claim", "right", "numpy: the entries of B = A^T are b_ij = a_ji (random 3x4 A)", "B = A^T",
      lambda: (lambda A: all(close(A.T[i, j], A[j, i]) for i in range(4) for j in range(3)))(_R(3, 4)),
      pick="b_{ij} = a_{ji}")
label(LA, 98, "claim", "right", "numpy: the transpose of the entry table is the table with rows and columns swapped",
      "A in R^{m x n}", lambda: (lambda A: close(A.T, [[A[i, j] for i in range(3)] for j in range(4)]))(_R(3, 4)))
nonclaim(LA, 110, "condition", "A = A^T: what a symmetric matrix is")
nonclaim(LA, 121, "condition", "B in R^{m x n}")
nonclaim(LA, 123, "definition", "defines the Hadamard product entry by entry")
nonclaim(LA, 146, "condition", "x, y in R^d", pick="\\mathbf{x}, \\mathbf{y} \\in \\mathbb{R}^d")
label(LA, 146, "claim", "right", "numpy: x^T y = sum_i x_i y_i", "x, y in R^d",
      lambda: (lambda p, q: close(p @ q, sum(p * q)))(_R(6), _R(6)),
      pick="\\mathbf{x}^\\top \\mathbf{y} = \\sum_{i=1}^{d} x_i y_i")
nonclaim(LA, 150, "condition", "x in R^d")
nonclaim(LA, 151, "condition", "w in R^d")
nonclaim(LA, 156, "condition", "the weights sum to one")
nonclaim(LA, 161, "condition", "A in R^{m x n}")
nonclaim(LA, 162, "condition", "x in R^n")
nonclaim(LA, 166, "definition", "A written by its rows")
nonclaim(LA, 174, "condition", "a_i^T in R^n")
label(LA, 180, "claim", "right", "numpy: Ax is the column of the row products a_i^T x (random 3x4 A)", "A by its rows",
      lambda: (lambda A, v: close(A @ v, [A[i] @ v for i in range(3)]))(_R(3, 4), _R(4)))
nonclaim(LA, 196, "condition", "A in R^{m x n}")
nonclaim(LA, 205, "condition", "A in R^{n x k}", pick="\\mathbf{A} \\in \\mathbb{R}^{n \\times k}")
nonclaim(LA, 205, "condition", "B in R^{k x m}", pick="\\mathbf{B} \\in \\mathbb{R}^{k \\times m}")
nonclaim(LA, 207, "definition", "A and B by their entries")
nonclaim(LA, 221, "condition", "a_i^T in R^k")
nonclaim(LA, 223, "condition", "b_j in R^k")
nonclaim(LA, 225, "definition", "names the product C = AB")
nonclaim(LA, 227, "definition", "A by its rows, B by its columns")
nonclaim(LA, 240, "condition", "C in R^{n x m}")
label(LA, 242, "claim", "right", "numpy: (AB)_ij = a_i^T b_j (random 3x4, 4x2)", "A by rows, B by columns",
      lambda: (lambda A, B: close(A @ B, [[A[i] @ B[:, j] for j in range(2)] for i in range(3)]))(_R(3, 4), _R(4, 2)))
label(LA, 275, "claim", "right", "numpy: ||a x|| = |a| ||x|| for the l2 norm (f a norm)", "f a norm",
      lambda: (lambda al, v: close(np.linalg.norm(al * v), abs(al) * np.linalg.norm(v)))(-1.7, _R(5)))
label(LA, 280, "claim", "right", "numpy: the triangle inequality for the l1, l2 and l-inf norms on random pairs",
      "f a norm", lambda: all(np.linalg.norm(p + q, o) <= np.linalg.norm(p, o) + np.linalg.norm(q, o) + TOL
                              for p, q in RNG.normal(size=(100, 2, 5)) for o in (1, 2, np.inf)))
label(LA, 285, "claim", "right", "numpy: norms of random vectors are >= 0 (a norm is a sum of absolute values' "
      "function)", "f a norm", lambda: all(np.linalg.norm(v, o) >= 0 for v in RNG.normal(size=(50, 4)) for o in (1, 2)))
label(LA, 291, "claim", "right", "numpy: the l2 norm is 0 at the zero vector and positive at random nonzero vectors",
      "f a norm", lambda: np.linalg.norm(np.zeros(4)) == 0 and all(np.linalg.norm(v) > 0 for v in _R(20, 4)))
nonclaim(LA, 299, "definition", "defines the l2 norm")
nonclaim(LA, 308, "definition", "defines the l1 norm")
nonclaim(LA, 313, "definition", "defines the lp norm")
nonclaim(LA, 316, "condition", "X in R^{m x n}")
nonclaim(LA, 319, "definition", "defines the Frobenius norm")
label(LA, 328, "claim", "right", "numpy: (A^T)^T = A", "", lambda: (lambda A: close(A.T.T, A))(_R(3, 5)))
label(LA, 329, "claim", "right", "numpy: A^T + B^T = (A + B)^T", "", lambda: (lambda A, B: close(A.T + B.T, (A + B).T))(
    _R(3, 5), _R(3, 5)))


# ---------------------------------------------------------------- d2l_probability_preliminaries.md
PR = "d2l_probability_preliminaries.md"
_joint = RNG.dirichlet(np.ones(6)).reshape(2, 3)  # a random joint law of A (2 values) and B (3 values)
_pa, _pb = _joint.sum(axis=1), _joint.sum(axis=0)
_indep = np.outer(RNG.dirichlet(np.ones(2)), RNG.dirichlet(np.ones(3)))  # an independent joint law
_qa, _qb = _indep.sum(axis=1), _indep.sum(axis=0)
_R_ = sp.Rational
nonclaim(PR, 27, "definition", "the sample space S = {1, ..., 6}")
label(PR, 32, "claim", "right", "sympy: 3 is in {1, 3, 5}", "", lambda: sp.Integer(3) in sp.FiniteSet(1, 3, 5))
nonclaim(PR, 39, "condition", "axiom: P(A) >= 0", pick="P(\\mathcal{A}) \\geq 0")
nonclaim(PR, 40, "condition", "axiom: P(S) = 1")
nonclaim(PR, 41, "condition", "mutually exclusive events", pick="\\mathcal{A}_i \\cap \\mathcal{A}_j = \\emptyset")
nonclaim(PR, 41, "condition", "axiom: countable additivity",
         pick="P(\\bigcup_{i=1}^{\\infty} \\mathcal{A}_i) = \\sum_{i=1}^{\\infty} P(\\mathcal{A}_i)")
nonclaim(PR, 43, "example", "A_i = empty set for i > 1", pick="\\mathcal{A}_i = \\emptyset")
nonclaim(PR, 43, "condition", "i > 1", pick="i > 1")
label(PR, 43, "claim", "right", "sympy: additivity with A_1 = S, A_i = empty gives P(S) = P(S) + k P(empty) for every "
      "k >= 1, so P(empty) = 0", "the axioms", lambda: sp.solve(sp.Eq(1, 1 + 5 * sp.Symbol("q")), sp.Symbol("q")) == [0],
      pick="P(\\emptyset) = 0")
nonclaim(PR, 47, "example", "X = 5, the event of seeing a 5", pick="X = 5")
label(PR, 62, "claim", "right", "numpy: P(A = a, B = b) <= P(A = a) for every a, b of a random joint law", "",
      lambda: all(_joint[i, j] <= _pa[i] for i in range(2) for j in range(3)))
label(PR, 67, "claim", "right", "numpy: 0 <= P(A = a, B = b)/P(A = a) <= 1 on a random joint law", "P(A = a) > 0",
      lambda: all(0 <= _joint[i, j] / _pa[i] <= 1 for i in range(2) for j in range(3)))
label(PR, 75, "claim", "right", "numpy: P(A, B) = P(B | A) P(A) on a random joint law", "",
      lambda: close(_joint, (_joint / _pa[:, None]) * _pa[:, None]), pick="P(A, B) = P(B \\mid A) P(A)")
label(PR, 75, "claim", "right", "numpy: P(A, B) = P(A | B) P(B) on a random joint law", "",
      lambda: close(_joint, (_joint / _pb[None, :]) * _pb[None, :]), pick="P(A, B) = P(A \\mid B) P(B)")
nonclaim(PR, 75, "condition", "P(B) > 0", pick="P(B) > 0")
label(PR, 77, "claim", "right", "numpy: Bayes' theorem on a random joint law", "P(B) > 0",
      lambda: close(_joint / _pb[None, :], (_joint / _pa[:, None]) * _pa[:, None] / _pb[None, :]))
label(PR, 85, "claim", "right", "numpy: the marginal of B is the sum of the joint over A", "",
      lambda: close(_pb, _joint.sum(axis=0)))
label(PR, 94, "claim", "right", "numpy: for an independent joint law P(B | A) = P(B)", "A, B independent",
      lambda: close(_indep / _qa[:, None], np.broadcast_to(_qb, (2, 3))), pick="P(B \\mid A) = P(B)")
nonclaim(PR, 94, "no-claim", "notation: A independent of B", pick="A \\perp  B")
label(PR, 94, "claim", "right", "numpy: for an independent joint law P(A | B) = P(A)", "A, B independent",
      lambda: close(_indep / _qb[None, :], np.broadcast_to(_qa[:, None], (2, 3))), pick="P(A \\mid B) = P(A)")
label(PR, 96, "claim", "right", "numpy: for an independent joint law P(A | B) = P(A, B)/P(B) = P(A)", "A, B independent",
      lambda: close(_indep / _qb[None, :], np.broadcast_to(_qa[:, None], (2, 3))),
      pick="P(A \\mid B) = \\frac{P(A, B)}{P(B)} = P(A)")
label(PR, 96, "claim", "right", "numpy: an independent joint law is the product of its marginals", "A, B independent",
      lambda: close(_indep, np.outer(_qa, _qb)), pick="P(A, B) = P(A)P(B)")
nonclaim(PR, 98, "definition", "defines conditional independence (if and only if)",
         pick="P(A, B \\mid C) = P(A \\mid C)P(B \\mid C)")
for _line in (107, 132):
    nonclaim(PR, _line, "no-claim", "a table heading", pick="H=1")
    nonclaim(PR, _line, "no-claim", "a table heading", pick="H=0")
nonclaim(PR, 112, "example", "P(H = 1) = 0.0015 (assumed)", pick="P(H=1) = 0.0015")
_d1 = {0: _R_(1, 100), 1: _R_(1)}  # P(D_1 = 1 | H)
_d2 = {0: _R_(3, 100), 1: _R_(98, 100)}  # P(D_2 = 1 | H)
_h = {1: _R_(15, 10000), 0: 1 - _R_(15, 10000)}
_pd1 = _d1[0] * _h[0] + _d1[1] * _h[1]
_pd12 = _d1[0] * _d2[0] * _h[0] + _d1[1] * _d2[1] * _h[1]
label(PR, 114, "claim", "right", "exact: 0.01 * 0.9985 + 1 * 0.0015 = 0.011485", "the tables; P(H = 1) = 0.0015",
      lambda: _pd1 == _R_(11485, 1000000))
label(PR, 124, "claim", "right", "exact: 0.0015 / 0.011485 = 0.130605..., 0.1306 to four places",
      "the tables; P(H = 1) = 0.0015", lambda: abs(_d1[1] * _h[1] / _pd1 - _R_(1306, 10000)) < _R_(5, 100000))
label(PR, 141, "claim", "right", "exact: 0.01 * 0.03 = 0.0003", "conditional independence given H",
      lambda: _d1[0] * _d2[0] == _R_(3, 10000))
label(PR, 148, "claim", "right", "exact: 1 * 0.98 = 0.98", "conditional independence given H",
      lambda: _d1[1] * _d2[1] == _R_(98, 100))
label(PR, 157, "claim", "right", "exact: 0.0003 * 0.9985 + 0.98 * 0.0015 = 0.00176955", "the tables",
      lambda: _pd12 == _R_(176955, 100000000))
label(PR, 167, "claim", "right", "exact: 0.98 * 0.0015 / 0.00176955 = 0.830720..., 0.8307 to four places", "the tables",
      lambda: abs(_d1[1] * _d2[1] * _h[1] / _pd12 - _R_(8307, 10000)) < _R_(5, 100000))
nonclaim(PR, 178, "definition", "defines the expectation")
nonclaim(PR, 183, "definition", "defines the expectation of f(x)")
label(PR, 187, "claim", "right", "numpy, a discrete law: E[(X - E X)^2] = E[X^2] - E[X]^2", "",
      lambda: close(_E((_values - _E(_values))**2), _E(_values**2) - _E(_values)**2))
nonclaim(PR, 195, "definition", "defines the variance of f(x)")
nonclaim(PR, 199, "example", "m = 500 in the exercise", pick="m=500")
nonclaim(PR, 199, "example", "n = 10 in the exercise", pick="n=10")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
