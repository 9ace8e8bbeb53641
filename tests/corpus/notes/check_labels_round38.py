r"""Independent checks of the hand labels of planted_mistakes_12.md (round 38): a twelfth file of study notes with
planted mistakes, written and labelled for the corpus before Formulary was run on it and held out from tuning.

Eight sections (discounted returns, the Bellman equation of a two-state chain, TD errors and soft values, Bayesian
linear regression with one weight, uniform quantisation, calibration and proper scores, entropic transport between
two points, kernel feature maps); nine claims carry one deliberate slip each: an off-by-one exponent in a finite
geometric sum, 1 - gamma for 1 - gamma^2 in the two-state value, a soft value said to stay below the larger action
value, x for x^2 in the prior predictive variance, the mean square of a truncation error taken to be the rounding
error's Delta^2/12, Pinsker's inequality with the L1 distance where the total variation belongs, the sign of the
derivative of a temperature-scaled log loss, the two limits of the entropic plan swapped, and a polynomial kernel's
feature map without its sqrt 2.  As in the earlier rounds each entry names a block by ``(file, line[, text that picks
it])``, gives its role and label, says how it was checked and, for ``right``/``wrong``, carries a check written by
hand with sympy, mpmath or numpy that returns True when the block's claim holds.  A wrong label's check evaluates
the claim as stated (under the section's conditions) and finds it false at a concrete point that satisfies them.
Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round38.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round38.py --write   # also merge these labels into labels.json
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
PM = "planted_mistakes_12.md"
a, b, r, V, x, y, z, w, q1, q2 = sp.symbols("a b r V x y z w q1 q2", real=True)
al, be, T, tau, ell, De = sp.symbols("alpha beta T tau ell Delta", positive=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
u = sp.Symbol("u", real=True)

UNIT = [sp.Rational(j, 10) for j in (1, 3, 5, 7, 9)]
"""Exact points of (0, 1) for gamma, p, q, alpha (the step size) and c."""
REALS = [sp.Rational(j, 4) for j in (-7, -3, 0, 2, 5)]
"""Exact real points for rewards, values, logits and inputs."""


def _holds_on(claim, *grids) -> bool:
    """True when ``claim(*point)`` holds at every point of the product of ``grids`` (exact rationals)."""
    return all(bool(claim(*p)) for p in itertools.product(*grids))


def _mp_holds_on(claim, *grids) -> bool:
    """``_holds_on`` evaluated with mpmath at 30 digits (a claim with logs or exponentials of rationals); an
    inequality is tested with a slack of 1e-25, far below the O(1e-3) or larger gaps of the wrong claims."""
    with mp.workdps(30):
        return all(bool(claim(*(mp.mpf(sp.Rational(v).p) / sp.Rational(v).q for v in p)))
                   for p in itertools.product(*grids))


# ---------------------------------------------------------------- 1. discounted returns
nonclaim_table(nonclaim, PM, r"""
9 no-claim | \gamma
9 condition | 0 \le \gamma < 1
9 no-claim | r
15 condition | H \ge 1
15 condition | 0 < \gamma < 1
27 no-claim | 1 - \gamma
""")
g = sp.Symbol("gamma", positive=True)
H = sp.Symbol("H", integer=True, positive=True)
label(PM, 11, "claim", "right", "sympy: sum_k gamma^k r = r/(1 - gamma) (summed in closed form at gamma in "
      "{1/10, ..., 9/10}; gamma = 0 gives r)", "0 <= gamma < 1",
      lambda: all(zero(sp.summation(v**k * r, (k, 0, sp.oo)) - r / (1 - v)) for v in UNIT)
      and zero(r / (1 - 0) - r))
label(PM, 17, "claim", "right", "sympy: the finite geometric sum at H = 1..6, gamma in {1/10, ..., 9/10}",
      "H >= 1, 0 < gamma < 1",
      lambda: _holds_on(lambda h, v: sum(v**j for j in range(h)) == (1 - v**h) / (1 - v), range(1, 7), UNIT))
label(PM, 23, "claim", "wrong", "exact: at H = 1, gamma = 1/2 the sum is 1 but (1 - gamma^0)/(1 - gamma) = 0",
      "H >= 1, 0 < gamma < 1",
      lambda: _holds_on(lambda h, v: sum(v**j for j in range(h)) == (1 - v**(h - 1)) / (1 - v), range(1, 7), UNIT))
label(PM, 29, "claim", "right", "sympy: sum_k k gamma^k (1 - gamma) = gamma/(1 - gamma) at gamma in {1/10, ..., 9/10}",
      "0 <= gamma < 1",
      lambda: all(zero(sp.summation(k * v**k * (1 - v), (k, 0, sp.oo)) - v / (1 - v)) for v in UNIT))

# ---------------------------------------------------------------- 2. the Bellman equation of a two-state chain
nonclaim_table(nonclaim, PM, r"""
35 no-claim | a
35 no-claim | b
35 condition | 0 \le \gamma < 1
35 equation | V_1 = a + \gamma V_2       # the Bellman equations the values satisfy
35 equation | V_2 = b + \gamma V_1
35 no-claim | \frac{a + \gamma b}{1 - \gamma^2}
41 no-claim | 1 - \gamma
""")


def _two_state(den) -> bool:
    """sympy: (a + gamma b)/den - (a + gamma (b + gamma a)/den) is 0 for all a, b at each gamma of the grid."""
    return all(zero((a + v * b) / den(v) - (a + v * (b + v * a) / den(v))) for v in [0] + UNIT)


label(PM, 37, "claim", "right", "sympy: with 1 - gamma^2 both sides agree for all a, b at gamma in {0, 1/10, ..., "
      "9/10} (and symbolically: a + gamma b = a(1 - gamma^2) + gamma b + gamma^2 a)", "0 <= gamma < 1",
      lambda: _two_state(lambda v: 1 - v**2))
label(PM, 43, "claim", "wrong", "exact: at a = 1, b = 0, gamma = 1/2 the left side is 2, the right 3/2",
      "0 <= gamma < 1", lambda: _two_state(lambda v: 1 - v))
label(PM, 49, "claim", "right", "sympy: (a + gamma a)/(1 - gamma^2) - a/(1 - gamma) cancels to 0", "0 <= gamma < 1",
      lambda: zero((a + g * a) / (1 - g**2) - a / (1 - g)))

# ---------------------------------------------------------------- 3. TD errors and soft values
nonclaim_table(nonclaim, PM, r"""
55 no-claim | r
55 no-claim | \frac{r}{1 - \gamma}
55 condition | 0 \le \gamma < 1
61 condition | 0 < \alpha \le 1
61 no-claim | V
67 condition | \tau > 0
67 condition | q_1 \ge q_2
67 no-claim | \tau\log 2
""")
label(PM, 57, "claim", "right", "sympy: r + gamma r/(1 - gamma) - r/(1 - gamma) cancels to 0", "0 <= gamma < 1",
      lambda: zero(r + g * r / (1 - g) - r / (1 - g)))
label(PM, 63, "claim", "right", "sympy: the difference of the two sides expands to 0 (alpha, gamma, r, V free)",
      "0 < alpha <= 1, 0 <= gamma < 1",
      lambda: zero(r / (1 - g) - (V + al * (r + g * V - V)) - (1 - al * (1 - g)) * (r / (1 - g) - V)))
Q_PAIRS = [(q_1, q_2) for q_1 in REALS for q_2 in REALS if q_1 >= q_2]
TAUS = [sp.Rational(1, 10), sp.Rational(1), sp.Rational(5, 2)]
label(PM, 69, "claim", "right", "mpmath: tau log(e^{q1/tau} + e^{q2/tau}) <= q1 + tau log 2 on a grid with q1 >= q2 "
      "(the sum is at most 2 e^{q1/tau})", "tau > 0, q1 >= q2",
      lambda: all(_mp_holds_on(lambda t_, a_, b_: t_ * mp.log(mp.e**(a_ / t_) + mp.e**(b_ / t_))
                               <= a_ + t_ * mp.log(2) + mp.mpf(10)**-25, [t], [p1], [p2])
                  for t in TAUS for p1, p2 in Q_PAIRS))
label(PM, 75, "claim", "right", "sympy: d/dq1 of tau log(e^{q1/tau} + e^{q2/tau}) minus the softmax weight is 0", "tau > 0",
      lambda: zero(sp.diff(tau * sp.log(sp.exp(q1 / tau) + sp.exp(q2 / tau)), q1)
                   - sp.exp(q1 / tau) / (sp.exp(q1 / tau) + sp.exp(q2 / tau))))
label(PM, 81, "claim", "wrong", "mpmath: at q1 = q2 = 0, tau = 1 the soft value is log 2 > 0 = q1", "tau > 0, q1 >= q2",
      lambda: all(_mp_holds_on(lambda t_, a_, b_: t_ * mp.log(mp.e**(a_ / t_) + mp.e**(b_ / t_)) <= a_, [t], [p1], [p2])
                  for t in TAUS for p1, p2 in Q_PAIRS))

# ---------------------------------------------------------------- 4. Bayesian linear regression with one weight
nonclaim_table(nonclaim, PM, r"""
87 definition | y = wx + \varepsilon      # the model
87 definition | w \sim \mathcal{N}(0, 1/\alpha)
87 definition | \varepsilon \sim \mathcal{N}(0, 1/\beta)
87 no-claim | w
87 condition | \alpha > 0
87 condition | \beta > 0
87 no-claim | (x, y)
87 condition | x \ne 0
99 no-claim | \alpha/\beta
105 no-claim | x
111 no-claim | x_*
""")
D = al + be * x**2
label(PM, 89, "claim", "right", "sympy: the derivative of alpha w^2/2 + beta (y - wx)^2/2 minus (alpha + beta x^2) w "
      "- beta x y expands to 0", "alpha, beta > 0",
      lambda: zero(sp.diff(al / 2 * w**2 + be / 2 * (y - w * x)**2, w) - (D * w - be * x * y)))
label(PM, 95, "claim", "right", "sympy: the completed square minus the left side simplifies to 0", "alpha, beta > 0",
      lambda: zero(al * w**2 + be * (y - w * x)**2 - (D * (w - be * x * y / D)**2 + al * be * y**2 / D)))
label(PM, 101, "claim", "right", "sympy: beta x y/(alpha + beta x^2) - x y/(x^2 + alpha/beta) cancels to 0",
      "alpha, beta > 0", lambda: zero(be * x * y / D - x * y / (x**2 + al / be)))


def _prior_variance(power) -> bool:
    """sympy: Var(w x + eps) as the double integral of (w x + eps)^2 against the N(0, 1/alpha) density of w and the
    N(0, 1/beta) density of eps (independent, both of mean 0), minus x^power/alpha + 1/beta, simplified."""
    e = sp.Symbol("e", real=True)
    density = (sp.sqrt(al / (2 * sp.pi)) * sp.exp(-al * w**2 / 2)) * (sp.sqrt(be / (2 * sp.pi)) * sp.exp(-be * e**2 / 2))
    second = sp.integrate(sp.integrate(sp.expand((w * x + e)**2) * density, (w, -sp.oo, sp.oo)), (e, -sp.oo, sp.oo))
    return zero(second - (x**power / al + 1 / be))


label(PM, 107, "claim", "right", "sympy: Var(w x + eps) = x^2/alpha + 1/beta for independent w ~ N(0, 1/alpha), "
      "eps ~ N(0, 1/beta) (both of mean 0), by integration", "w, eps independent normal; alpha, beta > 0",
      lambda: _prior_variance(2))
label(PM, 113, "claim", "wrong", "sympy: the variance is x_*^2/alpha + 1/beta; at x_* = 2, alpha = beta = 1 it is 5, "
      "not 3", "w, eps independent normal; alpha, beta > 0", lambda: _prior_variance(1))
label(PM, 119, "claim", "right", "sympy: 1/alpha - 1/(alpha + beta x^2) = beta x^2/(alpha(alpha + beta x^2)) >= 0",
      "alpha, beta > 0",
      lambda: zero(1 / al - 1 / D - be * x**2 / (al * D)) and (be * x**2 / (al * D)).is_nonnegative)
label(PM, 125, "claim", "right", "sympy: the Woodbury form minus 1/(alpha + beta x^2) cancels to 0", "alpha, beta > 0",
      lambda: zero(1 / al - (x**2 / al**2) / (1 / be + x**2 / al) - 1 / D))

# ---------------------------------------------------------------- 5. uniform quantisation
nonclaim_table(nonclaim, PM, r"""
131 no-claim | [a, b]
131 condition | a < b
131 no-claim | k
131 definition | \Delta = \frac{b - a}{2^k - 1}      # the step
131 no-claim | [-1, 1]
137 no-claim | u
137 no-claim | [-\Delta/2, \Delta/2]
137 condition | \Delta > 0
143 no-claim | [0, \Delta]
""")
label(PM, 133, "claim", "right", "exact: 2/255", "", lambda: sp.Rational(1 - (-1), 2**8 - 1) == sp.Rational(2, 255))
label(PM, 139, "claim", "right", "sympy: (1/Delta) int_{-Delta/2}^{Delta/2} u^2 du = Delta^2/12", "Delta > 0",
      lambda: zero(sp.integrate(u**2, (u, -De / 2, De / 2)) / De - De**2 / 12))
label(PM, 145, "claim", "wrong", "sympy: (1/Delta) int_0^Delta u^2 du = Delta^2/3, four times Delta^2/12", "Delta > 0",
      lambda: zero(sp.integrate(u**2, (u, 0, De)) / De - De**2 / 12))
label(PM, 151, "claim", "right", "mpmath: 10 log10(4) = 6.0206 (6.02 to the two decimals written)", "",
      lambda: abs(10 * mp.log10(4) - mp.mpf("6.02")) < mp.mpf("0.005"))

# ---------------------------------------------------------------- 6. calibration and proper scores
nonclaim_table(nonclaim, PM, r"""
157 condition | n \ge 1
157 no-claim | c
157 condition | 0 \le c \le 1
157 no-claim | k
157 condition | 0 \le k \le n
163 no-claim | p
163 no-claim | q
163 condition | (0, 1)
175 no-claim | |p - q|
181 no-claim | 2|p - q|
187 no-claim | z
187 condition | T > 0
""")
n_, c_, kk, p_, q_ = sp.symbols("n c k p q", real=True)
label(PM, 159, "claim", "right", "sympy: the two sides' difference expands to 0 (n != 0)", "n >= 1, 0 <= k <= n",
      lambda: zero((kk * (1 - c_)**2 + (n_ - kk) * c_**2) / n_ - ((c_ - kk / n_)**2 + kk / n_ * (1 - kk / n_))))
label(PM, 165, "claim", "right", "sympy: p(1 - q)^2 + (1 - p)q^2 - (q - p)^2 - p(1 - p) expands to 0", "0 < p, q < 1",
      lambda: zero(p_ * (1 - q_)**2 + (1 - p_) * q_**2 - (q_ - p_)**2 - p_ * (1 - p_)))
SLACK = mp.mpf(10)**-25
label(PM, 171, "claim", "right", "mpmath: the cross-entropy minus the entropy (a KL divergence) is >= 0 on a grid of "
      "(0, 1)^2", "0 < p, q < 1",
      lambda: _mp_holds_on(lambda p, q: -p * mp.log(q) - (1 - p) * mp.log(1 - q) + SLACK
                           >= -p * mp.log(p) - (1 - p) * mp.log(1 - p), UNIT, UNIT))


def _binary_kl(p, q):
    return p * mp.log(p / q) + (1 - p) * mp.log((1 - p) / (1 - q))


label(PM, 177, "claim", "right", "mpmath: KL(p, q) >= 2(p - q)^2 on a 9 x 9 grid of (0, 1)^2 (Pinsker with the total "
      "variation |p - q|)", "0 < p, q < 1",
      lambda: _mp_holds_on(lambda p, q: _binary_kl(p, q) + SLACK >= 2 * (p - q)**2,
                           [sp.Rational(j, 10) for j in range(1, 10)], [sp.Rational(j, 10) for j in range(1, 10)]))
label(PM, 183, "claim", "wrong", "mpmath: at p = 1/2, q = 3/10, KL = 0.0872 < 2(2 * 0.2)^2 = 0.32", "0 < p, q < 1",
      lambda: _mp_holds_on(lambda p, q: _binary_kl(p, q) + SLACK >= 2 * (2 * abs(p - q))**2,
                           [sp.Rational(j, 10) for j in range(1, 10)], [sp.Rational(j, 10) for j in range(1, 10)]))
label(PM, 189, "claim", "right", "sympy: -log(1/(1 + e^{-z/T})) - log(1 + e^{-z/T}) simplifies to 0", "T > 0",
      lambda: zero(sp.expand_log(-sp.log(1 / (1 + sp.exp(-z / T))) - sp.log(1 + sp.exp(-z / T)), force=True)))
label(PM, 195, "claim", "wrong", "sympy: the derivative is +(z/T^2) e^{-z/T}/(1 + e^{-z/T}); at z = 1, T = 1 the two "
      "sides are 0.269 and -0.269", "T > 0",
      lambda: zero(sp.diff(sp.log(1 + sp.exp(-z / T)), T) + z / T**2 * sp.exp(-z / T) / (1 + sp.exp(-z / T))))

# ---------------------------------------------------------------- 7. entropic transport between two points
nonclaim_table(nonclaim, PM, r"""
201 no-claim | 1
201 no-claim | 0
201 condition | \varepsilon > 0
201 no-claim | \frac{1}{2(1 + e^{-1/\varepsilon})}
""")
eps = sp.Symbol("epsilon", positive=True)
diag = 1 / (2 * (1 + sp.exp(-1 / eps)))


def _sinkhorn_diagonal(epsilon) -> float:
    """numpy: the diagonal entry of the Sinkhorn plan for marginals (1/2, 1/2), cost [[0, 1], [1, 0]] and
    regularisation epsilon, by 500 Sinkhorn iterations from u = v = 1 (the plan is diag(u) K diag(v))."""
    import numpy as np
    K = np.exp(-np.array([[0.0, 1.0], [1.0, 0.0]]) / epsilon)
    m = np.array([0.5, 0.5])
    u_, v_ = np.ones(2), np.ones(2)
    for _ in range(500):
        u_ = m / (K @ v_)
        v_ = m / (K.T @ u_)
    return (u_[:, None] * K * v_[None, :])[0, 0]


label(PM, 203, "claim", "right", "sympy: the two fractions add to 1/2; numpy: Sinkhorn's plan has this diagonal "
      "entry at epsilon = 1/2, 1, 3 (to 1e-12)", "epsilon > 0",
      lambda: zero(diag + sp.exp(-1 / eps) * diag - sp.Rational(1, 2))
      and all(abs(_sinkhorn_diagonal(e) - float(diag.subs(eps, e))) < 1e-12 for e in (0.5, 1.0, 3.0)))
label(PM, 209, "claim", "right", "sympy: the limit as epsilon -> 0+ of 1/(2(1 + e^{-1/epsilon})) is 1/2", "epsilon > 0",
      lambda: sp.limit(diag, eps, 0, "+") == sp.Rational(1, 2))
label(PM, 215, "claim", "wrong", "sympy: the limit as epsilon -> oo is 1/4 (the independent coupling), not 1/2",
      "epsilon > 0", lambda: sp.limit(diag, eps, sp.oo) == sp.Rational(1, 2))
label(PM, 221, "claim", "right", "sympy: e^{-1/eps}/(1 + e^{-1/eps}) - 1/(1 + e^{1/eps}) simplifies to 0", "epsilon > 0",
      lambda: zero(sp.exp(-1 / eps) / (1 + sp.exp(-1 / eps)) - 1 / (1 + sp.exp(1 / eps))))

# ---------------------------------------------------------------- 8. kernel feature maps
nonclaim_table(nonclaim, PM, r"""
227 no-claim | x
227 no-claim | y
227 no-claim | (xy + 1)^2
227 no-claim | (x^2, \sqrt{2}x, 1)
233 no-claim | \sqrt{2}
239 definition | k(x, y) = e^{-(x - y)^2/(2\ell^2)}     # the Gaussian kernel
239 condition | \ell > 0
239 no-claim | x
239 no-claim | y
245 no-claim | \ell^2
""")
label(PM, 229, "claim", "right", "sympy: x^2 y^2 + 2xy + 1 - (xy + 1)^2 expands to 0", "",
      lambda: zero(x**2 * y**2 + sp.sqrt(2) * x * sp.sqrt(2) * y + 1 - (x * y + 1)**2))
label(PM, 235, "claim", "wrong", "exact: at x = y = 1 the left side is 3, the right 4", "",
      lambda: zero(x**2 * y**2 + x * y + 1 - (x * y + 1)**2))


def _rbf(s, t):
    return sp.exp(-(s - t)**2 / (2 * ell**2))


label(PM, 241, "claim", "right", "sympy: k(x, x) = k(y, y) = 1, so the left side is 2 - 2k(x, y)", "ell > 0",
      lambda: zero(_rbf(x, x) + _rbf(y, y) - 2 * _rbf(x, y) - (2 - 2 * sp.exp(-(x - y)**2 / (2 * ell**2)))))
label(PM, 247, "claim", "right", "mpmath: 2 - 2e^{-s/2} <= s for s = (x - y)^2/ell^2 on a grid of s >= 0 (1 - e^{-t} "
      "<= t)", "ell > 0",
      lambda: _mp_holds_on(lambda s: 2 - 2 * mp.e**(-s / 2) <= s + SLACK,
                           [sp.Rational(j, 4) for j in range(0, 41)]))


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
