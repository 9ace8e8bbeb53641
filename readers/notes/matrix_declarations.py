r"""What a note declares about its vectors and matrices, read from the whole text.

* membership: ``$A \in \mathbb{R}^{n\times m}$`` (a matrix of sizes $n, m$), ``$\mathbf{x} \in \mathbb{R}^n$``
  (a column vector), ``$c \in \mathbb{R}$`` (a scalar); several names may share it (``$A, B \in ...$``);
* words: "the matrix $A$", "matrices $A$ and $B$", "a vector $v$", "let $\mathbf{x}$ be a vector",
  "$A$ and $B$ are $n \times n$ matrices" (with their sizes),
  "$\Sigma$ is a diagonal matrix", "where $\boldsymbol{\Sigma}$ is diagonal", with the properties
  *diagonal*, *symmetric*, *orthogonal*, *positive definite*, *invertible*.

Names are read with :func:`~readers.latex.matrix_reader.parse_matrix_block`, so ``\Sigma``
declared in prose is the ``Sigma`` of the formulas.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy as sp

from readers.latex.matrix_reader import parse_matrix_block

PROPERTIES = {"diagonal": "diagonal", "symmetric": "symmetric", "orthogonal": "orthogonal",
              "orthonormal": "orthogonal", "positive definite": "positive definite",
              "positive-definite": "positive definite", "positive semidefinite": "positive definite",
              "positive semi-definite": "positive definite", "invertible": "invertible",
              "nonsingular": "invertible", "non-singular": "invertible", "square": "invertible"}
"""Words that constrain how a matrix is sampled (a semidefinite matrix is sampled definite: a subset)."""
_PROPERTY = "(?:" + "|".join(sorted((re.escape(k) for k in PROPERTIES), key=len, reverse=True)) + ")(?![A-Za-z])"
"""A property word, whole: "orthogonally diagonalizable" says nothing of the matrix being orthogonal."""
_MATH = r"\$([^$]{1,80})\$"
_LIST = _MATH + r"(?:\s*(?:,|and|,\s*and)\s*" + _MATH + r")*"
_NOUN = r"(matrix|matrices|vectors?|scalars?)"
_MEMBER = re.compile(r"((?:\\[A-Za-z]+\s*\{[^{}$]*\}|\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}$]*\}|_[A-Za-z0-9])?"
                     r"(?:\s*,\s*(?:\\[A-Za-z]+\s*\{[^{}$]*\}|\\[A-Za-z]+|[A-Za-z])(?:_\{[^{}$]*\}|_[A-Za-z0-9])?)*)"
                     r"\s*\\in\s*\\mathbb\s*(?:\{R\}|R(?![A-Za-z]))(?:\s*\^\s*(\{[^{}$]*\}|[A-Za-z0-9]))?(?!\s*_)")
_BEFORE = re.compile(r"\b((?:(?:" + _PROPERTY + r")\s*,?\s*(?:and\s+)?)*)" + _NOUN + r"\s+(" + _LIST + ")", re.I)
_AFTER = re.compile(_MATH + r"\s+(?:to\s+)?(?:is|be|are)\s+(?:an?\s+)?((?:(?:" + _PROPERTY + r")\s*,?\s*(?:and\s+)?)*)"
                    + _NOUN + r"?", re.I)

_SIZED = re.compile("(" + _LIST + r")\s+(?:to\s+)?(?:is|be|are)\s+(?:an?\s+|two\s+|both\s+)?\$(?P<sizes>[^$]{1,40}"
                    r"\\times[^$]{1,40})\$\s*(?P<props>(?:(?:" + _PROPERTY + r")\s*,?\s*(?:and\s+)?)*)"
                    r"(?:matrix|matrices)\b", re.I)
"""``$A$ and $B$ are $n \times n$ matrices``, ``$X$ is an $n \times d$ matrix``: names, sizes, properties."""
_ADJECTIVE = re.compile(r"\b((?:(?:" + _PROPERTY + r")\s*,?\s*(?:and\s+)?)+)(" + _LIST + ")", re.I)
"""``for invertible $A$ and $B$``, ``orthogonal $Q$``: property words right before the names, no noun between."""
_CAPITAL = re.compile(r"(?:\\math(?:bf|bb|sf|rm)\{|\\boldsymbol\{?)?\\?(?:[A-Z]|Sigma|Lambda|Phi|Psi|Omega|Gamma|Delta|Theta)"
                      r"(?:_\{?[A-Za-z0-9]+\}?)?\}?")
r"""A name that reads as a matrix when a property word comes before it (``A``, ``\mathbf{W}``, ``\Sigma``); a lower-case
letter does not: "orthogonal $u$ and $v$" says the two vectors are orthogonal to each other."""


@dataclass
class Declarations:
    """``kinds``: name -> ``scalar``, ``vector`` or ``matrix``; ``dims``: name -> sizes; ``props``: name -> set."""

    kinds: dict = field(default_factory=dict)
    dims: dict = field(default_factory=dict)
    props: dict = field(default_factory=dict)

    def matrix_letters(self) -> frozenset:
        return frozenset(n for n, k in self.kinds.items() if k != "scalar" and len(n) == 1)


@dataclass
class NoteDeclarations:
    r"""Every declaration of a note with its line.  A plain letter (``a``, ``X``, ``\Sigma``) is declared for
    its section (notes reuse letters: $a, b > 0$ in one section, $a, b \in \mathbb{R}^n$ in another);
    bold and decorated names for the whole note.  :meth:`at` gives what holds at a line."""

    entries: list = field(default_factory=list)  # (line, name, kind | None, dims, props)
    headings: tuple = ()
    passing: list = field(default_factory=list)  # (first line, last line, name, props): said in one sentence

    def section(self, line: int) -> int:
        return sum(1 for h in self.headings if h <= line)

    def at(self, line: int) -> Declarations:
        out, here = Declarations(), self.section(line)
        for entry_line, name, kind, dims, props in sorted(self.entries, key=lambda e: (e[0] > line, e[0])):
            if _local(name) and self.section(entry_line) != here:
                continue
            if kind is not None and (dims or name not in out.dims):
                out.kinds[name] = kind
                if dims:
                    out.dims[name] = dims
            if props:
                out.kinds.setdefault(name, "matrix")
                out.props.setdefault(name, set()).update(props)
        for first, last, name, props in self.passing:
            if first <= line <= last:
                out.kinds.setdefault(name, "matrix")
                out.props.setdefault(name, set()).update(props)
        return out

    def anywhere(self) -> frozenset:
        """Names declared a vector or matrix somewhere in the note."""
        return frozenset(e[1] for e in self.entries if e[2] in ("vector", "matrix") or e[4])


def _local(name: str) -> bool:
    return re.fullmatch(r"\\?[A-Za-z]+", name) is not None and (len(name) == 1 or name.lstrip("\\")[:1].isalpha()
                                                              and not name.startswith("\\math"))


_HEADING = re.compile(r"^(?:#{1,6}\s|\\(?:sub)*section\*?\{)", re.M)


def declarations(text: str) -> NoteDeclarations:
    """The declarations of a note (see the module docstring)."""
    out = NoteDeclarations(headings=tuple(text.count("\n", 0, m.start()) + 1 for m in _HEADING.finditer(text)))

    def line(pos):
        return text.count("\n", 0, pos) + 1

    for m in _MEMBER.finditer(text):
        names = [n for part in _top_level_commas(m.group(1)) for n in _names(part)]
        power = m.group(2)
        sizes = _sizes(power) if power else ()
        if power and sizes is None:
            continue
        for name in names:
            if not sizes:
                out.entries.append((line(m.start()), name, "scalar", (), frozenset()))
            elif len(sizes) == 1 or sizes[1] == 1:
                out.entries.append((line(m.start()), name, "vector", (sizes[0],), frozenset()))
            else:
                out.entries.append((line(m.start()), name, "matrix", sizes, frozenset()))
    text = _without_emphasis(text)  # "take $W$ to be an *orthogonal matrix*"
    for m in _BEFORE.finditer(text):
        _note(out, line(m.start()), _names_in_list(m.group(3)), m.group(2), m.group(1))
    for m in _SIZED.finditer(text):
        sizes = _sizes(m.group("sizes"))
        if sizes is not None and len(sizes) == 2:
            for name in _names_in_list(m.group(1)):
                out.entries.append((line(m.start()), name, "matrix", sizes, _properties(m.group("props"))))
    for m in _AFTER.finditer(text):
        conditional = _CONDITIONAL.search(text, max(0, m.start() - 40), m.start()) is not None
        if m.group(3) or m.group(2).strip() and not conditional:  # the kind holds on: "if $A$ is a matrix"
            _note(out, line(m.start()), _listed(m.group(1)), m.group(3) or "", "" if conditional else m.group(2))
        if conditional and m.group(2).strip():  # "if $A$ is symmetric, ...": the property for that sentence
            props = _properties(m.group(2))
            out.passing += [(line(m.start()), line(_sentence_end(text, m.end())), n, props) for n in _listed(m.group(1))]
    for m in _ADJECTIVE.finditer(text):  # "for symmetric $A$ that's $2Ax$. For any $A$, ...": for that sentence
        names = [n for n in _names_in_list(m.group(2)) if _CAPITAL.fullmatch(n)]
        props = _properties(m.group(1))
        out.passing += [(line(m.start()), line(_sentence_end(text, m.end())), n, props) for n in names]
    return out


_CONDITIONAL = re.compile(r"\b(?:if|when|whenever|provided(?:\s+that)?|in\s+case)\s+$", re.I)
"""The word before ``$A$ is symmetric`` that makes it a condition of one sentence, not a statement about $A$."""
_SENTENCE_END = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\.(?=\s)|\n\s*\n|\Z", re.S)


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence that goes on at ``pos`` ends: its full stop outside math, or a blank line."""
    for m in _SENTENCE_END.finditer(text, pos):
        if not m.group(0).startswith("$"):
            return m.start()
    return len(text)


