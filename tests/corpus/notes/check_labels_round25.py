r"""Independent checks of the hand labels of round 25 (branch fresh13): three sources no earlier round used, labelled
before Formulary was run on them.

* ``mandli_conditioning_taylor.md`` and ``mandli_differentiation_quadrature.md``: K. T. Mandli's numerical-methods
  lecture notebooks (text CC BY): conditioning and condition numbers, backward stability of QR, errors, Taylor's
  theorem with the Lagrange remainder and big-O rules; divided differences, finite differences derived from Taylor
  series, Newton-Cotes and Gauss quadrature with their errors.  Jupyter Markdown: ``$$`` displays, ``aligned`` chains
  with ``\Rightarrow``, chains continued in the next display (``$$= ...$$``), ``||x||`` norms, ``e`` both Euler's
  number and an error in one block.
* ``zotroneneis_ml_basics.md``: study notebooks on neural networks and linear models (MIT): a one-hidden-layer
  network's forward and backward pass, logistic, softmax and linear regression, the SVM margin and hinge loss with
  its subgradient.  ``\begin{equation}`` without dollars, inline ``$`` formulas alone on a line.
* ``dit_information_measures.rst``: the dit package's documentation of information measures (BSD-3-Clause):
  entropy, conditional entropy, mutual information, KL, cross entropy, Jensen-Shannon, extropy, total correlation,
  co-information, written with the package's own macros (``\H``, ``\I``, ``\DKL``).

As in the earlier rounds: each entry names a block by ``(file, line[, text that picks it])``, gives its role and
label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or
numpy that returns True when the block's claim holds as its author means it.  Statements about any distribution are
checked exactly on random joint laws with rational probabilities (logs by mpmath at 30 digits); matrix statements on
random matrices (numpy, tolerance 1e-9 relative to the entries' size); claims about "the problem" f on the named
functions of the text.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round25.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round25.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import arrays_close as close
from check_labels import check_entries, nonclaim_table, recorder, rst_blocks
from check_labels_round18 import _latex as _md_latex

RNG = np.random.default_rng(25)
ENTRIES, label, nonclaim = recorder()
x, c = sp.symbols("x c", real=True)
mp.mp.dps = 30


def zero(expr) -> bool:
    return sp.simplify(expr) == 0


def _latex(entry) -> str:
    if entry["file"].endswith(".rst"):
        text = (HERE / entry["file"]).read_text(encoding="utf-8")
        found = [inner for line, inner in rst_blocks(text) if line == entry["line"]]
        if len(found) != 1:
            raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks")
        return found[0]
    try:
        return _md_latex(entry)
    except SystemExit:  # MathJax also renders an environment written without dollars (\begin{equation} ...)
        text = (HERE / entry["file"]).read_text(encoding="utf-8")
        found = [m.group(0) for m in _ENVIRONMENT.finditer(text) if text.count("\n", 0, m.start()) + 1 == entry["line"]]
        if len(found) != 1:
            raise
        return found[0]


_ENVIRONMENT = re.compile(r"\\begin\{(equation|align|eqnarray)\*?\}.*?\\end\{\1\*?\}", re.DOTALL)
"""A displayed environment without dollars, as Jupyter's MathJax renders it in Markdown."""


# ================================================================ mandli_conditioning_taylor.md
MA = "mandli_conditioning_taylor.md"


def _sup_ratio(A, trials=4000):
    """A lower estimate of sup ||A d|| / ||d|| over random directions d (2-norm)."""
    d = RNG.standard_normal((A.shape[1], trials))
    return float(np.max(np.linalg.norm(A @ d, axis=0) / np.linalg.norm(d, axis=0)))


def _abs_condition_linear():
    """kappa-hat = ||J||: for f(x) = A x the sup of ||A dx||/||dx|| is the 2-norm of A (J = A)."""
    A = RNG.standard_normal((3, 3))
    s = _sup_ratio(A)
    return s <= np.linalg.norm(A, 2) * (1 + 1e-12) and s >= 0.98 * np.linalg.norm(A, 2)


def _rel_condition_linear():
    """kappa = ||J|| / (||f|| / ||x||) for f(x) = A x, from the sup definition."""
    A = RNG.standard_normal((3, 3))
    xv = RNG.standard_normal(3)
    rel = _sup_ratio(A) * np.linalg.norm(xv) / np.linalg.norm(A @ xv)
    want = np.linalg.norm(A, 2) / (np.linalg.norm(A @ xv) / np.linalg.norm(xv))
    return abs(rel - want) <= 0.02 * want


def _sqrt_condition():
    xp = sp.Symbol("x", positive=True)
    J = sp.diff(sp.sqrt(xp), xp)
    return zero(J - 1 / (2 * sp.sqrt(xp))) and zero(J / (sp.sqrt(xp) / xp) - sp.Rational(1, 2)) \
        and zero(1 / (2 * sp.sqrt(xp)) * xp / sp.sqrt(xp) - sp.Rational(1, 2))


def _difference_condition():
    """f = x1 - x2 in the infinity norm: ||J||_inf (the induced norm of the row [1, -1]) = 2, so
    kappa = 2 max|x_i| / |x1 - x2|; sampled as the sup of relative changes."""
    J = np.array([[1.0, -1.0]])
    if np.linalg.norm(J, np.inf) != 2:
        return False
    for _ in range(20):
        xv = RNG.standard_normal(2)
        d = RNG.uniform(-1, 1, (2, 5000))
        ratio = np.max(np.abs(J @ d)[0] / np.max(np.abs(d), axis=0))
        kappa = ratio / (abs(xv[0] - xv[1]) / np.max(np.abs(xv)))
        if abs(kappa - 2 * np.max(np.abs(xv)) / abs(xv[0] - xv[1])) > 0.01 * kappa:
            return False
    return True


def _matvec_chain():
    """The three lines of the kappa chain for A x agree (sup estimated over random directions)."""
    A = RNG.standard_normal((3, 3))
    xv = RNG.standard_normal(3)
    d = RNG.standard_normal((3, 4000))
    l1 = np.max(np.linalg.norm(A @ (xv[:, None] + d) - (A @ xv)[:, None], axis=0) / np.linalg.norm(A @ xv)
                * np.linalg.norm(xv) / np.linalg.norm(d, axis=0))
    l2 = np.max(np.linalg.norm(A @ d, axis=0) / np.linalg.norm(d, axis=0)) * np.linalg.norm(xv) / np.linalg.norm(A @ xv)
    l3 = np.linalg.norm(A, 2) * np.linalg.norm(xv) / np.linalg.norm(A @ xv)
    return abs(l1 - l2) <= 1e-9 * l2 and l2 <= l3 * (1 + 1e-12) and l2 >= 0.98 * l3


def _inverse_bounds():
    """||x||/||Ax|| <= ||A^-1||, kappa <= ||A|| ||A^-1||, ||dx|| <= ||A^-1|| ||dA|| ||x|| for dx = -A^-1 dA x and
    the relative ratio <= kappa(A), on random invertible A (2-norm)."""
    for _ in range(50):
        A = RNG.standard_normal((4, 4))
        Ai = np.linalg.inv(A)
        xv = RNG.standard_normal(4)
        dA = 1e-3 * RNG.standard_normal((4, 4))
        dx = -Ai @ dA @ xv
        n = lambda M: np.linalg.norm(M, 2)
        if not (np.linalg.norm(xv) / np.linalg.norm(A @ xv) <= n(Ai) * (1 + 1e-12)
                and np.linalg.norm(dx) <= n(Ai) * n(dA) * np.linalg.norm(xv) * (1 + 1e-12)
                and (np.linalg.norm(dx) / np.linalg.norm(xv)) / (n(dA) / n(A)) <= n(Ai) * n(A) * (1 + 1e-12)):
            return False
    return True


def _solve_for_dx():
    """dA x + A dx = 0 gives dx = -A^-1 dA x."""
    A = RNG.standard_normal((4, 4))
    dA = RNG.standard_normal((4, 4))
    xv = RNG.standard_normal(4)
    dx = -np.linalg.inv(A) @ dA @ xv
    return close(dA @ xv + A @ dx, np.zeros(4))


def _perturbed_system_first_order():
    """Row 2 is the exact expansion of row 1; row 3 is its first-order part (the text drops dA dx): with dA = eps E,
    dx = eps d and A x = b the eps^1 coefficient of (A + eps E)(x + eps d) - b is E x + A d."""
    n = 2
    eps = sp.Symbol("eps")
    A = sp.Matrix(n, n, sp.symbols("a0:4"))
    E = sp.Matrix(n, n, sp.symbols("e0:4"))
    X = sp.Matrix(sp.symbols("x0:2"))
    d = sp.Matrix(sp.symbols("d0:2"))
    expanded = (A + eps * E) * (X + eps * d)
    row2 = A * X + eps * E * X + A * eps * d + eps * E * eps * d
    first = (expanded - A * X).applyfunc(lambda t: sp.expand(t).coeff(eps, 1))
    return (expanded - row2).applyfunc(sp.expand) == sp.zeros(n, 1) and \
        (first - (E * X + A * d)).applyfunc(sp.expand) == sp.zeros(n, 1)


