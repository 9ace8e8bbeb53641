r"""The size of the terms a side is summed from, against which rounding garbage is measured.

A side read at $b$ digits carries an error of about $10^{-b}$ times the largest term summed on the way, not times its
value: $e^{x} - e^{x - 10^{-60}}$ at $x = 200$ and 52 digits is $e^{200} \approx 7 \cdot 10^{86}$ less itself, a
rounding residue near $10^{36}$ of either sign, against a true value of $7 \cdot 10^{26}$.  Compared with
$10^{-60} e^{x}$ that residue can read as a clear ``holds`` although the claim fails.  The term magnitude of a side
replaces each sum met at the value level (not inside a function's argument, whose own rounding ``magnitude_digits``
covers) by the sum of the absolute values of its terms:

$$M(a + b) = M(a) + M(b), \qquad M(a\,b) = M(a)\,M(b), \qquad M(a^{k}) = M(a)^{k}\ (k > 0),
  \qquad M(t) = |t| \text{ otherwise}.$$

A point whose margin $|l - r|$ is below $10^{-b/2} \max(M_l, M_r)$ has lost more than half its digits to
cancellation, and ``escalation.read_point`` reads it again at $2b$ digits before its ``holds`` counts.
"""
from __future__ import annotations

import functools

import sympy as sp

DIGITS = 15
"""Digits at which the magnitudes are read: only their order of magnitude is used."""


@functools.lru_cache(maxsize=256)
def term_magnitude(expr):
    """$M$ of ``expr`` (see the module docstring), or None where ``expr`` has no sum of two terms that vary
    (its value is then its own magnitude)."""
    if not isinstance(expr, sp.Basic) or not _has_value_sum(expr):
        return None
    return _magnitude(expr)


def _has_value_sum(expr) -> bool:
    if expr.is_Add:
        return sum(1 for t in expr.args if not t.is_number) >= 1 and len(expr.args) >= 2
    if expr.is_Mul:
        return any(_has_value_sum(a) for a in expr.args)
    if expr.is_Pow and expr.exp.is_number and expr.exp.is_positive:
        return _has_value_sum(expr.base)
    return False


def _magnitude(expr):
    if expr.is_Add:
        return sp.Add(*[_magnitude(t) for t in expr.args])
    if expr.is_Mul:
        return sp.Mul(*[_magnitude(a) for a in expr.args])
    if expr.is_Pow and expr.exp.is_number and expr.exp.is_positive:
        return _magnitude(expr.base) ** expr.exp
    return sp.Abs(expr)
