r"""A wrong optimum over one scalar variable, refuted with a point:

.. math:: \min_w\, (w - 3)^2 + 1 = 3, \qquad \max_{x > 0} x e^{-x} = 1, \qquad
          \operatorname{arg\,min}_w\, (w - 3)^2 + 1 = -3 .

:math:`\min_u F = m` says :math:`F(u) \ge m` for every ``u`` of the region and :math:`F(u^*) = m` at some
:math:`u^*`; :math:`\operatorname{arg\,min}_u F = v` says :math:`F(u) \ge F(v)` for every ``u`` (a max the other way).
Two ways refute it, each with a point of the region:

* **a better point** (:func:`witness_claim`): the universal inequality is checked as a claim of its own (the
  checker's sampling, with the claim's conditions and the region of the subscript, ``\max_{x > 0}``,
  ``\min_{x \in [0, 1]}``); its counterexample is a ``u`` where ``F`` is below the stated minimum (below ``F`` at the
  stated arg min).  A point where ``F`` is undefined is skipped by the checker, never a counterexample;
* **the optimum worked out** (:func:`optimum`), for an objective with no other free name: ``F`` is continuous on
  the region, sympy's ``solveset`` gives *all* the stationary points there (a finite set, else no reading), and
  the best of ``F`` at them and at the region's closed ends is the optimum, provided no open end's limit is better
  (then the optimum is not attained, and nothing is said).  A sweep of ``SWEEP`` points must find nothing better,
  or the reading is dropped.  The value at 30 digits differing from the stated one (relative ``TOLERANCE``) refutes
  a min or max, and the optimum point where ``F`` is better than at the stated arg refutes an arg.

The objective and the value must name nothing but the variable: a parameter's domain is the notes' to state
(``\operatorname{arg\,min}_\alpha \max(|1 - \alpha\lambda_1|, |1 - \alpha\lambda_n|)`` holds for
:math:`0 < \lambda_1 \le \lambda_n` only).  A variable with no region in its subscript may be meant as a positive
number or a probability (:data:`IMPLICIT_DOMAINS`): a better point must lie in :math:`[0, 1]`, and the worked-out
optimum must refute the claim over the reals, over :math:`[0, \infty)` and over :math:`[0, 1]` alike.

Nothing here confirms: :mod:`readers.notes.scalar_optima` does that.
"""
from __future__ import annotations

import re

import mpmath as mp
import sympy as sp
from sympy.calculus.util import continuous_domain
from sympy.core.function import AppliedUndef

from derivations.checker.budget import run_with_budget
from readers.notes.report import StepReport
from readers.notes.symbols import _show

TOLERANCE = sp.Rational(1, 10**20)
"""Relative difference below which two values at 30 digits agree (the sides are exact formulas: a wrong optimum
differs by far more, and 1e-20 leaves room for the rounding of a 30-digit evaluation)."""
SWEEP = 400
"""Points of the region where the worked-out optimum is checked against the objective (a missed stationary point
would show as a better value at one of them)."""
BUDGET = 3.0
"""Seconds for the worked-out optimum (``solveset``, ``limit``), run in a budgeted child."""

_NUMBER = r"-?\d+(?:\.\d+)?"
_BOUND = rf"(?:{_NUMBER}|-?\\infty)"
_LESS = {"<": True, r"\le": False, r"\leq": False, "<=": False}
_MORE = {">": True, r"\ge": False, r"\geq": False, ">=": False}
_NAME = re.compile(r"^(arg)?(min|max)_(.+)$")


def _value(text: str):
    return {r"\infty": sp.oo, r"-\infty": -sp.oo}.get(text) or sp.Rational(text)


