r"""A conditional law stated with a bar at the top level: ``x_i \mid \mu \sim \mathcal{N}(\mu, \sigma^2)``.

The grammar reads ``\mid`` only inside brackets (``p(x \mid \mu)``), so the statement was a parse error.  Its left
side is the law of ``x_i`` *given* ``\mu``; it is read as ``law(x_i, Given(\mu)) \sim \mathcal{N}(\mu, \sigma^2)``
(the text ``\operatorname{law}(x_i \mid \mu) \sim ...``), a left side that is no name, so no reader takes it for the
unconditional law of ``x_i`` (under which a claim about the mean of ``x_i`` would be checked against ``\mu``).
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r"\\left\s*[(\[{.|]|\\right\s*[)\]}.|]|\\[{}]|\\(?:mid|sim)(?![A-Za-z])|\\\\|[{}()\[\]&]")
_OPEN, _CLOSE = frozenset("{(["), frozenset("})]")


def as_conditional_laws(text: str) -> str:
    r"""``text`` with every top-level ``A \mid B \sim C`` of a row written ``\operatorname{law}(A \mid B) \sim C``;
    unchanged when it has none."""
    if "\\mid" not in text or "\\sim" not in text:
        return text
    depth, start, bar, edits = 0, 0, None, []
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        if token.startswith("\\left") or token in _OPEN:
            depth += 1
        elif token.startswith("\\right") or token in _CLOSE:
            depth -= 1
        elif depth != 0:
            continue
        elif token in ("\\\\", "&"):
            start, bar = m.end(), None
        elif token == "\\mid":
            bar = bar if bar is not None else m.start()
        elif token == "\\sim" and bar is not None:
            left = text[start:m.start()]
            if left.strip() and text[start:bar].strip():
                edits.append((start, m.start()))
            start, bar = m.end(), None
    for a, b in reversed(edits):
        inner = text[a:b]
        lead = len(inner) - len(inner.lstrip())
        text = f"{text[:a]}{inner[:lead]}\\operatorname{{law}}({inner.strip()}) {text[b:]}"
    return text
