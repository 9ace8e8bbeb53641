r"""Independent checks of the hand labels of planted_mistakes_14.md (round 42): a fourteenth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Eight sections (Newton's method for a square root and a reciprocal, heavy-ball and Nesterov momentum, cosine and
warm-up learning-rate schedules, the Armijo condition on a quadratic, Lipschitz and smoothness constants, Richardson
extrapolation of a central difference, trapezoid, Simpson and midpoint errors, derivatives of common layers); ten
claims carry one deliberate slip each: Newton's error for sqrt(a) without its factor 1/2, a momentum closed form with
the exponent t + 1, a Nesterov step that leaves the momentum term unshrunk, the trace of the heavy-ball matrix without
the step, sin^2 for cos^2 in the cosine schedule's half-angle form, the Armijo condition claimed for every step up to
1, the sigmoid's Lipschitz constant 1/4 given to tanh, Richardson weights 2 and -1 used on a second-order difference,
the trapezoid error with its sign dropped, and the swish derivative with one product-rule term.  As in the earlier
rounds each entry names a block by ``(file, line[, text that picks it])``, gives its role and label, says how it
was checked and, for ``right``/``wrong``, carries a check written by hand with sympy or mpmath that returns True when
the block's claim holds.  A wrong label's check evaluates the claim as stated (under the section's conditions) and
finds it false at a concrete point that satisfies them.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round42.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round42.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, nonclaim_table, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_14.md"
x, y, v, g, c, s, t, z, w, b, mu = sp.symbols("x y v g c s t z w b mu", real=True)
a, h, T, lam, eta, al = sp.symbols("a h T lambda eta alpha", positive=True)
emin, emax = sp.symbols("eta_min eta_max", real=True)
W = sp.Symbol("W", integer=True, positive=True)
j = sp.Symbol("j", integer=True)

UNIT = [sp.Rational(k, 10) for k in (1, 3, 5, 7, 9)]
"""Exact points of (0, 1) for beta, c and steps."""
REALS = [sp.Rational(k, 4) for k in (-7, -3, -1, 0, 2, 5)]
"""Exact real points for positions, velocities, gradients and logits."""
SLACK = mp.mpf("1e-25")
"""Room for 30-digit rounding in an inequality; the wrong claims miss by 1e-2 or more."""


def _holds_on(claim, *grids) -> bool:
    """True when ``claim(*point)`` holds at every point of the product of ``grids`` (exact rationals)."""
    return all(bool(claim(*p)) for p in itertools.product(*grids))


def _mp_holds_on(claim, *grids) -> bool:
    """``_holds_on`` evaluated with mpmath at 30 digits."""
    with mp.workdps(30):
        return all(bool(claim(*(mp.mpf(sp.Rational(q).p) / sp.Rational(q).q for q in p)))
                   for p in itertools.product(*grids))


# ---------------------------------------------------------------- 1. Newton's method for a square root
nonclaim_table(nonclaim, PM, r"""
9 no-claim | \sqrt{a}
9 condition | a > 0
9 no-claim | x^2 - a
15 condition | x > 0
27 no-claim | \frac{1}{x} - a
""")
label(PM, 11, "claim", "right", "sympy: x - (x^2 - a)/(2x) - (x + a/x)/2 cancels to 0", "x > 0",
      lambda: zero(x - (x**2 - a) / (2 * x) - (x + a / x) / 2))
label(PM, 17, "claim", "right", "sympy: (x + a/x)/2 - sqrt(a) - (x - sqrt(a))^2/(2x) cancels to 0", "a > 0, x > 0",
      lambda: zero((x + a / x) / 2 - sp.sqrt(a) - (x - sp.sqrt(a))**2 / (2 * x)))
label(PM, 23, "claim", "wrong", "exact: a = 1, x = 2: the left side is 1/4, the right 1/2", "a > 0, x > 0",
      lambda: zero((x + a / x) / 2 - sp.sqrt(a) - (x - sp.sqrt(a))**2 / x))
label(PM, 29, "claim", "right", "sympy: x - (1/x - a)/(-1/x^2) - x(2 - ax) cancels to 0", "x != 0",
      lambda: zero(x - (1 / x - a) / (-1 / x**2) - x * (2 - a * x)))
label(PM, 35, "claim", "right", "sympy: 1 - ax(2 - ax) - (1 - ax)^2 expands to 0", "",
      lambda: zero(1 - a * x * (2 - a * x) - (1 - a * x)**2))

# ---------------------------------------------------------------- 2. heavy ball and Nesterov momentum
nonclaim_table(nonclaim, PM, r"""
41 no-claim | g
41 condition | 0 < \beta < 1
43 definition | v_t = \beta v_{t-1} + g     # the recurrence the closed forms are about
47 definition | v_0 = 0
47 condition | t \ge 1
59 no-claim | \frac{\lambda}{2}x^2
59 condition | \lambda > 0
59 no-claim | x + \mu v
59 no-claim | x
71 condition | \alpha > 0
""")
be = sp.Symbol("beta", positive=True)


def _velocities(beta, grad, steps):
    """v_1..v_steps of v_t = beta v_{t-1} + grad from v_0 = 0, run step by step."""
    out, vel = [], sp.Integer(0)
    for _ in range(steps):
        vel = beta * vel + grad
        out.append(vel)
    return out


label(PM, 49, "claim", "right", "exact: the recurrence run from v_0 = 0 for t = 1..6 at beta in {1/10, ..., 9/10}, "
      "g in a grid, equals (1 - beta^t)/(1 - beta) g at each t", "0 < beta < 1, v_0 = 0, t >= 1",
      lambda: _holds_on(lambda bb, gg: all(vt == (1 - bb**(n + 1)) / (1 - bb) * gg
                                           for n, vt in enumerate(_velocities(bb, gg, 6))), UNIT, REALS))
label(PM, 55, "claim", "wrong", "exact: t = 1, beta = 1/2, g = 1: v_1 = 1 but (1 - beta^2)/(1 - beta) g = 3/2",
      "0 < beta < 1, v_0 = 0, t >= 1",
      lambda: _holds_on(lambda bb, gg: all(vt == (1 - bb**(n + 2)) / (1 - bb) * gg
                                           for n, vt in enumerate(_velocities(bb, gg, 6))), UNIT, REALS))
label(PM, 61, "claim", "right", "sympy: x + mu v - eta lambda (x + mu v) - (1 - eta lambda)(x + mu v) expands to 0",
      "lambda > 0", lambda: zero(x + mu * v - eta * lam * (x + mu * v) - (1 - eta * lam) * (x + mu * v)))
label(PM, 67, "claim", "wrong", "exact: eta = lambda = mu = v = 1, x = 0: the left side is 0, the right 1",
      "lambda > 0", lambda: zero(x + mu * v - eta * lam * (x + mu * v) - ((1 - eta * lam) * x + mu * v)))
label(PM, 73, "claim", "right", "sympy: the determinant of [[1 + beta - alpha lambda, -beta], [1, 0]] is beta",
      "alpha > 0, lambda > 0", lambda: zero(sp.Matrix([[1 + be - al * lam, -be], [1, 0]]).det() - be))
label(PM, 79, "claim", "wrong", "exact: the trace is 1 + beta - alpha lambda; alpha = lambda = 1 gives beta, "
      "not 1 + beta", "alpha > 0, lambda > 0",
      lambda: zero(sp.Matrix([[1 + be - al * lam, -be], [1, 0]]).trace() - (1 + be)))

# ---------------------------------------------------------------- 3. learning-rate schedules
nonclaim_table(nonclaim, PM, r"""
85 no-claim | \eta_{\max}
85 example | t = 0
85 no-claim | \eta_{\min}
85 example | t = T
85 condition | T > 0
103 condition | W \ge 1
103 no-claim | \frac{\eta t}{W}
103 no-claim | t
""")
label(PM, 87, "claim", "right", "sympy: cos(pi/2) = 0, so the left side is (eta_max + eta_min)/2", "",
      lambda: zero(emin + (emax - emin) * (1 + sp.cos(sp.pi / 2)) / 2 - (emax + emin) / 2))
label(PM, 93, "claim", "right", "sympy: (1 + cos 2u)/2 = cos^2 u with u = pi t/(2T) (expand_trig)", "T > 0",
      lambda: zero(sp.expand_trig((1 + sp.cos(2 * (sp.pi * t / (2 * T)))) / 2 - sp.cos(sp.pi * t / (2 * T))**2)))
label(PM, 99, "claim", "wrong", "exact: t = 0 gives 1 on the left and sin^2 0 = 0 on the right", "T > 0",
      lambda: all(zero(((1 + sp.cos(sp.pi * tt / T)) / 2 - sp.sin(sp.pi * tt / (2 * T))**2).subs(T, 1))
                  for tt in (0, sp.Rational(1, 3), 1)))
label(PM, 105, "claim", "right", "sympy: sum_{t=1}^W eta t/W at W = 1..8 equals eta (W + 1)/2", "W >= 1",
      lambda: all(zero(sum(eta * k / n for k in range(1, n + 1)) - eta * (n + 1) / 2) for n in range(1, 9)))
label(PM, 111, "claim", "right", "sympy: the integral of (1 + cos(pi t/T))/2 over [0, T] is T/2", "T > 0",
      lambda: zero(sp.integrate((1 + sp.cos(sp.pi * t / T)) / 2, (t, 0, T)) / T - sp.Rational(1, 2)))

# ---------------------------------------------------------------- 4. the Armijo condition on a quadratic
nonclaim_table(nonclaim, PM, r"""
117 definition | f(x) = x^2
117 no-claim | s
117 no-claim | x(1 - 2s)
117 condition | 0 < c < 1
117 condition | 0 < s \le 1 - c
123 condition | 0 < s \le 1
123 condition | 0 < c < 1
129 no-claim | \frac{a}{2}x^2
""")
label(PM, 117, "claim", "right", "sympy: f = x^2 has f' = 2x", "", lambda: zero(-sp.diff(x**2, x) - (-2 * x)),
      pick=r"-f'(x) = -2x")


def _armijo(xx, ss, cc):
    return xx**2 * (1 - 2 * ss)**2 <= xx**2 - cc * ss * (2 * xx)**2


label(PM, 119, "claim", "right", "exact: x^2 (1 - 2s)^2 <= x^2 - 4csx^2 is 4x^2 s (s - (1 - c)) <= 0, true for "
      "0 < s <= 1 - c; checked on a grid of x, c in (0, 1) and s in (0, 1 - c]", "0 < c < 1, 0 < s <= 1 - c",
      lambda: all(_armijo(xx, (1 - cc) * ff, cc) for xx in REALS for cc in UNIT for ff in UNIT + [1]))
label(PM, 125, "claim", "wrong", "exact: x = 1, s = 1, c = 1/2: the left side is 1, the right -1",
      "0 < c < 1, 0 < s <= 1",
      lambda: all(_armijo(xx, ss, cc) for xx in REALS for cc in UNIT for ss in UNIT + [1]))
label(PM, 131, "claim", "right", "sympy: differentiate (a/2)(x - sax)^2 in s; the difference expands to 0", "",
      lambda: zero(sp.diff(a / 2 * (x - s * a * x)**2, s) - (-a**2 * x * (x - s * a * x))))

# ---------------------------------------------------------------- 5. Lipschitz and smoothness constants
nonclaim_table(nonclaim, PM, r"""
137 definition | \sigma(z) = \frac{1}{1 + e^{-z}}
137 no-claim | a
137 no-claim | b
""")
GRID = [sp.Rational(k, 4) for k in range(-24, 25, 3)]
"""Points of [-6, 6] for logits."""
label(PM, 139, "claim", "right", "mpmath: |sigma(a) - sigma(b)| <= |a - b|/4 on a grid of pairs in [-6, 6] (the "
      "sigmoid's derivative sigma(1 - sigma) is at most 1/4)", "",
      lambda: _mp_holds_on(lambda p, q: abs(1 / (1 + mp.e**-p) - 1 / (1 + mp.e**-q)) <= abs(p - q) / 4 + SLACK,
                           GRID, GRID))
label(PM, 145, "claim", "wrong", "mpmath: a = 1/4, b = 0: tanh(1/4) = 0.245 > 1/16", "",
      lambda: _mp_holds_on(lambda p, q: abs(mp.tanh(p) - mp.tanh(q)) <= abs(p - q) / 4 + SLACK, GRID, GRID))
label(PM, 151, "claim", "right", "mpmath: the second derivative of log(1 + e^z) (sympy diff, evaluated at 30 "
      "digits) is at most 1/4 on a grid of [-6, 6], its maximum 1/4 at z = 0",
      "", lambda: all(sp.N(sp.diff(sp.log(1 + sp.exp(z)), z, 2).subs(z, q), 30) <= sp.Rational(1, 4) + 1e-25
                      for q in GRID))

# ---------------------------------------------------------------- 6. Richardson extrapolation
nonclaim_table(nonclaim, PM, r"""
157 definition | f(x) = x^3
157 condition | h > 0
157 no-claim | h^2
163 no-claim | h
163 no-claim | \frac{4}{3}
163 no-claim | -\frac{1}{3}
169 no-claim | 2
169 no-claim | -1
""")
label(PM, 159, "claim", "right", "sympy: ((x + h)^3 - (x - h)^3)/(2h) - 3x^2 - h^2 cancels to 0", "h > 0",
      lambda: zero(((x + h)**3 - (x - h)**3) / (2 * h) - 3 * x**2 - h**2))
label(PM, 165, "claim", "right", "sympy: (4(3x^2 + h^2/4) - (3x^2 + h^2))/3 - 3x^2 expands to 0", "h > 0",
      lambda: zero((4 * (3 * x**2 + h**2 / 4) - (3 * x**2 + h**2)) / 3 - 3 * x**2))
label(PM, 171, "claim", "wrong", "exact: the left side is 3x^2 - h^2/2; h = 1, x = 0 gives -1/2 against 0", "h > 0",
      lambda: zero(2 * (3 * x**2 + h**2 / 4) - (3 * x**2 + h**2) - 3 * x**2))

# ---------------------------------------------------------------- 7. trapezoid and Simpson errors
nonclaim_table(nonclaim, PM, r"""
177 no-claim | [0, h]
177 condition | h > 0
177 no-claim | x^2
177 no-claim | -\frac{h^3}{12}f''
177 no-claim | f'' = 2     # the second derivative of x^2, as a value
189 no-claim | [0, 2h]
195 no-claim | x^4
195 no-claim | 24
195 no-claim | -\frac{h^5}{90}f^{(4)}
201 no-claim | [0, h]
201 no-claim | \frac{h^3}{24}f''
""")
label(PM, 179, "claim", "right", "sympy: h^3/3 - h^3/2 = -h^3/6 = -(h^3/12) 2", "h > 0",
      lambda: zero(sp.integrate(x**2, (x, 0, h)) - h / 2 * (0 + h**2) + h**3 / 12 * 2))
label(PM, 185, "claim", "wrong", "exact: the left side is -h^3/6, the right +h^3/6 (h = 1: -1/6 against 1/6)", "h > 0",
      lambda: zero(sp.integrate(x**2, (x, 0, h)) - h / 2 * (0 + h**2) - h**3 / 12 * 2))
label(PM, 191, "claim", "right", "sympy: both sides are 4h^4", "h > 0",
      lambda: zero(sp.integrate(x**3, (x, 0, 2 * h)) - h / 3 * (0 + 4 * h**3 + (2 * h)**3)))
label(PM, 197, "claim", "right", "sympy: 32h^5/5 - 20h^5/3 = -4h^5/15 = -24h^5/90", "h > 0",
      lambda: zero(sp.integrate(x**4, (x, 0, 2 * h)) - h / 3 * (0 + 4 * h**4 + (2 * h)**4) + h**5 / 90 * 24))
label(PM, 203, "claim", "right", "sympy: h^3/3 - h^3/4 = h^3/12 = (h^3/24) 2", "h > 0",
      lambda: zero(sp.integrate(x**2, (x, 0, h)) - h * (h / 2)**2 - h**3 / 24 * 2))

# ---------------------------------------------------------------- 8. derivatives of common layers
nonclaim_table(nonclaim, PM, r"""
209 no-claim | w
209 no-claim | b
215 no-claim | x_1
215 no-claim | x_2
215 no-claim | x_2 e^{s} + t
215 no-claim | s
215 no-claim | t
221 no-claim | x\sigma(x)
""")
label(PM, 211, "claim", "right", "sympy: diff(tanh(wx + b), x) - w(1 - tanh^2(wx + b)) simplifies to 0", "",
      lambda: zero(sp.diff(sp.tanh(w * x + b), x) - w * (1 - sp.tanh(w * x + b)**2)))
label(PM, 217, "claim", "right", "sympy: the determinant of the triangular [[1, 0], [c, e^s]] is e^s", "",
      lambda: zero(sp.Matrix([[1, 0], [c, sp.exp(s)]]).det() - sp.exp(s)))
label(PM, 223, "claim", "right", "sympy: diff(x/(1 + e^{-x}), x) minus the right side simplifies to 0", "",
      lambda: zero(sp.diff(x / (1 + sp.exp(-x)), x) - (1 / (1 + sp.exp(-x)) + x * sp.exp(-x) / (1 + sp.exp(-x))**2)))
label(PM, 229, "claim", "wrong", "exact: at x = 0 the derivative is 1/2, the right side 0", "",
      lambda: zero(sp.diff(x / (1 + sp.exp(-x)), x) - x * sp.exp(-x) / (1 + sp.exp(-x))**2))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
