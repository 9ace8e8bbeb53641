r"""A ``cases`` environment that lists relations, one per row and no ``&`` condition, is a list of claims, read as the
rows of ``aligned``:

.. code-block:: latex

    \begin{cases} \dfrac{d f}{du_1} = 2u_1 \\ \dfrac{d f}{du_2} = 2u_2 \end{cases}

A case of a piecewise definition is a value and its condition (``x & x > 0``): such a block is left alone.
"""
from __future__ import annotations

import re

_CASES = re.compile(r"^\s*\\begin\{cases\}(.*)\\end\{cases\}\s*[.,;]?\s*$", re.DOTALL)
_RELATION = re.compile(r"(?<![<>!\\])=|\\(?:leq?|geq?|neq|approx)\b|(?<![\\{])[<>]")


def as_aligned(content: str) -> str | None:
    """``content`` with its ``cases`` written as ``aligned`` when every row is a relation without a condition;
    None when it is no such list."""
    m = _CASES.match(content)
    if not m or "&" in m.group(1) or "\\begin{cases}" in m.group(1):
        return None
    rows = [r for r in re.split(r"\\\\", m.group(1)) if r.strip()]
    if not rows or not any(_RELATION.search(r) for r in rows):
        return None
    return content[:m.start(1)].replace("\\begin{cases}", "\\begin{aligned}") + m.group(1) + \
        content[m.end(1):].replace("\\end{cases}", "\\end{aligned}")
