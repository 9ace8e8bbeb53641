r"""Independent checks of the hand labels of adversarial_round19.md (round 19 of the step checker's adversarial
review, branch adversary41): chains of \implies and \iff with one arrow that fails, inequality chains with one wrong
link, approximations with a wrong leading term, integrals by substitution whose bounds were not changed, a
log-likelihood's derivative set to zero and solved, argmin/argmax and min/max claims, induction steps inside
theorem/proof environments, \forall and \exists, a piecewise definition used later, and a name (h) reused with a new
meaning in a later section.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or exact fractions that
returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round52.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round52.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import math
import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, recorder, text_line, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round19.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x, a, b, w = sp.symbols("x a b w", real=True)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after, environments=True)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


REAL = mp_points(-7, 7) + [mp.mpf(0), mp.mpf("0.5")]
POS = mp_points("0.01", 9)
GRID = [Fr(k, 4) for k in range(-24, 25)]
"""Exact points of [-6, 6] in quarters, for claims about a pair (a, b)."""


def _equivalent(p, q, points):
    """p(v) and q(v) agree (both true or both false) at every point."""
    return all(bool(p(v)) == bool(q(v)) for v in points)


def _implies(p, q, points):
    return all(not p(v) or q(v) for v in points)


def _pairs(fn):
    return all(fn(u, v) for u in GRID for v in GRID)


def _quad(f, lo, hi):
    with mp.workdps(30):
        return mp.quad(f, [lo, hi])


def _same(u, v):
    return abs(u - v) < mp.mpf(10) ** -20 * (1 + abs(u) + abs(v))


def _tail_ratio(f, g, order):
    """f(x) - g(x) = O(x^order) as x -> 0: the ratio at 10^-10 and 10^-20 stays bounded (120 digits, so 1 + 10^-20 keeps the x^3 term)."""
    with mp.workdps(120):
        return all(abs((f(t) - g(t)) / t**order) < 10 for t in (mp.mpf(10) ** -10, mp.mpf(10) ** -20))


# ---------------------------------------------------------------- 1. arrows
SQ = [Fr(k, 2) for k in range(-20, 21)]
label(AR, _line(r"x^2 = 4 \iff x = 2"), "claim", "wrong", "exact: x = -2 satisfies x^2 = 4 but not x = 2", "",
      lambda: _equivalent(lambda v: v * v == 4, lambda v: v == 2, SQ))
nonclaim(AR, _text_line("For $x > 0$ it is fine"), "condition", "x > 0", pick="x > 0")
label(AR, _line(r"x^2 = 4 \iff x = 2", _line(r"x^2 = 4 \iff x = 2") + 1), "claim", "right",
      "exact: on the positive halves of the grid the two sides agree", "x > 0",
      lambda: _equivalent(lambda v: v * v == 4, lambda v: v == 2, [v for v in SQ if v > 0]))
label(AR, _line(r"e^{a} \le e^{b} \iff a \le b"), "claim", "right", "mpmath: exp increasing, on a 49 x 49 grid", "",
      lambda: _pairs(lambda u, v: (mp.exp(u) <= mp.exp(v)) == (u <= v)))
label(AR, _line(r"a^2 \le b^2 \implies a \le b"), "claim", "wrong", "exact: a = -3, b = 1: 9 > 1 fails... a = 1, b = -3: "
      "1 <= 9 but 1 > -3", "", lambda: _pairs(lambda u, v: not u * u <= v * v or u <= v))
label(AR, _line(r"a \le b \implies a^3 \le b^3"), "claim", "right", "exact: cubes are increasing, on the grid", "",
      lambda: _pairs(lambda u, v: not u <= v or u**3 <= v**3))
label(AR, _line(r"2x + 3 = 7 \implies 2x = 4"), "claim", "right",
      "exact: each equation has the one solution x = 2, so each arrow holds (both ways)", "",
      lambda: _equivalent(lambda v: 2 * v + 3 == 7, lambda v: 2 * v == 4, SQ)
      and _equivalent(lambda v: 2 * v == 4, lambda v: v == 2, SQ))
label(AR, _line(r"x^2 - 5x + 6 = 0 \iff (x - 2)(x - 3) = 0"), "claim", "wrong",
      "exact: the first arrow holds (same polynomial); the last drops the root x = 3", "",
      lambda: _equivalent(lambda v: v * v - 5 * v + 6 == 0, lambda v: (v - 2) * (v - 3) == 0, SQ)
      and _equivalent(lambda v: (v - 2) * (v - 3) == 0, lambda v: v == 2, SQ))
# ---------------------------------------------------------------- 2. chains of bounds
nonclaim(AR, _text_line("For $x \\ge 1$ each link"), "condition", "x >= 1", pick=r"x \ge 1")
label(AR, _line(r"\log x \le x - 1 \le x^2 - x \le x^2"), "claim", "right",
      "mpmath: every link at 41 points of [1, 9]; x - 1 <= x^2 - x is (x - 1)^2 >= 0", "x >= 1",
      lambda: all(holds_at(f, g, "<=", mp_points(1, 9)) for f, g in
                  ((mp.log, lambda v: v - 1), (lambda v: v - 1, lambda v: v * v - v), (lambda v: v * v - v, lambda v: v * v))))
nonclaim(AR, _text_line("For $0 < x < 1$ the powers"), "condition", "0 < x < 1", pick="0 < x < 1")
UNIT = mp_points("0.001", "0.999")
label(AR, _line(r"x^2 \le x \le \sqrt{x} \le x^{1/3}"), "claim", "right", "mpmath: every link at 41 points of (0, 1)",
      "0 < x < 1", lambda: all(holds_at(f, g, "<=", UNIT) for f, g in
                               ((lambda v: v * v, lambda v: v), (lambda v: v, mp.sqrt), (mp.sqrt, mp.cbrt))))
nonclaim(AR, _text_line("For every positive integer $n$ the logarithm"), "condition", "n a positive integer", pick="n")
label(AR, _line(r"\frac{1}{n + 1} \le \log\left(1 + \frac{1}{n}\right) \le \frac{2}{2n + 1}"), "claim", "wrong",
      "mpmath: the left link holds, the right one is reversed (log(1 + t) >= 2t/(2 + t)): log 2 = 0.693 against 2/3 at n = 1",
      "n positive integer",
      lambda: all(mp.mpf(1) / (m + 1) <= mp.log(1 + mp.mpf(1) / m) <= mp.mpf(2) / (2 * m + 1) for m in range(1, 200)))
nonclaim(AR, _text_line("For $x > 0$:"), "condition", "x > 0", pick="x > 0")
label(AR, _line(r"\frac{x}{1 + x} \le \log(1 + x) \le x"), "claim", "right", "mpmath: both links at 41 points of (0, 9]",
      "x > 0", lambda: holds_at(lambda v: v / (1 + v), lambda v: mp.log(1 + v), "<=", POS)
      and holds_at(lambda v: mp.log(1 + v), lambda v: v, "<=", POS))
label(AR, _line(r"|x + y| \le |x| + |y| \le 2 \max(|x|, |y|)"), "claim", "right", "exact: both links on the grid", "",
      lambda: _pairs(lambda u, v: abs(u + v) <= abs(u) + abs(v) <= 2 * max(abs(u), abs(v))))
nonclaim(AR, _text_line("For $0 < x < \\pi/2$"), "condition", "0 < x < pi/2", pick=r"0 < x < \pi/2")
label(AR, _line(r"\sin x \le x \le \tan x"), "claim", "right", "mpmath: both links at 41 points of (0, pi/2)",
      "0 < x < pi/2", lambda: holds_at(mp.sin, lambda v: v, "<=", mp_points("0.001", "1.57"))
      and holds_at(lambda v: v, mp.tan, "<=", mp_points("0.001", "1.57")))
# ---------------------------------------------------------------- 3. approximations (first order as x -> 0)
nonclaim(AR, _text_line("For small $x$:"), "condition", "x small", pick="x")
label(AR, _line(r"\sqrt{1 + x} \approx 1 + \frac{x}{2}"), "claim", "right", "mpmath: the error is O(x^2)", "x -> 0",
      lambda: _tail_ratio(lambda t: mp.sqrt(1 + t), lambda t: 1 + t / 2, 2))
label(AR, _line(r"\frac{1}{1 - x} \approx 1 - x"), "claim", "wrong",
      "mpmath: 1/(1 - x) = 1 + x + O(x^2); the error 2x is first order", "x -> 0",
      lambda: _tail_ratio(lambda t: 1 / (1 - t), lambda t: 1 - t, 2))
label(AR, _line(r"\log(1 + x) \approx x - \frac{x^2}{2}"), "claim", "right", "mpmath: the error is O(x^3)", "x -> 0",
      lambda: _tail_ratio(lambda t: mp.log(1 + t), lambda t: t - t * t / 2, 3))
label(AR, _line(r"\cos x \approx 1 - x^2"), "claim", "wrong",
      "mpmath: cos x = 1 - x^2/2 + O(x^4); the error x^2/2 is of the order of the term kept", "x -> 0",
      lambda: _tail_ratio(mp.cos, lambda t: 1 - t * t, 3))
# ---------------------------------------------------------------- 4. substitution
label(AR, _line(r"\int_0^2 e^{u} \, du"), "claim", "wrong",
      "sympy: e^4 - 1 against e^2 - 1 (the bounds were not moved to u = 0..4)", "u = x^2",
      lambda: zero(sp.integrate(2 * x * sp.exp(x**2), (x, 0, 2)) - sp.integrate(sp.exp(x), (x, 0, 2))))
label(AR, _line(r"\int_0^4 e^{u} \, du = e^4 - 1"), "claim", "right", "sympy: all three are e^4 - 1", "u = x^2",
      lambda: zero(sp.integrate(2 * x * sp.exp(x**2), (x, 0, 2)) - (sp.E**4 - 1))
      and zero(sp.integrate(sp.exp(x), (x, 0, 4)) - (sp.E**4 - 1)))
label(AR, _line(r"\int_0^{\pi/2} \sin^2\theta \cos\theta"), "claim", "right", "sympy: both integrals are 1/3",
      "u = sin theta", lambda: zero(sp.integrate(sp.sin(x) ** 2 * sp.cos(x), (x, 0, sp.pi / 2)) - sp.Rational(1, 3))
      and zero(sp.integrate(x**2, (x, 0, 1)) - sp.Rational(1, 3)))
label(AR, _line(r"\int_0^1 \frac{x}{1 + x^2} \, dx"), "claim", "right", "sympy: all three are log(2)/2", "u = 1 + x^2",
      lambda: zero(sp.integrate(x / (1 + x**2), (x, 0, 1)) - sp.log(2) / 2)
      and zero(sp.integrate(1 / x, (x, 1, 2)) / 2 - sp.log(2) / 2))
label(AR, _line(r"\int_1^2 \frac{2x}{(1 + x^2)^2}"), "claim", "wrong",
      "sympy: 3/10 against 1/2 (u should run from 2 to 5)", "u = 1 + x^2",
      lambda: zero(sp.integrate(2 * x / (1 + x**2) ** 2, (x, 1, 2)) - sp.integrate(1 / x**2, (x, 1, 2))))
# ---------------------------------------------------------------- 5. maximum likelihood
nonclaim(AR, _line(r"\ell(\lambda) = n \log \lambda"), "definition", "the exponential log-likelihood")
XS = [Fr(3, 2), Fr(1, 3), Fr(4), Fr(7, 5)]
label(AR, _line(r"\frac{d\ell}{d\lambda} = \frac{n}{\lambda}"), "claim", "right",
      "sympy: d/dlambda of n log lambda - lambda S is n/lambda - S", "lambda > 0",
      lambda: zero(sp.diff(4 * sp.log(x) - x * sum(XS), x) - (4 / x - sum(XS))))
label(AR, _line(r"\hat\lambda = \frac{n}{\sum_{i=1}^{n} x_i}"), "claim", "right",
      "exact: n/S is the zero of n/lambda - S (four sample values)", "",
      lambda: 4 / (Fr(4) / sum(XS)) - sum(XS) == 0)
nonclaim(AR, _line(r"L(p) = k \log p"), "definition", "the Bernoulli log-likelihood")
label(AR, _line(r"\frac{dL}{dp} = \frac{k}{p} - \frac{n - k}{1 - p} = 0"), "claim", "wrong",
      "exact: the derivative is right but its zero is p = k/n, not k/(n - k): k = 1, n = 3 gives 1/2 where dL/dp = 1",
      "0 < k < n", lambda: all(Fr(k) / Fr(k, m - k) - Fr(m - k) / (1 - Fr(k, m - k)) == 0
                                for m in range(2, 12) for k in range(1, m) if Fr(k, m - k) != 1))
# ---------------------------------------------------------------- 6. optima
label(AR, _line(r"\arg\min_{x} \left[(x - 3)^2 + 1\right] = 3"), "claim", "right",
      "sympy: the derivative 2(x - 3) vanishes only at 3, the second derivative is 2", "",
      lambda: sp.solve(sp.diff((x - 3) ** 2 + 1, x), x) == [3])
label(AR, _line(r"\min_{x} \left[(x - 3)^2 + 1\right] = 3", _line(r"\arg\min_{x}") + 1), "claim", "wrong", "sympy: the minimum value is 1 (at x = 3)",
      "", lambda: ((x - 3) ** 2 + 1).subs(x, 3) == 3)
label(AR, _line(r"\arg\max_{x > 0} x e^{-x} = 1"), "claim", "right",
      "sympy: (1 - x) e^-x vanishes only at 1 and changes sign from + to -", "x > 0",
      lambda: sp.solve(sp.diff(x * sp.exp(-x), x), x) == [1])
label(AR, _line(r"\max_{x > 0} x e^{-x} = 1", _line(r"\arg\max_{x > 0}") + 1), "claim", "wrong", "mpmath: the maximum value is 1/e = 0.368", "x > 0",
      lambda: _same(mp.mpf(1) * mp.exp(-1), 1))
label(AR, _line(r"\arg\min_{w} \left[(w - a)^2 + (w - b)^2\right]"), "claim", "right",
      "sympy: 2(w - a) + 2(w - b) = 0 at w = (a + b)/2, second derivative 4", "",
      lambda: zero(sp.solve(sp.diff((w - a) ** 2 + (w - b) ** 2, w), w)[0] - (a + b) / 2))
# ---------------------------------------------------------------- 7. induction
label(AR, _line(r"\sum_{k=1}^{n} k^3 = \left(\frac{n(n + 1)}{2}\right)^2"), "claim", "right",
      "exact: n = 1 .. 200", "n >= 1", lambda: all(sum(k**3 for k in range(1, m + 1)) == (m * (m + 1) // 2) ** 2
                                                    for m in range(1, 201)))
label(AR, _line(r"\left(\frac{n(n + 1)}{2}\right)^2 + (n + 1)^3"), "claim", "right",
      "sympy: the difference expands to 0", "n >= 1",
      lambda: zero((x * (x + 1) / 2) ** 2 + (x + 1) ** 3 - ((x + 1) * (x + 2) / 2) ** 2))
label(AR, _line(r"\sum_{k=1}^{n} k^2 = \frac{n(n + 1)(2n + 1)}{6}"), "claim", "right", "exact: n = 1 .. 200", "n >= 1",
      lambda: all(6 * sum(k * k for k in range(1, m + 1)) == m * (m + 1) * (2 * m + 1) for m in range(1, 201)))
label(AR, _line(r"\frac{n(n + 1)(2n + 1)}{6} + (n + 1)^2 ="), "claim", "wrong",
      "sympy: the right side should carry (2n + 3); at n = 1, 5 against 3", "n >= 1",
      lambda: zero(x * (x + 1) * (2 * x + 1) / 6 + (x + 1) ** 2 - (x + 1) * (x + 2) * (2 * x + 1) / 6))
label(AR, _line(r"n! \ge 2^{n}"), "claim", "wrong", "exact: 1! = 1 < 2, 2! = 2 < 4, 3! = 6 < 8 (true from n = 4)",
      "n >= 1", lambda: all(math.factorial(m) >= 2**m for m in range(1, 60)))
# ---------------------------------------------------------------- 8. quantifiers
label(AR, _line(r"\forall x \in \mathbb{R}: \; e^{x} \ge 1 + x"), "claim", "right", "mpmath: at 43 points of [-7, 7]",
      "", lambda: holds_at(mp.exp, lambda v: 1 + v, ">=", REAL))
label(AR, _line(r"\forall x > 0: \; \log x \ge 1 - \frac{1}{x}"), "claim", "right", "mpmath: at 41 points of (0, 9]",
      "x > 0", lambda: holds_at(mp.log, lambda v: 1 - 1 / v, ">=", POS))
label(AR, _line(r"\forall x \in \mathbb{R}: \; x^2 \ge x"), "claim", "wrong", "exact: x = 1/2 gives 1/4 < 1/2", "",
      lambda: all(v * v >= v for v in SQ + [Fr(1, 2)]))
label(AR, _line(r"\exists x \in \mathbb{R}: \; x^2 < x"), "claim", "right", "exact: x = 1/2 is a witness", "",
      lambda: Fr(1, 2) ** 2 < Fr(1, 2))
label(AR, _line(r"\exists x > 0: \; \log x > x - 1"), "claim", "wrong",
      "mpmath: log x <= x - 1 at every x > 0 (no witness among 41 points of (0, 9] and x = 1)", "x > 0",
      lambda: any(mp.log(v) > v - 1 for v in POS + [mp.mpf(1)]))
# ---------------------------------------------------------------- 9. a piecewise h
nonclaim(AR, _line(r"h(x) = \begin{cases}"), "definition", "h(x) = x^2 for x >= 0, -x for x < 0")


def _h(v):
    return v * v if v >= 0 else -v


label(AR, _line(r"h(-2) = 2"), "claim", "right", "exact: -(-2) = 2", "h piecewise", lambda: _h(-2) == 2)
label(AR, _line(r"h(3) = 9"), "claim", "right", "exact: 3^2", "h piecewise", lambda: _h(3) == 9)
label(AR, _line(r"h(-1) + h(1) = 0"), "claim", "wrong", "exact: 1 + 1 = 2", "h piecewise", lambda: _h(-1) + _h(1) == 0)
# ---------------------------------------------------------------- 10. h a step size
nonclaim(AR, _text_line("From here on $h > 0$"), "condition", "h > 0 is renamed: a step size", pick="h > 0")
label(AR, _line(r"\frac{(x + h)^2 - x^2}{h} = 2x + h"), "claim", "right", "sympy: cancels to 0", "h > 0",
      lambda: zero(((x + b) ** 2 - x**2) / b - (2 * x + b)))
label(AR, _line(r"\frac{\sin(x + h) - \sin(x - h)}{2h} = \cos x"), "claim", "wrong",
      "mpmath: the quotient is cos x sin(h)/h: at x = 0, h = 1, 0.841 against 1", "h > 0",
      lambda: all(holds_at(lambda v: (mp.sin(v + s) - mp.sin(v - s)) / (2 * s), mp.cos, "=", REAL) for s in POS[:3]))
label(AR, _line(r"\frac{(x + h)^3 - (x - h)^3}{2h} = 3x^2 + h^2"), "claim", "right", "sympy: cancels to 0", "h > 0",
      lambda: zero(((x + b) ** 3 - (x - b) ** 3) / (2 * b) - (3 * x**2 + b**2)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
