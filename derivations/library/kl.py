r"""KL divergence: nonnegativity (Gibbs), the Gaussian closed form, equality,
infinite values and asymmetry.

$D(P \| Q) = \sum_k p_k \log(p_k / q_k) = -\mathbb{E}_P[\log(Q/P)]$; nonnegativity
follows from $\log t \le t - 1$ applied termwise (Gibbs' inequality).
"""
from sympy import IndexedBase, Rational, S, Sum, Symbol, exp, log, oo, pi, sqrt, symbols

from derivations.checker.step import Derivation, Step, chain
from symbolic.domains import Probability, Simplex

from derivations.library import register

p, q = symbols("p q", positive=True)
t = Symbol("t", positive=True)
OPEN = {p: Probability(closed=False), q: Probability(closed=False)}


def kl_bernoulli(a, b):
    return a * log(a / b) + (1 - a) * log((1 - a) / (1 - b))


register(Derivation(
    id="kl_nonnegative_bernoulli",
    title=r"$D(\mathrm{Ber}(p) \| \mathrm{Ber}(q)) \ge 0$ via $\log t \le t - 1$",
    catalog_id="kl_divergence",
    source="KL divergence",
    steps=(
        Step(log(t), t - 1, "<=", "log is concave; its tangent at t = 1 is t - 1"),
        *chain(
            kl_bernoulli(p, q),
            ("=", -(p * log(q / p) + (1 - p) * log((1 - q) / (1 - p))), "log(a/b) = -log(b/a)"),
            (">=", -(p * (q / p - 1) + (1 - p) * ((1 - q) / (1 - p) - 1)),
             "log t <= t - 1 termwise, weights p, 1 - p >= 0"),
            ("=", S.Zero, "q - p + (1 - q) - (1 - p) = 0"),
            domains=OPEN,
        ),
        Step(kl_bernoulli(p, q), S.Zero, ">=", "the chain above, end to end", domains=OPEN,
             note=r"seed: D_{KL}(P || Q) = -E_{P(X)}[\log Q(X)/P(X)] \ge 0"),
    ),
))

K = Symbol("K", integer=True, positive=True)
k = Symbol("k", integer=True, nonnegative=True)
P, Q = IndexedBase("p", positive=True), IndexedBase("q", positive=True)
SIZES = ({K: 2}, {K: 3}, {K: 5})
SIMPLICES = {P: Simplex(interior=True), Q: Simplex(interior=True)}


def total(e):
    return Sum(e, (k, 0, K - 1))


kl_categorical = total(P[k] * log(P[k] / Q[k]))

register(Derivation(
    id="kl_nonnegative_categorical",
    title=r"$D(P \| Q) = \sum_k p_k \log(p_k / q_k) \ge 0$ (Gibbs' inequality)",
    catalog_id="kl_divergence",
    source="KL divergence",
    notes="p and q are strictly positive probability vectors (the interior of the simplex).",
    steps=(
        *chain(
            kl_categorical,
            ("=", -total(P[k] * log(Q[k] / P[k])), "log(a/b) = -log(b/a)"),
            (">=", -total(P[k] * (Q[k] / P[k] - 1)), "log t <= t - 1 termwise, weights p_k >= 0"),
            ("=", total(P[k]) - total(Q[k]), "p_k (q_k / p_k - 1) = q_k - p_k"),
            ("=", S.Zero, "both sum to 1"),
            domains=SIMPLICES, sizes=SIZES,
        ),
        Step(kl_categorical, -total(P[k] * log(Q[k] / P[k])),
             justification="KL as minus the expected log ratio", domains=SIMPLICES, sizes=SIZES,
             note=r"seed: D_{KL}(P || Q) = -E_{P(X)}[\log Q(X)/P(X)]"),
        Step(kl_categorical, S.Zero, ">=", "Gibbs' inequality, end to end", domains=SIMPLICES, sizes=SIZES,
             note=r"seed: D_{KL}(P || Q) \ge 0, provable through Gibbs' inequality"),
    ),
))

x = Symbol("x", real=True)
mu1, mu2 = symbols("mu1 mu2", real=True)
s1, s2 = symbols("sigma1 sigma2", positive=True)


def gaussian_density(at, mu, sigma):
    return exp(-(at - mu) ** 2 / (2 * sigma ** 2)) / sqrt(2 * pi * sigma ** 2)


def kl_gaussian(m1, v1, m2, v2):
    r"""$D(\mathcal N(m_1, v_1^2) \| \mathcal N(m_2, v_2^2))$ in closed form."""
    return log(v2 / v1) + (v1 ** 2 + (m1 - m2) ** 2) / (2 * v2 ** 2) - Rational(1, 2)


