r"""Independent checks of the hand labels of round 36 (branch fresh37): a published draft textbook no earlier round
used, labelled before Formulary was run on it.

* ``carpenter_expectations_information.md``: Bob Carpenter, *Probability and Statistics: a simulation-based
  introduction* (BSD-3-Clause), chapters "Expectations and Variance", "Information Theory" and "Cross Entropy and
  Divergence": expectations of dice, variance, the mean as the minimiser of squared error, entropy, differential
  entropy, Gibbs' inequality, cross entropy and the KL divergence, and their Monte Carlo estimates.
* ``carpenter_conjugacy_normal.md``: the same book, chapters "Conjugate Priors" and "Normal Distribution": the
  beta-binomial, beta-Bernoulli and gamma-Poisson posteriors derived as chains of ``\propto`` and ``=`` in
  ``array`` environments, a ``cases`` update, the normal density from least squares and a change of variables, the
  central limit theorem.

As in the earlier rounds: each entry names a block by ``(file, line[, pick: the block's exact text])``, gives its role
and label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or
numpy that returns True when the block's claim holds as its author means it.  A statement about "the" entropy or
divergence is checked against the standard definitions (H = E[-log p], KL = E_p[log p - log q]) on explicit laws; a
Monte Carlo estimate (``\approx`` with a sample average) is checked by a seeded simulation of 10^6 draws, the
tolerance 0.01 being more than 10 standard errors of the average (its standard deviation is below 1.5 for every law
used, so the standard error is below 1.5e-3) while a wrong sign errs by the size of the quantity (0.1 or more);
proportionality by the ratio of the two sides being constant in the variable at several points.  Nothing from the
Formulary code base is imported; the blocks are found by this file's own finder (Pandoc's rule for ``$``).

    python3 tests/corpus/notes/check_labels_round36.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round36.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, nonclaim_table, pandoc_blocks, recorder

RNG = np.random.default_rng(36)
ENTRIES, label, nonclaim = recorder()
mp.mp.dps = 30
TOL = 1e-9
MC_TOL = 0.01
"""Tolerance of a Monte Carlo estimate from 10^6 seeded draws (over 10 standard errors; see the module docstring)."""
R = sp.Rational
th, yy, lam_, u_ = sp.symbols("theta y lambda u", positive=True)


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


def _blocks(text: str):
    """(line, inner text) of the displays and inline formulas (:func:`check_labels.pandoc_blocks`), HTML comments
    and code fences masked."""
    masked = re.sub(r"<!--.*?-->", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    masked = re.sub(r"^```.*?^```", lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked, flags=re.S | re.M)
    return pandoc_blocks(text, masked)


def _latex(entry) -> str:
    """The block an entry names: the one on its line (``pick``: the one whose stripped text equals it; else, of
    several, the one holding a relation)."""
    found = [inner for line, inner in _blocks((HERE / entry["file"]).read_text(encoding="utf-8"))
             if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if inner.strip() == entry["pick"]]
    elif len(found) > 1:
        found = [inner for inner in found if re.search(r"[=<>]|\\in\b|\\sim\b|\\propto|\\approx|\\[lg]eq", inner)]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


# ---------------------------------------------------------------- laws used by the checks
def _discrete_law(k=5):
    p = RNG.random(k) + 0.05
    return p / p.sum()


def _entropy(p):
    return float(-np.sum(p * np.log(p)))


def _normal_logpdf(y, mu=0.0, s=1.0):
    return -0.5 * np.log(2 * np.pi) - np.log(s) - 0.5 * ((y - mu) / s) ** 2


NORMAL_ENTROPY = 0.5 * np.log(2 * np.pi * np.e)
"""The entropy of normal(0, 1) in nats, 1.4189..."""


# ================================================================ carpenter_expectations_information.md
CE = "carpenter_expectations_information.md"
N_ = sp.symbols("N", positive=True, integer=True)
nn = sp.symbols("n", positive=True, integer=True)


def _die_sum():
    return sum(R(k, 6) for k in range(1, 7)) == R(21, 6) == R(7, 2)


def _die_faces():
    """sum_n n/N = (1/N) sum_n n = (1/N) N(N + 1)/2 = (N + 1)/2, for N = 1..30 and symbolically."""
    members = [sp.summation(nn / N_, (nn, 1, N_)), sp.summation(nn, (nn, 1, N_)) / N_,
               N_ * (N_ + 1) / 2 / N_, (N_ + 1) / 2]
    return all(zero(m - members[-1]) for m in members)


def _mc_mean_die():
    """The average of 10^6 fair die rolls is within MC_TOL of E[Y] = 3.5 (the law of large numbers)."""
    draws = RNG.integers(1, 7, size=10**6)
    return abs(draws.mean() - 3.5) < MC_TOL


def _indicator_mean():
    """Prob[Y = 1] = E[I[Y = 1]] for a die, and the average of the indicators over 10^6 rolls is within MC_TOL."""
    draws = RNG.integers(1, 7, size=10**6)
    exact = sum(R(1, 6) * (1 if k == 1 else 0) for k in range(1, 7))
    return exact == R(1, 6) and abs((draws == 1).mean() - 1 / 6) < MC_TOL


def _die_variance_chain():
    """E[(Y - 3.5)^2] for a die: every member of the chain equals 35/12 = 2.9166..., which rounds to 2.92."""
    members = [sum(R(1, 6) * (k - R(7, 2)) ** 2 for k in range(1, 7)),
               R(1, 6) * sum((k - R(7, 2)) ** 2 for k in range(1, 7)),
               R(1, 6) * (R(625, 100) + R(225, 100) + R(25, 100) + R(25, 100) + R(225, 100) + R(625, 100))]
    return all(m == R(35, 12) for m in members) and round(35 / 12, 2) == 2.92


def _mean_minimises_msqe():
    """d/dx (1/N) sum (y_n - x)^2 = 0 only at the average, and the second derivative is 2 > 0 (sympy, N = 5)."""
    ys = sp.symbols("y1:6", real=True)
    xx = sp.symbols("x", real=True)
    msqe = sum((yi - xx) ** 2 for yi in ys) / 5
    crit = sp.solve(sp.diff(msqe, xx), xx)
    return len(crit) == 1 and zero(crit[0] - sum(ys) / 5) and sp.diff(msqe, xx, 2) == 2


def _argmin_u():
    uu = sp.symbols("u", real=True)
    f = (uu - 1) ** 2 + 7
    return sp.solve(sp.diff(f, uu), uu) == [1] and f.subs(uu, 1) == 7


def _argmin_value():
    uu = sp.symbols("u", real=True)
    return sp.minimum((uu - 1) ** 2 + 7, uu) == 7


def _entropy_standard():
    """H[Y] = E[-log p_Y(Y)] is the entropy: for a bernoulli(0.3) it is 0.6108..., the standard value."""
    p = np.array([0.3, 0.7])
    return abs(np.sum(p * -np.log(p)) - 0.6108643020548935) < TOL


def _entropy_plus_log():
    """H[Y] = E[log p_Y(y)] = sum p log p: for bernoulli(0.3) the sum is -0.611, not the entropy 0.611."""
    p = np.array([0.3, 0.7])
    return abs(np.sum(p * np.log(p)) - _entropy(p)) < TOL


def _bernoulli_entropy_formula():
    """H = theta log theta + (1 - theta) log(1 - theta) at theta = 0.3: -0.611 against the entropy 0.611."""
    t = 0.3
    return abs(t * np.log(t) + (1 - t) * np.log(1 - t) - _entropy(np.array([t, 1 - t]))) < TOL


def _differential_entropy():
    """E[-log p(Y)] = int -log p(y) p(y) dy = (1/2) log(2 pi e) for normal(0, 1) (mpmath quadrature)."""
    pdf = lambda v: mp.npdf(v)
    val = mp.quad(lambda v: -mp.log(pdf(v)) * pdf(v), [-mp.inf, mp.inf])
    return abs(val - mp.log(2 * mp.pi * mp.e) / 2) < TOL


def _mc_entropy_plus_log():
    """H[Y] = E[log p(y)] ~ (1/M) sum log p(y^(m)): for normal(0, 1) the average of log p is -1.419, not H = 1.419."""
    draws = RNG.standard_normal(10**6)
    return abs(np.mean(_normal_logpdf(draws)) - NORMAL_ENTROPY) < MC_TOL


def _max_entropy():
    """H[normal(0, 1)] >= H[V] for V with mean 0 and sd 1: uniform on (-sqrt 3, sqrt 3) has log(2 sqrt 3) = 1.2425,
    Laplace with b = 1/sqrt 2 has 1 + log(2b) = 1.3466, both below 1.4189."""
    return NORMAL_ENTROPY >= np.log(2 * np.sqrt(3)) and NORMAL_ENTROPY >= 1 + np.log(2 / np.sqrt(2))


def _cross_entropy_reduces():
    p = _discrete_law()
    return abs(np.sum(p * -np.log(p)) - _entropy(p)) < TOL


def _gibbs():
    """H[Y] <= X[Y, q] for 50 random pairs of laws on 5 values."""
    for _ in range(50):
        p, q = _discrete_law(), _discrete_law()
        if _entropy(p) > np.sum(p * -np.log(q)) + TOL:
            return False
    return True


def _mc_cross_entropy():
    """X[Y, q] ~ (1/M) sum -log q(y^(m)) with y^(m) ~ normal(0, 1), q = normal(1, 2): the exact value is
    log 2 + (1/2) log(2 pi) + (1 + 1)/8 = 1.8621."""
    draws = RNG.standard_normal(10**6)
    exact = np.log(2) + 0.5 * np.log(2 * np.pi) + (1 + 1) / 8
    return abs(np.mean(-_normal_logpdf(draws, 1.0, 2.0)) - exact) < MC_TOL


def _kl_discrete_chain():
    p, q = _discrete_law(), _discrete_law()
    members = [np.sum(p * np.log(p / q)), np.sum(p * (np.log(p) - np.log(q))),
               np.sum(p * np.log(p)) - np.sum(p * np.log(q))]
    return all(abs(m - members[0]) < TOL for m in members)


def _kl_normal(m1, s1, m2, s2):
    return mp.log(s2 / s1) + (s1**2 + (m1 - m2) ** 2) / (2 * s2**2) - mp.mpf(1) / 2


def _kl_continuous_chain():
    """For p = normal(0, 1), q = normal(1, 2): every member equals the closed form (mpmath quadrature)."""
    p = lambda v: mp.npdf(v, 0, 1)
    q = lambda v: mp.npdf(v, 1, 2)
    lp, lq = lambda v: mp.log(p(v)), lambda v: mp.log(q(v))
    inf = [-mp.inf, mp.inf]
    members = [mp.quad(lambda v: p(v) * mp.log(p(v) / q(v)), inf), mp.quad(lambda v: p(v) * (lp(v) - lq(v)), inf),
               mp.quad(lambda v: p(v) * lp(v), inf) - mp.quad(lambda v: p(v) * lq(v), inf)]
    return all(abs(m - _kl_normal(0, 1, 1, 2)) < TOL for m in members)


def _kl_expectation_chain():
    p, q = _discrete_law(), _discrete_law()
    h = _entropy(p)
    members = [np.sum(p * (np.log(p) - np.log(q))), np.sum(p * np.log(p)) - np.sum(p * np.log(q)),
               -h - np.sum(p * np.log(q)), np.sum(p * -np.log(q)) - h]
    return all(abs(m - members[0]) < TOL for m in members)


def _mc_kl_sign():
    """KL ~ (1/M) sum -log p(y^(m)) + log q(y^(m)), y^(m) ~ p = normal(0, 1), q = normal(1, 2): the average is
    -KL = -0.443, not KL = 0.443."""
    draws = RNG.standard_normal(10**6)
    est = np.mean(-_normal_logpdf(draws) + _normal_logpdf(draws, 1.0, 2.0))
    return abs(est - float(_kl_normal(0, 1, 1, 2))) < MC_TOL


def _kl_minus_log_ratio():
    p, q = _discrete_law(), _discrete_law()
    return abs(np.sum(-p * np.log(q / p)) - np.sum(p * np.log(p / q))) < TOL


def _kl_minus_log_ratio_continuous():
    p = lambda v: mp.npdf(v, 0, 1)
    q = lambda v: mp.npdf(v, 1, 2)
    val = mp.quad(lambda v: -p(v) * mp.log(q(v) / p(v)), [-mp.inf, mp.inf])
    return abs(val - _kl_normal(0, 1, 1, 2)) < TOL


label(CE, 30, "definition", "not-a-claim", "the expectation of a discrete random variable")
label(CE, 41, "claim", "right", "sympy: 0/2 + 1/2 = 1/2", "", lambda: 0 * R(1, 2) + 1 * R(1, 2) == R(1, 2))
label(CE, 52, "claim", "right", "sympy: sum_k k/6 = 21/6 = 3.5", "a fair six-sided die", _die_sum)
label(CE, 67, "claim", "right", "sympy: 210/20 = 10.5", "", lambda: R(210, 20) == R(21, 2))
label(CE, 68, "claim", "right", "sympy: every member equals (N + 1)/2 (summation)", "", _die_faces)
label(CE, 79, "claim", "right", "numpy: the average of 10^6 seeded die rolls is within 0.01 of 3.5 (the law of "
      "large numbers)", "y^(m) independent simulations of Y", _mc_mean_die)
label(CE, 89, "definition", "not-a-claim", "an estimate of the expectation written with '=' ('we get an estimate of "
      "the expectation defined as'): a finite average is not E[Y]")
nonclaim(CE, 101, "definition", "the indicator variable Z")
label(CE, 103, "claim", "right", "sympy: Prob[Y = 1] = E[I[Y = 1]] = 1/6 for a die; numpy: the average of the "
      "indicators over 10^6 rolls is within 0.01", "", _indicator_mean)
label(CE, 125, "claim", "right", "the die's expectation 7/2", "a fair six-sided die", _die_sum)
nonclaim(CE, 131, "definition", "the variance")
nonclaim(CE, 144, "no-claim", "an expression")
nonclaim(CE, 148, "definition", "the constant c")
label(CE, 151, "claim", "right", "the die's expectation 7/2", "a fair six-sided die", _die_sum)
label(CE, 159, "claim", "right", "sympy: every member equals 35/12 = 2.9167, rounded 2.92", "a fair six-sided die",
      _die_variance_chain)
nonclaim(CE, 188, "example", "the number of simulations")
label(CE, 192, "claim", "right", "0.5^2 = 0.25", "", lambda: R(1, 2) ** 2 == R(1, 4))
label(CE, 193, "claim", "right", "5^2 = 25", "", lambda: 5**2 == 25)
nonclaim(CE, 202, "definition", "the sum of squared differences")
nonclaim(CE, 208, "definition", "the mean squared difference")
label(CE, 214, "claim", "right", "sympy: the only critical point of msqe is the average, a minimum (N = 5)", "",
      _mean_minimises_msqe)
label(CE, 224, "claim", "right", "sympy: argmin_u (u - 1)^2 + 7 = 1", "", _argmin_u)
label(CE, 225, "claim", "right", "sympy: min_u (u - 1)^2 + 7 = 7", "", _argmin_value)
label(CE, 237, "claim", "right", "0.5^2 = 0.25", "", lambda: R(1, 2) ** 2 == R(1, 4), pick="0.5^2 = 0.25")
label(CE, 237, "claim", "right", "2.5^2 = 6.25", "", lambda: R(5, 2) ** 2 == R(625, 100), pick="2.5^2 =\n6.25")
nonclaim(CE, 245, "definition", "the standard deviation")
label(CE, 263, "claim", "right", "numpy: E[-log p(Y)] is the entropy (bernoulli(0.3): 0.6109)", "", _entropy_standard)
nonclaim(CE, 272, "condition", "a fair coin (the backslashes doubled in the source)")
label(CE, 279, "claim", "wrong", "numpy: for bernoulli(0.3) sum p log p = -0.611, the entropy is +0.611 (the minus "
      "sign of the definition two displays above is lost)", "", _entropy_plus_log)
nonclaim(CE, 289, "condition", "Y is Bernoulli")
label(CE, 290, "claim", "wrong", "numpy: at theta = 0.3 the right side is -0.611, the entropy 0.611 (sign)",
      "Y ~ bernoulli(theta)", _bernoulli_entropy_formula)
nonclaim(CE, 296, "condition", "theta in (0, 1)")
nonclaim(CE, 300, "example", "the maximiser named in prose")
nonclaim(CE, 302, "example", "an extreme value of theta", pick="\\theta = 0")
nonclaim(CE, 302, "example", "an extreme value of theta", pick="\\theta = 1")
nonclaim(CE, 304, "example", "a value of theta")
nonclaim(CE, 311, "condition", "y real")
label(CE, 312, "claim", "right", "mpmath: both members equal (1/2) log(2 pi e) for normal(0, 1)", "",
      _differential_entropy)
label(CE, 329, "claim", "wrong", "numpy: for normal(0, 1) the average of log p(y^(m)) is -1.419 (10^6 draws), the "
      "entropy +1.419 (sign)", "y^(m) drawn from p_Y", _mc_entropy_plus_log)
nonclaim(CE, 339, "condition", "Y is normal", pick="Y \\sim \\textrm{normal}(\\mu, \\sigma)")
nonclaim(CE, 339, "condition", "the draws", pick="y^{(m)} \\sim \\textrm{normal}(0, \\sigma)")
nonclaim(CE, 350, "condition", "U is normal")
nonclaim(CE, 355, "condition", "V's mean and standard deviation")
label(CE, 359, "claim", "right", "numpy: normal(0, 1) has entropy 1.4189; uniform and Laplace laws with mean 0, sd 1 "
      "have 1.2425 and 1.3466", "U ~ normal(mu, sigma), E[V] = mu, sd[V] = sigma", _max_entropy)
nonclaim(CE, 363, "condition", "V normal (the case of equality)")
label(CE, 382, "claim", "right", "numpy: E[-log p(Y)] is the entropy (bernoulli(0.3): 0.6109)", "", _entropy_standard)
nonclaim(CE, 389, "definition", "the cross entropy")
nonclaim(CE, 401, "condition", "q = p_Y")
label(CE, 402, "claim", "right", "numpy: E[-log p(Y)] is the entropy on a random law on 5 values", "q = p_Y",
      _cross_entropy_reduces)
label(CE, 415, "claim", "right", "numpy: 50 random pairs of laws on 5 values", "", _gibbs)
nonclaim(CE, 418, "condition", "the case of equality")
nonclaim(CE, 420, "definition", "a vector of random variables")
label(CE, 428, "claim", "right", "numpy: 10^6 draws from normal(0, 1), q = normal(1, 2): the average of -log q is "
      "within 0.01 of 1.8621", "y^(m) drawn from p_Y", _mc_cross_entropy)
label(CE, 445, "claim", "right", "numpy: 10^6 draws from normal(0, 1), q = normal(1, 2): the average of -log q is "
      "within 0.01 of 1.8621", "y_n drawn from p_Y", _mc_cross_entropy)
label(CE, 464, "claim", "right", "numpy: every member equal on a random pair of laws on 5 values", "",
      _kl_discrete_chain)
label(CE, 483, "claim", "right", "mpmath: every member equals KL(normal(0,1) || normal(1,2)) = 0.4431", "",
      _kl_continuous_chain)
nonclaim(CE, 501, "condition", "Y's law is p")
label(CE, 504, "claim", "right", "numpy: every member equal on a random pair of laws on 5 values", "p_Y = p",
      _kl_expectation_chain)
label(CE, 531, "claim", "wrong", "numpy: 10^6 draws from p = normal(0, 1), q = normal(1, 2): the average of "
      "-log p + log q is -0.443, KL = +0.443 (signs swapped)", "y^(m) drawn from p_Y", _mc_kl_sign)
label(CE, 543, "claim", "right", "numpy: sum -p log(q/p) = sum p log(p/q) on random laws", "", _kl_minus_log_ratio)
label(CE, 549, "claim", "right", "mpmath: int -p log(q/p) = KL(normal(0,1) || normal(1,2))", "",
      _kl_minus_log_ratio_continuous)
nonclaim(CE, 564, "definition", "the correlated bivariate normal p")
nonclaim(CE, 578, "definition", "q as a product of normals with scale sigma (covariance sigma^2 I; the display at "
         "586 writes the covariance as diag(sigma, sigma), a notation slip, not labelled as a claim)")
nonclaim(CE, 586, "definition", "q as a bivariate normal")


# ================================================================ carpenter_conjugacy_normal.md
CN = "carpenter_conjugacy_normal.md"


def _ratio_constant(lhs, rhs, var, points) -> bool:
    """lhs/rhs takes one value at every point of ``var`` (proportionality), exactly with sympy."""
    ratios = {sp.nsimplify(sp.simplify((lhs / rhs).subs(var, pt))) for pt in points}
    return len(ratios) == 1 and 0 not in ratios


THETAS = [R(1, 5), R(1, 3), R(1, 2), R(4, 5)]


def _binom(n, k, t):
    return sp.binomial(n, k) * t**k * (1 - t) ** (n - k)


def _beta_pdf(t, a, b):
    return t ** (a - 1) * (1 - t) ** (b - 1) * sp.gamma(a + b) / (sp.gamma(a) * sp.gamma(b))


def _posterior_uniform(n=7, k=3):
    """p(theta | y) for a uniform prior and binomial(N, theta), by exact integration (N = 7, y = 3)."""
    lik = _binom(n, k, th)
    return lik / sp.integrate(lik, (th, 0, 1))


def _uniform_binomial_chain():
    n, k = 7, 3
    post = _posterior_uniform(n, k)
    members = [_binom(n, k, th) * 1 / sp.integrate(_binom(n, k, th), (th, 0, 1)), _binom(n, k, th),
               _binom(n, k, th) * 1, th**k * (1 - th) ** (n - k)]
    return all(_ratio_constant(post, m, th, THETAS) for m in members)


def _kernel_uniform():
    return _ratio_constant(_posterior_uniform(), th**3 * (1 - th) ** 4, th, THETAS)


def _beta_function():
    """B(a, b) = int u^(a-1)(1-u)^(b-1) du = Gamma(a)Gamma(b)/Gamma(a+b) at (2.5, 1.7) and (3, 4) (mpmath)."""
    for a, b in [(mp.mpf("2.5"), mp.mpf("1.7")), (3, 4)]:
        integral = mp.quad(lambda v: v ** (a - 1) * (1 - v) ** (b - 1), [0, 1])
        if abs(integral - mp.beta(a, b)) > TOL or abs(mp.beta(a, b) - mp.gamma(a) * mp.gamma(b) / mp.gamma(a + b)) > TOL:
            return False
    return True


def _gamma_factorial():
    return all(sp.gamma(k + 1) == sp.factorial(k) for k in range(0, 12))


def _normalised_posterior_chain():
    """For N = 7, y = 3 the normalised posterior is theta^3 (1-theta)^4 / B(4, 5); the chain's second member has
    1/B(y, N - y) = 1/B(3, 4) (the parameters are y + 1, N - y + 1): 60 against 280."""
    n, k = 7, 3
    post = th**k * (1 - th) ** (n - k) / sp.integrate(th**k * (1 - th) ** (n - k), (th, 0, 1))
    second = th**k * (1 - th) ** (n - k) / sp.beta(k, n - k)
    third = sp.gamma(n) / (sp.gamma(k) * sp.gamma(n - k)) * th**k * (1 - th) ** (n - k)
    return zero(post - second) and zero(second - third)


def _bayes_integral():
    """p(theta | y) = p(y | theta) p(theta) / int p(y | theta) p(theta) dtheta with a beta(2, 3) prior, N = 5,
    y = 2: the posterior is beta(4, 6)."""
    prior = _beta_pdf(th, 2, 3)
    lik = _binom(5, 2, th)
    post = lik * prior / sp.integrate(lik * prior, (th, 0, 1))
    return zero(post - _beta_pdf(th, 4, 6))


def _beta11():
    return _ratio_constant(_beta_pdf(th, 1, 1), th**0 * (1 - th) ** 0, th, THETAS) and zero(_beta_pdf(th, 1, 1) - 1)


def _beta_binomial_chain():
    """Prior beta(2.5 -> 5/2, 3/2), N = 6, y = 4: every member is proportional to the posterior, which is
    beta(4 + 5/2, 2 + 3/2)."""
    a, b, n, k = R(5, 2), R(3, 2), 6, 4
    post = _binom(n, k, th) * _beta_pdf(th, a, b)
    post = post / sp.integrate(post, (th, 0, 1))
    members = [_binom(n, k, th) * _beta_pdf(th, a, b), th**k * (1 - th) ** (n - k) * th ** (a - 1) * (1 - th) ** (b - 1),
               th ** (k + a - 1) * (1 - th) ** (n - k + b - 1), _beta_pdf(th, k + a, n - k + b)]
    return all(_ratio_constant(post, m, th, THETAS) for m in members) and zero(post - _beta_pdf(th, k + a, n - k + b))


def _conjugate_table():
    a, b, n, k = 3, 2, 5, 2
    rows = [(_beta_pdf(th, a, b), th ** (a - 1) * (1 - th) ** (b - 1)), (_binom(n, k, th), th**k * (1 - th) ** (n - k)),
            (_beta_pdf(th, k + a, n - k + b), th ** (k + a - 1) * (1 - th) ** (n - k + b - 1))]
    return all(_ratio_constant(lhs, rhs, th, THETAS) for lhs, rhs in rows)


def _bernoulli_binomial():
    return all(zero(_binom(1, k, th) - th**k * (1 - th) ** (1 - k)) for k in (0, 1))


def _bernoulli_posterior():
    """beta(a, b) prior and one Bernoulli observation y: the posterior is beta(a + y, b + 1 - y) (a = 2, b = 3)."""
    a, b = 2, 3
    for k in (0, 1):
        post = th**k * (1 - th) ** (1 - k) * _beta_pdf(th, a, b)
        post = post / sp.integrate(post, (th, 0, 1))
        if not zero(post - _beta_pdf(th, a + k, b + 1 - k)):
            return False
    return True


def _two_observations_proportional():
    """p(theta | y1, y2) is proportional to p(theta | y1) p(y2 | theta) (a = 2, b = 3, all four outcomes)."""
    a, b = 2, 3
    for y1 in (0, 1):
        for y2 in (0, 1):
            post1 = _beta_pdf(th, a + y1, b + 1 - y1)
            post2 = _beta_pdf(th, a + y1 + y2, b + 2 - y1 - y2)
            if not _ratio_constant(post2, post1 * th**y2 * (1 - th) ** (1 - y2), th, THETAS):
                return False
    return True


def _two_observations_chain():
    """The chain's first member: p(theta | y1, y2) = p(theta | y1) p(y2 | theta) fails (a = b = 1, y1 = y2 = 1: 3
    theta^2 against 2 theta^2), and its last member has beta + 2 - (y1 + - y2) = beta + 2 - y1 + y2."""
    a, b, y1, y2 = 1, 1, 1, 1
    post2 = _beta_pdf(th, a + y1 + y2, b + 2 - y1 - y2)
    first = _beta_pdf(th, a + y1, b + 1 - y1) * th**y2 * (1 - th) ** (1 - y2)
    last = _beta_pdf(th, a + (y1 + y2), b + 2 - (y1 + -y2))
    return zero(post2 - first) and zero(post2 - last)


def _cases_update():
    for y1 in (0, 1):
        for a, b in [(2, 3), (R(1, 2), 5)]:
            rec = (a + y1, b + 1 - y1)
            cases = (a + 1, b) if y1 == 1 else (a, b + 1)
            if rec != cases:
                return False
    return True


def _batch_update():
    """Iterating (a, b) -> (a + y, b + 1 - y) over y_1..y_N gives (a0 + sum y, b0 + N - sum y) (random 0/1 data)."""
    ys = RNG.integers(0, 2, size=12)
    a, b = R(3, 2), 2
    for v in ys:
        a, b = a + int(v), b + 1 - int(v)
    return (a, b) == (R(3, 2) + int(ys.sum()), 2 + len(ys) - int(ys.sum()))


def _binomial_sum_kernel():
    return _ratio_constant(_binom(8, 3, th), th**3 * (1 - th) ** 5, th, THETAS)


def _direct_expansion_chain():
    """a0 = 2, b0 = 3, y = (1, 0, 1): the member prod theta^{y_n} theta^{1 - y_n} = theta^3 is not proportional to
    the posterior beta(4, 4) (it should be (1 - theta)^{1 - y_n})."""
    a, b, ys = 2, 3, (1, 0, 1)
    post = _beta_pdf(th, a + 2, b + 1)
    member = th ** (a - 1) * (1 - th) ** (b - 1) * sp.Mul(*[th**v * th ** (1 - v) for v in ys])
    return _ratio_constant(post, member, th, THETAS)


def _poisson_pmf():
    return all(zero(lam_**k * sp.exp(-lam_) / sp.factorial(k) - sp.exp(-lam_) * lam_**k / sp.gamma(k + 1))
               for k in range(6))


def _gamma_pdf_normalised():
    a, b = mp.mpf("2.5"), mp.mpf("1.5")
    return abs(mp.quad(lambda v: b**a / mp.gamma(a) * v ** (a - 1) * mp.exp(-b * v), [0, mp.inf]) - 1) < TOL


def _gamma_poisson_chain():
    """The chain's first member: p(lambda | y) = p(y | lambda) p(lambda) fails (alpha = 2, beta = 3, y = 4: the
    product integrates to p(y) = 0.0385, not 1)."""
    a, b, k = 2, 3, 4
    prod = lam_**k * sp.exp(-lam_) / sp.factorial(k) * b**a / sp.gamma(a) * lam_ ** (a - 1) * sp.exp(-b * lam_)
    post = (b + 1) ** (a + k) / sp.gamma(a + k) * lam_ ** (a + k - 1) * sp.exp(-(b + 1) * lam_)
    return zero(post - prod)


def _gamma_update(n_obs):
    """gamma(a0, b0) prior and n Poisson counts: the posterior is gamma(a0 + sum y, b0 + n) (a0 = 2, b0 = 3)."""
    a, b = 2, 3
    ys = [3, 1, 4][:n_obs]
    post = b**a / sp.gamma(a) * lam_ ** (a - 1) * sp.exp(-b * lam_)
    for v in ys:
        post = post * lam_**v * sp.exp(-lam_) / sp.factorial(v)
    post = post / sp.integrate(post, (lam_, 0, sp.oo))
    target = (b + n_obs) ** (a + sum(ys)) / sp.gamma(a + sum(ys)) * lam_ ** (a + sum(ys) - 1) * sp.exp(-(b + n_obs) * lam_)
    return zero(post - target)


def _argmin_square():
    yv = sp.symbols("y", real=True)
    return sp.solve(sp.diff((yv - 3) ** 2, yv), yv) == [3]


def _normalisable_chain():
    c = sp.symbols("c", real=True)
    yv = sp.symbols("y", real=True)
    lhs = sp.integrate(sp.exp(c - yv**2), (yv, -sp.oo, sp.oo))
    return zero(lhs - sp.exp(c) * sp.integrate(sp.exp(-yv**2), (yv, -sp.oo, sp.oo)))


def _standard_normal_moments():
    yv = sp.symbols("y", real=True)
    pdf = sp.exp(-yv**2 / 2) / sp.sqrt(2 * sp.pi)
    mean = sp.integrate(yv * pdf, (yv, -sp.oo, sp.oo))
    var = sp.integrate(yv**2 * pdf, (yv, -sp.oo, sp.oo))
    return mean == 0 and var == 1 and sp.sqrt(var) == 1


def _gauss_integral():
    yv = sp.symbols("y", real=True)
    return zero(sp.integrate(sp.exp(-yv**2 / 2), (yv, -sp.oo, sp.oo)) - sp.sqrt(2 * sp.pi))


def _argmax_chain():
    """Every member's optimiser over y is the average (data 1, 2, 6: ybar = 3), by solving the derivative."""
    yv = sp.symbols("y", real=True)
    data = [1, 2, 6]
    npdf = lambda v: sp.exp(-v**2 / 2) / sp.sqrt(2 * sp.pi)
    objectives = [sp.Mul(*[npdf(yv - d) for d in data]), sp.expand_log(sp.log(sp.Mul(*[npdf(yv - d) for d in data])),
                                                                        force=True),
                  sum(-(yv - d) ** 2 / 2 for d in data), sum((yv - d) ** 2 for d in data) / 2,
                  sum((yv - d) ** 2 for d in data)]
    return all(sp.solve(sp.diff(f, yv), yv) == [3] for f in objectives)


