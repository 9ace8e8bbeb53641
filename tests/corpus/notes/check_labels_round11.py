r"""Independent checks of the hand labels of planted_mistakes_3.md (round 11): a third file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Seventeen sections on training tricks (attention scaling, label smoothing, InfoNCE, temperature, GAE, Huber, focal
loss, cosine schedule, Xavier init, mixup's Beta weight, Gumbel sampling, log-variance reparameterisation, soft
thresholding, gradient clipping, SiLU, convolution sizes, log-cosh); six carry one deliberate slip.  As in the
earlier rounds each entry names a block by ``(file, line[, exact block text])``, gives its role and label, says how
it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that
returns True when the block's claim holds.  A wrong label's check evaluates the claim as stated (under the
section's conditions) and finds it false at a concrete point that satisfies them.  Nothing from the Formulary code
base is imported.

    python3 tests/corpus/notes/check_labels_round11.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round11.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import sys
from fractions import Fraction
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

RNG = np.random.default_rng(11)
TOL = 1e-9
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1-100)."""

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_3.md"
x, g, u, r, ell = sp.symbols("x g u r ell", real=True)
p = sp.Symbol("p", positive=True)
T, sig, delta, alpha, c = sp.symbols("T sigma delta alpha c", positive=True)


def _sigmoid(q):
    return 1 / (1 + sp.exp(-q))


# ---------------------------------------------------------------- 1. attention scaling
# Exact enumeration: entry i of q and of k takes two values with a law of mean 0 and variance 1 (a different law
# for each entry, so nothing rests on symmetry): values (-sqrt(b/a), sqrt(a/b)) with probabilities a/(a+b), b/(a+b).
def _two_point(a, b):
    return [(-sp.sqrt(sp.Rational(b, a)), sp.Rational(a, a + b)), (sp.sqrt(sp.Rational(a, b)), sp.Rational(b, a + b))]


def _score_moments(d):
    laws = [_two_point(1 + i, 2 + i) for i in range(2 * d)]
    mean = second = sp.Integer(0)
    for outcome in itertools.product(*laws):
        prob = sp.prod([o[1] for o in outcome])
        score = sum(outcome[i][0] * outcome[d + i][0] for i in range(d))
        mean += prob * score
        second += prob * score**2
    return sp.nsimplify(sp.simplify(mean)), sp.simplify(second - mean**2)


def _laws_ok():
    return all(zero(sum(pr * v for v, pr in _two_point(a, b))) and zero(sum(pr * v**2 for v, pr in _two_point(a, b)) - 1)
               for a, b in ((1 + i, 2 + i) for i in range(6)))


nonclaim(PM, 9, "condition", "q, k in R^d", pick="q, k \\in \\mathbb{R}^d")
label(PM, 11, "claim", "right", "sympy, exact enumeration for d = 1, 2, 3 with independent two-point entries of mean "
      "0 and variance 1 (a different law per entry): E[q^T k] = 0", "independent entries, mean 0, variance 1",
      lambda: _laws_ok() and all(zero(_score_moments(d)[0]) for d in (1, 2, 3)))
nonclaim(PM, 15, "no-claim", "the dimension named", pick="d")
nonclaim(PM, 15, "no-claim", "the products named", pick="q_i k_i")
label(PM, 17, "claim", "right", "sympy, the same enumeration: Var(q^T k) = d for d = 1, 2, 3, and "
      "sum E[q_i^2] E[k_i^2] = d", "independent entries, mean 0, variance 1",
      lambda: all(zero(_score_moments(d)[1] - d) for d in (1, 2, 3)))
nonclaim(PM, 21, "no-claim", "the divisor named", pick="\\sqrt{d}")
label(PM, 23, "claim", "right", "sympy, the same enumeration: Var(q^T k / sqrt d) = Var(q^T k)/d = 1 for d = 1, 2, 3",
      "independent entries, mean 0, variance 1",
      lambda: all(zero(_score_moments(d)[1] / d - 1) for d in (1, 2, 3)))

