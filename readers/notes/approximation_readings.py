r"""Whether a decimal stated with ``\approx`` is some other reading's value, when it is not the exact value's.

A closed number stated to more digits than it agrees with, but within ``approximation.REL`` of it, is left
``undecided`` by :mod:`readers.notes.approximation`: notes write a limit or a low-order formula evaluated at a finite
point so (``(1 - 1/100)^{100} \approx 0.368`` is the limit ``1/e``).  That is a reading of the block, and it can be
checked.  The readings tried, each on the exact side as written, with one numeral ``c`` made a variable ``t``:

* a large number (``c \ge 10``, every occurrence of it at once) taken to infinity: the value at ``t = 10^{12}``, when
  it is within a thousandth of a unit of the value at ``t = 10^{9}``;
* a number near a whole one (``0 < |c - c_0| \le 0.2``, ``c_0`` the nearest whole number) replaced by its Taylor
  polynomial of order 1 or 2 around ``c_0`` (``e^{0.2} \approx 1.2``, ``\log 1.05 \approx 0.05``).

When one of them comes within two units of the stated last digit, the block stays ``undecided`` and names it.  When
none does, and the stated value is a decimal written with a point and at least two significant digits (a whole
number such as ``3598696`` may be a compared quantity, Stirling's value of ``10!``), nothing the author may have
meant gives the digits: ``e \approx 2.7813`` and ``e^{1 - 20/18} \approx 0.905`` are refuted.
"""
from __future__ import annotations

import re

import sympy as sp

_NUMERAL = re.compile(r"(?<![\w.\\])\d+(?:\.\d+)?(?![\w.])")
"""A numeral of the exact side, not part of a name (``x_1`` is matched, but a subscript is never a large number)."""
LARGE = 10
"""Numerals from this size up are read as a parameter that may tend to infinity."""
NEAR = sp.Rational(1, 5)
"""Numerals this close to a whole number (and not on it) are read as a small offset a Taylor polynomial expands."""
UNITS = 2
"""A reading gives the stated value when within this many units of its last digit."""


def plain_decimal(latex: str, stated) -> bool:
    """Whether ``stated`` is written in ``latex`` as a decimal with a point and at least two significant digits."""
    for m in re.finditer(r"\d+\.\d+", latex):
        if sp.Rational(m.group(0)) == abs(stated) and len(m.group(0).replace(".", "").lstrip("0")) >= 2:
            return True
    return False


UNREAD = "a numeral of the exact side could not be read as a variable: not every reading was weighed"


def other_reading(exact_latex: str, read, stated, unit) -> str | None:
    """The reading of ``exact_latex`` (module docstring) whose value is within ``UNITS`` units of ``stated``, named
    (``the limit as 100 -> oo: 0.3679``); :data:`UNREAD` when a numeral that may be a parameter could not be made a
    variable; None when no reading gives it.  ``read`` turns LaTeX into a sympy expression (raising on what it cannot
    read)."""
    t = sp.Dummy("t")
    tag = "readingvariable"
    for numeral in dict.fromkeys(m.group(0) for m in _NUMERAL.finditer(exact_latex)):
        value = sp.Rational(numeral)
        large = value >= LARGE
        whole = sp.Integer(round(value))
        near = 0 < abs(value - whole) <= NEAR
        if not (large or near):
            continue
        try:
            expr = read(_NUMERAL.sub(lambda m, n=numeral: tag if m.group(0) == n else m.group(0), exact_latex))
        except Exception:  # noqa: BLE001 - this numeral cannot be a variable there: the reading is not weighed
            return UNREAD
        names = [s for s in expr.free_symbols if getattr(s, "name", "") == tag]
        if len(names) != 1 or len(expr.free_symbols) != 1:
            return UNREAD
        expr = expr.xreplace({names[0]: t})
        for how, result in (_limits(expr, t) if large else _taylor(expr, t, whole, value)):
            if result is not None and abs(result - stated) <= UNITS * unit:
                return f"{how.replace('c', numeral, 1)}: {sp.N(result, 6)}"
    return None


def _limits(expr, t):
    try:
        far, farther = (sp.N(expr.subs(t, sp.Float(10 ** k, 40)), 30) for k in (9, 12))  # never an exact power
    except Exception:  # noqa: BLE001 - no value far out: no limit reading
        return []
    if not (far.is_real and farther.is_real) or abs(far - farther) > sp.Float("1e-6"):
        return []
    return [("the limit as c -> oo", farther)]


def _taylor(expr, t, center, value):
    out, term = [], sp.Integer(0)
    try:
        for order in range(3):
            term += sp.diff(expr, t, order).subs(t, center) * (value - center) ** order / sp.factorial(order)
            if order:
                found = sp.N(term, 30)
                out.append((f"c read as {center} + {value - center} to order {order}",
                            found if found.is_real else None))
    except Exception:  # noqa: BLE001 - not differentiable there: no Taylor reading
        return out
    return out
