r"""Independent checks of the hand labels of the two homework notes of stop 46 (branch scope46):
``everyday_optimisation_homework.md`` (problems separated by rules and "**Problem n.**" labels) and
``everyday_probability_homework.md`` ("**Qn.**" labels), each with four deliberate, realistic slips.  Labelled before
Formulary was run on them.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy, mpmath or exact fractions that returns True when the
block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_scope46.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_scope46.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, holds_at, mp_points, recorder, zero

ENTRIES, label, nonclaim = recorder()
x, y, lam, w, a, b = sp.symbols("x y lambda w a b", real=True)
eta, g, beta = sp.symbols("eta g beta", real=True)
k, t_, n = sp.symbols("k t n", integer=True, positive=True)
POS = mp_points("0.05", 9)


def _lines(name):
    return (HERE / name).read_text(encoding="utf-8").splitlines()


def at(name, snippet, nth=0):
    """The line (1-based) of the ``nth`` line of ``name`` holding ``snippet`` (not the header comment)."""
    hits = [i + 1 for i, s in enumerate(_lines(name)) if snippet in s and not s.startswith(("<!--", "%"))]
    return hits[nth]


# ---------------------------------------------------------------- everyday_optimisation_homework.md
OP = "everyday_optimisation_homework.md"
LAG = x**2 + y**2 - lam * (x + y - 10)
nonclaim(OP, at(OP, "**Problem 1.**"), "definition", "the objective f(x, y)", pick="f(x, y) = x^2 + y^2")
nonclaim(OP, at(OP, "**Problem 1.**"), "condition", "the problem's constraint", pick="x + y = 10")
nonclaim(OP, at(OP, "Lagrangian:"), "definition", "the Lagrangian")
label(OP, at(OP, r"\partial x} = 2x - \lambda"), "claim", "right", "sympy: dL/dx = 2x - lambda, dL/dy = 2y - lambda", "",
      lambda: zero(sp.diff(LAG, x) - (2 * x - lam)) and zero(sp.diff(LAG, y) - (2 * y - lam)))
label(OP, at(OP, r"\partial \lambda} = x + y - 10"), "claim", "wrong",
      "sympy: dL/dlambda = -(x + y - 10) = 10 - x - y; the sign is flipped", "",
      lambda: zero(sp.diff(LAG, lam) - (x + y - 10)))
nonclaim(OP, at(OP, "Setting the partials"), "equation", "the stationarity condition x = y", pick="x = y")
nonclaim(OP, at(OP, "Setting the partials"), "example", "the solution x = y = 5", pick="x = y = 5")
label(OP, at(OP, "Setting the partials"), "claim", "right", "exact: 25 + 25 = 50", "", lambda: 5**2 + 5**2 == 50,
      pick="f(5, 5) = 50")
nonclaim(OP, at(OP, "**Problem 2.**"), "definition", "the quadratic g", pick=r"g(w) = \frac{a}{2}w^2")
nonclaim(OP, at(OP, "**Problem 2.**"), "condition", "a > 0", pick="a > 0")
label(OP, at(OP, r"w_{k+1} = w_k - \eta a w_k"), "claim", "right",
      "sympy: w - eta * g'(w) = w - eta a w = (1 - eta a) w", "",
      lambda: zero(w - eta * sp.diff(a * w**2 / 2, w) - (1 - eta * a) * w)
      and zero(w - eta * a * w - (1 - eta * a) * w))
label(OP, at(OP, r"$$w_k = (1 - \eta a)^k w_0$$"), "claim", "right",
      "sympy: the recurrence w_{k+1} = (1 - eta a) w_k iterated k = 0..6 times from w_0", "",
      lambda: all(zero(_iterate(lambda v: (1 - eta * a) * v, sp.Symbol("w_0"), kk)
                       - (1 - eta * a) ** kk * sp.Symbol("w_0")) for kk in range(7)))
nonclaim(OP, at(OP, "It converges iff"), "condition", "the convergence condition", pick=r"|1 - \eta a| < 1")
nonclaim(OP, at(OP, "It converges iff"), "condition", "the step-size range", pick=r"0 < \eta < 2/a")
nonclaim(OP, at(OP, "It converges iff"), "example", "the step size 2/a", pick=r"\eta = 2/a")
label(OP, at(OP, r"$$w_k = (-1)^k w_0$$"), "claim", "right", "sympy: at eta = 2/a, 1 - eta a = -1", "eta = 2/a",
      lambda: zero((1 - 2 / a * a) - (-1)))
nonclaim(OP, at(OP, "**Problem 3.**"), "definition", "the function h", pick="h(x) = e^x + x^2")
label(OP, at(OP, r"$$h'(x) = e^x + x$$"), "claim", "wrong", "sympy: h'(x) = e^x + 2x, not e^x + x", "",
      lambda: zero(sp.diff(sp.exp(x) + x**2, x) - (sp.exp(x) + x)))
label(OP, at(OP, r"$$h''(x) = e^x + 2 > 0$$"), "claim", "right",
      "sympy: h'' = e^x + 2; mpmath: e^x + 2 > 0 at 41 points of [-9, 9] (e^x > 0 everywhere)", "",
      lambda: zero(sp.diff(sp.exp(x) + x**2, x, 2) - (sp.exp(x) + 2))
      and holds_at(lambda v: mp.exp(v) + 2, lambda v: 0, ">", mp_points(-9, 9)))
label(OP, at(OP, r"x_{k+1} = x_k - \frac{x_k^2 - 2}{2x_k}"), "claim", "right",
      "sympy: x - (x^2 - 2)/(2x) = x/2 + 1/x", "", lambda: zero(x - (x**2 - 2) / (2 * x) - (x / 2 + 1 / x)))
nonclaim(OP, at(OP, "From $x_0 = 1$"), "example", "the starting point", pick="x_0 = 1")
label(OP, at(OP, "From $x_0 = 1$"), "claim", "right", "exact: 1/2 + 1/1 = 3/2", "x_0 = 1",
      lambda: Fr(1, 2) + Fr(1, 1) == Fr(3, 2), pick=r"x_1 = \frac{3}{2}")
label(OP, at(OP, "From $x_0 = 1$"), "claim", "right", "exact: (3/2)/2 = 3/4, 1/(3/2) = 2/3, 3/4 + 2/3 = 17/12",
      "x_1 = 3/2", lambda: Fr(3, 2) / 2 == Fr(3, 4) and 1 / Fr(3, 2) == Fr(2, 3) and Fr(3, 4) + Fr(2, 3) == Fr(17, 12),
      pick=r"x_2 = \frac{3}{4} + \frac{2}{3} = \frac{17}{12}")
nonclaim(OP, at(OP, "**Problem 5.**"), "definition", "the least-squares objective J")
_X, _Y = sp.symbols("x_1:4", real=True), sp.symbols("y_1:4", real=True)
_J = sum((w * xi - yi) ** 2 for xi, yi in zip(_X, _Y))
label(OP, at(OP, r"$$J'(w) = 2\sum_i"), "claim", "right", "sympy: dJ/dw for three samples", "",
      lambda: zero(sp.diff(_J, w) - 2 * sum((w * xi - yi) * xi for xi, yi in zip(_X, _Y))))
label(OP, at(OP, r"$$J''(w) = 2\sum_i x_i$$"), "claim", "wrong", "sympy: J'' = 2 sum_i x_i^2, not 2 sum_i x_i", "",
      lambda: zero(sp.diff(_J, w, 2) - 2 * sum(_X)))
nonclaim(OP, at(OP, "Setting $J'(w) = 0$"), "equation", "the normal equation", pick="J'(w) = 0")
nonclaim(OP, at(OP, "Setting $J'(w) = 0$"), "definition", "the minimiser w hat",
         pick=r"\hat w = \frac{\sum_i x_i y_i}{\sum_i x_i^2}")
nonclaim(OP, at(OP, "**Problem 6.**"), "definition", "the momentum recurrence", pick=r"v_t = \beta v_{t-1} + g")
nonclaim(OP, at(OP, "**Problem 6.**"), "example", "the first step v_0 = 0", pick="v_0 = 0")
label(OP, at(OP, r"$$v_t = g\sum_{k=0}^{t-1}\beta^k"), "claim", "right",
      "sympy: v_t from v_0 = 0 iterated t = 1..7 times, against both sides (beta != 1)", "v_0 = 0",
      lambda: all(zero(_iterate(lambda v: beta * v + g, 0, tt) - g * sum(beta**j for j in range(tt)))
                  and zero(g * sum(beta**j for j in range(tt)) - g * (1 - beta**tt) / (1 - beta))
                  for tt in range(1, 8)))
nonclaim(OP, at(OP, r"For $0 < \beta < 1$"), "condition", "0 < beta < 1")
label(OP, at(OP, r"\lim_{t \to \infty} g"), "claim", "right", "sympy: beta^t -> 0 for 0 < beta < 1", "0 < beta < 1",
      lambda: all(zero(sp.limit(g * (1 - sp.Rational(p, 10) ** sp.Symbol("s", positive=True))
                                / (1 - sp.Rational(p, 10)), sp.Symbol("s", positive=True), sp.oo)
                       - g / (1 - sp.Rational(p, 10))) for p in (1, 5, 9)))
nonclaim(OP, at(OP, "**Problem 7.**"), "condition", "a, b >= 0")
label(OP, at(OP, r"$$\frac{a + b}{2} \ge \sqrt{ab}$$"), "claim", "right",
      "mpmath: on a 13 x 13 grid of [0, 9]^2 ((a + b)/2 - sqrt(ab) = (sqrt a - sqrt b)^2 / 2)", "a, b >= 0",
      lambda: all(holds_at(lambda v: (u + v) / 2, lambda v: mp.sqrt(u * v), ">=", mp_points(0, 9, 13))
                  for u in mp_points(0, 9, 13)))
nonclaim(OP, at(OP, "For $x > 0$:"), "condition", "x > 0")
label(OP, at(OP, r"$$\log x \le x - 1$$"), "claim", "right", "mpmath: 41 points of [0.05, 9]", "x > 0",
      lambda: holds_at(mp.log, lambda v: v - 1, "<=", POS))
label(OP, at(OP, r"$$\sqrt{x} \le \frac{1 + x}{2}$$"), "claim", "right", "mpmath: 41 points of [0.05, 9]", "x > 0",
      lambda: holds_at(mp.sqrt, lambda v: (1 + v) / 2, "<=", POS))
label(OP, at(OP, r"$$\frac{1}{1 + x} \ge 1 - x + x^2$$"), "claim", "wrong",
      "mpmath: at x = 1, 1/2 < 1; 1/(1 + x) = 1 - x + x^2 - x^3/(1 + x) lies below for x > 0", "x > 0",
      lambda: holds_at(lambda v: 1 / (1 + v), lambda v: 1 - v + v * v, ">=", POS))
label(OP, at(OP, "and for every real $x$"), "claim", "right", "mpmath: 41 points of [-9, 9]", "",
      lambda: holds_at(mp.exp, lambda v: 1 + v, ">=", mp_points(-9, 9)), pick=r"e^x \ge 1 + x")


def _iterate(step, start, times):
    value = start
    for _ in range(times):
        value = sp.expand(step(value))
    return value


# ---------------------------------------------------------------- everyday_probability_homework.md
PH = "everyday_probability_homework.md"
nonclaim(PH, at(PH, "**Q1.**"), "definition", "H, the number of heads")
label(PH, at(PH, r"P(\text{at least one head})"), "claim", "right", "exact: 1 - 1/8 = 7/8 (8 equally likely outcomes)",
      "", lambda: 1 - Fr(1, 2) ** 3 == Fr(7, 8) and sum(1 for m in range(8) if m) == 7)
label(PH, at(PH, r"P(H = 2) = \binom{3}{2}"), "claim", "right", "exact: C(3, 2)/8 = 3/8, counted over the 8 outcomes",
      "", lambda: Fr(sp.binomial(3, 2), 8) == Fr(3, 8) and sum(bin(m).count("1") == 2 for m in range(8)) == 3)
label(PH, at(PH, r"$\mathbb{E}[H] = 3"), "claim", "right", "exact: sum of heads over the 8 outcomes / 8 = 3/2", "",
      lambda: Fr(sum(bin(m).count("1") for m in range(8)), 8) == Fr(3, 2) == 3 * Fr(1, 2),
      pick=r"\mathbb{E}[H] = 3 \cdot \frac{1}{2} = 1.5")
label(PH, at(PH, r"$\mathbb{E}[H] = 3"), "claim", "right", "exact: E[H^2] - E[H]^2 = 24/8 - 9/4 = 3/4", "",
      lambda: Fr(sum(bin(m).count("1") ** 2 for m in range(8)), 8) - Fr(3, 2) ** 2 == Fr(3, 4) == 3 * Fr(1, 4),
      pick=r"\mathrm{Var}(H) = 3 \cdot \frac{1}{2} \cdot \frac{1}{2} = 0.75")
label(PH, at(PH, r"$$P(+) = 0.9"), "claim", "right", "exact: 0.009 + 0.0495 = 0.0585", "",
      lambda: Fr(9, 10) * Fr(1, 100) + Fr(5, 100) * Fr(99, 100) == Fr(585, 10000))
label(PH, at(PH, r"$$P(D \mid +)"), "claim", "right", "exact: 0.009 / 0.0585 = 0.153846..., 0.154 to three places",
      "", lambda: abs(Fr(9, 1000) / Fr(585, 10000) - Fr(154, 1000)) < Fr(5, 10000))
label(PH, at(PH, r"$$P(D \mid -)"), "claim", "wrong",
      "exact: 0.001 / 0.9415 = 0.001062..., not 0.0106 (ten times too large)", "",
      lambda: Fr(1, 10) * Fr(1, 100) / Fr(9415, 10000) == Fr(1, 10) * Fr(1, 100) / (1 - Fr(585, 10000))
      and abs(Fr(1, 1000) / Fr(9415, 10000) - Fr(106, 10000)) < Fr(5, 100000))
nonclaim(PH, at(PH, "**Q3.**"), "condition", "the exponential law", pick=r"X \sim \mathrm{Exp}(\lambda)")
nonclaim(PH, at(PH, "**Q3.**"), "definition", "its density", pick=r"\lambda e^{-\lambda x}")
nonclaim(PH, at(PH, "**Q3.**"), "condition", "the support", pick=r"x \ge 0")
_l, _x, _t = sp.Symbol("l", positive=True), sp.Symbol("x", nonnegative=True), sp.Symbol("t", nonnegative=True)
_dens = _l * sp.exp(-_l * _x)
label(PH, at(PH, r"$$\int_0^\infty \lambda e^{-\lambda x}\,dx = 1$$"), "claim", "right", "sympy: the integral", "lambda > 0",
      lambda: zero(sp.integrate(_dens, (_x, 0, sp.oo)) - 1))
label(PH, at(PH, r"$$\mathbb{E}[X] = \int_0^\infty x"), "claim", "right", "sympy: the integral of x times the density",
      "lambda > 0", lambda: zero(sp.integrate(_x * _dens, (_x, 0, sp.oo)) - 1 / _l))
label(PH, at(PH, r"$$P(X > t) = e^{-\lambda t}$$"), "claim", "right",
      "sympy: the integral of the density over (t, oo) at 9 points (lambda, t), t >= 0 (the author means t in the support)", "t >= 0",
      lambda: all(zero(sp.integrate(_dens.subs(_l, lv), (_x, tv, sp.oo)) - sp.exp(-lv * tv))
                  for lv in (sp.Rational(1, 3), 1, 4) for tv in (0, sp.Rational(1, 2), 3)))
label(PH, at(PH, r"$$\mathrm{Var}(X) = \frac{1}{\lambda}$$"), "claim", "wrong",
      "sympy: E[X^2] - E[X]^2 = 2/lambda^2 - 1/lambda^2 = 1/lambda^2, not 1/lambda", "lambda > 0",
      lambda: zero(sp.integrate(_x**2 * _dens, (_x, 0, sp.oo)) - (1 / _l) ** 2 - 1 / _l))
nonclaim(PH, at(PH, "**Q4.**"), "condition", "the normal law")
_m, _s = sp.Symbol("mu", real=True), sp.Symbol("sigma", positive=True)
_z = sp.Symbol("z", real=True)
_phi = sp.exp(-(_z - _m) ** 2 / (2 * _s**2)) / (_s * sp.sqrt(2 * sp.pi))


def _normal_moment(f):
    return sp.simplify(sp.integrate(f * _phi, (_z, -sp.oo, sp.oo)))


label(PH, at(PH, r"$$\mathbb{E}[aX + b] = a\mu + b$$"), "claim", "right", "sympy: integral against the normal density",
      "", lambda: zero(_normal_moment(a * _z + b) - (a * _m + b)))
label(PH, at(PH, r"$$\mathrm{Var}(aX + b) = a^2\sigma^2$$"), "claim", "right",
      "sympy: E[(aX + b - a mu - b)^2] against the normal density", "",
      lambda: zero(_normal_moment((a * _z + b - a * _m - b) ** 2) - a**2 * _s**2))
label(PH, at(PH, r"$$\mathbb{E}[X^2] = \mu^2$$"), "claim", "wrong", "sympy: E[X^2] = mu^2 + sigma^2", "",
      lambda: zero(_normal_moment(_z**2) - _m**2))
nonclaim(PH, at(PH, "**Q5.**"), "condition", "the iid sample", pick=r"X_1, \dots, X_n")
nonclaim(PH, at(PH, "**Q5.**"), "condition", "its mean", pick=r"\mu")
nonclaim(PH, at(PH, "**Q5.**"), "condition", "its variance", pick=r"\sigma^2")
nonclaim(PH, at(PH, "**Q5.**"), "definition", "the sample mean", pick=r"\bar X = \frac{1}{n}\sum_{i=1}^n X_i")
_v = sp.Symbol("v", positive=True)  # the common variance
label(PH, at(PH, r"$$\mathbb{E}[\bar X] = \mu$$"), "claim", "right", "sympy: (1/n) * n mu, n = 1..6", "",
      lambda: all(zero(sp.Rational(1, nn) * nn * _m - _m) for nn in range(1, 7)))
label(PH, at(PH, r"$$\mathrm{Var}(\bar X) = \frac{\sigma^2}{n}$$"), "claim", "right",
      "sympy: independent terms, Var(sum/n) = n v / n^2 = v/n, n = 1..6", "",
      lambda: all(zero(sum(_v for _ in range(nn)) / nn**2 - _v / nn) for nn in range(1, 7)))
label(PH, at(PH, r"\mathrm{Var}\Big(\sum_{i=1}^n X_i\Big) = n^2\sigma^2"), "claim", "wrong",
      "sympy: independent terms add their variances, n v, not n^2 v (differs for n >= 2)", "",
      lambda: all(zero(sum(_v for _ in range(nn)) - nn**2 * _v) for nn in range(1, 7)))
nonclaim(PH, at(PH, "**Q6.**"), "condition", "the Poisson law")
label(PH, at(PH, r"$$P(N = 0) = e^{-2}"), "claim", "right", "mpmath: e^-2 = 0.13533..., 0.135 to three places", "",
      lambda: abs(mp.exp(-2) - mp.mpf("0.135")) < mp.mpf("0.0005"))
label(PH, at(PH, r"$$P(N \le 1) = e^{-2}(1 + 2)"), "claim", "right",
      "mpmath: e^-2 (2^0/0! + 2^1/1!) = 3e^-2 = 0.40601, 0.406 to three places", "",
      lambda: abs(mp.exp(-2) * (1 + 2) - mp.mpf("0.406")) < mp.mpf("0.0005")
      and mp.exp(-2) * (2**0 / mp.factorial(0) + 2**1 / mp.factorial(1)) == 3 * mp.exp(-2))
nonclaim(PH, at(PH, "**Q7.**"), "condition", "0 < p < 1")
label(PH, at(PH, r"$$\sum_{k=1}^{\infty} (1 - p)^{k - 1} p = 1$$"), "claim", "right",
      "sympy: the geometric series at p = 1/10, 1/2, 9/10", "0 < p < 1",
      lambda: all(zero(sp.summation((1 - sp.Rational(q, 10)) ** (k - 1) * sp.Rational(q, 10), (k, 1, sp.oo)) - 1)
                  for q in (1, 5, 9)))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
