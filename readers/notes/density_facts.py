r"""Facts stated about the density a section defines, checked by quadrature.

A section that writes a probability density ``f(x) = ...`` (or ``p(x)``, ``f(x; b)`` with shape
parameters) and then states what it is commonly summarised by is stating *facts about that density*,
not defining new names.  The rows read as such facts (the names of statistics reference sheets):

==========================================  ===============================================================
written                                     checked as
==========================================  ===============================================================
``F(x) = ...``                              the CDF: :math:`\int_{lo}^{x} f = F(x)` at three points of the support
``G(q) = ...``, ``F^{-1}(q) = ...``         the quantile: :math:`\int_{lo}^{G(q)} f = q` at ``q = 0.2, 0.5, 0.85``
``\mu``, ``m``, ``\mu_X``, ``E[X]``         the mean :math:`\int x f`
``\mu_2``, ``\sigma^2``, ``\mathrm{Var}(X)``  the variance
``\gamma_1``; ``\gamma_2``                  skewness :math:`\mu_3/\mu_2^{3/2}`; excess kurtosis :math:`\mu_4/\mu_2^2 - 3`
``m_d``; ``m_n``                            the mode (largest density on a grid); the median (:math:`\int_{lo}^{m_n} f = 1/2`)
``h[X]``, ``h(X)``, ``H(X)``                the differential entropy :math:`-\int f\log f`
``M(t)``                                    the m.g.f. :math:`\int e^{tx} f` at ``t = -0.4, 0.3``
``\mu_n'``                                  the raw moment :math:`\int x^n f` at ``n = 1, 2, 3``
==========================================  ===============================================================

The density is first shown to be one: real, non-negative and of integral 1 (within ``NORM_TOL``) on
its support, at two sampled values of its shape parameters that satisfy the conditions in force.  The
support is the first of (a lower bound the section states, the real line, ``[0, \infty)``,
``[0, 1]``) on which it is.  A statistic whose name is a parameter of the density (``\mu`` in
``f(x) = e^{-(x-\mu)^2/2}/\sqrt{2\pi}``) is that parameter, not a fact.

Everything is numeric (scipy's adaptive quadrature in double precision, results kept only when its
error estimate is below ``FACT_TOL / 10``; stated values evaluated by sympy at ``DIGITS`` digits), so a fact that holds is ``verified``,
saying what was sampled.  A fact that fails is ``refuted`` only under the rules of
readers.notes.density_trust (a support the section states, parameters meeting every condition, a gap
far beyond the quadrature's error at every point and at two or more, every reading of the name
failing, no change of subject), with the parameters and both values as the counterexample; otherwise
it is ``undecided`` with the rule that stopped it.  A block is taken over when every row is a density
or a fact and they all hold, or one is refuted, or the caller's reading decides nothing; otherwise the
caller keeps its own reading.  A lone row the prose calls a density that is none is refuted by
:func:`unnormalised`.
"""
from __future__ import annotations

import dataclasses
import math
import re
import warnings
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp
from scipy import integrate
from sympy.core.function import AppliedUndef

from readers.notes.approximation import decimal_places
from readers.notes.density_trust import (
    NAMES_ALONE,
    called_a_density,
    stated_bounds,
    REFUTE_TOL,
    conditions_allow,
    enough_points,
    far,
    stated_support,
    subject_change,
)
from readers.notes.report import BlockReport, StepReport
from readers.notes.special import standard_functions
from readers.notes.symbols import _show

DIGITS = 20
"""Digits of the stated values (sympy ``N``)."""
NORM_TOL = 1e-8
"""How close to 1 the integral of a density must be (quadrature error is far below this)."""
FACT_TOL = 1e-7
"""Relative (or absolute near 0) agreement required of a stated fact: quadrature errors of these smooth
integrands are below 1e-12, so a formula that differs only in a late digit would still be caught."""
PARAMETER_BASES = (2.5, 4.5, 5.5, 6.5, 1.4, 0.6)
"""Values tried for shape parameters (parameter ``i`` gets ``base + 0.37 i``); the first two that
satisfy every condition are used."""
POINTS = {"real": (-1.3, 0.4, 1.7), "lower": (0.4, 1.3, 2.6), "unit": (0.2, 0.5, 0.85)}
QUANTILES = (0.2, 0.5, 0.85)
MGF_POINTS = (-0.4, 0.3)
RAW_ORDERS = (1, 2, 3)
DENSITY_NAMES = ("f", "p", "p_X", "f_X", "p_{X}", "f_{X}")


