r"""Independent checks of the hand labels of round 43 (branch fresh39): three open sources no earlier round used,
labelled before Formulary was run on them.

* ``langtangen_truncation_errors.tex``: H. P. Langtangen and S. Linge, *Finite Difference Computing with PDEs* (CC BY
  4.0), the appendix on truncation errors: DocOnce converted to LaTeX, ``align`` tables of finite difference formulas
  with their leading error terms, Taylor expansions with ``\Oof{\Delta t^3}`` (a macro for the order symbol), primes
  up to ``u'''''``, the book's ``\uex`` (the exact solution, ``u_{\mbox{\footnotesize e}}``), ``\half`` and ``\tp``.
* ``levin_arithmetic_geometric_sums.md``: O. Levin, *Discrete Mathematics: An Open Introduction* (CC BY-SA 4.0),
  arithmetic and geometric sequences and their sums: recursive definitions beside closed formulas, arithmetic
  checks written inline (``$5-2 = 3$``), "reverse and add" tables whose cells are formula fragments (``$2S  =$``),
  ``\cdots`` sums, a repeating decimal.
* ``kirkby_probability_statistics.md``: D. Kirkby, *Machine Learning and Statistics for Physicists* (BSD-3-Clause),
  notebook Markdown on the axioms of probability, conditional probability, random variables, densities, expectation,
  covariance and Jensen's inequality: ``\equiv`` definitions, set-builder events, ``\boxed{}``, ``\langle\rangle``.

As in the earlier rounds: each entry names a block by ``(file, line[, pick: the block's exact text])``, gives its
role and label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy,
mpmath or exact fractions that returns True when the block's claim holds as its author means it.  Nothing from the
Formulary code base is imported; the blocks are found by check_labels_round39.py's finder (Pandoc's rule for ``$``
in Markdown; ``\[``, ``$``, ``equation``/``align`` environments in LaTeX after ``\begin{document}``).

Truncation errors are checked exactly for every smooth function: ``u`` near the expansion point is the Taylor
polynomial with independent symbols ``D0, D1, ...`` for its derivatives, so ``X = Y + O(h^p)`` holds when the
coefficients of ``h^0 .. h^(p-1)`` in ``X - Y`` vanish identically (the truncation at ``TAYLOR_TERMS`` terms leaves
every coefficient below ``h^8`` exact).  Where the exact solution of ``u' = -a u`` enters, ``u = D0 exp(-a s)``.

    python3 tests/corpus/notes/check_labels_round43.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round43.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import sys
from fractions import Fraction as Fr
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero
from check_labels_round39 import _latex

ENTRIES, label, nonclaim = recorder()
RNG = np.random.default_rng(43)
mp.mp.dps = 30
L = "langtangen_truncation_errors.tex"
V = "levin_arithmetic_geometric_sums.md"
K = "kirkby_probability_statistics.md"

# ---------------------------------------------------------------- truncation errors (Langtangen & Linge)
TAYLOR_TERMS = 10
h, a, th = sp.symbols("h a theta", positive=True)
D = sp.symbols(f"D0:{TAYLOR_TERMS + 4}")


def u_at(s):
    """u(t* + s) as a Taylor polynomial about the expansion point t* (derivatives D0, D1, ...)."""
    return sum(D[k] * s ** k / sp.factorial(k) for k in range(TAYLOR_TERMS))


def du_at(j, s):
    """The j-th derivative of u at t* + s."""
    return sum(D[j + k] * s ** k / sp.factorial(k) for k in range(TAYLOR_TERMS))


def order_at_least(expr, p) -> bool:
    """``expr = O(h^p)``: its series in h has no term below h^p."""
    series = sp.expand(sp.series(sp.expand(expr), h, 0, p).removeO())
    return series == 0


def _taylor_general():
    x = mp.mpf("0.4")
    f = lambda t: mp.exp(t) * mp.cos(t)
    coeffs = mp.taylor(f, x, 40)
    step = mp.mpf("0.7")
    return abs(sum(c * step ** i for i, c in enumerate(coeffs)) - f(x + step)) < mp.mpf(10) ** -20


def _backward_taylor():
    exact = sum(D[i] * (-h) ** i / sp.factorial(i) for i in range(TAYLOR_TERMS))
    return zero(u_at(-h) - exact) and order_at_least(u_at(-h) - (D[0] - D[1] * h + D[2] * h ** 2 / 2), 3)


def _backward_error():
    return order_at_least((D[0] - u_at(-h)) / h - D[1] - (-D[2] * h / 2), 2)


def _forward_taylor():
    return order_at_least(u_at(h) - (D[0] + D[1] * h + D[2] * h ** 2 / 2), 3)


def _forward_error():
    return order_at_least((u_at(h) - D[0]) / h - D[1] - D[2] * h / 2, 2)


def _half_step_taylor_as_written():
    """Row 1 writes u'''' where the fifth derivative belongs in the (h/2)^5 term; row 2 is right."""
    half = h / 2
    row1 = (D[0] + D[1] * half + D[2] * half ** 2 / 2 + D[3] * half ** 3 / 6 + D[4] * half ** 4 / 24
            + D[4] * half ** 5 / 120)
    row2 = (D[0] - D[1] * half + D[2] * half ** 2 / 2 - D[3] * half ** 3 / 6 + D[4] * half ** 4 / 24
            - D[5] * half ** 5 / 120)
    return order_at_least(u_at(half) - row1, 6) and order_at_least(u_at(-half) - row2, 6)


def _half_step_difference():
    """The h^5 coefficient of u(t+h/2) - u(t-h/2) is 2 (1/2)^5 / 120 = 1/1920, not 1/960."""
    return order_at_least(u_at(h / 2) - u_at(-h / 2) - (D[1] * h + D[3] * h ** 3 / 24 + D[5] * h ** 5 / 960), 7)


def _central_error():
    return order_at_least((u_at(h / 2) - u_at(-h / 2)) / h - D[1] - D[3] * h ** 2 / 24, 4)


def _table_rows():
    """Each row of the table: ``[scheme]^n = u' + R`` with R as stated.  The theta row (about t_{n+theta}) states
    -(1/6)((1-theta)^3 - theta^3) u''' dt^2; the expansion gives +(1/6)((1-theta)^3 + theta^3) u''' dt^2."""
    rows = [
        order_at_least((u_at(h / 2) - u_at(-h / 2)) / h - D[1] - D[3] * h ** 2 / 24, 4),
        order_at_least((u_at(h) - u_at(-h)) / (2 * h) - D[1] - D[3] * h ** 2 / 6, 4),
        order_at_least((D[0] - u_at(-h)) / h - D[1] + D[2] * h / 2, 2),
        order_at_least((u_at(h) - D[0]) / h - D[1] - D[2] * h / 2, 2),
        order_at_least((u_at((1 - th) * h) - u_at(-th * h)) / h - D[1]
                       - (sp.Rational(1, 2) * (1 - 2 * th) * D[2] * h
                          - sp.Rational(1, 6) * ((1 - th) ** 3 - th ** 3) * D[3] * h ** 2), 3),
        order_at_least((3 * D[0] - 4 * u_at(-h) + u_at(-2 * h)) / (2 * h) - D[1] + D[3] * h ** 2 / 3, 3),
        order_at_least((u_at(h) - 2 * D[0] + u_at(-h)) / h ** 2 - D[2] - D[4] * h ** 2 / 12, 4),
    ]
    return all(rows)


def _weighted_mean():
    return order_at_least(th * u_at((1 - th) * h) + (1 - th) * u_at(-th * h) - D[0]
                          - D[2] * h ** 2 * th * (1 - th) / 2, 3)


def _arithmetic_mean():
    return order_at_least((u_at(-h / 2) + u_at(h / 2)) / 2 - D[0] - D[2] * h ** 2 / 8 - D[4] * h ** 4 / 384, 6)


def _geometric_mean():
    return order_at_least(u_at(-h / 2) * u_at(h / 2) - D[0] ** 2 - (-D[1] ** 2 * h ** 2 / 4 + D[0] * D[2] * h ** 2 / 4),
                          4)


def _harmonic_mean_as_written():
    """Read as printed: u^n = H + R with H the harmonic mean and R as stated.  But H = u + R_stated + O(h^4) (as
    for the other means, mean = u + R), so u^n - H = -R_stated: the printed equation fails unless R = 0."""
    lo, hi = u_at(-h / 2), u_at(h / 2)
    harmonic = 2 / (1 / lo + 1 / hi)
    stated = -D[1] ** 2 / (4 * D[0]) * h ** 2 + D[2] * h ** 2 / 8
    return order_at_least(D[0] - harmonic - stated, 3)


def _decay_solution(s):
    """The exact solution of u' = -a u near t*: D0 exp(-a s)."""
    return D[0] * sp.exp(-a * s)


def _fe_residual_expansion():
    residual = (u_at(h) - D[0]) / h + a * D[0]
    return order_at_least(residual - (D[1] + D[2] * h / 2 + a * D[0]), 2)


def _ode_at_point():
    t = sp.Symbol("t", real=True)
    sol = sp.Symbol("C") * sp.exp(-a * t)
    return zero(sp.diff(sol, t) + a * sol)


def _fe_residual():
    residual = (u_at(h) - D[0]) / h + a * D[0]
    return order_at_least((residual - D[2] * h / 2).subs(D[1], -a * D[0]), 2)


def _cn_mean_as_written():
    """[a mean(u)]^{n+1/2} = u(t_{n+1/2}) + u''(t_n) dt^2 / 8 + O(dt^4): the factor a is lost on the right."""
    mean = a * (u_at(-h / 2) + u_at(h / 2)) / 2
    return order_at_least(mean - D[0] - du_at(2, -h / 2) * h ** 2 / 8, 4)


def _cn_residual():
    """For the exact solution R = D0 a^3 dt^2 / 12 + O(dt^4); the stated (u'''/24 + u''(t_n)/8) dt^2 lacks the a of
    the mean term and evaluates u'' at t_n (an O(dt^3) difference)."""
    residual = ((_decay_solution(h / 2) - _decay_solution(-h / 2)) / h
                + a * (_decay_solution(h / 2) + _decay_solution(-h / 2)) / 2)
    third, second_at_tn = -a ** 3 * D[0], a ** 2 * _decay_solution(-h / 2)
    return order_at_least(residual - (third / 24 + second_at_tn / 8) * h ** 2, 4)


def _theta_residual():
    """R^{n+theta} about t_{n+theta} with u'(t*) = -a u(t*): the true h^2 term is
    ((1 - 3 theta + 3 theta^2)/6) u''' + (a theta (1-theta)/2) u''; the text has (theta^2 - theta + 3)/2 u''' and
    theta(1-theta)/2 u''."""
    residual = ((u_at((1 - th) * h) - u_at(-th * h)) / h
                + a * (th * u_at((1 - th) * h) + (1 - th) * u_at(-th * h)))
    stated = ((sp.Rational(1, 2) - th) * D[2] * h + th * (1 - th) * D[2] * h ** 2 / 2
              + (th ** 2 - th + 3) * D[3] * h ** 2 / 2)
    return order_at_least((residual - stated).subs(D[1], -a * D[0]), 3)


def _integrated_residual():
    """(dt sum R_n^2)^(1/2) approximates (int R^2 dt)^(1/2), not int R dt: R(t) = 1 + t on [0, 2], fine mesh."""
    T, N = 2.0, 4000
    dt = T / N
    R = 1 + np.linspace(0, T, N + 1)
    lhs = np.sqrt(dt * np.sum(R ** 2))
    return abs(lhs - 4.0) < 0.05 * 4.0  # int_0^2 (1 + t) dt = 4; lhs -> sqrt(26/3) = 2.94


def _correction_expansion():
    """[D_t^+ u + a u]^n with u' = -a u is u''/2 dt + u'''/6 dt^2 + u''''/24 dt^3 + ...; the text writes -1/6."""
    lhs_true = ((u_at(h) - D[0]) / h + a * D[0]).subs(D[1], -a * D[0])
    stated = D[2] * h / 2 - D[3] * h ** 2 / 6 + D[4] * h ** 3 / 24
    return order_at_least(lhs_true - stated, 4)


def _corrected_residual():
    lhs_true = ((u_at(h) - D[0]) / h + a * D[0]).subs(D[1], -a * D[0])
    return order_at_least(lhs_true - D[2] * h / 2 - D[3] * h ** 2 / 6, 3)


def _second_derivative_from_ode():
    t = sp.Symbol("t", real=True)
    sol = sp.Symbol("C") * sp.exp(-a * t)
    d1 = sp.diff(sol, t)
    return zero(d1 + a * sol) and zero(sp.diff(sol, t, 2) + a * d1) and zero(-a * (-a * sol) - a ** 2 * sol)


def _amplification():
    p = a * h
    ahat = a * (1 - a * h / 2)
    return zero(1 - ahat * h - (1 - p + p ** 2 / 2))


# ---------------------------------------------------------------- sequences (Levin)
def _iterate(first, step, count=25):
    values = [first]
    for _ in range(count - 1):
        values.append(step(values[-1]))
    return values


def _closed_arithmetic(first, diff, closed):
    return all(v == closed(n) for n, v in enumerate(_iterate(Fr(first), lambda x: x + diff)))


def _closed_geometric(first, ratio, closed):
    return all(v == closed(n) for n, v in enumerate(_iterate(Fr(first), lambda x: x * ratio)))


def _symbolic_arithmetic():
    A, d = sp.symbols("a d")
    seq = _iterate(A, lambda x: x + d)
    return all(zero(v - (A + d * n)) for n, v in enumerate(seq))


def _symbolic_geometric():
    A, r = sp.symbols("a r")
    seq = _iterate(A, lambda x: x * r)
    return all(zero(v - A * r ** n) for n, v in enumerate(seq))


def _arith_chain():
    A, d = sp.symbols("a d")
    return zero(A + d - (A + d)) and zero(A + d + d - (A + 2 * d)) and zero(A + 2 * d + d - (A + 3 * d))


def _geom_chain():
    A, r = sp.symbols("a r")
    return zero(A * r * r - A * r ** 2)


def _first_term_convention(geometric: bool):
    """With a the first term a_1 (the other textbooks' convention) the n-th term is a + (n-1) d, a r^(n-1)."""
    A, d, r = sp.symbols("a d r")
    seq = _iterate(A, (lambda x: x * r) if geometric else (lambda x: x + d))
    return all(zero(v - ((A * r ** (n - 1)) if geometric else (A + (n - 1) * d))) for n, v in enumerate(seq, 1))


def _triangular_rows():
    return [1, 1 + 2, 1 + 2 + 3, 1 + 2 + 3 + 4] == [1, 3, 6, 10]


def _triangular_closed():
    return all(sum(range(1, n + 1)) == Fr(n * (n + 1), 2) == sp.binomial(n + 1, 2) for n in range(1, 60))


def _sum_2_to_470():
    terms = list(range(2, 471, 3))
    return len(terms) == 157 and 157 * 472 == 74104 == 2 * sum(terms)


def _sum_4k_minus_2():
    return all(2 * sum(4 * k - 2 for k in range(2, n + 1)) == (n - 1) * (4 * n + 4) for n in range(2, 40))


def _partial_sum_sequence():
    seq = [2, 3, 7, 14, 24, 37]
    diffs = [1 + 3 * k for k in range(len(seq) - 1)]
    return (all(seq[n + 1] - seq[n] == diffs[n] for n in range(len(seq) - 1))
            and all(2 + sum(1 + 3 * k for k in range(n)) == Fr(4 + (3 * n - 1) * n, 2) for n in range(40)))


def _partial_sum_terms():
    return [2, 2 + 1, 2 + 1 + 4, 2 + 1 + 4 + 7] == [2, 3, 7, 14]


def _general_term():
    return all(2 + sum(1 + 3 * (k - 1) for k in range(1, n + 1)) == [2, 3, 7, 14, 24, 37][n] for n in range(6))


def _doubling_sum():
    terms = [3 * 2 ** k for k in range(13)]
    return terms[-1] == 12288 and 2 * terms[-1] == 24576 and 2 * sum(terms) - sum(terms) == -3 + 24576 == 24573


def _geometric_sum_closed():
    return all(sum(2 * 5 ** k for k in range(n + 1)) == Fr(2 - 2 * 5 ** (n + 1), -4) for n in range(30))


def _repeating_decimal():
    return sum(Fr(46, 100 ** k) for k in range(1, 200)) - Fr(46, 99) < Fr(1, 10 ** 300)


# ---------------------------------------------------------------- probability (Kirkby)
OUTCOMES = range(6)


def _random_spaces(count=200):
    """Random finite probability spaces (6 outcomes, exact weights) with two random events each."""
    for _ in range(count):
        weights = [Fr(int(w)) for w in RNG.integers(1, 20, size=6)]
        total = sum(weights)
        P = lambda event, weights=weights, total=total: sum(weights[i] for i in event) / total
        A = {i for i in OUTCOMES if RNG.random() < 0.5}
        B = {i for i in OUTCOMES if RNG.random() < 0.5}
        yield P, A, B


def _complement():
    return all(P(A) + P(set(OUTCOMES) - A) == 1 for P, A, _ in _random_spaces())


def _monotone():
    return all(P(A & B) <= P(B) for P, A, B in _random_spaces())  # A & B is a subset of B


def _intersection_bound():
    return all(P(A & B) <= min(P(A), P(B)) for P, A, B in _random_spaces())


def _inclusion_exclusion():
    return all(P(A | B) == P(A) + P(B) - P(A & B) for P, A, B in _random_spaces())


def _disjoint():
    return all(P(A & (set(OUTCOMES) - A)) == 0 for P, A, _ in _random_spaces())


def _independent_conditional():
    """Independent events on a product space of two dice: P(A and B) / P(B) = P(A)."""
    space = list(itertools.product(range(6), range(6)))
    P = lambda event: Fr(len(event), len(space))
    A = {w for w in space if w[0] in (0, 3, 4)}
    B = {w for w in space if w[1] < 2}
    return P(A & B) == P(A) * P(B) and P(A & B) / P(B) == P(A)


def _bayes_events():
    return all(P(A & B) / P(B) == (P(A & B) / P(A)) * P(A) / P(B)
               for P, A, B in _random_spaces() if P(A) > 0 and P(B) > 0)


XS, YS = sp.symbols("x y", real=True)
RHO = sp.Rational(1, 2)
JOINT = sp.exp(-(XS ** 2 - 2 * RHO * XS * YS + YS ** 2) / (2 * (1 - RHO ** 2))) / (2 * sp.pi * sp.sqrt(1 - RHO ** 2))
MARGINAL = sp.exp(-XS ** 2 / 2) / sp.sqrt(2 * sp.pi)


def _cdf_from_pdf():
    t = sp.Symbol("t", real=True)
    F = 1 / (1 + sp.exp(-XS))
    return zero(sp.integrate(sp.diff(F, XS).subs(XS, t), (t, -sp.oo, XS)) - F)


def _riemann_cdf():
    """Sums of f(x_i) dx over the cells below x approach F(x); the cell probabilities F(x_i + dx) - F(x_i) sum to it
    exactly (the logistic distribution, x = 0.7, cells from -60)."""
    F = lambda z: 1 / (1 + mp.exp(-z))
    f = lambda z: F(z) * (1 - F(z))
    x, dx = mp.mpf("0.7"), mp.mpf("0.001")
    cells = [x - dx * (k + 1) for k in range(int(60 / dx))]
    riemann = sum(f(c) for c in cells) * dx
    return abs(riemann - F(x)) < 1e-3 and abs(sum(F(c + dx) - F(c) for c in cells[:2000]) - (F(x) - F(cells[1999]))) < 1e-20


def _normalisation():
    return zero(sp.integrate(JOINT, (XS, -sp.oo, sp.oo), (YS, -sp.oo, sp.oo)) - 1)


def _marginal():
    return zero(sp.integrate(JOINT, (YS, -sp.oo, sp.oo)) - MARGINAL)


def _conditional():
    """f(x | y) of the bivariate normal is Normal(rho y, 1 - rho^2) and equals f(x, y) / f(y); Bayes' rule holds."""
    cond = sp.exp(-(XS - RHO * YS) ** 2 / (2 * (1 - RHO ** 2))) / sp.sqrt(2 * sp.pi * (1 - RHO ** 2))
    fy, fx = MARGINAL.subs(XS, YS), MARGINAL
    cond_yx = cond.subs({XS: YS, YS: XS}, simultaneous=True)
    return zero(sp.simplify(cond - JOINT / fy)) and zero(sp.simplify(cond - cond_yx * fx / fy))


def _variance_identity():
    for _ in range(50):
        values = [Fr(int(v)) for v in RNG.integers(-9, 10, size=5)]
        weights = [Fr(int(w)) for w in RNG.integers(1, 9, size=5)]
        p = [w / sum(weights) for w in weights]
        mean = sum(pi * v for pi, v in zip(p, values))
        if sum(pi * (v - mean) ** 2 for pi, v in zip(p, values)) != sum(pi * v * v for pi, v in zip(p, values)) - mean ** 2:
            return False
    return True


def _covariance_entries():
    X = RNG.normal(size=(200, 3)) @ RNG.normal(size=(3, 3))
    C = np.cov(X, rowvar=False, bias=True)
    s = X.std(axis=0)
    rho = np.corrcoef(X, rowvar=False)
    return np.allclose(np.diag(C), s ** 2, rtol=1e-12) and np.allclose(C, C.T) and np.allclose(
        C, rho * np.outer(s, s), rtol=1e-12)


def _ellipse_angle():
    for _ in range(20):
        M = RNG.normal(size=(2, 2))
        C = M @ M.T
        w, U = np.linalg.eigh(C)
        theta = np.arctan2(U[1, 1], U[0, 1])  # the major axis
        s = np.sqrt(np.diag(C))
        rho = C[0, 1] / (s[0] * s[1])
        if not (np.isclose(np.tan(2 * theta), 2 * C[0, 1] / (C[0, 0] - C[1, 1]), rtol=1e-9)
                and np.isclose(2 * C[0, 1] / (C[0, 0] - C[1, 1]), 2 * rho * s[0] * s[1] / (s[0] ** 2 - s[1] ** 2))):
            return False
    return True


def _ellipse_axes():
    """The notebook's own code takes the axes as 2 sqrt(eigenvalues) of C; the eigenvalues are (C11 + C22 +- d)/2,
    so the stated 2 sqrt(C11 + C22 +- d) is sqrt(2) times too long (d itself is right)."""
    M = RNG.normal(size=(2, 2))
    C = M @ M.T
    rho = C[0, 1] / np.sqrt(C[0, 0] * C[1, 1])
    d = np.sqrt(C[0, 0] ** 2 - 2 * (1 - 2 * rho ** 2) * C[0, 0] * C[1, 1] + C[1, 1] ** 2)
    axes = 2 * np.sqrt(np.sort(np.linalg.eigvalsh(C))[::-1])
    return np.allclose(axes, [2 * np.sqrt(C[0, 0] + C[1, 1] + d), 2 * np.sqrt(C[0, 0] + C[1, 1] - d)])


def _jensen():
    g = lambda x0, x1: x0 ** 2 + np.exp(x1)
    for _ in range(100):
        pts = RNG.normal(size=(7, 2))
        w = RNG.random(7)
        w /= w.sum()
        if g(*(w @ pts)) > w @ g(pts[:, 0], pts[:, 1]) + 1e-12:
            return False
    return True


def _normalised_one():
    return _normalisation()


# ---------------------------------------------------------------- labels: Langtangen & Linge
for line, role, note, pick in [
        (67, "equation", "the abstract differential equation", None),
        (69, "definition", "an example of L(u)", None),
        (74, "equation", "the discrete model", None),
        (82, "equation", "the differential equation and its discrete counterpart", None),
        (91, "equation", "the abstract discrete equation", None),
        (109, "definition", "a manufactured solution", None),
        (111, "equation", "the source term fitted", "\\mathcal{L}(\\uex)=f"),
        (111, "definition", "the manufactured solution", "\\uex=v"),
        (112, "definition", "the source term", None),
        (120, "equation", "the discrete equations", None),
        (123, "definition", "the residual", None),
        (130, "equation", "the scheme", None),
        (166, "definition", "the backward difference (and its approximation)", None),
        (173, "no-claim", "the point of evaluation", None),
        (177, "definition", "the truncation error", None),
        (237, "definition", "the forward difference", None),
        (239, "definition", "the truncation error", None),
        (253, "definition", "the central difference", None),
        (258, "definition", "the truncation error", None),
        (286, "approximation", "R is of order dt^2", None),
        (343, "condition", "theta = 1/2", None),
        (394, "equation", "the decay ODE", None),
        (404, "definition", "the Forward Euler scheme", None),
        (416, "definition", "the residual of the scheme", None),
        (453, "definition", "the Crank-Nicolson scheme", None),
        (460, "definition", "the residual of the scheme", None),
        (482, "equation", "the decay ODE", None),
        (501, "definition", "the theta-rule", None),
        (506, "definition", "its residual", None),
        (524, "condition", "theta = 1/2", None),
        (532, "equation", "the decay ODE", None),
        (535, "definition", "the residual to compute", None),
        (545, "approximation", "the error model", None),
        (549, "no-claim", "an index range", None),
        (553, "definition", "the estimated rate", None),
        (557, "no-claim", "an index range", None),
        (567, "no-claim", "an index range", None),
        (569, "definition", "the estimated rate at mesh point n", None),
        (577, "definition", "the meshes", None),
        (583, "approximation", "the error model", None),
        (589, "no-claim", "an index range", None),
        (602, "equation", "the decay ODE", None),
        (606, "definition", "the corrected residual", None),
        (620, "definition", "the correction term chosen", None),
        (628, "approximation", "a finite difference for u''", None),
        (635, "definition", "the correction term chosen", None),
        (638, "definition", "the corrected scheme", None),
        (644, "definition", "the perturbed ODE and its coefficient", None),
        (655, "definition", "the scheme for the perturbed ODE", None)]:
    nonclaim(L, line, role, note, pick=pick)
label(L, 197, "claim", "right", "mpmath: 40 Taylor terms of e^x cos x about 0.4 reach its value at 1.1", "f analytic",
      _taylor_general)
label(L, 203, "claim", "right", "sympy: the Taylor polynomial of u(t_n - dt) to order dt^3 (symbols for the "
      "derivatives)", "u smooth", _backward_taylor)
label(L, 216, "claim", "right", "sympy: (u(t_n) - u(t_n - dt))/dt - u' = -u'' dt/2 + O(dt^2)", "u smooth",
      _backward_error)
label(L, 224, "claim", "right", "sympy: the backward difference's truncation error", "u smooth", _backward_error)
label(L, 241, "claim", "right", "sympy: u(t_n + dt) to order dt^3", "u smooth", _forward_taylor)
label(L, 245, "claim", "right", "sympy: the forward difference's truncation error", "u smooth", _forward_error)
label(L, 262, "claim", "wrong", "sympy: the first expansion writes u''''(t_n) in the (dt/2)^5 term (the fifth "
      "derivative belongs there); the second is right", "u smooth", _half_step_taylor_as_written)
