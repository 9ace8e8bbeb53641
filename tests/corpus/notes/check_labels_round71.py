r"""Independent checks of the hand labels of two documentation sources added at stop 52 (corpus52).

``xgboost_boosted_trees.rst``: the XGBoost
documentation's *Introduction to Boosted Trees* (T. Chen and contributors; additive training, the second-order
expansion of the loss, the regularised leaf weights and the split gain) and the overview of *Custom Objective and
Evaluation Metric* (the squared log error's gradient and Hessian).

``sklearn_regression_metrics.rst``: the scikit-learn user guide's regression metrics (R², MAE, MSE, MSLE, MAPE,
MedAE, max error, explained variance, the Tweedie deviances, the pinball loss, D²).  Every formula there defines a
metric; each definition is labelled not-a-claim, and the two later blocks that set ``\text{dev}`` to another metric
(pinball, then MAE: each subsection's own choice of the deviance in D²) are definitions too, not a claim that the
pinball loss equals the MAE (at alpha = 1/2 it is half the MAE, as the prose says).

``scipy_optimize_tutorial.rst``: the SciPy tutorial on ``scipy.optimize`` (the Rosenbrock function, its gradient,
Hessian and Hessian-vector product, Newton's step, a constrained problem with its solution, a constraint's Jacobian
and Hessians).  The Rosenbrock function is written with ``x_1 .. x_N`` in its definition and with ``x_0 .. x_{N-1}``
in its derivatives (the special cases name ``x_0`` and ``x_{N-1}``); the derivative blocks are labelled under the
0-based reading, the one that makes their special cases the ends, and "interior" as the prose says.  One real
mistake: the Hessian written out for N = 5 has ``1200x_{1}^{2}+202`` in its third diagonal entry, where
``1200x_{2}^{2}+202`` belongs (the code beside it computes the right one).

All three labelled as written, before Formulary was run on them.

Each entry names a block by ``(file, line[, text that picks it])``, gives its role and label, says how it was checked
and, for ``right``/``wrong``, carries a check written by hand with sympy, mpmath or numpy that returns True when the
block's claim holds *as its author means it*: an identity "up to a constant" holds when the difference of its two
sides does not depend on the new tree's outputs; a second-order Taylor expansion holds when its remainder is
O(f^3).  Nothing from Formulary is imported.

    python3 tests/corpus/notes/check_labels_round71.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round71.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import mpmath as mp
import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, rst_blocks, zero

ENTRIES, label, nonclaim = recorder()
F = "xgboost_boosted_trees.rst"
mp.mp.dps = 30
RNG = np.random.default_rng(71)
TOL = 1e-9
"""Tolerance on float64 sums of a few dozen terms of size O(1) (round-off ~1e-14)."""


def at(snippet, nth=0):
    """The line of the ``nth`` formula (as ``rst_blocks`` finds it) whose text holds ``snippet``."""
    text = (HERE / F).read_text(encoding="utf-8")
    return [line for line, inner in rst_blocks(text) if snippet in inner][nth]


def _latex(entry) -> str:
    text = (HERE / entry["file"]).read_text(encoding="utf-8")
    found = [inner for line, inner in rst_blocks(text) if line == entry["line"]]
    if entry["pick"] is not None:
        found = [inner for inner in found if inner.strip() == entry["pick"]]
    if len(found) != 1:
        raise SystemExit(f"{entry['file']}:{entry['line']}: {len(found)} blocks match {entry['pick']!r}")
    return found[0]


# ---------------------------------------------------------------- elements of supervised learning
nonclaim(F, at(r"\hat{y}_i = \sum_j \theta_j x_{ij}"), "definition", "the linear model's prediction")
nonclaim(F, at(r"\text{obj}(\theta) = L(\theta) + \Omega(\theta)"), "definition", "the objective: loss plus regularisation")
nonclaim(F, at(r"L(\theta) = \sum_i (y_i-\hat{y}_i)^2"), "definition",
         "the squared-error loss (called 'mean squared error' in the prose, written as a sum)")
nonclaim(F, at(r"L(\theta) = \sum_i[ y_i\ln (1+e^{-\hat{y}_i})"), "definition",
         "the logistic loss of the logit y-hat with y in {0, 1}: -y log sigma(yhat) - (1-y) log(1 - sigma(yhat)), the "
         "same function (checked by hand: -log sigma(u) = log(1 + e^{-u}), -log(1 - sigma(u)) = log(1 + e^u))")
nonclaim(F, at(r"\hat{y}_i = \sum_{k=1}^K f_k(x_i), f_k \in \mathcal{F}"), "definition", "the tree ensemble")
nonclaim(F, at(r"\text{obj}(\theta) = \sum_i^n l(y_i, \hat{y}_i)"), "definition", "the ensemble's objective")
nonclaim(F, at(r"\text{obj} = \sum_{i=1}^n l(y_i, \hat{y}_i^{(t)})"), "definition",
         "the objective at step t ('Let the following be the objective function')")

# ---------------------------------------------------------------- additive training
fs = sp.symbols("f1:6")


def additive_chain_holds():
    """yhat^(t) = sum_{k<=t} f_k with yhat^(0) = 0: every link of the chain, for t = 1..5, exactly."""
    yhat = [sp.Integer(0)]
    for k in range(5):
        yhat.append(yhat[-1] + fs[k])
    return all(zero(yhat[t] - sum(fs[:t])) and zero(yhat[t] - (yhat[t - 1] + fs[t - 1])) for t in range(1, 6))


label(F, at(r"\hat{y}_i^{(0)} &= 0"), "claim", "right",
      "sympy: with yhat^(0) = 0 and each step adding f_t, yhat^(t) = sum_{k<=t} f_k = yhat^(t-1) + f_t for t = 1..5 "
      "(the first row is the definition of the start)", "the additive strategy (one new tree per step)",
      additive_chain_holds)

yv, yp, ft = sp.symbols("y yhat f", real=True)
omega = sp.symbols("Omega1:4", real=True)


def up_to_constant_holds():
    """For a smooth loss l (here l(y, u) = log(1 + e^{-y u}) + u^2/3, any would do) and t = 3: the first side minus
    the second (without its constant) equals Omega(f_1) + Omega(f_2), whatever the new tree's output f_t."""
    loss = lambda y_, u_: sp.log(1 + sp.exp(-y_ * u_)) + u_ ** 2 / 3  # noqa: E731
    first = loss(yv, yp + ft) + sum(omega)      # yhat^(t) = yhat^(t-1) + f_t, Omega summed over i = 1..t
    second = loss(yv, yp + ft) + omega[2]
    return zero(sp.diff(first - second, ft)) and zero(first - second - omega[0] - omega[1])


