r"""Independent checks of the hand labels of adversarial_round16.md (round 16 of the step checker's adversarial
review, branch adversary38): a logarithm whose base a sentence fixes for one section (base 2, bits), the natural
logarithm of a power of a nonzero number, samples written ``x^{(i)}``, primes, a letter ``e`` that is an error and
not Euler's number, sums over an index ``i``, norms beside absolute values, matrices of a stated kind (orthogonal,
invertible), cases environments (ReLU and its derivative, a clip), conditions that end at an "otherwise" or at a
new paragraph, a function defined again in a later section, an equation to solve and an update rule (not claims),
iterates computed by hand, "for all x > 0", and remarks inside an HTML comment (not part of the note, unlabelled).
Ten slips are planted.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that
returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.  The line of
each block is found from a snippet of its text, so an edit above it cannot shift a label.

    python3 tests/corpus/notes/check_labels_round40.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round40.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, recorder, text_line, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round16.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x, y, a, b, t, n = sp.symbols("x y a b t n", real=True)
RNG = np.random.default_rng(40)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


_points, _holds = mp_points, holds_at


def _real_log(v):
    """The real natural logarithm: no value at v <= 0 (mpmath would return a complex one)."""
    if v <= 0:
        raise ValueError("log of a non-positive number")
    return mp.log(v)


REAL = [p for p in _points(-7, 7) if p != 0] + [mp.mpf(0)]
POSITIVE = _points("0.001", 30)
NONZERO = [p for p in _points(-7, 7, 42) if p != 0]

# ---------------------------------------------------------------- 1. logarithms in bits (base 2 for the section)
label(AR, _line(r"\log 8 = 3"), "claim", "right", "exact: 2^3 = 8 (the section's log is base 2)", "log base 2",
      lambda: 2**3 == 8)
nonclaim(AR, _text_line("for every $x > 0$, and a fair coin"), "condition", "x > 0 (the block before)", pick="x > 0")
label(AR, _line(r"\log (2x) = 1 + \log x"), "claim", "right", "mpmath: log2(2x) = 1 + log2(x) at 41 points of (0, 30]",
      "x > 0, log base 2", lambda: _holds(lambda p: mp.log(2 * p, 2), lambda p: 1 + mp.log(p, 2), "=", POSITIVE))
label(AR, _line(r"-\tfrac{1}{2}\log \tfrac{1}{2}"), "claim", "right", "exact: -(1/2)(-1) - (1/2)(-1) = 1 in bits",
      "log base 2", lambda: zero(-sp.Rational(1, 2) * sp.log(sp.Rational(1, 2), 2) * 2 - 1))
# ---------------------------------------------------------------- 2. natural logarithms of powers
nonclaim(AR, _text_line("For every nonzero $t$,"), "condition", "t != 0 (to the next heading)", pick="t")
label(AR, _line(r"\ln |t^3| = 3 \ln |t|"), "claim", "right", "mpmath: log|t^3| = 3 log|t| at 42 nonzero points of [-7, 7]",
      "t != 0", lambda: _holds(lambda p: mp.log(abs(p**3)), lambda p: 3 * mp.log(abs(p)), "=", NONZERO))
label(AR, _line(r"\ln (t^4) = 4 \ln t"), "claim", "wrong", "mpmath: at t = -1, log 1 = 0 while log(-1) has no real value",
      "t != 0", lambda: _holds(lambda p: _real_log(p**4), lambda p: 4 * _real_log(p), "=", NONZERO))
# ---------------------------------------------------------------- 3. samples x^{(i)}
def _samples(check, sizes=range(1, 9), draws=20):
    for m in sizes:
        for _ in range(draws):
            xs = [Fr(int(v), int(d)) for v, d in zip(RNG.integers(-9, 10, m), RNG.integers(1, 5, m))]
            if not check(xs, sum(xs) / m):
                return False
    return True


nonclaim(AR, _text_line(r"with mean $\bar{x}"), "definition", "the sample mean", pick=r"\bar{x} = \frac{1}{m}\sum_{i=1}^{m} x^{(i)}")
label(AR, _line(r"\sum_{i=1}^{m} \left(x^{(i)} - \bar{x}\right) = 0"), "claim", "right",
      "exact: random rational samples of sizes 1..8", "", lambda: _samples(lambda xs, mean: sum(v - mean for v in xs) == 0))
label(AR, _line(r"\left(x^{(i)} - \bar{x}\right)^2 = "), "claim", "wrong",
      "exact: the split is sum x^2 - m xbar^2 (m = 2, x = (1, 1): 0 against 1)", "",
      lambda: _samples(lambda xs, mean: sum((v - mean) ** 2 for v in xs) == sum(v * v for v in xs) - mean**2))
# ---------------------------------------------------------------- 4. primes
F = x**3 - 3 * x
nonclaim(AR, _text_line("Let $f(x) = x^3 - 3x$"), "definition", "f(x) = x^3 - 3x", pick="f(x) = x^3 - 3x")
label(AR, _line(r"f'(x) = 3x^2 - 3"), "claim", "right", "sympy: diff(x^3 - 3x) = 3x^2 - 3", "", lambda: zero(sp.diff(F, x) - (3 * x**2 - 3)))
label(AR, _line(r"f''(x) = 6x"), "claim", "right", "sympy: second derivative 6x", "", lambda: zero(sp.diff(F, x, 2) - 6 * x))
label(AR, _line(r"f'''(x) = 6"), "claim", "right", "sympy: third derivative 6", "", lambda: zero(sp.diff(F, x, 3) - 6))
label(AR, _line(r"f''(1) = 0"), "claim", "wrong", "sympy: f''(1) = 6", "", lambda: sp.diff(F, x, 2).subs(x, 1) == 0)
# ---------------------------------------------------------------- 5. the error e
yh = sp.Symbol("yhat", real=True)
nonclaim(AR, _text_line(r"let $e = y - \hat{y}$"), "definition", "e = y - yhat (not Euler's number)", pick=r"e = y - \hat{y}")
label(AR, _line(r"\frac{\partial}{\partial \hat{y}} \frac{1}{2}(y - \hat{y})^2 = -e"), "claim", "right",
      "sympy: d/dyhat (y - yhat)^2/2 = -(y - yhat) = -e", "e = y - yhat",
      lambda: zero(sp.diff((y - yh) ** 2 / 2, yh) + (y - yh)))
label(AR, _line(r"e^2 \ge 0"), "claim", "right", "a real square (the error; Euler's e^2 = 7.39 too)", "e real",
      lambda: _holds(lambda p: p**2, lambda p: 0, ">=", REAL))
# ---------------------------------------------------------------- 6. sums over an index
label(AR, _line(r"\sum_{i=1}^{n} (2i - 1) = n^2"), "claim", "right", "exact: n = 1..60", "n positive integer",
      lambda: all(sum(2 * i - 1 for i in range(1, m + 1)) == m * m for m in range(1, 61)))
label(AR, _line(r"\sum_{i=1}^{n} i^3 = \frac{n^2(n+1)^2}{2}"), "claim", "wrong",
      "exact: the sum of cubes is n^2(n+1)^2/4 (n = 1: 1 against 2)", "n positive integer",
      lambda: all(sum(i**3 for i in range(1, m + 1)) == Fr(m * m * (m + 1) ** 2, 2) for m in range(1, 61)))
# ---------------------------------------------------------------- 7. norms and absolute values
def _vectors(check):
    for m in range(1, 9):
        for _ in range(50):
            v = RNG.standard_normal(m) * RNG.choice([1e-3, 1, 1e3])
            if not check(v, m):
                return False
    return True


label(AR, _line(r"\|x\|_\infty \le \|x\|_2 \le \|x\|_1"), "claim", "right", "numpy: 400 random vectors of sizes 1..8",
      "x in R^n", lambda: _vectors(lambda v, m: np.max(np.abs(v)) <= np.linalg.norm(v) * (1 + 1e-12)
                                   and np.linalg.norm(v) <= np.sum(np.abs(v)) * (1 + 1e-12)))
label(AR, _line(r"\|x\|_1 \le n \|x\|_\infty"), "claim", "right", "numpy: 400 random vectors of sizes 1..8", "x in R^n",
      lambda: _vectors(lambda v, m: np.sum(np.abs(v)) <= m * np.max(np.abs(v)) * (1 + 1e-12)))
GRID2 = [(p, q) for p in REAL[::4] for q in REAL[::4]]
label(AR, _line(r"|a - b| \ge |a| - |b|"), "claim", "right", "mpmath: reverse triangle inequality on an 11 x 11 grid",
      "", lambda: _holds(lambda pq: abs(pq[0] - pq[1]), lambda pq: abs(pq[0]) - abs(pq[1]), ">=", GRID2))
label(AR, _line(r"|a - b| \le |a| - |b|"), "claim", "wrong", "exact: a = 0, b = 1: 1 against -1", "",
      lambda: _holds(lambda pq: abs(pq[0] - pq[1]), lambda pq: abs(pq[0]) - abs(pq[1]), "<=", GRID2))
# ---------------------------------------------------------------- 8. matrices of a stated kind
def _orthogonal(m):
    q, r = np.linalg.qr(RNG.standard_normal((m, m)))
    return q


label(AR, _line(r"\det(Q)^2 = 1"), "claim", "right", "numpy: random orthogonal matrices of sizes 1..6 (QR of normal draws)",
      "Q orthogonal", lambda: all(abs(np.linalg.det(_orthogonal(m)) ** 2 - 1) < 1e-10 for m in range(1, 7) for _ in range(10)))
label(AR, _line(r"\det(Q) = 1"), "claim", "wrong", "numpy: a reflection diag(-1, 1) is orthogonal with det -1", "Q orthogonal",
      lambda: all(abs(np.linalg.det(q) - 1) < 1e-10 for q in [np.diag([-1.0, 1.0])] + [_orthogonal(3) for _ in range(10)]))


def _inverse_product(reversed_order):
    for m in range(1, 6):
        for _ in range(10):
            A, B = RNG.standard_normal((m, m)), RNG.standard_normal((m, m))
            lhs = np.linalg.inv(A @ B)
            rhs = np.linalg.inv(B) @ np.linalg.inv(A) if reversed_order else np.linalg.inv(A) @ np.linalg.inv(B)
            if not np.allclose(lhs, rhs, rtol=1e-6, atol=1e-8):
                return False
    return True


label(AR, _line(r"(AB)^{-1} = B^{-1} A^{-1}"), "claim", "right", "numpy: random invertible pairs of sizes 1..5",
      "A, B invertible", lambda: _inverse_product(True))
label(AR, _line(r"(AB)^{-1} = A^{-1} B^{-1}"), "claim", "wrong", "numpy: fails for non-commuting 2x2 pairs", "A, B invertible",
      lambda: _inverse_product(False))
# ---------------------------------------------------------------- 9. cases
nonclaim(AR, _line(r"\mathrm{ReLU}(x) = \begin{cases}"), "definition", "ReLU by cases")
label(AR, _line(r"\frac{d}{dx}\mathrm{ReLU}(x) = \begin{cases}"), "claim", "right",
      "mpmath: central quotients of max(x, 0) at 40 nonzero points: 1 for x > 0, 0 for x < 0", "x != 0",
      lambda: _holds(lambda p: mp.diff(lambda s: max(s, 0), p), lambda p: 1 if p > 0 else 0, "=", NONZERO))


def _clip(v):
    return -1 if v < -1 else v if v <= 1 else 1


nonclaim(AR, _line(r"\mathrm{clip}(x) = \begin{cases}"), "definition", "clip to [-1, 1] by cases")
label(AR, _line(r"\mathrm{clip}(3) = 1"), "claim", "right", "exact: 3 > 1", "", lambda: _clip(Fr(3)) == 1)
label(AR, _line(r"\mathrm{clip}\left(-\tfrac{1}{2}\right) = -1"), "claim", "wrong", "exact: -1 <= -1/2 <= 1, so clip(-1/2) = -1/2",
      "", lambda: _clip(Fr(-1, 2)) == -1)
# ---------------------------------------------------------------- 10. where a condition ends
nonclaim(AR, _text_line("If $y < 0$, then"), "condition", "y < 0 (this block; the next is its otherwise)", pick="y < 0")
label(AR, _line(r"\sqrt{y^2} = -y"), "claim", "right", "mpmath: sqrt(y^2) = -y at 41 points of [-30, 0)", "y < 0",
      lambda: _holds(lambda p: mp.sqrt(p**2), lambda p: -p, "=", [-p for p in POSITIVE]))
label(AR, _line(r"\sqrt{y^2} = y"), "claim", "right", "mpmath: otherwise (y >= 0): sqrt(y^2) = y at 41 points of [0, 30]",
      "y >= 0", lambda: _holds(lambda p: mp.sqrt(p**2), lambda p: p, "=", POSITIVE + [mp.mpf(0)]))
nonclaim(AR, _text_line("For every real $y$ the square root"), "condition", "y real (a new quantifier)", pick="y")
label(AR, _line(r"\sqrt{y^2} = |y|"), "claim", "right", "mpmath: sqrt(y^2) = |y| at 41 points of [-7, 7]", "",
      lambda: _holds(lambda p: mp.sqrt(p**2), abs, "=", REAL))
# ---------------------------------------------------------------- 11. and 12. a function defined again
nonclaim(AR, _text_line("In this section let $g(x) = x^2$"), "definition", "g(x) = x^2 (to section 12)", pick="g(x) = x^2")
label(AR, _line(r"g(3) = 9"), "claim", "right", "exact: 3^2 = 9", "g(x) = x^2", lambda: 3**2 == 9)
nonclaim(AR, _text_line("Now let $g(x) = 2x + 1$"), "definition", "g(x) = 2x + 1: shadows g(x) = x^2", pick="g(x) = 2x + 1")
label(AR, _line(r"g(3) = 7"), "claim", "right", "exact: 2*3 + 1 = 7 (the old g would give 9)", "g(x) = 2x + 1",
      lambda: 2 * 3 + 1 == 7)
label(AR, _line(r"g(g(1)) = 7"), "claim", "right", "exact: g(1) = 3, g(3) = 7 (the old g would give 1)", "g(x) = 2x + 1",
      lambda: 2 * (2 * 1 + 1) + 1 == 7)
# ---------------------------------------------------------------- 13. an equation to solve, and an update
nonclaim(AR, _line(r"2(x - 2) = 0"), "equation", "an equation to solve for x, not a claim")
label(AR, _line(r"(2 - 2)^2 + 1 = 1"), "claim", "right", "exact: 0 + 1 = 1", "", lambda: (2 - 2) ** 2 + 1 == 1)
nonclaim(AR, _line(r"w \leftarrow w - \eta \nabla L(w)"), "update", "gradient descent's update rule")
# ---------------------------------------------------------------- 14. iterates by hand
def _babylon(k):
    v = Fr(1)
    for _ in range(k):
        v = (v + 2 / v) / 2
    return v


nonclaim(AR, _line(r"x_{k+1} = \frac{1}{2}\left(x_k + \frac{2}{x_k}\right)"), "update", "the Babylonian iteration for sqrt 2")
label(AR, _line(r"x_1 = \frac{3}{2}"), "claim", "right", "exact: (1 + 2)/2 = 3/2", "x_0 = 1", lambda: _babylon(1) == Fr(3, 2))
label(AR, _line(r"x_2 = \frac{17}{12}"), "claim", "right", "exact: (3/2 + 4/3)/2 = 17/12", "x_0 = 1", lambda: _babylon(2) == Fr(17, 12))
label(AR, _line(r"x_3 = \frac{577}{409}"), "claim", "wrong", "exact: (17/12 + 24/17)/2 = 577/408", "x_0 = 1",
      lambda: _babylon(3) == Fr(577, 409))
# ---------------------------------------------------------------- 15. and 16. for every positive number, then for every real one
nonclaim(AR, _text_line("For all $x > 0$,"), "condition", "x > 0 (to the next heading)", pick="x > 0")
label(AR, _line(r"\frac{\ln x}{x} \le \frac{1}{e}"), "claim", "right", "mpmath: log(x)/x <= 1/e at 41 points of (0, 30] (maximum at x = e)",
      "x > 0", lambda: _holds(lambda p: mp.log(p) / p, lambda p: 1 / mp.e, "<=", POSITIVE + [mp.e]))
label(AR, _line(r"x^x \ge e^{-1/e}"), "claim", "right", "mpmath: x^x >= e^(-1/e) at 41 points of (0, 30] and at 1/e (the minimum)",
      "x > 0", lambda: _holds(lambda p: p**p, lambda p: mp.exp(-1 / mp.e), ">=", POSITIVE + [1 / mp.e]))
nonclaim(AR, _text_line("For every real $x$,"), "condition", "x real (a new quantifier after the heading)", pick="x")
label(AR, _line(r"e^x \ge 1 + x", _text_line("## 16.")), "claim", "right", "mpmath: e^x >= 1 + x at 41 points of [-7, 7]", "",
      lambda: _holds(mp.exp, lambda p: 1 + p, ">=", REAL))
label(AR, _line(r"e^x \ge 1 + x + \frac{x^2}{2}"), "claim", "wrong", "mpmath: at x = -1, 0.368 against 0.5 (true only for x >= 0)", "",
      lambda: _holds(mp.exp, lambda p: 1 + p + p**2 / 2, ">=", REAL))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
