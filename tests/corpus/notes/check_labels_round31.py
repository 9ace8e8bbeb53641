r"""Independent checks of the hand labels of adversarial_round13.md (round 13 of the step checker's adversarial
review, branch adversary14): inverse functions written ``\sin^{-1}``, ``\tan^{-1}`` (inverses, not reciprocals) beside a
bracket to the power -1 (a reciprocal), superscripts that label samples (``x^{(i)}``), primes for derivatives, a name
defined twice (the logistic ``f`` shadows the cubic ``f``), ``e`` as the error ``t - o``, ``i`` as an integer index,
bold matrices (products that do not commute, transposes, traces, a determinant of a 3x3 matrix), conditions stated in
prose ("for all $x > 0$", "for every real $x$"), an equation to solve and update rules with an unrolled recurrence.
Eleven slips are planted.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact
fractions that returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.
The line of each block is found from a snippet of its text (``_line``), so an edit above it cannot shift a label.

    python3 tests/corpus/notes/check_labels_round31.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round31.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round13.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x, w, t, o, eta, beta, g1, g2 = sp.symbols("x w t o eta beta g1 g2", real=True)
GRID = [Fr(j, 8) for j in range(-40, 41)] + [Fr(1, 1000), Fr(-1, 1000), Fr(7, 3), Fr(-22, 7)]
"""Exact real points in [-5, 5] (eighths, thirds, sevenths)."""
RNG = np.random.default_rng(31)


def _line(snippet: str, after: int = 0) -> int:
    """The line (1-based) of the ``$$`` that opens the first display block after line ``after`` holding ``snippet``."""
    for k in range(after, len(LINES)):
        if snippet in LINES[k]:
            assert LINES[k - 1].strip() == "$$", (snippet, k)
            return k  # the opening $$ is on line k (1-based: the snippet's own line is k + 1)
    raise LookupError(snippet)


def _text_line(snippet: str) -> int:
    """The line (1-based) of the prose line holding ``snippet`` (an inline formula)."""
    return next(k + 1 for k, text in enumerate(LINES) if snippet in text)


def _mp_points(lo, hi, count=41):
    return [lo + (hi - lo) * mp.mpf(k) / (count - 1) for k in range(count)]


def _holds(fn, points, tol=mp.mpf(10) ** -40) -> bool:
    with mp.workdps(60):
        return all(abs(fn(p)) < tol for p in points)


def _mean_square(deriv_has_x: bool) -> bool:
    """J(w) = 1/(2m) sum (w x_i - y_i)^2; J'(w) against 1/m sum (w x_i - y_i) x_i (or without the x_i), m = 1..5."""
    for m in range(1, 6):
        xs, ys = sp.symbols(f"x1:{m + 1}", real=True), sp.symbols(f"y1:{m + 1}", real=True)
        J = sum((w * a - b) ** 2 for a, b in zip(xs, ys)) / (2 * m)
        claimed = sum((w * a - b) * (a if deriv_has_x else 1) for a, b in zip(xs, ys)) / m
        if not zero(sp.diff(J, w) - claimed):
            return False
    return True


def _matrices(fn, sizes=(1, 2, 3, 4), draws=20) -> bool:
    """``fn(A, B)`` is True at random integer matrices of each size (numpy, exact in float64 at these magnitudes)."""
    return all(fn(RNG.integers(-5, 6, (n, n)).astype(float), RNG.integers(-5, 6, (n, n)).astype(float))
               for n in sizes for _ in range(draws))


F_CUBIC = x**3 - 3 * x
F_LOGISTIC = 1 / (1 + sp.exp(-x))

# ---------------------------------------------------------------- 1. inverse functions
nonclaim(AR, _text_line("For $-1 \\le x \\le 1$"), "condition", "-1 <= x <= 1 (for the block after it)", pick="-1 \\le x \\le 1")
label(AR, _line(r"\sin^{-1} x + \cos^{-1} x"), "claim", "right",
      "mpmath: asin x + acos x - pi/2 = 0 at 41 points of [-1, 1]", "-1 <= x <= 1",
      lambda: _holds(lambda p: mp.asin(p) + mp.acos(p) - mp.pi / 2, _mp_points(-1, 1)))