@dataclass
class Density:
    variable: sp.Symbol
    body: sp.Expr
    parameters: tuple  # shape parameters, in the order of f(x; a, b)
    support: tuple  # (lo, hi) as sympy numbers
    samples: tuple  # dicts {parameter: value} the density was shown normalised at
    line: int
    cdf_checked: bool = False  # the section's F was checked to be its integral from the lower end

    def integrals(self, values) -> _Integrals:
        """The quadratures at one parameter sample, made once."""
        key = tuple(sorted((str(k), v) for k, v in values.items()))
        cache = self.__dict__.setdefault("_cache", {})
        if key not in cache:
            cache[key] = _Integrals(self, values)
        return cache[key]

    def describe(self) -> str:
        lo, hi = self.support
        where = "the real line" if lo == -sp.oo else f"[{lo}, {'oo' if hi == sp.oo else hi}]"
        at = "; ".join(", ".join(f"{p}={v}" for p, v in s.items()) for s in self.samples if s)
        return f"the density f({self.variable}) = {self.body} of line {self.line}, on {where}" + \
            (f", at {at}" if at else "")


def _inverse_readings(expr):
    r"""``\Phi^{-1}(q)`` as :math:`\sqrt2\,\operatorname{erfinv}(2q - 1)`."""
    return expr.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__.lstrip("\\") == "Phi^{-1}"
                        and len(e.args) == 1, lambda e: sp.sqrt(2) * sp.erfinv(2 * e.args[0] - 1))


def _numeric(expr, defined, parameters=()):
    r"""``expr`` with standard special functions read (and an undefined ``\gamma`` that is no parameter as
    the Euler--Mascheroni constant); None when unknown functions remain."""
    expr, _ = standard_functions(_inverse_readings(expr), defined)
    expr = expr.xreplace({x: sp.EulerGamma for x in expr.free_symbols
                          if isinstance(x, sp.Symbol) and x.name.lstrip("\\") == "gamma" and x not in parameters})
    if expr.atoms(AppliedUndef) or expr.has(sp.Derivative, sp.Integral, sp.Sum):
        return None
    return expr


def _value(expr, values):
    with mpmath.workdps(DIGITS):
        try:
            out = sp.N(expr.xreplace({k: sp.Float(v, DIGITS) for k, v in values.items()}), DIGITS)
        except Exception:  # noqa: BLE001 - a value sympy cannot give is no evidence
            return None
        if out.free_symbols or not out.is_number:
            return None
        out = complex(out)
        return out.real if abs(out.imag) <= 1e-20 else None


def _close(a, b, tol=FACT_TOL) -> bool:
    return a is not None and b is not None and abs(a - b) <= tol * max(1.0, abs(a), abs(b))


TAIL = 50.0
"""Beyond ``|x| > TAIL`` a density value that overflows to nan (``inf/inf`` in a logistic tail) is 0."""
QUAD_TOL = 1e-11
"""Relative error asked of scipy's adaptive quadrature; a result whose error estimate exceeds
``FACT_TOL / 10`` is no evidence."""


class _Integrals:
    """Quadratures (scipy ``quad``, double precision) of one density at one parameter sample."""

    def __init__(self, density: Density, values: dict):
        self.d, self.values, self.memo = density, values, {}
        body = density.body.xreplace({k: sp.Float(v, DIGITS) for k, v in values.items()})
        self.f = sp.lambdify([density.variable], body, modules=["scipy", "numpy"])
        self.lo, self.hi = (float(b) if b.is_finite else (math.inf if b > 0 else -math.inf)
                            for b in density.support)

    def density(self, x):
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = complex(self.f(x))
        if value.imag != 0:
            return math.nan
        value = value.real
        if math.isnan(value) and abs(x) > TAIL:
            return 0.0
        return value

    def weighted(self, g, x):
        """``g(x) f(x)``; 0 where the density is 0 (``g`` may overflow there: ``e^{tx}`` far in a tail)."""
        value = self.density(x)
        return 0.0 if value == 0 else g(x) * value

    def quad(self, g, lo=None, hi=None):
        lo = self.lo if lo is None else float(lo)
        hi = self.hi if hi is None else float(hi)
        pieces = [(lo, 0.0), (0.0, hi)] if lo < 0 < hi and (math.isinf(lo) or math.isinf(hi)) else [(lo, hi)]
        total = 0.0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for a, b in pieces:
                value, error = integrate.quad(lambda x: self.weighted(g, x), a, b, epsabs=0.0,
                                              epsrel=QUAD_TOL, limit=200)
                if not math.isfinite(value) or error > FACT_TOL / 10 * max(1.0, abs(value)):
                    return None
                total += value
        return total

    def central(self, k):
        if k not in self.memo:
            mean = self.mean()
            self.memo[k] = None if mean is None else self.quad(lambda x: (x - mean) ** k)
        return self.memo[k]

    def mean(self):
        if "mean" not in self.memo:
            self.memo["mean"] = self.quad(lambda x: x)
        return self.memo["mean"]


