r"""A failing point too large to decide exactly, moved towards 0 until it can be decided.

$\log\Gamma(x) \le (x - \tfrac12)\log x - x + \tfrac12\log 2\pi + \frac{1}{12x} - \frac{10^{-6}}{x^2}$ fails for every
$x > 2778$.  A sample at $x = 10^8$ shows it numerically, but deciding there would build $\log((10^8 - 1)!)$ exactly
(``huge``), so it is not decided and the claim stayed undecided.  A failure far out usually holds on a whole ray:
halving the coordinates beyond :data:`FROM` ($10^8, 5 \cdot 10^7, \ldots, 3052$) meets a point small enough to decide
while the claim still fails there, and that point refutes.  Each halved point is only a candidate: the caller reads it
at the working digits, stops where it no longer fails (the failure region is left), and decides exactly the first
one it can.
"""
from __future__ import annotations

from collections.abc import Iterator

FROM = 1000.0
"""Coordinates at most this large are left as they are (a failure there is decided where it was found)."""
STEPS = 80
"""Most halvings: $10^{300}/2^{80} \approx 10^{276}$ (beyond float64's range the far points are exact and few)."""


def halved_points(values, integer) -> Iterator[tuple]:
    r"""``values`` with every coordinate beyond :data:`FROM` in absolute value halved, again and again (an integer
    coordinate to the integer $\lfloor v/2 \rfloor$, towards 0), while some coordinate is beyond it."""
    point = tuple(float(v) for v in values)
    for _ in range(STEPS):
        if not any(abs(v) > FROM for v in point):
            return
        point = tuple((int(v / 2) if whole else v / 2) if abs(v) > FROM else v for v, whole in zip(point, integer))
        yield point