label(L, 276, "claim", "wrong", "sympy: the dt^5 coefficient of u(t+dt/2) - u(t-dt/2) is u'''''/1920, not /960",
      "u smooth", _half_step_difference)
label(L, 283, "claim", "right", "sympy: the central difference's truncation error u''' dt^2/24 + O(dt^4)", "u smooth",
      _central_error)
label(L, 296, "claim", "wrong", "sympy: six rows hold; the theta row's dt^2 term is +((1-theta)^3 + theta^3)/6 u''', "
      "not -((1-theta)^3 - theta^3)/6 u''' (at theta = 0 the forward difference has +u'''/6)", "u smooth", _table_rows)
label(L, 332, "claim", "right", "sympy: the weighted mean about t_{n+theta}", "u smooth", _weighted_mean)
label(L, 345, "claim", "right", "sympy: the arithmetic mean to order dt^6", "u smooth", _arithmetic_mean)
label(L, 356, "claim", "right", "sympy: the geometric mean u(t-dt/2) u(t+dt/2) = u^2 + R", "u smooth", _geometric_mean)
label(L, 366, "claim", "wrong", "sympy: as printed, u^n = H + R with the stated R fails: H = u^n + R + O(dt^3) (the "
      "convention of the other means), so u^n - H = -R", "u smooth, u != 0", _harmonic_mean_as_written)
