r"""Independent checks of the hand labels of adversarial_round22.md (round 22 of the step checker's adversarial
review, stop 44, branch adversary44): logarithm and root rules with their conditions in prose, inverse functions
composed both ways, arctangent identities on part of the line, real powers, derivatives at a kink, sums and products
whose range is empty at n = 0, a derivation chain with one wrong step, and inequalities with an equality case.
Labelled before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy, mpmath or exact fractions that returns True when the
block's claim holds *as its author means it* (on the domain the prose states; a side with no real value there fails).
Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round60.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round60.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, recorder, text_line, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round22.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x = sp.Symbol("x", real=True)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


REAL = mp_points(-9, 9) + [mp.mpf("0.5"), mp.mpf("-0.5"), mp.mpf(10) ** -20, -mp.mpf(10) ** -20]
NONZERO = [v for v in REAL if v != 0]
POSITIVE = [v for v in NONZERO if v > 0] + [mp.mpf(10) ** -30, mp.mpf(10) ** 30]
NEGATIVE = [v for v in NONZERO if v < 0]
PAIRS = [(mp.mpf(a), mp.mpf(b)) for a in ("0.1", "1", "2.5", "7") for b in ("0.3", "1", "4")]
NONNEG = [mp.mpf(0)] + [v for v in POSITIVE if v < 100]  # 1e30 would cancel 30 of the 50 digits
ABOVE_ONE = [mp.mpf(1) + v for v in POSITIVE]
UNIT_OPEN = mp_points("-0.99", "0.99", 41)
QUARTER = mp_points(0, mp.pi, 41)
INNER = mp_points(0, "3.14", 41)  # acos near -1 loses half the digits: pi itself is left out


def _pairs_holds(lhs, rhs, pairs):
    return all(holds_at(lambda _: lhs(a, b), lambda _: rhs(a, b), "=", [0]) for a, b in pairs)


# ---------------------------------------------------------------- 1. logarithm rules
nonclaim(AR, _text_line(r"For positive $x$ and $y$"), "condition", "x > 0, y > 0", pick="x")
label(AR, _line(r"\log(x y) = \log x + \log y"), "claim", "right", "mpmath: at 12 positive pairs", "x > 0, y > 0",
      lambda: _pairs_holds(lambda a, b: mp.log(a * b), lambda a, b: mp.log(a) + mp.log(b), PAIRS))
label(AR, _line(r"\log \frac{x}{y} = \log x - \log y"), "claim", "right", "mpmath: at 12 positive pairs", "x > 0, y > 0",
      lambda: _pairs_holds(lambda a, b: mp.log(a / b), lambda a, b: mp.log(a) - mp.log(b), PAIRS))
nonclaim(AR, _text_line(r"Squaring inside the logarithm needs an absolute value"), "condition", "x != 0",
         pick=r"x \neq 0")
label(AR, _line(r"\log(x^2) = 2 \log |x|"), "claim", "right", "mpmath: at the non-zero points of [-9, 9]", "x != 0",
      lambda: holds_at(lambda v: mp.log(v * v), lambda v: 2 * mp.log(abs(v)), "=", NONZERO))
label(AR, _line(r"\frac{d}{dx} \log(x^2) = \frac{2}{x}"), "claim", "right",
      "sympy: d/dx log(x^2) = 2/x for every real x != 0", "x != 0", lambda: zero(sp.diff(sp.log(x**2), x) - 2 / x))
nonclaim(AR, _text_line(r"A common slip drops the absolute value"), "condition", "x != 0", pick=r"x \neq 0")
label(AR, _line(r"\log(x^2) = 2 \log x"), "claim", "wrong", "mpmath: at x = -1, log 1 = 0 while log(-1) has no real value",
      "x != 0", lambda: holds_at(lambda v: mp.log(v * v), lambda v: 2 * mp.log(v), "=", NONZERO))
label(AR, _line(r"\log(1 + x) - \log x = \log\left(1 + \frac{1}{x}\right)"), "claim", "right",
      "mpmath: at the positive points", "x > 0",
      lambda: holds_at(lambda v: mp.log(1 + v) - mp.log(v), lambda v: mp.log(1 + 1 / v), "=", POSITIVE))
# ---------------------------------------------------------------- 2. roots
nonclaim(AR, _text_line(r"For $x \ge 0$ and $y \ge 0$,"), "condition", "x >= 0, y >= 0", pick=r"x \ge 0")
label(AR, _line(r"\sqrt{x y} = \sqrt{x} \, \sqrt{y}"), "claim", "right", "mpmath: at 12 positive pairs and with a zero",
      "x >= 0, y >= 0", lambda: _pairs_holds(lambda a, b: mp.sqrt(a * b), lambda a, b: mp.sqrt(a) * mp.sqrt(b),
                                             PAIRS + [(mp.mpf(0), mp.mpf(2)), (mp.mpf(3), mp.mpf(0))]))
label(AR, _line(r"\sqrt{x^2} = |x|"), "claim", "right", "mpmath: at 45 points of [-9, 9]", "",
      lambda: holds_at(lambda v: mp.sqrt(v * v), abs, "=", REAL))
label(AR, _line(r"\sqrt[4]{x^4} = x"), "claim", "wrong", "mpmath: at x = -1 the root is 1", "",
      lambda: holds_at(lambda v: mp.root(v**4, 4), lambda v: v, "=", REAL))
nonclaim(AR, _text_line(r"The difference of two roots, rationalised"), "condition", "x >= 0", pick=r"x \ge 0")
label(AR, _line(r"\sqrt{x + 1} - \sqrt{x} = \frac{1}{\sqrt{x + 1} + \sqrt{x}}"), "claim", "right",
      "sympy: (sqrt(x+1) - sqrt(x))(sqrt(x+1) + sqrt(x)) = 1; mpmath at the non-negative points", "x >= 0",
      lambda: holds_at(lambda v: mp.sqrt(v + 1) - mp.sqrt(v), lambda v: 1 / (mp.sqrt(v + 1) + mp.sqrt(v)), "=", NONNEG))
label(AR, _line(r"\sqrt{x + 1} - \sqrt{x} = \frac{1}{\sqrt{x + 1} - \sqrt{x}}"), "claim", "wrong",
      "mpmath: at x = 3, 2 - sqrt 3 = 0.268 against 2 + sqrt 3 = 3.73", "x >= 0",
      lambda: holds_at(lambda v: mp.sqrt(v + 1) - mp.sqrt(v), lambda v: 1 / (mp.sqrt(v + 1) - mp.sqrt(v)), "=", NONNEG))
# ---------------------------------------------------------------- 3. inverse functions
label(AR, _line(r"\log(e^{x}) = x"), "claim", "right", "mpmath: at 45 points of [-9, 9]", "",
      lambda: holds_at(lambda v: mp.log(mp.exp(v)), lambda v: v, "=", REAL))
label(AR, _line(r"\arctan(\tan x) = x"), "claim", "right", "mpmath: at 41 points of (-pi/2, pi/2)", "-pi/2 < x < pi/2",
      lambda: holds_at(lambda v: mp.atan(mp.tan(v)), lambda v: v, "=", mp_points(-1.5, 1.5, 41)))
nonclaim(AR, _text_line(r"where $-\pi/2 < x < \pi/2$."), "condition", "-pi/2 < x < pi/2", pick=r"-\pi/2 < x < \pi/2")
label(AR, _line(r"\arcsin(\sin x) = x"), "claim", "wrong", "mpmath: at x = 3 pi/4, arcsin(sin x) = pi/4", "0 <= x <= pi",
      lambda: holds_at(lambda v: mp.asin(mp.sin(v)), lambda v: v, "=", QUARTER))
label(AR, _line(r"\arccos(\cos x) = x"), "claim", "right", "mpmath: at 41 points of [0, 3.14]", "0 <= x <= pi",
      lambda: holds_at(lambda v: mp.acos(mp.cos(v)), lambda v: v, "=", INNER))
label(AR, _line(r"\operatorname{arsinh} x = \log\left(x + \sqrt{x^2 + 1}\right)"), "claim", "right",
      "mpmath: at 45 points of [-9, 9]", "",
      lambda: holds_at(mp.asinh, lambda v: mp.log(v + mp.sqrt(v * v + 1)), "=", REAL))
label(AR, _line(r"\operatorname{artanh} x = \frac{1}{2} \log \frac{1 + x}{1 - x}"), "claim", "right",
      "mpmath: at 41 points of (-1, 1)", "|x| < 1",
      lambda: holds_at(mp.atanh, lambda v: mp.log((1 + v) / (1 - v)) / 2, "=", UNIT_OPEN))
label(AR, _line(r"\operatorname{artanh} x = \log \frac{1 + x}{1 - x}"), "claim", "wrong",
      "mpmath: the factor 1/2 is missing: atanh(1/2) = 0.549 against log 3 = 1.10", "|x| < 1",
      lambda: holds_at(mp.atanh, lambda v: mp.log((1 + v) / (1 - v)), "=", UNIT_OPEN))
# ---------------------------------------------------------------- 4. arctangent on part of the line
label(AR, _line(r"\arctan x + \arctan \frac{1}{x} = \frac{\pi}{2}"), "claim", "right", "mpmath: at the positive points",
      "x > 0", lambda: holds_at(lambda v: mp.atan(v) + mp.atan(1 / v), lambda v: mp.pi / 2, "=", POSITIVE))
label(AR, _line(r"\arctan x + \arctan \frac{1}{x} = \frac{\pi}{2}", _line(r"\arctan x + \arctan \frac{1}{x}") + 1),
      "claim", "wrong", "mpmath: for x < 0 the sum is -pi/2", "x < 0",
      lambda: holds_at(lambda v: mp.atan(v) + mp.atan(1 / v), lambda v: mp.pi / 2, "=", NEGATIVE))
label(AR, _line(r"\arctan x + \arctan y = \arctan \frac{x + y}{1 - x y}"), "claim", "right",
      "mpmath: at 60 pairs with x y < 1 (x, y in [-9, 9])", "x y < 1",
      lambda: all(holds_at(lambda _: mp.atan(a) + mp.atan(b), lambda _: mp.atan((a + b) / (1 - a * b)), "=", [0])
                  for a in mp_points(-9, 9, 13) for b in mp_points(-9, 9, 11) if a * b < 1))
nonclaim(AR, _text_line(r"For $x > 0$,"), "condition", "x > 0", pick="x > 0")
nonclaim(AR, _text_line(r"For $x < 0$,"), "condition", "x < 0", pick="x < 0")
nonclaim(AR, _text_line(r"For $x y < 1$,"), "condition", "x y < 1", pick="x y < 1")
# ---------------------------------------------------------------- 5. real powers
nonclaim(AR, _text_line(r"For $x > 0$ and all real $a$, $b$:"), "condition", "x > 0", pick="x > 0")
label(AR, _line(r"(x^{a})^{b} = x^{a b}"), "claim", "right", "mpmath: x > 0 at 5 values, a, b at 5 values each",
      "x > 0", lambda: all(holds_at(lambda _: (v**a) ** b, lambda _: v ** (a * b), "=", [0])
                           for v in (mp.mpf("0.3"), mp.mpf(1), mp.mpf(2), mp.mpf(7), mp.mpf(100))
                           for a in (-2, mp.mpf("0.5"), 1, 3, mp.pi) for b in (-1, mp.mpf("0.25"), 2, mp.e, 0)))
label(AR, _line(r"(x^{2})^{1/2} = x"), "claim", "wrong", "mpmath: at x = -1 the left side is 1", "",
      lambda: holds_at(lambda v: mp.sqrt(v * v), lambda v: v, "=", REAL))
label(AR, _line(r"x^{3/2} = x \sqrt{x}"), "claim", "right", "mpmath: at the non-negative points", "x >= 0",
      lambda: holds_at(lambda v: v ** mp.mpf(1.5), lambda v: v * mp.sqrt(v), "=", NONNEG))
nonclaim(AR, _text_line(r"for $x \ge 0$."), "condition", "x >= 0", pick=r"x \ge 0")
# ---------------------------------------------------------------- 6. kinks
label(AR, _line(r"\frac{d}{dx} \left( x |x| \right) = 2 |x|"), "claim", "right",
      "mpmath: numerical derivative at 45 points and the difference quotient (h|h| - 0)/h = |h| -> 0 at 0", "",
      lambda: holds_at(lambda v: mp.diff(lambda t: t * abs(t), v), lambda v: 2 * abs(v), "=", NONZERO)
      and all(abs(h * abs(h) / h) < 2 * abs(h) for h in (mp.mpf(10) ** -k for k in (5, 10, 20))))
label(AR, _line(r"\frac{d}{dx} |x|^3 = 3 x^2"), "claim", "wrong", "mpmath: the derivative is 3 x |x|: -3 against 3 at x = -1",
      "", lambda: holds_at(lambda v: mp.diff(lambda t: abs(t) ** 3, v), lambda v: 3 * v * v, "=", NONZERO))
label(AR, _line(r"\frac{d}{dx} \max(x, 0)^2 = 2 \max(x, 0)"), "claim", "right",
      "mpmath: numerical derivative away from 0; at 0 the quotient max(h, 0)^2/h -> 0 from both sides", "",
      lambda: holds_at(lambda v: mp.diff(lambda t: max(t, 0) ** 2, v), lambda v: 2 * max(v, 0), "=", NONZERO)
      and all(abs(max(h, 0) ** 2 / h) <= abs(h) for h in (mp.mpf(10) ** -8, -mp.mpf(10) ** -8)))
# ---------------------------------------------------------------- 7. empty ranges
nonclaim(AR, _text_line(r"For every integer $n \ge 0$,"), "condition", "n integer >= 0", pick=r"n \ge 0")
label(AR, _line(r"\sum_{j=0}^{n-1} 2^j = 2^n - 1"), "claim", "right", "exact: n = 0 .. 40 (the empty sum at n = 0 is 0)",
      "n integer >= 0", lambda: all(sum(2**j for j in range(n)) == 2**n - 1 for n in range(41)))
label(AR, _line(r"\sum_{j=1}^{n} \frac{1}{j (j + 1)} = 1 - \frac{1}{n + 1}"), "claim", "right", "exact fractions: n = 0 .. 40",
      "n integer >= 0", lambda: all(sum(Fr(1, j * (j + 1)) for j in range(1, n + 1)) == 1 - Fr(1, n + 1) for n in range(41)))
label(AR, _line(r"\prod_{j=1}^{n} \frac{j + 1}{j} = n"), "claim", "wrong", "exact: the product telescopes to n + 1 (1 at n = 0)",
      "n integer >= 0", lambda: all(_prod(n) == n for n in range(41)))
# ---------------------------------------------------------------- 8. a derivation with one wrong step
nonclaim(AR, _text_line(r"For $x > 1$ we simplify"), "condition", "x > 1", pick="x > 1")
label(AR, _line(r"\log(x^2 - 1) - \log(x - 1) = \log \frac{x^2 - 1}{x - 1}"), "claim", "right",
      "mpmath: at points of (1, 10]", "x > 1",
      lambda: holds_at(lambda v: mp.log(v * v - 1) - mp.log(v - 1), lambda v: mp.log((v * v - 1) / (v - 1)), "=", ABOVE_ONE))
label(AR, _line(r"\log \frac{x^2 - 1}{x - 1} = \log(x + 1)"), "claim", "right", "sympy: cancel gives x + 1", "x > 1",
      lambda: zero(sp.cancel((x**2 - 1) / (x - 1)) - (x + 1)))
label(AR, _line(r"\log(x + 1) = \log x + \log 1"), "claim", "wrong", "mpmath: log 3 against log 2 at x = 2", "x > 1",
      lambda: holds_at(lambda v: mp.log(v + 1), lambda v: mp.log(v) + mp.log(1), "=", ABOVE_ONE))
# ---------------------------------------------------------------- 9. equality cases
label(AR, _line(r"e^{x} \ge e x"), "claim", "right", "mpmath: at 45 points of [-9, 9] and at 1 (equality)", "",
      lambda: holds_at(mp.exp, lambda v: mp.e * v, ">=", REAL + [mp.mpf(1)]))
label(AR, _line(r"e^{x} > e x"), "claim", "wrong", "exact: equality e = e at x = 1", "",
      lambda: holds_at(mp.exp, lambda v: mp.e * v, ">", REAL + [mp.mpf(1)]))
label(AR, _line(r"\log x \le \frac{x}{e}"), "claim", "right", "mpmath: at the positive points and at e (equality)", "x > 0",
      lambda: holds_at(mp.log, lambda v: v / mp.e, "<=", POSITIVE + [mp.e]))
label(AR, _line(r"x \log x \ge -\frac{1}{e}"), "claim", "right", "mpmath: at the positive points and at 1/e (equality)",
      "x > 0", lambda: holds_at(lambda v: v * mp.log(v), lambda v: -1 / mp.e, ">=", POSITIVE + [1 / mp.e]))
nonclaim(AR, [k + 1 for k, t in enumerate(LINES) if t == "For $x > 0$,"][1], "condition", "x > 0", pick="x > 0")
nonclaim(AR, _text_line(r"for every $x$ in $[0, \pi]$."), "condition", "0 <= x <= pi", pick=r"[0, \pi]")


def _prod(n):
    p = Fr(1)
    for j in range(1, n + 1):
        p *= Fr(j + 1, j)
    return p


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
