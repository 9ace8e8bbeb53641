r"""Independent checks of the hand labels of ``facure_causal_regression.md`` (stop 51, scope51): M. Facure's *Causal
Inference for The Brave and True*, the regression chapter (potential outcomes, OLS as best linear predictor, the
Frisch-Waugh-Lovell partialling out, omitted-variable bias) and the first part of the instrumental-variables chapter
(the IV and Wald estimators).  Labelled as it was written, before Formulary was run on it.

Each entry names a block by ``(file, line)``, gives its role and label, says how it was checked and, for
``right``/``wrong``, carries a check written by hand with sympy or numpy that returns True when the block's claim
holds *as its author means it*.  Nothing from Formulary is imported.  Moments are computed exactly on small discrete
laws (sympy Rationals) or as sample moments of a random sample, for which the regression identities (FWL, the OVB
formula with the error orthogonalised) hold exactly, up to float64 round-off (TOL).

    python3 tests/corpus/notes/check_labels_round70.py           # run every check; exit 1 if one disagrees
    python3 tests/corpus/notes/check_labels_round70.py --write   # also merge these labels into labels.json
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import sympy as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_labels import check_entries, recorder, zero

ENTRIES, label, nonclaim = recorder()
F = "facure_causal_regression.md"
TOL = 1e-9
"""Absolute/relative tolerance on sample-moment identities of n = 200 standard-normal draws: exact in real
arithmetic, float64 round-off is ~1e-13 here."""


def at(snippet, nth=0):
    """The line (1-based) of the ``nth`` line of the file holding ``snippet`` (not the header comment)."""
    lines = (HERE / F).read_text(encoding="utf-8").splitlines()
    head = next(i for i, s in enumerate(lines) if s.startswith("-->"))
    return [i + 1 for i, s in enumerate(lines) if snippet in s and i > head][nth]


def opening(snippet, nth=0):
    """The line of the ``$`` that opens the display block whose formula line holds ``snippet``."""
    return at(snippet, nth) - 1


def cov(a, b):
    return np.mean((a - a.mean()) * (b - b.mean()))


def slope(y, x):
    """The OLS slope of y on x with an intercept."""
    X = np.column_stack([np.ones_like(x), x])
    return np.linalg.lstsq(X, y, rcond=None)[0][1]


# ---------------------------------------------------------------- potential outcomes
Y0, Y1, T = sp.symbols("Y0 Y1 T")
label(F, opening(r"Y_i = Y_{0i} + T_i(Y_{1i} - Y_{0i})"), "claim", "right",
      "sympy: Y0 + T(Y1 - Y0) - (Y0(1 - T) + T Y1) expands to 0", "Y_i the observed outcome",
      lambda: zero(sp.expand(Y0 + T * (Y1 - Y0) - (Y0 * (1 - T) + T * Y1))))
nonclaim(F, opening(r"ATE = E[Y_1 - Y_0]"), "definition", "the average treatment effect")


def bias_decomposition_holds():
    """A discrete law of (T, Y0, Y1) with E[Y0|T=1] != E[Y0|T=0]: the block's right side against the left."""
    R = sp.Rational
    law = [  # (T, Y0, Y1, prob)
        (0, 1, 2, R(1, 4)), (0, 3, 3, R(1, 4)), (1, 5, 9, R(1, 4)), (1, 7, 8, R(1, 4))]

    def E(f, t):
        num = sum(p * f(y0, y1) for tt, y0, y1, p in law if tt == t)
        return num / sum(p for tt, _, _, p in law if tt == t)

    lhs = E(lambda y0, y1: y1, 1) - E(lambda y0, y1: y0, 0)  # Y = Y1 when T = 1, Y0 when T = 0
    rhs = E(lambda y0, y1: y1 - y0, 1) + (E(lambda y0, y1: y0, 0) - E(lambda y0, y1: y0, 1))
    return lhs == rhs


label(F, opening(r"E[Y|T=1] - E[Y|T=0] = \underbrace"), "claim", "wrong",
      "exact on a four-point law (E[Y0|T=1] = 6, E[Y0|T=0] = 2): the left side is 6.5, the right -1.5; the bias term "
      "is E[Y0|T=1] - E[Y0|T=0], the block has it the other way round", "", bias_decomposition_holds)
nonclaim(F, opening(r"exam_i = \beta_0 + \kappa \ Online_i + u_i"), "definition", "the regression model")

# ---------------------------------------------------------------- regression theory
nonclaim(F, opening(r"\beta^* =\underset{\beta}{argmin}"), "definition", "the best linear predictor's coefficients")


