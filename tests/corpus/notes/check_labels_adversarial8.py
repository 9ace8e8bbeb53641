r"""Independent checks of the hand labels of adversarial_round8.md (the adversarial round 8 of the
step checker's adversarial review): correct lines that a reader could take for wrong ones, conditions stated in the
prose before a block, a function and a constant redefined, ``i`` as an index and as the imaginary unit, labels in
superscripts, a letter applied as a function or multiplied, and functions of cases (without a final "otherwise",
overlapping, undefined at a kink).  Three slips are planted as controls.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy or mpmath that
returns True when the block's claim holds *as its author means it*.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_adversarial8.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_adversarial8.py --write   # also merge these labels into labels.json
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
AR = "adversarial_round8.md"
x, y, a, b, c, t, u, v, z, lam, theta = sp.symbols("x y a b c t u v z lambda theta", real=True)
xp, yp = sp.symbols("x y", positive=True)
n = sp.Symbol("n", integer=True, positive=True)
GRID = [mp.mpf(k) / 7 for k in range(-70, 71)] + [mp.mpf(10) ** k for k in range(-8, 9)]
"""Real points for identities of cases and of the clip: multiples of 1/7 in [-10, 10] (0 and the kinks +-1 among
them) and powers of ten."""


def _grid_holds(fn) -> bool:
    with mp.workdps(30):
        return all(fn(p) for p in GRID + [-p for p in GRID])


# ---------------------------------------------------------------- 1. conditions before the block
nonclaim(AR, 9, "condition", "x > 0 (for the section)", pick="x > 0")
nonclaim(AR, 9, "condition", "y > 0 (for the section)", pick="y > 0")
label(AR, 11, "claim", "right", "sympy: expand_log(log(x*y)) - log x - log y = 0 for positive x, y", "x > 0, y > 0",
      lambda: zero(sp.expand_log(sp.log(xp * yp)) - sp.log(xp) - sp.log(yp)))
label(AR, 17, "claim", "right", "sympy: sqrt(x**2) - x = 0 for positive x", "x > 0",
      lambda: zero(sp.sqrt(xp**2) - xp))
nonclaim(AR, 21, "no-claim", "n named (a positive integer)", pick="n")
nonclaim(AR, 21, "no-claim", "the last odd number named", pick="2n - 1")
label(AR, 23, "claim", "right", "sympy: Sum(2k - 1, (k, 1, n)).doit() - n**2 = 0 for a positive integer n", "n >= 1",
      lambda: zero(sp.Sum(2 * sp.Symbol("k", integer=True) - 1, (sp.Symbol("k", integer=True), 1, n)).doit() - n**2))
nonclaim(AR, 27, "no-claim", "the base -1 named")
label(AR, 29, "claim", "right", "sympy: (-1)**(2n) = 1 for an integer n, and exact at n = 1..6", "n a positive integer",
      lambda: sp.simplify((-1)**(2 * n)) == 1 and all((-1)**(2 * k) == 1 for k in range(1, 7)))
nonclaim(AR, 33, "condition", "a != b")
label(AR, 35, "claim", "right", "sympy: cancel((a**2 - b**2)/(a - b)) = a + b (defined where a != b)", "a != b",
      lambda: zero(sp.cancel((a**2 - b**2) / (a - b)) - (a + b)))
nonclaim(AR, 39, "condition", "t >= 1")
label(AR, 41, "claim", "right", "mpmath: sqrt(t-1) sqrt(t+1) = sqrt(t^2-1) at t = 1, 1 + 10^-k, 2, 10, 10^6 (both "
      "factors real there); it fails for t <= -1, excluded by the condition", "t >= 1",
      lambda: all(abs(mp.sqrt(s - 1) * mp.sqrt(s + 1) - mp.sqrt(s**2 - 1)) < mp.mpf(10) ** -20
                  for s in [mp.mpf(1), 1 + mp.mpf(10) ** -12, mp.mpf(2), mp.mpf(10), mp.mpf(10) ** 6]))
nonclaim(AR, 45, "condition", "-pi/2 <= u <= pi/2")
label(AR, 47, "claim", "right", "mpmath: asin(sin u) = u at 41 points of [-pi/2, pi/2], ends included", "|u| <= pi/2",
      lambda: all(abs(mp.asin(mp.sin(s)) - s) < mp.mpf(10) ** -20
                  for s in [-mp.pi / 2 + k * mp.pi / 40 for k in range(41)]))

# ---------------------------------------------------------------- 2. redefinitions
nonclaim(AR, 53, "definition", "f(x) = x^2 (the first example)")
label(AR, 55, "claim", "right", "exact: 3**2 = 9 (the first f)", "f(x) = x^2", lambda: 3**2 == 9)
nonclaim(AR, 59, "definition", "f(x) = 2x + 1 (the redefinition)")
label(AR, 61, "claim", "right", "exact: 2*3 + 1 = 7 (the second f)", "f(x) = 2x + 1", lambda: 2 * 3 + 1 == 7)
nonclaim(AR, 65, "no-claim", "f named")
label(AR, 67, "claim", "right", "sympy: with f(x) = 2x + 1, f(a+b) - (f(a) + f(b) - 1) expands to 0", "f(x) = 2x + 1",
      lambda: zero((2 * (a + b) + 1) - ((2 * a + 1) + (2 * b + 1) - 1)))
nonclaim(AR, 71, "example", "c = 2", pick="c = 2")
label(AR, 71, "claim", "right", "exact: 2**2 = 4", "c = 2", lambda: 2**2 == 4, pick="c^2 = 4")
nonclaim(AR, 71, "example", "c = 3 (the redefinition)", pick="c = 3")
label(AR, 73, "claim", "right", "exact: 3**2 + 1 = 10 (c = 3, the later value)", "c = 3", lambda: 3**2 + 1 == 10)
nonclaim(AR, 77, "example", "m = 5", pick="m = 5")
label(AR, 77, "claim", "right", "exact: 2*5 = 10", "m = 5", lambda: 2 * 5 == 10, pick="2m = 10")
label(AR, 79, "claim", "right", "exact: 1 + 2 + 3 = 6 (m bound by the sum, not the m = 5 above)", "",
      lambda: sum(range(1, 4)) == 6)

# ---------------------------------------------------------------- 3. the letter i
nonclaim(AR, 85, "no-claim", "i named (an index)")
label(AR, 87, "claim", "right", "exact: 1 + 2 + 3 + 4 = 10", "", lambda: sum(range(1, 5)) == 10)
label(AR, 91, "claim", "right", "sympy: Sum(i**2, (i, 1, n)).doit() - n(n+1)(2n+1)/6 = 0", "n a positive integer",
      lambda: zero(sp.Sum(sp.Symbol("i", integer=True)**2, (sp.Symbol("i", integer=True), 1, n)).doit()
                   - n * (n + 1) * (2 * n + 1) / 6))
nonclaim(AR, 95, "no-claim", "i named (the imaginary unit)", pick="i")
label(AR, 95, "claim", "right", "sympy: I**2 = -1", "", lambda: sp.I**2 == -1, pick="i^2 = -1")
label(AR, 97, "claim", "right", "sympy: exp(I*theta) - cos(theta) - I*sin(theta) rewrites to 0 (theta real)", "",
      lambda: zero((sp.exp(sp.I * theta) - sp.cos(theta) - sp.I * sp.sin(theta)).rewrite(sp.cos)))
label(AR, 103, "claim", "right", "sympy: Abs(exp(I*theta)) = 1 for real theta", "",
      lambda: sp.simplify(sp.Abs(sp.exp(sp.I * theta))) == 1)
nonclaim(AR, 107, "no-claim", "1 + i named")
label(AR, 109, "claim", "right", "sympy: expand((1 + I)**2) = 2*I", "", lambda: sp.expand((1 + sp.I)**2) == 2 * sp.I)
label(AR, 115, "claim", "right", "sympy: exp(I*pi) + 1 = 0", "", lambda: sp.exp(sp.I * sp.pi) + 1 == 0)
nonclaim(AR, 119, "no-claim", "1 + i named")
label(AR, 121, "claim", "wrong", "sympy: expand((1 + I)**2) = 2*I, not 2 (planted control)", "",
      lambda: sp.expand((1 + sp.I)**2) == 2)

# ---------------------------------------------------------------- 4. labels in superscripts
nonclaim(AR, 127, "example", "x^(1) = 2 (a sample, not a power)", pick="x^{(1)} = 2")
nonclaim(AR, 127, "example", "x^(2) = 6 (a sample, not a power)", pick="x^{(2)} = 6")
label(AR, 129, "claim", "right", "exact: (2 + 6)/2 = 4", "x^(1) = 2, x^(2) = 6", lambda: (2 + 6) / 2 == 4)
label(AR, 135, "claim", "right", "exact: (6 - 2)**2 = 16", "x^(1) = 2, x^(2) = 6", lambda: (6 - 2)**2 == 16)
nonclaim(AR, 139, "definition", "h^[1] = w^[1] x", pick="h^{[1]} = w^{[1]} x")
nonclaim(AR, 139, "definition", "h^[2] = w^[2] h^[1]", pick="h^{[2]} = w^{[2]} h^{[1]}")


def _chain():
    w1, w2 = sp.symbols("w1 w2", real=True)
    return zero(sp.diff(w2 * (w1 * x), x) - w2 * w1)


label(AR, 141, "claim", "right", "sympy: d/dx of w2 (w1 x) = w2 w1 (the superscripts are layer labels)", "", _chain)
nonclaim(AR, 145, "example", "y^pred = 3", pick="y^{\\text{pred}} = 3")
nonclaim(AR, 145, "example", "y^true = 1", pick="y^{\\text{true}} = 1")
label(AR, 147, "claim", "right", "exact: (3 - 1)**2 = 4", "y^pred = 3, y^true = 1", lambda: (3 - 1)**2 == 4)
label(AR, 153, "claim", "wrong", "exact: (2 + 6)/2 = 4, not 3 (planted control; 3 is the mean of 2 and 2^2 = 4, the "
      "power misreading)", "x^(1) = 2, x^(2) = 6", lambda: (2 + 6) / 2 == 3)

# ---------------------------------------------------------------- 5. applied or multiplied
nonclaim(AR, 159, "definition", "g(x) = 3x")
label(AR, 161, "claim", "right", "sympy: 3(x + 1) - (3x + 3) expands to 0", "g(x) = 3x",
      lambda: zero(3 * (x + 1) - (3 * x + 3)))
for _name in "abc":
    nonclaim(AR, 165, "no-claim", f"{_name} named", pick=_name)
label(AR, 167, "claim", "right", "sympy: a(b + c) - ab - ac expands to 0 (a product, not a call)", "",
      lambda: zero(a * (b + c) - a * b - a * c))
nonclaim(AR, 171, "condition", "p in [0, 1]", pick="p \\in [0, 1]")
nonclaim(AR, 171, "no-claim", "the variance named", pick="p(1 - p)")
label(AR, 173, "claim", "right", "sympy: 1/4 - p(1 - p) = (p - 1/2)**2 >= 0 for every real p", "p in [0, 1]",
      lambda: zero(sp.Rational(1, 4) - x * (1 - x) - (x - sp.Rational(1, 2))**2))
nonclaim(AR, 177, "definition", "the sigmoid defined")


def _sigmoid_slope():
    s = 1 / (1 + sp.exp(-z))
    return zero(s * (1 - s) - sp.exp(-z) / (1 + sp.exp(-z))**2)


label(AR, 179, "claim", "right", "sympy: sigma(z)(1 - sigma(z)) - e^-z/(1 + e^-z)^2 simplifies to 0", "", _sigmoid_slope)
nonclaim(AR, 183, "no-claim", "lambda named")
label(AR, 185, "claim", "right", "sympy: lambda(u + v) - lambda u - lambda v expands to 0", "",
      lambda: zero(lam * (u + v) - lam * u - lam * v))
label(AR, 191, "claim", "wrong", "sympy: lambda(u + v) - lambda u - v = (lambda - 1) v, not 0 (planted control)", "",
      lambda: zero(lam * (u + v) - lam * u - v))

# ---------------------------------------------------------------- 6. cases and kinks
def _overlapping_cases(p, q):
    """The cases as written: x where x >= y, y where y >= x; where both hold (x = y) both branches must agree."""
    values = [v for v, holds in ((p, p >= q), (q, q >= p)) if holds]
    return values[0] if len(set(values)) == 1 else None


label(AR, 199, "claim", "right", "mpmath: |x| against the cases at 316 points (0 included; the cases cover the line)",
      "", lambda: _grid_holds(lambda p: abs(p) == (p if p >= 0 else -p)))
label(AR, 205, "claim", "right", "mpmath: max(x, y) against the overlapping cases at 316^2/4 point pairs (where both "
      "conditions hold, x = y, both branches agree)", "",
      lambda: all(max(p, q) == _overlapping_cases(p, q) for p in GRID[::2] for q in GRID[::2]))


def _ramp_slope():
    """Central differences of max(0, z) at z != 0 (step 1e-20, below every |z| on the grid) give 1 or 0."""
    with mp.workdps(60):  # 1e8 +- 1e-20 needs 28 digits, the quotient 15 more
        h = mp.mpf(10) ** -20
        return all(abs((max(0, p + h) - max(0, p - h)) / (2 * h) - (1 if p > 0 else 0)) < mp.mpf(10) ** -15
                   for p in GRID + [-p for p in GRID] if p != 0)


label(AR, 211, "claim", "right", "mpmath: central differences of max(0, z) at the grid's nonzero points are 1 for "
      "z > 0, 0 for z < 0; at z = 0 neither side claims a value", "z != 0", _ramp_slope)
label(AR, 217, "claim", "right", "mpmath: min(max(z, -1), 1) = max(-1, min(z, 1)) at 316 points (the clip; -1 <= 1)",
      "", lambda: _grid_holds(lambda p: min(max(p, -1), 1) == max(-1, min(p, 1))))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
