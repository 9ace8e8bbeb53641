r"""Rung 3: high-precision numeric testing (evidence, never a proof).

At ``points`` points drawn from the domains (edges first) the relation is
checked with mpmath at ``digits`` digits (see ``evaluate.TOLERANCE_MARGIN``).
A point that fails is re-evaluated at 2x and 4x the digits: a failure caused by
cancellation (terms far larger than their sum) disappears there, a real one
does not.  A point where an inequality's sides agree within rounding, or
where a side came out undefined, is read at doubling digits up to 5000 (``escalation``)
and counts only once a sign is resolved there.  A point that fails at every precision is confirmed with sympy's
precision-tracking ``evalf`` before it is reported; when evalf cannot reach
the accuracy (cancellation beyond ``CONFIRM_MAX_DIGITS``), the point is skipped
and counted as unresolved, never reported.  Sides with an integral are
evaluated by quadrature, which can miss mass without noticing: they may be
verified, but a failing point is only counted as unresolved, except for a closed claim that careful
quadrature (:mod:`~derivations.checker.strategies.quadrature`) contradicts by a clear margin.

* ``=``, ``<=``, ``>=``, ``<``, ``>``: the relation at each point;
* ``propto``: with the other symbols fixed, $lhs / rhs$ is the same at several
  values of the variable;
* ``->``: see :mod:`derivations.checker.strategies.limit`.
"""
from __future__ import annotations

import functools
import itertools
import math
import time
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp

from derivations.checker.assumptions import Region
from derivations.checker.budget import busy_clock, within_cpu_seconds
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict

from derivations.checker.strategies.divergence import divergent_refutation
from derivations.checker.strategies.escalation import MAX_DIGITS as MAX_ESCALATION_DIGITS, Allowance, read_point
from derivations.checker.strategies.improper import nonintegrable_end
from derivations.checker.strategies.decide import (MAX_DIGITS as DECIDE_MAX_DIGITS, MAX_EXACT_DIGITS as
                                                   DECIDE_MAX_EXACT_DIGITS, coordinate_text, decide, decimal_text, exact_point,
                                                   holds, round_point, shortest_point)
from derivations.checker.strategies.evaluate import (Conditions, compare, compile_expr, confirm, magnitude_digits,
                                                     relation_holds, relatively_apart, show, value_at)
from derivations.checker.strategies.jumps import beside_steps, jump_failure
from derivations.checker.strategies.heaviside_convention import CONVENTIONS, at_a_step, with_value_at_zero
from derivations.checker.strategies.ties import KINKS, far_points, feature_points, likely_ties
from derivations.checker.strategies.instances import Instance, Unsupported, instances
from derivations.checker.strategies.limit import approach_limit
from derivations.checker.strategies.polynomial_integrals import with_polynomial_integrals_done
from derivations.checker.strategies.exp_cancellation import exponentials_cancelled
from derivations.checker.strategies.magnitude import term_magnitude
from derivations.checker.strategies.margin import TIE, Closest, closed_form_point, refine, relative_margin
from derivations.checker.strategies.quadrature import CLEAR, careful_side, closed_refutation
from derivations.checker.strategies.series import divergent_series_refutation
from derivations.checker.strategies.settled import settled
from derivations.checker.strategies.shrink import halved_points
from derivations.checker.strategies.huge import huge_exact
from derivations.checker.strategies.sampling import alternating_points, candidate_points, respects_domains, small_grid
from derivations.checker.strategies.written import domain_refutation_at, undefined_as_written
from symbolic.domains import Simplex

POINTS = 200
"""Points per step (spread over its concrete instances, at least ``MIN_POINTS_PER_INSTANCE`` each)."""
DIGITS = 50
"""Working precision in decimal digits before the magnitude of the numbers is added
(``evaluate.magnitude_digits``); with ``TOLERANCE_MARGIN`` a relative difference above $10^{-40}$
is seen by mpmath, smaller ones by the exact decisions."""
EXACT_CONFIRMATIONS = 3
"""Points at which an agreement within rounding is re-decided exactly (``decide``) before it counts;
then every ``EXACT_EVERY``-th such point."""
EXACT_EVERY = 100
APART_CONFIRMATIONS = 20
r"""Points decided exactly, beyond ``EXACT_CONFIRMATIONS``, whose sides agree only through the tolerance's absolute
floor: $|l - r| \le 10^{-40}$ yet not within $10^{-40} \max(|l|, |r|)$, as $\sqrt{xy} = 10^{-300}$ and
$\sqrt x \sqrt y = -10^{-300}$ at $x = y = -10^{-300}$.  The edge points come first, so twenty reach them."""
APART_SECONDS = 1.0
"""Most CPU seconds for the exact decision at one such point beyond the routine ones."""
EXACT_SECONDS = 2.0
r"""Most CPU seconds for the exact decision at one of the first ``EXACT_CONFIRMATIONS`` agreements within rounding
(they take milliseconds to a second).  sympy's ``is_zero`` can run away on an algebraic number of huge degree:
$(c x)^d = (c x + r)^d$ (the seed's polynomial kernels, read as a claim about the earlier one) at an edge point where
the sides agree within rounding built a minimal polynomial until the rung's whole budget (30 s of the seed report's
84) was spent, and the false claim, which other points refute at once, came out undecided.  Such a point counts as
unresolved (the step is then never verified)."""
ESCALATION = (2, 4)
"""A failing point is re-evaluated at these multiples of the working digits before it is reported (``escalation``
reads near and undefined points further)."""
MIN_POINTS_PER_INSTANCE = 40
MAX_DRAWS_PER_POINT = 20
"""Candidate points drawn per wanted point before the domain is declared unsamplable."""
QUADRATURE_POINTS = 20
"""Points per step when a side holds an integral: each is an mpmath ``quad`` (about 0.2 s at 30 digits)."""
QUADRATURE_DIGITS = 30
"""Working digits when a side holds an integral (each point is a quadrature)."""
CLEAR_PERCENT = float(CLEAR * 100)
RATIO_SAMPLES = 4
"""Values of the variable per point in a ``propto`` check."""


