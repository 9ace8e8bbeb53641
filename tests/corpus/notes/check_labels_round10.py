r"""Independent checks of the hand labels of planted_mistakes_2.md (round 10): a second file of study notes with
planted mistakes, written for the corpus before Formulary was run on it and held out from tuning.

Nineteen sections, each a short correct derivation; ten carry one deliberate slip (a sign, a missing factor, an
off-by-one in a geometric sum, a log base, a wrong condition, a swapped product).  As in the earlier rounds each
entry names a block by ``(file, line[, exact block text])``, gives its role and label, says how it was checked
and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that returns True when
the block's claim holds.  A wrong label's check evaluates the claim as stated (under the section's conditions)
and finds it false at a concrete point that satisfies them.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round10.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round10.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

RNG = np.random.default_rng(10)
TOL = 1e-9
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1-100)."""

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_2.md"
x, y, z, a, b, g, h, u, w, r, mu = sp.symbols("x y z a b g h u w r mu", real=True)
p, gam, beta = sp.symbols("p gamma beta", positive=True)
v, s = sp.symbols("v s", positive=True)
n, t = sp.symbols("n t", integer=True, positive=True)


def sig(q):
    return 1 / (1 + sp.exp(-q))


def _pmfs(count=20):
    """Random discrete distributions: support values and probabilities (numpy)."""
    for _ in range(count):
        k = int(RNG.integers(2, 6))
        yield RNG.normal(size=k) * 3, RNG.dirichlet(np.ones(k))


def _var(vals, probs):
    m = probs @ vals
    return probs @ (vals - m) ** 2


# ---------------------------------------------------------------- 1. binary cross-entropy
ell = -y * sp.log(sig(z)) - (1 - y) * sp.log(1 - sig(z))
nonclaim(PM, 9, "definition", "the sigmoid defined", pick="\\sigma(z) = \\frac{1}{1+e^{-z}}")
nonclaim(PM, 9, "condition", "the label is 0 or 1", pick="y \\in \\{0, 1\\}")
nonclaim(PM, 11, "definition", "the per-example loss defined")
label(PM, 15, "claim", "right", "sympy: diff(sigma, z) - sigma (1 - sigma) simplifies to 0", "",
      lambda: zero(sp.diff(sig(z), z) - sig(z) * (1 - sig(z))))
label(PM, 17, "claim", "right", "sympy: d/dz log sigma = 1 - sigma and d/dz log(1 - sigma) = -sigma", "",
      lambda: zero(sp.diff(sp.log(sig(z)), z) - (1 - sig(z))) and zero(sp.diff(sp.log(1 - sig(z)), z) + sig(z)))
label(PM, 23, "claim", "right", "sympy: diff(ell, z) equals -y(1-sigma) + (1-y) sigma, which equals sigma - y",
      "y in {0, 1}", lambda: zero(sp.diff(ell, z) - (-y * (1 - sig(z)) + (1 - y) * sig(z)))
      and zero(-y * (1 - sig(z)) + (1 - y) * sig(z) - (sig(z) - y)))

# ---------------------------------------------------------------- 2. variance of an affine map
nonclaim(PM, 31, "definition", "X named as a random variable", pick="X")
nonclaim(PM, 31, "condition", "a, b real", pick="a, b \\in \\mathbb{R}")
label(PM, 33, "claim", "right", "numpy: on 20 random discrete distributions E[(X-EX)^2] = E[X^2] - (EX)^2", "",
      lambda: all(abs(_var(xs, ps) - (ps @ xs**2 - (ps @ xs) ** 2)) < TOL for xs, ps in _pmfs()))
label(PM, 37, "claim", "right", "numpy: E[aX+b] = a E[X] + b on random discrete distributions and a, b", "",
      lambda: all(abs(ps @ (2.5 * xs - 1.5) - (2.5 * (ps @ xs) - 1.5)) < TOL for xs, ps in _pmfs()))
