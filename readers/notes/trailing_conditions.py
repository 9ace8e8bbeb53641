r"""A condition that ends a display's sentence after it: "$$x^{1/3} \le x$$ whenever $x \ge 1$."

A display may be followed, in the same sentence, by the condition it is claimed under: "for all $x \ge 0$",
"whenever $x \ge 1$", "if $t > 0$", "provided $z \ne 1$".  Read only as a condition of the section from its own
block on, it came after the check: $x^{1/3} \le x$ was refuted at $x = 1/2$, a point the sentence excludes.  The
condition is the display's own, as ``\text{whenever } x \ge 1`` inside it would be (and it stays a condition of the
section after it, as before).  "where $x \ge 1$" states one too when its math is an inequality (``\ge``, ``<``,
``\neq``, ``\in``): "$$x^3 \ge x$$ where $x \ge 1$." was refuted at x = 1/2.  After *where* an equation defines a
name ("where $\bar{x} = \frac{1}{n} \sum_i x_i$"), and is not read here.
"""
from __future__ import annotations

import re

CUE = re.compile(r"^\s*[,;]?\s*(?:for\s+(?:all|every|any|each)\s+|for\s+|whenever\s+|when\s+|if\s+|provided\s+(?:that\s+)?"
                 r"|as\s+long\s+as\s+|(?P<where>where\s+))\$(?P<math>[^$]+)\$")
"""The words after a display that state its condition, and the inline math they name: in lower case, the display's
sentence going on ("If $a < 0$ ..." after it starts a sentence of its own)."""


MORE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)\$(?P<math>[^$]+)\$")
r"""A further formula of a "where" clause: "where $A = \tau$ and $B = \tau\mu$", "where $a = 1$, $b = 2$"."""


def trailing_conditions(after: str) -> tuple[str, ...]:
    r"""The LaTeX of the conditions ``after`` (the prose right after a display, its sentence going on) states: the
    formula after the cue word and, after "where", each further one the clause lists with "and" or a comma ("where
    $A = \tau$ and $B = \tau\mu$": the display's names are those); () when a full stop or another display comes
    first, or no cue word."""
    match = CUE.match(after)
    if match is None:
        return ()
    found, end = [match.group("math")], match.end()
    while match.group("where") and (more := MORE.match(after, end)):
        found.append(more.group("math"))
        end = more.end()
    return tuple(found)


def defines(after: str) -> bool:
    r"""Whether the clause after a display is a "where" clause: its equations name the display's letters
    ("where $A = \tau$"), values given, not conditions tested."""
    match = CUE.match(after)
    return bool(match and match.group("where"))


def words_after(lines: list[str], line: int, column: int, source: str) -> str:
    """The prose right after a display that opens at ``line``, ``column`` (1-based) with text ``source``: the rest of
    the line it closes on, or else the next non-blank line (one blank line between, as Markdown writes a display);
    nothing when the display ends with a full stop."""
    last = line - 1 + source.count("\n")
    if not 0 <= last < len(lines) or re.search(r"\.\s*(?:\$\$|\\\]|\\end\{[a-z*]+\})?\s*\Z", source):
        return ""  # the display ends its sentence with a full stop
    start = column - 1 + len(source) if "\n" not in source else len(source) - source.rfind("\n") - 1
    rest = lines[last][start:]
    for k in (last + 1, last + 2):
        if rest.strip() or k >= len(lines):
            break
        rest = lines[k]
    return "" if rest.lstrip().startswith(("#", "$$", "\\[")) else rest
