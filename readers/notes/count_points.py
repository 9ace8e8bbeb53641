r"""A refutation of a claim about counts at a point where the counts are whole numbers.

Pascal's rule with a slip, :math:`\binom{m}{j} = \binom{m-1}{j-1} + \binom{m}{j-1}`, was refuted at
``m = j = 1/2``: right (the gamma function extends the binomial coefficient), but it reads as a misreading, since
``m`` and ``j`` count things.  The names that are arguments of a binomial coefficient or a factorial, or the bound of
a sum, are *counts*; where the counterexample found sets one of them to a number that is no whole number, the counts
are tried at the whole numbers ``0 .. MAX_COUNT`` (smallest first; the other names keep the counterexample's values,
the conditions in force must hold, and every binomial coefficient and factorial is at whole ``0 \le j \le m``), and the first point where the claim fails exactly replaces the counterexample
(:math:`\binom{1}{1} = 1 \ne \binom{0}{0} + \binom{1}{0} = 2`).  Where it holds at every whole point tried, it fails
only where the counts are not counts: ``undecided``, saying so, never refuted.
"""
from __future__ import annotations

import itertools
from fractions import Fraction

import sympy as sp

MAX_COUNT = 6
"""Whole values tried for each count (0 to 6: small enough to evaluate exactly, wide enough for the slips seen)."""
MAX_POINTS = 400
"""Most whole points tried (three counts at 0 .. 6 are 343)."""

_COUNTING = (sp.binomial, sp.factorial, sp.FallingFactorial, sp.RisingFactorial, sp.factorial2, sp.subfactorial)


def counts(*exprs) -> set:
    """The names that count in ``exprs``: arguments of a binomial coefficient or a factorial, bounds of a sum."""
    out = set()
    for e in exprs:
        for f in e.atoms(*_COUNTING):
            out |= {x for a in f.args for x in a.free_symbols if isinstance(x, sp.Symbol)}
        for s in e.atoms(sp.Sum, sp.Product):
            out |= {x for _, lo, hi in s.limits for x in (lo - hi).free_symbols if isinstance(x, sp.Symbol)}
    return out


def value(text) -> sp.Rational | None:
    """A counterexample's coordinate (``"1/2"``, ``"0.5"``, ``"3"``) as an exact number, or None."""
    try:
        f = Fraction(str(text).strip())
    except (ValueError, ZeroDivisionError):
        return None
    return sp.Rational(f.numerator, f.denominator)


def _fails(rel: str, difference) -> bool | None:
    if difference.is_finite is not True or not difference.is_real:
        return None
    if rel == "=":
        return difference.is_zero is False if difference.is_zero is not None else None
    test = {"<=": difference > 0, "<": difference >= 0, ">=": difference < 0, ">": difference <= 0}.get(rel)
    return bool(test) if test in (sp.true, sp.false) else None


def _proper(lhs, rhs, point) -> bool:
    r"""Whether every counting function of the sides is at whole numbers ``0 \le j \le m`` there (``\binom{m}{j}``,
    ``m!`` with ``m \ge 0``): ``\binom{0}{-1}`` is as far from what the notes mean as ``\binom{1/2}{1/2}``."""
    for f in (lhs.atoms(*_COUNTING) | rhs.atoms(*_COUNTING)):
        args = [a.xreplace(point) for a in f.args]
        if not all(a.is_Integer and a >= 0 for a in args):
            return False
        if isinstance(f, sp.binomial) and args[1] > args[0]:
            return False
    return True


def whole_counterexample(lhs, rhs, rel: str, named: dict, conditions) -> dict | None | bool:
    r"""A whole point where ``lhs rel rhs`` fails, as a counterexample (``{"m": "1", ..., "lhs": ..., "rhs": ...,
    "lhs - rhs": ...}``); False when it holds at every whole point tried; None when the counts cannot be tried (a name
    without a value, a side that does not evaluate).  ``named``: the counterexample's names -> exact values."""
    names = sorted(counts(lhs, rhs), key=lambda x: x.name)
    if not names:
        return None
    free = (lhs.free_symbols | rhs.free_symbols) - set(names)
    if not all(x in named for x in free if isinstance(x, sp.Symbol)):
        return None
    fixed = {x: named[x] for x in free}
    grid = sorted(itertools.product(range(MAX_COUNT + 1), repeat=len(names)), key=lambda p: (sum(p), max(p), p))
    tried = 0
    for whole in grid[:MAX_POINTS]:
        point = {**fixed, **{x: sp.Integer(v) for x, v in zip(names, whole)}}
        if not all(c.xreplace(point) == sp.true for c in conditions) or not _proper(lhs, rhs, point):
            continue
        try:
            left, right = (side.xreplace(point).doit() for side in (lhs, rhs))
            difference = left - right
            difference = difference if difference.is_Rational else sp.simplify(difference)
        except Exception:  # noqa: BLE001 - a side that does not evaluate at this point: skipped
            continue
        if left.free_symbols or right.free_symbols:
            return None
        failed = _fails(rel, difference)
        if failed is None:
            continue
        tried += 1
        if failed:
            return {**{x.name: str(v) for x, v in zip(names, whole)}, **{str(x): str(v) for x, v in fixed.items()},
                    "lhs": str(left), "rhs": str(right), "lhs - rhs": str(difference)}
    return False if tried else None