label(F, at(r"& = \sum_{i=1}^n l(y_i, \hat{y}_i^{(t-1)} + f_t(x_i)) + \Omega(f_t)"), "claim", "right",
      "sympy: the two sides differ by Omega(f_1) + ... + Omega(f_{t-1}), which does not depend on the new tree "
      "(checked for t = 3 with a smooth loss)", "constant: terms not depending on f_t", up_to_constant_holds)


def mse_expansion_holds():
    """(y - (yhat + f))^2 = 2 (yhat - y) f + f^2 + (y - yhat)^2: the difference of the sides is free of f."""
    first = (yv - (yp + ft)) ** 2 + sum(omega)
    second = 2 * (yp - yv) * ft + ft ** 2 + omega[2]
    diff = sp.expand(first - second)
    return zero(sp.diff(diff, ft)) and zero(diff - (yv - yp) ** 2 - omega[0] - omega[1])


label(F, at(r"(y_i - (\hat{y}_i^{(t-1)} + f_t(x_i)))^2"), "claim", "right",
      "sympy: expanding, the sides differ by (y - yhat^(t-1))^2 + Omega(f_1) + ... + Omega(f_{t-1}), free of f_t",
      "constant: terms not depending on f_t", mse_expansion_holds)


def taylor_holds():
    """l(y, u + f) = l(y, u) + g f + h f^2 / 2 + O(f^3) with g, h the first two derivatives in u: the logistic loss of
    the block at line 58 and the squared loss, at random (y, u), the remainder over f^3 stays bounded as f -> 0."""
    u = sp.Symbol("u", real=True)
    losses = [yv * sp.log(1 + sp.exp(-u)) + (1 - yv) * sp.log(1 + sp.exp(u)), (yv - u) ** 2]
    for loss in losses:
        g, h = sp.diff(loss, u), sp.diff(loss, u, 2)
        rem = loss.subs(u, u + ft) - (loss + g * ft + h * ft ** 2 / 2)
        f_rem = sp.lambdify((yv, u, ft), rem, "mpmath")
        for _ in range(5):
            y0, u0 = mp.mpf(float(RNG.uniform(0, 1))), mp.mpf(float(RNG.uniform(-2, 2)))
            ratios = [abs(f_rem(y0, u0, mp.mpf(10) ** -k)) / mp.mpf(10) ** (-3 * k) for k in (2, 4, 6)]
            if max(ratios) > 1:  # |l'''| / 6 <= 1 here; a wrong g or h leaves a remainder ~ f or f^2
                return False
    return True