# ---------------------------------------------------------------- 2. label smoothing
eps = sp.Symbol("epsilon", nonnegative=True)


def _smoothed(K, y):
    return [(1 - eps) * (1 if k == y else 0) + eps / K for k in range(K)]


nonclaim(PM, 29, "no-claim", "the number of classes named", pick="K")
nonclaim(PM, 29, "no-claim", "the true class named", pick="y")
nonclaim(PM, 29, "condition", "0 <= epsilon <= 1", pick="0 \\le \\epsilon \\le 1")
nonclaim(PM, 31, "definition", "the smoothed target defined")
label(PM, 37, "claim", "right", "sympy: for K = 2..6 and every y the smoothed targets sum to (1 - eps) + K eps/K = 1",
      "0 <= eps <= 1", lambda: all(zero(sum(_smoothed(K, y)) - 1) and zero((1 - eps) + K * eps / K - 1)
                                   for K in range(2, 7) for y in range(K)))
nonclaim(PM, 41, "example", "K = 10", pick="K = 10")
nonclaim(PM, 41, "example", "epsilon = 0.1", pick="\\epsilon = 0.1")
label(PM, 41, "claim", "right", "sympy: with K = 10, eps = 1/10, q_y = 9/10 + 1/100 = 91/100", "K = 10, eps = 0.1",
      lambda: _smoothed(10, 0)[0].subs(eps, sp.Rational(1, 10)) == sp.Rational(91, 100), pick="q_y = 0.91")
nonclaim(PM, 41, "no-claim", "the predictions named", pick="p_k")


def _smoothing_ce():
    for K in (2, 3, 5):
        for y in range(K):
            ps = RNG.dirichlet(np.ones(K))
            e = float(RNG.uniform(0, 1))
            q = [(1 - e) * (k == y) + e / K for k in range(K)]
            lhs = -sum(q[k] * np.log(ps[k]) for k in range(K))
            rhs = -(1 - e) * np.log(ps[y]) - e / K * np.sum(np.log(ps))
            if abs(lhs - rhs) > TOL:
                return False
    return True


label(PM, 43, "claim", "right", "numpy: K = 2, 3, 5, every y, random p and eps in [0, 1]: both sides agree", "",
      _smoothing_ce)

# ---------------------------------------------------------------- 3. InfoNCE
ss = sp.symbols("s0:4", real=True)
L_nce = -sp.log(sp.exp(ss[0]) / sum(sp.exp(q) for q in ss))
P_nce = [sp.exp(q) / sum(sp.exp(o) for o in ss) for q in ss]
nonclaim(PM, 49, "no-claim", "the positive score named", pick="s_0")
nonclaim(PM, 49, "no-claim", "the negative scores named", pick="s_1, \\dots, s_N")
label(PM, 51, "claim", "right", "sympy, N = 3: -log(e^{s0}/sum e^{sj}) + s0 - log sum e^{sj} expands (expand_log) to 0",
      "", lambda: zero(sp.expand_log(L_nce - (-ss[0] + sp.log(sum(sp.exp(q) for q in ss))), force=True)))
nonclaim(PM, 55, "no-claim", "a term named", pick="e^{s_0}")
nonclaim(PM, 55, "definition", "the softmax probabilities defined", pick="p_j = \\frac{e^{s_j}}{\\sum_{k=0}^{N} e^{s_k}}")
label(PM, 57, "claim", "wrong", "sympy, N = 3: dL/ds0 = p0 - 1, not 1 - p0 (at s = 0: -3/4 against 3/4)", "",
      lambda: zero(sp.diff(L_nce, ss[0]) - (1 - P_nce[0])))
nonclaim(PM, 61, "condition", "j >= 1 (a negative)")
label(PM, 63, "claim", "right", "sympy, N = 3: dL/ds_j = p_j for j = 1, 2, 3", "j >= 1",
      lambda: all(zero(sp.diff(L_nce, ss[j]) - P_nce[j]) for j in (1, 2, 3)))

