r"""Independent checks of the hand labels of round 30 (branch fresh14): two Distill articles no earlier round used,
labelled before Formulary was run on them.

* ``distill_goh_momentum.md``: Gabriel Goh, *Why Momentum Really Works* (Distill 2017, CC BY): gradient descent and
  momentum on a convex quadratic in the eigenbasis, the convergence rates and optimal parameters, the 2x2 iteration
  matrix and its eigenvalues, Tikhonov regularisation as spectral decay, the colorizer and the convex Rosenbrock
  function, unrolled iterations, the noisy iteration.  HTML with KaTeX (``$``/``$$``), ``aligned`` chains,
  ``array`` matrices written with ``\!\!`` kerning, ``\color``, a display split into one ``$$`` per term.
* ``distill_gortler_gaussian_processes.md``: Görtler, Kehlbeck and Deussen, *A Visual Exploration of Gaussian
  Processes* (Distill 2019, CC BY 4.0): marginals and conditionals of a multivariate normal, kernels, prior and
  posterior of a Gaussian process.  The article's ``<d-math>`` elements became ``$``/``$$``.
* ``distill_hannun_ctc.md``: Awni Hannun, *Sequence Modeling with CTC* (Distill 2017, CC BY 4.0): the CTC objective,
  its dynamic programme, inference, CTC as an HMM (Bayes' rule, marginalising alignments, proportionalities), the
  log-sum-exp identity.  ``<d-math>`` elements became ``$``/``$$``; formulas laid out one part per grid cell stay
  parts.

As in the earlier rounds: each entry names a block by ``(file, line[, text that picks it])``, gives its role and
label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or
numpy that returns True when the block's claim holds as its author means it.  Matrix statements are checked on
random matrices (numpy, relative tolerance 1e-9: float64 round-off on 4x4 products is about 1e-15, a wrong identity
errs by O(1)); iterations by running them; densities by mpmath quadrature at 30 digits.  Nothing from the Formulary
code base is imported.

    python3 tests/corpus/notes/check_labels_round30.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round30.py --write   # also merge these labels into labels.json
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

RNG = np.random.default_rng(30)
ENTRIES, label, nonclaim = recorder()
mp.mp.dps = 30
TOL = 1e-9


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


def _spd(n=4):
    """A random symmetric positive definite matrix with its eigenvalues sorted ascending and eigenvectors."""
    M = RNG.standard_normal((n, n))
    A = M @ M.T + 0.5 * np.eye(n)
    lam, Q = np.linalg.eigh(A)
    return A, lam, Q


# ================================================================ distill_goh_momentum.md
MO = "distill_goh_momentum.md"


def _gradient_of_quadratic():
    """grad (1/2 w^T A w - b^T w) = A w - b for symmetric A (sympy on a 3x3 symbolic symmetric A)."""
    n = 3
    w = sp.Matrix(sp.symbols("w0:3"))
    b = sp.Matrix(sp.symbols("b0:3"))
    A = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"a{min(i, j)}{max(i, j)}"))
    f = (w.T * A * w / 2 - b.T * w)[0]
    grad = sp.Matrix([sp.diff(f, v) for v in w])
    return (grad - (A * w - b)).applyfunc(sp.expand) == sp.zeros(n, 1)


def _gd_iterates(A, b, w0, alpha, steps):
    ws = [w0]
    for _ in range(steps):
        ws.append(ws[-1] - alpha * (A @ ws[-1] - b))
    return ws


def _eigen_chain_written():
    """x^{k+1} = x^k - alpha lam x^k = (1 - alpha lam) x^k hold; the last link '= (1 - alpha lam)^k x^0' is off by one
    (x^{k+1} = (1 - alpha lam)^{k+1} x^0): False as written."""
    A, lam, Q = _spd()
    b = RNG.standard_normal(4)
    ws = _gd_iterates(A, b, RNG.standard_normal(4), 0.1, 6)
    wstar = np.linalg.solve(A, b)
    xs = [Q.T @ (w - wstar) for w in ws]
    k = 3
    first = close(xs[k + 1], xs[k] - 0.1 * lam * xs[k]) and close(xs[k + 1], (1 - 0.1 * lam) * xs[k])
    last = close((1 - 0.1 * lam) * xs[k], (1 - 0.1 * lam) ** k * xs[0])
    return first and last


def _closed_form_error():
    """w^k - w* = Q x^k = sum_i x^0_i (1 - alpha lam_i)^k q_i."""
    A, lam, Q = _spd()
    b = RNG.standard_normal(4)
    ws = _gd_iterates(A, b, RNG.standard_normal(4), 0.1, 6)
    wstar = np.linalg.solve(A, b)
    x0 = Q.T @ (ws[0] - wstar)
    k = 5
    return close(ws[k] - wstar, Q @ (Q.T @ (ws[k] - wstar))) and \
        close(ws[k] - wstar, sum(x0[i] * (1 - 0.1 * lam[i]) ** k * Q[:, i] for i in range(4)))


def _suboptimality_written():
    """The text's f(w^k) - f(w*) = sum (1 - alpha lam_i)^{2k} lam_i [x^0_i]^2 lacks the factor 1/2 of
    f(w) - f(w*) = (1/2)(w - w*)^T A (w - w*): False as written."""
    A, lam, Q = _spd()
    b = RNG.standard_normal(4)
    f = lambda w: 0.5 * w @ A @ w - b @ w
    ws = _gd_iterates(A, b, RNG.standard_normal(4), 0.1, 6)
    wstar = np.linalg.solve(A, b)
    x0 = Q.T @ (ws[0] - wstar)
    k = 4
    half = close(f(ws[k]) - f(wstar), 0.5 * np.sum((1 - 0.1 * lam) ** (2 * k) * lam * x0**2))
    written = close(f(ws[k]) - f(wstar), np.sum((1 - 0.1 * lam) ** (2 * k) * lam * x0**2))
    return written and not half


def _rate_endpoints():
    """max_i |1 - alpha lam_i| = max(|1 - alpha lam_1|, |1 - alpha lam_n|) for sorted lam and any alpha >= 0."""
    for _ in range(200):
        lam = np.sort(RNG.uniform(0.01, 10, 6))
        alpha = RNG.uniform(0, 1)
        if not close(np.max(np.abs(1 - alpha * lam)), max(abs(1 - alpha * lam[0]), abs(1 - alpha * lam[-1]))):
            return False
    return True


def _optimal_step():
    """argmin_alpha max(|1 - alpha l1|, |1 - alpha ln|) = 2/(l1 + ln) with the minimum (ln/l1 - 1)/(ln/l1 + 1)
    (a fine grid around the claimed minimiser)."""
    for l1, ln in ((0.1, 3.0), (1.0, 50.0), (0.01, 1.0)):
        rate = lambda a: max(abs(1 - a * l1), abs(1 - a * ln))
        a_star = 2 / (l1 + ln)
        grid = np.linspace(0, 2 / ln * 3, 200001)
        best = min(grid, key=rate)
        if abs(best - a_star) > 1e-4 * a_star or not close(rate(a_star), (ln / l1 - 1) / (ln / l1 + 1)):
            return False
    return True


def _vandermonde_fit():
    """(1/2) sum_i (model(xi_i) - d_i)^2 = (1/2)||Z w - d||^2 with Z_ij = xi_i^(j-1)."""
    xi = RNG.uniform(-1, 1, 10)
    w = RNG.standard_normal(5)
    d = RNG.standard_normal(10)
    Z = np.vander(xi, 5, increasing=True)
    model = lambda s: sum(w[j] * s**j for j in range(5))
    return close(0.5 * np.sum((model(xi) - d) ** 2), 0.5 * np.linalg.norm(Z @ w - d) ** 2)


def _tikhonov_objective_written():
    """(1/2)||Zw - d||^2 + eta/2 ||w||^2 equals (1/2) w^T (Z^T Z + eta I) w - (Z^T d)^T w + (1/2)||d||^2; the text
    drops the constant and writes Zd (undefined for Z of m > n rows): False as written (square Z, where Zd exists)."""
    Z = RNG.standard_normal((4, 4))
    d, w = RNG.standard_normal(4), RNG.standard_normal(4)
    eta = 0.3
    lhs = 0.5 * np.linalg.norm(Z @ w - d) ** 2 + eta / 2 * w @ w
    return close(lhs, 0.5 * w @ (Z.T @ Z + eta * np.eye(4)) @ w - (Z @ d) @ w)


def _tikhonov_solution():
    """(Z^T Z + eta I)^{-1} v = Q diag(1/(lam_i + eta)) Q^T v for Z^T Z = Q diag(lam) Q^T (v = Zd on both sides)."""
    Z = RNG.standard_normal((6, 4))
    lam, Q = np.linalg.eigh(Z.T @ Z)
    v = RNG.standard_normal(4)
    eta = 0.7
    return close(np.linalg.solve(Z.T @ Z + eta * np.eye(4), v), Q @ np.diag(1 / (lam + eta)) @ Q.T @ v)


def _tikhonov_decay():
    lam, eta = sp.symbols("lambda eta", positive=True)
    return zero(1 / (lam + eta) - 1 / lam * (1 - (1 + lam / eta) ** -1))


def _momentum_matrix_form():
    """[[1, 0], [alpha, 1]] (y', x') = [[beta, lam], [0, 1]] (y, x) for y' = beta y + lam x, x' = x - alpha y'."""
    al, be, la, y, x = sp.symbols("alpha beta lambda y x")
    y1 = be * y + la * x
    x1 = x - al * y1
    lhs = sp.Matrix([[1, 0], [al, 1]]) * sp.Matrix([y1, x1])
    rhs = sp.Matrix([[be, la], [0, 1]]) * sp.Matrix([y, x])
    return (lhs - rhs).applyfunc(sp.expand) == sp.zeros(2, 1)


