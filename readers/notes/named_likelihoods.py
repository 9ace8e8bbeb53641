r"""The log-likelihood of a sample from a law the sentence before it names: a claim about it, not a new name.

.. code-block:: latex

    Assume we observe i.i.d. samples $X_1,\ldots,X_n$ drawn from a Poisson distribution with true parameter
    $\lambda$. The log-likelihood is:
    $$\ell(\lambda; X_1,\ldots,X_n) = \sum_{i=1}^n -\lambda + X_i\log(\lambda) - \log(X_i!)$$

The words fix what the row is: :math:`\ell(\theta) = \sum_{i=1}^n \log f(X_i; \theta)` for the one-parameter law they
name, so the row is checked at concrete samples and parameter values (no sampling, no budget):

===================  =============================================================  ==============================
law in words         :math:`\log f(x; \theta)`                                       readings
===================  =============================================================  ==============================
Bernoulli            :math:`x \log p + (1 - x)\log(1 - p)`                          one
Poisson              :math:`-\lambda + x\log\lambda - \log x!`                      one
exponential          :math:`\log\lambda - \lambda x` (rate), :math:`-\log\beta - x/\beta`   "rate" fixes the first,
                     (scale)                                                        "scale" or "mean" the second
geometric            :math:`\log p + (x - 1)\log(1 - p)` (trials),                  both, always
                     :math:`\log p + x\log(1 - p)` (failures)
===================  =============================================================  ==============================

The likelihood (the words say "likelihood", not "log-likelihood") is read the same way, as
:math:`\prod_{i=1}^n f(X_i; \theta)`. A right side equal to the log-likelihood, or to it without its terms free of
the parameter (the Poisson :math:`-\log x!`, which notes drop "up to a constant"), in every reading at every point is
confirmed; one that agrees in no reading is refuted at the first point where it fails; one right in some readings
only is ambiguous and stays a definition. The row must be one function of the parameter (and optionally the sample)
whose right side is written in the parameter, the sample's entries ``X_i`` under sums (products, for the likelihood)
over ``1..n`` and ``n`` alone; the words must name one law of the table and end, close before the block, in "the
log-likelihood is" or "the likelihood is" (never the negative, expected, complete, marginal or conditional one).
Anything else is no reading: the row stays a definition.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

LIKELIHOOD = re.compile(r"(?<![\w-])(?P<log>log[\s-]*)?likelihood(?:\s+function)?", re.IGNORECASE)
OTHER_LIKELIHOOD = re.compile(r"\b(?:negative|expected|complete|marginal|conditional|partial|profile|average|mean|"
                              r"joint|posterior|penali[sz]ed|regulari[sz]ed)[\s-]+(?:log[\s-]*)?likelihood",
                              re.IGNORECASE)
LAW_IN_WORDS = re.compile(
    r"\b(?P<f>Bernoulli|Poisson|exponential|geometric)(?:\s+(?:distribution|law|random\s+variables?|variables?)"
    r"|\}?\s*\$?\s*\(\s*\$?[^$()]{1,20}\$?\s*\))"
    r"(?:\s+with\s+(?:(?:true|unknown|common)\s+)?(?P<word>parameter|rate|mean|scale|success\s+probability|"
    r"probability)\s*\$[^$]+\$)?", re.IGNORECASE)
REPARAMETRISED = re.compile(r"\b(?:natural|canonical)\s+parameter|\blog[\s-]*(?:rate|odds|mean)\b|\blogit\b|"
                            r"\breparametri[sz]|\bregression\b|\blink\s+function", re.IGNORECASE)
"""Words that put the law in another parameter (its natural parameter, the log-odds, a regression on inputs): the
row's parameter is then not the one of the table."""
ANY_FAMILY = re.compile(r"(?<![\\\w])(Bernoulli|Poisson|exponential|geometric|binomial|normal|Gaussian|gamma|"
                        r"beta|uniform|Laplace|Cauchy|Weibull|Pareto|categorical|multinomial|logistic|mixture)\b",
                        re.IGNORECASE)
"""Any law a paragraph may name: one other than the row's makes the row's law unclear."""
SAMPLES = {
    "Bernoulli": ((1, 0, 1), (0, 0, 1, 1)),
    "Poisson": ((2, 0, 3), (1, 4, 0, 2)),
    "exponential": ((sp.Rational(1, 2), 2, sp.Rational(3, 2)), (1, sp.Rational(1, 3), 3, sp.Rational(5, 2))),
    "geometric": ((1, 3, 2), (2, 1, 1, 4)),
}
"""Samples the row is read at: in the support of every reading (geometric counts of 1 or more)."""
PARAMETERS = {"Bernoulli": (sp.Rational(1, 3), sp.Rational(3, 4)), "Poisson": (sp.Rational(1, 2), 3),
              "exponential": (sp.Rational(1, 2), 2), "geometric": (sp.Rational(1, 3), sp.Rational(3, 4))}