def optimum_region(name: str):
    r"""``(is_arg, sense, variable name, region)`` of the reader's name of an optimum: ``min_w``, ``argmin_{x}``,
    ``max_{x > 0}``, ``min_{x \ge 0}``, ``max_{x \in (0, 1)}``, ``min_{0 \le x \le 1}``, ``min_{x \in \mathbb{R}}``;
    None for any other subscript (a set, several variables, ``\pi``...)."""
    found = _NAME.match(name)
    if found is None:
        return None
    is_arg, sense, sub = bool(found.group(1)), found.group(2), found.group(3).strip()
    if sub.startswith("{") and sub.endswith("}"):
        sub = sub[1:-1].strip()
    letter = r"\\?[A-Za-z]+"
    rules = (
        (rf"^({letter})$", lambda m: (m.group(1), sp.Reals)),
        (rf"^({letter})\s*\\in\s*\\mathbb\{{R\}}$", lambda m: (m.group(1), sp.Reals)),
        (rf"^({letter})\s*(>=|<=|>|<|\\geq|\\leq|\\ge|\\le)\s*({_NUMBER})$", _one_sided),
        (rf"^({_NUMBER})\s*(<=|<|\\leq|\\le)\s*({letter})\s*(<=|<|\\leq|\\le)\s*({_NUMBER})$", _two_sided),
        (rf"^({letter})\s*\\in\s*([\[(])\s*({_BOUND})\s*,\s*({_BOUND})\s*([\])])$", _interval),
    )
    for pattern, make in rules:
        m = re.match(pattern, sub)
        if m:
            variable, region = make(m)
            if region is None or region.is_empty:
                return None
            return is_arg, sense, variable.lstrip("\\"), region
    return None


def _one_sided(m):
    rel, at = m.group(2), sp.Rational(m.group(3))
    if rel in _MORE:
        return m.group(1), sp.Interval(at, sp.oo, left_open=_MORE[rel])
    return m.group(1), sp.Interval(-sp.oo, at, right_open=_LESS[rel])


def _two_sided(m):
    return m.group(3), sp.Interval(sp.Rational(m.group(1)), sp.Rational(m.group(5)), left_open=_LESS[m.group(2)],
                                   right_open=_LESS[m.group(4)])


def _interval(m):
    low, high = _value(m.group(3)), _value(m.group(4))
    if low == sp.oo or high == -sp.oo:
        return m.group(1), None
    return m.group(1), sp.Interval(low, high, left_open=m.group(2) == "(" or low == -sp.oo,
                                   right_open=m.group(5) == ")" or high == sp.oo)


def region_conditions(variable, region) -> tuple:
    """The region as relations on ``variable`` (claim conditions): ``(x > 0,)`` for :math:`(0, \\infty)`."""
    out = []
    if region.inf != -sp.oo:
        out.append(sp.Gt(variable, region.inf) if region.left_open else sp.Ge(variable, region.inf))
    if region.sup != sp.oo:
        out.append(sp.Lt(variable, region.sup) if region.right_open else sp.Le(variable, region.sup))
    return tuple(out)


def _where(variable, region) -> str:
    r"""`` with x > 0`` for the region :math:`(0, \infty)`; nothing for the whole line."""
    found = region_conditions(variable, region)
    return f" with {', '.join(sp.sstr(c) for c in found)}" if found else ""


def witness_claim(is_arg: bool, sense: str, variable, objective, value):
    """``(lhs, rel, rhs)``: the inequality every ``u`` satisfies if the optimum is right (module docstring)."""
    target = objective.xreplace({variable: value}) if is_arg else value
    return objective, ">=" if sense == "min" else "<=", target


def _n(expr):
    value = sp.N(expr, 30)
    return value if value.is_real and value.is_finite else None


def _better(sense: str, a, b) -> bool:
    """Whether the value ``a`` is better than ``b`` (lower for a min) by more than the rounding of 30 digits."""
    gap = (b - a) if sense == "min" else (a - b)
    return gap > TOLERANCE * max(abs(a), abs(b), 1)


