r"""The identity of the ``log1mexp_of_exp`` rule (``codegen.rules_exp_underflow``).

$\log(1 - e^{-e^{w}}) = w + \log\frac{-\operatorname{expm1}(-e^{w})}{e^{w}}$ for $w < 0$ (take $u = e^{w} > 0$ out of
the log) and $\operatorname{log1p}(-e^{-e^{w}})$ for $w \ge 0$; the remainder $\log\frac{-\operatorname{expm1}(-u)}{u}$
tends to 0 as $w \to -\infty$, the value the rule's guard selects where the computed $e^{w}$ is 0.
"""
from sympy import Piecewise, S, Symbol, exp, log, oo
from sympy.codegen.cfunctions import expm1, log1p

from derivations.checker.step import Derivation, Step

from derivations.library import register

w = Symbol("w", real=True)
u = Symbol("u", positive=True)

register(Derivation(
    id="log1mexp_of_exp",
    title=r"the identity of a stability rule: $\log(1 - e^{-e^{w}}) = w + \log\frac{-\operatorname{expm1}(-e^{w})}{e^{w}}$",
    source="textbook",
    steps=(
        Step(log(1 - exp(-u)), log(u) + log(-expm1(-u) / u),
             justification="1 - e^{-u} = u (-expm1(-u)/u), both factors positive for u > 0"),
        Step(log(1 - exp(-exp(w))), Piecewise((w + log(-expm1(-exp(w)) / exp(w)), w < 0), (log1p(-exp(-exp(w))), True)),
             justification="u = e^{w}, log u = w; for w >= 0 the definition of log1p"),
        Step(log(-expm1(-exp(w)) / exp(w)), S.Zero, rel="->", variable=w, point=-oo,
             justification="-expm1(-u)/u = 1 - u/2 + O(u^2) -> 1 as u = e^{w} -> 0"),
    ),
))