label(L, 422, "claim", "right", "sympy: the forward difference of u_e", "u_e smooth", _forward_error)
label(L, 425, "claim", "right", "sympy: the residual of the Forward Euler scheme expanded", "u_e smooth",
      _fe_residual_expansion)
label(L, 431, "claim", "right", "sympy: C e^{-at} solves u' + a u = 0", "u_e solves u' = -au", _ode_at_point)
label(L, 433, "claim", "right", "sympy: with u_e' = -a u_e the residual is u_e'' dt/2 + O(dt^2)",
      "u_e solves u' = -au", _fe_residual)
label(L, 470, "claim", "right", "sympy: the central difference about t_{n+1/2}", "u_e smooth", _central_error)
label(L, 477, "claim", "wrong", "sympy: a times the mean is a u_e + ..., the right side lost the factor a (and has "
      "u''(t_n) for u''(t_{n+1/2}), an O(dt^3) difference)", "u_e smooth", _cn_mean_as_written)
label(L, 481, "claim", "right", "sympy: the ODE at t_{n+1/2}", "u_e solves u' = -au", _ode_at_point)
label(L, 485, "claim", "wrong", "sympy: for u_e = D0 e^{-at} the residual is a^3 u_e dt^2/12 + O(dt^4); the stated "
      "form lacks the factor a of the mean term and has an O(dt^3) remainder", "u_e solves u' = -au", _cn_residual)