def population_ols_holds():
    """X_i a 1 x 3 row (intercept and two regressors) on a discrete law: E[X'X]^{-1} E[X'Y] minimises E[(Y - X b)^2]
    (its gradient vanishes there and the second moment matrix is positive definite)."""
    R = sp.Rational
    pts = [((1, 0, 1), 2), ((1, 1, 0), 1), ((1, 2, 2), 5), ((1, -1, 3), 0), ((1, 1, 1), 4)]
    p = R(1, len(pts))
    Exx = sum((p * sp.Matrix([x]).T * sp.Matrix([x]) for x, _ in pts), sp.zeros(3, 3))
    Exy = sum((p * sp.Matrix([x]).T * y for x, y in pts), sp.zeros(3, 1))
    beta = Exx.inv() * Exy
    bs = sp.symbols("b0:3")
    risk = sum(p * (y - sum(xi * bi for xi, bi in zip(x, bs))) ** 2 for x, y in pts)
    grad = [sp.diff(risk, bi).subs(dict(zip(bs, beta))) for bi in bs]
    return all(g == 0 for g in grad) and Exx.is_positive_definite


label(F, opening(r"\beta^* = E[X_i'X_i]^{-1}E[X_i' Y_i]"), "claim", "right",
      "sympy, exact: on a five-point law with X_i a 1 x 3 row, E[X'X]^{-1}E[X'Y] zeroes the gradient of the "
      "(convex) risk E[(Y - X b)^2]", "X_i the 1 x k row of regressors, as the sample X'X stacks them",
      population_ols_holds)
nonclaim(F, opening(r"\hat{\beta} = (X'X)^{-1}X' Y"), "definition", "the OLS estimator")

rng = np.random.default_rng(70)
N = 200
t = rng.normal(size=N)
x1, x2 = rng.normal(size=N), rng.normal(size=N)
t = t + 0.5 * x1 - 0.3 * x2
y = 1.0 + 2.0 * t + 0.7 * x1 + 0.4 * x2 + rng.normal(size=N)


def bivariate_slope_holds():
    return abs(slope(y, t) - cov(y, t) / cov(t, t)) < TOL


label(F, opening(r"\beta_1 = \dfrac{Cov(Y_i, T_i)}{Var(T_i)}"), "claim", "right",
      "numpy, n = 200: the OLS slope with intercept equals the sample Cov(Y, T)/Var(T) to 1e-9",
      "the regression of Y on T with an intercept", bivariate_slope_holds)
nonclaim(F, opening(r"y_i = \beta_0 + \kappa T_i + \beta_1 X_{1i}"), "definition", "the long regression")


def fwl_holds():
    X = np.column_stack([np.ones(N), t, x1, x2])
    kappa = np.linalg.lstsq(X, y, rcond=None)[0][1]
    W = np.column_stack([np.ones(N), x1, x2])
    t_tilde = t - W @ np.linalg.lstsq(W, t, rcond=None)[0]
    return abs(kappa - cov(y, t_tilde) / cov(t_tilde, t_tilde)) < TOL


for nth in (0, 1):
    label(F, opening(r"\kappa = \dfrac{Cov(Y_i, \tilde{T_i})}{Var(\tilde{T_i})}", nth), "claim", "right",
          "numpy, n = 200: the long regression's coefficient on T equals Cov(Y, T~)/Var(T~), T~ the residual of T on "
          "the other covariates (Frisch-Waugh-Lovell), to 1e-9", "T~ the residual of T on the other covariates",
          fwl_holds)

# ---------------------------------------------------------------- non-random data, OVB
nonclaim(F, opening(r"log(hwage)_i = \beta_0 + \beta_1 educ_i + u_i"), "definition", "the short wage model")
nonclaim(F, opening(r"log(hwage)_i = \beta_0 + \kappa \ educ_i + \pmb{\beta}X_i + u_i"), "definition",
         "the wage model with controls")
nonclaim(F, opening(r"Wage_i = \alpha + \kappa \ Educ_i + A_i'\beta + u_i"), "definition", "the long (true) model")


def ovb_holds():
    educ = rng.normal(size=N)
    A = np.column_stack([0.6 * educ + rng.normal(size=N), -0.4 * educ + rng.normal(size=N)])
    u = rng.normal(size=N)
    E1 = np.column_stack([np.ones(N), educ])
    u = u - E1 @ np.linalg.lstsq(E1, u, rcond=None)[0]  # u uncorrelated with Educ in the sample
    kappa, beta = 1.5, np.array([0.8, -1.2])
    wage = 0.3 + kappa * educ + A @ beta + u
    delta = np.array([cov(A[:, j], educ) / cov(educ, educ) for j in range(2)])
    return abs(cov(wage, educ) / cov(educ, educ) - (kappa + beta @ delta)) < TOL


label(F, opening(r"\dfrac{Cov(Wage_i, Educ_i)}{Var(Educ_i)} = \kappa + \beta'\delta_{Ability}"), "claim", "right",
      "numpy, n = 200, two ability factors, u orthogonalised to Educ: the short slope equals kappa + beta'delta to "
      "1e-9", "u uncorrelated with Educ; delta the slopes of A on Educ", ovb_holds)

