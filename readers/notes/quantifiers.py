r"""A block that opens with a universal quantifier: $\forall x \in \mathbb{R}: \cos x \le 1$.

The quantifier states the domain of its one variable, and the rest of the block is the claim: it is read as the
same claim with the quantifier written after it, ``\cos x \le 1 \quad \text{for all } x \in \mathbb{R}``, which the
checker reads as a claim whose variable the block itself quantifies (readers.notes.real_domains): checked on that
domain (``\in \mathbb{R}``, ``> 0``, ``\ge 1``), in place of any bound of the section on the name.  An existential
quantifier (``\exists``), a quantifier over several names and a body joined by logical connectives
(``\Leftrightarrow``) are left as they are.
"""
from __future__ import annotations

import re

LEADING_FORALL = re.compile(
    r"^\s*\\forall\s*(?P<var>[A-Za-z](?:_\{?[A-Za-z0-9]\}?)?|\\[A-Za-z]+)\s*"
    r"(?P<domain>(?:\\in|\\geq?|\\leq?|\\gt|\\lt|[<>]=?)\s*[^:,;]+?)?\s*"
    r"(?::|\\colon|,)\s*(?:\\[;,:!]|\\q?quad|~|\s)*(?P<body>\S.*?)\s*$", re.DOTALL)


_CONNECTIVE = re.compile(r"\\(?:forall|exists|[Ll]eftrightarrow|[Rr]ightarrow|[Ll]ongrightarrow|iff|implies|land|lor|"
                         r"wedge|vee|neg)(?![A-Za-z])")
"""Logical connectives and nested quantifiers: a body that is a statement of logic, not one claim."""


def trailing_quantifier(content: str) -> str | None:
    r"""``body \quad \text{for all } x \in S`` for a block ``\forall x \in S: body``; None for any other block."""
    m = LEADING_FORALL.match(content)
    if m is None or _CONNECTIVE.search(m["body"]):
        return None
    domain = f" {m['domain'].strip()}" if m["domain"] else ""
    return f"{m['body']} \\quad \\text{{for all }} {m['var']}{domain}"
