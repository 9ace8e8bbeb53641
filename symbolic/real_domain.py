r"""Where a real function as written has no real value: $\sqrt u$ and $u^{p/q}$ for $u < 0$, $\log u$ for
$u < 0$, $\arcsin u$ and $\arccos u$ for $|u| > 1$, $\operatorname{arcosh} u$ for $u < 1$, $\operatorname{artanh} u$
for $|u| > 1$.

sympy forgets these domains as it builds: $e^{\log x}$ becomes $x$, $(\sqrt x)^2$ becomes $x$, $\sin(\arcsin x)$
becomes $x$, and $\log x - \log y$ at $x, y < 0$ is the real $\log(x/y)$ once the two $i\pi$ cancel.  A condition
$c \ge 0$ of the text is kept as a *written divisor* (``Step.written_divisors``) that vanishes exactly where the
condition fails,

.. math:: d = \operatorname{sign}(c) + 1 = 0 \iff c < 0,

so that every rung that knows where a side is undefined as written (a zero of one of its divisors) knows this too.
A strict condition ($\log u$ needs $u > 0$) adds $u$ itself, a divisor like any other.
"""
from __future__ import annotations

import sympy as sp


def outside_divisor(condition: sp.Expr) -> sp.Expr:
    r"""$\operatorname{sign}(c) + 1$: zero exactly where ``condition`` $c$ is negative (the side has no real value)."""
    return sp.sign(condition) + 1


def outside_divisors(conditions) -> list[sp.Expr]:
    r""":func:`outside_divisor` of each real condition (a complex symbol's $\sqrt z$ is defined everywhere)."""
    return [outside_divisor(c) for c in conditions if c.is_real is True]


def condition_of(divisor: sp.Expr) -> sp.Expr | None:
    r"""$c$ when ``divisor`` is $\operatorname{sign}(c) + 1$ (:func:`outside_divisor`), else None."""
    if isinstance(divisor, sp.Add) and len(divisor.args) == 2 and sp.S.One in divisor.args:
        (other,) = [a for a in divisor.args if a != sp.S.One]
        if isinstance(other, sp.sign):
            return other.args[0]
    return None


def _unit_interval(u):
    return [1 - u**2]


REAL_DOMAINS = {
    "sqrt": lambda u: [u],
    "log": lambda u, base=None: [u] + ([] if base is None else [base]),
    "asin": _unit_interval,
    "acos": _unit_interval,
    "atanh": _unit_interval,
    "acosh": lambda u: [u - 1],
}
r"""Per function of the text, the expressions $c$ that must be $\ge 0$ for a real value (the boundary points where
one is undefined, $\log 0$, $\operatorname{artanh}(\pm 1)$, are poles, recorded as divisors elsewhere)."""


def power_condition(base: sp.Expr, exponent: sp.Expr) -> list[sp.Expr]:
    r"""$[u]$ for $u^{e}$ with a numeric $e$ that is not an integer ($(-8)^{1/3}$ is not real as sympy reads it:
    the principal root), else $[]$."""
    if exponent.is_number and exponent.is_real and not (exponent % 1).is_zero:
        return [base]
    return []
