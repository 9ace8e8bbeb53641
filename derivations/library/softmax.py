r"""Softmax: Jacobian, shift invariance, limits, and the cross-entropy gradients.

$\sigma_i(z) = e^{z_i} / \sum_{j=0}^{K-1} e^{z_j}$ with symbolic $K$ and 0-based
indices; the checker falls back to the concrete sizes in ``SIZES``.
"""
from sympy import (
    Derivative,
    IndexedBase,
    KroneckerDelta,
    S,
    Sum,
    Symbol,
    exp,
    log,
    oo,
    symbols,
)

from derivations.checker.step import Derivation, Step, chain
from symbolic.domains import Probability, Simplex

from derivations.library import register
from derivations.library.activations import sigmoid

K = Symbol("K", integer=True, positive=True)
i, j, k, l = symbols("i j k l", integer=True, nonnegative=True)
z = IndexedBase("z", real=True)
y = IndexedBase("y", real=True)
c = Symbol("c", real=True)
SIZES = ({K: 2}, {K: 3}, {K: 5})
RANGE = (0, K - 1)


def softmax(a, logits=z):
    return exp(logits[a]) / Sum(exp(logits[j]), (j, 0, K - 1))


register(Derivation(
    id="softmax_jacobian",
    title=r"$\partial \sigma_i / \partial z_l = \sigma_i (\delta_{il} - \sigma_l)$",
    catalog_id="softmax",
    source="Softmax",
    notes="The seed's two cases are right; both are instances of sigma_i (delta_il - sigma_l).",
    steps=(
        *chain(
            Derivative(softmax(i), z[l]),
            ("=", exp(z[i]) * KroneckerDelta(i, l) / Sum(exp(z[j]), (j, 0, K - 1))
             - exp(z[i]) * exp(z[l]) / Sum(exp(z[j]), (j, 0, K - 1)) ** 2,
             "quotient rule; d e^{z_j} / d z_l = delta_jl e^{z_l}"),
            ("=", softmax(i) * (KroneckerDelta(i, l) - softmax(l)), "factor out sigma_i"),
            indices={i: RANGE, l: RANGE}, sizes=SIZES,
        ),
        Step(Derivative(softmax(i), z[i]), softmax(i) * (1 - softmax(i)),
             justification="case i = l", indices={i: RANGE}, sizes=SIZES,
             note=r"seed: \partial\sigma(z_i)/\partial z_j = \sigma(z_i)(1 - \sigma(z_i)) when i = j"),
        Step(Derivative(softmax(0), z[1]), -softmax(0) * softmax(1),
             justification="case i != l, here i = 0, l = 1 (K >= 2)", sizes=SIZES,
             note=r"seed: \partial\sigma(z_i)/\partial z_j = -\sigma(z_i)\sigma(z_j) when i \ne j"),
    ),
))

register(Derivation(
    id="softmax_shift_invariance",
    title=r"$\sigma(z + c) = \sigma(z)$",
    catalog_id="softmax",
    source="textbook",
    steps=chain(
        exp(z[i] + c) / Sum(exp(z[j] + c), (j, 0, K - 1)),
        ("=", exp(c) * exp(z[i]) / Sum(exp(c) * exp(z[j]), (j, 0, K - 1)), "e^{a + c} = e^c e^a"),
        ("=", exp(c) * exp(z[i]) / (exp(c) * Sum(exp(z[j]), (j, 0, K - 1))), "constant factor out of the sum"),
        ("=", softmax(i), "cancel e^c"),
        indices={i: RANGE}, sizes=SIZES,
    ),
))

# Limits at a concrete size: K = 3 logits z0, z1, z2; z0 is the one sent to +-oo.
z0, z1, z2 = symbols("z0 z1 z2", real=True)
Z3 = exp(z0) + exp(z1) + exp(z2)
s0, s1 = exp(z0) / Z3, exp(z1) / Z3
LIMIT_REMARK = (r"seed: when z_i \to \pm\infty, e^{z_i} \to +\infty, \sigma(z_i) \to 1 and "
                r"\sigma(z_j) \to 0 (i \ne j)")


def to(lhs, rhs, point, why, **kw):
    return Step(lhs, rhs, "->", why, variable=z0, point=point, **kw)


