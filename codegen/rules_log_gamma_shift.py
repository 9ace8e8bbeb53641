r"""A difference of log-gammas whose arguments differ by an expression, at large arguments (:mod:`codegen.rules`
registers it).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``log_gamma_shift``       $k\log\Gamma(x) - k\log\Gamma(y) = k\bigl((y - \tfrac12)L + h\log x - h
                          + \sum_{j=1}^{K} c_j (x^{1-2j} - y^{1-2j})\bigr) + R$, $h = x - y$, $L = \log\frac{x}{y}$,
                          $c_j = \frac{B_{2j}}{2j(2j - 1)}$, for $x, y > 20$; below, for $|h| \le 10^{-4}y$,
                          $\sum_{m=1}^{4}\frac{h^{m}}{m!}\psi^{(m-1)}(y)$ (else as written); the same for
                          $k\psi(x) - k\psi(y)$ with $\psi$'s series and $\psi^{(m)}$
========================  =====================================================================

$\log\Gamma(k + r) - \log\Gamma(r)$ (the negative binomial's normaliser; its gradient $\psi(k + r) - \psi(r)$), $\log\Gamma(n + 1) - \log\Gamma(n - k + 1)$
(a log binomial coefficient), $\log\Gamma(\alpha + \beta) - \log\Gamma(\beta)$: at $r = 10^{300}$ each log-gamma is
$7 \cdot 10^{302}$ and their difference $k\log r$ is lost entirely (error 1.0); the shift $h$ is not a number, so
``log_gamma_difference`` (a Pochhammer symbol $(b)_h$ for $0 < h \le 1$) does not apply.

Stirling's series $S(t) = (t - \tfrac12)\log t - t + \tfrac12\log 2\pi + \sum_j c_j t^{1 - 2j}$ of both, subtracted
before anything is rounded: $(x - \tfrac12)\log x - (y - \tfrac12)\log y = (y - \tfrac12)L + h\log x$, with
$L = \operatorname{log1p}(h/y)$ where $|h| \le y/2$ (every digit of a small shift kept; $(y - \frac12)L$ as
$h(1 - \frac{1}{2y})\frac{\operatorname{log1p}(u)}{u}$, $u = h/y$, which is $h$ where $u$ underflows, at $h = 10^{-300}$,
$y = 10^{300}$) and $\log x - \log y$ else (no quotient to overflow); each $x^{-m} - y^{-m}$ is $y^{-m}\operatorname{expm1}(-mL)$ for $h \ge 0$ and
$-x^{-m}\operatorname{expm1}(mL)$ else (relative to the smaller argument: no $0 \cdot \infty$).  The remainder $R$ is
the difference of the series' remainders, below $10^{-20}$ at $t > 20$ (:data:`codegen.rules_stirling.FROM`,
:data:`~codegen.rules_stirling.TERMS` terms, as ``stirling_branch``), and of the order of $h$ times that, so it is
small against the value ($\approx h\psi(y)$, $\psi > 2.9$ there) at every shift.  Below 20 a tiny shift (the log
binomial coefficient at $n = 2$, $k = 10^{-150}$: both log-gammas round to the same number, the truth is $k\psi(n + 1)$)
takes the Taylor series in $h$ (:data:`NEAR`); any other stays as written (the log-gammas are below 40 there).
Where a log-gamma has two partners ($\log\Gamma(k + r) - \log\Gamma(k + 1) - \log\Gamma(r)$), the pair with the
smaller shift at the point is taken (a ``where`` on $|r - 1| \le |k|$): at $r = 10^{300}$ it is $\log\Gamma(r)$, at
$k = 10^{300}$ it is $\log\Gamma(k + 1)$.  The identity is the subtraction of the
two series (derivation ``log_gamma_shift``; the series itself is ``stirling_branch``'s).
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from codegen.rules_stirling import FROM, TERMS


def _argument(f):
    r"""``(order, argument)`` of $\log\Gamma$ (order -1) or $\psi$ (order 0), else None."""
    if isinstance(f, sp.loggamma):
        return -1, f.args[0]
    if isinstance(f, sp.polygamma) and f.args[0] == 0:
        return 0, f.args[1]
    return None


def _pairs(e):
    r"""``(n, m, k, x, y, order)`` for each pair of terms ``n``, ``m`` of the sum ``e`` that are ``k F(x)`` and
    ``-k F(y)``, ``F`` the same of $\log\Gamma$, $\psi$, with ``k`` a number and ``x - y`` not a number (those are
    ``log_gamma_difference``'s)."""
    terms = [t.as_independent(sp.loggamma, sp.polygamma, as_Add=False) for t in e.args]
    for n, (k, f) in enumerate(terms):
        a = _argument(f)
        if a is None or not (k.is_number and k.is_real):
            continue
        for m, (k2, f2) in enumerate(terms):
            b = _argument(f2)
            if m != n and b is not None and b[0] == a[0] and k2.is_number and (k + k2).is_zero:
                if not sp.expand(a[1] - b[1]).is_number:
                    yield n, m, k, a[1], b[1], a[0]


def _pair(e):
    r"""The pairs of :func:`_pairs` that share the term with the most partners (several where two log-gammas can take its
    place: $\log\Gamma(k + r)$ against $\log\Gamma(r)$ or $\log\Gamma(k + 1)$), else None."""
    if not isinstance(e, sp.Add) or any(isinstance(a, sp.Piecewise) and a.has(sp.loggamma, sp.polygamma)
                                        for a in e.args):
        return None
    found = list(_pairs(e))
    if not found:
        return None
    first = max((p[0] for p in found), key=lambda n: sum(p[0] == n for p in found))
    return [p for p in found if p[0] == first]


def shifted_difference(x: sp.Expr, y: sp.Expr, order: int = -1) -> sp.Expr:
    r"""$S(x) - S(y)$ in the form of the module docstring (no cancelling terms), for $x, y > 0$; of $\psi$'s series
    (``order`` 0) $\psi(x) - \psi(y) = L + \frac{h}{2xy} - \sum_j \frac{B_{2j}}{2j}(x^{-2j} - y^{-2j})$."""
    h = sp.expand(x - y)
    if order == 0:
        return _digamma_difference(x, y, h)
    L = sp.Piecewise((log1p(h / y), sp.Abs(h) <= y / 2), (sp.log(x) - sp.log(y), True))
    cs = [sp.bernoulli(2 * j) / (2 * j * (2 * j - 1)) for j in range(1, TERMS + 1)]
    u = sp.UnevaluatedExpr(h / y)
    ratio = sp.Piecewise((sp.UnevaluatedExpr(sp.Mul(log1p(u), sp.Pow(u, -1, evaluate=False), evaluate=False)),
                          sp.Ne(u, 0)), (1, True))
    head = sp.Piecewise((h * (1 - 1 / (2 * y)) * ratio, sp.Abs(h) <= y / 2),
                        ((y - sp.Rational(1, 2)) * (sp.log(x) - sp.log(y)), True))
    return head + h * sp.log(x) - h + _power_differences(x, y, h, L, cs, [2 * j - 1 for j in range(1, TERMS + 1)])


def _power_differences(x, y, h, L, cs, powers):
    r"""$\sum_j c_j (x^{-m_j} - y^{-m_j})$, each relative to the smaller argument (module docstring)."""
    up = sp.Add(*[c * y ** -m * expm1(-m * L) for c, m in zip(cs, powers)])
    down = sp.Add(*[-c * x ** -m * expm1(m * L) for c, m in zip(cs, powers)])
    return sp.Piecewise((up, h >= 0), (down, True))


def _digamma_difference(x, y, h):
    L = sp.Piecewise((log1p(h / y), sp.Abs(h) <= y / 2), (sp.log(x) - sp.log(y), True))
    cs = [-sp.bernoulli(2 * j) / (2 * j) for j in range(1, TERMS + 1)]
    return L + h / (2 * x * y) + _power_differences(x, y, h, L, cs, [2 * j for j in range(1, TERMS + 1)])


NEAR = sp.Rational(1, 10 ** 4)
r"""Below :data:`~codegen.rules_stirling.FROM`, the Taylor series in $h$ is taken for $|h| \le 10^{-4} y$: its first
omitted term $\frac{h^{5}}{120}\psi^{(4)}$ is about $(h/y)^{4} \le 10^{-16}$ of the first, $h\psi(y)$
($\psi^{(m)}(y) \approx \pm m!/y^{m+1}$ for small $y$).  Above it the difference as written loses at most
$\epsilon|\log\Gamma(y)| / |h\psi(y)| \approx 10^{-12}$ (the log-gammas are below 40 there)."""


def taylor_difference(y: sp.Expr, h: sp.Expr, order: int = -1) -> sp.Expr:
    r"""$\log\Gamma(y + h) - \log\Gamma(y) = \sum_{m=1}^{4} \frac{h^{m}}{m!}\psi^{(m-1)}(y) + O(h^{5})$; for $\psi$
    (``order`` 0) $\sum_{m=1}^{4} \frac{h^{m}}{m!}\psi^{(m)}(y)$."""
    return sp.Add(*[h ** m / sp.factorial(m) * sp.polygamma(m + order, y) for m in range(1, 5)])


def log_gamma_shift(expr: sp.Expr) -> sp.Expr:
    r"""$k\log\Gamma(x) - k\log\Gamma(y) \to k\,(S(x) - S(y))$ for $x, y > 20$, as written else (module docstring)."""
    def one(e, n, m, k, x, y, order):
        rest = [t for q, t in enumerate(e.args) if q not in (n, m)]
        both = e.args[n] + e.args[m]
        large = sp.And(sp.Gt(x, FROM), sp.Gt(y, FROM))
        h = sp.expand(x - y)
        near = sp.Le(sp.Abs(h), y * NEAR)
        return sp.Add(*rest) + sp.Piecewise((k * shifted_difference(x, y, order), large),
                                            (k * taylor_difference(y, h, order), near),
                                            (both, True))

    def value(e):
        pairs = _pair(e)
        shifts = [sp.Abs(sp.expand(x - y)) for _, _, _, x, y, _ in pairs]
        branches = [(one(e, *p), sp.And(*[sp.Le(s, t) for t in shifts if t is not s]))
                    for p, s in zip(pairs, shifts)]
        return branches[0][0] if len(branches) == 1 else sp.Piecewise(*branches[:-1], (branches[-1][0], True))

    return expr.replace(lambda e: _pair(e) is not None, value)