TOLERANCE = sp.Rational(1, 10**20)
"""Relative difference below which two 30-digit values agree (exact formulas: a wrong one differs by O(1))."""


def _log_pmfs(family: str, word: str | None):
    """``[(reading, log f(x, theta), terms free of theta)]`` of the family, in the readings the words allow."""
    if family == "Bernoulli":
        return [("Bernoulli", lambda x, p: x * sp.log(p) + (1 - x) * sp.log(1 - p), lambda x: 0)]
    if family == "Poisson":
        return [("Poisson", lambda x, lam: -lam + x * sp.log(lam) - sp.log(sp.factorial(x)),
                 lambda x: -sp.log(sp.factorial(x)))]
    if family == "exponential":
        rate = ("exponential with rate", lambda x, lam: sp.log(lam) - lam * x, lambda x: 0)
        scale = ("exponential with scale (mean)", lambda x, b: -sp.log(b) - x / b, lambda x: 0)
        return [rate] if word == "rate" else [scale] if word in ("scale", "mean") else [rate, scale]
    if family == "geometric":
        return [("geometric, trials", lambda x, p: sp.log(p) + (x - 1) * sp.log(1 - p), lambda x: 0),
                ("geometric, failures", lambda x, p: sp.log(p) + x * sp.log(1 - p), lambda x: 0)]
    return []


def announces_likelihood(prose: str):
    """The match of "the log-likelihood" (its group ``log`` set for the logarithm) when ``prose`` ends in "the
    log-likelihood is" ("the likelihood is", "becomes", ...), of no other quantity's likelihood and with no
    reparametrisation said; else None."""
    found = list(LIKELIHOOD.finditer(prose))
    if not found or OTHER_LIKELIHOOD.search(prose) or REPARAMETRISED.search(prose):
        return None
    tail = prose[found[-1].end():]
    if not re.fullmatch(r"\s*(?:is|becomes|reads|equals|is\s+given\s+by|is\s+then|is\s+therefore)?\s*[:,]?\s*",
                        tail):
        return None
    return found[-1]


def stated_law(prose: str):
    """``(family, word)`` when ``prose`` ends in "the log-likelihood is" and names one law of the table; else None."""
    announced = announces_likelihood(prose)
    if announced is None:
        return None
    laws = {(m.group("f").lower(), (m.group("word") or "").lower() or None) for m in LAW_IN_WORDS.finditer(prose)}
    if len(laws) != 1 or len({m.lower() for m in ANY_FAMILY.findall(prose)}) != 1:
        return None
    family, word = laws.pop()
    return {"bernoulli": "Bernoulli", "poisson": "Poisson"}.get(family, family), word, bool(announced.group("log"))


PARAGRAPH_LINES = 6
"""Lines before a block searched for the law, up to a blank line or a heading (the paragraph that introduces it)."""


def paragraph_before(lines: list[str], line: int, column: int = 0) -> str:
    """The paragraph that ends right before 1-based ``line``: up to :data:`PARAGRAPH_LINES` lines, stopping at a
    heading; one blank line between the words and the block is allowed.  For an inline block (1-based ``column`` of
    its opening ``$``), the words of its own line before it end the paragraph."""
    if column > 1 and 0 < line <= len(lines):
        return (paragraph_before(lines, line) + " " + lines[line - 1][:column - 1]).strip()
    out, k = [], line - 2
    while k >= 0 and not lines[k].strip() and not out and line - 2 - k < 2:
        k -= 1
    while k >= 0 and len(out) < PARAGRAPH_LINES and lines[k].strip() and not lines[k].lstrip().startswith("#"):
        out.append(lines[k])
        k -= 1
    return " ".join(reversed(out))


