r"""A value named in passing, inside a sentence that goes on, holds in that sentence only.

"... and at $z = 0$ both labels give $\log 2 \approx 0.693$. One more identity I used: $$\frac{d}{dz}\log\sigma(z) =
\sigma(z)$$" read the display at the example ``z = 0`` (where the slip happens to hold: ``1 - \sigma(0) = \sigma(0)``)
and proved it.  An inline ``name = value`` right after *at* or *when* ("at $z = 0$", "when $x = 1$"), with the
sentence going on after it in words, evaluates that sentence at a point: it is an example for the sentence's own
formulas (and for the display its sentence introduces with a colon: "At $\eta = 2/a$ the iterates just flip sign:"),
not a setting for the blocks after it (unlike "Let $x = 2$.", "With $p = 0.3$:", which set one up).  So is one that
ends its sentence ("The hard sigmoid equals $0.5$ at $x = 0$."): an example for that paragraph only, not for the
identity three paragraphs on, where the slip :math:`\tanh x = 2\sigma(x) - 1` holds at x = 0 and was proved there.

A block the prose calls an identity ("one more identity", "the identity", "holds in general", "always") is claimed for
every value: no example of the paragraphs above reads it at a point.  So are the names its own sentence quantifies
("$w - h \le 3$ for every $w$ and $h$", "For all $a$, $a^2 \ge 4$"): an example that set them above ("fails at
$w = h = 1$") does not read the claim there (it was proved at that point).
"""
from __future__ import annotations

import re

_AT = re.compile(r"\b(?:at|when)\s*$", re.IGNORECASE)
_GOES_ON = re.compile(r"^\s*(?:[A-Za-z]|[.;,](?:\s|$))")
_IDENTITY = re.compile(r"\b(?:identit(?:y|ies)|in\s+general|always)\b", re.IGNORECASE)


_QUANTIFIED = re.compile(r"\b(?:for|holds\s+for|over)\s+(?:all|every|any|each|arbitrary)\s+"
                         r"(?:(?:real|integer|natural|positive|non-?negative|complex|nonzero|non-zero)\s+)*"
                         r"(?:(?:numbers?|values?|integers?|reals?|choices\s+of)\s+)?"
                         r"((?:\$[^$]+\$\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)?)+)", re.IGNORECASE)


def quantified_names(before: str, after: str) -> set[str]:
    r"""The names the claim's own sentence quantifies ("for every $w$ and $h$", "For all $a, b$"): in the words after
    it up to the sentence's end, and before it from the sentence's start (``before``: the text before the block).
    Only a quantifier that ends its clause: "for every $x$ in $[0, \pi]$" restricts x, it does not free it."""
    start = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    sentence = before[start + 1:] + " $\\claim$ " + re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    names = set()
    for m in _QUANTIFIED.finditer(sentence):
        if not re.match(r"\s*(?:[.,;:!?)]|$)", sentence[m.end():]):
            continue  # "for every $x$ in $[0, \pi]$", "for all $x$ with ...": a restricted domain, not every value
        for group in re.findall(r"\$([^$]+)\$", m.group(1)):
            for part in group.split(","):
                name = part.strip().lstrip("\\")
                if re.fullmatch(r"[A-Za-z]+", name) and name != "claim":
                    names.add(name)
    return names


def in_passing(line: str, column: int, source: str) -> bool:
    """Whether the inline example ``source`` at ``column`` (1-based) of ``line`` follows *at*/*when* and its sentence
    goes on in words after it, or ends there ("... equals $0.5$ at $x = 0$."): the sentence evaluated at a point."""
    before, after = line[:max(column - 1, 0)], line[column - 1 + len(source):]
    return _AT.search(before) is not None and _GOES_ON.match(after) is not None


def introduces_display(line: str, column: int, source: str) -> bool:
    """Whether the sentence of the example ends its line with a colon: "At $\\eta = 2/a$ the iterates just flip sign:"
    introduces the display after it, which is read at the example too."""
    return line[column - 1 + len(source):].rstrip().endswith(":")


def called_identity(introduction: str) -> bool:
    """Whether the prose introducing a block calls it an identity (claimed for every value)."""
    return _IDENTITY.search(introduction) is not None
