r"""Independent checks of the hand labels of planted_mistakes_15.md (round 45, branch caught40a): z and t statistics
and their p-values, the law of total variance, scores and sufficiency of exponential, Poisson and geometric samples,
the bias and mean squared error of variance estimators, characteristic functions, Markov and Chebyshev bounds, the KL
divergence between multivariate Gaussians and Bayes' rule for a diagnostic test.  Nine slips are planted.  Labelled
before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or exact fractions that returns
True when the block's claim holds as its author means it.  Nothing from Formulary is imported.  The line of each
display is found from a snippet of its text.

    python3 tests/corpus/notes/check_labels_round45.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round45.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, nonclaim_table, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_15.md"
LINES = (HERE / PM).read_text(encoding="utf-8").splitlines()
xb, mu0, z, m0, m1, t, x, mu = sp.symbols("xbar mu0 z m0 m1 t x mu", real=True)
sg, s1, s2, v0, v1, a, b, lam, S, A = sp.symbols("sigma s1 s2 v0 v1 a b lambda S A", positive=True)
n, n1, n2 = sp.symbols("n n1 n2", integer=True, positive=True)
pi_, p, f_, se = sp.symbols("pi p f s", positive=True)
x1, x2, x3 = sp.symbols("x1 x2 x3", real=True)

UNIT = mp_points("0.01", "0.99")
POS = mp_points("0.05", 9)
REAL = mp_points(-6, 6)


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def _phi(v):
    return mp.ncdf(v)


def _cf(density, lo, hi, tv):
    """The characteristic function E[e^{itX}] of a density on (lo, hi) at t = tv, by mpmath quadrature."""
    return mp.quad(lambda u: mp.exp(1j * tv * u) * density(u), [lo, hi])


def _cf_holds(density, lo, hi, closed, ts) -> bool:
    """Quadrature of the characteristic function against a closed form at the points ``ts`` (50 digits; tolerance
    1e-20: quadrature of these smooth integrands is good to 40 digits, a wrong closed form errs by O(1))."""
    with mp.workdps(50):
        return all(abs(_cf(density, lo, hi, tv) - closed(tv)) < mp.mpf(10) ** -20 for tv in ts)


TS = [mp.mpf(v) for v in ("-3.5", "-1", "0.25", "1", "2.75")]

# ---------------------------------------------------------------- 1. the z statistic and its p-value
nonclaim_table(nonclaim, PM, r"""
5 no-claim | \Phi
9 no-claim | n
9 no-claim | \bar{x}
9 condition | \sigma > 0
9 no-claim | \mu_0
15 condition | n \ge 1
15 no-claim | z
15 no-claim | 2\left(1 - \Phi(|z|)\right)
""")
label(PM, _line(r"\frac{\bar{x} - \mu_0}{\sigma / \sqrt{n}}"), "claim", "right",
      "sympy: (xbar - mu0)/(sigma/sqrt(n)) - sqrt(n)(xbar - mu0)/sigma simplifies to 0", "sigma > 0, n >= 1",
      lambda: zero((xb - mu0) / (sg / sp.sqrt(n)) - sp.sqrt(n) * (xb - mu0) / sg))
label(PM, _line(r"= \operatorname{erfc}\left(\frac{|z|}{\sqrt{2}}\right)"), "claim", "right",
      "mpmath: 2(1 - ncdf(|z|)) = erfc(|z|/sqrt 2) at 41 points of [-6, 6]", "",
      lambda: holds_at(lambda v: 2 * (1 - _phi(abs(v))), lambda v: mp.erfc(abs(v) / mp.sqrt(2)), "=", REAL))
label(PM, _line(r"= 1 - \operatorname{erf}(|z|)"), "claim", "wrong",
      "mpmath: at z = 1 the left side is 0.3173, 1 - erf(1) = 0.1573 (erf needs |z|/sqrt 2)", "",
      lambda: holds_at(lambda v: 2 * (1 - _phi(abs(v))), lambda v: 1 - mp.erf(abs(v)), "=", REAL))
label(PM, _line(r"1 - \Phi(z) = \Phi(-z)"), "claim", "right", "mpmath: 1 - ncdf(z) = ncdf(-z) at 41 points of [-6, 6]",
      "", lambda: holds_at(lambda v: 1 - _phi(v), lambda v: _phi(-v), "=", REAL))

# ---------------------------------------------------------------- 2. the t statistic
nonclaim_table(nonclaim, PM, r"""
35 no-claim | s
35 no-claim | \sigma
35 example | s = 2
41 example | s_1 = 3
41 example | s_2 = 4
41 example | n_1 = n_2 = 25
47 condition | s_1, s_2 > 0
47 condition | n_1, n_2 \ge 1
""")
label(PM, _line(r"\frac{11 - 10}{2 / \sqrt{4}} = 1"), "claim", "right", "exact: 1/(2/2) = 1", "",
      lambda: Fr(11 - 10) / (Fr(2) / 2) == 1)
label(PM, _line(r"\sqrt{\frac{3^2}{25} + \frac{4^2}{25}} = 1"), "claim", "right", "exact: sqrt(9/25 + 16/25) = 1", "",
      lambda: Fr(9, 25) + Fr(16, 25) == 1)
label(PM, _line(r"= \frac{s_1}{\sqrt{n_1}} + \frac{s_2}{\sqrt{n_2}}"), "claim", "wrong",
      "exact: s1 = 3, s2 = 4, n1 = n2 = 25 give 1 on the left, 7/5 on the right", "s1, s2 > 0, n1, n2 >= 1",
      lambda: Fr(9, 25) + Fr(16, 25) == (Fr(3, 5) + Fr(4, 5)) ** 2)

# ---------------------------------------------------------------- 3. the law of total variance
nonclaim_table(nonclaim, PM, r"""
55 no-claim | Z
55 definition | P(Z = 1) = \pi
55 condition | 0 < \pi < 1
55 no-claim | X
55 condition | Z = 1
55 no-claim | m_1
55 condition | v_1 > 0
55 condition | Z = 0
55 no-claim | m_0
55 condition | v_0 > 0
67 condition | a > 0
67 condition | b > 0
67 no-claim | \mathbb{E}[\Lambda] + \operatorname{Var}(\Lambda)
73 no-claim | a/b
""")
_spread = pi_ * m1**2 + (1 - pi_) * m0**2 - (pi_ * m1 + (1 - pi_) * m0) ** 2
label(PM, _line(r"\pi v_1 + (1 - \pi) v_0 + \pi m_1^2"), "claim", "right",
      "sympy: pi m1^2 + (1 - pi) m0^2 - (pi m1 + (1 - pi) m0)^2 - pi(1 - pi)(m1 - m0)^2 expands to 0",
      "0 < pi < 1, v0, v1 > 0", lambda: zero(sp.expand(_spread - pi_ * (1 - pi_) * (m1 - m0) ** 2)))
label(PM, _line(r"= \pi (1 - \pi)(m_1 - m_0)", 60),
      "claim", "wrong", "exact: pi = 1/2, m1 = 2, m0 = 0 give 1 on the left, 1/2 on the right (the square is lost)",
      "0 < pi < 1", lambda: zero(_spread.subs({pi_: sp.Rational(1, 2), m1: 2, m0: 0}) - sp.Rational(1, 2)))
label(PM, _line(r"\frac{a}{b} + \frac{a}{b^2} = \frac{a (b + 1)}{b^2}"), "claim", "right",
      "sympy: a/b + a/b^2 - a(b + 1)/b^2 simplifies to 0", "a > 0, b > 0",
      lambda: zero(a / b + a / b**2 - a * (b + 1) / b**2))
label(PM, _line(r"\frac{a (b + 1)}{b^2} > \frac{a}{b}"), "claim", "right",
      "sympy: the difference a(b + 1)/b^2 - a/b is a/b^2, positive for a, b > 0", "a > 0, b > 0",
      lambda: zero(a * (b + 1) / b**2 - a / b - a / b**2) and (a / b**2).is_positive)

# ---------------------------------------------------------------- 4. likelihoods, scores and sufficiency
nonclaim_table(nonclaim, PM, r"""
81 condition | n \ge 1
81 condition | S > 0
81 no-claim | n \log \lambda - \lambda S
81 condition | \lambda > 0
97 no-claim | S
97 no-claim | S \log \lambda - n \lambda
103 condition | x_1, x_2 \ge 0
115 condition | 0 < p < 1
115 no-claim | n
115 condition | S > n
115 no-claim | n \log p + (S - n)\log(1 - p)
121 example | p = n/S
""")
_ll_exp = n * sp.log(lam) - lam * S
label(PM, _line(r"\frac{d}{d\lambda}\left(n \log \lambda - \lambda S\right)"), "claim", "right",
      "sympy: diff(n log(lambda) - lambda S, lambda) - (n/lambda - S) is 0", "lambda > 0",
      lambda: zero(sp.diff(_ll_exp, lam) - (n / lam - S)))
label(PM, _line(r"\frac{n}{n / S} - S = 0"), "claim", "right", "sympy: n/(n/S) - S simplifies to 0", "n >= 1, S > 0",
      lambda: zero(n / (n / S) - S))
label(PM, _line(r"-\frac{d^2}{d\lambda^2}\left(n \log \lambda - \lambda S\right)"), "claim", "right",
      "sympy: -diff(n log(lambda) - lambda S, lambda, 2) - n/lambda^2 is 0", "lambda > 0",
      lambda: zero(-sp.diff(_ll_exp, lam, 2) - n / lam**2))
label(PM, _line(r"\frac{d}{d\lambda}\left(S \log \lambda - n \lambda\right)"), "claim", "right",
      "sympy: diff(S log(lambda) - n lambda, lambda) - (S/lambda - n) is 0", "lambda > 0",
      lambda: zero(sp.diff(S * sp.log(lam) - n * lam, lam) - (S / lam - n)))
_pois2 = lam**x1 * sp.exp(-lam) / sp.factorial(x1) * lam**x2 * sp.exp(-lam) / sp.factorial(x2)
label(PM, _line(r"e^{-2\lambda}}{x_1! \, x_2!}"), "claim", "right",
      "sympy: the product of two Poisson masses over lambda^(x1 + x2) e^(-2 lambda)/(x1! x2!) simplifies to 1",
      "lambda > 0, x1, x2 >= 0",
      lambda: zero(sp.powsimp(_pois2 / (lam**(x1 + x2) * sp.exp(-2 * lam) / (sp.factorial(x1) * sp.factorial(x2))),
                              force=True) - 1))
label(PM, _line(r"e^{-\lambda}}{x_1! \, x_2!}", _line(r"e^{-2\lambda}}{x_1! \, x_2!}")), "claim", "wrong",
      "sympy: the ratio of the two sides is e^(-lambda), 1/e at lambda = 1", "lambda > 0, x1, x2 >= 0",
      lambda: zero(sp.powsimp(_pois2 / (lam**(x1 + x2) * sp.exp(-lam) / (sp.factorial(x1) * sp.factorial(x2))),
                              force=True) - 1))
_ll_geo = n * sp.log(p) + (S - n) * sp.log(1 - p)
label(PM, _line(r"= \frac{n}{p} + \frac{S - n}{1 - p}"), "claim", "wrong",
      "sympy: the derivative is n/p - (S - n)/(1 - p); at n = 1, S = 3, p = 1/2 the sides are -2 and 6",
      "0 < p < 1, S > n", lambda: zero(sp.diff(_ll_geo, p) - (n / p + (S - n) / (1 - p))))
label(PM, _line(r"\frac{n}{n / S} - \frac{S - n}{1 - n / S} = 0"), "claim", "right",
      "sympy: n/(n/S) - (S - n)/(1 - n/S) simplifies to 0 (S > n, so 1 - n/S != 0)", "S > n",
      lambda: zero(n / (n / S) - (S - n) / (1 - n / S)))

# ---------------------------------------------------------------- 5. bias of the variance estimators
nonclaim_table(nonclaim, PM, r"""
129 condition | n \ge 2
129 condition | \sigma^2 > 0
129 no-claim | (n - 1)\sigma^2
129 no-claim | n
129 no-claim | \frac{n - 1}{n}\sigma^2
141 definition | m = (x_1 + x_2 + x_3)/3
147 no-claim | n
147 no-claim | 2(n - 1)\sigma^4 / n^2
153 no-claim | 2\sigma^4/(n - 1)
""")
label(PM, _line(r"\frac{n - 1}{n}\sigma^2 - \sigma^2 = -\frac{\sigma^2}{n}"), "claim", "right",
      "sympy: (n - 1)/n sigma^2 - sigma^2 + sigma^2/n simplifies to 0", "n >= 2, sigma^2 > 0",
      lambda: zero((n - 1) / n * sg**2 - sg**2 + sg**2 / n))
label(PM, _line(r"\frac{n - 1}{n}\sigma^2 - \sigma^2 = \frac{\sigma^2}{n}"), "claim", "wrong",
      "sympy: the left side is -sigma^2/n, the right +sigma^2/n (sigma^2 > 0)", "n >= 2, sigma^2 > 0",
      lambda: zero((n - 1) / n * sg**2 - sg**2 - sg**2 / n))
_m = (x1 + x2 + x3) / 3
label(PM, _line(r"(x_1 - m)^2 + (x_2 - m)^2 + (x_3 - m)^2"), "claim", "right",
      "sympy: with m = (x1 + x2 + x3)/3 the difference of the sides expands to 0", "m = (x1 + x2 + x3)/3",
      lambda: zero(sp.expand((x1 - _m)**2 + (x2 - _m)**2 + (x3 - _m)**2 - (x1**2 + x2**2 + x3**2 - 3 * _m**2))))
label(PM, _line(r"\frac{2 (n - 1) \sigma^4}{n^2} + \frac{\sigma^4}{n^2}"), "claim", "right",
      "sympy: 2(n - 1)sigma^4/n^2 + sigma^4/n^2 - (2n - 1)sigma^4/n^2 simplifies to 0", "n >= 2",
      lambda: zero(2 * (n - 1) * sg**4 / n**2 + sg**4 / n**2 - (2 * n - 1) * sg**4 / n**2))
label(PM, _line(r"\frac{(2n - 1)\sigma^4}{n^2} < \frac{2 \sigma^4}{n - 1}"), "claim", "right",
      "sympy: 2 n^2 - (2n - 1)(n - 1) = 3n - 1 > 0, so (2n - 1)/n^2 < 2/(n - 1) for n >= 2 (sigma > 0)",
      "n >= 2, sigma^2 > 0", lambda: zero(sp.expand(2 * n**2 - (2 * n - 1) * (n - 1)) - (3 * n - 1))
      and all(Fr(2 * k - 1, k * k) < Fr(2, k - 1) for k in range(2, 200)))

# ---------------------------------------------------------------- 6. characteristic functions
nonclaim_table(nonclaim, PM, r"""
161 no-claim | t
167 condition | \lambda > 0
173 no-claim | [-1, 1]
173 condition | t \ne 0
179 no-claim | [0, 1]
179 condition | t \ne 0
""")
label(PM, _line(r"\frac{1}{\sqrt{2\pi}} e^{-x^2/2} \, dx = e^{-t^2/2}"), "claim", "right",
      "mpmath: quadrature of e^{itx} phi(x) over the line equals e^{-t^2/2} at five t", "",
      lambda: _cf_holds(lambda u: mp.npdf(u), -mp.inf, mp.inf, lambda tv: mp.exp(-tv**2 / 2), TS))
label(PM, _line(r"\lambda e^{-\lambda x} \, dx = \frac{\lambda}{\lambda - it}"), "claim", "right",
      "mpmath: quadrature of e^{itx} lambda e^{-lambda x} over (0, inf) equals lambda/(lambda - it), lambda = 0.7, 2.5",
      "lambda > 0", lambda: all(_cf_holds(lambda u, L=L: L * mp.exp(-L * u), 0, mp.inf,
                                          lambda tv, L=L: L / (L - 1j * tv), TS) for L in (mp.mpf("0.7"), mp.mpf("2.5"))))
label(PM, _line(r"\frac{1}{2} \int_{-1}^{1} e^{itx} \, dx = \frac{\sin t}{t}"), "claim", "right",
      "mpmath: quadrature of e^{itx}/2 over (-1, 1) equals sin(t)/t at five t != 0", "t != 0",
      lambda: _cf_holds(lambda u: mp.mpf(1) / 2, -1, 1, lambda tv: mp.sin(tv) / tv, TS))
label(PM, _line(r"\int_{0}^{1} e^{itx} \, dx = \frac{e^{it} - 1}{t}"), "claim", "wrong",
      "mpmath: the integral is (e^{it} - 1)/(it); at t = 1 the sides differ by a factor i", "t != 0",
      lambda: _cf_holds(lambda u: mp.mpf(1), 0, 1, lambda tv: (mp.exp(1j * tv) - 1) / tv, TS))

# ---------------------------------------------------------------- 7. Markov and Chebyshev
nonclaim_table(nonclaim, PM, r"""
187 condition | \lambda > 0
187 no-claim | 1/\lambda
187 definition | P(X \ge a) = e^{-\lambda a}
187 condition | a > 0
205 no-claim | 0.1
205 no-claim | 0.95
211 no-claim | [0, 1]
""")
_PAIRS = [(L, A_) for L in mp_points("0.05", 6, 9) for A_ in mp_points("0.05", 9, 9)]
label(PM, _line(r"e^{-\lambda a} \le \frac{1}{\lambda a}"), "claim", "right",
      "mpmath: u e^{-u} <= 1/e < 1 for u = lambda a > 0, checked on an 81-point grid of (lambda, a)", "lambda > 0, a > 0",
      lambda: all(mp.exp(-L * A_) <= 1 / (L * A_) for L, A_ in _PAIRS))
label(PM, _line(r"e^{-\lambda a} \le \frac{\lambda}{a}"), "claim", "wrong",
      "exact: lambda = 1/2, a = 1: e^{-1/2} = 0.607 > 1/2", "lambda > 0, a > 0",
      lambda: all(mp.exp(-L * A_) <= L / A_ for L, A_ in _PAIRS))
label(PM, _line(r"2\left(1 - \Phi(2)\right) \le \frac{1}{4}"), "claim", "right", "mpmath: 2(1 - ncdf(2)) = 0.0455", "",
      lambda: 2 * (1 - mp.ncdf(2)) <= mp.mpf(1) / 4)
label(PM, _line(r"\frac{1}{0.05 \cdot 0.1^2} = 2000"), "claim", "right", "exact: 1/(1/20 * 1/100) = 2000", "",
      lambda: 1 / (Fr(5, 100) * Fr(1, 10) ** 2) == 2000)
label(PM, _line(r"\frac{\log(2 / 0.05)}{2 \cdot 0.1^2} < 2000"), "claim", "right", "mpmath: 50 log 40 = 184.4", "",
      lambda: mp.log(40) / (2 * mp.mpf("0.01")) < 2000)

# ---------------------------------------------------------------- 8. KL divergence between multivariate Gaussians
nonclaim_table(nonclaim, PM, r"""
219 definition | \Sigma_1 = \operatorname{diag}(1, 2)
219 definition | \Sigma_2 = \operatorname{diag}(2, 4)
231 no-claim | (1, 1)
243 no-claim | \mu
243 condition | s^2 > 0
""")
nonclaim(PM, 225, "definition", "the KL divergence of two zero-mean Gaussians, named and defined in prose",
         pick=r"\mathrm{KL}(\mathcal{N}(0, \Sigma_1) \,\|\, \mathcal{N}(0, \Sigma_2)) = \frac{1}{2}\left("
              r"\operatorname{tr}(\Sigma_2^{-1}\Sigma_1) - 2 + \log\frac{\det \Sigma_2}{\det \Sigma_1}\right)")
C = sp.Matrix([[2, 1], [1, 2]])
label(PM, _line(r"\operatorname{tr}\left(\begin{bmatrix} 2 & 0"), "claim", "right",
      "sympy: trace(diag(2, 4)^-1 diag(1, 2)) = 1/2 + 1/2 = 1", "",
      lambda: sp.diag(2, 4).inv().multiply(sp.diag(1, 2)).trace() == 1)
label(PM, _line(r"\frac{1}{2}\left(1 - 2 + \log\frac{8}{2}\right)"), "claim", "right",
      "sympy: (1 - 2 + log 4)/2 - (log 2 - 1/2) simplifies to 0", "",
      lambda: zero((1 - 2 + sp.log(sp.Rational(8, 2))) / 2 - (sp.log(2) - sp.Rational(1, 2))))
label(PM, _line(r"\det \begin{bmatrix} 2 & 1 \\ 1 & 2 \end{bmatrix} = 3"), "claim", "right", "sympy: det = 4 - 1 = 3",
      "", lambda: C.det() == 3)
label(PM, _line(r"\begin{bmatrix} 1 & 1 \end{bmatrix}"), "claim", "right",
      "sympy: (1, 1) C^-1 (1, 1)^T = (2 - 1 - 1 + 2)/3 = 2/3", "",
      lambda: (sp.Matrix([[1, 1]]) * C.inv() * sp.Matrix([1, 1]))[0] == sp.Rational(2, 3))
label(PM, _line(r"\frac{1}{2}\left(s^2 + \mu^2 - 1 - \log s^2\right) \ge 0"), "claim", "right",
      "mpmath: u - 1 - log u >= 0 for u = s^2 > 0 and mu^2 >= 0, on a grid of (s^2, mu)", "s^2 > 0",
      lambda: all(holds_at(lambda u, M=M: (u + M**2 - 1 - mp.log(u)) / 2, lambda u: 0, ">=", POS + [mp.mpf(1)])
                  for M in (mp.mpf(0), mp.mpf("0.3"), mp.mpf(-2))))

# ---------------------------------------------------------------- 9. Bayes' rule for a diagnostic test
nonclaim_table(nonclaim, PM, r"""
251 no-claim | 0.9
251 no-claim | 0.05
251 no-claim | 0.01
263 no-claim | s
263 no-claim | f
263 no-claim | \pi
""")
label(PM, _line(r"0.05 \cdot 0.99} = \frac{2}{13}"), "claim", "right", "exact: 9/1000 / (9/1000 + 495/10000) = 2/13", "",
      lambda: Fr(9, 1000) / (Fr(9, 1000) + Fr(5, 100) * Fr(99, 100)) == Fr(2, 13))
label(PM, _line(r"0.05 \cdot 0.01} = \frac{2}{13}"), "claim", "wrong", "exact: the left side is 18/19", "",
      lambda: Fr(9, 1000) / (Fr(9, 1000) + Fr(5, 100) * Fr(1, 100)) == Fr(2, 13))
label(PM, _line(r"\frac{s \pi}{s \pi + f (1 - \pi)} \cdot"), "claim", "right",
      "sympy: the product of the two fractions minus pi s/((1 - pi) f) simplifies to 0", "0 < s, f, pi < 1",
      lambda: zero(se * pi_ / (se * pi_ + f_ * (1 - pi_)) * (se * pi_ + f_ * (1 - pi_)) / (f_ * (1 - pi_))
                   - pi_ / (1 - pi_) * se / f_))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
