r"""When a stated fact about a section's density may be *refuted* (readers.notes.density_facts).

Confirming a fact needs only that it holds; refuting one needs that the density, its support, its
parameters and the fact's reading are the notes' own.  A failure is a refutation only when

1. the density is one (non-negative on a grid, of integral 1 within ``NORM_TOL``) on a support the
   section states: the bounds its conditions put on the variable (``x \ge 1``, ``0 \le x \le 1``), or
   the one on which the section's distribution function ``F`` was checked to be :math:`\int_{lo}^x f`
   (so :math:`F(lo) = 0` and :math:`F(hi) = 1` there) -- see :func:`stated_support`;
2. the parameter values satisfy every stated condition (conditions that tie a parameter to a name we
   cannot sample forbid it) -- see :func:`conditions_allow`;
3. the stated value and the quadrature differ by more than ``REFUTE_TOL`` (relative), which is at
   least ``REFUTE_TOL / (FACT_TOL / 10)`` = 1e3 times the largest error estimate a quadrature may
   carry to be used at all, at every point compared, and at two or more points when the density has
   parameters or the fact an argument -- see :func:`far` and :func:`enough_points`;
4. the fact's name has one meaning, or every meaning fails (``\gamma_2``: excess or plain kurtosis;
   ``\mu_2``: central or raw second moment; an entropy in nats or, with ``\log`` read as
   :math:`\log_2`, in bits), and the prose between the density and the fact does not change the
   subject (another law, a sample, a transform) -- see :func:`subject_change`.

Anything else is ``undecided`` with the reason.

A density row itself is refuted (readers.notes.density_facts.unnormalised) only when the prose calls it
a density (:func:`called_a_density`, with no hedge: a normaliser, a support, a condition in words) and
it is positive on the whole line with a finite integral far from 1 there, on either half-line, on
``[0, 1]`` and on ``[-1, 1]``.
"""
from __future__ import annotations

import re

import sympy as sp

REFUTE_TOL = 1e-4
"""Relative gap (to ``max(1, |stated|, |computed|)``) beyond which a fact fails: every quadrature used
has an error estimate below 1e-8 relative, and agreement is 1e-7, so a gap this size is no rounding."""
LAST_DIGITS = 10
r"""A value written ``\approx`` with ``d`` decimals fails only when it is more than this many units of
its last digit away (a rounded or truncated constant is never refuted)."""
NAMES_ALONE = ("m",)
"""Names read as a statistic for confirmation only: ``m`` is as often a parameter, a mode or a sample size."""
LAWS = ("normal", "gaussian", "exponential", "gamma", "beta", "poisson", "binomial", "uniform", "cauchy",
        "student", "chi", "laplace", "logistic", "weibull", "pareto", "rayleigh", "gumbel", "lognormal",
        "bernoulli", "geometric", "maxwell", "erlang", "dirichlet", "multinomial", "triangular")
SUBJECT_WORDS = ("sample", "samples", "sum", "sums", "mixture", "transform", "transformed", "another",
                 "instead", "suppose", "consider", "conditional", "posterior", "prior", "limit", "approximate",
                 "approximately", "asymptotic", "asymptotically", "estimator", "estimate", "estimated",
                 "empirical", "truncated", "folded", "shifted", "scaled", "standardized", "standardised",
                 "if", "when", "let", "where")
r"""Words after which a stated mean may be about some other variable than the section's :math:`X`.
``where`` is allowed when it only glosses a function (``where $\psi_m$ is the polygamma function``)."""
_GLOSS = re.compile(r"\bwhere\s+\$[^$]*\$\s+(is|are|denotes?)\s+(the|a)\b[^.]*\bfunctions?\b", re.I)


def stated_bounds(variable, conditions):
    """``(lower, upper)`` numbers the conditions put on ``variable`` (None where none), or ``"conflict"``."""
    lower, upper = [], []
    for c in conditions:
        if not isinstance(c, (sp.Ge, sp.Gt, sp.Le, sp.Lt)) or c.free_symbols != {variable}:
            continue
        lhs, rhs = c.lhs, c.rhs
        if lhs == variable and rhs.is_number:
            (lower if isinstance(c, (sp.Ge, sp.Gt)) else upper).append(rhs)
        elif rhs == variable and lhs.is_number:
            (upper if isinstance(c, (sp.Ge, sp.Gt)) else lower).append(lhs)
        else:
            return "conflict"  # a bound on x^2, |x|, ...: a support we do not read
    if len(set(lower)) > 1 or len(set(upper)) > 1:
        return "conflict"
    return (lower[0] if lower else None), (upper[0] if upper else None)


