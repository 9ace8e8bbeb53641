r"""Sizes far beyond the concrete ones: a claim about all $n$ that fails only for large $n$.

The concrete sizes stop at $n = 1000$, but $H_n = \sum_{j=1}^n 1/j < 8$ first fails at $n = 1674$, and
$\prod_{j=1}^n (1 - \tfrac{1}{4j^2}) > 0.6367$ near $n = 2000$.  When a step's only free symbol is one
integer size $n$ with no upper bound, the sides are put in closed form (``doit``: $H_n$ is ``harmonic(n)``)
and decided exactly (``decide``) at

.. math:: n \in \{2^{11}, 2^{14}, 2^{17}, 2^{20}, 2^{30}, 2^{40}, 2^{60}\}

(only $n \le 2^{12}$ when a sum has no closed form and is added term by term).  A failing size is a
counterexample: ``refuted``.  Sizes that all hold add nothing (the verdict stays as the ladder gave it).
"""
from __future__ import annotations

import sympy as sp

from derivations.checker.budget import busy_clock
from derivations.checker.step import Step
from derivations.checker.verdict import Verdict

from derivations.checker.strategies.decide import decide, decimal_text, holds
from derivations.checker.strategies.instances import _admissible, _size_symbols

LARGE_SIZES = tuple(2**k for k in (11, 14, 17, 20, 30, 40, 60))
"""Sizes tried with closed forms."""
TERMWISE_LIMIT = 2**12
"""Largest size tried when a sum or product stays unevaluated (it is then added term by term)."""
RELATIONS = ("=", "<", "<=", ">", ">=")


def size_symbol(step: Step) -> sp.Symbol | None:
    """The single integer size symbol of a step with no other free symbol, else None."""
    if step.rel not in RELATIONS or step.indices or step.sizes:
        return None
    sizes = _size_symbols(step)
    if len(sizes) != 1:
        return None
    (n,) = sizes
    free = set().union(*(getattr(p, "free_symbols", set()) for p in (step.lhs, step.rhs)))
    if not n.is_integer or free - {n} or any(p.has(sp.Indexed, sp.IndexedBase) for p in (step.lhs, step.rhs)):
        return None
    return n


def _ranges_forward(step: Step, point: dict) -> bool:
    r"""Whether every sum and product range has $hi \ge lo - 1$ at ``point``, so that the
    closed forms (Karr's convention for reversed ranges) agree with the empty-range convention."""
    for side in (step.lhs, step.rhs):
        for node in side.atoms(sp.Sum, sp.Product):
            for _, lo, hi in node.limits:
                count = (hi - lo + 1).xreplace(point)
                if not (count.is_nonnegative or hi == sp.oo):
                    return False
    return True


def _evaluable(closed: sp.Expr) -> sp.Expr:
    r"""Closed forms mpmath evaluates at huge sizes: $H_n^{(m)} = \zeta(m) - \zeta(m, n + 1)$, and rising
    factorials and factorials as $\Gamma$ (``decide`` re-evaluates every value with mpmath)."""
    closed = closed.replace(lambda e: isinstance(e, sp.harmonic), lambda e: e.rewrite(sp.zeta))
    return closed.rewrite(sp.gamma) if closed.has(sp.RisingFactorial, sp.FallingFactorial, sp.factorial) else closed


def applies(step: Step) -> bool:
    return size_symbol(step) is not None


def large_size_refutation(step: Step, budget: float) -> Verdict | None:
    """``refuted`` at the first size of :data:`LARGE_SIZES` where the relation fails, else None."""
    n = size_symbol(step)
    if n is None:
        return None
    deadline = busy_clock() + budget
    lhs, rhs = (_evaluable(side.doit()) for side in (step.lhs, step.rhs))
    termwise = any(side.has(sp.Sum, sp.Product) for side in (lhs, rhs))
    for size in LARGE_SIZES:
        if busy_clock() > deadline or (termwise and size > TERMWISE_LIMIT):
            return None
        point = {n: sp.Integer(size)}
        if not _admissible(step, point) or not _ranges_forward(step, point):
            continue
        with sp.evaluate(False):  # harmonic(2**40) must not be built as an exact rational: evalf decides it
            lazy = [side.xreplace(point) for side in (lhs, rhs)]
        decision = decide(*lazy, {})
        if holds(step.rel, decision.state) is False:
            counterexample = {str(n): str(size)}
            for side, value in (("lhs", decision.lhs), ("rhs", decision.rhs)):
                counterexample[side] = "undefined" if value is None else decimal_text(value)
            if decision.difference is not None:
                counterexample["lhs - rhs"] = decimal_text(decision.difference)
            return Verdict("refuted", method="exact decision at a large size (closed form)",
                           counterexample=counterexample,
                           reason=f"lhs {step.rel} rhs fails at {n} = {size}, beyond the concrete sizes; "
                                  f"lhs - rhs is {decision.state} there, certified by exact evaluation")
    return None
