r"""Independent checks of the hand labels of adversarial_round15.md (round 15 of the step checker's adversarial
review, branch adversary37): a logarithm to a stated base, ``\sin^2 x`` beside ``\sin x^2``, ``\sin^{-1}`` and an
inverse function ``f^{-1}`` beside a reciprocal ``f(x)^{-1}``, cases environments (a definition by cases and claims
by cases), conditions that end at an "otherwise" or with their sentence, a function defined twice (the second
definition shadows the first), ``i`` as the imaginary unit and as an index, primes, norms, matrices of a stated kind
(symmetric, invertible), Newton's iterate, and "for all x > 0" against "every real x except zero".  Twelve slips are
planted.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that
returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.  The line of
each block is found from a snippet of its text, so an edit above it cannot shift a label.

    python3 tests/corpus/notes/check_labels_round37.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round37.py --write   # also merge these labels into labels.json
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
AR = "adversarial_round15.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x, y, a, b, r, t, n = sp.symbols("x y a b r t n", real=True)
RNG = np.random.default_rng(37)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


_points, _holds = mp_points, holds_at


REAL = [p for p in _points(-7, 7) if p != 0] + [mp.mpf(0)]
POSITIVE = _points("0.001", 30)
NONZERO = [p for p in _points(-7, 7, 42) if p != 0]
HALF_PI = _points(-mp.pi / 2, mp.pi / 2)[1:-1]  # the ends (asin is ill-conditioned at 1) are checked exactly

# ---------------------------------------------------------------- 1. logarithms to a stated base
label(AR, _line(r"\log_2 8 = 3"), "claim", "right", "exact: 2^3 = 8", "", lambda: 2**3 == 8)
label(AR, _line(r"\log_{10} 1000 = 2"), "claim", "wrong", "exact: 10^3 = 1000, so the logarithm is 3", "",
      lambda: 10**2 == 1000)
nonclaim(AR, _text_line("for positive $a$ and $b$"), "condition", "a > 0 (and b > 0 beside it)", pick="a")
label(AR, _line(r"\log_2 (ab)"), "claim", "right", "sympy: log(ab, 2) - log(a, 2) - log(b, 2) = 0 for positive a, b",
      "a > 0, b > 0", lambda: zero(sp.expand_log(sp.log(sp.Symbol("A", positive=True) * sp.Symbol("B", positive=True), 2)
                                            - sp.log(sp.Symbol("A", positive=True), 2)
                                            - sp.log(sp.Symbol("B", positive=True), 2), force=False)))
nonclaim(AR, _text_line("a constant: for $x > 0$"), "condition", "x > 0 (this block)", pick="x > 0")
label(AR, _line(r"\ln x = \ln 2 \cdot \log_2 x"), "claim", "right", "mpmath: log x = log 2 * log(x)/log 2 at 41 points of (0, 30]",
      "x > 0", lambda: _holds(mp.log, lambda p: mp.log(2) * mp.log(p, 2), "=", POSITIVE))
# ---------------------------------------------------------------- 2. squares and inverses of the sine
label(AR, _line(r"\sin^2 x = \frac{1 - \cos 2x}{2}"), "claim", "right", "sympy: sin(x)^2 - (1 - cos 2x)/2 = 0", "",
      lambda: zero(sp.sin(x) ** 2 - (1 - sp.cos(2 * x)) / 2))
label(AR, _line(r"\cos^2 x = \frac{1 - \cos 2x}{2}"), "claim", "wrong", "sympy: cos^2 x = (1 + cos 2x)/2 (x = 0: 1 against 0)",
      "", lambda: zero(sp.cos(x) ** 2 - (1 - sp.cos(2 * x)) / 2))
label(AR, _line(r"\sin x^2 = \sin^2 x"), "claim", "wrong", "mpmath: at x = 1, sin 1 = 0.841 against sin(1)^2 = 0.708", "",
      lambda: _holds(lambda p: mp.sin(p**2), lambda p: mp.sin(p) ** 2, "=", REAL))
nonclaim(AR, _text_line(r"On $-\frac{\pi}{2} \le x"), "condition", "-pi/2 <= x <= pi/2",
         pick=r"-\frac{\pi}{2} \le x \le \frac{\pi}{2}")
label(AR, _line(r"\sin^{-1}(\sin x) = x"), "claim", "right", "mpmath: asin(sin x) = x at 39 points of (-pi/2, pi/2); sympy: exactly at the ends",
      "-pi/2 <= x <= pi/2", lambda: _holds(lambda p: mp.asin(mp.sin(p)), lambda p: p, "=", HALF_PI)
      and all(sp.asin(sp.sin(e)) == e for e in (-sp.pi / 2, sp.pi / 2)))
# ---------------------------------------------------------------- 3. an inverse function and a reciprocal
nonclaim(AR, _text_line("Let $f(x) = x^2 + 1$"), "definition", "f(x) = x^2 + 1 on x >= 0", pick="f(x) = x^2 + 1")
label(AR, _line(r"f^{-1}(y) = \sqrt{y - 1}"), "claim", "right",
      "mpmath: f(sqrt(y - 1)) = y for y in [1, 31] and sqrt(f(x) - 1) = x for x in [0, 30] (the inverse function)",
      "y >= 1", lambda: _holds(lambda p: mp.sqrt(p - 1) ** 2 + 1, lambda p: p, "=", _points(1, 31))
      and _holds(lambda p: mp.sqrt(p**2 + 1 - 1), lambda p: p, "=", _points(0, 30)))
label(AR, _line(r"f(x)^{-1} = \frac{1}{x^2 + 1}"), "claim", "right", "sympy: (x^2 + 1)^-1 - 1/(x^2 + 1) = 0", "",
      lambda: zero((x**2 + 1) ** -1 - 1 / (x**2 + 1)))
# ---------------------------------------------------------------- 4. cases
label(AR, _line(r"|x| = \begin{cases}"), "claim", "right", "mpmath: |x| against x (x >= 0) or -x at 41 points of [-7, 7]", "",
      lambda: _holds(abs, lambda p: p if p >= 0 else -p, "=", REAL))
label(AR, _line(r"|x - 1| = \begin{cases}"), "claim", "wrong",
      "mpmath: the cases split at 0, not at 1: at x = 1/2, |x - 1| = 1/2 against x - 1 = -1/2", "",
      lambda: _holds(lambda p: abs(p - 1), lambda p: p - 1 if p >= 0 else 1 - p, "=", REAL + [mp.mpf(1) / 2]))


def _huber(v):
    return v * v / 2 if abs(v) <= 1 else abs(v) - Fr(1, 2)


nonclaim(AR, _line(r"h(r) = \begin{cases}"), "definition", "the Huber loss with threshold 1, by cases")
label(AR, _line(r"h(2) = \frac{3}{2}"), "claim", "right", "exact: |2| > 1, so h(2) = 2 - 1/2 = 3/2", "",
      lambda: _huber(Fr(2)) == Fr(3, 2))
label(AR, _line(r"h\left(\tfrac{1}{2}\right) = \frac{1}{4}"), "claim", "wrong", "exact: |1/2| <= 1, so h(1/2) = (1/2)^2/2 = 1/8",
      "", lambda: _huber(Fr(1, 2)) == Fr(1, 4))
# ---------------------------------------------------------------- 5. where a condition ends
nonclaim(AR, _text_line("If $y > 0$, then"), "condition", "y > 0 (this block; the next is its otherwise)", pick="y > 0")
label(AR, _line(r"\frac{|y|}{y} = 1"), "claim", "right", "mpmath: |y|/y = 1 at 41 points of (0, 30]", "y > 0",
      lambda: _holds(lambda p: abs(p) / p, lambda p: 1, "=", POSITIVE))
label(AR, _line(r"\frac{|y|}{y} = -1"), "claim", "right",
      "mpmath: otherwise, among nonzero y, y < 0: |y|/y = -1 at 41 points of [-30, 0)", "y < 0 (y != 0 and not y > 0)",
      lambda: _holds(lambda p: abs(p) / p, lambda p: -1, "=", [-p for p in POSITIVE]))
nonclaim(AR, _text_line("When $0 < p < 1$"), "condition", "0 < p < 1 (this block)", pick="0 < p < 1")
label(AR, _line(r"\frac{p}{1 - p} > 0"), "claim", "right", "mpmath: p/(1 - p) > 0 at 41 points of (0, 1)", "0 < p < 1",
      lambda: _holds(lambda p: p / (1 - p), lambda p: 0, ">", _points("0.001", "0.999")))
label(AR, _line(r"\ln \frac{1 - p}{p} = -\ln \frac{p}{1 - p}"), "claim", "right",
      "mpmath: log((1 - p)/p) + log(p/(1 - p)) = 0 wherever both are defined: at 41 points of (0, 1)", "0 < p < 1",
      lambda: _holds(lambda p: mp.log((1 - p) / p), lambda p: -mp.log(p / (1 - p)), "=", _points("0.001", "0.999")))
# ---------------------------------------------------------------- 6. and 7. a function defined twice
nonclaim(AR, _text_line("Let $g(x) = x^2$"), "definition", "g(x) = x^2 (to section 7)", pick="g(x) = x^2")
label(AR, _line(r"g'(x) = 2x"), "claim", "right", "sympy: diff(x^2, x) = 2x", "g(x) = x^2", lambda: zero(sp.diff(x**2, x) - 2 * x))
label(AR, _line(r"g(3) = 9"), "claim", "right", "exact: 3^2 = 9", "g(x) = x^2", lambda: 3**2 == 9)
nonclaim(AR, _text_line("Now let $g(x) = e^{2x}$"), "definition", "g(x) = e^{2x}: shadows g(x) = x^2", pick="g(x) = e^{2x}")
G = sp.exp(2 * x)
label(AR, _line(r"g'(x) = 2 g(x)"), "claim", "right", "sympy: diff(e^{2x}, x) = 2 e^{2x}", "g(x) = e^{2x}",
      lambda: zero(sp.diff(G, x) - 2 * G))
label(AR, _line(r"g'(x) = 2x", _text_line("Now let $g(x)")), "claim", "wrong",
      "sympy: with the new g, g'(x) = 2 e^{2x}, not 2x (x = 0: 2 against 0)", "g(x) = e^{2x}", lambda: zero(sp.diff(G, x) - 2 * x))
label(AR, _line(r"g(0) = 1"), "claim", "right", "exact: e^0 = 1 (the old g would give 0)", "g(x) = e^{2x}",
      lambda: G.subs(x, 0) == 1)
# ---------------------------------------------------------------- 8. the letter i
label(AR, _line(r"e^{i\pi} + 1 = 0"), "claim", "right", "sympy: exp(I pi) + 1 = 0 (i the imaginary unit)", "",
      lambda: sp.exp(sp.I * sp.pi) + 1 == 0)
j = sp.Symbol("j", integer=True, positive=True)
label(AR, _line(r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}"), "claim", "right", "exact: n = 1..40 (i an index)", "n positive integer",
      lambda: all(sum(range(1, m + 1)) == Fr(m * (m + 1), 2) for m in range(1, 41)))
label(AR, _line(r"\prod_{i=1}^{n} \frac{i + 1}{i} = n"), "claim", "wrong", "exact: the product telescopes to n + 1 (n = 1: 2 against 1)",
      "n positive integer", lambda: all(np.prod([Fr(k + 1, k) for k in range(1, m + 1)]) == m for m in range(1, 41)))
# ---------------------------------------------------------------- 9. primes
nonclaim(AR, _text_line(r"Let $s(t) = \sin t$"), "definition", "s(t) = sin t", pick=r"s(t) = \sin t")
label(AR, _line(r"s''(t) = -s(t)"), "claim", "right", "sympy: diff(sin t, t, 2) = -sin t", "",
      lambda: zero(sp.diff(sp.sin(t), t, 2) + sp.sin(t)))
label(AR, _line(r"s'''(t) = \cos t"), "claim", "wrong", "sympy: diff(sin t, t, 3) = -cos t (t = 0: -1 against 1)", "",
      lambda: zero(sp.diff(sp.sin(t), t, 3) - sp.cos(t)))
# ---------------------------------------------------------------- 10. norms of vectors


def _norms(test) -> bool:
    """``test(v)`` at 200 random vectors of sizes 1..6 (integers and normal draws)."""
    for _ in range(200):
        m = int(RNG.integers(1, 7))
        v = RNG.integers(-5, 6, m).astype(float) if RNG.random() < 0.5 else RNG.normal(size=m)
        if not test(v):
            return False
    return True


label(AR, _line(r"\|\mathbf{x}\|_2^2 = \mathbf{x}^\top \mathbf{x}"), "claim", "right", "numpy: sum of squares at random vectors",
      "x in R^n", lambda: _norms(lambda v: abs(np.linalg.norm(v) ** 2 - v @ v) <= 1e-12 * max(1, v @ v)))
label(AR, _line(r"\|\mathbf{x}\|_1 \ge \|\mathbf{x}\|_2"), "claim", "right",
      "numpy: (sum |x_i|)^2 = sum x_i^2 + cross terms >= sum x_i^2, at random vectors", "x in R^n",
      lambda: _norms(lambda v: np.abs(v).sum() >= np.linalg.norm(v) * (1 - 1e-12)))
label(AR, _line(r"\|\mathbf{x}\|_\infty \ge \|\mathbf{x}\|_2"), "claim", "wrong",
      "numpy: the max norm is the smallest: x = (1, 1) gives 1 against sqrt 2", "x in R^n",
      lambda: _norms(lambda v: np.abs(v).max() >= np.linalg.norm(v) * (1 - 1e-12)) and 1 >= np.sqrt(2))
label(AR, _line(r"|ab| = |a| \, |b|"), "claim", "right", "sympy: Abs(a b) - Abs(a) Abs(b) = 0 for real a, b", "",
      lambda: zero(sp.Abs(a * b) - sp.Abs(a) * sp.Abs(b)))
# ---------------------------------------------------------------- 11. matrices of a stated kind


def _sym_gradient() -> bool:
    """The gradient of x^T S x by central differences (exact for a quadratic: integer S, x, step 1) against 2 S x at
    random symmetric integer S of sizes 1..4."""
    for m in range(1, 5):
        for _ in range(20):
            M = RNG.integers(-5, 6, (m, m)).astype(float)
            S = M + M.T
            v = RNG.integers(-5, 6, m).astype(float)
            f = lambda u: u @ S @ u
            grad = np.array([(f(v + e) - f(v - e)) / 2 for e in np.eye(m)])
            if not np.array_equal(grad, 2 * S @ v):
                return False
    return True


def _inverse_product(swap: bool) -> bool:
    """(AB)^-1 against B^-1 A^-1 (swap) or A^-1 B^-1, exactly (sympy rationals), at random invertible integer 2x2 and
    3x3 matrices."""
    for m in (2, 3):
        for _ in range(10):
            while True:
                A = sp.Matrix(RNG.integers(-4, 5, (m, m)).tolist())
                B = sp.Matrix(RNG.integers(-4, 5, (m, m)).tolist())
                if A.det() != 0 and B.det() != 0:
                    break
            claimed = B.inv() * A.inv() if swap else A.inv() * B.inv()
            if (A * B).inv() != claimed:
                return False
    return True


nonclaim(AR, _text_line(r"For a symmetric matrix $\mathbf{S}$"), "condition", "S symmetric", pick=r"\mathbf{S}")
label(AR, _line(r"= 2 \mathbf{S} \mathbf{x}"), "claim", "right",
      "numpy: central differences of x^T S x (exact for integers) at random symmetric integer S, sizes 1..4", "S symmetric",
      _sym_gradient)
label(AR, _line(r"(\mathbf{A}\mathbf{B})^{-1} = \mathbf{B}^{-1}\mathbf{A}^{-1}"), "claim", "right",
      "sympy: exact inverses of random invertible integer 2x2 and 3x3 matrices", "A, B invertible", lambda: _inverse_product(True))
label(AR, _line(r"(\mathbf{A}\mathbf{B})^{-1} = \mathbf{A}^{-1}\mathbf{B}^{-1}"), "claim", "wrong",
      "sympy: the order is reversed (fails at random invertible integer matrices)", "A, B invertible",
      lambda: _inverse_product(False))
# ---------------------------------------------------------------- 12. Newton's iterate
xk = sp.Symbol("x_k", real=True, nonzero=True)
NEWTON = xk - (xk**2 - 2) / (2 * xk)
nonclaim(AR, _line(r"x_{k+1} = x_k - \frac{x_k^2 - 2}{2 x_k}"), "update", "Newton's iterate for x^2 = 2")
label(AR, _line(r"x_{k+1} = \frac{x_k}{2} + \frac{1}{x_k}"), "claim", "right", "sympy: x - (x^2 - 2)/(2x) - x/2 - 1/x = 0", "x_k != 0",
      lambda: zero(NEWTON - xk / 2 - 1 / xk))
label(AR, _line(r"x_{k+1} = \frac{x_k}{2} + \frac{2}{x_k}"), "claim", "wrong", "sympy: the difference is -1/x_k (x_k = 1: 3/2 against 5/2)",
      "x_k != 0", lambda: zero(NEWTON - xk / 2 - 2 / xk))
# ---------------------------------------------------------------- 13. and 14. for every positive number, then without
nonclaim(AR, _text_line("For all $x > 0$,"), "condition", "x > 0 (to the next heading)", pick="x > 0")
label(AR, _line(r"x + \frac{1}{x} \ge 2"), "claim", "right", "sympy: x + 1/x - 2 = (x - 1)^2/x >= 0 for x > 0; mpmath at 41 points",
      "x > 0", lambda: zero(x + 1 / x - 2 - (x - 1) ** 2 / x) and _holds(lambda p: p + 1 / p, lambda p: 2, ">=", POSITIVE))
label(AR, _line(r"\ln x \le x - 1"), "claim", "right", "mpmath: log x <= x - 1 at 41 points of (0, 30]", "x > 0",
      lambda: _holds(mp.log, lambda p: p - 1, "<=", POSITIVE))
nonclaim(AR, _text_line("For every real $x$ except zero"), "condition", "x != 0 (a new quantifier after the heading)", pick="x")
S14 = _text_line("## 14.")
label(AR, _line(r"x + \frac{1}{x} \ge 2", S14), "claim", "wrong", "mpmath: at x = -1, -2 against 2 (it needs x > 0)", "x != 0",
      lambda: _holds(lambda p: p + 1 / p, lambda p: 2, ">=", NONZERO))
label(AR, _line(r"\left| x + \frac{1}{x} \right| \ge 2"), "claim", "right", "mpmath: |x + 1/x| = |x| + 1/|x| >= 2 at 42 nonzero points",
      "x != 0", lambda: _holds(lambda p: abs(p + 1 / p), lambda p: 2, ">=", NONZERO))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
