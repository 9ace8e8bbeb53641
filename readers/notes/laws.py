r"""Named distributions stated in the notes (``X \sim \mathrm{Poisson}(\lambda)``) and the facts stated about them.

After ``X \sim D(\theta)`` in a section, a row ``\mu_X = \dots`` (``\sigma_X^2 = \dots``, ``\sigma_X = \dots``)
states the mean (variance, standard deviation) of ``D(\theta)``: a claim, checked against the family's
value in the table below, under the family's parameter domain.  The table is the standard
parametrisation.  Bernoulli, binomial, Poisson and uniform laws have one parametrisation in common use, so
a stated fact that disagrees is refuted; for the others (normal with variance or standard deviation,
exponential with rate or scale, ...) the notes may use another one, so a disagreement is ``undecided``.

=========================================  ======================  ===============================  =========================
family (as written)                        mean                    variance                         parameter domain
=========================================  ======================  ===============================  =========================
``Bernoulli(p)``                           :math:`p`               :math:`p(1-p)`                   :math:`0 < p < 1`
``Binomial(n, p)``, ``B(n, p)``            :math:`np`              :math:`np(1-p)`                  :math:`n > 0,\ 0 < p < 1`
``Poisson(\lambda)``                       :math:`\lambda`         :math:`\lambda`                  :math:`\lambda > 0`
``U(a, b)``, ``Uniform(a, b)``             :math:`(a+b)/2`         :math:`(b-a)^2/12`               :math:`a < b`
``U(n)`` (uniform on :math:`1, \dots, n`)  :math:`(1+n)/2`         :math:`(n^2-1)/12`               :math:`n > 0`
``\mathcal{N}(\mu, \sigma^2)``             :math:`\mu`             :math:`\sigma^2`                 :math:`\sigma^2 > 0`
``Exponential(\lambda)``, ``Exp``          :math:`1/\lambda`       :math:`1/\lambda^2`              :math:`\lambda > 0`
``Gamma(a, b)`` (shape, rate)              :math:`a/b`             :math:`a/b^2`                    :math:`a, b > 0`
``Laplace(\mu, b)``                        :math:`\mu`             :math:`2b^2`                     :math:`b > 0`
``Beta(\alpha, \beta)``                    :math:`\alpha/(\alpha+\beta)`  :math:`\alpha\beta/((\alpha+\beta)^2(\alpha+\beta+1))`  :math:`\alpha, \beta > 0`
=========================================  ======================  ===============================  =========================

A row ``M_X(t) = \dots`` states the moment generating function :math:`E[e^{tX}]`, where it is finite (Bernoulli
:math:`1 - p + pe^t`, binomial :math:`(1 - p + pe^t)^n`, Poisson :math:`e^{\lambda(e^t - 1)}`, normal
:math:`e^{\mu t + \sigma^2 t^2/2}`, exponential :math:`\lambda/(\lambda - t)` for :math:`t < \lambda`, Laplace
:math:`e^{\mu t}/(1 - b^2t^2)` for :math:`|t| < 1/b`), checked under that condition on ``t``.

A row ``h(X) = \dots`` (``H(X)``, ``\mathrm{H}[X]``) states the entropy, in nats, of a law with one
(``Bernoulli(p)``: :math:`-p\log p - (1-p)\log(1-p)`; differential: ``\mathcal{N}``:
:math:`\frac{1}{2}\log(2\pi e\sigma^2)`; ``U(a, b)``: :math:`\log(b-a)`; ``Exponential(\lambda)``:
:math:`1 - \log\lambda`; ``Laplace(\mu, b)``: :math:`1 + \log 2b`).  Notes may measure it in bits, so a
disagreement is a refutation only where the notes say their logarithm is the natural one
(readers.notes.log_conventions).
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes import law_densities


@dataclass(frozen=True)
class Law:
    family: str
    mean: sp.Expr
    variance: sp.Expr
    domain: tuple  # relations on the parameters
    unambiguous: bool = False  # one parametrisation in common use: a disagreement refutes
    args: tuple = ()  # the parameters as written (p of Bernoulli(p))
    entropy: sp.Expr | None = None  # the differential entropy in nats, for a continuous law
    mgf: sp.Lambda | None = None  # t -> E[e^{tX}], where it is finite
    mgf_domain: sp.Lambda | None = None  # t -> the condition on t under which mgf is E[e^{tX}] (finite)

    def fact(self, kind: str):
        return {"mean": self.mean, "variance": self.variance, "std": sp.sqrt(self.variance),
                "entropy": self.entropy}[kind]


_T = sp.Dummy("t", real=True)


def _law_of(args, *fields, entropy=None, mgf=None, mgf_domain=sp.true) -> Law:
    return Law(*fields, args=tuple(args), entropy=entropy, mgf=sp.Lambda(_T, mgf) if mgf is not None else None,
               mgf_domain=sp.Lambda(_T, mgf_domain))


_LOWER_CASE = {"bernoulli": "Bernoulli", "binomial": "Binomial", "poisson": "Poisson", "uniform": "Uniform",
               "beta": "Beta"}
r"""Families some books write in lower case, as Stan and R do (``\textrm{bernoulli}(\theta)``,
``\mathrm{binomial}(N, \theta)``): those with one parametrisation in common use.  Not ``normal``: written so, its
second argument is the standard deviation (Stan's ``normal(\mu, \sigma)``), where ``\mathcal{N}(\mu, \sigma^2)``
has the variance; but ``normal()`` (Stan-style notes' standard normal) and ``normal(0, 1)`` are the standard law in
either parametrisation."""


def _family(name: str) -> str:
    name = re.sub(r"\\(?:mathrm|operatorname|text|mathcal|mathit|textrm|mbox)\{(.*)\}", r"\1", name).strip("\\ ")
    return _LOWER_CASE.get(name, name)


_ONE_LETTER = ("U", "N", "B")
"""Families written with one capital letter, which the reader may take for a factor."""


def law(expr) -> Law | None:
    """The :class:`Law` of a written distribution ``D(args)``, or None for a family not in the table.

    A family of one letter with one argument may reach here as a product (``U(n)`` read as ``U n``):
    after ``\\sim`` a product is no distribution, so it is read as the family applied."""
    if isinstance(expr, sp.Mul) and len(expr.args) == 2:
        names = [a for a in expr.args if isinstance(a, sp.Symbol) and _family(a.name) in _ONE_LETTER]
        if len(names) == 1:
            other = expr.args[1] if expr.args[0] is names[0] else expr.args[0]
            expr = sp.Function(names[0].name)(other)
    if isinstance(expr, sp.beta) and len(expr.args) == 2:  # \mathrm{Beta}(a, b) after \sim: the law, not B(a, b)
        expr = sp.Function("Beta")(*expr.args)
    if isinstance(expr, sp.uppergamma) and len(expr.args) == 2:  # \mathrm{Gamma}(a, b): the law, not Γ(a, b)
        expr = sp.Function("Gamma")(*expr.args)
    if not isinstance(expr, AppliedUndef):
        return None
    family, args = _family(expr.func.__name__), expr.args
    n = len(args)
    if family.lower() in ("normal", "gaussian") and (n == 0 or args == (0, 1)):
        args = (sp.Integer(0), sp.Integer(1))  # normal() and normal(0, 1): the standard law in either parametrisation
        return _law_of(args, "N", sp.Integer(0), sp.Integer(1), (), True, entropy=sp.log(2 * sp.pi * sp.E) / 2,
                       mgf=sp.exp(_T ** 2 / 2))
    if family in ("Bernoulli", "Ber", "Bern") and n == 1:
        (p,) = args
        return _law_of(args, family, p, p * (1 - p), (sp.Gt(p, 0), sp.Lt(p, 1)), True, mgf=1 - p + p * sp.exp(_T),
                       entropy=-p * sp.log(p) - (1 - p) * sp.log(1 - p))
    if family in ("Binomial", "B", "Bin") and n == 2:
        m, p = args
        return _law_of(args, family, m * p, m * p * (1 - p), (sp.Gt(m, 0), sp.Gt(p, 0), sp.Lt(p, 1)), True,
                       mgf=(1 - p + p * sp.exp(_T)) ** m)
    if family in ("Poisson", "Pois", "Poiss") and n == 1:
        (lam,) = args
        return _law_of(args, family, lam, lam, (sp.Gt(lam, 0),), True, mgf=sp.exp(lam * (sp.exp(_T) - 1)))
    if family in ("U", "Uniform", "Unif") and n == 2:
        a, b = args
        return _law_of(args, family, (a + b) / 2, (b - a) ** 2 / 12, (sp.Lt(a, b),), True, entropy=sp.log(b - a))
    if family in ("U", "Uniform", "Unif", "DiscreteUniform") and n == 1:  # on {1, ..., n}; U(0, a) is read
        (m,) = args  # by some notes: a disagreement is undecided, not refuted
        return _law_of(args, family, (1 + m) / 2, (m ** 2 - 1) / 12, (sp.Gt(m, 0),))
    if family in ("N", "Normal", "Gaussian") and n == 2:
        mu, var = args
        return _law_of(args, family, mu, var, (_positive_spread(var),), entropy=sp.log(2 * sp.pi * sp.E * var) / 2,
                       mgf=sp.exp(mu * _T + var * _T ** 2 / 2))
    if family in ("Gamma", "Ga") and n == 2:  # shape and rate; the scale is the other reading
        a, b = args
        return _law_of(args, family, a / b, a / b ** 2, (sp.Gt(a, 0), sp.Gt(b, 0)),
                       entropy=a - sp.log(b) + sp.log(sp.gamma(a)) + (1 - a) * sp.polygamma(0, a),
                       mgf=(b / (b - _T)) ** a, mgf_domain=sp.Lt(_T, b))
    if family in ("Exponential", "Exp", "Expon") and n == 1:
        (lam,) = args
        return _law_of(args, family, 1 / lam, 1 / lam ** 2, (sp.Gt(lam, 0),), entropy=1 - sp.log(lam),
                       mgf=lam / (lam - _T), mgf_domain=sp.Lt(_T, lam))
    if family == "Laplace" and n == 2:
        mu, b = args
        return _law_of(args, family, mu, 2 * b ** 2, (sp.Gt(b, 0),), entropy=1 + sp.log(2 * b),
                       mgf=sp.exp(mu * _T) / (1 - b ** 2 * _T ** 2), mgf_domain=sp.Lt(b ** 2 * _T ** 2, 1))
    if family in ("Beta", "Bet") and n == 2:
        a, b = args
        return _law_of(args, family, a / (a + b), a * b / ((a + b) ** 2 * (a + b + 1)), (sp.Gt(a, 0), sp.Gt(b, 0)))
    return None


def other_parametrisation(found: Law) -> Law | None:
    r"""The other common reading of a law with two in use, or None: :math:`\mathcal{N}(\mu, s)` with ``s`` the
    standard deviation (Stan's ``normal(\mu, \sigma)``) instead of the variance; ``Exp(\theta)`` with the scale
    :math:`\theta = 1/\lambda` instead of the rate; ``Gamma(k, \theta)`` with the scale (mean kθ) instead of the rate; ``U(m)`` as the continuous uniform
    law on :math:`(0, m)` instead of the discrete one on :math:`\{1, \dots, m\}`.  A claim about moments that fails
    under both readings fails whichever the notes mean."""
    if found.unambiguous or len(found.args) not in (1, 2):
        return None
    if found.family in ("N", "Normal", "Gaussian") and len(found.args) == 2:
        mu, sd = found.args
        return _law_of(found.args, found.family, mu, sd ** 2, (sp.Gt(sd, 0),), entropy=sp.log(2 * sp.pi * sp.E * sd ** 2) / 2,
                       mgf=sp.exp(mu * _T + sd ** 2 * _T ** 2 / 2))
    if found.family in ("Exponential", "Exp", "Expon") and len(found.args) == 1:  # Exp(theta) with theta the scale
        (theta,) = found.args
        return _law_of(found.args, found.family, theta, theta ** 2, (sp.Gt(theta, 0),), entropy=1 + sp.log(theta),
                       mgf=1 / (1 - theta * _T), mgf_domain=sp.Lt(theta * _T, 1))
    if found.family in ("Gamma", "Ga") and len(found.args) == 2:  # Gamma(k, theta) with theta the scale
        k, theta = found.args
        return _law_of(found.args, found.family, k * theta, k * theta ** 2, (sp.Gt(k, 0), sp.Gt(theta, 0)),
                       entropy=k + sp.log(theta) + sp.log(sp.gamma(k)) + (1 - k) * sp.polygamma(0, k),
                       mgf=(1 - theta * _T) ** (-k), mgf_domain=sp.Lt(theta * _T, 1))
    if found.family in ("U", "Uniform", "Unif") and len(found.args) == 1:
        (m,) = found.args
        return _law_of(found.args, found.family, m / 2, m ** 2 / 12, (sp.Gt(m, 0),), entropy=sp.log(m))
    return None


def _subscript(name: str, head: str) -> str | None:
    """``X`` for ``mu_X`` / ``mu_{X}`` with ``head = 'mu'``; None otherwise."""
    for prefix in (f"{head}_", f"\\{head}_"):
        if name.startswith(prefix):
            rest = name[len(prefix):]
            if rest.startswith("{") and rest.endswith("}"):
                rest = rest[1:-1]
            return rest or None
    return None


def stated_fact(lhs, laws: dict):
    r"""``(kind, variable)`` when ``lhs`` names the mean, variance or standard deviation of a random
    variable with a law in ``laws`` (``{name: Law}``): ``\mu_X``, ``\sigma_X^2``, ``\sigma_X``, or the entropy
    ``h(X)``, ``H(X)`` of a law whose entropy the table gives; else None."""
    if isinstance(lhs, AppliedUndef) and lhs.func.__name__ in ("h", "H", r"\operatorname{H}") and len(lhs.args) == 1 \
            and isinstance(lhs.args[0], sp.Symbol) and lhs.args[0].name in laws:
        variable = lhs.args[0].name
        return ("entropy", variable) if laws[variable].entropy is not None else None
    if isinstance(lhs, AppliedUndef) and len(lhs.args) == 1 and lhs.args[0].is_Symbol:  # M_X(t): the m.g.f.
        variable = _subscript(lhs.func.__name__, "M")
        return ("mgf", variable) if variable in laws and laws[variable].mgf is not None else None
    if isinstance(lhs, sp.Pow) and lhs.exp == 2 and isinstance(lhs.base, sp.Symbol):
        variable = _subscript(lhs.base.name, "sigma")
        return ("variance", variable) if variable in laws else None
    if isinstance(lhs, sp.Symbol):
        for head, kind in (("mu", "mean"), ("sigma", "std")):
            variable = _subscript(lhs.name, head)
            if variable in laws:
                return kind, variable
    return None


_MOMENT_NAMES = {"E": "E", r"\mathbb{E}": "E", "Var": "Var", r"\mathbb{V}": "Var"}


def law_moments(expr, laws: dict, expand=None, constants=frozenset(), independent=frozenset()):
    r"""``expr`` with ``E[X]``, ``E[X^2]`` and ``Var(X)`` of each variable with a law in ``laws`` replaced by
    the law's values (``E[X^2] = Var(X) + E[X]^2``, ``E[e^{tX}] = M_X(t)`` of a law whose m.g.f. is finite for
    every ``t``); ``(expr, laws used)``.

    A moment of a form in one such variable is read by linearity too, ``expand`` first writing out the names the
    notes define (``z = \mu + \sigma\varepsilon`` with :math:`\varepsilon \sim \mathcal{N}(0, 1)`):
    :math:`E[\sum_k c_k X^k] = \sum_k c_k E[X^k]` for powers up to 2 and :math:`Var(a + bX) = b^2 Var(X)`.  Its
    other names must be ``constants`` (names the claim also writes outside every moment, or a law's parameters)
    and none a capital letter (which the notes' convention reads as a random variable): of ``E[X + Y]`` nothing
    is read, unless every variable of the form is in ``independent`` (the prose that stated their laws called them
    independent: $w \sim \mathcal{N}(0, 1/\alpha)$ and $\varepsilon \sim \mathcal{N}(0, 1/\beta)$ independent
    of $w$).  Then a moment of a form in several of them is read by their product law:
    :math:`Var(c_0 + \sum_i c_i X_i) = \sum_i c_i^2 Var(X_i)` and, for powers up to 2 of each,
    :math:`E[\prod_i X_i^{k_i}] = \prod_i E[X_i^{k_i}]`; the variance of a form of degree at most one in each,
    :math:`Var(g) = E[g^2] - E[g]^2` (``Var(q k) = 1`` for independent standard normals).  Any other form g of one
    variable is integrated against its law's density (:mod:`readers.notes.law_densities`): :math:`E[g(X)]`, and
    :math:`Var(g(X)) = E[g(X)^2] - E[g(X)]^2`."""
    used = []

    def value(f):
        kind = _MOMENT_NAMES.get(f.func.__name__)
        if kind is None or len(f.args) != 1:
            return f
        arg = f.args[0]
        if kind == "E" and isinstance(arg, sp.exp):  # E[e^{tX}]: the m.g.f. at t, where it is finite for every t
            found = [laws[x.name] for x in arg.free_symbols if x.name in laws]
            t = sp.simplify(arg.args[0] / next(x for x in arg.free_symbols if x.name in laws)) if found else None
            if len(found) == 1 and found[0].mgf is not None and found[0].mgf_domain(t) == sp.true \
                    and not any(x.name in laws for x in t.free_symbols):
                used.append(found[0])
                return found[0].mgf(t)
            return _linear(kind, arg, f)  # E[e^{-W}] with W exponential: the integral (law_densities)
        base, power = (arg.base, arg.exp) if isinstance(arg, sp.Pow) else (arg, 1)
        if not isinstance(base, sp.Symbol) or base.name not in laws or power not in ((1, 2) if kind == "E" else (1,)):
            return _linear(kind, expand(arg) if expand else arg, f)
        found = laws[base.name]
        if kind == "Var" and power == 1:
            used.append(found)
            return found.variance
        if kind == "E" and power in (1, 2):
            used.append(found)
            return found.mean if power == 1 else found.variance + found.mean ** 2
        return f

    def _linear(kind, arg, f):
        if not isinstance(arg, sp.Expr) or arg.atoms(AppliedUndef, sp.Indexed, sp.Derivative, sp.Integral, sp.Sum):
            return f
        randoms = [x for x in arg.free_symbols if x.name in laws]
        others = arg.free_symbols - set(randoms)
        if not randoms or not others <= set(constants) or any(x.name[:1].isupper() for x in others):
            return f
        if len(randoms) > 1:
            return _independent_form(kind, arg, f, randoms) if all(x.name in independent for x in randoms) else f
        (x,) = randoms
        found = laws[x.name]
        poly = sp.Poly(sp.expand(arg), x) if sp.expand(arg).is_polynomial(x) else None
        if poly is None or poly.degree() > (2 if kind == "E" else 1):  # E[-log U]: the integral against the density
            dummy = sp.Dummy(x.name)
            g = arg.xreplace({x: dummy})
            mean = law_densities.expectation(found, g, dummy)
            if mean is not None and kind == "E":
                used.append(found)
                return mean
            if mean is not None:  # Var g(X) = E[g(X)^2] - E[g(X)]^2
                used.append(found)
                return law_densities.expectation(found, g ** 2, dummy) - mean ** 2
        if poly is None or poly.degree() > (2 if kind == "E" else 1):
            return f
        used.append(found)
        if kind == "Var":
            return poly.coeff_monomial(x) ** 2 * found.variance
        moments = {0: sp.Integer(1), 1: found.mean, 2: found.variance + found.mean ** 2}
        return sum(poly.coeff_monomial(x ** k) * moments[k] for k in range(poly.degree() + 1))

    def _independent_form(kind, arg, f, randoms):
        poly = sp.Poly(sp.expand(arg), *randoms) if sp.expand(arg).is_polynomial(*randoms) else None
        if poly is None or max(max(m) for m in poly.monoms()) > (1 if kind == "Var" else 2):
            return f
        found = [laws[x.name] for x in randoms]
        used.extend(found)
        if kind == "Var" and poly.total_degree() <= 1:
            return sum(poly.coeff_monomial(x) ** 2 * w.variance for x, w in zip(randoms, found))
        moments = [{0: sp.Integer(1), 1: w.mean, 2: w.variance + w.mean ** 2} for w in found]

        def mean(p):
            return sum(c * sp.Mul(*[m[k] for m, k in zip(moments, monom)]) for monom, c in p.terms())
        if kind == "Var":  # Var(q k) = E[q^2 k^2] - E[q k]^2: multilinear, so its square needs moments up to 2
            return sp.expand(mean(poly ** 2) - mean(poly) ** 2)
        return mean(poly)

    def chance(f):
        found = _probability(f, laws)
        if found is None:
            return f
        value, law_used = found
        used.append(law_used)
        return value

    out = expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in _MOMENT_NAMES, value)
    out = out.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in PROBABILITY_NAMES, chance)
    return out, used


PROBABILITY_NAMES = frozenset({"P", "Pr", r"\Pr", r"\mathbb{P}", r"\operatorname{P}"})


def _probability(f, laws: dict):
    r"""``(value, law)`` of ``P(A)`` or ``P(A \mid B)`` for events on one variable with a stated law
    (readers.notes.law_densities ``probability``), the law's domain widened by what the reading assumes (a tail's
    threshold inside the support); None for another application."""
    from readers.latex.nodes import Given

    events = list(f.args)
    given = events.pop() if len(events) == 2 and isinstance(events[-1], Given) else None
    if len(events) != 1 or (given is not None and len(given.args) != 1):
        return None
    names = {x.name for e in (*events, *(given.args if given is not None else ())) for x in e.free_symbols} & set(laws)
    if len(names) != 1:
        return None
    (name,) = names
    x = next(s for s in f.free_symbols if getattr(s, "name", None) == name)
    read = [law_densities.event_threshold(e, x) for e in (*events, *(given.args if given is not None else ()))]
    if None in read or any(x in c.free_symbols or {s.name for s in c.free_symbols} & set(laws) for _, c in read):
        return None
    dummy = sp.Dummy(name)
    joint = law_densities.probability(laws[name], read, dummy)
    condition = law_densities.probability(laws[name], read[1:], dummy) if given is not None else (sp.Integer(1), ())
    if joint is None or condition is None or joint[0] is None or condition[0] is None:
        return None
    found = laws[name]
    widened = dataclasses.replace(found, domain=tuple(dict.fromkeys(found.domain + joint[1] + condition[1])))
    return joint[0] / condition[0], widened


def _positive_spread(variance) -> sp.Rel:
    r"""The domain of a normal law's second parameter: a name written squared there, :math:`\mathcal{N}(0, s^2)`,
    is a standard deviation, so ``s > 0`` (a sample at ``s < 0`` would be no law the notes mean: its spread is
    ``|s|``); any other variance is only positive."""
    if isinstance(variance, sp.Pow) and variance.exp == 2 and isinstance(variance.base, (sp.Symbol, sp.Indexed)):
        return sp.Gt(variance.base, 0)
    return sp.Gt(variance, 0)


KL_NAMES = frozenset({"D_KL", "KL", "D_{KL}"})
"""Names of the Kullback--Leibler divergence :math:`D_{KL}(P \\| Q)`."""


def normal_divergences(expr, scale: str):
    r"""``expr`` with each :math:`D_{KL}(\mathcal{N}(\mu_1, s_1) \| \mathcal{N}(\mu_2, s_2))` written out, the second
    parameter read as a variance (``scale="variance"``) or a standard deviation (``"std"``):

    .. math:: D_{KL} = \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac12

    ``(expr, domain)``: the domain holds each scale parameter positive; ``domain`` is empty when there is none."""
    domain = []
    if scale == "std" and not _scale_may_be_std(expr):
        return expr, ()

    def written_out(f):
        laws = [law(a) for a in f.args]
        if len(f.args) != 2 or not all(w is not None and w.family in ("N", "Normal", "Gaussian") for w in laws):
            return f
        (m1, s1), (m2, s2) = (w.args for w in laws)
        domain.extend([sp.Gt(s1, 0), sp.Gt(s2, 0)])
        v1, v2 = (s1, s2) if scale == "variance" else (s1 ** 2, s2 ** 2)
        return sp.log(v2 / v1) / 2 + (v1 + (m1 - m2) ** 2) / (2 * v2) - sp.Rational(1, 2)

    out = expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in KL_NAMES, written_out)
    return out, tuple(dict.fromkeys(domain))


def _scale_may_be_std(expr) -> bool:
    r"""Whether a normal law in a divergence of ``expr`` has a second parameter that may be a standard deviation
    (:func:`scale_may_be_std`)."""
    return any(found is not None and scale_may_be_std(found)
               for found in (law(f) for f in expr.atoms(AppliedUndef) if f.func.__name__ not in KL_NAMES))


def scale_may_be_std(found: Law) -> bool:
    r"""Whether ``found`` is a normal law whose second parameter may be a standard deviation: one written as a square
    (``\mathcal{N}(\mu, \sigma^2)``) is a variance, and 1 is both."""
    if found.family not in ("N", "Normal", "Gaussian") or len(found.args) != 2:
        return False
    second = found.args[1]
    return not (second == 1 or isinstance(second, sp.Pow) and second.exp == 2)


_SAMPLE = (sp.Rational(1, 7), sp.Rational(1, 3), sp.Rational(1, 2), sp.Rational(2, 3), sp.Rational(6, 7), 2, 3, 5)
"""Parameter values tried by :func:`wrong_in_every_base` (those the law's domain admits)."""


def wrong_in_every_base(entropy, value, domain) -> bool:
    r"""Whether a stated entropy ``value`` is wrong in every base of the logarithm: in base ``b > 1`` the entropy is
    the nats value over :math:`\log b > 0`, of the same sign, so a value of the opposite sign at parameters the
    law's ``domain`` admits (:math:`\theta\log\theta + (1-\theta)\log(1-\theta)` for a Bernoulli law, negative where
    the entropy is positive) is wrong whatever the base.  Checked exactly at the parameter values in ``_SAMPLE``."""
    names = sorted(entropy.free_symbols, key=lambda s: s.name)
    if not names or not value.free_symbols <= entropy.free_symbols or len(names) > 2:
        return False
    for point in itertools.product(_SAMPLE, repeat=len(names)):
        at = dict(zip(names, point))
        if not all(c.subs(at) is sp.true for c in domain):
            continue
        h, v = sp.nsimplify(entropy.subs(at)), value.subs(at)
        try:
            if (h * v).evalf(30) < 0:
                return True
        except TypeError:  # not a real number there
            continue
    return False
