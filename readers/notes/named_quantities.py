r"""A definition that the sentence before it introduces by the standard name of what it defines: a claim about it.

Notes write a quantity with a standard meaning in the form of a definition, after words that name it:

.. code-block:: latex

    the expected surprisal or **entropy** defined as  $$H(f) = \sum_{f_i} \log\left(\frac{1}{f_i}\right).$$
    a factor deriving from the standard normal distribution, $\mbox{normal}(z) = \exp(-\frac{1}{2} z^2)$

The words fix the meaning of the left side, so the row is a claim about that quantity, checked at concrete values
(no sampling, no budget), and refuted with the value where it fails:

==================================================  ===========================================  ========================
the sentence before the row names                   the row's left side                          read as
==================================================  ===========================================  ========================
"entropy" (not cross, relative, conditional,        ``H(f)``: one name whose entries ``f_i``     :math:`-\sum_i f_i\log_b f_i`,
joint, differential, binary, ... entropy)           the right side sums                          ``b`` = e, 2 or 10
"standard normal" density, pdf or distribution      ``g(z)``: one argument, a right side in      :math:`e^{-z^2/2}/\sqrt{2\pi}`
(never its cdf or distribution function)            ``z`` alone, with no integral or erf
==================================================  ===========================================  ========================

The name must stand close before the block (:data:`NAME_REACH`), with no words after it that bring in another object
("the standard normal distribution, and consider $h(z) = z^2$": :data:`OTHER_OBJECT`).  The entropy is read at three
probability vectors of two and three entries; a right side that agrees with it in one of the bases at every one is
confirmed, one that agrees in none at the first vector where it fails is refuted (a pmf
is all the words allow ``f`` to be).  The standard normal density is read at four points.  Anything else (other
names on the right, a sum that is not over the entries, a value that is not a finite real number) is no reading:
the row stays a definition.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes import named_likelihoods, normal_likelihoods

ENTROPY = re.compile(r"(?<![\w-])entropy\b", re.IGNORECASE)
OTHER_ENTROPY = re.compile(r"\b(?:cross|relative|conditional|joint|differential|binary|r[eé]nyi|tsallis|chernoff|"
                           r"min|max|collision)[\s-]*entrop", re.IGNORECASE)
"""Entropies that are not Shannon's entropy of one mass function."""
STANDARD_NORMAL = re.compile(r"\bstandard\s+(?:normal|gaussian)\s+(?:density|distribution|pdf|p\.d\.f\.|"
                             r"probability\s+density)", re.IGNORECASE)
CUMULATIVE = re.compile(r"\b(?:cumulative|cdf|c\.d\.f\.|distribution\s+function)", re.IGNORECASE)
NAME_REACH = 120
"""Characters the name may stand before the block (a short clause: "the entropy of a mass function $p$ is")."""
OTHER_OBJECT = re.compile(r"\b(?:consider|let|define|take|introduce|compute|apply|transform|use|plot|square|"
                          r"differentiate|integrate|multiply|divide|add|subtract|instead)\b", re.IGNORECASE)
"""Words after the name that introduce another object than the one named."""
PMFS = ((sp.Rational(1, 4), sp.Rational(3, 4)), (sp.Rational(1, 2), sp.Rational(1, 3), sp.Rational(1, 6)),
        (sp.Rational(1, 5), sp.Rational(3, 10), sp.Rational(1, 2)))
"""Probability vectors the entropy is read at: unequal entries, so that a weight left out changes the value."""
BASES = ((sp.E, "natural log"), (sp.Integer(2), "log base 2"), (sp.Integer(10), "log base 10"))
NORMAL_POINTS = (sp.Integer(0), sp.Rational(1, 2), sp.Integer(1), sp.Rational(-3, 2))
TOLERANCE = sp.Rational(1, 10**20)
"""Relative difference below which two values at 30 digits agree (the rows are exact formulas; 1e-20 leaves room
for the 30-digit evaluation's rounding, and a wrong formula differs by O(1))."""


def prose_before(lines: list[str], kind: str, line: int, column: int, introduction: str) -> str:
    """The words that introduce a block: the introduction of a display, or for an inline block the end of the
    sentence it starts in (which may begin on the line before)."""
    if kind == "display":
        return introduction
    if not 0 < line <= len(lines):
        return ""
    text = (lines[line - 2] if line > 1 else "") + " " + lines[line - 1][:max(column - 1, 0)]
    return re.split(r"\.\s|\n\s*\n", text)[-1]


