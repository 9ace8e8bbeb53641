r"""Independent checks of the hand labels of planted_mistakes_9.md (round 27): a ninth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Sixteen sections (logistic regression with one weight, the maximum-likelihood estimate of a coin, moments of the
exponential distribution, softplus with slope two, a square root of a square, the minimum of a quadratic,
transposes of products, trace and determinant, the variance of a difference, gamma integrals, the discounted
return, sums of integers, x^x and 2^x, the arctangent, a uniform variable's moments, the Gaussian bump); nine claims
carry one deliberate slip each: a sign (the coin's score written k/p + (n-k)/(1-p)), factors (the exponential's
second moment 1/lambda^2 for 2/lambda^2, the quadratic's minimum c - b^2/(2a) for c - b^2/(4a), the uniform
variance (b-a)^2/6 for (b-a)^2/12), a chain rule without the inner derivative (d/dx log(1 + e^{2x})), a missing
condition (sqrt((x+1)^2) = x + 1 for every real x), a wrong expectation rule (Var(X - Y) = Var X - Var Y), a wrong
transpose ((ABC)^T = C^T A^T B^T) and the power rule applied to an exponential (d/dx 2^x = x 2^{x-1}).  As in the
earlier rounds each entry names a block by ``(file, line[, exact block text])``, gives its role and label, says how
it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that
returns True when the block's claim holds.  A wrong label's check evaluates the claim as stated (under the
section's conditions) and finds it false at a concrete point that satisfies them.  Nothing from the Formulary code
base is imported.

    python3 tests/corpus/notes/check_labels_round27.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round27.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp
import sympy.stats  # sp.stats

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_9.md"
xr, wr, a_, b_, c_, r_ = sp.symbols("x w a b c r", real=True)
x, lam, a, n = sp.symbols("x lambda a n", positive=True)
RNG = np.random.default_rng(27)
TOL = 1e-12
"""Absolute tolerance of the numpy matrix checks (entries of order 1, products of three 4x4 matrices: round-off is
about 1e-15, a wrong identity errs by O(1))."""


def mentions(line, *picks, role="no-claim", what="a name or expression mentioned in the prose"):
    for pick in picks:
        nonclaim(PM, line, role, what, pick=pick)


def sig(t):
    return 1 / (1 + sp.exp(-t))


mentions(5, "\\sigma(t) = 1/(1 + e^{-t})", role="definition", what="the logistic sigmoid")

# ---------------------------------------------------------------- 1. logistic regression
mentions(9, "(x, y)", "w")
mentions(9, "y \\in \\{0, 1\\}", role="condition", what="a binary label")
mentions(9, "\\ell(w) = y\\log\\sigma(wx) + (1 - y)\\log(1 - \\sigma(wx))", role="definition", what="the log-likelihood")
label(PM, 11, "claim", "right", "sympy: d/dw log sigma(wx) - (1 - sigma(wx)) x simplifies to 0", "",
      lambda: zero(sp.diff(sp.log(sig(wr * xr)), wr) - (1 - sig(wr * xr)) * xr))
label(PM, 17, "claim", "right", "sympy: d/dw log(1 - sigma(wx)) + sigma(wx) x simplifies to 0", "",
      lambda: zero(sp.diff(sp.log(1 - sig(wr * xr)), wr) + sig(wr * xr) * xr))
yy, s_ = sp.symbols("y s", real=True)
label(PM, 23, "claim", "right", "sympy: y(1 - s)x - (1 - y)s x - (y - s)x expands to 0", "",
      lambda: sp.expand(yy * (1 - s_) * xr - (1 - yy) * s_ * xr - (yy - s_) * xr) == 0)

# ---------------------------------------------------------------- 2. coin
mentions(29, "k", "n", "k\\log p + (n - k)\\log(1 - p)")
mentions(29, "0 < k < n", "p \\in (0, 1)", role="condition", what="the counts and the probability")
kk, nn, pp = sp.symbols("k n p", positive=True)


def _coin_score() -> bool:
    """The derivative is k/p - (n-k)/(1-p); at k = 1, n = 3, p = 1/2 the claim's right side is 2 + 4 = 6, the
    derivative 2 - 4 = -2."""
    d = sp.diff(kk * sp.log(pp) + (nn - kk) * sp.log(1 - pp), pp)
    claim = kk / pp + (nn - kk) / (1 - pp)
    at = {kk: 1, nn: 3, pp: sp.Rational(1, 2)}
    return d.subs(at) == claim.subs(at)


label(PM, 31, "claim", "wrong", "sympy: the derivative is k/p - (n-k)/(1-p); at k = 1, n = 3, p = 1/2 it is -2, the "
      "right side 6", "0 < k < n, 0 < p < 1", _coin_score)
mentions(35, "\\hat p = k/n", role="definition", what="the estimate")
label(PM, 37, "claim", "right", "sympy: k/(k/n) - (n-k)/(1-k/n) simplifies to 0", "0 < k < n",
      lambda: zero(kk / (kk / nn) - (nn - kk) / (1 - kk / nn)))

# ---------------------------------------------------------------- 3. exponential
mentions(43, "X", "\\lambda e^{-\\lambda x}")
mentions(43, "x \\ge 0", "\\lambda > 0", role="condition", what="the support and the rate")
label(PM, 45, "claim", "right", "sympy: integral of lambda e^{-lambda x} over (0, oo) is 1", "lambda > 0",
      lambda: zero(sp.integrate(lam * sp.exp(-lam * x), (x, 0, sp.oo)) - 1))
label(PM, 51, "claim", "right", "sympy: integral of x lambda e^{-lambda x} over (0, oo) is 1/lambda", "lambda > 0",
      lambda: zero(sp.integrate(x * lam * sp.exp(-lam * x), (x, 0, sp.oo)) - 1 / lam))
label(PM, 57, "claim", "wrong", "sympy: the integral is 2/lambda^2, not 1/lambda^2 (at lambda = 1: 2 against 1)",
      "lambda > 0", lambda: zero(sp.integrate(x**2 * lam * sp.exp(-lam * x), (x, 0, sp.oo)) - 1 / lam**2))
mentions(61, "2/\\lambda^2")
label(PM, 63, "claim", "right", "sympy: 2/lambda^2 - 1/lambda^2 - 1/lambda^2 = 0", "lambda > 0",
      lambda: zero(2 / lam**2 - 1 / lam**2 - 1 / lam**2))

# ---------------------------------------------------------------- 4. softplus with slope two
mentions(69, "\\log(1 + e^{2x})", "2x", "x")
label(PM, 71, "claim", "wrong", "sympy: the derivative is 2e^{2x}/(1 + e^{2x}); at x = 0 it is 1, the right side 1/2",
      "", lambda: zero(sp.diff(sp.log(1 + sp.exp(2 * xr)), xr) - sp.exp(2 * xr) / (1 + sp.exp(2 * xr))))
label(PM, 77, "claim", "right", "sympy: e^{2x}/(1 + e^{2x}) - 1/(1 + e^{-2x}) simplifies to 0", "",
      lambda: zero(sp.exp(2 * xr) / (1 + sp.exp(2 * xr)) - 1 / (1 + sp.exp(-2 * xr))))

# ---------------------------------------------------------------- 5. square root of a square
mentions(83, "x")
label(PM, 85, "claim", "wrong", "sympy: at x = -3 (a real x, as the section says) the left side is 2, the right -2",
      "x real", lambda: all(sp.sqrt(v**2 + 2 * v + 1) == v + 1 for v in (sp.Integer(-3), sp.Integer(2))))
label(PM, 91, "claim", "right", "sympy: the radicand factors as (x+1)^2 and sqrt((x+1)^2) = |x+1| for real x (and "
      "at x = -3, 0, 2)", "x real",
      lambda: zero(sp.sqrt(sp.factor(xr**2 + 2 * xr + 1)) - sp.Abs(xr + 1))
      and all(sp.sqrt(v**2 + 2 * v + 1) == abs(v + 1) for v in (-3, 0, 2)))

# ---------------------------------------------------------------- 6. quadratic
mentions(97, "f(x) = ax^2 + bx + c", role="definition", what="the quadratic")
mentions(97, "a > 0", role="condition", what="a > 0")
label(PM, 99, "claim", "right", "sympy: d/dx (ax^2 + bx + c) = 2ax + b", "",
      lambda: zero(sp.diff(a_ * xr**2 + b_ * xr + c_, xr) - (2 * a_ * xr + b_)))
mentions(103, "x = -b/(2a)", role="example", what="the stationary point")
label(PM, 105, "claim", "wrong", "sympy: the left side is c - b^2/(4a); at a = 1, b = 2, c = 0 it is -1, the right "
      "side -2", "a > 0",
      lambda: zero(a * (-b_ / (2 * a))**2 + b_ * (-b_ / (2 * a)) + c_ - (c_ - b_**2 / (2 * a))))

# ---------------------------------------------------------------- 7. transposes
mentions(111, "\\mathbf{A}", "\\mathbf{B}", "\\mathbf{C}", "n \\times n")
mentions(111, "\\mathbf{x} \\in \\mathbb{R}^n", role="condition", what="x a vector of R^n")


def _matrices(k=3, size=4):
    return [RNG.standard_normal((size, size)) for _ in range(k)]


def _transpose_vector() -> bool:
    for size in (1, 2, 4):
        A, B = _matrices(2, size)
        v = RNG.standard_normal(size)
        if np.max(np.abs((A @ B).T @ v - B.T @ A.T @ v)) > TOL:
            return False
    return True


label(PM, 113, "claim", "right", "numpy: random n x n matrices and vectors for n = 1, 2, 4", "", _transpose_vector)


def _transpose_three() -> bool:
    """At A = [[0,1],[0,0]], B = [[0,0],[1,0]], C = I the left side (AB)^T = [[1,0],[0,0]], the right side
    A^T B^T = [[0,0],[0,1]]."""
    A = np.array([[0.0, 1.0], [0.0, 0.0]])
    B = np.array([[0.0, 0.0], [1.0, 0.0]])
    C = np.eye(2)
    return np.max(np.abs((A @ B @ C).T - C.T @ A.T @ B.T)) <= TOL


label(PM, 119, "claim", "wrong", "numpy: at A = [[0,1],[0,0]], B = A^T, C = I the two sides differ by 1 in two "
      "entries; the rule is C^T B^T A^T", "A, B, C n x n", _transpose_three)

# ---------------------------------------------------------------- 8. trace and determinant
mentions(125, "3 \\times 3", "\\mathbf{A}", "\\mathbf{B}")


def _trace() -> bool:
    A, B = _matrices(2, 3)
    return abs(np.trace(A @ B) - np.trace(B @ A)) <= TOL


def _det() -> bool:
    M = sp.Matrix(3, 3, sp.symbols("m0:9"))
    return sp.expand((3 * M).det() - 27 * M.det()) == 0


label(PM, 127, "claim", "right", "numpy: random 3 x 3 matrices", "", _trace)
label(PM, 133, "claim", "right", "sympy: det(3M) - 27 det(M) expands to 0 for a symbolic 3 x 3 M", "", _det)

# ---------------------------------------------------------------- 9. variance of a difference
mentions(139, "X", "Y")


def _var_difference() -> bool:
    """X, Y independent standard normal: Var(X - Y) = 2 (the sum of the variances), the claim's right side 0."""
    X, Y = sp.stats.Normal("X", 0, 1), sp.stats.Normal("Y", 0, 1)
    return sp.simplify(sp.stats.variance(X - Y) - (sp.stats.variance(X) - sp.stats.variance(Y))) == 0


