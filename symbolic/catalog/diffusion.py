r"""Diffusion model (DDPM): forward and reverse Gaussian log-densities and the VLB integrand.

Written with $\log \mathcal{N}(x; m, v) = -\frac{(x - m)^2}{2v} - \frac{1}{2}\log(2\pi v)$ per coordinate:

.. math::
    \log q(x_t \mid x_{t-1}) = \sum_{k} \left[-\frac{(x_{t,k} - \sqrt{1-\beta_t}\,x_{t-1,k})^2}{2\beta_t}
        - \frac{1}{2}\log(2\pi\beta_t)\right].
"""
from sympy import IndexedBase, Sum, Symbol, exp, log, pi, sqrt, symbols

from symbolic.domains import Interval, Positive, Real
from symbolic.record import Definition, Discrepancy, Formula, Output, Var
from symbolic.references import diffusion as ref
from symbolic.registry import register

d, T = symbols("d T", integer=True, positive=True)
k, t = symbols("k t", integer=True, nonnegative=True)
x_t, x_prev = IndexedBase("x_t", real=True), IndexedBase("x_prev", real=True)
beta = Symbol("beta", positive=True)
BETA = Interval(0.0, 1.0)
SIZES = ({d: 1}, {d: 2}, {d: 3}, {d: 6})


def log_normal(value, mean, var):
    r"""$\log \mathcal{N}(value; mean, var)$ of one coordinate."""
    return -(value - mean) ** 2 / (2 * var) - log(2 * pi * var) / 2


sq = Symbol("r^2")
register(Formula(
    id="diffusion_forward",
    title="Diffusion forward step q(x_t | x_{t-1}): log-density and density",
    section="diffusion",
    source="Diffusion Model / Forward Process",
    outputs=(
        Output(Symbol("log_q"), Sum(log_normal(x_t[k], sqrt(1 - beta) * x_prev[k], beta), (k, 0, d - 1))),
        Output(Symbol("q"), (2 * pi * beta) ** (-d / 2) * exp(-sq / (2 * beta))),
    ),
    definitions=(Definition(sq, Sum((x_t[k] - sqrt(1 - beta) * x_prev[k]) ** 2, (k, 0, d - 1))),),
    variables=(
        Var(x_t, Real(), (d,), "x_t, the noisier sample"),
        Var(x_prev, Real(), (d,), "x_{t-1}"),
        Var(beta, BETA, (), "noise variance beta_t of step t"),
    ),
    sizes=SIZES,
    reference=ref.diffusion_forward,
    notes="q(x_t | x_{t-1}) = N(x_t; sqrt(1 - beta_t) x_{t-1}, beta_t I) in d dimensions; log_q is the sum "
          "of d one-dimensional Gaussian log-densities, q = (2 pi beta)^(-d/2) exp(-r^2 / (2 beta)) with "
          "r^2 = ||x_t - sqrt(1 - beta) x_{t-1}||^2. Composing steps gives the marginal "
          "q(x_t | x_0) = N(sqrt(alpha_bar_t) x_0, (1 - alpha_bar_t) I) (derivation diffusion_marginal).",
))

mu, Sigma = IndexedBase("mu", real=True), IndexedBase("Sigma", positive=True)
register(Formula(
    id="diffusion_reverse",
    title="Diffusion reverse step p_theta(x_{t-1} | x_t): log-density",
    section="diffusion",
    source="Diffusion Model / Reverse Process",
    outputs=(Output(Symbol("log_p"), Sum(log_normal(x_prev[k], mu[k], Sigma[k]), (k, 0, d - 1))),),
    variables=(
        Var(x_prev, Real(), (d,), "x_{t-1}"),
        Var(mu, Real(), (d,), "mu_theta(x_t, t), the network's mean"),
        Var(Sigma, Positive(), (d,), "diagonal of Sigma_theta(x_t, t), the variances"),
    ),
    sizes=SIZES,
    reference=ref.diffusion_reverse,
    notes="p_theta(x_{t-1} | x_t) = N(x_{t-1}; mu_theta(x_t, t), Sigma_theta(x_t, t)) with diagonal "
          "Sigma_theta, as in DDPM (which fixes Sigma_theta = sigma_t^2 I); mu and Sigma are the network's "
          "outputs at (x_t, t), taken here as inputs. A full covariance would add a log-determinant and "
          "a quadratic form. The KL between the forward posterior and this step is derivation "
          "diffusion_gaussian_kl.",
))

x = IndexedBase("x", real=True)
betas, a, s = IndexedBase("beta", positive=True), IndexedBase("a", real=True), IndexedBase("s", positive=True)
log_q, log_p = Symbol(r"\log q"), Symbol(r"\log p_\theta")
register(Formula(
    id="diffusion_vlb",
    title="Diffusion variational bound: the integrand log q(x_{1:T}|x_0) - log p_theta(x_{0:T})",
    section="diffusion",
    source="Diffusion Model / Loss(VLB)",
    outputs=(Output(Symbol("ell"), log_q - log_p),),
    definitions=(
        Definition(log_q, Sum(log_normal(x[t + 1], sqrt(1 - betas[t]) * x[t], betas[t]), (t, 0, T - 1))),
        Definition(log_p, log_normal(x[T], 0, 1)
                   + Sum(log_normal(x[t], a[t] * x[t + 1], s[t] ** 2), (t, 0, T - 1))),
    ),
    variables=(
        Var(x, Real(), (T + 1,), "a trajectory x_0, ..., x_T of scalars"),
        Var(betas, BETA, (T,), "beta[t]: variance of the forward step x_t -> x_{t+1}"),
        Var(a, Real(), (T,), "a[t]: reverse step x_{t+1} -> x_t has mean a[t] x_{t+1}"),
        Var(s, Positive(), (T,), "s[t]: standard deviation of that reverse step"),
    ),
    sizes=({T: 1}, {T: 2}, {T: 3}),
    reference=ref.diffusion_vlb,
    discrepancies=(
        Discrepancy("notation", r"L = \mathbb{E}{q(x{0:T})}[\ldots]",
                    r"L = \mathbb{E}_{q(x_{0:T})}[\ldots] (subscripts lost their underscores)"),
    ),
    notes="ell is the integrand of the seed's L = E_q(x_{0:T})[log q(x_{1:T}|x_0) / p_theta(x_{0:T})], "
          "which is correct: L is the expectation of ell over q(x_0) q(x_{1:T}|x_0), and "
          "L >= E_q[-log p_theta(x_0)] (the variational bound). Here q(x_{1:T}|x_0) = prod_t "
          "N(x_t; sqrt(1 - beta_t) x_{t-1}, beta_t) and p_theta(x_{0:T}) = N(x_T; 0, 1) prod_t "
          "N(x_{t-1}; a_t x_t, s_t^2), on a chain of T scalar steps. Sums run over 0-based steps "
          "t in [0, T-1] between x_t and x_{t+1}, so beta[t], a[t], s[t] are DDPM's beta_{t+1}, "
          "a_{t+1}, s_{t+1}.",
))
