r"""The log of a ratio of two softplus arguments whose exponents differ by a short expression.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``softplus_ratio``        $\log\frac{1 + e^{a}}{1 + e^{b}} = \operatorname{log1p}\bigl(\sigma(b)\operatorname{expm1}(d)\bigr)$, $d = a - b$; also $= \max(A, B) + \operatorname{log1p}(e^{-|a|})$, $A = a - \operatorname{sp}(b) = d - \operatorname{sp}(-b)$, $B = -\operatorname{sp}(b)$
========================  =====================================================================

Split into $\operatorname{sp}(a) - \operatorname{sp}(b)$ the two softplus terms cancel where $a \approx b$: soft
clipping $\frac{1}{p}\log\frac{1 + e^{p x}}{1 + e^{p x - p}}$ at $p = 10^{-150}$ is $\log 2 - \log 2 = 0$ where the
truth is $\tfrac12$, and at $x = 10^{300}$, $p = 1.9$ the exponents $1.9 \cdot 10^{300}$ and $1.9 \cdot 10^{300} - 1.9$
round to one float and the difference is 0 where the truth is 1.  The difference $d = a - b$ is formed by algebra
($p$), never in floating point.  For $|d| < 1$, $\operatorname{log1p}(\sigma(b)\operatorname{expm1}(d))$ keeps every
digit (its argument is above $e^{-1} - 1$); beyond, $\frac{1 + e^{b + d}}{1 + e^{b}} = \sigma(b) e^{d} + \sigma(-b)$
is a sum of two positive terms, whose log is a log-add-exp of $A = a - \operatorname{sp}(b)$ and $-\operatorname{sp}(b)$
(``expm1(d)`` would overflow for $d > 709$), $A$ written $d - \operatorname{sp}(-b)$ for $b \ge 0$ so that no large
$b$ cancels ($x = 10^{300}$, $p = 1.9$), and the two terms differ by $a$ exactly.  The rule fires only where $a - b$ has fewer operations than $a$.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p


def _exponent_of_one_plus_exp(f):
    """``a`` where ``f`` is ``1 + exp(a)``, else None."""
    if isinstance(f, sp.Add) and len(f.args) == 2 and sp.S.One in f.args:
        t = next(a for a in f.args if a != sp.S.One)
        if isinstance(t, sp.exp):
            return t.args[0]
    return None


def _ratio(e):
    """``(a, b)`` where ``e`` is ``log((1 + exp(a)) / (1 + exp(b)))`` with ``a - b`` shorter than ``a``, else None."""
    if not isinstance(e, sp.log) or not isinstance(e.args[0], sp.Mul) or len(e.args[0].args) != 2:
        return None
    num = [_exponent_of_one_plus_exp(f) for f in e.args[0].args]
    den = [_exponent_of_one_plus_exp(f.base) if isinstance(f, sp.Pow) and f.exp == -1 else None
           for f in e.args[0].args]
    for n in range(2):
        a, b = num[n], den[1 - n]
        if a is not None and b is not None and _short(a, b):
            return a, b
    return None


def _short(a, b) -> bool:
    d = sp.expand(a - b)
    return d != 0 and sp.count_ops(d) < sp.count_ops(a)


def _softplus(u):
    r"""$\operatorname{sp}(u) = \max(u, 0) + \operatorname{log1p}(e^{-|u|})$."""
    return sp.Max(u, 0) + log1p(sp.exp(-sp.Abs(u)))


def softplus_ratio_value(a, b) -> sp.Expr:
    r"""$\log\frac{1 + e^{a}}{1 + e^{b}}$ without cancellation: the ``log1p`` form for $|d| < 1$, the log-add-exp beyond."""
    d = sp.expand(a - b)
    sigma_b = 1 / (1 + sp.exp(-b))
    near = log1p(sigma_b * expm1(d))
    # a - sp(b) = d - sp(-b): the second where b >= 0 (sp(-b) small, d exact), the first where b < 0 (sp(b) small)
    big = sp.Piecewise((d - _softplus(-b), b >= 0), (a - _softplus(b), True))
    far = sp.Max(big, -_softplus(b)) + log1p(sp.exp(-sp.Abs(a)))  # the two terms differ by a
    return sp.Piecewise((near, sp.Abs(d) < 1), (far, True))


def softplus_ratio(expr: sp.Expr) -> sp.Expr:
    r"""$\log\frac{1 + e^{a}}{1 + e^{b}} \to$ :func:`softplus_ratio_value` where $a - b$ is shorter than $a$."""
    return expr.replace(lambda e: _ratio(e) is not None, lambda e: softplus_ratio_value(*_ratio(e)))
