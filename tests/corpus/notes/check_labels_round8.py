r"""Independent checks of the hand labels of the round-8 sources of tests/corpus/notes: d2l chapters from parts of
the book no earlier round used, labelled before the checker was run on them.  Stochastic gradient descent (an older
revision of the optimization chapter: a convergence proof with norms, inner products, expectations and Lipschitz
bounds), forward and backward propagation with Xavier initialization (matrix gradients with an undefined ``prod``
operator, moments of sums of independent variables) and the Gaussian-process chapter (priors and regression: kernels
as expectations over random weights, Gaussian integrals, block matrices, the log marginal likelihood).

As in the earlier rounds: each entry names a block by ``(file, line[, exact block text])``, gives its role and
label, says how it was checked and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or
numpy that returns True when the block's claim holds.  Expectations over random variables are computed exactly, by
enumerating small discrete distributions with the stated means and variances, or by quadrature; matrix gradients by
central differences.  Nothing from the Formulary code base is imported.

    python3 tests/corpus/notes/check_labels_round8.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round8.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import itertools
import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

RNG = np.random.default_rng(8)
TOL = 1e-7
"""Tolerance for central differences (step 1e-6, values of order 1: truncation error ~1e-12, round-off ~1e-10) and
for exact identities evaluated in double precision."""

ENTRIES, label, nonclaim = recorder()
x, xp, w, T, N = sp.symbols("x x' w T N", real=True)


def _grad(fn, a, h=1e-6):
    """Central-difference gradient of the scalar function ``fn`` at the array ``a`` (same shape as ``a``)."""
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        up, down = a.copy(), a.copy()
        up[idx] += h
        down[idx] -= h
        g[idx] = (fn(up) - fn(down)) / (2 * h)
    return g


# ---------------------------------------------------------------- d2l_sgd.md
SGD = "d2l_sgd.md"
_F = (lambda v: np.sin(v).sum() + v @ v, lambda v: np.exp(v[0]) * v[1], lambda v: np.log(1 + (v**2).sum()))
"""Three smooth test losses f_i of a parameter vector in R^2."""


def _mean_gradient():
    """grad (1/n sum f_i) = 1/n sum grad f_i, by central differences at a random point."""
    p = RNG.normal(size=2)
    lhs = _grad(lambda v: sum(f(v) for f in _F) / 3, p)
    rhs = sum(_grad(f, p) for f in _F) / 3
    return np.allclose(lhs, rhs, atol=TOL)


def _unbiased():
    """E_i grad f_i with i uniform on {1..n} is the average of the gradients, which is grad f (as above)."""
    p = RNG.normal(size=2)
    grads = [_grad(f, p) for f in _F]
    expectation = sum(g * (1 / 3) for g in grads)  # the probability of each index is 1/n
    return np.allclose(expectation, sum(grads) / 3, atol=TOL) and _mean_gradient()


def _expand_norm():
    """||w - eta g - w*||^2 = ||w - w*||^2 + eta^2 ||g||^2 - 2 eta <w - w*, g> for random vectors in R^5."""
    wt, ws, g, eta = RNG.normal(size=5), RNG.normal(size=5), RNG.normal(size=5), RNG.uniform(0.01, 2)
    lhs = np.sum((wt - eta * g - ws) ** 2)
    rhs = np.sum((wt - ws) ** 2) + eta**2 * np.sum(g**2) - 2 * eta * (wt - ws) @ g
    return abs(lhs - rhs) < TOL


def _lipschitz_square():
    """||g|| <= L gives eta^2 ||g||^2 <= eta^2 L^2: random g, L >= ||g||, eta."""
    ok = True
    for _ in range(100):
        g, eta = RNG.normal(size=4), RNG.normal()
        L = np.linalg.norm(g) * RNG.uniform(1, 3)
        ok &= eta**2 * (g @ g) <= eta**2 * L**2 + 1e-12
    return ok


def _loss(xv, wv):
    """A convex loss in w with gradient bounded by L = 1: l(x, w) = sqrt(1 + (w - x)^2)."""
    return np.sqrt(1 + (wv - xv) ** 2)


def _dloss(xv, wv):
    return (wv - xv) / np.sqrt(1 + (wv - xv) ** 2)


def _convex_first_order():
    """l(x, w*) >= l(x, w_t) + <w* - w_t, d_w l(x, w_t)> for the convex test loss, random x, w*, w_t."""
    xs, ws, wt = RNG.normal(size=200) * 3, RNG.normal(size=200) * 3, RNG.normal(size=200) * 3
    return bool(np.all(_loss(xs, ws) >= _loss(xs, wt) + (ws - wt) * _dloss(xs, wt) - 1e-12))


def _one_step_bound():
    """||w_t - w*||^2 - ||w_{t+1} - w*||^2 >= 2 eta (l(x_t, w_t) - l(x_t, w*)) - eta^2 L^2 with w_{t+1} = w_t - eta
    d_w l(x_t, w_t), L = 1 (the test loss), random x_t, w_t, w*, eta."""
    xs, ws, wt, eta = (RNG.normal(size=500) * 3, RNG.normal(size=500) * 3, RNG.normal(size=500) * 3,
                       RNG.uniform(0, 2, 500))
    w_next = wt - eta * _dloss(xs, wt)
    lhs = (wt - ws) ** 2 - (w_next - ws) ** 2
    return bool(np.all(lhs >= 2 * eta * (_loss(xs, wt) - _loss(xs, ws)) - eta**2 - 1e-12))


_XS = np.array([-1.0, 1.0])
"""x uniform on {-1, 1}: R(w) = E l(x, w) is minimal at w* = 0 (symmetry and convexity), R* = sqrt(2)."""


def _risk(wv):
    return np.mean(_loss(_XS, wv))


def _expected_step():
    """E_{w_t} ||w_t - w*||^2 - E ||w_{t+1} - w*||^2 >= 2 eta (E R(w_t) - R*) - eta^2 L^2: w_t uniform on three values,
    x_t uniform on {-1, 1} independent of w_t; every expectation computed exactly by enumeration."""
    ok = True
    for eta in (0.05, 0.5, 1.5):
        wts = np.array([-2.0, 0.3, 1.7])
        lhs = np.mean(wts**2) - np.mean([(wv - eta * _dloss(xv, wv)) ** 2 for wv in wts for xv in _XS])
        rhs = 2 * eta * (np.mean([_risk(wv) for wv in wts]) - _risk(0.0)) - eta**2
        ok &= lhs >= rhs - 1e-12
    return ok


def _telescoped_as_written():
    """||w_0 - w*||^2 >= 2 sum_{t=1}^T eta_t [E R(w_t) - R*] - L^2 sum_{t=1}^T eta_t^2 (as written: the sums start at
    t = 1 while the distance is at w_0).  Counterexample: w_0 = w* = 0, eta_0 = 1, T = 1, eta_1 = 0.05, L = 1:
    w_1 = -eta_0 d_w l(x_0, 0) = x_0/sqrt(2), E R(w_1) - R* = 0.0959..., so the right side 2(0.05)(0.0959) - 0.0025
    = 0.0071 > 0 = the left side."""
    w1 = [0.0 - 1.0 * _dloss(xv, 0.0) for xv in _XS]
    gap = np.mean([_risk(wv) for wv in w1]) - _risk(0.0)
    return bool(0.0 >= 2 * 0.05 * gap - 0.05**2)


def _known_horizon():
    """r L (1 + 1/T) / (2 sqrt T) < r L / sqrt T for r, L > 0 and T > 1 (equality at T = 1): the ratio of the two
    sides is (1 + 1/T)/2."""
    r, L = sp.symbols("r L", positive=True)
    ratio = sp.simplify((r * L * (1 + 1 / T) / (2 * sp.sqrt(T))) / (r * L / sp.sqrt(T)))
    return zero(ratio - (1 + 1 / T) / 2) and all(ratio.subs(T, k) < 1 for k in (2, 3, 10, 1000))


def _choose_once():
    """P(choose i) = 1 - P(omit i) = 1 - (1 - 1/N)^N -> 1 - 1/e = 0.632... ~ 0.63 (sampling N times with replacement:
    counted exactly for N = 4 by enumerating all N^N draws)."""
    n = 4
    draws = list(itertools.product(range(n), repeat=n))
    chosen = sum(0 in d for d in draws) / len(draws)
    exact = abs(chosen - (1 - (1 - 1 / n) ** n)) < 1e-12
    limit = sp.limit(1 - (1 - 1 / N) ** N, N, sp.oo)
    return exact and zero(limit - (1 - sp.exp(-1))) and round(float(limit), 2) == 0.63


def _choose_exactly_once():
    """binom(N,1) N^{-1} (1-N^{-1})^{N-1} = (N-1)/N (1-N^{-1})^N fails: the left side is (1-1/N)^{N-1}, the right side
    (1-1/N)^{N+1} (N = 2: 1/2 against 1/8).  (Both tend to 1/e = 0.37.)"""
    lhs = sp.binomial(N, 1) / N * (1 - 1 / N) ** (N - 1)
    rhs = (N - 1) / N * (1 - 1 / N) ** N
    return all(zero(lhs.subs(N, k) - rhs.subs(N, k)) for k in (2, 3, 10))


nonclaim(SGD, 17, "definition", "the objective f as the average of the f_i")
label(SGD, 21, "claim", "right", "numpy: central-difference gradient of the average of three test losses equals the "
      "average of their gradients", "f = (1/n) sum f_i", _mean_gradient)
nonclaim(SGD, 25, "condition", "i in {1..n}")
nonclaim(SGD, 27, "update", "the SGD step (x is reassigned)")
label(SGD, 31, "claim", "right", "numpy: the expectation over a uniform index is the average of the gradients, which "
      "is the gradient of the average", "i uniform on {1..n}", _unbiased)
nonclaim(SGD, 45, "definition", "three learning-rate schedules")
nonclaim(SGD, 53, "example", "alpha = 0.5")
nonclaim(SGD, 55, "example", "the optimal solution x = (0, 0) of the example")
nonclaim(SGD, 61, "definition", "the schedule eta(t) = eta_0/(beta t + 1)", pick="\\eta(t) = \\eta_0/(\\beta t + 1)")
nonclaim(SGD, 64, "update", "the SGD step on w (w_{t+1} from w_t)")
nonclaim(SGD, 68, "definition", "the expected risk R(w)")
label(SGD, 72, "claim", "right", "numpy: both lines at random vectors in R^5 (the first substitutes the update)",
      "w_{t+1} = w_t - eta_t d_w l", _expand_norm)
label(SGD, 81, "claim", "right", "numpy: 100 random g, eta and L >= ||g||", "||d_w l|| <= L", _lipschitz_square)
label(SGD, 85, "claim", "right", "numpy: the first-order condition of convexity for l = sqrt(1 + (w - x)^2) at 200 "
      "random points", "l(x, .) convex", _convex_first_order)
label(SGD, 91, "claim", "right", "numpy: 500 random x_t, w_t, w*, eta with the test loss (L = 1) and the update at w_t",
      "l convex, ||d_w l|| <= L", _one_step_bound)
label(SGD, 97, "claim", "right", "numpy: exact expectations by enumeration (w_t on three values, x_t uniform on "
      "{-1, 1}), three step sizes", "l convex, ||d_w l|| <= L, x_t independent of w_t", _expected_step)
nonclaim(SGD, 99, "condition", "the range of t (as written t in {t..T})")
label(SGD, 101, "claim", "wrong", "numpy: counterexample w_0 = w* = 0, eta_0 = 1, T = 1, eta_1 = 0.05, x uniform on "
      "{-1, 1}, l = sqrt(1 + (w - x)^2): right side 0.0071 > 0 (the sums must start where the distance is taken)",
      "l convex, ||d_w l|| <= L", _telescoped_as_written)
nonclaim(SGD, 105, "definition", "the weighted average w-bar")
nonclaim(SGD, 117, "definition", "r^2 := ||w_0 - w*||^2", pick="r^2 := \\|w_0 - w^*\\|^2")
nonclaim(SGD, 119, "definition", "the step size chosen as r/(L sqrt T)", pick="\\eta = r/L \\sqrt{T}")
label(SGD, 119, "claim", "right", "sympy: the ratio of the sides is (1 + 1/T)/2 < 1 for T > 1 (read a/2\\sqrt{T} as "
      "a/(2 sqrt T))", "r, L > 0, T > 1", _known_horizon, pick="r L (1 + 1/T)/2\\sqrt{T} < rL/\\sqrt{T}")
nonclaim(SGD, 120, "definition", "the step size chosen as O(1/sqrt T)", pick="\\eta = O(1/\\sqrt{T})")
nonclaim(SGD, 122, "condition", "strong convexity of l", pick="l(x, w') \\geq l(x, w) + \\langle w'-w, \\partial_w "
         "l(x, w) \\rangle + \\frac{\\lambda}{2} \\|w-w'\\|^2")
nonclaim(SGD, 126, "definition", "the empirical distribution p(x, y)", pick="p(x, y) = \\frac{1}{n} \\sum_{i=1}^n "
         "\\delta_{x_i}(x) \\delta_{y_i}(y)")
label(SGD, 130, "claim", "right", "numpy/sympy: enumeration of all 4^4 draws for N = 4; the limit 1 - 1/e = 0.632 "
      "rounds to 0.63", "N draws with replacement", _choose_once)
label(SGD, 132, "claim", "wrong", "sympy: the left side is (1-1/N)^{N-1}, the right side (1-1/N)^{N+1}; N = 2 gives "
      "1/2 against 1/8", "", _choose_exactly_once)
nonclaim(SGD, 147, "definition", "the exercise's f(x_1, x_2)", pick="f(x_1, x_2) = x_1^2 + 2 x_2^2")
nonclaim(SGD, 147, "definition", "the exercise's loss l(x, w)", pick="l(\\mathbf{x}, \\mathbf{w}) = (x_1 - w_1)^2 + "
         "2 (x_2 - w_2)^2")
nonclaim(SGD, 149, "definition", "the quadratic objective", pick="f(\\mathbf{x}) = \\frac{1}{2} (\\mathbf{x} - "
         "\\mathbf{\\mu})^\\top Q (\\mathbf{x} - \\mathbf{\\mu})")
nonclaim(SGD, 149, "condition", "Q positive semidefinite", pick="Q \\succeq 0")
nonclaim(SGD, 152, "definition", "the exercise's f(x) = x^2 (1 + sin x)", pick="f(x) = x^2 (1 + \\sin x)")


# ---------------------------------------------------------------- d2l_backprop_init.md
BP = "d2l_backprop_init.md"
_D, _H, _Q, _LAM = 3, 4, 2, 0.7
_X = RNG.normal(size=_D)
_Y = RNG.normal(size=_Q)
_W1, _W2 = RNG.normal(size=(_H, _D)), RNG.normal(size=(_Q, _H))


def _objective(W1, W2):
    """J = l(o, y) + lambda/2 (||W1||_F^2 + ||W2||_F^2) with o = W2 phi(W1 x), phi = tanh, l = 1/2 ||o - y||^2."""
    o = W2 @ np.tanh(W1 @ _X)
    return 0.5 * np.sum((o - _Y) ** 2) + _LAM / 2 * (np.sum(W1**2) + np.sum(W2**2))


def _backward():
    """The book's backward pass for the test network: dJ/do, dJ/dW2, dJ/dh, dJ/dz, dJ/dW1."""
    z = _W1 @ _X
    h = np.tanh(z)
    o = _W2 @ h
    dJ_do = o - _Y  # dL/do for l = 1/2 ||o - y||^2
    dJ_dW2 = np.outer(dJ_do, h) + _LAM * _W2
    dJ_dh = _W2.T @ dJ_do
    dJ_dz = dJ_dh * (1 - np.tanh(z) ** 2)
    dJ_dW1 = np.outer(dJ_dz, _X) + _LAM * _W1
    return {"z": z, "h": h, "o": o, "do": dJ_do, "dW2": dJ_dW2, "dh": dJ_dh, "dz": dJ_dz, "dW1": dJ_dW1}


