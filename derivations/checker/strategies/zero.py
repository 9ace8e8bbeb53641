r"""Showing $d = 0$: named sympy reductions, cheap to expensive, as data.

Each entry is ``(name, reduce)``; a reduction proves $d = 0$ when its result
is structurally zero or sympy can tell it is zero under the symbols'
assumptions.  ``logcombine`` and ``powsimp`` run without ``force``: they only
combine where the assumptions allow it.

Most reductions end in ``cancel`` (:class:`Cancelled`): ``cancel(together(d))``, ``cancel(trigsimp(d))``...  Where
the rewrite before it leaves $d$ as it was (``trigsimp`` of a difference without trigonometric functions,
``expand_log`` of one without logarithms), the reduction is ``cancel(d)`` again; one search
(:func:`reduce_to_zero`, :func:`prove_equal`) remembers each ``cancel`` it computed, by its argument, so that it
is computed once (``cancel`` was a third of the symbolic rung's time, most of it on claims no reduction proves).
"""
from __future__ import annotations

import sympy as sp
from sympy.functions.elementary.hyperbolic import HyperbolicFunction
from sympy.functions.elementary.trigonometric import TrigonometricFunction

from derivations.checker.strategies.reflection import reflected
from symbolic.gaussian_integral import integrated


class Cancelled:
    r"""The reduction $d \mapsto \operatorname{cancel}(\mathit{inner}(d))$; called with a ``memo`` (a dict of one
    search), a ``cancel`` of an expression it already holds is taken from there, unchanged."""

    def __init__(self, inner):
        self.inner = inner

    def __call__(self, d: sp.Expr, memo: dict | None = None) -> sp.Expr:
        rewritten = self.inner(d)
        if memo is None:
            return sp.cancel(rewritten)
        try:
            return memo[rewritten]
        except KeyError:
            memo[rewritten] = cancelled = sp.cancel(rewritten)
            return cancelled
        except TypeError:  # unhashable (a mutable matrix): not remembered
            return sp.cancel(rewritten)


def _as_written(d):
    return d


def _rewritten_to_exp(d):
    return sp.powsimp(sp.expand(d.rewrite(sp.exp)))


GAMMA_FAMILY = (sp.gamma, sp.polygamma, sp.loggamma, sp.beta)
"""Functions whose shifts sympy's ``expand_func`` writes out (:func:`_shifts_expanded`)."""


def _shifts_expanded(d):
    r"""$d$ with each $\psi^{(m)}(x + k)$, $\Gamma(x + k)$ at an integer shift $k$ written through its argument $x$
    (``expand_func``): $\psi^{(m)}(x + 1) = \psi^{(m)}(x) + (-1)^m m!/x^{m+1}$, $\Gamma(x + 1) = x\,\Gamma(x)$.
    ``simplify`` does not do this; the recurrences of the polygamma family were left to the samples, which sympy
    evaluates at rationals of a few thousand as exact sums of as many terms (timeouts).  A difference without
    these functions is left as it was (its ``cancel`` is then remembered, not computed again)."""
    return sp.expand_func(d) if d.has(*GAMMA_FAMILY) else d


def _cancel_integrated(d):
    r"""$d$ with its integrals done, cancelled.  An integral $\int_{-\infty}^{\infty} P(x) e^{Q(x)} dx$ (a moment of a
    normal density) is first written in closed form (:mod:`symbolic.gaussian_integral`, milliseconds where sympy's
    Meijer G-functions take seconds); where that does not cancel to zero, sympy's ``doit`` decides as before."""
    if not d.has(sp.Integral):
        return d
    closed = integrated(d)
    if closed is not d:
        cancelled = sp.cancel(closed)
        if is_zero(cancelled):
            return cancelled
    return sp.cancel(d.doit())


ZERO_TESTS = (
    ("cancel", Cancelled(_as_written)),
    ("expand", sp.expand),
    ("together", Cancelled(sp.together)),
    ("powsimp/logcombine", Cancelled(lambda d: sp.logcombine(sp.powsimp(d)))),
    ("trigsimp", Cancelled(sp.trigsimp)),
    ("rewrite(exp)", Cancelled(_rewritten_to_exp)),
    ("expand_log", Cancelled(sp.expand_log)),
    ("expand_func", Cancelled(_shifts_expanded)),
    ("reflection", Cancelled(reflected)),
    ("doit (integrate)", _cancel_integrated),
    ("simplify", sp.simplify),
)
"""Reductions of a difference to zero, tried in order."""