# ---------------------------------------------------------------- 4. temperature
zz = sp.symbols("z1:4", real=True)
P_T = [sp.exp(q / T) / sum(sp.exp(o / T) for o in zz) for q in zz]
nonclaim(PM, 69, "condition", "T > 0")
nonclaim(PM, 71, "definition", "the tempered softmax defined")
label(PM, 77, "claim", "right", "sympy, K = 3: d log p_i / d z_i = (1 - p_i)/T for each i", "T > 0",
      lambda: all(zero(sp.diff(sp.log(P_T[i]), zz[i]) - (1 - P_T[i]) / T) for i in range(3)))
nonclaim(PM, 81, "condition", "j != i")
label(PM, 83, "claim", "right", "sympy, K = 3: d log p_i / d z_j = -p_j/T for every i != j", "T > 0, j != i",
      lambda: all(zero(sp.diff(sp.log(P_T[i]), zz[j]) + P_T[j] / T) for i in range(3) for j in range(3) if i != j))

# ---------------------------------------------------------------- 5. GAE with lambda = 1


def _td(rs, vs, gam, t):
    return rs[t] + gam * vs[t + 1] - vs[t]


def _telescope(offset):
    """sum_{l<n} gamma^l delta_{t+l} against the written right side with gamma^(n - 1 + offset) V(s_{t+n})."""
    for n in range(1, 7):
        rs = [sp.Rational(int(v), 7) for v in RNG.integers(-20, 20, size=12)]
        vs = [sp.Rational(int(v), 5) for v in RNG.integers(-20, 20, size=13)]
        gam, t = sp.Rational(int(RNG.integers(1, 10)), 10), 2
        lhs = sum(gam**l * _td(rs, vs, gam, t + l) for l in range(n))
        rhs = sum(gam**l * rs[t + l] for l in range(n)) + gam ** (n - 1 + offset) * vs[t + n] - vs[t]
        if lhs != rhs:
            return False
    return True


nonclaim(PM, 91, "no-claim", "the step named")
nonclaim(PM, 93, "definition", "the TD residual defined")
label(PM, 99, "claim", "right", "exact rationals: the n = 2 case of the telescoping sum (gamma^2 V(s_{t+2})), random "
      "rewards, values and gamma", "", lambda: _telescope(1))
nonclaim(PM, 103, "condition", "n >= 1")
label(PM, 105, "claim", "wrong", "exact rationals: n = 1, gamma = 1/2: delta_t = r_t + V(s_{t+1})/2 - V(s_t) but the "
      "right side has gamma^0 V(s_{t+1}); the exponent must be n", "n >= 1", lambda: _telescope(0))
nonclaim(PM, 109, "no-claim", "the weights named")


def _gae_recursion():
    for _ in range(10):
        H = 8
        ds = [sp.Rational(int(v), 3) for v in RNG.integers(-9, 9, size=H)]
        gam, lam = sp.Rational(int(RNG.integers(1, 10)), 10), sp.Rational(int(RNG.integers(0, 10)), 10)
        A = [sum((gam * lam) ** l * ds[t + l] for l in range(H - t)) for t in range(H)] + [0]
        if any(A[t] != ds[t] + gam * lam * A[t + 1] for t in range(H)):
            return False
    return True


label(PM, 111, "claim", "right", "exact rationals: A_t = sum_l (gamma lambda)^l delta_{t+l} over a finite episode "
      "(residuals 0 after it) satisfies A_t = delta_t + gamma lambda A_{t+1} at every step", "", _gae_recursion)

# ---------------------------------------------------------------- 6. Huber
huber = sp.Piecewise((r**2 / 2, sp.Abs(r) <= delta), (delta * (sp.Abs(r) - delta / 2), True))
nonclaim(PM, 119, "condition", "delta > 0")
nonclaim(PM, 121, "definition", "the Huber loss defined")
nonclaim(PM, 125, "condition", "the meeting point |r| = delta")
label(PM, 127, "claim", "right", "sympy: delta^2/2 - delta(delta - delta/2) simplifies to 0", "delta > 0",
      lambda: zero(delta**2 / 2 - delta * (delta - delta / 2)))
