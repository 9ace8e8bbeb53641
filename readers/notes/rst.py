r"""reStructuredText notes (Sphinx documentation) as the notes reader sees them, line for line.

``:math:`x^2``` is the inline ``$x^2$``; each paragraph of a ``.. math::`` directive is a display ``$$ ... $$``
(Sphinx renders each as its own equation), opened on its first line and closed on its last.  A formula written on the
directive line is the directive's argument: docutils continues it on the indented lines up to the first blank line,
and Sphinx renders the whole argument as one equation (``.. math:: p(x) = \frac{1}{2}`` then ``e^{-|x|}`` on the
next line is one display, not two); a title with its
``====`` underline is a heading; directive lines (``.. _label:``, ``.. currentmodule::``, options such as
``:label:``) and doctest lines (``>>>``) are blanked.  Line numbers are unchanged.
"""
from __future__ import annotations

import re

_UNDERLINE = re.compile(r"^([=\-~^\"'`#*+])\1{2,}\s*$")
_MATH_ROLE = re.compile(r":math:`([^`]*)`")
_MATH_DIRECTIVE = re.compile(r"^(\s*)\.\.\s+math::\s*(.*)$")
_DIRECTIVE = re.compile(r"^\s*\.\.\s")
_OPTION = re.compile(r"^\s*:[A-Za-z_-]+:")
_LEVELS = "=-~^\"'`#*+"


def rst_as_notes(text: str) -> str:
    """The Markdown-like text of an ``.rst`` file (see the module docstring), with the same lines."""
    lines = text.split("\n")
    out = list(lines)
    k = 0
    while k < len(lines):
        line = lines[k]
        math = _MATH_DIRECTIVE.match(line)
        if math:
            k = _math_block(lines, out, k, len(math.group(1)), math.group(2))
            continue
        if _UNDERLINE.match(line) and k > 0 and lines[k - 1].strip() and not _UNDERLINE.match(lines[k - 1]):
            level = _LEVELS.index(line.strip()[0]) + 1
            out[k - 1] = "#" * min(6, level) + " " + lines[k - 1].strip()
            out[k] = ""
        elif _UNDERLINE.match(line) or _DIRECTIVE.match(line) or line.lstrip().startswith((">>>", "... ")):
            out[k] = ""
        else:
            out[k] = _MATH_ROLE.sub(lambda m: "$" + m.group(1) + "$", line)
        k += 1
    return "\n".join(out)


def _math_block(lines, out, k, indent, inline) -> int:
    """Rewrite the ``.. math::`` directive at line ``k``; the index of the line after it.  The formula on the
    directive line (its argument) opens the first paragraph, which its indented lines continue; an option line
    (``:label:``) ends the argument and is blanked."""
    text = {k: inline.strip()}
    out[k] = ""
    j, paragraph = k + 1, [k] if inline.strip() else []
    while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
        if _OPTION.match(lines[j]) and paragraph in ([], [k]):
            out[j] = ""
            if paragraph:
                _close(out, lines, paragraph, text)
                paragraph = []
        elif lines[j].strip():
            paragraph.append(j)
        elif paragraph:
            _close(out, lines, paragraph, text)
            paragraph = []
        j += 1
    if paragraph:
        _close(out, lines, paragraph, text)
    return j


def _close(out, lines, paragraph, text) -> None:
    """Open a display on the paragraph's first line and close it on its last (``text``: the directive line's
    formula, which stands in for that line)."""
    first, last = paragraph[0], paragraph[-1]
    head = text.get(first, lines[first].strip())
    out[first] = "$$" + head if first != last else "$$" + head + "$$"
    for j in paragraph[1:]:
        out[j] = lines[j].rstrip() + ("$$" if j == last else "")
