r"""GAN: the optimal discriminator and the value of the game at it.

Pointwise, $V$ integrates $a \log D + b \log(1 - D)$ with $a = p_{data}(x)$,
$b = p_g(x)$; its maximizer over $D \in (0, 1)$ is $D^* = a / (a + b)$ and
$V(D^*, G) = -\log 4 + 2\,\mathrm{JSD}(p_{data} \| p_g)$.
"""
from sympy import Derivative, S, Symbol, log, symbols

from derivations.checker.step import Derivation, Step, chain
from symbolic.domains import Probability

from derivations.library import register

a, b = symbols("a b", positive=True)
D = Symbol("D", positive=True)
D_OPEN = {D: Probability(closed=False)}
D_star = a / (a + b)
pointwise = a * log(D) + b * log(1 - D)
slope = a / D - b / (1 - D)
curvature = -a / D ** 2 - b / (1 - D) ** 2
seed_pointwise = a * log(D) + b * log(D)
SEED_V = (r"seed: \min_G\max_D V(D, G) = E_{x \sim P_{data}}[\log D(x)] + E_{z \sim P_z}[\log D(G(z))]"
          r" (log D(G(z)) in place of log(1 - D(G(z))))")

register(Derivation(
    id="gan_optimal_discriminator",
    title=r"$\arg\max_{D \in (0,1)} a \log D + b \log(1 - D) = \frac{a}{a + b}$",
    catalog_id="gan_value",
    source="GAN",
    notes="With the seed's log D(G(z)) the integrand a log D + b log D = (a + b) log D increases in D: "
          "the discriminator's best response is D -> 1 everywhere and the min-max game is degenerate. "
          "(log D(G(z)) belongs to the non-saturating generator loss, not to V.)",
    steps=(
        Step(Derivative(pointwise, D), slope, justification="differentiate", domains=D_OPEN),
        Step(slope.subs(D, D_star), S.Zero, justification="the slope vanishes at D* = a/(a+b)"),
        Step(Derivative(pointwise, (D, 2)), curvature, justification="differentiate again", domains=D_OPEN),
        Step(curvature, S.Zero, "<", "concave on (0, 1), so the stationary point D* is the maximum",
             domains=D_OPEN),
        Step(pointwise, pointwise.subs(D, D_star), "<=", "D* is the global maximizer on (0, 1)",
             domains=D_OPEN),
        Step(pointwise.subs(D, D_star), a * log(a / (a + b)) + b * log(b / (a + b)),
             justification="value at the optimum"),
        Step(seed_pointwise, seed_pointwise.subs(D, D_star), "<=", "the seed's integrand peaks at a/(a+b)",
             domains=D_OPEN, expect="fails", note=SEED_V),
        Step(Derivative(seed_pointwise, D), S.Zero, ">", "the seed's integrand (a + b) log D is increasing",
             domains=D_OPEN, note=SEED_V),
        Step(seed_pointwise, S.Zero, "->", "its supremum is approached as D -> 1", variable=D, point=S.One),
    ),
))

# A discrete instance: 3 points, p_data and p_g normalized from positive weights.
u = symbols("u0:3", positive=True)
v = symbols("v0:3", positive=True)
p = [w / sum(u) for w in u]
g = [w / sum(v) for w in v]
m = [(pk + gk) / 2 for pk, gk in zip(p, g)]
d_star = [pk / (pk + gk) for pk, gk in zip(p, g)]
jsd = sum(pk * log(pk / mk) for pk, mk in zip(p, m)) / 2 + sum(gk * log(gk / mk) for gk, mk in zip(g, m)) / 2
Ds = symbols("D0:3", positive=True)


def value(disc):
    return sum(pk * log(dk) + gk * log(1 - dk) for pk, gk, dk in zip(p, g, disc))


register(Derivation(
    id="gan_value_at_optimum",
    title=r"$V(D^*, G) = -\log 4 + 2\,\mathrm{JSD}(p_{data} \| p_g)$ (three points)",
    catalog_id="gan_value",
    source="textbook",
    notes="p_data = u / sum(u), p_g = v / sum(v) with positive weights u, v (explicit normalisation).",
    steps=(
        *chain(
            value(d_star),
            ("=", sum(pk * log(pk / (pk + gk)) + gk * log(gk / (pk + gk)) for pk, gk in zip(p, g)),
             "1 - D* = p_g / (p_data + p_g)"),
            ("=", sum(pk * (log(pk / mk) - log(2)) + gk * (log(gk / mk) - log(2)) for pk, gk, mk in zip(p, g, m)),
             "p_data + p_g = 2 m"),
            ("=", 2 * jsd - (sum(p) + sum(g)) * log(2), "collect the KL terms against m"),
            ("=", -log(4) + 2 * jsd, "both distributions sum to 1"),
        ),
        Step(value(Ds), value(d_star), "<=", "D* maximizes V pointwise, hence in sum",
             domains={dk: Probability(closed=False) for dk in Ds}),
        Step(jsd, S.Zero, ">=", "JSD >= 0, so V(D*, G) >= -log 4 with equality iff p_g = p_data"),
    ),
))
