r"""Positive weights normalised to sum to one, taken as a softmax of their logs (:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``weights_as_softmax``    $\frac{w_i}{\sum_j w_j} = \frac{e^{\log w_i}}{\sum_j e^{\log w_j}}$ for weights $w_j > 0$, products of powers of $c + t$
========================  =====================================================================

$\frac{(1 + d_i^2)^{-1}}{\sum_j (1 + d_j^2)^{-1}}$ (the affinities of t-SNE) at $d \sim 10^{300}$ is $0/0$: every weight
underflows while their ratios are tame; at $d \sim 10^{160}$ every one is subnormal and the quotient keeps a few
digits.  As a softmax of $\log w_j = -\log(1 + d_j^2)$ the max-shift of ``exp_normalize`` brings the largest weight
to 1, and $\log(1 + d^2) = 2\log|d| + \operatorname{log1p}(d^{-2})$ (``log1p_large_product``) never overflows.  The
weights must be positive (sympy proves it of the summand) and not already exponentials (``exp_normalize`` takes
those as they are); the log of a product of powers is the sum of the logs of its factors.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p

from symbolic.functions import Held


def _log_of(w: sp.Expr) -> sp.Expr | None:
    r"""$\log w$ as $\sum_f e_f (\log c_f + \operatorname{log1p}(t_f / c_f))$ for a product of powers of positive
    factors $c_f + t_f$ ($c_f > 0$ a number, $t_f$ free of exponentials), else None.  A log of another factor would
    fold back: sympy evaluates $e^{k \log x}$ to $x^k$, not $e^{k\operatorname{log1p}(t)}$."""
    out = []
    for f in sp.Mul.make_args(w):
        if isinstance(f, sp.exp):  # exp_normalize takes the exponentials as they are (a Gumbel softmax)
            return None
        base, e = f.as_base_exp()
        if base.is_number and base.is_positive:
            out.append(e * sp.log(base))
            continue
        if not isinstance(base, sp.Add) or base.has(sp.exp) or not base.is_positive or e.has(sp.Indexed):
            return None
        c, t = base.as_coeff_Add()
        if not (c.is_number and c.is_positive) or t.is_number:
            return None
        out.append(e * (sp.log(c) + log1p(t / c)))
    return sp.Add(*out) if any(not t.is_number for t in out) else None


def _normalised(e: sp.Expr):
    """``(n, s, i)``: the product ``e`` is ``n / s`` with ``s`` a sum over ``j`` of a positive weight $w_j$ and
    ``n`` that weight at an index ``i`` (another index symbol), else None."""
    if not isinstance(e, sp.Mul):
        return None
    inv = [f for f in e.args if isinstance(f, sp.Pow) and f.exp == -1 and isinstance(f.base, sp.Sum)
           and len(f.base.limits) == 1]
    if len(inv) != 1:
        return None
    s = inv[0].base
    n = sp.Mul(*[f for f in e.args if f is not inv[0]])
    j = s.limits[0][0]
    w = s.function
    if _log_of(w) is None:
        return None
    for i in sorted(n.free_symbols - w.free_symbols, key=str):
        if isinstance(i, sp.Symbol) and w.subs(j, i) == n:
            return n, s, i
    return None


def weights_as_softmax(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{w_i}{\sum_j w_j} \to \frac{e^{\log w_i}}{\sum_j e^{\log w_j}}$ (module docstring)."""
    def value(e):
        n, s, i = _normalised(e)
        (j, lo, hi), = s.limits
        log_w = _log_of(s.function)
        # held: sympy folds e^{-2 log|d| - L} (log1p_large_product's form) back into e^{-L}/d^2, which overflows
        return sp.exp(Held(log_w.subs(j, i))) / sp.Sum(sp.exp(Held(log_w)), (j, lo, hi))

    return expr.replace(lambda e: _normalised(e) is not None, value)
