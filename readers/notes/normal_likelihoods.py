r"""The log-likelihood of a sample from a normal law the paragraph names: a claim about it, not a new name.

.. code-block:: latex

    Suppose $x_1, \ldots, x_n$ are samples from a normal distribution with mean $\mu$ and variance $\sigma^2$.
    The log-likelihood is
    $$\ell(\mu, \sigma^2) = -\frac{n}{2}\log(2\pi) - \frac{n}{2}\log\sigma^2 - \frac{1}{2\sigma^2}\sum_{i=1}^n (x_i - \mu)^2$$

The words fix the row: :math:`\ell = \sum_{i=1}^n \log f(x_i)` with

.. math:: \log f(x) = -\tfrac{1}{2}\log 2\pi - \tfrac{1}{2}\log v - \frac{(x - \mu)^2}{2 v},

where the variance ``v`` is read from the words: "variance $s$" makes it ``s``, "standard deviation $s$" makes it
``s^2``, and :math:`\mathcal{N}(m, s)` written in the paragraph makes it ``s`` when ``s`` is written as a square
(:math:`\sigma^2`), else both (a variance ``s``, and a standard deviation ``s``, as Stan writes it). The mean is the
word "mean $m$" or the first argument of :math:`\mathcal{N}`.  The constants :math:`-\tfrac{n}{2}\log 2\pi` and,
where the variance is not a parameter of the row (a "known variance"), :math:`-\tfrac{n}{2}\log v` may each be
dropped (notes write "up to a constant"); the likelihood ("the likelihood is") is the product of the densities, its
constant factors likewise.  The row is checked at concrete samples and parameter values, exactly to 30 digits:
right in every reading, with one choice of the dropped constants throughout, is *verified*; right in none is refuted
at the first point where the first reading fails; right in some readings only is no reading (the row stays a
definition).  The row must be a function of the mean or the variance (or the standard deviation) and optionally the
sample, written in them, ``n`` and the sample's entries under sums (products) over ``1..n``; the paragraph must name
the normal law only, and end in "the log-likelihood is" (readers.notes.named_likelihoods.stated_law's rules).
"""
from __future__ import annotations

import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.parse import parse_latex
from readers.notes.named_likelihoods import (
    ANY_FAMILY,
    TOLERANCE,
    _sample_argument,
    announces_likelihood,
)

NORMAL = re.compile(r"\b(?:normal|Gaussian)\b", re.IGNORECASE)
_MATH = r"\$([^$]+)\$"
MEAN_WORDS = re.compile(r"\bmean\s+" + _MATH, re.IGNORECASE)
VARIANCE_WORDS = re.compile(r"\bvariance\s+" + _MATH, re.IGNORECASE)
SD_WORDS = re.compile(r"\bstandard\s+deviation\s+" + _MATH, re.IGNORECASE)
LAW_SYMBOL = re.compile(r"(?:\\mathcal\s*\{\s*N\s*\}|\\mathcal\s+N|\bN|\\operatorname\{N\}|\\mathrm\{N\})"
                        r"\s*\\?(?:left)?\(\s*([^,()]+?)\s*,\s*([^()]+?)\s*\\?(?:right)?\)")
SAMPLES = ((sp.Rational(1, 2), 2, -1), (0, sp.Rational(3, 2), -2, 1))
MEANS = (sp.Rational(1, 3), -1)
SCALES = (sp.Rational(1, 2), 2)
"""Values of the symbol the variance is written in (positive: a standard deviation or a variance)."""


def _parsed(text: str):
    try:
        return parse_latex(text.strip().rstrip(".,;"))
    except Exception:  # noqa: BLE001 - words that are not one expression: no reading
        return None


def stated_normal(prose: str):
    """``(mean, [variance readings], logged)`` when ``prose`` ends in "the log-likelihood is" (or "the likelihood
    is") after naming the normal law only, with its mean and variance (or standard deviation) in math; else None."""
    announced = announces_likelihood(prose)
    if announced is None:
        return None
    families = {m.lower() for m in ANY_FAMILY.findall(prose)} - {"normal", "gaussian"}
    if families or not NORMAL.search(prose):
        return None
    means = [_parsed(m.group(1)) for m in MEAN_WORDS.finditer(prose)]
    variances = [_parsed(m.group(1)) for m in VARIANCE_WORDS.finditer(prose)]
    sds = [_parsed(m.group(1)) for m in SD_WORDS.finditer(prose)]
    readings = [v for v in variances] + [s ** 2 for s in sds if s is not None]
    law = list(LAW_SYMBOL.finditer(prose))
    if law:
        m, s = _parsed(law[-1].group(1)), _parsed(law[-1].group(2))
        means.append(m)
        if s is not None and not variances and not sds:
            readings += [s] if isinstance(s, sp.Pow) and s.exp == 2 else [s, s ** 2]
    if any(x is None or not isinstance(x, sp.Expr) for x in means + readings):
        return None
    if len(set(means)) != 1 or not readings or len(set(readings)) != len(readings) and len(set(readings)) != 1:
        return None
    readings = list(dict.fromkeys(readings))
    if any(not isinstance(m, sp.Symbol) for m in means) or any(len(v.free_symbols) != 1 for v in readings):
        return None
    return means[0], readings, bool(announced.group("log"))


