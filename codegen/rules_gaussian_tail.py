r"""A Gaussian factor taken into the normal tail it divides (or multiplies): the scaled complementary error function.

$\Phi(u) = \tfrac12 e^{-u^2/2} \operatorname{erfcx}(-u/\sqrt2)$ and $\operatorname{erfc}(v) = e^{-v^2}
\operatorname{erfcx}(v)$, with $\operatorname{erfcx}(x) = e^{x^2}\operatorname{erfc}(x)$ (identity ``gaussian_tail``).
In a product $e^{A}\,\Phi(u)^k$ whose exponent $A - k u^2/2$ is simpler than $A$ (the Gaussian parts cancel), the
product is written $e^{A - k u^2/2} \left(\tfrac12 \operatorname{erfcx}(-u/\sqrt2)\right)^k$: the inverse Mills
ratio $\varphi(z)/\Phi(z)$ at $z = -40$ is $0/0$ (both underflow) where the truth is about $40$, and
$\frac{\sqrt{2/\pi}}{\operatorname{erfcx}(-z/\sqrt2)}$ is exact to a few ulps for every $z < 0$.  The same for
$e^{A}\operatorname{erfc}(v)^k$ with $A - k v^2$.

The new form is taken only on the side of the tail ($u < 0$, $v > 0$), where $\operatorname{erfcx}$ of a positive
argument lies in $(0, 1]$; on the other side $\Phi(u) \ge \tfrac12$ and the product as written is accurate, while
$\operatorname{erfcx}$ of a large negative argument overflows.
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import erfcx, ndtr


def _tail(f):
    """``(base, k)`` for a factor $\\Phi(u)^k$ or $\\operatorname{erfc}(v)^k$ ($k$ a non-zero integer), else None."""
    base, k = (f.base, f.exp) if isinstance(f, sp.Pow) else (f, sp.S.One)
    if isinstance(base, (ndtr, sp.erfc)) and k.is_Integer and k != 0:
        return base, k
    return None


def _gaussian_part(base, k):
    r"""The exponent of the Gaussian factor of ``base**k`` and the rest: $-k u^2/2$ and
    $(\tfrac12\operatorname{erfcx}(-u/\sqrt2))^k$ for $\Phi(u)$; $-k v^2$ and $\operatorname{erfcx}(v)^k$ for
    $\operatorname{erfc}(v)$; with the condition of the tail's side."""
    a = base.args[0]
    if isinstance(base, ndtr):
        return -k * a ** 2 / 2, (erfcx(-a / sp.sqrt(2)) / 2) ** k, a < 0
    return -k * a ** 2, erfcx(a) ** k, a > 0


def _plan(e):
    """``(n, exps, new exponent, rest, condition)`` for the first tail factor whose Gaussian part simplifies the
    product's exponent, else None."""
    if not isinstance(e, sp.Mul):
        return None
    factors = e.args
    tails = [(n, _tail(f)) for n, f in enumerate(factors) if _tail(f) is not None]
    exps = [q for q, f in enumerate(factors) if isinstance(f, sp.exp)]
    if not exps or not tails:  # checked before any expansion: most products have neither
        return None
    old = sp.expand(sp.Add(*[factors[q].args[0] for q in exps]))
    for n, tail in tails:
        part, rest, cond = _gaussian_part(*tail)
        new = sp.expand(old + part)
        if sp.count_ops(new) < sp.count_ops(old):
            return n, exps, new, rest, cond
    return None


def _log_tail(t):
    r"""``(k, base)`` for a term $k\log\operatorname{erfc}(v)$ ($k$ a number), else None."""
    k, f = t.as_coeff_Mul()
    if isinstance(f, sp.log) and isinstance(f.args[0], sp.erfc) and k != 0:
        return k, f.args[0]
    return None


def _log_plan(e):
    r"""``(n, new rest, base, k)`` for the first term $k\log\operatorname{erfc}(v)$ of the sum ``e`` whose Gaussian part
    $-k v^2$ cancels against the other terms (the expanded sum loses a symbol or operations), else None."""
    if not isinstance(e, sp.Add):
        return None
    for n, t in enumerate(e.args):
        found = _log_tail(t)
        if found is None:
            continue
        k, base = found
        others = [a for q, a in enumerate(e.args) if q != n]
        algebraic = sp.Add(*[a for a in others if not a.has(sp.Function)])  # the Gaussian part cancels in these
        if not algebraic.has(*base.args[0].free_symbols):
            continue
        old = sp.expand(algebraic)
        new = sp.expand(algebraic - k * base.args[0] ** 2)
        if len(new.free_symbols) < len(old.free_symbols | base.free_symbols) or sp.count_ops(new) < sp.count_ops(old):
            square = sp.factor(new)  # -(mu - x)^2 / (2 sigma^2), not its expanded terms (which cancel)
            new = square if sp.count_ops(square) < sp.count_ops(new) else new
            return n, new + sp.Add(*[a for a in others if a.has(sp.Function)]), base, k
    return None


def log_gaussian_tail(expr: sp.Expr) -> sp.Expr:
    r"""$A + k\log\operatorname{erfc}(v) \to (A - k v^2) + k\log\operatorname{erfcx}(v)$ for $v > 0$ where $A - k v^2$
    simplifies (the Gaussian parts cancel): the exponentially modified Gaussian's log-density
    $\log\frac{k}{2} + \frac{k}{2}(2\mu + k\sigma^2 - 2x) + \log\operatorname{erfc}\frac{\mu + k\sigma^2 - x}{\sqrt2\sigma}$ at
    $k = 10^{150}$ has $\operatorname{erfc} = 0$ (its log $-\infty$) beside a term of $10^{300}$, where the truth is
    about $-(\mu - x)^2/2\sigma^2 + \log k$."""
    def value(e):
        _, new, base, k = _log_plan(e)
        return sp.Piecewise((new + k * sp.log(erfcx(base.args[0])), base.args[0] > 0), (e, True))

    return expr.replace(lambda e: _log_plan(e) is not None, value)


def gaussian_tail(expr: sp.Expr) -> sp.Expr:
    r"""$e^{A}\Phi(u)^k \to e^{A - k u^2/2}(\tfrac12\operatorname{erfcx}(-u/\sqrt2))^k$ for $u < 0$ (and the
    $\operatorname{erfc}$ form for $v > 0$) where the Gaussian exponents cancel: the inverse Mills ratio and the
    gradient of $\log\Phi$; and the same in log form, $A + k\log\operatorname{erfc}(v)$ (:func:`log_gaussian_tail`)."""
    def value(e):
        n, exps, new, rest, cond = _plan(e)
        others = [f for q, f in enumerate(e.args) if q != n and q not in exps]
        return sp.Piecewise((sp.Mul(*others) * sp.exp(new) * rest, cond), (e, True))

    return log_gaussian_tail(expr.replace(lambda e: _plan(e) is not None, value))
