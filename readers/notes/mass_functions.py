r"""A probability mass function the notes state, checked to sum to 1.

A block ``p(k) = body`` (also ``P(k)``, ``p_X(k)``, ``f(k)``, ``P(X = k)``, ``p(k; \lambda)``) states a
probability mass function when the sentence introducing it says so (``probability mass function``,
``p.m.f.``, ``pmf``) or it says ``distribution``/``law`` and ``body`` makes ``k`` a count (``k!``,
:math:`\binom{n}{k}`).  A mass function sums to 1 over its support:

.. math::  \sum_{k \in S} p(k) = 1 .

The notes rarely write ``S``; the supports a count has in common use are tried, and a block is
refuted only when it sums to 1 on none of them:

* :math:`\{0, 1, 2, \dots\}` and :math:`\{1, 2, \dots\}`;
* :math:`\{0, \dots, n\}` and :math:`\{1, \dots, n\}` for each integer parameter ``n`` (one under a factorial
  or on top of a binomial);
* :math:`\{0, 1\}`.

The parameters (the other names of ``body``) must each be named by the notes: in the left side
(``p(k; \lambda)``, ``p(k \mid \theta)``), in a condition in force (``$\lambda > 0$``), or in a written law
of the introducing prose (``Poisson(λ)``); an unexplained name (``q`` standing for ``1 - p``) leaves the
block alone.  Values are tried from ``INTEGER_VALUES`` (integer parameters) and ``REAL_VALUES``; a sample
counts only when it meets every condition in force, every term is real and non-negative and the series
on :math:`\{0, 1, \dots\}` converges (its last ``TAIL_TERMS`` terms below ``TAIL_TOL``), so a mass
function on a finite set the prose names in words is never judged on the integers.  A refutation needs
``MIN_SAMPLES`` such samples, every one summing far (``SUM_TOL``) from 1 on every support; the
counterexample is the first sample, with its sums.  Prose that hedges (``proportional``, ``up to``,
``unnormalised``, ``support``, a set written out) and conditions that bound ``k`` leave the block alone.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.report import BlockReport, StepReport
from readers.notes.symbols import _show

MASS_NAMES = ("p", "P", "f", "p_X", "P_X", "f_X", "p_{X}", "P_{X}", "f_{X}")
"""Names a mass function is written with."""
GREEK = frozenset({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa", "lambda", "mu",
                   "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi", "omega"})
r"""Names read as parameters after the count in ``p(k, \lambda)`` (the reader gives ``p(k; \lambda)`` so)."""
MASS_WORDS = re.compile(r"mass function|\bp\.?m\.?f\b|probability mass", re.I)
LAW_WORDS = re.compile(r"\bdistribution\b|\blaw\b|\bdistributed\b", re.I)
HEDGES = re.compile(r"proportional|\\propto|∝|unnormali|\bup to\b|\bsupport\b|truncat|restrict|\bfinite\b|"
                    r"\bapproximat|\\\{|\\in\b", re.I)
"""Prose that names a normaliser or a support in words: the block is left alone."""
INTEGER_VALUES = (3, 5, 8)
REAL_VALUES = (0.3, 0.7, 1.5, 2.5, 0.15)
MIN_SAMPLES = 2
SUM_TOL = 1e-6
"""How far from 1 a sum must be to refute (the sums are exact to ~1e-25 at ``DIGITS``)."""
TERMS = 600
"""Terms summed on the infinite supports."""
TAIL_TERMS = 50
TAIL_TOL = 1e-20
"""A series counts as converged when its last ``TAIL_TERMS`` terms add up to less than this."""
DIGITS = 30


def _variable(lhs):
    r"""``(k, named parameters)`` of a mass function's left side, or None."""
    if not isinstance(lhs, AppliedUndef) or lhs.func.__name__ not in MASS_NAMES or not lhs.args:
        return None
    first, rest = lhs.args[0], lhs.args[1:]
    if not isinstance(first, sp.Symbol):
        if type(first).__name__ == "event_eq" or getattr(first.func, "__name__", "") == "event_eq":
            if len(first.args) == 2 and isinstance(first.args[1], sp.Symbol):
                first = first.args[1]
            else:
                return None
        else:
            return None
    named = set()
    for r in rest:
        # p(k | n), p(k; \lambda): a parameter; p(x, y) with a Latin second name is a joint law, not read here
        if type(r).__name__ != "Given" and not (isinstance(r, sp.Symbol) and r.name.lstrip("\\") in GREEK):
            return None
        named |= r.free_symbols
    return first, named