def _R(al, be, la):
    return np.array([[be, la], [-al * be, 1 - al * la]])


def _momentum_run(al, be, la, y0, x0, k):
    y, x = y0, x0
    for _ in range(k):
        y = be * y + la * x
        x = x - al * y
    return np.array([y, x])


def _inverted_step_written():
    """(y^{k+1}, x^{k+1}) = R (y^k, x^k) holds; the text then writes R^{k+1} (x^0, y^0), the start vector's entries
    swapped (R^{k+1} (y^0, x^0) is right): False as written."""
    al, be, la, y0, x0, k = 0.3, 0.6, 1.7, 0.4, -1.1, 3
    step = close(_momentum_run(al, be, la, y0, x0, k + 1), _R(al, be, la) @ _momentum_run(al, be, la, y0, x0, k))
    written = close(_momentum_run(al, be, la, y0, x0, k + 1),
                    np.linalg.matrix_power(_R(al, be, la), k + 1) @ np.array([x0, y0]))
    return step and written


def _power_form():
    al, be, la, y0, x0 = 0.3, 0.6, 1.7, 0.4, -1.1
    return all(close(_momentum_run(al, be, la, y0, x0, k), np.linalg.matrix_power(_R(al, be, la), k) @ [y0, x0])
               for k in range(8))


