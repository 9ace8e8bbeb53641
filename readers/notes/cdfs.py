r"""A cumulative distribution function the notes write for a law in force, checked against the law's.

After ``X \sim \mathrm{Bernoulli}(p)`` in a section, a block introduced as "the cumulative distribution
function" (``CDF``) that sets ``F(x)`` (``F_X(x)``) to a formula, usually ``cases``, states

.. math:: F(x) = P(X \le x),

a claim about the law.  The law's CDF (:func:`law_cdf`, standard parametrisation):

=============================  ===========================================================  =====================
family                         :math:`P(X \le x)`                                            support
=============================  ===========================================================  =====================
``Bernoulli(p)``               :math:`0,\ 1-p,\ 1` below 0, on [0, 1), from 1               {0, 1}
``Binomial(n, p)``             :math:`\sum_{m=0}^{\lfloor x \rfloor}\binom{n}{m}p^m(1-p)^{n-m}`  {0, ..., n}
``Poisson(\lambda)``           :math:`\sum_{m=0}^{\lfloor x \rfloor} e^{-\lambda}\lambda^m/m!`      {0, 1, ...}
``U(n)``                       :math:`\lfloor x \rfloor / n`                                  {1, ..., n}
``U(a, b)``                    :math:`(x - a)/(b - a)`                                        [a, b]
``Exponential(\lambda)``       :math:`1 - e^{-\lambda x}`                                     [0, oo)
``\mathcal{N}(\mu, \sigma^2)``  :math:`(1 + \operatorname{erf}((x-\mu)/\sqrt{2\sigma^2}))/2`   R
=============================  ===========================================================  =====================

Both are evaluated at ``POINTS`` values of ``x`` off the integers and off the support's ends (where a
``<`` against ``\le`` would matter) for a few parameter values in the law's domain (whole numbers for a
count ``n``).  A case whose condition names another whole number (``k \le x < k+1`` with ``1 \le k < n``)
holds for the ``k`` that makes it true.  All equal: verified.  Different at ``MIN_DIFFERENCES`` points: refuted
when the family has one parametrisation in common use (:class:`readers.notes.laws.Law` ``unambiguous``),
else undecided.
"""
from __future__ import annotations

import itertools
import re

import sympy as sp

CUE = re.compile(r"cumulative\s+distribution|\bc\.?d\.?f\b", re.I)
"""Words introducing a block as the cumulative distribution function (a bare "distribution function" may be
a density or a mass function in some notes)."""
MENTIONED = re.compile(r"\$\s*([A-Z])\s*\$")
"""A random variable named in the prose (``$Y$``)."""
AT = sp.Dummy("x", real=True)
"""The point at which a law's CDF is written."""
PARAMETER_VALUES = (0.3, 0.65, 1.25, 3.5)
"""Values tried for a real parameter (those in the law's domain are used)."""
COUNT_VALUES = (4, 6)
"""Values tried for a count parameter (``n`` of Binomial(n, p) and U(n))."""
MAX_ASSIGNMENTS = 3
"""Parameter assignments the check uses."""
POINTS = tuple(k + f for k in range(-2, 9) for f in (0.25, 0.5))
"""Points of ``x``: off the integers, around the supports of the counts."""
MAX_WHOLE = 60
"""A case's other whole number (``k``) is searched in ``-3 .. MAX_WHOLE``."""
TOL = 1e-9
"""Two CDF values agree when they differ by at most ``TOL`` (1 + |value|): both are exact sums of a few terms
evaluated in double precision, far below this."""
MIN_DIFFERENCES = 2
"""Points at which the two must differ for a refutation."""


