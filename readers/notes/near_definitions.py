r"""A row that restates a defined name with a body the definition nearly equals is a claim about it, not a new name.

.. code-block:: latex

    $$ s(x) = \begin{cases} x^2 & x \ne \pi \\ 0 & x = \pi \end{cases} $$
    ...
    $$ s(x) = x^2 $$                  % fails at pi only
    $$ r(x) = \max(0, x - 1.4142) $$  % after r defined with a kink at sqrt(2): 1.4e-5 apart

A row ``f(x) = body`` after ``f`` was defined, with no word that makes it a definition, reads two ways: a claim
about the ``f`` in force, or a new ``f`` that shadows it (two penalties both written ``L(\theta) = ...``).  The
second reading is for a different function.  Nobody defines a name anew as what it already is at almost every
point: when the body in force and the new body agree, to :data:`CLOSE` relative to the larger value (at least 1),
at every one of :data:`POINTS` random points of the names' domain (at least :data:`ENOUGH` of them evaluated), the
row is a claim about the name in force, and a failure (at a single point, a spike, a rounded constant) refutes it.
Bodies that differ at random points keep both readings (``f(x) = x^2``, then ``f(x) = 2x + 1``: undecided).

The same holds of ``h(x) = 0`` after ``h`` was defined (a narrow tent, zero outside a spike): one side a number, it
looks like an equation to solve in ``x``, but an equation that holds at almost every point is no equation anyone
solves; it claims the value everywhere, and the spike refutes it.  Only a name the notes define by cases is read
this way: ``\operatorname{sign}(x)^2 = 1`` leaves its one exception implicit, as notes do, and ``G(a) = 0`` after
``G(t) := (t - a)^{n+1}`` is ``0^{n+1} = 0``, true for the orders ``n`` the notes mean (it fails at ``n = -1``).
"""
from __future__ import annotations

import random

import sympy as sp

POINTS = 24
"""Random points at which the two bodies are compared."""
ENOUGH = 16
"""Points at which both bodies must take finite real values for the comparison to count."""
CLOSE = 1e-3
r"""Largest disagreement, relative to $\max(1, |a|, |b|)$, still counted as the same value: a constant rounded to
four decimals ($\sqrt 2 \approx 1.4142$) is the same function to the reader; a different function differs by O(1)."""
SPREAD = (-3.0, 3.0)
"""Where the points are drawn (each name's sign assumption narrows it to the positive or negative half)."""


def nearly_same(old: sp.Expr, new: sp.Expr, seed: int = 0) -> bool:
    """Whether ``old`` (the body in force) and ``new`` agree at every evaluated random point (see the module)."""
    names = sorted(old.free_symbols | new.free_symbols, key=str)
    if not names or not all(isinstance(x, sp.Symbol) for x in names) or old == new:
        return False
    if any(e.atoms(sp.Indexed, sp.Derivative, sp.Integral, sp.Sum, sp.Product) or e.atoms(sp.core.function.AppliedUndef)
           for e in (old, new)):
        return False  # values the sampler cannot give here: leave both readings
    rng = random.Random(seed)
    agreed = 0
    for _ in range(POINTS):
        point = {x: sp.Float(_draw(x, rng), 30) for x in names}
        a, b = _value(old, point), _value(new, point)
        if a is None or b is None:
            continue
        if abs(a - b) > CLOSE * max(1.0, abs(a), abs(b)):
            return False
        agreed += 1
    return agreed >= ENOUGH


def _draw(x: sp.Symbol, rng: random.Random) -> float:
    value = rng.uniform(*SPREAD)
    if x.is_positive or x.is_nonnegative:
        return abs(value) or 0.5
    if x.is_negative or x.is_nonpositive:
        return -abs(value) or -0.5
    if x.is_integer:
        return float(round(value))
    return value


def _value(e: sp.Expr, point: dict) -> float | None:
    """``e`` at ``point`` as a finite real float, else None."""
    try:
        v = complex(e.xreplace(point).evalf(20))
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    if abs(v.imag) > 1e-12 * max(1.0, abs(v.real)) or v.real != v.real or abs(v.real) == float("inf"):
        return None
    return v.real
