r"""The identities of the rules added for the held-out round eighteen: ``softmax_power``
(``codegen.rules_softmax_power``).

$\frac{e^{a}}{(\sum_j e^{f_j})^{p}} = \frac{e^{a - p m}}{(\sum_j e^{f_j - m})^{p}}$ for every real $m$: the numerator
and the sum's $p$-th power are each multiplied by $e^{-p m} = (e^{-m})^{p}$.
"""
from sympy import IndexedBase, Sum, Symbol, exp, sqrt, symbols

from derivations.checker.step import Derivation, Step
from derivations.library import register

K = Symbol("K", integer=True, positive=True)
i, j, k = symbols("i j k", integer=True, nonnegative=True)
z = IndexedBase("z", real=True)
m = Symbol("m", real=True)
_SIZES = ({K: 1}, {K: 2}, {K: 3}, {K: 5})

register(Derivation(
    id="softmax_power",
    title=r"the identity of a stability rule: $\frac{e^{a}}{(\sum_j e^{f_j})^{p}} = "
          r"\frac{e^{a - p m}}{(\sum_j e^{f_j - m})^{p}}$ for any real $m$",
    source="textbook",
    steps=(
        Step(exp(2 * z[i]) / Sum(exp(z[j]), (j, 0, K - 1)) ** 2,
             exp(2 * (z[i] - m)) / Sum(exp(z[j] - m), (j, 0, K - 1)) ** 2,
             justification="a squared softmax entry: multiply numerator and squared sum by e^{-2m}",
             indices={i: (0, K - 1)}, sizes=_SIZES),
        Step(exp(z[i] + z[k]) / Sum(exp(z[j]), (j, 0, K - 1)) ** 2,
             exp((z[i] - m) + (z[k] - m)) / Sum(exp(z[j] - m), (j, 0, K - 1)) ** 2,
             justification="a product of two entries over the squared sum, each entry shifted on its own",
             indices={i: (0, K - 1), k: (0, K - 1)}, sizes=_SIZES),
        Step(exp(z[i]) / sqrt(Sum(exp(2 * z[j]), (j, 0, K - 1))),
             exp(z[i] - m) / sqrt(Sum(exp(2 * z[j] - 2 * m), (j, 0, K - 1))),
             justification="p = 1/2 of the sum of e^{2 z_j} (shift 2m): e^{-m} = (e^{-2m})^{1/2}",
             indices={i: (0, K - 1)}, sizes=_SIZES),
    ),
))
