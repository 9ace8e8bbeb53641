r"""Named densities written at their variable and parameters, as Stan and Bayesian textbooks write them:
``\textrm{beta}(\theta \mid \alpha, \beta)``, ``\mathrm{Bernoulli}(y \mid \theta)``, ``\mathcal{N}(x \mid \mu,
\sigma^2)``, the Beta function ``\mathrm{B}(a, b)``, and Euler's integrals that normalise them.

The name and the bar fix what the application is: the family's density (or mass function) at the variable, so a
claim about it is mathematics, not a relation between unknown functions.  Each family is read in every
parametrisation in common use, and the caller checks the claim in each reading: it is refuted only when it fails in
all of them, confirmed when it holds in all, ambiguous otherwise.

=========================================  ======================================================  ======================
family (as written, any case)              density                                                 readings
=========================================  ======================================================  ======================
``bernoulli(y | p)``, ``Bern``             :math:`p^y (1-p)^{1-y}`                                 one
``binomial(y | n, p)``, ``Bin``            :math:`\binom{n}{y} p^y (1-p)^{n-y}`                    one
``poisson(y | \lambda)``, ``Pois``         :math:`\lambda^y e^{-\lambda} / y!`                     one
``beta(x | a, b)``                         :math:`x^{a-1}(1-x)^{b-1} / \mathrm{B}(a, b)`           one
``gamma(x | a, b)``, ``Ga``                :math:`b^a x^{a-1} e^{-bx}/\Gamma(a)`, or ``b`` a scale  rate, scale
``exponential(x | \lambda)``, ``Exp``      :math:`\lambda e^{-\lambda x}`, or ``\lambda`` a scale  rate, scale
``normal(x | \mu, s)``, ``\mathcal{N}``    :math:`e^{-(x-\mu)^2/(2s^2)}/(s\sqrt{2\pi})`, or ``s``   sd, variance
                                           the variance
=========================================  ======================================================  ======================

The parameters' domains (``0 < p < 1``, ``a, b > 0``, a positive scale) and the support of a continuous variable
(``0 < x < 1`` for beta, ``x > 0`` for gamma and exponential) are conditions of each reading, so a counterexample
is a point where every application is a density.  ``\mathrm{B}(a, b)`` with an upright ``B`` is Euler's Beta function
:math:`\Gamma(a)\Gamma(b)/\Gamma(a+b) = \int_0^1 t^{a-1}(1-t)^{b-1}\,dt`, read where that integral converges
(:math:`a, b > 0`).

Euler's integrals with symbolic exponents, which sympy's integrator does not close within a claim's budget and its
quadrature evaluates slowly, are read in closed form where they converge (that region is a condition of the reading):

.. math:: \int_0^1 c\,t^{p}(1-t)^{q}\,dt = c\,\frac{\Gamma(p+1)\Gamma(q+1)}{\Gamma(p+q+2)} \quad (p, q > -1), \qquad
          \int_0^\infty c\,t^{p}e^{-bt}\,dt = c\,\frac{\Gamma(p+1)}{b^{p+1}} \quad (p > -1,\ b > 0).
"""
from __future__ import annotations

import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.parse import Given

_SPELLED = re.compile(r"^\\(?:textrm|mathrm|operatorname|text|mathcal|rm|mathsf)\{(\w+)\}$")
_ALIASES = {"bern": "bernoulli", "bin": "binomial", "pois": "poisson", "ga": "gamma", "exp": "exponential",
            "expon": "exponential", "n": "normal", "gaussian": "normal"}
_UPRIGHT_B = re.compile(r"\\(?:mathrm|operatorname|textrm|text|rm)\s*\{\s*B\s*\}")
"""The Beta function's upright ``B``."""


def _sd_normal(x, m, s):
    return sp.exp(-(x - m) ** 2 / (2 * s ** 2)) / (s * sp.sqrt(2 * sp.pi))


def _variance_normal(x, m, v):
    return sp.exp(-(x - m) ** 2 / (2 * v)) / sp.sqrt(2 * sp.pi * v)


def _positive(*e):
    return [sp.StrictGreaterThan(a, 0) for a in e]


def _unit(*e):
    return [r for a in e for r in (sp.StrictGreaterThan(a, 0), sp.StrictLessThan(a, 1))]


FAMILIES = {
    "bernoulli": (1, [("", lambda y, p: p ** y * (1 - p) ** (1 - y), lambda y, p: _unit(p))]),
    "binomial": (2, [("", lambda y, n, p: sp.binomial(n, y) * p ** y * (1 - p) ** (n - y),
                      lambda y, n, p: _unit(p) + _positive(n))]),
    "poisson": (1, [("", lambda y, lam: lam ** y * sp.exp(-lam) / sp.factorial(y), lambda y, lam: _positive(lam))]),
    "beta": (2, [("", lambda x, a, b: x ** (a - 1) * (1 - x) ** (b - 1) * sp.gamma(a + b) / (sp.gamma(a) * sp.gamma(b)),
                  lambda x, a, b: _positive(a, b) + _unit(x))]),
    "gamma": (2, [("the second parameter of gamma a rate",
                   lambda x, a, b: b ** a * x ** (a - 1) * sp.exp(-b * x) / sp.gamma(a),
                   lambda x, a, b: _positive(a, b, x)),
                  ("the second parameter of gamma a scale",
                   lambda x, a, b: x ** (a - 1) * sp.exp(-x / b) / (sp.gamma(a) * b ** a),
                   lambda x, a, b: _positive(a, b, x))]),
    "exponential": (1, [("the parameter of exponential a rate", lambda x, lam: lam * sp.exp(-lam * x),
                         lambda x, lam: _positive(lam, x)),
                        ("the parameter of exponential a scale", lambda x, lam: sp.exp(-x / lam) / lam,
                         lambda x, lam: _positive(lam, x))]),
    "normal": (2, [("the second parameter of normal a standard deviation", _sd_normal, lambda x, m, s: _positive(s)),
                   ("the second parameter of normal a variance", _variance_normal, lambda x, m, v: _positive(v))]),
}
"""family: (number of parameters, [(reading, density(x, *parameters), conditions(x, *parameters))])."""


