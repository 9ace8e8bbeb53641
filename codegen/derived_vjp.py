r"""The catalog's joint VJPs lowered from derived gradients, not from the hand-written closed forms.

For each gradient record the VJP is derived by reverse mode through the formula's definitions
(:func:`derivations.gradients.reverse.record_vjp`) and put in the forms the closed forms use
(:func:`derivations.gradients.simplify.simplify_vjp`); then it goes through the same stability rules and the
same lowering as :func:`codegen.module.lower_joint_vjp`, one function per formula returning every gradient.
The closed forms are then tests of the derivation: ``benchmarks/own_formulas.py`` times both side by side.
"""
from __future__ import annotations

from functools import cache

import sympy as sp

from codegen.lower import Input, LoweredFunction, Target, lower_function
from codegen.lower_blocks import BLOCK_ELEMENTS
from codegen.module import _vjp_formula
from codegen.rules import stabilize


@cache
def _derived(grad) -> sp.Expr:
    from derivations.gradients.reverse import record_vjp, simplex_of
    from derivations.gradients.simplify import simplify_vjp

    return simplify_vjp(record_vjp(grad), simplex_of(grad.subject))


def derived_vjp(grad) -> sp.Expr:
    """The record's VJP, derived and simplified, over the record's indices (no stability rule applied)."""
    return _derived(grad)


def joint_vjp_targets(grads) -> tuple[tuple, tuple, set, tuple]:
    """``(inputs, targets, fired, sizes)`` of one function returning the derived VJPs of ``grads`` (one formula's
    records, in parameter order): the inputs ``(*variables, g)``, each VJP stabilized, the rules that fired, the
    sizes of them all.  Every backend lowers these."""
    vf = _vjp_formula(grads[0])
    inputs = tuple(Input(v.name, v.symbol, tuple(v.shape)) for v in vf.variables)
    targets, fired, sizes = [], set(), dict.fromkeys(vf.size_symbols)
    for grad in grads:
        expr, names = stabilize(derived_vjp(grad))
        fired.update(names)
        targets.append(Target(grad.vjp.name, expr, grad.vjp.indices))
        sizes.update(dict.fromkeys(_vjp_formula(grad).size_symbols))
    return inputs, tuple(targets), fired, tuple(sizes)


def lower_derived_joint_vjp(name: str, grads, *, precision: str = "fast",
                            blocks: int = BLOCK_ELEMENTS) -> LoweredFunction:
    """``name(*inputs, g)`` returning the derived VJPs of ``grads`` (one formula's records, in parameter order)."""
    inputs, targets, fired, sizes = joint_vjp_targets(grads)
    fn = lower_function(name, inputs, targets, sizes, precision=precision, returns="tuple",
                        blocks=blocks, sum_to=tuple(g.wrt for g in grads), gradient=True)
    fn.rewrites = tuple(sorted(fired))
    return fn
