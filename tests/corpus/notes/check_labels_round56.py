r"""Independent checks of the hand labels of planted_mistakes_20.md (round 56, branch caught43): survival and hazard
functions, the gamma and beta functions, Shannon's entropy of a mass function, the standard normal density, the bias
and mean squared error of an estimator, and posteriors from a stated prior.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or exact fractions that
returns True when the block's claim holds *as its author means it*.  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round56.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round56.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, recorder, text_line, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_20.md"
LINES = (HERE / PM).read_text(encoding="utf-8").splitlines()
t, u, x, z, y, th = sp.symbols("t u x z y theta", real=True)
lam, k, s, n = sp.symbols("lambda k sigma n", positive=True)
mu = sp.Symbol("mu", real=True)


def _line(snippet: str) -> int:
    return display_line(LINES, snippet)


def _bits(*p):
    return -sum(q * mp.log(q, 2) for q in p)


def _phi(v):
    return mp.exp(-v ** 2 / 2) / mp.sqrt(2 * mp.pi)


PMFS = [(Fr(1, 4), Fr(3, 4)), (Fr(1, 2), Fr(1, 3), Fr(1, 6)), (Fr(1, 5), Fr(3, 10), Fr(1, 2))]
REAL = mp_points(-4, 4, 17)


def _moments_of_shifted_mean():
    """E[(Xbar + 1 - mu)^2] for n i.i.d. draws of a two-point law (mean mu, variance sigma^2), exactly, at n = 1, 2, 3."""
    out = []
    for m in (1, 2, 3):
        vals, w = (Fr(-1), Fr(3)), (Fr(3, 4), Fr(1, 4))  # mean 0, variance 3
        mean, var = sum(v * p for v, p in zip(vals, w)), sum(v * v * p for v, p in zip(vals, w))
        import itertools
        total = Fr(0)
        for draw in itertools.product(range(2), repeat=m):
            p = Fr(1)
            for d in draw:
                p *= w[d]
            xbar = sum(vals[d] for d in draw) / m
            total += p * (xbar + 1 - mean) ** 2
        out.append((total, var / m))
    return out


# ---------------------------------------------------------------- 1. survival and hazard
label(PM, _line(r"\int_t^{\infty} \lambda e^{-\lambda u} \, du = e^{-\lambda t}"), "claim", "right",
      "sympy: the integral is exp(-lambda t) for lambda > 0", "lambda > 0, t >= 0",
      lambda: zero(sp.integrate(lam * sp.exp(-lam * u), (u, t, sp.oo)) - sp.exp(-lam * t)))
label(PM, _line(r"\frac{\lambda e^{-\lambda t}}{e^{-\lambda t}} = \lambda"), "claim", "right", "sympy: cancels", "",
      lambda: zero(lam * sp.exp(-lam * t) / sp.exp(-lam * t) - lam))
label(PM, _line(r"\frac{\int_t^{\infty} e^{-\lambda u} \, du}{e^{-\lambda t}} = \frac{1}{\lambda}"), "claim", "right",
      "sympy: (exp(-lambda t)/lambda)/exp(-lambda t) = 1/lambda", "lambda > 0",
      lambda: zero(sp.integrate(sp.exp(-lam * u), (u, t, sp.oo)) / sp.exp(-lam * t) - 1 / lam))
label(PM, _line(r"-\frac{d}{dt} \log\left(e^{-t^k}\right) = k t^{k-1}"), "claim", "right",
      "sympy: -d/dt(-t^k) = k t^(k-1) for t > 0", "t > 0, k > 0",
      lambda: zero(-sp.diff(-sp.Symbol("tp", positive=True) ** k, sp.Symbol("tp", positive=True))
                   - k * sp.Symbol("tp", positive=True) ** (k - 1)))
label(PM, _line(r"\int_0^t k u^{k-1} \, du = k t^k"), "claim", "wrong",
      "sympy: the integral is t^k (at k = 2, t = 1: 1 against 2)", "t > 0, k > 0",
      lambda: all(sp.integrate(kk * u ** (kk - 1), (u, 0, tt)) == kk * tt ** kk for kk in (2, 3) for tt in (1, 2)))
# ---------------------------------------------------------------- 2. the gamma and beta functions
label(PM, _line(r"\Gamma(x) = \int_0^{\infty} t^{x-1} e^{-t} \, dt"), "claim", "right",
      "mpmath: the integral equals gamma(x) at x = 0.5, 1, 2.5, 4 (quadrature, 30 digits)", "x > 0",
      lambda: all(abs(mp.quad(lambda v: v ** (q - 1) * mp.exp(-v), [0, 1, mp.inf]) - mp.gamma(q)) < 1e-12
                  for q in (mp.mpf("0.5"), 1, mp.mpf("2.5"), 4)))
label(PM, _line(r"\Gamma(x + 1) = x \, \Gamma(x)"), "claim", "right", "sympy: gamma(x+1)/gamma(x) = x", "x > 0",
      lambda: zero(sp.gammasimp(sp.gamma(x + 1) / sp.gamma(x)) - x))
label(PM, _line(r"\Gamma\left(\frac{1}{2}\right) = \pi"), "claim", "wrong", "sympy: Gamma(1/2) = sqrt(pi) = 1.77, not pi",
      "", lambda: sp.gamma(sp.Rational(1, 2)) == sp.pi)
label(PM, _line(r"\mathrm{B}(a, b) = \frac{\Gamma(a) \Gamma(b)}{\Gamma(a + b)}"), "claim", "right",
      "mpmath: the beta integral int_0^1 u^(a-1)(1-u)^(b-1) du equals the ratio at (a, b) = (2, 3), (0.5, 1.5), (3.5, 2)",
      "a, b > 0",
      lambda: all(abs(mp.quad(lambda v: v ** (p - 1) * (1 - v) ** (q - 1), [0, 1])
                      - mp.gamma(p) * mp.gamma(q) / mp.gamma(p + q)) < 1e-12
                  for p, q in ((2, 3), (mp.mpf("0.5"), mp.mpf("1.5")), (mp.mpf("3.5"), 2))))
label(PM, _line(r"\mathrm{B}(2, 3) = \frac{1}{12}"), "claim", "right", "exact: Gamma(2) Gamma(3)/Gamma(5) = 2/24", "",
      lambda: sp.gamma(2) * sp.gamma(3) / sp.gamma(5) == sp.Rational(1, 12))
label(PM, _line(r"\int_0^1 u (1 - u)^2 \, du = \frac{1}{12}"), "claim", "right", "sympy: 1/2 - 2/3 + 1/4 = 1/12", "",
      lambda: sp.integrate(u * (1 - u) ** 2, (u, 0, 1)) == sp.Rational(1, 12))
# ---------------------------------------------------------------- 3. entropy of a mass function
label(PM, _line(r"H(p) = -\sum_{i=1}^{n} p_i \log p_i"), "claim", "right",
      "Shannon's entropy, as the sentence names it: the definition itself (checked: it is -sum p log p at three pmfs)",
      "p a mass function",
      lambda: all(abs(-sum(mp.mpf(q.numerator) / q.denominator * mp.log(mp.mpf(q.numerator) / q.denominator)
                           for q in pmf) - _bits(*[mp.mpf(q.numerator) / q.denominator for q in pmf]) * mp.log(2))
                  < 1e-30 for pmf in PMFS))
label(PM, _line(r"-\sum_{i=1}^{n} \frac{1}{n} \log \frac{1}{n} = \log n"), "claim", "right",
      "sympy: n terms of -(1/n) log(1/n) sum to log n", "n >= 1",
      lambda: zero(sp.expand_log(-n * (1 / n) * sp.log(1 / n), force=True) - sp.log(n)))
label(PM, _line(r"-\frac{1}{2} \log_2 \frac{1}{2} - \frac{1}{2} \log_2 \frac{1}{2} = 1"), "claim", "right",
      "mpmath: 1 bit", "", lambda: abs(_bits(mp.mpf(1) / 2, mp.mpf(1) / 2) - 1) < 1e-40)
label(PM, _line(r"-\frac{1}{4} \log_2 \frac{1}{4} - \frac{3}{4} \log_2 \frac{3}{4} = \frac{3}{4}"), "claim", "wrong",
      "mpmath: the entropy of (1/4, 3/4) is 0.8113 bits, not 0.75", "",
      lambda: abs(_bits(mp.mpf(1) / 4, mp.mpf(3) / 4) - mp.mpf(3) / 4) < 1e-40)
label(PM, _line(r"\exp\left(-\sum_{i=1}^{n} \frac{1}{n} \log \frac{1}{n}\right) = n"), "claim", "right",
      "sympy: exp(log n) = n", "n >= 1",
      lambda: zero(sp.exp(sp.expand_log(-n * (1 / n) * sp.log(1 / n), force=True)) - n))
label(PM, _line(r"H(q) = \sum_{j=1}^{m} q_j \log q_j"), "claim", "wrong",
      "mpmath: the entropy of q = (1/4, 3/4) is 0.5623, the right side -0.5623 (the minus sign is lost)",
      "q a mass function",
      lambda: all(abs(sum(v * mp.log(v) for v in q) + sum(v * mp.log(v) for v in q)) < 1e-30
                  for q in ([mp.mpf(1) / 4, mp.mpf(3) / 4], [mp.mpf(1) / 2, mp.mpf(1) / 3, mp.mpf(1) / 6])))
# ---------------------------------------------------------------- 4. the standard normal density
label(PM, _line(r"\varphi(z) = \frac{1}{\sqrt{2 \pi}} e^{-z^2/2}"), "claim", "right",
      "the standard normal density, as the sentence names it (checked: it integrates to 1 with mean 0, variance 1)", "",
      lambda: abs(mp.quad(_phi, [-mp.inf, mp.inf]) - 1) < 1e-20
      and abs(mp.quad(lambda v: v * v * _phi(v), [-mp.inf, mp.inf]) - 1) < 1e-20)
label(PM, _line(r"\varphi'(z) = -z \, \varphi(z)"), "claim", "right", "mpmath: numeric derivative at 17 points", "",
      lambda: holds_at(lambda v: mp.diff(_phi, v), lambda v: -v * _phi(v), "=", REAL))
label(PM, _line(r"\int_{-\infty}^{\infty} z^2 \varphi(z) \, dz = 1"), "claim", "right", "mpmath: quadrature, 1", "",
      lambda: abs(mp.quad(lambda v: v * v * _phi(v), [-mp.inf, 0, mp.inf]) - 1) < 1e-20)
label(PM, _line(r"\varphi(0) = \frac{1}{2 \pi}"), "claim", "wrong", "mpmath: phi(0) = 1/sqrt(2 pi) = 0.3989, not 0.1592",
      "", lambda: abs(_phi(0) - 1 / (2 * mp.pi)) < 1e-30)
label(PM, _line(r"\frac{1}{\sigma} \varphi\left(\frac{x - \mu}{\sigma}\right) ="), "claim", "right",
      "sympy: substitute phi and simplify", "sigma > 0",
      lambda: zero(sp.exp(-((x - mu) / s) ** 2 / 2) / (s * sp.sqrt(2 * sp.pi))
                   - sp.exp(-(x - mu) ** 2 / (2 * s ** 2)) / (s * sp.sqrt(2 * sp.pi))))
label(PM, text_line(LINES, r"$g(u) = \frac{1}{\sqrt{2 \pi}} e^{-u^2}$"), "claim", "wrong",
      "mpmath: at u = 1 the standard normal density is 0.2420, e^-1/sqrt(2 pi) = 0.1468 (the exponent lost its 1/2)",
      "", lambda: all(abs(_phi(v) - mp.exp(-v ** 2) / mp.sqrt(2 * mp.pi)) < 1e-30 for v in (1, 2)),
      pick=r"g(u) = \frac{1}{\sqrt{2 \pi}} e^{-u^2}")
# ---------------------------------------------------------------- 5. the error of an estimator
nonclaim(PM, _line(r"\mathrm{Bias}(\hat{\theta}) = \mathbb{E}[\hat{\theta}] - \theta"), "definition", "Bias(theta-hat)")
nonclaim(PM, _line(r"\mathrm{MSE}(\hat{\theta}) = \mathbb{E}\left[(\hat{\theta} - \theta)^2\right]"), "definition",
         "MSE(theta-hat)")
label(PM, _line(r"\mathrm{MSE}(\hat{\theta}) = \mathrm{Var}(\hat{\theta}) + \mathrm{Bias}(\hat{\theta})^2"), "claim",
      "right", "exact: on a three-point law of theta-hat (values 0, 1, 5; weights 1/2, 1/3, 1/6) and theta = 2", "",
      lambda: (lambda v, w, T: sum(p * (a - T) ** 2 for a, p in zip(v, w))
               == sum(p * a * a for a, p in zip(v, w)) - sum(p * a for a, p in zip(v, w)) ** 2
               + (sum(p * a for a, p in zip(v, w)) - T) ** 2)((0, 1, 5), (Fr(1, 2), Fr(1, 3), Fr(1, 6)), 2))
label(PM, _line(r"\mathrm{Var}(\bar{X}) = \frac{\sigma^2}{n}"), "claim", "right",
      "exact: the mean of n = 1, 2, 3 i.i.d. draws of a two-point law of variance 3 has variance 3/n",
      "X_i i.i.d., variance sigma^2",
      lambda: all(tot - 1 == v for tot, v in _moments_of_shifted_mean()))  # E[(Xbar+1-mu)^2] = Var + 1
label(PM, _line(r"\mathbb{E}\left[(\bar{X} + 1 - \mu)^2\right] = \frac{\sigma^2}{n} + 2"), "claim", "wrong",
      "exact: E[(Xbar + 1 - mu)^2] = sigma^2/n + 1 (n = 1, 2, 3, a two-point law of variance 3)",
      "X_i i.i.d., mean mu, variance sigma^2",
      lambda: all(tot == v + 2 for tot, v in _moments_of_shifted_mean()))
# ---------------------------------------------------------------- 6. posteriors from a stated prior
label(PM, _line(r"p(\theta \mid y) \propto \exp\left(-\frac{\theta^2}{2}\right)"), "claim", "right",
      "sympy: the log of prior x likelihood minus -(theta - y/2)^2 is free of theta (y^2/4 - y^2/2); the first link "
      "is prior x likelihood itself", "y ~ N(theta, 1), theta ~ N(0, 1)",
      lambda: sp.diff(-th ** 2 / 2 - (y - th) ** 2 / 2 + (th - y / 2) ** 2, th) == 0)
label(PM, _line(r"\mathrm{Var}(\theta \mid y) = 1"), "claim", "wrong",
      "sympy: exp(-(theta - y/2)^2) is a normal kernel of variance 1/2 (exponent -(theta - m)^2/(2 v), v = 1/2)",
      "y ~ N(theta, 1), theta ~ N(0, 1)",
      lambda: (lambda dens: sp.simplify(sp.integrate((th - y / 2) ** 2 * dens, (th, -sp.oo, sp.oo))
                                        / sp.integrate(dens, (th, -sp.oo, sp.oo))) == 1)(sp.exp(-(th - y / 2) ** 2)))
label(PM, _line(r"p(\theta \mid y) \propto \theta^3 (1 - \theta)"), "claim", "right",
      "the uniform prior is 1 on [0, 1]; the binomial likelihood 4 theta^3 (1 - theta) is proportional to it",
      "theta ~ U(0, 1), y = 3 of n = 4", lambda: sp.simplify(4 * th ** 3 * (1 - th) / (th ** 3 * (1 - th))).is_number)
label(PM, _line(r"p(\theta \mid y) = 12 \, \theta^3 (1 - \theta)"), "claim", "wrong",
      "sympy: int_0^1 theta^3 (1 - theta) = 1/20, so the posterior is 20 theta^3 (1 - theta); 12 theta^3 (1 - theta) "
      "integrates to 3/5", "theta ~ U(0, 1), y = 3 of n = 4",
      lambda: sp.integrate(12 * th ** 3 * (1 - th), (th, 0, 1)) == 1)
label(PM, _line(r"\int_0^1 \theta \cdot 20 \, \theta^3 (1 - \theta) \, d\theta = \frac{2}{3}"), "claim", "right",
      "sympy: 20 (1/5 - 1/6) = 2/3", "", lambda: sp.integrate(20 * th ** 4 * (1 - th), (th, 0, 1)) == sp.Rational(2, 3))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