def _condition_from_spectra():
    """kappa(A) = ||A|| ||A^-1|| = sqrt(rho(A*A)) * sqrt(rho((A*A)^-1)): the text's quotient
    sqrt(rho(A*A)) / sqrt(rho((A*A)^-1)) is sigma_max * sigma_min (A = diag(2, 1/2): 1 against kappa = 4); the last
    expression sqrt(max|lambda|)/sqrt(min|lambda|) over the eigenvalues of A*A is kappa."""
    A = np.diag([2.0, 0.5])
    AA = A.T @ A
    kappa = np.linalg.norm(A, 2) * np.linalg.norm(np.linalg.inv(A), 2)
    middle = np.sqrt(max(abs(np.linalg.eigvals(AA)))) / np.sqrt(max(abs(np.linalg.eigvals(np.linalg.inv(AA)))))
    last = np.sqrt(max(abs(np.linalg.eigvals(AA)))) / np.sqrt(min(abs(np.linalg.eigvals(AA))))
    return abs(kappa - middle) < 1e-12 and abs(kappa - last) < 1e-12


def _taylor_witness():
    """f = T_N + R_N with the Lagrange remainder: for f = exp, x0 = 0, N = 2 and x = 0.7 some c in (0, x) fits."""
    xv = mp.mpf("0.7")
    rest = mp.e**xv - (1 + xv + xv**2 / 2)
    cv = mp.log(rest * 6 / xv**3)
    return 0 < cv < xv


def _exp_derivatives():
    f = sp.exp(x)
    return all(zero(sp.diff(f, x, k) - sp.exp(x)) for k in range(1, 6))


def _exp_taylor():
    return zero(sp.series(sp.exp(x), x, 0, 3).removeO() - (1 + x + x**2 / 2)) and \
        zero(sum(sp.exp(0) * x**k / sp.factorial(k) for k in range(3)) - (1 + x + x**2 / 2))


def _exp_remainder():
    """R_2 = e^c x^3/6 <= e/6 ~ 0.5 for x in [-1, 1] and c between 0 and x (the range the example plots)."""
    grid = [mp.mpf(k) / 50 for k in range(-50, 51)]
    worst = max(mp.e**cv * xv**3 / 6 for xv in grid for cv in (0, xv))
    return worst <= mp.e / 6 and round(float(mp.e / 6), 1) == 0.5


def _exp_accuracy():
    """e^1 = 2.718..., T_2(1) = 2.5, the absolute error 0.218 ~ 0.2 and the relative error 0.080 ~ 0.1."""
    err = mp.e - mp.mpf("2.5")
    return str(mp.e).startswith("2.718") and round(float(err), 1) == 0.2 and round(float(err / mp.e), 1) == 0.1


def _inverse_derivatives():
    f = 1 / x
    xp = sp.Symbol("x", positive=True)
    return zero(sp.diff(f, x) + 1 / x**2) and zero(sp.diff(f, x, 2) - 2 / x**3) and \
        all(zero(sp.diff(1 / xp, xp, n) - (-1) ** n * sp.factorial(n) / xp ** (n + 1)) for n in range(1, 7))


def _inverse_taylor():
    return zero(sp.series(1 / x, x, 1, 3).removeO() - (1 - (x - 1) + (x - 1) ** 2)) and \
        all(zero(sp.diff(1 / x, x, n).subs(x, 1) / sp.factorial(n) - (-1) ** n) for n in range(6))


def _inverse_remainder():
    ok = True
    for n in range(5):
        lagrange = sp.diff(1 / c, c, n + 1) * (x - 1) ** (n + 1) / sp.factorial(n + 1)
        ok &= zero(lagrange - (-1) ** (n + 1) * (x - 1) ** (n + 1) / c ** (n + 2))
    return ok and zero(sp.diff(1 / c, c, 3) * (x - 1) ** 3 / 6 + (x - 1) ** 3 / c**4)


def _sin_taylor():
    for N in range(4):
        T = sum((-1) ** n * x ** (2 * n + 1) / sp.factorial(2 * n + 1) for n in range(N + 1))
        if not zero(sp.series(sp.sin(x), x, 0, 2 * N + 3).removeO() - T):
            return False
    return True


def _sin_big_o():
    return sp.series(sp.sin(x), x, 0, 7) == x - x**3 / 6 + x**5 / 120 + sp.O(x**7)


def _sum_big_o_large():
    return sp.Order(x**2, (x, sp.oo)) + sp.Order(x**3, (x, sp.oo)) == sp.Order(x**3, (x, sp.oo))


def _product_big_o_large():
    """p, q = O(x^n), O(x^m) as x -> oo (n = 2, m = 3): p O(x^m) + q O(x^n) + O(x^(n+m)) = O(x^(n+m))."""
    p, q = x**2 + 1, 3 * x**3 - x
    o = lambda e: sp.Order(e, (x, sp.oo))
    return p * o(x**3) + q * o(x**2) + o(x**5) == o(x**5)


def _sum_big_o_small():
    return sp.Order(x**2) + sp.Order(x**3) == sp.Order(x**2)


def _product_big_o_small():
    """With p, q = 1 + O(dx) (Note 1): p O(dx^m) + q O(dx^n) + O(dx^(n+m)) = O(dx^min(n, m)), n = 2, m = 3."""
    p, q = 1 + 2 * x, 1 - x + x**2
    return p * sp.Order(x**3) + q * sp.Order(x**2) + sp.Order(x**5) == sp.Order(x**2)


nonclaim_table(nonclaim, MA, """
23 no-claim  # f(x) = y or f: X -> Y, notation
29 definition  # the conditioning inequality with its constant C
38 definition  # the absolute condition number
44 definition  # the Jacobian
49 no-claim  # delta f ~ J delta x, an approximation to first order
61 definition  # the relative condition number
107 definition  # the condition number of a matrix
120 condition  # the perturbed system
159 no-claim  # the absolute error, an expression
163 no-claim  # the relative error, an expression
170 condition  # stability: an O(eps_machine) requirement
176 condition  # for some x-hat with an O(eps_machine) relative distance
187 condition  # backward stability
193 condition  # for some x-hat with an O(eps_machine) relative distance
203 no-claim  # a theorem on floating-point algorithms, O(kappa eps_machine): no finite identity to check
208 no-claim  # an asymptotic bound with an O(1) term
219 no-claim  # backward stability of Householder QR, O(eps_machine)
234 no-claim  # backward stability of the product with Q, O(eps_machine)
242 no-claim  # backward stability of back substitution, O(eps_machine)
251 no-claim  # backward stability of the QR solve, O(eps_machine)
257 no-claim  # accuracy of the QR solve, O(kappa eps_machine)
279 definition  # the absolute error
284 definition  # the relative error
290 condition  # the condition that defines the decimal precision p
294 definition  # n from p
306 definition  # the Taylor polynomial
310 definition  # the remainder (its n is the text's N)
314 definition  # the Taylor polynomial in Delta x
320 no-claim  # the remainder bounded by M Delta x^(n+1), M unspecified
358 definition  # f(x) = 1/x, x0 = 1
382 definition  # big-O
386 condition  # the condition of the big-O definition
410 definition  # f, g and k
427 definition  # f, g and r for small Delta x
444 definition  # the form of p
448 definition  # the form of q
""")

label(MA, 53, "claim", "right", "numpy: for f(x) = A x the sup of ||A dx||/||dx|| over random directions reaches ||A||_2 "
      "(within 2 %) and never exceeds it", "f differentiable, infinitesimal perturbations", _abs_condition_linear)
label(MA, 66, "claim", "right", "numpy: the relative condition number of f(x) = A x from its sup definition equals "
      "||J|| ||x|| / ||f(x)|| within 2 %", "f differentiable", _rel_condition_linear)
label(MA, 75, "claim", "right", "sympy: f' = 1/(2 sqrt x), kappa = f' x / sqrt x = 1/2", "x > 0", _sqrt_condition)
label(MA, 82, "claim", "right", "numpy: ||[1, -1]||_inf = 2 and the sampled sup of relative changes gives "
      "2 max|x_i| / |x1 - x2| within 1 %", "l-infinity norm", _difference_condition)
label(MA, 89, "claim", "right", "numpy: the three lines of the chain agree (first two exactly, the sup within 2 % of ||A||)",
      "", _matvec_chain)