label(F, at(r"\text{obj}^{(t)} = \sum_{i=1}^n [l(y_i, \hat{y}_i^{(t-1)}) + g_i f_t(x_i)"), "claim", "right",
      "mpmath at 30 digits: for the logistic and the squared loss, l(y, u + f) - (l + g f + h f^2/2) over f^3 stays "
      "below 1 for f = 1e-2, 1e-4, 1e-6 at five random points (a second-order Taylor expansion, as the prose says)",
      "the second-order Taylor expansion in f_t(x_i) ('up to the second order'); constant as in line 143",
      taylor_holds)
nonclaim(F, at(r"g_i &= \partial_{\hat{y}_i^{(t-1)}}"), "definition", "the gradient and Hessian statistics")
nonclaim(F, at(r"\sum_{i=1}^n [g_i f_t(x_i) + \frac{1}{2} h_i f_t^2(x_i)] + \Omega(f_t)"), "no-claim",
         "an expression: the objective at step t without its constants")

# ---------------------------------------------------------------- model complexity and the structure score
nonclaim(F, at(r"f_t(x) = w_{q(x)}"), "definition", "a tree as leaf weights and a leaf assignment")
nonclaim(F, at(r"\Omega(f) = \gamma T + \frac{1}{2}\lambda"), "definition", "the tree's complexity")

T, N = 4, 30


def regroup_holds():
    """Random g, h, leaf assignment q and weights w: sum_i [g w_q + h w_q^2 / 2] + gamma T + lambda/2 sum w^2 equals
    sum_j [(sum_{I_j} g) w_j + (sum_{I_j} h + lambda) w_j^2 / 2] + gamma T (the approximate first relation is the
    expansion of line 159 with the constants dropped and f_t(x_i) = w_{q(x_i)}, Omega of line 193)."""
    for _ in range(5):
        g, h = RNG.normal(size=N), RNG.uniform(0.1, 2, size=N)
        q, w = RNG.integers(0, T, size=N), RNG.normal(size=T)
        gam, lam = RNG.uniform(0, 1), RNG.uniform(0, 2)
        lhs = np.sum(g * w[q] + 0.5 * h * w[q] ** 2) + gam * T + 0.5 * lam * np.sum(w ** 2)
        rhs = sum(g[q == j].sum() * w[j] + 0.5 * (h[q == j].sum() + lam) * w[j] ** 2 for j in range(T)) + gam * T
        if abs(lhs - rhs) > TOL:
            return False
    return True


label(F, at(r"\text{obj}^{(t)} &\approx \sum_{i=1}^n [g_i w_{q(x_i)}"), "claim", "right",
      "numpy, five random (g, h, q, w, gamma, lambda) with T = 4 leaves and 30 points: the sum over points equals "
      "the sum over leaves to 1e-9; the first relation is the expansion of line 159 without its constants",
      "f_t(x_i) = w_{q(x_i)}; constants dropped", regroup_holds)
nonclaim(F, at(r"I_j = \{i|q(x_i)=j\}"), "definition", "the points of leaf j", pick=r"I_j = \{i|q(x_i)=j\}")
nonclaim(F, at(r"G_j = \sum_{i\in I_j} g_i"), "definition", "a leaf's gradient sum", pick=r"G_j = \sum_{i\in I_j} g_i")
nonclaim(F, at(r"H_j = \sum_{i\in I_j} h_i"), "definition", "a leaf's Hessian sum", pick=r"H_j = \sum_{i\in I_j} h_i")
label(F, at(r"\text{obj}^{(t)} = \sum^T_{j=1} [G_jw_j"), "claim", "right",
      "the right side of line 205 with G_j and H_j of line 210 substituted (checked there numerically)",
      "G_j, H_j as defined on line 210", regroup_holds)
