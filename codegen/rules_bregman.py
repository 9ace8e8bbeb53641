r"""A sum of three powers that is the Bregman divergence of a power function, written without its cancellation
(:mod:`codegen.rules` registers the rule).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``power_bregman``         $A x^{\beta} + B y^{\beta} + C x y^{\beta - 1} = A\,y^{\beta}\,\bigl(\varphi(\beta L) - \beta\,\varphi(L)\bigr)$, $L = \operatorname{log1p}\frac{x - y}{y}$, $\varphi(u) = \operatorname{expm1}(u) - u$, where $A\beta + C = 0$ and $A + B + C = 0$, for $x, y > 0$
``log_bregman``           $k (x/y)^{p} - k p\log\frac{x}{y} - k = k\,\varphi(p L)$, the same $L$, where the constant $-k$ cancels symbolically (:func:`log_bregman`, the limit $\beta \to 0$)
========================  =====================================================================

The Tweedie deviance $2\bigl(\frac{y^{2-\rho}}{(1-\rho)(2-\rho)} - \frac{y\mu^{1-\rho}}{1-\rho} +
\frac{\mu^{2-\rho}}{2-\rho}\bigr)$, the $\beta$-divergence of NMF $\frac{x^{\beta} + (\beta - 1) y^{\beta} -
\beta x y^{\beta - 1}}{\beta(\beta - 1)}$ and any other sum of that shape vanish to second order at $x = y$: their
terms are of order 1 where the sum is of order $(x - y)^2$, and at $x/y = 1.01$ four digits are lost.  With
$r = x/y = e^{L}$ the sum is $A y^{\beta}(r^{\beta} - 1 - \beta(r - 1))$ (the two conditions on the
coefficients), and $r^{\beta} - 1 - \beta(r - 1) = (e^{\beta L} - 1 - \beta L) - \beta(e^{L} - 1 - L)$: each
bracket is computed without cancellation ($\varphi$ by its Taylor polynomial near 0, :mod:`codegen.rules_series`),
and the two brackets are in the ratio $\beta : 1$ whatever $x - y$ is.  $L$ is formed from $x - y$ (exact near
$x = y$).  The form is used where $|x - y| < y/2$ and both are positive (elsewhere the terms cancel by less than a
digit, and $y^{\beta}$ of a negative $y$ is not real); the sum is kept as written elsewhere.

How it is found, mechanically: for an ordered pair of symbols $(x, y)$ of a sum, every term is a coefficient free
of both times $x^{p} y^{q}$ with $p + q = \beta$ the same for all terms (symbolically); the exponents of $x$ must be
exactly $\beta$, 1 and 0, and the coefficients must satisfy both conditions (sympy's ``simplify`` to 0).  An
integer $\beta$ (a polynomial such as $(x - y)^2$ expanded) is left alone.

A function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the registry.
"""
from __future__ import annotations

import functools

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from codegen.rules_series import taylor_within

PHI_RADIUS = sp.Rational(1, 8)
r"""$\varphi(u) = \operatorname{expm1}(u) - u$ by its Taylor polynomial for $|u| < 1/8$; beyond, the direct form
loses at most $\log_{10}(2/|u|) \approx 1.2$ digits."""
NEAR = sp.Rational(1, 2)
"""The form is used where $|x - y| < y/2$."""

_U = sp.Dummy("u", real=True)


@functools.lru_cache(maxsize=1)
def _phi_branch():
    branch = taylor_within(expm1(_U) - _U, _U, PHI_RADIUS)
    return branch if branch is not None else expm1(_U) - _U


def phi(u: sp.Expr) -> sp.Expr:
    r"""$\varphi(u) = e^{u} - 1 - u$ without cancellation near 0 (a Taylor branch)."""
    return _phi_branch().xreplace({_U: u})


def _monomial(t, x, y):
    """``(k, p, q)`` with ``t = k x^p y^q`` and ``k`` free of ``x`` and ``y``, else None."""
    k, rest = t.as_independent(x, y, as_Add=False)
    p = q = sp.S.Zero
    for f in sp.Mul.make_args(rest):
        base, e = f.as_base_exp()
        if base == x:
            p += e
        elif base == y:
            q += e
        else:
            return None
    return k, p, q


