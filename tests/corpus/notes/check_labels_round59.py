r"""Independent checks of the hand labels of the twelve ``everyday_*`` notes (stop 44, branch probe44): cheat sheets,
notebook cells, a lecture handout and a LaTeX homework written quickly, the way people write them (sums without
their range, \mathbb{E} and \mathrm{Var} without the law, := and \approx, "where"), on probability, distributions,
information theory, activations, losses, optimizers, linear algebra, matrix calculus, backprop, regression, calculus
and maximum likelihood.  Each note carries three or four deliberate, realistic slips.  Labelled before Formulary was
run on them.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that returns True
when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round59.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round59.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

# ruff: noqa: B023  (each check's inner lambdas run inside the loop that binds their variables)
import math
import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, holds_at, mp_points, recorder, zero

ENTRIES, label, nonclaim = recorder()
RNG = np.random.default_rng(59)
x, y, z, t, a, b, c, k = sp.symbols("x y z t a b c k", real=True)
p = sp.Symbol("p", positive=True)
lam, sig, beta = sp.symbols("lambda sigma beta", positive=True)
mu = sp.Symbol("mu", real=True)
REAL = mp_points(-9, 9) + [mp.mpf("0.5"), mp.mpf("-0.5")]
POS = mp_points("0.05", 9)
UNIT = mp_points("0.01", "0.99")
TOL = 1e-9


def _lines(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()


def at(name, snippet, nth=0):
    """The line (1-based) of the ``nth`` line of ``name`` holding ``snippet`` (not the header comment)."""
    hits = [i + 1 for i, s in enumerate(_lines(name)) if snippet in s and not s.startswith(("<!--", "%"))]
    return hits[nth]


def sig_(v):
    return 1 / (1 + mp.exp(-v))


# ---------------------------------------------------------------- discrete laws for the probability rules
def _joint():
    """A random joint pmf P[i, j] of X (values xs) and Y (values ys), dependent in general."""
    P = RNG.random((3, 4))
    return P / P.sum(), RNG.normal(size=3) * 3, RNG.normal(size=4) * 3


def _expect(P, xs, ys, f):
    return sum(P[i, j] * f(xs[i], ys[j]) for i in range(len(xs)) for j in range(len(ys)))


def _law_rule(rule, trials=20, independent=False):
    """``rule(E, P, xs, ys)`` is True on ``trials`` random joint laws (independent ones when asked)."""
    for _ in range(trials):
        P, xs, ys = _joint()
        if independent:
            P = np.outer(P.sum(1), P.sum(0))
        if not rule(lambda f: _expect(P, xs, ys, f), P, xs, ys):
            return False
    return True


def _var(E, g):
    return E(lambda u, v: g(u, v) ** 2) - E(g) ** 2


def _close(u, v):
    return abs(u - v) <= TOL * max(1.0, abs(u), abs(v))


# ---------------------------------------------------------------- everyday_probability.md
PR = "everyday_probability.md"
A_, B_ = 1.7, -0.4
label(PR, at(PR, r"linearity: $\mathbb{E}[aX + b]"), "claim", "right", "numpy: 20 random laws, a = 1.7, b = -0.4", "",
      lambda: _law_rule(lambda E, *_: _close(E(lambda u, v: A_ * u + B_), A_ * E(lambda u, v: u) + B_)))
label(PR, at(PR, r"$\mathbb{E}[X + Y] = \mathbb{E}[X] + \mathbb{E}[Y]$"), "claim", "right",
      "numpy: 20 random dependent joint laws", "",
      lambda: _law_rule(lambda E, *_: _close(E(lambda u, v: u + v), E(lambda u, v: u) + E(lambda u, v: v))))
label(PR, at(PR, r"if independent: $\mathbb{E}[XY]"), "claim", "right", "numpy: 20 random product laws",
      "X, Y independent",
      lambda: _law_rule(lambda E, *_: _close(E(lambda u, v: u * v), E(lambda u, v: u) * E(lambda u, v: v)),
                        independent=True))
nonclaim(PR, at(PR, r"sample mean $\bar x"), "definition", "x bar := (1/n) sum_i x_i")
label(PR, at(PR, r"$$\mathrm{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2$$"), "claim", "right",
      "numpy: 20 random laws, E[(X - EX)^2] against E[X^2] - (EX)^2", "",
      lambda: _law_rule(lambda E, *_: _close(E(lambda u, v: (u - E(lambda s, w: s)) ** 2),
                                              E(lambda u, v: u * u) - E(lambda u, v: u) ** 2)))
label(PR, at(PR, r"\operatorname{Var}(aX + b) = a \operatorname{Var}(X)"), "claim", "wrong",
      "numpy: Var(aX + b) = a^2 Var(X); at a = 1.7 the two differ", "",
      lambda: _law_rule(lambda E, *_: _close(_var(E, lambda u, v: A_ * u + B_), A_ * _var(E, lambda u, v: u))))
label(PR, at(PR, r"\mathrm{Var}(X+Y) = \mathrm{Var}(X)"), "claim", "right", "numpy: 20 random dependent joint laws", "",
      lambda: _law_rule(lambda E, *_: _close(
          _var(E, lambda u, v: u + v),
          _var(E, lambda u, v: u) + _var(E, lambda u, v: v)
          + 2 * (E(lambda u, v: u * v) - E(lambda u, v: u) * E(lambda u, v: v)))))
label(PR, at(PR, r"\mathbb{E}[(X-\mu)^2] = \mathbb{E}[X^2] + \mu^2"), "claim", "wrong",
      "numpy: E[(X - mu)^2] = E[X^2] - mu^2, not + mu^2 (differs where mu != 0)", "mu = E[X]",
      lambda: _law_rule(lambda E, *_: _close(E(lambda u, v: (u - E(lambda s, w: s)) ** 2),
                                              E(lambda u, v: u * u) + E(lambda u, v: u) ** 2)))
nonclaim(PR, at(PR, r"$\mathrm{Cov}(X,Y) = \mathbb{E}[XY]"), "definition", "Cov(X, Y) as E[XY] - E[X]E[Y]",
         pick=r"\mathrm{Cov}(X,Y) = \mathbb{E}[XY] - \mathbb{E}[X]\mathbb{E}[Y]")
label(PR, at(PR, r"$\mathrm{Cov}(X,Y) = \mathbb{E}[XY]"), "claim", "right", "numpy: Cov(X, X) = E[X^2] - E[X]^2 = Var X",
      "", lambda: _law_rule(lambda E, *_: _close(E(lambda u, v: u * u) - E(lambda u, v: u) ** 2,
                                                   _var(E, lambda u, v: u))),
      pick=r"\mathrm{Cov}(X, X) = \mathrm{Var}(X)")
label(PR, at(PR, r"\mathrm{Var}(\bar X) = \frac{\sigma^2}{n^2}"), "claim", "wrong",
      "sympy: Var of the mean of n iid draws is n sigma^2 / n^2 = sigma^2/n; at n = 2, sigma = 1: 1/2 against 1/4",
      "n iid draws, variance sigma^2",
      lambda: all(zero(nn * sig**2 / nn**2 - sig**2 / nn**2) for nn in (2, 3, 5)))
nonclaim(PR, at(PR, r"s^2 = \frac{1}{n-1}"), "definition", "the sample variance s^2")
label(PR, at(PR, r"$$\sum_i (x_i - \bar x)^2 = \sum_i x_i^2 - n\bar x^2$$"), "claim", "right",
      "numpy: 20 random vectors of lengths 1 to 6, x bar their mean", "x bar = (1/n) sum_i x_i",
      lambda: all(_close(((v - v.mean()) ** 2).sum(), (v * v).sum() - len(v) * v.mean() ** 2)
                  for v in (RNG.normal(size=m) for m in (1, 2, 3, 4, 5, 6) * 4)))
label(PR, at(PR, r"also $\sum_i (x_i - \bar x) = 0$"), "claim", "right", "numpy: 20 random vectors, centred sums",
      "x bar = (1/n) sum_i x_i", lambda: all(abs((v - v.mean()).sum()) < 1e-9 for v in (RNG.normal(size=m) for m in range(1, 21))))
label(PR, at(PR, r"fair die: $\mathbb{E}[X]"), "claim", "right", "exact: 21/6 = 7/2", "",
      lambda: Fr(21, 6) == Fr(7, 2))
label(PR, at(PR, r"\mathrm{Var}(X) = \frac{1+4+9+16+25+36}{6} - 3.5^2"), "claim", "right",
      "exact: 91/6 - 49/4 = 35/12", "", lambda: Fr(91, 6) - Fr(7, 2) ** 2 == Fr(35, 12) and sum(q * q for q in range(1, 7)) == 91)
label(PR, at(PR, r"\mathrm{Var}(X) = \frac{91}{6} - 3.5 ="), "claim", "wrong",
      "exact: 91/6 - 7/2 = 35/3, not 35/12 (3.5 written for its square)", "", lambda: Fr(91, 6) - Fr(7, 2) == Fr(35, 12))
label(PR, at(PR, r"$$P(A|B) = \frac{P(B|A)P(A)}{P(B)}$$"), "claim", "right",
      "numpy: 20 random joint laws of two events, P(A|B) = P(A,B)/P(B) against P(B|A)P(A)/P(B)", "P(B) > 0",
      lambda: _law_rule(lambda E, P, *_: _close(P[0, 0] / P[:, 0].sum(),
                                                (P[0, 0] / P[0, :].sum()) * P[0, :].sum() / P[:, 0].sum())))
label(PR, at(PR, r"total probability $P(B) ="), "claim", "right",
      "numpy: 20 random joint laws; the rows are the partition A_i, the first column B", "A_i a partition",
      lambda: _law_rule(lambda E, P, *_: _close(P[:, 0].sum(),
                                                sum((P[i, 0] / P[i, :].sum()) * P[i, :].sum() for i in range(3)))))
nonclaim(PR, at(PR, r"$p(\theta|x) \propto"), "no-claim", "a proportionality in theta (the posterior rule), not checked")
label(PR, at(PR, r"P(D|+) = \frac{0.99 \cdot 0.01}"), "claim", "right",
      "exact: 0.0099/0.0594 = 1/6 = 0.1667, within a unit of the last digit written", "",
      lambda: abs(Fr(99, 10000) / (Fr(99, 10000) + Fr(5, 100) * Fr(99, 100)) - Fr(167, 1000)) < Fr(1, 1000))
label(PR, at(PR, r"$P(A \cup B) = P(A) + P(B)"), "claim", "right",
      "numpy: inclusion-exclusion on 20 random laws of two events", "",
      lambda: _law_rule(lambda E, P, *_: _close(1 - P[1:, 1:].sum(),
                                                P[0, :].sum() + P[:, 0].sum() - P[0, 0])),
      pick=r"P(A \cup B) = P(A) + P(B) - P(A \cap B)")
label(PR, at(PR, r"$P(A \cup B) = P(A) + P(B)"), "claim", "right", "numpy: the complement's mass is one minus", "",
      lambda: _law_rule(lambda E, P, *_: _close(P[1:, :].sum(), 1 - P[0, :].sum())), pick=r"P(A^c) = 1 - P(A)")
label(PR, at(PR, r"Markov: $P(X \ge a)"), "claim", "right",
      "numpy: 20 random laws on non-negative values, a at each value and between", "X >= 0, a > 0",
      lambda: _law_rule(lambda E, P, xs, ys: all(
          P[np.abs(xs) >= aa, :].sum() <= E(lambda u, v: abs(u)) / aa + 1e-12
          for aa in list(np.abs(xs)) + [0.1, 1.0, 5.0])), pick=r"P(X \ge a) \le \frac{\mathbb{E}[X]}{a}")
label(PR, at(PR, r"Chebyshev: $P(|X - \mu| \ge k\sigma)"), "claim", "right",
      "numpy: 20 random laws, k at 0.5, 1, 1.5, 2, 3 and at each |x - mu|/sigma", "sigma^2 = Var X, k > 0",
      lambda: _law_rule(lambda E, P, xs, ys: all(
          P[np.abs(xs - E(lambda u, v: u)) >= kk * math.sqrt(_var(E, lambda u, v: u)) - 1e-12, :].sum() <= 1 / kk**2 + 1e-12
          for kk in [0.5, 1, 1.5, 2, 3] + list(np.abs(xs - E(lambda u, v: u)) / math.sqrt(_var(E, lambda u, v: u)))
          if kk > 0)))
label(PR, at(PR, r"Jensen for convex $f$"), "claim", "right", "numpy: f = exp, x^2, |x| on 20 random laws", "f convex",
      lambda: _law_rule(lambda E, *_: all(fn(E(lambda u, v: u)) <= E(lambda u, v: fn(u)) + 1e-12
                                          for fn in (np.exp, np.square, abs))),
      pick=r"f(\mathbb{E}[X]) \le \mathbb{E}[f(X)]")
label(PR, at(PR, r"Jensen for convex $f$"), "claim", "right", "numpy: 20 random laws", "",
      lambda: _law_rule(lambda E, *_: E(lambda u, v: u) ** 2 <= E(lambda u, v: u * u) + 1e-12),
      pick=r"\mathbb{E}[X]^2 \le \mathbb{E}[X^2]")
label(PR, at(PR, r"\mathbb{E}[X] = \mathbb{E}[\mathbb{E}[X|Y]]"), "claim", "right",
      "numpy: 20 random joint laws, E[X|Y = y_j] averaged over the law of Y", "",
      lambda: _law_rule(lambda E, P, xs, ys: _close(
          E(lambda u, v: u), sum(P[:, j].sum() * (P[:, j] @ xs) / P[:, j].sum() for j in range(4)))))


def _total_variance(E, P, xs, ys):
    py = P.sum(0)
    m = [(P[:, j] @ xs) / py[j] for j in range(4)]
    v = [(P[:, j] @ xs**2) / py[j] - m[j] ** 2 for j in range(4)]
    mean_m = sum(py[j] * m[j] for j in range(4))
    return _close(_var(E, lambda u, w: u), sum(py[j] * v[j] for j in range(4))
                  + sum(py[j] * (m[j] - mean_m) ** 2 for j in range(4)))


label(PR, at(PR, r"\mathrm{Var}(X) = \mathbb{E}[\mathrm{Var}(X|Y)]"), "claim", "right",
      "numpy: the law of total variance on 20 random joint laws", "", lambda: _law_rule(_total_variance))
label(PR, at(PR, r"two fair coins"), "claim", "right", "exact: 1 - (1/2)^2 = 3/4", "",
      lambda: 1 - Fr(1, 2) ** 2 == Fr(3, 4))

# ---------------------------------------------------------------- everyday_distributions.md
DI = "everyday_distributions.md"
PS = [Fr(1, 10), Fr(1, 3), Fr(1, 2), Fr(4, 5)]
nonclaim(DI, at(DI, r"**Bernoulli($p$)**"), "definition", "P(X = 1) = p", pick=r"P(X = 1) = p")
nonclaim(DI, at(DI, r"**Bernoulli($p$)**"), "definition", "P(X = 0) = 1 - p", pick=r"P(X=0) = 1-p")
label(DI, at(DI, r"$\mathbb{E}[X] = p$, $\mathrm{Var}"), "claim", "right", "exact: 1 p + 0 (1 - p) = p", "X ~ Bernoulli(p)",
      lambda: all(1 * q + 0 * (1 - q) == q for q in PS), pick=r"\mathbb{E}[X] = p")
label(DI, at(DI, r"$\mathbb{E}[X] = p$, $\mathrm{Var}"), "claim", "right", "exact: p - p^2 = p(1 - p) = E[X^2] - E[X]^2",
      "X ~ Bernoulli(p)", lambda: all(q - q * q == q * (1 - q) for q in PS), pick=r"\mathrm{Var}(X) = p - p^2 = p(1-p)")
label(DI, at(DI, r"MGF: $M(t) = 1 - p + pe^t$"), "claim", "right", "sympy: E[e^{tX}] = (1 - p) + p e^t", "X ~ Bernoulli(p)",
      lambda: zero((1 - p) * sp.exp(0) + p * sp.exp(t) - (1 - p + p * sp.exp(t))))
nonclaim(DI, at(DI, r"$$P(X = k) = \binom{n}{k}"), "definition", "the binomial pmf")
label(DI, at(DI, r"$$\sum_{k=0}^{n} \binom{n}{k}"), "claim", "right", "sympy: the binomial theorem at n = 0..6", "",
      lambda: all(zero(sum(sp.binomial(nn, kk) * p**kk * (1 - p) ** (nn - kk) for kk in range(nn + 1)) - 1)
                  for nn in range(7)))
label(DI, at(DI, r"mean $np$, variance $np(1-p)$, MGF"), "claim", "right",
      "sympy: sum_k C(n,k) p^k (1-p)^(n-k) e^{tk} = (1 - p + p e^t)^n at n = 1..5", "X ~ Binomial(n, p)",
      lambda: all(zero(sp.expand(sum(sp.binomial(nn, kk) * p**kk * (1 - p) ** (nn - kk) * sp.exp(t * kk)
                                     for kk in range(nn + 1)) - (1 - p + p * sp.exp(t)) ** nn)) for nn in range(1, 6)),
      pick=r"M(t) = (1 - p + pe^t)^n")
nonclaim(DI, at(DI, r"$$P(X=k) = \frac{\lambda^k e^{-\lambda}}{k!}$$"), "definition", "the Poisson pmf")
_kk = sp.Symbol("k", integer=True, nonnegative=True)
label(DI, at(DI, r"e^{-\lambda} e^{\lambda} = 1"), "claim", "right", "sympy: the exponential series", "",
      lambda: zero(sp.summation(lam**_kk * sp.exp(-lam) / sp.factorial(_kk), (_kk, 0, sp.oo)) - 1))
label(DI, at(DI, r"k\frac{\lambda^k e^{-\lambda}}{k!} = \lambda$$"), "claim", "right", "sympy: the Poisson mean", "",
      lambda: zero(sp.summation(_kk * lam**_kk * sp.exp(-lam) / sp.factorial(_kk), (_kk, 0, sp.oo)) - lam))
label(DI, at(DI, r"k^2\frac{\lambda^k e^{-\lambda}}{k!} - \lambda^2 = \lambda^2"), "claim", "wrong",
      "sympy: E[X^2] - lambda^2 = lambda (the Poisson variance), not lambda^2; at lambda = 2: 2 against 4", "",
      lambda: zero(sp.summation(_kk**2 * lam**_kk * sp.exp(-lam) / sp.factorial(_kk), (_kk, 0, sp.oo)) - lam**2 - lam**2))
label(DI, at(DI, r"MGF $M(t) := \mathbb{E}[e^{tX}]"), "claim", "right",
      "mpmath: nsum of e^{tk} lambda^k e^-lambda / k! against exp(lambda (e^t - 1)) at lambda = 0.5, 3, t = -1, 0.7", "X ~ Poisson(lambda)",
      lambda: all(abs(mp.nsum(lambda j: mp.exp(tt * j) * ll**j * mp.exp(-ll) / mp.factorial(j), [0, mp.inf])
                      - mp.exp(ll * (mp.exp(tt) - 1))) < 1e-20 * mp.exp(ll * (mp.exp(tt) - 1))
                  for ll in (mp.mpf("0.5"), mp.mpf(3)) for tt in (mp.mpf(-1), mp.mpf("0.7"))))
label(DI, at(DI, r"variance $\mathrm{Var}(X) = \frac{1-p}{p}$"), "claim", "wrong",
      "mpmath: the geometric variance is (1-p)/p^2; at p = 1/2: 2 against 1", "X ~ Geometric(p) on {1, 2, ...}",
      lambda: all(abs(mp.nsum(lambda j: j * j * q * (1 - q) ** (j - 1), [1, mp.inf]) - 1 / q**2 - (1 - q) / q) < 1e-20
                  for q in (mp.mpf("0.5"), mp.mpf("0.3"))))
label(DI, at(DI, r"k p (1-p)^{k-1} = \frac{1}{p}"), "claim", "right", "mpmath: nsum at p = 0.1, 0.5, 0.9", "0 < p < 1",
      lambda: all(abs(mp.nsum(lambda j: j * q * (1 - q) ** (j - 1), [1, mp.inf]) - 1 / q) < 1e-20
                  for q in (mp.mpf("0.1"), mp.mpf("0.5"), mp.mpf("0.9"))))
nonclaim(DI, at(DI, r"density $f(x) = \lambda e^{-\lambda x}$"), "definition", "the exponential density",
         pick=r"f(x) = \lambda e^{-\lambda x}")
nonclaim(DI, at(DI, r"density $f(x) = \lambda e^{-\lambda x}$"), "condition", "x >= 0", pick=r"x \ge 0")
label(DI, at(DI, r"\int_0^\infty \lambda e^{-\lambda x}\,dx = 1"), "claim", "right", "sympy", "lambda > 0",
      lambda: zero(sp.integrate(lam * sp.exp(-lam * x), (x, 0, sp.oo)) - 1))
label(DI, at(DI, r"\int_0^\infty x \lambda e^{-\lambda x}\,dx"), "claim", "right", "sympy", "lambda > 0",
      lambda: zero(sp.integrate(x * lam * sp.exp(-lam * x), (x, 0, sp.oo)) - 1 / lam))
label(DI, at(DI, r"\int_0^\infty x^2 \lambda e^{-\lambda x}"), "claim", "wrong", "sympy: the integral is 2/lambda^2",
      "lambda > 0", lambda: zero(sp.integrate(x**2 * lam * sp.exp(-lam * x), (x, 0, sp.oo)) - 1 / lam**2))
nonclaim(DI, at(DI, r"MGF for $t < \lambda$"), "condition", "t < lambda")
label(DI, at(DI, r"\int_0^\infty e^{tx}\lambda e^{-\lambda x}"), "claim", "right",
      "mpmath: quadrature at (lambda, t) = (2, 1), (1, -3), (5, 4.5)", "t < lambda",
      lambda: all(abs(mp.quad(lambda u: mp.exp(tt * u) * ll * mp.exp(-ll * u), [0, mp.inf]) - ll / (ll - tt)) < 1e-15
                  for ll, tt in ((2, 1), (1, -3), (5, mp.mpf("4.5")))))
label(DI, at(DI, r"\int_a^b \frac{x}{b-a}\,dx = \frac{a+b}{2}"), "claim", "right", "sympy", "a < b",
      lambda: zero(sp.integrate(x / (b - a), (x, a, b)) - (a + b) / 2))
label(DI, at(DI, r"\int_a^b \frac{x^2}{b-a}\,dx - \left"), "claim", "wrong", "sympy: the variance is (b-a)^2/12", "a < b",
      lambda: zero(sp.integrate(x**2 / (b - a), (x, a, b)) - ((a + b) / 2) ** 2 - (b - a) ** 2 / 6))
label(DI, at(DI, r"\frac{1}{\sqrt{2\pi\sigma^2}} e^{-\frac{(x-\mu)^2}{2\sigma^2}}\,dx = 1"), "claim", "right", "sympy",
      "sigma > 0", lambda: zero(sp.integrate(sp.exp(-(x - mu) ** 2 / (2 * sig**2)) / sp.sqrt(2 * sp.pi * sig**2),
                                             (x, -sp.oo, sp.oo)) - 1))
_M = sp.exp(mu * t + sig**2 * t**2 / 2)
label(DI, at(DI, r"MGF $M(t) = e^{\mu t + \sigma^2 t^2/2}$"), "claim", "right",
      "sympy: E[e^{tX}] for X ~ N(mu, sigma^2)", "X ~ N(mu, sigma^2)",
      lambda: zero(sp.simplify(sp.integrate(sp.exp(t * x - (x - mu) ** 2 / (2 * sig**2)) / sp.sqrt(2 * sp.pi * sig**2),
                                            (x, -sp.oo, sp.oo)) - _M)),
      pick=r"M(t) = e^{\mu t + \sigma^2 t^2/2}")
label(DI, at(DI, r"MGF $M(t) = e^{\mu t + \sigma^2 t^2/2}$"), "claim", "right", "sympy: M'(0) = mu", "",
      lambda: zero(sp.diff(_M, t).subs(t, 0) - mu), pick=r"M'(0) = \mu")
label(DI, at(DI, r"MGF $M(t) = e^{\mu t + \sigma^2 t^2/2}$"), "claim", "right", "sympy: M''(0) = mu^2 + sigma^2", "",
      lambda: zero(sp.diff(_M, t, 2).subs(t, 0) - mu**2 - sig**2), pick=r"M''(0) = \mu^2 + \sigma^2")
_al, _be = sp.symbols("alpha beta", positive=True)
label(DI, at(DI, r"\frac{B(\alpha+1, \beta)}{B(\alpha, \beta)}"), "claim", "right", "sympy: gamma-function ratio",
      "alpha, beta > 0",
      lambda: zero(sp.gammasimp(sp.gamma(_al + 1) * sp.gamma(_be) / sp.gamma(_al + _be + 1)
                                / (sp.gamma(_al) * sp.gamma(_be) / sp.gamma(_al + _be))) - _al / (_al + _be)))
_th, _k = sp.symbols("theta k", positive=True)
label(DI, at(DI, r"\frac{x^{k-1}e^{-x/\theta}}{\Gamma(k)\theta^k}\,dx = k\theta"), "claim", "right",
      "sympy: the gamma mean", "k, theta > 0",
      lambda: zero(sp.simplify(sp.integrate(x * x ** (_k - 1) * sp.exp(-x / _th) / (sp.gamma(_k) * _th**_k),
                                            (x, 0, sp.oo), conds="none") - _k * _th)))

# ---------------------------------------------------------------- everyday_information_theory.md
IT = "everyday_information_theory.md"


def _simplex(n):
    v = RNG.random(n) + 0.01
    return v / v.sum()


nonclaim(IT, at(IT, r"$$H(X) = -\sum_x p(x)\log p(x)$$"), "definition", "Shannon entropy")
label(IT, at(IT, r"H = -2 \cdot \frac12 \log_2 \frac12 = 1"), "claim", "right", "exact: -2 (1/2)(-1) = 1", "",
      lambda: -2 * Fr(1, 2) * (-1) == 1)
label(IT, at(IT, r"-\frac14\log_2\frac14 - \frac34\log_2\frac34 \approx 0.811"), "claim", "right",
      "mpmath: 0.81128, 0.811 to the digits written", "",
      lambda: abs(-mp.mpf(1) / 4 * mp.log(mp.mpf(1) / 4, 2) - mp.mpf(3) / 4 * mp.log(mp.mpf(3) / 4, 2) - mp.mpf("0.811"))
      < mp.mpf("0.0005"))
nonclaim(IT, at(IT, r"binary entropy $H_b(p) :="), "definition", "binary entropy")
label(IT, at(IT, r"\frac{d}{dp}\left(-p\log p - (1-p)\log(1-p)\right)"), "claim", "right", "sympy", "0 < p < 1",
      lambda: zero(sp.simplify(sp.diff(-p * sp.log(p) - (1 - p) * sp.log(1 - p), p) - sp.log((1 - p) / p))))
label(IT, at(IT, r"max at $p = 1/2$"), "claim", "right", "mpmath: ln 2 = 0.6931", "",
      lambda: abs(mp.log(2) - mp.mpf("0.693")) < mp.mpf("0.0005"), pick=r"\ln 2 \approx 0.693")
label(IT, at(IT, r"uniform over $K$ outcomes"), "claim", "wrong",
      "exact: the uniform entropy is log K = -log(1/K); log(1/K) < 0 for K >= 2", "uniform over K outcomes",
      lambda: all(zero(-sum(sp.Rational(1, KK) * sp.log(sp.Rational(1, KK)) for _ in range(KK)) - sp.log(sp.Rational(1, KK)))
                  for KK in (2, 3, 5)), pick=r"H = \log\frac{1}{K}")
label(IT, at(IT, r"uniform over $K$ outcomes"), "claim", "right",
      "numpy: 0 <= H <= log K on 40 random pmfs with K = 1..8 and the uniform ones", "p a pmf on K outcomes",
      lambda: all(-1e-12 <= -(q * np.log(q)).sum() <= math.log(len(q)) + 1e-12
                  for q in [_simplex(m) for m in range(1, 9) for _ in range(5)] + [np.ones(m) / m for m in range(1, 9)]),
      pick=r"0 \le H(X) \le \log K")
label(IT, at(IT, r"$$D_{KL}(p\|q) = \sum_x p(x)\log\frac{p(x)}{q(x)} \ge 0$$"), "claim", "right",
      "numpy: Gibbs on 40 random pairs of pmfs", "p, q pmfs",
      lambda: all((pp * np.log(pp / qq)).sum() >= -1e-12
                  for pp, qq in ((_simplex(m), _simplex(m)) for m in range(1, 9) for _ in range(5))))
_A, _B = sp.symbols("a b", positive=True)
label(IT, at(IT, r"D_{KL}(\mathrm{Ber}(a)\|\mathrm{Ber}(b))"), "claim", "wrong",
      "mpmath: the second term is (1-a) log((1-a)/(1-b)); at a = 0.2, b = 0.6 the two sides differ", "0 < a, b < 1",
      lambda: all(abs((aa * mp.log(aa / bb) + (1 - aa) * mp.log((1 - aa) / (1 - bb)))
                      - (aa * mp.log(aa / bb) + (1 - aa) * mp.log((1 - bb) / (1 - aa)))) < 1e-30
                  for aa, bb in ((mp.mpf("0.2"), mp.mpf("0.6")), (mp.mpf("0.5"), mp.mpf("0.1")))))
nonclaim(IT, at(IT, r"cross-entropy $H(p, q) ="), "definition", "cross-entropy")
label(IT, at(IT, r"$$-\sum_x p(x)\log q(x) = -\sum_x p(x)\log p(x) + \sum_x"), "claim", "right",
      "numpy: 20 random pairs of pmfs (and the identity term by term)", "",
      lambda: all(_close(-(pp * np.log(qq)).sum(), -(pp * np.log(pp)).sum() + (pp * np.log(pp / qq)).sum())
                  for pp, qq in ((_simplex(m), _simplex(m)) for m in range(1, 6) for _ in range(4))))
label(IT, at(IT, r"i.e. $H(p,q) = H(p) + D_{KL}(p\|q)$"), "claim", "right", "numpy: as the display above", "",
      lambda: all(_close(-(pp * np.log(qq)).sum(), -(pp * np.log(pp)).sum() + (pp * np.log(pp / qq)).sum())
                  for pp, qq in ((_simplex(m), _simplex(m)) for m in range(1, 6) for _ in range(4))))


def _kl_gauss(m1, s1, m2, s2):
    def f(u):
        lp = -(u - m1) ** 2 / (2 * s1**2) - mp.log(s1 * mp.sqrt(2 * mp.pi))
        lq = -(u - m2) ** 2 / (2 * s2**2) - mp.log(s2 * mp.sqrt(2 * mp.pi))
        return mp.exp(lp) * (lp - lq)
    return mp.quad(f, [-mp.inf, m1 - 10 * s1, m1, m1 + 10 * s1, mp.inf])


GAUSS_PAIRS = ((0, 1, 1, 2), (1.5, 0.5, -1, 1), (-2, 3, 0.5, 0.7))
label(IT, at(IT, r"D_{KL}(\mathcal{N}(\mu_1,\sigma_1^2)\|\mathcal{N}(\mu_2,\sigma_2^2))"), "claim", "right",
      "mpmath: quadrature of p log(p/q) at three pairs of normals", "sigma_1, sigma_2 > 0",
      lambda: all(abs(_kl_gauss(*g) - (mp.log(mp.mpf(g[3]) / g[1]) + (mp.mpf(g[1]) ** 2 + (g[0] - g[2]) ** 2)
                                        / (2 * mp.mpf(g[3]) ** 2) - mp.mpf(1) / 2)) < 1e-10 for g in GAUSS_PAIRS))
label(IT, at(IT, r"D_{KL}(\mathcal{N}(\mu,\sigma^2)\|\mathcal{N}(0,1))"), "claim", "right",
      "mpmath: quadrature at (mu, sigma) = (0, 1), (1.5, 0.5), (-2, 3)", "sigma > 0",
      lambda: all(abs(_kl_gauss(m, s, 0, 1) - (m * m + mp.mpf(s) ** 2 - mp.log(mp.mpf(s) ** 2) - 1) / 2) < 1e-10
                  for m, s in ((0, 1), (1.5, 0.5), (-2, 3))))
label(IT, at(IT, r"h = \frac12\log(2\pi\sigma^2)"), "claim", "wrong",
      "mpmath: the Gaussian differential entropy is log(2 pi e sigma^2)/2 (quadrature at sigma = 0.5, 1, 3)", "sigma > 0",
      lambda: all(abs(mp.quad(lambda u: -mp.npdf(u, 0, s) * mp.log(mp.npdf(u, 0, s)), [-mp.inf, 0, mp.inf])
                      - mp.log(2 * mp.pi * s * s) / 2) < 1e-10 for s in (mp.mpf("0.5"), mp.mpf(1), mp.mpf(3))),
      pick=r"h = \frac12\log(2\pi\sigma^2)")


def _mi_chain():
    for _ in range(20):
        P = RNG.random((3, 4)) + 0.01
        P /= P.sum()
        px, py = P.sum(1), P.sum(0)

        def H(v):
            return -(v * np.log(v)).sum()
        hxy = H(P.ravel())
        hx_given_y = -(P * np.log(P / py[None, :])).sum()
        mi = (P * np.log(P / np.outer(px, py))).sum()
        if not (_close(mi, H(px) - hx_given_y) and _close(mi, H(px) + H(py) - hxy)):
            return False
    return True


def _mi_nonnegative():
    Q = RNG.random((3, 3)) + 0.01
    Q /= Q.sum()
    return (Q * np.log(Q / np.outer(Q.sum(1), Q.sum(0)))).sum() >= -1e-12


label(IT, at(IT, r"$$I(X;Y) = H(X) - H(X|Y)"), "claim", "right", "numpy: 20 random joint pmfs", "", _mi_chain)
label(IT, at(IT, r"$I(X;Y) = D_{KL}(p(x,y)\|p(x)p(y)) \ge 0$"), "claim", "right",
      "numpy: the KL of a joint pmf to the product of its marginals is >= 0 (Gibbs), 20 random joints", "",
      lambda: all(_mi_nonnegative() for _ in range(20)), pick=r"I(X;Y) = D_{KL}(p(x,y)\|p(x)p(y)) \ge 0")
label(IT, at(IT, r"for a fair die it is $2^{\log_2 6} = 6$"), "claim", "right", "exact: 2^(log_2 6) = 6", "",
      lambda: zero(2 ** (sp.log(6) / sp.log(2)) - 6), pick=r"2^{\log_2 6} = 6")

# ---------------------------------------------------------------- everyday_activations.md
AC = "everyday_activations.md"
nonclaim(AC, at(AC, r"$\sigma(x) = \frac{1}{1+e^{-x}}$"), "definition", "the sigmoid")
label(AC, at(AC, r"$$\sigma'(x) = \sigma(x)(1-\sigma(x))$$"), "claim", "right", "mpmath: numerical derivative at 43 points",
      "", lambda: holds_at(lambda v: mp.diff(sig_, v), lambda v: sig_(v) * (1 - sig_(v)), "=", REAL))
label(AC, at(AC, r"$$1 - \sigma(x) = \sigma(-x)$$"), "claim", "right", "mpmath: at 43 points", "",
      lambda: holds_at(lambda v: 1 - sig_(v), lambda v: sig_(-v), "=", REAL))
label(AC, at(AC, r"$\sigma(0) = 0.5$"), "claim", "right", "exact: 1/(1 + 1)", "", lambda: Fr(1, 2) == Fr(5, 10),
      pick=r"\sigma(0) = 0.5")
label(AC, at(AC, r"$\sigma(0) = 0.5$"), "claim", "wrong", "exact: sigma'(0) = sigma(0)(1 - sigma(0)) = 1/4, not 1/2", "",
      lambda: Fr(1, 2) * (1 - Fr(1, 2)) == Fr(1, 2), pick=r"\sigma'(0) = \frac12")
label(AC, at(AC, r"logit is the inverse"), "claim", "right", "mpmath: at 43 points", "",
      lambda: holds_at(lambda v: mp.log(sig_(v) / (1 - sig_(v))), lambda v: v, "=", REAL))
label(AC, at(AC, r"$$\tanh(x) = 2\sigma(2x) - 1$$"), "claim", "right", "mpmath: at 43 points", "",
      lambda: holds_at(mp.tanh, lambda v: 2 * sig_(2 * v) - 1, "=", REAL))
label(AC, at(AC, r"\frac{d}{dx}\tanh(x) = 1 + \tanh^2(x)"), "claim", "wrong", "sympy: the derivative is 1 - tanh^2", "",
      lambda: zero(sp.diff(sp.tanh(x), x) - (1 + sp.tanh(x) ** 2)))
label(AC, at(AC, r"$\tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}$"), "claim", "right", "sympy: rewrite(exp)", "",
      lambda: zero(sp.tanh(x).rewrite(sp.exp) - (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))))
nonclaim(AC, at(AC, r"$\mathrm{softplus}(x) = \log(1 + e^x)$"), "definition", "softplus")
label(AC, at(AC, r"\frac{d}{dx}\log(1 + e^x) = \frac{1}{1 + e^{x}}"), "claim", "wrong",
      "sympy: the derivative is e^x/(1 + e^x) = 1/(1 + e^-x)", "",
      lambda: zero(sp.diff(sp.log(1 + sp.exp(x)), x) - 1 / (1 + sp.exp(x))))
label(AC, at(AC, r"\mathrm{softplus}(x) - \mathrm{softplus}(-x) = x"), "claim", "right", "mpmath: at 43 points", "",
      lambda: holds_at(lambda v: mp.log(1 + mp.exp(v)) - mp.log(1 + mp.exp(-v)), lambda v: v, "=", REAL))
label(AC, at(AC, r"$\log\sigma(x) = -\mathrm{softplus}(-x)$"), "claim", "right", "mpmath: at 43 points", "",
      lambda: holds_at(lambda v: mp.log(sig_(v)), lambda v: -mp.log(1 + mp.exp(-v)), "=", REAL))
nonclaim(AC, at(AC, r"$\mathrm{ReLU}(x) = \max(0, x)$"), "definition", "ReLU", pick=r"\mathrm{ReLU}(x) = \max(0, x)")
label(AC, at(AC, r"$\mathrm{ReLU}(x) = \max(0, x)$"), "claim", "right", "mpmath: at 43 points", "",
      lambda: holds_at(lambda v: max(0, v), lambda v: (v + abs(v)) / 2, "=", REAL), pick=r"\max(0,x) = \frac{x + |x|}{2}")
nonclaim(AC, at(AC, r"$\text{GELU}(x) = x\Phi(x)$"), "definition", "GELU", pick=r"\text{GELU}(x) = x\Phi(x)")
label(AC, at(AC, r"\frac{d}{dx}\, x\Phi(x) = \Phi(x) + x\phi(x)"), "claim", "right",
      "mpmath: numerical derivative of x ncdf(x) against ncdf + x npdf at 43 points", "phi the standard normal density",
      lambda: holds_at(lambda v: mp.diff(lambda u: u * mp.ncdf(u), v), lambda v: mp.ncdf(v) + v * mp.npdf(v), "=", REAL))
label(AC, at(AC, r"tanh approximation: $\text{GELU}(x) \approx"), "claim", "right",
      "mpmath: |x Phi(x) - tanh form| < 5e-4 at 43 points of [-9, 9] (an approximation, as written)", "",
      lambda: all(abs(v * mp.ncdf(v) - mp.mpf("0.5") * v * (1 + mp.tanh(mp.sqrt(2 / mp.pi) * (v + mp.mpf("0.044715") * v**3))))
                  < mp.mpf("5e-4") for v in REAL))
label(AC, at(AC, r"$$\frac{d}{dx} x\sigma(x) = \sigma(x) + x\sigma(x)(1-\sigma(x))$$"), "claim", "right",
      "mpmath: numerical derivative at 43 points", "",
      lambda: holds_at(lambda v: mp.diff(lambda u: u * sig_(u), v), lambda v: sig_(v) + v * sig_(v) * (1 - sig_(v)), "=",
                       REAL))
label(AC, at(AC, r"\frac{d}{dx}\left(\frac{x}{1 + e^{-x}}\right)"), "claim", "right", "sympy: quotient rule", "",
      lambda: zero(sp.simplify(sp.diff(x / (1 + sp.exp(-x)), x)
                               - (1 + sp.exp(-x) + x * sp.exp(-x)) / (1 + sp.exp(-x)) ** 2)))

# ---------------------------------------------------------------- everyday_losses.md
LO = "everyday_losses.md"
VECS = [RNG.normal(scale=s, size=n) for n in (1, 2, 3, 7) for s in (0.1, 1.0, 20.0)]


def _lse(v):
    m = v.max()
    return m + math.log(np.exp(v - m).sum())


def _sm(v):
    e = np.exp(v - v.max())
    return e / e.sum()


nonclaim(LO, at(LO, r"$\mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}$"), "definition", "softmax")
label(LO, at(LO, r"$$\sum_i \frac{e^{z_i}}{\sum_j e^{z_j}} = 1$$"), "claim", "right", "numpy: 12 random vectors", "",
      lambda: all(_close(_sm(v).sum(), 1.0) for v in VECS))
label(LO, at(LO, r"\frac{e^{z_i + c}}{\sum_j e^{z_j + c}}"), "claim", "right", "numpy: 12 vectors, c = -3, 0.5, 40", "",
      lambda: all(np.allclose(_sm(v + cc), _sm(v), rtol=1e-12, atol=1e-15) for v in VECS for cc in (-3, 0.5, 40)))
label(LO, at(LO, r"= \frac{1}{1 + e^{-(z_1 - z_2)}}$$"), "claim", "right", "sympy", "",
      lambda: zero(sp.simplify(sp.exp(x) / (sp.exp(x) + sp.exp(y)) - 1 / (1 + sp.exp(-(x - y))))))
label(LO, at(LO, r"= \sigma(z_2 - z_1)$$"), "claim", "wrong", "sympy: it is sigma(z_1 - z_2); at z = (1, 0): 0.73 against 0.27",
      "", lambda: zero(sp.simplify(sp.exp(x) / (sp.exp(x) + sp.exp(y)) - 1 / (1 + sp.exp(-(y - x))))))
label(LO, at(LO, r"$$\log\sum_i e^{z_i} = m + \log\sum_i e^{z_i - m}$$"), "claim", "right",
      "numpy: 12 vectors (m their max; the identity holds for any m)", "m = max_i z_i",
      lambda: all(_close(math.log(np.exp(v).sum()), v.max() + math.log(np.exp(v - v.max()).sum())) for v in VECS
                  if np.abs(v).max() < 300))
label(LO, at(LO, r"$$\max_i z_i \le \log\sum_i e^{z_i} \le \max_i z_i + \log n$$"), "claim", "right",
      "numpy: 12 vectors and the all-equal ones", "",
      lambda: all(v.max() - 1e-12 <= _lse(v) <= v.max() + math.log(len(v)) + 1e-12
                  for v in VECS + [np.zeros(n) for n in (1, 4)]))
label(LO, at(LO, r"$$\log\sum_i e^{z_i} \ge \max_i z_i + \log n$$"), "claim", "wrong",
      "numpy: fails at z = (0, -5), n = 2: 0.0067 against 0.69 (equality only when all z_i are equal)", "",
      lambda: all(_lse(v) >= v.max() + math.log(len(v)) - 1e-12 for v in VECS + [np.array([0.0, -5.0])]))
label(LO, at(LO, r"with $\hat y = \mathrm{softmax}(z)$, one-hot"), "claim", "right",
      "numpy: central differences of -sum y log softmax(z) at 10 random z, one-hot y", "y one-hot",
      lambda: all(np.allclose([(-(yy * np.log(_sm(zz + h * e))).sum() + (yy * np.log(_sm(zz - h * e))).sum()) / (2 * h)
                               for e in np.eye(len(zz))], _sm(zz) - yy, atol=1e-6)
                  for zz, yy in ((RNG.normal(size=4), np.eye(4)[RNG.integers(4)]) for _ in range(10)) for h in (1e-6,)),
      pick=r"\frac{\partial L}{\partial z_i} = \hat y_i - y_i")
label(LO, at(LO, r"\frac{d}{dz}\left(-y\log\sigma(z) - (1-y)\log(1-\sigma(z))\right)"), "claim", "right", "sympy", "",
      lambda: zero(sp.simplify(sp.diff(-y * sp.log(1 / (1 + sp.exp(-z))) - (1 - y) * sp.log(1 - 1 / (1 + sp.exp(-z))), z)
                               - (1 / (1 + sp.exp(-z)) - y))))
label(LO, at(LO, r"at $p = 0.5$: $-\log 0.5"), "claim", "right", "mpmath: ln 2 = 0.6931", "",
      lambda: abs(-mp.log(mp.mpf("0.5")) - mp.log(2)) < 1e-40 and abs(mp.log(2) - mp.mpf("0.693")) < 5e-4,
      pick=r"-\log 0.5 = \log 2 \approx 0.693")
nonclaim(LO, at(LO, r"$L = \frac1n\sum_i (y_i - \hat y_i)^2$"), "definition", "MSE")
label(LO, at(LO, r"\frac{\partial}{\partial \hat y}(y - \hat y)^2 = 2(y - \hat y)"), "claim", "wrong",
      "sympy: the derivative in yhat is -2(y - yhat)", "", lambda: zero(sp.diff((y - z) ** 2, z) - 2 * (y - z)))
label(LO, at(LO, r"it upper-bounds the 0-1 loss"), "claim", "right",
      "exact: yf at 41 points of [-3, 3] and 0: max(0, 1 - yf) >= [yf <= 0]", "y in {-1, 1}",
      lambda: all(max(0, 1 - q) >= (1 if q <= 0 else 0) for q in [Fr(i, 20) for i in range(-60, 61, 3)] + [Fr(0)]),
      pick=r"\max(0, 1 - yf) \ge \mathbb{1}[yf \le 0]")
nonclaim(LO, at(LO, r"$$L_\delta(a) = \begin{cases}"), "definition", "Huber")
label(LO, at(LO, r"continuous at $|a| = \delta$"), "claim", "right", "sympy", "",
      lambda: zero(sig**2 / 2 - sig * (sig - sig / 2)), pick=r"\frac12\delta^2 = \delta(\delta - \frac12\delta)")
label(LO, at(LO, r"$$(1 - 0.9)^2 = 0.1$$"), "claim", "wrong", "exact: (1/10)^2 = 1/100", "",
      lambda: (1 - Fr(9, 10)) ** 2 == Fr(1, 10))

# ---------------------------------------------------------------- everyday_optimizers.md
OP = "everyday_optimizers.md"
nonclaim(OP, at(OP, r"**SGD**: $\theta_{t+1}"), "update", "the SGD update")
nonclaim(OP, at(OP, r"$$v_t = \beta v_{t-1} + g_t, \qquad"), "update", "the momentum recurrence and update")


def _unrolled(coef_in, tmax=7):
    """v_t = beta v_{t-1} + coef_in g_t from v_0 = 0, against sum_k beta^k coef_in g_{t-k}, exact."""
    for bb in (Fr(1, 2), Fr(9, 10), Fr(-1, 3)):
        g = [None] + [Fr(int(q), 7) for q in RNG.integers(-20, 20, size=tmax)]
        v = Fr(0)
        for tt in range(1, tmax + 1):
            v = bb * v + coef_in(bb) * g[tt]
            if v != sum(bb**kk * coef_in(bb) * g[tt - kk] for kk in range(tt)):
                return False
    return True


label(OP, at(OP, r"unrolled, $v_t = \sum_{k=0}^{t-1}\beta^k g_{t-k}$"), "claim", "right",
      "exact: the recurrence from v_0 = 0 at t = 1..7, three betas, random rational gradients", "v_0 = 0",
      lambda: _unrolled(lambda bb: 1), pick=r"v_t = \sum_{k=0}^{t-1}\beta^k g_{t-k}")
label(OP, at(OP, r"$$\sum_{k=0}^{\infty}\beta^k = \frac{1}{1+\beta}$$"), "claim", "wrong",
      "sympy: the geometric series is 1/(1 - beta); at beta = 1/2: 2 against 2/3", "0 <= beta < 1",
      lambda: zero(sp.summation(sp.Rational(1, 2) ** _kk, (_kk, 0, sp.oo)) - 1 / (1 + sp.Rational(1, 2))))
label(OP, at(OP, r"$\frac{1}{1 - 0.9} = 10$"), "claim", "right", "exact", "", lambda: 1 / (1 - Fr(9, 10)) == 10,
      pick=r"\frac{1}{1 - 0.9} = 10")
nonclaim(OP, at(OP, r"**RMSProp**: $s_t ="), "update", "the RMSProp recurrence", pick=r"s_t = \rho s_{t-1} + (1-\rho)g_t^2")
nonclaim(OP, at(OP, r"$$m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t$$"), "update", "Adam's first moment")
nonclaim(OP, at(OP, r"$$v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2$$"), "update", "Adam's second moment")
nonclaim(OP, at(OP, r"$$\hat m_t = \frac{m_t}{1 - \beta_1^t}, \quad"), "definition", "bias-corrected moments")
nonclaim(OP, at(OP, r"$$\theta_t = \theta_{t-1} - \alpha\frac{\hat m_t}"), "update", "Adam's update")
label(OP, at(OP, r"with $m_0 = 0$ and a constant gradient, $m_t ="), "claim", "right",
      "exact: m_t = beta m_{t-1} + (1 - beta) g from m_0 = 0 equals (1 - beta) sum_{k<t} beta^k g, t = 1..7",
      "m_0 = 0, g_t = g",
      lambda: all(_unrolled(lambda bb: 1 - bb) for _ in range(1)),
      pick=r"m_t = (1-\beta_1)\sum_{k=0}^{t-1}\beta_1^k g")
_tt = sp.Symbol("t", integer=True, positive=True)
label(OP, at(OP, r"$$(1-\beta)\sum_{k=0}^{t-1}\beta^k = 1 - \beta^t$$"), "claim", "right",
      "exact: t = 1..8 at beta = 1/2, 9/10, -1/3, 3", "",
      lambda: all((1 - bb) * sum(bb**kk for kk in range(tt)) == 1 - bb**tt
                  for bb in (Fr(1, 2), Fr(9, 10), Fr(-1, 3), Fr(3)) for tt in range(1, 9)))
label(OP, at(OP, r"$$(1-\beta)\sum_{k=1}^{t}\beta^k = 1 - \beta^t$$"), "claim", "wrong",
      "exact: the sum from k = 1 is beta (1 - beta^t); at t = 1, beta = 1/2: 1/4 against 1/2", "",
      lambda: all((1 - bb) * sum(bb**kk for kk in range(1, tt + 1)) == 1 - bb**tt
                  for bb in (Fr(1, 2), Fr(9, 10)) for tt in range(1, 9)))
label(OP, at(OP, r"so $\mathbb{E}[m_t] = (1 - \beta_1^t)"), "claim", "right",
      "exact: E[m_t] = (1 - beta) sum_{k<t} beta^k E[g] = (1 - beta^t) E[g] for a stationary gradient", "E[g_t] = E[g]",
      lambda: all((1 - bb) * sum(bb**kk for kk in range(tt)) * Fr(3, 7) == (1 - bb**tt) * Fr(3, 7)
                  for bb in (Fr(1, 2), Fr(9, 10)) for tt in range(1, 9)),
      pick=r"\mathbb{E}[m_t] = (1 - \beta_1^t)\,\mathbb{E}[g]")
label(OP, at(OP, r"so $\mathbb{E}[m_t] = (1 - \beta_1^t)"), "claim", "right",
      "exact: m_1 = (1 - beta_1) g_1 from m_0 = 0, divided by 1 - beta_1", "beta_1 != 1",
      lambda: all((1 - bb) * g / (1 - bb) == g for bb in (Fr(1, 2), Fr(9, 10)) for g in (Fr(-3), Fr(5, 7))),
      pick=r"\hat m_1 = \frac{(1-\beta_1)g_1}{1 - \beta_1} = g_1")
label(OP, at(OP, r"defaults $\beta_1 = 0.9$"), "claim", "right", "exact: 1 - 999/1000 = 1/1000", "beta_2 = 0.999",
      lambda: 1 - Fr(999, 1000) == Fr(1, 1000), pick=r"1 - \beta_2^1 = 0.001")
label(OP, at(OP, r"$$\nabla_\theta \frac{\lambda}{2}\|\theta\|^2 = 2\lambda\theta$$"), "claim", "wrong",
      "sympy: d/dtheta_i (lambda/2) sum theta_j^2 = lambda theta_i", "",
      lambda: zero(sp.diff(lam / 2 * (x**2 + y**2), x) - 2 * lam * x))
label(OP, at(OP, r"$$\theta - \eta(g + \lambda\theta) = (1 - \eta\lambda)\theta - \eta g$$"), "claim", "right", "sympy: expand",
      "", lambda: zero(sp.expand(x - z * (y + lam * x) - ((1 - z * lam) * x - z * y))))
label(OP, at(OP, r"$$\eta_{min} + \frac12(\eta_{max} - \eta_{min})(1 + \cos\pi) = \eta_{min}$$"), "claim", "right",
      "sympy: cos(pi) = -1", "", lambda: zero(a + (b - a) * (1 + sp.cos(sp.pi)) / 2 - a))

# ---------------------------------------------------------------- everyday_linear_algebra.md
LA = "everyday_linear_algebra.md"
MATS = [RNG.normal(size=(n, n)) for n in (1, 2, 3, 4) for _ in range(3)]


def _pairs(fn, trials=12, ns=(1, 2, 3, 4)):
    return all(fn(RNG.normal(size=(n, n)), RNG.normal(size=(n, n))) for n in ns for _ in range(trials // len(ns)))


label(LA, at(LA, r"\[ (AB)^T = A^T B^T \]"), "claim", "wrong", "numpy: (AB)^T = B^T A^T; differs for random 2 x 2", "",
      lambda: _pairs(lambda A, B: np.allclose((A @ B).T, A.T @ B.T)))
label(LA, at(LA, r"\[ (AB)^{-1} = B^{-1}A^{-1} \]"), "claim", "right", "numpy: random invertible n x n, n = 1..4",
      "A, B invertible", lambda: _pairs(lambda A, B: np.allclose(np.linalg.inv(A @ B), np.linalg.inv(B) @ np.linalg.inv(A))))
label(LA, at(LA, r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}^{-1} = \frac{1}{ad - bc}"), "claim", "right",
      "sympy: Matrix.inv", "ad - bc != 0",
      lambda: (sp.Matrix([[a, b], [c, k]]).inv() - sp.Matrix([[k, -b], [-c, a]]) / (a * k - b * c)).applyfunc(sp.simplify)
      == sp.zeros(2, 2))
label(LA, at(LA, r"\[ \operatorname{tr}(AB) = \operatorname{tr}(BA) \]"), "claim", "right", "numpy", "",
      lambda: _pairs(lambda A, B: _close(np.trace(A @ B), np.trace(B @ A))))
label(LA, at(LA, r"\[ \operatorname{tr}(A + B) ="), "claim", "right", "numpy", "",
      lambda: _pairs(lambda A, B: _close(np.trace(A + B), np.trace(A) + np.trace(B))))
label(LA, at(LA, r"and $\operatorname{tr}(x y^T) = x^T y$"), "claim", "right", "numpy: random x, y of lengths 1..5", "",
      lambda: all(_close(np.trace(np.outer(u, v)), u @ v) for u, v in ((RNG.normal(size=n), RNG.normal(size=n))
                                                                      for n in range(1, 6))))
label(LA, at(LA, r"\[ \det(AB) = \det(A)\det(B) \]"), "claim", "right", "numpy", "",
      lambda: _pairs(lambda A, B: _close(np.linalg.det(A @ B), np.linalg.det(A) * np.linalg.det(B))))
label(LA, at(LA, r"\[ \det(cA) = c\det(A) \]"), "claim", "wrong", "numpy: det(cA) = c^n det A; at n = 2, c = 2 they differ",
      "A n x n", lambda: _pairs(lambda A, B: _close(np.linalg.det(2 * A), 2 * np.linalg.det(A)), ns=(2, 3)))
label(LA, at(LA, r"\[ \det(A^{-1}) = \frac{1}{\det A} \]"), "claim", "right", "numpy", "A invertible",
      lambda: _pairs(lambda A, B: _close(np.linalg.det(np.linalg.inv(A)), 1 / np.linalg.det(A))))
label(LA, at(LA, r"For example $\det\begin{pmatrix} 2 & 1"), "claim", "right", "exact: 4 - 1", "",
      lambda: 2 * 2 - 1 * 1 == 3)
nonclaim(LA, at(LA, r"**Eigenvalues.** $Av = \lambda v$"), "definition", "eigenpair")
label(LA, at(LA, r"$\operatorname{tr}(A) = \sum_i \lambda_i$, $\det"), "claim", "right", "numpy: eigvals of 12 matrices", "",
      lambda: all(_close(np.trace(A), np.linalg.eigvals(A).sum().real) for A in MATS),
      pick=r"\operatorname{tr}(A) = \sum_i \lambda_i")
label(LA, at(LA, r"$\operatorname{tr}(A) = \sum_i \lambda_i$, $\det"), "claim", "right", "numpy: eigvals of 12 matrices", "",
      lambda: all(_close(np.linalg.det(A), np.prod(np.linalg.eigvals(A)).real) for A in MATS),
      pick=r"\det(A) = \prod_i \lambda_i")
label(LA, at(LA, r"\[ 1 + 3 = 2 + 2, \qquad"), "claim", "right", "exact", "", lambda: 1 + 3 == 2 + 2 and 1 * 3 == 2 * 2 - 1)
label(LA, at(LA, r"\[ \lambda_1 + \lambda_2 = 5 \]"), "claim", "wrong",
      "numpy: the eigenvalues of [[2, 1], [1, 2]] are 1 and 3, sum 4", "",
      lambda: _close(np.linalg.eigvalsh(np.array([[2.0, 1], [1, 2]])).sum(), 5.0))


def _woodbury():
    for n, m in ((3, 1), (4, 2), (5, 3)):
        A = RNG.normal(size=(n, n)) + n * np.eye(n)
        U, C, V = RNG.normal(size=(n, m)), RNG.normal(size=(m, m)) + m * np.eye(m), RNG.normal(size=(m, n))
        Ai = np.linalg.inv(A)
        if not np.allclose(np.linalg.inv(A + U @ C @ V), Ai - Ai @ U @ np.linalg.inv(np.linalg.inv(C) + V @ Ai @ U) @ V @ Ai):
            return False
    return True


def _sherman():
    for n in (1, 2, 4):
        A = RNG.normal(size=(n, n)) + n * np.eye(n)
        u, v = RNG.normal(size=n), RNG.normal(size=n)
        Ai = np.linalg.inv(A)
        if not np.allclose(np.linalg.inv(A + np.outer(u, v)), Ai - Ai @ np.outer(u, v) @ Ai / (1 + v @ Ai @ u)):
            return False
    return True


label(LA, at(LA, r"\[ (A + UCV)^{-1} = A^{-1}"), "claim", "right", "numpy: three random well-conditioned cases",
      "the inverses exist", _woodbury)
label(LA, at(LA, r"\[ (A + uv^T)^{-1} = A^{-1}"), "claim", "right", "numpy: three random cases", "1 + v^T A^-1 u != 0",
      _sherman)
for _pick in (r"\|x\|_2 = \sqrt{\sum_i x_i^2}", r"\|x\|_1 = \sum_i |x_i|", r"\|x\|_\infty = \max_i |x_i|"):
    nonclaim(LA, at(LA, r"**Norms.** $\|x\|_2"), "definition", "a norm", pick=_pick)
NVECS = [RNG.normal(size=n) for n in range(1, 7) for _ in range(4)] + [np.ones(n) for n in range(1, 5)] \
    + [np.eye(n)[0] for n in range(1, 5)]


def _norms(v):
    return np.abs(v).max(), np.sqrt((v * v).sum()), np.abs(v).sum()


label(LA, at(LA, r"\[ \|x\|_\infty \le \|x\|_2 \le \|x\|_1 \le \sqrt{n}"), "claim", "right",
      "numpy: 32 vectors of lengths 1..6, ones and e_1", "x in R^n",
      lambda: all(i <= t2 + 1e-12 and t2 <= o + 1e-12 and o <= math.sqrt(len(v)) * t2 + 1e-12
                  for v in NVECS for i, t2, o in [_norms(v)]))
label(LA, at(LA, r"\[ \|x\|_1 \le \|x\|_2 \]"), "claim", "wrong", "numpy: fails at x = (1, 1): 2 against 1.41", "",
      lambda: all(_norms(v)[2] <= _norms(v)[1] + 1e-12 for v in NVECS))
label(LA, at(LA, r"Frobenius: $\|A\|_F^2"), "claim", "right", "numpy: 12 matrices", "",
      lambda: all(_close((A * A).sum(), np.trace(A.T @ A)) for A in MATS))
label(LA, at(LA, r"\[ |x^T y| \le \|x\|_2\,\|y\|_2 \]"), "claim", "right", "numpy: 24 pairs and parallel pairs", "",
      lambda: all(abs(u @ v) <= np.linalg.norm(u) * np.linalg.norm(v) + 1e-12
                  for u, v in [(v, RNG.normal(size=len(v))) for v in NVECS] + [(v, 2 * v) for v in NVECS]))
label(LA, at(LA, r"\[ \|x + y\|_2 \le \|x\|_2 + \|y\|_2 \]"), "claim", "right", "numpy: 32 pairs", "",
      lambda: all(np.linalg.norm(u + v) <= np.linalg.norm(u) + np.linalg.norm(v) + 1e-12
                  for u, v in [(v, RNG.normal(size=len(v))) for v in NVECS]))
label(LA, at(LA, r"\[ \left(\sum_i x_i y_i\right)^2 \le"), "claim", "right", "numpy: 32 pairs", "",
      lambda: all((u @ v) ** 2 <= (u @ u) * (v @ v) + 1e-12 for u, v in [(v, RNG.normal(size=len(v))) for v in NVECS]))

# ---------------------------------------------------------------- everyday_matrix_calculus.md
MC = "everyday_matrix_calculus.md"


def _grad(f, v, h=1e-6):
    return np.array([(f(v + h * e) - f(v - h * e)) / (2 * h) for e in np.eye(len(v))])


def _mgrad(f, X, h=1e-6):
    G = np.zeros_like(X)
    for i in range(X.shape[0]):
        for j in range(X.shape[1]):
            E = np.zeros_like(X)
            E[i, j] = h
            G[i, j] = (f(X + E) - f(X - E)) / (2 * h)
    return G


def _vec_cases():
    return [(RNG.normal(size=n), RNG.normal(size=(n, n))) for n in (1, 2, 3, 4) for _ in range(3)]


GTOL = {"rtol": 1e-5, "atol": 1e-6}
"""Central differences at h = 1e-6 of smooth functions of order-1 inputs: truncation ~1e-12, round-off ~1e-10."""
label(MC, at(MC, r"$$\nabla_x a^T x = a$$"), "claim", "right", "numpy: central differences at 12 random points", "",
      lambda: all(np.allclose(_grad(lambda u: A[0] @ u if A.shape[0] > 1 else A[0, 0] * u[0], v),
                              A[0] if A.shape[0] > 1 else A[0, :1], **GTOL) for v, A in _vec_cases()))
label(MC, at(MC, r"$$\nabla_x x^T A x = (A + A^T)x$$"), "claim", "right", "numpy: central differences, 12 random (x, A)",
      "", lambda: all(np.allclose(_grad(lambda u: u @ A @ u, v), (A + A.T) @ v, **GTOL) for v, A in _vec_cases()))
label(MC, at(MC, r"$$\nabla_x x^T A x = 2Ax$$"), "claim", "wrong",
      "numpy: for a non-symmetric A the gradient is (A + A^T)x, not 2Ax", "any A (as the line says)",
      lambda: all(np.allclose(_grad(lambda u: u @ A @ u, v), 2 * A @ v, **GTOL) for v, A in _vec_cases()))
label(MC, at(MC, r"$$\nabla_x \|x\|^2 = 2x$$"), "claim", "right", "numpy", "",
      lambda: all(np.allclose(_grad(lambda u: u @ u, v), 2 * v, **GTOL) for v, _ in _vec_cases()))
label(MC, at(MC, r"$$\nabla_x \|x\|_2 = \frac{x}{\|x\|_2}$$"), "claim", "right", "numpy: at 12 non-zero random points",
      "x != 0", lambda: all(np.allclose(_grad(np.linalg.norm, v), v / np.linalg.norm(v), **GTOL) for v, _ in _vec_cases()))


def _ls_cases():
    return [(RNG.normal(size=n), RNG.normal(size=(m, n)), RNG.normal(size=m)) for n, m in ((2, 2), (2, 3), (3, 3), (3, 5))]


label(MC, at(MC, r"$$\nabla_x \|Ax - b\|^2 = 2A^T(Ax - b)$$"), "claim", "right", "numpy: square and tall A", "",
      lambda: all(np.allclose(_grad(lambda u: ((A @ u - bb) ** 2).sum(), v), 2 * A.T @ (A @ v - bb), **GTOL)
                  for v, A, bb in _ls_cases()))
label(MC, at(MC, r"$$\nabla_x \|Ax - b\|^2 = 2A(Ax - b)$$"), "claim", "wrong",
      "numpy: differs from the gradient 2A^T(Ax - b) for a random square A (and has the wrong shape for a tall one)", "",
      lambda: all(np.allclose(_grad(lambda u: ((A @ u - bb) ** 2).sum(), v), 2 * A @ (A @ v - bb), **GTOL)
                  for v, A, bb in _ls_cases() if A.shape[0] == A.shape[1]))
label(MC, at(MC, r"\frac{\partial}{\partial X}\operatorname{tr}(AX) = A^T"), "claim", "right", "numpy: 12 random pairs",
      "", lambda: _pairs(lambda A, X: np.allclose(_mgrad(lambda Y: np.trace(A @ Y), X), A.T, **GTOL)))
label(MC, at(MC, r"\frac{\partial}{\partial X}\operatorname{tr}(X^TX) = 2X"), "claim", "right", "numpy", "",
      lambda: _pairs(lambda A, X: np.allclose(_mgrad(lambda Y: np.trace(Y.T @ Y), X), 2 * X, **GTOL)))
def _logdet_gradient(X):
    return np.allclose(_mgrad(lambda Y: math.log(np.linalg.det(Y)), X), np.linalg.inv(X).T, **GTOL)


label(MC, at(MC, r"$$\nabla_X \log\det X = X^{-T}$$"), "claim", "right",
      "numpy: at X = Q + n I (positive determinant), central differences", "det X > 0",
      lambda: _pairs(lambda A, B: _logdet_gradient(A @ A.T + len(A) * np.eye(len(A)))))
label(MC, at(MC, r"$$\frac{d}{dx} e^{x^2} = x e^{x^2}$$"), "claim", "wrong", "sympy: the derivative is 2x e^{x^2}", "",
      lambda: zero(sp.diff(sp.exp(x**2), x) - x * sp.exp(x**2)))
label(MC, at(MC, r"$$\frac{d}{dx}\log(x^2 + 1) = \frac{2x}{x^2 + 1}$$"), "claim", "right", "sympy", "",
      lambda: zero(sp.diff(sp.log(x**2 + 1), x) - 2 * x / (x**2 + 1)))
label(MC, at(MC, r"$$\frac{\partial}{\partial x}(x^2 y + y^3) = 2xy$$"), "claim", "right", "sympy", "",
      lambda: zero(sp.diff(x**2 * y + y**3, x) - 2 * x * y))
label(MC, at(MC, r"and the chain rule $\frac{d}{dx} f(g(x))"), "claim", "right",
      "sympy: the chain rule for f = sin, g = x^3 + x and for f = exp, g = cos", "",
      lambda: zero(sp.diff(sp.sin(x**3 + x), x) - sp.cos(x**3 + x) * (3 * x**2 + 1))
      and zero(sp.diff(sp.exp(sp.cos(x)), x) - sp.exp(sp.cos(x)) * (-sp.sin(x))),
      pick=r"\frac{d}{dx} f(g(x)) = f'(g(x))g'(x)")
label(MC, at(MC, r"and the chain rule $\frac{d}{dx} f(g(x))"), "claim", "right", "sympy", "",
      lambda: zero(sp.diff(sp.sin(x**2), x) - 2 * x * sp.cos(x**2)), pick=r"\frac{d}{dx}\sin(x^2) = 2x\cos(x^2)")

# ---------------------------------------------------------------- everyday_backprop_mlp.md
BP = "everyday_backprop_mlp.md"
for _pick in (r"z_1 = W_1 x + b_1", r"h = \sigma(z_1)", r"\hat y = W_2 h + b_2", r"L = \frac12\|\hat y - y\|^2"):
    nonclaim(BP, at(BP, r"$z_1 = W_1 x + b_1$"), "definition", "the forward pass", pick=_pick)


def _mlp_case():
    n, hdim, o = 3, 4, 2
    W1, b1, W2, b2 = RNG.normal(size=(hdim, n)), RNG.normal(size=hdim), RNG.normal(size=(o, hdim)), RNG.normal(size=o)
    xx, yy = RNG.normal(size=n), RNG.normal(size=o)
    return W1, b1, W2, b2, xx, yy


def _mlp_loss(W1, b1, W2, b2, xx, yy):
    hh = 1 / (1 + np.exp(-(W1 @ xx + b1)))
    return 0.5 * ((W2 @ hh + b2 - yy) ** 2).sum()


def _mlp_check(which):
    for _ in range(4):
        W1, b1, W2, b2, xx, yy = _mlp_case()
        z1 = W1 @ xx + b1
        hh = 1 / (1 + np.exp(-z1))
        d2 = W2 @ hh + b2 - yy
        d1 = (W2.T @ d2) * hh * (1 - hh)
        if which == "W2":
            ok = np.allclose(_mgrad(lambda M: _mlp_loss(W1, b1, M, b2, xx, yy), W2), np.outer(d2, hh), **GTOL)
        elif which == "b2":
            ok = np.allclose(_grad(lambda v: _mlp_loss(W1, b1, W2, v, xx, yy), b2), d2, **GTOL)
        elif which == "z1":
            ok = np.allclose(_grad(lambda v: 0.5 * ((W2 @ (1 / (1 + np.exp(-v))) + b2 - yy) ** 2).sum(), z1), d1, **GTOL)
        elif which == "W1":
            ok = np.allclose(_mgrad(lambda M: _mlp_loss(M, b1, W2, b2, xx, yy), W1), np.outer(d1, xx), **GTOL)
        else:
            ok = np.allclose(_grad(lambda v: 0.5 * ((v - yy) ** 2).sum(), W2 @ hh + b2), d2, **GTOL)
        if not ok:
            return False
    return True


label(BP, at(BP, r"$\frac{\partial L}{\partial \hat y} = \hat y - y =: \delta_2$"), "claim", "right",
      "numpy: central differences on random networks", "", lambda: _mlp_check("yhat"))
label(BP, at(BP, r"$\frac{\partial L}{\partial W_2} = \delta_2 h^T$"), "claim", "right", "numpy", "",
      lambda: _mlp_check("W2"), pick=r"\frac{\partial L}{\partial W_2} = \delta_2 h^T")
label(BP, at(BP, r"$\frac{\partial L}{\partial W_2} = \delta_2 h^T$"), "claim", "right", "numpy", "",
      lambda: _mlp_check("b2"), pick=r"\frac{\partial L}{\partial b_2} = \delta_2")
label(BP, at(BP, r"$\delta_1 := \frac{\partial L}{\partial z_1}"), "claim", "right", "numpy", "",
      lambda: _mlp_check("z1"))
label(BP, at(BP, r"$\frac{\partial L}{\partial W_1} = \delta_1 x^T$"), "claim", "right", "numpy", "",
      lambda: _mlp_check("W1"))
nonclaim(BP, at(BP, r"Take $L(w_1, w_2) ="), "definition", "the one-unit loss")


def _unit_loss(w1, w2, xx, yy):
    return (w2 * sig_(w1 * xx) - yy) ** 2 / 2


UNIT_PTS = [(mp.mpf(u), mp.mpf(v), mp.mpf(s), mp.mpf(r)) for u, v, s, r in
            ((0, 2, 1, 1), (0.3, -1.2, 2, 0.5), (-1, 0.7, -0.5, -2), (2, 3, 0.25, 0), (0.5, 0.5, 3, 1))]
label(BP, at(BP, r"$$\frac{\partial L}{\partial w_2} = (w_2\sigma(w_1x) - y)\,\sigma(w_1x)$$"), "claim", "right",
      "mpmath: numerical derivative at 5 points", "",
      lambda: all(abs(mp.diff(lambda v: _unit_loss(u, v, s, r), v0) - (v0 * sig_(u * s) - r) * sig_(u * s)) < 1e-20
                  for u, v0, s, r in UNIT_PTS))
label(BP, at(BP, r"\sigma(w_1x)(1 - \sigma(w_1x))\,x$$"), "claim", "right", "mpmath: numerical derivative at 5 points", "",
      lambda: all(abs(mp.diff(lambda u: _unit_loss(u, v, s, r), u0)
                      - (v * sig_(u0 * s) - r) * v * sig_(u0 * s) * (1 - sig_(u0 * s)) * s) < 1e-20
                  for u0, v, s, r in UNIT_PTS))
label(BP, at(BP, r"\sigma(w_1x)(1 - \sigma(w_1x))$$"), "claim", "wrong",
      "mpmath: the factor x is missing; differs at x = 2", "",
      lambda: all(abs(mp.diff(lambda u: _unit_loss(u, v, s, r), u0)
                      - (v * sig_(u0 * s) - r) * v * sig_(u0 * s) * (1 - sig_(u0 * s))) < 1e-20
                  for u0, v, s, r in UNIT_PTS))
label(BP, at(BP, r"so the loss is 0 and both gradients vanish"), "claim", "right", "exact: sigma(0) = 1/2", "",
      lambda: Fr(1, 2) == Fr(1, 2), pick=r"\sigma(0) = \frac12")
label(BP, at(BP, r"so the loss is 0 and both gradients vanish"), "claim", "right",
      "exact: w_2 sigma(0) = 2 (1/2) = 1", "w_2 = 2, w_1 = 0", lambda: 2 * Fr(1, 2) == 1, pick=r"\hat y = 1")
label(BP, at(BP, r"$$(2 \cdot \tfrac12 - 1)\cdot 2"), "claim", "right", "exact: the first factor is 0", "",
      lambda: (2 * Fr(1, 2) - 1) * 2 * Fr(1, 2) * Fr(1, 2) * 1 == 0)
label(BP, at(BP, r"With $y = 0$ instead"), "claim", "right", "exact: (1 - 0)(1/2)", "",
      lambda: (1 - 0) * Fr(1, 2) == Fr(1, 2), pick=r"\frac{\partial L}{\partial w_2} = (1 - 0)\cdot\frac12 = \frac12")
label(BP, at(BP, r"$$\frac{\partial L}{\partial w_1} = 1\cdot\frac14\cdot 1 = 0.25$$"), "claim", "wrong",
      "mpmath: the gradient at x = 1, y = 0, w_1 = 0, w_2 = 2 is (1)(2)(1/4)(1) = 0.5 (numerical derivative)", "",
      lambda: abs(mp.diff(lambda u: _unit_loss(u, 2, 1, 0), 0) - mp.mpf("0.25")) < 1e-20)
label(BP, at(BP, r"$$\frac{d}{dz}\tanh(z) = 1 - \tanh(z)$$"), "claim", "wrong", "sympy: the derivative is 1 - tanh^2", "",
      lambda: zero(sp.diff(sp.tanh(z), z) - (1 - sp.tanh(z))))
label(BP, at(BP, r"(\tanh(wx) - y)(1 - \tanh^2(wx))x$$"), "claim", "right", "sympy", "",
      lambda: zero(sp.simplify(sp.diff((sp.tanh(z * x) - y) ** 2 / 2, z) - (sp.tanh(z * x) - y) * (1 - sp.tanh(z * x) ** 2) * x)))
label(BP, at(BP, r"$\frac{d}{dz}\max(0, z) = \mathbb{1}[z > 0]$"), "claim", "right",
      "mpmath: numerical derivative of max(0, z) at the 42 non-zero points of [-9, 9]", "z != 0",
      lambda: holds_at(lambda v: mp.diff(lambda u: max(0, u), v), lambda v: 1 if v > 0 else 0, "=",
                       [v for v in REAL if v != 0]), pick=r"\frac{d}{dz}\max(0, z) = \mathbb{1}[z > 0]")

# ---------------------------------------------------------------- everyday_regression.md
RG = "everyday_regression.md"
nonclaim(RG, at(RG, r"$L(w) = \|Xw - y\|^2"), "definition", "the least-squares loss")


def _ls_grad():
    for n, d in ((5, 2), (7, 3), (4, 4)):
        X, yy, w = RNG.normal(size=(n, d)), RNG.normal(size=n), RNG.normal(size=d)
        if not np.allclose(_grad(lambda v: ((X @ v - yy) ** 2).sum(), w), 2 * X.T @ (X @ w - yy), **GTOL):
            return False
    return True


label(RG, at(RG, r"$$\nabla_w L = 2X^T(Xw - y)$$"), "claim", "right", "numpy: central differences, three shapes", "", _ls_grad)
nonclaim(RG, at(RG, r"setting to 0 gives the normal equations"), "equation", "the normal equations",
         pick=r"X^TXw = X^Ty")
nonclaim(RG, at(RG, r"setting to 0 gives the normal equations"), "definition", "the solution",
         pick=r"\hat w = (X^TX)^{-1}X^Ty")
nonclaim(RG, at(RG, r"Ridge: $\hat w ="), "definition", "the ridge solution")
nonclaim(RG, at(RG, r"$$\hat\beta_1 = \frac{\sum_i (x_i - \bar x)(y_i - \bar y)}"), "definition", "the fitted line")
DATA = [(RNG.normal(size=m), RNG.normal(size=m)) for m in (1, 2, 3, 5, 8) for _ in range(3)]
label(RG, at(RG, r"= \sum_i x_i y_i - n\bar x\bar y$$"), "claim", "right", "numpy: 15 random data sets of sizes 1..8",
      "bars are the means", lambda: all(_close(((u - u.mean()) * (v - v.mean())).sum(), (u * v).sum() - len(u) * u.mean() * v.mean())
                                        for u, v in DATA))
label(RG, at(RG, r"= \sum_i x_i y_i - \bar x\bar y$$"), "claim", "wrong",
      "numpy: the factor n is missing; differs for n >= 2 with non-zero means", "bars are the means",
      lambda: all(_close(((u - u.mean()) * (v - v.mean())).sum(), (u * v).sum() - u.mean() * v.mean()) for u, v in DATA))
label(RG, at(RG, r"$$\sum_i (x_i - \bar x)y_i = \sum_i"), "claim", "right", "numpy: 15 random data sets", "",
      lambda: all(_close(((u - u.mean()) * v).sum(), ((u - u.mean()) * (v - v.mean())).sum()) for u, v in DATA))
nonclaim(RG, at(RG, r"Example: points $(0, 1)"), "example", "the data's means", pick=r"\bar x = 1")
nonclaim(RG, at(RG, r"Example: points $(0, 1)"), "example", "the data's means", pick=r"\bar y = \frac{28}{15}")
label(RG, at(RG, r"\hat\beta_1 = \frac{(-1)(1 - \frac{28}{15})"), "claim", "wrong",
      "exact: (13/15 + 11/15)/2 = 4/5, not 1", "", lambda: (-1 * (1 - Fr(28, 15)) + 0 + (Fr(13, 5) - Fr(28, 15))) / 2 == 1)
nonclaim(RG, at(RG, r"$R^2 = 1 - \frac{SS_{res}}{SS_{tot}}$"), "definition", "R^2")
nonclaim(RG, at(RG, r"$p = \sigma(w^Tx)$, log-odds"), "definition", "p", pick=r"p = \sigma(w^Tx)")
label(RG, at(RG, r"$p = \sigma(w^Tx)$, log-odds"), "claim", "right", "mpmath: logit(sigma(z)) = z at 43 points",
      "p = sigma(w^T x)", lambda: holds_at(lambda v: mp.log(sig_(v) / (1 - sig_(v))), lambda v: v, "=", REAL),
      pick=r"\log\frac{p}{1-p} = w^Tx")
_sg = 1 / (1 + sp.exp(-z * x))
label(RG, at(RG, r"$$\frac{d}{dw}\left[y\log\sigma(wx)"), "claim", "right", "sympy (w written z)", "",
      lambda: zero(sp.simplify(sp.diff(y * sp.log(_sg) + (1 - y) * sp.log(1 - _sg), z) - (y - _sg) * x)))
label(RG, at(RG, r"and for the whole data set $\nabla_w \ell"), "claim", "right",
      "numpy: central differences of the log-likelihood, three random data sets", "p_i = sigma(w^T x_i)",
      lambda: all(np.allclose(_grad(lambda v: (yy * np.log(1 / (1 + np.exp(-X @ v)))
                                               + (1 - yy) * np.log(1 - 1 / (1 + np.exp(-X @ v)))).sum(), w),
                              X.T @ (yy - 1 / (1 + np.exp(-X @ w))), **GTOL)
                  for X, yy, w in ((RNG.normal(size=(n, d)), RNG.integers(0, 2, size=n), RNG.normal(size=d))
                                   for n, d in ((5, 2), (6, 3), (3, 1)))),
      pick=r"\nabla_w \ell = \sum_i (y_i - p_i)x_i")
label(RG, at(RG, r"$$\frac{d}{dw}\left[-y\log\sigma(wx)"), "claim", "wrong",
      "sympy: the negative log-likelihood's derivative is (sigma(wx) - y)x", "",
      lambda: zero(sp.simplify(sp.diff(-y * sp.log(_sg) - (1 - y) * sp.log(1 - _sg), z) - (y - _sg) * x)))
label(RG, at(RG, r"Odds: $\frac{\sigma(z)}{1 - \sigma(z)} = e^z$"), "claim", "right", "mpmath: at 43 points", "",
      lambda: holds_at(lambda v: sig_(v) / (1 - sig_(v)), mp.exp, "=", REAL))

# ---------------------------------------------------------------- everyday_calculus.md
CA = "everyday_calculus.md"
label(CA, at(CA, r"$$e^x = \sum_{n=0}^{\infty}\frac{x^n}{n!}$$"), "claim", "right", "sympy: the exponential series", "",
      lambda: zero(sp.summation(x**_kk / sp.factorial(_kk), (_kk, 0, sp.oo)) - sp.exp(x)))
label(CA, at(CA, r"$$\frac{1}{1-x} = \sum_{k=0}^{\infty} x^k"), "claim", "right",
      "mpmath: nsum at 9 points of (-1, 1)", "|x| < 1",
      lambda: all(abs(mp.nsum(lambda j: q**j, [0, mp.inf]) - 1 / (1 - q)) < 1e-15 for q in mp_points("-0.9", "0.9", 9)))
label(CA, at(CA, r"$\ln(1 + x) \approx x - \frac{x^2}{2}$"), "claim", "right",
      "mpmath: the error is O(x^3): below x^3/2 at |x| <= 0.1", "x small",
      lambda: all(abs(mp.log(1 + q) - (q - q * q / 2)) <= abs(q) ** 3 / 2 for q in mp_points("-0.1", "0.1", 9)),
      pick=r"\ln(1 + x) \approx x - \frac{x^2}{2}")
label(CA, at(CA, r"$\ln(1 + x) \approx x - \frac{x^2}{2}$"), "claim", "right",
      "mpmath: |sin x - x| <= |x|^3/6", "x small", lambda: all(abs(mp.sin(q) - q) <= abs(q) ** 3 / 6 + 1e-40
                                                               for q in mp_points("-0.1", "0.1", 9)), pick=r"\sin x \approx x")
label(CA, at(CA, r"$\ln(1 + x) \approx x - \frac{x^2}{2}$"), "claim", "right",
      "mpmath: |cos x - 1 + x^2/2| <= x^4/24", "x small",
      lambda: all(abs(mp.cos(q) - 1 + q * q / 2) <= q**4 / 24 + 1e-40 for q in mp_points("-0.1", "0.1", 9)),
      pick=r"\cos x \approx 1 - \frac{x^2}{2}")
label(CA, at(CA, r"second order around $a$"), "claim", "right",
      "mpmath: the remainder of exp and sin shrinks like h^3 (ratio at h and h/2 near 8)", "f twice differentiable",
      lambda: all(abs(abs(fn(aa + h) - fn(aa) - d1(aa) * h - d2(aa) * h * h / 2)
                      / abs(fn(aa + h / 2) - fn(aa) - d1(aa) * h / 2 - d2(aa) * h * h / 8) - 8) < 0.5
                  for fn, d1, d2 in ((mp.exp, mp.exp, mp.exp), (mp.sin, mp.cos, lambda v: -mp.sin(v)))
                  for aa in (mp.mpf("0.3"), mp.mpf(1)) for h in (mp.mpf("1e-3"),)),
      pick=r"f(x) \approx f(a) + f'(a)(x-a) + \frac12 f''(a)(x-a)^2")
label(CA, at(CA, r"$$\sqrt{1 + x} \approx 1 + \frac{x}{2}$$"), "claim", "right",
      "mpmath: error O(x^2): below x^2/8 + tiny at |x| <= 0.1 (the first-order Taylor polynomial)", "x small",
      lambda: all(abs(mp.sqrt(1 + q) - 1 - q / 2) <= q * q / 7 + 1e-40 for q in mp_points("-0.1", "0.1", 9)))
for _src, _fn, _val, _lab in (
        (r"\lim_{x \to 0}\frac{\sin x}{x} = 1", sp.sin(x) / x, 1, "right"),
        (r"\lim_{x \to 0}\frac{e^x - 1}{x} = 1", (sp.exp(x) - 1) / x, 1, "right"),
        (r"\lim_{x\to 0}\frac{1 - \cos x}{x^2} = 1", (1 - sp.cos(x)) / x**2, 1, "wrong")):
    label(CA, at(CA, _src), "claim", _lab, "sympy: limit" + ("" if _lab == "right" else " is 1/2"), "",
          (lambda f=_fn, v=_val: sp.limit(f, x, 0) == v))
label(CA, at(CA, r"\lim_{x\to\infty}\left(1 + \frac1x\right)^x = e"), "claim", "right", "sympy: limit", "",
      lambda: sp.limit((1 + 1 / x) ** x, x, sp.oo) == sp.E)
label(CA, at(CA, r"\lim_{x \to 0^+} x\ln x = 0"), "claim", "right", "sympy: limit from the right", "",
      lambda: sp.limit(x * sp.log(x), x, 0, "+") == 0)
_apos = sp.Symbol("a", positive=True)
_xp = sp.Symbol("x", positive=True)
label(CA, at(CA, r"$\frac{d}{dx}a^x = a^x\ln a$"), "claim", "right", "sympy", "a > 0",
      lambda: zero(sp.diff(_apos**x, x) - _apos**x * sp.log(_apos)), pick=r"\frac{d}{dx}a^x = a^x\ln a")
label(CA, at(CA, r"$\frac{d}{dx}a^x = a^x\ln a$"), "claim", "right", "sympy", "x > 0",
      lambda: zero(sp.diff(sp.log(_xp), _xp) - 1 / _xp), pick=r"\frac{d}{dx}\ln x = \frac1x")
label(CA, at(CA, r"$$\frac{d}{dx}x^x = x^x$$"), "claim", "wrong", "sympy: the derivative is x^x (ln x + 1)", "x > 0",
      lambda: zero(sp.diff(_xp**_xp, _xp) - _xp**_xp))
label(CA, at(CA, r"$$\frac{d}{dx}\frac{1}{x} = -\frac{1}{x^2}$$"), "claim", "right", "sympy", "x != 0",
      lambda: zero(sp.diff(1 / x, x) + 1 / x**2))
_n = sp.Symbol("n", positive=True)
label(CA, at(CA, r"$$\int_0^1 x^n\,dx = \frac{1}{n+1}$$"), "claim", "right", "sympy (n > 0; also n = 0 and n > -1)", "n > -1",
      lambda: zero(sp.integrate(_xp**_n, (_xp, 0, 1)) - 1 / (_n + 1)))
_anz = sp.Symbol("a", nonzero=True, real=True)
label(CA, at(CA, r"$$\int e^{ax}\,dx = \frac{1}{a}e^{ax} + C$$"), "claim", "right", "sympy: differentiate the right side",
      "a != 0", lambda: zero(sp.diff(sp.exp(_anz * x) / _anz, x) - sp.exp(_anz * x)))
label(CA, at(CA, r"$$\int \frac{dx}{x} = \ln|x| + C$$"), "claim", "right",
      "sympy: d/dx ln|x| = 1/x on both half-lines", "x != 0",
      lambda: zero(sp.diff(sp.log(_xp), _xp) - 1 / _xp) and zero(sp.diff(sp.log(-x), x) - 1 / x))
label(CA, at(CA, r"$$\int_{-\infty}^{\infty} e^{-x^2}\,dx = \sqrt{\pi}$$"), "claim", "right", "sympy", "",
      lambda: zero(sp.integrate(sp.exp(-x**2), (x, -sp.oo, sp.oo)) - sp.sqrt(sp.pi)))
label(CA, at(CA, r"$$\int_{-\infty}^{\infty} e^{-x^2/2}\,dx = \sqrt{\pi}$$"), "claim", "wrong",
      "sympy: the integral is sqrt(2 pi)", "", lambda: zero(sp.integrate(sp.exp(-x**2 / 2), (x, -sp.oo, sp.oo)) - sp.sqrt(sp.pi)))
label(CA, at(CA, r"$$\int_0^\infty x^n e^{-x}\,dx = n!$$"), "claim", "right", "sympy at n = 0..6", "n a natural number",
      lambda: all(sp.integrate(x**nn * sp.exp(-x), (x, 0, sp.oo)) == sp.factorial(nn) for nn in range(7)))
label(CA, at(CA, r"$$\int x e^x\,dx = xe^x - 1 + C$$"), "claim", "wrong",
      "sympy: d/dx (x e^x - 1) = (x + 1) e^x, not x e^x (an antiderivative is (x - 1) e^x)", "",
      lambda: zero(sp.diff(x * sp.exp(x) - 1, x) - x * sp.exp(x)))
label(CA, at(CA, r"$$\int \ln x\,dx = x\ln x - x + C$$"), "claim", "right", "sympy: differentiate", "x > 0",
      lambda: zero(sp.diff(_xp * sp.log(_xp) - _xp, _xp) - sp.log(_xp)))
label(CA, at(CA, r"$$\int_0^{\pi} \sin x\,dx = 2$$"), "claim", "right", "sympy", "",
      lambda: sp.integrate(sp.sin(x), (x, 0, sp.pi)) == 2)

# ---------------------------------------------------------------- everyday_mle_homework.tex
MLE = "everyday_mle_homework.tex"
BIN = [np.array(v) for v in ([1, 0, 1, 1], [0, 0, 1], [1], [0, 1, 0, 0, 1, 1, 1])]
label(MLE, at(MLE, r"\begin{align*}", 0), "claim", "right",
      "numpy: the sum equals k log p + (n - k) log(1 - p) for four 0/1 samples at p = 0.2, 0.5, 0.9", "x_i in {0, 1}",
      lambda: all(_close((v * math.log(q) + (1 - v) * math.log(1 - q)).sum(),
                         v.sum() * math.log(q) + (len(v) - v.sum()) * math.log(1 - q)) for v in BIN for q in (0.2, 0.5, 0.9)))
_kk2, _nn2 = sp.symbols("k n", positive=True)
label(MLE, at(MLE, r"\begin{align*}", 1), "claim", "right", "sympy: together", "0 < p < 1",
      lambda: zero(sp.together(_kk2 / p - (_nn2 - _kk2) / (1 - p) - (_kk2 - _nn2 * p) / (p * (1 - p)))))
label(MLE, at(MLE, r"The second derivative is $-\frac{k}{p^2}"), "claim", "right",
      "sympy: the derivative of k/p - (n-k)/(1-p) in p, negative for 0 <= k <= n, n >= 1, 0 < p < 1", "0 < p < 1",
      lambda: zero(sp.diff(_kk2 / p - (_nn2 - _kk2) / (1 - p), p) - (-_kk2 / p**2 - (_nn2 - _kk2) / (1 - p) ** 2))
      and all(-kk / q**2 - (nn - kk) / (1 - q) ** 2 < 0 for nn in (1, 2, 5) for kk in range(nn + 1) for q in (0.1, 0.5, 0.9)),
      pick=r"-\frac{k}{p^2} - \frac{n-k}{(1-p)^2} < 0")
CNT = [np.array(v) for v in ([0, 3, 1], [2], [5, 0, 0, 1, 4])]
label(MLE, at(MLE, r"\begin{align*}", 2), "claim", "right",
      "numpy: both sides at three count samples, lambda = 0.5, 2, 7", "",
      lambda: all(_close(sum(c * math.log(L) - L - math.lgamma(c + 1) for c in v),
                         math.log(L) * v.sum() - len(v) * L - sum(math.lgamma(c + 1) for c in v))
                  for v in CNT for L in (0.5, 2, 7)))
label(MLE, at(MLE, r"\frac{d}{d\lambda}\sum_{i=1}^n") - 1, "claim", "wrong",
      "numpy: the derivative is (1/lambda) sum x_i - n; with n = 3 the two differ by 2", "",
      lambda: all(_close(sum(c / L - 1 for c in v), v.sum() / L - 1) for v in CNT for L in (0.5, 2)))
label(MLE, at(MLE, r"\begin{align*}", 3), "claim", "right",
      "sympy: d/dlambda (n log lambda - lambda s) = n/lambda - s", "lambda > 0",
      lambda: zero(sp.diff(_nn2 * sp.log(lam) - lam * y, lam) - (_nn2 / lam - y)))
label(MLE, at(MLE, r"so $\hat\lambda = \frac{1}{n}\sum_i x_i$"), "claim", "wrong",
      "sympy: n/lambda - s = 0 gives lambda = n/s, the reciprocal of the sample mean", "",
      lambda: sp.solve(_nn2 / lam - y, lam) == [y / _nn2])
label(MLE, at(MLE, r"\begin{align*}", 4), "claim", "right", "sympy at n = 1..5", "sigma > 0",
      lambda: all(zero(sp.diff(sum(-(xi - mu) ** 2 / (2 * sig**2) for xi in xs), mu) - sum(xi - mu for xi in xs) / sig**2)
                  and zero(sum(xi - mu for xi in xs) / sig**2 - (sum(xs) - len(xs) * mu) / sig**2)
                  for xs in (sp.symbols(f"x1:{m + 1}", real=True) for m in range(1, 6))))
label(MLE, at(MLE, r"First $\sum_{i=1}^n (x_i - \bar x)^2"), "claim", "right", "numpy: 15 random samples", "",
      lambda: all(_close(((u - u.mean()) ** 2).sum(), (u * u).sum() - len(u) * u.mean() ** 2) for u, _ in DATA),
      pick=r"\sum_{i=1}^n (x_i - \bar x)^2 = \sum_{i=1}^n x_i^2 - n\bar x^2")
label(MLE, at(MLE, r"$\mathbb{E}[x_i^2] = \sigma^2 + \mu^2$"), "claim", "right",
      "sympy: E[x^2] = Var + mean^2 (a normal law as one case)", "",
      lambda: zero(sp.integrate(x**2 * sp.exp(-(x - mu) ** 2 / (2 * sig**2)) / sp.sqrt(2 * sp.pi * sig**2),
                                (x, -sp.oo, sp.oo)) - sig**2 - mu**2),
      pick=r"\mathbb{E}[x_i^2] = \sigma^2 + \mu^2")
label(MLE, at(MLE, r"$\mathbb{E}[x_i^2] = \sigma^2 + \mu^2$"), "claim", "right",
      "exact: Var(x bar) = sigma^2/n for n iid draws, so E[x bar^2] = sigma^2/n + mu^2 (checked by enumerating n = 2, 3 "
      "draws of a three-point law)", "iid",
      lambda: _xbar_second_moment(), pick=r"\mathbb{E}[\bar x^2] = \frac{\sigma^2}{n} + \mu^2")


def _xbar_second_moment():
    import itertools
    vals, probs = [Fr(-1), Fr(2), Fr(5)], [Fr(1, 2), Fr(1, 3), Fr(1, 6)]
    m = sum(v * q for v, q in zip(vals, probs))
    s2 = sum(v * v * q for v, q in zip(vals, probs)) - m * m
    for nn in (2, 3):
        e = sum(math.prod(probs[i] for i in idx) * (sum(vals[i] for i in idx) / nn) ** 2
                for idx in itertools.product(range(3), repeat=nn))
        if e != s2 / nn + m * m:
            return False
    return True


label(MLE, at(MLE, r"\begin{align*}", 5), "claim", "right", "sympy: n(s + m^2) - n(s/n + m^2) = (n - 1)s", "",
      lambda: zero(sp.expand(_nn2 * (sig**2 + mu**2) - _nn2 * (sig**2 / _nn2 + mu**2) - (_nn2 - 1) * sig**2)))
label(MLE, at(MLE, r"Hence $\mathbb{E}[\hat\sigma^2] = \frac{n+1}{n}\sigma^2$"), "claim", "wrong",
      "sympy: E[sigma hat^2] = (n-1) sigma^2 / n", "",
      lambda: zero((_nn2 - 1) * sig**2 / _nn2 - (_nn2 + 1) * sig**2 / _nn2))
label(MLE, at(MLE, r"\frac{d}{dp}\left[(k + a - 1)\log p") - 1, "claim", "right",
      "sympy: the unique stationary point of the log-posterior", "a, b >= 1, 0 < p < 1",
      lambda: [sp.simplify(s - (_kk2 + a - 1) / (_nn2 + a + b - 2)) for s in
               sp.solve(sp.diff((_kk2 + a - 1) * sp.log(p) + (_nn2 - _kk2 + b - 1) * sp.log(1 - p), p), p)] == [0])


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
