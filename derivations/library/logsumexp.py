r"""Log-sum-exp: the max-shift identity and log-softmax.

$\log \sum_j e^{z_j} = m + \log \sum_j e^{z_j - m}$ for every real $m$ (the
stable form takes $m = \max_j z_j$), and $\log \sigma_i = z_i - \mathrm{LSE}(z)$.
"""
from sympy import IndexedBase, Sum, Symbol, exp, log, symbols

from derivations.checker.step import Derivation, Step, chain

from derivations.library import register

K = Symbol("K", integer=True, positive=True)
i, j = symbols("i j", integer=True, nonnegative=True)
z = IndexedBase("z", real=True)
m = Symbol("m", real=True)
SIZES = ({K: 2}, {K: 3}, {K: 5})


def total(e):
    return Sum(e, (j, 0, K - 1))


lse = log(total(exp(z[j])))

register(Derivation(
    id="logsumexp_shift",
    title=r"$\log \sum_j e^{z_j} = m + \log \sum_j e^{z_j - m}$",
    catalog_id="logsumexp",
    source="textbook",
    steps=(
        *chain(
            m + log(total(exp(z[j] - m))),
            ("=", m + log(exp(-m) * total(exp(z[j]))), "e^{z_j - m} = e^{-m} e^{z_j}; factor out of the sum"),
            ("=", m - m + lse, "log(ab) = log a + log b for a, b > 0"),
            sizes=SIZES,
        ),
        Step(lse, m + log(total(exp(z[j] - m))), justification="end to end, any real m", sizes=SIZES),
    ),
))

register(Derivation(
    id="log_softmax_form",
    title=r"$\log \sigma_i(z) = z_i - \log \sum_j e^{z_j}$",
    catalog_id="log_softmax",
    source="textbook",
    steps=(
        Step(log(exp(z[i]) / total(exp(z[j]))), z[i] - lse,
             justification="log of a quotient of positive numbers; log e^{z_i} = z_i",
             indices={i: (0, K - 1)}, sizes=SIZES),
    ),
))