def _location_scale_moments():
    """Y = mu + sigma Z with Z standard normal has mean mu and sd sigma (sympy.stats)."""
    from sympy.stats import Normal, E, std
    m, s = sp.symbols("mu sigma", positive=True)
    Y = m + s * Normal("Z", 0, 1)
    return zero(E(Y) - m) and zero(std(Y) - s)


def _location_scale_law():
    from sympy.stats import Normal, density
    m, s = sp.symbols("mu sigma", positive=True)
    yv = sp.symbols("y", real=True)
    Z = Normal("Z", 0, 1)
    # density of mu + sigma Z by the change of variables, against the normal(mu, sigma) density
    dens = density(Z)((yv - m) / s) / s
    return zero(dens - sp.exp(-((yv - m) / s) ** 2 / 2) / (sp.sqrt(2 * sp.pi) * s))


def _z_transform_moments():
    from sympy.stats import Exponential, E, std
    X = Exponential("X", 3)
    Z = (X - E(X)) / std(X)
    return zero(E(Z)) and zero(std(Z) - 1)


def _inverse_map():
    zz, m, s = sp.symbols("z mu sigma", positive=True)
    return zero(((m + s * zz) - m) / s - zz)


def _jacobian_chain():
    """At y = mu + sigma (mu = 1, sigma = 2) the last member exp(((y - mu)/sigma)^2)/(sqrt(2 pi) sigma) = 0.5423 is
    not the density normal(y | 1, 2) = 0.1210 (the -1/2 is lost)."""
    m, s, yv = 1, 2, 3
    density = mp.npdf(yv, m, s)
    member2 = mp.npdf((yv - m) / mp.mpf(s)) / s
    member3 = 1 / mp.sqrt(2 * mp.pi) / s * mp.exp(((yv - m) / mp.mpf(s)) ** 2)
    return abs(member2 - density) < TOL and abs(member3 - density) < TOL


