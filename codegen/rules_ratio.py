r"""Rules for a quantity divided by a scale before a function is applied (:mod:`codegen.rules` registers them).

========================  =====================================================================
rule                      identity
========================  =====================================================================
``scale_over_argument``   $k\,f(a/k) = a\,\frac{f(u)}{u}\big|_{u = a/k}$ for $|u| < 1$ ($a$ at $u = 0$), $f(u) = u\,h(u)$, $h(0) = 1$
========================  =====================================================================

Each is a function ``expr -> expr`` (a rule's ``apply``); this module knows nothing of the
registry, which gives each one its priority and the id of the identity it rests on.
"""
from __future__ import annotations

import sympy as sp

ODD_THROUGH_ZERO = (sp.tanh, sp.sin, sp.sinh, sp.atan, sp.asinh)
r"""Functions $f$ with $f(u) = u\,h(u)$, $h$ continuous and $h(0) = f'(0) = 1$."""


def scaled_form(f, u, a, k):
    r"""$k f(u)$ for $|u| \ge 1$, else $a \cdot f(u)/u$ ($a = k u$), continued by $a$ at $u = 0$ (where $u$
    underflows, $f(u)/u$ is $0/0$).  For $|u| \ge 1$ the ratio would underflow instead ($u = \infty$).

    The ratio is kept unevaluated: sympy would cancel $u = a/k$ into $k f(u)/a$, which underflows again."""
    ratio = sp.Mul(f(u), sp.Pow(u, -1, evaluate=False), evaluate=False)
    return sp.Piecewise((k * f(u), sp.Abs(u) >= 1), (a * ratio, sp.Ne(u, 0)), (a, True))


def _scaled(e):
    """``(f, u, a, rest)`` for ``e = rest * f(u)`` where ``u`` divides by a factor of ``rest``: ``a = rest * u``."""
    if not isinstance(e, sp.Mul):
        return None
    for t in e.args:
        if not isinstance(t, ODD_THROUGH_ZERO):
            continue
        u = t.args[0]
        rest = [a for a in e.args if a is not t]
        divisors = {q.base for q in sp.Mul.make_args(u)
                    if isinstance(q, sp.Pow) and q.exp == -1 and not q.base.is_number}
        if divisors & {a for a in rest if not a.is_number}:
            return t.func, u, sp.Mul(*rest, u), sp.Mul(*rest)
    return None


def scale_over_argument(expr: sp.Expr) -> sp.Expr:
    r"""$k\,f(a/k) \to a\,\frac{f(a/k)}{a/k}$: soft capping $\gamma \tanh(x/\gamma)$ at $x = 10^{-300}$,
    $\gamma = 10^{300}$ has $x/\gamma = 0$ (underflow) and gives 0 where the truth is $x$; the ratio
    $f(u)/u$ is 1 there, so the product keeps $x$.  Where $k$ is the scale of the argument the
    product $k\,u$ cancels symbolically ($k \cdot a/k = a$)."""
    def value(e):
        f, u, a, k = _scaled(e)
        return scaled_form(f, u, a, k)

    return expr.replace(lambda e: _scaled(e) is not None, value)