def _bp(which):
    """Each formula of the backward pass against central differences of J."""
    b = _backward()
    if which == "dW2":
        return np.allclose(_grad(lambda W2: _objective(_W1, W2), _W2.copy()), b["dW2"], atol=TOL)
    if which == "dW1":
        return np.allclose(_grad(lambda W1: _objective(W1, _W2), _W1.copy()), b["dW1"], atol=TOL)
    if which == "do":  # J as a function of o (s does not depend on o): dJ/do = dL/do
        s = _LAM / 2 * (np.sum(_W1**2) + np.sum(_W2**2))
        return np.allclose(_grad(lambda o: 0.5 * np.sum((o - _Y) ** 2) + s, b["o"].copy()), b["do"], atol=TOL)
    if which == "dh":
        return np.allclose(_grad(lambda h: 0.5 * np.sum((_W2 @ h - _Y) ** 2), b["h"].copy()), b["dh"], atol=TOL)
    if which == "dz":
        return np.allclose(_grad(lambda z: 0.5 * np.sum((_W2 @ np.tanh(z) - _Y) ** 2), b["z"].copy()), b["dz"],
                           atol=TOL)
    if which == "ds":  # s = lambda/2 (||W1||^2 + ||W2||^2): ds/dW = lambda W
        s = lambda W1, W2: _LAM / 2 * (np.sum(W1**2) + np.sum(W2**2))
        return (np.allclose(_grad(lambda W1: s(W1, _W2), _W1.copy()), _LAM * _W1, atol=TOL)
                and np.allclose(_grad(lambda W2: s(_W1, W2), _W2.copy()), _LAM * _W2, atol=TOL))
    raise ValueError(which)