label(MA, 96, "claim", "right", "numpy: ||x||/||Ax|| <= ||A^-1||_2 on random invertible A", "A invertible", _inverse_bounds)
label(MA, 100, "claim", "right", "numpy: follows from the two lines above (checked with them)", "A invertible", _inverse_bounds)
label(MA, 113, "claim", "wrong", "numpy: kappa(A) = sqrt(rho(A*A)) * sqrt(rho((A*A)^-1)); the text's quotient is "
      "sigma_max * sigma_min: A = diag(2, 1/2) gives 1 against kappa = 4 (the last expression, 4, is right)", "l2 norm",
      _condition_from_spectra)
label(MA, 125, "claim", "right", "sympy: row 2 is the exact expansion of row 1; row 3 is the first-order part the text "
      "announces (it drops dA dx and uses A x = b)", "Ax = b, dA dx neglected", _perturbed_system_first_order)
label(MA, 134, "claim", "right", "numpy: dx = -A^-1 dA x solves dA x + A dx = 0", "A invertible", _solve_for_dx)
label(MA, 139, "claim", "right", "numpy: ||A^-1 dA x|| <= ||A^-1|| ||dA|| ||x|| on random matrices", "", _inverse_bounds)
label(MA, 144, "claim", "right", "numpy: the relative ratio is at most ||A^-1|| ||A||", "", _inverse_bounds)
label(MA, 302, "claim", "right", "mpmath: for f = exp, x0 = 0, N = 2, x = 0.7 the c of the Lagrange remainder lies in (0, x)",
      "f in C^(N+1), c between x0 and x", _taylor_witness)
label(MA, 331, "claim", "right", "sympy: every derivative of e^x is e^x", "f(x) = e^x", _exp_derivatives)
label(MA, 338, "claim", "right", "sympy: T_2 = 1 + x + x^2/2 for e^x at 0", "f(x) = e^x, x0 = 0", _exp_taylor)
label(MA, 344, "claim", "right", "mpmath: e^c x^3/6 <= e/6 = 0.453 (0.5 to one digit) for x in [-1, 1], c between 0 and x",
      "x in [-1, 1] (the range the example plots), c between 0 and x", _exp_remainder)
label(MA, 350, "claim", "right", "mpmath: e = 2.718..., e - 2.5 = 0.218 ~ 0.2, 0.218/e = 0.080 ~ 0.1 (e on the right "
      "is the absolute error)", "", _exp_accuracy)
label(MA, 363, "claim", "right", "sympy: the derivatives of 1/x, the n-th for n = 1..6", "f(x) = 1/x", _inverse_derivatives)
label(MA, 369, "claim", "right", "sympy: the Taylor coefficients of 1/x at 1 are (-1)^n; T_2 as written",
      "f(x) = 1/x, x0 = 1", _inverse_taylor)
label(MA, 374, "claim", "right", "sympy: f^(n+1)(c) (x-1)^(n+1)/(n+1)! = (-1)^(n+1) (x-1)^(n+1)/c^(n+2), n = 0..4; R_2",
      "f(x) = 1/x, x0 = 1, c between 1 and x", _inverse_remainder)
label(MA, 395, "claim", "right", "sympy: the Taylor polynomial of sin of degree 2N+1, N = 0..3", "f(x) = sin x, x0 = 0",
      _sin_taylor)
label(MA, 399, "claim", "right", "sympy: series of sin x to O(x^7)", "f(x) = sin x, x -> 0", _sin_big_o)
label(MA, 403, "claim", "right", "sympy: the same series with x = Delta x (x0 = 0)", "x = Delta x, Delta x -> 0", _sin_big_o)
label(MA, 416, "claim", "right", "sympy: O(x^2) + O(x^3) = O(x^3) as x -> oo", "x large", _sum_big_o_large)
label(MA, 420, "claim", "right", "sympy: with p = O(x^n), q = O(x^m) (n = 2, m = 3) the sum of the terms is O(x^(n+m)) as "
      "x -> oo", "x large, p = O(x^n), q = O(x^m)", _product_big_o_large)
label(MA, 433, "claim", "right", "sympy: O(dx^2) + O(dx^3) = O(dx^2) as dx -> 0", "Delta x small", _sum_big_o_small)
label(MA, 437, "claim", "right", "sympy: with p, q = 1 + O(dx) the product's terms are O(dx^min(n, m))",
      "Delta x small, Note 1", _product_big_o_small)


# ================================================================ zotroneneis_ml_basics.md
ZO = "zotroneneis_ml_basics.md"
_sig = lambda a: 1 / (1 + np.exp(-a))


def _bce_as_written():
    """The cross-entropy the text means is -[y log p + (1-y) log(1-p)]; as written, (1-y)(1 - log p): at y = 0,
    p = 1/2 it gives -(1 + log 2) < 0 against log 2."""
    y, p = 0, 0.5
    written = -(y * np.log(p) + (1 - y) * (1 - np.log(p)))
    meant = -(y * np.log(p) + (1 - y) * np.log(1 - p))
    return abs(written - meant) < 1e-12


def _tanh_forms():
    t = sp.tanh(x).rewrite(sp.exp)
    return zero((sp.sinh(x) / sp.cosh(x)).rewrite(sp.exp) - t) and \
        zero((sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x)) - t)


def _tanh_prime():
    return zero(sp.diff(sp.tanh(x), x) - (1 - sp.tanh(x) ** 2))


def _sigmoid_prime_written():
    """sigma'(x) = sigma (1 - sigma); the text's 1 - (1 + sigma) = -sigma (at x = 0: 1/4 against -1/2)."""
    s = 1 / (1 + sp.exp(-x))
    return zero(sp.diff(s, x) - (1 - (1 + s)))


def _numgrad(fun, v, h=1e-6):
    g = np.zeros_like(v)
    for i in np.ndindex(v.shape):
        e = np.zeros_like(v)
        e[i] = h
        g[i] = (fun(v + e) - fun(v - e)) / (2 * h)
    return g


def _bce(y, p):
    return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))


def _output_grad():
    """dL/dA_o = O_o - Y for the (summed) cross-entropy of sigmoid outputs, by central differences."""
    Ao = RNG.standard_normal((5, 1))
    Y = RNG.integers(0, 2, (5, 1)).astype(float)
    return close(_numgrad(lambda a: _bce(Y, _sig(a)), Ao), _sig(Ao) - Y, 1e-6)


def _network_grads():
    """For J = (1/m) sum of the cross-entropy with A_o = O_h W_o + b_o, dA_o = O_o - Y: dJ/dW_o = O_h^T dA_o / m,
    dJ/db_o = sum dA_o / m, and with dA_h the gradient in A_h: dJ/dW_h = X^T dA_h / m, dJ/db_h = sum dA_h / m."""
    m = 6
    X = RNG.standard_normal((m, 2))
    Y = RNG.integers(0, 2, (m, 1)).astype(float)
    Wh, bh, Wo, bo = (RNG.standard_normal(s) for s in ((2, 3), (1, 3), (3, 1), (1, 1)))

    def J(Wh, bh, Wo, bo):
        Oh = np.tanh(X @ Wh + bh)
        return _bce(Y, _sig(Oh @ Wo + bo)) / m

    Oh = np.tanh(X @ Wh + bh)
    dAo = _sig(Oh @ Wo + bo) - Y
    dAh = (dAo @ Wo.T) * (1 - Oh**2)
    return (close(_numgrad(lambda w: J(Wh, bh, w, bo), Wo), Oh.T @ dAo / m, 1e-6)
            and close(_numgrad(lambda b: J(Wh, bh, Wo, b), bo), dAo.sum(0, keepdims=True) / m, 1e-6)
            and close(_numgrad(lambda w: J(w, bh, Wo, bo), Wh), X.T @ dAh / m, 1e-6)
            and close(_numgrad(lambda b: J(Wh, b, Wo, bo), bh), dAh.sum(0, keepdims=True) / m, 1e-6))


def _logistic_grad():
    m = 7
    X = RNG.standard_normal((m, 3))
    y = RNG.integers(0, 2, m).astype(float)
    w = RNG.standard_normal(3)
    J = lambda w: _bce(y, _sig(X @ w)) / m
    return close(_numgrad(J, w), X.T @ (_sig(X @ w) - y) / m, 1e-6)


def _softmax_grad():
    m, d, K = 6, 3, 4
    X = RNG.standard_normal((m, d))
    Y = np.eye(K)[RNG.integers(0, K, m)]
    W = RNG.standard_normal((K, d))

    def J(W):
        S = X @ W.T
        P = np.exp(S) / np.exp(S).sum(1, keepdims=True)
        return -np.sum(Y * np.log(P)) / m

    S = X @ W.T
    P = np.exp(S) / np.exp(S).sum(1, keepdims=True)
    return close(_numgrad(J, W), (P - Y).T @ X / m, 1e-6)


def _normal_equation():
    X = RNG.standard_normal((8, 3))
    y = RNG.standard_normal(8)
    w = np.linalg.inv(X.T @ X) @ X.T @ y
    return close(w, np.linalg.lstsq(X, y, rcond=None)[0])


