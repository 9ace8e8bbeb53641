r"""A membership side condition read as inequalities: ``x \in (0, 1]`` -> ``0 < x <= 1``.

Intervals (``(a, b)``, ``[a, b]``, ``(a, b]``, ``[a, b)``, with ``\left( ... \right]``) and the
half-lines of the reals: ``\mathbb{R}_{\ge 0}``, ``\mathbb{R}_{+}``, ``\mathbb{R}^{+}``, ``\mathbb{R}_{>0}``,
``\mathbb{R}_{++}`` (``\mathbb{R}_{\le 0}``, ``\mathbb{R}_{-}`` alike).  ``\mathbb{R}_+`` is read as
``x > 0``: authors differ on whether it holds 0, and the strict reading is the narrower one, so a
counterexample found under it satisfies either reading.  Anything else is not a condition (None)."""
from __future__ import annotations

import re

import sympy as sp

_INTERVAL = re.compile(r"\s*(?:\\left\s*)?([(\[])(.*)(?:\\right\s*)?([)\]])\s*", re.S)
_HALF_LINE = re.compile(
    r"\s*\\mathbb\s*\{?\s*R\s*\}?\s*(?:_|\^)\s*\{?\s*(\\geq?|\\leq?|>=|<=|>|<|\+\+|\+|-|--)\s*(0?)\s*\}?\s*")
_HALF_LINES = {"\\ge": sp.Ge, "\\geq": sp.Ge, ">=": sp.Ge, ">": sp.Gt, "+": sp.Gt, "++": sp.Gt,
               "\\le": sp.Le, "\\leq": sp.Le, "<=": sp.Le, "<": sp.Lt, "-": sp.Lt, "--": sp.Lt}


def membership(element, container, container_text: str):
    r"""``element \in container`` as a sympy boolean, or None when the set is not an interval or half-line.

    ``container`` is the parsed set (a 2-tuple for an interval), ``container_text`` its LaTeX source."""
    half = _HALF_LINE.fullmatch(container_text)
    if half:
        return _HALF_LINES[half.group(1)](element, 0)
    interval = _INTERVAL.fullmatch(container_text)
    bounds = getattr(container, "args", ())
    if not interval or len(bounds) != 2 or not all(isinstance(b, sp.Expr) for b in bounds):
        return None
    low, high = bounds
    lower = sp.Gt if interval.group(1) == "(" else sp.Ge
    upper = sp.Lt if interval.group(3) == ")" else sp.Le
    parts = []
    if low != -sp.oo:
        parts.append(lower(element, low))
    if high != sp.oo:
        parts.append(upper(element, high))
    try:
        return sp.And(*parts)
    except TypeError:
        return None
