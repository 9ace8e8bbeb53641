r"""A decimal whose digits go on, ``3.14159\ldots``: the value it states, checked to its stated digits.

The reader keeps ``\ldots`` as a name (``3.14159\ldots`` is ``314159/100000 \cdot \ldots``); the notes mean a
number written with ``k`` digits after the point and the rest left off, by truncation or by rounding.  Both
readings are accepted: with ``u = 10^{-k}``, ``x = d\ldots`` holds when ``x`` has the sign of ``d`` and

.. math:: -u/2 \le |x| - |d| < u

(truncation leaves ``|x|`` in ``[|d|, |d| + u)``, rounding within ``u/2`` of ``|d|``), with ``x`` evaluated by
mpmath at :data:`DIGITS` digits.  It fails when ``x`` is outside that interval by more than :data:`MARGIN` of
``u``: no reading of the stated digits is left.  A ``\log`` without a base is read in each
common base (e, 10, 2) before a failure counts: ``\log((1/2)^{10^9}) = -301029995.6\ldots`` holds with base 10.
"""
from __future__ import annotations

import re

import sympy as sp

DIGITS = 50
"""Significant digits of the mpmath evaluation (far above any stated decimal)."""
MARGIN = sp.Rational(1, 10**6)
"""Relative slack on the bound ``10^{-k}`` before a value counts as outside it (values at the boundary stay
undecided)."""
_ELIDED = re.compile(r"(?<![\d.])(\d+)\.(\d+)\s*(?:\\[lc]?dots(?![A-Za-z])|\.\.\.)")
r"""A decimal followed by ``\ldots``, ``\dots``, ``\cdots`` or ``...``."""
ELLIPSIS_SYMBOL = sp.Symbol(r"\ldots")
"""The name the LaTeX reader gives ``\\ldots`` (readers.latex.atoms)."""
_BARE_LOG = re.compile(r"(?<![A-Za-z])\\?log(?![A-Za-z_])")
r"""``\log`` (or ``log``) without a base subscript."""
LOG_BASES = (sp.Integer(10), sp.Integer(2))
"""Other bases a ``\\log`` without a base is read in, after e."""


_LITERAL = re.compile(r"(?<![\d.])\d*\.\d+(?![\d.])")
"""A decimal literal (``0.1414``, ``.04``, ``70.1``)."""


def decimal_literals(latex: str) -> frozenset:
    r"""The values of the decimal literals ``latex`` writes (``0.1414^2 = 0.02`` -> ``{707/5000, 1/50}``): a result
    computed from such data is written to the precision of its inputs (check.py's ``_written_rounding``)."""
    return frozenset(sp.Rational(m.group(0)) for m in _LITERAL.finditer(latex))


def elided_decimals(latex: str) -> dict:
    r"""``{value: digits}`` for each decimal of ``latex`` whose digits go on (``3.14159\ldots`` ->
    ``{314159/100000: "3.14159"}``)."""
    return {sp.Rational(f"{m.group(1)}.{m.group(2)}"): f"{m.group(1)}.{m.group(2)}" for m in _ELIDED.finditer(latex)}


def stated(expr, decimals: dict):
    r"""``(d, digits)`` when ``expr`` is ``\pm d \cdot \ldots`` for a decimal ``d`` of ``decimals``, else None."""
    if not isinstance(expr, sp.Mul) or ELLIPSIS_SYMBOL not in expr.args:
        return None
    coefficient = expr / ELLIPSIS_SYMBOL
    if not coefficient.is_Rational or abs(coefficient) not in decimals:
        return None
    return coefficient, decimals[abs(coefficient)]


def _position(value, decimal, unit):
    """Where ``value`` falls: 0 inside the interval of the stated digits, 1 within :data:`MARGIN` of its ends,
    2 outside; None when it is not a real number."""
    try:
        x = sp.N(value, DIGITS)
    except (TypeError, ValueError, ArithmeticError):
        return None
    if not (x.is_real and x.is_finite):
        return None
    if decimal != 0 and (x > 0) != (decimal > 0):
        return 2
    gap = abs(x) - abs(decimal)
    if -unit / 2 <= gap < unit:
        return 0
    return 1 if -unit / 2 - unit * MARGIN <= gap < unit * (1 + MARGIN) else 2


def check(value, decimal, digits: str, latex: str, bases=LOG_BASES) -> tuple[str, str]:
    r"""``(verdict, how)`` of ``value = decimal\ldots`` written with ``digits``: ``verified`` inside the interval
    of the stated digits; ``refuted`` outside it (in every base of a bare ``\log``); else ``undecided``.  ``value``
    must be a closed number; ``bases`` are the other bases a bare log may be in (none where the notes fix it)."""
    if value.free_symbols:
        return "undecided", "the other side is not a number"
    places = len(digits.split(".")[1])
    unit = sp.Rational(1, 10**places)
    where = _position(value, decimal, unit)
    if where is None:
        return "undecided", "the other side could not be evaluated"
    shown = str(sp.N(value, len(digits) + 2))
    sign = "-" if decimal < 0 else ""
    if where == 0:
        return "verified", (f"{shown} agrees with {sign}{digits}... in its {places} stated decimals, truncated or "
                            f"rounded (mpmath, {DIGITS} digits)")
    if where == 1:
        return "undecided", f"{shown} is at the edge of {sign}{digits}... ({places} stated decimals)"
    if value.has(sp.log) and _BARE_LOG.search(latex):
        for base in bases:
            if _position(value.replace(sp.log, lambda x: sp.log(x) / sp.log(base)), decimal, unit) in (0, 1):
                return "undecided", (f"ambiguous: {shown} (natural log) is not {sign}{digits}..., but log read "
                                     f"as base {base} gives it")
    return "refuted", (f"{shown} is not {sign}{digits}... in its {places} stated decimals, truncated or rounded "
                       f"(mpmath, {DIGITS} digits)")