def _normal_density():
    """The density integrates to 1, has mean mu and sd sigma (mu = 1.5, sigma = 0.7, mpmath quadrature)."""
    m, s = mp.mpf("1.5"), mp.mpf("0.7")
    f = lambda v: 1 / mp.sqrt(2 * mp.pi) / s * mp.exp(-((v - m) / s) ** 2 / 2)
    inf = [-mp.inf, mp.inf]
    tot, mean = mp.quad(f, inf), mp.quad(lambda v: v * f(v), inf)
    var = mp.quad(lambda v: (v - m) ** 2 * f(v), inf)
    return abs(tot - 1) < TOL and abs(mean - m) < TOL and abs(mp.sqrt(var) - s) < TOL


def _kernel_as_normal():
    """normal(z) = exp(-z^2/2) against the standard normal density the text gives two displays above: at z = 0,
    1 against 0.3989."""
    return abs(1 - mp.npdf(0)) < TOL


def _clt():
    """The average of N = 2500 exponential(1) variables: its exact density (a gamma law) is within 0.02 of
    normal(z | 1, 1/sqrt(N)) relative to the peak height, over the bulk z in [0.94, 1.06] (three sds)."""
    n = 2500
    zs = np.linspace(0.94, 1.06, 61)
    gamma_density = [float(mp.exp((n) * mp.log(n) + (n - 1) * mp.log(z) - n * z - mp.loggamma(n))) for z in zs]
    normal_density = [float(mp.npdf(z, 1, 1 / mp.sqrt(n))) for z in zs]
    peak = max(normal_density)
    return max(abs(g - h) for g, h in zip(gamma_density, normal_density)) / peak < 0.02