def reading(lhs, rhs, prose: str, paragraph: str = ""):
    """``(name of the quantity, checker)`` when ``prose`` names the standard quantity ``lhs`` defines and ``rhs`` can
    be read at concrete values; None otherwise.  The checker returns ``(verdict, how, counterexample)``.  The
    log-likelihood of a sample from a law named in words is read by readers.notes.named_likelihoods."""
    likelihood = (named_likelihoods.reading(lhs, rhs, paragraph) or normal_likelihoods.reading(lhs, rhs, paragraph)) \
        if paragraph else None
    if likelihood is not None:
        return likelihood
    if not isinstance(lhs, AppliedUndef) or len(lhs.args) != 1 or not isinstance(lhs.args[0], sp.Symbol):
        return None
    if _names(ENTROPY, prose) and not OTHER_ENTROPY.search(prose):
        entries = _entries(lhs.args[0], rhs)
        if entries is not None:
            return "Shannon's entropy of the mass function", lambda: _check_entropy(lhs, rhs, *entries)
    if _names(STANDARD_NORMAL, prose) and not CUMULATIVE.search(prose) and rhs.free_symbols == {lhs.args[0]} \
            and not rhs.has(sp.Integral, sp.erf, sp.erfc, AppliedUndef):
        return "the standard normal density", lambda: _check_normal(lhs, rhs)
    return None


def _names(pattern, prose: str) -> bool:
    """Whether the last mention of ``pattern`` in ``prose`` names the block that follows: at most
    ``NAME_REACH`` characters before it, with no words after it that bring in something else ("the standard normal
    distribution, and consider $h(z) = z^2$")."""
    found = list(pattern.finditer(prose))
    if not found:
        return False
    tail = prose[found[-1].end():]
    return len(tail) <= NAME_REACH and OTHER_OBJECT.search(tail) is None


def _entries(name, rhs):
    """``(base, lower, size)`` when ``rhs`` is written in the entries ``name_i`` of ``name`` under sums over
    ``lower .. size`` alone (the same bounds for each), else None."""
    bases = {x.base for x in rhs.atoms(sp.Indexed)}
    if len(bases) != 1 or str(next(iter(bases))) != str(name):
        return None
    sums = rhs.atoms(sp.Sum)
    limits = {lim[1:] for s in sums for lim in s.limits}
    if len(limits) != 1 or any(len(s.limits) != 1 for s in sums):
        return None
    lower, size = next(iter(limits))
    base = next(iter(bases))
    if not lower.is_Integer or not isinstance(size, sp.Symbol):
        return None
    if {x for x in rhs.free_symbols if not isinstance(x, sp.Indexed)} - {size, base.label} \
            or any(not x.indices[0].free_symbols <= {s.limits[0][0] for s in sums} for x in rhs.atoms(sp.Indexed)):
        return None
    return base, int(lower), size


def _value(expr):
    value = sp.N(expr, 30)
    return value if value.is_real and value.is_finite else None


def _agrees(a, b) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1)


def _check_entropy(lhs, rhs, base, lower, size):
    ok_bases = [True] * len(BASES)
    for pmf in PMFS:
        at = rhs.subs(size, len(pmf) + lower - 1).doit()
        at = at.replace(lambda e: isinstance(e, sp.Indexed) and e.base == base and e.indices[0].is_Integer,
                        lambda e, pmf=pmf: pmf[int(e.indices[0]) - lower])
        written = _value(at)
        if written is None or at.atoms(sp.Indexed):
            return None
        for k, (b, _) in enumerate(BASES):
            truth = _value(-sum(p * sp.log(p, b) for p in pmf))
            ok_bases[k] = ok_bases[k] and _agrees(written, truth)
        if not any(ok_bases):
            truth = _value(-sum(p * sp.log(p) for p in pmf))
            witness = {f"{base}_{k + lower}": str(p) for k, p in enumerate(pmf)}
            witness.update({"lhs (natural log)": sp.sstr(sp.N(truth, 12)), "rhs": sp.sstr(sp.N(written, 12))})
            how = (f"at the mass function {tuple(map(str, pmf))} the entropy -sum p log p is {sp.N(truth, 6)} "
                   f"(natural log), the right side {sp.N(written, 6)}, and no base of the log (e, 2, 10) makes "
                   "them agree")
            return "refuted", how, witness
    used = next(name for ok, (_, name) in zip(ok_bases, BASES) if ok)
    how = f"read as -sum_i {base}_i log {base}_i ({used}) at {len(PMFS)} mass functions, at 30 digits"
    return "verified", how, None


def _check_normal(lhs, rhs):
    z = lhs.args[0]
    for point in NORMAL_POINTS:
        truth = sp.exp(-point**2 / 2) / sp.sqrt(2 * sp.pi)
        written = _value(rhs.subs(z, point))
        if written is None:
            return None
        if not _agrees(written, _value(truth)):
            how = f"at {z} = {point} the standard normal density is {sp.N(truth, 6)}, the right side {sp.N(written, 6)}"
            witness = {str(z): str(point), "lhs": sp.sstr(sp.N(truth, 12)), "rhs": sp.sstr(sp.N(written, 12))}
            return "refuted", how, witness
    return "verified", f"equal to exp(-{z}^2/2)/sqrt(2 pi) at {len(NORMAL_POINTS)} points, at 30 digits", None