@dataclass
class Tally:
    """What happened at the points of one step."""

    points: int = 0
    undefined: int = 0
    unresolved: int = 0
    rejected: int = 0
    raised: int = 0
    exact: int = 0
    """Agreements within rounding that the exact decision showed to hold (``lhs - rhs`` exactly 0, or of the
    claimed sign)."""
    uncertified: int = 0
    """Agreements within rounding re-decided exactly whose difference had no digit ``decide`` could certify
    (evidence of 0 to ``decide.MAX_DIGITS`` digits, not a decision)."""
    side_undefined: bool = False
    """Whether the last point read had a side undefined at the working digits (``escalation`` may define it)."""
    escalations: Allowance = field(default_factory=Allowance)
    """CPU seconds left for re-reading ``near`` and ``undefined`` points at more digits (``escalation``)."""
    cut: list = field(default_factory=list)
    """Searches for exact tie points the budget cut short (``ties.likely_ties``): agreement at the other points is
    then no evidence, since a thin failure (a spike at sqrt(2)) is found only at such a point."""
    divergent: int = 0
    """Agreements where an integral, with the point's values put in, has no value (``improper``): the quadrature
    was a principal value at best, so they count neither way."""
    rounded: int = 0
    """Skipped points where a side was undefined at the working digits and no escalation defined it (a difference
    inside it that no precision tried resolves, or one never re-read): unresolved, not known to be undefined."""
    exactly_undefined: bool = False
    """Whether the last point read had a side undefined at every precision, known exactly (``settled``)."""
    near: int = 0
    runaway: bool = False
    """An exact decision at an agreement within rounding ran out of ``EXACT_SECONDS``."""
    conventions: list = field(default_factory=list)
    """Exact points at a step of ``Heaviside`` where the claim holds for one value of $H(0)$ and fails for another
    (``heaviside_convention``): they refute nothing, and a claim not refuted elsewhere is undecided."""
    apart: int = 0
    """Agreements within rounding whose sides differ relatively (see ``APART_CONFIRMATIONS``)."""
    apart_uncertifiable: bool = False
    """One of those could not be decided within ``APART_SECONDS`` or certified nothing (sympy's sign of
    $1 + \\operatorname{erf}(x) - 2\\Phi(\\sqrt2 x)$ at a large negative $x$ ran for minutes): the rest are taken as
    routine agreements, as before they were looked at."""


