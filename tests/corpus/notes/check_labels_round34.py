r"""Independent checks of the hand labels of adversarial_round14.md (round 14 of the step checker's adversarial
review, branch adversary36): conditions stated in prose ("On $0 < x < 1$", "for any nonzero $x$", "for every positive
$t$", "For all negative $u$") that hold to the next heading or until a later sentence quantifies the name again,
inverse hyperbolic functions written ``\tanh^{-1}``, ``\sinh^{-1}``, an iterate ``w^k`` of gradient descent beside the
powers ``w^k`` of a number (differentiated and integrated in ``w``), samples ``x^{(i)}`` with ``i`` as their index,
``e`` as an error and then as Euler's number, gradients of a quadratic form, an equation to solve, and softmax at a
temperature with a shift.  Eleven slips are planted.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that
returns True when the block's claim holds *as its author means it* (on the domain the prose states).  Nothing from
Formulary is imported.  The line of each block is found from a snippet of its text (``_line``), so an edit above it
cannot shift a label.

    python3 tests/corpus/notes/check_labels_round34.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round34.py --write   # also merge these labels into labels.json
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
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
AR = "adversarial_round14.md"
LINES = (HERE / AR).read_text(encoding="utf-8").splitlines()
x, w, t, y, yhat, eta, z1, z2, c = sp.symbols("x w t y yhat eta z1 z2 c", real=True)
T = sp.Symbol("T", positive=True)
RNG = np.random.default_rng(34)


def _line(snippet: str, after: int = 0) -> int:
    """The line (1-based) of the ``$$`` that opens the first display block after line ``after`` holding ``snippet``."""
    for k in range(after, len(LINES)):
        if snippet in LINES[k]:
            assert LINES[k - 1].strip() == "$$", (snippet, k)
            return k
    raise LookupError(snippet)


def _text_line(snippet: str) -> int:
    """The line (1-based) of the prose line holding ``snippet`` (an inline formula)."""
    return next(k + 1 for k, text in enumerate(LINES) if snippet in text)


def _mp_points(lo, hi, count=41):
    return [mp.mpf(lo) + (mp.mpf(hi) - mp.mpf(lo)) * k / (count - 1) for k in range(count)]


def _real(fn, p):
    """``fn(p)`` when it is a finite real number at 60 digits, else None (a side with no real value)."""
    with mp.workdps(60):
        try:
            v = fn(p)
        except (ValueError, ZeroDivisionError):
            return None
        if isinstance(v, mp.mpc):
            if abs(v.imag) > mp.mpf(10) ** -50:
                return None
            v = v.real
        return v if mp.isfinite(v) else None


def _holds(lhs, rhs, rel, points) -> bool:
    """``lhs(p) rel rhs(p)`` at every point, both sides real there (a side with no value fails the claim)."""
    for p in points:
        a, b = _real(lhs, p), _real(rhs, p)
        if a is None or b is None:
            return False
        tol = mp.mpf(10) ** -40 * max(1, abs(a), abs(b))
        ok = {"=": abs(a - b) <= tol, "<": a < b - tol, ">": a > b + tol, ">=": a >= b - tol}[rel]
        if not ok:
            return False
    return True


OPEN_UNIT = _mp_points("0.001", "0.999")
NONZERO = [p for p in _mp_points(-5, 5) if p != 0]
ABOVE_ONE = _mp_points("1.001", 50)
NEGATIVE = _mp_points(-50, "-0.001")
POSITIVE = _mp_points("0.001", 50)
REAL = _mp_points(-20, 20)

# ---------------------------------------------------------------- 1. logarithms on an interval
nonclaim(AR, _text_line("On $0 < x < 1$ the function"), "condition", "0 < x < 1 (to the next heading, or a new quantifier)",
         pick="0 < x < 1")
label(AR, _line(r"\frac{d}{dx} \ln(1 - x)"), "claim", "right", "sympy: diff(log(1 - x), x) + 1/(1 - x) = 0", "0 < x < 1",
      lambda: zero(sp.diff(sp.log(1 - x), x) + 1 / (1 - x)))
label(AR, _line(r"\ln x < 0"), "claim", "right", "mpmath: log x < 0 at 41 points of (0, 1)", "0 < x < 1",
      lambda: _holds(mp.log, lambda p: 0, "<", OPEN_UNIT))
nonclaim(AR, _text_line("For any nonzero $x$"), "condition", "x != 0 (a new quantifier: the domain stated anew)", pick="x")
label(AR, _line(r"\ln(x^2) = 2 \ln x"), "claim", "wrong",
      "mpmath: for any nonzero x; at x = -1, log 1 = 0 while 2 log(-1) has no real value (it holds for x > 0 only)",
      "x != 0", lambda: _holds(lambda p: mp.log(p**2), lambda p: 2 * mp.log(p), "=", NONZERO))
label(AR, _line(r"\ln(x^2) = 2 \ln |x|"), "claim", "right", "mpmath: log(x^2) - 2 log|x| = 0 at 40 nonzero points of [-5, 5]",
      "x != 0", lambda: _holds(lambda p: mp.log(p**2), lambda p: 2 * mp.log(abs(p)), "=", NONZERO))
nonclaim(AR, _text_line("On $x > 1$ the sign"), "condition", "x > 1 (replaces x != 0)", pick="x > 1")
label(AR, _line(r"\ln x > 0"), "claim", "right", "mpmath: log x > 0 at 41 points of (1, 50]", "x > 1",
      lambda: _holds(mp.log, lambda p: 0, ">", ABOVE_ONE))
label(AR, _line(r"\ln \frac{1}{x} < 0"), "claim", "right", "mpmath: log(1/x) < 0 at 41 points of (1, 50]", "x > 1",
      lambda: _holds(lambda p: mp.log(1 / p), lambda p: 0, "<", ABOVE_ONE))
# ---------------------------------------------------------------- 2. signs stated in words
nonclaim(AR, _text_line("On $t < 0$ the absolute"), "condition", "t < 0", pick="t < 0")
label(AR, _line(r"|t| = -t"), "claim", "right", "mpmath: |t| = -t at 41 points of [-50, 0)", "t < 0",
      lambda: _holds(abs, lambda p: -p, "=", NEGATIVE))
nonclaim(AR, _text_line("while for every positive $t$"), "condition", "t > 0 (a new quantifier, replaces t < 0)", pick="t")
label(AR, _line(r"\sqrt{t^2} = t"), "claim", "right", "mpmath: sqrt(t^2) = t at 41 points of (0, 50]", "t > 0",
      lambda: _holds(lambda p: mp.sqrt(p**2), lambda p: p, "=", POSITIVE))
nonclaim(AR, _text_line("For all negative $u$"), "condition", "u < 0", pick="u")
label(AR, _line(r"\sqrt{u^2} = u"), "claim", "wrong", "mpmath: at u = -1, sqrt(1) = 1 against -1 (it is -u)", "u < 0",
      lambda: _holds(lambda p: mp.sqrt(p**2), lambda p: p, "=", NEGATIVE))
# ---------------------------------------------------------------- 3. after the heading
label(AR, _line(r"x^2 - 2x + 1 \ge 0"), "claim", "right", "sympy: x^2 - 2x + 1 = (x - 1)^2", "x real",
      lambda: zero(x**2 - 2 * x + 1 - (x - 1) ** 2))
label(AR, _line(r"\ln(1 - x) < 0", _text_line("## 3.")), "claim", "wrong",
      "mpmath: for any real x (the conditions of section 1 ended at the heading); at x = -1, log 2 = 0.693 > 0",
      "x real", lambda: _holds(lambda p: mp.log(1 - p), lambda p: 0, "<", [p for p in REAL if p < 1]))
# ---------------------------------------------------------------- 4. inverse hyperbolic functions
nonclaim(AR, _text_line("For $-1 < x < 1$ the inverse"), "condition", "-1 < x < 1", pick="-1 < x < 1")
label(AR, _line(r"\tanh^{-1} x = \frac{1}{2}"), "claim", "right", "mpmath: atanh x = log((1 + x)/(1 - x))/2 at 41 points of (-1, 1)",
      "-1 < x < 1", lambda: _holds(mp.atanh, lambda p: mp.log((1 + p) / (1 - p)) / 2, "=", _mp_points("-0.999", "0.999")))
label(AR, _line(r"\sinh^{-1} x = \ln\left(x + \sqrt{x^2 + 1}"), "claim", "right",
      "mpmath: asinh x = log(x + sqrt(x^2 + 1)) at 41 points of [-20, 20]", "x real",
      lambda: _holds(mp.asinh, lambda p: mp.log(p + mp.sqrt(p**2 + 1)), "=", REAL))
label(AR, _line(r"\sinh^{-1} x = \ln\left(x + \sqrt{x^2 - 1}"), "claim", "wrong",
      "mpmath: at x = 2, asinh 2 = 1.4436 against log(2 + sqrt 3) = 1.3170 (that is acosh)", "x real",
      lambda: _holds(mp.asinh, lambda p: mp.log(p + mp.sqrt(p**2 - 1)), "=", REAL))
label(AR, _line(r"\frac{d}{dx} \tan^{-1} x"), "claim", "right", "sympy: diff(atan(x), x) = 1/(1 + x^2)", "x real",
      lambda: zero(sp.diff(sp.atan(x), x) - 1 / (1 + x**2)))
# ---------------------------------------------------------------- 5. gradient descent on a quadratic
nonclaim(AR, _text_line("Take $L(w) ="), "definition", "L(w) = (w - 3)^2/2", pick="L(w) = \\frac{1}{2}(w - 3)^2")
nonclaim(AR, _line(r"w^{k+1} = w^k - \eta \nabla L(w^k)"), "update", "gradient descent: an update of the iterate w^k")
label(AR, _line(r"w^{k+1} - 3 = (1 - \eta)(w^k - 3)"), "claim", "right",
      "sympy: w^{k+1} = w^k - eta (w^k - 3), so w^{k+1} - 3 = (1 - eta)(w^k - 3) for a symbol wk", "",
      lambda: zero((w - eta * (w - 3)) - 3 - (1 - eta) * (w - 3)))
label(AR, _line(r"w^{k+1} - 3 = (1 - \eta)(w^k + 3)"), "claim", "wrong",
      "sympy: the difference is -6(1 - eta) (at eta = 0, w^k = 0: -3 against 3)", "",
      lambda: zero((w - eta * (w - 3)) - 3 - (1 - eta) * (w + 3)))
# ---------------------------------------------------------------- 6. powers of a number
nonclaim(AR, _text_line("every integer $k \\ge 1$"), "condition", "k >= 1, an integer", pick="k \\ge 1")
label(AR, _line(r"\frac{d}{dw} w^{k} = k w^{k-1}"), "claim", "right",
      "sympy: diff(w^k, w) = k w^(k - 1) for k = 1..12 (the power rule)", "k integer >= 1",
      lambda: all(zero(sp.diff(w**k, w) - k * w ** (k - 1)) for k in range(1, 13)))
label(AR, _line(r"\frac{d}{dw} w^{k} = w^{k-1}"), "claim", "wrong", "sympy: at k = 2, w = 1: 2 against 1 (the factor k is lost)",
      "k integer >= 1", lambda: all(zero(sp.diff(w**k, w) - w ** (k - 1)) for k in range(1, 13)))
label(AR, _line(r"\int_0^1 w^k \, dw"), "claim", "right", "sympy: integrate(w^k, (w, 0, 1)) = 1/(k + 1) for k = 1..12",
      "k integer >= 1", lambda: all(sp.integrate(w**k, (w, 0, 1)) == sp.Rational(1, k + 1) for k in range(1, 13)))
# ---------------------------------------------------------------- 7. samples and their index
nonclaim(AR, _line(r"\bar{x} = \frac{1}{m} \sum_{i=1}^{m} x^{(i)}"), "definition", "the mean of the m samples")


def _deviations(rhs_m_factor: bool | None) -> bool:
    """Sum of deviations (None) or of squared deviations against sum x^2 - m xbar^2 (True) or - xbar^2 (False), for
    random integer samples of sizes 1..6 (exact fractions)."""
    for m in range(1, 7):
        for _ in range(20):
            xs = [Fr(int(v)) for v in RNG.integers(-9, 10, m)]
            mean = sum(xs) / m
            if rhs_m_factor is None:
                if sum(v - mean for v in xs) != 0:
                    return False
                continue
            lhs = sum((v - mean) ** 2 for v in xs)
            rhs = sum(v * v for v in xs) - (m if rhs_m_factor else 1) * mean**2
            if lhs != rhs:
                return False
    return True


label(AR, _line(r"\sum_{i=1}^{m} \left(x^{(i)} - \bar{x}\right) = 0"), "claim", "right",
      "exact: random integer samples, m = 1..6", "m positive integer", lambda: _deviations(None))
label(AR, _line(r"- m \bar{x}^2"), "claim", "right", "exact: random integer samples, m = 1..6", "m positive integer",
      lambda: _deviations(True))
label(AR, _line(r"\left(x^{(i)}\right)^2 - \bar{x}^2"), "claim", "wrong",
      "exact: the factor m is lost (m = 2, samples 1, 1: 0 against 2 - 1 = 1)", "m positive integer", lambda: _deviations(False))
# ---------------------------------------------------------------- 8. the letter e as an error
nonclaim(AR, _text_line("Let $e = y - \\hat{y}$"), "definition", "e = y - yhat, the error (not Euler's number)",
         pick="e = y - \\hat{y}")
label(AR, _line(r"\left(\frac{1}{2} e^2\right) = -e"), "claim", "right", "sympy: d/dyhat (y - yhat)^2/2 = -(y - yhat)",
      "e = y - yhat", lambda: zero(sp.diff((y - yhat) ** 2 / 2, yhat) + (y - yhat)))
label(AR, _line(r"\left(\frac{1}{2} e^2\right) = e"), "claim", "wrong", "sympy: the derivative is -e, not e (y = 1, yhat = 0)",
      "e = y - yhat", lambda: zero(sp.diff((y - yhat) ** 2 / 2, yhat) - (y - yhat)))
# ---------------------------------------------------------------- 9. a damped exponential
G = x * sp.exp(-x)
nonclaim(AR, _text_line("The function $g(x) = x e^{-x}$"), "definition", "g(x) = x e^{-x}, e Euler's number again",
         pick="g(x) = x e^{-x}")
label(AR, _line(r"g'(x) = (1 - x) e^{-x}"), "claim", "right", "sympy: diff(x e^-x, x) = (1 - x) e^-x", "",
      lambda: zero(sp.diff(G, x) - (1 - x) * sp.exp(-x)))
label(AR, _line(r"g''(x) = (x - 2) e^{-x}"), "claim", "right", "sympy: diff(x e^-x, x, 2) = (x - 2) e^-x", "",
      lambda: zero(sp.diff(G, x, 2) - (x - 2) * sp.exp(-x)))
label(AR, _line(r"g'(2) = e^{-2}"), "claim", "wrong", "sympy: g'(2) = (1 - 2) e^-2 = -e^-2", "",
      lambda: zero(sp.diff(G, x).subs(x, 2) - sp.exp(-2)))
# ---------------------------------------------------------------- 10. matrix gradients


def _quadratic_gradient(symmetric_form: bool) -> bool:
    """The gradient of x^T A x by central differences (exact for a quadratic: integer A and x, step 1) against
    (A + A^T) x or 2 A x, at random integer A of sizes 1..4."""
    for n in range(1, 5):
        for _ in range(20):
            A = RNG.integers(-5, 6, (n, n)).astype(float)
            v = RNG.integers(-5, 6, n).astype(float)
            f = lambda u: u @ A @ u
            grad = np.array([(f(v + e) - f(v - e)) / 2 for e in np.eye(n)])
            claimed = (A + A.T) @ v if symmetric_form else 2 * A @ v
            if not np.array_equal(grad, claimed):
                return False
    return True


label(AR, _line(r"= \left(\mathbf{A} + \mathbf{A}^\top\right) \mathbf{x}"), "claim", "right",
      "numpy: central differences of x^T A x (exact for integers) at random integer A, x, sizes 1..4",
      "A square", lambda: _quadratic_gradient(True))
label(AR, _line(r"= 2 \mathbf{A} \mathbf{x}"), "claim", "wrong",
      "numpy: 2Ax only for symmetric A (fails at random 2x2 integer matrices)", "A square", lambda: _quadratic_gradient(False))
# ---------------------------------------------------------------- 11. an equation to solve
nonclaim(AR, _line(r"2w - 4 = 0"), "equation", "an equation in w (its solution w = 2 follows)")
nonclaim(AR, _text_line("so $w = 2$ and"), "example", "the solution of the equation above", pick="w = 2")
label(AR, _line(r"w^2 - 4w = -4"), "claim", "right", "exact: 4 - 8 = -4 at w = 2", "w = 2", lambda: 2**2 - 4 * 2 == -4)
# ---------------------------------------------------------------- 12. softmax at a temperature
nonclaim(AR, _text_line("a temperature $T > 0$"), "condition", "T > 0", pick="T > 0")
SOFT = sp.exp(z1 / T) / (sp.exp(z1 / T) + sp.exp(z2 / T))
label(AR, _line(r"\frac{e^{(z_1 - c)/T}}"), "claim", "right", "sympy: e^(-c/T) cancels from every term", "T > 0",
      lambda: zero(sp.exp((z1 - c) / T) / (sp.exp((z1 - c) / T) + sp.exp((z2 - c) / T)) - SOFT))
label(AR, _line(r"\frac{e^{z_1/T - c}}"), "claim", "wrong",
      "sympy: the shift is applied to the numerator and one term only (c = 1, z = 0, T = 1: e^-1/(1 + e^-1) against 1/2)",
      "T > 0", lambda: zero(sp.exp(z1 / T - c) / (sp.exp(z1 / T) + sp.exp(z2 / T - c)) - SOFT))
label(AR, _line(r"= \frac{1}{1 + e^{(z_2 - z_1)/T}}"), "claim", "right", "sympy: divide by e^(z1/T)", "T > 0",
      lambda: zero(SOFT - 1 / (1 + sp.exp((z2 - z1) / T))))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