def _dj_dl_ds():
    L, s = sp.symbols("L s")
    return sp.diff(L + s, L) == 1 and sp.diff(L + s, s) == 1


def _xavier_moments():
    """E[h_i] = 0 and E[h_i^2] = n_in sigma^2 gamma^2 for h_i = sum_j W_ij x_j, n_in = 2, independent W_ij with mean 0
    and variance sigma^2 = 2 (values -1, 2 with probabilities 2/3, 1/3) and x_j with mean 0 and variance gamma^2 = 1/4
    (values -1/2, 1/2): exact expectations by enumerating the 2^4 outcomes with sympy rationals; the middle lines
    E[W^2 x^2] summed and E[W^2] E[x^2] summed give the same value."""
    wv = [(sp.Integer(-1), sp.Rational(2, 3)), (sp.Integer(2), sp.Rational(1, 3))]
    xv = [(sp.Rational(-1, 2), sp.Rational(1, 2)), (sp.Rational(1, 2), sp.Rational(1, 2))]
    mean = second = sp.Integer(0)
    for (w1, p1), (w2, p2), (x1, q1), (x2, q2) in itertools.product(wv, wv, xv, xv):
        prob, h = p1 * p2 * q1 * q2, w1 * x1 + w2 * x2
        mean += prob * h
        second += prob * h**2
    e_w2 = sum(p * v**2 for v, p in wv)
    e_x2 = sum(p * v**2 for v, p in xv)
    e_w2x2 = sum(p * q * (v * u) ** 2 for (v, p), (u, q) in itertools.product(wv, xv))
    return mean == 0 and second == 2 * e_w2x2 == 2 * e_w2 * e_x2 == 2 * 2 * sp.Rational(1, 4)