def _mse_grads():
    m = 7
    X = RNG.standard_normal((m, 3))
    y = RNG.standard_normal(m)
    w = RNG.standard_normal(3)
    J = lambda w: np.sum((X @ w - y) ** 2) / m
    return close(_numgrad(J, w), 2 / m * X.T @ (X @ w - y), 1e-6)


def _width_chain():
    """width = (x+ - x-) . w/||w|| = x+.w/||w|| - x-.w/||w|| = ((1-b) + (1+b))/||w|| = 2/||w|| when <w, x+> = 1 - b and
    <w, x-> = -1 - b."""
    w = RNG.standard_normal(3)
    b = 0.3
    xp = RNG.standard_normal(3)
    xp += (1 - b - w @ xp) / (w @ w) * w
    xm = RNG.standard_normal(3)
    xm += (-1 - b - w @ xm) / (w @ w) * w
    nw = np.linalg.norm(w)
    vals = [(xp - xm) @ w / nw, xp @ w / nw - xm @ w / nw, ((1 - b) + (1 + b)) / nw, 2 / nw]
    return close(vals, [vals[0]] * 4)


def _hinge_average():
    N, C = 5, 0.7
    X = RNG.standard_normal((N, 3))
    y = RNG.choice([-1.0, 1.0], N)
    w = RNG.standard_normal(3)
    hinge = np.maximum(0, 1 - y * (X @ w))
    return close(0.5 * w @ w + C / N * hinge.sum(), np.mean(0.5 * w @ w + C * hinge))


def _hinge_subgradient():
    """The cases give a subgradient of J: J(v) - J(w) >= g . (v - w) at random w and v."""
    N, C = 6, 0.9
    X = RNG.standard_normal((N, 3))
    y = RNG.choice([-1.0, 1.0], N)

    def J(w):
        return np.mean(0.5 * w @ w + C * np.maximum(0, 1 - y * (X @ w)))

    for _ in range(200):
        w = RNG.standard_normal(3)
        g = np.mean([w if max(0, 1 - y[n] * X[n] @ w) == 0 else w - C * y[n] * X[n] for n in range(N)], axis=0)
        v = RNG.standard_normal(3)
        if J(v) - J(w) < g @ (v - w) - 1e-12:
            return False
    return True


nonclaim_table(nonclaim, ZO, """
67 definition  # the sigmoid
76 definition  # the hidden activations
79 definition  # the hidden outputs (the text says tanh, the block sigma)
83 definition  # the output activations
86 definition  # the outputs
112 update  # the weight update
114 update
116 update
118 update
150 definition  # y-hat = sigma(a)
169 update
171 update
201 definition  # the score of class k
213 definition  # the softmax probability
220 definition  # the cross-entropy cost
236 update
238 update
288 definition  # the mean squared error
308 update
336 condition  # a delimiting hyperplane
337 condition
348 no-claim  # an objective to maximise
354 no-claim  # the hard-margin problem
366 condition
367 condition
370 condition  # the support vectors' equation
405 no-claim  # the soft-margin objective
407 no-claim
409 condition  # a constraint
411 condition  # a constraint
422 definition  # the hinge loss
434 no-claim  # the objective
461 definition  # the cost J
489 condition  # the subgradient inequality that defines g
497 update  # the subgradient step
""")

label(ZO, 35, "claim", "wrong", "numpy: the logistic-regression loss is -[y log p + (1-y) log(1-p)]; the text's (1-y)(1 - log p) "
      "at y = 0, p = 1/2 gives -1.693 against 0.693", "", _bce_as_written)
label(ZO, 155, "claim", "wrong", "numpy: the same cost written the same way (y = 0, p = 1/2: -1.693 against 0.693)", "",
      _bce_as_written)
label(ZO, 59, "claim", "right", "sympy: sinh/cosh and the exponential form equal tanh", "", _tanh_forms)
label(ZO, 62, "claim", "right", "sympy: d tanh/dx = 1 - tanh^2", "", _tanh_prime)
label(ZO, 70, "claim", "wrong", "sympy: sigma' = sigma (1 - sigma); the text's 1 - (1 + sigma) = -sigma (x = 0: 1/4 against -1/2)",
      "", _sigmoid_prime_written)
label(ZO, 97, "claim", "right", "numpy: central differences of the cross-entropy of sigmoid outputs give O_o - Y",
      "L the cross-entropy of the sigmoid outputs", _output_grad)
label(ZO, 99, "claim", "right", "numpy: central differences of the averaged cross-entropy of the network", "", _network_grads)
label(ZO, 101, "claim", "right", "numpy: the bias gradient, as above", "", _network_grads)
label(ZO, 106, "claim", "right", "numpy: dJ/dW_h = X^T dA_h / m by central differences", "", _network_grads)
label(ZO, 108, "claim", "right", "numpy: dJ/db_h = sum dA_h / m by central differences", "", _network_grads)
label(ZO, 162, "claim", "right", "numpy: the gradient of the averaged cross-entropy of logistic regression", "", _logistic_grad)
label(ZO, 229, "claim", "right", "numpy: the gradient of the softmax cross-entropy in w_k", "one-hot y", _softmax_grad)
label(ZO, 258, "claim", "right", "numpy: (X^T X)^-1 X^T y is the least-squares solution", "X^T X invertible", _normal_equation)
label(ZO, 295, "claim", "right", "numpy: the gradient of the mean squared error", "", _mse_grads)
label(ZO, 301, "claim", "right", "numpy: the same in matrix form", "bias in w", _mse_grads)
label(ZO, 374, "claim", "right", "numpy: the two lines of the width are equal", "", _width_chain)
label(ZO, 383, "claim", "right", "numpy: the four lines are equal on points of the two delimiting hyperplanes",
      "<w, x+> + b = 1, <w, x-> + b = -1", _width_chain)
label(ZO, 466, "claim", "right", "numpy: the two forms of J agree", "", _hinge_average)
label(ZO, 472, "claim", "right", "numpy: the cases give a subgradient (J(v) - J(w) >= g.(v - w) at random w, v)", "",
      _hinge_subgradient)


# ================================================================ dit_information_measures.rst
DI = "dit_information_measures.rst"
L2 = lambda v: mp.log(v, 2)


def _law(shape):
    """A random joint law with rational probabilities, every cell positive."""
    w = RNG.integers(1, 9, shape)
    return {idx: sp.Rational(int(w[idx]), int(w.sum())) for idx in np.ndindex(*shape)}


def _H(law, keep=None):
    """The entropy in bits of the marginal on the axes ``keep`` (all axes when None)."""
    marg = {}
    for idx, p in law.items():
        key = idx if keep is None else tuple(idx[k] for k in keep)
        marg[key] = marg.get(key, 0) + p
    return -sum(mp.mpf(p) * L2(mp.mpf(p)) for p in marg.values() if p)


_TOL = mp.mpf(10) ** -25
"""Agreement of values computed at 30 digits (round-off of a few dozen operations)."""


def _same(*vals, tol=_TOL) -> bool:
    return all(abs(v - vals[0]) < tol for v in vals)


def _mi_chain():
    law = _law((3, 4))
    px = {a: sum(p for (i, _), p in law.items() if i == a) for a in range(3)}
    py = {b: sum(p for (_, j), p in law.items() if j == b) for b in range(4)}
    hxy, hx, hy = _H(law), _H(law, [0]), _H(law, [1])
    direct = sum(mp.mpf(p) * L2(mp.mpf(p) / (mp.mpf(px[i]) * mp.mpf(py[j]))) for (i, j), p in law.items())
    return _same(hxy - (hxy - hy) - (hxy - hx), hx + hy - hxy, direct)


def _mi_symmetric_and_split():
    law = _law((3, 2))
    swapped = {(j, i): p for (i, j), p in law.items()}
    i_xy = _H(law, [0]) + _H(law, [1]) - _H(law)
    i_yx = _H(swapped, [0]) + _H(swapped, [1]) - _H(swapped)
    return _same(i_xy, i_yx) and _same(_H(law, [0]), i_xy + (_H(law) - _H(law, [1])))


def _two_laws(k=4):
    w, v = RNG.integers(1, 9, k), RNG.integers(1, 9, k)
    return [mp.mpf(int(a)) / int(w.sum()) for a in w], [mp.mpf(int(a)) / int(v.sum()) for a in v]


def _kl(p, q):
    return sum(a * L2(a / b) for a, b in zip(p, q))


def _xh(p, q):
    return -sum(a * L2(b) for a, b in zip(p, q))


def _ent(p):
    return -sum(a * L2(a) for a in p if a)


def _kl_cross():
    p, q = _two_laws()
    return _same(_kl(p, q), _xh(p, q) - _ent(p)) and _same(_xh(p, q), _ent(p) + _kl(p, q))


