r"""Bayes' theorem on a joint table and the naive Bayes posterior (symbolic sizes)."""
from sympy import IndexedBase, Product, Sum, symbols

from symbolic.domains import Interval, Positive, Simplex
from symbolic.record import Definition, Discrepancy, Formula, Output, Var
from symbolic.references import probability as ref
from symbolic.registry import register

A, B = symbols("A B", integer=True, positive=True)
a, b, i, j, u, v = symbols("a b i j u v", integer=True, nonnegative=True)
w = IndexedBase("w", positive=True)
joint, prior, evidence = IndexedBase("P_{AB}"), IndexedBase("P_A"), IndexedBase("P_B")
likelihood = IndexedBase("P_{B|A}")

register(Formula(
    id="bayes_theorem",
    title="Bayes' theorem",
    section="probability",
    source="Bayes' theorem",
    definitions=(
        Definition(joint[a, b], w[a, b] / Sum(w[u, v], (u, 0, A - 1), (v, 0, B - 1))),
        Definition(prior[a], Sum(joint[a, j], (j, 0, B - 1))),
        Definition(evidence[b], Sum(joint[i, b], (i, 0, A - 1))),
        Definition(likelihood[a, b], joint[a, b] / prior[a]),
    ),
    outputs=(Output(IndexedBase("P_{A|B}")[a, b], likelihood[a, b] * prior[a] / evidence[b],
                    ((a, 0, A - 1), (b, 0, B - 1))),),
    variables=(Var(w, Positive(small=1e-12, large=1e4), (A, B),
                   "positive weights of the joint table, P(A=a, B=b) = w[a, b] / sum w"),),
    sizes=({A: 1, B: 1}, {A: 2, B: 3}, {A: 3, B: 2}, {A: 4, B: 4}),
    reference=ref.bayes_theorem,
    notes="The seed's form is right (bayes_theorem_from_conditional); it needs P(A=a) > 0 and "
          "P(B=b) > 0, here ensured by a joint with positive entries. The joint is sampled as positive weights "
          "normalised by a Definition (Simplex normalises only the last axis, which would give a "
          "conditional table). The reference computes the conditional by its definition "
          "P(a, b) / sum_a P(a, b), without P(B|A) or P(A).",
))

C, n = symbols("C n", integer=True, positive=True)
c, k = symbols("c k", integer=True, nonnegative=True)
pi = IndexedBase("pi", nonnegative=True)
theta = IndexedBase("theta", positive=True)
register(Formula(
    id="naive_bayes",
    title="Naive Bayes posterior",
    section="probability",
    source="Naive Bayes Model",
    outputs=(Output(IndexedBase("P_{C|x}")[c],
                    pi[c] * Product(theta[c, i], (i, 0, n - 1))
                    / Sum(pi[k] * Product(theta[k, i], (i, 0, n - 1)), (k, 0, C - 1)),
                    ((c, 0, C - 1),)),),
    variables=(
        Var(pi, Simplex(), (C,), "class prior P(C=c)"),
        Var(theta, Interval(0.0, 1.0, (False, True)), (C, n),
            "likelihood P(x_i | C=c) of the observed value of feature i"),
    ),
    sizes=({C: 1, n: 1}, {C: 2, n: 3}, {C: 3, n: 1}, {C: 4, n: 6}),
    reference=ref.naive_bayes,
    discrepancies=(
        Discrepancy(
            "formula",
            r"$P(C|X) \propto P(C) \prod_{i=1}^{n} P(x_i)$",
            r"$P(C|X) \propto P(C) \prod_{i=1}^{n} P(x_i \mid C)$: with the class-independent "
            r"$P(x_i)$ the posterior equals the prior",
            "naive_bayes_posterior",
        ),
    ),
    notes="The decision rule C-hat = argmax_c P(C=c|x) is the seed's second line. The reference "
          "works in log space (log pi_c + sum_i log theta[c, i], then a max-shifted softmax), as "
          "implementations do to avoid underflow of the product for many features.",
))
