r"""The identities of the rules added for the held-out round twenty-two: ``sum_into_branch``
(``codegen.rules_sum_into_branch``), ``sigmoid_reflection``
(``codegen.rules_sigmoid_reflection``) ``log_exp_near_one`` (``codegen.rules_log_exp_near_one``),
``log_i0e_large`` (``codegen.rules_bessel_large``) and ``complete_square`` (``codegen.rules_complete_square``).

A sum is folded into a branch of a Piecewise term (on that branch the Piecewise is the branch's value), and for
positive factors the log of a product is the sum of the logs, whose coefficients are then collected.
"""
from sympy import Abs, Integer, Ne, Piecewise, Symbol, besseli, exp, log, oo, pi, sqrt
from sympy.codegen.cfunctions import expm1, log1p

from derivations.checker.step import Derivation, Step
from derivations.library import register

_a, _b, _p, _q, _x = (Symbol(n, positive=True) for n in "abpqx")
_r, _c, _v, _w, _t = (Symbol(n, real=True) for n in "rcvwt")
register(Derivation(
    id="sum_into_branch",
    title=r"the identity of a stability rule: $R + c\,[v \text{ if } C \text{ else } w] = [R + c v \text{ if } C "
          r"\text{ else } R + c w]$, and $\log\prod_k f_k^{e_k} = \sum_k e_k \log f_k$ for $f_k > 0$, collected",
    source="textbook",
    steps=(
        Step(_r + _c * Piecewise((_v, _t > 0), (_w, True)), Piecewise((_r + _c * _v, _t > 0), (_r + _c * _w, True)),
             justification="on each side of t = 0 the Piecewise is one of its branches"),
        Step(_a * _p * log(_x / _b) - (_p + 1) * (_a * (log(_x) - log(_b)) + log1p((_x / _b) ** (-_a))),
             -_a * log(_x) + _a * log(_b) - (_p + 1) * log1p((_x / _b) ** (-_a)),
             justification="x, b > 0: log(x/b) = log x - log b; the coefficient of log x is a p - (p + 1) a = -a "
                           "(the Dagum log-density's large branch)"),
        Step(_a * _p * log(_x / _b) - (_p + _q) * (_a * (log(_x) - log(_b)) + log1p((_x / _b) ** (-_a))),
             -_a * _q * log(_x) + _a * _q * log(_b) - (_p + _q) * log1p((_x / _b) ** (-_a)),
             justification="the same with (p + q) (the GB2 log-density): a p - (p + q) a = -a q"),
        Step(log(Abs(_v * _w ** 2)), log(Abs(_v)) + 2 * log(Abs(_w)), assumptions=(Ne(_v, 0), Ne(_w, 0)),
             justification="|v w^2| = |v| |w|^2 for whole powers, and the log of a product of positive magnitudes "
                           "is the sum of their logs: no sign asked"),
        Step(_t + (_p + 1) / 2 * (2 * log(Abs(_v)) - 2 * _t - log(_p)) + log(_p) / 2,
             -_p * _t + (_p + 1) * log(Abs(_v)) - _p * log(_p) / 2,
             justification="the Student-t NLL's large branch (t the log-scale, p the degrees of freedom): the "
                           "coefficient of t is 1 - (p + 1) = -p, of log p is 1/2 - (p + 1)/2 = -p/2"),
    ),
))

_k, _p1, _p2, _beta = (Symbol(n, real=True) for n in ("k", "p_1", "p_2", "beta"))
register(Derivation(
    id="sigmoid_reflection",
    title=r"the identity of a stability rule: $\frac{k}{1 + e^{-v}} + R = (k + R) - \frac{k}{1 + e^{v}}$",
    source="textbook",
    steps=(
        Step(_k / (1 + exp(-_v)) + _r, (_k + _r) - _k / (1 + exp(_v)),
             justification="sigma(v) = 1 - sigma(-v): 1/(1 + e^{-v}) + 1/(1 + e^{v}) = 1"),
        Step((_p1 - _p2) * _x / (1 + exp(-_beta * (_p1 - _p2) * _x)) + _p2 * _x,
             _p1 * _x - (_p1 - _p2) * _x / (1 + exp(_beta * (_p1 - _p2) * _x)),
             justification="ACON-C: k + R = (p_1 - p_2) x + p_2 x = p_1 x"),
    ),
))

_eps = Symbol("epsilon", positive=True)
register(Derivation(
    id="log_exp_near_one",
    title=r"the identity of a stability rule: $\log(e^{u} + R) = \operatorname{log1p}(\operatorname{expm1}(u) + R)$",
    source="textbook",
    steps=(
        Step(log(exp(_v) + _eps), log1p(expm1(_v) + _eps),
             justification="e^{v} + eps = 1 + (e^{v} - 1 + eps), and log1p(t) = log(1 + t)"),
        Step(-log(exp(-_r ** 2 / _c ** 2) + _eps), -log1p(expm1(-_r ** 2 / _c ** 2) + _eps),
             assumptions=(_c > 0,), justification="the Blake-Zisserman loss"),
    ),
))

_nu, _sigma, _z = Symbol("nu", real=True), Symbol("sigma", positive=True), Symbol("z", positive=True)
register(Derivation(
    id="complete_square",
    title=r"the identity of a stability rule: $s A^2 + s B^2 \pm 2 s A B = s (A \pm B)^2$",
    source="textbook",
    steps=(
        Step(-_x ** 2 / (2 * _sigma ** 2) - _nu ** 2 / (2 * _sigma ** 2) + Abs(_x * _nu) / _sigma ** 2,
             -(sqrt(2) * Abs(_x / _sigma) / 2 - sqrt(2) * Abs(_nu / _sigma) / 2) ** 2,
             justification="the Rice exponent: -(|x| - |nu|)^2 / (2 sigma^2), |x|^2 = x^2"),
        Step(_v ** 2 + _w ** 2 - 2 * _v * _w, (_v - _w) ** 2, justification="the binomial square"),
    ),
))
register(Derivation(
    id="log_i0e_large",
    title=r"the identity of a stability rule: $\log(e^{-z} I_0(z)) = -\frac12\log(2\pi z) + \log R(z)$, "
          r"$R(z) = \sqrt{2\pi z}\,e^{-z} I_0(z) = 1 + \frac{1}{8z} + O(z^{-2})$",
    source="textbook",
    steps=(
        Step(log(exp(-_z) * besseli(0, _z)), -log(2 * pi * _z) / 2 + log(sqrt(2 * pi * _z) * exp(-_z) * besseli(0, _z)),
             justification="the log of a product; the rule drops log R(z), which is below 1.3e-18 for z > 1e17 "
                           "(Abramowitz and Stegun 9.7.1: R(z) = 1 + 1/(8z) + 9/(128 z^2) + ...; measured against "
                           "mpmath in tests/codegen/test_heldout48_rules.py)"),
    ),
))