nonclaim(F, at(r"G_jw_j+\frac{1}{2}(H_j+\lambda)w_j^2"), "no-claim", "an expression named in the prose",
         pick=r"G_jw_j+\frac{1}{2}(H_j+\lambda)w_j^2")

G, H, lam_, gam_, wj = sp.symbols("G H lambda gamma w", real=True)


def optimum_holds():
    """G w + (H + lambda) w^2 / 2 with H + lambda > 0 is minimised at w* = -G/(H + lambda), with value
    -G^2 / (2 (H + lambda)); summed over leaves with gamma T, obj* follows."""
    q = G * wj + (H + lam_) * wj ** 2 / 2
    w_star = sp.solve(sp.diff(q, wj), wj)
    return (len(w_star) == 1 and zero(w_star[0] + G / (H + lam_))
            and zero(q.subs(wj, w_star[0]) + G ** 2 / (2 * (H + lam_)))
            and zero(sp.diff(q, wj, 2) - (H + lam_)))


label(F, at(r"w_j^\ast &= -\frac{G_j}{H_j+\lambda}"), "claim", "right",
      "sympy: the quadratic G w + (H + lambda) w^2/2 has its one stationary point at -G/(H + lambda), a minimum "
      "when H + lambda > 0, with value -G^2/(2(H + lambda)); obj* sums these over the T leaves plus gamma T",
      "H_j + lambda > 0 (convex loss, lambda >= 0)", optimum_holds)

GL, GR, HL, HR = sp.symbols("G_L G_R H_L H_R", positive=True)


def gain_is_the_reduction():
    obj = lambda Gs, Hs, leaves: -sp.Rational(1, 2) * sum(g_ ** 2 / (h_ + lam_) for g_, h_ in zip(Gs, Hs)) \
        + gam_ * leaves  # noqa: E731
    gain = sp.Rational(1, 2) * (GL ** 2 / (HL + lam_) + GR ** 2 / (HR + lam_)
                                - (GL + GR) ** 2 / (HL + HR + lam_)) - gam_
    return zero(obj([GL + GR], [HL + HR], 1) - obj([GL, GR], [HL, HR], 2) - gain)


label(F, at(r"Gain = \frac{1}{2} \left[\frac{G_L^2}{H_L+\lambda}"), "definition", "not-a-claim",
      "defines the split's gain; it is the reduction obj*(one leaf) - obj*(two leaves) (sympy, checked by the "
      "function below, which must hold)", "", None)
assert gain_is_the_reduction()

# ---------------------------------------------------------------- custom objective: squared log error
nonclaim(F, at(r"\frac{1}{2}[\log(pred + 1) - \log(label + 1)]^2"), "no-claim", "the SLE objective, an expression")
nonclaim(F, at(r"\sqrt{\frac{1}{N}[\log(pred + 1)"), "no-claim",
         "the RMSLE metric, an expression (written without the sum over the N points that its 1/N implies)")
pred, lab = sp.symbols("pred label", positive=True)
SLE = (sp.log(pred + 1) - sp.log(lab + 1)) ** 2 / 2
label(F, at(r"g = \frac{\partial{objective}}{\partial{pred}}"), "claim", "right",
      "sympy: d/dpred of (log(pred+1) - log(label+1))^2/2 is (log(pred+1) - log(label+1))/(pred+1)",
      "objective: the SLE above", lambda: zero(sp.diff(SLE, pred) - (sp.log(pred + 1) - sp.log(lab + 1)) / (pred + 1)))
label(F, at(r"h = \frac{\partial^2{objective}}{\partial{pred}}"), "claim", "right",
      "sympy: the second derivative in pred of the SLE is (1 - log(pred+1) + log(label+1))/(pred+1)^2 (the "
      "denominator written partial pred for partial pred^2)", "objective: the SLE above",
      lambda: zero(sp.diff(SLE, pred, 2) - (-sp.log(pred + 1) + sp.log(lab + 1) + 1) / (pred + 1) ** 2))