def _zero(e) -> bool:
    try:
        return sp.simplify(e) == 0
    except Exception:  # noqa: BLE001  (an expression sympy cannot simplify: not shown to vanish)
        return False


def _bregman(e, x, y):
    """``(A, beta)`` where the sum ``e`` is $A x^\\beta + B y^\\beta + C x y^{\\beta - 1}$ with both conditions, else None."""
    parts = [_monomial(t, x, y) for t in e.args]
    if any(m is None for m in parts):
        return None
    beta = parts[0][1] + parts[0][2]
    if beta.is_Integer or not beta.free_symbols and not beta.is_Rational:
        return None
    coeff = {"beta": sp.S.Zero, "one": sp.S.Zero, "zero": sp.S.Zero}
    for k, p, q in parts:
        if not _zero(p + q - beta):
            return None
        key = "beta" if _zero(p - beta) else "one" if p == 1 else "zero" if p == 0 else None
        if key is None:
            return None
        coeff[key] += k
    a, b, c = coeff["beta"], coeff["zero"], coeff["one"]
    if a == 0 or c == 0 or b == 0 or not (_zero(a * beta + c) and _zero(a + b + c)):
        return None
    return a, beta


def _pairs(e):
    syms = sorted((s for s in e.free_symbols if isinstance(s, sp.Symbol) and not s.is_integer), key=str)
    return [(x, y) for x in syms for y in syms if x is not y]


@functools.lru_cache(maxsize=1024)
def _found(e):
    if not isinstance(e, sp.Add) or len(e.args) < 3 or e.has(sp.Indexed, sp.Sum, sp.Piecewise):
        return None
    for x, y in _pairs(e):
        got = _bregman(e, x, y)
        if got is not None:
            return x, y, *got
    return None


def bregman_form(e):
    r"""The sum ``e`` as $A y^{\beta}(\varphi(\beta L) - \beta\varphi(L))$ near $x = y$ (the module docstring)."""
    x, y, a, beta = _found(e)
    big_l = log1p((x - y) / y)
    near = sp.And(x > 0, y > 0, sp.Abs(x - y) < NEAR * y)
    return sp.Piecewise((a * y ** beta * (phi(beta * big_l) - beta * phi(big_l)), near), (e, True))


def power_bregman(expr: sp.Expr) -> sp.Expr:
    r"""Each sum $A x^{\beta} + B y^{\beta} + C x y^{\beta - 1}$ with $A\beta + C = 0 = A + B + C$ (a Bregman
    divergence of $x^{\beta}$: Tweedie deviance, $\beta$-divergence) in the form of :func:`bregman_form`."""
    return expr.replace(lambda e: _found(e) is not None, bregman_form)


# ** the Bregman divergence of -log: k (x/y)^p - k p log(x/y) - k **


def _ratio_power(t, x, y):
    """``(k, p)`` with ``t`` $= k (x/y)^{p}$, ``k`` free of ``x`` and ``y``, $p \\ne 0$ a number, else None."""
    got = _monomial(t, x, y)
    if got is None:
        return None
    k, p, q = got
    return (k, p) if p.is_number and p != 0 and p + q == 0 else None


def _log_of_ratio(t, x, y):
    """The coefficient $c$ of $\\log x$ in ``t`` $= c \\log(x^{a} y^{-a})$ or $c \\log x$ (``(c, -c)`` on
    $(\\log x, \\log y)$), as ``(cx, cy)``; None where ``t`` is not such a term."""
    k, f = t.as_independent(x, y, as_Add=False)
    if not isinstance(f, sp.log) or k.has(sp.log):
        return None
    arg = f.args[0]
    if arg == x:
        return k, sp.S.Zero
    if arg == y:
        return sp.S.Zero, k
    got = _monomial(arg, x, y)
    if got is None or got[0] != 1 or not got[1].is_number or got[1] + got[2] != 0:
        return None
    return k * got[1], k * got[2]


