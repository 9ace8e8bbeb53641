r"""A definition's domain, read from the constraints stated in the prose next to it.

A note says what its symbols range over in inline math: "a target $0 \le y \le 1$", "class weight
$0 < \alpha < 1$", "weights $w_i > 0$", "focusing parameter $\gamma \ge 0$".  Each such chain of one name
and numbers (``<``, ``\le``, ``>``, ``\ge``, ``\leq``, ``\geq``, ``\lt``, ``\gt``) bounds that name; an entry
$w_i$ bounds every entry of the array $w$.  The verification samples inside these bounds (it checks what
the user means), and the generated docstring states them.  Anything else in the prose (two names in one
chain, a bound that is not a number) is not a domain and is left alone.

:func:`read_domain` returns ``((name, lo, lo_open, hi, hi_open), ...)``, names as the definition reader names
symbols (``\alpha`` -> ``alpha``, ``\beta_1`` -> ``beta_1``, ``w_i`` -> ``w``), ``None`` for a missing bound.
"""
from __future__ import annotations

import re

import sympy as sp

from readers.latex.nodes import LatexParseError
from readers.latex.parse import parse_latex

_RELATION = re.compile(r"\\leqslant|\\geqslant|\\leq|\\geq|\\le|\\ge|\\lt|\\gt|<=|>=|<|>")
_LESS = {"<": True, r"\lt": True, "<=": False, r"\le": False, r"\leq": False, r"\leqslant": False}
"""A relation meaning "less than": open (strict) or not."""
_GREATER = {">": True, r"\gt": True, ">=": False, r"\ge": False, r"\geq": False, r"\geqslant": False}
_NUMBER = re.compile(r"^-?\s*\d+(?:\.\d+)?$")


def _name(text: str) -> str | None:
    """The name of the symbol ``text`` (``\\alpha``, ``w_i``, ``\\beta_1``), else None."""
    try:
        e = parse_latex(text)
    except (LatexParseError, Exception):  # noqa: BLE001  (any text that is not a name is no bound)
        return None
    if isinstance(e, sp.Symbol):
        return str(e)
    if isinstance(e, sp.Indexed) and len(e.indices) == 1:
        (i,) = e.indices
        return f"{e.base.label}_{i}" if i.is_Integer else str(e.base.label)
    return None


def _chain(text: str):
    """``(terms, relations)`` of one inline formula written as a chain of relations, else None."""
    rels = _RELATION.findall(text)
    terms = [t.strip() for t in _RELATION.split(text)]
    if not rels or any(not t for t in terms):
        return None
    return terms, rels


def _bounds(text: str):
    """``(name, lo, lo_open, hi, hi_open)`` of a chain of one name and numbers, else None."""
    chain = _chain(text.strip().rstrip(".,;").strip())
    if chain is None:
        return None
    terms, rels = chain
    names = [n for n, t in enumerate(terms) if not _NUMBER.match(t)]
    if len(names) != 1 or not all(r in _LESS for r in rels) and not all(r in _GREATER for r in rels):
        return None
    k = names[0]
    name = _name(terms[k])
    if name is None:
        return None
    less = rels[0] in _LESS
    below = (float(terms[k - 1].replace(" ", "")), rels[k - 1]) if k > 0 else None     # left of the name
    above = (float(terms[k + 1].replace(" ", "")), rels[k]) if k + 1 < len(terms) else None
    lo, hi = (below, above) if less else (above, below)
    strict = _LESS if less else _GREATER
    return (name, lo[0] if lo else None, bool(lo and strict[lo[1]]),
            hi[0] if hi else None, bool(hi and strict[hi[1]]))


def read_domain(inline_formulas) -> tuple:
    """The bounds stated by the inline formulas (texts without their ``$``) in the prose of one definition."""
    out = []
    for text in inline_formulas:
        b = _bounds(text)
        if b is not None and all(o[0] != b[0] for o in out):
            out.append(b)
    return tuple(out)
