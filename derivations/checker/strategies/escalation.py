r"""One point at escalating precision: a sign or a value hidden in rounding is looked for before the point counts.

At $b$ digits the sides of a claim may agree within rounding (``evaluate.compare`` gives ``near``: the sign of
$lhs - rhs$ is not known), or a side may come out undefined because a difference inside it rounded to 0 or below
($\log(1 - \sigma(x))$ at $x = 5000$, $\log(\cosh y - \sinh y)$ from $y \approx 60$ on at 50 digits), although the
exact values differ, or are defined.  Such a point is evaluated again at $2b, 4b, 8b, \dots$ digits, up to
``MAX_DIGITS``.  A precision $d_k$ resolves the point when both sides are defined there and at the precision before,
and their difference stands clear of rounding and of what the last doubling changed (an estimate of the error at
$d_{k-1}$, and so a bound on the smaller one at $d_k$):

$$|l_k - r_k| > 10^{-(d_k - 10)} \max(|l_k|, |r_k|, 1) + 10\,(|l_k - l_{k-1}| + |r_k - r_{k-1}|).$$

Its sign then gives the point's state (``holds`` or ``fails``).  Cancellation leaves garbage that is defined and
looks apart at one precision (the rounding residue of $1 - 1/(1 + e^{-5000})$ at 1728 digits) and changes at the
next: it never resolves a point.  A point never resolved is returned as ``near`` (the sides within rounding),
``undefined`` or ``unsettled`` (defined, apart, but not stable), for the exact decision (``decide``) and the caller's
rules, never as evidence of a sign.  A failure at the working digits is re-read at $2b$ and $4b$ only, as it always
was (it is then decided exactly).

The cost is bounded twice: ``SECONDS`` of CPU for one point, and an :class:`Allowance` for a step (a step whose
sides are undefined on half its domain would otherwise spend seconds on points that no precision defines).
"""
from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

import mpmath

from derivations.checker.budget import within_cpu_seconds
from derivations.checker.strategies.evaluate import compare, tolerance, value_at

MAX_DIGITS = 5000
r"""Most digits of an escalated evaluation (about 0.1 s for an ``exp`` and a ``log`` there): enough for the
cancellation in $1 - \sigma(10^4)$, $e^{-10^4} \approx 10^{-4343}$, at the library's edge points.  One beyond it
($1 - \sigma(10^{300})$ needs $10^{300}$ digits) is left unresolved."""
FAILURE_LEVELS = 3
"""Precisions at which a failure at the working digits is read ($b$, $2b$, $4b$), as before escalation."""
SECONDS = 0.5
"""Most CPU seconds spent on the escalated evaluations of one point (milliseconds as a rule)."""
STEP_SECONDS = 2.0
"""Most CPU seconds a step spends on escalating points that are ``near`` or ``undefined`` at the working digits.
Past it such points are read at the working digits only, as they were before escalation."""
SAFETY = 10
"""Factor on the change between two precisions that a resolved difference must exceed."""
MAGNITUDE_DIGITS = 15
"""Digits at which the term magnitudes of the sides are read (their order of magnitude is all that is used)."""


class Allowance:
    """CPU seconds left for escalations in one step.  ``climb``: what the step's first climb of a point whose side is
    undefined at every precision (known exactly, ``settled``) cost; each later such point is charged that much and
    not climbed, so that the allowance reaches about as many points as when every one was climbed."""

    def __init__(self, seconds: float = STEP_SECONDS):
        self.left = seconds
        self.climb: float | None = None

    def charge(self, seconds: float) -> None:
        self.left -= seconds


@dataclass(frozen=True)
class Reading:
    """The state of ``lhs REL rhs`` at one point (``holds``, ``fails``, ``near``, ``undefined`` or ``unsettled``),
    with the sides (None where undefined) at ``dps`` digits, the ``level``-th precision tried (0: the working
    digits); ``settled``: known exactly to read so at every precision (not climbed)."""

    state: str
    l: object
    r: object
    dps: int
    level: int
    settled: bool = False


def precisions(base: int, limit: int = MAX_DIGITS) -> list[int]:
    """``base`` doubled until ``limit`` (which ends the list; never less than ``4 base``)."""
    limit = max(limit, 4 * base)
    out = [base]
    while out[-1] < limit:
        out.append(min(2 * out[-1], limit))
    return out