def _entropy_minus_sign_normal():
    """E[log p(Y)] for normal(0, 1) is -1.4189, the entropy +1.4189 (mpmath quadrature)."""
    val = mp.quad(lambda v: mp.log(mp.npdf(v)) * mp.npdf(v), [-mp.inf, mp.inf])
    return abs(val - NORMAL_ENTROPY) < TOL


label(CN, 19, "condition", "not-a-claim", "theta's range")
label(CN, 20, "condition", "not-a-claim", "the uniform prior")
label(CN, 23, "condition", "not-a-claim", "y's range")
label(CN, 24, "condition", "not-a-claim", "the binomial likelihood")
label(CN, 29, "claim", "right", "sympy: each member proportional to the exact posterior in theta (N = 7, y = 3)",
      "theta ~ uniform(0, 1), y ~ binomial(N, theta)", _uniform_binomial_chain)
label(CN, 53, "claim", "right", "sympy: the exact posterior over theta^3 (1 - theta)^4 is constant (N = 7, y = 3)",
      "theta ~ uniform(0, 1), y ~ binomial(N, theta)", _kernel_uniform)
label(CN, 56, "claim", "right", "mpmath: the integral and the gamma ratio at (2.5, 1.7) and (3, 4)", "alpha, beta > 0",
      _beta_function)
