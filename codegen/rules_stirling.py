r"""Stirling's series where the log-gamma functions of a sum cancel at a large argument (:mod:`codegen.rules` registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``stirling_branch``       $F(u) = \begin{cases} S_K F(u) & u > u_0 \\ F(u) & \text{else} \end{cases}$, $S_K$ Stirling's series of $\log\Gamma$, $\psi$, $\psi'$ to $K$ terms
========================  =====================================================================

$\log\Gamma(u) = (u - \tfrac12)\log u - u + \tfrac12\log 2\pi + \sum_{k=1}^{K}\frac{B_{2k}}{2k(2k - 1)u^{2k - 1}} + R$,
$\psi(u) = \log u - \frac{1}{2u} - \sum_{k=1}^{K}\frac{B_{2k}}{2k\,u^{2k}} + R'$ and
$\psi'(u) = \frac1u + \frac{1}{2u^2} + \sum_{k=1}^{K}\frac{B_{2k}}{u^{2k + 1}} + R''$, each remainder smaller than the first
omitted term for $u > 0$.  A sum of such functions of one argument with polynomial terms in it can cancel at a large
$u$: the entropy of a Gamma distribution $a - \log b + \log\Gamma(a) + (1 - a)\psi(a)$ is $\tfrac12\log a + O(1)$ where
each term is $a\log a$, and at $a = 10^{300}$ every digit is lost; its gradient $1 + (1 - a)\psi'(a)$ is $\frac{1}{2a}$
where its terms are 1.  Taken as the series, expanded, the terms of the leading order cancel symbolically, before
anything is rounded.

How a candidate is found, mechanically (no list of formulas): a sum holding $\log\Gamma(u)$, $\psi(u)$ or $\psi'(u)$ of
a symbol $u$ whose terms in $u$, each taken as its series and expanded, have a leading order (a power of $u$ times a
power of $\log u$) that is gone from their expanded sum.  The branch is taken for $u >$ :data:`FROM`, where :data:`TERMS`
terms leave a truncation below $10^{-20}$; below it the sum stays as written.  The identity is Stirling's series
(the derivation ``stirling_branch`` shows each remainder's order as a limit); the search
(:mod:`codegen.define_search`) keeps the branch only where it measures more accurate.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import functools

import sympy as sp

FROM = 20
r"""The branch's threshold on the argument: at $u = 20$ the first omitted term of each series (:data:`TERMS` terms) is
below $10^{-20}$ ($|B_{18}|/(18 \cdot 17 \cdot 20^{17}) \approx 1.4 \cdot 10^{-22}$ for $\log\Gamma$, $|B_{18}|/20^{19}
\approx 1.1 \cdot 10^{-23}$ for $\psi'$)."""
TERMS = 8
"""Bernoulli terms of each series."""


def series(f: sp.Expr, t: sp.Symbol) -> sp.Expr:
    r"""Stirling's series of $\log\Gamma(t)$, $\psi(t)$ or $\psi'(t)$ (``f`` one of them, of ``t``) to :data:`TERMS` terms."""
    ks = range(1, TERMS + 1)
    if isinstance(f, sp.loggamma):
        return ((t - sp.Rational(1, 2)) * sp.log(t) - t + sp.log(2 * sp.pi) / 2
                + sp.Add(*[sp.bernoulli(2 * k) / (2 * k * (2 * k - 1) * t ** (2 * k - 1)) for k in ks]))
    order = f.args[0]
    if order == 0:
        return sp.log(t) - 1 / (2 * t) - sp.Add(*[sp.bernoulli(2 * k) / (2 * k * t ** (2 * k)) for k in ks])
    return 1 / t + 1 / (2 * t ** 2) + sp.Add(*[sp.bernoulli(2 * k) / t ** (2 * k + 1) for k in ks])


def _family(e: sp.Expr) -> bool:
    return isinstance(e, sp.loggamma) or (isinstance(e, sp.polygamma) and e.args[0] in (0, 1))


def _argument(f: sp.Expr) -> sp.Expr:
    return f.args[0] if isinstance(f, sp.loggamma) else f.args[1]


def _order(term: sp.Expr, t: sp.Symbol) -> tuple:
    """The growth of one expanded term in ``t``: (power of t, power of log t)."""
    powers = sp.Mul.make_args(term)
    k = sum((p.as_base_exp()[1] for p in powers if p.as_base_exp()[0] == t), sp.Integer(0))
    j = sum((p.as_base_exp()[1] for p in powers if p.as_base_exp()[0] == sp.log(t)), sp.Integer(0))
    return (k, j)


def _leading(e: sp.Expr, t: sp.Symbol) -> tuple | None:
    orders = [_order(m, t) for m in sp.Add.make_args(e) if m != 0]
    return max(orders) if orders else None


def _cancelled(e: sp.Add):
    """``(u, series form)`` for the sum ``e`` whose terms in a symbol ``u`` (holding a log-gamma function of it) lose
    their leading order when each is taken as its series, else None."""
    args = {_argument(f) for f in e.atoms(sp.loggamma, sp.polygamma) if _family(f)}
    for u in sorted((a for a in args if isinstance(a, sp.Symbol)), key=str):
        dep = [a for a in e.args if a.has(u) or a.is_number]  # a constant cancels too: 1 + (1 - a)\psi'(a)
        if not any(a.has(sp.loggamma, sp.polygamma) for a in dep) or len(dep) < 2:
            continue
        if any(a.has(sp.Sum, sp.Piecewise) for a in dep):
            continue
        t = sp.Dummy("t", positive=True)

        def taken(a):
            a = a.replace(lambda f: _family(f) and _argument(f) == u, lambda f: series(_of(f, t), t))
            return sp.expand(a.subs(u, t))

        parts = [taken(a) for a in dep]
        if any(p.has(sp.loggamma, sp.polygamma) and any(_family(f) and _argument(f).has(t)
                                                         for f in p.atoms(sp.loggamma, sp.polygamma)) for p in parts):
            continue
        whole = sp.expand(sp.Add(*parts))
        top = max(_leading(p, t) for p in parts)
        if whole == 0 or _leading(whole, t) < top:
            rest = [a for a in e.args if not (a.has(u) or a.is_number)]
            return u, sp.Add(*rest) + whole.subs(t, u)
    return None


def _of(f: sp.Expr, t: sp.Symbol) -> sp.Expr:
    return f.func(f.args[0], t) if isinstance(f, sp.polygamma) else f.func(t)


RATIO = 20
r"""For arguments $\alpha u + c$: the branch starts where $\alpha u \ge$ :data:`FROM` and $\alpha u \ge$
``RATIO`` $|c|$, so that each re-expansion in $c/(\alpha u)$ (:data:`ORDER` powers of $1/u$) leaves below
$20^{-ORDER} \approx 10^{-23}$ of the leading term."""
ORDER = 18
"""Powers of $1/u$ kept in :func:`_cancelled_at_linear`'s expansion."""


def _linear(arg: sp.Expr, u: sp.Symbol):
    r"""``(alpha, c)`` with ``arg`` $= \alpha u + c$ for numbers $\alpha > 0$ and $c$, else None."""
    if arg.free_symbols != {u}:
        return None
    alpha, c = sp.expand(arg).as_independent(u, as_Add=True)[::-1]
    alpha = sp.cancel(alpha / u)
    if not (alpha.is_number and c.is_number and alpha.is_positive and c.is_real):
        return None
    return alpha, c


@functools.lru_cache(maxsize=256)
def _cancelled_at_linear(e: sp.Add):
    r"""The same for arguments $\alpha u + c$ of one symbol (numbers $\alpha > 0$, $c$, not all $u$ itself: the
    Student t's $\psi(\frac{\nu + 1}{2}) - \psi(\frac{\nu}{2})$): each term in $u$ taken as Stirling's series at
    $t = \alpha u + c$, re-expanded in $w = 1/u$ to :data:`ORDER` powers (sympy's ``series``: $\log(\alpha/w + c) =
    \log\alpha - \log w + \operatorname{log1p}(c w/\alpha)$ as its Taylor series).  ``(u, threshold, form)``."""
    fs = [f for f in e.atoms(sp.loggamma, sp.polygamma) if _family(f)]
    symbols = {s for f in fs for s in _argument(f).free_symbols}
    for u in sorted((s for s in symbols if isinstance(s, sp.Symbol)), key=str):
        mine = [f for f in fs if _argument(f).has(u)]
        lines = [_linear(_argument(f), u) for f in mine]
        if not mine or None in lines or all(line == (1, 0) for line in lines):
            continue
        dep = [a for a in e.args if a.has(u) or a.is_number]
        if len(dep) < 2 or any(a.has(sp.Sum, sp.Piecewise) for a in dep):
            continue
        if any(f.has(u) and not _family(f) for a in dep for f in a.atoms(sp.loggamma, sp.polygamma)):
            continue
        if any(a.free_symbols - {u} for a in dep) or not all(_expandable(a, u) for a in dep):
            continue  # terms of u alone: the evidential NLL's alpha (log Q - log P) cancels again, by alpha
        t, w = sp.Dummy("t", positive=True), sp.Dummy("w", positive=True)
        parts = [_in_inverse_powers(a, u, t, w) for a in dep]
        if any(p is None or p.has(sp.loggamma, sp.polygamma, sp.Order) or p.has(w) for p in parts):
            continue
        whole = sp.expand(sp.Add(*parts))
        top = max(_leading(p, t) for p in parts)
        if whole == 0 or _leading(whole, t) < top:
            start = max(max(FROM, RATIO * abs(c)) / alpha for alpha, c in lines)
            rest = [a for a in e.args if not (a.has(u) or a.is_number)]
            return u, sp.nsimplify(start), sp.Add(*rest) + whole.subs(t, u)
    return None


def _in_inverse_powers(a: sp.Expr, u: sp.Symbol, t: sp.Dummy, w: sp.Dummy):
    """The term ``a`` with each log-gamma function of ``u`` as its Stirling series, expanded in $w = 1/u$ to
    :data:`ORDER` powers and written back in ``t`` $= u$ (None where sympy's ``series`` fails)."""
    a = a.replace(lambda f: _family(f) and f.has(u), lambda f: series(_of(f, t), t).subs(t, _argument(f)))
    a = a.subs(u, 1 / w)
    try:
        out = sp.series(a, w, 0, ORDER).removeO()
    except (NotImplementedError, ValueError, TypeError):
        return None
    return sp.expand(sp.expand_log(out, force=True).subs({sp.log(w): -sp.log(t), w: 1 / t}))


def _expandable(e: sp.Expr, u: sp.Symbol) -> bool:
    r"""Whether ``e`` is built from $u$ by sums, products, integer powers of $u$ or of
    $\alpha u + c$, their logs and the log-gamma family at them: every such piece has an expansion in $1/u$ that
    converges for $u$ past the threshold.  Not $\log(1 + d^2/(\nu s^2))$ (the Student t log-density): its series in
    $1/\nu$ holds only where $d^2/s^2 < \nu$, which no threshold on $\nu$ alone ensures."""
    if not e.has(u) or e == u:
        return True
    if isinstance(e, (sp.Add, sp.Mul)):
        return all(_expandable(a, u) for a in e.args)
    if isinstance(e, sp.Pow):
        return e.exp.is_Integer and (e.base == u or _linear(e.base, u) is not None)
    if isinstance(e, sp.log):
        return e.args[0] == u or _linear(e.args[0], u) is not None
    return _family(e) and _linear(_argument(e), u) is not None


def stirling_branch(expr: sp.Expr) -> sp.Expr:
    r"""Each sum whose log-gamma terms in one symbol $u$ cancel at large $u$ (:func:`_cancelled`) as Stirling's series
    for $u >$ :data:`FROM`, as written elsewhere: $a + \log\Gamma(a) + (1 - a)\psi(a)$ becomes
    $\tfrac12\log a + \tfrac12 + \tfrac12\log 2\pi + \ldots$ there.  Sums of arguments $\alpha u + c$
    (:func:`_cancelled_at_linear`) first, the outermost sum that cancels taken whole: the Student t entropy's
    $\psi(\frac{\nu + 1}{2}) - \psi(\frac{\nu}{2})$ cancels alone, but its product with $\frac{\nu + 1}{2}$
    cancels again against the other terms."""
    def value(e):
        u, form = _cancelled(e)
        return sp.Piecewise((form, u > FROM), (e, True))

    expr = _outermost_linear(expr)
    return expr.replace(lambda e: isinstance(e, sp.Add) and _cancelled(e) is not None, value)


def _outermost_linear(e: sp.Expr) -> sp.Expr:
    if isinstance(e, sp.Add) and e.has(sp.loggamma, sp.polygamma):
        found = _cancelled_at_linear(e)
        if found is not None:
            u, start, form = found
            return sp.Piecewise((form, u > start), (e, True))
    if not e.args or isinstance(e, (sp.Indexed, sp.Sum, sp.Piecewise)) or not e.has(sp.loggamma, sp.polygamma):
        return e
    args = [_outermost_linear(a) for a in e.args]
    return e.func(*args) if args != list(e.args) else e
