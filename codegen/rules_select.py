r"""A product with a Heaviside factor, as a selection (:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``heaviside_select``      $H(v)\,w = \begin{cases} H(v)\,w & H(v) > 0 \\ 0 & \text{else} \end{cases}$ ($w$ where $H(v) = 1$)
========================  =====================================================================

The derivative of a ``max``/``min`` or a branch multiplies the branch's derivative by a step: CELU's
$e^{x/\alpha} H(\alpha(1 - e^{x/\alpha}))$ at $x/\alpha = 10^{300}$ is $\infty \cdot 0 = $ nan where the truth is
0 (the branch is not taken).  Selected instead of multiplied, the factor of a branch not taken is never
used.  Sums are left as they are (a reduction over a selection would lose its contraction); a product
inside one is not rewritten.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import ReduceMax


KINKED = (sp.Abs, sp.Max, sp.Min, ReduceMax)
"""A step of a magnitude or a maximum (the derivative of a rule's scale, $\\max(|\\delta|, |x|)$, in a derivative of
a stabilized form) is left a product: selections nested in those scales' branches grew the pseudo-Huber search from
13 s to over 10 minutes, and such a step's factors do not overflow where its branch is not taken."""


def _selected(e: sp.Mul):
    """The product ``e`` with its first Heaviside factor as a Piecewise of the other factors, else None."""
    for f in e.args:
        if isinstance(f, sp.Heaviside) and not f.args[0].has(*KINKED):
            rest = sp.Mul(*[a for a in e.args if a is not f])
            if rest.is_number:
                return None
            at_zero = f.args[1] if len(f.args) > 1 else sp.S.Half
            # the condition is the step itself: sympy would rewrite v > 0 (1 - t y > 0 as t y < 1), and the exact
            # rules would no longer reach the difference that decides it
            rest = _decided_powers(rest, f.args[0])
            return sp.Piecewise((rest if at_zero == 0 else f * rest, f > 0), (0, True))
    return None


def _decided_powers(rest: sp.Expr, v: sp.Expr) -> sp.Expr:
    r"""``rest`` with each power of $\max(p, q)$ (or $\min(p, q)$) whose two arguments differ by the step's $v = p - q$
    written as the power of the one the step selects: where $H(v) > 0$, $v \ge 0$ and $\max(p, q) = p$,
    $\min(p, q) = q$ (the same values, so that the rules after see a power of a factor: the inverse square-root
    schedule's gradient $\max(t, w)^{-3/2}$ is $t^{-3/2}$ where $t > w$, which the log-space rules can pair with
    $\eta = 10^{300}$ at $t = 10^{300}$)."""
    def decided(e):
        m = e.base
        if len(m.args) != 2:
            return None
        p, q = m.args
        if sp.expand(p - q - v) == 0:
            return p if isinstance(m, sp.Max) else q
        if sp.expand(q - p - v) == 0:
            return q if isinstance(m, sp.Max) else p
        return None

    def query(e):
        return isinstance(e, sp.Pow) and isinstance(e.base, (sp.Max, sp.Min)) and decided(e) is not None

    return rest.replace(query, lambda e: sp.Pow(decided(e), e.exp))


def heaviside_select(expr: sp.Expr) -> sp.Expr:
    r"""$H(v)\,w \to$ ``Piecewise((w, H(v) > 0), (0, True))`` for each product outside a sum (``H(v) w`` in the first
    piece where $H(0) \ne 0$)."""
    if expr.is_Atom or isinstance(expr, sp.Sum):
        return expr
    args = [heaviside_select(a) for a in expr.args]
    if any(a is not b for a, b in zip(args, expr.args)):
        expr = expr.func(*args)
    if isinstance(expr, sp.Mul):
        selected = _selected(expr)
        if selected is not None:
            return selected
    return expr