def _var_scale() -> bool:
    X = sp.stats.Normal("X", sp.Symbol("mu", real=True), sp.Symbol("s", positive=True))
    return sp.simplify(sp.stats.variance(2 * X) - 4 * sp.stats.variance(X)) == 0


label(PM, 141, "claim", "wrong", "sympy.stats: X, Y independent N(0, 1): Var(X - Y) = 2, the right side 0",
      "X, Y independent, finite variances", _var_difference)
label(PM, 147, "claim", "right", "sympy.stats: Var(2X) = 4 Var(X) for X ~ N(mu, s^2)", "", _var_scale)

# ---------------------------------------------------------------- 10. gamma integrals
label(PM, 155, "claim", "right", "sympy: integral of x^2 e^{-x} over (0, oo) is 2",
      "", lambda: sp.integrate(x**2 * sp.exp(-x), (x, 0, sp.oo)) == 2)
label(PM, 161, "claim", "right", "sympy: integral of x^3 e^{-x} over (0, oo) is 6",
      "", lambda: sp.integrate(x**3 * sp.exp(-x), (x, 0, sp.oo)) == 6)
mentions(165, "\\pi")
label(PM, 167, "claim", "right", "mpmath: quad of sqrt(x) e^{-x} over (0, inf) against sqrt(pi)/2 at 30 digits", "",
      lambda: abs(mp.quad(lambda t: mp.sqrt(t) * mp.exp(-t), [0, 1, mp.inf]) - mp.sqrt(mp.pi) / 2) < 1e-20)