@dataclass(frozen=True)
class NumericTest:
    """The numeric rung as a strategy: ``NumericTest(seed)(step, budget) -> Verdict | None``."""

    seed: int = 0
    points: int = POINTS
    digits: int = DIGITS
    quick: bool = False
    """Only the sampled points, for a refutation (``strategies.probe``): no feature points or ties, no exact
    re-decision of an agreement within rounding, no search between points; a verdict other than ``refuted`` is
    returned as None."""

    def __call__(self, step: Step, budget: float) -> Verdict | None:
        verdict = self._run(step, budget)
        if self.quick and (verdict is None or verdict.kind != "refuted"):
            return None
        return verdict

    def _run(self, step: Step, budget: float) -> Verdict | None:
        deadline = busy_clock() + budget
        rng = np.random.default_rng(self.seed)
        try:
            insts, sizes = instances(step)
            insts = [with_polynomial_integrals_done(inst) for inst in insts]  # closed forms, decided exactly
            if step.rel == "->":
                return None if self.quick else approach_limit(insts, sizes, rng, deadline)
            integral = any(_has_integral(inst) for inst in insts)
            if integral and self.quick:
                return None  # each point is a quadrature, which never refutes by itself
            points = QUADRATURE_POINTS if integral else self.points
            per_instance = max(min(points, MIN_POINTS_PER_INSTANCE), math.ceil(points / len(insts)))
            tally = Tally()
            for inst in insts:
                verdict = self._check(inst, per_instance, rng, deadline, tally)
                if verdict is not None:
                    return verdict
        except Unsupported as exc:
            return divergent_series_refutation(step) or \
                Verdict("undecided", method="numeric", reason=f"unsupported construct: {exc}")
        return self._verified(step, tally, sizes, insts)

    def _check(self, inst: Instance, wanted: int, rng, deadline: float, tally: Tally) -> Verdict | None:
        inst = inst.on_simplex()
        symbols = inst.symbols
        conditions = Conditions(symbols, inst.assumptions)
        if inst.lhs.has(sp.zoo, sp.nan) or inst.rhs.has(sp.zoo, sp.nan):
            return self._undefined_instance(inst, rng)
        if inst.rel == "propto":
            sides = [compile_expr(symbols, inst.lhs / inst.rhs)]
        else:
            sides = [compile_expr(symbols, inst.lhs), compile_expr(symbols, inst.rhs)]
        target = wanted if symbols else 1
        if inst.rel in ("<=", ">=", "<", ">", "=") and not _has_integral(inst) and not self.quick:  # ties decide inequalities
            # an inequality's ties cut short by the budget leave it undecided (tally.cut); so do an equality's feature
            # points where its difference has kinks (a tent, a spike of Max or |.|: no random sample meets it), while
            # an analytic identity is sampled well without them
            ties = likely_ties(inst, deadline, tally.cut) if inst.rel != "=" else \
                feature_points(inst, deadline, tally.cut if _kinked(inst) else None)
            for tie in ties:
                verdict = self.decide_at(inst, tie, conventions=tally.conventions)
                for beside in beside_steps(inst, tie) if verdict is None else ():
                    if busy_clock() > deadline:
                        break
                    verdict = self.decide_at(inst, beside, conventions=tally.conventions)  # a sliver beside a step
                    if verdict is not None:
                        break
                if isinstance(verdict, Verdict):
                    return verdict
        accepted, draws = 0, 0
        # points where a side was undefined at the working digits (a difference inside it may have rounded to 0):
        # read again at more digits (``escalation``) after the sampling, those with the smallest coordinates first
        # (the cancellation in 1 - sigmoid(x) grows with |x|), while the step's escalation allowance lasts
        rounded = []
        inequality = inst.rel in ("<=", ">=", "<", ">") and not _has_integral(inst) and not self.quick
        closest = Closest() if inequality else None
        grid = [] if _has_integral(inst) else small_grid(inst.groups, rng)
        target += len(grid)
        sampled = alternating_points if _has_integral(inst) else candidate_points
        for point in itertools.chain(grid, sampled(inst.groups, rng)):
            if accepted >= target or draws >= target * MAX_DRAWS_PER_POINT:
                break
            draws += 1
            if busy_clock() > deadline:
                return Verdict("undecided", method="numeric", points=tally.points + accepted,
                               reason=f"timeout after {tally.points + accepted} points ({tally.unresolved} unresolved)")
            values = [point[s] for s in symbols]
            if not respects_domains(point, inst.groups) or not conditions.hold(values, self.digits):
                tally.rejected += 1
                continue
            if inst.rel == "propto":
                outcome = self._ratio_constant(inst, sides[0], point, rng, conditions)
            else:
                outcome = self._pointwise(inst, sides, values, point, tally, closest)
            if tally.side_undefined and outcome == "undefined" and not _has_integral(inst) and not self.quick:
                rounded.append((values, point))  # a side undefined at the working digits, not a sign out of reach
                tally.rounded += 1
            tally.side_undefined = False
            if outcome in ("undefined", "unresolved", "divergent"):
                setattr(tally, outcome, getattr(tally, outcome) + 1)
                continue
            accepted += 1
            if outcome == "raised":
                tally.raised += 1
            elif isinstance(outcome, Verdict):
                return outcome
        for values, point in sorted(rounded, key=lambda pair: max(abs(float(v)) for v in pair[0])):
            if tally.escalations.left <= 0 or busy_clock() > deadline:
                break
            start = time.process_time()
            found = within_cpu_seconds(lambda v=values, p=point: (self._pointwise(inst, sides, v, p, tally,
                                                                          escalate_undefined=True),),
                                       seconds=EXACT_SECONDS)
            tally.escalations.charge(time.process_time() - start)  # the exact decision of a failure there too
            outcome = "unresolved" if found is None else found[0]  # a failure there that ran away when decided
            if tally.exactly_undefined:  # undefined at every precision, known exactly: not a rounding
                tally.rounded -= 1
                tally.exactly_undefined = False
            if isinstance(outcome, Verdict):
                return outcome
            if outcome in ("ok", "raised", "unresolved", "divergent"):  # defined at more digits after all
                tally.undefined -= 1
                tally.rounded -= 1
                if outcome in ("unresolved", "divergent"):
                    setattr(tally, outcome, getattr(tally, outcome) + 1)
                else:
                    tally.raised += 1
                    accepted += 1
        tally.points += accepted
        if accepted and not _has_integral(inst) and inst.rel != "propto":
            verdict = self._far(inst, sides, tally, deadline)
            if verdict is not None:
                return verdict
        if accepted == 0 or accepted < target // 2:
            where = f" at {inst.label}" if inst.label else ""
            return Verdict("undecided", method="numeric", points=tally.points,
                           reason=f"domain could not be sampled{where}: {accepted} usable of {draws} points drawn "
                                  f"({tally.rejected} broke the assumptions, {tally.undefined} undefined, "
                                  f"{tally.unresolved} unresolved{_divergent_text(tally)})")
        if closest is not None:
            verdict = self._between_points(inst, sides, conditions, closest, deadline)
            if verdict is not None:
                return verdict
        return None if self.quick or _has_integral(inst) else _unsampled_jump(inst, deadline)

    def _undefined_instance(self, inst: Instance, rng) -> Verdict:
        r"""An instance where sympy already wrote a side as undefined (``zoo``, ``nan``): the closed form
        $\frac34 - \frac{2n + 3}{2(n + 1)(n + 2)}$ at the size $n = -1$, where the empty sum is 0.  It is decided
        exactly at the first sampled point inside the assumptions (``decide_at``): a domain mismatch refutes an
        equation there; anything else leaves the rung undecided, as an unevaluable side did."""
        for point in itertools.islice(candidate_points(inst.groups, rng), MAX_DRAWS_PER_POINT):
            if respects_domains(point, inst.groups) and inside(inst, exact_point(point)):
                verdict = self.decide_at(inst, point)
                if isinstance(verdict, Verdict):
                    return verdict
                break
        raise Unsupported(f"a side is undefined{' at ' + inst.label if inst.label else ''}: "
                          f"{str(inst.lhs)[:60]} vs {str(inst.rhs)[:60]}")

    def _between_points(self, inst: Instance, sides, conditions, closest: Closest, deadline: float):
        """An inequality that nearly failed at a sampled point: search between the points (``margin``)."""
        symbols = inst.symbols
        if any(s.is_integer for s in symbols):
            return None  # the search moves continuously; integer points are the sampler's and the prover's

        def admissible(values) -> bool:
            point = dict(zip(symbols, values))
            in_domains = all(g.domain.contains(np.array([point[s] for s in g.symbols]).reshape(g.shape))
                             for g in inst.groups)
            return in_domains and respects_domains(point, inst.groups) and conditions.hold(list(values), self.digits)

        jumps = (sp.floor, sp.ceiling, sp.Heaviside, sp.sign)
        refined = refine(inst.rel, sides, closest, admissible, deadline,
                         valleys=not (inst.lhs.has(*jumps) or inst.rhs.has(*jumps)))
        if refined is None or not refined.interior:
            return None
        near = ", ".join(f"{s} = {v:.17g}" for s, v in zip(symbols, refined.values))
        if refined.margin < 0:
            verdict = self.decide_at(inst, dict(zip(symbols, refined.values)))
            if isinstance(verdict, Verdict):
                return verdict
            return Verdict("undecided", method="numeric: minimized the margin between sampled points",
                           assumptions=inst.assumption_texts(),
                           reason=f"the relation fails numerically near {near} (relative margin {refined.margin:.3g}), "
                                  "but an exact decision there could not confirm it")
        if inst.rel in ("<", ">") and refined.margin <= TIE:
            touch = closed_form_point(refined.values)
            verdict = None if touch is None else self.decide_at(inst, dict(zip(symbols, touch)))
            if isinstance(verdict, Verdict):
                return verdict
            return Verdict("undecided", method="numeric: minimized the margin between sampled points",
                           assumptions=inst.assumption_texts(),
                           reason=f"the two sides meet to within rounding near {near} (relative margin "
                                  f"{refined.margin:.3g}): a tie there would refute the strict relation, and "
                                  "no exact tie was found in the time given")
        return None

    def _pointwise(self, inst: Instance, sides, values, point, tally: Tally, closest: Closest | None = None, *,
                   escalate_undefined: bool = False):
        """'ok', 'raised' (agreement only at more digits), 'undefined', 'unresolved', 'divergent' (an agreement
        where an integral has no value: ``improper``), or a refuting Verdict.  ``closest`` (inequalities) keeps
        the point with the smallest relative margin."""
        outcome = self._compared(inst, sides, values, point, tally, closest, escalate_undefined=escalate_undefined)
        if outcome in ("ok", "raised") and _has_integral(inst) and _divergent_at(inst, point):
            return "divergent"
        return outcome

    def _compared(self, inst: Instance, sides, values, point, tally: Tally, closest: Closest | None = None, *,
                  escalate_undefined: bool = False):
        if inst.is_complex and inst.rel != "=":
            raise Unsupported("an inequality between complex values")
        if _has_integral(inst):  # quadrature never refutes; its cost grows fast with the digits
            base = QUADRATURE_DIGITS
        else:
            base = self.digits + magnitude_digits((inst.lhs, inst.rhs), values)
        if _has_integral(inst):  # each level is a quadrature: only a failure is looked at again, as always
            reading = read_point(inst.rel, sides, values, base, digits=[m * base for m in (1, *ESCALATION)],
                                 escalate=("fails",), seconds=None)
        else:  # a sign or a value lost to rounding is looked for at more digits (``escalation``)
            escalate = ("fails",) if inst.rel == "=" else ("fails", "near")
            escalate += ("undefined",) if escalate_undefined else ()
            reading = read_point(inst.rel, sides, values, base, allow_complex=inst.is_complex, escalate=escalate,
                                 allowance=tally.escalations, magnitudes=_magnitudes(inst),
                                 settled=None if inst.is_complex else
                                 lambda state: settled(inst.lhs, inst.rhs, exact_point(point), state))
        l, r, dps = reading.l, reading.r, reading.dps
        if reading.state == "undefined":
            tally.side_undefined = True
            tally.exactly_undefined = reading.settled
            return self._undefined(inst, point, l, r)
        if reading.state == "holds":
            if closest is not None and reading.level == 0:
                closest.add(relative_margin(inst.rel, l, r), tuple(float(v) for v in values))
            return "ok" if reading.level == 0 else "raised"
        if reading.state in ("near", "unsettled", "fails") and _difference_holds(inst, values, base):
            return "raised"  # lhs - rhs, its exponentials cancelled exactly, has the claimed sign at two precisions
        if reading.state == "near":
            return self._near(inst, point, tally, apart=relatively_apart(l, r, dps))
        if reading.state == "unsettled":
            return self._unsettled(inst, point)
        if _has_integral(inst):  # quadrature can miss mass (a peak far from 0), and evalf would miss it too
            return _careful_quadrature(inst) or _integrated_at(inst, point) or _holds_integrated(inst, point) or "unresolved"
        verdict = self.decide_at(inst, point)
        if verdict is None:
            verdict = self._shrunk_failure(inst, sides, point, base)
        if verdict is not None:
            return verdict
        if inst.written_divisors and undefined_as_written(inst, exact_point(point)):
            return "undefined"  # both sides divide by zero as written: no evidence either way
        # not decided exactly: the sides to dps correct digits each (evalf), as evidence only
        confirmed = confirm((inst.lhs, inst.rhs), point, self.digits)
        if confirmed is not None and compare(inst.rel, *confirmed, self.digits) != "fails":
            return "raised"
        return "unresolved"

    def _shrunk_failure(self, inst: Instance, sides, point, base: int):
        """A refuting Verdict at a point nearer 0 (``shrink``) when ``point`` fails numerically but is too large to
        decide exactly (``huge``); else None."""
        symbols = inst.symbols
        if inst.is_complex or not huge_exact(inst.lhs - inst.rhs, exact_point(point), DECIDE_MAX_EXACT_DIGITS):
            return None
        for values in halved_points([point[s] for s in symbols], [bool(s.is_integer) for s in symbols]):
            nearer = dict(zip(symbols, values))
            if not respects_domains(nearer, inst.groups) or not inside(inst, exact_point(nearer)):
                return None
            if read_point(inst.rel, sides, list(values), base, escalate=()).state != "fails":
                return None  # the failure region is left: what failed further out stays undecided
            if not huge_exact(inst.lhs - inst.rhs, exact_point(nearer), DECIDE_MAX_EXACT_DIGITS):
                verdict = self.decide_at(inst, nearer)
                return verdict if isinstance(verdict, Verdict) else None
        return None

    def _far(self, inst: Instance, sides, tally: Tally, deadline: float):
        """The points beyond float64 (``ties.far_points``), after the samples: a refuting Verdict or None.
        Each is screened with mpmath and decided exactly only where it fails; one that fails but cannot be
        decided counts as unresolved, so the step is not verified."""
        for point in far_points(inst):
            if busy_clock() > deadline:
                return None
            values = [mpmath.mpf(sp.Float(point[s], 30)._mpf_) for s in inst.symbols]
            outcome = self._pointwise(inst, sides, values, point, tally)
            if isinstance(outcome, Verdict):
                return outcome
            if outcome in ("undefined", "unresolved", "divergent"):
                setattr(tally, outcome, getattr(tally, outcome) + 1)
        return None

    def _near(self, inst: Instance, point, tally: Tally, *, apart: bool = False):
        """Agreement within rounding: a tie refutes a strict inequality; equality is re-decided exactly at some
        points, and at the first ``APART_CONFIRMATIONS`` whose sides differ relatively (``apart``)."""
        strict = inst.rel in ("<", ">")
        tally.near += 1
        tally.apart += apart
        if self.quick:
            return "ok"  # no evidence either way is kept: the full rung re-decides such points exactly
        if _has_integral(inst):
            return "unresolved" if strict else "ok"
        routine = tally.near > EXACT_CONFIRMATIONS and tally.near % EXACT_EVERY
        apart_only = apart and not tally.apart_uncertifiable and tally.apart <= APART_CONFIRMATIONS
        if not strict and routine:
            if not apart_only:
                return "ok"
            # decided only because its sides differ relatively: within APART_SECONDS
            uncertified = tally.uncertified
            decided = within_cpu_seconds(lambda: (self.decide_at(inst, point, tally=tally),), seconds=APART_SECONDS)
            if decided is None or tally.uncertified > uncertified:
                tally.apart_uncertifiable = True  # beyond decide's reach here: more such points only cost time
                return "ok"
            (verdict,) = decided
            return verdict if verdict is not None else "ok"
        if tally.runaway:  # an earlier such decision ran away: the next ones would too, at the same cost
            return "unresolved"
        decided = within_cpu_seconds(lambda: (self.decide_at(inst, point, strict_unknown=strict, tally=tally),),
                                     seconds=EXACT_SECONDS)
        if decided is None:  # the exact decision ran away: no evidence either way, and the step is not verified
            tally.runaway = True
            return "unresolved"
        (verdict,) = decided
        if verdict == "unresolved":
            return "undefined"  # a sign beyond any precision we can certify: no evidence either way, skipped
        return verdict if verdict is not None else "ok"

    def _unsettled(self, inst: Instance, point):
        """A point that more digits did not resolve (``escalation``): decided exactly within ``EXACT_SECONDS``, a
        refuting Verdict or ``raised`` (shown exactly); else no evidence either way, skipped as ``undefined``."""
        exact = exact_point(point)
        if not inside(inst, exact) or undefined_as_written(inst, exact):
            return "undefined"
        decided = within_cpu_seconds(lambda: decide(inst.lhs, inst.rhs, exact, real=not inst.is_complex,
                                                    derivatives=inst.derivatives), seconds=EXACT_SECONDS)
        shown = None if decided is None else holds(inst.rel, decided.state)
        if shown is False:
            return _refutation(inst, exact, decided, "")
        return "raised" if shown else "undefined"

    def _undefined(self, inst: Instance, point, l, r):
        """Both sides undefined: skipped.  One side: a domain mismatch when the step says so, once confirmed exactly."""
        if (l is None and r is None) or inst.undefined != "refutes" or inst.rel != "=" or _has_integral(inst):
            return "undefined"
        return self.decide_at(inst, point) or "undefined"

    def decide_at(self, inst: Instance, point, *, strict_unknown: bool = False, tally: Tally | None = None,
                  conventions: list | None = None):
        """A refuting Verdict when the exact decision (``decide``) contradicts the claim at ``point``; else None
        (or 'unresolved' when ``strict_unknown`` and the sign could not be certified).  With ``tally``, a
        decision that shows the claim (``exact``) or certifies nothing (``uncertified``) is counted.  A point at a
        step of ``Heaviside`` where the claim holds for one value of $H(0)$ and fails for another is no decision;
        it is recorded in ``conventions`` (or the tally's)."""
        exact = exact_point(point)
        if not inside(inst, exact):
            return None
        if undefined_as_written(inst, exact):  # the cancelled forms' values are not the claim's there
            return domain_refutation_at(inst, exact)
        decision = decide(inst.lhs, inst.rhs, exact, real=not inst.is_complex, derivatives=inst.derivatives)
        if decision.state.startswith("undefined "):
            if inst.undefined == "refutes" and inst.rel == "=":
                return _refutation(inst, exact, decision, "domain mismatch")
            return None
        verdict = holds(inst.rel, decision.state)
        if self._by_convention(inst, exact, verdict):
            record = tally.conventions if tally is not None else conventions
            if record is not None and len(record) < 3:
                record.append(exact)
            return None
        if tally is not None and verdict is not False:
            if verdict:
                tally.exact += 1
            elif decision.state == "unknown":
                tally.uncertified += 1
        if verdict is False:
            return _refutation(inst, exact, decision, "")
        if verdict is None and strict_unknown:
            return "unresolved"
        return None

    @staticmethod
    def _by_convention(inst: Instance, exact: dict, verdict) -> bool:
        """Whether the claim at ``exact``, a step of ``Heaviside``, holds for one value of $H(0)$ and fails for
        another of ``heaviside_convention.CONVENTIONS`` (``verdict`` is sympy's, $H(0) = 1/2$)."""
        if not (inst.lhs.has(sp.Heaviside) or inst.rhs.has(sp.Heaviside)) or not at_a_step((inst.lhs, inst.rhs), exact):
            return False
        outcomes = {verdict}
        for value in CONVENTIONS:
            lhs, rhs = (with_value_at_zero(side, value) for side in (inst.lhs, inst.rhs))
            outcomes.add(holds(inst.rel, decide(lhs, rhs, exact, real=not inst.is_complex).state))
        return True in outcomes and False in outcomes

    @property
    def _precisions(self) -> tuple[int, ...]:
        return (self.digits, *(m * self.digits for m in ESCALATION))

    def _ratio_constant(self, inst: Instance, ratio, point, rng, conditions):
        r"""Whether $lhs/rhs$ stays the same as the variable moves, the other symbols fixed."""
        group = next((g for g in inst.groups if inst.variable in g.symbols), None)
        if group is None:
            return "ok"  # the claim does not involve the variable: the ratio cannot change with it
        symbols = inst.symbols
        moves = [point] + [point | group.assign(group.domain.sample(rng, group.shape)) for _ in range(RATIO_SAMPLES)]
        moves = [m for m in moves if respects_domains(m, inst.groups) and conditions.hold([m[s] for s in symbols], self.digits)]
        for n, dps in enumerate(self._precisions):
            ratios = [value_at(ratio, [m[s] for s in symbols], dps) for m in moves]
            defined = [(m, q) for m, q in zip(moves, ratios) if q is not None]
            if len(defined) < 2:
                return "undefined"
            (m0, q0), rest = defined[0], defined[1:]
            bad = next(((m, q) for m, q in rest if not relation_holds("=", q, q0, dps)), None)
            if bad is None:
                return "ok" if n == 0 else "raised"
        m1 = bad[0]
        expr = inst.lhs / inst.rhs
        confirmed = [confirm((expr,), m, self.digits) for m in (m0, m1)]
        if None in confirmed:
            return "unresolved"
        (q0,), (q1,) = confirmed
        if relation_holds("=", q0, q1, self.digits):
            return "raised"
        v = str(inst.variable)
        counterexample = {str(s): show(x) for s, x in m0.items() if s != inst.variable}
        counterexample |= {v: f"{show(m0[inst.variable])} vs {show(m1[inst.variable])}",
                           "lhs/rhs": f"{show(q0, 25)} vs {show(q1, 25)}"}
        return Verdict("refuted", method=f"numeric at {self.digits} digits, confirmed by evalf",
                       counterexample=counterexample, assumptions=inst.assumption_texts(),
                       reason=f"lhs/rhs changes with {v}, so lhs is not proportional to rhs in {v}")

    def _verified(self, step: Step, tally: Tally, sizes: str, insts) -> Verdict:
        method = f"numeric: {tally.points} points at {self.digits}+ digits (more for large numbers)"
        if tally.raised:
            method += f" ({tally.raised} re-checked at up to {ESCALATION[-1] * self.digits})"
        if sizes:
            method += f" over {sizes}"
        region = "; ".join(insts[0].assumption_texts()) or "no free symbols"
        reason = (f"evidence, not a proof: the relation holds at every point (within 1e-{self.digits - 10} relative, "
                  f"{_exact_text(tally)}); region sampled: {region}; "
                  f"{tally.undefined} undefined points skipped{_rounded_text(tally)}, {tally.rejected} outside the "
                  "assumptions")
        if tally.divergent:
            return Verdict("undecided", method=method, assumptions=insts[0].assumption_texts(),
                           reason=(f"at {tally.divergent} points an integral has no value as an improper integral (its "
                                   "integrand falls off no faster than 1/x at an end or a pole): the sides agreed "
                                   f"there only as a principal value; {tally.points} points agreed"),
                           points=tally.points, details={"instances": str(len(insts))})
        if tally.conventions:
            at = ", ".join(str({str(k): str(v) for k, v in p.items()}) for p in tally.conventions)
            return Verdict("undecided", method=method, assumptions=insts[0].assumption_texts(),
                           reason=(f"at {at}, a step of Heaviside, the claim holds for one value of H(0) and fails "
                                   "for another (0, 1/2 or 1): a convention the claim does not state; "
                                   f"{tally.points} sampled points agreed"),
                           points=tally.points, details={"instances": str(len(insts))})
        if tally.unresolved:
            # A disagreement that could be neither confirmed nor explained away is not evidence
            # for the claim: never call such a step verified.
            return Verdict("undecided", method=method, assumptions=insts[0].assumption_texts(),
                           reason=(f"{tally.unresolved} points disagreed at {self._precisions[-1]} digits or more but "
                                   "could not be confirmed (cancellation beyond evalf's precision, or "
                                   f"quadrature); {tally.points} points agreed"),
                           points=tally.points, details={"instances": str(len(insts))})
        if tally.cut:  # the points where a thin failure would show were not all looked at
            return Verdict("undecided", method=method, assumptions=insts[0].assumption_texts(),
                           reason=(f"timeout: the budget cut short the search for {', '.join(tally.cut)}, where a "
                                   f"thin failure would show; {tally.points} sampled points agreed"),
                           points=tally.points, details={"instances": str(len(insts))})
        return Verdict("verified", method=method, assumptions=insts[0].assumption_texts(), reason=reason,
                       points=tally.points, details={"instances": str(len(insts))})