nonclaim(CN, 70, "definition", "the gamma function")
label(CN, 74, "claim", "right", "sympy: Gamma(k + 1) = k! for k = 0..11", "u a natural number", _gamma_factorial)
nonclaim(CN, 77, "condition", "u a natural number")
label(CN, 79, "claim", "wrong", "sympy: N = 7, y = 3: the normalised posterior is theta^3 (1-theta)^4 / B(4, 5) = "
      "280 theta^3 (1-theta)^4; the chain writes 1/B(y, N - y) = 60 (and Gamma(N)/(Gamma(y)Gamma(N - y)) = 60): "
      "the parameters are y + 1 and N - y + 1", "theta ~ uniform(0, 1), y ~ binomial(N, theta)",
      _normalised_posterior_chain)
label(CN, 103, "claim", "right", "sympy: Bayes' rule with a beta(2, 3) prior, N = 5, y = 2 gives beta(4, 6)", "",
      _bayes_integral)
label(CN, 115, "claim", "right", "sympy: beta(theta | 1, 1) = 1 on (0, 1)", "theta in (0, 1)", _beta11)
nonclaim(CN, 129, "condition", "alpha, beta > 0")
nonclaim(CN, 131, "condition", "the beta prior")
nonclaim(CN, 135, "condition", "the binomial likelihood")
label(CN, 139, "claim", "right", "sympy: each member proportional to the exact posterior (prior beta(5/2, 3/2), N = 6, "
      "y = 4)", "theta ~ beta(alpha, beta), y ~ binomial(N, theta)", _beta_binomial_chain)