# ---------------------------------------------------------------- scikit-learn: regression metrics
S = "sklearn_regression_metrics.rst"
_METRICS = [  # (snippet of the block, what it defines)
    (r"R^2(y, \hat{y}) = 1 - \frac", "R², the coefficient of determination"),
    (r"\bar{y} = \frac{1}{n} \sum_{i=1}^{n} y_i", "the mean of the targets"),
    (r"(y_i - \hat{y}_i)^2 = \sum_{i=1}^{n} \epsilon_i^2", "the residuals epsilon_i (notation)"),
    (r"\text{MAE}(y, \hat{y}) = \frac{1}", "the mean absolute error"),
    (r"\text{MSE}(y, \hat{y}) = \frac{1}", "the mean squared error"),
    (r"\text{MSLE}(y, \hat{y}) = \frac{1}", "the mean squared logarithmic error"),
    (r"\text{MAPE}(y, \hat{y}) = \frac{1}", "the mean absolute percentage error"),
    (r"\text{MedAE}(y, \hat{y}) = \text{median}", "the median absolute error"),
    (r"\text{Max Error}(y, \hat{y}) = \max", "the max error"),
    (r"explained\_{}variance(y, \hat{y}) = 1", "the explained variance score"),
    (r"\text{D}(y, \hat{y}) = \frac{1}{n_\text{samples}}", "the mean Tweedie deviance, case by case in p"),
    (r"\text{pinball}(y, \hat{y}) = \frac{1}", "the mean pinball loss"),
    (r"D^2(y, \hat{y}) = 1 - \frac{\text{dev}", "the D² score for a deviance dev"),
    (r"\text{dev}(y, \hat{y}) = \text{pinball}(y, \hat{y})", "D² pinball: its deviance is the pinball loss"),
    (r"\text{dev}(y, \hat{y}) = \text{MAE}(y, \hat{y})", "D² absolute error: its deviance is the MAE (a new "
                                                          "subsection's own choice, not pinball = MAE)"),
]


def at_s(snippet):
    text = (HERE / S).read_text(encoding="utf-8")
    return [(line, inner) for line, inner in rst_blocks(text) if snippet in inner][0]


for snippet, what in _METRICS:
    line, inner = at_s(snippet)
    nonclaim(S, line, "definition", what, pick=inner.strip())


# ---------------------------------------------------------------- SciPy: the optimize tutorial
O = "scipy_optimize_tutorial.rst"


def at_o(snippet, nth=0):
    text = (HERE / O).read_text(encoding="utf-8")
    return [(line, inner) for line, inner in rst_blocks(text) if snippet in inner][nth]


def o_label(snippet, role, lab, check, assumptions="", fn=None, nth=0):
    line, inner = at_o(snippet, nth)
    label(O, line, role, lab, check, assumptions, fn, pick=inner.strip())


def o_nonclaim(snippet, role, check, nth=0):
    line, inner = at_o(snippet, nth)
    nonclaim(O, line, role, check, pick=inner.strip())


NV = 7
xs = sp.symbols(f"x0:{NV}", real=True)
ROSEN = sum(100 * (xs[i] - xs[i - 1] ** 2) ** 2 + (1 - xs[i - 1]) ** 2 for i in range(1, NV))
"""The Rosenbrock function of N = 7 variables written 0-based, x_0 .. x_6 (line 27 with x_{i+1} -> x_i)."""


def delta(i, j):
    return 1 if i == j else 0


def gradient_holds():
    """Both rows of the block equal d f / d x_j for every interior j (1 <= j <= N-2); the sum of the first row runs
    over i = 1..N as written (its term i = N vanishes for interior j, x_N a free symbol)."""
    xN = sp.Symbol("x7", real=True)
    X = list(xs) + [xN]
    for j in range(1, NV - 1):
        true = sp.diff(ROSEN, xs[j])
        first = sum(200 * (X[i] - X[i - 1] ** 2) * (delta(i, j) - 2 * X[i - 1] * delta(i - 1, j))
                    - 2 * (1 - X[i - 1]) * delta(i - 1, j) for i in range(1, NV + 1))
        second = 200 * (xs[j] - xs[j - 1] ** 2) - 400 * xs[j] * (xs[j + 1] - xs[j] ** 2) - 2 * (1 - xs[j])
        if not (zero(true - first) and zero(true - second)):
            return False
    return True


def hessian_entry(i, j):
    return sp.diff(ROSEN, xs[i], xs[j])


