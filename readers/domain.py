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


def _bounds(text: str, name_of=None):
    """``(name, lo, lo_open, hi, hi_open)`` of a chain of one name and numbers, else None."""
    chain = _chain(text.strip().rstrip(".,;").strip())
    if chain is None:
        return None
    terms, rels = chain
    names = [n for n, t in enumerate(terms) if not _NUMBER.match(t)]
    if len(names) != 1 or not all(r in _LESS for r in rels) and not all(r in _GREATER for r in rels):
        return None
    k = names[0]
    name = (name_of or _name)(terms[k])
    if name is None:
        return None
    less = rels[0] in _LESS
    below = (float(terms[k - 1].replace(" ", "")), rels[k - 1]) if k > 0 else None     # left of the name
    above = (float(terms[k + 1].replace(" ", "")), rels[k]) if k + 1 < len(terms) else None
    lo, hi = (below, above) if less else (above, below)
    strict = _LESS if less else _GREATER
    return (name, lo[0] if lo else None, bool(lo and strict[lo[1]]),
            hi[0] if hi else None, bool(hi and strict[hi[1]]))


_INTERVAL = re.compile(r"^(?P<name>.+?)\s*(?:\\in\b|\u2208|\bin\b)\s*(?P<open>[(\[])\s*(?P<lo>[^,]+?)\s*,\s*(?P<hi>[^,]+?)\s*"
                       r"(?P<close>[)\]])$")
_INFINITY = re.compile(r"^(?P<sign>[+-]?)\s*(?:\\infty|inf|oo|\u221e)$")


def _end(text: str):
    """``(value, open)`` of one end of an interval: None for an infinite end, else a number; None where neither."""
    t = text.replace(" ", "")
    if _INFINITY.match(t):
        return None, True
    if _NUMBER.match(t):
        return float(t), False
    return False


def _interval(text: str, name_of):
    r"""``(name, lo, lo_open, hi, hi_open)`` of ``x \in (0, 1)``, ``p \in [0, 1)``, ``t \in (0, \infty)``
    (``x in (0, 1)`` in ASCII), else None."""
    t = re.sub(r"\\(?:left|right)\b\s*", "", text.strip().rstrip(".;").strip())
    m = _INTERVAL.match(t)
    if m is None:
        return None
    name, lo, hi = name_of(m.group("name").strip()), _end(m.group("lo")), _end(m.group("hi"))
    if name is None or lo is False or hi is False or (lo[0] is not None and hi[0] is not None and lo[0] >= hi[0]):
        return None
    return (name, lo[0], lo[0] is not None and m.group("open") == "(", hi[0], hi[0] is not None and m.group("close") == ")")


def _ascii_name(text: str) -> str | None:
    return text if text.isidentifier() else None


def _clauses(text: str) -> list[str]:
    """``text`` split at its commas outside brackets and at ``and`` (``\text{and}``)."""
    out, depth, part = [], 0, ""
    spaced = re.sub(r"\\[;,:! ]|~", " ", text)
    for ch in re.sub(r"\\text\s*\{\s*and\s*\}|\band\b|\\q?quad\b", ",", spaced):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            out.append(part)
            part = ""
        else:
            part += ch
    return [c.strip() for c in out + [part] if c.strip()]


def read_condition(text: str, *, ascii: bool = False) -> tuple | None:
    r"""The bounds of a stated domain: chains (``x > 0``, ``0 < p < 1``) and intervals (``x \in (0, 1)``), separated by
    commas or "and"; None unless every clause is one (then the text is no domain, and is left as it is).  With
    ``ascii``, names are written as identifiers (``beta_1``) and intervals with ``in``."""
    name_of = _ascii_name if ascii else _name
    out = []
    for clause in _clauses(text):
        b = _interval(clause, name_of) or _bounds(clause, name_of)
        if b is None or any(o[0] == b[0] for o in out):
            return None
        out.append(b)
    return tuple(out) or None


def read_domain(inline_formulas) -> tuple:
    """The bounds stated by the inline formulas (texts without their ``$``) in the prose of one definition."""
    out = []
    for text in inline_formulas:
        b = _bounds(text) or _interval(text, _name)
        if b is not None and all(o[0] != b[0] for o in out):
            out.append(b)
    return tuple(out)
