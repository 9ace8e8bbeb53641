r"""Independent checks of the hand labels of planted_mistakes_10.md (round 32): a tenth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Eleven sections (softmax inside attention, gate nonlinearities, the LSTM cell state and the GRU interpolation,
momentum and Adam, the Gaussian ELBO, kernels, sinusoidal positions, cross-entropy on logits, the perplexity of a
uniform guess, weight decay, the score matrix); nine claims carry one deliberate slip each: a sign (the derivative
of a two-score softmax weight in the other score, the cosine addition rule), a factor (the KL term's derivative in
sigma, sigma - 1/(2 sigma) for sigma - 1/sigma; the squared distance without the 2 of 2 x^T y), an inner derivative
left out (d/dx sigma(2x)), an off-by-one power ((1 - beta) sum_{i=1}^t beta^i = 1 - beta^t), a missing condition
(eta g / sqrt(g^2) = eta for every nonzero g), a reversed inequality (Jensen for the concave log) and a transpose
taken as symmetric ((Q K^T)^T = Q K^T).  As in the earlier rounds each entry names a block by ``(file, line[, exact
block text])``, gives its role and label, says how it was checked and, for ``right``/``wrong``, carries a check
written by hand with sympy, mpmath or numpy that returns True when the block's claim holds.  A wrong label's check
evaluates the claim as stated (under the section's conditions) and finds it false at a concrete point that
satisfies them.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round32.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round32.py --write   # also merge these labels into labels.json
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
PM = "planted_mistakes_10.md"
xr, yr, zr, ar, br, cr, tr, kr, wr, gr = sp.symbols("x y z a b c t k w g", real=True)
mu, om, lam, eta, fr, ir, hr, ht = sp.symbols("mu omega lambda eta f i h htilde", real=True)
sg, ell = sp.symbols("sigma ell", positive=True)
RNG = np.random.default_rng(32)
TOL = 1e-12
"""Absolute tolerance of the numpy matrix checks (entries of order 1, products of 2x3 and 3x2 matrices: round-off
is about 1e-15, a wrong identity errs by O(1))."""


def mentions(line, *picks, role="no-claim", what="a name or expression mentioned in the prose"):
    for pick in picks:
        nonclaim(PM, line, role, what, pick=pick)


def sig(t):
    return 1 / (1 + sp.exp(-t))


mentions(5, "\\sigma(t) = 1/(1 + e^{-t})", role="definition", what="the logistic sigmoid")

# ---------------------------------------------------------------- 1. softmax inside attention
mentions(9, "s_1, \\dots, s_n")
S = sp.symbols("s1:6", real=True)


def _sums_to_one() -> bool:
    """At n = 1..5 symbolic scores the weights sum to 1."""
    return all(zero(sum(sp.exp(S[j]) for j in range(n)) / sum(sp.exp(S[k]) for k in range(n)) - 1)
               for n in range(1, 6))


def _shift() -> bool:
    return all(zero(sp.exp(S[j] + cr) / sum(sp.exp(S[k] + cr) for k in range(n))
                    - sp.exp(S[j]) / sum(sp.exp(S[k]) for k in range(n))) for n in range(1, 5) for j in range(n))


label(PM, 11, "claim", "right", "sympy: the weights of n = 1..5 symbolic scores sum to 1", "", _sums_to_one)
mentions(15, "c")
label(PM, 17, "claim", "right", "sympy: e^{s_j+c}/sum e^{s_k+c} - e^{s_j}/sum e^{s_k} simplifies to 0 (n = 1..4)", "",
      _shift)
mentions(21, "a", "b", "e^{a}/(e^{a} + e^{b})")
_w = sp.exp(ar) / (sp.exp(ar) + sp.exp(br))
_ab = sp.exp(ar) * sp.exp(br) / (sp.exp(ar) + sp.exp(br))**2
label(PM, 23, "claim", "right", "sympy: d/da e^a/(e^a+e^b) - e^a e^b/(e^a+e^b)^2 simplifies to 0", "",
      lambda: zero(sp.diff(_w, ar) - _ab))
label(PM, 29, "claim", "wrong", "sympy: d/db e^a/(e^a+e^b) = -e^a e^b/(e^a+e^b)^2; at a = b = 0 it is -1/4, the right "
      "side 1/4", "", lambda: zero(sp.diff(_w, br) - _ab))
mentions(33, "\\sqrt{d}", "q_i", "k_i", "0", "1")


def _dot_variance() -> bool:
    """q_i, k_i independent standard normals (mean 0, variance 1, as the section says) for d = 1, 2, 3: the variance
    of sum q_i k_i is d (each product has variance E q^2 E k^2 = 1 and the products are uncorrelated)."""
    for d in (1, 2, 3):
        q = [sp.stats.Normal(f"q{i}", 0, 1) for i in range(d)]
        k = [sp.stats.Normal(f"k{i}", 0, 1) for i in range(d)]
        if sp.simplify(sp.stats.variance(sum(a * b for a, b in zip(q, k))) - d) != 0:
            return False
    return True


label(PM, 35, "claim", "right", "sympy.stats: q_i, k_i independent N(0, 1), d = 1, 2, 3: Var(sum q_i k_i) = d",
      "q_i, k_i independent, mean 0, variance 1", _dot_variance)

# ---------------------------------------------------------------- 2. gate nonlinearities
label(PM, 43, "claim", "right", "sympy: tanh(x) - (2 sigma(2x) - 1) rewritten in exp simplifies to 0", "",
      lambda: zero((sp.tanh(xr) - (2 * sig(2 * xr) - 1)).rewrite(sp.exp)))
label(PM, 49, "claim", "right", "sympy: d/dx tanh(x) - (1 - tanh(x)^2) simplifies to 0", "",
      lambda: zero(sp.diff(sp.tanh(xr), xr) - (1 - sp.tanh(xr)**2)))
label(PM, 55, "claim", "wrong", "sympy: d/dx sigma(2x) = 2 sigma(2x)(1 - sigma(2x)); at x = 0 it is 1/2, the right "
      "side 1/4", "", lambda: zero(sp.diff(sig(2 * xr), xr) - sig(2 * xr) * (1 - sig(2 * xr))))
label(PM, 61, "claim", "right", "sympy: 1 - sigma(x) - sigma(-x) simplifies to 0", "",
      lambda: zero(1 - sig(xr) - sig(-xr)))

# ---------------------------------------------------------------- 3. the cell state
mentions(67, "f", "i", "g")
mentions(67, "c_t = f c_{t-1} + i g", role="definition", what="the cell update")
label(PM, 69, "claim", "right", "sympy: d/dc (f c + i g) = f", "", lambda: zero(sp.diff(fr * cr + ir * gr, cr) - fr))
mentions(73, "c_0")
c0 = sp.Symbol("c0", real=True)
label(PM, 75, "claim", "right", "sympy: f(f c0 + i g) + i g - (f^2 c0 + (1 + f) i g) expands to 0", "",
      lambda: sp.expand(fr * (fr * c0 + ir * gr) + ir * gr - (fr**2 * c0 + (1 + fr) * ir * gr)) == 0)
mentions(79, "z", "h", "\\tilde h")
label(PM, 81, "claim", "right", "sympy: z h + (1 - z) ht - ht - z (h - ht) expands to 0", "",
      lambda: sp.expand(zr * hr + (1 - zr) * ht - ht - zr * (hr - ht)) == 0)

# ---------------------------------------------------------------- 4. momentum and Adam
mentions(87, "0 \\le \\beta < 1", role="condition", what="the momentum coefficient")
mentions(87, "g")
kk = sp.Symbol("k", integer=True, nonnegative=True)
ii = sp.Symbol("i", integer=True, positive=True)
tt = sp.Symbol("t", integer=True, positive=True)
label(PM, 89, "claim", "right", "sympy: sum_k beta^k g = g/(1 - beta) at beta = 0, 1/2, 9/10", "0 <= beta < 1",
      lambda: all(zero(sp.summation(v**kk * gr, (kk, 0, sp.oo)) - gr / (1 - v))
                  for v in (sp.Integer(0), sp.Rational(1, 2), sp.Rational(9, 10))))
mentions(93, "t")


def _adam_weight(shift: bool) -> bool:
    """(1 - beta) sum_{i=1}^t beta^{t-i} (shift) or beta^i against 1 - beta^t, exactly at beta = 0, 1/2, 9/10 and
    t = 1..6 (0^0 = 1 as in the sum's i = t term).  For beta^i at beta = 1/2, t = 1: 1/4 against 1/2."""
    for b in (sp.Integer(0), sp.Rational(1, 2), sp.Rational(9, 10)):
        for t in range(1, 7):
            s = (1 - b) * sum((b**(t - i) if shift else b**i) for i in range(1, t + 1))
            if s != 1 - b**t:
                return False
    return True


label(PM, 95, "claim", "right", "exact: (1 - beta) sum_{i=1}^t beta^{t-i} = 1 - beta^t at beta = 0, 1/2, 9/10, "
      "t = 1..6 (the geometric sum)", "0 <= beta < 1, t a positive integer", lambda: _adam_weight(True))
mentions(99, "1 - \\beta^t")
label(PM, 101, "claim", "wrong", "exact: (1 - beta) sum_{i=1}^t beta^i = beta (1 - beta^t); at beta = 1/2, t = 1 it is "
      "1/4, the right side 1/2", "0 <= beta < 1, t a positive integer", lambda: _adam_weight(False))
mentions(105, "g", "\\epsilon")
mentions(105, "\\eta > 0", role="condition", what="a positive learning rate")
mentions(105, "t = 1", role="example", what="the first step")
label(PM, 107, "claim", "wrong", "sympy: eta g / sqrt(g^2) = eta sign(g); at g = -1, eta = 1 the left side is -1, the "
      "right side 1", "g nonzero real, eta > 0",
      lambda: all(sp.Integer(1) * v / sp.sqrt(v**2) == 1 for v in (sp.Integer(-1), sp.Integer(2))))

# ---------------------------------------------------------------- 5. the Gaussian ELBO
mentions(113, "\\mu")
mentions(113, "\\sigma > 0", role="condition", what="a positive standard deviation")
label(PM, 115, "claim", "right", "sympy: expand_log of the log of the normal density minus the right side simplifies "
      "to 0", "sigma > 0",
      lambda: zero(sp.expand_log(sp.log(1 / sp.sqrt(2 * sp.pi * sg**2) * sp.exp(-(xr - mu)**2 / (2 * sg**2))),
                                 force=True)
                   - (-sp.log(2 * sp.pi * sg**2) / 2 - (xr - mu)**2 / (2 * sg**2))))


def _kl() -> bool:
    """KL(N(mu, s^2) || N(0, 1)) by quadrature of p log(p/q) with mpmath at mu = 0.3, s = 0.7 and mu = -1, s = 2,
    against the closed form (30 digits)."""
    mp.mp.dps = 30
    for m, s in ((mp.mpf("0.3"), mp.mpf("0.7")), (mp.mpf(-1), mp.mpf(2))):
        p = lambda t: mp.npdf(t, m, s)
        kl = mp.quad(lambda t: p(t) * (mp.log(p(t)) - mp.log(mp.npdf(t, 0, 1))), [-mp.inf, m, mp.inf])
        if abs(kl - (m**2 + s**2 - 1 - mp.log(s**2)) / 2) > mp.mpf(10)**-20:
            return False
    return True


label(PM, 121, "claim", "right", "mpmath: quadrature of p log(p/q) at (mu, sigma) = (0.3, 0.7), (-1, 2) against "
      "(mu^2 + sigma^2 - 1 - log sigma^2)/2 at 30 digits", "sigma > 0", _kl)
label(PM, 127, "claim", "wrong", "sympy: the derivative is sigma - 1/sigma; at sigma = 1 it is 0, the right side 1/2",
      "sigma > 0", lambda: zero(sp.diff((mu**2 + sg**2 - 1 - sp.log(sg**2)) / 2, sg) - (sg - 1 / (2 * sg))))
mentions(131, "z = \\mu + \\sigma\\varepsilon", role="definition", what="the reparameterised sample")
mentions(131, "\\varepsilon \\sim \\mathcal{N}(0, 1)", role="condition", what="a standard normal noise")
label(PM, 133, "claim", "right", "sympy.stats: E[mu + sigma eps] = mu for eps ~ N(0, 1)", "",
      lambda: zero(sp.stats.E(mu + sg * sp.stats.Normal("eps", 0, 1)) - mu))
mentions(137, "a", "b")
label(PM, 139, "claim", "wrong", "exact/mpmath: at a = 1, b = 4 the left side is log 2.5 = 0.916..., the right side "
      "log 2 = 0.693... (the concave log gives >=)", "a, b > 0",
      lambda: all(mp.log((a + b) / mp.mpf(2)) <= (mp.log(a) + mp.log(b)) / 2 for a, b in ((1, 4), (2, 2))))

# ---------------------------------------------------------------- 6. kernels
mentions(145, "\\ell > 0", role="condition", what="a positive length scale")
label(PM, 147, "claim", "right", "sympy: exp(-(x-x)^2/(2 l^2)) = 1", "",
      lambda: sp.exp(-(xr - xr)**2 / (2 * ell**2)) == 1)
_rbf = sp.exp(-(xr - yr)**2 / (2 * ell**2))
label(PM, 153, "claim", "right", "sympy: d/dx of the RBF kernel plus (x-y)/l^2 times it simplifies to 0", "l > 0",
      lambda: zero(sp.diff(_rbf, xr) + (xr - yr) / ell**2 * _rbf))
label(PM, 159, "claim", "right", "sympy: (xy + 1)^2 - (x^2y^2 + 2xy + 1) expands to 0", "",
      lambda: sp.expand((xr * yr + 1)**2 - (xr**2 * yr**2 + 2 * xr * yr + 1)) == 0)
x1, x2, y1, y2 = sp.symbols("x1 x2 y1 y2", real=True)
label(PM, 165, "claim", "right", "sympy: (x1y1 + x2y2)^2 minus the right side expands to 0", "",
      lambda: sp.expand((x1 * y1 + x2 * y2)**2 - (x1**2 * y1**2 + x2**2 * y2**2 + 2 * x1 * x2 * y1 * y2)) == 0)
mentions(169, "\\mathbf{x}, \\mathbf{y} \\in \\mathbb{R}^d", role="condition", what="two vectors of R^d")


def _distance() -> bool:
    """At x = (1, 0, ...), y = x in R^d the left side is 0, the right side 1 + 1 - 1 = 1 (d = 1, 2, 3)."""
    for d in (1, 2, 3):
        x = np.zeros(d)
        x[0] = 1.0
        y = x.copy()
        if abs(np.sum((x - y)**2) - (x @ x + y @ y - x @ y)) > TOL:
            return False
    return True


label(PM, 171, "claim", "wrong", "numpy: at x = y = e_1 the left side is 0, the right side 1; the rule has 2 x^T y",
      "x, y in R^d", _distance)

# ---------------------------------------------------------------- 7. sinusoidal positions
mentions(177, "\\omega", "t", "k")
label(PM, 179, "claim", "right", "sympy: sin^2(wt) + cos^2(wt) - 1 simplifies to 0", "",
      lambda: zero(sp.sin(om * tr)**2 + sp.cos(om * tr)**2 - 1))
mentions(183, "k")
label(PM, 185, "claim", "right", "sympy: expand_trig of sin(w(t + k)) minus the right side is 0", "",
      lambda: zero(sp.expand_trig(sp.sin(om * tr + om * kr))
                   - (sp.sin(om * tr) * sp.cos(om * kr) + sp.cos(om * tr) * sp.sin(om * kr))))
label(PM, 189, "claim", "wrong", "sympy: cos(w(t+k)) = cos cos - sin sin; at w = 1, t = k = pi/4 the left side is 0, "
      "the right side 1", "",
      lambda: zero(sp.expand_trig(sp.cos(om * tr + om * kr))
                   - (sp.cos(om * tr) * sp.cos(om * kr) + sp.sin(om * tr) * sp.sin(om * kr))))

# ---------------------------------------------------------------- 8. cross-entropy on logits
mentions(195, "z")
label(PM, 197, "claim", "right", "sympy: -log sigma(z) = log(1 + e^{-z}) (log of a reciprocal)", "",
      lambda: zero(sp.expand_log(-sp.log(sig(zr)), force=True) - sp.log(1 + sp.exp(-zr))))
label(PM, 203, "claim", "right", "sympy: d/dz log(1 + e^{-z}) + sigma(-z) simplifies to 0", "",
      lambda: zero(sp.diff(sp.log(1 + sp.exp(-zr)), zr) + sig(-zr)))
mentions(207, "y \\in \\{0, 1\\}", role="condition", what="a binary label")
label(PM, 209, "claim", "right", "sympy: the derivative of the binary cross-entropy minus (sigma(z) - y) simplifies "
      "to 0 (for any real y, so for y in {0, 1})", "",
      lambda: zero(sp.diff(-yr * sp.log(sig(zr)) - (1 - yr) * sp.log(1 - sig(zr)), zr) - (sig(zr) - yr)))

# ---------------------------------------------------------------- 9. perplexity
mentions(215, "n")
nI = sp.Symbol("n", integer=True, positive=True)
label(PM, 217, "claim", "right", "sympy: -sum_{i=1}^n (1/n) log(1/n) = log n for a positive integer n", "n >= 1",
      lambda: zero(sp.expand_log(-sp.summation(sp.log(1 / nI) / nI, (ii, 1, nI)), force=True) - sp.log(nI)))

# ---------------------------------------------------------------- 10. weight decay
mentions(223, "\\frac{\\lambda}{2}w^2")
label(PM, 225, "claim", "right", "sympy: d/dw (lambda/2) w^2 = lambda w", "",
      lambda: zero(sp.diff(lam / 2 * wr**2, wr) - lam * wr))
mentions(229, "\\eta")
label(PM, 231, "claim", "right", "sympy: w - eta(g + lambda w) - ((1 - eta lambda) w - eta g) expands to 0", "",
      lambda: sp.expand(wr - eta * (gr + lam * wr) - ((1 - eta * lam) * wr - eta * gr)) == 0)

# ---------------------------------------------------------------- 11. the score matrix
mentions(237, "\\mathbf{Q}", "\\mathbf{K}", "n \\times d")


def _transpose() -> bool:
    for n, d in ((1, 1), (2, 3), (3, 2)):
        Q, K = RNG.standard_normal((n, d)), RNG.standard_normal((n, d))
        if np.max(np.abs((Q @ K.T).T - K @ Q.T)) > TOL:
            return False
    return True


def _symmetric() -> bool:
    """At Q = [[1, 0], [0, 0]], K = [[0, 0], [1, 0]] (n = d = 2) Q K^T = [[0, 1], [0, 0]], not symmetric."""
    Q = np.array([[1.0, 0.0], [0.0, 0.0]])
    K = np.array([[0.0, 0.0], [1.0, 0.0]])
    return np.max(np.abs((Q @ K.T).T - Q @ K.T)) <= TOL


label(PM, 239, "claim", "right", "numpy: random n x d Q, K for (n, d) = (1, 1), (2, 3), (3, 2)", "Q, K n x d",
      _transpose)
label(PM, 245, "claim", "wrong", "numpy: at Q = [[1,0],[0,0]], K = [[0,0],[1,0]] the score matrix [[0,1],[0,0]] is "
      "not symmetric", "Q, K n x d", _symmetric)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