label(AR, _line(r"\tan^{-1} x + \tan^{-1} \frac{1}{x}"), "claim", "right",
      "mpmath: atan x + atan(1/x) - pi/2 = 0 at 41 points of (0, 50]", "x > 0",
      lambda: _holds(lambda p: mp.atan(p) + mp.atan(1 / p) - mp.pi / 2, _mp_points(mp.mpf(1) / 8, 50)))
label(AR, _line(r"\sin^{-1}(\sin x) = x"), "claim", "wrong",
      "mpmath: at x = 2, asin(sin 2) = pi - 2 = 1.1416 (it holds on [-pi/2, pi/2] only)", "x real",
      lambda: _holds(lambda p: mp.asin(mp.sin(p)) - p, _mp_points(-5, 5)))
label(AR, _line(r"\frac{d}{dx} \sin^{-1} x"), "claim", "right", "sympy: diff(asin(x), x) - 1/sqrt(1 - x^2) = 0",
      "-1 < x < 1", lambda: zero(sp.diff(sp.asin(x), x) - 1 / sp.sqrt(1 - x**2)))
label(AR, _line(r"(\sin x)^{-1} \cos x"), "claim", "right", "sympy: cos(x)/sin(x) on both sides (a reciprocal)",
      "sin x != 0", lambda: zero(sp.sin(x) ** -1 * sp.cos(x) - sp.cos(x) / sp.sin(x)))
label(AR, _line(r"\sin^2 x = \frac{1 - \cos 2x}{2}"), "claim", "right", "sympy: sin(x)^2 - (1 - cos 2x)/2 simplifies to 0",
      "", lambda: zero(sp.sin(x) ** 2 - (1 - sp.cos(2 * x)) / 2))
# ---------------------------------------------------------------- 2. samples labelled by a superscript
nonclaim(AR, _line(r"J(w) = \frac{1}{2m}"), "definition", "J(w), the mean squared error over m samples")
label(AR, _line(r"J'(w) = \frac{1}{m}"), "claim", "right",
      "sympy: diff of 1/(2m) sum (w x_i - y_i)^2 in w, m = 1..5, symbolic samples", "m positive integer",
      lambda: _mean_square(True))
label(AR, _line(r"\frac{dJ}{dw} = \frac{1}{m}"), "claim", "wrong",
      "sympy: the factor x_i is missing (m = 1, x = 2, y = 0, w = 1: 4 against 2)", "m positive integer",
      lambda: _mean_square(False))
label(AR, _line(r"\sum_{i=1}^{m} x^{(i)} x^{(i)}"), "claim", "right",
      "exact: x^(i) is the i-th sample, so x^(i) x^(i) = (x^(i))^2 term by term (m = 1..6, grid values)",
      "m positive integer", lambda: all(sum(v * v for v in vals) == sum(v**2 for v in vals)
                                        for m in range(1, 7) for vals in [GRID[k:k + m] for k in range(0, 80, 7)]))
# ---------------------------------------------------------------- 3. primes and a name defined twice
nonclaim(AR, _line(r"f(x) = x^3 - 3x"), "definition", "f(x) = x^3 - 3x (until the logistic f below)")
label(AR, _line(r"f'(x) = 3x^2 - 3"), "claim", "right", "sympy: diff(x^3 - 3x, x) = 3x^2 - 3", "",
      lambda: zero(sp.diff(F_CUBIC, x) - (3 * x**2 - 3)))
label(AR, _line(r"f''(x) = 6x"), "claim", "right", "sympy: diff(x^3 - 3x, x, 2) = 6x", "",
      lambda: zero(sp.diff(F_CUBIC, x, 2) - 6 * x))
label(AR, _line(r"f'(1) = 0"), "claim", "right", "sympy: 3 - 3 = 0", "", lambda: sp.diff(F_CUBIC, x).subs(x, 1) == 0)
label(AR, _line(r"f''(-1) = 6"), "claim", "wrong", "sympy: f''(-1) = -6", "", lambda: sp.diff(F_CUBIC, x, 2).subs(x, -1) == 6)
nonclaim(AR, _line(r"f(x) = \frac{1}{1 + \exp(-x)}"), "definition", "f redefined as the logistic function (shadows the cubic)")
label(AR, _line(r"f'(x) = f(x)\left(1 - f(x)\right)"), "claim", "right",
      "sympy: the logistic's derivative minus f(1 - f) simplifies to 0 (with the cubic it would be 3x^2 - 3 against "
      "(x^3 - 3x)(1 - x^3 + 3x): the later definition is the one meant)", "f the logistic function",
      lambda: zero(sp.diff(F_LOGISTIC, x) - F_LOGISTIC * (1 - F_LOGISTIC)))
