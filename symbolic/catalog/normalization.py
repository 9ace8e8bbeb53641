r"""Layer and batch normalization, reducing over a symbolic number of entries."""
from sympy import IndexedBase, Sum, Symbol, sqrt, symbols

from symbolic.domains import Positive, Real
from symbolic.record import Definition, Discrepancy, Formula, Output, Var
from symbolic.references import normalization as ref
from symbolic.registry import register

i, j = symbols("i j", integer=True, nonnegative=True)
x = IndexedBase("x", real=True)
gamma = IndexedBase("gamma", real=True)
beta = IndexedBase("beta", real=True)
eps = Symbol("epsilon", positive=True)
EPS = Var(eps, Positive(small=1e-12, large=1.0), (), "numerical floor added to the variance")


def _normalize(n, mu, var, g, b):
    """Outputs and definitions of $y_i = g \\hat{x}_i + b$ over $n$ entries of $x$."""
    xhat = IndexedBase(r"\hat{x}")
    definitions = (
        Definition(mu, Sum(x[j], (j, 0, n - 1)) / n),
        Definition(var, Sum((x[j] - mu) ** 2, (j, 0, n - 1)) / n),
        Definition(xhat[i], (x[i] - mu) / sqrt(var + eps)),
    )
    return (Output(IndexedBase("y")[i], g * xhat[i] + b, ((i, 0, n - 1),)),), definitions


H = Symbol("H", integer=True, positive=True)
outputs, definitions = _normalize(H, Symbol("mu"), Symbol("sigma^2"), gamma[i], beta[i])
register(Formula(
    id="layer_norm",
    title="Layer normalization",
    section="normalization",
    source="Layer Normalization",
    outputs=outputs,
    definitions=definitions,
    variables=(
        Var(x, Real(large=1e4), (H,), "the H features of one example"),
        Var(gamma, Real(large=1e2), (H,), "per-feature gain"),
        Var(beta, Real(large=1e2), (H,), "per-feature bias"),
        EPS,
    ),
    sizes=({H: 1}, {H: 2}, {H: 4}, {H: 8}),
    reference=ref.layer_norm,
    discrepancies=(
        Discrepancy("notation", r"$y_i = \gamma \hat{x}_i + \beta$ with scalar $\gamma, \beta$",
                    r"$\gamma_i, \beta_i$ are per-feature vectors of length $H$"),
    ),
))

m = Symbol("m", integer=True, positive=True)
outputs, definitions = _normalize(m, Symbol(r"\mu_{\mathcal{B}}"), Symbol(r"\sigma_{\mathcal{B}}^2"),
                                  Symbol("gamma", real=True), Symbol("beta", real=True))
register(Formula(
    id="batch_norm",
    title="Batch normalization (one feature over a batch)",
    section="normalization",
    source="Batch Normalization",
    outputs=outputs,
    definitions=definitions,
    variables=(
        Var(x, Real(large=1e4), (m,), "one feature across the m examples of the batch"),
        Var(Symbol("gamma", real=True), Real(large=1e2), (), "gain of this feature"),
        Var(Symbol("beta", real=True), Real(large=1e2), (), "bias of this feature"),
        EPS,
    ),
    sizes=({m: 1}, {m: 2}, {m: 5}, {m: 16}),
    reference=ref.batch_norm,
    discrepancies=(
        Discrepancy("notation", r"\hat{x}i = \frac{x_i - μ{\mathcal{B}}}{...}",
                    r"\hat{x}_i = \frac{x_i - \mu_{\mathcal{B}}}{\sqrt{\sigma_{\mathcal{B}}^2 + \epsilon}}"
                    " (two subscripts lost their underscores)"),
    ),
))