def density_at(row_lhs, row_rhs, conditions, line):
    """A :class:`Density` when ``row_lhs`` is ``f(x)`` / ``f(x; b)`` and ``row_rhs`` is one on some
    support (see the module doc); None otherwise."""
    if not isinstance(row_lhs, AppliedUndef) or row_lhs.func.__name__ not in DENSITY_NAMES:
        return None
    args = row_lhs.args
    if not args or not all(isinstance(a, sp.Symbol) for a in args) or len(set(args)) != len(args):
        return None
    variable, parameters = args[0], tuple(args[1:])
    body = _numeric(row_rhs, frozenset())
    if body is None or not body.free_symbols <= set(args):
        return None
    samples = _samples(parameters, conditions)
    if samples is None:
        return None
    for support in _supports(variable, conditions):
        candidate = Density(variable, body, parameters, support, samples, line)
        if all(_normalised(candidate, s) for s in samples):
            return candidate
    return None


def _supports(variable, conditions):
    """Candidate supports: the one the conditions on ``variable`` state, then the usual guesses (only a
    stated one, or one the section's F confirms, lets a fact be refuted: readers.notes.density_trust)."""
    bounds = stated_bounds(variable, conditions)
    out = []
    if bounds != "conflict" and bounds[0] is not None:
        out.append((bounds[0], sp.oo if bounds[1] is None else bounds[1]))
    return out + [(-sp.oo, sp.oo), (sp.Integer(0), sp.oo), (sp.Integer(0), sp.Integer(1))]


def _samples(parameters, conditions, count=2):
    if not parameters:
        return ({},)
    found = []
    relevant = [c for c in conditions if c.free_symbols and c.free_symbols <= set(parameters)]
    for base in PARAMETER_BASES:
        values = {p: round(base + 0.37 * i, 2) for i, p in enumerate(parameters)}
        if all(bool(c.xreplace({k: sp.Float(v) for k, v in values.items()})) is True for c in relevant):
            found.append(values)
        if len(found) == count:
            return tuple(found)
    return None


def _normalised(density: Density, values) -> bool:
    try:
        q = density.integrals(values)
        lo, hi = q.lo, q.hi
        grid = [lo + (hi - lo) * k / 9 for k in range(1, 9)] if not math.isinf(hi) else \
            [(lo if not math.isinf(lo) else -6) + 0.05 + 0.8 * k for k in range(15)]
        for x in grid:
            v = q.density(x)
            if math.isnan(v) or v < 0:
                return False
        total = q.quad(lambda x: 1)
    except Exception:  # noqa: BLE001 - a density that cannot be integrated is not shown to be one
        return False
    return total is not None and abs(total - 1) <= NORM_TOL


# ** the statistics **

def _plain(name: str) -> str:
    return name.replace("\\", "").replace("{", "").replace("}", "").replace(" ", "")


def statistic(expr, density: Density):
    """``(kind, argument symbol or None)`` for a row's left side that names a statistic; None otherwise."""
    if isinstance(expr, sp.Symbol):
        if expr in density.parameters or expr == density.variable:
            return None
        name = _plain(expr.name)
        kinds = {"mu": "mean", "m": "mean", "mu_X": "mean", "mu_2": "variance", "sigma_X^2": "variance",
                 "gamma_1": "skewness", "gamma_2": "kurtosis", "m_d": "mode", "m_n": "median",
                 "mu_n'": "raw"}
        kind = kinds.get(name)
        if kind == "raw":
            return kind, sp.Symbol("n")
        return (kind, None) if kind else None
    if isinstance(expr, sp.Pow) and expr.exp == 2 and isinstance(expr.base, sp.Symbol) \
            and _plain(expr.base.name) in ("sigma", "sigma_X") and expr.base not in density.parameters:
        return "variance", None
    if isinstance(expr, AppliedUndef):
        name, args = expr.func.__name__.lstrip("\\"), expr.args
        if not args or not all(isinstance(a, sp.Symbol) for a in args):
            return None
        if tuple(args[1:]) != density.parameters and len(args) > 1:
            return None
        if name in ("h", "H") and len(args) == 1 and args[0].name == "X":
            return "entropy", None
        if name in ("E", "mathbb{E}") and len(args) == 1 and args[0].name == "X":
            return "mean", None
        if name in ("Var", "mathrm{Var}", "operatorname{Var}") and len(args) == 1 and args[0].name == "X":
            return "variance", None
        if name == "F":
            return "cdf", args[0]
        if name in ("G", "F^{-1}"):
            return "quantile", args[0]
        if name == "M" and len(args) == 1:
            return "mgf", args[0]
    return None


