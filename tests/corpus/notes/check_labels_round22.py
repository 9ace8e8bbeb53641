r"""Independent checks of the hand labels of adversarial_round11.md (round 11 of the step checker's adversarial
review, branch adversary12): conditions stated in prose sentences before the blocks they govern (a temperature
``t > 0`` and ``x >= y``), a loss defined by cases and used later (Huber), a name redefined in a later section
(``g`` from softplus to ``log(1 + x)``), ``\forall``/``\exists``, ``\triangleq``, ``\approx`` (for large and for
small x), ``\propto`` (Gaussian products), ``\sim``, chains of ``\le`` with one weak link, properties stated in words
("is convex", "is increasing", "is at most"), numbered equations substituted later ("substituting (2) into (1)") and
matrices of stated shapes.  Ten slips are planted, most holding in one regime only (the Huber bound fails at the seam
|r| = 1 alone, the means chain's last link for small numbers, the quantifier on (-1, 0) only).  Labelled before
Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy or mpmath that
returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round22.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round22.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round11.md"
x, y, a, b, th, t, be, g = sp.symbols("x y a b theta t beta g", real=True)
GRID = [mp.mpf(j) / 7 for j in range(-140, 141)] + [mp.mpf(10) ** j for j in range(-8, 9)]
"""Real points: multiples of 1/7 in [-20, 20], powers of ten and their negatives."""
GRID += [-p for p in GRID[-17:]]
POS = [p for p in GRID if p > 0]
EPS = mp.mpf(10) ** -30
"""Room for rounding where two sides meet (x = y, t > 0): 40-digit work, so 1e-30 of slack; every slip fails by
more than 0.1."""


def _all(fn, points=None, dps=40) -> bool:
    with mp.workdps(dps):
        return all(fn(p) for p in (GRID if points is None else points))


def _pairs(fn, dps=40) -> bool:
    """fn(x, y) on pairs of the positive grid points (every 7th, to stay quick)."""
    pts = POS[::7] + [mp.mpf(1) / 2, mp.mpf(1), mp.mpf(2)]
    with mp.workdps(dps):
        return all(fn(p, q) for p in pts for q in pts)


def _huber(r):
    return r**2 / 2 if abs(r) <= 1 else abs(r) - mp.mpf(1) / 2


SEAM = [s * (1 + e) for s in (-1, 1) for e in (mp.mpf(0), mp.mpf(10) ** -30, -mp.mpf(10) ** -30)]
"""The Huber loss's seam |r| = 1 and points 1e-30 either side."""


def _huber_derivative() -> bool:
    """h'(r) from one-sided quotients (h = 1e-20) equals the clip at the grid and at the seam (both sides agree)."""
    with mp.workdps(60):
        step = mp.mpf(10) ** -20
        for r in GRID + SEAM:
            right = (_huber(r + step) - _huber(r)) / step
            left = (_huber(r) - _huber(r - step)) / step
            clip = max(-1, min(1, r))
            if abs(right - clip) > 10**-15 or abs(left - clip) > 10**-15:
                return False
        return True


def _softmax_t_derivative() -> bool:
    """d/dt e^(x/t)/(e^(x/t) + e^(y/t)) <= 0 for t > 0, x >= y (sympy's derivative, then mpmath on triples)."""
    s = sp.exp(x / t) / (sp.exp(x / t) + sp.exp(y / t))
    d = sp.lambdify((x, y, t), sp.diff(s, t), "mpmath")
    vals = [mp.mpf(v) for v in ("-3", "-1", "0", "0.5", "1", "2", "10")]
    with mp.workdps(40):
        return all(d(p, q, T) <= mp.mpf(10) ** -30 for p in vals for q in vals if p >= q for T in (mp.mpf("0.1"), mp.mpf(1), mp.mpf(7)))


def _smooth_max(bound_is_x) -> bool:
    vals = [mp.mpf(v) for v in ("-3", "-1", "0", "0.5", "1", "2", "10")]
    with mp.workdps(40):
        return all(T * mp.log(mp.exp(p / T) + mp.exp(q / T)) <= (p if bound_is_x else q) + T * mp.log(2) + EPS
                   for p in vals for q in vals if p >= q for T in (mp.mpf("0.1"), mp.mpf(1), mp.mpf(7)))