def family(f) -> str | None:
    """The family a function application names when it is written ``name(x | parameters)`` with the family's number
    of parameters, else None."""
    if not isinstance(f, AppliedUndef) or len(f.args) != 2 or not isinstance(f.args[1], Given):
        return None
    name = f.func.__name__
    spelled = _SPELLED.match(name)
    name = (spelled.group(1) if spelled else name).lower()
    name = _ALIASES.get(name, name)
    if name not in FAMILIES or len(f.args[1].args) != FAMILIES[name][0]:
        return None
    return name  # \textrm{beta} and a plain beta(θ | a, b) alike: a bar never follows a Greek γ(t), β(t)


def _applications(exprs) -> list:
    return sorted({f for e in exprs for f in e.atoms(AppliedUndef) if family(f) is not None}, key=str)


def beta_functions(exprs, latex: str) -> dict:
    r"""``{B(a, b): Gamma(a) Gamma(b) / Gamma(a + b)}`` for the two-argument ``B`` the block writes upright."""
    if not _UPRIGHT_B.search(latex):
        return {}
    return {f: sp.gamma(f.args[0]) * sp.gamma(f.args[1]) / sp.gamma(f.args[0] + f.args[1])
            for e in exprs for f in e.atoms(AppliedUndef) if f.func.__name__ == "B" and len(f.args) == 2}


EULER = "Euler's integrals in closed form where they converge"
"""Said by a verdict that read an integral so: its counterexample lies where the integral converges."""


def _powers(integrand, t):
    """``(c, {base: exponent})`` of a product of powers, ``c`` free of ``t``; None when a factor is another function
    of ``t``."""
    c, powers = sp.Integer(1), {}
    for factor in sp.Mul.make_args(integrand):
        if not factor.has(t):
            c *= factor
            continue
        base, exponent = factor.as_base_exp()
        if isinstance(factor, sp.exp):
            base, exponent = sp.E, factor.args[0]
        elif exponent.has(t):
            return None
        powers[base] = powers.get(base, 0) + exponent
    return c, powers


def euler_integrals(exprs) -> tuple[dict, list]:
    """``({integral: closed form}, conditions)`` for the Beta and Gamma integrals in ``exprs`` (module docstring)."""
    mapping, conditions = {}, []
    for integral in sorted({i for e in exprs for i in e.atoms(sp.Integral)}, key=str):
        if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
            continue
        t, low, high = integral.limits[0]
        found = _powers(integral.function, t)
        if found is None or integral.function.free_symbols == {t} and not integral.function.has(sp.Symbol):
            continue
        c, powers = found
        if (low, high) == (0, 1) and set(powers) <= {t, 1 - t}:
            p, q = powers.get(t, sp.S.Zero), powers.get(1 - t, sp.S.Zero)
            if p.is_number and q.is_number:
                continue  # sympy integrates numeric exponents itself
            mapping[integral] = c * sp.gamma(p + 1) * sp.gamma(q + 1) / sp.gamma(p + q + 2)
            conditions += [sp.StrictGreaterThan(p + 1, 0), sp.StrictGreaterThan(q + 1, 0)]
        elif (low, high) == (0, sp.oo) and set(powers) <= {t, sp.E}:
            p, rate = powers.get(t, sp.S.Zero), -sp.expand(powers.get(sp.E, sp.S.Zero)).coeff(t)
            if sp.expand(powers.get(sp.E, 0) + rate * t) != 0 or rate.has(t) or (p.is_number and rate.is_number):
                continue
            mapping[integral] = c * sp.gamma(p + 1) / rate ** (p + 1)
            conditions += [sp.StrictGreaterThan(p + 1, 0), sp.StrictGreaterThan(rate, 0)]
    return mapping, [c for c in conditions if c is not sp.true]


def readings(exprs, latex: str = "") -> list[tuple[str, dict, list]] | None:
    """``[(reading, {application: density}, conditions)]``, one per combination of the parametrisations of the
    families the expressions name (and the Beta functions and Euler integrals they write); None when there are
    none."""
    found = _applications(exprs)
    betas = beta_functions(exprs, latex)
    integrals, converge = euler_integrals(exprs)
    if not found and not betas and not integrals:
        return None
    if sp.false in converge:
        return None  # an Euler integral that diverges everywhere: not this reading's to decide
    names = sorted({family(f) for f in found})
    out = []
    for choice in itertools.product(*(range(len(FAMILIES[n][1])) for n in names)):
        picked = dict(zip(names, choice))
        mapping = {**betas, **integrals}
        conditions = [c for f in betas for c in _positive(*f.args)] + converge
        for f in found:
            label, density, domain = FAMILIES[family(f)][1][picked[family(f)]]
            x, params = f.args[0], f.args[1].args
            mapping[f] = density(x, *params)
            conditions += [c for c in domain(x, *params) if c not in (sp.true, sp.false)]
            if any(c == sp.false for c in domain(x, *params)):
                return None  # beta(θ | -1, 2): not a density the table reads
        label = "; ".join(FAMILIES[n][1][picked[n]][0] for n in names if FAMILIES[n][1][picked[n]][0])
        out.append((label, mapping, list(dict.fromkeys(conditions))))
    return out