register(Derivation(
    id="softmax_limits",
    title=r"Softmax as one logit $z_0 \to \pm\infty$ ($K = 3$)",
    catalog_id="softmax",
    source="Softmax",
    notes="The seed's remark holds for z_i -> +oo only. As z_i -> -oo, e^{z_i} -> 0, sigma_i -> 0 and "
          "sigma_j -> e^{z_j} / sum_{k != i} e^{z_k} (not 0). The seed's conclusion that the Jacobian "
          "entries sigma_i(1 - sigma_i) and -sigma_i sigma_j vanish is still right in both directions, "
          "but at -oo because sigma_i -> 0, not because sigma_i -> 1.",
    steps=(
        to(exp(z0), oo, oo, "e^{z_0} grows without bound"),
        to(s0, S.One, oo, "divide by e^{z_0}"),
        to(s1, S.Zero, oo, "divide by e^{z_0}"),
        to(s0 * (1 - s0), S.Zero, oo, "sigma_0 -> 1", note=r"seed: \sigma(z_i)(1 - \sigma(z_i)) \to 0"),
        to(-s0 * s1, S.Zero, oo, "sigma_1 -> 0", note=r"seed: -\sigma(z_i)\sigma(z_j) \to 0"),
        to(exp(z0), oo, -oo, "seed's remark for z_i -> -oo", expect="fails", note=LIMIT_REMARK),
        to(exp(z0), S.Zero, -oo, "e^{z_0} -> 0 as z_0 -> -oo"),
        to(s0, S.One, -oo, "seed's remark for z_i -> -oo", expect="fails", note=LIMIT_REMARK),
        to(s0, S.Zero, -oo, "numerator -> 0, denominator -> e^{z_1} + e^{z_2} > 0"),
        to(s1, S.Zero, -oo, "seed's remark for z_i -> -oo", expect="fails", note=LIMIT_REMARK),
        to(s1, exp(z1) / (exp(z1) + exp(z2)), -oo, "softmax over the remaining logits"),
        to(s0 * (1 - s0), S.Zero, -oo, "sigma_0 -> 0 (not 1)", note=r"seed: \sigma(z_i)(1 - \sigma(z_i)) \to 0"),
        to(-s0 * s1, S.Zero, -oo, "sigma_0 -> 0 and sigma_1 stays bounded",
           note=r"seed: -\sigma(z_i)\sigma(z_j) \to 0"),
        to(exp(z1) / (exp(z0) + exp(z1)), S.One, -oo, "K = 2: the other class takes all the mass"),
    ),
))

ce = -Sum(y[k] * log(softmax(k)), (k, 0, K - 1))
SIMPLEX = {y: Simplex()}

register(Derivation(
    id="cross_entropy_softmax_gradient",
    title=r"$\partial_{z_i} \left(-\sum_k y_k \log \sigma_k(z)\right) = \sigma_i - y_i$ for $y$ on the simplex",
    catalog_id="cross_entropy",
    source="textbook",
    steps=(
        *chain(
            ce,
            ("=", -Sum(y[k] * z[k], (k, 0, K - 1)) + Sum(y[k], (k, 0, K - 1)) * log(Sum(exp(z[j]), (j, 0, K - 1))),
             "log sigma_k = z_k - log sum_j e^{z_j}"),
            sizes=SIZES,
        ),
        Step(Derivative(ce, z[i]), Sum(y[k], (k, 0, K - 1)) * softmax(i) - y[i],
             justification="differentiate: d/dz_i log sum_j e^{z_j} = sigma_i", indices={i: RANGE}, sizes=SIZES),
        Step(Sum(y[k], (k, 0, K - 1)) * softmax(i) - y[i], softmax(i) - y[i],
             justification="y is a probability vector: sum_k y_k = 1",
             domains=SIMPLEX, indices={i: RANGE}, sizes=SIZES),
        Step(Derivative(ce, z[i]), softmax(i) - y[i], justification="end to end, y on the simplex",
             domains=SIMPLEX, indices={i: RANGE}, sizes=SIZES, weight=3.0),
    ),
))

xb = Symbol("x", real=True)
yb = Symbol("y", real=True)
bce = -(yb * log(sigmoid(xb)) + (1 - yb) * log(1 - sigmoid(xb)))

register(Derivation(
    id="bce_sigmoid_gradient",
    title=r"$\partial_x \mathrm{BCE}(y, \sigma(x)) = \sigma(x) - y$",
    catalog_id="binary_cross_entropy",
    source="textbook",
    steps=(
        *chain(
            bce,
            ("=", -yb * xb + log(1 + exp(xb)), "log sigma(x) = x - log(1 + e^x), log(1 - sigma(x)) = -log(1 + e^x)"),
            domains={yb: Probability()},
        ),
        *chain(
            Derivative(bce, xb),
            ("=", -yb + exp(xb) / (1 + exp(xb)), "d/dx log(1 + e^x) = sigma(x)"),
            ("=", sigmoid(xb) - yb, "e^x / (1 + e^x) = sigma(x)"),
            domains={yb: Probability()},
        ),
    ),
))
