r"""Independent checks of the hand labels of the round-57 sources (branch fresh43, a held-out test on EM and mixture
models, Gaussian conjugacy, Fisher information and the Transformer written out): four fiveMinuteStats vignettes on
mixtures and EM and four on the normal distribution and the asymptotics of the MLE (Matthew Stephens, Matt
Bonakdarpour; CC-BY-4.0), and the text of Alexander Rush's *Annotated Transformer* (MIT).  Labelled before
``formulary check`` ran on them.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with numpy, sympy or mpmath that returns True
when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.  A block is found from a
snippet of its text (:func:`_at`), so an edit above it cannot shift a label.

Probabilistic identities are checked by exact enumeration on small random discrete models (3 observations, 2
components, a random joint table) or by mpmath quadrature at 30 digits (tolerance 1e-20: exact for these smooth
integrands, a wrong identity errs by O(1)); "proportional to" claims by the derivative of the log-ratio in the variable,
which must vanish identically (sympy).

    python3 tests/corpus/notes/check_labels_round57.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round57.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import arrays_close, check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
EM, GF, TR = ("stephens_fiveminutestats_em_mixtures.md", "stephens_fiveminutestats_gaussian_fisher.md",
              "rush_annotated_transformer.md")
RNG = np.random.default_rng(57)
TOL = 1e-12
"""Float64 enumeration over at most 2^3 assignments: round-off about 1e-15, a wrong identity errs by O(1)."""
QUAD_TOL = mp.mpf(10) ** -20
"""Quadrature at 30 digits on Gaussian integrands: agreement to 1e-20 is exact, a wrong claim errs by O(1)."""
mp.mp.dps = 30


def _at(file: str, snippet: str, after: int = 0) -> int:
    """The line of the first block of ``file`` after line ``after`` whose text holds ``snippet``."""
    from check_labels_round3 import _blocks
    blocks = _blocks((HERE / file).read_text(encoding="utf-8"), False)
    return next(line for line, inner in blocks if line > after and snippet in inner)


def _constant_in(expr, var) -> bool:
    """``expr`` (a log-ratio) does not depend on ``var``: its derivative simplifies to 0."""
    return zero(sp.diff(sp.expand_log(expr, force=True), var))


# ---------------------------------------------------------------- a small mixture model, enumerated exactly
def _normal(x, m, s2):
    return np.exp(-(x - m) ** 2 / (2 * s2)) / np.sqrt(2 * np.pi * s2)


PI, MU, S2 = np.array([0.3, 0.7]), np.array([-1.0, 2.0]), np.array([0.5, 1.5])
X3 = RNG.normal(size=3)
"""Three observations of a two-component Gaussian mixture with the parameters above."""


def _joint(z) -> float:
    """P(X = X3, Z = z): the product over observations of pi_{z_i} N(x_i; mu_{z_i}, s2_{z_i})."""
    return float(np.prod([PI[k] * _normal(x, MU[k], S2[k]) for x, k in zip(X3, z)]))


ASSIGN = list(itertools.product(range(2), repeat=3))
EVIDENCE = sum(_joint(z) for z in ASSIGN)
GAMMA = np.array([[PI[k] * _normal(x, MU[k], S2[k]) for k in range(2)] for x in X3])
GAMMA /= GAMMA.sum(axis=1, keepdims=True)


def _em_total_probability() -> bool:
    """A random joint table P(X = x, Z = k) (4 values of x, 3 of k): sum_k P(x | k) P(k) = P(x)."""
    table = RNG.uniform(0.1, 1, (4, 3))
    table /= table.sum()
    pz, px = table.sum(axis=0), table.sum(axis=1)
    return arrays_close((table / pz) @ pz, px, TOL)


def _em_product_of_sums() -> bool:
    """P(x_1, x_2, x_3) by enumerating the 8 assignments of Z equals the product of the mixture densities."""
    mixture = [sum(PI[k] * _normal(x, MU[k], S2[k]) for k in range(2)) for x in X3]
    return abs(EVIDENCE - np.prod(mixture)) <= TOL * EVIDENCE


def _em_log_product() -> bool:
    mixture = [sum(PI[k] * _normal(x, MU[k], S2[k]) for k in range(2)) for x in X3]
    return abs(np.log(np.prod(mixture)) - sum(np.log(m) for m in mixture)) <= TOL


xs, mu_, s_ = sp.symbols("x1:4", real=True), sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
_LOGLIK = sum(sp.log(1 / (s_ * sp.sqrt(2 * sp.pi))) - (xi - mu_) ** 2 / (2 * s_**2) for xi in xs)


def _em_normal_mle_chain() -> bool:
    """L(mu) = prod N(x_i; mu, s^2), ell = sum (log(1/(s sqrt(2 pi))) - (x_i - mu)^2/(2 s^2)), and the stated
    derivative sum (x_i - mu)/(2 s^2): the last link fails (the derivative is sum (x_i - mu)/s^2)."""
    lik = sp.Mul(*[sp.exp(-(xi - mu_) ** 2 / (2 * s_**2)) / (s_ * sp.sqrt(2 * sp.pi)) for xi in xs])
    first = zero(sp.expand_log(sp.log(lik), force=True) - _LOGLIK)
    return first and zero(sp.diff(_LOGLIK, mu_) - sum((xi - mu_) / (2 * s_**2) for xi in xs))


def _em_normal_mle() -> bool:
    return sp.solve(sp.diff(_LOGLIK, mu_), mu_) == [sum(xs) / 3]


def _em_posterior_bayes() -> bool:
    """P(Z = k | X in [x, x + h]) by quadrature with h = 1e-12 (mpmath) equals pi_k N_k(x) / sum_j pi_j N_j(x)."""
    x, h = mp.mpf("0.4"), mp.mpf(10) ** -12
    dens = [lambda t, k=k: PI[k] * mp.npdf(t, MU[k], mp.sqrt(S2[k])) for k in range(2)]
    mass = [mp.quad(d, [x, x + h]) for d in dens]
    post = [m / sum(mass) for m in mass]
    formula = [dens[k](x) / sum(d(x) for d in dens) for k in range(2)]
    return all(abs(p - f) < mp.mpf(10) ** -10 for p, f in zip(post, formula))


def _em_weighted_mean() -> bool:
    g = sp.symbols("g1:4", positive=True)
    sol = sp.solve(sum(gi * (xi - mu_) / s_**2 for gi, xi in zip(g, xs)), mu_)
    nk = sum(g)
    return len(sol) == 1 and zero(sol[0] - sum(gi * xi for gi, xi in zip(g, xs)) / nk)


def _em_m_step() -> bool:
    """With responsibilities gamma (rows sum to 1), the closed forms (3)-(5) maximise
    sum_i sum_k gamma_ik (log pi_k + log N(x_i; mu_k, s2_k)) over pi on the simplex, mu_k and s2_k > 0: the objective
    at the closed form is not exceeded at 200 random perturbations."""
    x = RNG.normal(size=6)
    gam = RNG.uniform(0.05, 1, (6, 2))
    gam /= gam.sum(axis=1, keepdims=True)
    nk = gam.sum(axis=0)
    mu = (gam * x[:, None]).sum(axis=0) / nk
    s2 = (gam * (x[:, None] - mu) ** 2).sum(axis=0) / nk
    pi = nk / len(x)

    def objective(p, m, v):
        return float((gam * (np.log(p) + np.log(_normal(x[:, None], m, v)))).sum())

    best = objective(pi, mu, s2)
    for _ in range(200):
        p = np.abs(pi + RNG.normal(scale=0.05, size=2))
        p /= p.sum()
        if objective(p, mu + RNG.normal(scale=0.1, size=2), s2 * np.exp(RNG.normal(scale=0.1, size=2))) > best + 1e-12:
            return False
    return True


def _em_complete_likelihood() -> bool:
    """prod_i prod_k pi_k^I(z_i = k) N(x_i)^I(z_i = k) equals P(X, Z = z) for every assignment, and so does its log."""
    ok = True
    for z in ASSIGN:
        indicator = np.array([[1.0 if zi == k else 0.0 for k in range(2)] for zi in z])
        dens = np.array([[_normal(x, MU[k], S2[k]) for k in range(2)] for x in X3])
        prod = float(np.prod(PI ** indicator * dens ** indicator))
        logs = float((indicator * (np.log(PI) + np.log(dens))).sum())
        ok &= abs(prod - _joint(z)) <= TOL * _joint(z) and abs(logs - np.log(_joint(z))) <= TOL
    return ok


def _expected_complete_loglik() -> float:
    """E_{Z|X}[log P(X, Z)] by enumerating the 8 assignments with weights P(z | X) = P(X, z)/P(X)."""
    return sum(_joint(z) / EVIDENCE * np.log(_joint(z)) for z in ASSIGN)


def _em_expectation_linear() -> bool:
    """The expectation of the sum equals sum_i sum_k P(Z_i = k | X) (log pi_k + log N(x_i)), the marginal posteriors
    enumerated from the joint posterior."""
    marg = np.array([[sum(_joint(z) for z in ASSIGN if z[i] == k) / EVIDENCE for k in range(2)] for i in range(3)])
    terms = np.array([[np.log(PI[k]) + np.log(_normal(x, MU[k], S2[k])) for k in range(2)] for x in X3])
    return abs(_expected_complete_loglik() - float((marg * terms).sum())) <= TOL * 10


def _em_indicator_expectation() -> bool:
    """E[I(Z_i = k) | X] (enumerated) equals the per-observation posterior gamma_ik = P(Z_i = k | X_i)."""
    marg = np.array([[sum(_joint(z) for z in ASSIGN if z[i] == k) / EVIDENCE for k in range(2)] for i in range(3)])
    return arrays_close(marg, GAMMA, TOL)


def _em_expected_with_gamma() -> bool:
    terms = np.array([[np.log(PI[k]) + np.log(_normal(x, MU[k], S2[k])) for k in range(2)] for x in X3])
    return abs(_expected_complete_loglik() - float((GAMMA * terms).sum())) <= TOL * 10


def _em_marginal() -> bool:
    return abs(np.log(EVIDENCE) - np.log(sum(_joint(z) for z in ASSIGN))) <= TOL and _em_product_of_sums()


# the F function on a discrete latent variable (6 values) with a random joint p(X = x_obs, Z = z | theta)
PXZ = RNG.uniform(0.01, 0.2, 6)
"""p(X = x_obs, Z = z | theta) for the six values of z (a joint mass, so the sum is p(X = x_obs) < 1)."""


def _F(q) -> float:
    return float((q * np.log(PXZ)).sum() - (q * np.log(q)).sum())


def _kl(q, p) -> float:
    return float((q * np.log(q / p)).sum())


def _random_q():
    q = RNG.uniform(0.05, 1, 6)
    return q / q.sum()


def _em_F_decomposition() -> bool:
    """F(q) = E_q log(p(Z | X) p(X) / q(Z)) = log p(X) - KL(q || p(Z | X)) for 5 random q."""
    post, evidence = PXZ / PXZ.sum(), PXZ.sum()
    return all(abs(_F(q) - float((q * np.log(post * evidence / q)).sum())) <= TOL
               and abs(_F(q) - (np.log(evidence) - _kl(q, post))) <= TOL for q in [_random_q() for _ in range(5)])


def _em_F_maximiser() -> bool:
    post = PXZ / PXZ.sum()
    return all(_F(post) >= _F(_random_q()) for _ in range(200))


def _em_F_max_is_loglik() -> bool:
    return abs(_F(PXZ / PXZ.sum()) - np.log(PXZ.sum())) <= TOL and _em_F_maximiser()


# ---------------------------------------------------------------- fiveMinuteStats: mixtures and EM
label(EM, _at(EM, r"\underbrace{P(Z_i=k)}_{\pi_k}"), "claim", "right",
      "numpy: law of total probability on a random 4 x 3 joint table", "", _em_total_probability)
label(EM, _at(EM, r"L(\pi) = \prod_{i=1}^n P(X_i|\pi)"), "claim", "right",
      "numpy: the likelihood of independent observations is the product of the mixture densities (enumeration of "
      "the 8 assignments of Z for 3 observations)", "X_i independent", _em_product_of_sums)
label(EM, _at(EM, r"P(X_i = x) = \sum_{k=1}^K \pi_kP(X_i=x|Z_i=k)"), "claim", "right",
      "numpy: law of total probability on a random 4 x 3 joint table", "pi_k = P(Z_i = k)", _em_total_probability)
label(EM, _at(EM, r"\sum_{k=1}^K P(Z_i = k) P(X_i=x | Z_i = k) = \sum_{k=1}^K \pi_k N(x; \mu_k, \sigma_k^2)"),
      "claim", "right", "numpy: law of total probability on a random 4 x 3 joint table", "X_i | Z_i = k ~ N(mu_k, s_k^2)",
      _em_total_probability)
label(EM, _at(EM, r"P(X_1=x_1,\ldots,X_n=x_n) = \prod_{i=1}^n"), "claim", "right",
      "numpy: enumerating the 8 assignments of Z for 3 observations gives the product of mixture densities",
      "X_i independent", _em_product_of_sums)
label(EM, _at(EM, r"\rightarrow \frac{d}{d\mu}\ell(\mu) &= \sum_{i=1}^n \frac{x_i - \mu}{2\sigma^2}"), "claim", "wrong",
      "sympy, n = 3: the log of the likelihood is right, but d/dmu of -(x_i - mu)^2/(2 s^2) is (x_i - mu)/s^2, "
      "not (x_i - mu)/(2 s^2)", "", _em_normal_mle_chain)
label(EM, _at(EM, r"\mu_{\text{MLE}} = \frac{1}{n}\sum_{i=1}^n x_i"), "claim", "right",
      "sympy, n = 3: the root of the derivative of the log-likelihood is the mean", "", _em_normal_mle)
label(EM, _at(EM, r"\ell(\theta) = \sum_{i=1}^n \log \left( \sum_{k=1}^K"), "claim", "right",
      "numpy: the log of the product of the three mixture densities is the sum of their logs", "", _em_log_product)
label(EM, _at(EM, r"P(Z_i=k|X_i) = \frac{P(X_i|Z_i=k)P(Z_i=k)}{P(X_i)}"), "claim", "right",
      "mpmath: P(Z = k | X in [x, x + 1e-12]) by quadrature equals pi_k N_k(x)/sum_j pi_j N_j(x) (the vignette writes "
      "the density at x_i as N(mu_k, sigma_k^2) and N(mu_k, sigma_k) for the same component)", "", _em_posterior_bayes)
label(EM, _at(EM, r"\hat{\mu_k} = \frac{\sum_{i=1}^n \gamma_{z_i}(k)x_i}"), "claim", "right",
      "sympy, n = 3: solving sum_i gamma_i (x_i - mu)/s^2 = 0 gives sum gamma x / sum gamma = (1/N_k) sum gamma x",
      "N_k = sum_i gamma_{z_i}(k)", _em_weighted_mean)
label(EM, _at(EM, r"\hat{\sigma_k^2} &= \frac{1}{N_k}"), "claim", "right",
      "numpy: the closed forms maximise the expected complete log-likelihood (200 random perturbations never exceed it)",
      "gamma fixed; mu_k the new estimate (3)", _em_m_step)
label(EM, _at(EM, r"\log \left( P(X|\Theta)\right ) = \log \left ( \sum_{Z} P(X,Z|\Theta) \right )"), "claim", "right",
      "numpy: marginalising the enumerated joint gives the product of the mixture densities", "", _em_marginal)
label(EM, _at(EM, r"P(X, Z|\mu, \sigma, \pi) = \prod_{i=1}^n \prod_{k=1}^K \pi_k^{I(Z_i = k)}"), "claim", "right",
      "numpy: equals P(X, Z = z) for each of the 8 assignments", "", _em_complete_likelihood)
label(EM, _at(EM, r"\log \left(P(X, Z|\mu, \sigma, \pi) \right) = \sum_{i=1}^n"), "claim", "right",
      "numpy: equals log P(X, Z = z) for each of the 8 assignments", "", _em_complete_likelihood)
label(EM, _at(EM, r"E_{Z|X}[\log (P(X,Z|\mu,\sigma,\pi))] &= E_{Z|X} \left ["), "claim", "right",
      "numpy: the posterior expectation (8 assignments enumerated) equals the sum of marginal posteriors times terms",
      "", _em_expectation_linear)
label(EM, _at(EM, r"E_{Z|X}[I(Z_i = k)] = P(Z_i=k |X)"), "claim", "right",
      "numpy: the enumerated E[I(Z_i = k) | X] equals the posterior of Z_i given x_i", "", _em_indicator_expectation)
label(EM, _at(EM, r"\sum_{i=1}^n \sum_{k=1}^K \gamma_{Z_i}(k)\left(\log (\pi_k)"), "claim", "right",
      "numpy: the enumerated expectation equals the sum with gamma_ik = P(Z_i = k | x_i)", "gamma = P(Z_i = k | X)",
      _em_expected_with_gamma)
label(EM, _at(EM, r"F(\theta,q) = E_q(\log p(Z|X,\theta) p(X| \theta)/ q(Z))"), "claim", "right",
      "numpy: on a 6-valued latent variable, both forms equal E_q log p(X, Z) + H(q) for 5 random q", "", _em_F_decomposition)
label(EM, _at(EM, r"\hat{q}_\theta(z) = p(Z | X, \theta)."), "claim", "right",
      "numpy: F at the posterior is not exceeded at 200 random q", "q-hat maximises F(theta, .)", _em_F_maximiser)
label(EM, _at(EM, r"l(\theta) = \max_q F(\theta,q)."), "claim", "right",
      "numpy: F at the posterior equals log p(X) and is the maximum over 200 random q", "", _em_F_max_is_loglik)
label(EM, _at(EM, r"F(\theta,q) =  \log p(X| \theta) - KL[ q || p(Z|X,\theta) ]."), "claim", "right",
      "numpy: F = log p(X) - KL(q || posterior) for 5 random q", "", _em_F_decomposition)

NONCLAIMS_EM = [
    (r"Z_i \sim \text{Bernoulli}(0.5)", "definition", "the sampling step", None),
    (r"Z_i = 0", "condition", "the case Z_i = 0", r"Z_i = 0"),
    (r"Z_i = 1", "condition", "the case Z_i = 1", r"Z_i = 1"),
    (r"Z=X+Y", "definition", "defines Z", None),
    (r"Z_i \in \{1,\ldots,K\}", "definition", "the label's values", None),
    (r"Z_i=k", "condition", "the samples with Z_i = k", r"Z_i=k", 115),
    (r"K=2", "condition", "two components", None),
    (r"P(Z_i = 1) = 0.75", "definition", "the example's proportions", r"P(Z_i = 1) = 0.75"),
    (r"q \in Q", "definition", "q a distribution on Z", None),
    (r"q=p", "condition", "where the minimum is attained", None),
    (r"\sum_{k=1}^K \pi_k = 1", "condition", "the mixture proportions sum to one", r"\sum_{k=1}^K \pi_k = 1"),
    (r"p(x) =  \sum_{k=1}^{K}\pi_k p(x \mid Z_{k})", "definition", "the mixture pmf", None),
    (r"f_{x}(x) = \sum_{k=1}^{K}", "definition", "the mixture pdf", None),
    (r"\pi=(\pi_1, \pi_2,\ldots,\pi_K)", "definition", "the proportion vector", None),
    (r"X_i|Z_i = k \sim N(\mu_k, \sigma_k^2)", "definition", "the components", None),
    (r"\theta = \{\mu_1,\ldots", "definition", "the parameters", None),
    (r"L(\theta | X_1,\ldots,X_n) = \prod_{i=1}^n", "definition", "the likelihood of the mixture", None),
    (r"\pi_k N(x_i;\mu_k,\sigma_k) \frac{(x_i-\mu_k)}{\sigma_k^2} = 0 \tag{1}", "equation",
     "the stationarity condition (1), to be solved for mu_k", None),
    (r"\sum_{i=1}^n \gamma_{Z_i}(k) \frac{(x_i-\mu_k)}{\sigma_k^2} = 0", "equation", "(1) rewritten, solved for mu_k", None),
    (r"N_k = \sum_{i=1}^n \gamma_{z_i}(k)", "definition", "defines N_k", None),
    (r"Q(\theta, \theta^0) = E_{Z|X,\theta^0}", "definition", "defines Q", None),
    (r"\hat{\theta} = \text{argmax}_{\theta} Q(\theta, \theta^0)", "update", "the M-step", None),
    (r"X_i | Z_i = 0 &\sim N(5, 1.5)", "definition", "the example's components", None),
    (r"P(Z_i = 0) = 0.25", "definition", "the example's proportions", r"P(Z_i = 0) = 0.25"),
    (r"\underbrace{N(x_i;\mu_k, \sigma_k^2)}_{L[i,k]}", "definition", "the incomplete log-likelihood the code computes", None),
    (r"\hat\theta:= \arg \max_{\theta \in \Theta}", "definition", "defines theta-hat", None),
    (r"p(X | \theta) = \int p(X, Z| \theta) dZ", "condition", "the assumption that p(X | theta) is a marginal", None),
    (r"F(\theta,q):= E_q \log p(X, Z | \theta) + H(q)", "definition", "defines F", None),
    (r"H(q) = - E_q \log(q(Z))", "definition", "defines the entropy", None),
    (r"\hat{q}_\theta:= \arg \max_q F(\theta,q).", "definition", "defines q-hat", None),
    (r"l(\theta):=\log p(X| \theta)", "definition", "defines l", None),
    (r"q = p(Z | X,\theta)", "update", "step 1's result", None),
    (r"q \leftarrow \arg \max_{q \in Q'} F(\theta,q)", "update", "the constrained step 1", None),
]
for snippet, role, note, pick, *after in NONCLAIMS_EM:
    nonclaim(EM, _at(EM, snippet, *after), role, note, pick=pick)

# ---------------------------------------------------------------- fiveMinuteStats: normal, conjugacy, Fisher information
y_, m_, tau, tau0, mu0, X_, A_, B_ = sp.symbols("y mu tau tau0 mu0 X A B", real=True)
tau, tau0, A_ = sp.Symbol("tau", positive=True), sp.Symbol("tau0", positive=True), sp.Symbol("A", positive=True)


def _gf_density() -> bool:
    """(tau/(2 pi))^0.5 exp(-0.5 tau (y - mu)^2) integrates to 1 with mean mu and variance 1/tau (tau = 0.5, 2)."""
    ok = True
    for t in (mp.mpf("0.5"), mp.mpf(2)):
        f = lambda v, t=t: (t / (2 * mp.pi)) ** mp.mpf("0.5") * mp.exp(-mp.mpf("0.5") * t * (v - mp.mpf("0.3")) ** 2)
        mass = mp.quad(f, [-mp.inf, mp.inf])
        mean = mp.quad(lambda v: v * f(v), [-mp.inf, mp.inf])
        var = mp.quad(lambda v: (v - mean) ** 2 * f(v), [-mp.inf, mp.inf])
        ok &= abs(mass - 1) < QUAD_TOL and abs(mean - mp.mpf("0.3")) < QUAD_TOL and abs(var - 1 / t) < QUAD_TOL
    return ok


_DENSITY = sp.sqrt(tau / (2 * sp.pi)) * sp.exp(-tau * (y_ - m_) ** 2 / 2)
_LIK = sp.exp(-tau * (X_ - m_) ** 2 / 2)
_PRIOR = sp.exp(-tau0 * (m_ - mu0) ** 2 / 2)
_TAU1 = tau + tau0
_MU1 = (X_ * tau + mu0 * tau0) / (tau + tau0)
label(GF, _at(GF, r"p(y) = (\tau/2\pi)^{0.5} \exp(-0.5\tau (y-\mu)^2)"), "claim", "right",
      "mpmath: integrates to 1 with mean mu and variance 1/tau at tau = 0.5, 2 (tau/2pi read as tau/(2 pi))",
      "Y ~ N(mu, 1/tau)", _gf_density)
label(GF, _at(GF, r"p(y) \propto \exp(-0.5 \tau y^2 + \tau \mu y)."), "claim", "right",
      "sympy: the log-ratio to the density does not depend on y", "",
      lambda: _constant_in(sp.log(_DENSITY) - (-tau * y_**2 / 2 + tau * m_ * y_), y_))
label(GF, _at(GF, r"p(y) \propto \exp(-0.5 A y^2 + B y)"), "claim", "right",
      "sympy: with A = tau, B = tau mu the log-ratio to the density does not depend on y", "A = tau, B = tau mu",
      lambda: _constant_in(sp.log(_DENSITY) - (-tau * y_**2 / 2 + tau * m_ * y_), y_))
label(GF, _at(GF, r"\tau= A"), "claim", "right",
      "sympy: exp(-A y^2/2 + B y) / exp(-A (y - B/A)^2/2) does not depend on y: precision A", "p(y) ∝ exp(-0.5 A y^2 + B y)",
      lambda: _constant_in(-A_ * y_**2 / 2 + B_ * y_ + A_ * (y_ - B_ / A_) ** 2 / 2, y_), pick=r"\tau= A")
label(GF, _at(GF, r"\mu= B/A"), "claim", "right",
      "sympy: completing the square, exp(-A y^2/2 + B y) ∝ exp(-A (y - B/A)^2/2): mean B/A", "p(y) ∝ exp(-0.5 A y^2 + B y)",
      lambda: _constant_in(-A_ * y_**2 / 2 + B_ * y_ + A_ * (y_ - B_ / A_) ** 2 / 2, y_), pick=r"\mu= B/A")
label(GF, _at(GF, r"p(\mu | X) \propto p(X | \mu) p(\mu)"), "claim", "right",
      "sympy: Bayes' theorem; the posterior N(mu1, 1/tau1) density over likelihood times prior is constant in mu", "",
      lambda: _constant_in(-_TAU1 * (m_ - _MU1) ** 2 / 2 - sp.log(_LIK * _PRIOR), m_))
label(GF, _at(GF, r"\propto \exp[-0.5\tau(X-\mu)^2] \exp[-0.5 \tau_0 (\mu-\mu_0)^2]"), "claim", "right",
      "sympy: the normal likelihood times the normal prior, up to factors free of mu", "",
      lambda: _constant_in(sp.log(_DENSITY.subs(y_, X_) * _DENSITY.subs({m_: mu0, tau: tau0}).subs(y_, m_))
                           - sp.log(_LIK * _PRIOR), m_))
label(GF, _at(GF, r"\propto \exp[-0.5(\tau+\tau_0)\mu^2 + (X\tau + \mu_0\tau_0)\mu]"), "claim", "right",
      "sympy: the log-ratio to likelihood times prior does not depend on mu", "",
      lambda: _constant_in(sp.log(_LIK * _PRIOR) - (-(tau + tau0) * m_**2 / 2 + (X_ * tau + mu0 * tau0) * m_), m_))
label(GF, _at(GF, r"\mu | X \sim N(\mu_1,1/\tau_1)"), "claim", "right",
      "sympy: log N(mu; mu1, 1/tau1) minus log(likelihood x prior) does not depend on mu",
      "tau1 = tau + tau0, mu1 = (X tau + mu0 tau0)/(tau + tau0)",
      lambda: _constant_in(-_TAU1 * (m_ - _MU1) ** 2 / 2 - sp.log(_LIK * _PRIOR), m_), pick=r"\mu | X \sim N(\mu_1,1/\tau_1)")
label(GF, _at(GF, r"\mu_1 = w X + (1-w) \mu_0,"), "claim", "right", "sympy: with w = tau/(tau + tau0) it simplifies to mu1",
      "w = tau/(tau + tau0)", lambda: zero(tau / (tau + tau0) * X_ + (1 - tau / (tau + tau0)) * mu0 - _MU1))

AMAT = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
label(GF, _at(GF, r"E(X_j)=\mu_j"), "claim", "right",
      "numpy: E[AZ + mu] = A E[Z] + mu = mu for a random 2 x 3 A and mu (E Z = 0)", "X = AZ + mu, Z_i iid N(0, 1)",
      lambda: arrays_close(RNG.normal(size=(2, 3)) @ np.zeros(3) + np.array([0.3, -1.2]), [0.3, -1.2]), pick=r"E(X_j)=\mu_j")
label(GF, _at(GF, r"cov(X_i,X_j)= \Sigma_{ij}"), "claim", "right",
      "numpy: cov(AZ)_ij = sum_a sum_b A_ia A_jb E[Z_a Z_b] = (A A')_ij with E[Z_a Z_b] = delta_ab", "Sigma = A A'",
      lambda: arrays_close(np.einsum("ia,jb,ab->ij", AMAT, AMAT, np.eye(3)), AMAT @ AMAT.T), pick=r"cov(X_i,X_j)= \Sigma_{ij}")
label(GF, _at(GF, r"X = AZ", 110), "claim", "right", "sympy: A (Z1, Z2, Z3)' = (Z1 + Z2, Z1 + Z3)'", "",
      lambda: list(sp.Matrix(AMAT.astype(int)) * sp.Matrix(sp.symbols("Z1:4"))) == [sp.Symbol("Z1") + sp.Symbol("Z2"),
                                                                                     sp.Symbol("Z1") + sp.Symbol("Z3")],
      pick="X = AZ")
label(GF, _at(GF, r"X \sim N_2 (0,\Sigma)"), "claim", "right", "numpy: the mean A E[Z] is 0 and the covariance is A A'",
      "Sigma = A A'", lambda: arrays_close(AMAT @ np.zeros(3), np.zeros(2)))
label(GF, _at(GF, r"\Sigma = AA' = \begin{pmatrix} 2 &  1 \\ 1 & 2 \end{pmatrix}"), "claim", "right",
      "numpy: A A' = [[2, 1], [1, 2]] exactly", "", lambda: arrays_close(AMAT @ AMAT.T, [[2, 1], [1, 2]]))


def _gf_sum_of_normals() -> bool:
    """The density of theta + e (theta ~ N(1, 7), e ~ N(0, 0.5^2)) by a convolution integral equals N(1, 7 + 0.25)."""
    conv = lambda x: mp.quad(lambda t: mp.npdf(t, 1, mp.sqrt(7)) * mp.npdf(x - t, 0, mp.mpf("0.5")), [-mp.inf, mp.inf])
    return all(abs(conv(x) - mp.npdf(x, 1, mp.sqrt(mp.mpf("7.25")))) < QUAD_TOL for x in (mp.mpf(-2), mp.mpf("0.7"), mp.mpf(4)))


label(GF, _at(GF, r"X_j | \mu,V \sim N(\mu, V+ s_j^2)."), "claim", "right",
      "mpmath: the convolution of N(1, 7) and N(0, 0.25) at x = -2, 0.7, 4 is the N(1, 7.25) density",
      "X_j = theta_j + e_j, e_j ~ N(0, s_j^2) independent of theta_j ~ N(mu, V)", _gf_sum_of_normals)

p_, lam = sp.Symbol("p", positive=True), sp.Symbol("lambda", positive=True)
SAMPLE = [1, 0, 1, 1, 0]
"""A Bernoulli sample for the log-likelihood checks."""
_BERN = sum(sp.log(p_ ** xi * (1 - p_) ** (1 - xi)) for xi in SAMPLE)
POIS = [2, 0, 3]
_POIS = sum(sp.log(sp.exp(-lam) * lam**xi / sp.factorial(xi)) for xi in POIS)
label(GF, _at(GF, r"\ell(p) = \sum X_i\log{p} + (1-X_i)\log(1-p)"), "claim", "right",
      "sympy: equals the log of prod p^X_i (1 - p)^(1 - X_i) for the sample 1, 0, 1, 1, 0 (the sum covers both terms)",
      "X_i in {0, 1}", lambda: zero(sp.expand_log(_BERN, force=True) - sum(xi * sp.log(p_) + (1 - xi) * sp.log(1 - p_)
                                                                             for xi in SAMPLE)))
label(GF, _at(GF, r"\frac{d}{dp}\ell(p) = \sum \frac{X_i}{p} - \frac{(1-X_i)}{1-p} = 0"), "claim", "right",
      "sympy: the derivative is as stated, and '= 0' is the equation solved (it holds at p = X-bar = 3/5)", "p = X-bar",
      lambda: zero(sp.diff(_BERN, p_) - sum(sp.Rational(xi) / p_ - (1 - xi) / (1 - p_) for xi in SAMPLE))
      and sp.diff(_BERN, p_).subs(p_, sp.Rational(3, 5)) == 0)
label(GF, _at(GF, r"\hat{p} = \bar{X}"), "claim", "right", "sympy: the derivative vanishes only at the sample mean 3/5",
      "", lambda: sp.solve(sp.diff(_BERN, p_), p_) == [sp.Rational(3, 5)])
label(GF, _at(GF, r"\frac{d^2}{dp^2} \ell(p) = \sum -\frac{X_i}{p^2}"), "claim", "right",
      "sympy: the second derivative of the sample's log-likelihood", "",
      lambda: zero(sp.diff(_BERN, p_, 2) - sum(-sp.Rational(xi) / p_**2 - (1 - xi) / (1 - p_) ** 2 for xi in SAMPLE)))
label(GF, _at(GF, r"I(p) = E\left[-\frac{d^2}{dp^2}\ell(p)\right] = -\frac{E[X_i]}{p^2}"), "claim", "wrong",
      "sympy: per observation E[-l''] = p/p^2 + (1 - p)/(1 - p)^2 = 1/(p(1 - p)), but the middle expression "
      "-E[X]/p^2 - (1 - E[X])/(1 - p)^2 is -1/(p(1 - p)) (the minus sign of -l'' was not applied)", "E[X_i] = p",
      lambda: zero(-p_ / p_**2 - (1 - p_) / (1 - p_) ** 2 - 1 / (p_ * (1 - p_)))
      and zero(p_ / p_**2 + (1 - p_) / (1 - p_) ** 2 - 1 / (p_ * (1 - p_))))
label(GF, _at(GF, r"\ell(\lambda; X_1,\ldots,X_n) = \sum_{i=1}^n -\lambda + X_i\log(\lambda) + \log(X_i!)"), "claim", "wrong",
      "sympy: the Poisson log-likelihood is sum(-lambda + X_i log lambda - log X_i!); the sample 2, 0, 3 differs by "
      "2 log 2! + 2 log 3! = 2 log 12", "",
      lambda: zero(sp.expand_log(_POIS, force=True) - sum(-lam + xi * sp.log(lam) + sp.log(sp.factorial(xi)) for xi in POIS)))
label(GF, _at(GF, r"\hat{lambda} = \frac{1}{n}\sum_{i=1}^{n}X_i = \bar{X}"), "claim", "right",
      "sympy: the Poisson log-likelihood's derivative vanishes at the sample mean 5/3 (written \\hat{lambda}, a typo)", "",
      lambda: sp.solve(sp.diff(_POIS, lam), lam) == [sp.Rational(5, 3)])
label(GF, _at(GF, r"E[\frac{X}{\lambda^2}] = \frac{1}{\lambda}"), "claim", "right",
      "sympy: -d^2/dlambda^2 (-lambda + X log lambda - log X!) = X/lambda^2 and E[X] = lambda (per observation)", "E[X] = lambda",
      lambda: zero(-sp.diff(-lam + X_ * sp.log(lam), lam, 2) - X_ / lam**2) and zero(lam / lam**2 - 1 / lam))

NONCLAIMS_GF = [
    (r"X \sim N(\mu,\sigma^2)", "definition", "the model", None, 0),
    (r"\tau=1/\sigma^2", "definition", "defines the precision", r"\tau=1/\sigma^2", 0),
    (r"X \sim N(\mu,1/\tau)", "definition", "the model with precision tau", r"X \sim N(\mu,1/\tau)", 0),
    (r"X \sim N(\mu,1/\tau)", "definition", "the single data point", None, 40),
    (r"r=2", "condition", "the bivariate case", None, 0),
    (r"j=1,\dots,n", "condition", "the index range", r"j=1,\dots,n", 156),
    (r"g \in G", "condition", "g in the family G", None, 0),
    (r"Y \sim N(\mu, 1/\tau)", "condition", "Y normal with precision tau", None, 0),
    (r"A = \tau", "definition", "defines A", r"A = \tau", 0),
    (r"B=\tau \mu", "definition", "defines B", r"B=\tau \mu", 0),
    (r"p(y) \propto \exp(-0.5Ay^2 + By)", "condition", "the premise of the completing-the-square rule",
     r"p(y) \propto \exp(-0.5Ay^2 + By)", 0),
    (r"\mu \sim N(\mu_0, 1/\tau_0).", "definition", "the prior", None, 0),
    (r"\tau_1 = \tau+\tau_0", "definition", "defines tau1", r"\tau_1 = \tau+\tau_0", 0),
    (r"\mu_1= (X\tau+\mu_0 \tau_0)/(\tau + \tau_0).", "definition", "defines mu1",
     r"\mu_1= (X\tau+\mu_0 \tau_0)/(\tau + \tau_0).", 0),
    (r"w = \tau/(\tau+\tau_0)", "definition", "defines w", None, 0),
    (r"\tau >> \tau_0", "condition", "precise data", None, 0),
    (r"\tau << \tau_0", "condition", "imprecise data", None, 0),
    (r"X = AZ+\mu", "definition", "the construction", r"X = AZ+\mu", 0),
    (r"\Sigma:=AA'", "definition", "defines Sigma", r"\Sigma:=AA'", 0),
    (r"X \sim N_r(\mu,\Sigma)", "definition", "the notation", r"X \sim N_r(\mu,\Sigma)", 0),
    (r"X_1 = Z_1 + Z_2", "definition", "defines X_1", r"X_1 = Z_1 + Z_2", 0),
    (r"X_2 = Z_1 + Z_3", "definition", "defines X_2", r"X_2 = Z_1 + Z_3", 0),
    (r"A = \begin{pmatrix} 1 & 1 & 0", "definition", "defines A", r"A = \begin{pmatrix} 1 & 1 & 0 \\ 1 & 0 & 1 \end{pmatrix}", 0),
    (r"\Sigma = AA'", "condition", "Sigma can be written as A A'", None, 120),
    (r"\Sigma=AA'", "condition", "A such that Sigma = A A'", None, 0),
    (r"X_j \sim N(\theta_j, s_j^2) \quad", "definition", "the normal means model", None, 0),
    (r"\theta_j \sim N(\mu, V)", "condition", "the normal prior assumed", None, 0),
    (r"X_j = \theta_j + N(0,s_j^2)", "definition", "the model restated", r"X_j = \theta_j + N(0,s_j^2)", 0),
    (r"\theta_j | \mu,V \sim N(\mu,V)", "definition", "the prior restated", r"\theta_j | \mu,V \sim N(\mu,V)", 0),
    (r"V>0", "condition", "V > 0", None, 0),
    (r"\mu=1,V=7", "example", "the simulation's parameters", None, 0),
    (r"L(\theta) = p(X_1,\ldots,X_n;\theta)", "definition", "the likelihood", None, 0),
    (r"\ell(\theta) = \log{L(\theta)}", "definition", "the log-likelihood", None, 0),
    (r"s(\theta) = \frac{d}{d\theta}\ell(\theta)", "definition", "the score", None, 0),
    (r"s(\theta) = 0", "equation", "the score equation, solved for theta", None, 0),
    (r"I(\theta) = E_{\theta}\left[-\frac{d^2}{d\theta^2}\ell(\theta)\right]", "definition", "the Fisher information", None, 0),
]
for snippet, role, note, pick, after in NONCLAIMS_GF:
    nonclaim(GF, _at(GF, snippet, after), role, note, pick=pick)

# ---------------------------------------------------------------- The Annotated Transformer
label(TR, _at(TR, r"q \cdot k = \sum_{i=1}^{d_k} q_ik_i"), "claim", "right",
      "numpy: the dot product of two random 64-vectors is the sum of the products of their components", "",
      lambda: (lambda q, k: abs(q @ k - sum(q[i] * k[i] for i in range(64))) <= TOL * 64)(RNG.normal(size=64),
                                                                                             RNG.normal(size=64)))
label(TR, _at(TR, r"d_k=d_v=d_{\text{model}}/h=64"), "claim", "right", "exact: d_model/h = 512/8 = 64",
      "d_model = 512, h = 8", lambda: 512 / 8 == 64, pick=r"d_k=d_v=d_{\text{model}}/h=64")

NONCLAIMS_TR = [
    (r"\mathbf{z} = (z_1, ..., z_n)", "definition", "the encoder's output", None, 0),
    (r"N=6", "definition", "six encoder layers", None, 0),
    (r"d_{\text{model}}=512", "definition", "the model dimension", None, 0),
    (r"N=6", "definition", "six decoder layers", None, 40),
    (r"\mathrm{Attention}(Q, K, V) = \mathrm{softmax}", "definition", "scaled dot-product attention", None, 0),
    (r"\mathrm{MultiHead}(Q, K, V)", "definition", "multi-head attention", None, 0),
    (r"W^Q_i \in", "definition", "the shape of W^Q_i", r"W^Q_i \in \mathbb{R}^{d_{\text{model}} \times d_k}", 0),
    (r"W^K_i \in", "definition", "the shape of W^K_i", r"W^K_i \in \mathbb{R}^{d_{\text{model}} \times d_k}", 0),
    (r"W^V_i \in", "definition", "the shape of W^V_i", r"W^V_i \in \mathbb{R}^{d_{\text{model}} \times d_v}", 0),
    (r"W^O \in", "definition", "the shape of W^O", r"W^O \in \mathbb{R}^{hd_v \times d_{\text{model}}}", 0),
    (r"h=8", "definition", "eight heads", "h=8", 0),
    (r"\mathrm{FFN}(x)=\max(0, xW_1 + b_1) W_2 + b_2", "definition", "the feed-forward network", None, 0),
    (r"d_{\text{model}}=512", "definition", "the model dimension", r"d_{\text{model}}=512", 90),
    (r"d_{ff}=2048", "definition", "the inner dimension", r"d_{ff}=2048", 0),
    (r"PE_{(pos,2i)}", "definition", "the even positional encodings", None, 0),
    (r"PE_{(pos,2i+1)}", "definition", "the odd positional encodings", None, 0),
    (r"P_{drop}=0.1", "definition", "the dropout rate", None, 0),
    (r"\beta_1=0.9", "definition", "Adam's beta_1", r"\beta_1=0.9", 0),
    (r"\beta_2=0.98", "definition", "Adam's beta_2", r"\beta_2=0.98", 0),
    (r"\epsilon=10^{-9}", "definition", "Adam's epsilon", r"\epsilon=10^{-9}", 0),
    (r"lrate = d_{\text{model}}^{-0.5}", "definition", "the learning-rate schedule", None, 0),
    (r"warmup\_steps=4000", "definition", "the warm-up", None, 0),
    (r"\epsilon_{ls}=0.1", "definition", "the label smoothing", None, 0),
]
for snippet, role, note, pick, after in NONCLAIMS_TR:
    nonclaim(TR, _at(TR, snippet, after), role, note, pick=pick)


def _latex(entry) -> str:
    """The block an entry names (round 3's block finder; of several on a line, the one that states a relation, a
    membership or a law)."""
    from check_labels import block_on_line
    from check_labels_round3 import _blocks
    return block_on_line(entry, _blocks((HERE / entry["file"]).read_text(encoding="utf-8"), False))


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
