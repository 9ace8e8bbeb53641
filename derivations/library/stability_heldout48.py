r"""The identities of the rules added for the held-out round twenty-two: ``sum_into_branch``
(``codegen.rules_sum_into_branch``), ``sigmoid_reflection``
(``codegen.rules_sigmoid_reflection``) and ``log_exp_near_one`` (``codegen.rules_log_exp_near_one``).

A sum is folded into a branch of a Piecewise term (on that branch the Piecewise is the branch's value), and for
positive factors the log of a product is the sum of the logs, whose coefficients are then collected.
"""
from sympy import Piecewise, Symbol, exp, log
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
