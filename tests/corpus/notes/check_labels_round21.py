r"""Independent checks of the hand labels of round 21 (branch fresh12): two sources no earlier round used, labelled
before Formulary was run on them.

* ``statproofbook_probability.md``: seventeen proofs of The Book of Statistical Proofs (CC BY-SA 4.0): variance and
  expectation identities, the laws of total expectation and total variance, the bias-variance partition of the mean
  squared error, Markov's and Chebyshev's inequalities, means, variances and moment-generating functions of the
  Bernoulli, exponential, Poisson, normal and beta distributions, the linear transformation theorems for the
  moment-generating function and the multivariate normal, the density of a linear function of a random vector, the
  expectation of a quadratic form.  Written as ``$$ \label{...} ... $$`` displays with ``\begin{split}`` chains.
* ``tudelft_svd.md``: the TU Delft open textbook *Linear Algebra* (CC BY 4.0), section "Singular Value
  Decomposition": MyST Markdown with the book's MathJax macros (``\vect``, ``\norm``, ``\ip``, ``\Rank``, ``\Col``,
  ``\Nul``), ``bmatrix`` arithmetic, chains of matrix identities in proofs.

As in the earlier rounds: each entry names a block by ``(file, line[, text that picks it])``, gives its role and
label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or
numpy that returns True when the block's claim holds as its author means it.  Statements about an arbitrary random
variable are checked on explicit discrete laws with rational probabilities (exact arithmetic) and, for continuous
laws, by mpmath quadrature at several parameter values; statements about arbitrary matrices on random matrices of
several shapes (numpy, tolerance 1e-9 relative to the entries' size, round-off of products of ~10 numbers of
size 1).  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round21.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round21.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import arrays_close as close
from check_labels import check_entries, nonclaim_table, recorder
from check_labels_round18 import _latex

RNG = np.random.default_rng(21)
ENTRIES, label, nonclaim = recorder()
R = sp.Rational
x, t = sp.symbols("x t", real=True)
lam = sp.Symbol("lambda", positive=True)
mp.mp.dps = 30


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


# ================================================================ statproofbook_probability.md
SP = "statproofbook_probability.md"

_JOINT = {(-1, 0): R(1, 10), (0, 0): R(1, 20), (2, 0): R(3, 20), (5, 0): R(1, 20),
          (-1, 1): R(1, 5), (0, 1): R(1, 10), (2, 1): R(1, 20),
          (0, 3): R(1, 10), (2, 3): R(1, 20), (5, 3): R(3, 20)}
"""A joint law of (X, Y) with rational probabilities (they sum to 1), X in {-1, 0, 2, 5}, Y in {0, 1, 3}."""
assert sum(_JOINT.values()) == 1


def _E(g, law=_JOINT):
    """E[g(X, Y)] exactly."""
    return sum(p * g(a, b) for (a, b), p in law.items())


def _py(b):
    return sum(p for (_, bb), p in _JOINT.items() if bb == b)


def _px(a):
    return sum(p for (aa, _), p in _JOINT.items() if aa == a)


def _cond(b, g):
    """E[g(X) | Y = b]."""
    return sum(p * g(a) for (a, bb), p in _JOINT.items() if bb == b) / _py(b)


_XS = sorted({a for a, _ in _JOINT})
_YS = sorted({b for _, b in _JOINT})
_EX = _E(lambda a, b: a)
_EX2 = _E(lambda a, b: a * a)
_VarX = _E(lambda a, b: (a - _EX) ** 2)


def _var_mean():
    return _VarX == _EX2 - _EX**2


def _var_mean_chain():
    links = [_E(lambda a, b: (a - _EX) ** 2), _E(lambda a, b: a * a - 2 * a * _EX + _EX**2),
             _EX2 - 2 * _EX * _EX + _EX**2, _EX2 - _EX**2]
    return len(set(links)) == 1


def _tot_exp_chain():
    """E[E(X|Y)] written four ways (s1, s2, s3) and E(X)."""
    outer = sum(_py(b) * _cond(b, lambda a: a) for b in _YS)
    s1 = [outer, sum(sum(a * _JOINT.get((a, b), 0) / _py(b) for a in _XS) * _py(b) for b in _YS),
          sum(sum(a * _JOINT.get((a, b), 0) / _py(b) * _py(b) for b in _YS) for a in _XS)]
    s2 = [sum(sum(a * _JOINT.get((a, b), 0) for b in _YS) for a in _XS),
          sum(a * sum(_JOINT.get((a, b), 0) for b in _YS) for a in _XS)]
    s3 = [sum(a * _px(a) for a in _XS), _EX]
    return s1 + s2 + s3


def _all_equal(values):
    return len(set(values)) == 1


# Law of total variance with the roles of the proof: Var(Y) and the conditional moments of Y given X.
def _condY(a, g):
    return sum(p * g(b) for (aa, b), p in _JOINT.items() if aa == a) / _px(a)


_EY = _E(lambda a, b: b)
_EY2 = _E(lambda a, b: b * b)
_VarY = _EY2 - _EY**2
_E_condvar = sum(_px(a) * (_condY(a, lambda b: b * b) - _condY(a, lambda b: b) ** 2) for a in _XS)
_E_condmean2 = sum(_px(a) * _condY(a, lambda b: b) ** 2 for a in _XS)
_E_condmean = sum(_px(a) * _condY(a, lambda b: b) for a in _XS)
_Var_condmean = _E_condmean2 - _E_condmean**2


def _tot_var():
    return _VarY == _E_condvar + _Var_condmean


# An estimator's law for the bias-variance partition: values of theta-hat with probabilities, true theta = 1.
_EST = {R(1, 2): R(1, 4), 2: R(1, 2), 3: R(1, 4)}
_THETA = 1
_M = sum(p * v for v, p in _EST.items())
_VAR_T = sum(p * (v - _M) ** 2 for v, p in _EST.items())
_MSE = sum(p * (v - _THETA) ** 2 for v, p in _EST.items())
_BIAS = _M - _THETA
assert _BIAS != 0


def _mse_chain1():
    return _all_equal([_MSE, sum(p * (v - _M + _M - _THETA) ** 2 for v, p in _EST.items()),
                       sum(p * ((v - _M) ** 2 + 2 * (v - _M) * (_M - _THETA) + (_M - _THETA) ** 2)
                           for v, p in _EST.items()),
                       _VAR_T + sum(p * 2 * (v - _M) * (_M - _THETA) for v, p in _EST.items()) + _BIAS**2])


def _mse_chain2():
    return _all_equal([_MSE, _VAR_T + 2 * _BIAS * sum(p * (v - _M) for v, p in _EST.items()) + _BIAS**2,
                       _VAR_T + 2 * _BIAS * (_M - _M) + _BIAS**2, _VAR_T + _BIAS**2])


# Markov and Chebyshev on a non-negative discrete law, every threshold on a grid.
_NONNEG = {0: R(3, 10), R(1, 2): R(1, 5), 2: R(1, 4), 7: R(1, 4)}
_GRID = [R(k, 4) for k in range(1, 41)]


def _markov(law=_NONNEG):
    mean = sum(p * v for v, p in law.items())
    return all(sum(p for v, p in law.items() if v >= a) <= mean / a for a in _GRID)


def _markov_chain():
    mean = sum(p * v for v, p in _NONNEG.items())
    for a in _GRID:
        tail = sum(p for v, p in _NONNEG.items() if v >= a)
        e_ind = sum(p * (1 if v >= a else 0) for v, p in _NONNEG.items())
        lines = [sum(p * a * (1 if v >= a else 0) for v, p in _NONNEG.items()), a * e_ind,
                 a * (0 * (1 - tail) + 1 * tail), a * tail]
        if not (all(line <= mean for line in lines) and tail <= mean / a):
            return False
    return True


def _indicator_bound():
    return all(a * (1 if v >= a else 0) <= v for v in _NONNEG for a in _GRID)


def _chebyshev(chain=False):
    law = {-3: R(1, 8), 0: R(1, 2), 1: R(1, 4), 6: R(1, 8)}
    m = sum(p * v for v, p in law.items())
    s2 = sum(p * (v - m) ** 2 for v, p in law.items())
    for k in _GRID:
        lhs = sum(p for v, p in law.items() if sp.Abs(v - m) >= k * sp.sqrt(s2))
        sq = sum(p for v, p in law.items() if (v - m) ** 2 >= k**2 * s2)
        if chain and not (lhs == sq and sq <= s2 / (k**2 * s2) and s2 / (k**2 * s2) == 1 / k**2):
            return False
        if lhs > 1 / k**2:
            return False
    return True


_p = sp.Symbol("p", positive=True)


def _exp_int(expr, lo=0, hi=sp.oo):
    return sp.integrate(expr, (x, lo, hi), conds="none")


def _exp_mgf_chain():
    """For t < lambda (t = lambda - s, s > 0) every line of the chain equals lambda/(lambda - t)."""
    s = sp.Symbol("s", positive=True)
    tt = lam - s
    lines = [_exp_int(sp.exp(tt * x) * lam * sp.exp(-lam * x)), _exp_int(lam * sp.exp(x * (tt - lam))),
             lam / (tt - lam) * (sp.limit(sp.exp(x * (tt - lam)), x, sp.oo) - 1)]
    return all(zero(line - lam / (lam - tt)) for line in lines)


def _norm_mgf_at(mu_, sg, tt) -> bool:
    """Each line of the normal m.g.f. derivation at one (mu, sigma, t), by mpmath quadrature."""
    mu_, sg, tt = mp.mpf(mu_), mp.mpf(sg), mp.mpf(tt)
    target = mp.exp(mu_ * tt + sg**2 * tt**2 / 2)
    c = 1 / (mp.sqrt(2 * mp.pi) * sg)
    r2 = mp.sqrt(2)
    lines = [
        mp.quad(lambda v: mp.exp(tt * v) * c * mp.exp(-((v - mu_) / sg) ** 2 / 2), [-mp.inf, mu_, mp.inf]),
        c * mp.quad(lambda v: mp.exp(tt * v - ((v - mu_) / sg) ** 2 / 2), [-mp.inf, mu_, mp.inf]),
        c * r2 * sg * mp.quad(lambda u: mp.exp((r2 * sg * u + mu_) * tt - u**2), [-mp.inf, mp.inf]),
        mp.exp(mu_ * tt) / mp.sqrt(mp.pi) * mp.quad(lambda u: mp.exp(r2 * sg * u * tt - u**2), [-mp.inf, mp.inf]),
        mp.exp(mu_ * tt) / mp.sqrt(mp.pi) * mp.quad(lambda u: mp.exp(-(u - r2 / 2 * sg * tt) ** 2
                                                                     + sg**2 * tt**2 / 2), [-mp.inf, mp.inf]),
        target / mp.sqrt(mp.pi) * mp.quad(lambda v: mp.exp(-v**2), [-mp.inf, mp.inf]),
    ]
    return all(abs(line - target) < mp.mpf(10) ** -20 * target for line in lines)


def _norm_mgf_lines():
    """Each line of the normal m.g.f. derivation at several (mu, sigma, t)."""
    return all(_norm_mgf_at(*point) for point in [(0.3, 1.2, 0.7), (-1.0, 0.5, -1.3), (2.0, 2.0, 0.4)])


# Vector m.g.f.s: X ~ N(m, S) in R^2 (its m.g.f. exp(s'm + s'Ss/2) checked by quadrature below), A non-symmetric.
_m = np.array([0.3, -0.5])
_L = np.array([[1.0, 0.0], [0.4, 0.7]])
_S = _L @ _L.T
_A = np.array([[1.0, 2.0], [-0.5, 0.3]])
_b = np.array([0.2, -0.1])
_tv = np.array([0.4, 0.25])


def _mgf_x(s):
    return float(np.exp(s @ _m + s @ _S @ s / 2))


def _mvn_mgf_quadrature():
    """E exp(t'X) for X = m + L z, z standard normal in R^2, by 2-d mpmath quadrature, against the closed form."""
    def integrand(z1, z2):
        xv = _m + _L @ np.array([float(z1), float(z2)])
        return mp.exp(float(_tv @ xv)) * mp.exp(-(z1**2 + z2**2) / 2) / (2 * mp.pi)
    with mp.workdps(15):
        val = mp.quad(integrand, [-mp.inf, 0, mp.inf], [-mp.inf, 0, mp.inf])
    return abs(float(val) - _mgf_x(_tv)) < 1e-8


def _mgf_y_true(tv):
    """M_Y(t) = E exp(t'(AX + b)) = exp(t'b) M_X(A't)."""
    return float(np.exp(tv @ _b)) * _mgf_x(_A.T @ tv)


def _mgf_ltt_theorem():
    """As written, M_Y(t) = exp(t'b) M_X(At); A non-symmetric tells A t from A' t."""
    return abs(_mgf_y_true(_tv) - float(np.exp(_tv @ _b)) * _mgf_x(_A @ _tv)) < 1e-12


def _mvn_ltt_chain2():
    """The chain exp(t'b) M_x(At) = exp(t'b) exp(t'A mu + t'A S A't/2) = exp(t'(A mu + b) + ...)."""
    first = float(np.exp(_tv @ _b)) * _mgf_x(_A @ _tv)
    second = float(np.exp(_tv @ _b)) * float(np.exp(_tv @ _A @ _m + _tv @ _A @ _S @ _A.T @ _tv / 2))
    truth = _mgf_y_true(_tv)
    return abs(first - truth) < 1e-12 and abs(second - first) < 1e-12


def _mvn_lt():
    """y = Ax + b has mean A mu + b and covariance A S A' (linearity, exact with symbols)."""
    a = sp.Matrix(2, 2, sp.symbols("a0:4"))
    m = sp.Matrix(sp.symbols("m0:2"))
    S = sp.Matrix([[sp.Symbol("s00"), sp.Symbol("s01")], [sp.Symbol("s01"), sp.Symbol("s11")]])
    b = sp.Matrix(sp.symbols("b0:2"))
    # the mgf of y through the (correct) transpose: exponent t'(Am + b) + t'ASA't/2
    tv = sp.Matrix(sp.symbols("t0:2"))
    s = a.T * tv
    exponent_y = (tv.T * b)[0] + (s.T * m)[0] + (s.T * S * s)[0] / 2
    return zero(exponent_y - ((tv.T * (a * m + b))[0] + (tv.T * a * S * a.T * tv)[0] / 2))


def _quad_form(chain=False):
    """E[X'AX] on a discrete random vector with three atoms, exactly, for a symmetric A."""
    atoms = [(sp.Matrix([1, 2]), R(1, 4)), (sp.Matrix([-1, 0]), R(1, 2)), (sp.Matrix([3, -2]), R(1, 4))]
    A = sp.Matrix([[2, -1], [-1, 3]])
    mu = sum((p * v for v, p in atoms), sp.zeros(2, 1))
    exx = sum((p * v * v.T for v, p in atoms), sp.zeros(2, 2))
    cov = exx - mu * mu.T
    lhs = sum(p * (v.T * A * v)[0] for v, p in atoms)
    rhs = (mu.T * A * mu)[0] + (A * cov).trace()
    if not chain:
        return lhs == rhs
    lines = [sum(p * (v.T * A * v).trace() for v, p in atoms), sum(p * (A * v * v.T).trace() for v, p in atoms),
             (A * exx).trace(), (A * (cov + mu * mu.T)).trace(), (A * cov + A * mu * mu.T).trace(),
             (A * cov).trace() + (A * mu * mu.T).trace(), (A * cov).trace() + (mu.T * A * mu).trace(), rhs]
    return all(line == lhs for line in lines) and cov == exx - mu * mu.T


def _lin_density():
    """f_Y(y) = f_X(S^-1 (y - mu)) / |det S| for X standard normal in R^2 and Y = S X + mu, against the N(mu, S S')
    density; S with a negative determinant, so |S| must be the absolute determinant."""
    S = np.array([[1.0, 2.0], [0.5, -1.0]])
    mu_ = np.array([0.3, -0.2])
    C = S @ S.T
    for yv in (np.array([0.1, 0.4]), np.array([-1.0, 2.0])):
        d = yv - mu_
        truth = np.exp(-d @ np.linalg.solve(C, d) / 2) / (2 * np.pi * np.sqrt(np.linalg.det(C)))
        xv = np.linalg.solve(S, d)
        formula = np.exp(-xv @ xv / 2) / (2 * np.pi) / abs(np.linalg.det(S))
        if abs(truth - formula) > 1e-12:
            return False
    return True


def _g_inverse():
    S = RNG.normal(size=(3, 3))
    mu_, yv = RNG.normal(size=3), RNG.normal(size=3)
    xv = np.linalg.solve(S, yv - mu_)
    return close(S @ xv + mu_, yv) and close(np.linalg.inv(S) @ yv - np.linalg.inv(S) @ mu_, xv)


def _jacobian_inverse():
    S = sp.Matrix([[2, 1], [-1, 3]])
    ys = sp.Matrix(sp.symbols("y0:2"))
    mu_ = sp.Matrix([R(1, 2), -1])
    return S.inv() * (ys - mu_) == S.inv() * ys - S.inv() * mu_ and (S.inv() * (ys - mu_)).jacobian(ys) == S.inv()


def _beta_mgf_at(al, be, tt, which) -> bool:
    """The beta m.g.f. as the integral, as Kummer's function, and as the series, at one (alpha, beta, t)."""
    al, be, tt = mp.mpf(al), mp.mpf(be), mp.mpf(tt)
    integral = mp.quad(lambda u: mp.exp(tt * u) * u ** (al - 1) * (1 - u) ** (be - 1), [0, 1]) / mp.beta(al, be)
    series = 1 + mp.nsum(lambda n: mp.fprod(
        (al + m) / (al + be + m) for m in range(int(n))) * tt**n / mp.factorial(n), [1, mp.inf])
    rising = mp.nsum(lambda n: mp.rf(al, n) / mp.rf(al + be, n) * tt**n / mp.factorial(n), [0, mp.inf])
    kummer = mp.hyp1f1(al, al + be, tt)
    vals = {"series": [series], "integral": [integral], "kummer": [kummer], "rising": [rising],
            "all": [series, integral, kummer, rising]}[which]
    return all(abs(v - integral) < mp.mpf(10) ** -15 for v in vals)


def _beta_mgf(which):
    """:func:`_beta_mgf_at` at three (alpha, beta, t) points."""
    return all(_beta_mgf_at(al, be, tt, which) for al, be, tt in [(2.0, 3.0, 0.7), (0.5, 1.5, -1.2), (3.5, 0.8, 2.0)])


def _kummer_at(a_, b_, z_) -> bool:
    a_, b_, z_ = mp.mpf(a_), mp.mpf(b_), mp.mpf(z_)
    rhs = mp.gamma(b_) / (mp.gamma(a_) * mp.gamma(b_ - a_)) * mp.quad(
        lambda u: mp.exp(z_ * u) * u ** (a_ - 1) * (1 - u) ** (b_ - a_ - 1), [0, 1])
    return abs(rhs - mp.hyp1f1(a_, b_, z_)) <= mp.mpf(10) ** -15


def _kummer_integral():
    return all(_kummer_at(*point) for point in [(1.5, 4.0, 0.3), (0.7, 2.2, -2.0)])


def _second_moment_antiderivative():
    """As written (read as integrals over (0, inf)): int x^2 e^{-lx} = [-x^2 e^{-lx}/l]_0^inf - int 2x(-x e^{-lx}/l);
    at lambda = 1 the left is 2 and the right 0 + 2 int x^2 e^{-x} = 4 (integration by parts gives
    int 2x (-e^{-lx}/l), without the second x)."""
    lv = 1
    left = _exp_int(x**2 * sp.exp(-lv * x))
    right = 0 - _exp_int(2 * x * (-x * sp.exp(-lv * x) / lv))
    return zero(left - right)


nonclaim_table(nonclaim, SP, """
28 definition  # Var(X) = E[(X - E X)^2], the variance
141 definition  # the variance of the estimator
147 definition  # the bias
154 definition  # the mean squared error
192 definition  # the indicator variable
236 definition  # sigma^2 and mu
258 definition  # X ~ Bern(p)
271 definition  # the variance as a weighted sum
303 definition  # X ~ Exp(lambda)
316 definition  # the expected value of a continuous variable
350 definition  # X ~ Exp(lambda)
364 definition  # the exponential density (for x >= 0)
370 definition  # the m.g.f.
403 definition  # X ~ N(mu, sigma^2)
416 definition  # the normal density
422 definition  # the m.g.f.
482 definition  # the m.g.f. of a random vector
512 definition  # the set of outcomes of Y
554 definition  # X ~ Exp(lambda)
567 definition  # the variance
630 definition  # X ~ Poiss(lambda)
643 definition  # the expected value of a discrete variable
683 definition  # X ~ Bet(alpha, beta)
696 definition  # the beta density
702 definition  # the m.g.f.
741 definition  # the rising factorial
812 definition  # x ~ N(mu, Sigma)
825 definition  # the m.g.f. of a random vector
""")

label(SP, 21, "claim", "right", "exact on a discrete joint law: Var(X) = E(X^2) - E(X)^2", "", _var_mean)
label(SP, 34, "claim", "right", "exact on a discrete law: the four lines of the chain are equal", "", _var_mean_chain)
label(SP, 47, "claim", "right", "exact on a discrete joint law: sum_y P(y) E(X | y) = E(X)", "",
      lambda: _tot_exp_chain()[0] == _EX)
label(SP, 54, "claim", "right", "exact on a discrete joint law: the three lines of s1 are equal", "",
      lambda: _all_equal(_tot_exp_chain()[:3]))
label(SP, 64, "claim", "right", "exact: E[E(X|Y)] and the two lines of s2 are equal", "",
      lambda: _all_equal([_tot_exp_chain()[0]] + _tot_exp_chain()[3:5]))
label(SP, 73, "claim", "right", "exact: E[E(X|Y)] = sum_x x P(X = x) = E(X)", "",
      lambda: _all_equal([_tot_exp_chain()[0]] + _tot_exp_chain()[5:]))
label(SP, 84, "claim", "right", "exact on a discrete joint law: Var(Y) = E[Var(Y|X)] + Var[E(Y|X)]", "", _tot_var)
label(SP, 91, "claim", "right", "exact: Var(Y) = E(Y^2) - E(Y)^2", "", lambda: _VarY == _EY2 - _EY**2)
label(SP, 97, "claim", "right", "exact: E(Y^2) = Var(Y) + E(Y)^2", "", lambda: _EY2 == _VarY + _EY**2)
label(SP, 103, "claim", "right", "exact: E(Y^2) = E[Var(Y|X) + E(Y|X)^2]", "", lambda: _EY2 == _E_condvar + _E_condmean2)
label(SP, 109, "claim", "right", "exact: both sides minus E(Y)^2", "",
      lambda: _EY2 - _EY**2 == _E_condvar + _E_condmean2 - _EY**2)
label(SP, 115, "claim", "right", "exact: E(Y) = E[E(Y|X)] on the right", "",
      lambda: _EY2 - _EY**2 == _E_condvar + _E_condmean2 - _E_condmean**2)
label(SP, 121, "claim", "right", "exact: regrouped", "",
      lambda: _EY2 - _EY**2 == _E_condvar + (_E_condmean2 - _E_condmean**2))
label(SP, 127, "claim", "right", "exact on a discrete joint law (the theorem again)", "", _tot_var)
label(SP, 135, "claim", "wrong", "exact on an estimator's law with bias 7/8: MSE = Var + Bias^2, not Var - Bias^2 "
      "(the proof's own conclusion has +)", "", lambda: _MSE == _VAR_T - _BIAS**2)
label(SP, 160, "claim", "right", "exact on an estimator's law with non-zero bias: the four lines are equal", "",
      _mse_chain1)
label(SP, 171, "claim", "right", "exact: the three lines equal the MSE", "", _mse_chain2)
label(SP, 185, "claim", "right", "exact on a non-negative discrete law, a = k/4 for k = 1..40", "X >= 0, a > 0", _markov)
label(SP, 203, "claim", "right", "exact: a 1{X >= a} <= X at every atom of a non-negative law and a > 0", "X >= 0, a > 0",
      _indicator_bound)
label(SP, 209, "claim", "right", "exact: each line's inequality on a non-negative law, a = k/4", "X >= 0, a > 0",
      _markov_chain)
label(SP, 223, "claim", "right", "exact on a discrete law: P(|X - mu| >= k sigma) <= 1/k^2 for k = j/4", "k > 0",
      _chebyshev)
label(SP, 230, "claim", "right", "exact: Markov's inequality for a non-negative Y (the Y of the proof is (X - mu)^2)",
      "Y >= 0, a > 0", _markov)
label(SP, 244, "claim", "right", "exact on a discrete law, k = j/4: the equality, the Markov bound, the two equalities",
      "k > 0", lambda: _chebyshev(chain=True))
label(SP, 264, "claim", "right", "sympy: E(X^2) - E(X)^2 = p - p^2 = p(1 - p) for X in {0, 1}", "0 <= p <= 1",
      lambda: zero(_p - _p**2 - _p * (1 - _p)))
label(SP, 277, "claim", "right", "exact on a discrete law: Var = E(X^2) - E(X)^2", "", _var_mean)
label(SP, 283, "claim", "right", "sympy: 0 (1 - p) + 1 p = p", "", lambda: zero(0 * (1 - _p) + 1 * _p - _p))
label(SP, 289, "claim", "right", "sympy: 0^2 (1 - p) + 1^2 p = 0 (1 - p) + 1 p = p", "",
      lambda: zero(0**2 * (1 - _p) + 1**2 * _p - _p) and zero(0 * (1 - _p) + 1 * _p - _p))
label(SP, 295, "claim", "right", "sympy: p - p^2 = p(1 - p), and Var = E(X^2) - E(X)^2 = p - p^2", "",
      lambda: zero(_p - _p**2 - _p * (1 - _p)))
label(SP, 309, "claim", "right", "sympy: int_0^oo x lambda e^{-lambda x} dx = 1/lambda", "lambda > 0",
      lambda: zero(_exp_int(x * lam * sp.exp(-lam * x)) - 1 / lam))
label(SP, 322, "claim", "right", "sympy: both lines equal 1/lambda", "lambda > 0",
      lambda: zero(_exp_int(x * lam * sp.exp(-lam * x)) - 1 / lam)
      and zero(lam * _exp_int(x * sp.exp(-lam * x)) - 1 / lam))
label(SP, 331, "claim", "right", "sympy: d/dx of (-x/lambda - 1/lambda^2) e^{-lambda x} is x e^{-lambda x}", "lambda > 0",
      lambda: zero(sp.diff((-x / lam - 1 / lam**2) * sp.exp(-lam * x), x) - x * sp.exp(-lam * x)))
label(SP, 337, "claim", "right", "sympy: the bracket at oo is 0, at 0 is -1/lambda^2; every line is 1/lambda", "lambda > 0",
      lambda: zero(sp.limit((-x / lam - 1 / lam**2) * sp.exp(-lam * x), x, sp.oo))
      and zero(lam * (0 - (-1 / lam**2)) - 1 / lam) and zero(lam * (0 + 1 / lam**2) - 1 / lam))
label(SP, 356, "claim", "right", "sympy: int_0^oo e^{tx} lambda e^{-lambda x} dx = lambda/(lambda - t) for t < lambda",
      "t < lambda", _exp_mgf_chain)
label(SP, 376, "claim", "right", "sympy: every line equals lambda/(lambda - t) for t = lambda - s, s > 0", "t < lambda",
      _exp_mgf_chain)
label(SP, 389, "claim", "right", "sympy: with the limit 0 (t < lambda), lambda/(t - lambda) (0 - 1) = lambda/(lambda - t)",
      "t < lambda", lambda: zero(lam / (t - lam) * (0 - 1) - lam / (lam - t)) and _exp_mgf_chain())
label(SP, 409, "claim", "right", "mpmath quadrature at three (mu, sigma, t): E e^{tX} = exp(mu t + sigma^2 t^2/2)",
      "sigma > 0", _norm_mgf_lines)
label(SP, 428, "claim", "right", "mpmath quadrature: the two lines of s1", "sigma > 0", _norm_mgf_lines)
label(SP, 437, "claim", "right", "mpmath quadrature: each line of s2 (the substitution x = sqrt 2 sigma u + mu)",
      "sigma > 0", _norm_mgf_lines)
label(SP, 450, "claim", "right", "mpmath quadrature: the shift v = u - sqrt(2)/2 sigma t", "sigma > 0", _norm_mgf_lines)
label(SP, 459, "claim", "right", "mpmath: int e^{-x^2} = sqrt(pi)", "",
      lambda: abs(mp.quad(lambda v: mp.exp(-v**2), [-mp.inf, mp.inf]) - mp.sqrt(mp.pi)) < mp.mpf(10) ** -25)
label(SP, 465, "claim", "right", "mpmath quadrature at three (mu, sigma, t)", "sigma > 0", _norm_mgf_lines)
label(SP, 473, "claim", "wrong", "numpy: with Y = AX + b, t'AX = (A't)'X, so M_Y(t) = exp(t'b) M_X(A't); for X ~ N(m, S) "
      "in R^2 and A = [[1, 2], [-0.5, 0.3]] M_X(At) differs (and At is undefined for m != n)", "",
      _mgf_ltt_theorem)
label(SP, 488, "claim", "wrong", "numpy: the third line writes E exp[(At)'X] for E exp[t'AX] = M_X(A't); "
      "at a Gaussian X and a non-symmetric A the chain's last line differs from its first", "", _mgf_ltt_theorem)
label(SP, 501, "claim", "right", "numpy: for X standard normal in R^2 and S with det S < 0, f_X(S^-1(y - mu))/|det S| is "
      "the N(mu, SS') density; |S| read as the absolute determinant (with a signed determinant the formula fails "
      "for det S < 0)", "S invertible, |S| = |det S|", _lin_density)
label(SP, 519, "claim", "right", "numpy: the change of variables f_X(g^-1(y)) |det J_{g^-1}(y)| for the linear g",
      "g invertible and differentiable", _lin_density)
label(SP, 530, "claim", "right", "numpy: S^-1(y - mu) inverts y = Sx + mu and equals S^-1 y - S^-1 mu", "S invertible",
      _g_inverse)
label(SP, 536, "claim", "right", "sympy: the Jacobian of S^-1(y - mu) in y is S^-1", "S invertible", _jacobian_inverse)
label(SP, 546, "claim", "right", "numpy: as line 501", "S invertible, |S| = |det S|", _lin_density)
label(SP, 560, "claim", "right", "sympy: E X^2 - (E X)^2 = 2/lambda^2 - 1/lambda^2", "lambda > 0",
      lambda: zero(_exp_int(x**2 * lam * sp.exp(-lam * x)) - _exp_int(x * lam * sp.exp(-lam * x)) ** 2 - 1 / lam**2))
label(SP, 573, "claim", "right", "exact on a discrete law: Var = E X^2 - (E X)^2", "", _var_mean)
label(SP, 579, "claim", "right", "sympy: int_0^oo x lambda e^{-lambda x} dx = 1/lambda", "lambda > 0",
      lambda: zero(_exp_int(x * lam * sp.exp(-lam * x)) - 1 / lam))
label(SP, 585, "claim", "right", "sympy: the density is 0 for x < 0; each line is 2/lambda^2", "lambda > 0",
      lambda: zero(_exp_int(x**2 * lam * sp.exp(-lam * x)) - 2 / lam**2)
      and zero(lam * _exp_int(x**2 * sp.exp(-lam * x)) - 2 / lam**2))
label(SP, 595, "claim", "wrong", "sympy: read over (0, oo), the first line's right side is 0 + 2/lambda int x^2 e^{-lambda x}"
      " = 4/lambda^4 against 2/lambda^3 (at lambda = 1: 4 against 2): the parts rule gives int 2x (-e^{-lambda x}/lambda),"
      " the text has an extra x (its later lines are right)", "lambda > 0", _second_moment_antiderivative)
label(SP, 606, "claim", "right", "sympy: the bracket at oo is 0, at 0 is -2/lambda^3; every line is 2/lambda^2",
      "lambda > 0", lambda: zero(sp.limit((-x**2 / lam - 2 * x / lam**2 - 2 / lam**3) * sp.exp(-lam * x), x, sp.oo))
      and zero(lam * (0 + 2 / lam**3) - 2 / lam**2)
      and zero(sp.diff((-x**2 / lam - 2 * x / lam**2 - 2 / lam**3) * sp.exp(-lam * x), x) - x**2 * sp.exp(-lam * x)))
label(SP, 617, "claim", "right", "sympy: 2/lambda^2 - (1/lambda)^2 = 1/lambda^2", "lambda > 0",
      lambda: zero(2 / lam**2 - (1 / lam) ** 2 - 1 / lam**2))
label(SP, 636, "claim", "right", "sympy: sum x lambda^x e^-lambda / x! = lambda", "lambda > 0",
      lambda: zero(sp.summation(sp.Symbol("k") * lam ** sp.Symbol("k") * sp.exp(-lam) / sp.factorial(sp.Symbol("k")),
                                (sp.Symbol("k"), 0, sp.oo)) - lam))
_k = sp.Symbol("k", integer=True, nonnegative=True)
label(SP, 649, "claim", "right", "sympy: the four sums are lambda (the x = 0 term is 0)", "lambda > 0",
      lambda: all(zero(sp.simplify(s_) - lam) for s_ in (
          sp.summation(_k * lam**_k * sp.exp(-lam) / sp.factorial(_k), (_k, 0, sp.oo)),
          sp.summation(_k * lam**_k * sp.exp(-lam) / sp.factorial(_k), (_k, 1, sp.oo)),
          sp.exp(-lam) * sp.summation(_k / sp.factorial(_k) * lam**_k, (_k, 1, sp.oo)),
          lam * sp.exp(-lam) * sp.summation(lam ** (_k - 1) / sp.factorial(_k - 1), (_k, 1, sp.oo)))))
label(SP, 660, "claim", "right", "sympy: lambda e^-lambda sum lambda^z/z! = lambda", "lambda > 0",
      lambda: zero(lam * sp.exp(-lam) * sp.summation(lam**_k / sp.factorial(_k), (_k, 0, sp.oo)) - lam))
label(SP, 666, "claim", "right", "sympy: sum x^n/n! = e^x", "",
      lambda: zero(sp.summation(x**_k / sp.factorial(_k), (_k, 0, sp.oo)) - sp.exp(x)))
label(SP, 672, "claim", "right", "sympy: lambda e^-lambda e^lambda = lambda", "", lambda: zero(lam * sp.exp(-lam) * sp.exp(lam) - lam))
label(SP, 689, "claim", "right", "mpmath at three (alpha, beta, t): the series equals E e^{tX} by quadrature",
      "alpha, beta > 0", lambda: _beta_mgf("series"))
label(SP, 708, "claim", "right", "mpmath: both lines are the same integral (the constant taken out)", "alpha, beta > 0",
      lambda: _beta_mgf("integral"))
label(SP, 717, "claim", "right", "mpmath: B(a, b) = Gamma(a) Gamma(b)/Gamma(a + b) at three points", "a, b > 0",
      lambda: all(abs(mp.beta(a_, b_) - mp.gamma(a_) * mp.gamma(b_) / mp.gamma(a_ + b_)) < mp.mpf(10) ** -25
                  for a_, b_ in [(mp.mpf(2), mp.mpf(3)), (mp.mpf("0.5"), mp.mpf("1.5")), (mp.mpf("3.5"), mp.mpf("0.8"))]))
label(SP, 723, "claim", "right", "mpmath: the integral representation against hyp1f1 at two points", "b > a > 0",
      _kummer_integral)
label(SP, 729, "claim", "right", "mpmath: the m.g.f. integral equals 1F1(alpha; alpha + beta; t)", "alpha, beta > 0",
      lambda: _beta_mgf("kummer"))
label(SP, 735, "claim", "right", "mpmath: the rising-factorial series equals hyp1f1 (via the m.g.f. points)",
      "", lambda: _beta_mgf("rising"))
label(SP, 747, "claim", "right", "mpmath: the rising-factorial series equals the m.g.f. integral", "alpha, beta > 0",
      lambda: _beta_mgf("rising"))
label(SP, 753, "claim", "right", "mpmath: the product series equals the m.g.f. integral", "alpha, beta > 0",
      lambda: _beta_mgf("all"))
label(SP, 761, "claim", "right", "exact on a discrete random vector with three atoms, A symmetric", "A symmetric",
      _quad_form)
for _line in (768, 774, 780, 792):
    label(SP, _line, "claim", "right", "exact on a discrete random vector: the step equals E[X'AX]", "A symmetric",
          lambda: _quad_form(chain=True))
label(SP, 786, "claim", "right", "exact: Cov(X, X) = E(XX') - E(X)E(X)' on a discrete random vector", "",
      lambda: _quad_form(chain=True))
label(SP, 798, "claim", "right", "exact on a discrete random vector: every line of the chain", "A symmetric",
      lambda: _quad_form(chain=True))
label(SP, 818, "claim", "right", "sympy: the m.g.f. of Ax + b has exponent t'(A mu + b) + t'A Sigma A't/2", "", _mvn_lt)
label(SP, 831, "claim", "wrong", "numpy: the last link writes M_x(At) for E exp(t'Ax) = M_x(A't); differs for the "
      "non-symmetric A = [[1, 2], [-0.5, 0.3]] and a Gaussian x", "", _mgf_ltt_theorem)
label(SP, 842, "claim", "right", "mpmath 2-d quadrature of E exp(t'x) for x = m + Lz at one point", "Sigma = LL'",
      _mvn_mgf_quadrature)
label(SP, 848, "claim", "wrong", "numpy: exp(t'b) M_x(At) is not M_y(t), and M_x(At) = exp(t'A'mu + t'A'Sigma A t/2), "
      "not exp(t'A mu + t'A Sigma A't/2), for a non-symmetric A (the last line is M_y(t))", "", _mvn_ltt_chain2)


# ================================================================ tudelft_svd.md
TU = "tudelft_svd.md"
_A1 = sp.Matrix([[1, 3], [2, 2], [3, 1]])
_U1 = sp.Matrix([[1 / sp.sqrt(3), -1 / sp.sqrt(2), -1 / sp.sqrt(6)], [1 / sp.sqrt(3), 0, 2 / sp.sqrt(6)],
                 [1 / sp.sqrt(3), 1 / sp.sqrt(2), -1 / sp.sqrt(6)]])
_S1 = sp.Matrix([[sp.sqrt(24), 0], [0, 2], [0, 0]])
_V1 = sp.Matrix([[1, 1], [1, -1]]) / sp.sqrt(2)
_A2 = sp.Matrix([[5, -1], [-3, 2], [-1, 3]])
_A3 = sp.Matrix([[1, 1, 0, -1], [-1, 1, 0, 3], [-2, 1, 2, 0]])
_B3 = _A3.T


def _mzero(M) -> bool:
    return all(zero(e) for e in M)


def _rand_svd(m=5, n=3, rank=None):
    """A random m x n matrix (of the given rank) and its full SVD (numpy)."""
    A = RNG.normal(size=(m, n))
    if rank is not None:
        A = RNG.normal(size=(m, rank)) @ RNG.normal(size=(rank, n))
    U, s, Vt = np.linalg.svd(A)
    S = np.zeros((m, n))
    S[:len(s), :len(s)] = np.diag(s)
    return A, U, S, Vt.T, s


def _rank_facts():
    for m, n, r in [(5, 3, 2), (3, 5, 2), (4, 4, 3)]:
        A, U, _S, V, s = _rand_svd(m, n, r)
        nz = int(np.sum(s > 1e-9 * s[0]))
        rank = np.linalg.matrix_rank(A)
        null_dim = n - np.linalg.matrix_rank(A)
        Vr = V[:, :nz]
        null_vr = n - np.linalg.matrix_rank(Vr.T)
        if not (rank == nz == n - null_dim and null_dim == null_vr == n - np.linalg.matrix_rank(Vr) == n - nz):
            return False
        Ur = U[:, :nz]
        if np.linalg.matrix_rank(np.hstack([A, Ur])) != nz:  # Col A = Col U_r
            return False
        if not close(A, Ur @ np.diag(s[:nz]) @ Vr.T):
            return False
    return True


def _ata_eig():
    for m, n in [(5, 3), (3, 5)]:
        A, _U, _S, V, s = _rand_svd(m, n)
        lam_ = np.concatenate([s**2, np.zeros(n - len(s))])
        if not all(close(A.T @ A @ V[:, i], lam_[i] * V[:, i]) for i in range(n)):
            return False
        if not close(np.sort(np.linalg.eigvalsh(A.T @ A))[::-1], lam_, 1e-8):
            return False
    return True


def _sv_sqrt():
    A = RNG.normal(size=(4, 3))
    return close(np.linalg.svd(A, compute_uv=False), np.sqrt(np.sort(np.linalg.eigvalsh(A.T @ A))[::-1]))


def _typo_ata():
    """As written: A^T A = (U S V^T)^T (U S V) = V S^T (U^T U) S V^T; with V orthogonal but V != V^T the second
    expression differs from A^T A."""
    A, U, S, V, _s = _rand_svd(4, 3)
    return close(A.T @ A, (U @ S @ V.T).T @ (U @ S @ V))


def _norm_ax():
    A = RNG.normal(size=(4, 3))
    xv = RNG.normal(size=3)
    xh = xv / np.linalg.norm(xv)
    return (close(np.linalg.norm(A @ xv) ** 2, (A @ xv) @ (A @ xv)) and close((A @ xv) @ (A @ xv), xv @ A.T @ A @ xv)
            and close(np.linalg.norm(A @ xv) / np.linalg.norm(xv), np.linalg.norm(A @ xh) / np.linalg.norm(xh))
            and close(np.linalg.norm(A @ xh) / np.linalg.norm(xh), np.linalg.norm(A @ xh)))


def _nullspace_facts():
    A = RNG.normal(size=(3, 2)) @ RNG.normal(size=(2, 4))  # rank 2, null space of dimension 2
    _, _, Vt = np.linalg.svd(A)
    v = Vt[-1]
    return (close(A @ v, np.zeros(3)) and close(A.T @ A @ v, np.zeros(4)) and close(A.T @ (A @ v), np.zeros(4))
            and close(v @ (A.T @ A @ v), np.linalg.norm(A @ v) ** 2) and abs(np.linalg.norm(A @ v)) < 1e-9
            and np.linalg.matrix_rank(A) == 4 - 2 == np.linalg.matrix_rank(A.T @ A))


def _eig_nonneg():
    A = RNG.normal(size=(4, 3))
    w, Q = np.linalg.eigh(A.T @ A)
    u = Q[:, 0]
    lam0 = w[0]
    return (0 <= np.linalg.norm(A @ u) ** 2 and close(np.linalg.norm(A @ u) ** 2, u @ A.T @ A @ u)
            and close(u @ A.T @ A @ u, u @ (lam0 * u)) and close(u @ (lam0 * u), lam0 * np.linalg.norm(u) ** 2)
            and lam0 >= -1e-12 and np.linalg.norm(u) != 0)


def _aat_eigvec():
    A = RNG.normal(size=(3, 5))
    w, Q = np.linalg.eigh(A.T @ A)
    u, lam0 = Q[:, -1], w[-1]
    return lam0 > 0 and close(A @ A.T @ A @ u, (A @ A.T) @ (A @ u)) and close((A @ A.T) @ (A @ u), lam0 * (A @ u))


def _geometric_multiplicity():
    """g.m. of each non-zero eigenvalue of A'A and AA' (a repeated one built in): nullities of M - lambda I agree."""
    Q1, _ = np.linalg.qr(RNG.normal(size=(5, 5)))
    Q2, _ = np.linalg.qr(RNG.normal(size=(3, 3)))
    S = np.zeros((5, 3))
    S[0, 0], S[1, 1], S[2, 2] = 2.0, 2.0, 1.0
    A = Q1 @ S @ Q2.T
    for lam0 in (4.0, 1.0):
        g1 = 3 - np.linalg.matrix_rank(A.T @ A - lam0 * np.eye(3), tol=1e-8)
        g2 = 5 - np.linalg.matrix_rank(A @ A.T - lam0 * np.eye(5), tol=1e-8)
        if g1 != g2:
            return False
    return True


def _independence_chain():
    """A'(c1 A v1 + c2 A v2) = c1 A'A v1 + c2 A'A v2 = lambda(c1 v1 + c2 v2) for eigenvectors of one eigenvalue;
    the A v_k are independent, so only c = 0 makes the combination 0."""
    Q1, _ = np.linalg.qr(RNG.normal(size=(4, 4)))
    S = np.zeros((4, 3))
    S[0, 0], S[1, 1], S[2, 2] = 3.0, 3.0, 1.0
    A = Q1 @ S
    v1, v2, lam0 = np.eye(3)[0], np.eye(3)[1], 9.0
    c = RNG.normal(size=2)
    ok = (close(A.T @ (c[0] * A @ v1 + c[1] * A @ v2), c[0] * A.T @ A @ v1 + c[1] * A.T @ A @ v2)
          and close(c[0] * A.T @ A @ v1 + c[1] * A.T @ A @ v2, lam0 * (c[0] * v1 + c[1] * v2)))
    return ok and np.linalg.matrix_rank(np.column_stack([A @ v1, A @ v2])) == 2


def _orthogonality():
    A, _U, _S, V, s = _rand_svd(5, 3)
    lam_ = s**2
    i, j = 0, 2
    vi, vj = V[:, i], V[:, j]
    steps = [(A @ vi) @ (A @ vj), (A @ vi).T @ (A @ vj), vi @ A.T @ A @ vj, vi @ (lam_[j] * vj), lam_[j] * (vi @ vj)]
    return all(abs(step) < 1e-9 for step in steps)


def _unit_u():
    A, _U, _S, V, s = _rand_svd(5, 3)
    ok = True
    for i in range(3):
        ui = A @ V[:, i] / s[i]
        steps = [np.linalg.norm(ui) ** 2, ui @ ui, V[:, i] @ A.T @ A @ V[:, i] / s[i] ** 2,
                 s[i] ** 2 * (V[:, i] @ V[:, i]) / s[i] ** 2, 1.0]
        ok = ok and all(close(step, 1.0) for step in steps)
    return ok


def _construction():
    for m, n, r in [(5, 3, 2), (3, 4, 3)]:
        A, U, S, V, s = _rand_svd(m, n, r)
        Ur, Vr, Srr = U[:, :r], V[:, :r], np.diag(s[:r])
        Sr = np.hstack([Srr, np.zeros((r, n - r))])
        if not (close(A @ Vr, Ur @ Srr) and close(A @ V, Ur @ Sr) and close(Ur @ Sr, U @ S)
                and close(U @ S, A @ V) and close(U @ S @ V.T, A @ V @ V.T) and close(A @ V @ V.T, A)
                and all(close(A @ V[:, i], s[i] * U[:, i]) for i in range(r))):
            return False
    return True


def _symmetric_decomposition():
    G = RNG.normal(size=(4, 4))
    w, Q = np.linalg.eigh(G + G.T)
    return close(G + G.T, Q @ np.diag(w) @ np.linalg.inv(Q)) and close(np.linalg.inv(Q), Q.T)


def _svd_transpose(m, n):
    """(U S V^T)^T = V S^T U^T on a random SVD (of A, or of A^T: then A = V S^T U^T)."""
    A, U, S, V, _s = _rand_svd(m, n)
    return close(A.T, V @ S.T @ U.T)


def _column_space_of_product():
    A, B = RNG.normal(size=(5, 2)), RNG.normal(size=(2, 4))
    return np.linalg.matrix_rank(np.hstack([A @ B, A])) == np.linalg.matrix_rank(A)


def _symmetric_square():
    G = RNG.normal(size=(3, 3))
    A = G + G.T
    return close(A.T @ A, A @ A)


def _ata_symmetric():
    A = RNG.normal(size=(4, 3))
    return close((A.T @ A).T, A.T @ A.T.T) and close(A.T @ A.T.T, A.T @ A)


nonclaim_table(nonclaim, TU, """
37 definition  # the singular value decomposition A = U Sigma V^T
49 definition | \\Sigma_{ii} = \\sigma_i  # the diagonal entries
49 condition | \\sigma_1 \\geq  # the singular values in decreasing order
97 definition | 1&3  # the example's A
99 definition  # the example's U, Sigma, V
165 condition | A = U\\Sigma V^T  # "Suppose A = U Sigma V^T"
183 condition | \\sigma_1>0  # the non-zero singular values
183 condition | \\sigma_{r+1}=0  # the zero ones
201 condition | A\\mathbf{x}  # the situation A x = 0
202 condition | V_r^T  # V_r^T x = 0
228 condition | A = U\\Sigma V^T  # "if A = U Sigma V^T"
273 definition | b^2 = a  # the square root
315 definition | q(  # the quadratic form q
349 definition | \\Sigma_{ii}=  # step 3 of the algorithm
354 definition | \\mathbf{u}_i =  # step 5 of the algorithm
354 condition | r < m  # the case r < m
368 definition  # the example's A
390 definition | \\Sigma =  # the example's Sigma
397 definition  # w_1, an eigenvector found
398 definition  # w_2
400 definition | V =  # the example's V
423 definition | \\vect{u}_3 =  # u_3, the normalized w_3
425 definition | U =  # the example's U
467 condition  # u in Nul A
475 condition | \\mathbf{v}\\in  # v in Nul(A^T A)
475 condition | A^TA\\vect{v}  # A^T A v = 0
497 condition | \\mathbf{u}\\ne  # u != 0
499 condition | A^TA\\mathbf{u} = \\lambda  # the eigenvalue equation
500 condition | A\\mathbf{u}=\\mathbf{0}  # the case A u = 0 (to be excluded)
500 condition | \\lambda \\ne 0  # the hypothesis lambda != 0
523 condition  # a vanishing combination
585 condition | 1 \\leq i  # the index range
614 condition | r<n  # the case r < n
614 condition | \\Rank{A} < n  # the same case
659 definition  # the second example's A
695 definition | \\Sigma =  # the second example's Sigma
703 definition | \\vect{v}_1  # v_1
703 no-claim | \\lambda_1 = 14  # "for lambda_1 = 14", a reference
704 definition | \\vect{v}_2  # v_2
704 no-claim | \\lambda_2 = 7  # "for lambda_2 = 7"
705 definition | \\vect{v}_3  # v_3
705 no-claim | \\lambda_3 = 2  # "for lambda_3 = 2"
716 no-claim | 8 & -4  # the matrix whose null space is sought
718 definition | \\vect{u}_4  # u_4
723 definition  # the second example's V and U
736 condition | A^T = U\\Sigma V^T  # "From A^T = U Sigma V^T"
""")

label(TU, 21, "claim", "right", "numpy: a random symmetric A = Q D Q^T with Q orthogonal (eigh), and Q^-1 = Q^T",
      "A symmetric", _symmetric_decomposition, pick="QDQ")
label(TU, 97, "claim", "right", "sympy: U Sigma V^T = A exactly, U and V orthogonal", "",
      lambda: _mzero(_U1 * _S1 * _V1.T - _A1) and _mzero(_U1.T * _U1 - sp.eye(3)) and _mzero(_V1.T * _V1 - sp.eye(2)),
      pick="U\\Sigma")
label(TU, 119, "claim", "right", "sympy: the economic product is A", "",
      lambda: _mzero(_U1[:, :2] * _S1[:2, :] * _V1.T - _A1))
label(TU, 130, "claim", "right", "exact: (1,1,1) = (1,2,3)/4 + (3,2,1)/4, the columns a_1, a_2 of A", "",
      lambda: sp.Matrix([1, 1, 1]) == (_A1[:, 0] + _A1[:, 1]) / 4)
label(TU, 131, "claim", "wrong", "exact: a_2/2 - a_1/2 = ((3,2,1) - (1,2,3))/2 = (1, 0, -1), not (-1, 0, 1) "
      "(the signs are swapped: (-1, 0, 1) = a_1/2 - a_2/2)", "",
      lambda: sp.Matrix([-1, 0, 1]) == (_A1[:, 1] - _A1[:, 0]) / 2)
label(TU, 145, "claim", "right", "sympy: sigma_1 u_1 v_1^T + sigma_2 u_2 v_2^T = A, both lines", "",
      lambda: _mzero(sp.sqrt(24) * _U1[:, 0] * _V1[:, 0].T + 2 * _U1[:, 1] * _V1[:, 1].T - _A1))
label(TU, 174, "claim", "right", "numpy: (U S V^T)^T = V S^T U^T on a random SVD", "A = U Sigma V^T",
      lambda: _svd_transpose(4, 3))
label(TU, 187, "claim", "right", "numpy: rank, column-space and null-space dimensions of random matrices of rank 2 and 3",
      "r non-zero singular values", _rank_facts)
label(TU, 204, "claim", "right", "numpy: dim Nul A = dim Nul V_r^T = n - r on random low-rank matrices", "", _rank_facts)
label(TU, 212, "claim", "right", "numpy: dim Col A = n - dim Nul A = r", "", _rank_facts)
label(TU, 219, "claim", "right", "numpy: rank [AB, A] = rank A (Col AB lies in Col A) for random A, B",
      "the product defined", _column_space_of_product,
      pick="\\subseteq")
label(TU, 221, "claim", "right", "numpy: Col A = Col U_r (rank of [A, U_r] is r)", "", _rank_facts)
label(TU, 228, "claim", "right", "numpy: A^T = V S^T U^T", "A = U Sigma V^T",
      lambda: _svd_transpose(3, 5), pick="A^T = V")
label(TU, 247, "claim", "right", "numpy: singular values are the square roots of the eigenvalues of A^T A", "",
      _sv_sqrt, pick="\\sigma_i = \\sqrt")
label(TU, 260, "claim", "wrong", "numpy: as written (the second factor U Sigma V without the transpose) "
      "(U S V^T)^T (U S V) differs from A^T A for a random SVD (the text means (U S V^T)^T (U S V^T))", "", _typo_ata)
label(TU, 268, "claim", "right", "numpy: A^T A v_i = sigma_i^2 v_i (lambda_i = sigma_i^2, 0 past the rank)", "", _ata_eig)
label(TU, 272, "claim", "right", "numpy: as line 247", "", _sv_sqrt)
label(TU, 273, "claim", "right", "numpy: singular values are non-negative", "",
      lambda: bool(np.all(np.linalg.svd(RNG.normal(size=(4, 3)), compute_uv=False) >= 0)), pick="\\sigma_i \\geq")
label(TU, 282, "claim", "right", "numpy: A^T A = A^2 for a random symmetric A", "A symmetric",
      _symmetric_square, pick="A^TA = A^2")
label(TU, 311, "claim", "right", "numpy: |Ax|^2 = (Ax).(Ax) = x^T A^T A x", "", _norm_ax)
label(TU, 320, "claim", "right", "numpy: |Ax|/|x| = |A x^|/|x^| = |A x^| with x^ = x/|x|", "x != 0", _norm_ax)
label(TU, 379, "claim", "right", "sympy: A^T A = [[35, -14], [-14, 14]]", "",
      lambda: _A2.T * _A2 == sp.Matrix([[35, -14], [-14, 14]]))
for _pick, _val in (("\\lambda_1 = 42", 42), ("\\lambda_2 = 7", 7)):
    for _line in (386, 396):
        label(TU, _line, "claim", "right", f"sympy: {_val} is an eigenvalue of A^T A (eigenvalues 42 and 7)", "",
              lambda v=_val: v in (_A2.T * _A2).eigenvals(), pick=_pick)
label(TU, 387, "claim", "right", "sympy: sqrt(42) is the largest singular value", "",
      lambda: zero(sp.sqrt(max((_A2.T * _A2).eigenvals())) - sp.sqrt(42)), pick="\\sigma_1")
label(TU, 387, "claim", "right", "sympy: sqrt(7) is the other singular value", "",
      lambda: zero(sp.sqrt(min((_A2.T * _A2).eigenvals())) - sp.sqrt(7)), pick="\\sigma_2")
label(TU, 406, "claim", "right", "sympy: A v_1/sigma_1 with v_1 = (2, -1)/sqrt 5 is (11, -8, -5)/sqrt 210, every line",
      "", lambda: _mzero(_A2 * sp.Matrix([2, -1]) / sp.sqrt(5) / sp.sqrt(42)
                         - sp.Matrix([11, -8, -5]) / sp.sqrt(210)))
label(TU, 412, "claim", "right", "sympy: A v_2/sigma_2 with v_2 = (1, 2)/sqrt 5 is (3, 1, 5)/sqrt 35", "",
      lambda: _mzero(_A2 * sp.Matrix([1, 2]) / sp.sqrt(5) / sp.sqrt(7) - sp.Matrix([3, 1, 5]) / sp.sqrt(35)))
label(TU, 422, "claim", "right", "sympy: the cross product is (-35, -70, 35) = 35 (-1, -2, 1)", "",
      lambda: sp.Matrix([11, -8, -5]).cross(sp.Matrix([3, 1, 5])) == sp.Matrix([-35, -70, 35]) == 35 * sp.Matrix([-1, -2, 1]))
label(TU, 442, "claim", "right", "numpy: the null spaces of A and A^T A have the same dimension and A v = 0 iff A^TA v = 0",
      "", _nullspace_facts)
label(TU, 443, "claim", "right", "numpy: rank A = rank A^T A", "", _nullspace_facts)
label(TU, 463, "claim", "right", "numpy: (A^T A)^T = A^T (A^T)^T = A^T A", "",
      _ata_symmetric)
label(TU, 469, "claim", "right", "numpy: A^T A u = A^T (A u) = 0 for u in Nul A", "u in Nul A", _nullspace_facts)
label(TU, 473, "claim", "right", "numpy: u in Nul A lies in Nul A^T A", "u in Nul A", _nullspace_facts)
label(TU, 477, "claim", "right", "numpy: v^T A^T A v = |Av|^2 = 0 for v in Nul A^T A", "A^T A v = 0", _nullspace_facts)
label(TU, 481, "claim", "right", "numpy: |Av| = 0 for v in Nul A^T A", "A^T A v = 0", _nullspace_facts, pick="\\norm")
label(TU, 481, "claim", "right", "numpy: A v = 0 for v in Nul A^T A", "A^T A v = 0", _nullspace_facts,
      pick="A\\mathbf{v}=\\mathbf{0}")
label(TU, 483, "claim", "right", "numpy: the null spaces agree", "", _nullspace_facts, pick="=")
label(TU, 489, "claim", "right", "numpy: rank A = n - dim Nul A = rank A^T A", "", _nullspace_facts)
label(TU, 495, "claim", "right", "numpy: the chain for an eigenvector u of A^T A", "A^T A u = lambda u", _eig_nonneg)
label(TU, 497, "claim", "right", "numpy: an eigenvector has non-zero norm", "u != 0", _eig_nonneg, pick="\\norm")
label(TU, 497, "claim", "right", "numpy: the eigenvalues of A^T A are >= 0", "", _eig_nonneg, pick="\\lambda \\ge 0")
label(TU, 500, "claim", "right", "under the case A u = 0: lambda u = A^T A u = A^T 0 = 0 (numpy on a null vector of A)",
      "A u = 0, A^T A u = lambda u", _nullspace_facts, pick="\\lambda\\mathbf{u} =")
label(TU, 500, "claim", "right", "under the case A u = 0 with u != 0: lambda u = 0 forces lambda = 0", "A u = 0, u != 0",
      lambda: True, pick="\\lambda =0")
label(TU, 503, "claim", "right", "numpy: A A^T A u = (A A^T) A u = lambda A u for an eigenvector u of A^T A",
      "A^T A u = lambda u, lambda != 0", _aat_eigvec)
label(TU, 515, "claim", "right", "numpy: nullities of A^T A - lambda I and A A^T - lambda I agree, a double eigenvalue "
      "built in", "lambda_i != 0", _geometric_multiplicity)
label(TU, 529, "claim", "right", "numpy: both links for eigenvectors of one eigenvalue, random c; = 0 under the "
      "supposition", "the combination is 0", _independence_chain)
label(TU, 539, "claim", "right", "numpy: the A v_k are independent (rank g), so only c = 0", "lambda_i != 0",
      _independence_chain)
label(TU, 579, "claim", "right", "numpy: each expression of the chain is 0 for i != j on a random SVD", "i != j", _orthogonality)
label(TU, 585, "claim", "right", "numpy: A^T A v_i = lambda_i v_i", "", _ata_eig, pick="A^TA")
label(TU, 587, "claim", "right", "numpy: each expression of the chain is 1", "1 <= i <= r", _unit_u)
label(TU, 602, "claim", "right", "numpy: the construction gives A = U S V^T", "", _construction)
label(TU, 606, "claim", "right", "numpy: A v_i = sigma_i u_i", "i <= r", _construction, pick="\\sigma_i")
label(TU, 608, "claim", "right", "numpy: A V_r = U_r S_rr", "", _construction)
label(TU, 617, "claim", "right", "numpy: A V = U_r S_r", "", _construction)
label(TU, 621, "claim", "right", "numpy: U_r S_r = U S", "", _construction, pick="U_r\\Sigma_r = U")
label(TU, 623, "claim", "right", "numpy: A V = U_r S_r = U S", "", _construction)
label(TU, 627, "claim", "right", "numpy: U S = A V", "", _construction, pick="= AV")
label(TU, 629, "claim", "right", "numpy: U S V^T = A V V^T = A", "V orthogonal", _construction)
label(TU, 668, "claim", "right", "sympy: the transpose of the example's A", "", lambda: _A3.T == sp.Matrix(
    [[1, -1, -2], [1, 1, 1], [0, 0, 2], [-1, 3, 0]]))
label(TU, 677, "claim", "right", "sympy: B^T B = A A^T = [[3, -3, -1], [-3, 11, 3], [-1, 3, 9]]", "",
      lambda: _B3.T * _B3 == _A3 * _A3.T == sp.Matrix([[3, -3, -1], [-3, 11, 3], [-1, 3, 9]]))
label(TU, 686, "claim", "wrong", "sympy: det(B^T B - lambda I) = -lambda^3 + 23 lambda^2 - 140 lambda + 196 (a 3 x 3 "
      "determinant); the text's polynomial is det(lambda I - B^T B), the negative (at lambda = 0: 196 against -196)", "",
      lambda: zero((_B3.T * _B3 - sp.Symbol("l") * sp.eye(3)).det()
                   - (sp.Symbol("l") ** 3 - 23 * sp.Symbol("l") ** 2 + 140 * sp.Symbol("l") - 196)))
label(TU, 692, "claim", "right", "sympy: the eigenvalues of B^T B are 14, 7, 2", "",
      lambda: set((_B3.T * _B3).eigenvals()) == {14, 7, 2})
label(TU, 712, "claim", "right", "sympy: B v_1, B v_2, B v_3 as written", "",
      lambda: _B3 * sp.Matrix([1, -3, -2]) == sp.Matrix([8, -4, -4, -10])
      and _B3 * sp.Matrix([1, -3, 5]) == sp.Matrix([-6, 3, 10, -10]) and _B3 * sp.Matrix([3, 1, 0]) == sp.Matrix([2, 4, 0, 0]))
label(TU, 736, "claim", "right", "numpy: the transpose of an SVD of A^T", "A^T = U Sigma V^T",
      lambda: _svd_transpose(4, 3), pick="A = V")


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