nonclaim(PM, 131, "no-claim", "an interval named")


def _huber_derivative():
    for d in (sp.Rational(1, 2), sp.Integer(1), sp.Integer(3)):
        h = huber.subs(delta, d)
        for rv in (sp.Rational(-7, 2), sp.Rational(-1, 3), sp.Rational(1, 4), sp.Rational(2, 5), sp.Integer(5),
                   sp.Rational(29, 10)):
            want = rv if abs(rv) <= d else d * sp.sign(rv)
            if not zero(sp.diff(h, r).subs(r, rv) - want):
                return False
    return True


label(PM, 133, "claim", "right", "sympy: the derivative of the piecewise Huber loss at points inside and outside "
      "[-delta, delta] for delta in {1/2, 1, 3} equals the written cases", "delta > 0", _huber_derivative)

# ---------------------------------------------------------------- 7. focal loss
gam7 = sp.Symbol("gamma", nonnegative=True)
FL = -(1 - p) ** gam7 * sp.log(p)
nonclaim(PM, 139, "condition", "p in (0, 1)", pick="p \\in (0, 1)")
nonclaim(PM, 139, "condition", "gamma >= 0", pick="\\gamma \\ge 0")
nonclaim(PM, 141, "definition", "the focal loss defined")
label(PM, 145, "claim", "right", "numpy: (1-p)^gamma <= 1 on a grid of p in (0, 1) and gamma in [0, 5]",
      "p in (0, 1), gamma >= 0", lambda: bool(np.all((1 - np.linspace(0.001, 0.999, 50))[:, None]
                                                     ** np.linspace(0, 5, 11)[None, :] <= 1)))
label(PM, 147, "claim", "wrong", "sympy: dFL/dp = +gamma(1-p)^(gamma-1) log p - (1-p)^gamma/p (the first "
      "term's sign is flipped); at p = 1/2, gamma = 2 the written form gives log 2 - 1/2 = 0.193, the derivative "
      "-log 2 - 1/2 = -1.193",
      "p in (0, 1), gamma >= 0",
      lambda: all(zero((sp.diff(FL, p) - (-gam7 * (1 - p) ** (gam7 - 1) * sp.log(p) - (1 - p) ** gam7 / p))
                       .subs({p: pv, gam7: gv}))
                  for pv in (sp.Rational(1, 2), sp.Rational(1, 5)) for gv in (0, 1, 2)))

# ---------------------------------------------------------------- 8. cosine schedule
emin, emax, t = sp.symbols("eta_min eta_max t", real=True)
eta = emin + (emax - emin) * (1 + sp.cos(sp.pi * t / T)) / 2
nonclaim(PM, 153, "condition", "0 <= t <= T")
nonclaim(PM, 155, "definition", "the cosine schedule defined")
label(PM, 161, "claim", "right", "sympy: eta at t = 0 is eta_max, at t = T is eta_min", "",
      lambda: zero(eta.subs(t, 0) - emax) and zero(eta.subs(t, T) - emin))
label(PM, 167, "claim", "right", "sympy: eta at t = T/2 is (eta_max + eta_min)/2 (cos(pi/2) = 0)", "",
      lambda: zero(eta.subs(t, T / 2) - (emax + emin) / 2))

# ---------------------------------------------------------------- 9. Xavier uniform
a9, w9 = sp.symbols("a w", positive=True)
nin, nout = sp.symbols("n_in n_out", positive=True, integer=True)
nonclaim(PM, 173, "condition", "the required variance", pick="\\operatorname{Var}(W_{ij}) = \\frac{2}{n_{\\text{in}} + n_{\\text{out}}}")
nonclaim(PM, 173, "condition", "W uniform on (-a, a)", pick="W_{ij} \\sim U(-a, a)")
label(PM, 175, "claim", "right", "sympy: (1/(2a)) int_{-a}^{a} w^2 dw = a^2/3", "a > 0",
      lambda: zero(sp.integrate(w9**2, (w9, -a9, a9)) / (2 * a9) - a9**2 / 3))
