r"""Independent checks of the hand labels of adversarial_round10.md (round 10 of the step checker's adversarial
review, branch adversary11): a condition stated several sentences before the blocks it governs (and only in its
section), a function defined by cases and used two paragraphs later, a name redefined in a later section, claims
under ``\forall`` and ``\exists``, approximations (``\approx``) and proportionalities (``\propto``), which never claim
an equality, chains of ``\le`` with one weak link, and equalities up to a constant.  Eight slips are planted: three
hold in one regime only (the clip below the diagonal for x >= -1, cos x <= 1 - x^2/4 near 0, a chain whose last link
fails for x > 2).  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and label,
says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy or mpmath that
returns True when the block's claim holds *as its author means it*: an approximation "for small x" holds when the
two sides agree to the order written, a proportionality when the ratio of its sides does not depend on x, "up to a
constant" when the difference does not depend on the variables, and ``\exists`` when a witness is found.  Nothing
from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round19.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round19.py --write   # also merge these labels into labels.json
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
AR = "adversarial_round10.md"
x = sp.Symbol("x", real=True)
xp = sp.Symbol("x", positive=True)
y, mu = sp.symbols("y mu", real=True)
GRID = [mp.mpf(j) / 7 for j in range(-140, 141)] + [mp.mpf(10) ** j for j in range(-8, 9)]
"""Real points: multiples of 1/7 in [-20, 20], powers of ten and their negatives."""
GRID += [-p for p in GRID[-17:]]


def _all(fn, points=None, dps=40) -> bool:
    with mp.workdps(dps):
        return all(fn(p) for p in (GRID if points is None else points))


def _clip(p):
    """The clip as its cases are written."""
    return mp.mpf(-1) if p < -1 else (p if p <= 1 else mp.mpf(1))


def _agrees_to_order(lhs, rhs, order) -> bool:
    """lhs - rhs = O(x^order) at 0 (sympy series), and not to a lower order: the approximation 'for small x'."""
    diff = sp.series(lhs - rhs, x, 0, order).removeO()
    return zero(diff)


def _ratio_constant(lhs, rhs) -> bool:
    return sp.diff(sp.simplify(lhs / rhs), x) == 0 and sp.simplify(lhs / rhs) != 0


def _nll(scale):
    """-log N(y; mu, 1) - scale (y - mu)^2: constant in y and mu exactly when scale = 1/2."""
    d = sp.expand_log(-sp.log(1 / sp.sqrt(2 * sp.pi) * sp.exp(-(y - mu) ** 2 / 2)), force=True) - scale * (y - mu) ** 2
    d = sp.simplify(d)
    return sp.diff(d, y) == 0 and sp.diff(d, mu) == 0


# ---------------------------------------------------------------- 1. a condition several sentences back
nonclaim(AR, 7, "condition", "x > 0, for the whole of section 1", pick="x > 0")
label(AR, 11, "claim", "right", "sympy: sqrt(x^2) = x for positive x (mpmath: -x at x = -1, so the condition matters)",
      "x > 0", lambda: zero(sp.sqrt(xp**2) - xp) and mp.sqrt(mp.mpf(1)) == 1)
label(AR, 17, "claim", "right", "sympy: expand_log(log(x^3)) = 3 log x for positive x", "x > 0",
      lambda: zero(sp.expand_log(sp.log(xp**3)) - 3 * sp.log(xp)))
label(AR, 23, "claim", "wrong", "sympy: log(1/x) = -log x, not log x (they differ at x = 2)", "x > 0",
      lambda: zero(sp.log(1 / xp) - sp.log(xp)))

# ---------------------------------------------------------------- 2. a function defined by cases
nonclaim(AR, 31, "definition", "c, the clip to [-1, 1] by cases")
label(AR, 37, "claim", "right", "mpmath: the cases against max(-1, min(1, x)) on the grid and at +-1 +- 1e-30", "",
      lambda: _all(lambda p: _clip(p) == max(-1, min(1, p)),
                   GRID + [s + t * mp.mpf(10) ** -30 for s in (-1, 1) for t in (-1, 0, 1)]))
label(AR, 43, "claim", "right", "mpmath: |c(x)| <= 1 on the grid", "", lambda: _all(lambda p: abs(_clip(p)) <= 1))
label(AR, 49, "claim", "right", "mpmath: c(x)^2 <= x^2 on the grid (|c(x)| = min(|x|, 1))", "",
      lambda: _all(lambda p: _clip(p) ** 2 <= p**2))
label(AR, 55, "claim", "wrong", "mpmath: c(-2) = -1 > -2 (the section's x is any real: section 1's x > 0 ended with it)",
      "", lambda: _all(lambda p: _clip(p) <= p))

# ---------------------------------------------------------------- 3-4. a name redefined in a later section
nonclaim(AR, 61, "definition", "f(x) = e^x (section 3)", pick="f(x) = e^{x}")
label(AR, 63, "claim", "right", "sympy: diff(e^x) = e^x", "f(x) = e^x", lambda: zero(sp.diff(sp.exp(x), x) - sp.exp(x)))
label(AR, 69, "claim", "right", "exact: e^0 = 1", "f(x) = e^x", lambda: sp.exp(0) == 1)
nonclaim(AR, 75, "definition", "f(x) = log(1 + e^x), the softplus (from section 4 on)", pick="f(x) = \\log(1 + e^{x})")
_softplus = sp.log(1 + sp.exp(x))
label(AR, 77, "claim", "right", "sympy: diff(log(1 + e^x)) - 1/(1 + e^-x) simplifies to 0", "f(x) = log(1 + e^x)",
      lambda: zero(sp.diff(_softplus, x) - 1 / (1 + sp.exp(-x))))
label(AR, 83, "claim", "right", "exact: log(1 + 1) = log 2 (the first f would give 1)", "f(x) = log(1 + e^x)",
      lambda: zero(_softplus.subs(x, 0) - sp.log(2)))
label(AR, 89, "claim", "right", "sympy: log(1 + e^x) - log(1 + e^-x) = x (mpmath on the grid)", "f(x) = log(1 + e^x)",
      lambda: _all(lambda p: abs(mp.log1p(mp.exp(p)) - mp.log1p(mp.exp(-p)) - p) < mp.mpf(10) ** -30, dps=60))
label(AR, 95, "claim", "wrong", "exact: the softplus at 0 is log 2 = 0.693, not 1", "f(x) = log(1 + e^x)",
      lambda: zero(_softplus.subs(x, 0) - 1))

# ---------------------------------------------------------------- 5. quantifiers
label(AR, 101, "claim", "right", "sympy: exp(x) is positive for real x", "",
      lambda: sp.ask(sp.Q.positive(sp.exp(x))) is True)
label(AR, 105, "claim", "right", "mpmath: log x < x on the grid's positive points (log x <= x - 1 < x)", "x > 0",
      lambda: _all(lambda p: p <= 0 or mp.log(p) < p))
label(AR, 111, "claim", "wrong", "mpmath: at x = 3, cos 3 = -0.99 > 1 - 9/4 = -1.25 (true for |x| <= 2.4 or so)", "",
      lambda: _all(lambda p: mp.cos(p) <= 1 - p**2 / 4))
label(AR, 117, "claim", "right", "exact: the witness sqrt 2 (an equation with a solution, not an identity)", "",
      lambda: zero(sp.sqrt(2) ** 2 - 2) and sp.sqrt(2).is_real)
label(AR, 121, "claim", "right", "exact: the witness 1/e > 0 has log = -1", "",
      lambda: zero(sp.log(sp.exp(-1)) + 1) and sp.exp(-1) > 0)

# ---------------------------------------------------------------- 6. approximations and proportionality
label(AR, 129, "claim", "right", "sympy: sin x - x = O(x^3) (an approximation for small x)", "x small",
      lambda: _agrees_to_order(sp.sin(x), x, 3))
label(AR, 133, "claim", "right", "sympy: sigmoid(x) - (1/2 + x/4) = O(x^3)", "x small",
      lambda: _agrees_to_order(1 / (1 + sp.exp(-x)), sp.Rational(1, 2) + x / 4, 3))
label(AR, 137, "claim", "right", "sympy: log(1 + x) - (x - x^2/2) = O(x^3)", "x small",
      lambda: _agrees_to_order(sp.log(1 + x), x - x**2 / 2, 3))
label(AR, 143, "claim", "right", "mpmath: |sqrt 2 - 1.4142| = 1.4e-5 < 5e-5 (half a unit of the last digit)", "",
      lambda: abs(mp.sqrt(2) - mp.mpf("1.4142")) < mp.mpf("5e-5"))
label(AR, 149, "claim", "wrong", "mpmath: |e - 2.7813| = 0.063, far more than half a unit of the last digit", "",
      lambda: abs(mp.e - mp.mpf("2.7813")) < mp.mpf("5e-5"))
label(AR, 155, "claim", "right", "sympy: the ratio of the sides is 1/sqrt(2 pi), free of x", "",
      lambda: _ratio_constant(sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi), sp.exp(-x**2 / 2)))
label(AR, 159, "claim", "right", "sympy: the ratio of the sides is e^-3, free of x", "",
      lambda: _ratio_constant(sp.exp(-x**2 / 2), sp.exp(-x**2 / 2 + 3)))

# ---------------------------------------------------------------- 7. chains
nonclaim(AR, 165, "condition", "x > 0 (for the chains)", pick="x > 0")
label(AR, 167, "claim", "right", "mpmath: every link on the grid's positive points (each holds for x > -1)", "x > 0",
      lambda: _all(lambda p: p <= 0 or (p / (1 + p) <= mp.log1p(p) <= p <= mp.expm1(p)), dps=60))
label(AR, 173, "claim", "wrong", "mpmath: at x = 3 the last link x^2/2 <= x fails (4.5 > 3)", "x > 0",
      lambda: _all(lambda p: p <= 0 or (0 <= 1 - mp.cos(p) <= p**2 / 2 <= p), dps=60))
label(AR, 179, "claim", "wrong", "mpmath: at x = 1, 1/sqrt 2 = 0.707 > 1 - 1/2 (the first link holds for x > 0)", "x > 0",
      lambda: _all(lambda p: p <= 0 or (mp.log1p(p) <= p / mp.sqrt(1 + p) <= p - p**2 / 2), dps=60))

# ---------------------------------------------------------------- 8. up to a constant
label(AR, 185, "claim", "right", "sympy: diff(x^2 + C) = 2x (an antiderivative up to a constant)", "",
      lambda: zero(sp.diff(x**2 + sp.Symbol("C"), x) - 2 * x))
label(AR, 191, "claim", "right", "sympy: -log N(y; mu, 1) - (y - mu)^2/2 = log sqrt(2 pi), free of y and mu", "",
      lambda: _nll(sp.Rational(1, 2)))
label(AR, 197, "claim", "wrong", "sympy: -log N(y; mu, 1) - (y - mu)^2 depends on y (the half lost)", "",
      lambda: _nll(1))
label(AR, 201, "claim", "right", "sympy: diff(x^3/3 + C) = x^2", "",
      lambda: zero(sp.diff(x**3 / 3 + sp.Symbol("C"), x) - x**2))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