def optimum(sense: str, variable, objective, region):
    """``(point, value)`` of the optimum of ``objective`` over ``region`` (module docstring), or None."""
    if objective.free_symbols != {variable} or objective.has(sp.Integral, sp.Sum, sp.Derivative, sp.Indexed):
        return None
    x = sp.Dummy("x", real=True)
    f = objective.xreplace({variable: x})
    if continuous_domain(f, x, region) != region:
        return None
    stationary = sp.solveset(sp.diff(f, x), x, region)
    if stationary is sp.S.EmptySet:
        stationary = ()
    elif not isinstance(stationary, sp.FiniteSet) or len(stationary) > 20:
        return None  # a ConditionSet, an infinite set: not every stationary point is known
    ends = [e for e, closed in ((region.inf, not region.left_open), (region.sup, not region.right_open)) if closed]
    candidates = []
    for point in list(stationary) + ends:
        value = _n(f.subs(x, point))
        if value is None:
            return None
        candidates.append((point, f.subs(x, point), value))
    if not candidates:
        return None
    best = (min if sense == "min" else max)(candidates, key=lambda c: c[2])
    for end, side, is_open in ((region.inf, "+", region.left_open), (region.sup, "-", region.right_open)):
        if not is_open:
            continue
        limit = sp.limit(f, x, end, side)
        if limit.has(sp.AccumBounds) or limit.has(sp.Limit):
            return None
        at = _n(limit) if limit.is_finite else limit
        if at is None or (at in (sp.oo, -sp.oo) and (at == -sp.oo) == (sense == "min")) \
                or at not in (sp.oo, -sp.oo) and not _better(sense, best[2], at):
            return None  # an end is as good or better: the optimum may not be attained
    if any(_better(sense, v, best[2]) for v in _sweep(f, x, region)):
        return None
    return best[0], best[1]


def _sweep(f, x, region):
    """Values of ``f`` at ``SWEEP`` points of ``region`` (a grid of an interval, and magnitudes up to 1e6 where it is
    unbounded)."""
    low = region.inf if region.inf != -sp.oo else None
    high = region.sup if region.sup != sp.oo else None
    points = set()
    if low is not None and high is not None:
        points |= {low + (high - low) * sp.Rational(k, SWEEP) for k in range(1, SWEEP)}
    else:
        scale = [sp.Rational(k, 8) for k in range(1, 80)] + [sp.Integer(10) ** k for k in range(1, 7)]
        start = low if low is not None else high if high is not None else sp.Integer(0)
        signs = (1,) if low is not None and high is None else (-1,) if high is not None and low is None else (1, -1)
        points |= {start + s * d for s in signs for d in scale}
        points.add(start)
    evaluate = sp.lambdify(x, f, "mpmath")
    out = []
    with mp.workdps(30):
        for point in sorted(points):
            if point in region:
                try:
                    value = evaluate(mp.mpf(point.p) / point.q)
                except (ValueError, ZeroDivisionError, OverflowError):
                    continue
                if isinstance(value, mp.mpf) and mp.isfinite(value):
                    out.append(sp.Float(value, 30))
    return out


def worked_out(is_arg: bool, sense: str, variable, objective, value, region):
    """``(how, counterexample)`` when the worked-out optimum refutes the claim, else None (module docstring)."""
    found = optimum(sense, variable, objective, region)
    if found is None:
        return None
    point, best = found
    best_n = _n(best)
    word = "minimum" if sense == "min" else "maximum"
    if is_arg:
        stated = _n(objective.xreplace({variable: value})) if value.is_number else None
        if stated is None or not _better(sense, best_n, stated):
            return None
        how = (f"at {variable} = {point} the objective is {sp.N(best, 6)}, {'below' if sense == 'min' else 'above'} "
               f"its value {sp.N(stated, 6)} at the stated arg {sense} {variable} = {value}")
        return how, {str(variable): str(point), "objective there": sp.sstr(sp.N(best, 12)),
                     f"objective at {variable} = {value}": sp.sstr(sp.N(stated, 12))}
    stated = _n(value) if value.is_number else None
    if stated is None or not (_better(sense, best_n, stated) or _better(sense, stated, best_n)):
        return None
    how = (f"the {word} over {variable}{_where(variable, region)} is {sp.N(best, 6)}, at {variable} = {point} (every stationary "
           f"point and end of the region compared), not {value}")
    return how, {str(variable): str(point), word: sp.sstr(sp.N(best, 12)), "stated": sp.sstr(value)}