nonclaim(CN, 174, "condition", "the likelihood's family")
nonclaim(CN, 175, "no-claim", "the conclusion of the definition of conjugacy")
nonclaim(CN, 177, "definition", "the families F and G")
label(CN, 190, "claim", "right", "sympy: each row's two sides proportional in theta (alpha = 3, beta = 2, N = 5, y = 2)",
      "", _conjugate_table)
label(CN, 225, "example", "not-a-claim", "the uniform case")
nonclaim(CN, 236, "condition", "y binary")
label(CN, 238, "claim", "right", "sympy: binomial(y | 1, theta) = theta^y (1 - theta)^(1 - y) for y = 0, 1",
      "y in {0, 1}", _bernoulli_binomial)
label(CN, 248, "claim", "right", "sympy: for y = 0, 1", "y in {0, 1}", _bernoulli_binomial)
nonclaim(CN, 253, "condition", "the beta prior")
nonclaim(CN, 254, "condition", "the Bernoulli likelihood")
label(CN, 255, "claim", "right", "sympy: the normalised posterior for y = 0, 1 (alpha = 2, beta = 3)",
      "p(theta) = beta(alpha, beta), p(y | theta) = bernoulli(y | theta)", _bernoulli_posterior)
nonclaim(CN, 259, "condition", "y = 1")
nonclaim(CN, 260, "condition", "y = 0", pick="y = 0")
nonclaim(CN, 266, "definition", "the sequence of observations", pick="y = y_1, \\ldots, y_N")
nonclaim(CN, 266, "condition", "binary observations", pick="y_n \\in \\{ 0, 1 \\}.")
nonclaim(CN, 267, "definition", "the prior")
nonclaim(CN, 270, "definition", "the prior")
label(CN, 275, "claim", "right", "sympy: the normalised posterior after one observation (alpha = 2, beta = 3)",
      "p(theta) = beta(alpha, beta), y_1 in {0, 1}", _bernoulli_posterior)