label(PM, 181, "claim", "wrong", "sympy: a^2/3 = 2/(n_in + n_out) gives a = sqrt(6/(n_in + n_out)); at n_in = n_out = 1 "
      "the written a = sqrt(3/2) has variance 1/2, not 1", "a > 0",
      lambda: zero((sp.sqrt(3 / (nin + nout))) ** 2 / 3 - 2 / (nin + nout)))

# ---------------------------------------------------------------- 10. mixup's Beta weight
lam = sp.Symbol("lambda", positive=True)


def _beta_moments(av):
    dens = lam ** (av - 1) * (1 - lam) ** (av - 1) / sp.beta(av, av)
    m1 = mp.quad(sp.lambdify(lam, lam * dens, "mpmath"), [0, 1])
    m2 = mp.quad(sp.lambdify(lam, lam**2 * dens, "mpmath"), [0, 1])
    return m1, m2 - m1**2


nonclaim(PM, 187, "condition", "lambda ~ Beta(alpha, alpha)", pick="\\lambda \\sim \\mathrm{Beta}(\\alpha, \\alpha)")
nonclaim(PM, 187, "condition", "alpha > 0", pick="\\alpha > 0")
label(PM, 189, "claim", "right", "mpmath quadrature, alpha in {1/2, 1, 2.5, 7}: E[lambda] = 1/2", "alpha > 0",
      lambda: all(abs(_beta_moments(av)[0] - mp.mpf(1) / 2) < 1e-10
                  for av in (sp.Rational(1, 2), 1, sp.Rational(5, 2), 7)))
nonclaim(PM, 193, "no-claim", "the Beta variance quoted as an expression", pick="\\frac{ab}{(a+b)^2(a+b+1)}")
nonclaim(PM, 193, "definition", "the Beta parameters set to alpha", pick="a = b = \\alpha")
label(PM, 195, "claim", "right", "mpmath quadrature, alpha in {1/2, 1, 2.5, 7}: Var(lambda) = 1/(4(2 alpha + 1))",
      "alpha > 0", lambda: all(abs(_beta_moments(av)[1] - mp.mpf(1) / (4 * (2 * mp.mpf(av) + 1))) < 1e-10
                               for av in (sp.Rational(1, 2), 1, sp.Rational(5, 2), 7)))
nonclaim(PM, 199, "example", "alpha = 1", pick="\\alpha = 1")
label(PM, 199, "claim", "right", "exact: 1/(4*3) = 1/12 (and 1/(4(2*1+1)) = 1/12)", "alpha = 1",
      lambda: Fraction(1, 4 * 3) == Fraction(1, 12) == Fraction(1, 4 * (2 * 1 + 1)),
      pick="\\frac{1}{4 \\cdot 3} = \\frac{1}{12}")

# ---------------------------------------------------------------- 11. Gumbel
F = sp.exp(-sp.exp(-g))
nonclaim(PM, 205, "definition", "the Gumbel CDF defined")
label(PM, 211, "claim", "right", "sympy: diff(exp(-exp(-g)), g) - exp(-g - exp(-g)) simplifies to 0", "",
      lambda: zero(sp.diff(F, g) - sp.exp(-g - sp.exp(-g))))
nonclaim(PM, 215, "equation", "the equation to solve", pick="F(g) = u")
nonclaim(PM, 215, "condition", "u in (0, 1)", pick="u \\in (0, 1)")
label(PM, 217, "claim", "right", "sympy: F(-log(-log u)) = u at u in {1/10, 1/3, 1/2, 9/10} (and F is increasing, so "
      "the root is unique)", "u in (0, 1)",
      lambda: all(zero(F.subs(g, -sp.log(-sp.log(uv))) - uv)
                  for uv in (sp.Rational(1, 10), sp.Rational(1, 3), sp.Rational(1, 2), sp.Rational(9, 10))))