def _truth(kind, q: _Integrals, at):
    """The statistic of the density at parameter sample ``q`` (and argument ``at``); None if not finite."""
    if kind == "mean":
        return q.mean()
    if kind == "variance":
        return q.central(2)
    if kind in ("skewness", "kurtosis"):
        var, k = q.central(2), q.central(3 if kind == "skewness" else 4)
        if var is None or k is None or var <= 0:
            return None
        return k / var ** 1.5 if kind == "skewness" else k / var ** 2 - 3
    if kind == "entropy":
        return q.quad(lambda x: -math.log(q.density(x)) if q.density(x) > 0 else 0.0)
    if kind == "cdf":
        return q.quad(lambda x: 1.0, hi=at)
    if kind == "mgf":
        return q.quad(lambda x: math.exp(min(at * x, 700.0)))
    if kind == "raw":
        return q.quad(lambda x: x ** at)
    return None


def _arguments(kind, density: Density):
    lo, hi = density.support
    if kind == "cdf":
        points = POINTS["real"] if lo == -sp.oo else POINTS["unit"] if hi == 1 else \
            tuple(float(lo) + p for p in POINTS["lower"])
        return points
    return {"quantile": QUANTILES, "mgf": MGF_POINTS, "raw": RAW_ORDERS}.get(kind, (None,))


def _claimed_readings(kind, name_kind, stated):
    r"""``{reading: stated value}`` for each meaning of the fact's name (see readers.notes.density_trust):
    ``\mu_2`` central or raw; ``\gamma_2`` excess or plain kurtosis; an entropy in nats or in bits (the
    stated ``\log`` as written, or read as :math:`\log_2`)."""
    out = {kind: stated}
    if kind == "kurtosis":
        out["plain kurtosis"] = stated
    if kind == "variance" and name_kind == "mu_2":
        out["raw second moment"] = stated
    if kind == "entropy":
        out["entropy in bits"] = stated
        out["entropy in bits, log read as log_2"] = stated.replace(lambda e: isinstance(e, sp.log),
                                                                   lambda e: e / sp.log(2))
    return out


def _reading_truth(reading, q: _Integrals, at):
    if reading == "plain kurtosis":
        excess = _truth("kurtosis", q, at)
        return None if excess is None else excess + 3
    if reading == "raw second moment":
        return q.quad(lambda x: x * x)
    if reading.startswith("entropy in bits"):
        nats = _truth("entropy", q, at)
        return None if nats is None else nats / math.log(2)
    return _truth(reading, q, at)


def points(kind, argument, readings: dict, density: Density, values: dict):
    """``[(at, {reading: (truth, claimed)})]`` at each argument of ``kind`` for parameter sample
    ``values``; None when a stated value or a quadrature cannot be had (no evidence either way).  For a
    mode, truth is the density at the stated point over the largest on a grid (1 when it is the mode)."""
    q = density.integrals(values)
    out = []
    for at in _arguments(kind, density):
        env = dict(values)
        if argument is not None:
            env[argument] = at
        pairs = {}
        for reading, stated in readings.items():
            claimed = _value(stated, env)
            if claimed is None:
                return None
            try:
                if kind == "quantile":
                    truth, claimed = q.quad(lambda x: 1.0, hi=claimed), at
                elif kind == "median":
                    truth, claimed = q.quad(lambda x: 1.0, hi=claimed), 0.5
                elif kind == "mode":
                    truth, claimed = _mode_ratio(q, claimed), 1.0
                else:
                    truth = _reading_truth(reading, q, at)
            except Exception:  # noqa: BLE001 - a quadrature that fails is no evidence
                return None
            if truth is None:
                return None
            pairs[reading] = (truth, claimed)
        out.append((at, pairs))
    return out


