r"""Jekyll's Liquid math tags read as display math, line for line and column for column.

Jekyll sites (Kramdown with a math plugin, e.g. the Stanford course notes) write a display as a Liquid block tag::

    {% math %}
    p_\theta(\bx, \bz) = p(\bx \giv \bz)p(\bz).
    {% endmath %}

Each ``{% math %} ... {% endmath %}`` (also ``{% katex %}``/``{% katex display %}`` ... ``{% endkatex %}``, and
Liquid's whitespace-trimming ``{%- ... -%}`` forms) becomes ``$$ ... $$``: the opening tag's line is the display's
line, as an opening ``$$`` is, and each tag is padded with spaces to its own length, so every other character keeps
its line and column.  A tag pair inside a code fence is text, and is left alone.
"""
from __future__ import annotations

import re

_TAGS = re.compile(r"\{%-?\s*(math|katex)(?:\s+display)?\s*-?%\}(.*?)\{%-?\s*end\1\s*-?%\}", re.DOTALL)
_FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1", re.DOTALL | re.MULTILINE)


def liquid_math(text: str) -> str:
    """``text`` with its Liquid math tags replaced by ``$$`` delimiters of the same length (see the module)."""
    if "{%" not in text:
        return text
    fenced = [(m.start(), m.end()) for m in _FENCE.finditer(text)]

    def one(m):
        if any(s <= m.start() < e for s, e in fenced):
            return m.group(0)
        opener, closer = m.group(0)[:m.start(2) - m.start()], m.group(0)[m.end(2) - m.start():]
        return "$$" + " " * (len(opener) - 2) + m.group(2) + " " * (len(closer) - 2) + "$$"
    return _TAGS.sub(one, text)