label(PM, 39, "claim", "right", "numpy: pointwise on the support, aX + b - E[aX+b] = a(X - EX)", "",
      lambda: all(np.allclose(-3 * xs + 2 - (ps @ (-3 * xs + 2)), -3 * (xs - ps @ xs), atol=TOL, rtol=0)
                  for xs, ps in _pmfs()))
label(PM, 45, "claim", "wrong", "numpy: a = 2, b = 1 on random discrete distributions: Var(2X+1) = 4 Var X, not "
      "2 Var X (the claim needs a^2)", "a, b real",
      lambda: all(abs(_var(2 * xs + 1, ps) - 2 * _var(xs, ps)) < TOL for xs, ps in _pmfs()))

# ---------------------------------------------------------------- 3. return of a constant reward
k = sp.Symbol("k", integer=True, nonnegative=True)


def _return(horizon, discount):
    return sum(discount**j * r for j in range(horizon))


nonclaim(PM, 53, "definition", "r named as the reward", pick="r")
nonclaim(PM, 53, "condition", "0 <= gamma < 1", pick="0 \\le \\gamma < 1")
nonclaim(PM, 53, "definition", "n named as the horizon", pick="n")
nonclaim(PM, 55, "definition", "the return G_n defined as a finite sum")
label(PM, 61, "claim", "right", "sympy: summation(gamma^k, (k, 0, n-1)) = (1 - gamma^n)/(1 - gamma) for n = 1..8 "
      "and gamma in {0, 1/3, 9/10}", "0 <= gamma < 1",
      lambda: all(zero(sum(q**j for j in range(m)) - (1 - q**m) / (1 - q))
                  for m in range(1, 9) for q in (sp.Integer(0), sp.Rational(1, 3), sp.Rational(9, 10))))
label(PM, 67, "claim", "wrong", "sympy: with G_n the sum of line 55, n = 1, gamma = 1/2, r = 1: G_1 = 1 but the "
      "formula gives 3/2 (exponent n+1 instead of n)", "0 <= gamma < 1",
      lambda: all(zero(_return(m, q) - r * (1 - q**(m + 1)) / (1 - q))
                  for m in range(1, 6) for q in (sp.Rational(1, 2), sp.Rational(1, 5))))
label(PM, 71, "claim", "right", "sympy: limit of r (1 - gamma^n)/(1 - gamma) as n -> oo is r/(1 - gamma) for "
      "gamma in {1/2, 9/10} and gamma = 0", "0 <= gamma < 1",
      lambda: all(zero(sp.limit(r * (1 - q**n) / (1 - q), n, sp.oo) - r / (1 - q))
                  for q in (sp.Rational(1, 2), sp.Rational(9, 10))) and zero(_return(3, 0) - r))

# ---------------------------------------------------------------- 4. log-sum-exp
zs = sp.symbols("z1:4", real=True)
lse = sp.log(sum(sp.exp(q) for q in zs))
nonclaim(PM, 75, "condition", "z in R^K")
nonclaim(PM, 77, "definition", "lse defined")
label(PM, 83, "claim", "right", "sympy, K = 3: d lse / d z_i equals exp(z_i) / sum_j exp(z_j) for each i", "",
      lambda: all(zero(sp.diff(lse, q) - sp.exp(q) / sum(sp.exp(o) for o in zs)) for q in zs))
nonclaim(PM, 87, "definition", "i names an index")


def _lse_bounds():
    for _ in range(200):
        K = int(RNG.integers(1, 8))
        zz = RNG.normal(size=K) * 5
        m = zz.max()
        val = m + np.log(np.exp(zz - m).sum())
        if not (m - TOL <= val <= m + np.log(K) + TOL):
            return False
    return True


label(PM, 89, "claim", "right", "numpy: 200 random z (K = 1..7): max z <= lse(z) <= max z + log K", "",
      _lse_bounds)