label(L, 513, "claim", "right", "sympy: the ODE at t_{n+theta}", "u_e solves u' = -au", _ode_at_point)
label(L, 516, "claim", "wrong", "sympy: the dt^2 terms are (1 - 3 theta + 3 theta^2)/6 u''' + a theta(1-theta)/2 u''; "
      "the text has (theta^2 - theta + 3)/2 u''' and drops a", "u_e' = -a u_e at t_{n+theta}", _theta_residual)
label(L, 585, "claim", "wrong", "numpy: the discrete L2 norm approaches (int R^2 dt)^(1/2), not int R dt "
      "(R = 1 + t on [0, 2]: 2.94 against 4)", "", _integrated_residual)
label(L, 613, "claim", "wrong", "sympy: the dt^2 term of [D_t^+ u_e + a u_e]^n is +u_e'''/6, not -u_e'''/6",
      "u_e solves u' = -au", _correction_expansion)
label(L, 623, "claim", "right", "sympy: after subtracting C^n the residual is u_e''' dt^2/6 + O(dt^3)",
      "u_e solves u' = -au", _corrected_residual)
label(L, 633, "claim", "right", "sympy: u = C e^{-at} gives u'' = -a u' = a^2 u", "u' = -au",
      _second_derivative_from_ode)
label(L, 663, "claim", "right", "sympy: 1 - a(1 - a dt/2) dt = 1 - p + p^2/2 with p = a dt", "", _amplification)

