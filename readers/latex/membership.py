r"""A membership side condition read as inequalities: ``x \in (0, 1]`` -> ``0 < x <= 1``.

Intervals (``(a, b)``, ``[a, b]``, ``(a, b]``, ``[a, b)``, with ``\left( ... \right]``) and the
half-lines of the reals: ``\mathbb{R}_{\ge 0}``, ``\mathbb{R}_{+}``, ``\mathbb{R}^{+}``, ``\mathbb{R}_{>0}``,
``\mathbb{R}_{++}`` (``\mathbb{R}_{\le 0}``, ``\mathbb{R}_{-}`` alike).  ``\mathbb{R}_+`` is read as
``x > 0``: authors differ on whether it holds 0, and the strict reading is the narrower one, so a
counterexample found under it satisfies either reading.  The integers read alike: ``\mathbb{Z}`` (any integer),
``\mathbb{N}``, ``\mathbb{Z}_{>0}``, ``\mathbb{Z}^{+}`` (``n \ge 1``; whether ``\mathbb{N}`` holds 0 differs, and 1 on is
the narrower reading), ``\mathbb{N}_0``, ``\mathbb{Z}_{\ge 0}`` (``n \ge 0``), as ``floor(n) = n`` and the bound
(:func:`integer_names` reads the first back as an integer name).  Anything else is not a condition (None).

The same sets declare names integers in prose (:func:`integer_members`: "Let $j, k \in \mathbb{N}$", "for every
$n \in \mathbb{Z}_{\ge 0}$", "for $n = 1, 2, \ldots$"): read as a real,
:math:`\lfloor k/2 \rfloor + \lceil k/2 \rceil = k` after "Let $k \in \mathbb{N}$" was refuted at :math:`k = 1/2`, and
"for $k = 1, 2, \ldots$" was read as the example :math:`k = 1`, which confirmed :math:`k^2 = k`."""
from __future__ import annotations

import itertools
import re
from typing import NamedTuple

import sympy as sp

_INTERVAL = re.compile(r"\s*(?:\\left\s*)?([(\[])(.*)(?:\\right\s*)?([)\]])\s*", re.DOTALL)
_HALF_LINE = re.compile(
    r"\s*\\mathbb\s*\{?\s*R\s*\}?\s*(?:_|\^)\s*\{?\s*(\\geq?|\\leq?|>=|<=|>|<|\+\+|\+|-|--)\s*(0?)\s*\}?\s*")
_HALF_LINES = {"\\ge": sp.Ge, "\\geq": sp.Ge, ">=": sp.Ge, ">": sp.Gt, "+": sp.Gt, "++": sp.Gt,
               "\\le": sp.Le, "\\leq": sp.Le, "<=": sp.Le, "<": sp.Lt, "-": sp.Lt, "--": sp.Lt}


class IntegerSet(NamedTuple):
    """A set of integers: those from ``least`` on (every integer when ``least`` is None)."""

    least: int | None


_INTEGER_SET = re.compile(r"\s*\\mathbb\s*\{?\s*(?P<set>[NZ])\s*\}?\s*(?P<script>(?:[_^]\s*(?:\{[^{}]*\}?|\\?[A-Za-z0-9+*]+|[+*])"
                          r"\s*)*)")
"""A set of integers and its scripts (a closing brace may be missing: the parser's span of ``\\mathbb{Z}^{+}`` in a
formula ends before it)."""
_FROM_ONE = frozenset({"^+", "_+", "_>0", "^>0", "_\\ge1", "_\\geq1", "_>=1", "_\\geqslant1"})
_FROM_ZERO = frozenset({"_0", "_\\ge0", "_\\geq0", "_>=0", "_\\geqslant0"})