# ---------------------------------------------------------------- 5. least squares with a bias
xs3, ys3 = sp.symbols("x1:4", real=True), sp.symbols("y1:4", real=True)
L3 = sp.Rational(1, 3) * sum((w * xi + b - yi) ** 2 for xi, yi in zip(xs3, ys3))
nonclaim(PM, 95, "definition", "the data pairs named", pick="(x_i, y_i)")
nonclaim(PM, 95, "definition", "the index range", pick="i = 1, \\dots, n")
nonclaim(PM, 95, "definition", "the line named", pick="wx + b")
nonclaim(PM, 97, "definition", "the mean squared error L(w, b) defined")
label(PM, 103, "claim", "right", "sympy, n = 3: dL/dw = (2/3) sum (w x_i + b - y_i) x_i", "",
      lambda: zero(sp.diff(L3, w) - sp.Rational(2, 3) * sum((w * xi + b - yi) * xi for xi, yi in zip(xs3, ys3))))
label(PM, 109, "claim", "wrong", "sympy, n = 3: dL/db = +(2/3) sum (w x_i + b - y_i); the stated minus sign is "
      "wrong (counterexample: all x_i = y_i = 0, w = 0, b = 1: dL/db = 2, the formula gives -2)", "",
      lambda: zero(sp.diff(L3, b) + sp.Rational(2, 3) * sum(w * xi + b - yi for xi, yi in zip(xs3, ys3))))

# ---------------------------------------------------------------- 6. bits versus nats
He = -p * sp.log(p) - (1 - p) * sp.log(1 - p)
H2 = -p * sp.log(p, 2) - (1 - p) * sp.log(1 - p, 2)
nonclaim(PM, 117, "condition", "0 < p < 1", pick="0 < p < 1")
nonclaim(PM, 117, "definition", "p named as the coin's bias", pick="p")
nonclaim(PM, 119, "definition", "the entropy in nats defined")
nonclaim(PM, 125, "definition", "the entropy in bits defined")
label(PM, 129, "claim", "right", "sympy: log(u, 2) - log(u)/log(2) simplifies to 0 for u > 0", "u > 0",
      lambda: zero(sp.log(v, 2) - sp.log(v) / sp.log(2)), pick="\\log_2 u = \\frac{\\ln u}{\\ln 2}")
nonclaim(PM, 129, "condition", "u > 0", pick="u > 0")
label(PM, 131, "claim", "wrong", "sympy: at p = 1/2, H_2 = 1 but H_e ln 2 = (ln 2)^2 ~ 0.48 (the conversion divides "
      "by ln 2)", "0 < p < 1",
      lambda: all(zero((H2 - He * sp.log(2)).subs(p, q)) for q in (sp.Rational(1, 2), sp.Rational(1, 5))))
label(PM, 135, "claim", "right", "sympy: H_2(1/2) = 1", "", lambda: zero(H2.subs(p, sp.Rational(1, 2)) - 1))

# ---------------------------------------------------------------- 7. Gaussian log-likelihood
x_ = sp.Symbol("x", real=True)
logp = -sp.log(2 * sp.pi * v) / 2 - (x_ - mu) ** 2 / (2 * v)
nonclaim(PM, 139, "definition", "v named as the variance, positive")
nonclaim(PM, 141, "definition", "the Gaussian log-density written out")
label(PM, 147, "claim", "right", "sympy: d/dmu of the log-density is (x - mu)/v", "v > 0",
      lambda: zero(sp.diff(logp, mu) - (x_ - mu) / v))
label(PM, 153, "claim", "wrong", "sympy: d/dv of the log-density is -1/(2v) + (x-mu)^2/(2 v^2); at x - mu = 1, v = 1 "
      "it is 0, the stated form gives 1/2", "v > 0",
      lambda: zero(sp.diff(logp, v) - (-1 / (2 * v) + (x_ - mu) ** 2 / v**2)))

# ---------------------------------------------------------------- 8. softplus
sp_ = sp.log(1 + sp.exp(x))
nonclaim(PM, 163, "definition", "softplus defined")
label(PM, 169, "claim", "right", "sympy: d/dx log(1 + e^x) - 1/(1 + e^-x) simplifies to 0", "",
      lambda: zero(sp.diff(sp_, x) - 1 / (1 + sp.exp(-x))))