def _xavier_equivalent():
    """1/2 (n_in + n_out) sigma^2 = 1 <=> sigma = sqrt(2/(n_in + n_out)) for sigma > 0 and n_in + n_out > 0."""
    s, m = sp.symbols("sigma m", positive=True)
    return sp.solve(sp.Eq(m * s**2 / 2, 1), s) == [sp.sqrt(2) / sp.sqrt(m)]


nonclaim(BP, 43, "condition", "x in R^d")
nonclaim(BP, 47, "definition", "z = W1 x")
nonclaim(BP, 49, "condition", "the shape of W1")
nonclaim(BP, 51, "condition", "z in R^h")
nonclaim(BP, 55, "definition", "h = phi(z)")
nonclaim(BP, 59, "condition", "the shape of W2")
nonclaim(BP, 62, "definition", "o = W2 h")
nonclaim(BP, 67, "definition", "the loss L = l(o, y)")
nonclaim(BP, 72, "definition", "the regularization term s")
nonclaim(BP, 79, "definition", "the objective J = L + s")
nonclaim(BP, 95, "definition", "Y = f(X)")
nonclaim(BP, 96, "definition", "Z = g(Y), the composition")
nonclaim(BP, 103, "definition", "the chain rule written with the prod operator, which the text defines next")
nonclaim(BP, 126, "definition", "J = L + s restated")
label(BP, 130, "claim", "right", "sympy: d(L+s)/dL = d(L+s)/ds = 1", "J = L + s", _dj_dl_ds)
label(BP, 136, "claim", "right", "numpy: central differences of J in o for the test network (tanh, squared loss)",
      "J = l(o, y) + s", lambda: _bp("do"))
label(BP, 146, "claim", "right", "numpy: central differences of s in W1 and W2", "s = lambda/2 (||W1||^2 + ||W2||^2)",
      lambda: _bp("ds"))
label(BP, 155, "claim", "right", "numpy: central differences of J in W2 for the test network",
      "the network of the section", lambda: _bp("dW2"))
label(BP, 168, "claim", "right", "numpy: central differences of J in h", "the network of the section",
      lambda: _bp("dh"))
label(BP, 180, "claim", "right", "numpy: central differences of J in z (phi = tanh)", "phi elementwise",
      lambda: _bp("dz"))
label(BP, 191, "claim", "right", "numpy: central differences of J in W1 for the test network",
      "the network of the section", lambda: _bp("dW1"))
nonclaim(BP, 214, "definition", "the layers h^{t+1} = f_t(h^t) and their composition")
nonclaim(BP, 269, "example", "sigma^2 = 1 in the experiment")
nonclaim(BP, 291, "example", "all weights of a layer set to a constant c")
nonclaim(BP, 317, "definition", "h_i as a weighted sum")
label(BP, 330, "claim", "right", "sympy: exact expectations by enumeration for n_in = 2, W with values -1, 2 "
      "(mean 0, variance 2), x with values +-1/2 (mean 0, variance 1/4): E h = 0, E h^2 = 1 = n_in sigma^2 gamma^2",
      "W_ij independent, mean 0, variance sigma^2; x_j mean 0, variance gamma^2, independent of W", _xavier_moments)
nonclaim(BP, 339, "condition", "the choice n_in sigma^2 = 1")
nonclaim(BP, 348, "condition", "the choice n_out sigma^2 = 1")
label(BP, 353, "claim", "right", "sympy: solving (m/2) sigma^2 = 1 for sigma > 0 gives sqrt(2/m)", "sigma > 0",
      _xavier_equivalent)
nonclaim(BP, 364, "definition", "the Xavier variance chosen")


# ---------------------------------------------------------------- d2l_gaussian_processes.md
GP = "d2l_gaussian_processes.md"


def _expect(expr, laws):
    """Exact expectation of a sympy expression over independent discrete variables: ``laws`` maps a symbol to a list
    of (value, probability)."""
    names = list(laws)
    total = sp.Integer(0)
    for outcome in itertools.product(*(laws[n] for n in names)):
        prob = sp.prod([p for _, p in outcome])
        total += prob * expr.subs({n: v for n, (v, _) in zip(names, outcome)})
    return sp.expand(total)


_STD = [(sp.Integer(-1), sp.Rational(1, 2)), (sp.Integer(1), sp.Rational(1, 2))]
"""A variable with mean 0 and variance 1 (the moments are all the claims use)."""
w0, w1 = sp.symbols("w0 w1", real=True)