def _kinked(inst: Instance) -> bool:
    r"""Whether a side has a kink or jump (``ties.KINKS``).  An explicit ``Piecewise`` is left out: the library's
    stable forms are written as one (``power_log1p``: $(1 + t)^t$ as $e^{t \operatorname{log1p} t}$ near 0), the
    search for their exact zeros is a solve that cannot end, and making them undecided would undo every such
    verification; a tent written as a ``Piecewise`` is the gap that remains.  A ``Piecewise`` with a condition
    $x = c$ or $x \ne c$ counts: it singles out a point no sample meets (a square with $\pi$ removed)."""
    return inst.lhs.has(*KINKS) or inst.rhs.has(*KINKS) or any(
        condition.has(sp.Eq, sp.Ne) for side in (inst.lhs, inst.rhs) for node in side.atoms(sp.Piecewise)
        for _, condition in node.args)


def _unsampled_jump(inst: Instance, deadline: float) -> Verdict | None:
    """``undecided`` when a jump of ``sign``/``Heaviside``/``floor``/``ceiling`` at a zero known only numerically
    breaks the claim there (``jumps``): the samples never meet that point, so they are no evidence."""
    if inst.rel not in ("=", "<", "<=", ">", ">="):
        return None
    found = jump_failure(inst, deadline)
    if found is None:
        return None
    near = ", ".join(f"{k} = {v!r}" for k, v in found.items() if k not in ("jump", "value there"))
    return Verdict("undecided", method="numeric: a jump at a zero with no closed form",
                   assumptions=inst.assumption_texts(), details={k: str(v) for k, v in found.items()},
                   reason=f"{found['jump']} is {found['value there']} where its argument meets that level near "
                          f"{near}, a zero found only numerically, and there the relation fails numerically; "
                          "the samples never meet such a point and it cannot be decided exactly")