nonclaim(PM, 173, "definition", "the argument x named", pick="x")
nonclaim(PM, 173, "definition", "the argument -x named", pick="-x")
label(PM, 175, "claim", "right", "sympy: log(1 + e^x) - log(1 + e^-x) - x = 0 (after expand_log/simplify; numeric "
      "check at 9 points as well)", "",
      lambda: zero(sp.expand_log(sp.log((1 + sp.exp(x)) / (1 + sp.exp(-x))), force=True) - x)
      or all(abs(float((sp_ - sp_.subs(x, -x) - x).subs(x, q))) < TOL for q in range(-4, 5)))

# ---------------------------------------------------------------- 9. weight decay
eta, lam = sp.symbols("eta lambda", positive=True)
nonclaim(PM, 181, "definition", "g named as the gradient", pick="g")
nonclaim(PM, 181, "condition", "eta > 0", pick="\\eta > 0")
nonclaim(PM, 181, "condition", "lambda > 0", pick="\\lambda > 0")
nonclaim(PM, 183, "update", "the SGD step with an L2 penalty (w is reassigned)")
nonclaim(PM, 187, "definition", "w named", pick="w")
label(PM, 189, "claim", "right", "sympy: expand both sides", "",
      lambda: zero(w - eta * (g + lam * w) - ((1 - eta * lam) * w - eta * g)))
nonclaim(PM, 193, "definition", "the shrink factor named (no claim)")

# ---------------------------------------------------------------- 10. moving average


def _unrolled(T):
    gs = sp.symbols(f"g1:{T + 1}", real=True)
    m = sp.Integer(0)
    for gi in gs:
        m = beta * m + (1 - beta) * gi
    return m, gs


nonclaim(PM, 197, "definition", "the initial value m_0 = 0")
nonclaim(PM, 199, "update", "the moving-average recurrence")
nonclaim(PM, 203, "condition", "0 < beta < 1")
label(PM, 205, "claim", "right", "sympy: the recurrence from m_0 = 0 unrolled for t = 1..6 equals "
      "(1-beta) sum_{i=1}^t beta^(t-i) g_i", "m_0 = 0",
      lambda: all(zero(m - (1 - beta) * sum(beta ** (T - i) * gs[i - 1] for i in range(1, T + 1)))
                  for T in range(1, 7) for m, gs in [_unrolled(T)]))
nonclaim(PM, 209, "definition", "g named as the constant gradient", pick="g")
label(PM, 211, "claim", "right", "sympy: (1-beta) sum_{i=1}^t beta^(t-i) = 1 - beta^t for t = 1..8, and "
      "symbolically with summation", "0 < beta < 1",
      lambda: all(zero((1 - beta) * sum(beta ** (T - i) for i in range(1, T + 1)) - (1 - beta**T))
                  for T in range(1, 9)))
label(PM, 215, "claim", "right", "sympy: the unrolled recurrence with all g_i = g equals (1 - beta^t) g, t = 1..6",
      "all g_i = g, m_0 = 0", lambda: all(zero(m.subs({gi: g for gi in gs}) - (1 - beta**T) * g)
                                           for T in range(1, 7) for m, gs in [_unrolled(T)]),
      pick="m_t = (1-\\beta^t)\\,g")
nonclaim(PM, 215, "definition", "the divisor named (no claim)", pick="1-\\beta^t")

# ---------------------------------------------------------------- 11. squared distances


def _norms(sign, cross):
    for _ in range(50):
        d = int(RNG.integers(1, 6))
        va, vb = RNG.normal(size=d), RNG.normal(size=d)
        lhs = np.sum((va + sign * vb) ** 2)
        rhs = va @ va + cross * (va @ vb) + vb @ vb
        if abs(lhs - rhs) > TOL * (1 + abs(lhs)):
            return False
    return True