def _inner_product_form():
    return zero((sp.Matrix([[w0, w1]]) * sp.Matrix([1, x]))[0] - (w0 + w1 * x))


def _line_mean():
    """m(x) = E[w0 + w1 x] = E[w0] + E[w1] x = 0 for w0, w1 with mean 0."""
    return _expect(w0 + w1 * x, {w0: _STD, w1: _STD}) == 0


def _line_cov():
    """cov(f(x), f(x')) = E[f f'] - E f E f' = E[w0^2 + w0 w1 x' + w1 w0 x + w1^2 x x'] = 1 + x x' (w0, w1 independent,
    mean 0, variance 1)."""
    f, fp = w0 + w1 * x, w0 + w1 * xp
    laws = {w0: _STD, w1: _STD}
    cov = _expect(f * fp, laws) - _expect(f, laws) * _expect(fp, laws)
    middle = _expect(w0**2 + w0 * w1 * xp + w1 * w0 * x + w1**2 * x * xp, laws)
    return zero(cov - middle) and zero(middle - (1 + x * xp))


def _linear_model_moments(which):
    """w ~ N(u, S) in R^2, w = u + C z with C C^T = S and z1, z2 independent with mean 0 and variance 1 (the two
    moments are all that enter; z = +-1 here, exact enumeration): E[w^T phi(x)] = u^T phi(x) and
    cov(w^T phi(x), w^T phi(x')) = phi(x)^T S phi(x') for phi(x) = (1, x)."""
    z1, z2 = sp.symbols("z1 z2", real=True)
    laws = {z1: _STD, z2: _STD}
    u = sp.Matrix([sp.Rational(1, 2), -2])
    C = sp.Matrix([[1, 0], [sp.Rational(1, 3), 2]])
    wv = u + C * sp.Matrix([z1, z2])
    phi, phip = sp.Matrix([1, x]), sp.Matrix([1, xp])
    f, fp = (wv.T * phi)[0], (wv.T * phip)[0]
    if which == "mean":
        return zero(_expect(f, laws) - (u.T * phi)[0])
    cov = _expect(f * fp, laws) - _expect(f, laws) * _expect(fp, laws)
    return zero(cov - (phi.T * (C * C.T) * phip)[0])


def _rbf_features_cov():
    """k(x, x') = sigma^2/J sum phi_i(x) phi_i(x') for f = sum w_i phi_i, w_i independent with mean 0 and variance
    sigma^2/J: J = 3 and symbolic phi_i values, w_i = +-sigma/sqrt(J)."""
    J, sig = 3, sp.Symbol("sigma", positive=True)
    ws = sp.symbols("wa wb wc", real=True)
    a_s, b_s = sp.symbols("a1:4", real=True), sp.symbols("b1:4", real=True)  # phi_i(x), phi_i(x')
    laws = {wi: [(-sig / sp.sqrt(J), sp.Rational(1, 2)), (sig / sp.sqrt(J), sp.Rational(1, 2))] for wi in ws}
    f = sum(wi * ai for wi, ai in zip(ws, a_s))
    fp = sum(wi * bi for wi, bi in zip(ws, b_s))
    return zero(_expect(f * fp, laws) - sig**2 / J * sum(ai * bi for ai, bi in zip(a_s, b_s)))


def _rbf_integral():
    """int exp(-(x-c)^2/(2l^2)) exp(-(x'-c)^2/(2l^2)) dc = sqrt(pi) l exp(-(x-x')^2/(4 l^2)), with no sigma^2: the
    written right side sqrt(pi) l sigma^2 exp(...) differs when sigma != 1 (checked by mpmath quadrature at x = 0.3,
    x' = -0.5, l = 0.7, sigma = 2)."""
    xv, xpv, lv, sv = mp.mpf("0.3"), mp.mpf("-0.5"), mp.mpf("0.7"), mp.mpf(2)
    integral = mp.quad(lambda cv: mp.exp(-(xv - cv) ** 2 / (2 * lv**2)) * mp.exp(-(xpv - cv) ** 2 / (2 * lv**2)),
                       [-mp.inf, mp.inf])
    written = mp.sqrt(mp.pi) * lv * sv**2 * mp.exp(-(xv - xpv) ** 2 / (2 * (mp.sqrt(2) * lv) ** 2))
    return abs(integral - written) < 1e-10 * abs(written)


def _nn_moments(which):
    """f(x) = b + sum_i v_i h(x; u_i), J = 2, h = tanh(u x): b = +-sigma_b, v_i = +-sigma_v/sqrt(J), u_i independent
    on {1/2, 3} (any law): exact expectations by enumeration.  m(x) = E f(x) = 0 and E[f(x) f(x')] = sigma_b^2 +
    1/J sum_i sigma_v^2 E[h(x; u_i) h(x'; u_i)]; cov = E[f f'] since the mean is 0."""
    J = 2
    sb, sv = sp.Rational(3, 2), sp.Rational(1, 3)
    bb, v1, v2, u1, u2 = sp.symbols("b v1 v2 u1 u2", real=True)
    xv, xpv = sp.Rational(2, 5), sp.Rational(-7, 10)
    hh = lambda uu, xx: sp.tanh(uu * xx)
    ulaw = [(sp.Rational(1, 2), sp.Rational(1, 4)), (sp.Integer(3), sp.Rational(3, 4))]
    laws = {bb: [(-sb, sp.Rational(1, 2)), (sb, sp.Rational(1, 2))],
            v1: [(-sv / sp.sqrt(J), sp.Rational(1, 2)), (sv / sp.sqrt(J), sp.Rational(1, 2))],
            v2: [(-sv / sp.sqrt(J), sp.Rational(1, 2)), (sv / sp.sqrt(J), sp.Rational(1, 2))],
            u1: ulaw, u2: ulaw}
    f = bb + v1 * hh(u1, xv) + v2 * hh(u2, xv)
    fp = bb + v1 * hh(u1, xpv) + v2 * hh(u2, xpv)
    if which == "mean":
        return zero(_expect(f, laws))
    e_hh = sum(p * hh(uv, xv) * hh(uv, xpv) for uv, p in ulaw)
    claimed = sb**2 + sp.Rational(1, J) * J * sv**2 * e_hh
    return abs(float(_expect(f * fp, laws) - claimed)) < 1e-14 and zero(_expect(f, laws))