# ---------------------------------------------------------------- 12. log-variance
nonclaim(PM, 223, "definition", "ell defined as the log-variance", pick="\\ell = \\log \\sigma^2")
nonclaim(PM, 223, "condition", "sigma > 0", pick="\\sigma > 0")
label(PM, 225, "claim", "right", "sympy: exp(log(sigma^2)/2) = sigma for sigma > 0, and d/d ell exp(ell/2) = "
      "exp(ell/2)/2 = sigma/2", "sigma > 0",
      lambda: zero(sp.exp(sp.log(sig**2) / 2) - sig) and zero(sp.diff(sp.exp(ell / 2), ell) - sp.exp(ell / 2) / 2))
nonclaim(PM, 229, "definition", "z defined", pick="z = \\mu + \\sigma\\varepsilon")
nonclaim(PM, 229, "condition", "epsilon standard normal", pick="\\varepsilon \\sim \\mathcal{N}(0, 1)")
mu_, e12 = sp.symbols("mu e", real=True)
_phi = sp.exp(-e12**2 / 2) / sp.sqrt(2 * sp.pi)
label(PM, 231, "claim", "right", "sympy: integrals against the standard normal density: E[mu + sigma e] = mu, "
      "E[(sigma e)^2] = sigma^2", "epsilon ~ N(0, 1)",
      lambda: zero(sp.integrate((mu_ + sig * e12) * _phi, (e12, -sp.oo, sp.oo)) - mu_)
      and zero(sp.integrate((sig * e12) ** 2 * _phi, (e12, -sp.oo, sp.oo)) - sig**2))

# ---------------------------------------------------------------- 13. soft thresholding


def _prox_grid(v, lv):
    """argmin over a fine grid plus the candidate points 0 and v -+ lambda (the objective is piecewise quadratic)."""
    cands = np.concatenate([np.linspace(-10, 10, 40001), [0.0, v - lv, v + lv]])
    obj = 0.5 * (cands - v) ** 2 + lv * np.abs(cands)
    return cands[np.argmin(obj)]


label(PM, 239, "claim", "right", "numpy: the minimiser on a grid of step 5e-4 plus the kink and stationary points "
      "equals sign(v) max(|v| - lambda, 0) for 200 random v in [-5, 5], lambda in (0, 3]", "lambda > 0",
      lambda: all(abs(_prox_grid(v, lv) - np.sign(v) * max(abs(v) - lv, 0.0)) < 1e-9
                  for v, lv in zip(RNG.uniform(-5, 5, 200), RNG.uniform(0.01, 3, 200))))
nonclaim(PM, 237, "condition", "lambda > 0", pick="\\lambda > 0")
nonclaim(PM, 237, "condition", "v real", pick="v \\in \\mathbb{R}")
nonclaim(PM, 237, "no-claim", "the penalty named", pick="\\lambda|x|")
nonclaim(PM, 243, "example", "lambda = 1", pick="\\lambda = 1")
label(PM, 243, "claim", "right", "numpy: grid minimiser at v = 2.5, lambda = 1 is 1.5", "lambda = 1",
      lambda: abs(_prox_grid(2.5, 1.0) - 1.5) < 1e-9, pick="\\operatorname{prox}(2.5) = 1.5")
label(PM, 243, "claim", "right", "numpy: grid minimiser at v = -0.3, lambda = 1 is 0", "lambda = 1",
      lambda: abs(_prox_grid(-0.3, 1.0)) < 1e-9, pick="\\operatorname{prox}(-0.3) = 0")

# ---------------------------------------------------------------- 14. gradient clipping


def _clip_checks(which):
    for _ in range(200):
        gv = RNG.normal(size=int(RNG.integers(1, 6))) * RNG.choice([0.1, 1, 10])
        cv = float(RNG.uniform(0.1, 5))
        n = np.linalg.norm(gv)
        gt = gv * min(1.0, cv / n)
        if which == "norm" and abs(np.linalg.norm(gt) - min(n, cv)) > TOL * max(1, n):
            return False
        if which == "dir" and not np.allclose(gt / np.linalg.norm(gt), gv / n, atol=TOL, rtol=0):
            return False
    return True


