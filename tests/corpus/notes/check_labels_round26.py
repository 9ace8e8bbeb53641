r"""Independent checks of the hand labels of adversarial_round12.md (round 12 of the step checker's adversarial
review, branch adversary13): chains ``a = b = c`` (two with a broken last link), ``\Rightarrow``/``\iff`` between
equations and inequalities (true in the stated direction only), claims written with a cases environment, a set equal to
an interval, ``\pm``/``\mp`` read together (upper signs with upper signs), floor, ceiling and ``\bmod`` for integers, sums
whose index is shifted (with and without the summand), a swapped triangular double sum, names that collide with
constants (``e`` as an error, ``i`` as an index) and inequalities with absolute values.  Eleven slips are planted.
Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy or mpmath (or exact
integers and fractions) that returns True when the block's claim holds *as its author means it*.  An implication holds
when every grid point that satisfies its premise satisfies its conclusion; an equivalence when both sides agree at every
grid point.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round26.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round26.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import random
import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round12.md"
x, y, a, b, e, yh = sp.symbols("x y a b e yhat", real=True)
GRID = sorted({Fr(j, 4) for j in range(-20, 21)} | {Fr(j, 7) for j in range(-21, 22)} | {Fr(1, 1000), Fr(-1, 1000)})
"""Exact real points: quarters and sevenths in [-5, 5], and +-1/1000 (the premises' boundaries -1, 0, 1, 3 included)."""
INTS = range(-40, 41)
MODS = range(1, 13)


def _implies(premise, conclusion, points=GRID) -> bool:
    return all(conclusion(p) for p in points if premise(p))


def _pairs_implies(premise, conclusion) -> bool:
    return all(conclusion(p, q) for p, q in itertools.product(GRID, GRID) if premise(p, q))


def _iff(left, right) -> bool:
    return all(left(p) == right(p) for p in GRID)


def _cases(value, pieces) -> bool:
    """``value(x)`` equals the piece whose condition holds, at every grid point (exactly one condition holds)."""
    for p in GRID:
        hits = [f(p) for cond, f in pieces if cond(p)]
        if len(hits) != 1 or hits[0] != value(p):
            return False
    return True


def _floor(q: Fr) -> int:
    return q.numerator // q.denominator


def _ceil(q: Fr) -> int:
    return -((-q.numerator) // q.denominator)


def _pm(fn) -> bool:
    """``fn(s)`` for the upper (s = 1) and the lower (s = -1) signs, both must hold."""
    return fn(1) and fn(-1)


def _double_sum(weight_shift) -> bool:
    """sum_i sum_{j <= i} a_j against sum_j (n - j + 1 - shift) a_j, random integer a, n = 1..12 (exact)."""
    rng = random.Random(12)
    for n in range(1, 13):
        for _ in range(5):
            av = [rng.randint(-9, 9) for _ in range(n + 1)]
            left = sum(av[j] for i in range(1, n + 1) for j in range(1, i + 1))
            right = sum((n - j + 1 - weight_shift) * av[j] for j in range(1, n + 1))
            if left != right:
                return False
    return True


def _geometric() -> bool:
    """sum_{i<n} x^i = (x^n - 1)/(x - 1) for x != 1 at every grid point, n = 1..15 (exact)."""
    return all(sum(p**i for i in range(n)) == (p**n - 1) / (p - 1) for p in GRID if p != 1 for n in range(1, 16))


# ---------------------------------------------------------------- 1. chains
label(AR, 9, "claim", "right", "sympy: each link expands to x^2 + 2x + 1", "",
      lambda: zero((x + 1) ** 2 - (x**2 + 2 * x + 1)) and zero(x**2 + 2 * x + 1 - ((x + 2) * x + 1)))
label(AR, 15, "claim", "right", "sympy: both links simplify to 1", "",
      lambda: zero(sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1) and zero(sp.cosh(x) ** 2 - sp.sinh(x) ** 2 - 1))
label(AR, 21, "claim", "wrong", "exact: at n = 2 the first link gives 3, the last 5/2 (the first link holds for n = 1..200)",
      "n positive integer",
      lambda: all(sum(range(1, n + 1)) == Fr(n * (n + 1), 2) == Fr(n * n + 1, 2) for n in range(1, 201)))
label(AR, 27, "claim", "wrong", "mpmath: at x = y = 1, log 1 = 0 against log 2 (the first link holds on the grid)",
      "x, y > 0", lambda: all(abs(mp.log(p * q) - mp.log(p + q)) < 1e-30 for p in (0.5, 1, 2, 3) for q in (0.5, 1, 2, 3)))
# ---------------------------------------------------------------- 2. implications
label(AR, 35, "claim", "right", "exact: the only grid point with x = 2 has x^2 = 4", "x real",
      lambda: _implies(lambda p: p == 2, lambda p: p * p == 4))
label(AR, 41, "claim", "wrong", "exact: x = -2 satisfies x^2 = 4, not x = 2", "x real",
      lambda: _implies(lambda p: p * p == 4, lambda p: p == 2))
label(AR, 47, "claim", "wrong", "exact: x = -2 < y = 1 but 4 > 1", "x, y real",
      lambda: _pairs_implies(lambda p, q: p < q, lambda p, q: p * p < q * q))
label(AR, 53, "claim", "right", "exact: every grid pair with 0 < x < y has 1/x > 1/y", "x, y real",
      lambda: _pairs_implies(lambda p, q: 0 < p < q, lambda p, q: 1 / p > 1 / q))
label(AR, 59, "claim", "right", "exact: both sides agree at every grid point (the ends -1 and 3 are on the grid)", "x real",
      lambda: _iff(lambda p: abs(p - 1) < 2, lambda p: -1 < p < 3))
# ---------------------------------------------------------------- 3. cases
label(AR, 67, "claim", "right", "exact: x|x| against the two pieces at every grid point", "",
      lambda: _cases(lambda p: p * abs(p), [(lambda p: p >= 0, lambda p: p * p), (lambda p: p < 0, lambda p: -p * p)]))
label(AR, 73, "claim", "right", "exact: |x| against the two pieces at every grid point", "",
      lambda: _cases(abs, [(lambda p: p > 0, lambda p: p), (lambda p: p <= 0, lambda p: -p)]))
label(AR, 79, "claim", "wrong", "exact: at x = -1, max(-1, 0) = 0 against 1", "",
      lambda: _cases(lambda p: max(p, 0), [(lambda p: p >= 0, lambda p: p), (lambda p: p < 0, lambda p: -p)]))
# ---------------------------------------------------------------- 4. sets
label(AR, 87, "claim", "right", "exact: x^2 < 1 iff -1 < x < 1 at every grid point; sympy solves the set", "",
      lambda: _iff(lambda p: p * p < 1, lambda p: -1 < p < 1)
      and sp.solveset(x**2 < 1, x, sp.S.Reals) == sp.Interval.open(-1, 1))
label(AR, 93, "claim", "right", "exact: x^2 <= x on the grid's points of [0, 1] (x(x - 1) <= 0 there)", "",
      lambda: _implies(lambda p: 0 <= p <= 1, lambda p: p * p <= p))
# ---------------------------------------------------------------- 5. pm and mp
label(AR, 101, "claim", "right", "sympy: both sign choices expand", "",
      lambda: _pm(lambda s: zero((a + s * b) ** 2 - (a**2 + s * 2 * a * b + b**2))))
label(AR, 105, "claim", "right", "sympy: cos(a + b) = cos a cos b - sin a sin b, cos(a - b) with +", "",
      lambda: _pm(lambda s: zero(sp.expand_trig(sp.cos(a + s * b)) - (sp.cos(a) * sp.cos(b) - s * sp.sin(a) * sp.sin(b)))))
label(AR, 111, "claim", "wrong", "sympy: sin(a + b) = sin a cos b + cos a sin b, not minus", "",
      lambda: _pm(lambda s: zero(sp.expand_trig(sp.sin(a + s * b)) - (sp.sin(a) * sp.cos(b) - s * sp.cos(a) * sp.sin(b)))))
# ---------------------------------------------------------------- 6. integer division and remainders
label(AR, 119, "claim", "right", "exact: n = -40..40", "n integer",
      lambda: all(_floor(Fr(n, 2)) + _ceil(Fr(n, 2)) == n for n in INTS))
label(AR, 125, "claim", "right", "exact: Python's n % m (the remainder in [0, m)) against n - m floor(n/m), n = -40..40, m = 1..12",
      "n integer, m positive integer", lambda: all(n % m == n - m * _floor(Fr(n, m)) for n in INTS for m in MODS))
label(AR, 131, "claim", "wrong", "exact: at n = 1, m = 2: 0 against 2 (it fails where n = -1 mod m)",
      "n integer, m positive integer", lambda: all((n + 1) % m == n % m + 1 for n in INTS for m in MODS))
# ---------------------------------------------------------------- 7. shifted sums
label(AR, 139, "claim", "right", "exact: n = 1..60", "n positive integer",
      lambda: all(sum(i + 1 for i in range(n)) == sum(range(1, n + 1)) for n in range(1, 61)))
label(AR, 145, "claim", "wrong", "exact: at n = 1, 0 against 1 (the sides differ by n)", "n positive integer",
      lambda: all(sum(range(n)) == sum(range(1, n + 1)) for n in range(1, 61)))
nonclaim(AR, 149, "condition", "x != 1", pick="x \\neq 1")
label(AR, 151, "claim", "right", "exact: at every grid point but 1, n = 1..15", "x != 1, n positive integer", _geometric)
label(AR, 157, "claim", "right", "exact: random integer a_j, n = 1..12", "n positive integer", lambda: _double_sum(0))
label(AR, 163, "claim", "wrong", "exact: at n = 1, a_1 against 0", "n positive integer", lambda: _double_sum(1))
# ---------------------------------------------------------------- 8. names colliding with constants
nonclaim(AR, 169, "definition", "e = y - yhat, the error (not Euler's number)", pick="e = y - \\hat{y}")
label(AR, 171, "claim", "right", "sympy: (y - yhat)^2 expands (e is the error defined just before)", "e = y - yhat",
      lambda: zero((y - yh) ** 2 - (y**2 - 2 * y * yh + yh**2)))
label(AR, 177, "claim", "right", "exact: (-1)^(2i) = 1 for integers i = -40..40 (i is the index, not the imaginary unit)",
      "i integer", lambda: all(Fr(-1) ** (2 * i) == 1 for i in INTS))
# ---------------------------------------------------------------- 9. absolute values
label(AR, 185, "claim", "right", "exact: every grid pair", "a, b real",
      lambda: all(abs(p + q) <= abs(p) + abs(q) for p, q in itertools.product(GRID, GRID)))
label(AR, 189, "claim", "right", "exact: every grid pair", "a, b real",
      lambda: all(abs(p - q) >= abs(p) - abs(q) for p, q in itertools.product(GRID, GRID)))
label(AR, 195, "claim", "wrong", "exact: at a = 0, b = 1: 1 against -1", "a, b real",
      lambda: all(abs(p - q) <= abs(p) - abs(q) for p, q in itertools.product(GRID, GRID)))
label(AR, 201, "claim", "wrong", "exact: x = 0 satisfies |x| < 1, and 0 < 0 fails (every other point of (-1, 1) holds)",
      "x real", lambda: _implies(lambda p: abs(p) < 1, lambda p: p * p < abs(p)))
label(AR, 207, "claim", "right", "exact: every grid point with 0 < |x| < 1", "x real",
      lambda: _implies(lambda p: 0 < abs(p) < 1, lambda p: p * p < abs(p)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
