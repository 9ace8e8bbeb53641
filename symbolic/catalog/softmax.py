r"""Softmax and its log-space companions over $K$ classes (symbolic $K$)."""
from sympy import IndexedBase, Sum, Symbol, exp, log, symbols

from symbolic.domains import Real
from symbolic.record import Discrepancy, Formula, Output, Var
from symbolic.references import softmax as ref
from symbolic.registry import register

K = Symbol("K", integer=True, positive=True)
i, j = symbols("i j", integer=True, nonnegative=True)
z = IndexedBase("z", real=True)
SIZES = ({K: 1}, {K: 2}, {K: 3}, {K: 7})
LOGITS = Var(z, Real(large=1e4), (K,), "logits")

register(Formula(
    id="softmax",
    title="Softmax",
    section="softmax",
    source="Softmax",
    outputs=(Output(IndexedBase(r"sigma")[i], exp(z[i]) / Sum(exp(z[j]), (j, 0, K - 1)), ((i, 0, K - 1),)),),
    variables=(LOGITS,),
    sizes=SIZES,
    reference=ref.softmax,
    discrepancies=(
        Discrepancy(
            "remark",
            r"when $z_i \to \pm\infty$, $e^{z_i} \to +\infty$, $\sigma(z_i) \to 1$ and $\sigma(z_j) \to 0$",
            r"only for $z_i \to +\infty$; as $z_i \to -\infty$, $e^{z_i} \to 0$, $\sigma(z_i) \to 0$ and "
            r"$\sigma(z_j) \to e^{z_j} / \sum_{k \ne i} e^{z_k}$",
            "softmax_limits",
        ),
    ),
    notes="The seed's Jacobian cases are right: sigma_i (delta_ij - sigma_j).",
))

register(Formula(
    id="log_softmax",
    title="Log-softmax",
    section="softmax",
    source="Softmax (companion)",
    outputs=(Output(IndexedBase("ell")[i], log(exp(z[i]) / Sum(exp(z[j]), (j, 0, K - 1))), ((i, 0, K - 1),)),),
    variables=(LOGITS,),
    sizes=SIZES,
    reference=ref.log_softmax,
    error_scale=1.0,
    notes="Compared absolutely below magnitude 1: log sigma_i = z_i - LSE(z) cancels when one logit "
          "dominates (truth -1e-73, float64 0), so relative error there measures the conditioning, "
          "not the code.",
))

register(Formula(
    id="logsumexp",
    title="Log-sum-exp",
    section="softmax",
    source="Softmax (companion)",
    outputs=(Output(Symbol("LSE"), log(Sum(exp(z[j]), (j, 0, K - 1)))),),
    variables=(LOGITS,),
    sizes=SIZES,
    reference=ref.logsumexp,
))
