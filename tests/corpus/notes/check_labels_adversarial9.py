r"""Independent checks of the hand labels of adversarial_round9.md (the adversarial round 9 of the step checker's
adversarial review): conditions stated in the prose before a block, sums and products whose range is fixed by a
condition on their bound, functions defined by cases with a narrow tent, a kink at sqrt 2 and one exceptional point,
a function and a constant redefined, and inequalities whose condition is stated in words.  Seven slips are planted,
four of which hold almost everywhere (a tent of width 2e-6, one point at pi, one integer n = 3, the half line x < 0).
Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy or mpmath that
returns True when the block's claim holds *as its author means it*.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_adversarial9.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_adversarial9.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round9.md"
k = sp.Symbol("k", integer=True, positive=True)
n = sp.Symbol("n", integer=True, positive=True)
GRID = [mp.mpf(j) / 7 for j in range(-70, 71)] + [mp.mpf(10) ** j for j in range(-8, 9)]
"""Real points: multiples of 1/7 in [-10, 10] and powers of ten, with their negatives below."""
THIRD = mp.mpf(1) / 3


def _all(fn, points=None, dps=40) -> bool:
    with mp.workdps(dps):
        pts = GRID + [-p for p in GRID] if points is None else points
        return all(fn(p) for p in pts)


def _h(p):
    """The tent as its cases are written."""
    return 1 - mp.mpf(10) ** 6 * abs(p - THIRD) if abs(p - THIRD) < mp.mpf(10) ** -6 else mp.mpf(0)


def _near_third():
    return [THIRD + s * mp.mpf(10) ** -e for s in (1, -1) for e in (6, 6.5, 7, 9, 20)] + [THIRD]


def _r(p):
    root2 = mp.sqrt(2)
    return mp.mpf(0) if p < root2 else p - root2


def _s(p):
    return p**2 if p != mp.pi else mp.mpf(0)


# ---------------------------------------------------------------- 1. conditions in the prose
nonclaim(AR, 7, "condition", "x < 0 (in words: x is negative)", pick="x")
label(AR, 9, "claim", "right", "mpmath: sqrt(x^2) = -x at the grid's negative points (and sympy for a negative "
      "symbol)", "x < 0", lambda: zero(sp.sqrt(sp.Symbol("x", negative=True)**2) + sp.Symbol("x", negative=True))
      and _all(lambda p: p >= 0 or mp.sqrt(p**2) == -p))
nonclaim(AR, 13, "condition", "x > 1")
label(AR, 15, "claim", "right", "log(log x) < log x < x for x > 1 (log t < t for t > 0); mpmath on the grid's x > 1 "
      "and at 1 + 1e-30", "x > 1",
      lambda: _all(lambda p: p <= 1 or mp.log(mp.log(p)) < p, GRID + [1 + mp.mpf(10) ** -30]))
nonclaim(AR, 19, "condition", "0 < p < 1")
label(AR, 21, "claim", "right", "log is increasing and log 1 = 0; mpmath at p = 1e-8 .. 1 - 1e-30", "0 < p < 1",
      lambda: _all(lambda p: mp.log(p) < 0, [mp.mpf(10) ** -8, mp.mpf(1) / 2, 1 - mp.mpf(10) ** -30], dps=60))
nonclaim(AR, 25, "condition", "|x| < 1")
label(AR, 27, "claim", "right", "sympy: Sum(x**k, (k, 0, oo)) = 1/(1 - x) for |x| < 1 (mpmath nsum at -0.9, 0.5)",
      "|x| < 1", lambda: all(abs(mp.nsum(lambda j, t=t: t**j, [0, mp.inf]) - 1 / (1 - t)) < 1e-12
                             for t in (mp.mpf(-0.9), mp.mpf(0.5), mp.mpf(0))))
label(AR, 33, "claim", "wrong", "mpmath: the series from k = 1 is x/(1 - x): 1 against 2 at x = 1/2", "|x| < 1",
      lambda: abs(mp.nsum(lambda j: mp.mpf(1) / 2**j, [1, mp.inf]) - 2) < 1e-12)

# ---------------------------------------------------------------- 2. ranges fixed by a condition
nonclaim(AR, 39, "condition", "n >= 1 (an integer)")
label(AR, 41, "claim", "right", "sympy: Sum(1/(k(k+1)), (k, 1, n)).doit() = n/(n+1) for n >= 1, exact at n = 1..30",
      "n >= 1", lambda: zero(sp.Sum(1 / (k * (k + 1)), (k, 1, n)).doit() - n / (n + 1))
      and all(sum(sp.Rational(1, j * (j + 1)) for j in range(1, m + 1)) == sp.Rational(m, m + 1) for m in range(1, 31)))
nonclaim(AR, 45, "condition", "n >= 2 (an integer)")
label(AR, 47, "claim", "right", "exact: prod_{k=2}^n (1 - 1/k) = 1/n at n = 2..40 (telescoping (k-1)/k)", "n >= 2",
      lambda: all(math.prod(sp.Rational(j - 1, j) for j in range(2, m + 1)) == sp.Rational(1, m) for m in range(2, 41)))
nonclaim(AR, 51, "condition", "n >= 0 (an integer)")
label(AR, 53, "claim", "right", "exact: sum_{k=0}^n 2^k = 2^(n+1) - 1 at n = 0..60", "n >= 0",
      lambda: all(sum(2**j for j in range(m + 1)) == 2 ** (m + 1) - 1 for m in range(61)))
nonclaim(AR, 57, "condition", "n >= 1 (an integer)")
label(AR, 59, "claim", "right", "exact: sum_{k=1}^n (-1)^k = ((-1)^n - 1)/2 at n = 1..60", "n >= 1",
      lambda: all(sum((-1) ** j for j in range(1, m + 1)) == sp.Rational((-1) ** m - 1, 2) for m in range(1, 61)))
label(AR, 65, "claim", "wrong", "exact: at n = 1 the sum is 1 and the formula 4/2 = 2 (Nicomachus has /4)", "n >= 1",
      lambda: all(sum(j**3 for j in range(1, m + 1)) == sp.Rational(m**2 * (m + 1) ** 2, 2) for m in range(1, 11)))
nonclaim(AR, 69, "condition", "n >= 4 (an integer)")
label(AR, 71, "claim", "right", "exact: 2^n >= n^2 at n = 4..500; past 4, (1 + 1/n)^2 <= 2 keeps the ratio growing",
      "n >= 4", lambda: all(2**m >= m**2 for m in range(4, 501)) and all((m + 1) ** 2 <= 2 * m**2 for m in range(4, 501)))
nonclaim(AR, 75, "condition", "n = 3 (named in the prose)", pick="n = 3")
label(AR, 77, "claim", "wrong", "exact: 3! = 6 < 2^3 = 8, and n = 3 is admitted by the stated n >= 3", "n >= 3",
      lambda: all(math.factorial(m) > 2**m for m in range(3, 40)))

# ---------------------------------------------------------------- 3. functions defined by cases
nonclaim(AR, 85, "definition", "h, a tent of height 1 and half-width 1e-6 at 1/3")
label(AR, 91, "claim", "right", "mpmath: the cases give 0 or 1 - 1e6|x - 1/3| in (0, 1]: >= 0 on the grid and near "
      "1/3", "", lambda: _all(lambda p: _h(p) >= 0) and _all(lambda p: _h(p) >= 0, _near_third()))
label(AR, 95, "claim", "right", "mpmath: h <= 1 on the grid and near 1/3 (1 exactly at 1/3)", "",
      lambda: _all(lambda p: _h(p) <= 1) and _all(lambda p: _h(p) <= 1, _near_third()))
label(AR, 101, "claim", "right", "exact: the first case at x = 1/3 gives 1 - 0 = 1", "",
      lambda: _all(lambda p: _h(p) == 1, [THIRD]))
label(AR, 107, "claim", "wrong", "mpmath: h(1/3) = 1 (and h(1/3 + 1e-7) = 0.9), not 0", "",
      lambda: _all(lambda p: _h(p) == 0) and _all(lambda p: _h(p) == 0, _near_third()))
nonclaim(AR, 113, "definition", "r, a ramp from sqrt 2")
label(AR, 119, "claim", "right", "mpmath: the cases against max(0, x - sqrt 2) on the grid and at sqrt 2 +- 1e-20",
      "", lambda: _all(lambda p: _r(p) == max(0, p - mp.sqrt(2)))
      and _all(lambda p: _r(p) == max(0, p - mp.sqrt(2)), [mp.sqrt(2) + s * mp.mpf(10) ** -20 for s in (-1, 0, 1)]))
label(AR, 125, "claim", "wrong", "mpmath: at x = 2 the cases give 2 - sqrt 2 and the claim 2 - 1.4142 (1.4e-5 apart)",
      "", lambda: _all(lambda p: _r(p) == max(0, p - mp.mpf("1.4142"))))
nonclaim(AR, 131, "definition", "s, x^2 with the point pi set to 0")
label(AR, 137, "claim", "wrong", "mpmath: s(pi) = 0 against pi^2", "",
      lambda: _all(lambda p: _s(p) == p**2, GRID + [mp.pi]))

# ---------------------------------------------------------------- 4. redefinitions
nonclaim(AR, 143, "definition", "g(x) = x^2 - 1 (the first g)")
label(AR, 145, "claim", "right", "exact: 1 - 1 = 0 (the first g)", "g(x) = x^2 - 1", lambda: 1**2 - 1 == 0)
nonclaim(AR, 149, "definition", "g(x) = x^2 + 1 (the redefinition)")
label(AR, 151, "claim", "right", "sympy: x^2 + 1 > 0 for real x (the second g; the first is -1 at 0)",
      "g(x) = x^2 + 1", lambda: sp.ask(sp.Q.positive(sp.Symbol("x", real=True) ** 2 + 1)) is True)
label(AR, 157, "claim", "right", "exact: 1 + 1 = 2 (the second g)", "g(x) = x^2 + 1", lambda: 1**2 + 1 == 2)
nonclaim(AR, 161, "definition", "epsilon = 1e-3 (the first pass)", pick="\\epsilon = 10^{-3}")
nonclaim(AR, 161, "definition", "epsilon = 1e-12 (the redefinition)", pick="\\epsilon = 10^{-12}")
label(AR, 163, "claim", "right", "exact: (1e-12)^2 = 1e-24 < 1e-20 (with the first value 1e-6 it would fail)",
      "epsilon = 1e-12", lambda: sp.Rational(1, 10**12) ** 2 < sp.Rational(1, 10**20))
label(AR, 169, "claim", "right", "mpmath: sqrt(1 + e) < 1 + e/2 at e = 1e-12 (and 1e-3; (1 + e/2)^2 = 1 + e + e^2/4)",
      "epsilon = 1e-12", lambda: _all(lambda e: mp.sqrt(1 + e) < 1 + e / 2,
                                      [mp.mpf(10) ** -12, mp.mpf(10) ** -3], dps=60))

# ---------------------------------------------------------------- 5. inequalities
label(AR, 177, "claim", "right", "mpmath: e^x - 1 - x >= 0 on the grid (convexity; 0 at 0)", "",
      lambda: _all(lambda p: mp.exp(p) >= 1 + p, dps=80))
nonclaim(AR, 181, "condition", "x != 0")
label(AR, 183, "claim", "right", "mpmath: e^x > 1 + x at the grid's nonzero points and at +-1e-30", "x != 0",
      lambda: _all(lambda p: p == 0 or mp.exp(p) > 1 + p, GRID + [-p for p in GRID] + [mp.mpf(10) ** -30,
                                                                               -mp.mpf(10) ** -30], dps=80))
nonclaim(AR, 187, "condition", "x >= 0")
label(AR, 189, "claim", "right", "mpmath: sin x <= x at the grid's x >= 0 (and 0)", "x >= 0",
      lambda: _all(lambda p: p < 0 or mp.sin(p) <= p, GRID + [mp.mpf(0)], dps=60))
label(AR, 195, "claim", "wrong", "mpmath: sin(-1) = -0.84 > -1", "",
      lambda: _all(lambda p: mp.sin(p) <= p, dps=60))
nonclaim(AR, 199, "condition", "x > 0")
label(AR, 201, "claim", "right", "mpmath: log x <= x - 1 at the grid's x > 0 (equality at 1)", "x > 0",
      lambda: _all(lambda p: p <= 0 or mp.log(p) <= p - 1, dps=60))
nonclaim(AR, 205, "condition", "0 <= x <= 1")
label(AR, 207, "claim", "right", "mpmath: x^2 <= x on the grid's points of [0, 1]", "0 <= x <= 1",
      lambda: _all(lambda p: not 0 <= p <= 1 or p**2 <= p))
label(AR, 213, "claim", "right", "mpmath: log(1 + e^t) - t = log(1 + e^-t) > 0 on the grid (1e8 included, at "
      "100000 digits not needed: the difference is computed as log1p(e^-t))", "",
      lambda: _all(lambda p: mp.log1p(mp.exp(-p)) > 0, dps=60))
nonclaim(AR, 217, "condition", "t > 0")
label(AR, 219, "claim", "right", "mpmath: log(1 + e^t) - t = log(1 + e^-t) < log 2 for t > 0 (equality at t = 0, "
      "excluded)", "t > 0", lambda: _all(lambda p: p <= 0 or mp.log1p(mp.exp(-p)) < mp.log(2), dps=60))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