def _ratio_free_of(lhs, rhs, var) -> bool:
    return sp.diff(sp.simplify(sp.expand(sp.log(lhs) - sp.log(rhs), force=True)), var) == 0


def _mgf() -> bool:
    z = sp.Symbol("z", real=True)
    return zero(sp.integrate(sp.exp(t * z) * sp.exp(-z**2 / 2) / sp.sqrt(2 * sp.pi), (z, -sp.oo, sp.oo)) - sp.exp(t**2 / 2))


def _convex(f) -> bool:
    """f'' >= 0 at every grid point (sympy's second derivative, mpmath values)."""
    d2 = sp.lambdify(x, sp.diff(f, x, 2), "mpmath")
    return _all(lambda p: d2(p) >= 0, dps=60)


def _ema(power_shift) -> bool:
    """Iterate (1) from (2) exactly (rationals) and compare with (1 - beta^(k + shift)) g for k = 0..30."""
    for B in (sp.Rational(1, 2), sp.Rational(9, 10), sp.Rational(-1, 3)):
        m = sp.Integer(0)
        for k in range(1, 31):
            m = B * m + (1 - B) * g
            if not zero(m - (1 - B ** (k + power_shift)) * g):
                return False
    return True


def _matrices(check) -> bool:
    """``check(A, B)`` for random integer A (m x n) and B (n x m), m, n in 1..4 (exact rationals)."""
    rng = random.Random(11)
    for _ in range(40):
        m, n = rng.randint(1, 4), rng.randint(1, 4)
        A = sp.Matrix(m, n, lambda i, j: rng.randint(-5, 5))
        B = sp.Matrix(n, m, lambda i, j: rng.randint(-5, 5))
        if not check(A, B):
            return False
    return True


def _frob(M):
    return sp.sqrt(sum(v**2 for v in M))


# ---------------------------------------------------------------- 1. conditions stated early
nonclaim(AR, 7, "condition", "x >= y for section 1 (t > 0 is stated in words)", pick="x \\ge y")
label(AR, 11, "claim", "right", "sympy's d/dt of the softmax probability, mpmath on triples with t > 0, x >= y",
      "t > 0, x >= y", _softmax_t_derivative)
label(AR, 17, "claim", "right", "mpmath: t log(e^(x/t) + e^(y/t)) <= x + t log 2 on triples with x >= y", "t > 0, x >= y",
      lambda: _smooth_max(True))
label(AR, 23, "claim", "wrong", "mpmath: at x = 1, y = 0, t = 1: log(1 + e) = 1.31 > log 2 = 0.69", "t > 0, x >= y",
      lambda: _smooth_max(False))

# ---------------------------------------------------------------- 2. Huber by cases
nonclaim(AR, 31, "definition", "h, the Huber loss by cases")
label(AR, 37, "claim", "right", "mpmath: the cases against r^2/2 on the grid and the seam", "",
      lambda: _all(lambda r: _huber(r) <= r**2 / 2, GRID + SEAM))
label(AR, 43, "claim", "right", "mpmath: the cases against |r| on the grid and the seam", "",
      lambda: _all(lambda r: _huber(r) <= abs(r), GRID + SEAM))
label(AR, 49, "claim", "wrong", "exact: at |r| = 1 the loss is 1/2 < 3/4 (elsewhere it holds: (|r| - 1)^2/2 >= 1/4 fails near 1)",
      "", lambda: _all(lambda r: _huber(r) >= abs(r) - mp.mpf(1) / 4, GRID + SEAM))
label(AR, 55, "claim", "right", "mpmath: one-sided quotients of the cases equal the clip, at the seam too", "",
      _huber_derivative)

# ---------------------------------------------------------------- 3-4. g redefined
nonclaim(AR, 61, "definition", "g(x) = log(1 + e^x) (section 3)", pick="g(x) = \\log(1 + e^{x})")
label(AR, 63, "claim", "right", "exact: log(1 + e^0) = log 2", "g(x) = log(1 + e^x)",
      lambda: zero(sp.log(1 + sp.exp(0)) - sp.log(2)))
