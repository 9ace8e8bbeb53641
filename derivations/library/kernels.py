r"""SVM kernels and the soft margin.

Feature maps for the polynomial kernels in 2-D, symmetry of the kernels, PSD
evidence for an RBF Gram matrix, and the per-sample slack of the soft margin.
"""
from sympy import Derivative, Matrix, Max, S, Symbol, exp, sqrt, symbols

from derivations.checker.step import Derivation, Step
from symbolic.domains import Choice, Interval

from derivations.library import register

x1, x2, y1, y2 = symbols("x1 x2 y1 y2", real=True)
c1, c2 = symbols("c1 c2", real=True)  # the seed's c_j, a vector of its own
r = Symbol("r", nonnegative=True)
gamma = Symbol("gamma", positive=True)
deg = Symbol("d", integer=True, positive=True)
DEGREE = {deg: Choice((1.0, 2.0, 3.0, 4.0, 5.0))}


def dot(u, v):
    return sum(a * b for a, b in zip(u, v))


X, Y = (x1, x2), (y1, y2)


def phi(u):
    return (u[0] ** 2, sqrt(2) * u[0] * u[1], u[1] ** 2)


def phi_inhomogeneous(u):
    return (u[0] ** 2, u[1] ** 2, sqrt(2) * u[0] * u[1], sqrt(2 * r) * u[0], sqrt(2 * r) * u[1], r)


def poly(u, v):
    return dot(u, v) ** deg


def poly_inhomogeneous(u, v):
    return (dot(u, v) + r) ** deg


def rbf(u, v):
    return exp(-gamma * sum((a - b) ** 2 for a, b in zip(u, v)))


def seed_poly(u, v):
    """The seed's (x_i . c_j)^d: the second argument never appears."""
    return dot(u, (c1, c2)) ** deg


SEED_POLY = r"seed: K(x_i, x_j) = (x_i \cdot c_j)^d"

register(Derivation(
    id="poly_kernel_feature_map",
    title=r"$(x \cdot y)^2 = \langle \varphi(x), \varphi(y) \rangle$, "
          r"$\varphi(x) = (x_1^2, \sqrt2 x_1 x_2, x_2^2)$",
    catalog_id="poly_kernel",
    source="textbook",
    steps=(Step(dot(X, Y) ** 2, dot(phi(X), phi(Y)), justification="expand the square"),),
))

register(Derivation(
    id="poly_kernel_inhomogeneous_feature_map",
    title=r"$(x \cdot y + r)^2 = \langle \varphi(x), \varphi(y) \rangle$ with a 6-dimensional $\varphi$",
    catalog_id="poly_kernel_inhomogeneous",
    source="textbook",
    notes="phi(x) = (x1^2, x2^2, sqrt2 x1 x2, sqrt(2r) x1, sqrt(2r) x2, r), r >= 0.",
    steps=(Step((dot(X, Y) + r) ** 2, dot(phi_inhomogeneous(X), phi_inhomogeneous(Y)),
                justification="expand the square"),),
))

register(Derivation(
    id="kernel_symmetry",
    title=r"$K(x_i, x_j) = K(x_j, x_i)$",
    catalog_id="poly_kernel",
    source="Polynomial(homogeneous)",
    notes="The seed writes (x_i . c_j)^d and (x_i . c_j + r)^d: with c_j a vector of its own the "
          "'kernel' ignores its second argument and is not symmetric. Corrected: c_j = x_j.",
    steps=(
        Step(seed_poly(X, Y), seed_poly(Y, X), justification="swap the arguments of the seed's form",
             domains=DEGREE, expect="fails", note=SEED_POLY),
        Step(Derivative(seed_poly(X, Y), y1), S.Zero, justification="the seed's form does not depend on x_j",
             domains=DEGREE, note=SEED_POLY),
        Step(poly(X, Y), poly(Y, X), justification="the dot product is symmetric", domains=DEGREE),
        Step(poly_inhomogeneous(X, Y), poly_inhomogeneous(Y, X), justification="the dot product is symmetric",
             domains=DEGREE, note=r"seed: K(x_i, x_j) = (x_i \cdot c_j + r)^d"),
        Step(rbf(X, Y), rbf(Y, X), justification="|x - y| = |y - x|"),
    ),
))

ts = symbols("t0:3", real=True)  # three 1-D points
vs = symbols("v0:3", real=True)
G = Matrix(3, 3, lambda m, n: rbf((ts[m],), (ts[n],)))
GRAM = {t: Interval(-3.0, 3.0) for t in ts} | {gamma: Interval(0.1, 10.0)}

