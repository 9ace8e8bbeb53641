r"""The log (and a power) of a term over a sum that holds it: $\frac{a}{a + b}$ near 1 (:mod:`codegen.rules` registers
it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_share``             $\log\frac{a}{a + b} = -\operatorname{log1p}\frac{b}{a}$, $\log\frac{a + b}{a} = \operatorname{log1p}\frac{b}{a}$,
                          $\bigl(\frac{a}{a + b}\bigr)^{p} = e^{-p\operatorname{log1p}(b/a)}$ for a non-number $p$
                          (where $\frac{a}{a + b} > 0$)
========================  =====================================================================

The negative binomial in its mean and dispersion, $r\log\frac{r}{r + \mu}$ and $\bigl(\frac{r}{r + \mu}\bigr)^{r}$
(its log-likelihood, the zero-inflated and zero-truncated forms), is $-\mu$ and $e^{-\mu}$ as $r \to \infty$: at
$r = 10^{300}$ the quotient rounds to 1, its log to 0 and the power to 1.  As $\operatorname{log1p}(b/a)$ every digit
of $b/a = \mu/r$ is kept; where $|b| > |a|$ it is $\log|a + b| - \log|a|$ (:func:`log1p_ratio`: $b/a$ could
overflow, and the difference of logs is at least $\log 2$ there), and near $-1$ the rounding of $b/a$ costs what that
of $a + b$ did.  $a$ is a term of the sum (a product of factors); the sum's other
terms are $b$.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p


def _share(q):
    """``(a, b, s)`` where ``q`` is $(a/(a + b))^{s}$, $s = \\pm 1$, ``a`` one term of the sum (the numerator's
    factors) and ``b`` the sum's other terms, else None."""
    if isinstance(q, sp.Pow) and q.exp == -1 and isinstance(q.base, sp.Add) and sp.S.One in q.base.args \
            and not q.base.has(sp.exp):  # 1/(1 + t): the share of the term 1 (ORPO's -log(1/(1 + odds ratio)))
        return sp.S.One, q.base - 1, 1
    if not isinstance(q, sp.Mul):
        return None
    sums = [f for f in q.args if isinstance(f, sp.Pow) and f.exp in (1, -1) and isinstance(f.base, sp.Add)]
    sums += [f for f in q.args if isinstance(f, sp.Add)]
    if len(sums) != 1:
        return None
    f = sums[0]
    s, d = (-1, f.base) if isinstance(f, sp.Pow) and f.exp == -1 else (1, f)
    a = sp.Mul(*[g for g in q.args if g is not f]) ** (-s)  # q = (d/a)^s ... as a/d for s = -1
    if a.is_number or a not in d.args or d.has(sp.exp):  # exponentials are the log-sigmoid rules'
        return None
    b = sp.Add(*[t for t in d.args if t != a])
    return a, b, -s


def log1p_ratio(b, a) -> sp.Expr:
    r"""$\operatorname{log1p}\frac{b}{a}$ for $|b| \le |a|$, $\log|a + b| - \log|a|$ beyond (where $\frac{a + b}{a} > 0$,
    $b$ has the sign of $a$ there and nothing cancels): $b/a$ overflows at $a = 10^{-300}$, $b = 10^{300}$ and the
    log1p is $\infty$ where the truth is $1381.6$."""
    return sp.Piecewise((log1p(b / a), sp.Abs(b) <= sp.Abs(a)), (sp.log(sp.Abs(a + b)) - sp.log(sp.Abs(a)), True))


def _applies_log(e) -> bool:
    return isinstance(e, sp.log) and _share(e.args[0]) is not None


def _applies_power(e) -> bool:
    return isinstance(e, sp.Pow) and not e.exp.is_number and _share(e.base) is not None


def log_share(expr: sp.Expr) -> sp.Expr:
    r"""$\log\frac{a}{a + b} \to -\operatorname{log1p}\frac{b}{a}$, $(\frac{a}{a + b})^{p} \to e^{-p\operatorname{log1p}(b/a)}$
    (module docstring)."""
    def log_value(e):
        a, b, s = _share(e.args[0])
        return -s * log1p_ratio(b, a)

    def power_value(e):
        a, b, s = _share(e.base)
        return sp.exp(-s * e.exp * log1p_ratio(b, a), evaluate=False)

    return expr.replace(_applies_log, log_value).replace(_applies_power, power_value)
