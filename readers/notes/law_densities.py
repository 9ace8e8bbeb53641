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


_FLIPPED = {"gt": "lt", "ge": "le", "lt": "gt", "le": "ge", "eq": "eq"}
_UPPER = ("gt", "ge")


def event_threshold(event, x) -> tuple[str, sp.Expr] | None:
    r"""``(relation, threshold)`` of an event on ``x`` alone (``event_gt(X, t)``: ``('gt', t)``; ``event_lt(2, X)``:
    ``('gt', 2)``), None for another event (two variables, a chain ``a \le X \le b``)."""
    name = getattr(getattr(event, "func", None), "__name__", "")
    if not name.startswith("event_") or len(event.args) != 2 or name[len("event_"):] not in _FLIPPED:
        return None
    relation, (left, right) = name[len("event_"):], event.args
    if left == x and x not in right.free_symbols:
        return relation, right
    if right == x and x not in left.free_symbols:
        return _FLIPPED[relation], left
    return None


def probability(law, events, x) -> tuple[sp.Expr, tuple] | None:
    r"""``(P(X \in every event), conditions)`` under ``law`` for events ``(relation, threshold)`` on ``X`` (their
    intersection), with the conditions it assumes (a threshold of a tail event inside the support: ``t \ge 0`` in
    :math:`P(X > t) = e^{-\lambda t}` for an exponential ``X``); None where it is not read here.

    Continuous: the density integrated over the support cut by the thresholds (an event ``X = c`` has probability
    0); two tail events of one side are the one with the farther threshold, which must be decided (a number, or a
    difference the support conditions make signed: ``s + t`` against ``s`` with ``s, t \ge 0``).  Discrete: the mass
    function at an integer (``P(N = 0)``), or summed up to or from one."""
    if not events:
        return None
    if law.family in _DISCRETE:
        if len(events) != 1 or not events[0][1].is_Integer or not -1 <= events[0][1] <= MOST_TERMS:
            return None
        relation, c = events[0]
        if relation == "eq":
            return _mass(law, int(c)), ()
        last = {"le": int(c), "lt": int(c) - 1, "gt": int(c), "ge": int(c) - 1}[relation]  # P(X <= last)
        below = sp.Add(*[_mass(law, j) for j in range(0, last + 1)])
        if any(m is None for m in (_mass(law, j) for j in range(0, last + 1))):
            return None
        return (below if relation in ("le", "lt") else 1 - below), ()
    found = _density(law.family, law.args, x, law)
    if found is None:
        return None
    density, lo, hi = found
    if any(relation == "eq" for relation, _ in events):
        return sp.Integer(0), ()
    conditions = []

    def inside(c):
        conditions.extend(r for r in (c >= lo if lo.is_finite else None, c <= hi if hi.is_finite else None)
                          if r is not None and r is not sp.true)
        if any(r is sp.false for r in conditions):
            raise ValueError("a threshold outside the support")
        return c

    def farther(a, b, pick):
        """The larger (``pick=max``) or smaller of thresholds ``a``, ``b``, where their difference is signed once each
        of its names is at least the support's lower end (which is then assumed), else None."""
        difference = a - b
        if lo.is_finite:
            names = difference.free_symbols
            difference = difference.xreplace({s: lo + sp.Dummy(s.name, nonnegative=True) for s in names})
            conditions.extend(s >= lo for s in sorted(names, key=str))
        if difference.is_nonnegative:
            return a if pick is max else b
        if difference.is_nonpositive:
            return b if pick is max else a
        return None

    lower, upper = lo, hi
    try:
        for relation, c in events:
            if relation in _UPPER:
                lower = inside(c) if lower == lo else farther(lower, inside(c), max)
            else:
                upper = inside(c) if upper == hi else farther(upper, inside(c), min)
            if lower is None or upper is None:
                return None
    except ValueError:
        return None
    conditions = tuple(dict.fromkeys(conditions))
    return _integrated(sp.Integral(density, (x, lower, upper)), law.domain + conditions), conditions


def _integrated(integral, conditions):
    r"""``integral`` in closed form where sympy finds one with each name a condition makes positive (``\lambda > 0``)
    or non-negative (``t \ge 0``) declared positive, else ``integral`` as it is (the step checker decides it).  A
    bound at 0 is no exception: a density's integral is continuous in its bounds, so the closed form for ``t > 0``
    holds at ``t = 0`` too (sympy leaves ``t \ge 0`` as a case ``t > 0`` and an unevaluated rest)."""
    declared = {c.lhs: sp.Dummy(c.lhs.name, positive=True) for c in conditions
                if isinstance(c, (sp.StrictGreaterThan, sp.GreaterThan)) and isinstance(c.lhs, sp.Symbol) and c.rhs == 0}
    try:
        value = integral.xreplace(declared).doit()
    except (NotImplementedError, ValueError, TypeError):
        return integral
    if value.has(sp.Integral, sp.Piecewise):
        return integral
    return sp.simplify(value.xreplace({d: x for x, d in declared.items()}))


MOST_TERMS = 50
r"""Largest threshold of a discrete event written out as a sum of masses (``P(N \le 3)``)."""


def _mass(law, k: int):
    """``P(X = k)`` for a discrete law of the table, None for another."""
    family, args = law.family, law.args
    if family in ("Bernoulli", "Ber", "Bern") and len(args) == 1:
        (p,) = args
        return {0: 1 - p, 1: p}.get(k, sp.Integer(0))
    if family in ("Binomial", "B", "Bin") and len(args) == 2:
        n, p = args
        return sp.binomial(n, k) * p ** k * (1 - p) ** (n - k) if k >= 0 else sp.Integer(0)
    if family in ("Poisson", "Pois", "Poiss") and len(args) == 1:
        (lam,) = args
        return lam ** k * sp.exp(-lam) / sp.factorial(k) if k >= 0 else sp.Integer(0)
    return None
