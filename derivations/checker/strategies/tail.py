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
from derivations.checker.strategies.evaluate import compare, compile_expr, value_at
from derivations.checker.strategies.instances import SCALAR_SIZES, Unsupported, _admissible, _size_symbols

GAP_SIZES = tuple(sorted((k for k in range(-64, 257) if k not in SCALAR_SIZES), key=abs))
r"""Sizes between the concrete ones (13..19, 21..36, ... up to 256, and down to -64), screened with mpmath:
$|\sum_{j=1}^n j - 120| \ge 1$ fails at $n = 15$ alone."""
SCREEN_DIGITS = 50
"""Working digits of the mpmath screen; only a size that fails it is decided exactly."""
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
    sizes = list(_failing_gap_sizes(step, n, lhs, rhs, deadline, termwise)) + list(LARGE_SIZES)
    for size in sizes:
        if busy_clock() > deadline or (termwise and size > TERMWISE_LIMIT):
            return None
        point = {n: sp.Integer(size)}
        if not _admissible(step, point) or not _ranges_forward(step, point):
            continue
        if size in LARGE_SIZES:
            with sp.evaluate(False):  # harmonic(2**40) must not be built as an exact rational: evalf decides it
                at_size = [side.xreplace(point) for side in (lhs, rhs)]
        else:  # a small size is built exactly (|n**2/2 + n/2 - 120| at n = 15 is 0, not an unevaluated Abs)
            at_size = [side.xreplace(point) for side in (lhs, rhs)]
        decision = decide(*at_size, {})
        if holds(step.rel, decision.state) is False:
            counterexample = {str(n): str(size)}
            for side, value in (("lhs", decision.lhs), ("rhs", decision.rhs)):
                counterexample[side] = "undefined" if value is None else decimal_text(value)
            if decision.difference is not None:
                counterexample["lhs - rhs"] = decimal_text(decision.difference)
            return Verdict("refuted", method="exact decision at a size beyond or between the concrete ones (closed form)",
                           counterexample=counterexample,
                           reason=f"lhs {step.rel} rhs fails at {n} = {size}, a size the concrete ones skip; "
                                  f"lhs - rhs is {decision.state} there, certified by exact evaluation")
    return None


def _failing_gap_sizes(step: Step, n: sp.Symbol, lhs: sp.Expr, rhs: sp.Expr, deadline: float, termwise: bool):
    r"""The sizes of :data:`GAP_SIZES` where the closed forms fail (or tie) in mpmath, for the exact decision.

    A sum with no closed form is added term by term (``termwise``): its compiled ``range`` takes the size as a Python
    integer, not an mpmath number.  The concrete sizes miss the sizes where such a sum fails: $\sum_{j=0}^{n-1}
    \cos(34\pi j/n) = 0$ for $n \ge 2$ fails at $n = 17$ alone (a divisor of 34), where every term is 1."""
    try:
        sides = [compile_expr([n], side) for side in (lhs, rhs)]
    except Unsupported:
        return
    if termwise:
        sides = [lambda size, f=f: f(int(size)) for f in sides]
    for size in GAP_SIZES:
        if busy_clock() > deadline:
            return
        point = {n: sp.Integer(size)}
        if not _admissible(step, point) or not _ranges_forward(step, point):
            continue
        l, r = (value_at(f, [size], SCREEN_DIGITS) for f in sides)
        if l is None or r is None or compare(step.rel, l, r, SCREEN_DIGITS) != "holds":
            yield size