def _kl_nonnegative():
    return all(_kl(*_two_laws()) >= 0 for _ in range(50))


def _jensen_concave():
    """Psi(E x) >= E Psi(x) for concave Psi (log, sqrt, -x^2) on random discrete laws; and the difference form."""
    for psi in (mp.log, mp.sqrt, lambda t: -t * t):
        for _ in range(20):
            xs = [mp.mpf(float(v)) for v in RNG.uniform(0.1, 5, 4)]
            ws, _ = _two_laws()
            if psi(sum(w * t for w, t in zip(ws, xs))) < sum(w * psi(t) for w, t in zip(ws, xs)) - mp.mpf(10) ** -25:
                return False
    return True


def _jsd_kl():
    """D_JS = H(M) - (H(X) + H(Y))/2 = (D_KL(X||M) + D_KL(Y||M))/2 for the mixture M = (X + Y)/2 of two laws."""
    p, q = _two_laws()
    m = [(a + b) / 2 for a, b in zip(p, q)]
    return _same(_ent(m) - (_ent(p) + _ent(q)) / 2, (_kl(p, m) + _kl(q, m)) / 2)


def _jsd_mi():
    """D_JS = I(Z; M): Z a fair coin choosing the law, M the drawn value."""
    p, q = _two_laws()
    m = [(a + b) / 2 for a, b in zip(p, q)]
    joint = [[a / 2 for a in p], [b / 2 for b in q]]
    mi = sum(joint[z][k] * L2(joint[z][k] / (mp.mpf(1) / 2 * m[k])) for z in range(2) for k in range(len(m)))
    return _same(_ent(m) - (_ent(p) + _ent(q)) / 2, mi)


def _extropy_sum():
    p, _ = _two_laws(5)
    h = _ent(p)
    j = -sum((1 - a) * L2(1 - a) for a in p)
    binary = sum(_ent([a, 1 - a]) for a in p)
    j_two = sum(-((1 - a) * L2(1 - a) + a * L2(a)) for a in p)
    return _same(h + j, binary, j_two)


def _total_correlation():
    law = _law((2, 3, 2))
    marg = [{v: sum(p for idx, p in law.items() if idx[k] == v) for v in range({0: 2, 1: 3, 2: 2}[k])} for k in range(3)]
    direct = sum(mp.mpf(p) * L2(mp.mpf(p) / (mp.mpf(marg[0][i]) * mp.mpf(marg[1][j]) * mp.mpf(marg[2][k])))
                 for (i, j, k), p in law.items())
    return _same(sum(_H(law, [k]) for k in range(3)) - _H(law), direct)


def _total_correlation_split():
    """T[A u B] = T[A] + T[B] + I[A:B] with A = (X0, X1), B = (X2, X3)."""
    law = _law((2, 2, 3, 2))
    T = lambda axes: sum(_H(law, [k]) for k in axes) - _H(law, axes)
    i_ab = _H(law, [0, 1]) + _H(law, [2, 3]) - _H(law)
    return _same(T([0, 1, 2, 3]), T([0, 1]) + T([2, 3]) + i_ab)


def _coinformation():
    """-sum over subsets y of (-1)^|y| H[X_y] (H of the empty set 0) equals I(X;Y) - I(X;Y|Z) for three variables,
    I(X;Y) for two, and the expectation of log prod p(x_y)^((-1)^|y|)."""
    ok = True
    for shape in ((2, 3), (2, 3, 2)):
        law = _law(shape)
        n = len(shape)
        subsets = [s for r in range(n + 1) for s in itertools.combinations(range(n), r)]
        co = -sum((-1) ** len(s) * (_H(law, list(s)) if s else 0) for s in subsets)
        marg = {s: {} for s in subsets}
        for idx, p in law.items():
            for s in subsets:
                key = tuple(idx[k] for k in s)
                marg[s][key] = marg[s].get(key, 0) + p
        second = sum(mp.mpf(p) * L2(mp.fprod(mp.mpf(marg[s][tuple(idx[k] for k in s)]) ** ((-1) ** len(s))
                                              for s in subsets)) for idx, p in law.items())
        if n == 2:
            known = _H(law, [0]) + _H(law, [1]) - _H(law)
        else:
            i_xy = _H(law, [0]) + _H(law, [1]) - _H(law, [0, 1])
            i_xy_z = _H(law, [0, 2]) + _H(law, [1, 2]) - _H(law) - _H(law, [2])
            known = i_xy - i_xy_z
        ok &= _same(co, known, second)
    return ok


nonclaim_table(nonclaim, DI, """
17 no-claim  # the macro definitions
46 definition  # the entropy
67 definition  # the joint entropy
81 definition  # the conditional entropy
157 definition  # the KL divergence
199 definition  # the cross entropy
232 definition  # the Jensen-Shannon divergence of two variables
238 definition  # the weighted Jensen-Shannon divergence
300 definition  # the perplexity
311 definition  # the conditional perplexity
322 definition  # the Renyi entropy
333 definition  # the extropy
""")

label(DI, 99, "claim", "right", "mpmath: the three forms of I[X:Y] agree on a random 3 x 4 joint law (exact rationals)", "",
      _mi_chain)
label(DI, 107, "claim", "right", "mpmath: I[X:Y] = I[Y:X] on a random joint law", "", _mi_symmetric_and_split)
label(DI, 116, "claim", "right", "mpmath: H[X] = I[X:Y] + H[X|Y] on a random joint law", "", _mi_symmetric_and_split)
label(DI, 165, "claim", "right", "mpmath: D_KL = xH - H on random laws", "", _kl_cross)
label(DI, 184, "claim", "right", "mpmath: D_KL >= 0 on 50 random pairs of laws", "", _kl_nonnegative)
label(DI, 217, "claim", "right", "mpmath: xH = H + D_KL on random laws", "", _kl_cross)
label(DI, 248, "claim", "right", "mpmath: Jensen's inequality for log, sqrt and -x^2 on random discrete laws",
      "Psi concave", _jensen_concave)
label(DI, 254, "claim", "right", "mpmath: the same as a difference", "Psi concave", _jensen_concave)
label(DI, 278, "claim", "right", "mpmath: D_JS of two laws is the mean KL from their mixture", "M = (X + Y)/2", _jsd_kl)
label(DI, 287, "claim", "right", "mpmath: D_JS = I(Z; M) with Z a fair coin choosing the law", "", _jsd_mi)
label(DI, 337, "claim", "right", "mpmath: H + J = sum of binary entropies = sum of two-point extropies", "", _extropy_sum)
label(DI, 352, "claim", "right", "mpmath: the two forms of the total correlation agree on a random 2 x 3 x 2 law", "",
      _total_correlation)
label(DI, 373, "claim", "right", "mpmath: T[A u B] = T[A] + T[B] + I[A:B] on a random four-variable law", "",
      _total_correlation_split)
label(DI, 384, "claim", "right", "mpmath: the inclusion-exclusion sum is I(X;Y) for two and I(X;Y) - I(X;Y|Z) for three "
      "variables, and equals the expectation of the log-product", "", _coinformation)



# ================================================================ mandli_differentiation_quadrature.md
MD = "mandli_differentiation_quadrature.md"
_X = sp.symbols("x0:4", real=True)
_Y = sp.symbols("y0:4", real=True)
dx = sp.Symbol("Delta_x", positive=True)


def _dd(xs, ys):
    """The divided difference [y_0, ..., y_k] by its recursion."""
    if len(ys) == 1:
        return ys[0]
    return (_dd(xs[1:], ys[1:]) - _dd(xs[:-1], ys[:-1])) / (xs[-1] - xs[0])


def _dd_two():
    return zero(_dd(_X[:2], _Y[:2]) - (_Y[1] - _Y[0]) / (_X[1] - _X[0]))


def _dd_three():
    links = [_dd(_X[:3], _Y[:3]), (_dd(_X[1:3], _Y[1:3]) - _dd(_X[:2], _Y[:2])) / (_X[2] - _X[0]),
             ((_Y[2] - _Y[1]) / (_X[2] - _X[1]) - (_Y[1] - _Y[0]) / (_X[1] - _X[0])) / (_X[2] - _X[0]),
             (_Y[2] - _Y[1]) / ((_X[2] - _X[1]) * (_X[2] - _X[0])) - (_Y[1] - _Y[0]) / ((_X[1] - _X[0]) * (_X[2] - _X[0]))]
    return all(zero(v - links[0]) for v in links[1:])


def _newton(n, at=x):
    return sum(_dd(_X[:j + 1], _Y[:j + 1]) * sp.prod([at - _X[i] for i in range(j)]) for j in range(n + 1))


def _newton_interpolates():
    """The Newton form through 4 points takes the values y_i at x_i (the unique cubic interpolant)."""
    P = _newton(3)
    return all(zero(P.subs(x, _X[i]) - _Y[i]) for i in range(4))