def integer_set(text: str) -> IntegerSet | None:
    r"""The set of integers ``text`` writes: ``\mathbb{N}``, ``\mathbb{N}^*``, ``\mathbb{N}^+``, ``\mathbb{N}_{>0}``,
    ``\mathbb{Z}^+``, ``\mathbb{Z}_+``, ``\mathbb{Z}_{>0}``, ``\mathbb{Z}_{\ge 1}`` from 1 (``\mathbb{Z}^*``, the nonzero
    integers to some authors, too: the narrower reading, as for ``\mathbb{N}``); ``\mathbb{N}_0``,
    ``\mathbb{N}_{\ge 0}``, ``\mathbb{Z}_{\ge 0}`` from 0; ``\mathbb{Z}`` every integer.  None for anything else."""
    m = _INTEGER_SET.fullmatch(text)
    if m is None:
        return None
    script = re.sub(r"[\s{}]", "", m.group("script"))
    if not script:
        return IntegerSet(1 if m.group("set") == "N" else None)
    if script in _FROM_ONE or script == "^*":
        return IntegerSet(1)
    if script in _FROM_ZERO:
        return IntegerSet(0)
    return None


class IntegerMembers(NamedTuple):
    r"""Names declared integers from ``least`` on (any integer when None), up to the LaTeX ``most`` when given
    (``i = 1, \ldots, n``), in steps of ``step``."""

    names: list
    least: int | None
    most: str | None = None
    step: int = 1


_NAME = r"(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?"
_MEMBERS = re.compile(r"\s*(?P<names>" + _NAME + r"(?:\s*,\s*(?:" + _NAME + r"|\\[lc]?dots|\\ldotp|\\cdotp|\.\.\.))*)"
                      r"\s*\\in\s*(?P<set>.+?)\s*[.,;]?\s*")
_DOTS = r"(?:\\[lc]?dots|\\dotsc|\\ldotp\s*\\ldotp\s*\\ldotp|\.\.\.)"
_RANGE = re.compile(r"\s*(?P<name>" + _NAME + r")\s*=\s*(?P<values>-?\d+(?:\s*,\s*-?\d+)*)\s*,\s*" + _DOTS
                    + r"\s*(?:,\s*(?P<most>[^,]+?))?\s*[.,;]?\s*")


def integer_members(latex: str) -> IntegerMembers | None:
    r"""The names the inline math ``latex`` declares integers, the one reader of both the prose and the formulas:
    ``n \in \mathbb{N}`` (from 1), ``n, m \in \mathbb{Z}_{\ge 0}`` (from 0), ``k \in \mathbb{Z}`` (every integer),
    ``y_1, \ldots, y_N \in \mathbb{N}`` (the names written), and a range written out, ``n = 1, 2, \ldots`` (from 1),
    ``i = 1, \ldots, n`` (from 1 to n), ``k = 0, 2, 4, \ldots`` (step 2).  None for anything else."""
    m = _MEMBERS.fullmatch(latex)
    if m is not None:
        found = integer_set(m.group("set"))
        names = [n.strip() for n in m.group("names").split(",")
                 if not re.fullmatch(r"\\(?:[lc]?dots|ldotp|cdotp)|\.\.\.", n.strip())]
        return None if found is None else IntegerMembers(names, found.least)
    m = _RANGE.fullmatch(latex)
    if m is None:
        return None
    values = [int(v) for v in m.group("values").split(",")]
    steps = {b - a for a, b in itertools.pairwise(values)}
    if len(steps) > 1 or steps == {0}:
        return None
    return IntegerMembers([m.group("name")], values[0], m.group("most"), steps.pop() if steps else 1)


def integer_names(conditions) -> set:
    """The names that ``floor(n) = n`` conditions (an integer set's membership) make integers."""
    return {side.name for c in conditions if isinstance(c, sp.Eq) for side, other in (c.args, c.args[::-1])
            if isinstance(side, sp.Symbol) and other == sp.floor(side)}


def membership(element, container, container_text: str):
    r"""``element \in container`` as a sympy boolean, or None when the set is not an interval or half-line.

    ``container`` is the parsed set (a 2-tuple for an interval), ``container_text`` its LaTeX source."""
    integers = integer_set(container_text) if isinstance(element, sp.Symbol) else None
    if integers is not None:
        integral = sp.Eq(sp.floor(element), element, evaluate=False)
        return integral if integers.least is None else sp.And(integral, sp.Ge(element, integers.least))
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