nonclaim(PM, 219, "condition", "a, b in R^d")
label(PM, 221, "claim", "right", "numpy: 50 random pairs of vectors, d = 1..5", "", lambda: _norms(+1, 2))
nonclaim(PM, 225, "definition", "b named", pick="\\mathbf{b}")
nonclaim(PM, 225, "definition", "-b named", pick="-\\mathbf{b}")
label(PM, 227, "claim", "wrong", "numpy: random vectors; ||a-b||^2 = ||a||^2 - 2a.b + ||b||^2, the factor 2 is "
      "missing (counterexample a = b = (1): 0 versus 1)", "a, b in R^d", lambda: _norms(-1, -1))

# ---------------------------------------------------------------- 12. transpose of a product


def _transpose(swap):
    for m_, n_, p_ in ((2, 2, 2), (3, 3, 3), (2, 3, 2)):
        A, B = RNG.normal(size=(m_, n_)), RNG.normal(size=(n_, p_))
        rhs = B.T @ A.T if swap else (A.T @ B.T if m_ == p_ else None)
        if rhs is None or not np.allclose((A @ B).T, rhs, atol=TOL, rtol=0):
            return False
    return True


nonclaim(PM, 235, "condition", "A is m x n", pick="A \\in \\mathbb{R}^{m \\times n}")
nonclaim(PM, 235, "condition", "B is n x p", pick="B \\in \\mathbb{R}^{n \\times p}")
label(PM, 237, "claim", "wrong", "numpy: random 2x2 and 3x3 A, B (m = n = p allowed): (AB)^T = B^T A^T != A^T B^T; "
      "for m != p the right side is not even defined", "A m x n, B n x p", lambda: _transpose(False))
label(PM, 243, "claim", "right", "numpy: random 3x2, 4x3 A: (A^T A)^T = A^T A", "",
      lambda: all(np.allclose((M.T @ M).T, M.T @ M, atol=TOL) for M in (RNG.normal(size=(3, 2)),
                                                                       RNG.normal(size=(4, 3)))))

# ---------------------------------------------------------------- 13. gradient of a quadratic form


def _quad_grad(claim):
    for d in (2, 3):
        xs = sp.Matrix(sp.symbols(f"x1:{d + 1}", real=True))
        A = sp.Matrix(d, d, lambda i, j: sp.Rational(int(RNG.integers(-5, 6)), int(RNG.integers(1, 4))))
        while A == A.T:
            A[0, 1] += 1
        f = (xs.T * A * xs)[0]
        grad = sp.Matrix([sp.diff(f, q) for q in xs])
        if any(sp.expand(e) != 0 for e in grad - claim(A) * xs):
            return False
    return True


nonclaim(PM, 249, "condition", "A square, d x d")
nonclaim(PM, 251, "definition", "the quadratic form f(x) defined")
label(PM, 255, "claim", "right", "sympy, d = 3: x^T A x equals sum_{i,j} x_i A_ij x_j (symbolic A)", "",
      lambda: zero((sp.Matrix(sp.symbols("x1:4")).T * sp.Matrix(3, 3, sp.symbols("a1:10"))
                    * sp.Matrix(sp.symbols("x1:4")))[0]
                   - sum(sp.symbols("x1:4")[i] * sp.symbols("a1:10")[3 * i + j] * sp.symbols("x1:4")[j]
                         for i in range(3) for j in range(3))), pick="f = \\sum_{i,j} x_i A_{ij} x_j")
nonclaim(PM, 255, "definition", "x_k named", pick="x_k")
label(PM, 257, "claim", "right", "sympy: gradient of x^T A x for random non-symmetric rational A (d = 2, 3) is "
      "(A + A^T) x", "A square", lambda: _quad_grad(lambda A: A + A.T))
nonclaim(PM, 261, "definition", "A named", pick="A")
label(PM, 263, "claim", "wrong", "sympy: for non-symmetric A the gradient (A + A^T) x differs from 2 A x (e.g. "
      "A = [[0, 1], [0, 0]], x = (0, 1): (1, 0) versus (2, 0)); the claim is stated for any square A",
      "any square A", lambda: _quad_grad(lambda A: 2 * A))

# ---------------------------------------------------------------- 14. logit
nonclaim(PM, 269, "definition", "the centre of symmetry named (a point)")
label(PM, 271, "claim", "right", "sympy: sigma(-x) - (1 - sigma(x)) simplifies to 0", "",
      lambda: zero(sig(-x) - (1 - sig(x))))