def interior_hessian_holds():
    for i in range(1, NV - 1):
        for j in range(1, NV - 1):
            first = (200 * (delta(i, j) - 2 * xs[i - 1] * delta(i - 1, j))
                     - 400 * xs[i] * (delta(i + 1, j) - 2 * xs[i] * delta(i, j))
                     - 400 * delta(i, j) * (xs[i + 1] - xs[i] ** 2) + 2 * delta(i, j))
            second = ((202 + 1200 * xs[i] ** 2 - 400 * xs[i + 1]) * delta(i, j) - 400 * xs[i] * delta(i + 1, j)
                      - 400 * xs[i - 1] * delta(i - 1, j))
            if not (zero(hessian_entry(i, j) - first) and zero(first - second)):
                return False
    return True


def end_entries_hold():
    n = NV - 1
    return (zero(hessian_entry(0, 0) - (1200 * xs[0] ** 2 - 400 * xs[1] + 2))
            and zero(hessian_entry(0, 1) + 400 * xs[0]) and zero(hessian_entry(1, 0) + 400 * xs[0])
            and zero(hessian_entry(n, n - 1) + 400 * xs[n - 1]) and zero(hessian_entry(n - 1, n) + 400 * xs[n - 1])
            and zero(hessian_entry(n, n) - 200))


def hessian5_holds():
    """The block's matrix for N = 5 against the Hessian of the 0-based Rosenbrock function of five variables."""
    x5 = xs[:5]
    f5 = sum(100 * (x5[i] - x5[i - 1] ** 2) ** 2 + (1 - x5[i - 1]) ** 2 for i in range(1, 5))
    true = sp.hessian(f5, x5)
    diag = sp.diag(1200 * x5[0] ** 2 + 2, 1200 * x5[1] ** 2 + 202, 1200 * x5[1] ** 2 + 202,
                   1200 * x5[3] ** 2 + 202, 200)
    band = sp.Matrix([[x5[1], x5[0], 0, 0, 0], [x5[0], x5[2], x5[1], 0, 0], [0, x5[1], x5[3], x5[2], 0],
                      [0, 0, x5[2], x5[4], x5[3]], [0, 0, 0, x5[3], 0]])
    return zero(sp.Matrix(true - (diag - 400 * band)).norm())


def hessp_holds():
    ps = sp.symbols(f"p0:{NV}", real=True)
    Hp = sp.hessian(ROSEN, xs) * sp.Matrix(ps)
    n = NV - 1
    rows_ok = [zero(Hp[0] - ((1200 * xs[0] ** 2 - 400 * xs[1] + 2) * ps[0] - 400 * xs[0] * ps[1])),
               zero(Hp[n] - (-400 * xs[n - 1] * ps[n - 1] + 200 * ps[n]))]
    rows_ok += [zero(Hp[i] - (-400 * xs[i - 1] * ps[i - 1] + (202 + 1200 * xs[i] ** 2 - 400 * xs[i + 1]) * ps[i]
                              - 400 * xs[i] * ps[i + 1])) for i in range(1, n)]
    return all(rows_ok)


def quadratic_model_holds():
    """f(x0 + t d) - (f(x0) + t grad.d + t^2/2 d'Hd) = O(t^3): the Rosenbrock function at random points and
    directions, mpmath at 30 digits, remainder / t^3 bounded (by 1e4 here, the third derivatives' size) as t -> 0."""
    grad = [sp.diff(ROSEN, v) for v in xs]
    H = sp.hessian(ROSEN, xs)
    f = sp.lambdify(xs, ROSEN, "mpmath")
    for _ in range(3):
        x0 = [mp.mpf(float(v)) for v in RNG.uniform(-1.5, 1.5, NV)]
        d = [mp.mpf(float(v)) for v in RNG.normal(size=NV)]
        sub = dict(zip(xs, x0))
        g = [mp.mpf(str(sp.N(gi.subs(sub), 40))) for gi in grad]
        Hn = [[mp.mpf(str(sp.N(H[r, c].subs(sub), 40))) for c in range(NV)] for r in range(NV)]
        quad = sum(d[r] * Hn[r][c] * d[c] for r in range(NV) for c in range(NV))
        lin = sum(gi * di for gi, di in zip(g, d))
        for k in (2, 3, 4):
            t = mp.mpf(10) ** -k
            rem = f(*[a + t * b for a, b in zip(x0, d)]) - (f(*x0) + t * lin + t ** 2 / 2 * quad)
            if abs(rem) / t ** 3 > 1e4:
                return False
    return True


