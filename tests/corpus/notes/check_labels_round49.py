r"""Independent checks of the hand labels of planted_mistakes_17.md (round 49, branch caught41a): change of variables
for densities, moments of the chi-square and Student-t laws, the Gamma-Poisson, Beta-Binomial and inverse-Gamma
updates, a Bayes factor against a point null, entropy and mutual information of discrete and Gaussian laws, Fisher
information, the Cramér-Rao bound and the delta method, the Farlie-Gumbel-Morgenstern copula, Bayes' rule on a finite
table and the mean of a quadratic form.  Nine slips are planted.  Labelled before Formulary was run on it.

As in the earlier rounds: each entry names a block by ``(file, line)``, gives its role and label, says how it was
checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath, numpy or exact fractions that
returns True when the block's claim holds as its author means it.  Nothing from Formulary is imported.  The line of
each display is found from a snippet of its text.

    python3 tests/corpus/notes/check_labels_round49.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round49.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from fractions import Fraction as Fr
from math import comb, factorial
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, display_line, holds_at, mp_points, nonclaim_table, recorder, zero

ENTRIES, label, nonclaim = recorder()
PM = "planted_mistakes_17.md"
LINES = (HERE / PM).read_text(encoding="utf-8").splitlines()
al, be, lam, S, n, a, b, s, Q, k, nu, s1, s2, th = sp.symbols(
    "alpha beta lambda S n a b s Q k nu sigma1 sigma2 theta", positive=True)
rho, u, v = sp.symbols("rho u v", real=True)
POS = mp_points("0.3", 6, 9)
QUAD_TOL = mp.mpf(10) ** -20
"""Tolerance of an mpmath quadrature at 30 digits against a closed form: these smooth integrands (after splitting at
the kink or singularity) integrate to 25+ digits, a wrong closed form errs by O(1)."""


def _line(snippet: str, after: int = 0) -> int:
    return display_line(LINES, snippet, after)


def _quad_equals(integrand, lo, hi, value) -> bool:
    with mp.workdps(30):
        return abs(mp.quad(integrand, [lo, 1, hi] if lo == 0 and hi == mp.inf else [lo, hi]) - value) < QUAD_TOL


# ---------------------------------------------------------------- 1. change of variables for densities
nonclaim_table(nonclaim, PM, r"""
9 no-claim | X
9 definition | Y = X^2
9 definition | x = \sqrt{y}
9 no-claim | Y
9 no-claim | e^{-\sqrt{y}}/(2\sqrt{y})
21 definition | Y = aX + b
21 condition | a \neq 0
21 no-claim | |a|
27 no-claim | \varphi(\log y)/y
33 definition | U = X_1 + X_2
33 definition | V = X_1 - X_2
""")
label(PM, 9, "claim", "right", "sympy: d/dy sqrt(y) - 1/(2 sqrt(y)) simplifies to 0", "y > 0",
      lambda: zero(sp.diff(sp.sqrt(s), s) - 1 / (2 * sp.sqrt(s))), pick=r"dx/dy = 1/(2\sqrt{y})")
label(PM, _line(r"\frac{e^{-\sqrt{y}}}{2\sqrt{y}} \, dy = 1"), "claim", "right",
      "sympy: the integral of e^{-sqrt y}/(2 sqrt y) over (0, oo) is 1 (substitute y = u^2)", "",
      lambda: sp.integrate(sp.exp(-sp.sqrt(s)) / (2 * sp.sqrt(s)), (s, 0, sp.oo)) == 1)
label(PM, _line(r"\int_0^{\infty} e^{-\sqrt{y}} \, dy = 1"), "claim", "wrong",
      "sympy: the integral of e^{-sqrt y} over (0, oo) is 2 (y = u^2 gives int 2u e^{-u} du), not 1", "",
      lambda: sp.integrate(sp.exp(-sp.sqrt(s)), (s, 0, sp.oo)) == 1)
label(PM, _line(r"\frac{1}{\sqrt{2\pi}\,|a|} e^{-(y - b)^2/(2a^2)}"), "claim", "right",
      "mpmath: quadrature over the real line is 1 at a in {-2.5, -0.4, 0.7, 3}, b in {-1, 2}", "a != 0",
      lambda: all(_quad_equals(lambda y, A=A, B=B: mp.exp(-(y - B) ** 2 / (2 * A**2)) / (mp.sqrt(2 * mp.pi) * abs(A)),
                               -mp.inf, mp.inf, 1)
                  for A in (mp.mpf("-2.5"), mp.mpf("-0.4"), mp.mpf("0.7"), mp.mpf(3)) for B in (-1, 2)))
label(PM, _line(r"\frac{1}{y\sqrt{2\pi}} e^{-(\log y)^2/2}"), "claim", "right",
      "mpmath: quadrature of the lognormal density over (0, oo) is 1", "",
      lambda: _quad_equals(lambda y: mp.exp(-mp.log(y) ** 2 / 2) / (y * mp.sqrt(2 * mp.pi)), 0, mp.inf, 1))
label(PM, _line(r"\left| \det \begin{pmatrix} 1 & 1 \\ 1 & -1 \end{pmatrix} \right| = 2"), "claim", "right",
      "sympy: det [[1, 1], [1, -1]] = -2", "", lambda: abs(sp.Matrix([[1, 1], [1, -1]]).det()) == 2)

# ---------------------------------------------------------------- 2. chi-square and Student-t moments
nonclaim_table(nonclaim, PM, r"""
41 condition | k > 0
41 no-claim | k
41 no-claim | k^2 + 2k
51 no-claim | 5/3
57 no-claim | \nu/(\nu - 2)
57 condition | \nu > 2
""")
_chi2 = s ** (k / 2 - 1) * sp.exp(-s / 2) / (2 ** (k / 2) * sp.gamma(k / 2))
label(PM, _line(r"\int_0^{\infty} x \, \frac{x^{k/2 - 1}"), "claim", "right",
      "sympy: the first moment of the chi-square density is gamma(k/2 + 1) 2/gamma(k/2) = k", "k > 0",
      lambda: zero(sp.integrate(s * _chi2, (s, 0, sp.oo), conds="none") - k))
label(PM, _line(r"\int_0^{\infty} x^2 \, \frac{x^{k/2 - 1}"), "claim", "right",
      "sympy: the second moment is 4 gamma(k/2 + 2)/gamma(k/2) = k^2 + 2k", "k > 0",
      lambda: zero(sp.gammasimp(sp.integrate(s**2 * _chi2, (s, 0, sp.oo), conds="none")) - k**2 - 2 * k))
label(PM, _line(r"\frac{\Gamma(3)}{\sqrt{5\pi}\, \Gamma(5/2)}"), "claim", "right",
      "mpmath: quadrature of t^2 times the t_5 density over the line is 5/3", "",
      lambda: _quad_equals(lambda t: t**2 * mp.gamma(3) / (mp.sqrt(5 * mp.pi) * mp.gamma(mp.mpf(5) / 2))
                           * (1 + t**2 / 5) ** -3, -mp.inf, mp.inf, mp.mpf(5) / 3))
label(PM, _line(r"\frac{\nu}{\nu - 2} = 1 + \frac{1}{\nu - 2}"), "claim", "wrong",
      "exact: nu = 3 gives 3 on the left, 2 on the right (nu/(nu - 2) = 1 + 2/(nu - 2))", "nu > 2",
      lambda: Fr(3, 3 - 2) == 1 + Fr(1, 3 - 2))

# ---------------------------------------------------------------- 3. the Gamma-Poisson update
nonclaim_table(nonclaim, PM, r"""
65 condition | \alpha > 0
65 condition | \beta > 0
65 condition | \lambda > 0
65 no-claim | n
65 no-claim | S
77 condition | n \ge 1
77 condition | S \ge 0
""")
_gp = lam ** (al - 1) * sp.exp(-be * lam) * lam**S * sp.exp(-n * lam)
label(PM, _line(r"= \lambda^{\alpha + S - 1} e^{-(\beta + n) \lambda}"), "claim", "right",
      "sympy: the quotient of the two sides powsimps to 1", "alpha, beta, lambda > 0",
      lambda: zero(sp.powsimp(_gp / (lam ** (al + S - 1) * sp.exp(-(be + n) * lam)), force=True) - 1))
label(PM, _line(r"= \lambda^{\alpha + S - 1} e^{-(\beta + S) \lambda}"), "claim", "wrong",
      "exact: alpha = beta = lambda = 1, n = 1, S = 3: the left side is e^{-2}, the right e^{-4}",
      "alpha, beta, lambda > 0", lambda: zero(_gp.subs({al: 1, be: 1, lam: 1, n: 1, S: 3}) - sp.exp(-4)))
label(PM, _line(r"\frac{\alpha + S}{\beta + n} = \frac{\beta}{\beta + n}"), "claim", "right",
      "sympy: the weighted average minus (alpha + S)/(beta + n) simplifies to 0", "n >= 1, S >= 0",
      lambda: zero(be / (be + n) * al / be + n / (be + n) * S / n - (al + S) / (be + n)))

# ---------------------------------------------------------------- 4. Beta-Binomial and a Bayes factor
nonclaim_table(nonclaim, PM, r"""
85 condition | \alpha, \beta > 0
85 no-claim | k
85 condition | n \ge 1
91 no-claim | 0
91 no-claim | n
91 condition | 0 \le k \le n
""")
label(PM, _line(r"\frac{\alpha + k}{\alpha + \beta + n} = \frac{\alpha + \beta}"), "claim", "right",
      "sympy: the weighted average minus (alpha + k)/(alpha + beta + n) simplifies to 0", "alpha, beta > 0, n >= 1",
      lambda: zero((al + be) / (al + be + n) * al / (al + be) + n / (al + be + n) * k / n - (al + k) / (al + be + n)))
label(PM, _line(r"\binom{n}{k} \frac{k! \, (n - k)!}{(n + 1)!} = \frac{1}{n + 1}"), "claim", "right",
      "exact: C(n, k) k!(n - k)!/(n + 1)! = n!/(n + 1)! = 1/(n + 1) for every 0 <= k <= n <= 30", "0 <= k <= n",
      lambda: all(Fr(comb(N, K) * factorial(K) * factorial(N - K), factorial(N + 1)) == Fr(1, N + 1)
                  for N in range(31) for K in range(N + 1)))
label(PM, _line(r"\int_0^1 \binom{10}{7} \theta^7"), "claim", "right",
      "sympy: 120 B(8, 4) = 120 * 7! 3!/11! = 1/11", "", lambda: sp.integrate(120 * th**7 * (1 - th) ** 3, (th, 0, 1)) == sp.Rational(1, 11))
label(PM, _line(r"\int_0^1 \theta^7 (1 - \theta)^3 \, d\theta = \frac{1}{11}"), "claim", "wrong",
      "sympy: B(8, 4) = 1/1320, not 1/11", "", lambda: sp.integrate(th**7 * (1 - th) ** 3, (th, 0, 1)) == sp.Rational(1, 11))
label(PM, _line(r"\frac{\binom{10}{7} \, 2^{-10}}{1/11} = \frac{1320}{1024}"), "claim", "right",
      "exact: 120/1024 * 11 = 1320/1024", "", lambda: Fr(comb(10, 7), 2**10) / Fr(1, 11) == Fr(1320, 1024))
label(PM, _line(r"\frac{1320/1024}{1 + 1320/1024} = \frac{1320}{2344}"), "claim", "right",
      "exact: 1320/(1024 + 1320) = 1320/2344", "", lambda: Fr(1320, 1024) / (1 + Fr(1320, 1024)) == Fr(1320, 2344))

# ---------------------------------------------------------------- 5. the inverse-Gamma update
nonclaim_table(nonclaim, PM, r"""
123 condition | a > 1
123 condition | b > 0
123 no-claim | b/(a - 1)
129 no-claim | n
129 condition | Q > 0
129 condition | s > 0
129 no-claim | s^{-n/2} e^{-Q/(2s)}
""")
label(PM, _line(r"\int_0^{\infty} s \, \frac{b^a}{\Gamma(a)} s^{-a - 1}"), "claim", "right",
      "mpmath: quadrature at (a, b) in {2, 2.5, 4.3} x {0.5, 3}, in w = 1/s (the heavy tail s^-a becomes an "
      "endpoint singularity w^(a-2), which tanh-sinh handles), equals b/(a - 1)", "a > 1, b > 0",
      lambda: all(_quad_equals(lambda w, A=A, B=B: B**A / mp.gamma(A) * w ** (A - 2) * mp.exp(-B * w),
                               0, mp.inf, B / (A - 1))
                  for A in (mp.mpf(2), mp.mpf("2.5"), mp.mpf("4.3")) for B in (mp.mpf("0.5"), mp.mpf(3))))
_ig = s ** (-a - 1) * sp.exp(-b / s) * s ** (-n / 2) * sp.exp(-Q / (2 * s))
label(PM, _line(r"= s^{-(a + n/2) - 1} e^{-(b + Q/2)/s}"), "claim", "right",
      "sympy: the quotient of the two sides powsimps to 1", "s > 0, Q > 0",
      lambda: zero(sp.simplify(sp.powsimp(_ig / (s ** (-(a + n / 2) - 1) * sp.exp(-(b + Q / 2) / s)), force=True)) - 1))
label(PM, _line(r"= s^{-(a + n) - 1} e^{-(b + Q/2)/s}"), "claim", "wrong",
      "exact: s = 2, n = 2, a = b = Q = 1: the sides differ by the factor s^{n/2} = 2", "s > 0, Q > 0",
      lambda: zero((_ig / (s ** (-(a + n) - 1) * sp.exp(-(b + Q / 2) / s))).subs({s: 2, n: 2, a: 1, b: 1, Q: 1}) - 1))

# ---------------------------------------------------------------- 6. entropy and mutual information
nonclaim_table(nonclaim, PM, r"""
153 no-claim | 0.4
153 no-claim | 0.1
163 condition | \sigma_1, \sigma_2 > 0
163 condition | -1 < \rho < 1
""")
label(PM, _line(r"-\sum_{i=1}^{4} \frac{1}{4} \log_2 \frac{1}{4} = 2"), "claim", "right",
      "exact: 4 * (1/4) * 2 = 2", "", lambda: zero(-4 * sp.Rational(1, 4) * sp.log(sp.Rational(1, 4), 2) - 2))
label(PM, _line(r"\frac{3}{4} \log_2 \frac{3}{4} \approx 0.811"), "claim", "right",
      "mpmath: 0.5 + 0.75 log2(4/3) = 0.81128, which rounds to 0.811", "",
      lambda: abs(-mp.mpf(1) / 4 * mp.log(mp.mpf(1) / 4, 2) - mp.mpf(3) / 4 * mp.log(mp.mpf(3) / 4, 2) - mp.mpf("0.811"))
      < mp.mpf("0.0005"))
label(PM, _line(r"2 \cdot 0.4 \log \frac{0.4}{0.5 \cdot 0.5}"), "claim", "right",
      "sympy: 0.8 log 1.6 + 0.2 log 0.4 on both sides, with exact rationals", "",
      lambda: zero(2 * sp.Rational(2, 5) * sp.log(sp.Rational(8, 5)) + 2 * sp.Rational(1, 10) * sp.log(sp.Rational(2, 5))
                   - sp.Rational(4, 5) * sp.log(sp.Rational(8, 5)) - sp.Rational(1, 5) * sp.log(sp.Rational(2, 5))))
label(PM, _line(r"0.8 \log 1.6 + 0.2 \log 0.4 \approx 0.193"), "claim", "right",
      "mpmath: 0.8 log 1.6 + 0.2 log 0.4 = 0.19274, which rounds to 0.193", "",
      lambda: abs(mp.mpf("0.8") * mp.log(mp.mpf("1.6")) + mp.mpf("0.2") * mp.log(mp.mpf("0.4")) - mp.mpf("0.193"))
      < mp.mpf("0.0005"))
_ent = (sp.log(2 * sp.pi * sp.E * s1**2) / 2 + sp.log(2 * sp.pi * sp.E * s2**2) / 2
        - sp.log((2 * sp.pi * sp.E) ** 2 * s1**2 * s2**2 * (1 - rho**2)) / 2)
_rhos = [sp.Rational(p, 10) for p in (-9, -5, -1, 3, 8)]
label(PM, _line(r"= -\frac{1}{2} \log(1 - \rho^2)"), "claim", "right",
      "sympy: at sigma1, sigma2 in {1/2, 3} and rho in {-0.9, -0.5, -0.1, 0.3, 0.8} the difference expands to 0",
      "sigma1, sigma2 > 0, -1 < rho < 1",
      lambda: all(zero(sp.expand_log((_ent + sp.log(1 - rho**2) / 2).subs({s1: x1, s2: x2, rho: r}), force=True))
                  for x1 in (sp.Rational(1, 2), 3) for x2 in (sp.Rational(1, 2), 3) for r in _rhos))
label(PM, _line(r"= \frac{1}{2} \log(1 - \rho^2)"), "claim", "wrong",
      "mpmath: at rho = 0.5 the left side is -log(0.75)/2 = 0.1438, the right +log(0.75)/2 = -0.1438",
      "sigma1, sigma2 > 0, -1 < rho < 1",
      lambda: zero((_ent - sp.log(1 - rho**2) / 2).subs({s1: 1, s2: 2, rho: sp.Rational(1, 2)})))

# ---------------------------------------------------------------- 7. Fisher information, Cramér-Rao, delta method
nonclaim_table(nonclaim, PM, r"""
177 condition | \lambda > 0
183 condition | \lambda > 0
183 no-claim | 1/\lambda - x
189 no-claim | n
189 no-claim | \lambda^2/n
189 condition | n \ge 1
""")
label(PM, _line(r"\left(\frac{x}{\lambda} - 1\right)^2 \frac{\lambda^x e^{-\lambda}}{x!}"), "claim", "right",
      "mpmath: the series summed at lambda in {0.3, ..., 6} equals 1/lambda (Var X/lambda^2)", "lambda > 0",
      lambda: all(abs(mp.nsum(lambda j, L=L: (j / L - 1) ** 2 * L**j * mp.exp(-L) / mp.factorial(j), [0, mp.inf])
                      - 1 / L) < QUAD_TOL for L in POS))
label(PM, _line(r"\left(\frac{1}{\lambda} - x\right)^2 \lambda e^{-\lambda x}"), "claim", "right",
      "sympy: the integral over (0, oo) of (1/lambda - x)^2 lambda e^{-lambda x} is 1/lambda^2", "lambda > 0",
      lambda: zero(sp.integrate((1 / lam - s) ** 2 * lam * sp.exp(-lam * s), (s, 0, sp.oo)) - 1 / lam**2))
label(PM, _line(r"\left(\frac{1}{\lambda}\right)^2 \frac{\lambda}{n} = \frac{1}{n \lambda}"), "claim", "right",
      "sympy: lambda^-2 lambda/n - 1/(n lambda) simplifies to 0", "lambda > 0, n >= 1",
      lambda: zero(lam**-2 * lam / n - 1 / (n * lam)))
label(PM, _line(r"\left(\frac{1}{2\sqrt{\lambda}}\right)^2 \frac{\lambda}{n} = \frac{1}{2n}"), "claim", "wrong",
      "sympy: (1/(2 sqrt lambda))^2 lambda/n = 1/(4n), not 1/(2n)", "lambda > 0, n >= 1",
      lambda: zero((1 / (2 * sp.sqrt(lam))) ** 2 * lam / n - 1 / (2 * n)))

# ---------------------------------------------------------------- 8. the FGM copula
nonclaim_table(nonclaim, PM, r"""
203 condition | -1 \le \theta \le 1
203 definition | C(u, v) = uv\left(1 + \theta(1 - u)(1 - v)\right)
209 condition | v = 1
227 condition | 0 \le u, v \le 1
""")
tq = sp.Symbol("t", real=True)
_fgm = u * v * (1 + tq * (1 - u) * (1 - v))
label(PM, _line(r"\frac{\partial^2}{\partial u \, \partial v}"), "claim", "right",
      "sympy: diff(C, u, v) - (1 + theta(1 - 2u)(1 - 2v)) expands to 0", "-1 <= theta <= 1",
      lambda: zero(sp.expand(sp.diff(_fgm, u, v) - 1 - tq * (1 - 2 * u) * (1 - 2 * v))))
label(PM, _line(r"u \cdot 1 \cdot \left(1 + \theta(1 - u)(1 - 1)\right) = u"), "claim", "right",
      "sympy: C(u, 1) - u expands to 0", "", lambda: zero(sp.expand(_fgm.subs(v, 1) - u)))
_rho_s = 12 * sp.integrate(_fgm, (u, 0, 1), (v, 0, 1)) - 3
label(PM, _line(r"du \, dv - 3 = \frac{\theta}{3}"), "claim", "right",
      "sympy: 12 (1/4 + theta/36) - 3 = theta/3", "-1 <= theta <= 1", lambda: zero(_rho_s - tq / 3))
label(PM, _line(r"du \, dv - 3 = \frac{2\theta}{9}"), "claim", "wrong",
      "sympy: the left side is theta/3, 2 theta/9 is Kendall's tau (theta = 1: 1/3 against 2/9)", "-1 <= theta <= 1",
      lambda: zero(_rho_s - 2 * tq / 9))
label(PM, _line(r"\max(u + v - 1, 0) \le uv \le \min(u, v)"), "claim", "right",
      "exact: on a 21 x 21 grid of [0, 1]^2 (uv - (u + v - 1) = (1 - u)(1 - v) >= 0, uv <= u, v)", "0 <= u, v <= 1",
      lambda: all(max(U + V - 1, 0) <= U * V <= min(U, V)
                  for U in (Fr(i, 20) for i in range(21)) for V in (Fr(j, 20) for j in range(21))))

# ---------------------------------------------------------------- 9. Bayes' rule and a quadratic form
nonclaim_table(nonclaim, PM, r"""
235 no-claim | p(x, y)
235 condition | p(y) > 0
247 no-claim | x
247 no-claim | \mu
247 no-claim | \Sigma
247 no-claim | A
""")
_rng = np.random.default_rng(49)
_joint = _rng.uniform(0.05, 1, size=(3, 4))
_joint /= _joint.sum()
_px, _py = _joint.sum(axis=1), _joint.sum(axis=0)
_py_x = _joint / _px[:, None]
label(PM, _line(r"{\sum_{x'} p(y \mid x') \, p(x')}", 236), "claim", "right",
      "numpy: on a random 3 x 4 joint table, p(y|x)p(x)/sum_x' p(y|x')p(x') equals p(x, y)/p(y) (to 1e-12)", "p(y) > 0",
      lambda: np.allclose(_py_x * _px[:, None] / (_py_x * _px[:, None]).sum(axis=0), _joint / _py, atol=1e-12))
label(PM, _line(r"{\sum_{x'} p(y \mid x')}", 242), "claim", "wrong",
      "numpy: on the same table p(y|x)p(x)/sum_x' p(y|x') differs from p(x|y) by O(0.1)", "p(y) > 0",
      lambda: np.allclose(_py_x * _px[:, None] / _py_x.sum(axis=0), _joint / _py, atol=1e-12))


def _quadratic_form_mean() -> bool:
    """E[x'Ax] = tr(A Sigma) + mu'A mu, exactly on a random discrete law of x in R^2 (five atoms, exact weights)."""
    atoms = [sp.Matrix([sp.Rational(int(_rng.integers(-9, 10)), 4), sp.Rational(int(_rng.integers(-9, 10)), 3)])
             for _ in range(5)]
    w = [sp.Rational(int(_rng.integers(1, 9))) for _ in range(5)]
    w = [wi / sum(w) for wi in w]
    A = sp.Matrix([[2, -3], [sp.Rational(1, 2), 5]])
    m = sum((wi * xi for wi, xi in zip(w, atoms)), sp.zeros(2, 1))
    cov = sum(((wi * (xi - m) * (xi - m).T) for wi, xi in zip(w, atoms)), sp.zeros(2, 2))
    lhs = sum(wi * (xi.T * A * xi)[0] for wi, xi in zip(w, atoms))
    return zero(lhs - (A * cov).trace() - (m.T * A * m)[0])


label(PM, _line(r"\mathbb{E}\left[x^\top A x\right] = \operatorname{tr}(A \Sigma) + \mu^\top A \mu"), "claim", "right",
      "sympy: exact on a random five-atom law in R^2 and a non-symmetric A", "", _quadratic_form_mean)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