def _newton_quadratic():
    P = _newton(2)
    written = _Y[0] + (x - _X[0]) * (_Y[1] - _Y[0]) / (_X[1] - _X[0]) + (x - _X[0]) * (x - _X[1]) * (
        (_Y[2] - _Y[1]) / ((_X[2] - _X[1]) * (_X[2] - _X[0])) - (_Y[1] - _Y[0]) / ((_X[1] - _X[0]) * (_X[2] - _X[0])))
    return zero(P - written)


def _remainder_extra_factor():
    """f = x^2 through x0 = 0, x1 = 1 (N = 1): f - P_1 = x(x - 1) = (x - x0)(x - x1) f''/2!; the text's extra factor
    (x - x_{N+1}) (any x2, e.g. 3) breaks it at x = 2: 2 against -2."""
    remainder = x**2 - x
    written = (x - 0) * (x - 1) * (x - 3) * 2 / 2
    return zero(remainder - written)


def _lagrange_remainder():
    """For f = x^(N+1) the remainder f - P_N is exactly prod (x - x_i) (f^(N+1) = (N+1)!), N = 1, 2, 3."""
    ok = True
    for n in range(1, 4):
        nodes = [sp.Rational(k * k + 1, 3) for k in range(n + 1)]
        P = sp.interpolate([(t, t ** (n + 1)) for t in nodes], x)
        ok &= zero(x ** (n + 1) - P - sp.prod([x - t for t in nodes]))
    return ok


def _newton_derivative():
    """P_N' term by term for N = 3: the j-th basis derivative is the sum over i < j of the products without i."""
    P = _newton(3)
    written = sum(_dd(_X[:j + 1], _Y[:j + 1]) * sum(sp.prod([x - _X[k] for k in range(j) if k != i]) for i in range(j))
                  for j in range(1, 4))
    return zero(sp.diff(P, x) - written) and zero(
        sp.diff((x - _X[0]) * (x - _X[1]), x) - ((x - _X[1]) + (x - _X[0])))


def _fd_first():
    """[y0, y1] = (y1 - y0)/(x1 - x0) = (f(x1) - f(x0))/Delta x with Delta x = x1 - x0, y_i = f(x_i)."""
    f = sp.Function("f")
    d = _X[1] - _X[0]
    return zero(_dd(_X[:2], [f(_X[0]), f(_X[1])]) - (f(_X[1]) - f(_X[0])) / d)


def _fd_first_remainder():
    """R_1' at x0: d/dx (x - x0)(x - x1) f2/2 at x0 = (x0 - x1) f2/2 = -Delta x f2/2 (f2 = f''(c))."""
    fc = sp.Symbol("fc")
    return zero(sp.diff((x - _X[0]) * (x - _X[1]) * fc / 2, x).subs(x, _X[0]) + (_X[1] - _X[0]) * fc / 2)


def _order_fit():
    C, n = sp.symbols("C n", positive=True)
    e = C * dx**n
    return zero(sp.expand_log(sp.log(e), force=True) - (sp.log(C) + n * sp.log(dx))) and \
        zero(sp.exp(sp.log(e) - n * sp.log(dx)) - C)


def _centered_chain():
    """The lines of Example 2 agree: P_2' through (x_n, x_{n+1}, x_{n-1}) from the divided differences, then at x_n
    with even spacing each displayed form, down to (f_{n+1} - f_{n-1})/(2 dx)."""
    xn, xp, xm, fp, fm, f0 = sp.symbols("x_n x_p x_m f_p f_m f_0", real=True)
    P = _dd([xn], [f0]) + (x - xn) * _dd([xn, xp], [f0, fp]) + (x - xn) * (x - xp) * _dd([xn, xp, xm], [f0, fp, fm])
    line1 = _dd([xn, xp], [f0, fp]) + ((x - xn) + (x - xp)) * _dd([xn, xp, xm], [f0, fp, fm])
    line2 = (fp - f0) / (xp - xn) + ((x - xn) + (x - xp)) * ((fm - fp) / ((xm - xp) * (xm - xn))
                                                                 - (fp - f0) / ((xp - xn) * (xm - xn)))
    even = {xp: xn + dx, xm: xn - dx}
    at = [sp.diff(P, x).subs(x, xn).subs(even),
          (fp - f0) / dx - dx * ((fm - fp) / (2 * dx**2) + (fp - f0) / dx**2),
          (fp - f0) / dx - (fp - 2 * f0 + fm) / (2 * dx),
          (2 * fp - 2 * f0 - fp + 2 * f0 - fm) / (2 * dx),
          (fp - fm) / (2 * dx)]
    return zero(sp.diff(P, x) - line1) and zero(line1 - line2) and all(zero(a - at[0]) for a in at[1:])


def _r2_products():
    xn, xp, xm = sp.symbols("x_n x_p x_m", real=True)
    nodes = [xn, xp, xm]
    total = sum(sp.prod([x - nodes[j] for j in range(3) if j != i]) for i in range(3))
    written = (x - xp) * (x - xm) + (x - xn) * (x - xm) + (x - xn) * (x - xp)
    return zero(total - written) and zero(written.subs({xp: xn + dx, xm: xn - dx}).subs(x, xn) + dx**2)


_TEST_F = sp.exp(sp.Rational(1, 3) * x) + sp.sin(x)
"""A smooth test function for the Taylor expansions."""


def _taylor_about_xn():
    """The expansions of f about x_n, at x_n + h and x_n - h, match the test function to third order."""
    xn = sp.Rational(1, 2)
    h = sp.Symbol("h")
    ser = sp.series(_TEST_F.subs(x, xn + h), h, 0, 4).removeO()
    written = sum(sp.diff(_TEST_F, x, k).subs(x, xn) * h**k / sp.factorial(k) for k in range(4))
    minus = sp.series(_TEST_F.subs(x, xn - h), h, 0, 4).removeO()
    written_minus = sum(sp.diff(_TEST_F, x, k).subs(x, xn) * (-h) ** k / sp.factorial(k) for k in range(4))
    return zero(ser - written) and zero(minus - written_minus)


def _substituted_expansion():
    """A f(x_{n+1}) + B f(x_n) + C f(x_{n-1}) with the expansions substituted, as displayed, is the expansion of the
    combination on a test function (to the order kept)."""
    A, B, C = sp.Rational(2, 3), -sp.Rational(1, 5), sp.Rational(3, 7)
    xn = sp.Rational(1, 2)
    h = sp.Symbol("h")
    d = [sp.diff(_TEST_F, x, k).subs(x, xn) for k in range(5)]
    up = d[0] + h * d[1] + h**2 / 2 * d[2] + h**3 / 6 * d[3] + h**4 / 24 * d[4]
    down = d[0] - h * d[1] + h**2 / 2 * d[2] - h**3 / 6 * d[3] + h**4 / 24 * d[4]
    combo = A * _TEST_F.subs(x, xn + h) + B * _TEST_F.subs(x, xn) + C * _TEST_F.subs(x, xn - h)
    return zero(sp.series(combo, h, 0, 5).removeO() - sp.expand(A * up + B * d[0] + C * down))


def _centered_remainder():
    """With A = 1/(2 dx), B = 0, C = -1/(2 dx): the quotient minus f' is dx^2/6 f3 + O(dx^3) (test function)."""
    xn = sp.Rational(1, 3)
    h = sp.Symbol("h", positive=True)
    q = (_TEST_F.subs(x, xn + h) - _TEST_F.subs(x, xn - h)) / (2 * h)
    r = sp.series(q - sp.diff(_TEST_F, x).subs(x, xn), h, 0, 3).removeO()
    return zero(r - h**2 / 6 * sp.diff(_TEST_F, x, 3).subs(x, xn))


def _average_of_one_sided():
    fp, f0, fm = sp.symbols("f_p f_0 f_m")
    plus, minus = (fp - f0) / dx, (f0 - fm) / dx
    return zero((plus + minus) / 2 - (fp - f0 + f0 - fm) / (2 * dx)) and zero((plus + minus) / 2 - (fp - fm) / (2 * dx))


def _second_difference_coefficients():
    A, B, C = sp.symbols("A B C")
    sol = sp.solve([A + B + C, A * dx - C * dx, A * dx**2 / 2 + C * dx**2 / 2 - 1], [A, B, C], dict=True)
    return sol == [{A: 1 / dx**2, B: -2 / dx**2, C: 1 / dx**2}]


def _second_difference_remainder():
    xn = sp.Rational(1, 3)
    h = sp.Symbol("h", positive=True)
    q = (_TEST_F.subs(x, xn + h) - 2 * _TEST_F.subs(x, xn) + _TEST_F.subs(x, xn - h)) / h**2
    r = sp.series(q - sp.diff(_TEST_F, x, 2).subs(x, xn), h, 0, 3).removeO()
    return zero(r - h**2 / 12 * sp.diff(_TEST_F, x, 4).subs(x, xn))


