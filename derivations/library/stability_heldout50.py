r"""The identities of the rules added for the held-out round twenty-four: ``log1mexp_product``
(``codegen.rules_log1mexp_product``).

For $a < 0$, $1 - e^{a} = -a\,(1 + a/2 + O(a^2))$: the log is $\log|a| + a/2$ up to $a^2/24$ (Taylor's theorem, the
remainder shown as a limit), and $\log|a|$ of a product is the sum of its factors' logs.
"""
from sympy import Abs, Rational, Symbol, exp, log
from sympy.codegen.cfunctions import expm1

from derivations.checker.step import Derivation, Step
from derivations.library import register

_u = Symbol("u", positive=True)
_l, _x = Symbol("lambda", real=True), Symbol("x", real=True)
register(Derivation(
    id="log1mexp_product",
    title=r"the identity of a stability rule: $\log(-\operatorname{expm1} a) = \log|a| + \frac{a}{2} + O(a^2)$ for "
          r"$a < 0$, $\log|a|$ the sum of the logs of the factors of $a$",
    source="textbook",
    steps=(
        Step((log(-expm1(-_u)) - log(_u) + _u / 2) / _u ** 2, Rational(1, 24), rel="->", variable=_u, point=0,
             justification="1 - e^{-u} = u - u^2/2 + u^3/6 - ...: its log is log u - u/2 + u^2/24 + ...; below "
                           "u = 1e-8 the omitted term is under 4e-18 against |log u| > 18"),
        Step(log(Abs(-_l * _x)), log(Abs(_l)) + log(Abs(_x)),
             justification="|-lambda x| = |lambda| |x|, and the log of a product of magnitudes is the sum of their logs "
                           "(the generalized-exponential log-density's a = -lambda x)"),
        Step(log(Abs(-3 * _l ** 2 / _x)), log(3) + 2 * log(Abs(_l)) - log(Abs(_x)),
             justification="a number factor and whole powers of either sign"),
    ),
))
