r"""Bold applied to an expression, as notes write it with a one-argument macro: ``\boldsymbol{x^\text{T}y}`` (from
``\bs{x^\text{T}y}``) renders as ``\boldsymbol{x}^\text{T}\boldsymbol{y}``, since bold is a font and applies to
each letter.  :func:`spread_bold` rewrites such a group letter run by letter run (a run of letters stays one group,
so ``\boldsymbol{Xd}`` is read as the reader reads a bold name); text (``\text{T}``), commands and their
arguments are kept as written.  A group that is a name already (``\boldsymbol{x}``, ``\mathbf{W}_1``,
``\boldsymbol{\Sigma}``) is not touched.

A bold run of two to four letters each of which the notes also write alone in bold is their product:
``\bs{Dc}`` beside ``\bs{D}`` and ``\bs{c}`` renders as the matrix $\boldsymbol{D}$ times the vector
$\boldsymbol{c}$, and ``\bs{dd}^\text{T}`` as $\boldsymbol{d}\boldsymbol{d}^\text{T}$ (a script meets the last
letter, as it does in TeX).  A run with a letter the notes never write alone in bold stays one name
(:func:`bold_letters`).
"""
from __future__ import annotations

import dataclasses
import re

from readers.notes.macros import group_end

_BOLD = re.compile(r"\\(boldsymbol|mathbf|bm)\s*\{")
_EXPRESSION = re.compile(r"[\^_]|[A-Za-z}]\s*[+\-=]|[A-Za-z]\s+[A-Za-z]")
r"""Content that is an expression, not a name: a sub- or superscript, an operator after a letter, or letters apart
(``\mathbf {L L}^\top``: a name has no space in it)."""


_SINGLE = re.compile(r"\\(?:boldsymbol|mathbf|bm)\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))")
_RUN = re.compile(r"[A-Za-z]{2,4}")


def bold_letters(fragments) -> frozenset:
    r"""The letters the fragments write alone in bold (``\boldsymbol{D}``, ``\mathbf{c}``)."""
    return frozenset(m.group(1) or m.group(2) for f in fragments for m in _SINGLE.finditer(f.content))


def _spread(font: str, content: str, alone: frozenset = frozenset()) -> str:
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
            run = letters.group(0)
            split = _RUN.fullmatch(run) and set(run) <= alone
            out.extend("\\" + font + "{" + part + "}" for part in (run if split else [run]))
            k += letters.end()
            continue
        out.append(content[k])
        k += 1
    return "".join(out)


def spread_bold(latex: str, alone: frozenset = frozenset()) -> str:
    r"""``latex`` with every bold group whose content is an expression spread over its letter runs, and every
    bold run of the letters ``alone`` split into them (see the module)."""
    out, k = [], 0
    for m in _BOLD.finditer(latex):
        if m.start() < k:
            continue
        end = group_end(latex, m.end() - 1)
        if end is None:
            break
        content = latex[m.end():end - 1]
        run = _RUN.fullmatch(content.strip()) and set(content.strip()) <= alone
        if (run or _EXPRESSION.search(content)) and not _BOLD.search(content):
            out.append(latex[k:m.start()])
            out.append(_spread(m.group(1), content, alone))
            k = end
    out.append(latex[k:])
    return "".join(out)


def with_bold_spread(fragments):
    """The fragments with bold expressions and runs spread in their content (the source stays as written)."""
    alone = bold_letters(fragments)
    return [dataclasses.replace(f, content=spread_bold(f.content, alone)) if _BOLD.search(f.content) else f
            for f in fragments]