def _exact_text(tally: Tally) -> str:
    """What the exact re-decisions of agreements within rounding showed."""
    text = f"{tally.exact} agreements shown exactly"
    if tally.uncertified:
        text += (f", {tally.uncertified} more re-decided with no digit of lhs - rhs certifiable to "
                 f"{DECIDE_MAX_DIGITS} digits")
    return text


def _careful_quadrature(inst: Instance) -> Verdict | None:
    """A refutation of a closed integral claim by :mod:`~derivations.checker.strategies.quadrature` (two
    quadratures and a grid agreeing, the claim off by far more than their bound); None otherwise."""
    found = closed_refutation(inst.lhs, inst.rhs, inst.rel)
    if found is None:
        diverges = divergent_refutation(inst.lhs, inst.rhs, inst.rel)  # int x/(1+x^2) over R = oo
        if diverges is None:
            return None
        return Verdict("refuted", method="improper integrals evaluated exactly (sympy, rational integrands)",
                       counterexample=inst.labelled(diverges), assumptions=inst.assumption_texts(),
                       reason=f"lhs {inst.rel} rhs fails: lhs is {diverges['lhs']}, rhs is {diverges['rhs']}")
    counterexample = {"lhs": found["lhs"], "rhs": found["rhs"], "quadrature bound": found["bound"]}
    return Verdict("refuted", method="careful quadrature (tanh-sinh at two precisions, checked on a grid)",
                   counterexample=inst.labelled(counterexample), assumptions=inst.assumption_texts(),
                   reason=f"lhs {inst.rel} rhs fails: the sides differ by far more than the quadrature bound "
                          f"{found['bound']} and by more than {CLEAR_PERCENT} % (and any written rounding)")