# ---------------------------------------------------------------- 11. discounted return
mentions(173, "r")
mentions(173, "0 \\le \\gamma < 1", role="condition", what="the discount")
g_ = sp.Symbol("gamma", nonnegative=True)
label(PM, 175, "claim", "right", "sympy: the geometric series sum_k gamma^k r = r/(1 - gamma) for |gamma| < 1 (at "
      "gamma = 0, 1/2, 9/10)", "0 <= gamma < 1",
      lambda: all(zero(sp.summation(v**sp.Symbol("k", integer=True, nonnegative=True) * r_,
                                    (sp.Symbol("k", integer=True, nonnegative=True), 0, sp.oo)) - r_ / (1 - v))
                  for v in (sp.Integer(0), sp.Rational(1, 2), sp.Rational(9, 10))))
mentions(179, "\\gamma = 0.9", "r = 1", role="example", what="the example's discount and reward")
label(PM, 181, "claim", "right", "exact: 1/(1 - 9/10) = 10", "", lambda: 1 / (1 - sp.Rational(9, 10)) == 10)

# ---------------------------------------------------------------- 12. sums
mentions(187, "n")
i_ = sp.Symbol("i", integer=True, positive=True)
nI = sp.Symbol("n", integer=True, positive=True)
label(PM, 189, "claim", "right", "sympy: summation of 2i - 1 for i = 1..n is n^2", "n a positive integer",
      lambda: zero(sp.summation(2 * i_ - 1, (i_, 1, nI)) - nI**2))