def _erf_definition():
    return zero(sp.diff(2 / sp.sqrt(sp.pi) * sp.integrate(sp.exp(-w**2), (w, 0, x)), x)
                - 2 / sp.sqrt(sp.pi) * sp.exp(-x**2)) and zero(sp.erf(x) - 2 / sp.sqrt(sp.pi)
                                                                * sp.integrate(sp.exp(-w**2), (w, 0, x)))


def _erf_kernel():
    """E[erf(u0 + u1 x) erf(u0 + u1 x')] for u ~ N(0, diag(s0, s1)) by 2-D mpmath quadrature at x = 0.5, x' = -1.2,
    s0 = 0.8, s1 = 1.5 equals (2/pi) arcsin(2 xt^T S xt' / sqrt((1 + 2 xt^T S xt)(1 + 2 xt'^T S xt'))) (Williams
    1998), not (2/pi) sin(...) as written; the sigma_b, sigma_v of the line above do not enter the written formula."""
    mp.mp.dps = 20
    s0, s1, xv, xpv = mp.mpf("0.8"), mp.mpf("1.5"), mp.mpf("0.5"), mp.mpf("-1.2")

    def integrand(a, c):
        density = mp.exp(-a**2 / (2 * s0) - c**2 / (2 * s1)) / (2 * mp.pi * mp.sqrt(s0 * s1))
        return mp.erf(a + c * xv) * mp.erf(a + c * xpv) * density

    value = mp.quad(integrand, [-mp.inf, 0, mp.inf], [-mp.inf, 0, mp.inf])
    cross, own, ownp = s0 + s1 * xv * xpv, s0 + s1 * xv**2, s0 + s1 * xpv**2
    arg = 2 * cross / mp.sqrt((1 + 2 * own) * (1 + 2 * ownp))
    mp.mp.dps = 15
    assert abs(value - 2 / mp.pi * mp.asin(arg)) < 1e-8  # the known closed form, so the quadrature is trusted
    return abs(value - 2 / mp.pi * mp.sin(arg)) < 1e-8


def _gp_joint():
    """cov(f_*, y) = cov(y, f_*)^T = K(X_*, X) for y = f + eps, eps independent of (f, f_*): the joint covariance of
    (f, f_*, eps) is block diagonal in eps; [y; f_*] = M [f; f_*; eps]; its covariance M C M^T has the blocks."""
    X, Xs, s2 = RNG.normal(size=3), RNG.normal(size=2), 0.3
    pts = np.concatenate([X, Xs])
    K = np.exp(-0.5 * (pts[:, None] - pts[None, :]) ** 2)
    C = np.zeros((8, 8))
    C[:5, :5], C[5:, 5:] = K, s2 * np.eye(3)
    M = np.zeros((5, 8))
    M[:3, :3], M[:3, 5:], M[3:, 3:5] = np.eye(3), np.eye(3), np.eye(2)
    joint = M @ C @ M.T
    cov_fs_y, cov_y_fs = joint[3:, :3], joint[:3, 3:]
    return np.allclose(cov_fs_y, cov_y_fs.T) and np.allclose(cov_fs_y, K[3:, :3])


def _log_gauss(yv, cov):
    n = len(yv)
    return -0.5 * yv @ np.linalg.solve(cov, yv) - 0.5 * np.log(np.linalg.det(cov)) - n / 2 * np.log(2 * np.pi)


def _marginal_written():
    """log p(y | theta, X) = -1/2 y^T [K + s2 I]^{-1} y - 1/2 log|K| + c, c independent of theta, fails: the true log
    density (by 2-D quadrature of p(y|f) p(f), see _marginalisation) minus the written terms changes with the
    lengthscale (the log-determinant must be of K + s2 I)."""
    X, yv, s2 = np.array([0.0, 0.8]), np.array([0.4, -0.3]), 0.5
    diffs = []
    for ell in (0.5, 2.0):
        K = np.exp(-0.5 * (X[:, None] - X[None, :]) ** 2 / ell**2)
        true = _quad_marginal(yv, K, s2)
        written = -0.5 * yv @ np.linalg.solve(K + s2 * np.eye(2), yv) - 0.5 * np.log(np.linalg.det(K))
        diffs.append(true - written)
    return abs(diffs[0] - diffs[1]) < 1e-8


def _quad_marginal(yv, K, s2):
    """log of int N(y; f, s2 I) N(f; 0, K) df over R^2 by mpmath quadrature (the densities written out by hand)."""
    Kinv, det = np.linalg.inv(K), np.linalg.det(K)

    def integrand(f1, f2):
        f = [f1, f2]
        lik = mp.exp(-sum((yv[i] - f[i]) ** 2 for i in range(2)) / (2 * s2)) / (2 * mp.pi * s2)
        quad_form = sum(f[i] * Kinv[i, j] * f[j] for i in range(2) for j in range(2))
        return lik * mp.exp(-quad_form / 2) / (2 * mp.pi * mp.sqrt(det))

    return float(mp.log(mp.quad(integrand, [-8, 0, 8], [-8, 0, 8])))


def _marginalisation():
    """log p(y|X) = log int p(y|f, X) p(f|X) df: the quadrature of the integrand equals the closed-form Gaussian
    N(y; 0, K + s2 I) (a density of the sum of independent Gaussians), n = 2."""
    X, yv, s2 = np.array([0.0, 0.8]), np.array([0.4, -0.3]), 0.5
    K = np.exp(-0.5 * (X[:, None] - X[None, :]) ** 2 / 0.7**2)
    return abs(_quad_marginal(yv, K, s2) - _log_gauss(yv, K + s2 * np.eye(2))) < 1e-8


