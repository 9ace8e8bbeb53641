r"""Independent checks of the hand labels of planted_mistakes_13.md (round 41): a thirteenth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Eight sections (moments from log-partition functions, conjugate priors, Fisher information, the delta method, order
statistics of uniform draws, waiting times of a Poisson process, two-component Gaussian mixtures, the Dirichlet
prior); nine claims carry one deliberate slip each: the second derivative of log(1 + e^eta) without its square, a
Beta update that adds n instead of n - s, the precision weights of a normal posterior swapped, 1/(2 sigma^2) for the
Fisher information of a normal mean, the delta method for mu^2 without its square, 1/n for the mean of the smallest
of n uniforms, 1/lambda^2 for the variance of a Gamma(2, lambda) waiting time, a lost sign in the second derivative
of -log(-eta), and the sign of the constant in a mixture's responsibility.  As in the earlier rounds each entry names
a block by ``(file, line[, text that picks it])``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy or mpmath that returns True when the block's claim
holds.  A wrong label's check evaluates the claim as stated (under the section's conditions) and finds it false at
a concrete point that satisfies them.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round41.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round41.py --write   # also merge these labels into labels.json
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
PM = "planted_mistakes_13.md"
x, m, mu1, mu2 = sp.symbols("x m mu1 mu2", real=True)
eta = sp.Symbol("eta", negative=True)
lam, al, be, s2, sg2, mu, a, b, t, s_, l1, l2 = sp.symbols(
    "lambda alpha beta s2 sigma2 mu a b t s l1 l2", positive=True)
n = sp.Symbol("n", integer=True, positive=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
th, p, pi_ = sp.symbols("theta p pi", positive=True)
c1, c2, c3 = sp.symbols("c1 c2 c3", integer=True, nonnegative=True)
a1, a2, a3, t1, t2, t3 = sp.symbols("a1 a2 a3 t1 t2 t3", positive=True)

UNIT = [sp.Rational(j, 10) for j in (1, 3, 5, 7, 9)]
"""Exact points of (0, 1) for theta, p and pi."""
POS = [sp.Rational(j, 4) for j in (1, 3, 5, 9, 14)]
"""Exact positive points for rates, shapes and variances."""
REALS = [sp.Rational(j, 4) for j in (-7, -3, 0, 2, 5)]
"""Exact real points for means and observations."""


def _holds_on(claim, *grids) -> bool:
    """True when ``claim(*point)`` simplifies to True at every point of the product of ``grids`` (exact)."""
    return all(bool(claim(*q)) for q in itertools.product(*grids))


# ---------------------------------------------------------------- 1. moments from the log-partition function
nonclaim_table(nonclaim, PM, r"""
9 condition | \lambda > 0
9 no-claim | \lambda
25 no-claim | \log(1 + e^{\eta})
37 no-claim | \lambda e^{-\lambda x}
37 definition | \eta = -\lambda
37 condition | \eta < 0
37 no-claim | -\log(-\eta)
""")
_pois = lam**k * sp.exp(-lam) / sp.factorial(k)
label(PM, 11, "claim", "right", "sympy: summation of the Poisson mass function over k >= 0 is 1", "lambda > 0",
      lambda: zero(sp.summation(_pois, (k, 0, sp.oo)) - 1))
label(PM, 15, "claim", "right", "sympy: summation of k times the Poisson mass function is lambda", "lambda > 0",
      lambda: zero(sp.summation(k * _pois, (k, 0, sp.oo)) - lam))
label(PM, 21, "claim", "right", "sympy: summation of k^2 times the Poisson mass function is lambda^2 + lambda",
      "lambda > 0", lambda: zero(sp.summation(k**2 * _pois, (k, 0, sp.oo)) - (lam**2 + lam)))
_e = sp.Symbol("e_", real=True)
label(PM, 27, "claim", "right", "sympy: d/deta log(1 + e^eta) - 1/(1 + e^-eta) simplifies to 0", "",
      lambda: zero(sp.diff(sp.log(1 + sp.exp(_e)), _e) - 1 / (1 + sp.exp(-_e))))
label(PM, 33, "claim", "wrong", "sympy: the second derivative is e^eta/(1 + e^eta)^2; at eta = 0 it is 1/4, the "
      "right side 1/2", "", lambda: zero(sp.diff(sp.log(1 + sp.exp(_e)), _e, 2) - sp.exp(_e) / (1 + sp.exp(_e))))
label(PM, 39, "claim", "right", "sympy: d/deta (-log(-eta)) + 1/eta is 0 for eta < 0", "eta < 0",
      lambda: zero(sp.diff(-sp.log(-eta), eta) + 1 / eta))
label(PM, 45, "claim", "wrong", "sympy: the second derivative of -log(-eta) is +1/eta^2 (at eta = -1: 1 against -1)",
      "eta < 0", lambda: zero(sp.diff(-sp.log(-eta), eta, 2) + 1 / eta**2))

# ---------------------------------------------------------------- 2. conjugate priors
nonclaim_table(nonclaim, PM, r"""
51 condition | \alpha, \beta > 0
51 no-claim | s
51 no-claim | n
51 condition | 0 \le s \le n
51 condition | 0 < \theta < 1
57 example | \alpha = 2
57 example | \beta = 3
57 no-claim | \theta^{5}(1-\theta)^{8}
69 condition | \alpha > 0
69 condition | \beta > 0
75 condition | a > 0
75 condition | b > 0
81 no-claim | m
81 condition | s^2 > 0
81 no-claim | x
81 condition | \sigma^2 > 0
""")
label(PM, 53, "claim", "wrong", "exact: at alpha = beta = 1, n = 2, s = 1, theta = 1/2 the left side is 1/4, the right "
      "1/8 (the exponent of 1 - theta is beta + n - s - 1)", "alpha, beta > 0, 0 <= s <= n, 0 < theta < 1",
      lambda: _holds_on(lambda A, B, N, S, T: S > N or T**(A - 1) * (1 - T)**(B - 1) * T**S * (1 - T)**(N - S)
                        == T**(A + S - 1) * (1 - T)**(B + N - 1), [1, 2], [1, 3], [2, 4], [0, 1, 2], UNIT))
label(PM, 59, "claim", "right", "sympy: int_0^1 theta^5 (1 - theta)^8 = B(6, 9) = 5! 8!/14!", "",
      lambda: zero(sp.integrate(th**5 * (1 - th)**8, (th, 0, 1)) - sp.factorial(5) * sp.factorial(8)
                   / sp.factorial(14)))
label(PM, 65, "claim", "right", "sympy: B(7, 9)/B(6, 9) = 6/15 by exact integration", "",
      lambda: zero(sp.integrate(th**6 * (1 - th)**8, (th, 0, 1)) / sp.integrate(th**5 * (1 - th)**8, (th, 0, 1))
                   - sp.Rational(6, 15)))
K1, K2, K3 = sp.symbols("k1 k2 k3", integer=True, nonnegative=True)
label(PM, 71, "claim", "right", "sympy: the quotient of the two sides powsimps to 1", "alpha, beta > 0",
      lambda: zero(sp.powsimp(lam**(al - 1) * sp.exp(-be * lam) * lam**(K1 + K2 + K3) * sp.exp(-3 * lam)
                              / (lam**(al + K1 + K2 + K3 - 1) * sp.exp(-(be + 3) * lam)), force=True) - 1))
label(PM, 77, "claim", "right", "sympy: the Gamma(a, b) mean by integration is a/b", "a, b > 0",
      lambda: zero(sp.integrate(lam * b**a / sp.gamma(a) * lam**(a - 1) * sp.exp(-b * lam), (lam, 0, sp.oo))
                   - a / b))


def _completed(mean) -> bool:
    """sympy: the completed square with posterior mean ``mean`` minus the left side expands to 0 (mu, m, x free)."""
    lhs = (mu - m)**2 / s2 + (x - mu)**2 / sg2
    rhs = (1 / s2 + 1 / sg2) * (mu - mean)**2 + (x - m)**2 / (s2 + sg2)
    return zero(lhs - rhs)


label(PM, 83, "claim", "right", "sympy: with weights m sigma^2 + x s^2 the difference of the sides simplifies to 0",
      "s^2, sigma^2 > 0", lambda: _completed((m * sg2 + x * s2) / (s2 + sg2)))
label(PM, 89, "claim", "wrong", "exact: at m = 0, x = 1, s^2 = 1, sigma^2 = 2, mu = 0 the left side is 1/2, the "
      "right 3/2 * 4/9 + 1/3 = 1 (the weights are swapped)", "s^2, sigma^2 > 0",
      lambda: _completed((m * s2 + x * sg2) / (s2 + sg2)))

# ---------------------------------------------------------------- 3. Fisher information
nonclaim_table(nonclaim, PM, r"""
95 condition | x \in \{0, 1\}
95 condition | 0 < p < 1
101 no-claim | x
107 condition | \lambda > 0
113 condition | \sigma^2 > 0
""")
label(PM, 97, "claim", "right", "sympy: minus the second p-derivative of the log-likelihood minus the right side is 0",
      "0 < p < 1", lambda: zero(-sp.diff(x * sp.log(p) + (1 - x) * sp.log(1 - p), p, 2)
                                - (x / p**2 + (1 - x) / (1 - p)**2)))
label(PM, 103, "claim", "right", "sympy: 1/p + 1/(1 - p) - 1/(p(1 - p)) cancels to 0", "0 < p < 1",
      lambda: zero(p / p**2 + (1 - p) / (1 - p)**2 - 1 / (p * (1 - p))))
label(PM, 109, "claim", "right", "sympy: -d^2/dlambda^2 (log lambda - lambda x) = 1/lambda^2", "lambda > 0",
      lambda: zero(-sp.diff(sp.log(lam) - lam * x, lam, 2) - 1 / lam**2))
label(PM, 115, "claim", "wrong", "sympy: the left side is 1/sigma^2 (at sigma^2 = 1: 1 against 1/2)", "sigma^2 > 0",
      lambda: zero(-sp.diff(-(x - mu)**2 / (2 * sg2), mu, 2) - 1 / (2 * sg2)))

# ---------------------------------------------------------------- 4. the delta method
nonclaim_table(nonclaim, PM, r"""
121 no-claim | n
121 condition | \mu > 0
121 condition | \sigma^2 > 0
121 no-claim | \log
133 condition | \lambda > 0
139 condition | 0 < p < 1
139 no-claim | n
""")
label(PM, 123, "claim", "right", "sympy: (1/mu)^2 sigma^2/n - sigma^2/(n mu^2) is 0", "mu, sigma^2 > 0",
      lambda: zero(sp.diff(sp.log(mu), mu)**2 * sg2 / n - sg2 / (n * mu**2)))
label(PM, 129, "claim", "wrong", "sympy: (2 mu)^2 sigma^2/n = 4 mu^2 sigma^2/n; at mu = sigma^2 = n = 1: 4 against 2",
      "mu, sigma^2 > 0", lambda: zero(sp.diff(mu**2, mu)**2 * sg2 / n - 2 * mu * sg2 / n))
label(PM, 135, "claim", "right", "sympy: (1/(2 sqrt(lambda)))^2 lambda = 1/4", "lambda > 0",
      lambda: zero(sp.diff(sp.sqrt(lam), lam)**2 * lam - sp.Rational(1, 4)))
label(PM, 141, "claim", "right", "sympy: the logit's derivative is 1/(p(1 - p)); squared times p(1 - p)/n cancels to "
      "1/(n p (1 - p))", "0 < p < 1",
      lambda: zero(sp.diff(sp.log(p / (1 - p)), p)**2 * p * (1 - p) / n - 1 / (n * p * (1 - p))))

# ---------------------------------------------------------------- 5. order statistics of uniform draws
nonclaim_table(nonclaim, PM, r"""
147 condition | n \ge 1
147 no-claim | [0, 1]
147 no-claim | n x^{n-1}
153 no-claim | n(1 - x)^{n-1}
159 no-claim | 12x(1-x)^2
159 no-claim | 2/5
""")
xu = sp.Symbol("xu", positive=True)
label(PM, 149, "claim", "right", "sympy: int_0^1 n x^n = n/(n + 1) (symbolic n >= 1, and at n = 1..6)", "n >= 1",
      lambda: zero(sp.integrate(xu * n * xu**(n - 1), (xu, 0, 1)) - n / (n + 1)))
label(PM, 155, "claim", "wrong", "sympy: int_0^1 x n (1 - x)^(n - 1) = 1/(n + 1); at n = 1 it is 1/2, not 1",
      "n >= 1", lambda: all(zero(sp.integrate(xu * j * (1 - xu)**(j - 1), (xu, 0, 1)) - sp.Rational(1, j))
                            for j in range(1, 7)))
label(PM, 161, "claim", "right", "sympy: int_0^1 12 x (1 - x)^2 = 1", "",
      lambda: zero(sp.integrate(12 * xu * (1 - xu)**2, (xu, 0, 1)) - 1))
label(PM, 165, "claim", "right", "sympy: int_0^1 12 x^2 (1 - x)^2 = 2/5", "",
      lambda: zero(sp.integrate(12 * xu**2 * (1 - xu)**2, (xu, 0, 1)) - sp.Rational(2, 5)))

# ---------------------------------------------------------------- 6. waiting times of a Poisson process
nonclaim_table(nonclaim, PM, r"""
171 condition | \lambda > 0
177 condition | s, t \ge 0
183 no-claim | \lambda^2 t e^{-\lambda t}
195 condition | \lambda_1, \lambda_2 > 0
201 condition | t \ge 0
""")
label(PM, 173, "claim", "right", "sympy: int_0^oo t lambda e^{-lambda t} dt = 1/lambda", "lambda > 0",
      lambda: zero(sp.integrate(t * lam * sp.exp(-lam * t), (t, 0, sp.oo)) - 1 / lam))
label(PM, 179, "claim", "right", "sympy: the quotient simplifies to e^{-lambda t}", "lambda > 0, s, t >= 0",
      lambda: zero(sp.exp(-lam * (s_ + t)) / sp.exp(-lam * s_) - sp.exp(-lam * t)))
label(PM, 185, "claim", "right", "sympy: int_0^oo lambda^2 t^2 e^{-lambda t} dt = 2/lambda", "lambda > 0",
      lambda: zero(sp.integrate(t * lam**2 * t * sp.exp(-lam * t), (t, 0, sp.oo)) - 2 / lam))
label(PM, 191, "claim", "wrong", "sympy: E T^2 = 6/lambda^2, so the left side is 2/lambda^2 (at lambda = 1: 2 "
      "against 1)", "lambda > 0",
      lambda: zero(sp.integrate(t**2 * lam**2 * t * sp.exp(-lam * t), (t, 0, sp.oo)) - 4 / lam**2 - 1 / lam**2))
label(PM, 197, "claim", "right", "sympy: int_0^oo lambda_1 e^{-(lambda_1 + lambda_2) t} dt = lambda_1/(lambda_1 + "
      "lambda_2)", "lambda_1, lambda_2 > 0",
      lambda: zero(sp.integrate(l1 * sp.exp(-l1 * t) * sp.exp(-l2 * t), (t, 0, sp.oo)) - l1 / (l1 + l2)))
label(PM, 203, "claim", "right", "sympy: (lambda t)^0 e^{-lambda t}/0! = e^{-lambda t}", "lambda > 0, t >= 0",
      lambda: zero((lam * t)**0 * sp.exp(-lam * t) / sp.factorial(0) - sp.exp(-lam * t)))

# ---------------------------------------------------------------- 7. two-component Gaussian mixtures
nonclaim_table(nonclaim, PM, r"""
209 condition | 0 < \pi < 1
209 no-claim | \mu_1
209 no-claim | 1 - \pi
209 no-claim | \mu_2
209 no-claim | \pi\mu_1 + (1 - \pi)\mu_2
215 no-claim | x
""")
label(PM, 211, "claim", "right", "sympy: the difference of the sides expands to 0", "0 < pi < 1",
      lambda: zero(pi_ * (1 + mu1**2) + (1 - pi_) * (1 + mu2**2) - (pi_ * mu1 + (1 - pi_) * mu2)**2
                   - (1 + pi_ * (1 - pi_) * (mu1 - mu2)**2)))


def _responsibility(constant) -> bool:
    """mpmath at 30 digits: the responsibility against the logistic form with exponent (mu2 - mu1) x + constant, on a
    grid of x, mu1, mu2 and pi (a wrong constant errs by O(1) at mu1 = 0, mu2 = 1)."""
    with mp.workdps(30):
        for X, M1, M2, P in itertools.product(REALS, REALS, REALS, UNIT):
            X, M1, M2, P = (mp.mpf(v.p) / v.q for v in (sp.Rational(X), sp.Rational(M1), sp.Rational(M2),
                                                        sp.Rational(P)))
            left = P * mp.e**(-(X - M1)**2 / 2) / (P * mp.e**(-(X - M1)**2 / 2) + (1 - P) * mp.e**(-(X - M2)**2 / 2))
            right = 1 / (1 + (1 - P) / P * mp.e**((M2 - M1) * X + constant(M1, M2)))
            if abs(left - right) > mp.mpf(10)**-25:
                return False
    return True


label(PM, 217, "claim", "wrong", "mpmath: at x = 0, mu1 = 0, mu2 = 1, pi = 1/2 the responsibility is "
      "1/(1 + e^{-1/2}) = 0.6225, the right side 1/(1 + e^{1/2}) = 0.3775 (the constant is (mu1^2 - mu2^2)/2)",
      "0 < pi < 1", lambda: _responsibility(lambda m1, m2: (m2**2 - m1**2) / 2))

# ---------------------------------------------------------------- 8. the Dirichlet prior
nonclaim_table(nonclaim, PM, r"""
223 condition | \alpha_1, \alpha_2, \alpha_3 > 0
223 no-claim | c_1, c_2, c_3
229 condition | \theta_1, \theta_2, \theta_3 > 0
""")
label(PM, 225, "claim", "right", "sympy: the quotient of the two sides powsimps to 1", "alpha_k > 0, theta_k > 0",
      lambda: zero(sp.powsimp(t1**(a1 - 1) * t2**(a2 - 1) * t3**(a3 - 1) * t1**c1 * t2**c2 * t3**c3
                              / (t1**(a1 + c1 - 1) * t2**(a2 + c2 - 1) * t3**(a3 + c3 - 1)), force=True) - 1))
label(PM, 231, "claim", "right", "exact: 2/10 = 1/5 and 16/(100 * 11) = 4/275", "",
      lambda: sp.Rational(2, 10) == sp.Rational(1, 5) and sp.Rational(16, 1100) == sp.Rational(4, 275))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
