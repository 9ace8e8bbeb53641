r"""The log of a sum whose every summand is itself a sum of exponentials (or a hyperbolic cosine), max-shifted
(:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_sum_exp_sums``      $\log\sum_i \sum_k c_k e^{a_{ik}} = M + \log\sum_i \sum_k c_k e^{a_{ik} - M}$,
                          $M = \max_i \max_k a_{ik}$, for weights $c_k > 0$ free of exponentials (a number
                          $c_0 > 0$ is $c_0 e^{0}$; $\cosh u = \tfrac12 e^{u} + \tfrac12 e^{-u}$, where $\max(u, -u) = |u|$)
========================  =====================================================================

``logsumexp_shift`` shifts $\log\sum_i e^{f_i}$ when the summand is one exponential.  A smooth maximum of
$|x_i|$ is written $\frac1\beta\log\sum_i (e^{\beta x_i} + e^{-\beta x_i})$ or $\frac1\beta\log\sum_i\cosh(\beta x_i)$:
two exponentials per summand, and at $\beta x_i = 10^{300}$ both overflow where the value is about $\max_i |x_i|$.
The identity holds for every real $M$ (factor $e^{M}$ out of every term); with $M$ the largest exponent every
term is at most its weight and the largest is its weight, so the shifted sum neither overflows nor underflows to 0.
A scale $c$ common to every exponent (the sharpness $\beta$) is factored out of the maximum as in
``logsumexp_shift``: $M = c\,\max_i \max_k g_{ik}$ for $c > 0$, and the shifted exponents are
$c\,(g_{ik} - \max)$, so that $c\,g_{ik}$ is never formed.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1

from symbolic.functions import ReduceMax


def _terms(g):
    """``[(c_k, a_k)]`` with ``g = sum_k c_k e^{a_k}``, every ``c_k > 0`` free of exponentials and at least two terms
    of which one has an exponent other than 0 (``cosh u`` as two), else None."""
    out = []
    for t in sp.Add.make_args(sp.expand_mul(g)) if isinstance(g, sp.Add) else (g,):
        c, rest = t.as_independent(sp.exp, sp.cosh, as_Add=False)
        if not (c.is_positive or (c.is_number and c > 0)) or c.has(sp.exp, sp.cosh, ReduceMax):
            return None
        if rest == 1:
            out.append((c, sp.S.Zero))
        elif isinstance(rest, sp.exp):
            out.append((c, rest.args[0]))
        elif isinstance(rest, sp.cosh):
            u = rest.args[0]
            out += [(c / 2, u), (c / 2, -u)]
        else:
            return None
    if len(out) < 2 or all(a == 0 for _, a in out):
        return None
    return out


def _summand(e):
    """``(s, terms)`` where ``e`` is ``log(Sum(g, lim))``, ``g`` a sum of weighted exponentials (:func:`_terms`)."""
    if not (isinstance(e, sp.log) and isinstance(e.args[0], sp.Sum) and len(e.args[0].limits) == 1):
        return None
    s = e.args[0]
    terms = _terms(s.function)
    return (s, terms) if terms is not None else None


def _common_scale(exponents, bound):
    """``(c, [g_k])`` with every exponent ``c g_k``, ``c`` a positive factor free of the summed index (the product of
    the non-number factors every non-zero exponent shares), else ``(None, exponents)``."""
    nonzero = [a for a in exponents if a != 0]
    shared = None
    for a in nonzero:
        factors = {f for f in sp.Mul.make_args(a) if not f.is_number and not (f.free_symbols & bound)
                   and not f.has(sp.Indexed)}
        shared = factors if shared is None else shared & factors
    c = sp.Mul(*shared) if shared else None
    if c is None or not c.is_positive:
        return None, exponents
    return c, [sp.cancel(a / c) for a in exponents]


def _maximum(gs):
    """$\\max_k g_k$: $|u|$ for the pair $(u, -u)$ of a hyperbolic cosine."""
    distinct = list(dict.fromkeys(gs))
    if len(distinct) == 2 and sp.expand(distinct[0] + distinct[1]) == 0:
        return sp.Abs(distinct[0])
    return sp.Max(*distinct)


def _cosh_unit(u, shift):
    r"""$\cosh(u) e^{-M} = e^{|u| - M}\frac{1 + e^{-2|u|}}{2}$, ``shift(|u|)`` the exponent $|u| - M$."""
    return sp.exp(shift(sp.Abs(u)), evaluate=False) * (1 + sp.exp(-2 * sp.Abs(u))) / 2


def _sinh_unit(u, shift):
    r"""$\sinh(u) e^{-M} = \operatorname{sign}(u) e^{|u| - M}\frac{-\operatorname{expm1}(-2|u|)}{2}$ (every digit of
    $\sinh u \approx u$ kept near 0)."""
    return sp.sign(u) * sp.exp(shift(sp.Abs(u)), evaluate=False) * -expm1(-2 * sp.Abs(u)) / 2


def _shift_of(s: sp.Sum, terms):
    """``(M, shifted)``: the shift $M$ of the sum ``s`` of weighted exponentials and the function ``a -> a - M``
    (``c (g - max)`` under a common scale ``c``)."""
    from codegen.lower_unshifted import ExpShift

    bound = {v for v, *_ in s.limits}
    c, gs = _common_scale([a for _, a in terms], bound)
    top = ExpShift(_maximum(gs), *s.limits)
    if c is None:
        return top, lambda a: a - top
    return sp.Mul(c, top, evaluate=False), lambda a: sp.Mul(c, sp.cancel(a / c) - top, evaluate=False)


def _shifted_summand(g, shift):
    """The summand ``g`` times $e^{-M}$: each weighted exponential shifted, a hyperbolic cosine as :func:`_cosh_unit`."""
    out = []
    for t in sp.Add.make_args(g):
        c, rest = t.as_independent(sp.exp, sp.cosh, as_Add=False)
        if isinstance(rest, sp.cosh):
            out.append(c * _cosh_unit(rest.args[0], shift))
        else:
            out.append(c * sp.exp(shift(rest.args[0] if isinstance(rest, sp.exp) else sp.S.Zero), evaluate=False))
    return sp.Add(*out)


def log_sum_exp_sums(expr: sp.Expr) -> sp.Expr:
    r"""$\log\sum_i\sum_k c_k e^{a_{ik}} \to M + \log\sum_i\sum_k c_k e^{a_{ik} - M}$ (module docstring)."""
    def value(e):
        s, terms = _summand(e)
        top, shift = _shift_of(s, terms)
        return top + sp.log(sp.Sum(_shifted_summand(s.function, shift), *s.limits))

    return expr.replace(lambda e: _summand(e) is not None, value)


def _cosh_sum(a):
    """``(s, terms)`` where ``a`` is ``1/Sum(g)`` with ``g`` weighted hyperbolic cosines (and exponentials), else None."""
    if not (isinstance(a, sp.Pow) and a.exp == -1 and isinstance(a.base, sp.Sum) and len(a.base.limits) == 1):
        return None
    s = a.base
    terms = _terms(s.function)
    return (s, terms) if terms is not None and s.function.has(sp.cosh) else None


def _hyperbolic_ratio(e) -> bool:
    if not isinstance(e, sp.Mul):
        return False
    sums = [a for a in e.args if _cosh_sum(a) is not None]
    tops = [a for a in e.args if isinstance(a, (sp.sinh, sp.cosh))]
    return len(sums) == 1 and len(tops) == 1


def hyperbolic_normalize(expr: sp.Expr) -> sp.Expr:
    r"""$\frac{\sinh v}{\sum_i \cosh u_i} = \frac{\sinh(v) e^{-M}}{\sum_i \cosh(u_i) e^{-M}}$, $M = \max_i |u_i|$, each
    factor as :func:`_sinh_unit`, :func:`_cosh_unit` (and $\cosh v$ on top the same): the gradient of a log-sum-cosh,
    $\frac{\sinh(\beta x_k)}{\sum_i\cosh(\beta x_i)}$, is inf/inf at $\beta x = 10^{300}$; in exponentials
    $e^{u - M} - e^{-u - M}$ it would cancel to 0 at $u = 10^{-300}$."""
    def value(e):
        factors = list(e.args)
        k = next(n for n, a in enumerate(factors) if _cosh_sum(a) is not None)
        s, terms = _cosh_sum(factors.pop(k))
        _, shift = _shift_of(s, terms)
        n = next(n for n, a in enumerate(factors) if isinstance(a, (sp.sinh, sp.cosh)))
        top = factors[n]
        factors[n] = (_sinh_unit if isinstance(top, sp.sinh) else _cosh_unit)(top.args[0], shift)
        return sp.Mul(*factors, sp.Pow(sp.Sum(_shifted_summand(s.function, shift), *s.limits), -1))

    return expr.replace(_hyperbolic_ratio, value)


def _pair(e: sp.Add):
    """``(n, m, c, u, kind)`` where terms ``n``, ``m`` of the sum ``e`` are $c e^{u}$ and $\\pm c e^{-u}$ (``kind``
    cosh for +, sinh for -), ``u`` not a number, else None."""
    terms = e.args
    for n, t in enumerate(terms):
        c, f = t.as_independent(sp.exp, as_Add=False)
        if not isinstance(f, sp.exp) or f.args[0].is_number or c.has(sp.exp):
            continue
        u = f.args[0]
        for m, s in enumerate(terms):
            if m == n:
                continue
            d, h = s.as_independent(sp.exp, as_Add=False)
            if isinstance(h, sp.exp) and sp.expand(h.args[0] + u) == 0 and not d.has(sp.exp):
                if d == c:
                    return n, m, c, u, sp.cosh
                if d == -c and not u.could_extract_minus_sign():
                    return n, m, c, u, sp.sinh
    return None


def exp_pair_hyperbolic(expr: sp.Expr) -> sp.Expr:
    r"""$c e^{u} + c e^{-u} = 2c\cosh u$ and $c e^{u} - c e^{-u} = 2c\sinh u$: the sum of an exponential and its
    reciprocal as the hyperbolic function it is, so that ``log_sum_exp_sums`` and ``hyperbolic_normalize`` take it
    ($e^{u} - e^{-u}$ at $u = 10^{-300}$ cancels to 0 where $2\sinh u$ keeps every digit)."""
    def value(e):
        while True:
            found = _pair(e) if isinstance(e, sp.Add) else None
            if found is None:
                return e
            n, m, c, u, kind = found
            rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
            e = sp.Add(*rest, 2 * c * kind(u))

    return expr.replace(lambda e: isinstance(e, sp.Add) and _pair(e) is not None, value)