def reading(lhs, rhs, prose: str):
    """``(what, checker)`` when ``prose`` (the paragraph before the row) names the log-likelihood of a sample from a
    law of the table and the row ``lhs = rhs`` can be read as it; None otherwise.  The checker returns ``(verdict,
    how, counterexample)``."""
    from readers.notes.operator_scopes import widened

    stated = stated_law(prose)
    rhs = widened(rhs)
    if stated is None or not isinstance(lhs, AppliedUndef) or not lhs.args or not isinstance(lhs.args[0], sp.Symbol):
        return None
    theta = lhs.args[0]
    bases = {x.base for x in rhs.atoms(sp.Indexed)}
    sums = rhs.atoms(sp.Sum, sp.Product)
    if len(bases) != 1 or not sums or any(len(s.limits) != 1 for s in sums):
        return None
    (base,) = bases
    limits = {s.limits[0][1:] for s in sums}
    indices = {s.limits[0][0] for s in sums}
    if len(limits) != 1:
        return None
    lower, size = next(iter(limits))
    if lower != 1 or not isinstance(size, sp.Symbol) or theta not in rhs.free_symbols:
        return None
    free = {x for x in rhs.free_symbols if not isinstance(x, sp.Indexed)}
    if free - {theta, size, base.label} or any(x.indices[0] not in indices for x in rhs.atoms(sp.Indexed)):
        return None
    if rhs.has(AppliedUndef) or any(not _sample_argument(a, base) for a in lhs.args[1:]):
        return None
    family, word, logged = stated
    what = f"the {'log-' if logged else ''}likelihood of a {family} sample"
    return what, lambda: _check(rhs, theta, base, size, family, word, logged)


def _sample_argument(arg, base) -> bool:
    """An argument after the parameter that names the sample (``X_1``, ``\\ldots``, ``X_n``, ``X``)."""
    names = {getattr(x, "name", str(x)) for x in arg.free_symbols} if isinstance(arg, sp.Basic) else set()
    return all(n.startswith(str(base)) or "ldots" in n or "dots" in n for n in names) and bool(names)


def _value(expr):
    value = sp.N(expr, 30)
    return value if value.is_real and value.is_finite else None


def _agrees(a, b) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1)


def _check(rhs, theta, base, size, family, word, logged=True):
    readings = _log_pmfs(family, word)
    full_ok = [True] * len(readings)
    kernel_ok = [True] * len(readings)
    first_failure = None
    for sample in SAMPLES[family]:
        at_size = rhs.subs(size, len(sample)).doit()
        at_size = at_size.replace(lambda e: isinstance(e, sp.Indexed) and e.base == base and e.indices[0].is_Integer,
                                  lambda e, s=sample: sp.Integer(s[int(e.indices[0]) - 1])
                                  if isinstance(s[int(e.indices[0]) - 1], int) else s[int(e.indices[0]) - 1])
        if at_size.atoms(sp.Indexed) or at_size.has(sp.Sum, sp.Product):
            return None
        for value in PARAMETERS[family]:
            written = _value(at_size.subs(theta, value))
            if written is None:
                return None
            for k, (_, log_f, free) in enumerate(readings):
                truth = sum(log_f(x, value) for x in sample)
                kernel = sum(log_f(x, value) - free(x) for x in sample)
                truth, kernel = (_value(e if logged else sp.exp(e)) for e in (truth, kernel))
                full_ok[k] = full_ok[k] and _agrees(written, truth)
                kernel_ok[k] = kernel_ok[k] and _agrees(written, kernel)
                if k == 0 and not (_agrees(written, truth) or _agrees(written, kernel)) and first_failure is None:
                    first_failure = (sample, value, truth, written)
    agreeing = [name for (name, _, _), a, b in zip(readings, full_ok, kernel_ok) if a or b]
    if agreeing and len(agreeing) < len(readings):
        return None  # right in one reading of the law, wrong in another: ambiguous, the row stays a definition
    if agreeing:
        up_to = "" if any(full_ok) else f", up to its {'terms' if logged else 'factors'} free of the parameter"
        read = f"sum_i log f({base}_i; {theta})" if logged else f"prod_i f({base}_i; {theta})"
        how = (f"read as {read} for {agreeing[0]}{up_to}, at "
               f"{sum(len(PARAMETERS[family]) for _ in SAMPLES[family])} samples and parameter values, at 30 digits")
        return "verified", how, None
    if first_failure is None:
        return None
    sample, value, truth, written = first_failure
    witness = {f"{base}_{k + 1}": str(x) for k, x in enumerate(sample)}
    witness.update({str(theta): str(value), f"lhs ({'log-' if logged else ''}likelihood)": sp.sstr(sp.N(truth, 12)),
                    "rhs": sp.sstr(sp.N(written, 12))})
    kind = "log-likelihood" if logged else "likelihood"
    how = (f"at the sample {tuple(map(str, sample))} and {theta} = {value} the {kind} of the "
           f"{readings[0][0]} law is {sp.N(truth, 6)}, the right side {sp.N(written, 6)}"
           + ("; no reading of the law the words allow makes them agree" if len(readings) > 1 else "")
           + f" (nor without its {'terms' if logged else 'factors'} free of the parameter)")
    return "refuted", how, witness
