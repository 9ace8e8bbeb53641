r"""Exact values too large to build: a point substituted into a side must not make sympy compute them.

Substituting exact rationals evaluates bottom-up: $(x + 1)^y$ at $x = y = 10^{300}$ first makes the base the integer
$10^{300} + 1$, then computes $(10^{300} + 1)^{10^{300}}$ exactly, which never ends.  :func:`huge_exact` follows the
substitution's own arithmetic on the rationals it builds (sums, products, integer powers) and reports any node whose
exact value would have more than ``limit`` decimal digits:

* a power $b^e$ of rationals: $\text{digits}(b) \cdot |e|$ (a rational exponent: sympy takes out integer parts and
  perfect powers exactly);
* a factorial-like function at an integer $n$ ($n!$, $\Gamma(n)$, $\binom{n}{k}$, $(x)_n$, ...): $|n| \log_{10}|n|$;
* $e^a$ at a rational $|a| > 10^{400}$ (``EXP_LIMIT``): never built exactly, but its evaluation costs seconds.

It is read off the expression, not off an unevaluated substitution (``sympy.evaluate(False)`` empties sympy's cache).
"""
from __future__ import annotations

import math

import sympy as sp

FACTORIAL_LIKE = (sp.factorial, sp.factorial2, sp.gamma, sp.loggamma, sp.RisingFactorial, sp.FallingFactorial,
                  sp.binomial, sp.subfactorial)
POLYGAMMA_LIKE = (sp.digamma, sp.polygamma, sp.harmonic)
"""Functions sympy evaluates to an exact integer (or a log of one) at integer arguments, at a cost that grows with
them (``gamma(10**6)`` builds a number of 5.5 million digits)."""
r"""With ``POLYGAMMA_LIKE``: sympy writes $\psi(n)$, $\psi^{(m)}(n)$, $H_n$ at an integer as a harmonic-type sum of $n$
exact terms (``digamma(10**7)`` is $H_{10^7 - 1} - \gamma$, a rational of millions of digits), and half-integers and
other rationals are reduced the same way (``gamma(n + 1/2)``, ``digamma(n + 1/3)``).  These are counted where the
substitution makes the argument (a node already a number was built unevaluated on purpose, as ``tail`` builds
$H_{2^{40}}$ for ``evalf``)."""


EXP_LIMIT = sp.Integer(10) ** 400
r"""Largest $|a|$ at which $e^a$ is evaluated: its decimal exponent is $|a| / \ln 10$, and ``evalf`` of
$e^{-2 \cdot 10^{600}}$ (at the far point $x = 10^{600}$ of $\log(1 + e^{x}) > x$) took 2-3 s, about the exact
decision's whole allowance, so that whether the true claim was verified depended on how warm sympy's caches were.
The samples reach $10^{300}$ (0.5 s there)."""


class _Huge(Exception):
    pass


def huge_exact(expr: sp.Expr, point: dict, limit: int) -> bool:
    """Whether substituting ``point`` (exact values) into ``expr`` would build an exact number of more than ``limit``
    digits (see the module docstring)."""
    known: dict = {}

    def rational(node):
        """The rational ``node`` becomes after the substitution, or None (not a rational, or not followed)."""
        if node in point:
            value = point[node]
            return value if isinstance(value, sp.Rational) else None
        if isinstance(node, sp.Rational):
            return node
        if node in known:
            return known[node]
        value = None
        if isinstance(node, (sp.Add, sp.Mul, sp.Pow)):
            parts = [rational(a) for a in node.args]
            if all(p is not None for p in parts):
                if isinstance(node, sp.Pow):
                    value = _power(*parts, limit)
                else:
                    value = sp.Add(*parts) if isinstance(node, sp.Add) else sp.Mul(*parts)
        known[node] = value
        return value

    try:
        stack = [expr]
        while stack:
            node = stack.pop()
            if not isinstance(node, sp.Basic) or node in point:
                continue
            if isinstance(node, sp.Pow):
                rational(node)
            elif isinstance(node, sp.exp):
                a = rational(node.args[0])
                if a is not None and abs(a) > EXP_LIMIT:
                    raise _Huge
            elif isinstance(node, FACTORIAL_LIKE + POLYGAMMA_LIKE):
                for argument in node.args:
                    n = rational(argument)
                    if n is None or abs(n) <= 1 or abs(n) * math.log10(abs(n)) <= limit:
                        continue
                    if (n.is_Integer and isinstance(node, FACTORIAL_LIKE)) or argument.free_symbols & point.keys():
                        raise _Huge
            stack.extend(node.args)
    except _Huge:
        return True
    return False


def _power(base: sp.Rational, exponent: sp.Rational, limit: int):
    """``base ** exponent`` when it is a rational of at most ``limit`` digits and the exponent is an integer; None
    for a rational exponent (sympy may leave it a power); :class:`_Huge` beyond ``limit``."""
    if base == 0 or abs(base) == 1:
        return base ** exponent if exponent.is_Integer and base != 0 else None
    digits = max(abs(base.p).bit_length(), base.q.bit_length()) * math.log10(2)
    if digits * abs(exponent) > limit:
        raise _Huge
    return base ** exponent if exponent.is_Integer else None