nonclaim(PM, 247, "condition", "c > 0", pick="c > 0")
nonclaim(PM, 247, "condition", "g != 0", pick="g \\ne 0")
nonclaim(PM, 249, "definition", "the clipped gradient defined")
nonclaim(PM, 253, "no-claim", "the threshold named")
label(PM, 255, "claim", "right", "numpy: 200 random g (sizes 1-5, norms 0.1-10) and c: ||g~|| = min(||g||, c)",
      "c > 0, g != 0", lambda: _clip_checks("norm"))
label(PM, 261, "claim", "right", "numpy: the same draws: g~/||g~|| = g/||g||", "c > 0, g != 0",
      lambda: _clip_checks("dir"))

# ---------------------------------------------------------------- 15. SiLU
nonclaim(PM, 267, "definition", "silu defined", pick="\\operatorname{silu}(x) = x\\sigma(x)")
nonclaim(PM, 267, "no-claim", "sigma named", pick="\\sigma")
label(PM, 267, "claim", "right", "sympy: diff(sigmoid) - sigmoid (1 - sigmoid) simplifies to 0", "",
      lambda: zero(sp.diff(_sigmoid(x), x) - _sigmoid(x) * (1 - _sigmoid(x))),
      pick="\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))")
label(PM, 269, "claim", "wrong", "sympy: d/dx x sigma(x) = sigma(x) + x sigma(x)(1 - sigma(x)); the written form drops "
      "sigma(x) (at x = 0: 1/2 against 0)", "",
      lambda: zero(sp.diff(x * _sigmoid(x), x) - x * _sigmoid(x) * (1 - _sigmoid(x))))
label(PM, 275, "claim", "right", "sympy: limit of x sigma(x) - x as x -> oo is 0", "",
      lambda: sp.limit(x * _sigmoid(x) - x, x, sp.oo) == 0)

# ---------------------------------------------------------------- 16. convolution sizes
nonclaim(PM, 281, "no-claim", "the kernel size named")
label(PM, 283, "claim", "wrong", "exact: (3*3*64 + 1)*128 = 73856, not 73728 (73728 is the count without biases)", "",
      lambda: (3 * 3 * 64 + 1) * 128 == 73728)
nonclaim(PM, 287, "example", "n = 32", pick="n = 32")
nonclaim(PM, 287, "example", "p = 1", pick="p = 1")
nonclaim(PM, 287, "example", "s = 2", pick="s = 2")
label(PM, 289, "claim", "right", "exact: floor((32 + 2 - 3)/2) + 1 = floor(31/2) + 1 = 16", "n = 32, p = 1, s = 2",
      lambda: (32 + 2 * 1 - 3) // 2 + 1 == 31 // 2 + 1 == 16)

# ---------------------------------------------------------------- 17. log-cosh
label(PM, 297, "claim", "right", "sympy: diff(log(cosh x), x) - tanh x simplifies to 0", "",
      lambda: zero(sp.diff(sp.log(sp.cosh(x)), x) - sp.tanh(x)))
label(PM, 303, "claim", "right", "mpmath: |x| - log 2 <= log cosh x <= |x| at 400 points of [-50, 50] (cosh x lies "
      "between e^|x|/2 and e^|x|)", "",
      lambda: all(abs(xv) - mp.log(2) <= mp.log(mp.cosh(xv)) <= abs(xv)
                  for xv in (mp.mpf(float(q)) for q in RNG.uniform(-50, 50, 400))))
label(PM, 309, "claim", "right", "sympy: series(log(cosh x), x, 0, 6) = x^2/2 - x^4/12 + O(x^6)", "",
      lambda: zero(sp.series(sp.log(sp.cosh(x)), x, 0, 6).removeO() - (x**2 / 2 - x**4 / 12)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
