r"""Bold applied to an expression, as notes write it with a one-argument macro: ``\boldsymbol{x^\text{T}y}`` (from
``\bs{x^\text{T}y}``) renders as ``\boldsymbol{x}^\text{T}\boldsymbol{y}``, since bold is a font and applies to
each letter.  :func:`spread_bold` rewrites such a group letter run by letter run (a run of letters stays one group,
so ``\boldsymbol{Xd}`` is read as the reader reads a bold name); text (``\text{T}``), commands and their
arguments are kept as written.  A group that is a name already (``\boldsymbol{x}``, ``\mathbf{W}_1``,
``\boldsymbol{\Sigma}``) is not touched.
"""
from __future__ import annotations

import dataclasses
import re

from readers.notes.macros import group_end

_BOLD = re.compile(r"\\(boldsymbol|mathbf|bm)\s*\{")
_EXPRESSION = re.compile(r"[\^_]|[A-Za-z}]\s*[+\-=]")
"""Content that is an expression, not a name: a sub- or superscript, or an operator after a letter."""


def _spread(font: str, content: str) -> str:
    out, k = [], 0
    while k < len(content):
        command = re.match(r"\\([A-Za-z]+)\s*", content[k:])
        if command:
            out.append(command.group(0))
            k += command.end()
            if command.group(1) in ("text", "mathrm", "operatorname") and content[k:k + 1] == "{":
                end = group_end(content, k)
                if end is None:
                    return "\\" + font + "{" + content + "}"
                out.append(content[k:end])
                k = end
            continue
        if content[k] in "^_":  # a script is kept as written: x^{(i)}, x^\text{T}
            out.append(content[k])
            k += 1
            script = re.match(r"\s*(\{|\\[A-Za-z]+\s*(\{)?|.)", content[k:])
            if script is None:
                continue
            end = k + script.end()
            if script.group(1) == "{" or script.group(2):
                end = group_end(content, end - 1)
                if end is None:
                    return "\\" + font + "{" + content + "}"
            out.append(content[k:end])
            k = end
            continue
        letters = re.match(r"[A-Za-z]+", content[k:])
        if letters:
            out.append("\\" + font + "{" + letters.group(0) + "}")
            k += letters.end()
            continue
        out.append(content[k])
        k += 1
    return "".join(out)


def spread_bold(latex: str) -> str:
    r"""``latex`` with every bold group whose content is an expression spread over its letter runs."""
    out, k = [], 0
    for m in _BOLD.finditer(latex):
        if m.start() < k:
            continue
        end = group_end(latex, m.end() - 1)
        if end is None:
            break
        content = latex[m.end():end - 1]
        if _EXPRESSION.search(content) and not _BOLD.search(content):
            out.append(latex[k:m.start()])
            out.append(_spread(m.group(1), content))
            k = end
    out.append(latex[k:])
    return "".join(out)


def with_bold_spread(fragments):
    """The fragments with bold expressions spread in their content (the source stays as written)."""
    return [dataclasses.replace(f, content=spread_bold(f.content)) if _BOLD.search(f.content) else f
            for f in fragments]