label(CN, 283, "claim", "right", "sympy: proportional for all four outcomes (alpha = 2, beta = 3)",
      "y_1, y_2 independent given theta", _two_observations_proportional)
label(CN, 292, "claim", "wrong", "sympy: the first member fails (alpha = beta = 1, y1 = y2 = 1: 3 theta^2 against "
      "2 theta^2; the product is not normalised) and the last has beta + 2 - (y1 + - y2) = beta + 2 - y1 + y2",
      "p(theta) = beta(alpha, beta), y_1, y_2 in {0, 1}", _two_observations_chain)
nonclaim(CN, 314, "definition", "the first n observations")
nonclaim(CN, 320, "definition", "the inductive update")
label(CN, 327, "claim", "right", "the cases agree with the update for y = 0, 1", "y_{n+1} in {0, 1}", _cases_update)
label(CN, 342, "claim", "right", "iterating the update over 12 random binary observations (the text's (alpha_n, "
      "beta_n) is the final (alpha_N, beta_N))", "y_n in {0, 1}", _batch_update)
nonclaim(CN, 340, "condition", "a success", pick="y_n = 1")
nonclaim(CN, 340, "condition", "a failure", pick="y_n = 0.")
label(CN, 353, "claim", "right", "sympy: binomial(3 | 8, theta) / (theta^3 (1 - theta)^5) constant", "", _binomial_sum_kernel)
label(CN, 360, "claim", "wrong", "sympy: alpha0 = 2, beta0 = 3, y = (1, 0, 1): the member with prod theta^{y_n} "
      "theta^{1 - y_n} = theta^3 is not proportional to the posterior beta(4, 4) ((1 - theta)^{1 - y_n} is meant)",
      "p(theta) = beta(alpha_0, beta_0), y_n in {0, 1}", _direct_expansion_chain)
nonclaim(CN, 407, "condition", "a count", pick="y \\in \\mathbb{N}")
nonclaim(CN, 407, "condition", "a positive rate", pick="\\lambda \\in (0, \\infty)")
nonclaim(CN, 408, "definition", "the Poisson pmf")
nonclaim(CN, 418, "definition", "the gamma density")
label(CN, 430, "claim", "right", "sympy: the Poisson pmf as defined above, y = 0..5", "", _poisson_pmf)
label(CN, 442, "claim", "right", "mpmath: the gamma density as defined above integrates to 1 (alpha = 2.5, beta = 1.5)",
      "", _gamma_pdf_normalised)
