r"""Diffusion: the forward marginal $q(x_t | x_0) = \mathcal N(\sqrt{\bar\alpha_t} x_0, (1 - \bar\alpha_t) I)$
and the Gaussian KL used in the variational bound.

Two forward steps $x_1 = \sqrt{1-\beta_1} x_0 + \sqrt{\beta_1}\epsilon_1$,
$x_2 = \sqrt{1-\beta_2} x_1 + \sqrt{\beta_2}\epsilon_2$ with independent
standard normal noise: the mean is the coefficient of $x_0$, the variance the
sum of the squared noise coefficients.
"""
from sympy import Integral, S, Symbol, expand, log, oo, sqrt, symbols

from derivations.checker.step import Derivation, Step
from symbolic.domains import Interval

from derivations.library import register
from derivations.library.kl import gaussian_density, kl_gaussian

b1, b2, bt = symbols("beta1 beta2 beta_t", positive=True)
abar_prev = Symbol("abar_prev", positive=True)  # \bar\alpha_{t-1}
x0, e1, e2 = symbols("x0 epsilon1 epsilon2", real=True)
UNIT = Interval(0.0, 1.0)
BETAS = {b1: UNIT, b2: UNIT, bt: UNIT, abar_prev: UNIT}

x1 = sqrt(1 - b1) * x0 + sqrt(b1) * e1
x2 = sqrt(1 - b2) * x1 + sqrt(b2) * e2
abar2 = (1 - b1) * (1 - b2)
SEED_FWD = r"seed: q(x_t|x_{t-1}) = \mathcal{N}(x_t; \sqrt{1-\beta_t}x_{t-1}, \beta_t\mathbf{I})"

register(Derivation(
    id="diffusion_marginal",
    title=r"$q(x_t \mid x_0) = \mathcal N(\sqrt{\bar\alpha_t}\, x_0, (1 - \bar\alpha_t) I)$, "
          r"$\bar\alpha_t = \prod_{s \le t} (1 - \beta_s)$",
    catalog_id="diffusion_forward",
    source="Forward Process",
    notes="Steps 1-3 compose two forward steps; steps 4-5 are the induction step t-1 -> t with "
          "abar_t = abar_{t-1} (1 - beta_t). Independence of the noises is what lets variances add.",
    steps=(
        Step(x2, sqrt(abar2) * x0 + sqrt(1 - b2) * sqrt(b1) * e1 + sqrt(b2) * e2,
             justification="substitute x1 and expand", domains=BETAS, note=SEED_FWD),
        Step(sqrt(1 - b2) * sqrt(1 - b1), sqrt(abar2), justification="mean: coefficient of x0",
             domains=BETAS),
        Step((sqrt(1 - b2) * sqrt(b1)) ** 2 + sqrt(b2) ** 2, 1 - abar2,
             justification="variance: sum of squared coefficients of independent unit noises", domains=BETAS),
        Step(sqrt(1 - bt) * sqrt(abar_prev), sqrt(abar_prev * (1 - bt)),
             justification="induction, mean: sqrt(1 - beta_t) sqrt(abar_{t-1}) = sqrt(abar_t)", domains=BETAS),
        Step((1 - bt) * (1 - abar_prev) + bt, 1 - abar_prev * (1 - bt),
             justification="induction, variance: (1 - beta_t)(1 - abar_{t-1}) + beta_t = 1 - abar_t",
             domains=BETAS),
    ),
))

x = Symbol("x", real=True)
mu1, mu2 = symbols("mu1 mu2", real=True)
s1, s2 = symbols("sigma1 sigma2", positive=True)
p = gaussian_density(x, mu1, s1)
q = gaussian_density(x, mu2, s2)
log_ratio = log(s2 / s1) - (x - mu1) ** 2 / (2 * s1 ** 2) + (x - mu2) ** 2 / (2 * s2 ** 2)
LINE = (x, -oo, oo)
t = Symbol("t", real=True)
standard_normal = gaussian_density(t, 0, 1)

register(Derivation(
    id="diffusion_gaussian_kl",
    title=r"$\int \mathcal N(x; \mu_1, \sigma_1^2) \log\frac{\mathcal N(x; \mu_1, \sigma_1^2)}"
          r"{\mathcal N(x; \mu_2, \sigma_2^2)}\,dx = \log\frac{\sigma_2}{\sigma_1} "
          r"+ \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac12$",
    catalog_id="diffusion_vlb",
    source="textbook",
    notes="Each term of the VLB compares two Gaussians (the forward posterior and p_theta), "
          "so it has this closed form. The end-to-end step integrates in the standardized variable "
          "t = (x - mu1) / sigma1, with the integrand expanded into Gaussian moments: sympy integrates "
          "that in under a second, the unexpanded integrand over x in 5-10 s.",
    steps=(
        Step(log(p / q), log_ratio, justification="log of the ratio of the densities"),
        Step(Integral(p, LINE), S.One, justification="the density is normalized", weight=3.0),
        Step(Integral(p * (x - mu1) ** 2, LINE), s1 ** 2, justification="variance under P", weight=3.0),
        Step(Integral(p * (x - mu2) ** 2, LINE), s1 ** 2 + (mu1 - mu2) ** 2, weight=3.0,
             justification="second moment about mu2: variance plus squared bias"),
        Step(log(s2 / s1) * Integral(p, LINE) - Integral(p * (x - mu1) ** 2, LINE) / (2 * s1 ** 2)
             + Integral(p * (x - mu2) ** 2, LINE) / (2 * s2 ** 2), kl_gaussian(mu1, s1, mu2, s2),
             justification="linearity: integrate the log ratio term by term, using the three integrals above",
             weight=3.0),
        Step(Integral(expand(standard_normal * log_ratio.xreplace({x: mu1 + s1 * t})), (t, -oo, oo)),
             kl_gaussian(mu1, s1, mu2, s2),
             justification="E_P[log p/q] end to end (log ratio from the first step), x = mu1 + sigma1 t, t ~ N(0, 1)",
             weight=3.0),
    ),
))