def _greek(text: str) -> str:
    """Unicode Greek letters as the reader names them (``λ`` -> ``lambda``)."""
    out = []
    for ch in text:
        name = unicodedata.name(ch, "")
        if name.startswith("GREEK SMALL LETTER "):
            word = name[len("GREEK SMALL LETTER "):].lower()
            out.append(" " + {"lamda": "lambda"}.get(word, word) + " ")
        else:
            out.append(ch)
    return "".join(out)


def _law_parameters(intro: str) -> set[str]:
    r"""Names inside a written law of the prose (``Poisson(λ)``, ``\mathrm{Bin}(n, p)``)."""
    text = _greek(intro)
    names = set()
    for m in re.finditer(r"[A-Z][A-Za-z]+\}?\s*\(([^()]{1,40})\)", text):
        for part in m.group(1).split(","):
            word = part.strip().strip("\\$ ")
            if re.fullmatch(r"[A-Za-z]+", word):
                names.add(word)
    return names


def _integer_parameters(body, k) -> set:
    """Parameters the body treats as integers (under a factorial, on top of a binomial)."""
    out = set()
    for f in body.atoms(sp.factorial):
        out |= f.args[0].free_symbols - {k}
    for b in body.atoms(sp.binomial):
        out |= b.args[0].free_symbols - {k}
    return out


def _is_count(body, k) -> bool:
    return any(k in f.args[0].free_symbols for f in body.atoms(sp.factorial)) or \
        any(k in b.args[1].free_symbols for b in body.atoms(sp.binomial))


def _meets(conditions, values) -> bool:
    for c in conditions:
        if not c.free_symbols or not c.free_symbols <= set(values):
            continue
        try:
            if not bool(c.xreplace({s: sp.Float(v, DIGITS) if not isinstance(v, int) else sp.Integer(v)
                                    for s, v in values.items()})):
                return False
        except TypeError:
            return False
    return True


def _samples(parameters, integers, conditions):
    """Parameter values meeting the conditions: one value per parameter, rotated through the candidates."""
    ordered = sorted(parameters, key=lambda s: s.name)
    out = []
    for shift in range(max(len(INTEGER_VALUES), len(REAL_VALUES))):
        values = {}
        for j, s in enumerate(ordered):
            pool = INTEGER_VALUES if s in integers else REAL_VALUES
            values[s] = pool[(shift + j) % len(pool)]
        if _meets(conditions, values):
            out.append(values)
    return out


def _terms(body, k, values):
    """The terms as an mpmath function of the count, or None."""
    expr = body.xreplace({s: (sp.Integer(v) if isinstance(v, int) else sp.Float(v, DIGITS)) for s, v in values.items()})
    if expr.free_symbols != {k} and expr.free_symbols:
        return None
    f = sp.lambdify([k], expr, modules="mpmath")

    def term(n):
        try:
            value = mpmath.mpmathify(f(n))
        except (ZeroDivisionError, ValueError, OverflowError, TypeError):
            return None
        if isinstance(value, mpmath.mpc):
            if abs(value.imag) > mpmath.mpf(10) ** (-DIGITS + 5):
                return None
            value = value.real
        return value

    return term


def _sums(term, integer_values):
    r"""``({support: sum}, counts)``: the sums over the candidate supports on which every term is a finite
    non-negative real (and, for the infinite ones, the series converges); ``counts`` says whether the sum on
    :math:`\{0, 1, \dots\}` is among them (only then may a failure refute: a support the notes name in words
    is finite, and its terms need not be summable on the integers)."""
    def finite(terms):
        return all(t is not None and mpmath.isfinite(t) and t >= 0 for t in terms)

    out = {}
    first = [term(n) for n in range(2)]
    if finite(first):
        out["k = 0, 1"] = first[0] + first[1]
    for name, n in integer_values.items():
        terms = [term(j) for j in range(n + 1)]
        if finite(terms):
            out[f"k = 0, ..., {name} (= {n})"] = mpmath.fsum(terms)
            out[f"k = 1, ..., {name} (= {n})"] = mpmath.fsum(terms[1:])
    values = []
    for n in range(TERMS):
        t = term(n)
        if not finite([t]):
            return out, False
        values.append(t)
    if mpmath.fsum(values[-TAIL_TERMS:]) > TAIL_TOL:
        return out, False
    out["k = 0, 1, 2, ..."] = mpmath.fsum(values)
    out["k = 1, 2, 3, ..."] = mpmath.fsum(values[1:])
    return out, True


@dataclasses.dataclass(frozen=True)
class Judgement:
    """What the sums say of a stated mass function: ``sums to 1`` (on ``support``), ``sums to 1 nowhere``
    (with ``values`` and ``sums`` of the first sample and ``samples`` counted) or ``not judged`` (``why``)."""

    outcome: str
    why: str = ""
    values: dict = dataclasses.field(default_factory=dict)
    sums: dict = dataclasses.field(default_factory=dict)
    samples: int = 0


