r"""Macros the notes define for themselves, expanded in every formula block as MathJax and LaTeX expand them.

Notes written in Jupyter or with MathJax often open with a block of definitions that hold for the whole page::

    $$
    \newcommand\bs[1]{\boldsymbol{#1}}
    \newcommand{\norm}[1]{\left\lVert#1\right\rVert}
    \DeclareMathOperator{\Tr}{Tr}
    $$

and then write ``\norm{\bs{x}}_2``.  The definitions read here are ``\newcommand``, ``\renewcommand`` (with or
without braces around the name and an argument count ``[n]``), ``\def\name{...}`` without parameters, and
``\DeclareMathOperator{\Tr}{Tr}`` (``\operatorname{Tr}``; the starred form ``\operatorname*``).  A macro with an
optional first argument (``\newcommand\f[2][x]{...}``) is not read: its uses are left as written.  Expansion
substitutes the arguments (a brace group, a control sequence or one character) for ``#1``..``#9`` and repeats
on the result, a bounded number of times (a recursive definition is left unexpanded past that bound).
A block that only defines macros states nothing: its content becomes empty.
"""
from __future__ import annotations

import dataclasses
import re

_NEWCOMMAND = re.compile(r"\\(?:re|provide)?newcommand\*?\s*(?:\{\s*\\([A-Za-z]+|[^A-Za-z\s{}\\])\s*\}"
                         r"|\\([A-Za-z]+|[^A-Za-z\s{}\\]))\s*(?:\[\s*(\d)\s*\])?\s*(\[)?")
r"""A definition's name is a control word (``\bx``) or, as TeX allows, a control symbol: one character that is not a
letter (``\newcommand{\0}{\mathbf{0}}``)."""
_DEF = re.compile(r"\\def\s*\\([A-Za-z]+)\s*\{")
_OPERATOR = re.compile(r"\\DeclareMathOperator(\*?)\s*(?:\{\s*\\([A-Za-z]+)\s*\}|\\([A-Za-z]+))\s*\{")
_PASSES = 20
"""Expansion rounds at most: enough for macros built on macros, a bound for recursive ones."""


@dataclasses.dataclass(frozen=True)
class Macro:
    arguments: int
    body: str
    operator: bool = False  # \DeclareMathOperator: a brace group after it is its argument, \Tr{(AB)} = \Tr(AB)


def group_end(text: str, start: int) -> int | None:
    """The index just after the brace group opening at ``text[start] == '{'``; None when it never closes."""
    depth, k = 0, start
    while k < len(text):
        if text[k] == "\\":
            k += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[k], 0)
        k += 1
        if depth == 0:
            return k
    return None


def _definitions(text: str):
    """``(start, end, name, Macro or None)`` of every macro definition in ``text`` (None: a definition read but
    not used, such as one with an optional argument)."""
    for m in _NEWCOMMAND.finditer(text):
        rest = m.end()
        if m.group(4):  # an optional first argument [default]: its uses are not expanded
            close = text.find("]", rest)
            if close < 0 or close + 1 >= len(text) or text[close + 1:].lstrip()[:1] != "{":
                continue
            body_at = text.index("{", close)
            end = group_end(text, body_at)
            if end is not None:
                yield m.start(), end, m.group(1) or m.group(2), None
            continue
        if rest >= len(text) or text[rest] != "{":
            continue
        end = group_end(text, rest)
        if end is not None:
            yield m.start(), end, m.group(1) or m.group(2), Macro(int(m.group(3) or 0), text[rest + 1:end - 1])
    for m in _DEF.finditer(text):
        end = group_end(text, m.end() - 1)
        if end is not None:
            yield m.start(), end, m.group(1), Macro(0, text[m.end():end - 1])
    for m in _OPERATOR.finditer(text):
        end = group_end(text, m.end() - 1)
        if end is not None:
            star = "*" if m.group(1) else ""
            yield m.start(), end, m.group(2) or m.group(3), Macro(0, rf"\operatorname{star}{{{text[m.end():end - 1]}}}",
                                                                  operator=True)