nonclaim(PM, 275, "condition", "0 < p < 1")
label(PM, 277, "claim", "right", "sympy: sigma(log(p/(1-p))) - p simplifies to 0 for 0 < p < 1", "0 < p < 1",
      lambda: zero(sig(sp.log(p / (1 - p))) - p))

# ---------------------------------------------------------------- 15. two-weight network
w1, w2 = sp.symbols("w1 w2", real=True)
net = w2 * sp.tanh(w1 * x)
nonclaim(PM, 285, "definition", "the network y defined")
label(PM, 289, "claim", "right", "sympy: diff(tanh(u), u) - (1 - tanh(u)^2) = 0", "",
      lambda: zero(sp.diff(sp.tanh(u), u) - (1 - sp.tanh(u) ** 2)))
label(PM, 291, "claim", "right", "sympy: dy/dw1 = w2 (1 - tanh^2(w1 x)) x", "",
      lambda: zero(sp.diff(net, w1) - w2 * (1 - sp.tanh(w1 * x) ** 2) * x))
label(PM, 297, "claim", "wrong", "sympy: dy/dx = w2 w1 (1 - tanh^2(w1 x)); the factor w1 is missing (w1 = 2, x = 0, "
      "w2 = 1: 2 versus 1)", "", lambda: zero(sp.diff(net, x) - w2 * (1 - sp.tanh(w1 * x) ** 2)))

# ---------------------------------------------------------------- 16. inverted dropout


def _dropout(which):
    for q in (sp.Integer(0), sp.Rational(1, 5), sp.Rational(1, 2), sp.Rational(9, 10)):
        vals = (sp.Integer(0), h / (1 - q))  # m = 0 with probability q, m = 1 with probability 1 - q
        probs = (q, 1 - q)
        mean = sum(pv * xv for pv, xv in zip(probs, vals))
        second = sum(pv * xv**2 for pv, xv in zip(probs, vals))
        if which == "mean" and not (zero(mean - (1 - q) * h / (1 - q)) and zero(mean - h)):
            return False
        if which == "var" and not (zero(second - mean**2 - (h**2 / (1 - q) - h**2))
                                   and zero(h**2 / (1 - q) - h**2 - q * h**2 / (1 - q))):
            return False
    return True


nonclaim(PM, 303, "definition", "the keep probability named", pick="1-p")
nonclaim(PM, 303, "condition", "0 <= p < 1", pick="0 \\le p < 1")
nonclaim(PM, 303, "condition", "the mask distribution", pick="m \\sim \\mathrm{Bernoulli}(1-p)")
nonclaim(PM, 303, "definition", "the scaled output defined", pick="\\tilde{h} = \\frac{m h}{1-p}")
nonclaim(PM, 303, "definition", "h named", pick="h")
label(PM, 305, "claim", "right", "sympy: the two-point distribution of m h/(1-p) at p in {0, 1/5, 1/2, 9/10}: mean "
      "(1-p)h/(1-p) = h", "0 <= p < 1", lambda: _dropout("mean"))
label(PM, 309, "claim", "right", "m takes the values 0 and 1 only, and 0^2 = 0, 1^2 = 1", "m Bernoulli",
      lambda: all(q**2 == q for q in (0, 1)))
label(PM, 311, "claim", "right", "sympy: same distribution: E[h~^2] - E[h~]^2 = h^2/(1-p) - h^2 = p h^2/(1-p)",
      "0 <= p < 1", lambda: _dropout("var"))

# ---------------------------------------------------------------- 17. AM-GM
an, bn = sp.symbols("a b", nonnegative=True)
nonclaim(PM, 317, "condition", "a, b >= 0")
label(PM, 319, "claim", "right", "sympy: (sqrt a - sqrt b)^2/2 expands to (a+b)/2 - sqrt(a) sqrt(b) = (a+b)/2 - "
      "sqrt(ab) for a, b >= 0", "a, b >= 0",
      lambda: zero(sp.expand((sp.sqrt(an) - sp.sqrt(bn)) ** 2 / 2) - ((an + bn) / 2 - sp.sqrt(an * bn))))