def _marginal_closed_form():
    """log p(y|X) = -1/2 y^T (K + s2 I)^{-1} y - 1/2 log|K + s2 I| - n/2 log 2 pi against the quadrature, n = 2."""
    X, yv, s2 = np.array([-0.4, 0.9]), np.array([1.1, 0.2]), 0.3
    K = np.exp(-0.5 * (X[:, None] - X[None, :]) ** 2)
    written = (-0.5 * yv @ np.linalg.solve(K + s2 * np.eye(2), yv) - 0.5 * np.log(np.linalg.det(K + s2 * np.eye(2)))
               - 2 / 2 * np.log(2 * np.pi))
    return abs(_quad_marginal(yv, K, s2) - written) < 1e-8


nonclaim(GP, 22, "condition", "f is a GP", pick="f(x) \\sim \\mathcal{GP}(m, k)")
nonclaim(GP, 22, "definition", "mu_i as the mean of f(x_i)", pick="\\mu_i = \\mathbb{E}[f(x_i)] = m(x_i)")
nonclaim(GP, 22, "definition", "K_ij as the covariance", pick="K_{ij} = cov(f(x_i),f(x_j)) = k(x_i,x_j)")
nonclaim(GP, 26, "definition", "f as a linear model in the features phi")
nonclaim(GP, 28, "example", "polynomial features", pick="\\phi(x) = (1, x, x^2, ..., x^d)^{\\top}")
nonclaim(GP, 35, "definition", "the straight-line model", pick="f(x) = w_0 + w_1 x")
nonclaim(GP, 35, "condition", "w_0, w_1 standard normal", pick="w_0, w_1 \\sim \\mathcal{N}(0,1)")
label(GP, 37, "claim", "right", "sympy: (w0, w1)(1, x)^T - (w0 + w1 x) = 0", "f(x) = w_0 + w_1 x",
      _inner_product_form, pick="f(x) = (w_0, w_1)(1, x)^{\\top}")
nonclaim(GP, 37, "definition", "w = (w_0, w_1)^T", pick="w = (w_0, w_1)^{\\top}")
nonclaim(GP, 37, "definition", "phi(x) = (1, x)^T", pick="\\phi(x) = (1,x)^{\\top}")
label(GP, 51, "claim", "right", "sympy: exact expectation over w0, w1 = +-1 (mean 0) is 0", "w_0, w_1 mean 0",
      _line_mean)
label(GP, 55, "claim", "right", "sympy: exact expectations over independent w0, w1 with mean 0 and variance 1; each "
      "link of the chain equals 1 + x x'", "w_0, w_1 independent N(0, 1)", _line_cov)
nonclaim(GP, 59, "definition", "the linear model f = w^T phi", pick="f(x) = w^{\\top} \\phi(x)")
nonclaim(GP, 59, "condition", "w ~ N(u, S)", pick="w \\sim \\mathcal{N}(u,S)")
label(GP, 59, "claim", "right", "sympy.stats: E[w^T phi(x)] = u^T phi(x) for w = u + C z in R^2", "w ~ N(u, S)",
      lambda: _linear_model_moments("mean"), pick="m(x) = u^{\\top}\\phi(x)")
label(GP, 59, "claim", "right", "sympy.stats: cov = phi(x)^T C C^T phi(x') for w = u + C z in R^2", "w ~ N(u, S)",
      lambda: _linear_model_moments("cov"), pick="k(x,x') = \\phi(x)^{\\top}S\\phi(x')")
nonclaim(GP, 64, "definition", "the RBF kernel")
nonclaim(GP, 68, "definition", "f as a sum of RBF features", pick="f(x) = \\sum_{i=1}^J w_i \\phi_i(x)")
nonclaim(GP, 68, "condition", "the weights' law", pick="w_i  \\sim \\mathcal{N}\\left(0,\\frac{\\sigma^2}{J}\\right)")
nonclaim(GP, 68, "definition", "the features phi_i", pick="\\phi_i(x) = \\exp\\left(-\\frac{(x-c_i)^2}{2\\ell^2 }"
         "\\right)")
nonclaim(GP, 71, "definition", "w = (w_1..w_J)^T")
label(GP, 73, "claim", "right", "sympy: exact expectation for J = 3, w_i = +-sigma/sqrt(J), symbolic feature values",
      "w_i independent, mean 0, variance sigma^2/J", _rbf_features_cov)
nonclaim(GP, 75, "definition", "c_J = log J", pick="c_J = \\log J")
nonclaim(GP, 75, "definition", "c_1 = -log J", pick="c_1 = -\\log J")
nonclaim(GP, 79, "definition", "c_0 = -infinity", pick="c_0 = -\\infty")
nonclaim(GP, 79, "definition", "c_infinity = infinity", pick="c_\\infty = \\infty")
label(GP, 82, "claim", "wrong", "mpmath: the integral is sqrt(pi) l exp(-(x-x')^2/(4 l^2)) with no sigma^2; at "
      "x = 0.3, x' = -0.5, l = 0.7, sigma = 2 the written right side is 4 times the integral", "",
      _rbf_integral)
nonclaim(GP, 102, "definition", "the one-hidden-layer network f")
label(GP, 108, "claim", "right", "sympy: exact expectation over b, v_i (mean 0) and u_i: E f(x) = 0",
      "b, v_i mean 0, independent of u_i", lambda: _nn_moments("mean"))
label(GP, 110, "claim", "right", "sympy: exact expectations for J = 2 by enumeration; E[f f'] = sigma_b^2 + "
      "sigma_v^2 E[h h'] and the mean is 0", "b, v_i independent, mean 0, variances sigma_b^2, sigma_v^2/J; u_i iid",
      lambda: _nn_moments("cov"))
nonclaim(GP, 112, "definition", "the erf hidden unit", pick="h(x; u) = \\text{erf}(u_0 + \\sum_{j=1}^{P} u_j x_j)")
nonclaim(GP, 112, "definition", "erf defined by its integral (sympy: erf(x) = 2/sqrt(pi) int_0^x e^{-t^2} dt)",
         pick="\\text{erf}(z) = \\frac{2}{\\sqrt{\\pi}} \\int_{0}^{z} e^{-t^2} dt")
