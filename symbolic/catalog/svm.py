r"""Support vector machines: primal objectives, the kernel decision function, kernels.

Samples $x_i \in \mathbb{R}^D$ ($i \in [0, n-1]$) with labels $y_i \in \{-1, 1\}$;
the separating hyperplane is $w \cdot x - b = 0$.

.. math::
    \text{hard: } \min_{w,b} \|w\|^2 \ \text{s.t.}\ y_i(w \cdot x_i - b) - 1 \ge 0, \qquad
    \text{soft: } \min_{w,b} \|w\|^2 + C \sum_i \zeta_i,\ \zeta_i = \max(0, 1 - y_i(w \cdot x_i - b)).
"""
from sympy import Abs, IndexedBase, Max, Sum, Symbol, exp, sign, symbols

from symbolic.domains import Choice, Positive, Real
from symbolic.record import Definition, Discrepancy, Formula, Output, Var
from symbolic.references import svm as ref
from symbolic.registry import register

n, D = symbols("n D", integer=True, positive=True)
i, j, k = symbols("i j k", integer=True, nonnegative=True)
w = IndexedBase("w", real=True)
x = IndexedBase("x", real=True)
y = IndexedBase("y", real=True)
b = Symbol("b", real=True)
SIZES = ({n: 1, D: 1}, {n: 3, D: 2}, {n: 2, D: 4}, {n: 5, D: 3})
W = Var(w, Real(), (D,), "normal of the separating hyperplane")
B = Var(b, Real(), (), "offset: the hyperplane is w.x - b = 0")
X = Var(x, Real(), (n, D), "the n training samples, one per row")
LABELS = Var(y, Choice((-1.0, 1.0)), (n,), "labels in {-1, 1}")
NORM = r"$\left| \mathbf{w} \right|_2^2$ and $y_i(\mathbf{w}x_i-b)$"
NORM_FIX = r"$\|\mathbf{w}\|_2^2 = \sum_k w_k^2$ (double bars) and $y_i(\mathbf{w} \cdot x_i - b)$, for every $i$"


def margin(row):
    r"""$y_i (w \cdot x_i - b)$ for sample ``row``."""
    return y[row] * (Sum(w[k] * x[row, k], (k, 0, D - 1)) - b)


register(Formula(
    id="svm_hard_margin",
    title="Linear SVM, hard margin: objective and constraint margins",
    section="svm",
    source="SVM / Linear / Hard margin",
    outputs=(
        Output(Symbol("J"), Sum(w[k] ** 2, (k, 0, D - 1))),
        Output(IndexedBase("g")[i], margin(i) - 1, ((i, 0, n - 1),)),
    ),
    variables=(W, B, X, LABELS),
    sizes=SIZES,
    reference=ref.svm_hard_margin,
    discrepancies=(Discrepancy("notation", NORM, NORM_FIX),),
    notes="J = ||w||^2 is minimised subject to g_i >= 0 for all i (w, b feasible iff every margin is "
          "nonnegative). Textbooks often minimise (1/2)||w||^2: same minimiser.",
))

C = Symbol("C", positive=True)
zeta = IndexedBase("zeta")
register(Formula(
    id="svm_soft_margin",
    title="Linear SVM, soft margin (hinge slacks)",
    section="svm",
    source="SVM / Linear / Soft margin",
    outputs=(Output(Symbol("J"), Sum(w[k] ** 2, (k, 0, D - 1)) + C * Sum(zeta[j], (j, 0, n - 1))),),
    definitions=(Definition(zeta[i], Max(0, 1 - margin(i))),),
    variables=(W, B, X, LABELS, Var(C, Positive(), (), "slack penalty")),
    sizes=SIZES,
    reference=ref.svm_soft_margin,
    discrepancies=(
        Discrepancy(
            "formula",
            r"With $\zeta$ denoting Hinge Loss, $\min_{\mathbf{w}, b} \left| \mathbf{w} \right|_2^2 + C\zeta$"
            r" s.t. $y_i(\mathbf{w}x_i-b) \ge 1 - \zeta$",
            r"one slack per sample: $\min_{w,b,\zeta} \|w\|^2 + C\sum_i \zeta_i$ s.t. "
            r"$y_i(w \cdot x_i - b) \ge 1 - \zeta_i$, $\zeta_i \ge 0$; at the optimum "
            r"$\zeta_i = \max(0, 1 - y_i(w \cdot x_i - b))$, the hinge loss of sample $i$ "
            r"(a single shared $\zeta$ without $\zeta \ge 0$ is a different problem)",
            "svm_soft_margin_slack",
        ),
        Discrepancy("notation", NORM, NORM_FIX),
    ),
    notes="The objective with the slacks eliminated: ||w||^2 + C sum_i max(0, 1 - y_i(w.x_i - b)). "
          "Textbooks often write (1/2)||w||^2 + C sum_i zeta_i or lambda||w||^2 + (1/n) sum_i zeta_i: "
          "the same problem up to rescaling C.",
))

