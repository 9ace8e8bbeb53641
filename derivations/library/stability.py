r"""The identities the stability rewrites of ``codegen.rewrites`` rest on.

Each rewrite names one of these derivations; a test checks that every rule's
identity is registered and holds.
"""
from sympy import Abs, IndexedBase, Max, Sum, Symbol, exp, log, symbols
from sympy.codegen.cfunctions import expm1, log1p

from derivations.step import Derivation, Step

from . import register

x = Symbol("x", real=True)
t = Symbol("t", positive=True)

register(Derivation(
    id="softplus_stable",
    title=r"$\log(1 + e^{x}) = \max(x, 0) + \operatorname{log1p}(e^{-|x|})$",
    catalog_id="softplus",
    source="textbook",
    steps=(
        Step(log(1 + exp(x)), Max(x, 0) + log1p(exp(-Abs(x))),
             justification="for x >= 0 factor e^{x} out of 1 + e^{x}; for x < 0 the max is 0"),
        Step(log(1 + exp(Symbol("y", positive=True))),
             Symbol("y", positive=True) + log1p(exp(-Symbol("y", positive=True))),
             justification="the x > 0 branch: log(e^{y}(e^{-y} + 1))"),
    ),
))

register(Derivation(
    id="log1p_expm1_definitions",
    title=r"$\log(1 + t) = \operatorname{log1p}(t)$ and $e^{x} - 1 = \operatorname{expm1}(x)$",
    source="textbook",
    steps=(
        Step(log(1 + t), log1p(t), justification="definition of log1p (for t > -1)"),
        Step(exp(x) - 1, expm1(x), justification="definition of expm1"),
    ),
))

K = Symbol("K", integer=True, positive=True)
i, j = symbols("i j", integer=True, nonnegative=True)
z = IndexedBase("z", real=True)
m = Symbol("m", real=True)
register(Derivation(
    id="exp_normalize",
    title=r"$\frac{e^{z_i}}{\sum_j e^{z_j}} = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}}$ for any real $m$",
    catalog_id="softmax",
    source="textbook",
    steps=(
        Step(exp(z[i]) / Sum(exp(z[j]), (j, 0, K - 1)), exp(z[i] - m) / Sum(exp(z[j] - m), (j, 0, K - 1)),
             justification="multiply numerator and denominator by e^{-m}", indices={i: (0, K - 1)},
             sizes=({K: 1}, {K: 2}, {K: 3}, {K: 5})),
    ),
))

# ** the code generator's own rules carry their identity as (lhs, rhs): each becomes a derivation **


def _register_codegen_identities() -> None:
    from codegen.stable import OWN_RULES

    for rule in OWN_RULES:
        register(Derivation(
            id=rule.identity,
            title=f"the identity of the {rule.name} rewrite",
            source="textbook",
            notes=f"Gains: {rule.gain}",
            steps=(Step(rule.lhs, rule.rhs, justification=f"the {rule.name} rewrite is this identity"),),
        ))


_register_codegen_identities()