nonclaim(AR, 69, "definition", "g(x) = log(1 + x) from section 4 on", pick="g(x) = \\log(1 + x)")
label(AR, 71, "claim", "right", "exact: log(1 + 0) = 0 (the first g would give log 2)", "g(x) = log(1 + x)",
      lambda: sp.log(1 + 0) == 0)
label(AR, 77, "claim", "right", "mpmath: log(1 + x) <= x for x > -1 on the grid (the first g is above x)", "g(x) = log(1 + x)",
      lambda: _all(lambda p: p <= -1 or mp.log1p(p) <= p))
label(AR, 83, "claim", "wrong", "exact: under the new g, g(1) = log 2, not log(1 + e)", "g(x) = log(1 + x)",
      lambda: zero(sp.log(2) - sp.log(1 + sp.E)))

# ---------------------------------------------------------------- 5. quantifiers
label(AR, 89, "claim", "right", "mpmath: log(1 + e^x) - x = log(1 + e^-x) > 0 on the grid", "",
      lambda: _all(lambda p: mp.log1p(mp.exp(-p)) > 0, dps=60))
label(AR, 93, "claim", "right", "exact: the witness log 2 > 0", "", lambda: zero(sp.exp(sp.log(2)) - 2) and sp.log(2) > 0)
label(AR, 99, "claim", "wrong", "mpmath: at x = -1/2, log(1/2) = -0.693 < -0.625", "",
      lambda: _all(lambda p: p <= -1 or mp.log1p(p) >= p - p**2 / 2))
label(AR, 103, "claim", "right", "exact: n^2 - 2n = n(n - 2) >= 0 for n = 2..2000", "",
      lambda: all(n * n >= 2 * n for n in range(2, 2001)))

# ---------------------------------------------------------------- 6. definitions, approximations, proportionality
nonclaim(AR, 111, "definition", "s, the logistic function (triangleq)")
label(AR, 117, "claim", "right", "mpmath: s(1 - s) <= 1/4 on the grid (p(1 - p) <= 1/4)", "",
      lambda: _all(lambda p: (1 / (1 + mp.exp(-p))) * (1 - 1 / (1 + mp.exp(-p))) <= mp.mpf(1) / 4))
label(AR, 123, "claim", "right", "sympy: log(1 + e^x) - x -> 0 as x -> oo (for large x, as the sentence says)", "x large",
      lambda: sp.limit(sp.log(1 + sp.exp(x)) - x, x, sp.oo) == 0)
label(AR, 127, "claim", "right", "sympy: e^x - 1 - x - x^2/2 = O(x^3) (for small x)", "x small",
      lambda: zero(sp.series(sp.exp(x) - 1 - x - x**2 / 2, x, 0, 3).removeO()))
label(AR, 133, "claim", "right", "sympy: the log-ratio of the sides is free of theta (precision 2, mean (a + b)/2)", "",
      lambda: _ratio_free_of(sp.exp(-(th - a) ** 2 / 2) * sp.exp(-(th - b) ** 2 / 2),
                             sp.exp(-(th - (a + b) / 2) ** 2), th))
label(AR, 139, "claim", "wrong", "sympy: the log-ratio depends on theta (theta^2/2 is left over)", "",
      lambda: _ratio_free_of(sp.exp(-(th - a) ** 2 / 2) * sp.exp(-(th - b) ** 2 / 2),
                             sp.exp(-(th - (a + b) / 2) ** 2 / 2), th))
nonclaim(AR, 143, "condition", "z ~ N(0, 1)")
label(AR, 145, "claim", "right", "sympy: the integral of e^(tz) against the standard normal density is e^(t^2/2)", "z ~ N(0,1)",
      _mgf)

# ---------------------------------------------------------------- 7. chains
label(AR, 153, "claim", "right", "mpmath: HM <= GM <= AM <= QM on pairs of positive grid points", "x, y > 0",
      lambda: _pairs(lambda p, q: 2 * p * q / (p + q) <= mp.sqrt(p * q) + EPS * p <= (p + q) / 2 + 2 * EPS * p
                                    <= mp.sqrt((p**2 + q**2) / 2) + 3 * EPS * p))
