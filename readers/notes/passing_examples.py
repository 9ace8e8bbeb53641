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
every value: no example of the paragraphs above reads it at a point.
"""
from __future__ import annotations

import re

_AT = re.compile(r"\b(?:at|when)\s*$", re.IGNORECASE)
_GOES_ON = re.compile(r"^\s*(?:[A-Za-z]|[.;,](?:\s|$))")
_IDENTITY = re.compile(r"\b(?:identit(?:y|ies)|in\s+general|always)\b", re.IGNORECASE)


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
