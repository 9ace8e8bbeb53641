r"""A definition of the derivative's own notation: ``f'(c) := \lim_{x \to c} \frac{f(x) - f(c)}{x - c}``.

Analysis texts open with the definition of the derivative, written as a definition of ``f'`` for the ``f`` they
leave arbitrary (``f'(x) = \lim_{h \to 0} \frac{f(x+h) - f(x)}{h}``, ``f''(c) := \lim_{x\to c}
\frac{f'(x) - f'(c)}{x - c}``).  Kept as a substitution, every later ``f'(c)`` became that limit of an unknown
function, and the product, quotient and chain rules after it were left undecided.  Such a definition says what the
notation means, which is what the checker already reads it as: it is recognised here and not substituted.

It is recognised by checking it, not by its shape: with ``f`` replaced by random smooth functions (the family of
:mod:`readers.notes.arbitrary`, sine and exponential terms, so that no finite difference is exact) and the argument
by random rationals, the body must equal the derivative of that order at every draw.  A body that is not the
derivative (a finite difference, a wrong denominator) stays an ordinary definition.
"""
from __future__ import annotations

import random
import zlib

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.notes.arbitrary import ARBITRARY_NAME, _RESERVED, random_function

POINTS = (sp.Rational(2, 7), sp.Rational(-5, 3))
"""Arguments at which each drawn body is compared with the derivative (one draw per point)."""
DIGITS = 30
"""Significant digits of the comparison; agreement to ``TOLERANCE`` (a wrong body is off by O(1))."""
TOLERANCE = sp.Float("1e-20", DIGITS)


def primed(name: str):
    """``(base, order)`` for ``f'`` / ``f''`` (an arbitrary-function letter with primes), else None."""
    base = name.rstrip("'")
    order = len(name) - len(base)
    if not order or base in _RESERVED or not ARBITRARY_NAME.fullmatch(base):
        return None
    return base, order


def defines_the_derivative(lhs, body) -> bool:
    r"""Whether ``lhs := body`` is the derivative's definition: ``lhs`` is ``f'(c)`` (``f^{(k)}`` written with
    ``k`` primes, one argument that is a name), ``body`` a limit that applies ``f`` (or ``f`` with fewer primes)
    and no other unknown function, and it equals the ``k``-th derivative of random smooth ``f`` at random points."""
    if not isinstance(lhs, AppliedUndef) or len(lhs.args) != 1 or not isinstance(lhs.args[0], sp.Symbol):
        return False
    found = primed(lhs.func.__name__)
    if found is None or not isinstance(body, sp.Expr) or not body.has(sp.Limit):
        return False
    base, order = found
    applied = body.atoms(AppliedUndef)
    lower = {f"{base}{chr(39) * k}": k for k in range(order)}
    if not applied or any(a.func.__name__ not in lower or len(a.args) != 1 for a in applied):
        return False
    argument = lhs.args[0]
    if body.free_symbols - {argument}:
        return False
    rng = random.Random(zlib.crc32(f"{lhs} := {body}".encode("utf-8")))
    t = sp.Dummy("t", real=True)
    for point in POINTS:
        drawn = random_function(1, rng)
        bodies = {name: sp.diff(drawn(t), t, k) for name, k in lower.items()}
        value = body.replace(lambda e: isinstance(e, AppliedUndef) and e.func.__name__ in bodies,
                             lambda e: bodies[e.func.__name__].xreplace({t: e.args[0]}))
        try:
            value = value.xreplace({argument: point}).doit()
        except Exception:  # noqa: BLE001 - sympy could not take the limit: no evidence, keep the definition
            return False
        if value.has(sp.Limit) or not value.is_finite:
            return False
        exact = sp.diff(drawn(t), t, order).xreplace({t: point})
        if not abs(sp.N(value - exact, DIGITS)) < TOLERANCE:
            return False
    return True


def as_limits(sides):
    r"""``sides`` with each first derivative ``f'(a)`` of an arbitrary ``f`` written as its definition,
    ``\lim_{x \to a} \frac{f(x) - f(a)}{x - a}`` (``x`` the variable of a limit of the claim that tends to ``a``, so
    that the claim's own quotient is met as written); None when the claim has no limit or no such derivative.

    The reading a definition recognised by :func:`defines_the_derivative` gave before it was no longer substituted:
    ``\lim_{x\to c}\frac{f(x)-f(c)}{x-c} = f'(c)`` is then the same limit on both sides."""
    if not any(e.has(sp.Limit) for e in sides):
        return None
    towards = {}
    for e in sides:
        for lim in e.atoms(sp.Limit):
            towards.setdefault(lim.args[2], lim.args[1])
    found = {}
    for e in sides:
        for app in e.atoms(AppliedUndef):
            written = primed(app.func.__name__)
            if written is None or written[1] != 1 or len(app.args) != 1:
                continue
            point = app.args[0]
            x = towards.get(point) or sp.Dummy("x", real=True)
            f = sp.Function(written[0])
            found[app] = sp.Limit((f(x) - f(point)) / (x - point), x, point, "+-")
    if not found:
        return None
    return [e.xreplace(found) for e in sides]