def read_point(rel: str, sides, values, base: int, *, allow_complex: bool = False, digits=None,
               escalate: tuple[str, ...] = ("fails", "near", "undefined"), allowance: Allowance | None = None,
               seconds: float | None = SECONDS, magnitudes=None, settled=None) -> Reading:
    """The point's :class:`Reading` at ``base`` digits when that ``holds`` or its state is not in ``escalate``;
    else the first resolved one at the ``digits`` after it (default :func:`precisions` of ``base``; a failure gets
    ``FAILURE_LEVELS`` of them), or the last one read, ``unsettled`` where it is apart but not resolved.  ``near``
    and ``undefined`` are escalated only while ``allowance`` lasts; ``seconds`` caps one point (None: no cap).
    ``magnitudes`` (compiled :func:`~derivations.checker.strategies.magnitude.term_magnitude` of each side, None for
    a side without one): a ``holds`` whose margin is small against them is read again at the next precision
    (:func:`_cancelled`) and counts only once resolved there.  ``settled(state)``: whether a ``near`` or ``undefined``
    reading is known exactly to hold at every precision (:mod:`~derivations.checker.strategies.settled`); it is then
    returned as read, with no climb."""
    digits = precisions(base) if digits is None else digits
    readings: list[Reading] = []

    def read(level: int) -> Reading:
        dps = digits[level]
        l, r = (value_at(f, values, dps, allow_complex=allow_complex) for f in sides)
        state = "undefined" if l is None or r is None else compare(rel, l, r, dps)
        readings.append(Reading(state, l, r, dps, level))
        return readings[-1]

    first = read(0)
    if first.state == "holds" and len(digits) > 1 and _cancelled(first, magnitudes, values):
        second = read(1)
        if second.state == "holds" and _resolved(first, second):  # confirmed: counted as read at the working digits
            return Reading("holds", second.l, second.r, second.dps, 0)
        if second.state == "fails" and _resolved(first, second):
            return second  # a failure is then decided exactly, as always
        return Reading("unsettled", second.l, second.r, second.dps, 1)
    if first.state == "holds" or first.state not in escalate:
        return first
    if first.state != "fails" and allowance is not None and allowance.left <= 0:
        return first
    known = first.state != "fails" and settled is not None and settled(first.state)
    if known and (first.state != "undefined" or allowance is None or allowance.climb is not None):
        if first.state == "undefined" and allowance is not None:
            allowance.charge(allowance.climb)  # as the climb it replaces, measured on the step's first one
        return dataclasses.replace(first, settled=True)
    levels = min(len(digits), FAILURE_LEVELS) if first.state == "fails" else len(digits)
    resolved: list[Reading] = []

    def escalated():
        for level in range(1, levels):
            reading = read(level)
            if reading.state in ("holds", "fails") and _resolved(readings[-2], reading):
                resolved.append(reading)
                return
            if reading.state == "near" and _relatively_resolved(readings[-2], reading):
                resolved.append(Reading(_sign_state(rel, reading), reading.l, reading.r, reading.dps, level))
                return
            if reading.state not in escalate and reading.state not in ("holds", "fails"):
                return

    start = time.process_time()
    if seconds is None:
        escalated()
    else:
        within_cpu_seconds(escalated, seconds=seconds)
    if allowance is not None and first.state != "fails":
        allowance.charge(time.process_time() - start)
        if known:  # the first climb of a side undefined at every precision: what the next ones are charged
            allowance.climb = time.process_time() - start
    if resolved:
        return resolved[0]
    last = readings[-1]
    if last.state not in ("holds", "fails") or last.level == 0:
        return dataclasses.replace(last, settled=known and last.state == first.state)
    if first.state == "fails":  # decided exactly next, as a failure always was
        return Reading("fails", last.l, last.r, last.dps, last.level)
    return Reading("unsettled", last.l, last.r, last.dps, last.level)


def _resolved(before: Reading, now: Reading) -> bool:
    """Whether ``now`` resolves the sign of $l - r$: see the module docstring."""
    if before.l is None or before.r is None or now.l is None or now.r is None:
        return False
    with mpmath.workdps(now.dps):
        try:
            change = abs(now.l - before.l) + abs(now.r - before.r)
            return abs(now.l - now.r) > tolerance(now.dps, now.l, now.r) + SAFETY * change
        except (TypeError, ValueError):  # a complex side against a real one
            return False


def _relatively_resolved(before: Reading, now: Reading) -> bool:
    r"""Whether sides that agree only through the tolerance's absolute floor (both far below 1, as
    $-\log(1 + e^{-x})$ and $-e^{-x}/2$ at $x = 10^{600}$) are apart relative to themselves, and stable: both nonzero
    at both precisions (a cancellation that leaves nothing reads as 0) and
    $|l_k - r_k| > 10^{-(d_k - 10)} \max(|l_k|, |r_k|) + 10\,(|l_k - l_{k-1}| + |r_k - r_{k-1}|)$."""
    if any(v is None or v == 0 for v in (before.l, before.r, now.l, now.r)):
        return False
    with mpmath.workdps(now.dps):
        try:
            change = abs(now.l - before.l) + abs(now.r - before.r)
            scale = max(abs(now.l), abs(now.r))
            return abs(now.l - now.r) > mpmath.mpf(10) ** (10 - now.dps) * scale + SAFETY * change
        except (TypeError, ValueError):  # a complex side against a real one
            return False


def _sign_state(rel: str, reading: Reading) -> str:
    """``holds`` or ``fails`` by the sign of $l - r$ (resolved: nonzero)."""
    negative = reading.l < reading.r
    if rel == "=":
        return "fails"
    return "holds" if negative == (rel in ("<=", "<")) else "fails"


def _cancelled(reading: Reading, magnitudes, values) -> bool:
    """Whether the margin $|l - r|$ of a ``holds`` is below $10^{-b/2}$ times the largest term magnitude of the
    sides (``magnitude``): more than half the digits were lost to cancellation."""
    if not magnitudes or all(m is None for m in magnitudes):
        return False
    sizes = [abs(reading.l), abs(reading.r)]
    for m in magnitudes:
        if m is not None:
            size = value_at(m, values, MAGNITUDE_DIGITS)
            if size is None:
                return True  # the terms overflow where the sides do not: nothing to measure them by
            sizes.append(abs(size))
    with mpmath.workdps(reading.dps):
        try:
            return abs(reading.l - reading.r) < mpmath.mpf(10) ** (-(reading.dps // 2)) * max(sizes)
        except (TypeError, ValueError):
            return False