def stated_support(variable, support, conditions, cdf_checked: bool) -> str | None:
    r"""How the section states ``support`` (``(lo, hi)``): by the section's ``F``, checked to be
    :math:`\int_{lo}^x f` there, or by its conditions on ``variable``; None when it does not."""
    if cdf_checked:
        return "the section's distribution function F, checked to be the integral of f from the lower end"
    bounds = stated_bounds(variable, conditions)
    if bounds == "conflict" or bounds == (None, None):
        return None
    lower, upper = bounds
    lo, hi = support
    if lower is None or sp.simplify(lower - lo) != 0:
        return None
    if (upper is None and hi != sp.oo) or (upper is not None and (hi == sp.oo or sp.simplify(upper - hi) != 0)):
        return None
    return f"the stated condition{'s' if upper is not None else ''} on {variable}"


def conditions_allow(conditions, variable, known, point: dict) -> tuple[bool, str | None]:
    """``(usable, stop)``: whether ``point`` (values of the parameters and argument ``known``) satisfies
    every condition that names them (a point that does not is skipped), and why no point may refute
    (a condition that ties a parameter to a name we do not sample), or None."""
    for c in conditions:
        names = c.free_symbols
        if not names & set(known):
            continue
        if names - set(known) - {variable}:
            return False, f"the condition {c} ties a parameter to names not sampled"
        if variable in names:
            continue  # a bound on the variable is the support
        if c.xreplace({k: sp.Float(v) for k, v in point.items()}) is not sp.true:
            return False, None
    return True, None


def far(truth, stated, decimals: int | None) -> bool:
    """``stated`` is far from ``truth``: beyond ``REFUTE_TOL`` relative and beyond ``LAST_DIGITS``
    units of a written approximation's last digit."""
    if truth is None or stated is None:
        return False
    gap = abs(truth - stated)
    if gap <= REFUTE_TOL * max(1.0, abs(truth), abs(stated)):
        return False
    return decimals is None or gap > LAST_DIGITS * 10.0 ** -decimals


def enough_points(points: int, parameters, argument) -> bool:
    """Two or more compared points when there is anything to vary (a parameter, an argument)."""
    return points >= (2 if parameters or argument is not None else 1)


def subject_change(prose: str, heading: str | None) -> str | None:
    """Why the prose between a density and a stated fact may move to another variable; None if not.
    Formulas are elided first; a law named that the heading does not name counts."""
    text = _GLOSS.sub(" ", prose)
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$|\\\[.*?\\\]", " ", text, flags=re.S).lower()
    words = set(re.findall(r"[a-z]+", text))
    head = set(re.findall(r"[a-z]+", (heading or "").lower()))
    for law in LAWS:
        if law in words and law not in head:
            return f"the prose names the {law} law"
    for word in SUBJECT_WORDS:
        if word in words:
            return f"the prose says '{word}'"
    return None


DENSITY_WORDS = re.compile(r"p\.d\.f\.?|\bpdf\b|\bprobability density\b|\bdensity\b|\bdensity function\b", re.I)
HEDGES = re.compile(r"proportional|\\propto|unnormali|normali[sz]|\bup to\b|\bconstant\b|\bkernel\b|\bshape\b|"
                    r"\bscaled?\b|\bdivid|\bsupport\b|\binterval\b|\bfor \$|\bon \$|\bwhen\b|\bif\b|\bwhere\b|"
                    r"\babove\b|\bbelow\b|\bgreater\b|\bless\b|\bpositive\b|\bnegative\b|\bbetween\b|"
                    r"\bbeyond\b|\bvalues\b|\brange\b|\bhalf|\bonly\b|truncat|restrict|\bexceed", re.I)
"""Words in the prose around a density that name a normaliser or a support (or a condition) in words."""


def called_a_density(intro: str, after: str) -> bool:
    """The sentence introducing a block calls it a probability density, and neither it nor the
    paragraph after it hedges (a normaliser, a support, a condition named in words)."""
    return bool(DENSITY_WORDS.search(intro)) and not HEDGES.search(intro) and not HEDGES.search(after)