IMPLICIT_DOMAINS = (sp.Reals, sp.Interval(0, sp.oo), sp.Interval(0, 1))
r"""Where a variable with no region in its subscript may range, as the notes mean it: a real number, a positive one
(a scale, a rate), a probability.  A refutation must hold in each (``\min_p (p - 2)^2 = 1`` holds for a probability)."""
INDEX_LETTERS = frozenset("ijklmnNKT")
"""Letters that notes use for counts and indices: an optimum over one may run over the integers, where a point
between two of them is no counterexample."""


def _in_every_domain(at) -> bool:
    """Whether a counterexample's value of the variable lies in every one of :data:`IMPLICIT_DOMAINS`."""
    try:
        number = sp.Rational(str(at))
    except (TypeError, ValueError):
        return False
    return 0 <= number <= 1


def refute(found, claim, check) -> list[StepReport] | None:
    """The claim's one refuted step when ``found`` (``scalar_optima.read(..., constrained=True)``) is refuted by a
    better point, else None.  ``check(lhs, rel, rhs, conditions)`` checks a claim aside and returns its steps."""
    is_arg, sense, variable, objective, value, region = found
    if variable.name in INDEX_LETTERS or variable.is_integer or objective.atoms(AppliedUndef) \
            or not isinstance(value, sp.Basic) or value.atoms(AppliedUndef) \
            or objective.free_symbols - {variable} or value.free_symbols:
        return None  # other names: their domains are the notes' to state (eigenvalues > 0 and in order, ...)
    shown = (claim.shown_lhs or _show(claim.lhs), _show(claim.rhs))
    what = f"{'arg ' if is_arg else ''}{sense} over {variable}{_where(variable, region)}"
    conditions = tuple(claim.conditions) + region_conditions(variable, region)
    reports = check(*witness_claim(is_arg, sense, variable, objective, value), conditions)
    bad = next((r for r in reports if r.verdict == "refuted" and r.counterexample), None)
    if bad is not None and (region != sp.Reals or _in_every_domain(bad.counterexample.get(str(variable)))):
        side = "below" if sense == "min" else "above"
        how = (f"{what}: a point where the objective is {side} "
               + (f"its value at the stated arg {sense}" if is_arg else f"the stated {sense}imum")
               + f" ({bad.lhs} {bad.rel} {bad.rhs} fails there)")
        return [StepReport(lhs=shown[0], rel="=", rhs=shown[1], verdict="refuted", method=how, reason=bad.reason,
                           counterexample=bad.counterexample, line=claim.line, assumptions=bad.assumptions)]
    if any(variable in getattr(c, "free_symbols", ()) for c in claim.conditions):
        return None  # a condition of the notes narrows the region: the worked-out optimum is over another set
    found = None
    for domain in (region,) if region != sp.Reals else IMPLICIT_DOMAINS:
        outcome = run_with_budget(worked_out, is_arg, sense, variable, objective, value, domain, seconds=BUDGET)
        if outcome.status != "ok" or outcome.value is None:
            return None
        found = found or outcome.value
    how, counterexample = found
    if region == sp.Reals:
        how += f"; it fails as well for {variable} >= 0 and for 0 <= {variable} <= 1 (a positive number, a probability)"
    return [StepReport(lhs=shown[0], rel="=", rhs=shown[1], verdict="refuted", method=f"{what}: worked out",
                       reason=how, counterexample=counterexample, line=claim.line,
                       assumptions=tuple(str(c) for c in region_conditions(variable, region)))]
