r"""Checking many notes: files and folders in, one report per file and a total out.

``.md``/``.markdown``/``.txt`` files are read as Markdown; ``.tex`` files as LaTeX
(:func:`latex_as_notes`: ``\section{...}`` is a heading, ``%`` comments and the
preamble are dropped, only math environments are blocks), ``.rst`` files as Sphinx text (readers.notes.rst),
line numbers unchanged.
"""
from __future__ import annotations

import re
from pathlib import Path

NOTE_SUFFIXES = (".md", ".markdown", ".txt", ".tex", ".rst")
"""Files taken from a folder given to ``formulary check``."""
MATH_ENVIRONMENTS = frozenset({"equation", "align", "gather", "multline", "eqnarray", "displaymath", "math",
                               "aligned", "split", "cases", "flalign", "alignat"})
INNER_MATH_ENVIRONMENTS = frozenset({"matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix", "smallmatrix",
                                     "array", "subarray", "dcases", "rcases"})
r"""Environments that only live inside math (``\[ \nabla f = \begin{bmatrix}...\end{bmatrix} \]``): kept as
written, never blanked as text environments are."""

_SECTION = re.compile(r"^\s*\\(part|chapter|section|subsection|subsubsection|paragraph)\*?\{(.*)\}\s*$")
_ENV = re.compile(r"\\(begin|end)\{([A-Za-z]+)(\*?)\}(\{[^{}]*\})?")
_SHORTHAND = re.compile(r"\\(?:def\s*\\([A-Za-z]+)|(?:re|provide)?newcommand\*?\s*\{?\s*\\([A-Za-z]+)\s*\}?)"
                        r"\s*\{\s*(\\(?:begin|end)\{([A-Za-z]+)\*?\})\s*\}")
r"""A macro without arguments that opens or closes a math environment, ``\def\beqn{\begin{eqnarray*}}``,
``\newcommand{\ee}{\end{equation}}``: books abbreviate their displays so."""


def environment_shorthands(text: str) -> dict[str, str]:
    r"""``{name: '\begin{env}'}`` for each macro of ``text`` that is only the opening or the closing of a math
    environment (:data:`_SHORTHAND`); its uses are displays, as the environment's are."""
    return {m.group(1) or m.group(2): m.group(3) for m in _SHORTHAND.finditer(text)
            if m.group(4) in MATH_ENVIRONMENTS}


def collect(paths) -> list[str]:
    """The note files under ``paths`` (folders recursively, sorted; files as given), each once."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(str(f) for f in p.rglob("*") if f.is_file() and f.suffix.lower() in NOTE_SUFFIXES
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(str(p))
    return list(dict.fromkeys(out))


def latex_as_notes(text: str) -> str:
    r"""A ``.tex`` file as the notes reader sees it, line for line: ``\section{T}`` is ``# T``, comments
    and the preamble are blanked, ``\begin{itemize}`` and other text environments are not blocks, and TeX's
    opening quotes (two backticks before the quotation's first letter) are blanked: Markdown would read
    them as a code span that hides every formula up to the next quotation.  A macro that stands for the opening or
    the closing of a math environment (:func:`environment_shorthands`) is written out, so its displays are blocks."""
    shorthands = environment_shorthands(text)
    uses = re.compile(r"\\(" + "|".join(map(re.escape, shorthands)) + r")(?![A-Za-z])") if shorthands else None
    lines = text.split("\n")
    start = next((k + 1 for k, line in enumerate(lines) if "\\begin{document}" in line), 0)
    out = []
    for k, line in enumerate(lines):
        if k < start or "\\end{document}" in line:
            out.append("")
            continue
        line = re.sub(r"``(?=[A-Za-z])", "  ", re.sub(r"(?<!\\)%.*", "", line))  # ``quoted'': TeX's quotes, no code
        if uses is not None:  # \beqn ... \eeqn after \def\beqn{\begin{eqnarray*}}: the environment, written out
            line = uses.sub(lambda u: shorthands[u.group(1)], line)
        # span; a quote mark set in math (\text{``} [m \times n] ... \text{''}) is left, and the formula with it
        m = _SECTION.match(line)
        if m:
            out.append("#" * min(6, 1 + ["part", "chapter", "section", "subsection", "subsubsection",
                                         "paragraph"].index(m.group(1))) + " " + m.group(2))
            continue
        line = _ENV.sub(lambda e: e.group(0) if e.group(2) in MATH_ENVIRONMENTS | INNER_MATH_ENVIRONMENTS else " " * len(e.group(0)), line)
        out.append(line)
    return "\n".join(out)


def check_file(path: str, budget: float, read=None):
    """The :class:`~readers.notes.report.NotesReport` of one file (``read``: path -> text)."""
    from readers.notes.check import check_notes
    from readers.notes.environments import environments
    from readers.notes.folder_macros import folder_definitions

    text = read(path) if read else Path(path).read_text(encoding="utf-8")
    given = folder_definitions(path)  # a Sphinx conf.py's macros, a .tex file's local inputs; the text's own win
    if path.lower().endswith(".tex"):  # the preamble is blanked, but its \newcommand's hold in the body
        return check_notes(latex_as_notes(text), path=path, budget=budget, macro_source=given + "\n" + text,
                           scopes=environments(text, latex=True, preamble=given))
    elif path.lower().endswith(".rst"):  # Sphinx: :math: roles and .. math:: directives (readers.notes.rst)
        from readers.notes.rst import rst_as_notes

        text = rst_as_notes(text)
    return check_notes(text, path=path, budget=budget, macro_source=given + "\n" + text if given else None)


def total(reports) -> dict:
    """The summaries of ``reports`` added up, with the number of files."""
    out = {"files": len(reports)}
    for r in reports:
        for k, v in r.summary().items():
            out[k] = out.get(k, 0) + v
    return out


def summary_line(name: str, s: dict) -> str:
    return (f"{name}: {s['blocks']} blocks, {s['parsed']} parsed, {s['claims']} claims: {s['proved']} proved, "
            f"{s['verified']} verified, {s['undecided']} undecided, {s['refuted']} refuted, {s['error']} errors")
