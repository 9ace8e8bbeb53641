r"""Independent checks of the hand labels of planted_mistakes_21.md (stop 44, branch caught44): minima, maxima and
their arguments over one variable (a region in the subscript), derivatives and moments quoted in a sentence, and
worked steps of other kinds (an integral, a derivative, a chain with a wrong middle link, a KL divergence, a
transpose).  Labelled before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that returns True
when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.  An optimum is checked
by brute force: the objective on a fine grid of its region (mpmath, 50 digits) against the stated value, so that
no stationary-point reasoning is shared with the code under test.

    python3 tests/corpus/notes/check_labels_round61.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round61.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, recorder, text_line, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_21.md"
LINES = (HERE / PM).read_text(encoding="utf-8").splitlines()
x, y, a, b, t, w, p = sp.symbols("x y a b t w p", real=True)
lam = sp.Symbol("lambda", positive=True)
RNG = np.random.default_rng(61)
GRID_TOL = mp.mpf(10) ** -6
"""How close the best grid value must come to a stated optimum: the grids below step by 1e-4 or less around the
optimum, where a smooth objective differs from its optimum by O(step^2) = 1e-8; a wrong optimum is off by O(1)."""


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after, environments=True)


def _text_line(snippet: str) -> int:
    return text_line(LINES, snippet)


def _grid(lo, hi, step):
    lo, hi, step = mp.mpf(lo), mp.mpf(hi), mp.mpf(step)
    return [lo + k * step for k in range(int((hi - lo) / step) + 1)]


def _best(f, points, sense):
    with mp.workdps(50):
        values = [(f(q), q) for q in points]
    return (min if sense == "min" else max)(values, key=lambda v: v[0])


def _optimum_is(f, points, sense, value) -> bool:
    """The best of ``f`` on the grid is within GRID_TOL of ``value`` and nothing on the grid is better than it."""
    best, _ = _best(f, points, sense)
    beyond = best < value - GRID_TOL if sense == "min" else best > value + GRID_TOL
    return abs(best - value) <= GRID_TOL and not beyond


def _arg_is(f, points, sense, at) -> bool:
    """No grid point is better than ``f(at)`` by more than GRID_TOL."""
    best, _ = _best(f, points, sense)
    with mp.workdps(50):
        there = f(mp.mpf(at))
    return best >= there - GRID_TOL if sense == "min" else best <= there + GRID_TOL


def sig(v):
    return 1 / (1 + mp.exp(-v))


REAL = mp_points(-9, 9) + [mp.mpf(0), mp.mpf("0.5"), mp.mpf("-0.5")]
POSITIVE = mp_points("0.05", 9, 40)
# ---------------------------------------------------------------- 1. minima and maxima
_sq = lambda v: (v - 2) ** 2 + 5
label(PM, _line(r"\arg\min_{w} \left[(w - 2)^2 + 5\right] = 2"), "claim", "right",
      "mpmath: (w - 2)^2 + 5 on a grid of [-10, 10] step 1e-3 is nowhere below its value 5 at w = 2", "",
      lambda: _arg_is(_sq, _grid(-10, 10, "0.001"), "min", 2))
label(PM, _line(r"\min_{w} \left[(w - 2)^2 + 5\right] = 2", _line(r"\arg\min_{w}") + 1), "claim", "wrong",
      "mpmath: the least grid value is 5 (at w = 2), not 2: the minimiser was written for the minimum", "",
      lambda: _optimum_is(_sq, _grid(-10, 10, "0.001"), "min", 2))
nonclaim(PM, _text_line(r"The variance of a coin, $p(1 - p)$"), "no-claim", "the objective named in prose",
         pick="p(1 - p)")
_coin = lambda v: v * (1 - v)
label(PM, _line(r"\max_{p \in [0, 1]} p(1 - p) = \frac{1}{4}"), "claim", "right",
      "mpmath: the largest value of p(1 - p) on a grid of [0, 1] step 1e-4 is 1/4 (at 1/2)", "",
      lambda: _optimum_is(_coin, _grid(0, 1, "0.0001"), "max", mp.mpf(1) / 4))
label(PM, _line(r"\arg\max_{p \in [0, 1]} p(1 - p) = \frac{1}{4}"), "claim", "wrong",
      "mpmath: p(1 - p) is 3/16 at p = 1/4 and 1/4 at p = 1/2: the maximum was written for the arg max", "",
      lambda: _arg_is(_coin, _grid(0, 1, "0.0001"), "max", mp.mpf(1) / 4))
nonclaim(PM, _text_line(r"peaks at $x = e$"), "example", "where the ratio below peaks (the arg max, right)",
         pick="x = e")
_ratio = lambda v: mp.log(v) / v
label(PM, _line(r"\max_{x > 0} \frac{\log x}{x} = e"), "claim", "wrong",
      "mpmath: the largest value of log(x)/x on a grid of (0, 50] step 1e-4 is 1/e = 0.368 (at x = e), not e", "",
      lambda: _optimum_is(_ratio, _grid("0.0001", 50, "0.0001"), "max", mp.e))
label(PM, _line(r"\min_{x > 0} \left(x + \frac{1}{x}\right) = 2"), "claim", "right",
      "mpmath: the least value of x + 1/x on a grid of (0, 50] step 1e-4 is 2 (at x = 1)", "",
      lambda: _optimum_is(lambda v: v + 1 / v, _grid("0.0001", 50, "0.0001"), "min", 2))
label(PM, _line(r"\min_{t} \cosh t = 0"), "claim", "wrong",
      "mpmath: cosh t >= 1 on a grid of [-20, 20] step 1e-3; its least value is 1 at t = 0", "",
      lambda: _optimum_is(mp.cosh, _grid(-20, 20, "0.001"), "min", 0))
# ---------------------------------------------------------------- 2. derivatives quoted in words
label(PM, _text_line(r"The derivative of tanh is"), "claim", "right", "sympy: d/dx tanh x = 1 - tanh^2 x", "",
      lambda: zero(sp.diff(sp.tanh(x), x) - (1 - sp.tanh(x) ** 2)), pick=r"1 - \tanh^2(x)")
label(PM, _text_line(r"The derivative of the logistic sigmoid is"), "claim", "wrong",
      "mpmath: sigma' = sigma (1 - sigma): 0.25 against 0.75 at x = 0", "",
      lambda: holds_at(lambda v: mp.diff(sig, v), lambda v: sig(v) * (1 + sig(v)), "=", REAL),
      pick=r"\sigma(x)(1 + \sigma(x))")
label(PM, _text_line(r"The derivative of softplus is"), "claim", "wrong",
      "mpmath: d/dx log(1 + e^x) = 1/(1 + e^{-x}); the text's 1/(1 + e^x) is 0.269 against 0.731 at x = 1", "",
      lambda: holds_at(lambda v: mp.diff(lambda u: mp.log(1 + mp.exp(u)), v), lambda v: 1 / (1 + mp.exp(v)), "=",
                       REAL), pick=r"\frac{1}{1 + e^{x}}")
# ---------------------------------------------------------------- 3. moments quoted in words


def _poisson_var(m):
    """The variance of Poisson(m) from its mass function, summed to 200 terms at 50 digits."""
    with mp.workdps(50):
        pmf = [mp.exp(-m) * m ** k / mp.factorial(k) for k in range(200)]
        mean = sum(k * q for k, q in enumerate(pmf))
        return sum((k - mean) ** 2 * q for k, q in enumerate(pmf))


def _exp_var(rate):
    """The variance of the exponential law with rate ``rate`` (and, the other parametrisation, with scale
    ``rate``), by quadrature of its density."""
    with mp.workdps(30):
        out = []
        for r in (rate, 1 / rate):
            mean = mp.quad(lambda u: u * r * mp.exp(-r * u), [0, mp.inf])
            out.append(mp.quad(lambda u: (u - mean) ** 2 * r * mp.exp(-r * u), [0, mp.inf]))
        return out


label(PM, _text_line(r"The variance of a Poisson random variable"), "claim", "right",
      "mpmath: the variance from the mass function equals lambda at lambda = 0.5, 2, 7.5", "",
      lambda: all(abs(_poisson_var(mp.mpf(m)) - mp.mpf(m)) < mp.mpf(10) ** -30 for m in ("0.5", 2, "7.5")),
      pick=r"\lambda")
label(PM, _text_line(r"The variance of a Bernoulli random variable"), "claim", "wrong",
      "exact: a {0, 1} variable with P(1) = p has variance p - p^2 = p(1 - p); p(1 + p) is 3/4 against 1/4 at 1/2", "",
      lambda: zero((p - p**2) - p * (1 + p)), pick=r"p(1 + p)")
label(PM, _text_line(r"An exponential random variable with rate"), "claim", "wrong",
      "mpmath: the variance by quadrature is 1/lambda^2 (rate) or lambda^2 (scale), neither 1/lambda, at lambda = 2, 3",
      "", lambda: any(all(abs(v - 1 / mp.mpf(r)) < mp.mpf(10) ** -20 for r in (2, 3) for v in [_exp_var(mp.mpf(r))[k]])
                      for k in (0, 1)), pick=r"\frac{1}{\lambda}")
nonclaim(PM, _text_line(r"An exponential random variable with rate"), "no-claim", "the rate named", pick=r"\lambda")


def _binomial_mean(n, q):
    return sum(sp.binomial(n, k) * q ** k * (1 - q) ** (n - k) * k for k in range(n + 1))


label(PM, _text_line(r"The mean of a binomial random variable"), "claim", "right",
      "exact: sum_k k C(n, k) q^k (1 - q)^(n - k) = n q for n = 1 .. 8, q = 1/3, 3/4", "",
      lambda: all(sp.simplify(_binomial_mean(n, q) - n * q) == 0 for n in range(1, 9)
                  for q in (sp.Rational(1, 3), sp.Rational(3, 4))), pick="np")
# ---------------------------------------------------------------- 4. worked steps
label(PM, _line(r"\int_0^1 x e^{x} \, dx = e - 1"), "claim", "wrong",
      "sympy: the integral is 1 (x e^x - e^x from 0 to 1), e - 1 = 1.718", "",
      lambda: zero(sp.integrate(x * sp.exp(x), (x, 0, 1)) - (sp.E - 1)))
label(PM, _line(r"\frac{d}{dx} x^{x} = x^{x} \log x"), "claim", "wrong",
      "sympy: d/dx x^x = x^x (1 + log x): 1 against 0 at x = 1", "x > 0",
      lambda: zero(sp.simplify(sp.diff(x**x, x) - x**x * sp.log(x))))
nonclaim(PM, _text_line(r"for $x > 0$. Expanding"), "condition", "x > 0", pick="x > 0")
label(PM, _line(r"(a + b)^2 - (a - b)^2 &= a^2 + 2ab + b^2 - a^2 - 2ab + b^2"), "claim", "wrong",
      "sympy: the first link is wrong, (a + b)^2 - (a - b)^2 = 4ab but the middle is 2b^2 (the ends agree)", "",
      lambda: zero((a + b) ** 2 - (a - b) ** 2 - (a**2 + 2 * a * b + b**2 - a**2 - 2 * a * b + b**2))
      and zero(a**2 + 2 * a * b + b**2 - a**2 - 2 * a * b + b**2 - 4 * a * b))
nonclaim(PM, _text_line(r"common variance $\sigma^2 > 0$"), "condition", "sigma^2 > 0", pick=r"\sigma^2 > 0")


def _kl_normals(m1, m2, s):
    """KL(N(m1, s^2) || N(m2, s^2)) by quadrature of p log(p/q)."""
    with mp.workdps(30):
        pdf = lambda u, m: mp.exp(-(u - m) ** 2 / (2 * s * s)) / mp.sqrt(2 * mp.pi * s * s)
        return mp.quad(lambda u: pdf(u, m1) * mp.log(pdf(u, m1) / pdf(u, m2)), [-mp.inf, m1, m2, mp.inf])


label(PM, _line(r"D_{KL}\left(\mathcal{N}(\mu_1, \sigma^2) \,\|\, \mathcal{N}(\mu_2, \sigma^2)\right)"), "claim", "wrong",
      "mpmath: by quadrature, KL = (mu1 - mu2)^2 / (2 sigma^2): 0.5 against 1 at mu = (0, 1), sigma = 1", "sigma^2 > 0",
      lambda: all(abs(_kl_normals(mp.mpf(m1), mp.mpf(m2), mp.mpf(s)) - (mp.mpf(m1) - m2) ** 2 / mp.mpf(s) ** 2)
                  < mp.mpf(10) ** -15 for m1, m2, s in ((0, 1, 1), ("0.5", -2, 3))))
label(PM, _line(r"x^2 - y^2 = (x - y)(x + y)"), "claim", "right", "sympy: expand", "",
      lambda: zero(sp.expand((x - y) * (x + y)) - (x**2 - y**2)))
nonclaim(PM, _text_line(r"For matrices $A$ and $B$"), "no-claim", "the matrix A named", pick="A")
nonclaim(PM, _text_line(r"For matrices $A$ and $B$"), "no-claim", "the matrix B named", pick="B")
_MATS = [(RNG.integers(-3, 4, (k, m)).astype(float), RNG.integers(-3, 4, (m, n)).astype(float))
         for k, m, n in ((2, 2, 2), (3, 3, 3), (2, 3, 4))]
label(PM, _line(r"(AB)^\top = A^\top B^\top"), "claim", "wrong",
      "numpy: (AB)^T = B^T A^T; A^T B^T differs for integer 2x2 and 3x3 pairs (and its shapes do not match for 2x3, 3x4)",
      "", lambda: all(A.shape[0] == B.shape[1] and np.allclose((A @ B).T, A.T @ B.T) for A, B in _MATS))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