def _integrated_at(inst: Instance, point) -> Verdict | None:
    r"""A refutation of an integral claim with parameters at one failing ``point``, when two independent
    methods agree there: with the point's values put in, the closed claim is contradicted by careful
    quadrature (:func:`closed_refutation`), and sympy integrates each side exactly to values within
    ``AGREEMENT`` of the quadratures (``\int_0^\infty x \lambda e^{-\lambda x} dx = 1/\lambda^2`` at
    ``\lambda = 5/2``).  A peak the quadratures stepped over at that parameter value shows as a disagreement
    with the exact integral, and then nothing is decided."""
    exact = exact_point(point)
    if (inst.lhs.free_symbols | inst.rhs.free_symbols) - set(exact) or not inside(inst, exact):
        return None
    lhs, rhs = (side.xreplace(exact) for side in (inst.lhs, inst.rhs))
    found = closed_refutation(lhs, rhs, inst.rel)
    if found is None:
        return None
    with mpmath.workdps(30):
        for side, quadrature in ((lhs, found["lhs"]), (rhs, found["rhs"])):
            integrated = side.doit() if side.has(sp.Integral) else side
            if integrated.has(sp.Integral) or not integrated.is_number:
                return None
            value, reference = complex(sp.N(integrated, 30)), mpmath.mpf(quadrature)
            if abs(value.imag) > 0 or abs(value.real - reference) > AGREEMENT * max(1, abs(reference)):
                return None
    counterexample = {str(s): coordinate_text(v) for s, v in exact.items()}
    counterexample |= {"lhs": found["lhs"], "rhs": found["rhs"], "quadrature bound": found["bound"]}
    return Verdict("refuted", method="careful quadrature at a sampled point, agreeing with sympy's exact integral",
                   counterexample=inst.labelled(counterexample), assumptions=inst.assumption_texts(),
                   reason=f"lhs {inst.rel} rhs fails at this point: the sides differ by far more than the quadrature "
                          f"bound {found['bound']}, and sympy's exact integrals agree with the quadratures")