def _properties(words: str) -> frozenset:
    """The properties the words name ("symmetric positive definite" -> symmetric, positive definite)."""
    return frozenset(PROPERTIES[p.lower()] for p in re.findall(_PROPERTY, words or "", re.I))


def _without_emphasis(text: str) -> str:
    """The text with Markdown emphasis marks (``*word*``, ``**word**``) outside math blanked, line for line."""
    pieces = re.split(r"(\$\$.*?\$\$|\$[^$]*\$)", text, flags=re.S)
    return "".join(p if k % 2 else re.sub(r"\*+", lambda m: " " * len(m.group(0)), p) for k, p in enumerate(pieces))


def _note(out: NoteDeclarations, line: int, names, noun: str, adjectives: str) -> None:
    noun = noun.lower()
    kind = "matrix" if noun.startswith("matri") else "vector" if noun.startswith("vector") else \
        "scalar" if noun.startswith("scalar") else None
    props = _properties(adjectives)
    for name in names:
        out.entries.append((line, name, kind, (), props))


def _top_level_commas(text: str) -> list:
    parts, depth, start = [], 0, 0
    for k, ch in enumerate(text):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if ch == "," and depth == 0:
            parts.append(text[start:k])
            start = k + 1
    return parts + [text[start:]]


def _listed(text: str) -> list:
    r"""The names of ``A, B`` or of a membership ``A \in \mathbb{R}^{n \times n}`` ("Let $A \in ...$ be symmetric")."""
    member = _MEMBER.fullmatch(text.strip())
    return [n for part in _top_level_commas(member.group(1) if member else text) for n in _names(part)]