def _ode_integral_form():
    """u = sin t solves u'' = -u (f(u, v, t) = -u); with v = u' the integral forms hold from t0 = 0."""
    t, s = sp.symbols("t s", real=True)
    u, v = sp.sin(t), sp.cos(t)
    return zero(v - (v.subs(t, 0) + sp.integrate(-u.subs(t, s), (s, 0, t)))) and \
        zero(u - (u.subs(t, 0) + sp.integrate(v.subs(t, s), (s, 0, t))))


def _sine_integral():
    return zero(sp.integrate(sp.sin(c), (c, 0, x)) - (1 - sp.cos(x)))


def _trapezoid_chain():
    xi, xj, f0, f1 = sp.symbols("x_i x_j f0 f1", real=True)
    d = xj - xi
    p0, p1 = f0, (f1 - f0) / d
    anti = p0 * x + p1 * (x**2 / 2 - xi * x)
    links = [sp.integrate(p0 + p1 * (x - xi), (x, xi, xj)), anti.subs(x, xj) - anti.subs(x, xi),
             p0 * d + p1 * ((xj + xi) / 2 * d - xi * d), f0 * d + (f1 - f0) * ((xj + xi) / 2 - xi),
             f0 * d + (f1 - f0) * d / 2, d / 2 * (f1 + f0)]
    return all(zero(v - links[0]) for v in links[1:])


def _composite_trapezoid():
    fs = sp.symbols("f0:6")
    per = sum(dx / 2 * (fs[i + 1] + fs[i]) for i in range(5))
    return zero(per - (dx / 2 * (fs[0] + fs[5]) + sum(dx * fs[j] for j in range(1, 5))))


def _simpson_integral():
    f0, fh, f1 = sp.symbols("f0 fh f1")
    P = 2 * f0 / dx**2 * (x - dx / 2) * (x - dx) - 4 * fh / dx**2 * x * (x - dx) + 2 * f1 / dx**2 * x * (x - dx / 2)
    return zero(sp.integrate(P, (x, 0, dx)) - (dx / 6 * f0 + 2 * dx / 3 * fh + dx / 6 * f1))


def _simpson_table():
    w0, w1, w2 = sp.symbols("w0 w1 w2")
    Q = lambda g: w0 * g.subs(x, 0) + w1 * g.subs(x, dx / 2) + w2 * g.subs(x, dx)
    return (zero(sp.integrate(1, (x, 0, dx)) - dx) and zero(sp.integrate(x, (x, 0, dx)) - dx**2 / 2)
            and zero(sp.integrate(x**2, (x, 0, dx)) - dx**3 / 3) and zero(Q(sp.Integer(1) + 0 * x) - (w0 + w1 + w2))
            and zero(Q(x) - (w1 * dx / 2 + w2 * dx)) and zero(Q(x**2) - (dx**2 / 4 * w1 + w2 * dx**2)))


def _simpson_system_written():
    """The third right side is dx^3/3 (the table above); with dx^3/6 the system's solution does not integrate x^2."""
    w0, w1, w2 = sp.symbols("w0 w1 w2")
    sol = sp.solve([w0 + w1 + w2 - dx, dx / 2 * w1 + dx * w2 - dx**2 / 2, dx**2 / 4 * w1 + dx**2 * w2 - dx**3 / 6],
                   [w0, w1, w2], dict=True)[0]
    return zero(sol[w1] * dx**2 / 4 + sol[w2] * dx**2 - dx**3 / 3)


def _simpson_matrix_chain():
    systems = [(sp.Matrix([[1, 1, 1], [0, dx / 2, dx], [0, dx**2 / 4, dx**2]]), sp.Matrix([dx, dx**2 / 2, dx**3 / 3])),
               (sp.Matrix([[1, 1, 1], [0, sp.Rational(1, 2), 1], [0, sp.Rational(1, 4), 1]]), sp.Matrix([dx, dx / 2, dx / 3])),
               (sp.Matrix([[1, 1, 1], [0, sp.Rational(1, 2), 1], [0, 0, -1]]), sp.Matrix([dx, dx / 2, -dx / 6]))]
    sols = [M.LUsolve(b) for M, b in systems]
    return all((s - sols[0]).applyfunc(sp.simplify) == sp.zeros(3, 1) for s in sols[1:]) and \
        (sols[0] - sp.Matrix([dx / 6, 2 * dx / 3, dx / 6])).applyfunc(sp.simplify) == sp.zeros(3, 1)


def _trapezoid_local_error():
    """int over [x_i, x_i + dx] of (x - x_i)(x - x_{i+1}) f2/2 = -dx^3/12 f2 (the text has +)."""
    fc = sp.Symbol("fc")
    xi = sp.Symbol("x_i", real=True)
    val = sp.integrate((x - xi) * (x - xi - dx) * fc / 2, (x, xi, xi + dx))
    return zero(val - dx**3 / 12 * fc)


def _trapezoid_global_error():
    """For f = x^2 on [0, 1] with N = 4 panels: I - Q = -1/96 = -(b - a) dx^2/12 * mean f''; the text's
    -1/2 dx^2 (b - a) mean f'' gives -1/16."""
    N = 4
    h = sp.Rational(1, N)
    Q = sum(h / 2 * ((i * h) ** 2 + ((i + 1) * h) ** 2) for i in range(N))
    return sp.Rational(1, 3) - Q == -sp.Rational(1, 2) * h**2 * 1 * 2


def _remainder_instances():
    """R_1 and R_2 (nodes x_i, x_i + dx/2, x_{i+1}) are exact for f = x^2 and f = x^3."""
    xi = sp.Rational(1, 5)
    h = sp.Rational(1, 2)
    P1 = sp.interpolate([(xi, xi**2), (xi + h, (xi + h) ** 2)], x)
    P2 = sp.interpolate([(xi, xi**3), (xi + h / 2, (xi + h / 2) ** 3), (xi + h, (xi + h) ** 3)], x)
    return zero(x**2 - P1 - (x - xi) * (x - xi - h) * 2 / 2) and \
        zero(x**3 - P2 - (x - xi) * (x - xi - h / 2) * (x - xi - h) * 6 / 6)


def _sine_pi_example():
    exact = sp.integrate(sp.sin(sp.pi * x), (x, 0, 1))
    return (exact == 2 / sp.pi and abs(float(exact) - 0.636619772) < 5e-10 and sp.sin(sp.pi / 2) == 1
            and sp.Rational(1, 2) * (sp.sin(0) + sp.sin(sp.pi)) == 0
            and sp.Rational(1, 6) * sp.sin(0) + sp.Rational(2, 3) * sp.sin(sp.pi / 2) + sp.Rational(1, 6) * sp.sin(sp.pi)
            == sp.Rational(2, 3))