GAUSS_KL = kl_gaussian(mu1, s1, mu2, s2)
E_x, E_x2 = mu1, s1 ** 2 + mu1 ** 2  # first two moments of x under P = N(mu1, sigma1^2)
ratio = s1 ** 2 / s2 ** 2

register(Derivation(
    id="kl_gaussian_closed_form",
    title=r"$D(\mathcal N(\mu_1, \sigma_1^2) \| \mathcal N(\mu_2, \sigma_2^2)) = "
          r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac12 \ge 0$",
    catalog_id="kl_divergence",
    source="textbook",
    notes="The expectation step uses linearity and the moments E[x] = mu1, E[x^2] = sigma1^2 + mu1^2 under P; "
          "diffusion_gaussian_kl checks the same closed form against the integral itself.",
    steps=(
        Step(log(gaussian_density(x, mu1, s1) / gaussian_density(x, mu2, s2)),
             log(s2 / s1) - (x - mu1) ** 2 / (2 * s1 ** 2) + (x - mu2) ** 2 / (2 * s2 ** 2),
             justification="log of the ratio of the two densities"),
        Step(log(s2 / s1) - (E_x2 - 2 * mu1 * E_x + mu1 ** 2) / (2 * s1 ** 2)
             + (E_x2 - 2 * mu2 * E_x + mu2 ** 2) / (2 * s2 ** 2),
             GAUSS_KL,
             justification="E_P of the log ratio: expand the squares, E[x] = mu1, E[x^2] = sigma1^2 + mu1^2"),
        *chain(
            GAUSS_KL,
            ("=", (ratio - 1 - log(ratio)) / 2 + (mu1 - mu2) ** 2 / (2 * s2 ** 2),
             "regroup with r = sigma1^2 / sigma2^2; log(sigma2/sigma1) = -log(r)/2"),
            (">=", (mu1 - mu2) ** 2 / (2 * s2 ** 2), "log r <= r - 1"),
            (">=", S.Zero, "a square over a positive number"),
        ),
    ),
))

register(Derivation(
    id="kl_zero_iff_equal",
    title=r"$D(P \| P) = 0$, and $D(P \| Q) = 0$ only if $P = Q$",
    catalog_id="kl_divergence",
    source="textbook",
    notes="The 'only if' direction for Bernoullis is Pinsker's inequality D >= 2 (p - q)^2 (in nats).",
    steps=(
        Step(total(P[k] * log(P[k] / P[k])), S.Zero, justification="log 1 = 0 termwise",
             domains=SIMPLICES, sizes=SIZES),
        Step(kl_bernoulli(p, p), S.Zero, justification="log 1 = 0", domains=OPEN),
        Step(kl_gaussian(mu1, s1, mu1, s1), S.Zero, justification="closed form at equal parameters"),
        Step(kl_bernoulli(p, q), 2 * (p - q) ** 2, ">=", "Pinsker: D >= 2 TV^2, TV = |p - q|", domains=OPEN),
    ),
))

register(Derivation(
    id="kl_infinite_support",
    title=r"$D(P \| Q) = +\infty$ when $Q$ vanishes where $P$ does not",
    catalog_id="kl_divergence",
    source="textbook",
    notes="Limits in the second argument q -> 0+ (with p > 0) and, for contrast, in the first p -> 0+ "
          "(finite, with the 0 log 0 = 0 convention).",
    steps=(
        Step(p * log(p / q), oo, "->", "p > 0 fixed, q -> 0+", variable=q, point=S.Zero, domains=OPEN),
        Step(kl_bernoulli(p, q), oo, "->", "q -> 0+ while p > 0", variable=q, point=S.Zero, domains=OPEN),
        Step(kl_bernoulli(p, q), -log(1 - q), "->", "p -> 0+: P vanishing where Q does not is harmless",
             variable=p, point=S.Zero, domains=OPEN),
    ),
))

register(Derivation(
    id="kl_asymmetry",
    title=r"$D(P \| Q) \ne D(Q \| P)$ in general",
    catalog_id="kl_divergence",
    source="textbook",
    notes="Not a seed claim: a common misreading, refuted by two Bernoullis; the symmetric sum (Jeffreys "
          "divergence) has the closed form below.",
    steps=(
        Step(kl_bernoulli(p, q), kl_bernoulli(q, p), justification="KL is not symmetric", expect="fails",
             domains=OPEN, note="common misreading: KL is a symmetric distance"),
        Step(kl_bernoulli(p, q) + kl_bernoulli(q, p), (p - q) * log(p * (1 - q) / (q * (1 - p))),
             justification="symmetrized (Jeffreys) divergence", domains=OPEN),
        Step(kl_bernoulli(p, q), kl_bernoulli(1 - p, 1 - q), justification="relabelling the two outcomes",
             domains=OPEN),
    ),
))