register(Derivation(
    id="rbf_gram_psd",
    title=r"RBF Gram matrices are positive semi-definite (evidence at three points)",
    catalog_id="rbf_kernel",
    source="textbook",
    notes="Numeric evidence, not a proof: the quadratic form and the leading principal minors of a "
          "3-point Gram matrix are checked at sampled points (moderate gamma and spread keep them "
          "well conditioned).",
    steps=(
        Step((Matrix([vs]) * G * Matrix(vs))[0], S.Zero, ">=", "v^T G v >= 0", domains=GRAM),
        Step(G[:1, :1].det(), S.Zero, ">=", "first leading minor", domains=GRAM),
        Step(G[:2, :2].det(), S.Zero, ">=", "second leading minor: 1 - exp(-2 gamma (t0 - t1)^2)", domains=GRAM),
        Step(G.det(), S.Zero, ">=", "determinant", domains=GRAM),
    ),
))

# Soft margin with two samples: labels y_i in {-1, 1}, margins f_i = w . x_i - b (the seed's sign).
lab1, lab2 = symbols("y1 y2", integer=True)
f1, f2 = symbols("f1 f2", real=True)
w1, w2 = symbols("w1 w2", real=True)
C = Symbol("C", positive=True)
slack = Symbol("zeta", nonnegative=True)
LABELS = {lab1: Choice((-1.0, 1.0)), lab2: Choice((-1.0, 1.0))}
hinge1, hinge2 = Max(0, 1 - lab1 * f1), Max(0, 1 - lab2 * f2)
shared = Max(0, 1 - lab1 * f1, 1 - lab2 * f2)  # least single zeta with y_i f_i >= 1 - zeta, zeta >= 0
SEED_SVM = r"seed: with \zeta denoting Hinge Loss, \min_{w,b} |w|_2^2 + C\zeta s.t. y_i(wx_i - b) \ge 1 - \zeta"

register(Derivation(
    id="svm_soft_margin_slack",
    title=r"Soft margin: per-sample slack $\zeta_i = \max(0, 1 - y_i f(x_i))$",
    catalog_id="svm_soft_margin",
    source="Soft margin (For data can not be linearly seperated)",
    notes="The seed's single zeta is under-specified rather than wrong. Read as the total hinge loss "
          "sum_i max(0, 1 - y_i f_i), its constraints hold automatically and its objective is the usual one. "
          "Read as one free slack variable shared by all samples, the least feasible zeta is the largest "
          "violation max(0, 1 - y_i f_i): a different penalty, not the hinge sum (the refuted step).",
    steps=(
        Step(lab1 * f1, 1 - hinge1, ">=", "constraint y_i f_i >= 1 - zeta_i holds for zeta_i = hinge",
             domains=LABELS),
        Step(hinge1, S.Zero, ">=", "zeta_i >= 0"),
        Step(w1 ** 2 + w2 ** 2 + C * (hinge1 + hinge2),
             w1 ** 2 + w2 ** 2 + C * (Max(1 - lab1 * f1, 0) + Max(1 - lab2 * f2, 0)),
             justification="objective |w|^2 + C sum_i zeta_i is the hinge form", domains=LABELS),
        Step(slack, hinge1, ">=", "any feasible slack (zeta >= 0, zeta >= 1 - y f) is at least the hinge, "
             "so minimizing over zeta_i gives zeta_i = hinge", assumptions=(slack >= 1 - lab1 * f1,), domains=LABELS),
        Step(lab1 * f1, 1 - (hinge1 + hinge2), ">=",
             "zeta = total hinge loss satisfies the seed's constraint for sample 1", domains=LABELS,
             note=SEED_SVM),
        Step(lab2 * f2, 1 - (hinge1 + hinge2), ">=",
             "... and for sample 2", domains=LABELS, note=SEED_SVM),
        Step(shared, hinge1 + hinge2, justification="a single free zeta costs the total hinge loss",
             domains=LABELS, expect="fails", note=SEED_SVM),
        Step(slack, shared, ">=", "a feasible shared slack is at least the largest violation",
             assumptions=(slack >= 1 - lab1 * f1, slack >= 1 - lab2 * f2), domains=LABELS, note=SEED_SVM),
        Step(shared, hinge1 + hinge2, "<=", "a shared slack penalizes only the largest violation",
             domains=LABELS, note=SEED_SVM),
    ),
))
