r"""Independent checks of the hand labels of scope_round1.md (round 24, branch scope13): what a sentence or an
environment governs.  Definitions made inside an example or exercise (MyST ``prf:`` directives, bold ``Example``
labels ended by a square) that shadow the chapter's own ``f``, ``g``, ``h`` only inside it; a theorem's hypothesis
that governs its proof; hypotheses stated with every verb (suppose, assume, if, given, whenever, provided, let ... such
that, consider, for, where), before or after the block; an operator defined in words (the forward difference
``\Delta``) and restatements ("in other words", "that is", "equivalently", "put differently").  Two slips are
planted: a derivative with the wrong sign inside a proof, and ``\log A < 0`` under ``A > 1``.  Labelled before
Formulary was run on the file.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy or mpmath that
returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round24.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round24.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
SR = "scope_round1.md"
x, y, t, u, v, n = sp.symbols("x y t u v n", real=True)
F, G, H = sp.exp(2 * x), sp.cos(x), sp.log(1 + t**2)  # the chapter's f, g, h
LOCAL_F, LOCAL_G, LOCAL_H = x**3 - x, sp.sin(x), t**2 + 1  # the example's and the exercise's
GRID = [mp.mpf(j) / 7 for j in range(-70, 71)] + [mp.mpf(10) ** j for j in range(-8, 9)]
"""Real points: multiples of 1/7 in [-10, 10] and powers of ten."""


def _on(cond, fn, dps=40) -> bool:
    """fn(p) at every grid point p with cond(p)."""
    with mp.workdps(dps):
        return all(fn(p) for p in GRID if cond(p))


def _seq(check) -> bool:
    """check(a, b, k) for k = 0..19 on five pairs of random integer sequences a, b (seeds 0..4)."""
    import random

    for seed in range(5):
        rnd = random.Random(seed)
        a = [rnd.randint(-9, 9) for _ in range(30)]
        b = [rnd.randint(-9, 9) for _ in range(30)]
        if not all(check(a, b, k) for k in range(20)):
            return False
    return True


def _delta(s, k):
    """The forward difference of the sequence s at k: s[k+1] - s[k]."""
    return s[k + 1] - s[k]


# ---------------------------------------------------------------- 1. the chapter's f, g, h against local ones
nonclaim(SR, 8, "definition", "f(x) = e^(2x) (chapter)", pick="f(x) = e^{2x}")
nonclaim(SR, 8, "definition", "g(x) = cos x (chapter)", pick="g(x) = \\cos x")
nonclaim(SR, 8, "definition", "h(t) = log(1 + t^2) (chapter)", pick="h(t) = \\log(1 + t^2)")
label(SR, 12, "claim", "right", "sympy: d/dx e^(2x) = 2 e^(2x)", "f(x) = e^(2x)", lambda: zero(sp.diff(F, x) - 2 * F))
label(SR, 14, "claim", "right", "exact: log(1 + 0) = 0", "h(t) = log(1 + t^2)", lambda: H.subs(t, 0) == 0)
nonclaim(SR, 17, "definition", "f(x) = x^3 - x inside the example only")
label(SR, 19, "claim", "right", "exact: 1 - 1 = 0 (the example's f)", "f(x) = x^3 - x (example)",
      lambda: LOCAL_F.subs(x, 1) == 0)
label(SR, 23, "claim", "right", "sympy: d/dx (x^3 - x) = 3x^2 - 1 (the example's f)", "f(x) = x^3 - x (example)",
      lambda: zero(sp.diff(LOCAL_F, x) - (3 * x**2 - 1)))
label(SR, 28, "claim", "right", "exact: e^0 = 1 (the chapter's f; the example's would give 0)", "f(x) = e^(2x)",
      lambda: F.subs(x, 0) == 1)
label(SR, 30, "claim", "right", "exact: e^(2*1) = e^2 (the example's f would give 0)", "f(x) = e^(2x)",
      lambda: zero(F.subs(x, 1) - sp.exp(2)))
nonclaim(SR, 32, "definition", "h(t) = t^2 + 1 inside Example 1.2 only")
label(SR, 34, "claim", "right", "exact: 2^2 + 1 = 5 (Example 1.2's h)", "h(t) = t^2 + 1 (example)",
      lambda: LOCAL_H.subs(t, 2) == 5)
label(SR, 40, "claim", "right", "exact: log(1 + 1) = log 2 (the chapter's h; Example 1.2's gives 2)", "h(t) = log(1 + t^2)",
      lambda: zero(H.subs(t, 1) - sp.log(2)))
nonclaim(SR, 42, "example", "t = 3 in Example 1.3", pick="t = 3")
label(SR, 42, "claim", "right", "exact: log(1 + 3^2) = log 10 (the chapter's h at t = 3)", "t = 3",
      lambda: zero(H.subs(t, 3) - sp.log(10)), pick="h(t) = \\log 10")
nonclaim(SR, 45, "definition", "g(x) = sin x inside the exercise only", pick="g(x) = \\sin x")
label(SR, 45, "claim", "right", "exact: sin 0 = 0 (the exercise's g)", "g(x) = sin x (exercise)",
      lambda: LOCAL_G.subs(x, 0) == 0, pick="g(0) = 0")
label(SR, 45, "claim", "right", "exact: cos 0 = 1 (derivative of the exercise's g)", "g(x) = sin x (exercise)",
      lambda: sp.diff(LOCAL_G, x).subs(x, 0) == 1, pick="g'(0) = 1")
label(SR, 48, "claim", "right", "sympy: cos(-x) = cos x (the chapter's g; sin is odd)", "g(x) = cos x",
      lambda: zero(G.subs(x, -x) - G))
label(SR, 50, "claim", "right", "exact: cos 0 = 1 (the chapter's g; the exercise's gives 0)", "g(x) = cos x",
      lambda: G.subs(x, 0) == 1)

# ---------------------------------------------------------------- 2. theorem, lemma and their proofs
nonclaim(SR, 54, "condition", "x > 0: the theorem's hypothesis, in force in its proof")
label(SR, 56, "claim", "right", "mpmath: log p <= p - 1 at the positive grid points", "x > 0",
      lambda: _on(lambda p: p > 0, lambda p: mp.log(p) <= p - 1))
nonclaim(SR, 58, "definition", "u(x) = x - 1 - log x inside the proof")
label(SR, 60, "claim", "right", "sympy: d/dx (x - 1 - log x) = 1 - 1/x", "u(x) = x - 1 - log x",
      lambda: zero(sp.diff(x - 1 - sp.log(x), x) - (1 - 1 / x)))
nonclaim(SR, 62, "example", "x = 1, the point where u' vanishes", pick="x = 1")
label(SR, 62, "claim", "right", "sympy: second derivative of x - 1 - log x is 1/x^2", "u(x) = x - 1 - log x",
      lambda: zero(sp.diff(x - 1 - sp.log(x), x, 2) - 1 / x**2), pick="u''(x) = \\frac{1}{x^2}")
label(SR, 62, "claim", "right", "mpmath: u(p) >= 0 = u(1) at the positive grid points", "x > 0, u(x) = x - 1 - log x",
      lambda: _on(lambda p: p > 0, lambda p: p - 1 - mp.log(p) >= -mp.mpf(10) ** -35)
      and (1 - 1 - sp.log(1)) == 0, pick="u(x) \\ge u(1) = 0")
nonclaim(SR, 64, "condition", "y > -1: the lemma's hypothesis")
label(SR, 66, "claim", "right", "mpmath: log(1 + q) <= q at the grid points above -1", "y > -1",
      lambda: _on(lambda q: q > -1, lambda q: mp.log1p(q) <= q))
nonclaim(SR, 68, "example", "x = 1 + y, a substitution in the proof", pick="x = 1 + y")
nonclaim(SR, 68, "condition", "x > 0, a consequence of y > -1 restated as the reason", pick="x > 0")
label(SR, 70, "claim", "right", "mpmath: each link at x = 1 + q for the grid points q > -1", "x = 1 + y, y > -1",
      lambda: _on(lambda q: q > -1, lambda q: mp.log1p(q) == mp.log(1 + q) and mp.log(1 + q) <= q
                  and (1 + q) - 1 == q))
label(SR, 74, "claim", "wrong", "sympy: d/dx (x - 1 - log x) = 1 - 1/x; at x = 1 it is 0, not 2", "",
      lambda: zero(sp.diff(x - 1 - sp.log(x), x) - (1 + 1 / x)))
nonclaim(SR, 78, "example", "u = 2 after the proofs", pick="u = 2")
nonclaim(SR, 78, "example", "v = 3", pick="v = 3")
label(SR, 78, "claim", "right", "exact: 2 + 3 = 5", "u = 2, v = 3", lambda: 2 + 3 == 5, pick="u + v = 5")

# ---------------------------------------------------------------- 3. hypotheses in prose
nonclaim(SR, 82, "condition", "suppose a > b")
nonclaim(SR, 84, "condition", "assume p = q: a hypothesis, not a claim")
nonclaim(SR, 86, "condition", "if s = 2r", pick="s = 2r")
label(SR, 86, "claim", "right", "sympy: (2r)^2 = 4r^2", "s = 2r",
      lambda: zero((2 * sp.Symbol("r")) ** 2 - 4 * sp.Symbol("r") ** 2), pick="s^2 = 4r^2")
nonclaim(SR, 88, "condition", "given m = n + 1", pick="m = n + 1")
label(SR, 88, "claim", "right", "sympy: (n + 1) - n = 1", "m = n + 1", lambda: zero((n + 1) - n - 1), pick="m - n = 1")
nonclaim(SR, 90, "condition", "whenever y != 0", pick="y \\ne 0")
label(SR, 90, "claim", "right", "sympy: y^2/y - y = 0 for y != 0", "y != 0", lambda: zero(y**2 / y - y),
      pick="\\frac{y^2}{y} = y")
nonclaim(SR, 92, "condition", "provided c > 0", pick="c > 0")
label(SR, 92, "claim", "right", "sympy: sqrt(c^2) = c for positive c", "c > 0",
      lambda: zero(sp.sqrt(sp.Symbol("c", positive=True) ** 2) - sp.Symbol("c", positive=True)),
      pick="\\sqrt{c^2} = c")
nonclaim(SR, 94, "condition", "let k be such that k^2 = 9")
nonclaim(SR, 96, "example", "consider w = 4")
label(SR, 98, "claim", "right", "exact: sqrt(4) = 2", "w = 4", lambda: sp.sqrt(4) == 2)
nonclaim(SR, 100, "example", "z = -1", pick="z = -1")
label(SR, 100, "claim", "right", "exact: (-1)^3 = -1", "z = -1", lambda: (-1) ** 3 == -1, pick="z^3 = -1")
nonclaim(SR, 104, "condition", "suppose that alpha + beta = 1")
label(SR, 108, "claim", "right", "sympy: a^2 - b^2 - (a - b) = (a - b)(a + b - 1) = 0 at b = 1 - a", "alpha + beta = 1",
      lambda: zero((x**2 - (1 - x) ** 2) - (x - (1 - x))))
nonclaim(SR, 110, "condition", "suppose A > 1")
label(SR, 112, "claim", "wrong", "mpmath: log A > 0 for A > 1 (log 2 = 0.69)", "A > 1",
      lambda: _on(lambda p: p > 1, lambda p: mp.log(p) < 0))
label(SR, 114, "claim", "right", "sympy: (x^2 - 1)/(x - 1) - (x + 1) cancels to 0 for x != 1", "x != 1",
      lambda: zero(sp.cancel((x**2 - 1) / (x - 1)) - (x + 1)))
nonclaim(SR, 116, "condition", "where x != 1")

# ---------------------------------------------------------------- 4. an operator defined in words
nonclaim(SR, 120, "definition", "the forward difference: Delta a_n = a_{n+1} - a_n", pick="\\Delta a_n = a_{n+1} - a_n")
label(SR, 125, "claim", "right", "exact: the product rule on integer sequences, five draws, n = 0..19", "Delta a_n = a_{n+1} - a_n",
      lambda: _seq(lambda a, b, k: a[k + 1] * b[k + 1] - a[k] * b[k]
                   == a[k + 1] * _delta(b, k) + b[k] * _delta(a, k)))
label(SR, 127, "claim", "right", "exact: linearity on the same draws", "Delta a_n = a_{n+1} - a_n",
      lambda: _seq(lambda a, b, k: (a[k + 1] + b[k + 1]) - (a[k] + b[k]) == _delta(a, k) + _delta(b, k)))
label(SR, 129, "claim", "right", "exact: Delta(Delta a)_n = a_{n+2} - 2a_{n+1} + a_n on the same draws",
      "Delta a_n = a_{n+1} - a_n",
      lambda: _seq(lambda a, b, k: _delta(a, k + 1) - _delta(a, k) == a[k + 2] - 2 * a[k + 1] + a[k]))
nonclaim(SR, 131, "example", "a_n = n^2", pick="a_n = n^2")
label(SR, 131, "claim", "right", "sympy: (n + 1)^2 - n^2 = 2n + 1", "a_n = n^2", lambda: zero((n + 1) ** 2 - n**2 - (2 * n + 1)),
      pick="\\Delta a_n = 2n + 1")

# ---------------------------------------------------------------- 5. restatements
nonclaim(SR, 135, "definition", "the mean x-bar", pick="\\bar{x} = \\frac{1}{n}\\sum_{i=1}^n x_i")


def _mean(check) -> bool:
    """check(xs, mean) on small integer samples of sizes 1..6, exact rationals."""
    import random

    rnd = random.Random(24)
    for size in range(1, 7):
        xs = [sp.Integer(rnd.randint(-9, 9)) for _ in range(size)]
        if not check(xs, sp.Rational(sum(xs), size)):
            return False
    return True


label(SR, 137, "claim", "right", "exact: n times the mean is the sum, samples of sizes 1..6", "x-bar the mean",
      lambda: _mean(lambda xs, m: len(xs) * m == sum(xs)))
label(SR, 141, "claim", "right", "exact: deviations from the mean sum to 0, samples of sizes 1..6", "x-bar the mean",
      lambda: _mean(lambda xs, m: sum(xi - m for xi in xs) == 0))
label(SR, 143, "claim", "right", "mpmath: e^p >= 1 + p at every grid point", "",
      lambda: _on(lambda p: True, lambda p: mp.exp(p) >= 1 + p), pick="e^x \\ge 1 + x")
nonclaim(SR, 145, "condition", "x > 0", pick="x > 0")
label(SR, 145, "claim", "right", "mpmath: e^-p < 1 at the positive grid points", "x > 0",
      lambda: _on(lambda p: p > 0, lambda p: mp.exp(-p) < 1), pick="e^{-x} < 1")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
