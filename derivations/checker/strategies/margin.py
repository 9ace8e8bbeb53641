r"""How close an inequality comes to failing between the sampled points.

Random points almost never land on the touching point of a tight inequality: $\sin^2 x < 1$ holds at
every sampled $x$, yet fails at $x = \pi/2$.  The numeric rung therefore keeps the sampled point with
the smallest relative margin

.. math::  m(x) = \frac{r(x) - l(x)}{|l(x)| + |r(x)| + 1}  \quad\text{for } l < r \text{ or } l \le r

(the sign flipped for $>$, $\ge$), and minimizes $m$ from the :data:`STARTS` smallest
(Nelder–Mead over the real coordinates, at :data:`DIGITS` digits, inside the assumptions and inside
a box of :data:`BOX` relative half-width around the sampled point).  The denominator is a sum, not
$\max(|l|, |r|, 1)$: with that, $m = 1$ wherever $r = 0 < 1 \le l$, a plateau on which neither the sampled
points nor the search move towards the touch of $(x^2 - 2)^2 + (y^2 - 3)^2 > 0$ at $(\sqrt 2, \sqrt 3)$; the sum
keeps $m$ increasing with the gap.  What the minimum means:

* $m < 0$: the relation fails near the minimizer; the caller decides the point exactly, and refutes
  only when that decision confirms it;
* $|m| \le$ :data:`TIE` on a strict relation: the sides meet to within rounding, so a tie (which
  refutes a strict inequality) is likely: the step is not verified;
* a minimum that is not a local minimum inside the box and the domain ($\sigma(x) < 1$ as $x \to \infty$,
  $\sin x < x$ as $x \to 0^+$) is an approach, not a touch: the sampled evidence stands, as it does when the margin stays
  positive.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.strategies.evaluate import value_at

STARTS = 3
"""Sampled points (the smallest margins) the search starts from."""
VALLEYS = 3
"""Further starts for one coordinate: sampled margins below both neighbours' (:meth:`Closest.starts`)."""
TIE = 1e-12
"""Relative margin at which a strict inequality is taken to touch (float64 coordinates)."""
DIGITS = 30
"""Working digits of the margin during the search."""
MAX_EVALUATIONS = 300
"""Margin evaluations per start."""
FINAL_DIGITS = 4 * DIGITS
"""Digits of the margin at the minimizer (the search's own values can be rounding noise: log(1+x) at x=1e-20)."""
RESOLVE_DIGITS = 1000
"""Most digits at which a margin that rounds to (nearly) nothing is read again (:func:`_final_margin`)."""
NEIGHBOURHOOD = 1e-6
r"""A minimizer whose neighbours at this relative distance are not all admissible lies on the edge of the
domain ($\sin x < x$ as $x \to 0^+$): an approach to an excluded point, not a touch."""
CLOSED_FORM_TOLERANCE = 1e-12
"""Relative distance within which a coordinate of a touch is read as a closed form (``sympy.nsimplify``)."""
CLOSED_FORM_OPS = 8
"""Most operations in such a closed form ($\\sqrt 2$, $1/e$, $\\pi/2$): longer ones are digits fitted, not recognised."""
BOX = 0.5
"""Half-width of the search box per coordinate, relative to ``max(1, |x0|)``."""


@dataclass
class Closest:
    r"""The sampled points with the smallest relative margins so far (at most ``STARTS``), and, for one coordinate,
    the points whose margin is below both neighbours' along it (at most :data:`VALLEYS`, the smallest first).

    The smallest margins alone can all lie on an approach: $10^{-250} (\sin x - x/2)^2 > 0$ for $x > 0$ has its
    smallest sampled margins at $x \to 0^+$, and the search never reaches the touch at $x = 1.8955$, a valley of the
    sampled margins of its own."""

    points: list = field(default_factory=list)
    line: list = field(default_factory=list)

    def add(self, margin: float, values: tuple) -> None:
        if len(self.points) < STARTS or margin < self.points[-1][0]:
            self.points = sorted([*self.points, (margin, values)])[:STARTS]
        if len(values) == 1:
            self.line.append((values[0], margin))

    def starts(self) -> list:
        """``points``, then the valleys along the one coordinate not among them."""
        ordered = sorted(set(self.line))
        valleys = sorted((m, (v,)) for (_, a), (v, m), (_, b) in zip(ordered, ordered[1:], ordered[2:]) if m < a and m < b)
        chosen = [v for _, v in self.points]
        return self.points + [(m, v) for m, v in valleys if v not in chosen][:VALLEYS]


def relative_margin(rel: str, l, r, dps: int = DIGITS) -> float:
    """$m$ above: positive where the relation holds with room to spare."""
    with mpmath.workdps(dps):
        gap = (r - l) if rel in ("<", "<=") else (l - r)
        return float(gap / (abs(l) + abs(r) + 1))


@dataclass(frozen=True)
class Refined:
    margin: float
    values: tuple
    interior: bool
    r"""Whether the minimizer is a local minimum inside the box and the domain (a touch): its neighbours are
    admissible and have larger margins.  Otherwise it is an approach (to the box's edge, the domain's edge,
    or along a margin still falling, as $1 - \sigma(x)$ does)."""


