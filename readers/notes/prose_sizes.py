r"""A size the prose names after a display, and the domain a ``cases`` block states.

torch.bartlett_window writes

.. math:: w[n] = 1 - \left| \frac{2n}{N-1} - 1 \right| = \begin{cases} \frac{2n}{N-1} & 0 \le n \le \frac{N-1}{2}
          \\ 2 - \frac{2n}{N-1} & \frac{N-1}{2} < n < N \end{cases}

"where $N$ is the full window size".  Read with a real ``N`` the claim fails (at N = 1/2, where N - 1 < 0 turns the
inequalities of the cases around); the prose makes ``N`` a size, a positive integer, and the cases state where the
claim is made (outside them the right side has no value).  :func:`sizes_named_after` finds the names the sentence
after a display calls a size, a length or a number of something; :func:`within_cases` restricts a claim to the union
of its ``cases`` conditions (both sides 0 elsewhere, as index conditions are restricted).
"""
from __future__ import annotations

import re

import sympy as sp

_SIZE = re.compile(r"\bwhere\s+\$\\?([A-Za-z]+)\$\s+(?:is|denotes)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?"
                   r"(?:size|length|count|number\s+of)\b", re.IGNORECASE)


def sizes_named_after(lines: list[str], frag) -> set[str]:
    """Names that the sentence right after the display ``frag`` calls a size ("where $N$ is the window size")."""
    end = frag.content_line + frag.content.count("\n")  # 1-based line of the display's last line
    k, found = end, []
    while k < len(lines) and not lines[k].strip():
        k += 1
    while k < len(lines) and lines[k].strip() and not lines[k].lstrip().startswith(("#", "$$")):
        found.append(lines[k].strip())
        k += 1
    return {m.group(1) for m in _SIZE.finditer(" ".join(found)[:300])}


def as_sizes(exprs, names: set[str]) -> tuple[tuple, dict]:
    """``exprs`` with each real symbol called ``names`` replaced by a positive integer symbol of the same name."""
    symbols = {s for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol) and s.name in names
               and not s.is_integer}
    swap = {s: sp.Symbol(s.name, integer=True, positive=True) for s in symbols}
    return tuple(e.xreplace(swap) for e in exprs), swap


def within_cases(lhs: sp.Expr, rhs: sp.Expr) -> tuple[sp.Expr, sp.Expr] | None:
    """Both sides restricted to where a branch of a side's ``cases`` without an otherwise branch holds, or None."""
    conditions = [cond for side in (lhs, rhs) for p in side.atoms(sp.Piecewise)
                  if all(c is not sp.true for _, c in p.args) for _, cond in p.args]
    if not conditions:
        return None
    where = sp.Or(*conditions)
    return sp.Piecewise((lhs, where), (0, True)), sp.Piecewise((rhs, where), (0, True))