def reading(lhs, rhs, prose: str):
    """``(what, checker)`` when the paragraph ``prose`` names the normal law of a sample and the row ``lhs = rhs``
    is its (log-)likelihood in the mean and variance; None otherwise.  The checker returns ``(verdict, how,
    counterexample)``."""
    from readers.notes.operator_scopes import widened

    stated = stated_normal(prose)
    if stated is None or not isinstance(lhs, AppliedUndef) or not lhs.args:
        return None
    mean, variances, logged = stated
    rhs = widened(rhs)
    scale = next(iter(variances[0].free_symbols))
    if any(v.free_symbols != {scale} for v in variances):
        return None
    parameters = [a for a in lhs.args if isinstance(a, sp.Basic) and a.free_symbols & {mean, scale}]
    names = set().union(*(a.free_symbols for a in parameters)) if parameters else set()
    if not parameters or any(not (a == mean or a.free_symbols == {scale}) for a in parameters):
        return None
    bases = {x.base for x in rhs.atoms(sp.Indexed)}
    sums = rhs.atoms(sp.Sum, sp.Product)
    if len(bases) != 1 or not sums or any(len(s.limits) != 1 for s in sums):
        return None
    (base,) = bases
    if any(not _sample_argument(a, base) for a in lhs.args if a not in parameters):
        return None
    limits = {s.limits[0][1:] for s in sums}
    if len(limits) != 1:
        return None
    lower, size = next(iter(limits))
    if lower != 1 or not isinstance(size, sp.Symbol):
        return None
    indices = {s.limits[0][0] for s in sums}
    free = {x for x in rhs.free_symbols if not isinstance(x, sp.Indexed)}
    if free - {mean, scale, size, base.label} or any(x.indices[0] not in indices for x in rhs.atoms(sp.Indexed)):
        return None
    if rhs.has(AppliedUndef) or not (names & free):
        return None
    known = scale not in names  # the variance is not a parameter of the row: its constant may be dropped
    what = f"the {'log-' if logged else ''}likelihood of a normal sample"
    return what, lambda: _check(rhs, mean, scale, variances, base, size, logged, known)


def _value(expr):
    value = sp.N(expr, 30)
    return value if value.is_real and value.is_finite else None


def _agrees(a, b) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1)


def _check(rhs, mean, scale, variances, base, size, logged, known):
    drops = [(a, b) for a, b in itertools.product((False, True), (False, True)) if known or not b]
    agreeing = {k: set(drops) for k in range(len(variances))}
    first_failure = None
    for sample in SAMPLES:
        n = len(sample)
        at_size = rhs.subs(size, n).doit()
        at_size = at_size.replace(lambda e: isinstance(e, sp.Indexed) and e.base == base and e.indices[0].is_Integer,
                                  lambda e, s=sample: sp.Rational(s[int(e.indices[0]) - 1]))
        if at_size.atoms(sp.Indexed) or at_size.has(sp.Sum, sp.Product):
            return None
        for m, s in itertools.product(MEANS, SCALES):
            written = _value(at_size.subs({mean: m, scale: s}))
            if written is None:
                return None
            for k, variance in enumerate(variances):
                v = variance.subs(scale, s)
                kernel = -sum((x - m) ** 2 for x in sample) / (2 * v)
                for drop in list(agreeing[k]):
                    log_l = kernel + (0 if drop[0] else -sp.Rational(n, 2) * sp.log(2 * sp.pi)) \
                        + (0 if drop[1] else -sp.Rational(n, 2) * sp.log(v))
                    truth = _value(log_l if logged else sp.exp(log_l))
                    if not _agrees(written, truth):
                        agreeing[k].discard(drop)
                        if k == 0 and drop == (False, False) and first_failure is None:
                            first_failure = (sample, m, s, truth, written)
    right = [k for k in agreeing if agreeing[k]]
    if right and len(right) < len(variances):
        return None  # right in one reading of the variance, wrong in another: ambiguous, it stays a definition
    read = "variance " + " or ".join(sp.sstr(v) for v in variances)
    if right:
        dropped = sorted(agreeing[0])[0]
        up_to = [t for t, d in zip(("-n/2 log(2 pi)", f"-n/2 log({sp.sstr(variances[0])})"), dropped) if d]
        how = (f"read as the {'log-' if logged else ''}likelihood of a normal sample with mean {mean} and {read}"
               + (f", up to the constant {' and '.join(up_to)}" if up_to else "")
               + f", at {len(SAMPLES) * len(MEANS) * len(SCALES)} samples and parameter values, at 30 digits")
        return "verified", how, None
    if first_failure is None:
        return None
    sample, m, s, truth, written = first_failure
    witness = {f"{base}_{k + 1}": str(x) for k, x in enumerate(sample)}
    witness.update({str(mean): str(m), str(scale): str(s),
                    f"lhs ({'log-' if logged else ''}likelihood)": sp.sstr(sp.N(truth, 12)),
                    "rhs": sp.sstr(sp.N(written, 12))})
    how = (f"at the sample {tuple(map(str, sample))}, {mean} = {m}, {scale} = {s} the "
           f"{'log-' if logged else ''}likelihood of the normal law ({read}) is {sp.N(truth, 6)}, the right side "
           f"{sp.N(written, 6)}, nor does it agree without the constants the notes may drop, in any reading")
    return "refuted", how, witness
