r"""The identities of the rules added for the held-out round twenty-two: ``sum_into_branch``
(``codegen.rules_sum_into_branch``).

A sum is folded into a branch of a Piecewise term (on that branch the Piecewise is the branch's value), and for
positive factors the log of a product is the sum of the logs, whose coefficients are then collected.
"""
from sympy import Piecewise, Symbol, log
from sympy.codegen.cfunctions import log1p

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
