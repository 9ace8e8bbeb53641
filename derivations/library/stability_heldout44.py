r"""The identities of the rules added for the held-out round eighteen: ``softmax_power``
(``codegen.rules_softmax_power``) ``exp_pair_hyperbolic``, ``log_sum_exp_sums`` and ``hyperbolic_normalize`` (``codegen.rules_exp_sums``),
``log_of_negative_expm1`` (``codegen.rules_exp_underflow``), ``log_expm1_factor`` (``codegen.rules_log_hyperbolic``), ``log_share`` (``codegen.rules_log_quotient``).

$\frac{e^{a}}{(\sum_j e^{f_j})^{p}} = \frac{e^{a - p m}}{(\sum_j e^{f_j - m})^{p}}$ for every real $m$: the numerator
and the sum's $p$-th power are each multiplied by $e^{-p m} = (e^{-m})^{p}$.
"""
from sympy import IndexedBase, Sum, Symbol, cosh, exp, log, sinh, symbols
from sympy.codegen.cfunctions import expm1, log1p

from derivations.checker.step import Derivation, Step
from derivations.library import register

K = Symbol("K", integer=True, positive=True)
i, j, k = symbols("i j k", integer=True, nonnegative=True)
z = IndexedBase("z", real=True)
m = Symbol("m", real=True)
_SIZES = ({K: 1}, {K: 2}, {K: 3}, {K: 5})

_p = Symbol("p", positive=True)
register(Derivation(
    id="softmax_power",
    title=r"the identity of a stability rule: $\frac{e^{a}}{(\sum_j e^{f_j})^{p}} = "
          r"\frac{e^{a - p m}}{(\sum_j e^{f_j - m})^{p}}$ for any real $m$",
    source="textbook",
    steps=(
        Step(exp(_p * z[i]) / Sum(exp(z[j]), (j, 0, K - 1)) ** _p,
             exp(_p * (z[i] - m)) / Sum(exp(z[j] - m), (j, 0, K - 1)) ** _p,
             justification="a softmax entry to the power p > 0: numerator and sum^p multiplied by e^{-pm} = (e^{-m})^p; "
                           "a numerator e^{z_i + z_k} over the squared sum shifts each entry by m the same way",
             indices={i: (0, K - 1)}, sizes=_SIZES),
    ),
))

_b = Symbol("beta", positive=True)
register(Derivation(
    id="log_sum_exp_sums",
    title=r"the identity of a stability rule: $\log\sum_i \sum_k c_k e^{a_{ik}} = "
          r"M + \log\sum_i \sum_k c_k e^{a_{ik} - M}$ for any real $M$",
    source="textbook",
    steps=(
        Step(log(Sum(exp(z[i]) + exp(-z[i]), (i, 0, K - 1))),
             m + log(Sum(exp(z[i] - m) + exp(-z[i] - m), (i, 0, K - 1))),
             justification="factor e^{m} out of every term of the double sum (a positive constant term is c e^{0})",
             sizes=_SIZES),
        Step(cosh(_b), exp(_b) / 2 + exp(-_b) / 2, justification="cosh as two weighted exponentials"),
    ),
))


_u = Symbol("u", positive=True)
register(Derivation(
    id="hyperbolic_normalize",
    title=r"the identity of a stability rule: $\frac{\sinh v}{\sum_i \cosh u_i} = "
          r"\frac{\operatorname{sign}(v) e^{|v| - m}(-\operatorname{expm1}(-2|v|))/2}{\sum_i e^{|u_i| - m}(1 + e^{-2|u_i|})/2}$",
    source="textbook",
    steps=(
        Step(sinh(_u), exp(_u) * -expm1(-2 * _u) / 2,
             justification="sinh v = sign(v) e^{|v|}(-expm1(-2|v|))/2: at v = u > 0, and sinh is odd"),
        Step(cosh(_u), exp(_u) * (1 + exp(-2 * _u)) / 2,
             justification="cosh v = e^{|v|}(1 + e^{-2|v|})/2: at v = u > 0, and cosh is even"),
        Step(sinh(z[k]) / Sum(cosh(z[i]), (i, 0, K - 1)),
             sinh(z[k]) * exp(-m) / Sum(cosh(z[i]) * exp(-m), (i, 0, K - 1)),
             justification="numerator and sum multiplied by e^{-m} (then each factor as above)",
             indices={k: (0, K - 1)}, sizes=_SIZES),
    ),
))

_c = Symbol("c", real=True)
_x = Symbol("x", real=True)
register(Derivation(
    id="exp_pair_hyperbolic",
    title=r"the identity of a stability rule: $c e^{u} \pm c e^{-u} = 2c\cosh u$, $2c\sinh u$",
    source="textbook",
    steps=(Step(_c * exp(_x) + _c * exp(-_x), 2 * _c * cosh(_x), justification="definition of cosh"),
           Step(_c * exp(_x) - _c * exp(-_x), 2 * _c * sinh(_x), justification="definition of sinh")),
))

_a = Symbol("a", negative=True)
register(Derivation(
    id="log_of_negative_expm1",
    title=r"the identity of a stability rule: $\log(-\operatorname{expm1}(a)) = \operatorname{log1p}(-e^{a})$",
    source="textbook",
    steps=(Step(log(-expm1(_a)), log1p(-exp(_a)), justification="-expm1(a) = 1 - e^{a}, log(1 + t) = log1p(t) for t > -1"),),
))

_p = Symbol("p", positive=True)
_v = Symbol("v", positive=True)
register(Derivation(
    id="log_expm1_factor",
    title=r"the identity of a stability rule: $\log(P(e^{u} - 1)^{k}) = k\max(u, 0) + "
          r"\log(P(\operatorname{sign}(u)(-\operatorname{expm1}(-|u|)))^{k})$",
    source="textbook",
    steps=(Step(exp(_v) - 1, exp(_v) * -expm1(-_v), justification="e^{u} - 1 = e^{u}(1 - e^{-u}) at u = v > 0"),
           Step(exp(-_v) - 1, -1 * -expm1(-_v), justification="at u = -v < 0: max(u, 0) = 0, sign(u) = -1, -|u| = u"),
           Step(log(_p * exp(_v) * _u), _v + log(_p * _u),
                justification="log(a Q) = log a + log Q for a = e^{k max(u, 0)} > 0 (the power k of a positive factor)")),
))

_r = Symbol("r", positive=True)
_mu = Symbol("mu", positive=True)
register(Derivation(
    id="log_share",
    title=r"the identity of a stability rule: $\log\frac{a}{a + b} = -\operatorname{log1p}\frac{b}{a}$",
    source="textbook",
    steps=(Step(log(_r / (_r + _mu)), -log1p(_mu / _r), justification="a/(a + b) = 1/(1 + b/a), log(1 + t) = log1p(t)"),
           Step(log(_r / (_r + _mu)), log(_r) - log(_r + _mu),
                justification="beyond |b| <= |a|: log of a quotient of positive numbers (|a|, |a + b| for a ratio > 0)"),
           Step((_r / (_r + _mu)) ** _p, exp(_p * log(_r / (_r + _mu))),
                justification="q^p = e^{p log q} for q > 0; then the log of q as in the step above")),
))