def judge(lhs, rhs, conditions, intro: str, after: str) -> Judgement:
    """Whether ``lhs = rhs``, introduced by ``intro`` and followed by ``after``, states a mass function
    that sums to 1 (see the module docstring)."""
    found = _variable(lhs)
    if found is None:
        return Judgement("not judged", "no mass function written on the left")
    k, named = found
    if k not in rhs.free_symbols or rhs.atoms(AppliedUndef) or rhs.has(sp.Sum, sp.Integral, sp.Derivative):
        return Judgement("not judged", "the right side is no closed form in the count")
    if not (MASS_WORDS.search(intro) or (LAW_WORDS.search(intro) and _is_count(rhs, k))):
        return Judgement("not judged", "the prose does not call it a mass function")
    if HEDGES.search(intro) or HEDGES.search(after):
        return Judgement("not judged", "the prose names a normaliser or a support")
    by_name = {x.name: x for x in rhs.free_symbols | {k}}
    conditions = [c.xreplace({x: by_name[x.name] for x in c.free_symbols if x.name in by_name})
                  for c in conditions]
    if any(k in c.free_symbols for c in conditions):
        return Judgement("not judged", "the notes bound the count")
    parameters = rhs.free_symbols - {k}
    in_law = _law_parameters(intro)
    conditioned = set().union(*(c.free_symbols for c in conditions)) if conditions else set()
    loose = [s for s in parameters if not (s in named or s in conditioned or s.name.lstrip("\\") in in_law)]
    if loose:
        return Judgement("not judged", f"{', '.join(sorted(s.name for s in loose))} named nowhere")
    integers = _integer_parameters(rhs, k)
    counted, witness = 0, None
    with mpmath.workdps(DIGITS):
        for values in _samples(parameters, integers, conditions):
            term = _terms(rhs, k, values)
            if term is None:
                return Judgement("not judged", "the terms cannot be evaluated")
            sums, counts = _sums(term, {s.name: v for s, v in values.items() if s in integers})
            ones = [support for support, v in sums.items() if abs(v - 1) <= SUM_TOL]
            if ones:
                return Judgement("sums to 1", f"on {ones[0]}", values, sums)
            if not counts:
                continue  # not a sample the mass function is meant at
            counted += 1
            if witness is None:
                witness = (values, sums)
    if counted < MIN_SAMPLES:
        return Judgement("not judged", f"{counted} parameter samples with non-negative terms and a convergent sum")
    return Judgement("sums to 1 nowhere", "", witness[0], witness[1], counted)


def unnormalised_mass(lhs, rhs, conditions, line, intro: str, after: str) -> StepReport | None:
    """A refuted step when ``lhs = rhs`` states a mass function that sums to 1 on no support in common use
    (see the module docstring); None otherwise."""
    found = judge(lhs, rhs, conditions, intro, after)
    if found.outcome != "sums to 1 nowhere":
        return None
    values, sums = found.values, found.sums
    shown = "; ".join(f"{support}: {mpmath.nstr(v, 12)}" for support, v in sums.items())
    at = ", ".join(f"{s.name}={v}" for s, v in values.items())
    return StepReport(lhs=_show(lhs), rel="=", rhs=_show(rhs), line=line, verdict="refuted",
                      method="mass function sums (mpmath)",
                      reason=f"called a probability mass function, but its terms sum to 1 on no support a count "
                             f"has in common use (at {at}: {shown}); {found.samples} parameter samples, each failing",
                      counterexample={**{s.name: v for s, v in values.items()}, "sums": shown})


def review(block, frag, report: BlockReport, conditions, intro: str, after: str) -> BlockReport:
    """``report`` refuted when ``block`` is a lone row stating a mass function that sums to 1 on no common
    support; else ``report`` unchanged."""
    if not report.parsed or report.verdict not in (None, "undecided"):
        return report  # undecided: a second p(x) read as a claim or as a new definition; a pmf either way
    rows = [r for r in block.rows if r.kind not in ("empty", "prose", "list")]
    if len(rows) != 1:
        return report
    row = rows[0]
    exprs, rels = row.chain.exprs, row.chain.rels
    if len(exprs) != 2 or rels[0] not in ("=", ":="):
        return report
    step = unnormalised_mass(exprs[0], exprs[1], list(conditions) + list(row.conditions),
                             frag.content_line + row.line - 1, intro, after)
    if step is None:
        return report
    return dataclasses.replace(report, steps=(step,), role="claim")