def document_macros(text: str) -> dict[str, Macro]:
    """The macros ``text`` defines, by name without the backslash (a later definition replaces an earlier one)."""
    out: dict[str, Macro] = {}
    for start, _, name, macro in sorted(_definitions(text), key=lambda d: d[0]):
        if macro is None:
            out.pop(name, None)
        else:
            out[name] = macro
    return out


def _argument(text: str, k: int) -> tuple[str, int] | None:
    """The argument starting at ``text[k]`` (spaces skipped): a brace group's inside, a control sequence or a
    character, and the index after it."""
    while k < len(text) and text[k] == " ":
        k += 1
    if k >= len(text) or text[k] == "}":
        return None
    if text[k] == "{":
        end = group_end(text, k)
        return (text[k + 1:end - 1], end) if end is not None else None
    if text[k] == "\\":
        m = re.match(r"\\(?:[A-Za-z]+|.)", text[k:])
        return m.group(0), k + m.end()
    return text[k], k + 1


def _substitute(body: str, args: list[str]) -> str:
    r"""``body`` with ``#k`` replaced by the k-th argument; a space keeps a control word from running into an
    argument that starts with a letter (``\lVert#1`` with ``u`` is ``\lVert u``, as TeX reads tokens)."""
    def one(g):
        k = int(g.group(1))
        if k > len(args):
            return g.group(0)
        arg = args[k - 1]
        return (" " + arg) if re.search(r"\\[A-Za-z]+$", body[:g.start()]) and re.match(r"[A-Za-z]", arg) else arg

    return re.sub(r"#([1-9])", one, body)


def _expand_once(latex: str, macros: dict[str, Macro]) -> tuple[str, bool]:
    pattern = re.compile(r"\\(" + "|".join(re.escape(name) + (r"(?![A-Za-z])" if name.isalpha() else "")
                                           for name in sorted(macros, key=len, reverse=True)) + ")")
    out, k, changed = [], 0, False
    for m in pattern.finditer(latex):
        if m.start() < k:
            continue
        macro, at, args = macros[m.group(1)], m.end(), []
        for _ in range(macro.arguments):
            found = _argument(latex, at)
            if found is None:
                break
            args.append(found[0])
            at = found[1]
        if len(args) != macro.arguments:
            continue
        body = _substitute(macro.body, args)
        out.append(latex[k:m.start()])
        if body.startswith("{") and re.search(r"[A-Za-z0-9}]$", latex[:m.start()]):
            out.append(" ")  # A\xvec -> A {\mathbf x}: a group set apart (TeX's product), no subscript A{...}
        out.append(body + (" " if re.match(r"[A-Za-z]", latex[at:at + 1]) and re.search(r"\\[A-Za-z]+$", body)
                           else ""))
        group = re.match(r"\s*\{", latex[at:]) if macro.operator else None
        end = group_end(latex, at + group.end() - 1) if group else None
        if end is not None:  # \Tr{(X - Y)}: the group is the operator's argument
            inner = latex[at + group.end():end - 1].strip()
            out.append(inner if inner.startswith("(") and inner.endswith(")") else "(" + inner + ")")
            at = end
        k, changed = at, True
    out.append(latex[k:])
    return "".join(out), changed


def expand(latex: str, macros: dict[str, Macro]) -> str:
    r"""``latex`` with its macro definitions removed and the uses of ``macros`` expanded
    (``\norm{\bs{x}}`` -> ``\left\lVert\boldsymbol{x}\right\rVert``)."""
    spans = sorted((s, e) for s, e, _, _ in _definitions(latex))
    for s, e in reversed(spans):
        latex = latex[:s] + latex[e:]
    if not macros:
        return latex
    for _ in range(_PASSES):
        latex, changed = _expand_once(latex, macros)
        if not changed:
            break
    return latex


def with_macros(fragments, text: str):
    """The fragments of ``text`` with the document's macros expanded in their content (the source, the text the
    report shows, stays as written)."""
    macros = document_macros(text)
    if not macros:
        return fragments
    return [dataclasses.replace(f, content=expand(f.content, macros)) for f in fragments]
