r"""The GAN minimax value on a discrete instance.

Data take $K$ values with probabilities $p_{data}$, noise takes $J$ values with
probabilities $p_z$; $D_k = D(x_k)$ and $D^G_j = D(G(z_j))$ are the
discriminator's outputs in $(0, 1)$:

.. math::
    V(D, G) = \sum_{k} p_{data,k} \log D_k + \sum_{j} p_{z,j} \log(1 - D^G_j).
"""
from sympy import IndexedBase, Sum, Symbol, log, symbols

from symbolic.domains import Probability, Simplex
from symbolic.record import Discrepancy, Formula, Output, Var
from symbolic.references import gan as ref
from symbolic.registry import register

K, J = symbols("K J", integer=True, positive=True)
k, j = symbols("k j", integer=True, nonnegative=True)
p_data, p_z = IndexedBase("p_data", nonnegative=True), IndexedBase("p_z", nonnegative=True)
D, D_G = IndexedBase("D", positive=True), IndexedBase("D_G", positive=True)

register(Formula(
    id="gan_value",
    title="GAN value function V(D, G)",
    section="gan",
    source="GAN",
    outputs=(Output(Symbol("V"), Sum(p_data[k] * log(D[k]), (k, 0, K - 1))
                    + Sum(p_z[j] * log(1 - D_G[j]), (j, 0, J - 1))),),
    variables=(
        Var(p_data, Simplex(), (K,), "data distribution over K points x_k"),
        Var(D, Probability(closed=False), (K,), "D(x_k), the discriminator on the data points"),
        Var(p_z, Simplex(), (J,), "noise distribution over J points z_j"),
        Var(D_G, Probability(closed=False), (J,), "D(G(z_j)), the discriminator on generated points"),
    ),
    sizes=({K: 1, J: 1}, {K: 2, J: 3}, {K: 4, J: 2}, {K: 3, J: 5}),
    reference=ref.gan_value,
    discrepancies=(
        Discrepancy(
            "formula",
            r"\mathbb{E}{\mathbf{z} \sim P{z}(\mathbf{x})}[\log D(G(\mathbf{z}))]",
            r"\mathbb{E}_{\mathbf{z} \sim P_z(\mathbf{z})}[\log(1 - D(G(\mathbf{z})))]: D maximises the "
            r"log-likelihood of calling data real and generated samples fake; with \log D(G(z)) both "
            r"terms grow with D, \max_D drives D to 1 everywhere and the optimum "
            r"D^* = p_{data} / (p_{data} + p_g) is lost. "
            r"(\log D(G(z)) is the non-saturating loss G maximises in practice, not part of V.)",
            "gan_optimal_discriminator",
        ),
        Discrepancy("notation", r"\mathbf{z} \sim P{z}(\mathbf{x})",
                    r"\mathbf{z} \sim P_z(\mathbf{z}): the noise density is a function of z"),
        Discrepancy("notation", r"\mathbb{E}{\mathbf{x} \sim P{data}(\mathbf{x})}",
                    r"\mathbb{E}_{\mathbf{x} \sim P_{data}(\mathbf{x})} (subscripts lost their underscores)"),
    ),
    notes="min_G max_D V(D, G) with expectations over finitely many points, so V is a finite sum; "
          "p_data or p_z may put zero mass on a point (0 log D = 0 since D is in (0, 1)). "
          "The seed's 'cross-entropy' remark: -V is the binary cross-entropy of D on data (label 1) "
          "and generated samples (label 0).",
))