nonclaim(PM, 323, "definition", "a named", pick="a")
nonclaim(PM, 323, "definition", "b named", pick="b")
label(PM, 325, "claim", "wrong", "exact: a = b = -1 (real, as the sentence allows): (a+b)/2 = -1 < sqrt(ab) = 1",
      "for all real a and b", lambda: all(sp.Rational(qa + qb, 2) >= sp.sqrt(qa * qb)
                                         for qa, qb in ((-1, -1), (-4, -1), (2, 3)) if qa * qb >= 0))

# ---------------------------------------------------------------- 18. KL between Gaussians
m1, m2 = sp.symbols("mu1 mu2", real=True)


def _normal(q, m):
    return sp.exp(-(q - m) ** 2 / (2 * s**2)) / sp.sqrt(2 * sp.pi * s**2)


nonclaim(PM, 331, "definition", "p named as N(mu1, sigma^2)", pick="p = \\mathcal{N}(\\mu_1, \\sigma^2)")
nonclaim(PM, 331, "definition", "q named as N(mu2, sigma^2)", pick="q = \\mathcal{N}(\\mu_2, \\sigma^2)")
nonclaim(PM, 331, "condition", "sigma > 0", pick="\\sigma > 0")
label(PM, 333, "claim", "right", "sympy: log of the ratio of the two normal densities minus the stated form "
      "simplifies to 0", "sigma > 0",
      lambda: zero(sp.expand_log(sp.log(_normal(x, m1) / _normal(x, m2)), force=True)
                   - ((x - m2) ** 2 - (x - m1) ** 2) / (2 * s**2)))
nonclaim(PM, 337, "definition", "p named", pick="p")
label(PM, 337, "claim", "right", "sympy: integral of x N(x; mu1, s^2) over R is mu1", "sigma > 0",
      lambda: zero(sp.integrate(x * _normal(x, m1), (x, -sp.oo, sp.oo)) - m1), pick="\\mathbb{E}_p[x] = \\mu_1")
label(PM, 337, "claim", "right", "sympy: integral of (x-mu1)^2 N(x; mu1, s^2) over R is s^2", "sigma > 0",
      lambda: zero(sp.integrate((x - m1) ** 2 * _normal(x, m1), (x, -sp.oo, sp.oo)) - s**2),
      pick="\\mathbb{E}_p[(x-\\mu_1)^2] = \\sigma^2")
label(PM, 339, "claim", "right", "sympy: integral of p log(p/q) over R equals (mu1 - mu2)^2/(2 s^2)", "sigma > 0",
      lambda: zero(sp.integrate(_normal(x, m1) * ((x - m2) ** 2 - (x - m1) ** 2) / (2 * s**2), (x, -sp.oo, sp.oo))
                   - (m1 - m2) ** 2 / (2 * s**2)))

# ---------------------------------------------------------------- 19. squared deviations


def _deviations(which):
    for N in (1, 2, 3, 5):
        xs = sp.symbols(f"x1:{N + 1}", real=True)
        mean = sum(xs) / N
        if which == "sum" and not zero(sum(q - mean for q in xs)):
            return False
        if which == "squares" and not zero(sum((q - mean) ** 2 for q in xs) - (sum(q**2 for q in xs) - N * mean**2)):
            return False
    return True


nonclaim(PM, 345, "definition", "the numbers named", pick="x_1, \\dots, x_n")
nonclaim(PM, 345, "definition", "the mean defined", pick="\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i")
label(PM, 347, "claim", "right", "sympy: n = 1, 2, 3, 5: the deviations from the mean sum to 0", "",
      lambda: _deviations("sum"))
label(PM, 353, "claim", "right", "sympy: n = 1, 2, 3, 5: sum (x_i - mean)^2 = sum x_i^2 - n mean^2", "",
      lambda: _deviations("squares"))
nonclaim(PM, 357, "definition", "the divisor named (no claim)")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