label(PM, 193, "claim", "right", "sympy: summation of i^2 for i = 1..n is n(n+1)(2n+1)/6", "n a positive integer",
      lambda: zero(sp.summation(i_**2, (i_, 1, nI)) - nI * (nI + 1) * (2 * nI + 1) / 6))
mentions(197, "n")
label(PM, 199, "claim", "right", "sympy: (1/n) summation of i for i = 1..n is (n+1)/2", "n a positive integer",
      lambda: zero(sp.summation(i_, (i_, 1, nI)) / nI - (nI + 1) / 2))

# ---------------------------------------------------------------- 13. x^x and 2^x
mentions(205, "x > 0", role="condition", what="x > 0")
label(PM, 205, "claim", "right", "sympy: x^x - e^{x log x} simplifies to 0 for x > 0", "x > 0",
      lambda: zero(x**x - sp.exp(x * sp.log(x))), pick="x^x = e^{x\\log x}")
label(PM, 207, "claim", "right", "sympy: d/dx x^x - x^x (log x + 1) simplifies to 0 for x > 0", "x > 0",
      lambda: zero(sp.diff(x**x, x) - x**x * (sp.log(x) + 1)))
label(PM, 213, "claim", "wrong", "sympy: d/dx 2^x = 2^x log 2; at x = 1 it is 2 log 2 = 1.386..., the right side 1",
      "", lambda: zero(sp.diff(2**xr, xr) - xr * 2**(xr - 1)))

# ---------------------------------------------------------------- 14. arctangent
label(PM, 221, "claim", "right", "sympy: d/dx atan(x) - 1/(1 + x^2) simplifies to 0", "",
      lambda: zero(sp.diff(sp.atan(xr), xr) - 1 / (1 + xr**2)))
label(PM, 227, "claim", "right", "sympy: integral of 1/(1 + x^2) over (0, 1) is pi/4", "",
      lambda: zero(sp.integrate(1 / (1 + xr**2), (xr, 0, 1)) - sp.pi / 4))

# ---------------------------------------------------------------- 15. uniform
mentions(233, "X", "[a, b]")
mentions(233, "a < b", role="condition", what="a < b")
bb = sp.Symbol("b", real=True)
label(PM, 235, "claim", "right", "sympy: (1/(b-a)) integral of x over (a, b) is (a+b)/2", "a < b",
      lambda: zero(sp.integrate(xr, (xr, a_, bb)) / (bb - a_) - (a_ + bb) / 2))
label(PM, 241, "claim", "wrong", "sympy: the integral is (b-a)^2/12; at a = 0, b = 1 it is 1/12, the right side 1/6",
      "a < b", lambda: zero(sp.integrate((xr - (a_ + bb) / 2)**2, (xr, a_, bb)) / (bb - a_) - (bb - a_)**2 / 6))

# ---------------------------------------------------------------- 16. Gaussian bump
mentions(247, "e^{-x^2/2}")
label(PM, 249, "claim", "right", "sympy: d/dx e^{-x^2/2} + x e^{-x^2/2} simplifies to 0", "",
      lambda: zero(sp.diff(sp.exp(-xr**2 / 2), xr) + xr * sp.exp(-xr**2 / 2)))
label(PM, 255, "claim", "right", "sympy: the second derivative of e^{-x^2/2} is (x^2 - 1) e^{-x^2/2}", "",
      lambda: zero(sp.diff(sp.exp(-xr**2 / 2), xr, 2) - (xr**2 - 1) * sp.exp(-xr**2 / 2)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
