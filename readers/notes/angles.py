r"""An angle named in prose: "for nonzero $u, v$ with angle $\theta$ between them", "the angle $\theta$ between
$u$ and $v$", "$\theta$ is the angle between $a$ and $b$" define

.. math:: \theta = \arccos \frac{u \cdot v}{\|u\| \, \|v\|}

(the angle between two vectors, in $[0, \pi]$), in force to the next heading like any definition, so a later
``\cos\theta = ...`` is a claim about ``u`` and ``v``.  The definition is written in the notes' own LaTeX for
the two names and parsed by the same reader, so it reads them as the blocks do.  "Between them" takes the two
names of the last inline formula before "angle" in the same line that lists exactly two (``$u, v$``);
anything else is not read.
"""
from __future__ import annotations

import re

_NAME = r"\s*(\\?[A-Za-z]+(?:_\{?\w+\}?)?|\\mathbf\{\w+\}|\\boldsymbol\{\\?\w+\})\s*"
_PAIR = re.compile(r"\$" + _NAME + "," + _NAME + r"\$")
_BEFORE = re.compile(r"\b(?:the\s+|an\s+|with\s+|of\s+)?angle\s*$", re.IGNORECASE)
_AFTER_BETWEEN = re.compile(r"^\s*between\s+(?:\$" + _NAME + r"\$\s*and\s*\$" + _NAME + r"\$|(them|these|the two))",
                            re.IGNORECASE)
_AFTER_IS = re.compile(r"^\s*(?:is|denotes|be)\s+the\s+angle\s+between\s+\$" + _NAME + r"\$\s*and\s*\$" + _NAME
                       + r"\$", re.IGNORECASE)


def angle_definition(line_text: str, column: int, source: str) -> tuple[str, str, str] | None:
    r"""``(theta, u, v)`` in LaTeX when the inline block ``source`` (``$\theta$``, starting at 1-based ``column``
    of ``line_text``) is named in its line as the angle between two vectors; else None."""
    theta = source.strip("$").strip()
    if not re.fullmatch(_NAME, theta):
        return None
    before, after = line_text[:column - 1], line_text[column - 1 + len(source):]
    found = _AFTER_IS.match(after)
    if found:
        return theta, found.group(1), found.group(2)
    if not _BEFORE.search(before):
        return None
    found = _AFTER_BETWEEN.match(after)
    if found is None:
        return None
    if found.group(1):
        return theta, found.group(1), found.group(2)
    pairs = _PAIR.findall(before)
    return (theta, *pairs[-1]) if pairs else None


def arccos_latex(u: str, v: str) -> str:
    r"""The angle between ``u`` and ``v`` in LaTeX: $\arccos \frac{u \cdot v}{\|u\| \|v\|}$."""
    return rf"\arccos\left(\frac{{{u} \cdot {v}}}{{\|{u}\| \, \|{v}\|}}\right)"