def newton_step_holds():
    """x_opt = x0 - H^{-1} grad f zeroes the gradient of the quadratic model when H is positive definite (numpy,
    random SPD H and gradient, n = 6)."""
    for _ in range(5):
        A = RNG.normal(size=(6, 6))
        H = A @ A.T + 6 * np.eye(6)
        g, x0 = RNG.normal(size=6), RNG.normal(size=6)
        x_opt = x0 - np.linalg.solve(H, g)
        if np.max(np.abs(g + H @ (x_opt - x0))) > TOL:
            return False
    return True


def constrained_solution_holds():
    """On 2 x0 + x1 = 1 the problem is one-dimensional, x1 = 1 - 2 x0, with the other constraints x0 in [1/3,
    sqrt(3) - 1] (x0 + 2 x1 <= 1, x0^2 - x1 <= 1; the rest are looser there).  mpmath: the minimiser of
    100 (x1 - x0^2)^2 + (1 - x0)^2 on that interval (the one stationary point inside, lower than both ends) is
    0.414945..., x1 = 0.170109...; both round to the block's four decimals."""
    g = lambda t: 100 * (1 - 2 * t - t ** 2) ** 2 + (1 - t) ** 2  # noqa: E731
    lo, hi = mp.mpf(1) / 3, mp.sqrt(3) - 1
    t = mp.findroot(lambda s: mp.diff(g, s), mp.mpf("0.42"))
    ok = lo < t < hi and g(t) < g(lo) and g(t) < g(hi)
    grid = min(g(lo + (hi - lo) * k / 2000) for k in range(2001))
    return bool(ok and g(t) <= grid + mp.mpf(10) ** -20 and abs(t - mp.mpf("0.4149")) < 5e-5
                and abs((1 - 2 * t) - mp.mpf("0.1701")) < 5e-5)


x0s, x1s = sp.symbols("x_0 x_1", real=True)
CONS = sp.Matrix([x0s ** 2 + x1s, x0s ** 2 - x1s])

o_nonclaim(r"f\left(\mathbf{x}\right)=\sum_{i=1}^{N-1}100", "definition", "the Rosenbrock function")
o_nonclaim(r"x_{i}=1.", "condition", "where the minimum is attained (the prose's claim, a value of x_i)")
o_nonclaim(r"f\left(\mathbf{x}, a, b\right)=", "definition", "the scaled and shifted Rosenbrock function")
o_label(r"\frac{\partial f}{\partial x_{j}} & = & \sum_{i=1}^{N}200", "claim", "right",
        "sympy, N = 7 (0-based): both rows equal d f/d x_j for every interior j = 1..5; the first row's sum to N adds "
        "only terms that vanish for interior j", "interior j ('valid for the interior derivatives'); x indexed from 0",
        gradient_holds)
o_label(r"\frac{\partial f}{\partial x_{0}} & = & -400x_{0}", "claim", "right",
        "sympy, N = 7 (0-based): d f/d x_0 and d f/d x_{N-1} are as written", "x indexed from 0",
        lambda: zero(sp.diff(ROSEN, xs[0]) - (-400 * xs[0] * (xs[1] - xs[0] ** 2) - 2 * (1 - xs[0])))
        and zero(sp.diff(ROSEN, xs[-1]) - 200 * (xs[-1] - xs[-2] ** 2)))
o_label(r"f\left(\mathbf{x}\right)\approx f\left(\mathbf{x}_{0}\right)", "claim", "right",
        "mpmath at 30 digits: for the Rosenbrock function (N = 7) at three random points and directions, the "
        "remainder of the quadratic model over t^3 stays below 1e4 for t = 1e-2, 1e-3, 1e-4 (second-order Taylor)",
        "x near x_0", quadratic_model_holds)
o_label(r"\mathbf{x}_{\textrm{opt}}=\mathbf{x}_{0}-\mathbf{H}^{-1}\nabla f", "claim", "right",
        "numpy: for random positive definite H (6 x 6) and gradients, x_0 - H^{-1} grad f zeroes the quadratic "
        "model's gradient grad f + H (x - x_0) to 1e-9", "H positive definite; grad f at x_0", newton_step_holds)
