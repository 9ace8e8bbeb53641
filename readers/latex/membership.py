r"""A membership side condition read as inequalities: ``x \in (0, 1]`` -> ``0 < x <= 1``.

Intervals (``(a, b)``, ``[a, b]``, ``(a, b]``, ``[a, b)``, with ``\left( ... \right]``) and the
half-lines of the reals: ``\mathbb{R}_{\ge 0}``, ``\mathbb{R}_{+}``, ``\mathbb{R}^{+}``, ``\mathbb{R}_{>0}``,
``\mathbb{R}_{++}`` (``\mathbb{R}_{\le 0}``, ``\mathbb{R}_{-}`` alike).  ``\mathbb{R}_+`` is read as
``x > 0``: authors differ on whether it holds 0, and the strict reading is the narrower one, so a
counterexample found under it satisfies either reading.  The integers read alike: ``\mathbb{Z}`` (any integer),
``\mathbb{N}``, ``\mathbb{Z}_{>0}``, ``\mathbb{Z}^{+}`` (``n \ge 1``; whether ``\mathbb{N}`` holds 0 differs, and 1 on is
the narrower reading), ``\mathbb{N}_0``, ``\mathbb{Z}_{\ge 0}`` (``n \ge 0``), as ``floor(n) = n`` and the bound
(:func:`integer_names` reads the first back as an integer name).  Anything else is not a condition (None)."""
from __future__ import annotations

import re

import sympy as sp

_INTERVAL = re.compile(r"\s*(?:\\left\s*)?([(\[])(.*)(?:\\right\s*)?([)\]])\s*", re.S)
_HALF_LINE = re.compile(
    r"\s*\\mathbb\s*\{?\s*R\s*\}?\s*(?:_|\^)\s*\{?\s*(\\geq?|\\leq?|>=|<=|>|<|\+\+|\+|-|--)\s*(0?)\s*\}?\s*")
_HALF_LINES = {"\\ge": sp.Ge, "\\geq": sp.Ge, ">=": sp.Ge, ">": sp.Gt, "+": sp.Gt, "++": sp.Gt,
               "\\le": sp.Le, "\\leq": sp.Le, "<=": sp.Le, "<": sp.Lt, "-": sp.Lt, "--": sp.Lt}


_INTEGER_SET = re.compile(
    r"\s*\\mathbb\s*\{?\s*(?P<set>[NZ])\s*\}?\s*(?:(?:_|\^)\s*\{?\s*(?P<sign>\\geq?|>=|>|\+|\*)?\s*(?P<zero>0)?\s*\}?)?\s*")


def _integer_set(text: str):
    r"""The least member of the integers ``text`` writes (``\mathbb{N}``: 1, ``\mathbb{Z}_{\ge 0}``: 0), or None for all
    of ``\mathbb{Z}`` (and for a text that writes no set of integers: ask :data:`_INTEGER_SET` first)."""
    m = _INTEGER_SET.fullmatch(text)
    if m is None:
        return None
    sign, zero = m.group("sign"), m.group("zero")
    if m.group("set") == "Z" and sign is None and not zero:
        return None  # \mathbb{Z}: every integer
    return 0 if zero and sign in (None, "\\ge", "\\geq", ">=") else 1


_MEMBER = re.compile(r"\s*(?P<name>[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?|\\[A-Za-z]+)\s*\\in\s*(?P<set>.+?)\s*")


def integer_member(content: str):
    r"""``(name, least)`` for an inline ``n \in \mathbb{N}`` (``least`` None for ``\mathbb{Z}``), else None: the prose
    makes ``n`` an integer from there on, as "$n$ is an integer" does."""
    m = _MEMBER.fullmatch(content)
    if m is None or _INTEGER_SET.fullmatch(m.group("set")) is None:
        return None
    return m.group("name").lstrip("\\"), _integer_set(m.group("set"))


def integer_names(conditions) -> set:
    """The names that ``floor(n) = n`` conditions (an integer set's membership) make integers."""
    return {side.name for c in conditions if isinstance(c, sp.Eq) for side, other in (c.args, c.args[::-1])
            if isinstance(side, sp.Symbol) and other == sp.floor(side)}


def membership(element, container, container_text: str):
    r"""``element \in container`` as a sympy boolean, or None when the set is not an interval or half-line.

    ``container`` is the parsed set (a 2-tuple for an interval), ``container_text`` its LaTeX source."""
    if _INTEGER_SET.fullmatch(container_text) and isinstance(element, sp.Symbol):
        lowest = _integer_set(container_text)
        integral = sp.Eq(sp.floor(element), element, evaluate=False)
        return integral if lowest is None else sp.And(integral, sp.Ge(element, lowest))
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
