r"""Independent checks of the hand labels of planted_mistakes_18.md (gradient descent on quadratics, heavy-ball and
Nesterov momentum, moving averages, Newton's method, fixed-point and power iterations, quadrature errors; eight
slips planted).  Labelled before Formulary was run on it.

Each entry names a display by a snippet of its text, gives its role and label, says how it was checked and carries
a check written by hand with sympy that returns True when the claim holds *as its author means it*: a recurrence's
closed form is compared with the recurrence run exactly (symbolic parameters) for k = 0..8; a recurrence said to
follow from an update is the update expanded; an eigenvalue is a root of the characteristic polynomial, itself
det(zI - T) expanded; a quadrature error with an unknown ``xi`` is checked exactly on a polynomial whose derivative
in the remainder is constant (so ``xi`` does not matter).  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round50.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round50.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_18.md"
LINES = (HERE / PM).read_text(encoding="utf-8").splitlines()
eta, a, lam, beta, g, x0, x1, b, c, z, x = sp.symbols("eta a lambda beta g x_0 x_1 b c z x", real=True)
mu, L, kappa, H, alpha = sp.symbols("mu L kappa H alpha", positive=True)
STEPS = 8
"""Iterations compared with a closed form (k = 0..8)."""


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def _iterate(step, start, closed) -> bool:
    """The one-term recurrence ``step`` run from ``start`` against ``closed(k)`` at k = 0..STEPS (exact)."""
    value = start
    for k in range(STEPS + 1):
        if not zero(value - closed(k)):
            return False
        value = step(value)
    return True


def _two_term(update, closed_next) -> bool:
    """``x_{k+1}`` from ``update(x_k, x_{k-1})`` equals ``closed_next(x_k, x_{k-1})`` for symbolic iterates."""
    xk, xkm1 = sp.symbols("x_k x_km1", real=True)
    return zero(sp.expand(update(xk, xkm1) - closed_next(xk, xkm1)))


def _quadrature(rule, remainder, body) -> bool:
    """``integral = rule + remainder`` exactly on [alpha, alpha + H] for ``body``, whose derivative in the remainder is
    constant (so the unknown xi does not matter)."""
    f = sp.Lambda(x, body)
    integral = sp.integrate(body, (x, alpha, alpha + H))
    return zero(integral - rule(f, alpha, alpha + H) - remainder)


# ---------------------------------------------------------------- 1. gradient descent on a quadratic
label(PM, _line(r"x_{k+1} = (1 - \eta a) x_k"), "claim", "right",
      "sympy: x - eta f'(x) with f' = a x expands to (1 - eta a) x", "f = a x^2 / 2",
      lambda: zero(x - eta * a * x - (1 - eta * a) * x))
label(PM, _line(r"x_k = (1 - \eta a)^k x_0"), "claim", "right",
      "sympy: x_{k+1} = (1 - eta a) x_k from x_0 equals (1 - eta a)^k x_0 for k = 0..8", "",
      lambda: _iterate(lambda v: (1 - eta * a) * v, x0, lambda k: (1 - eta * a) ** k * x0))
label(PM, _line(r"f(x_k) = (1 - \eta a)^k f(x_0)"), "claim", "wrong",
      "sympy: f(x_k) = a/2 (1 - eta a)^{2k} x_0^2 = (1 - eta a)^{2k} f(x_0); the power is 2k, not k", "a > 0",
      lambda: all(zero(a / 2 * ((1 - eta * a) ** k * x0) ** 2 - (1 - eta * a) ** k * a / 2 * x0**2)
                  for k in range(STEPS + 1)))
label(PM, _line(r"1 - \frac{\mu}{L} = 1 - \frac{1}{\kappa}"), "claim", "right",
      "sympy: kappa = L/mu", "kappa = L/mu", lambda: zero((1 - mu / L) - (1 - 1 / (L / mu))))
ETA_STAR = 2 / (L + mu)
label(PM, _line(r"1 - \eta^* \mu = \frac{\kappa - 1}{\kappa + 1}"), "claim", "right",
      "sympy: 1 - 2 mu/(L + mu) = (L - mu)/(L + mu) = (kappa - 1)/(kappa + 1)", "eta* = 2/(L + mu), kappa = L/mu",
      lambda: zero(1 - ETA_STAR * mu - (L / mu - 1) / (L / mu + 1)))
label(PM, _line(r"1 - \eta^* L = -\frac{\kappa - 1}{\kappa + 1}"), "claim", "right",
      "sympy: 1 - 2L/(L + mu) = -(L - mu)/(L + mu)", "eta* = 2/(L + mu), kappa = L/mu",
      lambda: zero(1 - ETA_STAR * L + (L / mu - 1) / (L / mu + 1)))
label(PM, _line(r"\frac{\kappa - 1}{\kappa + 1} = \frac{3}{5}"), "claim", "right",
      "sympy: kappa = 8/2 = 4, (4 - 1)/(4 + 1) = 3/5", "A = diag(2, 8)",
      lambda: zero(sp.Rational(8, 2) - 4) and zero((4 - sp.Integer(1)) / (4 + 1) - sp.Rational(3, 5)))
# ---------------------------------------------------------------- 2. momentum
label(PM, _line(r"x_{k+1} = (1 + \beta - \eta\lambda) x_k - \beta x_{k-1}"), "claim", "right",
      "sympy: x_k - eta lambda x_k + beta (x_k - x_{k-1}) expanded", "f = lambda x^2 / 2",
      lambda: _two_term(lambda u, w: u - eta * lam * u + beta * (u - w), lambda u, w: (1 + beta - eta * lam) * u
                        - beta * w))
T = sp.Matrix([[1 + beta - eta * lam, -beta], [1, 0]])
label(PM, _line(r"\begin{pmatrix} x_{k+1} \\ x_k \end{pmatrix} = \begin{pmatrix} 1 + \beta"), "claim", "right",
      "sympy: T (x_k, x_{k-1}) = ((1 + beta - eta lambda) x_k - beta x_{k-1}, x_k), the recurrence and x_k = x_k",
      "f = lambda x^2 / 2", lambda: _two_term(lambda u, w: (T * sp.Matrix([u, w]))[0],
                                              lambda u, w: u - eta * lam * u + beta * (u - w))
      and zero((T * sp.Matrix([x0, x1]))[1] - x0))
label(PM, _line(r"\det(zI - T) = z^2 - (1 + \beta - \eta\lambda) z + \beta"), "claim", "right",
      "sympy: det(z I - T) expanded", "T the heavy-ball matrix",
      lambda: zero((z * sp.eye(2) - T).det() - (z**2 - (1 + beta - eta * lam) * z + beta)))
DISC = sp.sqrt((1 + beta - eta * lam) ** 2 - 4 * beta)
label(PM, _line(r"z_{\pm} = \frac{1 + \beta - \eta\lambda \pm \sqrt{"), "claim", "right",
      "sympy: both z_+ and z_- are roots of det(zI - T) and distinct when the discriminant is nonzero",
      "T the heavy-ball matrix",
      lambda: all(zero(sp.expand((z**2 - (1 + beta - eta * lam) * z + beta).subs(z, (1 + beta - eta * lam + s * DISC) / 2)))
                  for s in (1, -1)))
BETA_TUNED = ((sp.sqrt(kappa) - 1) / (sp.sqrt(kappa) + 1)) ** 2
label(PM, _line(r"\sqrt{\beta} = \frac{\kappa - 1}{\kappa + 1}"), "claim", "wrong",
      "sympy: with beta = ((sqrt(kappa) - 1)/(sqrt(kappa) + 1))^2, sqrt(beta) = (sqrt(kappa) - 1)/(sqrt(kappa) + 1);"
      " at kappa = 4 that is 1/3, not 3/5", "kappa > 1",
      lambda: zero(sp.sqrt(BETA_TUNED).subs(kappa, 4) - sp.Rational(3, 5)))
label(PM, _line(r"x_{k+1} = (1 + \beta)(1 - \eta\lambda) x_k - \beta x_{k-1}"), "claim", "wrong",
      "sympy: y = (1 + beta) x_k - beta x_{k-1}, x_{k+1} = (1 - eta lambda) y: the x_{k-1} term is "
      "-beta (1 - eta lambda) x_{k-1}", "f = lambda x^2 / 2",
      lambda: _two_term(lambda u, w: (1 - eta * lam) * (u + beta * (u - w)),
                        lambda u, w: (1 + beta) * (1 - eta * lam) * u - beta * w))
label(PM, _line(r"v_k = \sum_{i=0}^{k-1} \beta^i g = \frac{1 - \beta^k}{1 - \beta} g"), "claim", "right",
      "sympy: v_{k+1} = beta v_k + g from 0 equals both the sum and (1 - beta^k)/(1 - beta) g for k = 0..8",
      "beta != 1",
      lambda: _iterate(lambda v: beta * v + g, 0, lambda k: sum(beta**i * g for i in range(k)))
      and _iterate(lambda v: beta * v + g, 0, lambda k: (1 - beta**k) / (1 - beta) * g))
label(PM, _line(r"m_k = (1 - \beta^k) g"), "claim", "right",
      "sympy: m_k = beta m_{k-1} + (1 - beta) g from 0 equals (1 - beta^k) g for k = 0..8", "",
      lambda: _iterate(lambda m: beta * m + (1 - beta) * g, 0, lambda k: (1 - beta**k) * g))
# ---------------------------------------------------------------- 3. Newton
A_POS = sp.Symbol("a", positive=True)
XK = sp.Symbol("x_k", positive=True)
label(PM, _line(r"x_{k+1} = \frac{1}{2}\left(x_k + \frac{a}{x_k}\right)"), "claim", "right",
      "sympy: x - (x^2 - a)/(2x) = (x + a/x)/2", "a > 0",
      lambda: zero(XK - (XK**2 - A_POS) / (2 * XK) - (XK + A_POS / XK) / 2))
label(PM, _line(r"e_{k+1} = \frac{e_k^2}{x_k}"), "claim", "wrong",
      "sympy: (x + a/x)/2 - sqrt(a) = (x - sqrt(a))^2/(2x): the denominator is 2 x_k", "a > 0, x_k > 0",
      lambda: zero((XK + A_POS / XK) / 2 - sp.sqrt(A_POS) - (XK - sp.sqrt(A_POS)) ** 2 / XK))
label(PM, _line(r"x_{k+1} = x_k (2 - a x_k)"), "claim", "right",
      "sympy: x - (1/x - a)/(-1/x^2) = x (2 - a x)", "a != 0",
      lambda: zero(XK - (1 / XK - a) / (-1 / XK**2) - XK * (2 - a * XK)))
label(PM, _line(r"1 - a x_{k+1} = (1 - a x_k)^2"), "claim", "right",
      "sympy: 1 - a x (2 - a x) = (1 - a x)^2", "",
      lambda: zero(1 - a * x * (2 - a * x) - (1 - a * x) ** 2))
F = sp.Function("f")
label(PM, _line(r"g'(x) = \frac{f(x) f''(x)}{f'(x)^2}"), "claim", "right",
      "sympy: d/dx (x - f/f') = f f''/f'^2 for an undefined f", "f'(x) != 0",
      lambda: zero(sp.diff(x - F(x) / sp.diff(F(x), x), x) - F(x) * sp.diff(F(x), x, 2) / sp.diff(F(x), x) ** 2))
label(PM, _line(r"x_{k+1} = \frac{x_k}{3}"), "claim", "wrong",
      "sympy: x - x^3/(3x^2) = 2x/3, not x/3", "x_k != 0",
      lambda: zero(XK - XK**3 / (3 * XK**2) - XK / 3))
label(PM, _line(r"x_1 = -\frac{b}{a}"), "claim", "right",
      "sympy: x_0 - (a x_0 + b)/a = -b/a for every x_0", "a > 0",
      lambda: zero(x0 - (A_POS * x0 + b) / A_POS + b / A_POS))
# ---------------------------------------------------------------- 4. fixed points and power iteration
XSTAR = b / (1 - c)
label(PM, _line(r"x_k - x^* = c^k (x_0 - x^*)"), "claim", "right",
      "sympy: x_{k+1} = c x_k + b from x_0, minus b/(1 - c), equals c^k (x_0 - b/(1 - c)) for k = 0..8", "|c| < 1",
      lambda: _iterate(lambda v: c * v + b, x0, lambda k: XSTAR + c**k * (x0 - XSTAR)))
label(PM, _line(r"x_k = c^k x_0 + b \frac{1 - c^{k+1}}{1 - c}"), "claim", "wrong",
      "sympy: the recurrence gives x_k = c^k x_0 + b (1 - c^k)/(1 - c); the stated form gives x_0 + b at k = 0",
      "|c| < 1", lambda: _iterate(lambda v: c * v + b, x0, lambda k: c**k * x0 + b * (1 - c ** (k + 1)) / (1 - c)))
A2 = sp.Matrix([[2, 1], [1, 2]])
label(PM, _line(r"A^k \begin{pmatrix} 1 \\ 0 \end{pmatrix} = \frac{1}{2}"), "claim", "right",
      "sympy: A^k (1, 0) for k = 0..8 against ((3^k + 1)/2, (3^k - 1)/2)", "A = [[2, 1], [1, 2]]",
      lambda: all(A2**k * sp.Matrix([1, 0]) == sp.Matrix([3**k + 1, 3**k - 1]) / 2 for k in range(STEPS + 1)))
label(PM, _line(r"\frac{x_k^T A x_k}{x_k^T x_k} = 3 - \frac{2}{3^{2k} + 1}"), "claim", "right",
      "sympy: the Rayleigh quotient of A^k (1, 0) for k = 0..8", "A = [[2, 1], [1, 2]], x_0 = (1, 0)",
      lambda: all(zero((v.T * A2 * v)[0] / (v.T * v)[0] - (3 - sp.Rational(2, 3 ** (2 * k) + 1)))
                  for k in range(STEPS + 1) for v in [A2**k * sp.Matrix([1, 0])]))
# ---------------------------------------------------------------- 5. quadrature
TRAPEZOID = lambda f, lo, hi: (hi - lo) / 2 * (f(lo) + f(hi))  # noqa: E731
MIDPOINT = lambda f, lo, hi: (hi - lo) * f((lo + hi) / 2)  # noqa: E731
SIMPSON = lambda f, lo, hi: (hi - lo) / 6 * (f(lo) + 4 * f((lo + hi) / 2) + f(hi))  # noqa: E731
label(PM, _line(r"\int_{\alpha}^{\beta'} f(x)\, dx = \frac{H}{2}\left(f(\alpha) + f(\beta')\right)"), "claim",
      "right", "sympy: exact on [alpha, alpha + H] for f = x^2 (f'' = 2) and f = x (f'' = 0)", "f smooth",
      lambda: _quadrature(TRAPEZOID, -H**3 / 12 * 2, x**2) and _quadrature(TRAPEZOID, 0, x))
label(PM, _line(r"\int_{\alpha}^{\beta'} f(x)\, dx = H f\left(\frac{\alpha + \beta'}{2}\right)"), "claim", "right",
      "sympy: exact on [alpha, alpha + H] for f = x^2 (f'' = 2) and f = x", "f smooth",
      lambda: _quadrature(MIDPOINT, H**3 / 24 * 2, x**2) and _quadrature(MIDPOINT, 0, x))
label(PM, _line(r"- \frac{H^5}{90} f''''(\xi)"), "claim", "wrong",
      "sympy: on f = x^4 (f'''' = 24) the remainder is -H^5/2880 * 24, so -H^5/90 f'''' is 32 times too large "
      "(1/90 belongs to the half-width h = H/2)", "f smooth",
      lambda: _quadrature(SIMPSON, -H**5 / 90 * 24, x**4) and _quadrature(SIMPSON, 0, x**3))
label(PM, _line(r"\frac{1}{2}(0 + 1) - \int_0^1 x^2\, dx = \frac{1}{12}"), "claim", "wrong",
      "sympy: 1/2 - 1/3 = 1/6 (the remainder H^3 f''/12 with f'' = 2), not 1/12", "",
      lambda: zero(sp.Rational(1, 2) - sp.integrate(x**2, (x, 0, 1)) - sp.Rational(1, 12)))
label(PM, _line(r"\int_0^1 x^2\, dx - \left(\frac{1}{2}\right)^2 = \frac{1}{12}"), "claim", "right",
      "sympy: 1/3 - 1/4 = 1/12", "",
      lambda: zero(sp.integrate(x**2, (x, 0, 1)) - sp.Rational(1, 4) - sp.Rational(1, 12)))
label(PM, _line(r"\frac{1}{6}\left(0 + 4 \cdot \frac{1}{8} + 1\right) = \int_0^1 x^3\, dx"), "claim", "right",
      "sympy: (0 + 1/2 + 1)/6 = 1/4", "",
      lambda: zero(sp.Rational(1, 6) * (0 + 4 * sp.Rational(1, 8) + 1) - sp.integrate(x**3, (x, 0, 1))))
label(PM, _line(r"\int_0^1 x^4\, dx - \frac{1}{6}\left(0 + 4 \cdot \frac{1}{16} + 1\right) = -\frac{1}{120}"),
      "claim", "right", "sympy: 1/5 - 5/24 = -1/120", "",
      lambda: zero(sp.integrate(x**4, (x, 0, 1)) - sp.Rational(1, 6) * (4 * sp.Rational(1, 16) + 1)
                   + sp.Rational(1, 120)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