label(AR, 159, "claim", "wrong", "mpmath: at x = y = 1/2 the last link is 1/2 <= 1/4", "x, y > 0",
      lambda: _pairs(lambda p, q: 2 * p * q / (p + q) <= mp.sqrt(p * q) <= (p + q) / 2 <= (p**2 + q**2) / 2))
nonclaim(AR, 163, "condition", "x >= 0 for the chain")
label(AR, 165, "claim", "right", "mpmath: every link on the grid's non-negative points", "x >= 0",
      lambda: _all(lambda p: p < 0 or (0 <= mp.log1p(p) <= p <= mp.expm1(p)), dps=60))

# ---------------------------------------------------------------- 8. properties in words
label(AR, 171, "claim", "right", "sympy: softplus'' = e^x/(1 + e^x)^2 >= 0 on the grid", "",
      lambda: _convex(sp.log(1 + sp.exp(x))))
label(AR, 175, "claim", "right", "sympy: s' = e^-x/(1 + e^-x)^2 > 0 on the grid", "",
      lambda: _all(lambda p: sp.lambdify(x, sp.diff(1 / (1 + sp.exp(-x)), x), "mpmath")(p) > 0))
label(AR, 179, "claim", "right", "sympy: the maximum of x e^-x is at x = 1 (derivative (1 - x) e^-x), value 1/e", "",
      lambda: _all(lambda p: p * mp.exp(-p) <= 1 / mp.e) and zero(sp.diff(x * sp.exp(-x), x).subs(x, 1)))
label(AR, 185, "claim", "wrong", "exact: at x = 1 the value 1/e exceeds 1/(2e)", "",
      lambda: _all(lambda p: p * mp.exp(-p) <= 1 / (2 * mp.e)))
label(AR, 189, "claim", "wrong", "sympy: (sqrt(1 + x^2))'' = (1 + x^2)^(-3/2) > 0: convex, not concave", "",
      lambda: _convex(-sp.sqrt(1 + x**2)))

# ---------------------------------------------------------------- 9. numbered equations
nonclaim(AR, 197, "definition", "(1): the EMA recurrence")
nonclaim(AR, 203, "definition", "(2): the start m_0 = 0")
label(AR, 209, "claim", "right", "exact: iterating (1) from (2) gives (1 - beta^k) g for k = 1..30, three betas", "(1), (2)",
      lambda: _ema(0))
label(AR, 215, "claim", "right", "exact: the same, divided by 1 - beta^k (non-zero for the decays 1/2, 9/10, -1/3)", "(1), (2)",
      lambda: _ema(0) and all(1 - B**k != 0 for B in (sp.Rational(1, 2), sp.Rational(9, 10)) for k in range(1, 31)))
label(AR, 221, "claim", "wrong", "exact: at k = 1, m_1 = (1 - beta) g, not (1 - beta^2) g", "(1), (2)", lambda: _ema(1))

# ---------------------------------------------------------------- 10. matrices of stated shapes
nonclaim(AR, 227, "condition", "A is m x n", pick="A \\in \\mathbb{R}^{m \\times n}")
label(AR, 229, "claim", "right", "exact: random integer A (m x n), B (n x m), m, n in 1..4", "A m x n, B n x m",
      lambda: _matrices(lambda A, B: (A * B).trace() == (B * A).trace()))
label(AR, 233, "claim", "right", "exact: the same draws", "A m x n, B n x m",
      lambda: _matrices(lambda A, B: (A * B).T == B.T * A.T))
label(AR, 237, "claim", "right", "exact: ||AB||_F^2 <= ||A||_F^2 ||B||_F^2 on the same draws (Cauchy-Schwarz per entry)",
      "A m x n, B n x m", lambda: _matrices(lambda A, B: _frob(A * B) ** 2 <= _frob(A) ** 2 * _frob(B) ** 2))
label(AR, 243, "claim", "wrong", "exact: the cross term 2 tr(AB) is non-zero on most draws (A = B^T = [[1]] gives 4 against 2)",
      "A m x n, B n x m", lambda: _matrices(lambda A, B: _frob(A + B.T) ** 2 == _frob(A) ** 2 + _frob(B) ** 2))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