label(AR, _line(r"f(-x) = f(x) - 1"), "claim", "wrong", "sympy: f(-x) = 1 - f(x); at x = 0, 1/2 against -1/2",
      "f the logistic function", lambda: zero(F_LOGISTIC.subs(x, -x) - (F_LOGISTIC - 1)))
# ---------------------------------------------------------------- 4. e as a name
nonclaim(AR, _text_line("Let $e = t - o$"), "definition", "e = t - o, the error (not Euler's number)", pick="e = t - o")
label(AR, _line(r"\frac{1}{2} e^2 = \frac{1}{2} t^2"), "claim", "right", "sympy: (t - o)^2/2 expands", "e = t - o",
      lambda: zero((t - o) ** 2 / 2 - (t**2 / 2 - t * o + o**2 / 2)))
label(AR, _line(r"\frac{\partial}{\partial o}"), "claim", "right", "sympy: d/do (t - o)^2/2 = -(t - o) = -e", "e = t - o",
      lambda: zero(sp.diff((t - o) ** 2 / 2, o) + (t - o)))
# ---------------------------------------------------------------- 5. i as an index
label(AR, _line(r"\cos(i \pi) = (-1)^i"), "claim", "right", "exact: cos(i pi) = (-1)^i for the integers i = -40..40",
      "i integer", lambda: all(sp.cos(i * sp.pi) == sp.Integer(-1) ** i for i in range(-40, 41)))
label(AR, _line(r"\sum_{i=1}^{n} (2i - 1) = n^2"), "claim", "right", "exact: n = 1..200", "n positive integer",
      lambda: all(sum(2 * i - 1 for i in range(1, n + 1)) == n * n for n in range(1, 201)))
label(AR, _line(r"\sum_{i=0}^{n} (2i - 1) = n^2"), "claim", "wrong", "exact: the term i = 0 adds -1: n^2 - 1 (at n = 1, 0 against 1)",
      "n positive integer", lambda: all(sum(2 * i - 1 for i in range(0, n + 1)) == n * n for n in range(1, 201)))
# ---------------------------------------------------------------- 6. matrices
label(AR, _line(r"(\mathbf{A} \mathbf{B})^\top = \mathbf{B}^\top"), "claim", "right",
      "numpy: random integer matrices of sizes 1..4, exact", "A, B square of the same size",
      lambda: _matrices(lambda A, B: np.array_equal((A @ B).T, B.T @ A.T)))
label(AR, _line(r"(\mathbf{A} \mathbf{B})^\top = \mathbf{A}^\top"), "claim", "wrong",
      "numpy: fails at random 2x2 integer matrices (holds only when A^T, B^T commute)", "A, B square of the same size",
      lambda: _matrices(lambda A, B: np.array_equal((A @ B).T, A.T @ B.T)))
label(AR, _line(r"\operatorname{tr}(\mathbf{A} \mathbf{B})"), "claim", "right", "numpy: random integer matrices, exact",
      "A, B square of the same size", lambda: _matrices(lambda A, B: np.trace(A @ B) == np.trace(B @ A)))
label(AR, _line(r"(\mathbf{A} + \mathbf{B})^2"), "claim", "wrong",
      "numpy: (A + B)^2 = A^2 + AB + BA + B^2, not 2AB, unless AB = BA (fails at random 2x2 matrices)",
      "A, B square of the same size", lambda: _matrices(lambda A, B: np.array_equal((A + B) @ (A + B), A @ A + 2 * A @ B + B @ B)))
label(AR, _line(r"\det(2 \mathbf{A}) = 8"), "claim", "right", "sympy: det(2A) = 2^3 det A for a symbolic 3x3 A", "A is 3x3",
      lambda: zero((2 * sp.Matrix(3, 3, sp.symbols("a0:9"))).det() - 8 * sp.Matrix(3, 3, sp.symbols("a0:9")).det()))