def holds(kind, argument, stated, density: Density, values: dict, tolerance) -> str | None:
    """Why the stated value of statistic ``kind`` holds at parameter sample ``values``; None if it does
    not, or cannot be shown."""
    found = points(kind, argument, {kind: stated}, density, values)
    if found is None:
        return None
    for _, pairs in found:
        truth, claimed = pairs[kind]
        if kind == "mode":
            if truth < 1 / (1 + 1e-12):
                return None
        elif not _close(truth, claimed, tolerance):
            return None
    shown = [at for at, _ in found if at is not None]
    return f"{kind}" + (f" at {argument} = {', '.join(map(str, shown))}" if argument is not None else "")


def _mode_ratio(q: _Integrals, at) -> float:
    r"""The density at ``at`` over the largest on a grid over the support and next to ``at`` (1 when
    ``at`` is the mode; 0 outside the support).  A point that is a local maximum counts as a mode
    (notes may name one of several) for refuting: its ratio is returned as 1 - 0, never far."""
    at = float(at)
    if at < q.lo or at > q.hi:
        return 0.0
    top = q.density(at)
    lo = q.lo if not math.isinf(q.lo) else at - 8
    hi = q.hi if not math.isinf(q.hi) else at + 8
    grid = [lo + (hi - lo) * k / 200 for k in range(201)] + [at - 1e-4, at + 1e-4]
    values = [q.density(x) for x in grid if q.lo <= x <= q.hi]
    if any(math.isnan(v) for v in values) or math.isnan(top):
        raise ArithmeticError("the density is not defined on the grid")
    best = max(values + [top])
    if best <= top * (1 + 1e-12):
        return 1.0
    near = [q.density(x) for x in (at - 1e-3, at + 1e-3) if q.lo <= x <= q.hi]
    if all(v <= top for v in near):  # a local maximum: perhaps the mode the notes mean
        return 1.0 - 1e-9
    return top / best if best > 0 else 1.0


def tolerance_of(rel: str, stated) -> float:
    r"""``FACT_TOL`` for ``=``; for ``\approx 1.4189...`` (read as a fraction over a power of ten), one
    unit in the last written digit."""
    if rel != "approx" or not isinstance(stated, sp.Rational):
        return FACT_TOL
    return max(FACT_TOL, 1.0 / float(stated.q))


# ** a section's sheet **