def _power_formula_written():
    """R^k = sigma_1^k R_1 - sigma_2^k R_2 with R_j = (R - sigma_j I)/(sigma_1 - sigma_2): at k = 0 this is -I, at
    k = 1 it is R - tr(R) I (the right formula pairs sigma_1^k with R - sigma_2 I).  The repeated-root case
    sigma^k (k R/sigma - (k - 1) I) holds.  False as written (the first case)."""
    R = _R(0.3, 0.6, 1.7)
    s1, s2 = np.linalg.eigvals(R)
    R1, R2 = (R - s1 * np.eye(2)) / (s1 - s2), (R - s2 * np.eye(2)) / (s1 - s2)
    distinct = all(np.allclose(s1**k * R1 - s2**k * R2, np.linalg.matrix_power(R, k)) for k in range(5))
    # the repeated case: beta = (1 - sqrt(alpha lam))^2
    al, la = 0.2, 1.3
    be = (1 - np.sqrt(al * la)) ** 2
    Rr = _R(al, be, la)
    s = (1 - al * la + be) / 2
    repeated = all(np.allclose(s**k * (k * Rr / s - (k - 1) * np.eye(2)), np.linalg.matrix_power(Rr, k), atol=1e-9)
                   for k in range(6))
    right_form = all(np.allclose(s1**k * R2 - s2**k * R1, np.linalg.matrix_power(R, k)) for k in range(5))
    return distinct and repeated and right_form


def _eigenvalues_of_R():
    al, be, la = sp.symbols("alpha beta lambda", positive=True)
    R = sp.Matrix([[be, la], [-al * be, 1 - al * la]])
    disc = (-al * la + be + 1) ** 2 - 4 * be
    s1 = (1 - al * la + be + sp.sqrt(disc)) / 2
    s2 = (1 - al * la + be - sp.sqrt(disc)) / 2
    return all(zero((R - s * sp.eye(2)).det()) for s in (s1, s2))