def law_cdf(found) -> tuple | None:
    r"""``(cdf, counts)``: the CDF of ``found`` (a :class:`readers.notes.laws.Law`) at :data:`AT`, and its
    parameters that are counts; None for a family not in the table."""
    family, args = found.family, found.args
    x, m = AT, sp.Dummy("m", integer=True)
    if family == "Bernoulli":
        (p,) = args
        return sp.Piecewise((0, x < 0), (1 - p, x < 1), (1, True)), ()
    if family in ("Binomial", "B", "Bin"):
        n, p = args
        body = sp.Sum(sp.binomial(n, m) * p ** m * (1 - p) ** (n - m), (m, 0, sp.floor(x)))
        return sp.Piecewise((0, x < 0), (body, x < n), (1, True)), (n,)
    if family in ("Poisson", "Pois"):
        (lam,) = args
        return sp.Piecewise((0, x < 0), (sp.Sum(sp.exp(-lam) * lam ** m / sp.factorial(m), (m, 0, sp.floor(x))),
                                          True)), ()
    if family in ("U", "Uniform", "Unif", "DiscreteUniform") and len(args) == 1:
        (n,) = args
        return sp.Piecewise((0, x < 1), (sp.floor(x) / n, x < n), (1, True)), (n,)
    if family in ("U", "Uniform", "Unif") and len(args) == 2:
        a, b = args
        return sp.Piecewise((0, x < a), ((x - a) / (b - a), x < b), (1, True)), ()
    if family in ("Exponential", "Exp", "Expon"):
        (lam,) = args
        return sp.Piecewise((0, x < 0), (1 - sp.exp(-lam * x), True)), ()
    if family in ("N", "Normal", "Gaussian"):
        mu, var = args
        return (1 + sp.erf((x - mu) / sp.sqrt(2 * var))) / 2, ()
    return None


def _assignments(cdf, counts, domain) -> list[dict]:
    """Up to ``MAX_ASSIGNMENTS`` parameter values in the law's domain."""
    params = sorted(cdf.free_symbols - {AT}, key=str)
    choices = [COUNT_VALUES if p in counts else PARAMETER_VALUES for p in params]
    out = []
    for combo in itertools.product(*choices):
        values = {p: sp.nsimplify(v) for p, v in zip(params, combo)}
        if all(bool(r.xreplace(values)) is True for r in domain):
            out.append(values)
        if len(out) == MAX_ASSIGNMENTS:
            break
    return out


def _value(expr):
    """A float, or None when ``expr`` is not a real number."""
    try:
        v = complex(sp.N(expr.doit() if expr.has(sp.Sum) else expr))
    except (TypeError, ValueError):
        return None
    return v.real if abs(v.imag) < TOL else None


def _piecewise_at(body, x, values, point):
    """The notes' ``body`` at ``x = point``: the first case whose condition holds (for some whole number
    ``k`` when the condition names one); None when no case holds or a value is not a number."""
    at = {**values, x: point}
    if not isinstance(body, sp.Piecewise):
        return _value(body.xreplace(at))
    for piece, condition in body.args:
        condition, piece = condition.xreplace(at), piece.xreplace(at)
        others = sorted(condition.free_symbols, key=str)
        if not others:
            if condition == sp.true:
                return _value(piece)
            continue
        if len(others) != 1:
            return None
        k = others[0]
        for whole in range(-3, MAX_WHOLE + 1):
            if condition.xreplace({k: whole}) == sp.true:
                return _value(piece.xreplace({k: whole}))
    return None


def compare_cdf(body, x, found) -> tuple[str, str, dict | None] | None:
    r"""``(verdict, how, counterexample)`` for ``F(x) = body`` stated as the CDF of ``found``; None when the
    family has no CDF here or ``body`` cannot be evaluated."""
    written = law_cdf(found)
    if written is None:
        return None
    cdf, counts = written
    params = cdf.free_symbols - {AT}
    if (body.free_symbols - {x}) - params - {s for c in body.atoms(sp.Piecewise) for s in _condition_symbols(c)}:
        return None  # a name the law does not have: the notes mean something else by it
    assignments = _assignments(cdf, counts, found.domain)
    if not assignments:
        return None
    differences, compared = [], 0
    for values in assignments:
        for point in POINTS:
            at = sp.nsimplify(point)
            theirs = _piecewise_at(body, x, values, at)
            ours = _value(cdf.xreplace({**values, AT: at}))
            if theirs is None or ours is None:
                return None
            compared += 1
            if abs(theirs - ours) > TOL * (1 + abs(ours)):
                differences.append({**{str(p): str(v) for p, v in values.items()}, str(x): str(point),
                                    "notes": f"{theirs:.12g}", "law": f"{ours:.12g}"})
    how = f"the CDF of {found.family} (standard parametrisation) at {compared} points off the integers"
    if not differences:
        return "verified", how, None
    if len(differences) >= MIN_DIFFERENCES and found.unambiguous:
        return "refuted", how, differences[0]
    return "undecided", how, differences[0]


def _condition_symbols(piecewise) -> set:
    """The names in the cases' conditions (``k`` in ``k \\le x < k+1``: a whole number the case introduces)."""
    return set().union(*(condition.free_symbols for _, condition in piecewise.args))