class DensitySheet:
    """The density in force in the current section, and the blocks that state facts about it."""

    def __init__(self):
        self.section, self.density, self.density_end = None, None, 0

    def review(self, block, frag, report: BlockReport, conditions, lines=()) -> BlockReport:
        """``report`` with its steps replaced by the checks of the facts ``block`` states about the
        section's density, when every row of it is one and each holds, or one of them is refuted under
        the rules of readers.notes.density_trust, or the other reading decides nothing (the step then
        says why a failing fact is not refuted); else ``report`` unchanged.  ``lines`` is the
        note's text (the prose between the density and a fact may change the subject)."""
        if frag.section != self.section:
            self.section, self.density, self.density_end = frag.section, None, 0
        if not report.parsed:
            return report
        try:
            steps = self._steps(block, frag, [c[0] for c in conditions], lines)
        except Exception:  # noqa: BLE001 - a failure of ours is never a verdict: keep the other reading
            return report
        if not steps:
            return report
        if all(s.method.startswith(_DENSITY_METHOD) for s in steps) and not _named_a_law(lines, frag):
            return report  # f(x) = x e^x to differentiate: a definition the prose never calls a law, however it
            # integrates ([0, 1] is one of the supports tried); it stays the section's density for the facts after it
        verdicts = {s.verdict for s in steps}
        if verdicts != {"verified"} and "refuted" not in verdicts and report.verdict not in (None, "undecided"):
            return report  # a fact that fails short of a refutation: the other reading stands
        return dataclasses.replace(report, steps=tuple(steps), role="claim", catalog_agrees=None
                                   if report.catalog_agrees is False else report.catalog_agrees)

    def _steps(self, block, frag, conditions, lines):
        """The block's steps when every row is a density (verified) or a fact; else None.  Density rows
        and distribution-function rows are read first (the latter state the support a refutation stands
        on), the rest after; the steps keep the rows' order."""
        chains = _chains(block)
        if not chains:
            return None
        out = [None] * len(chains)
        end = frag.line + frag.source.count("\n")
        prose = "\n".join(lines[self.density_end:max(self.density_end, frag.line - 1)]) \
            if self.density is not None and self.density_end < frag.line else ""
        for first in (True, False):
            for i, (exprs, rels, given, line) in enumerate(chains):
                line = frag.content_line + line - 1
                is_density = len(exprs) == 2 and rels[0] in ("=", ":=") and isinstance(exprs[0], AppliedUndef) \
                    and exprs[0].func.__name__ in DENSITY_NAMES
                is_cdf = self.density is not None and statistic(exprs[0], self.density) is not None \
                    and statistic(exprs[0], self.density)[0] == "cdf"
                if first != (is_density or is_cdf) or out[i] is not None:
                    continue
                if is_density:
                    found = density_at(exprs[0], exprs[1], conditions + list(given), line)
                    if found is None:  # the section's f is now no density we know: later facts are not its
                        self.density = None
                        lone = len(chains) == 1 and len(exprs) == 2
                        step = unnormalised(exprs[0], exprs[1], conditions + list(given), line,
                                            _preceding(lines, frag.line), _following(lines, end)) if lone else None
                        return [step] if step is not None else None
                    self.density, self.density_end, prose = found, end, ""
                    out[i] = StepReport(lhs=_show(exprs[0]), rel="=", rhs=_show(exprs[1]), verdict="verified",
                                        line=line, method=f"{_DENSITY_METHOD}: non-negative on a grid and of "
                                        f"integral 1 (adaptive quadrature, relative error below {FACT_TOL / 10:g}): "
                                        f"{found.describe()}")
                    continue
                step = self._fact(exprs, rels, conditions + list(given), line, prose, frag.heading)
                if step is None:
                    return None
                out[i] = step
                if is_cdf and step.verdict == "verified":
                    self.density.cdf_checked = True
        return out

    def _fact(self, exprs, rels, conditions, line, prose="", heading=None):
        density = self.density
        if density is None or any(r not in ("=", "approx") for r in rels):
            return None
        kinds = [statistic(e, density) for e in exprs]
        named = [k for k in kinds if k is not None]
        if kinds[0] is None or len({a for _, a in named}) != 1:
            return None
        samples = _samples(density.parameters, conditions)
        if samples is None or not all(_normalised(density, s) for s in samples):
            return None
        stated = [(e, r) for e, k, r in zip(exprs[1:], kinds[1:], rels) if k is None]
        if not stated:
            return None
        names = [_plain(e.name) for e, k in zip(exprs, kinds) if k is not None and isinstance(e, sp.Symbol)]
        whys, failures = [], []
        for kind, argument in dict.fromkeys(named):
            allowed = set(density.parameters) | ({argument} if argument is not None else set())
            for value, rel in stated:
                value = _numeric(value, frozenset(), density.parameters)
                if value is not None and argument is not None:  # the order n of mu_n' as the notes' own n
                    value = value.xreplace({s: argument for s in value.free_symbols if s.name == argument.name})
                if value is None or not value.free_symbols <= allowed:
                    return None
                why = None
                for sample in samples:
                    why = holds(kind, argument, value, density, sample, tolerance_of(rel, value))
                    if why is None:
                        break
                if why is None:
                    failures.append(self._failure(kind, argument, value, rel, names, samples, conditions,
                                                  prose, heading))
            whys.append(why)
        shown_rhs = " = ".join(_show(e) for e, _ in stated)
        at = "; ".join(", ".join(f"{p}={v}" for p, v in s.items()) for s in samples if s)
        if failures:
            refuted = [f for f in failures if f[0] == "refuted"]
            verdict, reason, witness = refuted[0] if refuted else failures[0]
            return StepReport(lhs=_show(exprs[0]), rel=rels[0], rhs=shown_rhs, line=line, verdict=verdict,
                              method=f"density quadrature of the section's density f({density.variable}) = "
                              f"{density.body} (line {density.line})", reason=reason, counterexample=witness)
        why = ", ".join(whys)
        return StepReport(lhs=_show(exprs[0]), rel=rels[0], rhs=shown_rhs, line=line,
                          verdict="verified", method=f"{why} of the section's density f({density.variable}) = "
                          f"{density.body} (line {density.line}), by adaptive quadrature (error below {FACT_TOL / 10:g}), "
                          f"agreeing within {FACT_TOL:g}"
                          + (f", shape parameters at {at}" if at else "") + "; evidence, not a proof")

    def _failure(self, kind, argument, value, rel, names, samples, conditions, prose, heading):
        """``(verdict, reason, counterexample)`` of a fact that does not hold at every sample: refuted
        when it fails far at every point compared and every rule of readers.notes.density_trust is met;
        else undecided, saying which rule stopped it."""
        density = self.density
        decimals = decimal_places(value) if rel == "approx" else None
        if rel == "approx" and decimals is None:
            return "undecided", "an approximation whose precision is not a written decimal", None
        name_kind = names[0] if names else None
        readings = _claimed_readings(kind, name_kind, value)
        compared, witness, stop = 0, None, None
        support = stated_support(density.variable, density.support, conditions, density.cdf_checked)
        if support is None:
            stop = "the section does not state the support the density integrates to 1 on"
        elif any(n in NAMES_ALONE for n in names):
            stop = f"the name {names[0]} has other common meanings"
        else:
            stop = subject_change(prose, heading)
        for sample in samples:
            found = points(kind, argument, readings, density, sample)
            if found is None:
                return "undecided", f"the {kind} could not be computed at {sample}", None
            for at, pairs in found:
                point = {**sample, **({argument: at} if argument is not None else {})}
                usable, blocked = conditions_allow(conditions, density.variable, list(density.parameters)
                                                   + ([argument] if argument is not None else []), point)
                stop = stop or blocked
                if not usable:
                    continue
                if not all(far(t, c, decimals) for t, c in pairs.values()):
                    truth, claimed = pairs[kind]
                    return "undecided", (f"the {kind} differs from the stated value by less than "
                                         f"{REFUTE_TOL:g} (relative) at {point}: computed {truth:.12g}, "
                                         f"stated {claimed:.12g}"
                                         + (f" (readings: {', '.join(readings)})" if len(readings) > 1 else "")), None
                compared += 1
                if witness is None:
                    truth, claimed = pairs[kind]
                    witness = {**{str(k): v for k, v in point.items()}, "stated": f"{claimed:.15g}",
                               "computed": f"{truth:.15g}"}
        if not enough_points(compared, density.parameters, argument):
            stop = stop or f"fails at {compared} point(s) only"
        lo, hi = density.support
        where = "the real line" if lo == -sp.oo else f"[{lo}, {'oo' if hi == sp.oo else hi}]"
        if stop is not None:
            return "undecided", f"the {kind} fails at the points compared, not refuted: {stop}", None
        meanings = f" in every reading ({', '.join(readings)})" if len(readings) > 1 else ""
        return "refuted", (f"the {kind}{meanings} of the density f({density.variable}) = {density.body} on "
                           f"{where} (support stated by {support}; non-negative and of integral 1 within "
                           f"{NORM_TOL:g}) differs from the stated value by more than {REFUTE_TOL:g} (relative) "
                           f"at every one of {compared} point(s) satisfying the conditions; e.g. "
                           + ", ".join(f"{k}={v}" for k, v in witness.items())), witness


