r"""The expectation of a function of one variable under its stated law, written as the integral or sum it is.

After ``X \sim D(\theta)`` the law's table (:mod:`readers.notes.laws`) gives the mean, the variance and the
m.g.f.; any other expectation of a function of ``X`` alone, ``\mathbb{E}[-\log U]`` after
``U \sim \mathrm{Uniform}(0, 1)``, ``\mathbb{E}[X^3]``, ``\mathbb{E}[|X - \mu|]``, was no moment the table holds and
the claim stayed undecided.  It is the integral (the sum, for a law on the integers) of the function against the
law's density in the standard parametrisation,

.. math:: \mathbb{E}[g(X)] = \int_{\operatorname{supp}} g(x)\, p_\theta(x)\,dx
          \qquad \Bigl(\sum_{k \in \operatorname{supp}} g(k)\, p_\theta(k)\Bigr),

which the step checker decides as any integral (exactly, or by quadrature at sampled parameters):

=========================================  ===============================================  ====================
family                                     density                                          support
=========================================  ===============================================  ====================
``Bernoulli(p)``                           :math:`p^k (1-p)^{1-k}`                          :math:`k \in \{0, 1\}`
``Binomial(n, p)``                         :math:`\binom{n}{k} p^k (1-p)^{n-k}`              :math:`0 \le k \le n`
``Poisson(\lambda)``                       :math:`\lambda^k e^{-\lambda} / k!`               :math:`k \ge 0`
``Uniform(a, b)``                          :math:`1 / (b - a)`                               :math:`(a, b)`
``\mathcal{N}(\mu, \sigma^2)``             :math:`e^{-(x-\mu)^2/2\sigma^2} / \sqrt{2\pi\sigma^2}`  :math:`\mathbb{R}`
``Exponential(\lambda)``                   :math:`\lambda e^{-\lambda x}`                    :math:`(0, \infty)`
``Gamma(a, b)`` (shape, rate)              :math:`b^a x^{a-1} e^{-bx} / \Gamma(a)`         :math:`(0, \infty)`
``Laplace(\mu, b)``                        :math:`e^{-|x-\mu|/b} / 2b`                       :math:`\mathbb{R}`
``Beta(\alpha, \beta)``                    :math:`x^{\alpha-1}(1-x)^{\beta-1} / B(\alpha, \beta)`  :math:`(0, 1)`
=========================================  ===============================================  ====================
"""
from __future__ import annotations

import sympy as sp

_DISCRETE = {"Bernoulli", "Ber", "Bern", "Binomial", "B", "Bin", "Poisson", "Pois", "Poiss"}


def expectation(law, g, x) -> sp.Expr | None:
    """``E[g(X)]`` under ``law`` (a :class:`readers.notes.laws.Law`), ``g`` written in the dummy ``x``; None for a law
    without a density here (a discrete uniform, a family not in the table)."""
    family, args = law.family, law.args
    k = sp.Dummy("k", integer=True, nonnegative=True)
    if family in _DISCRETE:
        gk = g.xreplace({x: k})
        if family in ("Bernoulli", "Ber", "Bern") and len(args) == 1:
            (p,) = args
            return (1 - p) * g.xreplace({x: 0}) + p * g.xreplace({x: 1})
        if family in ("Binomial", "B", "Bin") and len(args) == 2:
            n, p = args
            return sp.Sum(gk * sp.binomial(n, k) * p ** k * (1 - p) ** (n - k), (k, 0, n))
        if family in ("Poisson", "Pois", "Poiss") and len(args) == 1:
            (lam,) = args
            return sp.Sum(gk * lam ** k * sp.exp(-lam) / sp.factorial(k), (k, 0, sp.oo))
        return None
    found = _density(family, args, x, law)
    if found is None:
        return None
    density, lo, hi = found
    return sp.Integral(g * density, (x, lo, hi))


def _density(family, args, x, law):
    n = len(args)
    if family in ("U", "Uniform", "Unif") and n == 2:
        a, b = args
        return 1 / (b - a), a, b
    if family in ("N", "Normal", "Gaussian") and n == 2:  # the law's own mean and variance: either parametrisation
        mu, var = law.mean, law.variance
        return sp.exp(-(x - mu) ** 2 / (2 * var)) / sp.sqrt(2 * sp.pi * var), -sp.oo, sp.oo
    if family in ("Exponential", "Exp", "Expon") and n == 1:  # the rate from the law's mean: either reading
        lam = 1 / law.mean
        return lam * sp.exp(-lam * x), sp.S.Zero, sp.oo
    if family in ("Gamma", "Ga") and n == 2:  # shape and rate from the law's mean and variance: either reading
        shape, rate = law.mean ** 2 / law.variance, law.mean / law.variance
        return rate ** shape * x ** (shape - 1) * sp.exp(-rate * x) / sp.gamma(shape), sp.S.Zero, sp.oo
    if family == "Laplace" and n == 2:
        mu, b = args
        return sp.exp(-sp.Abs(x - mu) / b) / (2 * b), -sp.oo, sp.oo
    if family in ("Beta", "Bet") and n == 2:
        a, b = args
        return x ** (a - 1) * (1 - x) ** (b - 1) / sp.beta(a, b), sp.S.Zero, sp.S.One
    return None