# ---------------------------------------------------------------- labels: Levin
for line, role, note, pick in [
        (33, "definition", "the recurrence", "a_n = a_{n-1} + d"),
        (33, "definition", "the initial term", "a_0 = a"),
        (38, "definition", "the first term", None),
        (39, "definition", "the common difference", None),
        (42, "definition", "the recursive definition", None),
        (72, "definition", "the common difference found", "d = 3"),
        (73, "definition", "the recurrence", "a_n = a_{n-1} + 3"),
        (73, "definition", "the initial term", "a_0 = 2"),
        (75, "definition", "the recurrence", "a_n = a_{n-1} - 7"),
        (75, "definition", "the initial term", "a_0 = 50"),
        (81, "definition", "the geometric recurrence", None),
        (98, "definition", "the recurrence", "a_n = ra_{n-1}"),
        (98, "definition", "the initial term", "a_0 = a"),
        (111, "definition", "the common ratio found", "r = 2"),
        (112, "definition", "the recurrence", "a_n = 2a_{n-1}"),
        (112, "definition", "the initial term", "a_0 = 3"),
        (113, "definition", "the common ratio", "r = 1/3"),
        (113, "definition", "the recurrence", "a_n = \\frac{1}{3}a_{n-1}"),
        (114, "definition", "the initial term", "a_0 = 27"),
        (118, "condition", "the first term is a_1 = 2", "2= a_1"),
        (194, "no-claim", "a table cell", None), (195, "no-claim", "a table cell", None),
        (196, "no-claim", "a table cell", None),
        (200, "equation", "the index of the last term", "2 + 3n = 470"),
        (223, "no-claim", "the index of the first term", None), (224, "no-claim", "the index of the last term", None),
        (231, "no-claim", "a table cell", None), (232, "no-claim", "a table cell", None),
        (233, "no-claim", "a table cell", None),
        (275, "no-claim", "a table cell", None), (276, "no-claim", "a table cell", None),
        (277, "no-claim", "a table cell", None),
        (307, "no-claim", "a table cell", None), (308, "no-claim", "a table cell", None),
        (309, "no-claim", "a table cell", None),
        (315, "definition", "the sum S(n)", None),
        (321, "no-claim", "a table cell", None), (322, "no-claim", "a table cell", None),
        (323, "no-claim", "a table cell (-4S = 2 - 2 5^{n+1} across two cells)", None),
        (331, "definition", "the repeating decimal", None),
        (335, "no-claim", "a table cell", None), (336, "no-claim", "a table cell", None),
        (337, "no-claim", "a table cell", None)]:
    nonclaim(V, line, role, note, pick=pick)