_DENSITY_METHOD = "a probability density"
LAW_WORDS = re.compile(r"p\.d\.f\.?|\bpdf\b|\bdensit|\bdistribut|\brandom variable|\bp\.?m\.?f\b|\bmass function|"
                       r"\blaw\b|\blikelihood|\bprior\b|\bposterior\b|\bprobabilit", re.I)
"""Words by which the prose around a lone ``f(x) = ...`` (or its heading) says it is a law, so that the row states a
density (checked by quadrature) rather than defines a function."""


def _named_a_law(lines, frag) -> bool:
    """Whether the heading of ``frag``, the prose before it, its own lines (an inline formula's sentence) or the
    paragraph after it names a law (LAW_WORDS); True without the note's text (nothing to go by: as before)."""
    if not lines:
        return True
    end = frag.line + frag.source.count("\n")
    around = " ".join([frag.heading or "", _preceding(lines, frag.line), *lines[frag.line - 1:end],
                       _following(lines, end)])
    return LAW_WORDS.search(around) is not None


def _preceding(lines, line: int, chars: int = 200) -> str:
    """The end (``chars`` characters) of the paragraph just above the block starting on ``line`` (1-based):
    its last sentence or two, abbreviations such as ``p.d.f.`` kept whole."""
    out, k = [], line - 2
    while k >= 0 and not lines[k].strip():
        k -= 1
    while k >= 0 and lines[k].strip() and not lines[k].lstrip().startswith(("#", "$$", "\\[", "\\begin")) \
            and not lines[k].rstrip().endswith(("$$", "\\]")):
        out.insert(0, lines[k].strip())
        k -= 1
    return " ".join(out)[-chars:]


def _following(lines, end: int) -> str:
    """The paragraph after a block that ends on line ``end`` (1-based), up to the next formula or blank line."""
    out, k = [], end
    while k < len(lines) and not lines[k].strip():
        k += 1
    while k < len(lines) and lines[k].strip() and not lines[k].lstrip().startswith(("#", "$$", "\\[", "\\begin")):
        out.append(lines[k].strip())
        k += 1
    return " ".join(out)