def _complex_modulus_written():
    """For complex roots |sigma_1| = |sigma_2| = sqrt(beta) (the determinant of R is beta); the text's middle term
    equals 2 sqrt(beta) as it says, but |sigma| is half of it: False as written."""
    al, be, la = 0.3, 0.6, 1.7
    assert (-al * la + be + 1) ** 2 - 4 * be < 0
    s = np.linalg.eigvals(_R(al, be, la))
    middle = np.sqrt((1 - al * la + be) ** 2 + abs((-al * la + be + 1) ** 2 - 4 * be))
    return close(abs(s[0]), middle) and close(middle, 2 * np.sqrt(be))


def _real_rate():
    for al, be, la in ((0.1, 0.2, 1.0), (0.5, 0.01, 3.0), (1.2, 0.3, 2.0)):
        disc = (1 - al * la + be) ** 2 - 4 * be
        assert disc >= 0
        s = np.linalg.eigvals(_R(al, be, la))
        want = 0.5 * max(abs(1 - al * la + be + np.sqrt(disc)), abs(1 - al * la + be - np.sqrt(disc)))
        if not close(max(abs(s)), want):
            return False
    return True


def _convergence_region():
    """max |sigma| < 1 exactly when 0 < alpha lam < 2 + 2 beta, for 0 <= beta < 1 (a grid, off the boundary)."""
    for be in np.linspace(0, 0.98, 25):
        for al_la in np.linspace(-0.5, 4.5, 101):
            if abs(al_la) < 1e-6 or abs(al_la - (2 + 2 * be)) < 1e-6:
                continue
            rho = max(abs(np.linalg.eigvals(_R(al_la, be, 1.0))))
            if (rho < 1 - 1e-12) != (0 < al_la < 2 + 2 * be):
                return False
    return True


