r"""Classification metrics and Bayes: F1 forms, Bayes' theorem, naive Bayes.

Naive Bayes is set up for two classes and three observed features; the class
is an indicator $c \in \{0, 1\}$ that selects the prior and the likelihoods,
so "proportional as a function of the class" is a ``propto`` step in $c$.
"""
from sympy import Mul, Symbol, prod, symbols

from derivations.checker.step import Derivation, Step, chain
from symbolic.domains import Choice, Count, Probability

from derivations.library import register

TP = Symbol("TP", integer=True, positive=True)
FP, FN = symbols("FP FN", integer=True, nonnegative=True)
precision = TP / (TP + FP)
recall = TP / (TP + FN)
COUNTS = {TP: Count(lo=1, hi=1000), FP: Count(lo=0, hi=1000), FN: Count(lo=0, hi=1000)}

register(Derivation(
    id="f1_forms",
    title=r"$F_1 = \frac{2PR}{P + R} = \frac{2TP}{2TP + FP + FN} = \frac{2}{1/P + 1/R}$",
    catalog_id="f1_score",
    source="F1 Score",
    notes="TP >= 1 so that precision and recall are defined.",
    steps=chain(
        2 * precision * recall / (precision + recall),
        ("=", 2 * TP / (2 * TP + FP + FN), "substitute P = TP/(TP+FP), R = TP/(TP+FN); cancel TP"),
        ("=", 2 / (1 / precision + 1 / recall), "1/P + 1/R = (2TP + FP + FN)/TP: the harmonic mean"),
        domains=COUNTS,
    ) + (Step(2 * precision * recall / (precision + recall), 2 / (1 / precision + 1 / recall),
              justification="F1 is the harmonic mean of precision and recall", domains=COUNTS,
              note=r"seed: F1 = 2 \cdot \frac{Precision \cdot Recall}{Precision + Recall}"),),
))

pA, pB, pAB = symbols("P_A P_B P_AB", positive=True)
p_a_given_b = pAB / pB  # definition of conditional probability
p_b_given_a = pAB / pA
PROBS = {pA: Probability(closed=False), pB: Probability(closed=False), pAB: Probability(closed=False)}

register(Derivation(
    id="bayes_theorem_from_conditional",
    title=r"$P(A|B) = P(B|A) P(A) / P(B)$ from $P(A|B) = P(A,B)/P(B)$, $P(B|A) = P(A,B)/P(A)$",
    catalog_id="bayes_theorem",
    source="Bayes’ theorem",
    steps=chain(
        p_a_given_b,
        ("=", Mul(pAB / pA, pA, 1 / pB, evaluate=False), "multiply and divide by P(A) > 0"),
        ("=", p_b_given_a * pA / pB, "P(A,B)/P(A) = P(B|A)"),
        domains=PROBS,
    ),
))

c = Symbol("c", integer=True, nonnegative=True)  # class indicator
CLASS = {c: Choice((0.0, 1.0))}
prior1 = Symbol("pi1", positive=True)  # P(C = 1); P(C = 0) = 1 - pi1
lik0 = symbols("a0_1:4", positive=True)  # P(x_i | C = 0) at the observed x_i
lik1 = symbols("a1_1:4", positive=True)  # P(x_i | C = 1)
NB_DOMAINS = {s: Probability(closed=False) for s in (prior1, *lik0, *lik1)} | CLASS


def select(value0, value1):
    """The class-c value of a per-class quantity (c in {0, 1})."""
    return value0 + c * (value1 - value0)


prior = select(1 - prior1, prior1)
likelihood = prod(select(u, v) for u, v in zip(lik0, lik1))  # conditional independence
joint = prior * likelihood  # P(C = c, x)
evidence = sum(joint.subs(c, v) for v in (0, 1))  # P(x)
posterior = joint / evidence  # P(C = c | x)
marginals = [(1 - prior1) * u + prior1 * v for u, v in zip(lik0, lik1)]  # P(x_i)
seed_score = prior * prod(marginals)
SEED_NB = r"seed: P(C|X) \propto P(C) \prod_{i=1}^{n} P(x_i)"


def at(e, v):
    return e.subs(c, v)


register(Derivation(
    id="naive_bayes_posterior",
    title=r"$P(C = c \mid x) \propto P(c) \prod_i P(x_i \mid c)$",
    catalog_id="naive_bayes",
    source="Naive Bayes Model",
    notes="Two classes, three features. The seed multiplies the marginals P(x_i), which do not depend on "
          "the class: its score is proportional to the prior alone and ignores the evidence. Corrected: "
          "the class-conditional likelihoods P(x_i | c).",
    steps=(
        Step(posterior, prior * likelihood, "propto", "Bayes: P(c | x) = P(c) P(x | c) / P(x), "
             "P(x | c) = prod_i P(x_i | c) (conditional independence); P(x) does not depend on c",
             variable=c, domains=NB_DOMAINS),
        Step(posterior, seed_score, "propto", "the seed's score", variable=c, domains=NB_DOMAINS,
             expect="fails", note=SEED_NB),
        Step(at(posterior, 1) / at(posterior, 0), at(prior * likelihood, 1) / at(prior * likelihood, 0),
             justification="posterior odds = prior odds times likelihood ratio", domains=NB_DOMAINS),
        Step(at(posterior, 1), at(seed_score, 1) / (at(seed_score, 0) + at(seed_score, 1)),
             justification="the seed's score normalized over the classes (it reduces to the prior pi1)",
             domains=NB_DOMAINS, expect="fails", note=SEED_NB),
        Step(at(posterior, 1), at(prior * likelihood, 1) / sum(at(prior * likelihood, v) for v in (0, 1)),
             justification="prior times likelihood, normalized over the classes", domains=NB_DOMAINS),
    ),
))
