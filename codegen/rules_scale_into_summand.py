r"""A scale that cancels against a term of the summand is multiplied in before the sum (:mod:`codegen.rules` registers
it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``scale_into_summand``    $k \sum_i (\sum_t u_{t,i})\, v_i = \sum_i (\sum_t k\,u_{t,i})\, v_i$ where $k = c^{p}$ and a $u_t$ divides by $c$
========================  =====================================================================

A temperature-scaled cross-entropy (knowledge distillation, $-\tau^2 \sum_i p_i \log q_i$ with
$\log q_i = \frac{s_i - m}{\tau} - L$) at $\tau = 10^{-300}$: $\tau^2$ underflows to 0 and $\frac{s_i - m}{\tau}$ is
$10^{300}$, so the value is 0 where the truth, $\tau \sum_i p_i (m - s_i)$, is $10^{-300}$.  Multiplied into the
summand's sum, $\tau^2 \cdot \frac{s_i - m}{\tau}$ is $\tau (s_i - m)$ symbolically.  Linearity is the identity
(``scale_into_summand``); the definitions' search keeps it only where it measures more accurate.
"""
from __future__ import annotations

import sympy as sp


def _bases(k) -> set:
    """The symbols ``c`` of the factors ``c`` or ``c**p`` (``p > 0``) of ``k``."""
    out = set()
    for f in sp.Mul.make_args(k):
        base, p = (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.S.One)
        if isinstance(base, sp.Symbol) and p.is_number and p.is_positive:
            out.add(base)
    return out


def _divides_by(t, bases) -> bool:
    """A factor of the term ``t`` is ``c**p`` with ``p < 0`` for a ``c`` in ``bases``."""
    return any(isinstance(f, sp.Pow) and f.base in bases and f.exp.is_number and f.exp.is_negative
               for f in sp.Mul.make_args(t))


def _scaled_sum(e):
    """``(k, s, a)``: ``e`` is a product of the scale ``k`` (its powers of symbols), the one-limit sum ``s`` and numbers;
    ``a`` the factor of ``s``'s summand that is a sum with a term dividing by a base of ``k``; else None."""
    if not isinstance(e, sp.Mul):
        return None
    sums = [f for f in e.args if isinstance(f, sp.Sum) and len(f.limits) == 1]
    if len(sums) != 1:
        return None
    s = sums[0]
    scale = [f for f in e.args if f is not s and not f.is_number]
    k = sp.Mul(*scale)
    bases = _bases(k)
    if not scale or len(bases) != len(scale):
        return None
    for a in sp.Mul.make_args(s.function):
        if isinstance(a, sp.Add) and any(_divides_by(t, bases) for t in a.args):
            return k, s, a
    return None


def scale_into_summand(expr: sp.Expr) -> sp.Expr:
    r"""$k \sum_i (\sum_t u_{t,i})\, v_i \to \sum_i (\sum_t k\,u_{t,i})\, v_i$ (see the module)."""
    def value(e):
        k, s, a = _scaled_sum(e)
        rest = [f for f in e.args if f is not s and f.is_number]
        summand = s.function.xreplace({a: sp.Add(*[k * t for t in a.args])})
        return sp.Mul(*rest) * sp.Sum(summand, *s.limits)

    return expr.replace(lambda e: _scaled_sum(e) is not None, value)