label(V, 35, "claim", "right", "sympy: iterating a_n = a_{n-1} + d from a gives a + dn (n < 25)", "", _symbolic_arithmetic)
label(V, 50, "claim", "right", "sympy: each row", "", _arith_chain)
label(V, 61, "claim", "right", "sympy: as line 35", "", _symbolic_arithmetic)
label(V, 72, "claim", "right", "arithmetic", "", lambda: 5 - 2 == 3, pick="5-2 = 3")
label(V, 72, "claim", "right", "arithmetic", "", lambda: 8 - 5 == 3, pick="8-5 = 3")
label(V, 73, "claim", "right", "fractions: the recurrence from 2 with step 3 gives 2 + 3n", "a_0 = 2, d = 3",
      lambda: _closed_arithmetic(2, 3, lambda n: 2 + 3 * n), pick="a_n = 2 + 3n")
label(V, 75, "claim", "right", "fractions: from 50 with step -7 gives 50 - 7n", "a_0 = 50, d = -7",
      lambda: _closed_arithmetic(50, -7, lambda n: 50 - 7 * n), pick="a_n = 50 - 7n")
label(V, 84, "claim", "right", "sympy: a r r = a r^2", "", _geom_chain)
label(V, 93, "claim", "right", "sympy: iterating a_n = a_{n-1} r from a gives a r^n (n < 25)", "", _symbolic_geometric)
label(V, 100, "claim", "right", "sympy: as line 93", "", _symbolic_geometric)
label(V, 111, "claim", "right", "arithmetic", "", lambda: Fr(6, 3) == 2, pick="6/3 = 2")
label(V, 111, "claim", "right", "arithmetic", "", lambda: Fr(12, 6) == 2, pick="12/6 = 2")
label(V, 111, "claim", "right", "arithmetic", "", lambda: Fr(24, 12) == 2, pick="24/12 = 2")
label(V, 112, "claim", "right", "fractions: from 3 with ratio 2 gives 3 2^n", "a_0 = 3, r = 2",
      lambda: _closed_geometric(3, 2, lambda n: 3 * 2 ** n), pick="a_n = 3\\cdot 2^{n}")
