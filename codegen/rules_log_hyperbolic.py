r"""The log of a product with hyperbolic factors: their exponential growth taken out of the log.

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_hyperbolic_factor`` $\log\bigl(P \sinh^{k} u \cosh^{m} v\bigr) = k|u| + m|v| + \log\bigl(P\,s(u)^{k} c(v)^{m}\bigr)$,
                          $s(u) = \operatorname{sign}(u)\frac{-\operatorname{expm1}(-2|u|)}{2}$, $c(v) = \frac{1 + e^{-2|v|}}{2}$,
                          for real numbers $k$, $m$
========================  =====================================================================

$\sinh u = e^{|u|} s(u)$ and $\cosh v = e^{|v|} c(v)$, and $(a b)^{k} = a^{k} b^{k}$, $\log(a Q) = \log a + \log Q$ for
$a > 0$: so the identity holds wherever the log does.  The normaliser of a von Mises-Fisher density on the sphere,
$\log\frac{\kappa}{4\pi\sinh\kappa}$, is $-\infty$ for $\kappa > 710$ ($\sinh$ overflows) where the truth is
$\log\frac{\kappa}{2\pi} - \kappa + \ldots$; the hyperbolic secant log-density $\log\frac{1}{2\cosh(\pi x / 2)}$ the same
for $|x| > 452$.  $s(u)$ keeps every digit of $\sinh u \approx u$ near 0 ($\operatorname{expm1}$), $c(v)$ lies in
$[\frac12, 1]$.  A log of $\cosh^{k} v$ alone is ``log_cosh_power``'s (before this rule).

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1


def _hyperbolic(f):
    """``(kind, u, k)`` where the factor ``f`` is $\\sinh^{k} u$ or $\\cosh^{k} u$ with ``k`` a real number, else None."""
    base, k = f.as_base_exp()
    if isinstance(base, (sp.sinh, sp.cosh)) and k.is_number and k.is_real:
        return base.func, base.args[0], k
    return None


def _applies(e) -> bool:
    if not isinstance(e, sp.log):
        return False
    factors = sp.Mul.make_args(e.args[0])
    found = [_hyperbolic(f) for f in factors]
    hyperbolic = [h for h in found if h is not None]
    # cosh^k alone is log_cosh_power's; a sinh, or a hyperbolic factor beside others, is this rule's
    return bool(hyperbolic) and (len(factors) > 1 or hyperbolic[0][0] is sp.sinh)


def log_hyperbolic_factor(expr: sp.Expr) -> sp.Expr:
    r"""$\log(P \sinh^{k} u \cosh^{m} v) \to k|u| + m|v| + \log(P\,s(u)^{k} c(v)^{m})$ (module docstring)."""
    def value(e):
        grown, rest = [], []
        for f in sp.Mul.make_args(e.args[0]):
            h = _hyperbolic(f)
            if h is None:
                rest.append(f)
                continue
            kind, u, k = h
            a = sp.Abs(u)
            grown.append(k * a)
            unit = sp.sign(u) * -expm1(-2 * a) / 2 if kind is sp.sinh else (1 + sp.exp(-2 * a)) / 2
            rest.append(unit ** k)
        return sp.Add(*grown) + sp.log(sp.Mul(*rest))

    return expr.replace(_applies, value)


def _expm1_factor(f):
    """``(u, k)`` where the factor ``f`` is $(e^{u} - 1)^{k}$ or $\\operatorname{expm1}(u)^{k}$, ``k`` a real number."""
    base, k = f.as_base_exp()
    if not (k.is_number and k.is_real):
        return None
    if isinstance(base, expm1):
        return base.args[0], k
    if isinstance(base, sp.Add) and len(base.args) == 2 and sp.S.NegativeOne in base.args:
        t = next(a for a in base.args if a is not sp.S.NegativeOne)
        if isinstance(t, sp.exp):
            return t.args[0], k
    return None


def _expm1_applies(e) -> bool:
    if not isinstance(e, sp.log):
        return False
    factors = sp.Mul.make_args(e.args[0])
    return len(factors) > 1 and any(_expm1_factor(f) is not None for f in factors)


def log_expm1_factor(expr: sp.Expr) -> sp.Expr:
    r"""$\log(P\,(e^{u} - 1)^{k}) = k\max(u, 0) + \log(P\,(\operatorname{sign}(u)(-\operatorname{expm1}(-|u|)))^{k})$:
    $e^{u} - 1 = \operatorname{sign}(u)\,e^{\max(u, 0)}(-\operatorname{expm1}(-|u|))$, its growth out of the log (the
    continuous Bernoulli's normaliser $\log\frac{e^{\eta} - 1}{\eta}$ overflows at $\eta > 710$ where it is about
    $\eta - \log\eta$).  A lone $\log(e^{u} - 1)$ is ``log_expm1``'s."""
    def value(e):
        grown, rest = [], []
        for f in sp.Mul.make_args(e.args[0]):
            h = _expm1_factor(f)
            if h is None:
                rest.append(f)
                continue
            u, k = h
            grown.append(k * sp.Max(u, 0))
            rest.append((sp.sign(u) * -expm1(-sp.Abs(u))) ** k)
        return sp.Add(*grown) + sp.log(sp.Mul(*rest))

    return expr.replace(_expm1_applies, value)
