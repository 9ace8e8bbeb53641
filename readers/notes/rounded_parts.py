r"""A result written with its irrational parts rounded: ``(25-10) \pm \sqrt{10^2+10^2} = 15 \pm 14``.

Worked examples round what they compute, inside a larger expression as well as alone: the spread
:math:`\sqrt{200} = 14.14\ldots` is written ``14`` after ``15 \pm``.  Read exactly the equation fails, by the
rounding.  :func:`rounded_parts` replaces each irrational number of one side (a maximal subexpression with a value
and no name: :math:`10\sqrt{2}`) by its rounding to ``d`` decimals, for ``d`` from 0 to :data:`MOST_DECIMALS`, and
returns ``d`` when the side then *is* the other side as written (the same expression, not merely the same value).
Rounded to a decimal the block writes (``d >= 1``) that is the value written to its decimals, as
readers.notes.check ``_written_rounding`` reads a lone ``\pi = 3.14159``; rounded to the units (``d = 0``) an integer
may also be meant exactly, so the claim is ambiguous (readers.notes.check ``rounded_reading``).
"""
from __future__ import annotations

import sympy as sp

MOST_DECIMALS = 6
"""Decimals a rounded part is tried at (0 to this)."""
DIGITS = 40
"""Digits of the evaluation that is rounded (far above any written decimal)."""
SIGNIFICANT = 10
r"""A rounded part must keep two significant digits (its value times ``10^d`` at least 10): ``14`` for
:math:`10\sqrt{2}`, ``1.41`` for :math:`\sqrt{2}`, never ``1`` for :math:`\log 2`."""


def _irrational(e) -> bool:
    try:
        return bool(isinstance(e, sp.Expr) and not e.free_symbols and e.is_number and e.is_real
                    and not isinstance(e, sp.Rational) and e.is_rational is not True)
    except (TypeError, ValueError):
        return False


def _parts(expr) -> list:
    """The maximal irrational numeric subexpressions of ``expr``."""
    if _irrational(expr):
        return [expr]
    return [p for a in getattr(expr, "args", ()) for p in _parts(a)]


def rounded_parts(lhs, rhs) -> int | None:
    """The decimals ``d`` at which one side, its irrational parts rounded to ``d`` decimals, is the other side as
    written; None when there are none."""
    for computed, written in ((lhs, rhs), (rhs, lhs)):
        parts = _parts(computed)
        if not parts or _parts(written):
            continue
        for d in range(MOST_DECIMALS + 1):
            scale = sp.Integer(10) ** d
            if any(abs(sp.N(p, DIGITS)) * scale < SIGNIFICANT for p in parts):
                continue  # log 2 = 1 is no rounding of 0.69: a rounded part keeps two significant digits
            rounded = {p: sp.floor(sp.N(p, DIGITS) * scale + sp.S.Half) / scale for p in parts}
            if computed.xreplace(rounded) == written:
                return d
    return None