# ---------------------------------------------------------------- instrumental variables
nonclaim(F, opening(r"\pmb{\beta}Ability_i + u_i"), "definition", "the wage model with ability")
nonclaim(F, opening(r"Y_i = \beta_0 + \kappa \ T_i + \pmb{\beta}W_i + u_i"), "definition", "the long model")
nonclaim(F, opening(r"Y_i = \beta_0 + \kappa\ T_i + v_i"), "definition", "the short model")
nonclaim(F, opening(r"v_i = \pmb{\beta}W_i + u_i"), "definition", "its error")


def iv_sample():
    """Z, T, v with Cov(Z, v) = 0 in the sample (v orthogonalised to Z) and Cov(T, v) != 0."""
    z = rng.normal(size=N)
    w = rng.normal(size=N)
    v = 1.3 * w + rng.normal(size=N)
    Z1 = np.column_stack([np.ones(N), z])
    v = v - Z1 @ np.linalg.lstsq(Z1, v, rcond=None)[0]
    tt = 0.9 * z + 0.8 * w + rng.normal(size=N)
    kappa = 0.7
    return z, tt, 2.0 + kappa * tt + v, v, kappa


def iv_covariance_chain_holds():
    z, tt, yy, v, kappa = iv_sample()
    links = [cov(z, yy), cov(z, 2.0 + kappa * tt + v), kappa * cov(z, tt) + cov(z, v), kappa * cov(z, tt)]
    return all(abs(a - links[0]) < TOL for a in links)


label(F, opening(r"Cov(Z,Y) = Cov(Z,\beta_0 + \kappa\ T_i + v_i)"), "claim", "right",
      "numpy, n = 200: every link agrees to 1e-9 with v orthogonalised to Z", "Cov(Z, v) = 0 (stated in the prose)",
      iv_covariance_chain_holds)


def iv_ratio_holds():
    z, tt, yy, v, kappa = iv_sample()
    return abs((cov(yy, z) / cov(z, z)) / (cov(tt, z) / cov(z, z)) - kappa) < TOL


label(F, opening(r"\kappa = \dfrac{Cov(Y_i, Z_i)/V(Z_i)}{Cov(T_i, Z_i)/V(Z_i)}"), "claim", "right",
      "numpy, n = 200: reduced form over first stage recovers kappa to 1e-9 (the second equality names them)",
      "Cov(Z, v) = 0", iv_ratio_holds)

zz, kap = sp.symbols("z kappa", real=True)
T_of_z = zz ** 3 + zz  # increasing, so z is a function of T


def derivative_chain_holds():
    y_of_z = 2 + kap * T_of_z
    dy_dz, dT_dz = sp.diff(y_of_z, zz), sp.diff(T_of_z, zz)
    dz_dT = 1 / dT_dz  # inverse function rule, T strictly increasing
    dy_dT = kap  # y = 2 + kappa T
    return zero(dy_dz / dT_dz - kap) and zero(dy_dz * dz_dT - dy_dz / dT_dz) and zero(dy_dz * dz_dT - dy_dT)


label(F, opening(r"\kappa = \dfrac{\frac{\partial y}{\partial z}}{\frac{\partial T}{\partial z}}"), "claim", "right",
      "sympy with T = z^3 + z and y = 2 + kappa T: each link equals kappa (inverse function rule, chain rule)",
      "y depends on z only through T; T strictly monotone in z", derivative_chain_holds)


def wald_holds():
    """Binary Z: a discrete law of (Z, T, v) with E[v|Z=1] = E[v|Z=0] (Cov(Z, v) = 0), Y = 1 + kappa T + v."""
    R = sp.Rational
    kappa = R(3, 2)
    law = [(0, 0, -1, R(1, 8)), (0, 1, 1, R(1, 8)), (0, 0, 0, R(1, 4)),
           (1, 1, -2, R(1, 8)), (1, 1, 2, R(1, 8)), (1, 0, 0, R(1, 4))]

    def E(f, zv):
        return sum(p * f(t_, v_) for z_, t_, v_, p in law if z_ == zv) / sum(p for z_, *_, p in law if z_ == zv)

    ey = lambda zv: E(lambda t_, v_: 1 + kappa * t_ + v_, zv)  # noqa: E731
    et = lambda zv: E(lambda t_, v_: t_, zv)  # noqa: E731
    return E(lambda t_, v_: v_, 1) == E(lambda t_, v_: v_, 0) and (ey(1) - ey(0)) / (et(1) - et(0)) == kappa


label(F, opening(r"\kappa = \dfrac{E[Y|Z=1]-E[Y|Z=0]}{E[T|Z=1]-E[T|Z=0]}"), "claim", "right",
      "exact on a six-point law with binary Z and E[v|Z] constant: the ratio of differences in means is kappa",
      "binary instrument Z with Cov(Z, v) = 0", wald_holds)


def main(argv) -> int:
    from check_labels_round3 import _latex  # the same block finder (Markdown and .tex)
    return check_entries(ENTRIES, _latex, argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
