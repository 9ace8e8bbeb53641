r"""Several equations written on one row, each a statement of its own:

    F(t) := \phi(t) \quad \text{and} \quad G(t) := h(t)
    a_1 = 0.1, \quad a_2 = 0.2, \quad a_3 = 0.3
    \hat{v}_t = \frac{v_t}{1 - \beta_1^t}; \qquad \hat{s}_t = \frac{s_t}{1 - \beta_2^t}

are read as one row per equation.  Without the split, what follows the first separator is a condition of the
first equation (``f(x) = x^2, \quad x = 2``), so the second definition was never made and the second claim
never checked.

A row is split only when the separators are statement breaks ("and", ``\quad``/``\qquad``/``\hspace``, ``;``;
never a bare comma, as in an inline ``$x = 3, y = 4$``), every part is an equation (``=``, ``:=`` or ``\approx``,
no other mark or word), and no part's left side is used by a part before it: ``y = a x + b, \quad b = 2`` keeps
its reading of ``b = 2`` as a condition of the first equation.
"""
from __future__ import annotations

import re
from itertools import pairwise

import sympy as sp
from sympy.core.function import AppliedUndef

from readers.latex.tree import _end, _start

_SEPARATORS = ("COMMA", "SEMI", "PROSE")
_BREAK = re.compile(r"\\q?quad(?![A-Za-z])|\\hspace\s*\{|~\s*~|;|(?<![A-Za-z])and(?![A-Za-z])")
r"""What in the text between two equations makes them two statements: ``\quad``, ``\qquad``, ``\hspace{24pt}``,
two or more ties ``~~~~`` (as wide), ``;``, "and"."""


def joined_equations(items, text: str) -> list[tuple[int, int]] | None:
    """The spans ``(start, end)`` of ``items`` (a row's expressions, as ``(expr, tree)`` pairs, and its tokens)
    that are separate equations, in order; None when the row is not two or more equations joined as the module
    says.  ``text`` is the block's text, which the items' positions index."""
    parts, start, k = [], 0, 0
    while k < len(items):
        if _separator(items[k]):
            end = k
            while k < len(items) and _separator(items[k]):
                k += 1
            parts.append((start, end))
            start = k
            continue
        k += 1
    parts.append((start, len(items)))
    if len(parts) < 2 or not all(_equation(items[a:b]) for a, b in parts):
        return None
    for (_, end), (begin, _) in pairwise(parts):
        between = text[_end(items[end - 1][1]):_start(items[begin][1])]
        if not _BREAK.search(between):
            return None  # a bare comma: x = 3, y = 4 keeps its reading
    for n in range(1, len(parts)):
        left = items[parts[n][0]][0]
        if any(_uses(e[0], left) for a, b in parts[:n] for e in items[a:b] if isinstance(e, tuple)):
            return None  # y = a x + b, \quad b = 2: a condition on the first equation
    return parts


def _separator(item) -> bool:
    return not isinstance(item, tuple) and item.type in _SEPARATORS \
        and (item.type != "PROSE" or item.value == "and")


def _equation(part) -> bool:
    r"""``expr = expr (= expr ...)``: an expression, then relations ``=``/``:=``/``\approx`` each followed by an
    expression (``\log_2 10 \approx 3.32, \qquad \ln 2 \approx 0.693``: two worked values)."""
    if len(part) < 3 or len(part) % 2 == 0:
        return False
    return all(isinstance(p, tuple) and isinstance(p[0], sp.Basic) if n % 2 == 0
               else not isinstance(p, tuple) and p.type == "REL" and p.value in ("=", ":=", "approx")
               for n, p in enumerate(part))


def _uses(expr: sp.Basic, left: sp.Basic) -> bool:
    r"""Whether ``expr`` uses what ``left`` names: the expression itself, or the function it applies.  A number
    names nothing (``\log_2 10 \approx 3.32, \qquad \ln 2 \approx 0.693``: the first holds ``\log 2``)."""
    if not left.free_symbols and not left.atoms(AppliedUndef):
        return False
    if expr.has(left):
        return True
    if isinstance(left, AppliedUndef):
        return any(f.func == left.func for f in expr.atoms(AppliedUndef))
    if isinstance(left, sp.Indexed):
        return expr.has(left.base)
    return False