def _names_in_list(text: str) -> list:
    return [n for part in re.findall(_MATH, text) for n in _names(part)]


def _names(text: str) -> list:
    """The names in ``A, B`` or ``\\mathbf{x}`` (nothing when it is a formula, not a list of names)."""
    try:
        block = parse_matrix_block(text)
    except Exception:  # noqa: BLE001 - prose that is not a list of names declares nothing
        return []
    out = []
    for row in block.rows:
        for e in row.chain.exprs:
            items = e.args if isinstance(e, sp.Function) and e.func.__name__ == "tuple" else (e,)
            for item in items:
                if isinstance(item, sp.Symbol):
                    out.append(item.name)
                elif isinstance(item, sp.Mul) and len(str(text).split(",")) == 1:
                    return []
    return out if not any(row.chain.rels for row in block.rows) else []


def _sizes(power: str):
    """``{n \\times m}`` -> ``('n', 'm')``, ``{3}`` -> ``(3,)``; None for what is not a size."""
    inner = power.strip("{}").strip()
    parts = [p.strip() for p in re.split(r"\\times|×|\*|,", inner)]
    if not 1 <= len(parts) <= 2:
        return None
    out = []
    for p in parts:
        if re.fullmatch(r"\d+", p):
            out.append(int(p))
        elif re.fullmatch(r"[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?|\\[A-Za-z]+", p):
            out.append(p)
        else:
            return None
    return tuple(out)