label(V, 114, "claim", "right", "fractions: from 27 with ratio 1/3 gives 27 (1/3)^n (read either way, 1/3^n = (1/3)^n)",
      "a_0 = 27, r = 1/3", lambda: _closed_geometric(27, Fr(1, 3), lambda n: 27 * Fr(1, 3) ** n),
      pick="a_n = 27\\cdot \\frac{1}{3}^{n}")
label(V, 118, "claim", "right", "arithmetic: a_0 = a_1 - 3 = -1", "a_1 = 2, d = 3", lambda: 2 - 3 == -1,
      pick="a_0 = -1")
label(V, 119, "claim", "right", "arithmetic: -1 + 3 = 2", "d = 3", lambda: -1 + 3 == 2, pick="a_0 + 3 = a_1")
label(V, 119, "claim", "right", "fractions: from -1 with step 3; a_1 = 2", "a_0 = -1, d = 3",
      lambda: _closed_arithmetic(-1, 3, lambda n: -1 + 3 * n), pick="a_n = -1 + 3n")
label(V, 122, "claim", "right", "sympy: with a the first term a_1, a_n = a + (n-1) d", "a = a_1",
      lambda: _first_term_convention(False))
label(V, 123, "claim", "right", "sympy: with a the first term a_1, a_n = a r^(n-1)", "a = a_1",
      lambda: _first_term_convention(True))
label(V, 144, "claim", "right", "arithmetic", "", lambda: 3 - 1 == 2, pick="3-1 = 2")
label(V, 144, "claim", "right", "arithmetic", "", lambda: 6 - 3 == 3 and 3 != 2, pick="6-3 = 3 \\ne 2")
label(V, 145, "claim", "right", "arithmetic", "", lambda: Fr(3, 1) == 3, pick="3/1 = 3")
label(V, 145, "claim", "right", "arithmetic", "", lambda: Fr(6, 3) == 2, pick="6/3 = 2")
label(V, 154, "claim", "right", "arithmetic: the rows; the last row defines T_n", "", _triangular_rows)
label(V, 169, "claim", "right", "arithmetic", "", lambda: 1 + 100 == 101)
label(V, 170, "claim", "right", "arithmetic", "", lambda: 2 + 99 == 101, pick="2+99 = 101")
label(V, 170, "claim", "right", "arithmetic", "", lambda: 3 + 98 == 101, pick="3+98 = 101")
label(V, 171, "claim", "right", "arithmetic: 1 + ... + 100 = 101 * 50 = 5050", "",
      lambda: sum(range(101)) == 101 * 50 == 5050)
label(V, 173, "claim", "right", "fractions: 1 + ... + n = n(n+1)/2 = C(n+1, 2) for n < 60", "", _triangular_closed,
      pick="T_n = \\frac{n(n+1)}{2}")
label(V, 200, "claim", "right", "arithmetic: 2 + 3 * 156 = 470", "2 + 3n = 470", lambda: 2 + 3 * 156 == 470,
      pick="n = 156")
label(V, 203, "claim", "right", "arithmetic: 157 terms, 157 * 472 = 74104 = 2 (2 + 5 + ... + 470)", "", _sum_2_to_470)
label(V, 211, "claim", "right", "arithmetic", "", lambda: Fr(74104, 2) == 37052 == sum(range(2, 471, 3)))
label(V, 237, "claim", "right", "arithmetic: 2 (6 + 10 + ... + (4n-2)) = (n-1)(4n+4) for 2 <= n < 40", "n >= 2",
      _sum_4k_minus_2)
label(V, 252, "claim", "right", "arithmetic: the partial sums 2, 3, 7, 14", "", _partial_sum_terms)
label(V, 263, "claim", "right", "arithmetic: 2 + sum of 1 + 3(k-1), k = 1..n, gives 2, 3, 7, 14, 24, 37", "",
      _general_term)
label(V, 279, "claim", "right", "sympy", "", lambda: zero(2 + 3 * (sp.Symbol("n") - 1) - (3 * sp.Symbol("n") - 1)))
label(V, 284, "claim", "right", "fractions: the closed formula against the partial sums for n < 40", "",
      _partial_sum_sequence)
label(V, 288, "claim", "right", "arithmetic", "", lambda: Fr(4, 2) == 2 == Fr(4 + (3 * 0 - 1) * 0, 2),
      pick="a_0 = \\frac{4}{2} = 2")
label(V, 288, "claim", "right", "arithmetic", "", lambda: Fr(4 + 2, 2) == 3 == Fr(4 + (3 - 1) * 1, 2),
      pick="a_1 = \\frac{4+2}{2} = 3")
label(V, 300, "claim", "right", "arithmetic: twice 3 + 6 + ... + 12288", "S = 3 + 6 + ... + 12288",
      lambda: 2 * 12288 == 24576 and [2 * 3 * 2 ** k for k in range(13)] == [6 * 2 ** k for k in range(13)])
label(V, 301, "claim", "right", "arithmetic: 2S - S = 24576 - 3 = 24573 = S", "S = 3 + 6 + ... + 12288",
      _doubling_sum, pick="2S - S = -3 + 24576 = 24573")
label(V, 301, "claim", "right", "sympy", "", lambda: zero(2 * sp.Symbol("S") - sp.Symbol("S") - sp.Symbol("S")),
      pick="2S - S = S")
label(V, 325, "claim", "right", "fractions: 2 + 10 + ... + 2 5^n = (2 - 2 5^{n+1})/(-4) for n < 30", "",
      _geometric_sum_closed)
label(V, 339, "claim", "right", "fractions: 0.4646... = 46/99 (199 periods within 1e-300)", "N = 0.4646...",
      _repeating_decimal)