label(CN, 457, "claim", "wrong", "sympy: alpha = 2, beta = 3, y = 4: the chain's first member p(y | lambda) p(lambda) "
      "is not the posterior (it integrates to p(y) = 0.0385); the prose says 'up to a proportion' but the display "
      "asserts equality", "y ~ poisson(lambda), lambda ~ gamma(alpha, beta)", _gamma_poisson_chain)
nonclaim(CN, 494, "condition", "counts")
label(CN, 498, "claim", "right", "sympy: the normalised posterior after y_1 = 3", "", lambda: _gamma_update(1))
label(CN, 504, "claim", "right", "sympy: after y_1 = 3, y_2 = 1", "", lambda: _gamma_update(2))
label(CN, 511, "claim", "right", "sympy: after 3, 1, 4 (N = 3)", "", lambda: _gamma_update(3))
nonclaim(CN, 518, "definition", "the posterior named by its parameters")
nonclaim(CN, 524, "definition", "the inductive update")
nonclaim(CN, 549, "example", "the number of trials")
nonclaim(CN, 575, "definition", "the average")
label(CN, 582, "claim", "right", "sympy: the derivative of (y - 3)^2 vanishes only at 3", "", _argmin_square)
label(CN, 584, "claim", "right", "sympy: the only critical point of the sum of squares is the average (N = 5)", "",
      _mean_minimises_msqe)
nonclaim(CN, 594, "definition", "the property Gauss looked for")
label(CN, 600, "claim", "right", "sympy: int exp(c - y^2) = exp(c) int exp(-y^2)", "log p(y) = -y^2 + const",
      _normalisable_chain)
nonclaim(CN, 620, "definition", "the standard normal on the log scale")
nonclaim(CN, 624, "condition", "Z standard normal", pick="Z \\sim \\mbox{normal}()")
label(CN, 624, "claim", "right", "sympy: the standard normal's mean is 0", "Z ~ normal()", _standard_normal_moments,
      pick="\\mathbb{E}[Z] =\n0")
label(CN, 625, "claim", "right", "sympy: the standard normal's variance and sd are 1", "Z ~ normal()",
      _standard_normal_moments)
label(CN, 630, "claim", "right", "sympy: the standard normal density is exp(-y^2/2)/sqrt(2 pi)", "",
      _standard_normal_moments)
label(CN, 642, "claim", "right", "sympy: the Gaussian integral", "", _gauss_integral)
nonclaim(CN, 645, "definition", "the standard normal density")
label(CN, 655, "claim", "right", "sympy: every member's optimiser is the average (data 1, 2, 6)", "", _argmax_chain)
nonclaim(CN, 678, "condition", "sigma > 0")
nonclaim(CN, 679, "condition", "Y normal")
label(CN, 680, "claim", "right", "sympy.stats: mu + sigma Z has mean mu", "Y ~ normal(mu, sigma)",
      _location_scale_moments)
label(CN, 681, "claim", "right", "sympy.stats: mu + sigma Z has sd sigma", "Y ~ normal(mu, sigma)",
      _location_scale_moments)
nonclaim(CN, 685, "condition", "Z standard normal")
nonclaim(CN, 691, "definition", "Y from Z")
label(CN, 697, "claim", "right", "sympy: the density of mu + sigma Z is normal(mu, sigma)", "Y = mu + sigma Z",
      _location_scale_law)
nonclaim(CN, 703, "definition", "the z-transform")
label(CN, 706, "claim", "right", "sympy.stats: the z-transform of an exponential(3) has mean 0", "",
      _z_transform_moments, pick="\\mathbb{E}[Z] = 0")
label(CN, 706, "claim", "right", "sympy.stats: the z-transform of an exponential(3) has sd 1", "",
      _z_transform_moments, pick="\\mbox{sd}[Z] = 1")
nonclaim(CN, 709, "definition", "the inverse transform")
nonclaim(CN, 716, "condition", "sigma > 0")
nonclaim(CN, 718, "definition", "the transform f")
label(CN, 721, "claim", "right", "sympy: (f(z) - mu)/sigma = z", "sigma > 0", _inverse_map)
nonclaim(CN, 725, "definition", "Z's density")
label(CN, 729, "claim", "wrong", "mpmath: at y = 3, mu = 1, sigma = 2 the last member is 0.5423, the density "
      "normal(3 | 1, 2) = 0.1210 (the -1/2 in the exponent is lost)", "Y = mu + sigma Z, Z ~ normal()",
      _jacobian_chain)
label(CN, 748, "claim", "right", "mpmath: integrates to 1 with mean mu and sd sigma (mu = 1.5, sigma = 0.7)",
      "sigma > 0", _normal_density)
label(CN, 765, "claim", "wrong", "mpmath: at z = 0 the right side is 1, the standard normal density of line 645 "
      "0.3989 (the factor is the kernel; the equation drops 1/sqrt(2 pi))", "", _kernel_as_normal)
label(CN, 769, "claim", "right", "sympy: the inverse of mu + sigma z", "sigma > 0", _inverse_map)
nonclaim(CN, 787, "definition", "the sequence")
nonclaim(CN, 794, "condition", "the common mean")
nonclaim(CN, 800, "condition", "the common sd")
nonclaim(CN, 806, "definition", "the average")
nonclaim(CN, 810, "no-claim", "the limit")
label(CN, 812, "claim", "right", "mpmath: the exact density of the average of 2500 exponential(1) variables is within 2% "
      "of the peak of normal(1, 1/50) on the bulk", "Y_n iid with mean mu and sd sigma", _clt)
label(CN, 833, "claim", "wrong", "mpmath: for normal(0, 1) E[log p(Y)] = -1.4189, the entropy is +1.4189 (sign)", "",
      _entropy_minus_sign_normal)
label(CN, 841, "claim", "wrong", "mpmath: for normal(0, 1) the integral is -1.4189, the entropy +1.4189 (sign)", "",
      _entropy_minus_sign_normal)
label(CN, 850, "claim", "wrong", "numpy: for normal(0, 1) the average of log p(y^(m)) is -1.419 (10^6 draws), the "
      "entropy +1.419 (sign)", "y^(m) drawn from p_Y", _mc_entropy_plus_log)


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