X_SV = IndexedBase("x_sv", real=True)
q = IndexedBase("x_q", real=True)
alpha = IndexedBase("alpha", nonnegative=True)
gamma = Symbol("gamma", positive=True)
score = Sum(alpha[i] * y[i] * exp(-gamma * Sum((X_SV[i, k] - q[k]) ** 2, (k, 0, D - 1))), (i, 0, n - 1)) + b
register(Formula(
    id="svm_decision",
    title="Kernel SVM decision function (RBF kernel)",
    section="svm",
    source="SVM / Non-Linear (Kernel function trick)",
    outputs=(Output(Symbol("f"), sign(score)), Output(Symbol("s"), score)),
    variables=(
        Var(alpha, Positive(allow_zero=True), (n,), "Lagrange multipliers, >= 0"),
        Var(y, Choice((-1.0, 1.0)), (n,), "labels of the training samples"),
        Var(X_SV, Real(), (n, D), "training samples (support vectors where alpha_i > 0)"),
        Var(q, Real(), (D,), "the point to classify"),
        Var(b, Real(), (), "offset"),
        Var(gamma, Positive(), (), "RBF inverse width, K(u, v) = exp(-gamma ||u - v||^2)"),
    ),
    sizes=SIZES,
    conditions=(Abs(score) > 1e-9,),
    reference=ref.svm_decision,
    discrepancies=(
        Discrepancy(
            "notation",
            r"primal $y_i(\mathbf{w}x_i - b)$ but kernel form $\operatorname{sign}(\sum_i \alpha_i y_i K(x_i, x) + b)$",
            r"with the linear kernel $\sum_i \alpha_i y_i x_i \cdot x = w \cdot x$, so the kernel form's "
            r"$+b$ is minus the primal's $b$: the seed switches sign convention for the offset",
        ),
    ),
    notes="f = sign(s) with the score s = sum_i alpha_i y_i K(x_i, x_q) + b, here with the RBF kernel. "
          "sign is discontinuous at s = 0, so samples keep |s| > 1e-9 (a condition: the float error of s, "
          "~1e-16 (sum_i alpha_i K_i + |b|) <~ 1e-11 on this domain, cannot flip the sign), and the score, "
          "the value that matters numerically, is the second output. alpha_i > 0 only for support vectors.",
))

dot = Sum(x[k] * y[k], (k, 0, D - 1))
d = Symbol("d", integer=True, positive=True)
DEGREE = Var(d, Choice((1.0, 2.0, 3.0, 4.0, 5.0)), (), "degree")
KERNEL_SIZES = ({D: 1}, {D: 2}, {D: 3}, {D: 6})
POLY_VARS = (Var(x, Real(), (D,), "first argument"), Var(y, Real(), (D,), "second argument"))


def symmetry(seed: str, offset: str = "") -> Discrepancy:
    """The seed's second kernel argument $c_j$ is $x_j$: a kernel compares two samples."""
    fix = (rf"$K(x_i, x_j) = (x_i \cdot x_j{offset})^d$: the second argument is the sample $x_j$, "
           r"so that the kernel is symmetric, $K(x_i, x_j) = K(x_j, x_i)$")
    return Discrepancy("formula", seed, fix, "kernel_symmetry")


register(Formula(
    id="poly_kernel",
    title="Polynomial kernel (homogeneous)",
    section="svm",
    source="SVM / Polynomial(homogeneous)",
    outputs=(Output(Symbol("K"), dot ** d),),
    variables=POLY_VARS + (DEGREE,),
    sizes=KERNEL_SIZES,
    reference=ref.poly_kernel,
    discrepancies=(symmetry(r"$K(x_i, x_j) = (x_i \cdot c_j)^d$"),),
    notes="K(x, y) = (x.y)^d for the two arguments x and y (the seed's x_i, x_j). No overflow risk at "
          "degree <= 5: entries up to 1e4 give |x.y| <= 6e8 here and K <= ~1e44.",
))

r = Symbol("r", nonnegative=True)
register(Formula(
    id="poly_kernel_inhomogeneous",
    title="Polynomial kernel (inhomogeneous)",
    section="svm",
    source="SVM / Polynomial(inhomogeneous)",
    outputs=(Output(Symbol("K"), (dot + r) ** d),),
    variables=POLY_VARS + (DEGREE, Var(r, Positive(allow_zero=True), (), "offset r >= 0")),
    sizes=KERNEL_SIZES,
    reference=ref.poly_kernel_inhomogeneous,
    discrepancies=(symmetry(r"$K(x_i, x_j) = (x_i \cdot c_j + r)^d$", " + r"),),
    notes="K(x, y) = (x.y + r)^d; r >= 0 keeps it a positive semidefinite kernel.",
))

register(Formula(
    id="rbf_kernel",
    title="Gaussian radial basis function kernel",
    section="svm",
    source="SVM / Gaussian radial basis function",
    outputs=(Output(Symbol("K"), exp(-gamma * Sum((x[k] - y[k]) ** 2, (k, 0, D - 1))),),),
    variables=(Var(x, Real(), (D,), "first argument"), Var(y, Real(), (D,), "second argument"),
               Var(gamma, Positive(), (), "inverse width")),
    sizes=KERNEL_SIZES,
    reference=ref.rbf_kernel,
    discrepancies=(Discrepancy("notation", r"\left| x_i - x_j \right|^2",
                               r"\|x_i - x_j\|_2^2 = \sum_k (x_{i,k} - x_{j,k})^2 (double bars)"),),
    notes="K(x, y) = exp(-gamma ||x - y||^2), gamma > 0.",
))
