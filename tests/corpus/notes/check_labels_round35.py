r"""Independent checks of the hand labels of planted_mistakes_11.md (round 35): an eleventh file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Eleven sections (the change of variables for an affine map, the log-determinant of flow layers, a tanh layer with a
skip connection, the exponential flow, a two-component Gaussian mixture, responsibilities, the M step, the diffusion
forward process, a contrastive loss with a temperature, shrinkage, classification metrics); nine claims carry one
deliberate slip each: a forgotten Jacobian (the unscaled Gaussian bump integrates to a, not 1), a wrong inverse
(e^s (y e^{-s} - t) + t = y), a forgotten between-component variance (Var of a mixture as the average of the
variances), a sign (the constant of the log-ratio of two Gaussian bumps), a weighted mean treated as if the weights
summed to one (sum r_i (x_i - mu)^2 = sum r_i x_i^2 - mu^2), a forgotten square root (eps = (x_t - sqrt(abar) x_0)
/ (1 - abar)), an inner derivative left out (the 1/tau of the contrastive gradient), a first-order approximation
written as an equality (a/(1 + lambda) = a(1 - lambda)) and a reversed inequality (harmonic >= geometric mean).
As in the earlier rounds each entry names a block by ``(file, line[, exact block text])``, gives its role and
label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or
numpy that returns True when the block's claim holds.  A wrong label's check evaluates the claim as stated (under
the section's conditions) and finds it false at a concrete point that satisfies them.  Nothing from the Formulary
code base is imported.

    python3 tests/corpus/notes/check_labels_round35.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round35.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import sympy as sp
import sympy.stats  # sp.stats

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_11.md"
xr, yr, zr, tr, sr, cr, ur, wr, br = sp.symbols("x y z t s c u w b", real=True)
s1, s2, m1, m2, nr = sp.symbols("s1 s2 mu1 mu2 n", real=True)
ap, sg, sg1, sg2, tau = sp.symbols("a sigma sigma1 sigma2 tau", positive=True)
lam, l1, l2 = sp.symbols("lambda lambda1 lambda2", nonnegative=True)
pi_ = sp.Symbol("pi_", positive=True)
def vanishes(expr) -> bool:
    """True when a closed-form sympy number (erf, exp, pi) is 0 to 40 digits: sympy leaves erf(c) + erfc(c) - 1 and
    similar unsimplified, a wrong claim is off by O(1)."""
    return abs(sp.N(expr, 50)) < sp.Float(10)**-40


CONDITION_POINTS = [sp.Rational(k, 10) for k in (1, 3, 5, 7, 9)]
"""Exact points of (0, 1) at which the checks of the sections whose conditions are 0 < pi, beta, abar < 1 evaluate."""


def mentions(line, *picks, role="no-claim", what="a name or expression mentioned in the prose"):
    for pick in picks:
        nonclaim(PM, line, role, what, pick=pick)


# ---------------------------------------------------------------- 1. change of variables for an affine map
mentions(9, "X", "Y", "1/a")
mentions(9, "Y = aX + b", role="definition", what="the affine image of X")
mentions(9, "a > 0", role="condition", what="a positive scale")


def _bump_mass(scaled: bool) -> bool:
    """sympy: the integral over the line of exp(-(y-b)^2/(2a^2)) / sqrt(2 pi) (times 1/a when scaled) for a > 0, b
    real.  Unscaled it is a: at a = 2 it is 2, not 1."""
    bump = sp.exp(-(yr - br)**2 / (2 * ap**2)) / sp.sqrt(2 * sp.pi) / (ap if scaled else 1)
    return zero(sp.integrate(bump, (yr, -sp.oo, sp.oo)) - 1)


label(PM, 11, "claim", "right", "sympy: the integral of the N(b, a^2) density over the line is 1 (a > 0)", "a > 0",
      lambda: _bump_mass(True))
label(PM, 17, "claim", "wrong", "sympy: without the 1/a the integral is a; at a = 2 it is 2, not 1", "a > 0",
      lambda: _bump_mass(False))

# ---------------------------------------------------------------- 2. the log-determinant of a flow layer
mentions(23, "y_i = e^{s_i} x_i", role="definition", what="an elementwise scaling layer")
label(PM, 25, "claim", "right", "sympy: log|det diag(e^s1, e^s2)| - (s1 + s2) simplifies to 0 (s1, s2 real)", "",
      lambda: zero(sp.log(sp.Abs(sp.Matrix([[sp.exp(s1), 0], [0, sp.exp(s2)]]).det())) - (s1 + s2)))
mentions(29, "x_1", "x_2", "e^{s}x_2 + t", "s", "t")
label(PM, 31, "claim", "right", "sympy: det [[1, 0], [c, e^s]] = e^s", "",
      lambda: zero(sp.Matrix([[1, 0], [cr, sp.exp(sr)]]).det() - sp.exp(sr)))
mentions(35, "x_2 = (y - t)e^{-s}", role="definition", what="the inverse of the coupling map")
label(PM, 37, "claim", "right", "sympy: e^s((y - t)e^{-s}) + t - y expands to 0", "",
      lambda: sp.expand(sp.exp(sr) * ((yr - tr) * sp.exp(-sr)) + tr - yr) == 0)
label(PM, 43, "claim", "wrong", "sympy: e^s(y e^{-s} - t) + t = y + t(1 - e^s); at s = 1, t = 1 it is y + 1 - e",
      "", lambda: zero(sp.exp(sr) * (yr * sp.exp(-sr) - tr) + tr - yr))

# ---------------------------------------------------------------- 3. a tanh layer with a skip connection
mentions(49, "f(x) = x + u\\tanh(wx + b)", role="definition", what="the layer")
label(PM, 51, "claim", "right", "sympy: d/dx (x + u tanh(wx + b)) - (1 + uw(1 - tanh^2(wx + b))) simplifies to 0",
      "", lambda: zero(sp.diff(xr + ur * sp.tanh(wr * xr + br), xr)
                       - (1 + ur * wr * (1 - sp.tanh(wr * xr + br)**2))))
mentions(55, "0 < 1 - \\tanh^2(z) \\le 1", role="condition", what="the range of 1 - tanh^2, a fact used")
mentions(55, "uw \\ge -1", role="condition", what="the condition of the claim")


def _monotone() -> bool:
    """mpmath: 1 + v(1 - tanh^2 z) >= 0 for v = uw in [-1, 3] and z on a grid of [-5, 5] (1 - tanh^2 is in (0, 1],
    so the minimum over v >= -1 is 1 - (1 - tanh^2 z) = tanh^2 z >= 0)."""
    return all(1 + mp.mpf(v) / 4 * (1 - mp.tanh(mp.mpf(z) / 4)**2) >= 0
               for v in range(-4, 13) for z in range(-20, 21))


label(PM, 57, "claim", "right", "mpmath: 1 + v(1 - tanh^2 z) >= 0 on a grid of v = uw in [-1, 3], z in [-5, 5] "
      "(and tanh^2 z >= 0 is the minimum at v = -1)", "uw >= -1", _monotone)

# ---------------------------------------------------------------- 4. the exponential flow
mentions(63, "X", "y > 0")
mentions(63, "y = e^{x}", role="definition", what="the flow")
label(PM, 65, "claim", "right", "mpmath: quadrature of exp(-(log y)^2/2)/(y sqrt(2 pi)) over (0, oo) is 1 to 25 "
      "digits", "", lambda: abs(mp.quad(lambda y: mp.exp(-mp.log(y)**2 / 2) / (y * mp.sqrt(2 * mp.pi)),
                                        [0, 1, mp.inf]) - 1) < mp.mpf(10)**-25)
mentions(69, "\\mathbb{E}[e^{tX}] = e^{t^2/2}", role="claim-mentioned", what="the standard normal's mgf, used")
X = sp.stats.Normal("X", 0, 1)
label(PM, 71, "claim", "right", "sympy.stats: E[e^{2X}] = e^2 for X ~ N(0, 1)", "X standard normal",
      lambda: vanishes(sp.stats.E(sp.exp(2 * X)) - sp.E**2))
mentions(75, "Y = e^{X}", role="definition", what="the log-normal variable")
label(PM, 77, "claim", "right", "sympy.stats: E[e^{2X}] - E[e^X]^2 = e^2 - e for X ~ N(0, 1)", "X standard normal",
      lambda: vanishes(sp.stats.E(sp.exp(2 * X)) - sp.stats.E(sp.exp(X))**2 - (sp.E**2 - sp.E)))

# ---------------------------------------------------------------- 5. a two-component Gaussian mixture
mentions(83, "X", "\\mathcal{N}(\\mu_1, \\sigma_1^2)", "\\pi", "\\mathcal{N}(\\mu_2, \\sigma_2^2)")
mentions(83, "0 < \\pi < 1", role="condition", what="the mixing weight")
mix_x = sp.Symbol("x", real=True)
_mix_density = (pi_ * sp.exp(-(mix_x - m1)**2 / (2 * sg1**2)) / sp.sqrt(2 * sp.pi * sg1**2)
                + (1 - pi_) * sp.exp(-(mix_x - m2)**2 / (2 * sg2**2)) / sp.sqrt(2 * sp.pi * sg2**2))


def _mix_moment(k: int, at: dict) -> sp.Expr:
    """The k-th moment of the mixture by integrating x^k against its density at a numeric point."""
    return sp.integrate((mix_x**k * _mix_density).subs(at), (mix_x, -sp.oo, sp.oo))


MIX_POINTS = [{pi_: sp.Rational(1, 3), m1: 0, m2: 2, sg1: 1, sg2: 1},
              {pi_: sp.Rational(1, 2), m1: -1, m2: 3, sg1: 2, sg2: sp.Rational(1, 2)}]


def _mix_mean() -> bool:
    return all(vanishes(_mix_moment(1, at) - (pi_ * m1 + (1 - pi_) * m2).subs(at)) for at in MIX_POINTS)


def _mix_variance(with_spread: bool) -> bool:
    """The variance by integration against the average of the variances (plus pi(1-pi)(mu1-mu2)^2 with_spread).  At
    pi = 1/3, mu = (0, 2), sigma = (1, 1) it is 1 + 8/9, not 1."""
    for at in MIX_POINTS:
        var = _mix_moment(2, at) - _mix_moment(1, at)**2
        claim = pi_ * sg1**2 + (1 - pi_) * sg2**2 + (pi_ * (1 - pi_) * (m1 - m2)**2 if with_spread else 0)
        if not vanishes(var - claim.subs(at)):
            return False
    return True


label(PM, 85, "claim", "right", "sympy: the integral of x against the mixture density at (pi, mu1, mu2, s1, s2) = "
      "(1/3, 0, 2, 1, 1), (1/2, -1, 3, 2, 1/2) is pi mu1 + (1 - pi) mu2", "0 < pi < 1", _mix_mean)
mentions(89, "\\pi(\\sigma_1^2 + \\mu_1^2) + (1 - \\pi)(\\sigma_2^2 + \\mu_2^2)")
label(PM, 91, "claim", "right", "sympy: both sides expand to the same polynomial (and equal the variance by "
      "integration at two points)", "0 < pi < 1",
      lambda: sp.expand(pi_ * (sg1**2 + m1**2) + (1 - pi_) * (sg2**2 + m2**2) - (pi_ * m1 + (1 - pi_) * m2)**2
                        - (pi_ * sg1**2 + (1 - pi_) * sg2**2 + pi_ * (1 - pi_) * (m1 - m2)**2)) == 0
      and _mix_variance(True))
label(PM, 97, "claim", "wrong", "sympy: by integration the variance at pi = 1/3, mu = (0, 2), sigma = (1, 1) is "
      "17/9, the right side 1 (the between-component term pi(1 - pi)(mu1 - mu2)^2 is missing)", "0 < pi < 1",
      lambda: _mix_variance(False))

# ---------------------------------------------------------------- 6. responsibilities
pp, qq = sp.symbols("p q", positive=True)
mentions(103, "p > 0", "q > 0", role="condition", what="positive component densities")
mentions(103, "r = \\frac{\\pi p}{\\pi p + (1 - \\pi) q}", role="definition", what="the responsibility")
label(PM, 105, "claim", "right", "sympy: pi p/(pi p + (1 - pi) q) - 1/(1 + (1 - pi) q/(pi p)) simplifies to 0",
      "p, q > 0, 0 < pi < 1",
      lambda: zero(pi_ * pp / (pi_ * pp + (1 - pi_) * qq) - 1 / (1 + (1 - pi_) * qq / (pi_ * pp))))
mentions(109, "\\sigma^2 > 0", role="condition", what="a shared positive variance")
mentions(109, "x")
_log_ratio = sp.log(sp.exp(-(xr - m1)**2 / (2 * sg**2)) / sp.exp(-(xr - m2)**2 / (2 * sg**2)))
label(PM, 111, "claim", "wrong", "sympy: the log-ratio is (mu1 - mu2)x/sigma^2 - (mu1^2 - mu2^2)/(2 sigma^2); at "
      "x = 0, mu1 = 1, mu2 = 0, sigma = 1 it is -1/2, the right side 1/2", "sigma > 0",
      lambda: zero(sp.expand_log(_log_ratio, force=True)
                   - ((m1 - m2) * xr / sg**2 + (m1**2 - m2**2) / (2 * sg**2))))

# ---------------------------------------------------------------- 7. the M step
mentions(117, "r_i > 0", role="condition", what="positive responsibilities")
mentions(117, "x_1, \\dots, x_n")
RS, XS = sp.symbols("r1:4", positive=True), sp.symbols("x1:4", real=True)
mu = sp.Symbol("mu", real=True)


def _m_step_derivative() -> bool:
    return all(zero(sp.diff(sum(RS[i] * (XS[i] - mu)**2 for i in range(n)), mu)
                    + 2 * sum(RS[i] * (XS[i] - mu) for i in range(n))) for n in (1, 2, 3))


label(PM, 119, "claim", "right", "sympy: at n = 1, 2, 3 the derivative of sum r_i (x_i - mu)^2 in mu plus "
      "2 sum r_i (x_i - mu) simplifies to 0", "", _m_step_derivative)
mentions(123, "\\mu = \\frac{\\sum_{i=1}^{n} r_i x_i}{\\sum_{i=1}^{n} r_i}", role="definition",
         what="the weighted mean")


def _weighted_squares() -> bool:
    """At the weighted mean, sum r_i (x_i - mu)^2 against sum r_i x_i^2 - mu^2: at r = (1, 1), x = (0, 2) (mu = 1) the
    left side is 2, the right side 3 (the identity has mu^2 sum r_i)."""
    for n in (1, 2, 3):
        m = sum(RS[i] * XS[i] for i in range(n)) / sum(RS[:n])
        if not zero(sum(RS[i] * (XS[i] - m)**2 for i in range(n)) - (sum(RS[i] * XS[i]**2 for i in range(n)) - m**2)):
            return False
    return True


label(PM, 125, "claim", "wrong", "sympy: with mu the weighted mean, the difference is mu^2 (1 - sum r_i); at r = (1, "
      "1), x = (0, 2) the left side is 2, the right side 3", "r_i > 0, mu the weighted mean", _weighted_squares)

# ---------------------------------------------------------------- 8. the diffusion forward process
mentions(131, "x_t = \\sqrt{1 - \\beta_t}\\, x_{t-1} + \\sqrt{\\beta_t}\\, \\varepsilon_t", role="definition",
         what="one forward step")
mentions(131, "0 < \\beta_t < 1", role="condition", what="the noise schedule")
mentions(131, "\\varepsilon_t", "x_0")
b1, b2 = sp.symbols("beta1 beta2", positive=True)


def _two_step_noise() -> bool:
    """sympy.stats: the variance of sqrt(1-b2)(sqrt(b1) e1) + sqrt(b2) e2 for independent standard normals e1, e2
    (the noise part of two steps) is (1 - b2) b1 + b2, and that expands to 1 - (1 - b1)(1 - b2)."""
    e1, e2 = sp.stats.Normal("e1", 0, 1), sp.stats.Normal("e2", 0, 1)
    noise = sp.sqrt(1 - b2) * sp.sqrt(b1) * e1 + sp.sqrt(b2) * e2
    return all(zero(sp.stats.variance(noise.subs({b1: u, b2: v})) - (1 - (1 - u) * (1 - v)))
               for u in CONDITION_POINTS[:3] for v in CONDITION_POINTS[2:]) \
        and sp.expand((1 - b2) * b1 + b2 - (1 - (1 - b1) * (1 - b2))) == 0


label(PM, 133, "claim", "right", "sympy: the two sides expand to the same polynomial; sympy.stats: the noise "
      "variance of two steps at beta in {1/10, 3/10, 5/10} x {5/10, 7/10, 9/10} equals it", "0 < beta_t < 1",
      _two_step_noise)
mentions(137, "x_t = \\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\epsilon", role="definition",
         what="the closed form of the forward process")
mentions(137, "0 < \\bar\\alpha_t < 1", role="condition", what="the cumulative product")
mentions(137, "\\epsilon")
ab, x0, eps = sp.Symbol("abar", positive=True), sp.Symbol("x0", real=True), sp.Symbol("epsilon", real=True)
xt = sp.sqrt(ab) * x0 + sp.sqrt(1 - ab) * eps
label(PM, 139, "claim", "right", "sympy: with x_t = sqrt(abar) x0 + sqrt(1 - abar) eps, (x_t - sqrt(1 - abar) eps)"
      "/sqrt(abar) - x0 simplifies to 0", "0 < abar < 1",
      lambda: zero((xt - sp.sqrt(1 - ab) * eps) / sp.sqrt(ab) - x0))
label(PM, 145, "claim", "wrong", "sympy: with x_t as stated, (x_t - sqrt(abar) x0)/(1 - abar) = eps/sqrt(1 - abar); "
      "at abar = 3/4, eps = 1 it is 2, not 1", "0 < abar < 1",
      lambda: all(zero(((xt - sp.sqrt(ab) * x0) / (1 - ab) - eps).subs(ab, v)) for v in CONDITION_POINTS))
mentions(149, "\\log\\frac{\\bar\\alpha}{1 - \\bar\\alpha}")
label(PM, 151, "claim", "right", "sympy: d/dabar log(abar/(1 - abar)) - 1/(abar(1 - abar)) simplifies to 0", "",
      lambda: zero(sp.diff(sp.log(ab / (1 - ab)), ab) - 1 / (ab * (1 - ab))))
mentions(155, "0 < \\bar\\alpha < 1", "0 < \\beta < 1", role="condition", what="the schedule")


def _posterior_variance() -> bool:
    """Exact at abar, beta in {1/10, ..., 9/10}: (1 - abar)/(1 - abar(1 - beta)) beta <= beta (the denominator is at
    least the numerator since abar(1 - beta) <= abar)."""
    return all((1 - a) / (1 - a * (1 - b)) * b <= b for a in CONDITION_POINTS for b in CONDITION_POINTS)


label(PM, 157, "claim", "right", "exact: at abar, beta in {1/10, 3/10, 5/10, 7/10, 9/10}; and 1 - abar(1 - beta) >= "
      "1 - abar > 0", "0 < abar, beta < 1", _posterior_variance)

# ---------------------------------------------------------------- 9. a contrastive loss with a temperature
mentions(163, "s", "n")
mentions(163, "\\tau > 0", role="condition", what="a positive temperature")
label(PM, 165, "claim", "right", "sympy: -log(e^{s/tau}/(e^{s/tau} + e^{n/tau})) - log(1 + e^{(n - s)/tau}) is 0 "
      "to 40 digits at (s, n, tau) in {-1, 1/2, 2} x {-2, 0, 3/2} x {1/2, 1, 3}", "tau > 0",
      lambda: all(vanishes((-sp.log(sp.exp(sr / tau) / (sp.exp(sr / tau) + sp.exp(nr / tau)))
                            - sp.log(1 + sp.exp((nr - sr) / tau))).subs({sr: u, nr: v, tau: w}))
                  for u in (-1, sp.Rational(1, 2), 2) for v in (-2, 0, sp.Rational(3, 2))
                  for w in (sp.Rational(1, 2), 1, 3)))
label(PM, 171, "claim", "wrong", "sympy: the derivative carries 1/tau; at s = n = 0, tau = 2 it is -1/4, the right "
      "side -1/2", "tau > 0",
      lambda: zero(sp.diff(sp.log(1 + sp.exp((nr - sr) / tau)), sr)
                   + sp.exp((nr - sr) / tau) / (1 + sp.exp((nr - sr) / tau))))
kk = sp.Symbol("K", positive=True, integer=True)
mentions(175, "K")
label(PM, 177, "claim", "right", "sympy: -log(e^{s/tau}/(e^{s/tau} + K e^{s/tau})) - log(K + 1) simplifies to 0",
      "K a positive integer, tau > 0",
      lambda: zero(-sp.log(sp.exp(sr / tau) / (sp.exp(sr / tau) + kk * sp.exp(sr / tau))) - sp.log(kk + 1)))

# ---------------------------------------------------------------- 10. shrinkage
ar = sp.Symbol("a", real=True)
mentions(183, "w", "a")
mentions(183, "\\lambda \\ge 0", role="condition", what="a non-negative penalty")
label(PM, 185, "claim", "right", "sympy: d/dw ((w - a)^2/2 + lambda w^2/2) - ((1 + lambda) w - a) expands to 0", "",
      lambda: sp.expand(sp.diff((wr - ar)**2 / 2 + lam * wr**2 / 2, wr) - ((1 + lam) * wr - ar)) == 0)
label(PM, 191, "claim", "wrong", "exact: at a = 1, lambda = 1 the left side is 1/2, the right side 0 (only the "
      "first-order term of the series)", "lambda >= 0",
      lambda: all(zero(ar / (1 + v) - ar * (1 - v)) for v in (sp.Rational(1, 2), sp.Integer(1))))
wp = sp.Symbol("w", positive=True)
mentions(195, "w > 0", "\\lambda_1, \\lambda_2 \\ge 0", role="condition", what="the branch and the penalties")
label(PM, 197, "claim", "right", "sympy: for w > 0, d/dw (l1 |w| + l2 w^2/2) - (l1 + l2 w) simplifies to 0", "w > 0",
      lambda: zero(sp.diff(l1 * sp.Abs(wp) + l2 * wp**2 / 2, wp) - (l1 + l2 * wp)))

# ---------------------------------------------------------------- 11. classification metrics
TP, FP, FN = sp.symbols("TP FP FN", positive=True)
P, R = TP / (TP + FP), TP / (TP + FN)
J = TP / (TP + FP + FN)
mentions(203, "TP, FP, FN > 0", role="condition", what="positive counts")
mentions(203, "P = \\frac{TP}{TP + FP}", "R = \\frac{TP}{TP + FN}", role="definition", what="precision and recall")
F1 = 2 * TP / (2 * TP + FP + FN)
label(PM, 205, "claim", "right", "sympy: 2PR/(P + R) - 2TP/(2TP + FP + FN) simplifies to 0 with P, R substituted",
      "TP, FP, FN > 0", lambda: zero(2 * P * R / (P + R) - F1))
mentions(209, "J = \\frac{TP}{TP + FP + FN}", role="definition", what="the Jaccard index")
label(PM, 211, "claim", "right", "sympy: 2J/(1 + J) - 2TP/(2TP + FP + FN) simplifies to 0 with J substituted",
      "TP, FP, FN > 0", lambda: zero(2 * J / (1 + J) - F1))
mentions(215, "P, R > 0", role="condition", what="positive precision and recall")
POINTS_PR = [(sp.Rational(a, 4), sp.Rational(b, 4)) for a in range(1, 5) for b in range(1, 5)]
"""Precision and recall on a grid of (0, 1] (each pair is the precision and recall of some positive counts)."""
Ps, Rs = sp.symbols("P R", positive=True)
label(PM, 217, "claim", "right", "exact: 2PR/(P + R) <= (P + R)/2 on a grid of (0, 1]^2; sympy: the difference is "
      "(P - R)^2/(2(P + R)) >= 0", "P, R > 0",
      lambda: all(2 * p * r / (p + r) <= (p + r) / 2 for p, r in POINTS_PR)
      and zero((Ps + Rs) / 2 - 2 * Ps * Rs / (Ps + Rs) - (Ps - Rs)**2 / (2 * (Ps + Rs))))
label(PM, 223, "claim", "wrong", "exact: at P = 1/2, R = 1/4 (TP = 1, FP = 1, FN = 3) the harmonic mean 1/3 is below "
      "the geometric mean sqrt(2)/4 = 0.354", "P, R > 0",
      lambda: all(2 * p * r / (p + r) >= sp.sqrt(p * r) for p, r in POINTS_PR))
mentions(227, "Y", "1", "q", "0", "p")
qy, pf = sp.symbols("q p", real=True)


def _brier() -> bool:
    """sympy.stats: Y ~ Bernoulli(q) at q in {1/10, ..., 9/10}, E[(p - Y)^2] - ((p - q)^2 + q(1 - q)) expands to 0."""
    return all(sp.expand(sp.stats.E((pf - sp.stats.Bernoulli("Y", v))**2) - ((pf - v)**2 + v * (1 - v))) == 0
               for v in CONDITION_POINTS)


label(PM, 229, "claim", "right", "sympy.stats: E[(p - Y)^2] for Y ~ Bernoulli(q), q in {1/10, ..., 9/10}, equals "
      "(p - q)^2 + q(1 - q)", "Y in {0, 1}, P(Y = 1) = q", _brier)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