def _log_parts(e, x, y):
    """``(k, p, rest)`` where the sum ``e`` is $k (x/y)^{p} - k p \\log\\frac{x}{y} - k + \\text{rest}$, the
    constant $-k$ cancelled from the terms free of ``x`` and ``y`` (else None)."""
    power, cx, cy, rest = None, sp.S.Zero, sp.S.Zero, []
    for t in e.args:
        if not t.has(x, y):
            rest.append(t)
            continue
        r = _ratio_power(t, x, y)
        if r is not None and power is None:
            power = r
            continue
        lg = _log_of_ratio(t, x, y)
        if lg is None:
            rest.append(t)
            continue
        cx, cy = cx + lg[0], cy + lg[1]
    if power is None:
        return None
    k, p = power
    if not (_zero(cx + k * p) and _zero(cy - k * p)):
        return None
    free = [t for t in rest if not t.has(x, y)]
    left = sp.Add(*free) + k
    if len(sp.Add.make_args(left)) >= len(free) + (0 if left == 0 else 1) and left != 0:
        return None  # no -k among the constants: nothing cancels
    return k, p, sp.Add(*[t for t in rest if t.has(x, y)]) + left


def _log_pairs(e):
    atoms = sorted((s for s in e.free_symbols if isinstance(s, sp.Symbol) and not s.is_integer), key=str)
    atoms += sorted(e.atoms(sp.Indexed), key=str)
    return [(x, y) for x in atoms for y in atoms if x is not y]


@functools.lru_cache(maxsize=1024)
def _log_found(e):
    if not isinstance(e, sp.Add) or e.has(sp.Sum, sp.Piecewise):
        return None
    spread = sp.expand(e, log=False, power_base=False, power_exp=False, multinomial=False)
    if not isinstance(spread, sp.Add) or len(spread.args) < 3:
        return None
    for x, y in _log_pairs(spread):
        got = _log_parts(spread, x, y)
        if got is not None:
            return (x, y, *got)
    return None


def log_bregman_form(e):
    r"""The sum ``e`` as $k\,\varphi(p L) + \text{rest}$ near $x = y$ (``log_bregman``)."""
    x, y, k, p, rest = _log_found(e)
    near = sp.And(x > 0, y > 0, sp.Abs(x - y) < NEAR * y)
    return sp.Piecewise((k * phi(p * log1p((x - y) / y)) + rest, near), (e, True))


def log_bregman(expr: sp.Expr) -> sp.Expr:
    r"""$k (x/y)^{p} - k p \log\frac{x}{y} - k = k\,\varphi(p L)$, $L = \operatorname{log1p}\frac{x - y}{y}$,
    $\varphi(u) = \operatorname{expm1}(u) - u$ (a Taylor branch near 0), where $|x - y| < y/2$ and $x, y > 0$.

    The Bregman divergence of $-\log$ (the Itakura-Saito divergence, the gamma deviance $2(\frac{y}{\mu} - 1 -
    \log\frac{y}{\mu})$, the variance part of a Gaussian KL divergence $\frac{s_1^2}{2 s_2^2} - \log\frac{s_1}{s_2}
    - \frac12$) vanishes to second order at $x = y$; as written its terms are of order 1 and at $y/\mu = 1.002$ five
    digits are lost.  With $(x/y)^{p} = e^{p L}$ the sum is $k(e^{pL} - 1 - pL)$, one $\varphi$ without cancellation
    (the ``power_bregman`` limit $\beta \to 0$).  Found mechanically: a pair of symbols (or array entries) $x, y$ of a
    sum (expanded, logs kept whole) whose terms in them are one $k x^{p} y^{-p}$ and logs of $x$, $y$ or $x^a y^{-a}$
    adding to $-k p \log\frac{x}{y}$, with $-k$ among the other terms."""
    return expr.replace(lambda e: isinstance(e, sp.Add) and _log_found(e) is not None, log_bregman_form)