# ---------------------------------------------------------------- labels: Kirkby
for line, role, note, pick in [
        (48, "definition", "a probability assigned", "P(\\{\\,\\}) = 0"),
        (48, "definition", "probabilities assigned", "P(\\{\\uparrow\\}) = P(\\{\\downarrow\\}) = 0.5"),
        (48, "definition", "a probability assigned", "P(\\{\\uparrow, \\downarrow\\}) = 1"),
        (59, "no-claim", "the everything event", None), (60, "no-claim", "a fragment", None),
        (64, "definition", "probabilities assigned", "P(\\{\\uparrow\\}) = P(\\{\\downarrow\\}) = 0.5"),
        (64, "definition", "an alternative assignment", "P(\\{\\uparrow\\}) = 0.2"),
        (64, "definition", "an alternative assignment", "P(\\{\\downarrow\\}) = 0.8"),
        (65, "definition", "Kolmogorov's first axiom", "P(A) \\ge 0"),
        (66, "definition", "Kolmogorov's second axiom", None),
        (67, "condition", "disjoint events", None),
        (68, "definition", "Kolmogorov's third axiom", None),
        (72, "condition", "the order of the times", None),
        (74, "condition", "the order of the times", "0 \\le t_1 \\le t_2 \\le \\ldots \\le t_M"),
        (74, "no-claim", "the number of measurements", "M = 1, 2, 3, \\ldots"),
        (76, "no-claim", "a time", None), (77, "no-claim", "a time", None),
        (93, "definition", "independence", None),
        (103, "definition", "conditional probability", None),
        (107, "condition", "P(B) > 0", None),
        (123, "no-claim", "an informal confusion the text warns about", "P(A\\mid B) \\simeq P(B\\mid A)"),
        (129, "definition", "the value of the random variable", "x = X(\\omega)"),
        (130, "definition", "P(X = x)", None),
        (145, "no-claim", "a condition named in prose", None),
        (146, "definition", "P(a <= X <= b)", None),
        (152, "definition", "the CDF", None),
        (158, "definition", "the PDF", None),
        (164, "approximation", "the probability of a small interval", None),
        (193, "definition", "the joint CDF", None),
        (199, "no-claim", "notation", "x = x_0"), (199, "no-claim", "notation", "y = x_1, x_2, \\ldots"),
        (202, "definition", "the joint PDF", None),
        (230, "definition", "the conditional PDF", None),
        (273, "definition", "the expectation value", None),
        (280, "definition", "the n-th moment", "g(x,y) = x^n"), (280, "definition", "the n-th moment of y", "g(x,y) = y^n"),
        (280, "condition", "n = 0", "n=0"),
        (281, "condition", "n = 1", "n=1"), (281, "definition", "the mean", "\\overline{x} \\equiv \\langle x\\rangle"),
        (282, "condition", "n = 2", "n=2"),
        (285, "definition", "the variance", None),
        (291, "definition", "the correlation", None),
        (295, "definition", "the correlation coefficient", None),
        (298, "no-claim", "a small correlation", "\\rho_{xy} \\simeq 0"),
        (298, "condition", "|rho| = 1", "|\\rho_{xy}| = 1"), (298, "no-claim", "y a function of x", "y = y(x)"),
        (303, "definition", "uncorrelated", None),
        (309, "definition", "the variance, restated", None),
        (318, "definition", "the covariance matrix", None),
        (325, "definition", "the covariance matrix, D dimensions", None),
        (362, "definition", "a parabola", "g(x) = a (x - x_0)^2 + b"),
        (362, "no-claim", "the minimum's place", "x = x_0"),
        (371, "definition", "the mean (an exercise item)", None),
        (372, "definition", "the expectation of g (an exercise item)", None),
        (373, "definition", "g at the mean (an exercise item)", None)]:
    nonclaim(K, line, role, note, pick=pick)
label(K, 81, "claim", "right", "fractions: 200 random finite probability spaces", "", _complement)
label(K, 82, "claim", "right", "fractions: P(A and B) <= P(B) on random spaces (A and B is a subset of B)", "",
      _monotone)
label(K, 83, "claim", "right", "fractions: random spaces", "", _intersection_bound)
label(K, 84, "claim", "right", "fractions: random spaces", "", _inclusion_exclusion)
label(K, 89, "claim", "right", "fractions: an event and its complement", "A, B disjoint", _disjoint)
label(K, 114, "claim", "right", "fractions: independent events of two dice", "A, B independent",
      _independent_conditional)
label(K, 119, "claim", "right", "fractions: random spaces", "P(A), P(B) > 0", _bayes_events)
label(K, 171, "claim", "right", "sympy: the logistic CDF is the integral of its density", "", _cdf_from_pdf)
label(K, 175, "claim", "right", "mpmath: Riemann sums of the logistic density over the cells below x, and the cell "
      "probabilities, give F(x) (the cells are those below x)", "", _riemann_cdf)
label(K, 207, "claim", "right", "sympy: a bivariate normal (rho = 1/2) integrates to 1", "", _normalisation)
label(K, 211, "claim", "right", "sympy: integrating y out of the bivariate normal gives N(0, 1)", "", _marginal)
label(K, 215, "claim", "right", "sympy: the chain ends at the marginal (the bivariate normal); the middle rows are "
      "Riemann sums of the same integral", "", _marginal)
label(K, 235, "claim", "right", "sympy: f(x | y) = f(x, y)/f(y) for the bivariate normal", "", _conditional)
label(K, 251, "claim", "right", "sympy: as line 235", "", _conditional)
label(K, 256, "claim", "right", "sympy: Bayes' rule for the bivariate normal's densities", "", _conditional)
label(K, 280, "claim", "right", "sympy: the bivariate normal's normalisation", "", _normalised_one,
      pick="\\langle \\mathbb{1}\\rangle = 1")
label(K, 310, "claim", "right", "fractions: 50 random discrete distributions", "", _variance_identity)
label(K, 329, "claim", "right", "numpy: diagonal of the (biased) sample covariance against the variances", "",
      _covariance_entries)
label(K, 333, "claim", "right", "numpy: symmetric, and rho_ij sigma_i sigma_j", "", _covariance_entries)
label(K, 348, "claim", "right", "numpy: the major axis' angle of random 2 x 2 covariances", "", _ellipse_angle)
label(K, 352, "claim", "wrong", "numpy: the axes are 2 sqrt(eigenvalues) = 2 sqrt((C11 + C22 +- d)/2) (the "
      "notebook's own code); the stated 2 sqrt(C11 + C22 +- d) is sqrt(2) too long; d is right", "C is 2 x 2",
      _ellipse_axes)
label(K, 365, "claim", "right", "numpy: g = x0^2 + exp(x1) and 100 random discrete distributions", "g convex", _jensen)


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
