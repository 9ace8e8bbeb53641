r"""A linear interpolation written as a start plus a step: $a + s(b - a) = (1 - s)a + s b$.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``lerp_weights``          $a + s\,(b - a) = (1 - s)\,a + s\,b$, $1 - s$ expanded by algebra (costly: search only)
========================  =====================================================================

Cosine annealing $\eta_{\min} + \frac12(\eta_{\max} - \eta_{\min})(1 + \cos\frac{\pi t}{T})$ at $t \to 0$ is
$\eta_{\min} + (\eta_{\max} - \eta_{\min})$: at $\eta_{\max} = 10^{-300}$, $\eta_{\min} = 0.64$ it rounds to
$0.64 - 0.64 = 0$ where the truth is $10^{-300}$.  Written with both weights, $\frac12(1 - \cos u)\,\eta_{\min} +
\frac12(1 + \cos u)\,\eta_{\max}$ is a sum of two non-negative terms for $s \in [0, 1]$, and its first weight is a
$1 - \cos u$ that ``cos_minus_one`` (after this rule) keeps as $2\sin^{2}\frac{u}{2}$.  An exponential moving average
$m + (1 - \beta)(g - m) = \beta m + (1 - \beta) g$ and a mixup the same.  The step $b - a$ must hold $-a$ as one of
its terms; outside $[0, 1]$ (an extrapolation) either form can cancel, so the rule is tried by the search only
and kept where it is measurably more accurate.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp


def _lerp(e):
    """``(a, s, b, rest)`` where the sum ``e`` is ``a + s*(b - a) + rest`` (``a`` a term of ``e``, ``b - a`` a factor
    of another term, holding ``-a`` as one of its terms), else None."""
    if not isinstance(e, sp.Add):
        return None
    for a in e.args:
        if a.is_number:
            continue
        for t in e.args:
            if t is a:
                continue
            for f in sp.Mul.make_args(t):
                if isinstance(f, sp.Add) and -a in f.args:
                    s = sp.Mul(*[g for g in sp.Mul.make_args(t) if g is not f])
                    if s.is_number:
                        continue
                    b = sp.Add(*[g for g in f.args if g != -a])
                    rest = sp.Add(*[g for g in e.args if g is not a and g is not t])
                    return a, s, b, rest
    return None


def lerp_weights(expr: sp.Expr) -> sp.Expr:
    r"""$a + s(b - a) \to (1 - s)a + s b$ with $1 - s$ expanded (module docstring)."""
    def value(e):
        a, s, b, rest = _lerp(e)
        return sp.expand(1 - s) * a + s * b + rest

    return expr.replace(lambda e: _lerp(e) is not None, value)