def _holds_integrated(inst: Instance, point) -> str | None:
    r"""``'raised'`` when, at a point where quadrature disagreed, sympy integrates each side exactly, careful
    quadrature (split at fixed breakpoints, with a bound) agrees with each such integral, and the claim holds
    there (decided exactly): $\int_a^b \operatorname{sign} x\,dx = |b| - |a|$ across the kink at 0, where plain
    tanh-sinh loses digits.  Otherwise the point stays unresolved (None): sympy's value alone is not trusted."""
    exact = exact_point(point)
    if (inst.lhs.free_symbols | inst.rhs.free_symbols) - set(exact) or not inside(inst, exact):
        return None
    try:
        lhs, rhs = (side.xreplace(exact).doit() for side in (inst.lhs, inst.rhs))
    except Exception:  # noqa: BLE001 - sympy's integrate fails in many ways
        return None
    if lhs.has(sp.Integral) or rhs.has(sp.Integral) or not (lhs.is_number and rhs.is_number):
        return None
    for side, integrated in ((inst.lhs, lhs), (inst.rhs, rhs)):  # a second method: careful quadrature agreeing
        if side.has(sp.Integral):
            careful = careful_side(side.xreplace(exact))
            if careful is None or not integrated.is_real:
                return None
            value, bound = careful
            if abs(complex(sp.N(integrated, 30)).real - value) > max(bound, AGREEMENT * max(1, abs(value))):
                return None
    return "raised" if holds(inst.rel, decide(lhs, rhs, {}, real=not inst.is_complex).state) else None


AGREEMENT = 1e-10
"""Most relative distance between sympy's exact integral at a point and the careful quadrature (15 digits)."""


def _divergent_at(inst: Instance, point) -> bool:
    """Whether an integral of the instance, with ``point``'s values put in, has a non-integrable end or pole."""
    exact = exact_point(point)
    integrals = inst.lhs.atoms(sp.Integral) | inst.rhs.atoms(sp.Integral)
    return any(nonintegrable_end(integral.xreplace(exact)) for integral in integrals)


def _divergent_text(tally: Tally) -> str:
    return f", {tally.divergent} where an integral has no value" if tally.divergent else ""


def _has_integral(inst: Instance) -> bool:
    return any(part.has(sp.Integral) for part in (inst.lhs, inst.rhs))


def _refutation(inst: Instance, exact: dict, decision, why: str) -> Verdict:
    """A refuted verdict at an exactly decided point, shortened to the fewest digits that still fail."""
    dependent = inst.simplex_substitution

    def still_fails(candidate):
        if not inside(inst, completed(inst, candidate)) or undefined_as_written(inst, completed(inst, candidate)):
            return False
        again = decide(inst.lhs, inst.rhs, candidate, real=not inst.is_complex, derivatives=inst.derivatives)
        if why:
            return again.state == decision.state
        # a shorter point at a step of Heaviside must fail for every value of H(0), as the sampled one did
        return holds(inst.rel, again.state) is False and not NumericTest._by_convention(inst, candidate, False)

    slow = []

    def fails_in_time(candidate):  # a re-check that runs away keeps the sampled coordinate, and ends the search
        if len(slow) >= RECHECK_GIVE_UP:
            return False
        found = within_cpu_seconds(still_fails, candidate, seconds=RECHECK_SECONDS)
        if found is None:
            slow.append(candidate)
        return bool(found)

    free = round_point({s: v for s, v in exact.items() if s not in dependent}, fails_in_time)
    short = completed(inst, shortest_point(free, fails_in_time))
    if short != completed(inst, exact):
        decision = decide(inst.lhs, inst.rhs, short, real=not inst.is_complex, derivatives=inst.derivatives)
    counterexample = {str(s): coordinate_text(v) for s, v in short.items()}
    for side, value in (("lhs", decision.lhs), ("rhs", decision.rhs)):
        counterexample[side] = "undefined" if value is None else decimal_text(value)
    if why == "" and decision.difference is not None:
        counterexample["lhs - rhs"] = decimal_text(decision.difference)
    counterexample = inst.labelled(counterexample)
    if why:
        side = decision.state.split()[-1]
        reason = f"domain mismatch: {side} is undefined (or not real) here while the other side is defined"
    elif decision.state == "zero":
        reason = f"lhs = rhs exactly here, so the strict relation lhs {inst.rel} rhs fails"
    else:
        reason = f"lhs {inst.rel} rhs fails here: lhs - rhs is {decision.state}, certified by exact evaluation"
    return Verdict("refuted", method="exact decision at a point (sympy, precision-tracking evalf)",
                   counterexample=counterexample, assumptions=inst.assumption_texts(), reason=reason)