def unnormalised(lhs, rhs, conditions, line, intro: str, after: str) -> StepReport | None:
    r"""A refuted step when the prose calls ``f(x) = rhs`` a density (``p.d.f.``, ``density``) but ``rhs``,
    finite and positive on the whole line, integrates over it to a finite total far from 1, and to no 1
    on a half-line or on ``[0, 1]`` or ``[-1, 1]`` either (supports notes leave implicit); None otherwise:
    a support the conditions bound, or prose that hedges (``proportional``, ``up to``, ``normalised``,
    ``constant``) -- see readers.notes.density_trust.called_a_density.

    Parameters the body names (:math:`\mu, \sigma` in :math:`\frac{1}{\sqrt{2\pi\sigma}}
    e^{-(x-\mu)^2/2\sigma^2}`) are sampled at two points that satisfy the stated conditions, and the
    density must fail at both (a density holds at every allowed value of its parameters); a parameter
    that is only a factor of the body may be its normaliser (``c e^{-x^2}``), so nothing is refuted."""
    if not isinstance(lhs, AppliedUndef) or lhs.func.__name__ not in DENSITY_NAMES or len(lhs.args) != 1 \
            or not isinstance(lhs.args[0], sp.Symbol):
        return None
    variable = lhs.args[0]
    if stated_bounds(variable, conditions) != (None, None) or not called_a_density(intro, after):
        return None
    body = _numeric(rhs, frozenset())
    if body is None:
        return None
    parameters = tuple(sorted(body.free_symbols - {variable}, key=str))
    if any(not (body / p).has(p) for p in parameters):
        return None  # c e^{-x^2}: c may be the normaliser the notes mean
    samples = _samples(parameters, conditions)
    if samples is None or not all(conditions_allow(conditions, variable, parameters, v)[0] for v in samples):
        return None
    totals = [_total_off_every_support(variable, body, parameters, values, line) for values in samples]
    if any(t is None for t in totals):
        return None
    at = "; ".join(", ".join(f"{_show(p)}={v}" for p, v in values.items()) for values in samples if values)
    witness = {"support": "the real line", "stated": "1", "computed": f"{totals[0]:.15g}",
               **{_show(p): f"{v}" for p, v in samples[0].items()}}
    return StepReport(lhs=_show(lhs), rel="=", rhs=_show(rhs), line=line, verdict="refuted",
                      method="density quadrature",
                      reason=f"called a probability density, but it is positive on the whole line and integrates "
                             f"to {totals[0]:.12g} there{f' at {at}' if at else ''} (adaptive quadrature, error "
                             f"below {FACT_TOL / 10:g}), not 1; nor to 1 on a half-line, [0, 1] or [-1, 1]; no "
                             f"support or normaliser is stated",
                      counterexample=witness)


def _total_off_every_support(variable, body, parameters, values, line) -> float | None:
    """The integral of ``body`` (at parameter ``values``) over the real line when it is positive on a grid
    there and far from 1 on the line, on either half-line, on ``[0, 1]`` and on ``[-1, 1]``; else None."""
    whole = Density(variable, body, parameters, (-sp.oo, sp.oo), (values,), line)
    q = whole.integrals(values)
    for x in [k / 4 for k in range(-200, 201)]:
        v = q.density(x)
        if not math.isfinite(v) or v <= 0:
            return None
    total = q.quad(lambda x: 1.0)
    if total is None or not far(total, 1.0, None):
        return None
    for support in ((sp.Integer(0), sp.oo), (-sp.oo, sp.Integer(0)), (sp.Integer(0), sp.Integer(1)),
                    (sp.Integer(-1), sp.Integer(1))):
        part = Density(variable, body, parameters, support, (values,), line).integrals(values).quad(lambda x: 1.0)
        if part is None or not far(part, 1.0, None):
            return None  # a density there, or no evidence: the notes may mean that support
    return total


def _chains(block):
    """``(exprs, rels, conditions, line)`` of each row, a continued row (``& \\approx & 1.4``) joined to the
    row above."""
    out = []
    for row in block.rows:
        if row.kind in ("empty", "prose", "list"):
            continue
        exprs, rels = list(row.chain.exprs), list(row.chain.rels)
        if row.continued and out:
            out[-1][0].extend(exprs)
            out[-1][1].extend(rels)
            continue
        if len(exprs) < 2:
            return []
        out.append((exprs, rels, tuple(row.conditions), row.line))
    return out
