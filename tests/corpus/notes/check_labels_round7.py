r"""Independent checks of the hand labels of the round-7 sources of tests/corpus/notes: text the checker was not
tuned on.  Three d2l chapters of other parts of the book than the earlier rounds (gradient descent and convexity
from the optimization chapter, backpropagation through time from the RNN chapter: abstract functions f, g, Taylor
expansions with O-terms and Lagrange remainders "for some \xi", the mean value theorem, Jensen's inequality, Newton's
method) and two sections of the HPI Math4ML lecture script not used before (ridge regression solved in closed form,
Taylor's theorem with its proof, written with MyST directives).

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and
label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or
numpy that returns True when the block's claim holds.  Statements about an arbitrary function (Taylor's theorem, the
mean value theorem, Jensen) are checked on named test functions that satisfy the stated hypotheses; an existential
claim ("for some \xi") is checked by finding the witness in the stated interval.  Nothing from the Formulary code
base is imported.

    python3 tests/corpus/notes/check_labels_round7.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round7.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero  # noqa: E402

RNG = np.random.default_rng(7)
TOL = 1e-9
"""Absolute tolerance for numpy comparisons of exact identities in double precision (values of order 1-100)."""

ENTRIES, label, nonclaim = recorder()
x, t, e, a, b, c, eta = sp.symbols("x t epsilon a b c eta", real=True)
TEST_FUNCTIONS = (sp.sin(x) + x**3, sp.exp(x) * sp.cos(x), sp.log(1 + x**2))
"""Smooth test functions for the statements about an arbitrary f (Taylor expansions)."""
CONVEX = (sp.exp(x), x**4 + x**2, sp.log(1 + sp.exp(x)), (x - 1)**2)
"""Convex test functions for the convexity statements."""


def _o_term(remainder, small, order) -> bool:
    """``remainder = O(small^order)`` as ``small -> 0``: remainder / small^order has a finite limit."""
    limit = sp.limit(remainder / small**order, small, 0)
    return limit.is_finite is True


def _witness(equation, var, lo, hi) -> bool:
    """Some value of ``var`` in [lo, hi] solves ``equation = 0`` (a sign change, or a root found by mpmath)."""
    f = sp.lambdify(var, equation, "mpmath")
    grid = [lo + (hi - lo) * k / 400 for k in range(401)]
    values = [f(mp.mpf(g)) for g in grid]
    return any(abs(v) < 1e-12 or (v0 > 0) != (v1 > 0) for v, v0, v1 in zip(values, values, values[1:]))


def _convex_pairs(f, n=200):
    fn = sp.lambdify(x, f, "numpy")
    u, v, lam = RNG.uniform(-2, 2, n), RNG.uniform(-2, 2, n), RNG.uniform(0, 1, n)
    return fn, u, v, lam


# ---------------------------------------------------------------- d2l_gradient_descent.md
GD = "d2l_gradient_descent.md"


def _taylor_first():
    return all(_o_term(f.subs(x, x + e) - f - e * sp.diff(f, x), e, 2) for f in TEST_FUNCTIONS)


def _taylor_step():
    """f(x - eta f'(x)) = f(x) - eta f'(x)^2 + O(eta^2 f'(x)^2), at points where f'(x) != 0."""
    ok = True
    for f in TEST_FUNCTIONS:
        fp = sp.diff(f, x)
        for point in (sp.Rational(1, 3), sp.Rational(7, 5)):
            d = fp.subs(x, point)
            rem = f.subs(x, point - eta * d) - f.subs(x, point) + eta * d**2
            ok &= _o_term(rem / d**2, eta, 2)
    return ok


def _descent():
    """For small eta > 0, f(x - eta f') < f(x) where f'(x) != 0: the series in eta starts with -eta f'(x)^2."""
    ok = True
    for f in TEST_FUNCTIONS:
        d = sp.diff(f, x).subs(x, sp.Rational(1, 2))
        series = sp.series(f.subs(x, sp.Rational(1, 2) - eta * d) - f.subs(x, sp.Rational(1, 2)), eta, 0, 2).removeO()
        ok &= zero(series + eta * d**2) and d != 0
    return ok


def _multi_taylor(order):
    """f(x + eps) - [the Taylor polynomial of the given order] is O(|eps|^(order+1)) along random directions."""
    x1, x2, s = sp.symbols("x1 x2 s", real=True)
    f = sp.exp(x1) * sp.sin(x2) + x1**2 * x2
    X = sp.Matrix([x1, x2])
    grad = sp.Matrix([sp.diff(f, v) for v in X])
    hess = sp.hessian(f, X)
    point = {x1: sp.Rational(1, 3), x2: sp.Rational(-1, 2)}
    ok = True
    for direction in ((1, 2), (-3, 1)):
        eps = sp.Matrix(direction) * s
        value = f.subs({x1: point[x1] + eps[0], x2: point[x2] + eps[1]})
        poly = f.subs(point) + (eps.T * grad.subs(point))[0]
        if order == 2:
            poly += (eps.T * hess.subs(point) * eps)[0] / 2
        ok &= _o_term(value - poly, s, order + 1)
    return ok


def _quadratic_gradient():
    x1, x2 = sp.symbols("x1 x2", real=True)
    f = x1**2 + 2 * x2**2
    return [sp.diff(f, x1), sp.diff(f, x2)] == [2 * x1, 4 * x2]


def _newton_step():
    """grad + H eps = 0 gives eps = -H^{-1} grad (H invertible, a random positive definite H)."""
    m = RNG.normal(size=(4, 4))
    H, g = m @ m.T + 4 * np.eye(4), RNG.normal(size=4)
    eps = np.linalg.solve(H, -g)
    return np.allclose(g + H @ eps, 0, atol=TOL) and np.allclose(eps, -np.linalg.inv(H) @ g, atol=TOL)


_half_square = x**2 / 2


def _mean_value_taylor():
    """0 = f'(x_k - e_k) = f'(x_k) - e_k f''(x_k) + 1/2 e_k^2 f'''(xi) for some xi in [x_k - e_k, x_k], with
    e_k = x_k - x* and f'(x*) = 0: f = x^4/4 + x^2/2 (convex, f''(0) = 1 > 0, x* = 0), x_k = 0.7 and -0.4."""
    f = x**4 / 4 + x**2 / 2
    d1, d2, d3 = (sp.diff(f, x, k) for k in (1, 2, 3))
    xi = sp.Symbol("xi", real=True)
    ok = d1.subs(x, 0) == 0
    for xk in (sp.Rational(7, 10), sp.Rational(-2, 5)):
        ek = xk - 0
        rhs = d1.subs(x, xk) - ek * d2.subs(x, xk) + ek**2 / 2 * d3.subs(x, xi)
        ok &= _witness(rhs, xi, min(xk - ek, xk), max(xk - ek, xk))
    return ok


def _divided_expansion():
    """e_k - f'(x_k)/f''(x_k) = 1/2 e_k^2 f'''(xi)/f''(x_k) with the same witness xi (the row above over f'')."""
    f = x**4 / 4 + x**2 / 2
    d1, d2, d3 = (sp.diff(f, x, k) for k in (1, 2, 3))
    xi = sp.Symbol("xi", real=True)
    xk = sp.Rational(7, 10)
    rhs = xk - d1.subs(x, xk) / d2.subs(x, xk) - xk**2 / 2 * d3.subs(x, xi) / d2.subs(x, xk)
    return _witness(rhs, xi, 0, xk)


def _bound_with_first_derivative():
    """e_{k+1} <= e_k^2 f'''(xi_k) / f'(x_k) (as written, f' in the denominator) fails: f = x^2/2 + x^3/6 (convex on
    x > -1, x* = 0, f''(0) = 1), x_k = -1/2: e_{k+1} = 1/4, while f'''(xi) = 1 for every xi, f'(x_k) = -3/8, so the
    bound is (1/4)(1)/(-3/8) = -2/3 < 1/4."""
    f = x**2 / 2 + x**3 / 6
    d1, d2, d3 = (sp.diff(f, x, k) for k in (1, 2, 3))
    xk = sp.Rational(-1, 2)
    e_next = xk - d1.subs(x, xk) / d2.subs(x, xk)
    return bool(e_next <= xk**2 * d3 / d1.subs(x, xk))


def _quadratic_rate():
    """e_{k+1} <= c e_k^2 where |f'''(xi)/f''(x_k)| <= c: e_{k+1} = 1/2 e_k^2 f'''(xi)/f''(x_k) (the rows above), on
    f = x^4/4 + x^2/2 at x_k in a grid of (0, 1], c the largest |f'''/f''| over [0, 1] (checked on a fine grid)."""
    f = x**4 / 4 + x**2 / 2
    d1, d2, d3 = (sp.lambdify(x, sp.diff(f, x, k)) for k in (1, 2, 3))
    grid = np.linspace(0.0, 1.0, 2001)
    cbound = max(abs(d3(u)) / d2(v) for u in grid[::50] for v in grid[::50])
    xs = np.linspace(0.01, 1.0, 100)
    e_next = xs - d1(xs) / d2(xs)
    return bool(np.all(e_next <= cbound * xs**2 + TOL))


label(GD, 17, "claim", "right", "sympy: (f(x+eps) - f(x) - eps f'(x))/eps^2 has a finite limit as eps -> 0 for three "
      "smooth test functions", "f twice continuously differentiable", _taylor_first)
nonclaim(GD, 19, "condition", "the step size is positive", pick="\\eta > 0")
nonclaim(GD, 19, "definition", "the step chosen as eps = -eta f'(x)", pick="\\epsilon = -\\eta f'(x)")
label(GD, 21, "claim", "right", "sympy: the remainder over (eta f'(x))^2 has a finite limit as eta -> 0 (three test "
      "functions, two points with f'(x) != 0)", "f twice continuously differentiable", _taylor_step)
nonclaim(GD, 23, "condition", "f'(x) != 0", pick="f'(x) \\neq 0")
label(GD, 23, "claim", "right", "sympy: eta > 0 and f'(x) != 0 give eta f'(x)^2 > 0 (a product of positives)",
      "eta > 0, f'(x) != 0", lambda: sp.ask(sp.Q.positive(eta * c**2), sp.Q.positive(eta) & sp.Q.nonzero(c)
                                                & sp.Q.real(c)) is True, pick="\\eta f'^2(x)>0")
label(GD, 25, "claim", "right", "sympy: the series of f(x - eta f') - f(x) in eta starts with -eta f'(x)^2 < 0 "
      "(three test functions at x = 1/2)", "eta small, f'(x) != 0", _descent)
nonclaim(GD, 29, "update", "the gradient descent step (x is reassigned)")
nonclaim(GD, 31, "condition", "eta > 0")
nonclaim(GD, 33, "definition", "the objective f(x) = x^2", pick="f(x)=x^2")
nonclaim(GD, 33, "example", "x = 0 named as the minimiser", pick="x=0")
nonclaim(GD, 35, "example", "the initial value x = 10", pick="x=10")
nonclaim(GD, 35, "example", "eta = 0.2", pick="\\eta=0.2")
nonclaim(GD, 39, "example", "eta = 0.05", pick="\\eta = 0.05")
nonclaim(GD, 41, "example", "eta = 1.1", pick="\\eta=1.1")
nonclaim(GD, 41, "example", "x = 0 named as the optimal solution", pick="x=0")
nonclaim(GD, 45, "definition", "the nonconvex objective f(x) = x cos(cx)")
nonclaim(GD, 49, "condition", "x in R^d", pick="\\mathbf{x} \\in \\mathbb{R}^d")
nonclaim(GD, 51, "definition", "the gradient defined as the vector of partial derivatives")
label(GD, 55, "claim", "right", "sympy: f(x + eps) - f(x) - eps^T grad f(x) is O(|eps|^2) along two directions, for "
      "f = e^{x1} sin x2 + x1^2 x2 at (1/3, -1/2)", "f twice continuously differentiable", lambda: _multi_taylor(1))
nonclaim(GD, 57, "condition", "eta > 0")
nonclaim(GD, 59, "update", "the multivariate gradient descent step")
nonclaim(GD, 61, "definition", "the objective f(x) = x_1^2 + 2 x_2^2", pick="f(\\mathbf{x})=x_1^2+2x_2^2")
nonclaim(GD, 61, "definition", "x named as the vector (x_1, x_2)", pick="\\mathbf{x} = [x_1, x_2]^\\top")
label(GD, 61, "claim", "right", "sympy: the partial derivatives of x1^2 + 2 x2^2 are 2 x1 and 4 x2", "",
      _quadratic_gradient, pick="\\nabla f(\\mathbf{x}) = [2x_1, 4x_2]^\\top")
nonclaim(GD, 63, "example", "eta = 0.1")
label(GD, 74, "claim", "right", "sympy: f(x + eps) minus the second-order Taylor polynomial is O(|eps|^3) along two "
      "directions, for f = e^{x1} sin x2 + x1^2 x2 at (1/3, -1/2)", "f three times continuously differentiable",
      lambda: _multi_taylor(2))
nonclaim(GD, 76, "definition", "H_f defined as the Hessian", pick="H_f := \\nabla \\nabla^\\top f(\\mathbf{x})")
nonclaim(GD, 78, "condition", "the first-order condition at a minimum", pick="\\nabla f(\\mathbf{x}) = 0")
label(GD, 80, "claim", "right", "numpy: for a random positive definite H and g, the solution of g + H eps = 0 is "
      "-H^{-1} g", "H_f invertible", _newton_step)
nonclaim(GD, 85, "definition", "the objective f(x) = x^2/2", pick="f(x) = \\frac{1}{2} x^2")
label(GD, 85, "claim", "right", "sympy: d/dx x^2/2 = x", "f(x) = x^2/2", lambda: zero(sp.diff(_half_square, x) - x),
      pick="\\nabla f(x) = x")
label(GD, 85, "claim", "right", "sympy: d^2/dx^2 x^2/2 = 1", "f(x) = x^2/2",
      lambda: sp.diff(_half_square, x, 2) == 1, pick="H_f = 1")
label(GD, 85, "claim", "right", "sympy: -H_f^{-1} grad f = -x for f = x^2/2", "f(x) = x^2/2",
      lambda: zero(-sp.diff(_half_square, x) / sp.diff(_half_square, x, 2) + x), pick="\\epsilon = -x")
nonclaim(GD, 87, "definition", "the nonconvex objective f(x) = x cos(cx)", pick="f(x) = x \\cos(c x)")
nonclaim(GD, 89, "example", "eta = 0.5")
nonclaim(GD, 93, "condition", "f''(x*) > 0")
nonclaim(GD, 95, "definition", "e_k defined", pick="e_k := x_k - x^*")
nonclaim(GD, 95, "condition", "the minimiser's first-order condition", pick="f'(x^*) = 0")
label(GD, 97, "claim", "right", "sympy + mpmath: for f = x^4/4 + x^2/2 (x* = 0), x_k = 0.7 and -0.4, some xi between "
      "x_k - e_k and x_k solves the equation (sign change on a grid); the next sentence says 'for some xi_k'",
      "f three times differentiable, f'(x*) = 0; xi_k in [x_k - e_k, x_k]", _mean_value_taylor)
nonclaim(GD, 99, "condition", "xi_k in [x_k - e_k, x_k]", pick="\\xi_k \\in [x_k - e_k, x_k]")
nonclaim(GD, 99, "update", "the Newton update", pick="x_{k+1} = x_k - f'(x_k) / f''(x_k)")
label(GD, 101, "claim", "right", "sympy + mpmath: the equation above divided by f''(x_k); a witness xi in [0, x_k] "
      "exists for f = x^4/4 + x^2/2, x_k = 0.7", "f''(x_k) != 0; xi_k as above", _divided_expansion)
label(GD, 103, "claim", "wrong", "exact counterexample: f = x^2/2 + x^3/6, x_k = -1/2: e_{k+1} = 1/4 but "
      "e_k^2 f'''/f'(x_k) = -2/3 (the text means f''(x_k) and drops the 1/2)", "f convex near x*, f''(x*) > 0",
      _bound_with_first_derivative, pick="e_{k+1} \\leq e_k^2 f'''(\\xi_k) / f'(x_k)")
nonclaim(GD, 103, "condition", "the region where f'''/f'' is bounded by c", pick="f'''(\\xi_k) / f''(x_k) \\leq c")
label(GD, 103, "claim", "right", "numpy: f = x^4/4 + x^2/2, x_k on a grid of (0, 1]: e_{k+1} <= c e_k^2 with c the "
      "bound of |f'''/f''| on [0, 1]", "|f'''(xi)/f''(x_k)| <= c (c >= 0)", _quadratic_rate,
      pick="e_{k+1} \\leq c e_k^2")
nonclaim(GD, 105, "condition", "a linear rate named, not asserted")
nonclaim(GD, 112, "update", "the preconditioned gradient step")


# ---------------------------------------------------------------- d2l_convexity.md
CV = "d2l_convexity.md"


def _jensen():
    ok = True
    for f in CONVEX:
        fn = sp.lambdify(x, f, "numpy")
        for _ in range(50):
            alpha = RNG.dirichlet(np.ones(5))
            xs = RNG.uniform(-2, 2, 5)
            ok &= np.sum(alpha * fn(xs)) >= fn(np.sum(alpha * xs)) - TOL
    return bool(ok)


def _latent_jensen():
    """E_{y ~ P(y)}[-log P(x | y)] >= -log P(x) with P(x) = sum_y P(y) P(x | y): random discrete laws."""
    ok = True
    for _ in range(100):
        py = RNG.dirichlet(np.ones(4))
        px_y = RNG.dirichlet(np.ones(3), size=4)  # rows: y, columns: x
        px = py @ px_y
        ok &= np.all(py @ -np.log(px_y) >= -np.log(px) - TOL)
    return bool(ok)


def _marginal():
    """int P(y) P(x | y) dy = P(x): y ~ N(0, 1), x | y ~ N(y, 1), so x ~ N(0, 2) (mpmath quadrature)."""
    def normal(u, m, v):
        return mp.exp(-(u - m)**2 / (2 * v)) / mp.sqrt(2 * mp.pi * v)
    return all(abs(mp.quad(lambda y: normal(y, 0, 1) * normal(u, y, 1), [-mp.inf, mp.inf]) - normal(u, 0, 2)) < 1e-12
               for u in (mp.mpf("-1.3"), mp.mpf("0.4"), mp.mpf(2)))


def _no_local_minima_chain():
    """f(x) > lam f(x) + (1 - lam) f(x') >= f(lam x + (1 - lam) x') when f(x') < f(x), lam in [0, 1), f convex."""
    ok = True
    for f in CONVEX:
        fn, u, v, lam = _convex_pairs(f)
        lam = lam * 0.999
        keep = fn(v) < fn(u)
        u, v, lam = u[keep], v[keep], lam[keep]
        mid = lam * fn(u) + (1 - lam) * fn(v)
        ok &= np.all(fn(u) > mid) and np.all(mid >= fn(lam * u + (1 - lam) * v) - TOL)
    return bool(ok)


def _below_set(chain_only):
    """x, x' in S_b = {f <= b}: f(lam x + (1 - lam) x') <= lam f(x) + (1 - lam) f(x') <= b, so the point is in S_b."""
    ok = True
    for f in CONVEX:
        fn, u, v, lam = _convex_pairs(f)
        level = 3.0
        keep = (fn(u) <= level) & (fn(v) <= level)
        u, v, lam = u[keep], v[keep], lam[keep]
        point = fn(lam * u + (1 - lam) * v)
        mid = lam * fn(u) + (1 - lam) * fn(v)
        ok &= np.all(point <= mid + TOL) and np.all(mid <= level + TOL)
        if not chain_only:
            ok &= np.all(point <= level + TOL)
    return bool(ok)


def _identity_hessian():
    X = sp.Matrix(sp.symbols("x1:4", real=True))
    return sp.hessian((X.T * X)[0] / 2, X) == sp.eye(3)


def _directional(second):
    """g(z) = f(x + z v): g' = grad f^T v and g'' = v^T (Hessian f) v at z (sympy, a test f of two variables)."""
    x1, x2, z = sp.symbols("x1 x2 z", real=True)
    f = sp.exp(x1) * sp.sin(x2) + x1**3 * x2
    X, v = sp.Matrix([x1, x2]), sp.Matrix([sp.Rational(2, 3), -3])
    moved = {x1: x1 + z * v[0], x2: x2 + z * v[1]}
    g = f.subs(moved, simultaneous=True)
    if second:
        return zero(sp.diff(g, z, 2) - (v.T * sp.hessian(f, X) * v)[0].subs(moved, simultaneous=True))
    return zero(sp.diff(g, z) - (sp.Matrix([sp.diff(f, s) for s in X]).T * v)[0].subs(moved, simultaneous=True))


def _convex_second_derivative():
    return all(sp.simplify(sp.diff(f, x, 2)).is_nonnegative or
               min(float(sp.diff(f, x, 2).subs(x, u)) for u in np.linspace(-5, 5, 201)) >= 0 for f in CONVEX)


def _midpoint():
    ok = True
    for f in CONVEX:
        fn = sp.lambdify(x, f, "numpy")
        u, h = RNG.uniform(-2, 2, 200), RNG.uniform(-2, 2, 200)
        ok &= np.all(fn(u + h) / 2 + fn(u - h) / 2 >= fn((u + h) / 2 + (u - h) / 2) - TOL)
        ok &= np.allclose(fn((u + h) / 2 + (u - h) / 2), fn(u), atol=TOL)
    return bool(ok)


def _second_difference():
    ok = True
    for f in CONVEX:
        quotient = (f.subs(x, x + e) + f.subs(x, x - e) - 2 * f) / e**2
        ok &= zero(sp.limit(quotient, e, 0) - sp.diff(f, x, 2))
    return ok and _convex_second_derivative()


def _mean_value(f, lo, hi):
    s = sp.Symbol("s", real=True)
    return _witness(f.subs(x, hi) - f.subs(x, lo) - (hi - lo) * sp.diff(f, x).subs(x, s), s, lo, hi)


def _mvt_rows():
    """f(x) - f(a) = (x - a) f'(alpha) for some alpha in [a, x], and the same on [x, b] (convex test functions)."""
    pts = (sp.Rational(-3, 2), sp.Rational(-1, 2), sp.Rational(1))
    return all(_mean_value(f, pts[0], pts[1]) and _mean_value(f, pts[1], pts[2]) for f in CONVEX)


def _monotone_derivative():
    """f'' >= 0: f'(beta) >= f'(alpha) for alpha <= x <= beta."""
    ok = True
    for f in CONVEX:
        d = sp.lambdify(x, sp.diff(f, x), "numpy")
        lo, hi = np.sort(RNG.uniform(-2, 2, (2, 200)), axis=0)
        ok &= np.all(d(hi) >= d(lo) - TOL)
    return bool(ok)


def _mvt_chain():
    """f(b) - f(a) = f(b) - f(x) + f(x) - f(a) = (b - x) f'(beta) + (x - a) f'(alpha) >= (b - a) f'(alpha), with
    alpha, beta the mean value witnesses (found numerically) for f = e^x, a = -3/2, x = -1/2, b = 1."""
    f, (lo, mid, hi) = sp.exp(x), (-1.5, -0.5, 1.0)
    alpha = float(sp.log((sp.exp(mid) - sp.exp(lo)) / (mid - lo)))
    beta = float(sp.log((sp.exp(hi) - sp.exp(mid)) / (hi - mid)))
    fn = sp.lambdify(x, f)
    whole = fn(hi) - fn(lo)
    parts = (hi - mid) * np.exp(beta) + (mid - lo) * np.exp(alpha)
    return lo <= alpha <= mid <= beta <= hi and abs(whole - parts) < TOL and parts >= (hi - lo) * np.exp(alpha)


def _taylor_lagrange():
    """f(x + eps) = f(x) + eps f'(x) + eps^2/2 f''(x + xi) for some xi in [0, eps] (e^x, log(1 + e^x))."""
    s = sp.Symbol("s", real=True)
    ok = True
    for f in (sp.exp(x), sp.log(1 + sp.exp(x))):
        for u, h in ((sp.Rational(1, 3), sp.Rational(1, 2)), (sp.Rational(-1), sp.Rational(3, 2))):
            rhs = f.subs(x, u) + h * sp.diff(f, x).subs(x, u) + h**2 / 2 * sp.diff(f, x, 2).subs(x, u + s)
            ok &= _witness(f.subs(x, u + h) - rhs, s, 0, h)
    return ok


def _nonexpansive():
    """Projection onto the unit l2 ball never increases distances (random pairs in R^3)."""
    def proj(p):
        return p / max(1.0, np.linalg.norm(p))
    pairs = RNG.normal(scale=2.0, size=(500, 2, 3))
    return all(np.linalg.norm(p - q) >= np.linalg.norm(proj(p) - proj(q)) - TOL for p, q in pairs)


nonclaim(CV, 18, "condition", "a, b in X", pick="a, b \\in X")
nonclaim(CV, 18, "condition", "lambda in [0, 1]", pick="\\lambda \\in [0, 1]")
nonclaim(CV, 20, "definition", "defines a convex set")
nonclaim(CV, 24, "condition", "a, b in the intersection")
nonclaim(CV, 27, "condition", "a in X", pick="a \\in X")
nonclaim(CV, 27, "condition", "b in Y", pick="b \\in Y")
nonclaim(CV, 33, "condition", "x, x' in X", pick="x, x' \\in X")
nonclaim(CV, 33, "condition", "lambda in [0, 1]", pick="\\lambda \\in [0, 1]")
nonclaim(CV, 35, "definition", "defines a convex function")
label(CV, 47, "claim", "right", "numpy: sum a_i f(x_i) >= f(sum a_i x_i) for random weights on the simplex and four "
      "convex test functions (the expectation form is the same inequality for a discrete law)",
      "f convex, alpha_i >= 0, sum alpha_i = 1", _jensen)
label(CV, 57, "claim", "right", "numpy: random discrete P(y), P(x | y): E_y[-log P(x | y)] >= -log sum_y P(y) P(x | y)",
      "P(x) the marginal of x", _latent_jensen)
label(CV, 59, "claim", "right", "mpmath quadrature: y ~ N(0, 1), x | y ~ N(y, 1): int P(y) P(x | y) dy = N(x; 0, 2) at "
      "three points (|difference| < 1e-12)", "", _marginal)
nonclaim(CV, 67, "condition", "x in X", pick="x \\in X")
nonclaim(CV, 67, "condition", "x' in X", pick="x' \\in X")
nonclaim(CV, 67, "condition", "f(x') < f(x) assumed", pick="f(x') < f(x)")
nonclaim(CV, 67, "condition", "lambda in [0, 1)", pick="\\lambda \\in [0, 1)")
label(CV, 69, "claim", "right", "numpy: random pairs with f(x') < f(x), lambda in [0, 1), four convex test functions",
      "f convex, f(x') < f(x), lambda in [0, 1)", _no_local_minima_chain)
nonclaim(CV, 71, "definition", "an example function", pick="f(x) = (x+1) (x-1)^2")
nonclaim(CV, 71, "example", "the point x = 1", pick="x=1")
nonclaim(CV, 73, "definition", "an example function", pick="f(x) = \\mathrm{max}(|x|-1, 0)")
nonclaim(CV, 73, "definition", "an example function", pick="f(x) = \\exp(x)")
nonclaim(CV, 73, "equation", "an equation with no solution (there is no x with f(x) = 0)", pick="f(x) = 0")
nonclaim(CV, 79, "definition", "defines the below-set S_b")
nonclaim(CV, 81, "condition", "x, x' in S_b", pick="x, x' \\in S_b")
label(CV, 81, "claim", "right", "numpy: random pairs in {f <= 3} of four convex test functions: the convex combination "
      "stays in the set", "f convex, x, x' in S_b, lambda in [0, 1]", lambda: _below_set(False),
      pick="\\lambda x + (1-\\lambda) x' \\in S_b")
nonclaim(CV, 81, "condition", "lambda in [0, 1]", pick="\\lambda \\in [0, 1]")
label(CV, 81, "claim", "right", "numpy: the same pairs satisfy both inequalities of the chain",
      "f convex, x, x' in S_b (f <= b there), lambda in [0, 1]", lambda: _below_set(True),
      pick="f(\\lambda x + (1-\\lambda) x') \\leq \\lambda f(x) + (1-\\lambda) f(x') \\leq b")
nonclaim(CV, 83, "definition", "an example function of two variables")
nonclaim(CV, 87, "definition", "the example f(x) = ||x||^2 / 2", pick="f(\\mathbf{x}) = \\frac{1}{2} \\|\\mathbf{x}\\|^2_2")
label(CV, 87, "claim", "right", "sympy: the Hessian of x^T x / 2 in R^3 is the identity (the text's bold 1)",
      "f(x) = ||x||^2 / 2", _identity_hessian, pick="\\partial_{\\mathbf{x}}^2 f = \\mathbf{1}")
nonclaim(CV, 89, "definition", "g defined from f along the direction v", pick="g(z) = f(\\mathbf{x} + z \\cdot \\mathbf{v})")
label(CV, 89, "claim", "right", "sympy: d/dz f(x + z v) = grad f(x + z v)^T v for a test f of two variables", "",
      lambda: _directional(False), pick="g' = (\\partial_{\\mathbf{x}} f)^\\top \\mathbf{v}")
label(CV, 89, "claim", "right", "sympy: d^2/dz^2 f(x + z v) = v^T H_f(x + z v) v for a test f of two variables", "",
      lambda: _directional(True), pick="g'' = \\mathbf{v}^\\top (\\partial^2_{\\mathbf{x}} f) \\mathbf{v}")
nonclaim(CV, 89, "condition", "g'' >= 0 for all v (positive semidefinite Hessian)", pick="g'' \\geq 0")
label(CV, 91, "claim", "right", "sympy: f'' >= 0 for the convex test functions (symbolically or on a grid of [-5, 5])",
      "f convex and twice differentiable", _convex_second_derivative)
label(CV, 93, "claim", "right", "numpy: f(x+h)/2 + f(x-h)/2 >= f(x) and the argument is x, four convex test functions",
      "f convex", _midpoint)
label(CV, 97, "claim", "right", "sympy: the symmetric second difference quotient tends to f'' (four test functions), "
      "which is >= 0 for convex f", "f convex, twice differentiable", _second_difference)
nonclaim(CV, 99, "condition", "f'' >= 0 assumed", pick="f'' \\geq 0")
nonclaim(CV, 99, "condition", "a < x < b", pick="a < x < b")
label(CV, 101, "claim", "right", "mpmath: for four convex test functions on [-3/2, -1/2] and [-1/2, 1] a mean value "
      "witness exists (sign change of the equation in alpha on a grid)", "f differentiable; alpha in [a, x], beta in "
      "[x, b] ('for some')", _mvt_rows)
label(CV, 106, "claim", "right", "numpy: f' is nondecreasing for four convex test functions (random ordered pairs)",
      "f'' >= 0, alpha <= x <= beta", _monotone_derivative)
label(CV, 108, "claim", "right", "numpy: e^x on a = -3/2, x = -1/2, b = 1 with its mean value witnesses alpha, beta: the "
      "equalities hold and the bound holds", "f'' >= 0; alpha, beta the witnesses above", _mvt_chain)
nonclaim(CV, 120, "no-claim", "states an optimization problem")
nonclaim(CV, 124, "definition", "the constraint c_1 defined", pick="c_1(\\mathbf{x}) = \\|\\mathbf{x}\\|_2 - 1")
nonclaim(CV, 124, "definition", "the constraint c_2 defined", pick="c_2(\\mathbf{x}) = \\mathbf{v}^\\top \\mathbf{x} + b")
nonclaim(CV, 132, "definition", "the Lagrange function defined")
nonclaim(CV, 134, "condition", "the constraints", pick="c_i(\\mathbf{x}) \\leq 0")
nonclaim(CV, 134, "condition", "an inactive constraint", pick="c_i(\\mathbf{x}) < 0")
nonclaim(CV, 134, "example", "alpha_i = 0 picked", pick="\\alpha_i = 0")
nonclaim(CV, 138, "condition", "the constraints", pick="c_i(\\mathbf{x}) \\leq 0")
nonclaim(CV, 140, "condition", "a norm constraint", pick="\\|\\mathbf{w}\\|^2 - r^2 \\leq 0")
nonclaim(CV, 148, "update", "gradient clipping (g is reassigned)")
nonclaim(CV, 152, "definition", "the projection defined")
nonclaim(CV, 173, "condition", "p >= 1", pick="p \\geq 1")
nonclaim(CV, 176, "definition", "the log-sum-exp function named (an exercise)")
nonclaim(CV, 178, "condition", "b = 0 (an exercise's case)")
label(CV, 179, "claim", "right", "mpmath: a witness xi in [0, eps] exists for e^x and log(1 + e^x) at two (x, eps) "
      "pairs (sign change on a grid)", "f twice differentiable; xi in [0, eps] ('for some')", _taylor_lagrange,
      pick="f(x + \\epsilon) = f(x) + \\epsilon f'(x) + \\frac{1}{2} \\epsilon^2 f''(x + \\xi)")
nonclaim(CV, 179, "condition", "xi in [0, eps]", pick="\\xi \\in [0, \\epsilon]")
nonclaim(CV, 180, "condition", "w in R^d", pick="\\mathbf{w} \\in \\mathbb{R}^d")
nonclaim(CV, 180, "condition", "||w||_1 > 1", pick="\\|\\mathbf{w}\\|_1 > 1")
nonclaim(CV, 181, "condition", "lambda > 0")
label(CV, 183, "claim", "right", "numpy: projection onto the unit l2 ball, 500 random pairs in R^3", "X convex",
      _nonexpansive, pick="\\|\\mathbf{x} - \\mathbf{y}\\| \\geq \\|\\mathrm{Proj}_X(\\mathbf{x}) - \\mathrm{Proj}_X(\\mathbf{y})\\|")
nonclaim(CV, 29, "definition", "a ball of radius r written as a set")
nonclaim(CV, 173, "definition", "the p-norm ball defined",
         pick="B_p[r] := \\{\\mathbf{x} | \\mathbf{x} \\in \\mathbb{R}^d \\text{ and } \\|\\mathbf{x}\\|_p \\leq r\\}")
nonclaim(CV, 177, "definition", "a linear subspace written as a set")


# ---------------------------------------------------------------- d2l_bptt.md
BP = "d2l_bptt.md"


def _shared_weight_chain():
    """d/dw l(y_t, o_t) with o_t = g(h_t, w), h_t = f(x_t, h_{t-1}, w): the text's dl/do_t * d_w g * d_w h_t against
    the chain rule dl/do_t (d_w g + d_h g d_w h_t), for f = w h + x, g = w h, l = (y - o)^2, one step from h_0 = 1."""
    w, xx, y, h0 = sp.symbols("w x y h0", real=True)
    h1 = w * h0 + xx
    o1 = w * h1
    loss = (y - o1)**2
    o, h = sp.symbols("o h", real=True)
    written = sp.diff((y - o)**2, o).subs(o, o1) * sp.diff(w * h, w).subs(h, h1) * sp.diff(h1, w)
    values = {w: sp.Rational(1, 2), xx: 2, y: 1, h0: 1}
    return zero((sp.diff(loss, w) - written).subs(values))


def _unrolled_recursion():
    """d_w h_t for h_t = a h_{t-1} + b w x_t (d_h f = a, d_w f = b x_t) against the text's sum over i of
    [prod_{j=t}^{i} d_h f] d_w f(x_i, ...), i.e. sum_i a^(t-i+1) b x_i, at t = 3 with a = 1/2."""
    w, bb = sp.symbols("w b", real=True)
    xs = sp.symbols("x1:4", real=True)
    aa, h = sp.Rational(1, 2), sp.Integer(0)
    for k in range(3):
        h = aa * h + bb * w * xs[k]
    written = sum(aa**(3 - i + 1) * bb * xs[i - 1] for i in range(1, 4))
    return zero(sp.diff(h, w) - written)


def _randomized_mean():
    p = sp.Symbol("pi", positive=True)
    return zero(0 * (1 - p) + (1 / p) * p - 1)


class _LinearRNN:
    """h_t = W_hx x_t + W_hh h_{t-1}, o_t = W_qh h_t, l = |o_t - y_t|^2 / 2, L = (1/T) sum_t l; finite differences
    (central, step 1e-6) give the reference gradients."""

    def __init__(self, T=4, d=3, hdim=4, q=2):
        self.T = T
        self.Whx, self.Whh = RNG.normal(size=(hdim, d)), RNG.normal(size=(hdim, hdim)) * 0.5
        self.Wqh = RNG.normal(size=(q, hdim))
        self.x, self.y = RNG.normal(size=(T + 1, d)), RNG.normal(size=(T + 1, q))
        self.h0 = RNG.normal(size=hdim)

    def states(self, Whx=None, Whh=None, bump=None):
        Whx = self.Whx if Whx is None else Whx
        Whh = self.Whh if Whh is None else Whh
        hs = [self.h0]
        for t in range(1, self.T + 1):
            h = Whx @ self.x[t] + Whh @ hs[-1]
            if bump is not None and bump[0] == t:
                h = h + bump[1]
            hs.append(h)
        return hs

    def loss(self, Wqh=None, **kw):
        Wqh = self.Wqh if Wqh is None else Wqh
        hs = self.states(**kw)
        return sum(0.5 * np.sum((Wqh @ hs[t] - self.y[t])**2) for t in range(1, self.T + 1)) / self.T

    def dL_do(self, t):
        return (self.Wqh @ self.states()[t] - self.y[t]) / self.T

    def numeric(self, name, shape, **fixed):
        grad, step = np.zeros(shape), 1e-6
        for idx in np.ndindex(*shape):
            delta = np.zeros(shape)
            delta[idx] = step
            if name == "h":
                up, down = self.loss(bump=(fixed["t"], delta)), self.loss(bump=(fixed["t"], -delta))
            else:
                base = getattr(self, name)
                up, down = self.loss(**{name: base + delta}), self.loss(**{name: base - delta})
            grad[idx] = (up - down) / (2 * step)
        return grad

    def dL_dh(self, t):
        return self.numeric("h", self.h0.shape, t=t)


FD_TOL = 1e-6
"""Central differences with step 1e-6 on values of order 1-10: truncation error ~1e-12, rounding ~1e-10."""
_rnn = _LinearRNN()


def _bp_output_gradient():
    T, hs = _rnn.T, _rnn.states()
    formula = sum(np.outer(_rnn.dL_do(t), hs[t]) for t in range(1, T + 1))
    return np.allclose(_rnn.numeric("Wqh", _rnn.Wqh.shape), formula, atol=FD_TOL)


def _bp_last_hidden():
    return np.allclose(_rnn.dL_dh(_rnn.T), _rnn.Wqh.T @ _rnn.dL_do(_rnn.T), atol=FD_TOL)


def _bp_hidden_recursion():
    return all(np.allclose(_rnn.dL_dh(t), _rnn.Whh.T @ _rnn.dL_dh(t + 1) + _rnn.Wqh.T @ _rnn.dL_do(t), atol=FD_TOL)
               for t in range(1, _rnn.T))


def _bp_hidden_unrolled():
    T = _rnn.T
    ok = True
    for t in range(1, T + 1):
        formula = sum(np.linalg.matrix_power(_rnn.Whh.T, T - i) @ _rnn.Wqh.T @ _rnn.dL_do(T + t - i)
                      for i in range(t, T + 1))
        ok &= np.allclose(_rnn.dL_dh(t), formula, atol=FD_TOL)
    return ok


def _bp_hidden_weights():
    T, hs = _rnn.T, _rnn.states()
    whx = sum(np.outer(_rnn.dL_dh(t), _rnn.x[t]) for t in range(1, T + 1))
    whh = sum(np.outer(_rnn.dL_dh(t), hs[t - 1]) for t in range(1, T + 1))
    return (np.allclose(_rnn.numeric("Whx", _rnn.Whx.shape), whx, atol=FD_TOL)
            and np.allclose(_rnn.numeric("Whh", _rnn.Whh.shape), whh, atol=FD_TOL))


def _bp_output_layer():
    """dL/do_t = dl(o_t, y_t)/do_t / T: sympy, L = (1/T) sum_t (o_t - y_t)^2 with T = 3."""
    o, y = sp.symbols("o1:4", real=True), sp.symbols("y1:4", real=True)
    L = sum((o[k] - y[k])**2 for k in range(3)) / 3
    return all(zero(sp.diff(L, o[k]) - sp.diff((o[k] - y[k])**2, o[k]) / 3) for k in range(3))


nonclaim(BP, 45, "definition", "the recurrent model defined (h_t and o_t)")
nonclaim(BP, 49, "definition", "the objective defined")
label(BP, 53, "claim", "wrong", "sympy: f = w h + x, g = w h, l = (y - o)^2, one step: dl/dw = -3 at (w, x, y, h0) = "
      "(1/2, 2, 1, 1), the written product gives -15/4 (the chain rule needs d_w g + d_h g d_w h_t, the text "
      "writes d_w g d_w h_t)", "o_t = g(h_t, w), h_t = f(x_t, h_{t-1}, w)", _shared_weight_chain)
label(BP, 60, "claim", "wrong", "sympy: h_t = a h_{t-1} + b w x_t, t = 3: d_w h_3 = b sum_i a^(3-i) x_i, the written sum "
      "has a^(3-i+1) (the product over j = t..i includes j = i; it should stop at i + 1)",
      "h_t = f(x_t, h_{t-1}, w)", _unrolled_recursion)
label(BP, 89, "claim", "right", "sympy: 0 (1 - pi) + pi^{-1} pi = 1", "P(xi = 0) = 1 - pi, P(xi = 1/pi) = pi",
      _randomized_mean, pick="\\mathbf{E}[\\xi_t] = 1")
nonclaim(BP, 89, "definition", "the law of xi_t", pick="\\Pr(\\xi_t = 0) = 1-\\pi")
nonclaim(BP, 90, "definition", "the law of xi_t")
nonclaim(BP, 92, "definition", "z_t defined")
label(BP, 94, "claim", "right", "sympy: E[z_t] = d_w f + E[xi_t] d_h f d_w h_{t-1} = d_w h_t with E[xi_t] = 1 (the "
      "recursion at line 60's first row)", "E[xi_t] = 1", _randomized_mean, pick="\\mathbf{E}[z_t] = \\partial_w h_t")
nonclaim(BP, 94, "example", "xi_t = 0", pick="\\xi_t = 0")
nonclaim(BP, 98, "definition", "identity activation", pick="\\phi(x)=x")
nonclaim(BP, 98, "condition", "x_t in R^d", pick="\\mathbf{x}_t \\in \\mathbb{R}^d")
nonclaim(BP, 98, "condition", "h_t in R^h", pick="\\mathbf{h}_t \\in \\mathbb{R}^h")
nonclaim(BP, 100, "definition", "the hidden state recurrence defined")
for _pick in ("\\mathbf{W}_{hx} \\in \\mathbb{R}^{h \\times d}", "\\mathbf{W}_{hh} \\in \\mathbb{R}^{h \\times h}",
              "\\mathbf{W}_{qh} \\in \\mathbb{R}^{q \\times h}", "\\mathbf{o}_t \\in \\mathbb{R}^q"):
    nonclaim(BP, 102, "condition", "a shape", pick=_pick)
nonclaim(BP, 104, "definition", "the output defined")
nonclaim(BP, 108, "definition", "the loss defined")
nonclaim(BP, 123, "condition", "a shape")
label(BP, 125, "claim", "right", "sympy: L = (1/3) sum_t (o_t - y_t)^2: dL/do_t = (dl/do_t)/3", "L = (1/T) sum l",
      _bp_output_layer)
nonclaim(BP, 127, "condition", "a shape", pick="\\partial L/\\partial \\mathbf{W}_{qh} \\in \\mathbb{R}^{q \\times h}")
label(BP, 129, "claim", "right", "numpy: a random linear RNN (T = 4) with squared loss, central differences: dL/dW_qh = "
      "sum_t dL/do_t h_t^T (tolerance 1e-6)", "the model above", _bp_output_gradient)
nonclaim(BP, 137, "condition", "a shape", pick="\\partial L/\\partial \\mathbf{h}_T \\in \\mathbb{R}^h")
label(BP, 139, "claim", "right", "numpy: the same RNN, dL/dh_T by central differences = W_qh^T dL/do_T",
      "the model above", _bp_last_hidden)
nonclaim(BP, 145, "condition", "t < T")
nonclaim(BP, 147, "condition", "t < T", pick="t < T")
nonclaim(BP, 147, "condition", "a shape", pick="\\partial L/\\partial \\mathbf{h}_t \\in \\mathbb{R}^h")
label(BP, 150, "claim", "right", "numpy: the same RNN, dL/dh_t = W_hh^T dL/dh_{t+1} + W_qh^T dL/do_t for t < T",
      "the model above, t < T", _bp_hidden_recursion)
nonclaim(BP, 157, "condition", "1 <= t <= T")
label(BP, 159, "claim", "right", "numpy: the same RNN, dL/dh_t = sum_{i=t}^T (W_hh^T)^(T-i) W_qh^T dL/do_{T+t-i} for "
      "every t", "the model above", _bp_hidden_unrolled)
nonclaim(BP, 164, "condition", "a shape", pick="\\partial L / \\partial \\mathbf{W}_{hx} \\in \\mathbb{R}^{h \\times d}")
nonclaim(BP, 164, "condition", "a shape", pick="\\partial L / \\partial \\mathbf{W}_{hh} \\in \\mathbb{R}^{h \\times h}")
label(BP, 168, "claim", "right", "numpy: the same RNN, central differences: dL/dW_hx = sum_t dL/dh_t x_t^T and "
      "dL/dW_hh = sum_t dL/dh_t h_{t-1}^T", "the model above", _bp_hidden_weights)
nonclaim(BP, 182, "example", "the time steps t = 0..T-1")


# ---------------------------------------------------------------- math4ml_hpi_ridge_taylor.md
MR = "math4ml_hpi_ridge_taylor.md"
_n, _d = 6, 3
_X, _y = RNG.normal(size=(_n, _d)), RNG.normal(size=_n)
_w, _lam = RNG.normal(size=_d), 0.7


def _ridge(w):
    return 0.5 * np.sum((_y - _X @ w)**2) + _lam / 2 * np.sum(w**2)


def _ridge_gradient():
    step = 1e-6
    numeric = np.array([(_ridge(_w + step * u) - _ridge(_w - step * u)) / (2 * step) for u in np.eye(_d)])
    return np.allclose(numeric, -_X.T @ (_y - _X @ _w) + _lam * _w, atol=FD_TOL)


def _expanded_gradient():
    return np.allclose(-_X.T @ (_y - _X @ _w) + _lam * _w, -_X.T @ _y + _X.T @ _X @ _w + _lam * _w, atol=TOL)


def _ridge_solution():
    """(X^T X + lam I)^{-1} X^T y zeroes the gradient (so it solves the rows of the derivation) and minimises f."""
    w = np.linalg.inv(_X.T @ _X + _lam * np.eye(_d)) @ _X.T @ _y
    gradient = -_X.T @ (_y - _X @ w) + _lam * w
    return np.allclose(gradient, 0, atol=TOL) and all(_ridge(w) <= _ridge(w + 1e-3 * RNG.normal(size=_d))
                                                      for _ in range(50))


def _ridge_rows(row):
    """The rows of the derivation, at the solution w*: each equation holds there (they are equivalent steps)."""
    w = np.linalg.solve(_X.T @ _X + _lam * np.eye(_d), _X.T @ _y)
    lhs = {41: -_X.T @ _y + _X.T @ _X @ w + _lam * w, 47: _X.T @ _X @ w + _lam * w,
           53: (_X.T @ _X + _lam * np.eye(_d)) @ w}[row]
    rhs = np.zeros(_d) if row == 41 else _X.T @ _y
    return np.allclose(lhs, rhs, atol=TOL)


def _quadratic_minimiser():
    m = RNG.normal(size=(4, 4))
    A, bvec, w = m @ m.T + np.eye(4), RNG.normal(size=4), RNG.normal(size=4)

    def f(v):
        return 0.5 * v @ A @ v - bvec @ v
    step = 1e-6
    numeric = np.array([(f(w + step * u) - f(w - step * u)) / (2 * step) for u in np.eye(4)])
    star = np.linalg.inv(A) @ bvec
    return np.allclose(numeric, A @ w - bvec, atol=FD_TOL) and np.allclose(A @ star - bvec, 0, atol=TOL)


def _expanded_norm(row):
    w = _w
    full = _ridge(w)
    if row == 124:
        return abs(full - (0.5 * (_y - _X @ w) @ (_y - _X @ w) + _lam / 2 * w @ w)) < TOL
    if row == 128:
        return abs(full - (0.5 * (_y @ _y - 2 * _y @ _X @ w + w @ _X.T @ _X @ w) + _lam / 2 * w @ w)) < TOL
    # 134: equal up to the dropped constant y^T y / 2, at several w
    others = [RNG.normal(size=_d) for _ in range(5)]
    quad = [0.5 * v @ (_X.T @ _X + _lam * np.eye(_d)) @ v - v @ _X.T @ _y for v in [w] + others]
    return all(abs(_ridge(v) - q - 0.5 * _y @ _y) < TOL for v, q in zip([w] + others, quad))


_f_test = sp.exp(x)
"""The test function of the single-variable Taylor statements (a = 0, x = 1, n = 2 unless said)."""


def _T(f, n, at):
    return sum(sp.diff(f, x, k).subs(x, 0) / sp.factorial(k) * at**k for k in range(n + 1))


def _lagrange_witness(f=_f_test, n=2, point=sp.Integer(1)):
    xi = sp.Symbol("xi", real=True)
    remainder = f.subs(x, point) - _T(f, n, point)
    return _witness(remainder - sp.diff(f, x, n + 1).subs(x, xi) / sp.factorial(n + 1) * point**(n + 1), xi, 0,
                    float(point))


def _big_o():
    return all(_o_term(f - _T(f, 2, x), x, 3) for f in TEST_FUNCTIONS)


def _remainder_bound():
    """|R_2(x)| <= C |x|^2 near 0 for e^x, n = 1: C = e/2 on |x| <= 1 (a grid of 2001 points)."""
    grid = np.linspace(-1, 1, 2001)
    return bool(np.all(np.abs(np.exp(grid) - 1 - grid) <= np.e / 2 * grid**2 + TOL))


def _phi_rows(row):
    """phi(t) = f(t) - T_n(t) - f^{(n+1)}(x)/(n+1)! (t - a)^{n+1} with f = e^t, a = 0, n = 2, x = 1 (sympy)."""
    n, X0 = 2, sp.Integer(1)
    T_t = _T(_f_test, n, t).subs(x, t)
    coeff = sp.diff(_f_test, x, n + 1).subs(x, X0) / sp.factorial(n + 1)
    phi = _f_test.subs(x, t) - T_t - coeff * t**(n + 1)
    R = _f_test.subs(x, X0) - T_t.subs(t, X0)
    checks = {
        248: zero(phi.subs(t, 0)) and zero(_f_test.subs(x, 0) - T_t.subs(t, 0)),
        249: zero(phi.subs(t, X0) - (_f_test.subs(x, X0) - T_t.subs(t, X0) - coeff * X0**(n + 1))),
        251: zero(phi.subs(t, X0) - (R - coeff * X0**(n + 1))),
        271: zero(phi.subs(t, 0)) and zero((t**(n + 1)).subs(t, 0)),
        281: zero(phi.subs(t, X0) - phi.subs(t, 0) - (R - coeff * X0**(n + 1))),
        282: zero((t**(n + 1)).subs(t, X0) - (t**(n + 1)).subs(t, 0) - X0**(n + 1)),
        292: zero(sp.diff(phi, t) - (sp.exp(t) - sp.diff(T_t, t) - coeff * (n + 1) * t**n)),
        294: zero(sp.diff(T_t, t) - sum(sp.diff(_f_test, x, k).subs(x, 0) / sp.factorial(k - 1) * t**(k - 1)
                                       for k in range(1, n + 1))),
    }
    return checks[row]


def _cauchy_witness(row):
    """Cauchy's mean value theorem on [0, 1] with f = e^t, a = 0, n = 2: a witness xi in (0, 1) exists for the
    written equation (sign change on a grid)."""
    n, X0, xi = 2, sp.Integer(1), sp.Symbol("xi", real=True)
    T_t = _T(_f_test, n, t).subs(x, t)
    coeff = sp.diff(_f_test, x, n + 1).subs(x, X0) / sp.factorial(n + 1)
    phi = _f_test.subs(x, t) - T_t - coeff * t**(n + 1)
    h = _f_test.subs(x, t) - T_t
    g = t**(n + 1)
    R = _f_test.subs(x, X0) - T_t.subs(t, X0)
    if row == 277:
        F, G = phi, g
        eq = (F.subs(t, X0) - F.subs(t, 0)) * sp.diff(G, t).subs(t, xi) - sp.diff(F, t).subs(t, xi) * (
            G.subs(t, X0) - G.subs(t, 0))
    elif row == 286:
        eq = (R - coeff * X0**(n + 1)) / X0**(n + 1) * (n + 1) * xi**n - sp.diff(phi, t).subs(t, xi)
    elif row == 319:
        eq = h.subs(t, X0) * sp.diff(g, t).subs(t, xi) - sp.diff(h, t).subs(t, xi) * g.subs(t, X0)
    else:  # 331
        eq = R / X0**(n + 1) - sp.diff(_f_test, x, n + 1).subs(x, xi) / sp.factorial(n + 1)
    return _witness(eq, xi, 1e-9, 1)


def _known_identity():
    """h'(xi) = f^{(n+1)}(xi) (xi - a)^n / n! with h = f - T_n: f = e^t, a = 0, n = 1: h'(t) = e^t - 1, the written
    right side e^t t; they differ for every t != 0, in particular at the mean value witness of the row above."""
    xi = sp.Symbol("xi", real=True)
    hprime = sp.exp(xi) - 1
    written = sp.exp(xi) * xi
    return all(zero((hprime - written).subs(xi, u)) for u in (sp.Rational(1, 4), sp.Rational(1, 2), sp.Rational(3, 4)))


def _multi_lagrange(third):
    """f(x) = f(x0) + grad^T d + 1/2 d^T H(xi) d [+ third-order term at x0 ... with the third derivatives at xi] for
    some xi on the segment: f = e^{x1} sin x2 + x1^2 x2, x0 = (0, 0), x = (1/2, 1/3): a witness tau in (0, 1)."""
    x1, x2, tau = sp.symbols("x1 x2 tau", real=True)
    f = sp.exp(x1) * sp.sin(x2) + x1**2 * x2
    X = sp.Matrix([x1, x2])
    d = sp.Matrix([sp.Rational(1, 2), sp.Rational(1, 3)])
    at0 = {x1: 0, x2: 0}
    xi = {x1: tau * d[0], x2: tau * d[1]}
    grad = sp.Matrix([sp.diff(f, v) for v in X])
    base = f.subs(at0) + (grad.subs(at0).T * d)[0]
    if not third:
        rhs = base + (d.T * sp.hessian(f, X).subs(xi) * d)[0] / 2
    else:
        third_term = sum(sp.diff(f, X[i], X[j], X[k]).subs(xi) * d[i] * d[j] * d[k]
                         for i in range(2) for j in range(2) for k in range(2)) / 6
        rhs = base + (d.T * sp.hessian(f, X).subs(at0) * d)[0] / 2 + third_term
    return _witness(f.subs({x1: d[0], x2: d[1]}) - rhs, tau, 0, 1)


def _path_derivatives(row):
    """g(t) = f(x0 + t (x - x0)): g' and g'' by the chain rule (sympy, the test f, x0 = (1/3, -1), x = (2, 1/2))."""
    x1, x2 = sp.symbols("x1 x2", real=True)
    f = sp.exp(x1) * sp.sin(x2) + x1**2 * x2
    X = sp.Matrix([x1, x2])
    x0, xe = sp.Matrix([sp.Rational(1, 3), -1]), sp.Matrix([2, sp.Rational(1, 2)])
    d = xe - x0
    on_path = {x1: x0[0] + t * d[0], x2: x0[1] + t * d[1]}
    g = f.subs(on_path)
    grad = sp.Matrix([sp.diff(f, v) for v in X])
    if row in (538, 557):
        at = on_path if row == 538 else {x1: x0[0], x2: x0[1]}
        return zero(sp.diff(g, t).subs(t, 0 if row == 557 else t) - (grad.subs(at).T * d)[0])
    if row in (544, 558):
        return zero(sp.diff(g, t, 2) - (d.T * sp.hessian(f, X).subs(on_path) * d)[0])
    if row == 556:
        return zero(g.subs(t, 0) - f.subs({x1: x0[0], x2: x0[1]}))
    # 550: g(1) = g(0) + g'(0) + g''(tau)/2 for some tau in (0, 1)
    tau = sp.Symbol("tau", real=True)
    eq = g.subs(t, 1) - g.subs(t, 0) - sp.diff(g, t).subs(t, 0) - sp.diff(g, t, 2).subs(t, tau) / 2
    return _witness(eq, tau, 0, 1)


def _first_order_approx(order):
    """f(x) ~ its Taylor polynomial of the given order at x0: the error is O(|x - x0|^(order+1)) (the test f)."""
    return _multi_taylor(order)


nonclaim(MR, 20, "definition", "the ridge objective defined")
label(MR, 29, "claim", "right", "numpy: central differences of f at a random w (X 6x3, lambda = 0.7) against "
      "-X^T (y - X w) + lambda w (tolerance 1e-6)", "f as defined above", _ridge_gradient)
nonclaim(MR, 35, "equation", "the gradient set to zero (the equation to solve)")
label(MR, 41, "claim", "right", "numpy: the expansion -X^T(y - Xw) + lambda w = -X^T y + X^T X w + lambda w at a random "
      "w, and the row holds at the solution w*", "the equation of step 1", lambda: _expanded_gradient()
      and _ridge_rows(41))
label(MR, 47, "claim", "right", "numpy: the row holds at the solution w* (an equivalent rearrangement of step 2)",
      "the equation of step 2", lambda: _ridge_rows(47))
label(MR, 53, "claim", "right", "numpy: the row holds at w* (lambda w = lambda I w)", "the equation of step 3",
      lambda: _ridge_rows(53))
nonclaim(MR, 61, "condition", "lambda > 0")
label(MR, 63, "claim", "right", "numpy: (X^T X + lambda I)^{-1} X^T y zeroes the gradient and no random nearby w has a "
      "lower f", "lambda > 0", _ridge_solution)
nonclaim(MR, 77, "definition", "the model (an approximation the fit makes)")
nonclaim(MR, 84, "definition", "the tanh basis functions defined")
nonclaim(MR, 90, "example", "hyperparameter values")
nonclaim(MR, 102, "definition", "the quadratic objective defined")
nonclaim(MR, 106, "condition", "A a d x d matrix", pick="\\mathbf{A} \\in \\mathbb{R}^{d \\times d}")
nonclaim(MR, 106, "condition", "b in R^d", pick="\\mathbf{b} \\in \\mathbb{R}^d")
label(MR, 108, "claim", "right", "numpy: a random symmetric positive definite A: central differences give A w - b, and "
      "A^{-1} b zeroes it", "A symmetric positive definite", _quadratic_minimiser)
nonclaim(MR, 118, "definition", "the ridge objective restated")
label(MR, 124, "claim", "right", "numpy: the squared norm as an inner product, at a random w", "",
      lambda: _expanded_norm(124))
label(MR, 128, "claim", "right", "numpy: the inner product expanded, at a random w", "", lambda: _expanded_norm(128))
label(MR, 134, "claim", "right", "numpy: f minus the quadratic is y^T y / 2 at six random w (the sentence drops that "
      "constant)", "up to the dropped constant y^T y / 2", lambda: _expanded_norm(134))
nonclaim(MR, 140, "definition", "A named")
nonclaim(MR, 141, "definition", "b named")
nonclaim(MR, 143, "condition", "lambda > 0")
label(MR, 145, "claim", "right", "numpy: as for line 63", "lambda > 0", _ridge_solution)
label(MR, 172, "claim", "right", "sympy: with R_{n+1}(x) the remainder f - T_n (the next display), the sum plus the "
      "remainder is f (e^x, a = 0, x = 1, n = 2, exact)", "R_{n+1} as defined below",
      lambda: zero(_f_test.subs(x, 1) - _T(_f_test, 2, sp.Integer(1)) - (sp.E - _T(_f_test, 2, sp.Integer(1)))))
label(MR, 178, "claim", "right", "mpmath: for e^x, a = 0, x = 1, n = 2 a witness xi in (0, 1) exists (sign change)",
      "f (n+1)-times continuously differentiable; xi in (a, x) ('for some')", _lagrange_witness)
nonclaim(MR, 184, "example", "the degrees n = 1..N")
label(MR, 196, "claim", "right", "sympy: f - T_2 over (x - a)^3 has a finite limit at a = 0 (three test functions)",
      "f (n+1)-times continuously differentiable", _big_o)
label(MR, 207, "claim", "right", "numpy: |e^x - 1 - x| <= (e/2) x^2 on [-1, 1] ('there exists a constant C')",
      "some C, a neighbourhood of a", _remainder_bound)
label(MR, 217, "claim", "right", "mpmath: as for line 178 (f = T_n + R_{n+1} by the definition of R)",
      "xi in (a, x) ('for some')", _lagrange_witness)
nonclaim(MR, 228, "definition", "T_n and R_{n+1} defined")
nonclaim(MR, 240, "example", "t = x")
nonclaim(MR, 242, "definition", "phi defined")
label(MR, 248, "claim", "right", "sympy: phi(0) = 0 for f = e^t, a = 0, n = 2, x = 1", "phi as defined",
      lambda: _phi_rows(248), pick="\\phi(a) = f(a) - T_n(a) - 0 = 0")
label(MR, 248, "claim", "right", "sympy: T_n(0) = f(0) for f = e^t", "", lambda: _phi_rows(248), pick="T_n(a) = f(a)")
label(MR, 249, "claim", "right", "sympy: phi at t = x", "phi as defined", lambda: _phi_rows(249))
label(MR, 251, "claim", "right", "sympy: phi(x) = R_{n+1}(x) - ... with R = f - T_n", "phi, R as defined",
      lambda: _phi_rows(251))
nonclaim(MR, 261, "definition", "h defined")
nonclaim(MR, 267, "definition", "F and G defined")
nonclaim(MR, 271, "example", "t = a", pick="t = a")
label(MR, 271, "claim", "right", "sympy: phi(0) = 0 and (t - a)^{n+1} = 0 at t = a", "F = phi, G = h",
      lambda: _phi_rows(271), pick="F(a) = G(a) = 0")
nonclaim(MR, 275, "condition", "G'(t) != 0", pick="G'(t) \\neq 0")
nonclaim(MR, 275, "condition", "xi in (a, x)", pick="\\xi \\in (a, x)")
label(MR, 277, "claim", "right", "mpmath: a witness xi in (0, 1) for F = phi, G = t^3 (f = e^t, a = 0, n = 2)",
      "F, G differentiable, G' != 0; 'there exists xi'", lambda: _cauchy_witness(277))
label(MR, 281, "claim", "right", "sympy: F(x) - F(a) = phi(x) - 0 = R - ...", "F = phi", lambda: _phi_rows(281))
label(MR, 282, "claim", "right", "sympy: G(x) - G(a) = (x - a)^{n+1}", "G = h = (t - a)^{n+1}", lambda: _phi_rows(282))
label(MR, 286, "claim", "right", "mpmath: a witness xi in (0, 1) (the row above with G'(xi) = (n+1)(xi - a)^n)",
      "xi the witness of Cauchy's theorem", lambda: _cauchy_witness(286))
label(MR, 292, "claim", "right", "sympy: d/dt phi for f = e^t, a = 0, n = 2", "phi as defined", lambda: _phi_rows(292))
label(MR, 294, "claim", "right", "sympy: d/dt T_2(t) for f = e^t", "", lambda: _phi_rows(294),
      pick="T_n'(t) = \\sum_{k=1}^n \\frac{f^{(k)}(a)}{(k-1)!}(t - a)^{k-1}")
nonclaim(MR, 304, "definition", "h and g defined")
label(MR, 312, "claim", "right", "sympy: h(0) = e^0 - T_2(0) = 0", "h = f - T_n", lambda: _phi_rows(248),
      pick="h(a) = 0")
label(MR, 312, "claim", "right", "sympy: T_n(0) = f(0) for f = e^t", "", lambda: _phi_rows(248), pick="T_n(a) = f(a)")
label(MR, 313, "claim", "right", "sympy: (a - a)^{n+1} = 0", "g = (t - a)^{n+1}", lambda: _phi_rows(271))
nonclaim(MR, 317, "condition", "xi in (a, x)")
label(MR, 319, "claim", "right", "mpmath: a witness xi in (0, 1) for h = e^t - T_2, g = t^3", "'there exists xi'",
      lambda: _cauchy_witness(319))
label(MR, 325, "claim", "right", "sympy: g at x (its definition)", "g = (t - a)^{n+1}", lambda: _phi_rows(282),
      pick="g(x) = (x - a)^{n+1}")
label(MR, 325, "claim", "right", "sympy: d/dt (t - a)^{n+1} = (n+1)(t - a)^n", "g = (t - a)^{n+1}",
      lambda: zero(sp.diff((t - a)**5, t) - 5 * (t - a)**4), pick="g'(\\xi) = (n+1)(\\xi - a)^n")
label(MR, 326, "claim", "right", "sympy: h(x) = f(x) - T_n(x) = R_{n+1}(x) by the definitions", "h, R as defined",
      lambda: _phi_rows(251))
label(MR, 327, "claim", "wrong", "sympy: f = e^t, a = 0, n = 1: h'(t) = e^t - 1 but the right side is e^t t; they "
      "differ at every t != 0 (tested at 1/4, 1/2, 3/4), so also at the mean value witness", "h = f - T_n",
      _known_identity)
label(MR, 331, "claim", "right", "mpmath: the Lagrange remainder has a witness xi in (0, 1) (e^x, a = 0, x = 1, n = 2)",
      "xi in (a, x) ('for some'; the step before it is wrong, the conclusion is Taylor's theorem)",
      lambda: _cauchy_witness(331))
nonclaim(MR, 353, "definition", "defines an analytic function")
nonclaim(MR, 370, "definition", "the smooth non-analytic example defined")
nonclaim(MR, 391, "condition", "the requirement for analyticity")
nonclaim(MR, 415, "condition", "x_0 in R^d", pick="\\mathbf{x}_0 \\in \\mathbb{R}^d")
label(MR, 417, "claim", "right", "sympy: the first-order error is O(|x - x0|^2) along two directions (test f)",
      "f differentiable; x near x_0", lambda: _first_order_approx(1))
label(MR, 424, "claim", "right", "sympy: the second-order error is O(|x - x0|^3) along two directions (test f)",
      "f twice differentiable; x near x_0", lambda: _first_order_approx(2))
nonclaim(MR, 429, "condition", "x_0 in R^d")
nonclaim(MR, 440, "definition", "the example function defined")
nonclaim(MR, 442, "example", "the expansion point")
nonclaim(MR, 455, "condition", "x_0 in U", pick="\\mathbf{x}_0 \\in U")
nonclaim(MR, 455, "condition", "x in U", pick="\\mathbf{x} \\in U")
label(MR, 457, "claim", "right", "mpmath: for the test f, x0 = 0, x = (1/2, 1/3) a witness on the segment exists "
      "(sign change in tau)", "f three times continuously differentiable; xi on the segment ('for some')",
      lambda: _multi_lagrange(False))
nonclaim(MR, 475, "condition", "x_0, x in U", pick="\\mathbf{x}_0, \\mathbf{x} \\in U")
label(MR, 477, "claim", "right", "mpmath: as for line 457 with the third-order term at xi", "xi on the segment "
      "('for some')", lambda: _multi_lagrange(True))
label(MR, 501, "claim", "right", "sympy: for n = 2 the multi-index sum is the second-order Taylor polynomial; its "
      "error is O(|x - x0|^3) (test f)", "f (n+1)-times continuously differentiable", lambda: _first_order_approx(2))
nonclaim(MR, 508, "condition", "alpha a multi-index")
nonclaim(MR, 510, "definition", "the power of a vector to a multi-index defined")
nonclaim(MR, 511, "definition", "|alpha| defined for a multi-index")
nonclaim(MR, 528, "definition", "the path gamma defined")
nonclaim(MR, 534, "definition", "g defined along the path", pick="g(t) = f(\\gamma(t))")
label(MR, 538, "claim", "right", "sympy: the chain rule along the path (test f)", "g = f(gamma(t))",
      lambda: _path_derivatives(538))
label(MR, 544, "claim", "right", "sympy: the second derivative along the path (test f)", "g = f(gamma(t))",
      lambda: _path_derivatives(544))
nonclaim(MR, 548, "example", "t = 0")
label(MR, 550, "claim", "right", "mpmath: a witness tau in (0, 1) for the test f", "tau in (0, 1) ('for some')",
      lambda: _path_derivatives(550))
label(MR, 556, "claim", "right", "sympy: g(0) = f(x0)", "g = f(gamma(t))", lambda: _path_derivatives(556))
label(MR, 557, "claim", "right", "sympy: g'(0) = grad f(x0)^T (x - x0)", "g = f(gamma(t))", lambda: _path_derivatives(557))
label(MR, 558, "claim", "right", "sympy: g'' at tau (as line 544)", "g = f(gamma(t))", lambda: _path_derivatives(558))
label(MR, 562, "claim", "right", "mpmath: as for line 457", "xi = gamma(tau) ('for some')",
      lambda: _multi_lagrange(False))
nonclaim(MR, 566, "definition", "xi named as gamma(tau)")


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
