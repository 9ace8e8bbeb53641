r"""L1 (lasso) and L2 (ridge) penalties added to a loss over $n$ parameters (symbolic $n$)."""
from sympy import Abs, IndexedBase, Sum, Symbol

from symbolic.domains import Positive, Real
from symbolic.record import Formula, Output, Var
from symbolic.references import regularization as ref
from symbolic.registry import register

n = Symbol("n", integer=True, positive=True)
j = Symbol("j", integer=True, nonnegative=True)
theta = IndexedBase("theta", real=True)
lam = Symbol("lamda", nonnegative=True)  # sympy spells the keyword-clashing name "lamda"; prints as \lambda
L_origin = Symbol("L_origin", real=True)
L = Symbol("L")
SIZES = ({n: 1}, {n: 2}, {n: 4}, {n: 6})
VARIABLES = (
    Var(theta, Real(large=1e4), (n,), "the n model parameters"),
    Var(lam, Positive(small=1e-12, large=1e4, allow_zero=True), (), "regularization strength"),
    Var(L_origin, Real(large=1e4), (), "the unregularized loss at theta"),
)

register(Formula(
    id="l1_penalty",
    title="L1 regularization (lasso)",
    section="regularization",
    source="L1 regularization (Lasso Regression)",
    outputs=(Output(L, L_origin + lam * Sum(Abs(theta[j]), (j, 0, n - 1))),),
    variables=VARIABLES,
    sizes=SIZES,
    reference=ref.l1_penalty,
))

register(Formula(
    id="l2_penalty",
    title="L2 regularization (ridge)",
    section="regularization",
    source="L2 regularization (Ridge Regression)",
    outputs=(Output(L, L_origin + lam * Sum(theta[j] ** 2, (j, 0, n - 1))),),
    variables=VARIABLES,
    sizes=SIZES,
    reference=ref.l2_penalty,
))
