r"""Loss functions over $n$ samples or $K$ classes (symbolic sizes), and KL divergences."""
from sympy import IndexedBase, Max, Piecewise, Rational, Sum, Symbol, exp, log, symbols

from symbolic.domains import Choice, Positive, Probability, Real, Simplex
from symbolic.record import Discrepancy, Formula, Output, Var
from symbolic.references import losses as ref
from symbolic.registry import register

n = Symbol("n", integer=True, positive=True)
K = Symbol("K", integer=True, positive=True)
i, k = symbols("i k", integer=True, nonnegative=True)
y = IndexedBase("y", real=True)
yhat = IndexedBase("yhat", real=True)  # prints as \hat{y}
SAMPLES = ({n: 1}, {n: 2}, {n: 4}, {n: 6})

register(Formula(
    id="mse",
    title="Mean squared error",
    section="losses",
    source="Loss functions: MSE",
    outputs=(Output(Symbol("MSE"), Sum((y[i] - yhat[i]) ** 2, (i, 0, n - 1)) / n),),
    variables=(Var(y, Real(large=1e4), (n,), "targets"), Var(yhat, Real(large=1e4), (n,), "predictions")),
    sizes=SAMPLES,
    reference=ref.mse,
))

register(Formula(
    id="binary_cross_entropy",
    title="Binary cross-entropy",
    section="losses",
    source="Loss functions: Cross-Entropy Loss",
    outputs=(Output(Symbol("BCE"), -Sum(y[i] * log(yhat[i]) + (1 - y[i]) * log(1 - yhat[i]),
                                         (i, 0, n - 1)) / n),),
    variables=(
        Var(y, Probability(closed=True), (n,), "targets (labels in {0, 1} or soft labels)"),
        Var(yhat, Probability(closed=False), (n,), "predicted probabilities (open, so both logs are finite)"),
    ),
    sizes=SAMPLES,
    reference=ref.binary_cross_entropy,
    discrepancies=(
        Discrepancy("notation", r"$(1-y_i)log(1-\hat{y}_i)$", r"$(1-y_i)\log(1-\hat{y}_i)$ (a missing backslash)"),
    ),
    notes="The seed titles the binary loss 'Cross-Entropy Loss'; the categorical form is cross_entropy.",
))

p = IndexedBase("p", real=True)
register(Formula(
    id="cross_entropy",
    title="Categorical cross-entropy",
    section="losses",
    source="textbook (categorical form of the seed's Cross-Entropy Loss)",
    outputs=(Output(Symbol("CE"), -Sum(y[i, k] * log(p[i, k]), (i, 0, n - 1), (k, 0, K - 1)) / n),),
    variables=(
        Var(y, Simplex(), (n, K), "target distribution of each sample (one-hot or soft)"),
        Var(p, Simplex(interior=True), (n, K), "predicted distribution of each sample"),
    ),
    sizes=({n: 1, K: 1}, {n: 1, K: 3}, {n: 2, K: 2}, {n: 3, K: 5}),
    reference=ref.cross_entropy,
))

z = IndexedBase("z", real=True)
j = Symbol("j", integer=True, nonnegative=True)
register(Formula(
    id="softmax_cross_entropy",
    title="Softmax cross-entropy from logits",
    section="losses",
    source="textbook (categorical cross-entropy of softmax(z), the form every framework computes from logits)",
    outputs=(Output(Symbol("CE"), -Sum(y[i, k] * log(exp(z[i, k]) / Sum(exp(z[i, j]), (j, 0, K - 1))),
                                       (i, 0, n - 1), (k, 0, K - 1)) / n),),
    variables=(
        Var(y, Simplex(), (n, K), "target distribution of each sample (one-hot or soft)"),
        Var(z, Real(large=1e4), (n, K), "logits of each sample"),
    ),
    sizes=({n: 1, K: 1}, {n: 1, K: 3}, {n: 2, K: 2}, {n: 3, K: 5}),
    reference=ref.softmax_cross_entropy,
    notes="cross_entropy(y, softmax(z)) in one record, so that the code generator sees log(softmax(z)) and "
          "writes it as a log-softmax (log_softmax_split, logsumexp_shift): finite at logits of 1e4, where "
          "the composition of two functions takes the log of an underflowed probability.",
))

register(Formula(
    id="hinge_loss",
    title="Hinge loss",
    section="losses",
    source="Loss functions: Hinge Loss (For SVM)",
    outputs=(Output(Symbol("HingeLoss"), Sum(Max(0, 1 - y[i] * yhat[i]), (i, 0, n - 1))),),
    variables=(
        Var(y, Choice((-1.0, 1.0)), (n,), "labels in {-1, 1}"),
        Var(yhat, Real(large=1e4), (n,), "raw classifier scores"),
    ),
    sizes=SAMPLES,
    reference=ref.hinge_loss,
))

q = IndexedBase("q", real=True)
register(Formula(
    id="kl_divergence",
    title="KL divergence (categorical)",
    section="losses",
    source="Loss functions: KL divergence",
    outputs=(Output(Symbol("D_KL"), Sum(Piecewise((p[k] * log(p[k] / q[k]), p[k] > 0), (0, True)),
                                         (k, 0, K - 1))),),
    variables=(
        Var(p, Simplex(), (K,), "distribution P (zero entries allowed: 0 log 0 = 0)"),
        Var(q, Simplex(interior=True), (K,), "distribution Q, positive wherever P may be"),
    ),
    sizes=({K: 1}, {K: 2}, {K: 3}, {K: 6}),
    reference=ref.kl_divergence,
    error_scale=1e-3,
    notes="The seed's definition -E_P[log Q/P] >= 0 is right (kl_nonnegative_categorical, "
          "kl_zero_iff_equal). Q is kept on the interior: where q_k = 0 < p_k the divergence is "
          "+infinity (kl_infinite_support). Compared absolutely below 1e-3 nats: as Q -> P the "
          "divergence -> 0 while log(p_k / q_k) keeps an absolute error ~1e-16 (p = [0, 1], "
          "q = [4.7e-7, 1 - 4.7e-7] gives D_KL = 4.7e-7, relative condition number ~1/D_KL in q), "
          "so relative error there measures the conditioning, not the code.",
))

mu1, mu2 = symbols("mu_1 mu_2", real=True)
s1, s2 = symbols("sigma_1 sigma_2", positive=True)
register(Formula(
    id="kl_divergence_gaussian",
    title="KL divergence between two univariate Gaussians",
    section="losses",
    source="textbook (closed form of the seed's KL divergence for Gaussians)",
    outputs=(Output(Symbol("D_KL"), log(s2 / s1) + (s1 ** 2 + (mu1 - mu2) ** 2) / (2 * s2 ** 2) - Rational(1, 2)),),
    variables=(
        Var(mu1, Real(large=1e4), (), "mean of P"),
        Var(mu2, Real(large=1e4), (), "mean of Q"),
        Var(s1, Positive(small=1e-12, large=1e4), (), "standard deviation of P"),
        Var(s2, Positive(small=1e-12, large=1e4), (), "standard deviation of Q"),
    ),
    reference=ref.kl_divergence_gaussian,
    notes="D_KL(N(mu_1, sigma_1^2) || N(mu_2, sigma_2^2)); derived in kl_gaussian_closed_form. "
          "The reference integrates p log(p/q) numerically instead of using the closed form.",
))