def refine(rel: str, sides, closest: Closest, admissible, deadline: float, *, valleys: bool = True) -> Refined | None:
    r"""The most telling minimum of the margin from the points of ``closest``: a failure first, then a touch
    inside the domain, then the smallest margin.  ``admissible(values)`` says whether a point is inside the
    assumptions and domains.  None when there is nothing to refine or no time.  ``valleys``: also from the valleys of
    :meth:`Closest.starts`; not for sides that jump, where a valley is the approach to a step ($\lfloor x^2 \rfloor >
    x^2 - 1$ as $x \to \sqrt{14}^-$, margin $\to 0$, 1 at the step) and the steps are decided exactly (``ties``)."""
    starts = closest.starts() if valleys else closest.points
    found = [r for _, values in starts if (r := _refine_from(rel, sides, values, admissible, deadline))]
    if not found:
        return None
    return min(found, key=lambda r: (not (r.interior and r.margin < 0), not (r.interior and r.margin <= TIE), r.margin))


def _refine_from(rel: str, sides, values: tuple, admissible, deadline: float) -> Refined | None:
    if busy_clock() > deadline or not len(values):  # a closed claim has no coordinates to move
        return None
    from scipy.optimize import minimize  # noqa: PLC0415 - only tight inequalities need it

    start = np.array(values, dtype=float)
    half = np.maximum(np.abs(start), 1.0) * BOX

    def margin(x) -> float:
        values = tuple(float(v) for v in x)
        if (busy_clock() > deadline or not all(np.isfinite(values)) or np.any(np.abs(x - start) > half)
                or not admissible(values)):
            return float("inf")
        l, r = (value_at(f, list(values), DIGITS) for f in sides)
        if l is None or r is None:
            return float("inf")
        return relative_margin(rel, l, r)

    simplex = np.vstack([start] + [start + np.eye(len(start))[k] * half[k] / 2 for k in range(len(start))])
    with warnings.catch_warnings(), np.errstate(all="ignore"):  # inf - inf where the simplex leaves the domain
        warnings.simplefilter("ignore")
        result = minimize(margin, start, method="Nelder-Mead",
                          options={"initial_simplex": simplex, "xatol": 1e-15, "fatol": 1e-30,
                                   "maxfev": MAX_EVALUATIONS})
    best = float(result.fun)
    if not np.isfinite(best):
        return None
    values = tuple(float(v) for v in result.x)
    lowest = _final_margin(rel, sides, values)
    if lowest is None:
        return None
    step = [max(1.0, abs(v)) * NEIGHBOURHOOD for v in values]
    around = [tuple(v + d * (k == j) for k, v in enumerate(values)) for j in range(len(values)) for d in (-step[j], step[j])]
    inside_box = bool(np.all(np.abs(result.x - start) < half * (1 - 1e-3)))
    interior = inside_box and all(admissible(a) and (m := _final_margin(rel, sides, a)) is not None and m >= lowest
                                  for a in around)
    return Refined(lowest, values, interior)


def _final_margin(rel: str, sides, values: tuple) -> float | None:
    r"""$m$ at ``values``, read at :data:`FINAL_DIGITS`; where $|m| \le 10^{-(d - 10)}$ (what rounding the sides to $d$
    digits can make of a positive margin, or of none), read again at twice the digits, up to :data:`RESOLVE_DIGITS`,
    until two readings agree (nonzero, apart by less than a tenth of the last: a side cancelling inside, as
    $\sqrt{x^2 + 10^{-200}} - |x|$ at $x = 10^{47}$ does, gives noise that moves).  A margin resolved so is the sides'
    own ($5 \cdot 10^{-248}$ there, 0 at 120 digits): the neighbours are compared with it, not with rounding's 0, and
    a margin falling along a line is an approach, not a touch."""
    dps, previous = FINAL_DIGITS, None
    while True:
        l, r = (value_at(f, list(values), dps) for f in sides)
        if l is None or r is None:
            return None
        margin = relative_margin(rel, l, r, dps)
        if previous is None and abs(margin) > 10.0 ** -(dps - 10):
            return margin
        if previous is not None and margin != 0 and 10 * abs(margin - previous) < abs(margin):
            return margin
        if 2 * dps > RESOLVE_DIGITS:
            return margin
        dps, previous = 2 * dps, margin


def closed_form_point(values: tuple) -> tuple | None:
    r"""The coordinates of a touch read as short closed forms ($1.4142135623730951 \to \sqrt 2$, $0.3678\ldots \to
    e^{-1}$), or None when one of them is not recognised.  Only a candidate: the caller decides the claim there
    exactly, so a wrong reading costs a decision, never a verdict."""
    exact = []
    for v in values:
        form = sp.nsimplify(v, [sp.pi, sp.E], tolerance=CLOSED_FORM_TOLERANCE * max(1.0, abs(v)))
        if sp.count_ops(form) > CLOSED_FORM_OPS:
            return None
        exact.append(form)
    return tuple(exact)