def _refinement():
    fs = sp.symbols("f0:9")
    N = 8
    q1 = dx / 2 * (fs[0] + fs[N] + 2 * sum(fs[1:N]))
    q2 = dx * (fs[0] + fs[N] + 2 * sum(fs[2 * j] for j in range(1, N // 2)))
    return zero(q1 - (q2 / 2 + dx * sum(fs[1:N:2])))


def _affine_map():
    a, b, xi = sp.symbols("a b xi", real=True)
    xm = (b - a) / 2 * xi + (a + b) / 2
    ok = zero(((xm - (a + b) / 2) * 2 / (b - a)) - xi)
    f = sp.exp(x) * x
    lhs = sp.integrate(f, (x, 1, 3))
    mid = sp.integrate(f.subs(x, xm.subs({a: 1, b: 3})) * sp.diff(xm, xi).subs({a: 1, b: 3}), (xi, -1, 1))
    last = sp.Rational(3 - 1, 2) * sp.integrate(f.subs(x, xm.subs({a: 1, b: 3})), (xi, -1, 1))
    return ok and zero(lhs - mid) and zero(lhs - last)


def _gauss_exact():
    """Gauss-Legendre with N = 3 points integrates x^j exactly on [-1, 1] for j <= 2N - 1 = 5."""
    nodes, weights = np.polynomial.legendre.leggauss(3)
    return all(abs(weights @ nodes**j - (1 - (-1) ** (j + 1)) / (j + 1)) < 1e-13 for j in range(6))


def _gauss_weights():
    for n in (2, 3, 4, 5):
        nodes, weights = np.polynomial.legendre.leggauss(n)
        dP = np.polynomial.legendre.Legendre.basis(n).deriv()
        if not close(weights, 2 / ((1 - nodes**2) * dP(nodes) ** 2), 1e-12):
            return False
    return True


def _two_point_table():
    return (sp.integrate(1, (x, -1, 1)) == 2 and sp.integrate(x, (x, -1, 1)) == 0
            and sp.integrate(x**2, (x, -1, 1)) == sp.Rational(2, 3) and sp.integrate(x**3, (x, -1, 1)) == 0)


def _two_point_solution():
    x0, x1, w0, w1 = -sp.sqrt(sp.Rational(1, 3)), sp.sqrt(sp.Rational(1, 3)), 1, 1
    return (w0 + w1 == 2 and zero(w0 * x0 + w1 * x1) and zero(w0 * x0**2 + w1 * x1**2 - sp.Rational(2, 3))
            and zero(w0 * x0**3 + w1 * x1**3))


nonclaim_table(nonclaim, MD, """
23 definition  # P_N in Newton's form
27 definition  # the Newton basis
31 definition  # [y_i]
35 definition  # the divided differences
39 example  # [y_0] = y_0, the definition at i = 0
61 definition  # R_N := f - P_N
73 no-claim  # R_N' with c held fixed: c depends on x, so this holds at the nodes only
97 definition  # the forward difference
101 definition  # the backward difference
136 no-claim  # R_2' with c held fixed, as line 73
166 condition  # the ansatz for the coefficients
174 condition  # an equation imposed on A, B, C
176 condition
178 condition
200 condition
202 condition
204 condition
226 no-claim  # an integral
230 no-claim  # an integral
234 condition  # an ODE
238 definition  # the first-order system
247 no-claim  # a PDE
255 definition  # the Riemann integral
263 definition  # the midpoint
267 definition  # the midpoint rule Q_m
271 definition  # Q_m on one interval [0, Delta x]
283 definition  # a quadrature rule
291 definition  # the error E[f]
299 definition  # Newton-Cotes
307 definition  # the coefficients p_0, p_1
311 definition  # the interpolating line p_1(x)
337 definition  # Simpson's interpolant on [0, Delta x]
347 definition  # the rule with unknown weights
469 definition  # Q_{Delta x} and Q_{2 Delta x}
493 condition  # orthogonality of g
499 definition  # the angle between two vectors
522 definition  # the two-point rule
533 condition  # the system for x0, x1, w0, w1
""")

label(MD, 41, "claim", "right", "sympy: the recursion at i = 0, j = 1", "", _dd_two)
label(MD, 43, "claim", "right", "sympy: the four forms of [y0, y1, y2] agree", "", _dd_three)
label(MD, 49, "claim", "right", "sympy: the Newton form through four symbolic points interpolates them", "", _newton_interpolates)
label(MD, 53, "claim", "right", "sympy: the quadratic Newton form expanded as written", "", _newton_quadratic)
label(MD, 65, "claim", "wrong", "sympy: f = x^2 through 0 and 1 has remainder x(x - 1); the text's extra factor "
      "(x - x_{N+1}) makes it x(x - 1)(x - x_2) (x = 2, x_2 = 3: 2 against -2)", "N + 1 points x_0..x_N",
      _remainder_extra_factor)
label(MD, 69, "claim", "right", "sympy: the derivative of the Newton form for N = 3, term by term", "", _newton_derivative)
label(MD, 77, "claim", "right", "follows from f = P_N + R_N by differentiation (checked on the remainder of x^(N+1))", "",
      _lagrange_remainder)
label(MD, 89, "claim", "right", "sympy: the equalities of the chain with Delta x = x1 - x0 and y_i = f(x_i)", "", _fd_first)
label(MD, 93, "claim", "right", "sympy: the derivative of (x - x0)(x - x1) f''(c)/2 at x0 is -Delta x f''(c)/2",
      "at x = x_0", _fd_first_remainder)
label(MD, 107, "claim", "right", "sympy: log(C dx^n) = log C + n log dx", "C, Delta x > 0", _order_fit)
label(MD, 114, "claim", "right", "sympy: exp(log e(dx) - n log dx) = C (e is Euler's number, e(dx) the error)",
      "C, Delta x > 0", _order_fit)
for _line in (120, 122, 126, 128, 130, 132):
    label(MD, _line, "claim", "right", "sympy: each form of P_2' (and at x_n with even spacing) agrees",
          "evenly spaced from line 126", _centered_chain)
label(MD, 138, "claim", "right", "sympy: the sum over the three nodes expanded; at x_n it is -dx^2", "", _r2_products)
label(MD, 142, "claim", "right", "sympy: at x_n with even spacing the bracket is -Delta x^2", "evenly spaced", _r2_products)
for _line in (150, 154, 156, 160, 162):
    label(MD, _line, "claim", "right", "sympy: the Taylor expansions of a test function about x_n to third order",
          "f smooth, Delta x = x_{n+1} - x_n = x_n - x_{n-1}", _taylor_about_xn)
label(MD, 170, "claim", "right", "sympy: the combination with the two expansions substituted (test function)", "",
      _substituted_expansion)
label(MD, 184, "claim", "right", "sympy: the centered difference minus f' is dx^2/6 f''' + O(dx^3) on a test function", "",
      _centered_remainder)
label(MD, 190, "claim", "right", "sympy: the mean of the one-sided differences", "", _average_of_one_sided)
label(MD, 196, "claim", "right", "sympy: the combination with the expansions to fourth order (test function)", "",
      _substituted_expansion)
label(MD, 208, "claim", "right", "sympy: solving the three equations gives A = C = 1/dx^2", "", _second_difference_coefficients)
label(MD, 212, "claim", "right", "sympy: and B = -2/dx^2", "", _second_difference_coefficients)
label(MD, 220, "claim", "right", "sympy: the second difference minus f'' is dx^2/12 f'''' + O(dx^3) on a test function", "",
      _second_difference_remainder)
label(MD, 243, "claim", "right", "sympy: the integral form on u = sin t, u'' = -u", "v = du/dt", _ode_integral_form)
label(MD, 277, "claim", "right", "sympy: int_0^x sin = 1 - cos x", "", _sine_integral)
for _line in (315, 317, 319, 321, 323):
    label(MD, _line, "claim", "right", "sympy: every line of the trapezoid derivation agrees", "Delta x = x_{i+1} - x_i",
          _trapezoid_chain)
label(MD, 327, "claim", "right", "sympy: the sum of the per-interval rules (N = 5)", "uniform Delta x", _composite_trapezoid)
label(MD, 341, "claim", "right", "sympy: the integral of the quadratic interpolant over [0, dx]", "local coordinate, x_i = 0",
      _simpson_integral)
label(MD, 349, "claim", "right", "sympy: the three integrals and the three Q's", "", _simpson_table)
label(MD, 356, "claim", "wrong", "sympy: the third right side is dx^3/3 (the table above); with dx^3/6 the solution does not "
      "integrate x^2", "", _simpson_system_written)
label(MD, 364, "claim", "right", "sympy: the three matrix systems have the same solution (dx/6, 2dx/3, dx/6)", "",
      _simpson_matrix_chain)
label(MD, 392, "claim", "right", "sympy: the solution of the (right) system", "", _simpson_matrix_chain)
label(MD, 400, "claim", "right", "sympy: for f = x^(N+1) the remainder is exactly the product (N = 1, 2, 3)",
      "c in the interval", _lagrange_remainder)
label(MD, 414, "claim", "right", "sympy: R_1 exact for f = x^2", "", _remainder_instances)
label(MD, 418, "claim", "wrong", "sympy: the integral is -dx^3/12 f''(c), not +", "f''(c) constant over the interval",
      _trapezoid_local_error)
label(MD, 428, "claim", "wrong", "sympy: f = x^2 on [0, 1], N = 4: I - Q = -1/96 = -(b-a) dx^2/12 * 2; the text's -1/2 "
      "gives -1/16", "Delta x = (b - a)/N", _trapezoid_global_error)
label(MD, 436, "claim", "right", "sympy: R_2 exact for f = x^3 on nodes x_i, x_i + dx/2, x_{i+1}", "", _remainder_instances)
label(MD, 448, "claim", "right", "sympy: 2/pi = 0.6366197724, and the three rules on [0, 1] give 1, 0, 2/3", "Delta x = 1",
      _sine_pi_example)
label(MD, 471, "claim", "right", "sympy: Q_dx = Q_2dx/2 + dx (f_1 + f_3 + ... + f_{N-1}) for N = 8", "N even", _refinement)
label(MD, 479, "claim", "right", "sympy: the two forms of the affine map are inverse", "", _affine_map)
label(MD, 481, "claim", "right", "sympy: the change of variables on x e^x over [1, 3]", "", _affine_map)
label(MD, 506, "claim", "right", "numpy: 3-point Gauss-Legendre integrates x^j exactly for j <= 5", "w(x) = 1", _gauss_exact)
label(MD, 514, "claim", "right", "numpy: the Gauss-Legendre weights for n = 2..5", "n = N", _gauss_weights)
label(MD, 526, "claim", "right", "sympy: the four integrals", "", _two_point_table)
label(MD, 542, "claim", "right", "sympy: the values solve the four equations", "", _two_point_solution)


if __name__ == "__main__":
    sys.exit(check_entries(ENTRIES, _latex, sys.argv[1:]))
