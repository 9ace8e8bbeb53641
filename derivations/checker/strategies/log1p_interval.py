r"""$\log(1 + t)$ of a number $t > 0$ enclosed without forming $1 + t$, for the interval certifier of ``decide``.

At $t = e^{-20000}$ the interval $1 + t$ is $[1, 1 + 10^{-d}]$ at any affordable $d$ digits, so $\log(1 + t)$ is
enclosed in $[0, 10^{-d}]$ and a difference such as $-\log(1 + t) + \tfrac{32}{25} t = 0.28\,t$ is never separated
from 0 (sympy's ``evalf`` even "certifies" $1.65 \cdot 10^{-8686}$ for it, from a $\log(1 + t)$ rounded to 0).
For $t > 0$ two enclosures are rigorous,

.. math:: t - t^2/2 \le \log(1 + t) \le t \qquad\text{and}\qquad \log\,[1 + t_{lo}, 1 + t_{hi}],

and the first is tight where $t$ is tiny, the second where it is not; the enclosure used is their intersection,
from the interval of $t$ itself (whose relative width does not depend on how small $t$ is).
"""
from __future__ import annotations

import sympy as sp


class log1p_positive(sp.Function):  # noqa: N801 - named as the function it stands for
    r"""$\log(1 + t)$ for a number $t > 0$, left unevaluated (a marker for :func:`enclosure`)."""

    nargs = 1


def written_with_log1p(value: sp.Expr) -> sp.Expr:
    r"""``value`` with each $\log(1 + t)$ whose $t$ is a positive number written as :class:`log1p_positive`."""
    def target(node):
        if not isinstance(node, sp.log) or not isinstance(node.args[0], sp.Add):
            return False
        rest = node.args[0] - 1
        return sp.S.One in node.args[0].args and rest.is_number and rest.is_positive is True

    return value.replace(target, lambda node: log1p_positive(node.args[0] - 1))


def enclosure(t):
    r"""An ``mpmath.iv`` enclosure of $\log(1 + t)$ for the interval ``t`` > 0 (see the module docstring)."""
    from mpmath import iv  # noqa: PLC0415

    t = iv.mpf(t)
    if not t.a > 0:
        raise ValueError("log1p_positive of an interval that is not positive")
    series = iv.mpf([(t.a - t.a**2 / 2).a, t.b])
    logged = iv.log(1 + t)
    low, high = max(series.a, logged.a), min(series.b, logged.b)
    return iv.mpf([low, high])