o_label(r"H_{ij}=\frac{\partial^{2}f}{\partial x_{i}\partial x_{j}}", "claim", "right",
        "sympy, N = 7 (0-based): for interior i, j both rows equal the Hessian entry", "i, j in [1, N-2]",
        interior_hessian_holds)
o_nonclaim(r"i,j\in\left[1,N-2\right]", "condition", "the range of the formula above")
o_nonclaim(r"i,j\in\left[0,N-1\right]", "condition", "the indices of the matrix")
o_label(r"\frac{\partial^{2}f}{\partial x_{0}^{2}} & = & 1200x_{0}^{2}", "claim", "right",
        "sympy, N = 7 (0-based): the corner entries of the Hessian are as written", "x indexed from 0",
        end_entries_hold)
o_label(r"\mathbf{H}=\begin{bmatrix} 1200x_{0}^{2}+2", "claim", "wrong",
        "sympy: the Hessian of the five-variable Rosenbrock function has 1200 x_2^2 - 400 x_3 + 202 in entry (2, 2); "
        "the block's third diagonal entry is 1200 x_1^2 + 202 - 400 x_3 (x_1 for x_2)", "N = 5, x indexed from 0",
        hessian5_holds)
o_label(r"\mathbf{H}\left(\mathbf{x}\right)\mathbf{p}=\begin{bmatrix}", "claim", "right",
        "sympy, N = 7: every row of H(x) p is as written (first, interior, last)", "x indexed from 0", hessp_holds)
o_nonclaim(r"\min_{\mathbf{p}} f\left(\mathbf{x}_{k}\right)", "no-claim", "the trust-region subproblem")
o_nonclaim(r"\mathbf{x}_{k+1} = \mathbf{x}_{k} + \mathbf{p}", "definition", "the update")
o_nonclaim(r"\min_{x_0, x_1} & ~~100", "no-claim", "the constrained problem")
o_label(r"[x_0, x_1] = [0.4149,~ 0.1701]", "claim", "right",
        "mpmath: on the equality constraint the problem is min over x0 in [1/3, sqrt 3 - 1] of "
        "100(1 - 2x0 - x0^2)^2 + (1 - x0)^2, whose minimiser is x0 = 0.414945, x1 = 0.170109 (to four decimals as "
        "written); the prose's 'only the first and fourth constraints are active' is wrong (x0 + 2x1 = 0.755 < 1), "
        "not a formula block", "the constrained problem above", constrained_solution_holds)
o_nonclaim(r"\min_x & f(x) & \\", "no-claim", "the general constrained problem")
o_nonclaim(r"c^l_j = c^u_j", "condition", "an equality constraint's bounds")
o_nonclaim(r"0 \leq  x_0  \leq 1", "condition", "a bound constraint", nth=1)
o_nonclaim(r"-0.5 \leq  x_1  \leq 2.0", "condition", "a bound constraint", nth=1)
o_nonclaim(r"x_0 + 2 x_1 \leq 1", "condition", "a linear constraint", nth=1)
o_nonclaim(r"2 x_0 + x_1 = 1", "condition", "a linear constraint", nth=1)
o_nonclaim(r"\begin{bmatrix}-\infty \\1\end{bmatrix} \leq", "condition",
           "the two linear constraints in matrix form (row 1: x0 + 2x1 <= 1; row 2: 1 <= 2x0 + x1 <= 1)")
o_nonclaim(r"c(x) =", "condition", "the nonlinear constraint, c defined and bounded")
o_label(r"J(x) =", "claim", "right", "sympy: the Jacobian of c(x) = (x0^2 + x1, x0^2 - x1) is [[2x0, 1], [2x0, -1]]",
        "c as defined above", lambda: zero((CONS.jacobian([x0s, x1s]) - sp.Matrix([[2 * x0s, 1], [2 * x0s, -1]])).norm()))
o_label(r"H(x, v) = \sum_{i=0}^1 v_i \nabla^2 c_i(x)", "claim", "right",
        "sympy: the Hessians of x0^2 + x1 and x0^2 - x1 are both [[2, 0], [0, 0]]", "c as defined above",
        lambda: all(zero((sp.hessian(CONS[k], [x0s, x1s]) - sp.Matrix([[2, 0], [0, 0]])).norm()) for k in range(2)))


def main(argv) -> int:
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
