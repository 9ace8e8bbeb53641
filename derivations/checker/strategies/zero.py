r"""Showing $d = 0$: named sympy reductions, cheap to expensive, as data.

Each entry is ``(name, reduce)``; a reduction proves $d = 0$ when its result
is structurally zero or sympy can tell it is zero under the symbols'
assumptions.  ``logcombine`` and ``powsimp`` run without ``force``: they only
combine where the assumptions allow it.
"""
from __future__ import annotations

import sympy as sp


def _cancel_rewritten(d):
    return sp.cancel(sp.powsimp(sp.expand(d.rewrite(sp.exp))))


def _cancel_integrated(d):
    return sp.cancel(d.doit()) if d.has(sp.Integral) else d


ZERO_TESTS = (
    ("cancel", sp.cancel),
    ("expand", sp.expand),
    ("together", lambda d: sp.cancel(sp.together(d))),
    ("powsimp/logcombine", lambda d: sp.cancel(sp.logcombine(sp.powsimp(d)))),
    ("trigsimp", lambda d: sp.cancel(sp.trigsimp(d))),
    ("rewrite(exp)", _cancel_rewritten),
    ("expand_log", lambda d: sp.cancel(sp.expand_log(d))),
    ("doit (integrate)", _cancel_integrated),
    ("simplify", sp.simplify),
)
"""Reductions of a difference to zero, tried in order."""

RATIO_TESTS = (
    ("ratio: cancel", sp.cancel),
    ("ratio: powsimp", lambda r: sp.powsimp(sp.cancel(r))),
    ("ratio: simplify", sp.simplify),
)
r"""Reductions of a ratio $l / r$ to one, tried when both sides are known to be non-zero."""

CHEAP = tuple(test for test in ZERO_TESTS if test[0] not in ("doit (integrate)", "simplify"))
"""The reductions that stay fast on large expressions (used on symbolic sizes and limits)."""


def is_zero(expr) -> bool:
    return expr == 0 or expr.is_zero is True


def reduce_to_zero(difference: sp.Expr, tests=ZERO_TESTS) -> str | None:
    """The name of the first reduction that takes ``difference`` to zero, else None."""
    if is_zero(difference):
        return "structural"
    for name, reduce in tests:
        if is_zero(reduce(difference)):
            return name
    return None


def prove_equal(lhs: sp.Expr, rhs: sp.Expr, *, substitution: dict | None = None, assumptions=(),
                tests=ZERO_TESTS) -> str | None:
    r"""How $lhs = rhs$ was shown (difference to 0, or ratio to 1), else None.

    Further forms of the difference are tried when given, and the method then
    says so: ``substitution`` (such as $p_{K-1} = 1 - \sum_{k<K-1} p_k$ on a
    simplex) and ``refine`` under the side conditions ``assumptions`` (such as
    $\sigma^2 + \epsilon > 0$, which turns $|\sigma^2 + \epsilon|$ into $\sigma^2 + \epsilon$).
    The reductions go cheap to expensive across the forms: a simplex identity that ``cancel`` shows
    on the substituted form is not first sent through ``simplify`` on the plain one.
    """
    forms = [("", lhs - rhs)]
    if substitution:
        forms.append((" with the simplex constraint", (lhs - rhs).xreplace(substitution)))
    if assumptions:
        forms.append((" after refine under the side conditions", sp.refine(lhs - rhs, sp.And(*assumptions))))
    for suffix, difference in forms:
        if is_zero(difference):
            return "structural" + suffix
    for name, reduce in tests:  # each reduction on every form before the next, costlier one on any
        for suffix, difference in forms:
            if is_zero(reduce(difference)):
                return name + suffix
    if lhs.is_zero is False and rhs.is_zero is False:
        for name, reduce in RATIO_TESTS if tests is ZERO_TESTS else RATIO_TESTS[:2]:
            if reduce(lhs / rhs) == 1:
                return name
    return None

