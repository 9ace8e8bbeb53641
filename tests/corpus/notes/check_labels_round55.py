r"""Independent checks of the hand labels of adversarial_round20.md (round 20 of the step checker's adversarial
review, branch adversary42): definitions written with :=, \triangleq and \equiv, an update rule with \leftarrow, a
loss L defined in one section and redefined in a later one, conditions in a footnote and in parentheses, "for some"
against "for all", \approx, \sim and \propto relations, roots written with \pm, claims inside \text{} prose, aligned
chains where one link is an inequality, products of matrices whose shapes matter (m x n times n x m), and correct
lines in unusual forms.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions
that returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round55.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round55.py --write   # also merge these labels into labels.json
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
AR = "adversarial_round20.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
z, a, b, w, t, x, mu = sp.symbols("z a b w t x mu", real=True)
beta = sp.Symbol("beta", nonnegative=True)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after, environments=True)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


REAL = mp_points(-9, 9) + [mp.mpf(0), mp.mpf("0.5")]


def sig(v):
    return 1 / (1 + mp.exp(-v))


def softplus(v):
    return mp.log(1 + mp.exp(v))


def _ratio_tends_to_one(f, g, ns=(10**3, 10**6, 10**12)):
    """exp(f(n) - g(n)) approaches 1 (distances shrinking, the last below 1e-2): f and g are logs, at 50 digits."""
    with mp.workdps(50):
        gaps = [abs(mp.exp(f(mp.mpf(n)) - g(mp.mpf(n))) - 1) for n in ns]
    return all(q < p for p, q in zip(gaps, gaps[1:])) and gaps[-1] < mp.mpf(10) ** -2


def _first_order(f, g):
    """f(z) - g(z) = o(z) at 0: the ratio (f - g)/z at z = 1e-10, 1e-20 tends to 0."""
    with mp.workdps(60):
        return all(abs((f(v) - g(v)) / v) < mp.mpf(10) ** -5 for v in (mp.mpf(10) ** -10, mp.mpf(10) ** -20))


# ---------------------------------------------------------------- 1. the logistic function
nonclaim(AR, _line(r"\sigma(z) := \frac{1}{1 + e^{-z}}"), "definition", "sigma(z) := 1/(1 + e^-z)")
nonclaim(AR, _line(r"\operatorname{softplus}(z) \triangleq"), "definition", "softplus(z) := log(1 + e^z)")
label(AR, _line(r"\sigma(z) = \frac{1}{2} + \frac{1}{2} \tanh"), "claim", "right", "mpmath: at 43 points of [-9, 9]", "",
      lambda: holds_at(sig, lambda v: mp.mpf(1) / 2 + mp.tanh(v / 2) / 2, "=", REAL))
label(AR, _line(r"\frac{1}{1 + e^{-z}} + \frac{1}{1 + e^{z}} = 1"), "claim", "right", "sympy: the sum simplifies to 1", "",
      lambda: zero(1 / (1 + sp.exp(-z)) + 1 / (1 + sp.exp(z)) - 1))
label(AR, _line(r"\log \frac{\sigma(z)}{1 - \sigma(z)} = z"), "claim", "right", "mpmath: at 43 points of [-9, 9]", "",
      lambda: holds_at(lambda v: mp.log(sig(v) / (1 - sig(v))), lambda v: v, "=", REAL))
label(AR, _line(r"\operatorname{softplus}(z) - \operatorname{softplus}(-z) = z"), "claim", "right",
      "mpmath: log((1 + e^z)/(1 + e^-z)) = log e^z, at 43 points", "",
      lambda: holds_at(lambda v: softplus(v) - softplus(-v), lambda v: v, "=", REAL))
label(AR, _line(r"\sigma(-z) = -\sigma(z)"), "claim", "wrong", "mpmath: both sides of a sigmoid are positive: 1/2 against -1/2 at 0",
      "", lambda: holds_at(lambda v: sig(-v), lambda v: -sig(v), "=", REAL))
label(AR, _line(r"\log \sigma(z) = -\operatorname{softplus}(-z)"), "claim", "right", "mpmath: log(1/(1 + e^-z)), at 43 points",
      "", lambda: holds_at(lambda v: mp.log(sig(v)), lambda v: -softplus(-v), "=", REAL))
# ---------------------------------------------------------------- 2. derivatives
nonclaim(AR, _line(r"s(z) \equiv \sigma(z)\left(1 - \sigma(z)\right)"), "definition", "s(z) := sigma(z)(1 - sigma(z))")
label(AR, _line(r"\sigma'(z) = s(z)"), "claim", "right", "sympy: the derivative of 1/(1 + e^-z) minus s(z) simplifies to 0",
      "", lambda: zero(sp.diff(1 / (1 + sp.exp(-z)), z) - (1 / (1 + sp.exp(-z))) * (1 - 1 / (1 + sp.exp(-z)))))
label(AR, _line(r"\sigma'(0) = \frac{1}{4} \quad \text{since"), "claim", "right", "exact: s(0) = 1/2 * 1/2; sympy: sigma'(0) = 1/4",
      "", lambda: sp.diff(1 / (1 + sp.exp(-z)), z).subs(z, 0) == sp.Rational(1, 4))
label(AR, _line(r"\tanh'(0) = 0 \quad \text{because"), "claim", "wrong", "sympy: tanh'(0) = 1 - tanh(0)^2 = 1", "",
      lambda: sp.diff(sp.tanh(z), z).subs(z, 0) == 0)
label(AR, _line(r"\sigma(z)\left(1 - \sigma(z)\right) &= \frac{e^{-z}}{(1 + e^{-z})^2}"), "claim", "wrong",
      "mpmath: the equality holds, but the slope is at most 1/4 (equal only at 0): 0.105 at z = 2", "",
      lambda: holds_at(lambda v: sig(v) * (1 - sig(v)), lambda v: mp.exp(-v) / (1 + mp.exp(-v)) ** 2, "=", REAL)
      and holds_at(lambda v: mp.exp(-v) / (1 + mp.exp(-v)) ** 2, lambda v: mp.mpf(1) / 4, ">=", REAL))
label(AR, _line(r"\log(1 + e^{z}) &= z + \log(1 + e^{-z})"), "claim", "right",
      "mpmath: the equality at 43 points, and log(1 + u) <= u with u = e^-z", "",
      lambda: holds_at(lambda v: mp.log(1 + mp.exp(v)), lambda v: v + mp.log(1 + mp.exp(-v)), "=", REAL)
      and holds_at(lambda v: v + mp.log(1 + mp.exp(-v)), lambda v: v + mp.exp(-v), "<=", REAL))
# ---------------------------------------------------------------- 3. a quadratic loss
nonclaim(AR, _line(r"L(w) := \frac{1}{2}(w - 3)^2"), "definition", "L(w) := (w - 3)^2/2 (sections 3 to 8)")
label(AR, _line(r"L'(w) = w - 3"), "claim", "right", "sympy: d/dw (w - 3)^2/2", "",
      lambda: zero(sp.diff((w - 3) ** 2 / 2, w) - (w - 3)))
nonclaim(AR, _text_line(r"step size $\eta > 0$"), "condition", "eta > 0", pick=r"\eta > 0")
nonclaim(AR, _line(r"w \leftarrow w - \eta L'(w)"), "update", "gradient descent update")
nonclaim(AR, _text_line(r"(taking $\eta = 1$)"), "condition", "eta = 1", pick=r"\eta = 1")
label(AR, _line(r"w - \eta (w - 3) = 3"), "claim", "right", "sympy: with eta = 1 the left side is 3 (the condition in parentheses)",
      "eta = 1", lambda: zero((w - 1 * (w - 3)) - 3))
# ---------------------------------------------------------------- 4. momentum
nonclaim(AR, _text_line(r"[^beta]: Here and below"), "condition", "0 <= beta < 1 (a footnote)", pick=r"0 \le \beta < 1")
label(AR, _line(r"\sum_{k=0}^{\infty} \beta^{k} = \frac{1}{1 - \beta}"), "claim", "right",
      "mpmath: nsum at beta = 0, 0.3, 0.9, 0.999 (the footnote's 0 <= beta < 1)", "0 <= beta < 1",
      lambda: all(abs(mp.nsum(lambda k: mp.mpf(q) ** k, [0, mp.inf]) - 1 / (1 - mp.mpf(q))) < 1e-8 / (1 - mp.mpf(q))
                  for q in ("0", "0.3", "0.9", "0.999")))
label(AR, _line(r"(1 - \beta) \sum_{k=0}^{t-1} \beta^{k} = 1 - \beta^{t}"), "claim", "right",
      "exact: t = 0 .. 30 at beta = 0, 1/3, 9/10", "0 <= beta < 1",
      lambda: all((1 - q) * sum(q**k for k in range(n)) == 1 - q**n for n in range(31) for q in (Fr(0), Fr(1, 3), Fr(9, 10))))
label(AR, _line(r"(1 - \beta) \sum_{k=1}^{t} \beta^{k} = 1 - \beta^{t}"), "claim", "wrong",
      "exact: the shifted sum is beta (1 - beta^t): at beta = 1/3, t = 1, 2/9 against 2/3", "0 <= beta < 1",
      lambda: all((1 - q) * sum(q**k for k in range(1, n + 1)) == 1 - q**n for n in range(31) for q in (Fr(0), Fr(1, 3), Fr(9, 10))))
# ---------------------------------------------------------------- 5. quantifiers
label(AR, _line(r"\forall z \in \mathbb{R}: \; \sigma(z) < 1"), "claim", "right", "mpmath: 1/(1 + e^-z) < 1 since e^-z > 0", "",
      lambda: holds_at(sig, lambda v: mp.mpf(1), "<", REAL + [mp.mpf(40)]))
label(AR, _line(r"\exists z \in \mathbb{R}: \; \sigma(z) = 1"), "claim", "wrong",
      "sympy: 1/(1 + e^-z) = 1 has no real solution (e^-z = 0)", "",
      lambda: bool(sp.solve(sp.Eq(1 / (1 + sp.exp(-z)), 1), z)))
nonclaim(AR, _text_line(r"(namely $z = \log 3$)"), "condition", "z = log 3 (a witness)", pick=r"z = \log 3")
label(AR, _line(r"\sigma(z) = \frac{3}{4}"), "claim", "right",
      "exact: for some z, namely z = log 3: 1/(1 + 1/3) = 3/4 (it is not claimed for every z)", "z = log 3",
      lambda: sp.simplify(1 / (1 + sp.exp(-sp.log(3))) - sp.Rational(3, 4)) == 0)
label(AR, _line(r"\tanh(z) = 2\sigma(2z) - 1"), "claim", "right", "mpmath: at 43 points of [-9, 9]", "",
      lambda: holds_at(mp.tanh, lambda v: 2 * sig(2 * v) - 1, "=", REAL))
# ---------------------------------------------------------------- 6. approximations
nonclaim(AR, _text_line("For large $z$:"), "condition", "z large", pick="z")
label(AR, _line(r"\operatorname{softplus}(z) \approx z"), "claim", "right",
      "mpmath: softplus(z) - z = log(1 + e^-z) -> 0 as z -> oo (4.5e-5 at 10, 2e-22 at 50)", "z large",
      lambda: softplus(mp.mpf(50)) - 50 < mp.mpf(10) ** -20)
label(AR, _line(r"\sigma(z) \approx \frac{1}{2} + \frac{z}{4}"), "claim", "right",
      "mpmath: sigma(z) - 1/2 - z/4 = O(z^3) (sigma'(0) = 1/4, sigma''(0) = 0)", "z near 0",
      lambda: _first_order(sig, lambda v: mp.mpf(1) / 2 + v / 4))
label(AR, _line(r"\sigma(z) \approx \frac{1}{2} + \frac{z}{2}"), "claim", "wrong",
      "mpmath: the slope at 0 is 1/4, so the error is z/4 + O(z^3), not o(z)", "z near 0",
      lambda: _first_order(sig, lambda v: mp.mpf(1) / 2 + v / 2))
label(AR, _line(r"e^{-(x - \mu)^2/2} \propto e^{-x^2/2 + \mu x}"), "claim", "right",
      "sympy: the ratio is e^(-mu^2/2), constant in x", "",
      lambda: sp.diff(sp.simplify(sp.exp(-(x - mu) ** 2 / 2) / sp.exp(-x**2 / 2 + mu * x)), x) == 0)
label(AR, _line(r"\log n! \sim n \log n"), "claim", "right",
      "mpmath: loggamma(n + 1)/(n log n) at n = 1e3, 1e12, 1e100 approaches 1 (slowly: 1 - 1/log n)", "n -> oo",
      lambda: _ratio_tends_to_one(lambda n: mp.log(mp.loggamma(n + 1)), lambda n: mp.log(n * mp.log(n)),
                                  ns=(10**3, 10**12, 10**100)))
label(AR, _line(r"n! \sim \left(\frac{n}{e}\right)^{n}"), "claim", "wrong",
      "mpmath: n!/(n/e)^n ~ sqrt(2 pi n) grows without bound", "n -> oo",
      lambda: _ratio_tends_to_one(lambda n: mp.loggamma(n + 1), lambda n: n * (mp.log(n) - 1)))
# ---------------------------------------------------------------- 7. roots
nonclaim(AR, _text_line(r"The roots of $z^2 - 2z - 1 = 0$"), "equation", "z^2 - 2z - 1 = 0 (its roots are asked for)",
         pick="z^2 - 2z - 1 = 0")
label(AR, _line(r"z = 1 \pm \sqrt{2}"), "claim", "right", "sympy: the roots of z^2 - 2z - 1 are 1 - sqrt 2, 1 + sqrt 2",
      "z^2 - 2z - 1 = 0", lambda: set(sp.solve(z**2 - 2 * z - 1, z)) == {1 - sp.sqrt(2), 1 + sp.sqrt(2)})
nonclaim(AR, _text_line(r"those of $z^2 + 2z - 3 = 0$"), "equation", "z^2 + 2z - 3 = 0 (its roots are asked for)",
         pick="z^2 + 2z - 3 = 0")
label(AR, _line(r"z = 1 \pm 2"), "claim", "wrong", "sympy: the roots are 1 and -3 = -1 +- 2; 1 +- 2 gives 3 and -1",
      "z^2 + 2z - 3 = 0", lambda: set(sp.solve(z**2 + 2 * z - 3, z)) == {-1, 3})
label(AR, _line(r"\cos(a \pm b) = \cos a \cos b \mp \sin a \sin b"), "claim", "right",
      "sympy: both sign choices expand to 0", "",
      lambda: all(zero(sp.expand_trig(sp.cos(a + s * b)) - (sp.cos(a) * sp.cos(b) - s * sp.sin(a) * sp.sin(b))) for s in (1, -1)))
label(AR, _line(r"\sin(a \pm b) = \sin a \cos b \mp \cos a \sin b"), "claim", "wrong",
      "sympy: sin(a + b) = sin a cos b + cos a sin b; the signs go together, not opposite", "",
      lambda: all(zero(sp.expand_trig(sp.sin(a + s * b)) - (sp.sin(a) * sp.cos(b) - s * sp.cos(a) * sp.sin(b))) for s in (1, -1)))
# ---------------------------------------------------------------- 8. shapes
nonclaim(AR, _text_line(r"Let $A$ be an $m \times n$ matrix"), "condition", "m != n", pick=r"m \ne n")
RNG = np.random.default_rng(55)
SHAPES = [(1, 2), (2, 3), (3, 1), (2, 4)]
PAIRS = [(RNG.integers(-3, 4, (m, n)).astype(float), RNG.integers(-3, 4, (n, m)).astype(float)) for m, n in SHAPES]
label(AR, _line(r"\operatorname{tr}(AB) = \operatorname{tr}(BA)"), "claim", "right",
      "numpy: integer matrices of shapes 1x2, 2x3, 3x1, 2x4 and their partners (exact in float64)", "m != n",
      lambda: all(np.trace(A @ B) == np.trace(B @ A) for A, B in PAIRS))
label(AR, _line(r"\det(AB) = \det(BA)"), "claim", "wrong",
      "exact: A = [1 0], B = [1 0]^T: det(AB) = 1, BA = diag(1, 0) has det 0 (the larger product has rank <= min(m, n))",
      "m != n", lambda: np.linalg.det(np.array([[1.0, 0.0]]) @ np.array([[1.0], [0.0]]))
      == np.linalg.det(np.array([[1.0], [0.0]]) @ np.array([[1.0, 0.0]])))
label(AR, _line(r"(AB)^\top = A^\top B^\top"), "claim", "wrong",
      "numpy: (AB)^T is m x m, A^T B^T is n x n; it is B^T A^T", "m != n",
      lambda: all((A @ B).T.shape == (A.T @ B.T).shape and np.array_equal((A @ B).T, A.T @ B.T) for A, B in PAIRS))
SQUARE = [(RNG.integers(-3, 4, (k, k)).astype(float), RNG.integers(-3, 4, (k, k)).astype(float)) for k in (2, 3)]
label(AR, _line(r"(A + B)^2 = A^2 + AB + BA + B^2"), "claim", "right", "numpy: 2x2 and 3x3 integer matrices, exact", "",
      lambda: all(np.array_equal((A + B) @ (A + B), A @ A + A @ B + B @ A + B @ B) for A, B in SQUARE))
label(AR, _line(r"(A + B)^2 = A^2 + 2AB + B^2"), "claim", "wrong",
      "numpy: AB != BA for these integer matrices, so the cross terms differ", "",
      lambda: all(np.array_equal((A + B) @ (A + B), A @ A + 2 * A @ B + B @ B) for A, B in SQUARE))
# ---------------------------------------------------------------- 9. a new loss
nonclaim(AR, _line(r"L(z) := \log(1 + e^{-z})"), "definition", "L(z) := log(1 + e^-z), replacing section 3's L")
label(AR, _line(r"L'(z) = -\sigma(-z)"), "claim", "right", "mpmath: d/dz log(1 + e^-z) = -e^-z/(1 + e^-z), at 43 points", "",
      lambda: holds_at(lambda v: mp.diff(lambda u: mp.log(1 + mp.exp(-u)), v), lambda v: -sig(-v), "=", REAL))
label(AR, _line(r"L'(z) = \sigma(z) - 1"), "claim", "right", "mpmath: sigma(z) - 1 = -sigma(-z), at 43 points", "",
      lambda: holds_at(lambda v: mp.diff(lambda u: mp.log(1 + mp.exp(-u)), v), lambda v: sig(v) - 1, "=", REAL))
label(AR, _line(r"L(0) = \frac{9}{2}"), "claim", "wrong",
      "exact: with section 9's L, L(0) = log 2 = 0.693 (9/2 is the old quadratic loss's value)", "",
      lambda: abs(mp.log(2) - mp.mpf(9) / 2) < 1e-30)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
