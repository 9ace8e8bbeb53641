r"""A scale times an even function of a quantity divided by it, where the quotient's square underflows
(:mod:`codegen.rules` registers it).

.. math:: k\,f(a/k) = C\,a\,u \quad (|u| < 10^{-8}), \qquad u = a/k,\ f(u) = C u^{2} + O(u^{4})

(identity ``scale_over_even_argument``), for $f$ in :data:`EVEN_THROUGH_ZERO`: $\log\cosh u$, $1 - \cos u$,
$\cosh u - 1$, each $\frac12 u^{2}(1 + O(u^{2}))$.  The scaled log-cosh loss $c\log\cosh\frac{p - y}{c}$ at
$c = 10^{300}$: $u = 10^{-300}$, $u^{2}$ underflows and the value is 0 where the truth is $\frac{(p - y)^{2}}{2c}$, a normal
number; as $\frac12 (p - y)\,u$ the product $k u = a$ cancels symbolically and nothing underflows.  Below $|u| = 10^{-8}$
the omitted term is $u^{2}/6 < 2 \cdot 10^{-17}$ of the value (:data:`SMALL`); above it the form as written (other rules
make $f$ itself accurate there).  The odd functions are ``scale_over_argument``'s (:mod:`codegen.rules_ratio`).
"""
from __future__ import annotations

import sympy as sp

from symbolic.functions import Held

SMALL = sp.Rational(1, 10 ** 8)
r"""Below it $f(u) = C u^{2}$ to within $u^{2}/6$ relative ($\log\cosh u = \frac{u^2}{2} - \frac{u^4}{12} + \dots$;
$1 - \cos u = \frac{u^2}{2} - \frac{u^4}{24} + \dots$; $\cosh u - 1 = \frac{u^2}{2} + \frac{u^4}{24} + \dots$)."""


def _even(t):
    """``(u, C)`` where ``t`` is one of the even functions, $C u^2$ its leading term, else None."""
    if isinstance(t, sp.log) and isinstance(t.args[0], sp.cosh):
        return t.args[0].args[0], sp.Rational(1, 2)
    if isinstance(t, sp.Add) and len(t.args) == 2:
        one = [a for a in t.args if a.is_number]
        other = [a for a in t.args if not a.is_number]
        if len(one) == 1 and len(other) == 1:
            if one[0] == 1 and isinstance(-other[0], sp.cos):
                return (-other[0]).args[0], sp.Rational(1, 2)
            if one[0] == -1 and isinstance(other[0], sp.cosh):
                return other[0].args[0], sp.Rational(1, 2)
    return None


EVEN_THROUGH_ZERO = ("log(cosh(u))", "1 - cos(u)", "cosh(u) - 1")
"""The forms :func:`_even` matches."""


def _scaled(e):
    """``(t, u, C, rest)`` for ``e = rest * t``, ``t`` even in ``u``, where ``u`` divides by a factor of ``rest``."""
    if not isinstance(e, sp.Mul):
        return None
    for t in e.args:
        found = _even(t)
        if found is None:
            continue
        u, c = found
        rest = [a for a in e.args if a is not t]
        divisors = {q.base for q in sp.Mul.make_args(u) if isinstance(q, sp.Pow) and q.exp == -1 and not q.base.is_number}
        divisors |= {q for d in sp.Mul.make_args(sp.denom(u)) for q in sp.Mul.make_args(d) if not q.is_number}
        if divisors & {a.as_base_exp()[0] for a in rest if not a.is_number}:  # k or a power of k outside
            return t, u, c, sp.Mul(*rest)
    return None


def scale_over_even_argument(expr: sp.Expr) -> sp.Expr:
    r"""$k\,f(a/k) \to C (k u) u$ for $|u| <$ :data:`SMALL`, as written elsewhere (module docstring)."""
    def value(e):
        t, u, c, k = _scaled(e)
        # u held: sympy would multiply k u by u into (k u)^2 / k, whose square overflows at k u = 1e200, k = 1e300
        return sp.Piecewise((c * sp.expand(k * u) * Held(u), sp.Abs(u) < SMALL), (e, True))

    return expr.replace(lambda e: _scaled(e) is not None, value)
