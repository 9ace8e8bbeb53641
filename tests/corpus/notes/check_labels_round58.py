r"""Independent checks of the hand labels of adversarial_round21.md (round 21 of the step checker's adversarial
review, branch adversary43): piecewise definitions and claims written with ``cases``, conditions stated after the
formula, quantifiers inside the math (\forall, \exists), an inner sum that reuses the outer sum's index, claims in a
table, subscripts that are labels (x_max) beside indices (x_i), norms of different kinds, expectations with a
subscripted distribution, gradients \nabla_\theta, arg min against min, a claim split over two displays, and
correct lines that look wrong.  Labelled before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that returns True
when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round58.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round58.py --write   # also merge these labels into labels.json
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
AR = "adversarial_round21.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x, r, w, z, lam = sp.symbols("x r w z lambda", real=True)
mu = sp.Symbol("mu", real=True)
sigma, delta = sp.symbols("sigma delta", positive=True)
RNG = np.random.default_rng(58)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after, environments=True)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


def _nth_text_line(text: str, n: int) -> int:
    """The line (1-based) of the ``n``-th prose line (from 0) that is exactly ``text``."""
    return [k + 1 for k, t in enumerate(LINES) if t == text][n]


REAL = mp_points(-9, 9) + [mp.mpf(0), mp.mpf("0.5"), mp.mpf("-0.5")]
NONZERO = [v for v in REAL if v != 0]


def sig(v):
    return 1 / (1 + mp.exp(-v))


def huber(v, d):
    return v * v / 2 if abs(v) <= d else d * (abs(v) - d / 2)


DELTAS = [mp.mpf("0.1"), mp.mpf(1), mp.mpf(3)]


def _huber_holds(rhs, rel):
    return all(holds_at(lambda v: huber(v, d), lambda v: rhs(v, d), rel, REAL + [d / 2, d, -d]) for d in DELTAS)


def _vectors():
    """Integer and random vectors of lengths 1 to 5, and e_1, (1, ..., 1)."""
    out = [np.ones(n) for n in range(1, 6)] + [np.eye(n)[0] for n in range(1, 6)]
    out += [RNG.normal(size=n) for n in range(1, 6) for _ in range(4)]
    return out


def _norms(v):
    return np.abs(v).sum(), np.sqrt((v * v).sum()), np.abs(v).max()


def _lse_cases():
    return [RNG.normal(scale=s, size=n) for n in (1, 2, 3, 7) for s in (0.1, 1.0, 30.0)] + [np.zeros(4)]


def _lse(v):
    m = v.max()
    return m + np.log(np.exp(v - m).sum())


# ---------------------------------------------------------------- 1. rectifiers, piecewise
nonclaim(AR, _line(r"\operatorname{ReLU}(x) = \begin{cases}"), "definition", "ReLU(x) := x for x > 0, else 0")
label(AR, _line(r"\max(x, 0) = \frac{x + |x|}{2}"), "claim", "right", "mpmath: at 44 points of [-9, 9]", "",
      lambda: holds_at(lambda v: max(v, 0), lambda v: (v + abs(v)) / 2, "=", REAL))
label(AR, _line(r"\max(x, 0) - \max(-x, 0) = x"), "claim", "right", "mpmath: at 44 points of [-9, 9]", "",
      lambda: holds_at(lambda v: max(v, 0) - max(-v, 0), lambda v: v, "=", REAL))
label(AR, _line(r"\max(x, 0) + \max(-x, 0) = x"), "claim", "wrong", "mpmath: the sum is |x|: 1 against -1 at x = -1", "",
      lambda: holds_at(lambda v: max(v, 0) + max(-v, 0), lambda v: v, "=", REAL))
label(AR, _line(r"\frac{d}{dx} |x| = \begin{cases}"), "claim", "right",
      "mpmath: the derivative of |x| at the 43 points of [-9, 9] other than 0 against sign(x) (each case's range)", "",
      lambda: holds_at(lambda v: mp.diff(abs, v), lambda v: mp.mpf(1) if v > 0 else mp.mpf(-1), "=", NONZERO))
label(AR, _line(r"\max(x, 1) = \begin{cases}"), "claim", "wrong", "exact: at x = 1/2 the max is 1, the first case gives 1/2",
      "", lambda: all(max(q, Fr(1)) == (q if q >= 0 else Fr(1)) for q in (Fr(-2), Fr(0), Fr(1, 2), Fr(3))))
nonclaim(AR, _text_line(r"threshold $\delta > 0$"), "condition", "delta > 0", pick=r"\delta > 0")
nonclaim(AR, _line(r"\ell_\delta(r) = \begin{cases}"), "definition", "the Huber loss with threshold delta")
label(AR, _line(r"\ell_\delta(r) \le \frac{1}{2} r^2"), "claim", "right",
      "mpmath: delta = 0.1, 1, 3 at 47 points each; d(|r| - d/2) <= r^2/2 is (|r| - d)^2 >= 0", "delta > 0",
      lambda: _huber_holds(lambda v, d: v * v / 2, "<="))
label(AR, _line(r"\ell_\delta(r) \le \delta |r|"), "claim", "right",
      "mpmath: delta = 0.1, 1, 3 at 47 points each; r^2/2 <= d|r| for |r| <= d", "delta > 0",
      lambda: _huber_holds(lambda v, d: d * abs(v), "<="))
label(AR, _line(r"\ell_\delta(r) \ge \frac{1}{2} \delta |r|"), "claim", "wrong",
      "exact: at r = delta/2 the loss is delta^2/8 against delta^2/4", "delta > 0",
      lambda: _huber_holds(lambda v, d: d * abs(v) / 2, ">="))
# ---------------------------------------------------------------- 2. conditions after the formula
label(AR, _line(r"\frac{x^2 - 1}{x - 1} = x + 1"), "claim", "right", "sympy: cancel gives x + 1 (for x != 1, stated after)",
      "x != 1", lambda: zero(sp.cancel((x**2 - 1) / (x - 1)) - (x + 1)))
nonclaim(AR, _text_line(r"where $x \neq 1$"), "condition", "x != 1", pick=r"x \neq 1")
label(AR, _line(r"\frac{\sin x}{x} \le 1"), "claim", "right", "mpmath: at the 43 non-zero points of [-9, 9] and at 1e-20",
      "x != 0", lambda: holds_at(lambda v: mp.sin(v) / v, lambda v: 1, "<=", NONZERO + [mp.mpf(10) ** -20]))
nonclaim(AR, _nth_text_line(r"where $x \neq 0$.", 0), "condition", "x != 0", pick=r"x \neq 0")
label(AR, _line(r"\sqrt{x^2} = x"), "claim", "wrong", "exact: at x = -1, sqrt(1) = 1 against -1", "x != 0",
      lambda: holds_at(lambda v: mp.sqrt(v * v), lambda v: v, "=", NONZERO))
nonclaim(AR, _nth_text_line(r"where $x \neq 0$.", 1), "condition", "x != 0", pick=r"x \neq 0")
label(AR, _line(r"\frac{|x|}{x} = \operatorname{sign}(x)"), "claim", "right", "mpmath: at the 43 non-zero points of [-9, 9]",
      "x != 0", lambda: holds_at(lambda v: abs(v) / v, lambda v: mp.sign(v), "=", NONZERO))
nonclaim(AR, _text_line(r"for every $x \neq 0$"), "condition", "x != 0", pick=r"x \neq 0")
# ---------------------------------------------------------------- 3. quantifiers inside the math
label(AR, _line(r"\forall x \in \mathbb{R}: \quad e^{x} \ge 1 + x"), "claim", "right", "mpmath: at 44 points of [-9, 9]", "",
      lambda: holds_at(mp.exp, lambda v: 1 + v, ">=", REAL))
label(AR, _line(r"\forall x > 0: \quad \log x \le x - 1"), "claim", "right", "mpmath: at 40 points of (0, 20] and 1e-30", "",
      lambda: holds_at(mp.log, lambda v: v - 1, "<=", mp_points("0.5", 20, 40) + [mp.mpf(10) ** -30, mp.mpf("0.01")]))
label(AR, _line(r"\forall x \in \mathbb{R}: \quad \frac{1}{1 + e^{-x}} \le \frac{1}{2}"), "claim", "wrong",
      "mpmath: sigma(1) = 0.731 > 1/2", "", lambda: holds_at(sig, lambda v: mp.mpf(1) / 2, "<=", REAL))
label(AR, _line(r"\forall x > -1: \quad \log(1 + x) \ge x - \frac{x^2}{2}"), "claim", "wrong",
      "mpmath: true for x >= 0 only; at x = -1/2, log(1/2) = -0.693 against -0.625", "",
      lambda: holds_at(lambda v: mp.log(1 + v), lambda v: v - v * v / 2, ">=", mp_points("-0.9", 5, 40)))
label(AR, _line(r"\exists x \in \mathbb{R}: \quad x^2 = 2"), "claim", "right", "exact: x = sqrt(2) (sympy solves it)", "",
      lambda: len(sp.solve(x**2 - 2, x)) == 2)
label(AR, _line(r"\exists x > 0: \quad \log x = -1"), "claim", "right", "exact: x = 1/e > 0", "",
      lambda: sp.exp(-1) > 0 and sp.log(sp.exp(-1)) == -1)
# ---------------------------------------------------------------- 4. sums that reuse an index
label(AR, _line(r"\sum_{i=1}^{n} \left( x_i - \frac{1}{n} \sum_{i=1}^{n} x_i \right) = 0"), "claim", "right",
      "numpy: the inner sum binds its own i (the mean): 0 for 20 random vectors of lengths 1 to 5", "",
      lambda: all(abs(sum(v[i] - v.sum() / len(v) for i in range(len(v)))) < 1e-12 for v in _vectors()))
label(AR, _line(r"\sum_{i=1}^{n} \sum_{i=1}^{m} 1 = n m"), "claim", "right", "exact: n, m = 0 .. 6, the inner sum is m", "",
      lambda: all(sum(sum(1 for i in range(1, m + 1)) for i in range(1, n + 1)) == n * m for n in range(7) for m in range(7)))
label(AR, _line(r"\sum_{i=1}^{n} \sum_{j=1}^{i} 1 = \frac{n(n+1)}{2}"), "claim", "right", "exact: n = 0 .. 30", "",
      lambda: all(sum(i for i in range(1, n + 1)) == Fr(n * (n + 1), 2) for n in range(31)))
label(AR, _line(r"\sum_{i=1}^{n} \sum_{j=1}^{i} 1 = n^2"), "claim", "wrong", "exact: 3 against 4 at n = 2", "",
      lambda: all(sum(i for i in range(1, n + 1)) == n * n for n in range(31)))
# ---------------------------------------------------------------- 5. labels and indices in subscripts
nonclaim(AR, _text_line(r"let $x_{\max} = \max_i x_i$"), "definition", "x_max := max_i x_i", pick=r"x_{\max} = \max_i x_i")
label(AR, _line(r"\log \sum_{i=1}^{n} e^{x_i} \le x_{\max} + \log n"), "claim", "right",
      "numpy: 13 vectors of lengths 1 to 7 (stable logsumexp)", "x_max = max_i x_i",
      lambda: all(_lse(v) <= v.max() + np.log(len(v)) + 1e-12 for v in _lse_cases()))
label(AR, _line(r"\log \sum_{i=1}^{n} e^{x_i} \ge x_{\max}"), "claim", "right", "numpy: 13 vectors of lengths 1 to 7",
      "x_max = max_i x_i", lambda: all(_lse(v) >= v.max() - 1e-12 for v in _lse_cases()))
label(AR, _line(r"\sum_{i=1}^{n} e^{x_i - x_{\max}} \ge 1"), "claim", "right",
      "numpy: the term at the arg max is e^0 = 1, the others are positive", "x_max = max_i x_i",
      lambda: all(np.exp(v - v.max()).sum() >= 1 - 1e-12 for v in _lse_cases()))
label(AR, _line(r"\log \sum_{i=1}^{n} e^{x_i} \le x_{\max}", _line(r"e^{x_i - x_{\max}} \ge 1")), "claim", "wrong",
      "exact: at n = 2, x = (0, 0): log 2 > 0", "x_max = max_i x_i",
      lambda: all(_lse(v) <= v.max() + 1e-12 for v in _lse_cases()))
# ---------------------------------------------------------------- 6. norms of different kinds
nonclaim(AR, _text_line(r"For $x \in \mathbb{R}^n$:"), "definition", "x is a vector of length n", pick=r"x \in \mathbb{R}^n")
label(AR, _line(r"\lVert x \rVert_2 \le \lVert x \rVert_1 \le \sqrt{n}"), "claim", "right",
      "numpy: 30 vectors of lengths 1 to 5 (the second link is Cauchy-Schwarz)", "",
      lambda: all(_norms(v)[1] <= _norms(v)[0] + 1e-12 and _norms(v)[0] <= np.sqrt(len(v)) * _norms(v)[1] + 1e-12
                  for v in _vectors()))
label(AR, _line(r"\lVert x \rVert_\infty \le \lVert x \rVert_2 \le \sqrt{n}"), "claim", "right",
      "numpy: 30 vectors of lengths 1 to 5", "",
      lambda: all(_norms(v)[2] <= _norms(v)[1] + 1e-12 and _norms(v)[1] <= np.sqrt(len(v)) * _norms(v)[2] + 1e-12
                  for v in _vectors()))
label(AR, _line(r"\lVert x \rVert_1 \le \lVert x \rVert_\infty"), "claim", "wrong", "exact: x = (1, 1): 2 against 1", "",
      lambda: all(_norms(v)[0] <= _norms(v)[2] + 1e-12 for v in _vectors()))
# ---------------------------------------------------------------- 7. expectations with a subscript
_gauss = sp.exp(-(x - mu) ** 2 / (2 * sigma**2)) / sp.sqrt(2 * sp.pi * sigma**2)
label(AR, _line(r"\left[ x^2 \right] = \mu^2 + \sigma^2"), "claim", "right", "sympy: the integral of x^2 against the normal density",
      "", lambda: zero(sp.integrate(x**2 * _gauss, (x, -sp.oo, sp.oo)) - (mu**2 + sigma**2)))
label(AR, _line(r"\left[ (x - \mu)^2 \right] = \sigma"), "claim", "wrong", "sympy: the variance is sigma^2, not sigma (4 against 2 at sigma = 2)",
      "", lambda: zero(sp.integrate((x - mu) ** 2 * _gauss, (x, -sp.oo, sp.oo)) - sigma))
label(AR, _line(r"\left[ u^2 \right] = \frac{1}{3}"), "claim", "right", "sympy: the integral of u^2 over [0, 1]", "",
      lambda: sp.integrate(x**2, (x, 0, 1)) == sp.Rational(1, 3))
# ---------------------------------------------------------------- 8. gradients with respect to a named variable
MATS = [RNG.integers(-3, 4, (k, k)).astype(float) for k in (2, 3, 4)]
THETAS = [RNG.normal(size=k) for k in (2, 3, 4)]


def _grad_quadratic(A, t, h=1e-6):
    """Central differences of t^T A t (exact for a quadratic up to round-off)."""
    f = lambda u: u @ A @ u
    return np.array([(f(t + h * e) - f(t - h * e)) / (2 * h) for e in np.eye(len(t))])


label(AR, _line(r"\nabla_\theta \, \frac{1}{2} \lVert \theta \rVert_2^2 = \theta"), "claim", "right",
      "sympy: d/dt_k of sum t_j^2 / 2 is t_k (three coordinates)", "",
      lambda: all(zero(sp.diff(sum(s**2 for s in sp.symbols("t1:4")) / 2, s) - s) for s in sp.symbols("t1:4")))
nonclaim(AR, _text_line(r"For a square matrix $A$, not necessarily symmetric"), "definition", "A square, not symmetric",
         pick="A")
label(AR, _line(r"\nabla_\theta \, \theta^\top A \theta = 2 A \theta"), "claim", "wrong",
      "numpy: central differences for integer 2x2, 3x3, 4x4 non-symmetric A give (A + A^T) theta", "",
      lambda: all(np.allclose(_grad_quadratic(A, t), 2 * A @ t, atol=1e-6) for A, t in zip(MATS, THETAS)))
label(AR, _line(r"\nabla_\theta \, \theta^\top A \theta = (A + A^\top) \theta"), "claim", "right",
      "numpy: central differences for integer 2x2, 3x3, 4x4 A", "",
      lambda: all(np.allclose(_grad_quadratic(A, t), (A + A.T) @ t, atol=1e-6) for A, t in zip(MATS, THETAS)))
# ---------------------------------------------------------------- 9. minimisers against minima
label(AR, _line(r"\operatorname*{arg\,min}_{w} \; (w - 3)^2 + 1 = 3"), "claim", "right",
      "sympy: the only stationary point of (w - 3)^2 + 1 is 3, a minimum (second derivative 2)", "",
      lambda: sp.solve(sp.diff((w - 3) ** 2 + 1, w), w) == [3])
label(AR, _line(r"\min_{w} \; (w - 3)^2 + 1 = 3"), "claim", "wrong", "sympy: the minimum value is 1 (at w = 3)", "",
      lambda: ((w - 3) ** 2 + 1).subs(w, 3) == 3)
nonclaim(AR, _text_line(r"ridge penalty $\lambda \ge 0$"), "condition", "lambda >= 0", pick=r"\lambda \ge 0")
label(AR, _line(r"\operatorname*{arg\,min}_{w} \; \lambda w^2 + (w - 1)^2"), "claim", "right",
      "sympy: the stationary point of a convex quadratic (lambda >= 0)", "lambda >= 0",
      lambda: zero(sp.solve(sp.diff(lam * w**2 + (w - 1) ** 2, w), w)[0] - 1 / (1 + lam)))
# ---------------------------------------------------------------- 10. one claim over two displays
nonclaim(AR, _line(r"\log(1 + e^{-z}) + \log(1 + e^{z})"), "no-claim", "the left side of the claim in the next display")
label(AR, _line(r"= z + 2 \log(1 + e^{-z})"), "claim", "right",
      "mpmath: log(1 + e^z) = z + log(1 + e^-z), at 44 points (the left side is the display above)", "",
      lambda: holds_at(lambda v: mp.log(1 + mp.exp(-v)) + mp.log(1 + mp.exp(v)), lambda v: v + 2 * mp.log(1 + mp.exp(-v)),
                       "=", REAL))
# ---------------------------------------------------------------- 11. a table of derivatives
label(AR, _text_line(r"| $\tanh x$ |"), "claim", "right", "sympy: d/dx tanh x = 1 - tanh^2 x", "",
      lambda: zero(sp.diff(sp.tanh(x), x) - (1 - sp.tanh(x) ** 2)), pick=r"\frac{d}{dx} \tanh x = 1 - \tanh^2 x")
label(AR, _text_line(r"= \frac{1}{1 + e^{-x}}$ |"), "claim", "right", "sympy: d/dx log(1 + e^x) = sigma(x)", "",
      lambda: zero(sp.diff(sp.log(1 + sp.exp(x)), x) - 1 / (1 + sp.exp(-x))),
      pick=r"\frac{d}{dx} \log(1 + e^{x}) = \frac{1}{1 + e^{-x}}")
label(AR, _text_line(r"= \frac{1}{1 + e^{x}}$ |"), "claim", "wrong", "sympy: the derivative is sigma(x), not sigma(-x): 1/2 at 0 both, e/(1+e) against 1/(1+e) at 1", "",
      lambda: zero(sp.diff(sp.log(1 + sp.exp(x)), x) - 1 / (1 + sp.exp(x))),
      pick=r"\frac{d}{dx} \log(1 + e^{x}) = \frac{1}{1 + e^{x}}")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