nonclaim(GP, 112, "condition", "u ~ N(0, Sigma)", pick="u \\sim \\mathcal{N}(0,\\Sigma)")
label(GP, 112, "claim", "wrong", "mpmath: 2-D quadrature of E[erf erf] matches (2/pi) arcsin(...) (Williams 1998) to "
      "1e-8 and differs from the written (2/pi) sin(...)", "u ~ N(0, Sigma)", _erf_kernel,
      pick="k(x,x') = \\frac{2}{\\pi} \\text{sin}(\\frac{2 \\tilde{x}^{\\top} \\Sigma \\tilde{x}'}{\\sqrt{(1 + 2 "
           "\\tilde{x}^{\\top} \\Sigma \\tilde{x})(1 + 2 \\tilde{x}'^{\\top} \\Sigma \\tilde{x}')}})")
nonclaim(GP, 114, "definition", "tau = x - x'")
nonclaim(GP, 124, "definition", "the OU kernel (exercise)")
nonclaim(GP, 128, "definition", "u = f + 2g (exercise)", pick="u(x) = f(x) + 2g(x)")
nonclaim(GP, 130, "definition", "g = a f (exercise)", pick="g(x) = a(x)f(x)")
nonclaim(GP, 130, "definition", "a(x) = x^2 (exercise)", pick="a(x) = x^2")
nonclaim(GP, 132, "definition", "u = f g (exercise)", pick="u(x) = f(x)g(x)")
nonclaim(GP, 144, "definition", "the observation model y = f + eps")
nonclaim(GP, 146, "condition", "the noise law", pick="\\epsilon(x) \\sim \\mathcal{N}(0,\\sigma^2)")
nonclaim(GP, 146, "definition", "the vector y", pick="\\mathbf{y} = y(X) = (y(x_1),\\dots,y(x_n))^{\\top}")
nonclaim(GP, 146, "definition", "the vector f", pick="\\textbf{f} = (f(x_1),\\dots,f(x_n))^{\\top}")
nonclaim(GP, 148, "definition", "mu_i = m(x_i)", pick="\\mu_i = m(x_i)")
nonclaim(GP, 148, "definition", "K_ij = k(x_i, x_j)", pick="K_{ij} = k(x_i,x_j)")
nonclaim(GP, 148, "definition", "the RBF kernel", pick="k(x_i,x_j) = a^2 \\exp\\left(-\\frac{1}{2\\ell^2}||x_i-x_j||^2"
         "\\right)")
nonclaim(GP, 148, "condition", "the mean function is zero", pick="m(x)=0")
nonclaim(GP, 150, "definition", "the test inputs X_*", pick="X_* = x_{*1},x_{*2},\\dots,x_{*m}.")
nonclaim(GP, 150, "definition", "f_* = f(X_*)", pick="\\mathbf{f}_* = f(X_*)")
nonclaim(GP, 152, "definition", "y = f + eps at the training inputs", pick="\\mathbf{y} = \\mathbf{f} + "
         "\\mathbf{\\epsilon}")
label(GP, 152, "claim", "right", "numpy: the covariance of [y; f_*] = M [f; f_*; eps] has the blocks K(X_*, X) and its "
      "transpose", "eps independent of f", _gp_joint,
      pick="\\mathrm{cov}(\\mathbf{f}_*, \\mathbf{y}) = \\mathrm{cov}(\\mathbf{y},\\mathbf{f}_*)^{\\top} = K(X_*,X)")
nonclaim(GP, 154, "definition", "the joint law of y and f_*, naming its covariance A")
nonclaim(GP, 169, "definition", "m_* named (the conditional mean)", pick="m_* = K(X_*,X)[K(X,X)+\\sigma^2I]^{-1}"
         "\\textbf{y}")
nonclaim(GP, 169, "definition", "S named (the conditional covariance)", pick="S = K(X_*,X_*) - K(X_*,X)[K(X,X)+"
         "\\sigma^2I]^{-1}K(X,X_*)")
nonclaim(GP, 177, "definition", "the RBF kernel", pick="k(x_i,x_j) = a^2\\exp\\left(-\\frac{1}{2\\ell^2}||x-x'||^2"
         "\\right)")
nonclaim(GP, 177, "definition", "theta = {a^2, l^2}", pick="\\theta = \\{a^2, \\ell^2\\}")
label(GP, 184, "claim", "wrong", "mpmath: the log marginal likelihood (2-D quadrature) minus the written terms "
      "changes with the lengthscale (0.5 against 2.0), so no constant c fits: the log-determinant must be of "
      "K + sigma^2 I", "", _marginal_written)
nonclaim(GP, 188, "definition", "the predictive mean a_*")
nonclaim(GP, 189, "definition", "the predictive variance v_*")
nonclaim(GP, 208, "definition", "the data model y(x)", pick="y(x) = \\sin(x) + \\frac{1}{2}\\sin(4x) + \\epsilon,")
nonclaim(GP, 208, "definition", "the noise-free f", pick="f(x) = \\sin(x) + \\frac{1}{2}\\sin(4x)")
nonclaim(GP, 208, "example", "sigma = 0.25", pick="\\sigma = 0.25")
nonclaim(GP, 212, "condition", "m(x) = 0", pick="m(x) = 0")
nonclaim(GP, 213, "definition", "the RBF kernel")
nonclaim(GP, 221, "definition", "the predictive mean")
nonclaim(GP, 225, "definition", "the predictive variance")
label(GP, 233, "claim", "right", "mpmath: 2-D quadrature of p(y|f) p(f) equals the Gaussian N(y; 0, K + s2 I), "
      "n = 2", "y = f + eps, eps ~ N(0, s2 I)", _marginalisation)
label(GP, 236, "claim", "right", "mpmath: the closed form against the 2-D quadrature, n = 2",
      "y = f + eps, eps ~ N(0, s2 I), f ~ N(0, K)", _marginal_closed_form)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)

    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
