r"""Macros a document's folder defines for it: the definitions its build configuration or its LaTeX inputs give.

A page of Sphinx documentation is rendered with the macros of the project's ``conf.py`` (in the page's folder or
the nearest folder above it, the Sphinx source root), and a Jupyter Book's with those of its ``_config.yml``
(:func:`book_macros`), as LaTeX preamble text::

    imgmath_latex_preamble = r'''
    \newcommand{\E}{{\mathrm E}}
    \newcommand{\underE}[2]{\underset{\begin{subarray}{c}#1 \end{subarray}}{\E}\left[ #2 \right]}
    '''

or as MathJax's table (``mathjax3_config = {'tex': {'macros': {'RR': r'\mathbb{R}', 'bold': [r'\mathbf{#1}', 1]}}}``;
MathJax 2 spells it ``'TeX': {'Macros': ...}``).  The file is read with :mod:`ast`, never run: the definitions are
the ``\newcommand``/``\def``/``\DeclareMathOperator`` in its string constants and the entries of every ``macros``
table.  A LaTeX file's ``\input{defs}``, ``\include{defs}`` and ``\usepackage{mydefs}`` name files beside it
(``defs.tex``, ``mydefs.sty``) whose definitions hold in it too.  Nothing is guessed: a macro defined nowhere stays
unknown, and the reader says so (``unsupported command \underE``).

:func:`folder_definitions` returns the definitions as LaTeX text to put before the document's own (which come later
and so replace any of the same name: readers.notes.macros).
"""
from __future__ import annotations

import ast
import json
import re
from pathlib import Path

_LEVELS = 6
"""Folders searched for a ``conf.py``: the document's and its parents, up to a repository root (``.git``)."""
_DEFINITION = re.compile(r"\\(?:(?:re|provide)?newcommand|def|DeclareMathOperator)(?![A-Za-z])")
_INPUT = re.compile(r"\\(input|include|usepackage)\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}")
_LIMIT = 200_000
"""Characters read of one configuration file at most."""


def folder_definitions(path: str) -> str:
    r"""The macro definitions, as LaTeX text, that the folder of the document at ``path`` gives it: the nearest
    Sphinx ``conf.py``'s, and for a ``.tex`` file those of the local files it inputs."""
    document = Path(path)
    out = []
    config = _sphinx_config(document.parent)
    if config is not None:
        out.append(_config_definitions(_read(config)))
    book = _sphinx_config(document.parent, "_config.yml")
    if book is not None:
        out += book_macros(_read(book))
    if document.suffix.lower() == ".tex":
        out += _input_definitions(document)
    return "\n".join(t for t in out if t)


def _read(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            return f.read(_LIMIT)
    except OSError:
        return ""


def _sphinx_config(folder: Path, name: str = "conf.py") -> Path | None:
    """The nearest ``conf.py`` (or file ``name``) in ``folder`` or above it, not above a repository root."""
    for level, here in enumerate((folder, *folder.parents)):
        if level >= _LEVELS:
            return None
        candidate = here / name
        if candidate.is_file():
            return candidate
        if (here / ".git").exists():
            return None
    return None


def _config_definitions(source: str) -> str:
    r"""The definitions in a Python configuration's string constants and ``macros`` tables, as LaTeX."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return ""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _DEFINITION.search(node.value):
            out.append(node.value)
        elif isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if _constant(key) in ("macros", "Macros") and isinstance(value, ast.Dict):
                    out += _macro_table(value)
    return "\n".join(out)


def _constant(node):
    return node.value if isinstance(node, ast.Constant) else None


def _macro_table(table: ast.Dict) -> list[str]:
    r"""MathJax's ``{'name': 'body'}`` or ``{'name': ['body', n]}`` entries as ``\newcommand`` text."""
    out = []
    for key, value in zip(table.keys, table.values):
        name = _constant(key)
        if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z]+", name):
            continue
        body, count = _constant(value), 0
        if isinstance(value, (ast.List, ast.Tuple)) and len(value.elts) == 2:
            body, count = _constant(value.elts[0]), _constant(value.elts[1])
        if isinstance(body, str) and isinstance(count, int) and 0 <= count <= 9:
            out.append(rf"\newcommand{{\{name}}}" + (f"[{count}]" if count else "") + "{" + body + "}")
    return out


def book_macros(text: str) -> list[str]:
    r"""The MathJax macros of a Jupyter Book ``_config.yml`` (``sphinx: config: mathjax3_config: tex: macros:``), as
    ``\newcommand`` text: the table the book's pages are rendered with on the web.  Entries are YAML flow values,
    ``"R": "\\mathbb{R}"`` or ``"norm": ["\\left\\Vert #1 \\right\\Vert", 1]`` (a list of one is a body without
    arguments); read line by line (no YAML library), a value that is not a quoted string or such a list is left
    out.  The file's LaTeX preamble (``latex_elements``) is for the PDF, whose macros may differ, and is not read."""
    out, indent = [], None
    for line in text.splitlines():
        if indent is None:
            key = _MACROS_KEY.match(line)
            indent = len(key.group(1)) if key else None
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= indent:
            indent = None
            key = _MACROS_KEY.match(line)
            indent = len(key.group(1)) if key else None
            continue
        entry = _YAML_ENTRY.match(line)
        value = _yaml_value(entry.group(2)) if entry else None
        if isinstance(value, str):
            value = [value, 0]
        if isinstance(value, list) and len(value) == 1:
            value = [value[0], 0]
        if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], int) \
                and 0 <= value[1] <= 9:
            out.append(rf"\newcommand{{\{entry.group(1)}}}" + (f"[{value[1]}]" if value[1] else "") + "{" + value[0] + "}")
    return out


_MACROS_KEY = re.compile(r"^(\s*)macros\s*:\s*$")
_YAML_ENTRY = re.compile(r"""^\s*["']?([A-Za-z]+)["']?\s*:\s*(.+?)\s*$""")


def _yaml_value(text: str):
    """A YAML flow value that JSON reads (a double-quoted string, a list), or a single-quoted string; else None."""
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        return text[1:-1].replace("''", "'")
    try:
        return json.loads(text)
    except ValueError:
        return None


def _input_definitions(document: Path) -> list[str]:
    r"""The definitions of the files beside a ``.tex`` document that it inputs (``\input{defs}``: ``defs.tex``;
    ``\usepackage{mydefs}``: ``mydefs.sty`` when the folder has it; a package installed elsewhere is not read)."""
    out = []
    for m in _INPUT.finditer(_read(document)):
        for name in (n.strip() for n in m.group(2).split(",")):
            suffix = ".sty" if m.group(1) == "usepackage" else ".tex"
            candidate = document.parent / (name if name.endswith(suffix) else name + suffix)
            if name and candidate.is_file() and candidate.resolve() != document.resolve():
                out.append(_read(candidate))
    return out
