r"""A maximum-likelihood estimate stated after its likelihood: ``\hat\lambda = \frac{n}{\sum_i x_i}``.

After a log-likelihood in one parameter, $\ell(\lambda) = n\log\lambda - \lambda\sum_i x_i$ (a function of one
parameter in a section that speaks of a likelihood or an MLE), a row ``\hat\lambda = v`` whose names are the
likelihood's (the data) states the estimate that maximises it.  Where the likelihood has an interior stationary point,
the estimate is one:

.. math:: \ell'(v) = 0 ,

so a wrong estimate ($\hat\lambda = \frac{\sum_i x_i}{n}$, the mean where its reciprocal is due) fails there.  A
likelihood without a stationary point (the uniform's $-n\log\theta$ on $\theta \ge \max_i x_i$, maximised on the
boundary of the support) claims nothing here, nor does a parameter with a condition in force.
"""
from __future__ import annotations

import re

import sympy as sp

from derivations.checker.budget import within_cpu_seconds

_HATTED = re.compile(r"^\\(?:hat|widehat)\{?(?P<base>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\}?(?:_\{?(?:MLE|ML|mle)\}?)?$")
"""``\\hat{\\lambda}``, ``\\hat{p}``, ``\\hat\\theta_{MLE}``: the parser's names of a hatted estimate."""
_LIKELIHOOD_WORDS = re.compile(r"\blikelihood\b|\bMLE\b|\bmaximum[- ]likelihood\b", re.IGNORECASE)
SOLVE_SECONDS = 2.0
"""CPU seconds given to sympy's ``solve`` for the stationary points."""


def estimate_base(name, functions: dict, prose: str):
    """``(parameter, function name, body)`` when ``name`` is a hatted parameter of a one-parameter function of a
    section that speaks of a likelihood; None otherwise."""
    if not isinstance(name, sp.Symbol):
        return None
    m = _HATTED.match(name.name)
    if not m:
        return None
    base = m.group("base").strip("{}").lstrip("\\")
    worded = _LIKELIHOOD_WORDS.search(prose) is not None
    for function, cases in reversed(list(functions.items())):
        if not cases:
            continue
        params, body = cases[-1]
        if len(params) == 1 and getattr(params[0], "name", None) == base and isinstance(body, sp.Expr) and worded:
            return base, function, body
    return None


def of_the_data(value, body, variable) -> bool:
    r"""Whether the estimate ``value`` is written in the likelihood's own names (its data and sizes): a
    prediction $\hat p = \sigma(w^\top x)$ beside a likelihood $\ell(p)$ is no estimate of its parameter."""
    names = {getattr(s, "name", str(s)) for s in body.free_symbols | body.atoms(sp.IndexedBase)} - {variable.name}
    sizes = {s.name for node in value.atoms(sp.Sum, sp.Product) for _, lo, hi in node.limits
             for s in (lo.free_symbols | hi.free_symbols)}  # \sum_i without a range: its size is the sample's
    written = {getattr(s, "name", str(s)) for s in value.free_symbols | value.atoms(sp.IndexedBase)
               if not isinstance(s, sp.Indexed)}
    return bool(written) and written <= names | sizes


def has_stationary_point(body, variable) -> bool:
    """Whether ``d body / d variable = 0`` has a solution sympy finds within :data:`SOLVE_SECONDS`."""
    def solve():
        try:
            derivative = sp.factor_terms(sp.diff(body, variable))  # sum_i x_i/mu: 1/mu out of the sum
            sums = {a: sp.Dummy() for a in derivative.atoms(sp.Sum) if variable not in a.free_symbols}
            return sp.solve(derivative.xreplace(sums), variable)
        except (NotImplementedError, ValueError, TypeError):
            return []
    found = within_cpu_seconds(solve, seconds=SOLVE_SECONDS)
    return bool(found)