label(AR, _line(r"\det(2 \mathbf{A}) = 2"), "claim", "wrong", "sympy: det(2A) - 2 det A = 6 det A, not 0 (A = I: 8 against 2)",
      "A is 3x3", lambda: zero((2 * sp.Matrix(3, 3, sp.symbols("a0:9"))).det() - 2 * sp.Matrix(3, 3, sp.symbols("a0:9")).det()))
# ---------------------------------------------------------------- 7. conditions in words
nonclaim(AR, _text_line("For all $x > 0$,"), "condition", "x > 0 for the two blocks that follow", pick="x > 0")
label(AR, _line(r"\ln x \le x - 1"), "claim", "right", "mpmath: x - 1 - log x >= 0 at the grid's positive points", "x > 0",
      lambda: all(mp.mpf(p.numerator) / p.denominator - 1 - mp.log(mp.mpf(p.numerator) / p.denominator) >= 0
                  for p in GRID if p > 0))
label(AR, _line(r"\sqrt{x^2} = x", _line(r"\ln x \le x - 1")), "claim", "right",
      "exact: sqrt(x^2) = |x| = x for x > 0", "x > 0", lambda: all(abs(p) == p for p in GRID if p > 0))
label(AR, _line(r"\sqrt{x^2} = x", _text_line("For every real $x$, however")), "claim", "wrong",
      "exact: at x = -1, sqrt(1) = 1 against -1", "x real", lambda: all(abs(p) == p for p in GRID))
label(AR, _line(r"\ln(x^2) = 2 \ln |x|"), "claim", "right", "mpmath: log(x^2) - 2 log|x| = 0 at the grid's nonzero points",
      "x != 0", lambda: _holds(lambda p: mp.log(p**2) - 2 * mp.log(abs(p)), [mp.mpf(p.numerator) / p.denominator for p in GRID if p]))
# ---------------------------------------------------------------- 8. equations to solve
nonclaim(AR, _line(r"2(w - 3) = 0"), "equation", "an equation in the unknown w (its solution w = 3 follows)")
nonclaim(AR, _text_line("whose solution is $w = 3$"), "example", "the solution of the equation above", pick="w = 3")
label(AR, _line(r"x^2 - 5x + 6 = (x - 2)(x - 3)"), "claim", "right", "sympy: expand((x - 2)(x - 3)) = x^2 - 5x + 6", "",
      lambda: zero(x**2 - 5 * x + 6 - (x - 2) * (x - 3)))
label(AR, _line(r"2 + 3 = 5, \qquad 2 \cdot 3 = 5"), "claim", "wrong", "exact: 2 + 3 = 5 holds, 2 * 3 = 6 is not 5", "",
      lambda: 2 + 3 == 5 and 2 * 3 == 5)
# ---------------------------------------------------------------- 9. updates
nonclaim(AR, _line(r"w \leftarrow w - \eta \nabla L(w)"), "update", "gradient descent: an assignment, not an identity")
label(AR, _line(r"w - \eta (w - 3) - 3 = (1 - \eta)"), "claim", "right", "sympy: both sides expand to w - 3 - eta w + 3 eta",
      "", lambda: zero(w - eta * (w - 3) - 3 - (1 - eta) * (w - 3)))
nonclaim(AR, _text_line("With $\\eta = 1$ a single step"), "example", "eta = 1 for the next block", pick="\\eta = 1")
label(AR, _line(r"w - 1 \cdot (w - 3) = 3"), "claim", "right", "sympy: w - (w - 3) = 3", "",
      lambda: zero(w - 1 * (w - 3) - 3))
nonclaim(AR, _line(r"v \leftarrow \beta v + (1 - \beta) g"), "update", "momentum: an assignment, not an identity")
label(AR, _line(r"(1 - \beta)(\beta g_1 + g_2)"), "claim", "right",
      "sympy: v_1 = (1 - beta) g_1, v_2 = beta v_1 + (1 - beta) g_2, both sides expand alike", "",
      lambda: zero(beta * (1 - beta) * g1 + (1 - beta) * g2 - (1 - beta) * (beta * g1 + g2)))
label(AR, _line(r"(1 - \beta)(g_1 + \beta g_2)"), "claim", "wrong",
      "sympy: the weights are swapped (beta = 1/2, g = (1, 0): 1/4 against 1/2)", "",
      lambda: zero(beta * (1 - beta) * g1 + (1 - beta) * g2 - (1 - beta) * (g1 + beta * g2)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