RATIO_TESTS = (
    ("ratio: cancel", Cancelled(_as_written)),
    ("ratio: powsimp", lambda r: sp.powsimp(sp.cancel(r))),
    ("ratio: simplify", sp.simplify),
)
r"""Reductions of a ratio $l / r$ to one, tried when both sides are known to be non-zero."""

HYPERBOLIC_FIRST = ("rewrite(exp)", "trigsimp")
r"""On a difference with hyperbolic functions and no trigonometric ones, the first of these reductions is tried before
the second (:func:`ordered_for`).  sympy's ``trigsimp`` turns $\sinh x$ into $-i \sin(i x)$ and factors over
$\mathbb{Q}(i)$: half a second of CPU on $\frac{1}{1 + e^{-a}} - \frac{1}{1 + e^{-b}} - \frac{\sinh((a - b)/2)}{2 \cosh(a/2)
\cosh(b/2)}$, where the exponentials of ``rewrite(exp)`` cancel in 20 ms.  Only the order changes, never the set of
reductions tried, so a difference either order takes to zero is still shown zero (``trigsimp`` may be named less
often)."""

CHEAP = tuple(test for test in ZERO_TESTS if test[0] not in ("doit (integrate)", "simplify"))
"""The reductions that stay fast on large expressions (used on symbolic sizes and limits)."""


def ordered_for(difference: sp.Expr, tests):
    """``tests`` as they are, or with :data:`HYPERBOLIC_FIRST`'s first reduction moved straight before its second
    when ``difference`` holds hyperbolic functions and no trigonometric ones (and ``tests`` names both)."""
    first, second = HYPERBOLIC_FIRST
    names = [name for name, _ in tests]
    if first not in names or second not in names or names.index(first) < names.index(second):
        return tests
    if not difference.has(HyperbolicFunction) or difference.has(TrigonometricFunction):
        return tests
    moved = tests[names.index(first)]
    rest = [test for test in tests if test is not moved]
    at = [name for name, _ in rest].index(second)
    return tuple(rest[:at]) + (moved,) + tuple(rest[at:])


def is_zero(expr) -> bool:
    return expr == 0 or expr.is_zero is True


def _reduced(reduce, d: sp.Expr, memo: dict) -> sp.Expr:
    """``reduce(d)``, its ``cancel`` remembered in ``memo`` where it is a :class:`Cancelled`."""
    return reduce(d, memo) if isinstance(reduce, Cancelled) else reduce(d)


def reduce_to_zero(difference: sp.Expr, tests=ZERO_TESTS) -> str | None:
    """The name of the first reduction that takes ``difference`` to zero, else None."""
    if is_zero(difference):
        return "structural"
    memo: dict = {}
    for name, reduce in ordered_for(difference, tests):
        if is_zero(_reduced(reduce, difference, memo)):
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
    on the substituted form is not first sent through ``simplify`` on the plain one.  A form equal to an
    earlier one (``refine`` that changed nothing) is not reduced again: it would give the same results.
    """
    forms = [("", lhs - rhs)]
    if substitution:
        forms.append((" with the simplex constraint", (lhs - rhs).xreplace(substitution)))
    if assumptions:
        forms.append((" after refine under the side conditions", sp.refine(lhs - rhs, sp.And(*assumptions))))
    forms = [(suffix, d) for k, (suffix, d) in enumerate(forms) if all(d != earlier for _, earlier in forms[:k])]
    for suffix, difference in forms:
        if is_zero(difference):
            return "structural" + suffix
    memo: dict = {}
    for name, reduce in ordered_for(forms[0][1], tests):  # each reduction on every form before the next, costlier one on any
        for suffix, difference in forms:
            if is_zero(_reduced(reduce, difference, memo)):
                return name + suffix
    if lhs.is_zero is False and rhs.is_zero is False:
        for name, reduce in RATIO_TESTS if tests is ZERO_TESTS else RATIO_TESTS[:2]:
            if _reduced(reduce, lhs / rhs, memo) == 1:
                return name
    return None
