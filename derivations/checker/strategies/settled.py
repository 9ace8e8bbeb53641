r"""A tie that no precision can change, known exactly before ``escalation`` climbs to 5000 digits for it.

``read_point`` reads a point again at $2b, 4b, \dots$ up to 5000 digits when its sides agree within rounding
(``near``), in case a sign is hidden in rounding.  Where $lhs - rhs$ at the exact point (its rationals substituted,
sympy's own evaluation, nothing simplified) is exactly 0, every precision reads ``near`` and the climb only costs
time (about 0.15 s a point at 5000 digits): the Gram determinant $\det G \ge 0$ of ``rbf_gram_psd`` where two of
its points coincide.  Such a point is returned as read at the working digits, to the decision that follows a climb
that never resolves (the tie is decided exactly; it refutes a strict relation).  A difference sympy does not
evaluate to 0 (an unevaluated node, a number too large to build) is not settled: the climb runs.

A side undefined at the working digits (``undefined``, re-read by ``numeric`` after the sampling) is settled when it
is exactly non-real at the point: $\log(1 - (1 - u)^c)$ at $u > 1$ and a non-integer $c$ (``log_at_least_one``),
$(1 + t)^p$ at $t < -1$ (``power_log1p``), $\log(1 + u^2 w)$ at $u^2 w < -1$ (``log1p_large_product``).  It is read
off the expression by the rules of principal values on the point's rationals (:func:`_exact`), with no sympy
evaluation: sympy's own substitution of $(1 - u)^c$ at a sampled $c = p / 10^{21}$ builds a prime to a power near
$10^{21}$ and never ends (speed50's draft met it in ``log_at_least_one`` step 1, which turned ``undecided``).  A side
the rules cannot settle is climbed as before: $\log(-\operatorname{expm1}(c \operatorname{log1p}(-u)))$ at $c = 1,
u = 3$ is exactly $\log 3$ while every precision leaves it a rounding imaginary part.  No precision defines a settled
side, so its climb to 5000 digits is skipped, but for the step's first such point, whose climb's cost the allowance
is then charged for each of the others (``escalation.Allowance.climb``): the allowance is not freed for other points.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p

from derivations.checker.strategies.huge import huge_exact

MAX_EXACT_DIGITS = 20_000
"""Largest exact number (in decimal digits) the substitution may build (as ``decide.MAX_EXACT_DIGITS``)."""


def settled(lhs, rhs, point: dict, state: str) -> bool:
    """Whether the reading ``state`` of ``lhs REL rhs`` at the exact ``point`` is the same at every precision: a
    ``near`` whose difference is exactly 0, or an ``undefined`` where a side is exactly non-real (:func:`_exact`)."""
    try:
        if state == "near":
            return _at(lhs - rhs, point) == 0
        if state == "undefined":
            return any(_exact(side, point) is NON_REAL for side in (lhs, rhs))
    except Exception:  # noqa: BLE001 - sympy failing on a node: not settled, the climb decides
        return False
    return False


def _at(expr, point: dict):
    if not isinstance(expr, sp.Basic) or huge_exact(expr, point, MAX_EXACT_DIGITS):
        return None
    return expr.xreplace(point)


NON_REAL = "non-real"
REAL = "real"
NONZERO = "nonzero real"
"""What :func:`_exact` knows of a node beside an exact rational: certainly not real, real of unknown value, or real
and not 0."""
MAX_POWER = 64
MAX_BITS = 4096
"""Largest integer exponent :func:`_exact` raises a rational to, and largest base (bits of numerator and denominator)
it raises: it never builds a large number."""


def _exact(node, point: dict):
    r"""``node`` at the exact ``point``: a ``Rational``, :data:`NON_REAL`, :data:`REAL`, :data:`NONZERO` or None (not
    known), by the
    rules of principal values, with no sympy evaluation: $b^e$ of a negative rational $b$ and a non-integer rational
    $e$ is non-real, as is $\log b$ ($\operatorname{log1p}(b - 1)$) of a negative $b$ and $\log z$ of a non-real
    $z$; a sum with exactly one non-real term, or a product of one non-real factor and nonzero rationals, is
    non-real; $e^r$ and $r^e$ ($r > 0$) of real $r, e$ are nonzero reals, $\log r$ ($r > 0$) a real."""
    if node in point:
        value = point[node]  # an exact coordinate (a Rational or an int); a float is not exact here
        if isinstance(value, int) and not isinstance(value, bool):
            value = sp.Integer(value)
        return value if isinstance(value, sp.Rational) else None
    if isinstance(node, sp.Rational):
        return node
    if node.is_Number or node in (sp.pi, sp.E):
        return (NONZERO if node.is_nonzero else REAL) if node.is_extended_real and node.is_finite else None
    args = [_exact(a, point) for a in node.args]
    if any(a is None for a in args):
        return None
    rational = [a for a in args if isinstance(a, sp.Rational)]
    others = [a for a in args if not isinstance(a, sp.Rational)]
    if isinstance(node, (sp.Add, sp.Mul)):
        if not others:
            return sp.Add(*rational) if isinstance(node, sp.Add) else sp.Mul(*rational)
        if others.count(NON_REAL) == 1 and (isinstance(node, sp.Add) or REAL not in others and 0 not in rational):
            return NON_REAL
        if NON_REAL in others:
            return None
        nonzero = isinstance(node, sp.Mul) and REAL not in others and 0 not in rational
        return NONZERO if nonzero else REAL
    if isinstance(node, sp.Pow):
        base, exp = args
        if NON_REAL in args:
            return None
        if isinstance(exp, sp.Rational) and exp.is_integer:
            if isinstance(base, sp.Rational) and abs(exp) <= MAX_POWER and (base != 0 or exp >= 0) \
                    and base.p.bit_length() + base.q.bit_length() <= MAX_BITS:
                return base ** exp
            return NONZERO if isinstance(base, sp.Rational) and base != 0 else None
        if isinstance(base, sp.Rational) and isinstance(exp, sp.Rational):
            return NON_REAL if base < 0 else NONZERO if base > 0 else None
        return NONZERO if isinstance(base, sp.Rational) and base > 0 else None
    if isinstance(node, (sp.log, log1p)) and len(args) == 1:
        (argument,) = args
        if argument is NON_REAL:
            return NON_REAL
        if isinstance(argument, sp.Rational):
            if isinstance(node, log1p):
                argument += 1
            return NON_REAL if argument < 0 else REAL if argument > 0 else None
        return None
    if isinstance(node, sp.exp) and args[0] is not NON_REAL:
        return NONZERO
    return None
