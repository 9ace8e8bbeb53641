r"""A slash before a product: ``1/6(1+2+3)`` and ``a/2b`` read two ways.

Inline, ``a/b\,c`` is :math:`\frac{a}{b}\,c` to one author (the slash binds like a product, left to right: the
mean of a die roll written ``1/6(1+2+3+4+5+6) = 3.5``) and :math:`\frac{a}{b c}` to another (``1/2x`` for
:math:`\frac{1}{2x}`).  The reader takes the second; a block that writes a slash whose divisor is followed at
once by a factor (a parenthesis, a letter, a command) is read the first way as well, and a refutation stands only
where both readings fail, and a confirmation only where neither does.
"""
from __future__ import annotations

import re

_OPERAND = r"(?:\d+(?:\.\d+)?|[A-Za-z])"
SLASH_PRODUCT = re.compile(rf"(?<![\w}}\\])({_OPERAND})\s*/\s*({_OPERAND})(?=\s*(?:\(|\\left\(|[A-Za-z]|\\[A-Za-z]))")
r"""An operand, a slash and a one-token divisor followed by a factor: ``1/6(``, ``a/2b``, ``1/2\sigma``."""

REASON = ("ambiguous: read as a/(b c) it fails ({failing}); read as (a/b) c, the slash binding like a product, "
          "it is {other}")
HOLDS_ONE_WAY = ("ambiguous: read as a/(b c) it holds; read as (a/b) c, the slash binding like a product, it fails "
                 "({failing})")


def writes_slash_product(latex: str) -> bool:
    """Whether ``latex`` writes ``a/b`` followed at once by a factor."""
    return SLASH_PRODUCT.search(latex) is not None


def left_fractions(latex: str) -> str:
    r"""``latex`` with each such ``a/b`` written ``\frac{a}{b}``: the reading in which the slash binds first."""
    return SLASH_PRODUCT.sub(lambda m: rf"\frac{{{m.group(1)}}}{{{m.group(2)}}}", latex)
