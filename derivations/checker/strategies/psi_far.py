r"""$\psi(X)$ at a rational $X \ge$ ``FAR`` enclosed by its enveloping series, for the interval certifier of ``decide``.

sympy builds $\psi(n)$ at an integer as $H_{n-1} - \gamma$ (a rational of millions of digits at $n = 10^7$), so a point
that far was "too large to decide exactly" (:mod:`huge`).  For real $x > 0$ (DLMF 5.11.2, 5.11(ii))

.. math:: \psi(x) = \log x - \frac{1}{2x} - \sum_{k=1}^{K} \frac{B_{2k}}{2k\,x^{2k}} + R_K(x), \qquad
          |R_K(x)| \le \frac{|B_{2K+2}|}{(2K+2)\,x^{2K+2}},

the remainder having the sign of the first omitted term and a smaller magnitude.  With $K = 30$ and $x \ge 1000$ the
bound is below $10^{-150}$; the enclosure is the interval sum, so it is rigorous at whatever digits it is read.
"""
from __future__ import annotations

import sympy as sp

FAR = 1000
"""Smallest argument enclosed by the series (below it sympy's exact value is cheap)."""
TERMS = 30
"""Terms $K$ of the series."""


class digamma_far(sp.Function):  # noqa: N801 - named as the function it stands for
    r"""$\psi(X)$ at a rational $X \ge$ :data:`FAR`, left unevaluated (a marker for :func:`enclosure`)."""

    nargs = 1

    def _eval_is_real(self):
        return True

    def _eval_is_finite(self):
        return True

    def _eval_evalf(self, prec):
        """A point value (for printing and ordering terms; decisions use :func:`enclosure`)."""
        import mpmath  # noqa: PLC0415

        x = sp.Rational(self.args[0])
        with mpmath.workprec(prec + 20):
            value = mpmath.digamma(mpmath.mpf(int(x.p)) / int(x.q))
        return sp.Float._new(value._mpf_, prec)


def far_digammas(expr: sp.Expr, point: dict) -> sp.Expr:
    r"""``expr`` with each $\psi(a)$ whose ``a`` is a rational $\ge$ :data:`FAR` at ``point`` written as
    :class:`digamma_far`."""
    def target(node):
        if isinstance(node, sp.polygamma) and node.args[0] == 0:
            argument = node.args[1]
        elif isinstance(node, sp.digamma):
            argument = node.args[0]
        else:
            return False
        value = argument.xreplace(point)
        return isinstance(value, sp.Rational) and value >= FAR

    return expr.replace(target, lambda node: digamma_far(node.args[-1]))


def enclosure(x):
    r"""An ``mpmath.iv`` enclosure of $\psi(x)$ for ``x`` $\ge$ :data:`FAR` (see the module docstring)."""
    from mpmath import iv  # noqa: PLC0415

    x = iv.mpf(x)
    if not x.a >= FAR:
        raise ValueError("digamma_far below its range")
    total = iv.log(x) - 1 / (2 * x)
    for k in range(1, TERMS + 1):
        b = sp.bernoulli(2 * k)
        total -= iv.mpf(int(b.p)) / (iv.mpf(int(b.q)) * 2 * k * x ** (2 * k))
    b = abs(sp.bernoulli(2 * TERMS + 2))
    bound = (iv.mpf(int(b.p)) / (iv.mpf(int(b.q)) * (2 * TERMS + 2) * x ** (2 * TERMS + 2))).b
    return total + iv.mpf([-bound, bound])