def _optimal_momentum():
    """alpha = (2/(sqrt l1 + sqrt ln))^2, beta = ((sqrt ln - sqrt l1)/(sqrt ln + sqrt l1))^2 minimise
    max(rho(R(l1)), rho(R(ln))) (random search finds nothing lower) with the value (sqrt k - 1)/(sqrt k + 1)."""
    l1, ln = 0.5, 20.0
    rate = lambda a, b: max(max(abs(np.linalg.eigvals(_R(a, b, l)))) for l in (l1, ln))
    a_s = (2 / (np.sqrt(l1) + np.sqrt(ln))) ** 2
    b_s = ((np.sqrt(ln) - np.sqrt(l1)) / (np.sqrt(ln) + np.sqrt(l1))) ** 2
    best = rate(a_s, b_s)
    kappa = ln / l1
    trials = [(a_s * RNG.uniform(0.5, 1.5), min(0.999, b_s * RNG.uniform(0.8, 1.2))) for _ in range(3000)]
    return abs(best - (np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) < 1e-6 and \
        all(rate(a, b) >= best - 1e-6 for a, b in trials)


def _unrolled_gd_written():
    """w^k = w^0 - alpha (grad f(w^0) + ... + grad f(w^{k-1})); the text's last term grad f(w^k) (and its
    sum_i^k) is one step too far: False as written (k = 2 on a quadratic)."""
    A, _, _ = _spd()
    b = RNG.standard_normal(4)
    g = lambda w: A @ w - b
    ws = _gd_iterates(A, b, RNG.standard_normal(4), 0.05, 3)
    return close(ws[2], ws[0] - 0.05 * (g(ws[0]) + g(ws[1]) + g(ws[2])))


def _unrolled_momentum_written():
    """Momentum from z^0 = 0: w^k = w^0 - alpha sum_{i<k} (1 - beta^{k-i})/(1 - beta) grad f(w^i); the text has a plus
    sign and beta^i: False as written (k = 3; i from 0 or 1 to k alike)."""
    A, _, _ = _spd()
    b = RNG.standard_normal(4)
    g = lambda w: A @ w - b
    al, be = 0.05, 0.7
    w, z, ws = RNG.standard_normal(4), np.zeros(4), []
    for _ in range(4):
        ws.append(w)
        z = be * z + g(w)
        w = w - al * z
    ws.append(w)
    k = 3
    right = ws[0] - al * sum((1 - be ** (k - i)) / (1 - be) * g(ws[i]) for i in range(k))
    if not close(ws[k], right):
        return True  # the reference itself is off: report disagreement loudly
    return any(close(ws[k], ws[0] + al * sum((1 - be**i) / (1 - be) * g(ws[i]) for i in range(lo, k + 1)))
               for lo in (0, 1))


def _rosenbrock_optimum():
    """w_i = q^i, q = (sqrt k - 1)/(sqrt k + 1), zeroes the gradient of the convex Rosenbrock on the infinite path:
    (w1 - 1) + (w1 - w2) + 4 w1/(k - 1) = 0 and 2 w_i - w_{i-1} - w_{i+1} + 4 w_i/(k - 1) = 0."""
    kap = sp.Symbol("kappa", positive=True)
    q = (sp.sqrt(kap) - 1) / (sp.sqrt(kap) + 1)
    i = sp.Symbol("i", integer=True, positive=True)
    first = (q - 1) + (q - q**2) + 4 * q / (kap - 1)
    inner = 2 * q**i - q ** (i - 1) - q ** (i + 1) + 4 * q**i / (kap - 1)
    return zero(first) and zero(sp.expand(inner / q ** (i - 1)))


def _rosenbrock_gradient():
    n = 6
    kap = sp.Symbol("kappa", positive=True)
    w = sp.symbols("w1:8")
    f = sp.Rational(1, 2) * (w[0] - 1) ** 2 + sp.Rational(1, 2) * sum((w[i] - w[i + 1]) ** 2 for i in range(n)) \
        + 2 / (kap - 1) * sum(v**2 for v in w)
    return all(zero(sp.diff(f, w[i]) - (2 * w[i] - w[i - 1] - w[i + 1] + 4 / (kap - 1) * w[i])) for i in range(1, n))


def _lower_bound_chain_written():
    """The third member: sum_{i=k+1}^n q^i = q^k ||w^k - w^0|| + q^n; at k = 0 the norm is 0 and the left side is
    q + ... + q^n, not q^n (n = 3, q = 1/2): False as written."""
    q, n = mp.mpf(1) / 2, 3
    return mp.almosteq(sum(q**i for i in range(1, n + 1)), q**0 * 0 + q**n)


def _noisy_objective_written():
    """E f(x^k) = (lam/2) E[(x^k)^2]; the text's third line drops the square of the deterministic part,
    (lam/2) e2^T R^k v in place of (lam/2)(e2^T R^k v)^2: with no noise the two differ.  False as written."""
    al, be, la = 0.3, 0.6, 1.7
    v = np.array([0.4, -1.1])
    k = 3
    det = (np.linalg.matrix_power(_R(al, be, la), k) @ v)[1]
    return close(la / 2 * det**2, la / 2 * det)


for _line, _fn, _check in (
        (42, _gradient_of_quadratic, "sympy: the gradient of 1/2 w^T A w - b^T w for a symbolic symmetric 3x3 A"),
        (67, _closed_form_error, "numpy: gradient descent run on a random SPD quadratic, against the closed form"),
        (89, _rate_endpoints, "numpy: max_i |1 - alpha lam_i| is attained at lam_1 or lam_n (200 random cases)"),
        (95, _optimal_step, "numpy: grid search of the rate in alpha, and the rate at 2/(l1 + ln)"),
        (122, _vandermonde_fit, "numpy: the sum of squared residuals equals the Vandermonde norm form"),
        (150, _tikhonov_solution, "numpy: the ridge solution through the eigendecomposition of Z^T Z"),
        (154, _tikhonov_decay, "sympy: 1/(lam + eta) = (1/lam)(1 - (1 + lam/eta)^-1)"),
        (191, _momentum_matrix_form, "sympy: the two-line update in matrix form"),
        (223, _power_form, "numpy: iterating the update equals R^k applied to (y^0, x^0), k = 0..7"),
        (247, _eigenvalues_of_R, "sympy: both roots annihilate det(R - sigma I)"),
        (261, _real_rate, "numpy: the spectral radius of R for real roots (three parameter sets)"),
        (270, _convergence_region, "numpy: spectral radius of R on a grid of alpha lam and beta"),
        (305, _optimal_momentum, "numpy: random search around the stated parameters finds no lower worst rate"),
        (399, _rosenbrock_optimum, "sympy: q^i zeroes every component of the gradient (infinite path)"),
        (409, _rosenbrock_gradient, "sympy: the partial derivatives of f^n (n = 6) at interior components")):
    label(MO, _line, "claim", "right", _check, "A symmetric positive definite, eigenvalues sorted" if _line < 200 else
          "0 <= beta < 1, alpha, lambda > 0", _fn)

label(MO, 58, "claim", "wrong", "numpy: the last link (1 - alpha lam)^k x^0 should have exponent k + 1 (gradient "
      "descent run in the eigenbasis)", "x^k = Q^T(w^k - w*)", _eigen_chain_written)
label(MO, 78, "claim", "wrong", "numpy: f(w^k) - f(w*) is half the stated sum (random SPD quadratic)", "", _suboptimality_written)
label(MO, 146, "claim", "wrong", "numpy: the objective differs from the right side by (1/2)||d||^2 (and Zd should be "
      "Z^T d)", "", _tikhonov_objective_written)
label(MO, 207, "claim", "wrong", "numpy: R^{k+1} must act on (y^0, x^0), not (x^0, y^0)", "", _inverted_step_written)
label(MO, 239, "claim", "wrong", "numpy: sigma_1^k R_1 - sigma_2^k R_2 is -I at k = 0 (R_1, R_2 swapped); the "
      "repeated-root case holds", "sigma_1, sigma_2 the eigenvalues of R", _power_formula_written)
label(MO, 255, "claim", "wrong", "numpy: |sigma| = sqrt(beta) for complex roots, not 2 sqrt(beta)",
      "(1 - alpha lam + beta)^2 < 4 beta", _complex_modulus_written)
label(MO, 356, "claim", "wrong", "numpy: the unrolled gradient descent ends with grad f(w^{k-1}), not grad f(w^k)", "",
      _unrolled_gd_written)
label(MO, 367, "claim", "wrong", "numpy: the sum runs to k - 1, not k", "", _unrolled_gd_written)
label(MO, 373, "claim", "wrong", "numpy: momentum unrolled is w^0 - alpha sum (1 - beta^{k-i})/(1 - beta) grad f(w^i)",
      "z^0 = 0", _unrolled_momentum_written)
label(MO, 427, "claim", "wrong", "mpmath: the last member fails at k = 0 (n = 3, q = 1/2)", "", _lower_bound_chain_written)
label(MO, 485, "claim", "wrong", "numpy: the third line drops the square of the deterministic term", "E eps = 0",
      _noisy_objective_written)

nonclaim_table(nonclaim, MO, """
17 update
25 update
32 example | = 0.99
38 definition
44 update
52 definition      # the eigendecomposition introduces Q and the lambda_i
56 definition | Q^T(w^{k}
83 example | \\lambda_1=0.01
83 example | \\lambda_2=0.1
83 example | \\lambda_3=1
87 condition | 0<\\alpha
103 definition
114 definition
126 definition
137 definition     # the eigenfeature basis, written p_i for the new features
149 definition     # Z^T Z's eigendecomposition, Lambda for lambda
157 definition     # the name 'Gradient Descent Regularized lambda_i'
164 update
173 update
181 definition
183 update
253 condition
268 condition | < 1
272 condition
290 definition | (1 - \\sqrt{\\alpha \\lambda_i})^2
314 example | \\lambda_1=0.01
314 example | \\lambda_2=0.1
314 example | \\lambda_3=1
326 update
342 definition
379 definition     # the class of methods: 'for some gamma'
385 definition
403 condition | w^0 = 0
405 example
443 condition | \\mathbf{E}
446 update
453 update
482 definition
484 definition
514 condition
""")

nonclaim(MO, 32, "condition", "condition", pick="= 0 ")

# ================================================================ distill_gortler_gaussian_processes.md
GP = "distill_gortler_gaussian_processes.md"
_MU = np.array([0.3, -0.5])
_S = np.array([[1.2, 0.5], [0.5, 0.8]])


def _pdf2(xv, yv):
    v = np.array([xv, yv]) - _MU
    return float(np.exp(-0.5 * v @ np.linalg.solve(_S, v)) / (2 * np.pi * np.sqrt(np.linalg.det(_S))))


def _pdf1(xv, m, s2):
    return float(mp.exp(-(xv - m) ** 2 / (2 * s2)) / mp.sqrt(2 * mp.pi * s2))


def _marginals():
    """Integrating the bivariate density over y gives N(mu_X, Sigma_XX) (and over x N(mu_Y, Sigma_YY))."""
    for xv in (-1.0, 0.2, 1.5):
        mx = mp.quad(lambda yv: _pdf2(xv, float(yv)), [-mp.inf, mp.inf])
        my = mp.quad(lambda t: _pdf2(float(t), xv), [-mp.inf, mp.inf])
        if abs(mx - _pdf1(xv, _MU[0], _S[0, 0])) > 1e-9 or abs(my - _pdf1(xv, _MU[1], _S[1, 1])) > 1e-9:
            return False
    return True


def _cond(xv, yv):
    """p_{X|Y}(x|y) from the conditioning formula."""
    m = _MU[0] + _S[0, 1] / _S[1, 1] * (yv - _MU[1])
    return _pdf1(xv, m, _S[0, 0] - _S[0, 1] ** 2 / _S[1, 1])


def _marginal_integral():
    """p_X(x) = int p_{X,Y}(x, y) dy = int p_{X|Y}(x|y) p_Y(y) dy (quadrature)."""
    xv = 0.7
    a = mp.quad(lambda yv: _pdf2(xv, float(yv)), [-mp.inf, mp.inf])
    b = mp.quad(lambda yv: _cond(xv, float(yv)) * _pdf1(float(yv), _MU[1], _S[1, 1]), [-mp.inf, mp.inf])
    return abs(a - b) < 1e-9 and abs(a - _pdf1(xv, _MU[0], _S[0, 0])) < 1e-9


def _conditioning():
    """p_{X|Y}(x|y) = p(x, y)/p_Y(y) agrees with N(mu_X + S_XY S_YY^-1 (y - mu_Y), S_XX - S_XY S_YY^-1 S_YX), and the
    same with the roles swapped."""
    for xv, yv in ((0.1, -0.3), (1.4, 0.9), (-2.0, 1.1)):
        if abs(_pdf2(xv, yv) / _pdf1(yv, _MU[1], _S[1, 1]) - _cond(xv, yv)) > 1e-12:
            return False
        m = _MU[1] + _S[1, 0] / _S[0, 0] * (xv - _MU[0])
        if abs(_pdf2(xv, yv) / _pdf1(xv, _MU[0], _S[0, 0]) - _pdf1(yv, m, _S[1, 1] - _S[1, 0] ** 2 / _S[0, 0])) > 1e-12:
            return False
    return True


def _std_written():
    """The standard deviation of the i-th test point is sqrt(Sigma'_ii); sigma'_i = Sigma'_ii only where it is 0 or 1:
    False as written (a posterior of variance 0.25 has standard deviation 0.5)."""
    cov = np.array([[0.25, 0.1], [0.1, 0.5]])
    samples = RNG.multivariate_normal([0, 0], cov, 200000)
    return abs(samples[:, 0].std() - cov[0, 0]) < 0.01


label(GP, 47, "claim", "right", "mpmath: quadrature of a bivariate normal density over the other variable",
      "(X, Y) jointly normal", _marginals)
label(GP, 56, "claim", "right", "mpmath: both integrals give the marginal density at x = 0.7", "", _marginal_integral)
label(GP, 64, "claim", "right", "mpmath: joint density over marginal density equals the stated normal at three points",
      "(X, Y) jointly normal", _conditioning)
label(GP, 132, "claim", "wrong", "numpy: the sample standard deviation is sqrt(Sigma'_ii) = 0.5, not 0.25", "",
      _std_written, pick="\\sigma'_i")

nonclaim_table(nonclaim, GP, """
23 definition
29 definition   # Sigma written as one entry Cov(X_i, X_j): notation
41 definition
60 no-claim
77 condition
85 definition
89 condition | \\mu = 0
89 condition | \\neq
91 condition
93 definition
100 example
106 condition
108 condition | \\mu=0
108 definition | N = |X|
110 example | \\sigma_b=0.2
118 definition | \\sim
120 condition | \\epsilon
122 definition
128 definition
132 condition | \\mu=0
132 no-claim | \\mu' \\neq 0
142 definition
148 no-claim
""")


# ================================================================ distill_hannun_ctc.md
CT = "distill_hannun_ctc.md"


def _joint(*sizes):
    """A random joint law with rational-looking float entries on a grid of the given sizes."""
    p = RNG.uniform(0.1, 1.0, sizes)
    return p / p.sum()


def _bayes_proportional():
    """p(y|x) / (p(x|y) p(y)) is the same for every y (it is 1/p(x)): p(Y|X) is proportional to p(X|Y) p(Y)."""
    p = _joint(3, 4)  # p[x, y]
    px, py = p.sum(1), p.sum(0)
    ratio = (p / px[:, None]) / ((p / py[None, :]) * py[None, :])
    return all(close(ratio[x], np.full(4, ratio[x, 0])) for x in range(3))


def _marginal_alignments():
    """p(x|y) = sum_a p(x, a|y) on a random joint law of (x, a, y)."""
    p = _joint(3, 5, 2)  # p[x, a, y]
    py = p.sum((0, 1))
    return close(p.sum(1) / py[None, :], (p / py[None, None, :]).sum(1))


def _hmm_tables(K=3, V=4):
    emit = RNG.uniform(0.1, 1, (K, V))
    return emit / emit.sum(1, keepdims=True)


def _uniform_transitions():
    """With p(a_t|a_{t-1}) = 1/K the sum over all state sequences of prod p(x_t|a_t) p(a_t|a_{t-1}) is K^-T times
    the sum of prod p(x_t|a_t): the ratio does not depend on the emission tables (two random models, T = 3)."""
    import itertools
    K, T, xs = 3, 3, (0, 2, 1)
    ratios = []
    for _ in range(2):
        emit = _hmm_tables(K)
        full = sum(np.prod([emit[a[t], xs[t]] / K for t in range(T)]) for a in itertools.product(range(K), repeat=T))
        plain = sum(np.prod([emit[a[t], xs[t]] for t in range(T)]) for a in itertools.product(range(K), repeat=T))
        ratios.append(full / plain)
    return close(ratios[0], ratios[1]) and close(ratios[0], K ** -T)


def _discriminative_rewrite():
    """p(x|a) = p(a|x) p(x) / p(a) factor by factor (Bayes on a random joint of (a, x)), so the two sums are equal;
    dropping prod p(x_t) leaves a factor that depends on X only, the same for every alignment model (two models
    with the same p(x))."""
    import itertools
    T, xs = 2, (1, 3)
    px = _joint(4)
    sums = []
    for _ in range(2):
        pa_given_x = _joint(3, 4)
        pa_given_x = pa_given_x / pa_given_x.sum(0, keepdims=True)
        joint = pa_given_x * px[None, :]  # p[a, x]
        pa = joint.sum(1)
        px_given_a = joint / pa[:, None]
        states = list(itertools.product(range(3), repeat=T))
        left = sum(np.prod([px_given_a[a[t], xs[t]] for t in range(T)]) for a in states)
        bayes = sum(np.prod([pa_given_x[a[t], xs[t]] * px[xs[t]] / pa[a[t]] for t in range(T)]) for a in states)
        scaled = sum(np.prod([pa_given_x[a[t], xs[t]] / pa[a[t]] for t in range(T)]) for a in states)
        if not close(left, bayes):
            return False
        sums.append(bayes / scaled)
    return close(sums[0], sums[1]) and close(sums[0], np.prod([px[x] for x in xs]))


def _log_sum_exp():
    for a, b in ((0.3, -2.0), (5, 5), (-7.5, 1.25), (30, -30)):
        a, b = mp.mpf(a), mp.mpf(b)
        if abs(mp.log(mp.e**a + mp.e**b) - (max(a, b) + mp.log(1 + mp.e ** (-abs(a - b))))) > mp.mpf(10) ** -25:
            return False
    return True


label(CT, 130, "claim", "right", "numpy: p(y|x)/(p(x|y)p(y)) is constant in y on a random joint law", "", _bayes_proportional)
label(CT, 135, "claim", "right", "numpy: marginalising a random joint law of (x, a, y)", "", _marginal_alignments)
label(CT, 145, "claim", "right", "numpy: with uniform transitions the HMM likelihood is K^-T times the emission sum",
      "p(a_t | a_{t-1}) uniform", _uniform_transitions)
label(CT, 151, "claim", "right", "numpy: Bayes factor by factor on a random joint of (a, x)", "", _discriminative_rewrite)
label(CT, 154, "claim", "right", "numpy: the dropped factor prod p(x_t) depends on X only", "", _discriminative_rewrite)
label(CT, 183, "claim", "right", "mpmath: log(e^a + e^b) against max{a, b} + log(1 + e^-|a - b|) at 30 digits", "",
      _log_sum_exp)

nonclaim_table(nonclaim, CT, """
19 definition | X = [
19 definition | Y = [
27 definition
54 definition
63 condition | = \\epsilon
63 condition | z_{s-2}
87 definition
93 definition
51 example | T=100
51 example | U=50
103 example
116 definition     # the objective with a max in place of the sum: another objective, not a claim
159 no-claim       # a modelling step (uniform prior, conditioning on all of X), not an identity
169 definition
193 condition
195 condition | \\lt
195 condition | <<
""")


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