RECHECK_SECONDS = 0.5
r"""Most CPU seconds for one exact re-check of a rounded counterexample (they take milliseconds): sympy builds some
powers exactly at great cost, $(-2.5\cdot 10^{-8})^{1/(2\cdot 10^{8})}$ ran for minutes in ``(-1)**(1/q)`` while
rounding a refutation of $(c x)^d = (c x + r)^d$ at an edge point, and the step was left undecided when its budget
ran out.  Rounding only makes the point easier to read: the sampled point is already decided."""
RECHECK_GIVE_UP = 2
"""Re-checks out of time after which the rounding stops (the point's other candidates are as costly)."""


def completed(inst: Instance, point: dict) -> dict:
    r"""``point`` with each simplex's last entry set to $1 - \sum$ of the others, the value the claim is
    evaluated at (``Instance.on_simplex``): the sampled last entry is unused, so a counterexample that showed
    it (or the entry before the others were shortened) would not reproduce the failure."""
    dependent = inst.simplex_substitution
    if not dependent or not all(s in point for e in dependent.values() for s in e.free_symbols):
        return point
    return point | {s: e.xreplace(point) for s, e in dependent.items()}


def inside(inst: Instance, point: dict) -> bool:
    """Whether the exact ``point`` satisfies every symbol's assumptions and region and every side condition."""
    for symbol, value in point.items():
        if not value.is_real:
            return False
        checks = ((symbol.is_positive, value > 0), (symbol.is_nonnegative, value >= 0), (symbol.is_negative, value < 0),
                  (symbol.is_nonpositive, value <= 0), (symbol.is_nonzero, value != 0), (symbol.is_integer, value.is_integer))
        if not all(bool(ok) for required, ok in checks if required):
            return False
    for group in inst.groups:
        if not group.shape and group.symbols[0] in point:
            if not _in_domain(group.domain, point[group.symbols[0]]):
                return False
        elif group.shape and not isinstance(group.domain, Simplex) and not all(  # entries in (0, 1): each one
                _in_domain(group.domain, point[s]) for s in group.symbols if s in point):
            return False
    try:
        return all(bool(c.xreplace(point)) is True for c in inst.assumptions)
    except TypeError:
        return False


def _in_domain(domain, value) -> bool:
    """Whether an exact value lies in an element-wise domain."""
    if isinstance(domain, Region):  # exactly: a value beyond float64 (10**400) is no reason to reject
        return bool(domain.contains_exact(value))
    try:
        return bool(domain.contains(np.asarray(float(value))))
    except (TypeError, ValueError, NotImplementedError, OverflowError):
        return False


def decide_domain_at(inst: Instance, point: dict) -> Verdict | None:
    """A refutation when, at the exact ``point`` inside the assumptions, exactly one side is undefined."""
    if not inside(inst, point):
        return None
    if undefined_as_written(inst, point):
        return domain_refutation_at(inst, point)
    decision = decide(inst.lhs, inst.rhs, point, real=not inst.is_complex, derivatives=inst.derivatives)
    if decision.state.startswith("undefined "):
        return _refutation(inst, point, decision, "domain mismatch")
    return None


def _magnitudes(inst: Instance):
    """The compiled term magnitude of each side (``magnitude``; None for a side without a sum), or None for both
    where a side is complex or one cannot be compiled."""
    if inst.is_complex:
        return None
    try:
        return tuple(None if m is None else compile_expr(inst.symbols, m)
                     for m in (term_magnitude(inst.lhs), term_magnitude(inst.rhs)))
    except (Unsupported, TypeError, ValueError):
        return None


def _difference_holds(inst: Instance, values, base: int) -> bool:
    r"""Whether $lhs - rhs$, written as one expression and its exponentials cancelled exactly
    (``exp_cancellation``), has the claimed strict sign at ``base`` and ``2 base`` digits, nonzero at both and
    apart from 0 by more than ten times its change between them.  Sides compared one by one cannot see
    $\log(1 - \tanh x) \le \log 2 - 2x$ at $x = 10^{300}$ (each is $-2 \cdot 10^{300}$, the gap
    $e^{-2 \cdot 10^{300}}$); their difference is $-\log(1 + e^{-2x})$.  Only inequalities, only where the
    rewriting changed the difference (else it is the comparison already made)."""
    if inst.rel not in ("<", "<=", ">", ">=") or inst.is_complex or _has_integral(inst):
        return False
    try:
        difference = _rewritten_difference(inst.lhs, inst.rhs)
    except TypeError:  # unhashable (a mutable matrix)
        return False
    if difference is None:
        return False
    try:
        function = compile_expr(inst.symbols, difference)
    except Unsupported:
        return False
    d1, d2 = (value_at(function, values, dps) for dps in (base, 2 * base))
    if d1 is None or d2 is None or d1 == 0 or d2 == 0:
        return False
    with mpmath.workdps(2 * base):
        if (d1 > 0) != (d2 > 0) or abs(d2) <= 10 * abs(d2 - d1):
            return False
    return (d2 < 0) == (inst.rel in ("<", "<="))


@functools.lru_cache(maxsize=64)
def _rewritten_difference(lhs, rhs):
    """``lhs - rhs`` with ``exponentials_cancelled``, or None where that changes nothing."""
    plain = lhs - rhs
    rewritten = exponentials_cancelled(plain)
    return None if rewritten == plain else rewritten


def _rounded_text(tally: Tally) -> str:
    """The skipped points that are unresolved rather than undefined, said as such."""
    if not tally.rounded:
        return ""
    return (f" ({tally.rounded} of them unresolved: a side rounds to undefined there at every precision tried, "
            f"up to {MAX_ESCALATION_DIGITS} digits, and may be defined exactly)")
