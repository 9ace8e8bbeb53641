r"""Independent checks of the hand labels of adversarial_round17.md (round 17 of the step checker's adversarial
review, branch adversary39): a condition stated once at the top of a section (0 < p < 1) and used paragraphs later,
where-clauses, if-clauses after a quad, aligned derivations (one with a wrong middle line), approximations and
proportionality, definitions with :=, \triangleq and \equiv, a summation index used again inside its own sum,
indicator functions, floors and ceilings, matrices written as bmatrix literals, an arg max, and inline math in a
footnote (a local example) and in code spans (not mathematics, unlabelled).  Twelve slips are planted.  Labelled
before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that
returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.  The line of
each block is found from a snippet of its text, so an edit above it cannot shift a label.

    python3 tests/corpus/notes/check_labels_round44.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round44.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import math
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
AR = "adversarial_round17.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x, z, t, a, b, mu = sp.symbols("x z t a b mu", real=True)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after, environments=True)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


_points, _holds = mp_points, holds_at


UNIT = _points("0.001", "0.999")  # 0 < p < 1
REAL = _points(-7, 7) + [mp.mpf(0)]
NONPOS = _points(-7, 0)
NONNEG = _points(0, 7)
RATIONALS = [Fr(k, 12) for k in range(-60, 61)]
INTEGERS = range(-40, 41)


def _sigma(v):
    return 1 / (1 + mp.exp(-v))


# ---------------------------------------------------------------- 1. a coin (0 < p < 1 from the top of the section)
nonclaim(AR, _text_line("Throughout this section let $0 < p < 1$"), "condition", "0 < p < 1 (to the next heading)",
         pick="0 < p < 1")
nonclaim(AR, _text_line("Throughout this section let $0 < p < 1$"), "definition", "q = 1 - p", pick="q = 1 - p")
label(AR, _line(r"p q \le \frac{1}{4}"), "claim", "right", "mpmath: p(1 - p) <= 1/4 at 41 points of (0, 1)", "0 < p < 1",
      lambda: _holds(lambda p: p * (1 - p), lambda p: mp.mpf(1) / 4, "<=", UNIT + [mp.mpf(1) / 2]))
label(AR, _line(r"\log(p q) < 0"), "claim", "right", "mpmath: log(p(1 - p)) < 0 at 41 points of (0, 1) (pq <= 1/4)",
      "0 < p < 1", lambda: _holds(lambda p: mp.log(p * (1 - p)), lambda p: 0, "<", UNIT))
label(AR, _line(r"-p \log p - q \log q \le \log 2"), "claim", "right",
      "mpmath: the binary entropy in nats <= log 2 at 41 points of (0, 1) and at 1/2 (equality)", "0 < p < 1",
      lambda: _holds(lambda p: -p * mp.log(p) - (1 - p) * mp.log(1 - p), lambda p: mp.log(2), "<=", UNIT + [mp.mpf(1) / 2]))
label(AR, _line(r"\frac{p}{q} > 1"), "claim", "wrong", "exact: p = 1/4 gives odds 1/3 (true only for p > 1/2)", "0 < p < 1",
      lambda: _holds(lambda p: p / (1 - p), lambda p: 1, ">", UNIT))
# ---------------------------------------------------------------- 2. where-clauses
label(AR, _line(r"\sigma(z) + \sigma(-z) = 1, \quad \text{where }"), "claim", "right",
      "mpmath: 1/(1 + e^-z) + 1/(1 + e^z) = 1 at 42 points of [-7, 7] (the where-clause defines sigma)", "",
      lambda: _holds(lambda v: _sigma(v) + _sigma(-v), lambda v: 1, "=", REAL))
S = 1 / (1 + sp.exp(-z))
label(AR, _line(r"\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr)"), "claim", "right",
      "sympy: diff(1/(1 + e^-z)) - s(1 - s) simplifies to 0", "", lambda: zero(sp.diff(S, z) - S * (1 - S)))
label(AR, _line(r"\sigma(z) = \frac{e^{z}}{1 + e^{-z}}"), "claim", "wrong",
      "mpmath: at z = 1, 0.731 against 1.987 (the denominator should be 1 + e^z)", "",
      lambda: _holds(_sigma, lambda v: mp.exp(v) / (1 + mp.exp(-v)), "=", REAL))
# ---------------------------------------------------------------- 3. cases written with a quad
label(AR, _line(r"|x| = -x \quad \text{if } x \le 0"), "claim", "right", "mpmath: |x| = -x at 41 points of [-7, 0]",
      "x <= 0", lambda: _holds(abs, lambda v: -v, "=", NONPOS))
label(AR, _line(r"\sqrt{x^2} = x \quad \text{if } x \ge 0"), "claim", "right", "mpmath: sqrt(x^2) = x at 41 points of [0, 7]",
      "x >= 0", lambda: _holds(lambda v: mp.sqrt(v * v), lambda v: v, "=", NONNEG))
label(AR, _line(r"\max(x, 0) = x \quad \text{if } x \le 0"), "claim", "wrong",
      "mpmath: at x = -1, max(-1, 0) = 0 against -1 (it is 0 for x <= 0)", "x <= 0",
      lambda: _holds(lambda v: max(v, 0), lambda v: v, "=", NONPOS))
# ---------------------------------------------------------------- 4. two derivations
label(AR, _line(r"\frac{d}{dx}\, x e^{x} &= e^{x} + x e^{x}"), "claim", "right",
      "sympy: diff(x e^x) = e^x + x e^x = (1 + x) e^x (both lines)", "",
      lambda: zero(sp.diff(x * sp.exp(x), x) - (sp.exp(x) + x * sp.exp(x)))
      and zero(sp.exp(x) + x * sp.exp(x) - (1 + x) * sp.exp(x)))
label(AR, _line(r"(a + b)^2 - (a - b)^2 &= "), "claim", "wrong",
      "sympy: the middle line 2ab is wrong (the difference is 4ab), so the chain fails at a = b = 1", "",
      lambda: zero((a + b) ** 2 - (a - b) ** 2 - (a**2 + 2 * a * b + b**2 - (a**2 - 2 * a * b + b**2)))
      and zero(a**2 + 2 * a * b + b**2 - (a**2 - 2 * a * b + b**2) - 2 * a * b) and zero(2 * a * b - 4 * a * b))
# ---------------------------------------------------------------- 5. approximations and proportionality
label(AR, _line(r"e^{0.1} \approx 1.105"), "claim", "right", "mpmath: e^0.1 = 1.10517..., 1.105 to the digits written", "",
      lambda: abs(mp.exp(mp.mpf("0.1")) - mp.mpf("1.105")) < mp.mpf("0.0005"))
label(AR, _line(r"\sqrt{2} \approx 1.515"), "claim", "wrong", "mpmath: sqrt 2 = 1.41421..., not 1.515 (digits swapped)", "",
      lambda: abs(mp.sqrt(2) - mp.mpf("1.515")) < mp.mpf("0.0005"))
nonclaim(AR, _text_line("As functions of $x$, with $\\mu$ fixed"), "condition", "x is the variable (mu fixed)", pick="x")
nonclaim(AR, _text_line("As functions of $x$, with $\\mu$ fixed"), "condition", "mu fixed", pick=r"\mu")


def _ratio_constant(num, den):
    """num(x)/den(x) is the same at 21 values of x for each mu in {-2, 0, 1/3, 5} (40 digits)."""
    with mp.workdps(40):
        for m in map(mp.mpf, ("-2", "0", "1/3", "5")):
            ratios = [num(v, m) / den(v, m) for v in _points(-5, 5, 21)]
            if max(abs(r - ratios[0]) for r in ratios) > mp.mpf(10) ** -30 * abs(ratios[0]):
                return False
    return True


label(AR, _line(r"\propto e^{x \mu - x^2 / 2}"), "claim", "right",
      "mpmath: the ratio is e^(-mu^2/2), the same at 21 values of x for each of four mu", "mu fixed, in x",
      lambda: _ratio_constant(lambda v, m: mp.exp(-(v - m) ** 2 / 2), lambda v, m: mp.exp(v * m - v * v / 2)))
label(AR, _line(r"\propto e^{-x^2 / 2}"), "claim", "wrong",
      "mpmath: the ratio e^(x mu - mu^2/2) changes with x for mu != 0 (mu = 1: e^(-1/2) at x = 0, e^(1/2) at x = 1)",
      "mu fixed, in x", lambda: _ratio_constant(lambda v, m: mp.exp(-(v - m) ** 2 / 2), lambda v, m: mp.exp(-v * v / 2)))
# ---------------------------------------------------------------- 6. definitions
nonclaim(AR, _line(r"s(x) &:= \log\left(1 + e^{x}\right)"), "definition", "s(x) := log(1 + e^x) (softplus)")
label(AR, _line(r"s(0) = \log 2"), "claim", "right", "exact: log(1 + e^0) = log 2", "s(x) = log(1 + e^x)",
      lambda: zero(sp.log(1 + sp.exp(0)) - sp.log(2)))
nonclaim(AR, _line(r"h(x) \triangleq x^2 - 2x"), "definition", "h(x) = x^2 - 2x")
label(AR, _line(r"h(3) = 3"), "claim", "right", "exact: 9 - 6 = 3", "h(x) = x^2 - 2x", lambda: 3**2 - 2 * 3 == 3)
label(AR, _line(r"h(1 + t) \equiv t^2 - 1"), "claim", "right", "sympy: (1 + t)^2 - 2(1 + t) - (t^2 - 1) expands to 0",
      "h(x) = x^2 - 2x", lambda: zero(sp.expand((1 + t) ** 2 - 2 * (1 + t) - (t**2 - 1))))
label(AR, _line(r"h(x) \equiv (x - 1)^2"), "claim", "wrong", "sympy: x^2 - 2x - (x - 1)^2 = -1, not 0", "h(x) = x^2 - 2x",
      lambda: zero(x**2 - 2 * x - (x - 1) ** 2))
# ---------------------------------------------------------------- 7. an index used twice (the inner sum binds its own k)
label(AR, _line(r"\sum_{k=1}^{n} \left( \sum_{k=1}^{3} k \right) = 6n"), "claim", "right",
      "exact: the inner sum is 1 + 2 + 3 = 6 whatever the outer k, so n terms of 6 (n = 1..40)", "n positive integer",
      lambda: all(sum(sum(k for k in range(1, 4)) for _ in range(1, m + 1)) == 6 * m for m in range(1, 41)))
label(AR, _line(r"\sum_{j=1}^{n} \left( \sum_{j=1}^{2} j \right) = 3"), "claim", "wrong",
      "exact: the inner sum is 3, the outer 3n: 6 against 3 at n = 2", "n positive integer",
      lambda: all(sum(sum(j for j in range(1, 3)) for _ in range(1, m + 1)) == 3 for m in range(1, 41)))
# ---------------------------------------------------------------- 8. indicators
def _ind(condition):
    return 1 if condition else 0


label(AR, _line(r"\mathbb{1}[x > 0] + \mathbb{1}[x \le 0] = 1"), "claim", "right", "exact: at 121 rationals of [-5, 5], 0 included",
      "", lambda: all(_ind(v > 0) + _ind(v <= 0) == 1 for v in RATIONALS))
label(AR, _line(r"\mathbb{1}[x > 0]\, x = \max(x, 0)"), "claim", "right", "exact: at 121 rationals of [-5, 5]", "",
      lambda: all(_ind(v > 0) * v == max(v, 0) for v in RATIONALS))
label(AR, _line(r"\mathbb{1}[x \ge 0] = \frac{1 + \operatorname{sign}(x)}{2}"), "claim", "wrong",
      "exact: at x = 0, 1 against (1 + 0)/2 = 1/2", "",
      lambda: all(_ind(v >= 0) == Fr(1 + (v > 0) - (v < 0), 2) for v in RATIONALS))
# ---------------------------------------------------------------- 9. floors
nonclaim(AR, _text_line("For every real $x$,"), "condition", "x real (to the next block's 'and for every integer n')", pick="x")
label(AR, _line(r"\lfloor x \rfloor \le x < \lfloor x \rfloor + 1"), "claim", "right", "exact: at 121 rationals of [-5, 5]", "",
      lambda: all(math.floor(v) <= v < math.floor(v) + 1 for v in RATIONALS))
label(AR, _line(r"\lfloor -x \rfloor = -\lfloor x \rfloor"), "claim", "wrong", "exact: at x = 1/2, -1 against 0 (holds at integers only)",
      "", lambda: all(math.floor(-v) == -math.floor(v) for v in RATIONALS))
nonclaim(AR, _text_line("and for every integer $n$,"), "condition", "n integer", pick="n")
label(AR, _line(r"\left\lceil \frac{n}{2} \right\rceil + \left\lfloor \frac{n}{2} \right\rfloor = n"), "claim", "right",
      "exact: n = -40..40", "n integer", lambda: all(math.ceil(Fr(m, 2)) + math.floor(Fr(m, 2)) == m for m in INTEGERS))
# ---------------------------------------------------------------- 10. small matrices
M = np.array([[1, 2], [3, 4]])
label(AR, _line(r"\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} \begin{bmatrix} 1 \\ 1 \end{bmatrix}"), "claim", "right",
      "numpy (integers): [[1, 2], [3, 4]] [1, 1]^T = [3, 7]^T", "", lambda: (M @ np.array([1, 1])).tolist() == [3, 7])
label(AR, _line(r"\det \begin{bmatrix} 2 & 1 \\ 1 & 2 \end{bmatrix} = 3"), "claim", "right", "exact: 2*2 - 1*1 = 3", "",
      lambda: 2 * 2 - 1 * 1 == 3)
P = np.array([[0, 1], [1, 0]])
label(AR, _line(r"\begin{bmatrix} 0 & 1 \\ 1 & 0 \end{bmatrix}^2"), "claim", "wrong",
      "numpy (integers): the swap squared is the identity, not the swap", "", lambda: (P @ P).tolist() == P.tolist())
label(AR, _line(r"\operatorname{tr} \begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix} = 5"), "claim", "right", "exact: 1 + 4 = 5",
      "", lambda: int(np.trace(M)) == 5)
# ---------------------------------------------------------------- 11. maximizers
label(AR, _line(r"\operatorname*{arg\,max}_{x} \left( 5 - (x - 3)^2 \right) = 3"), "claim", "right",
      "sympy: the only stationary point of 5 - (x - 3)^2 is 3, and the second derivative is -2 < 0", "",
      lambda: sp.solve(sp.diff(5 - (x - 3) ** 2, x), x) == [3] and sp.diff(5 - (x - 3) ** 2, x, 2) < 0)
label(AR, _line(r"\operatorname*{arg\,max}_{p} \; p (1 - p) = \frac{1}{4}"), "claim", "wrong",
      "sympy: the maximizer of p(1 - p) is 1/2; 1/4 is the maximum value", "",
      lambda: sp.solve(sp.diff(x * (1 - x), x), x) == [sp.Rational(1, 4)])
# ---------------------------------------------------------------- 12. a footnote (code spans are not mathematics)
nonclaim(AR, _text_line("regularized with a weight $\\lambda \\ge 0$"), "condition", "lambda >= 0", pick=r"\lambda \ge 0")
nonclaim(AR, _text_line("[^1]: With $\\lambda = 0$"), "example", "lambda = 0 in a footnote: a local example", pick=r"\lambda = 0")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
