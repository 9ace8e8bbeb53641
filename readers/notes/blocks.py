r"""Finding formula blocks in Markdown: ``$$``, ``\[``, ``\begin{env}`` and inline ``$``, with their headings."""
from __future__ import annotations

import re
from dataclasses import dataclass

from readers.notes.environments import text_environment

TITLE_WORDS = 8
PROSE_MARKERS = frozenset(["is", "are", "was", "were", "can", "could", "will", "would", "be", "been", "this", "that", "these", "here", "we", "our", "it", "its", "see", "note", "http", "https", "www"])

SENTENCE_OPENERS = frozenset(["then", "hence", "thus", "so", "therefore", "suppose", "assume", "let", "consider",
                              "given", "since", "now", "finally", "moreover", "furthermore", "similarly", "conversely",
                              "otherwise", "namely", "equivalently", "consequently", "clearly", "indeed", "where", "also", "likewise",
                              "whenever", "provided", "if", "when", "and", "or", "but", "because", "with"])
"""First words of a sentence, never of a title: "Then" or "Suppose" alone on a line before a display is prose."""
SENTENCE_ENDINGS = frozenset(["then", "that", "by", "of", "to", "with", "and", "or", "the", "a", "an", "as", "gives",
                              "get", "obtain", "have", "find", "yields", "reads", "becomes", "is", "are", "equals"])
"""Last words of a sentence that goes on (into the display after it), never of a title."""

_DELIMITER = re.compile(r"\$\$|\\\[|\\begin\{([A-Za-z]+\*?)\}|(?<!\\)\$|`+|<!--")
"""What opens a block, or a span whose formulas are not read: a code span and an HTML comment (``<!-- $$ x = 1 $$
-->`` is a draft or a note to the author, not part of the note)."""

@dataclass(frozen=True)
class Fragment:
    """A formula block found in the Markdown text."""

    kind: str  # "display" ($$, \[, \begin) or "inline" ($)
    line: int
    column: int
    source: str
    content: str
    content_line: int
    content_column: int
    heading: str | None = None
    headings: tuple[str, ...] = ()
    section: int = 0
    paragraph: int = 0
    sentence: str = ""  # the prose of the sentence around the block (other formulas elided as "$")
    items: tuple[int, ...] = ()  # start lines of the list items around the block, outermost first


_TEXT_DIRECTIVE = re.compile(r"^(`{3,}|~{3,})\{(?!code|math|eval-rst|raw|literalinclude|glue)[A-Za-z:-]+\}")
r"""The fence of a MyST directive that holds text (```` ```{admonition} Math Note ````, ```` ```{note} ````,
```` ````{prf:theorem} ````, fenced with three backticks or more), not code: its content is read as the page's text,
formulas and all (a code cell, raw output stay fenced off).  Group 1 is the fence, which the directive's closing
line repeats (a ```` ```` ```` directive may hold ```` ``` ```` ones)."""
_MATH_DIRECTIVE = re.compile(r"^(`{3,}|~{3,})\{math\}[ \t]*$")
r"""A MyST ```` ```{math} ```` directive: its content (after its ``:label:`` option lines) is one display formula,
read as a ``$$`` display; the block is named by the line of its fence."""
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_MYST = re.compile(r"^[ \t]*(?:`{3,}|~{3,})\{[A-Za-z:-]+\}|^\([\w:-]+\)=[ \t]*$", re.MULTILINE)
r"""A MyST page: a directive's fence (```` ```{math} ````, ```` ```{note} ````) or a target line ``(label)=``.  In one,
a line whose first character is ``%`` is a comment, not rendered (a book's hidden solutions: ``% $$x = ...$.$``), and
is skipped as an HTML comment is."""


def find_blocks(text: str) -> list[Fragment]:
    """Every formula block of ``text`` in order, with the heading and paragraph it sits in."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(pos):
        line = _bisect(starts, pos)
        return line + 1, pos - starts[line] + 1

    out, headings, section, paragraph, pos, directives = [], [], 0, 0, 0, []
    items = _ListItems()
    myst = _MYST.search(text) is not None
    while pos < len(text):
        line_no = _bisect(starts, pos)
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        if pos == starts[line_no]:
            stripped = text[pos:line_end].strip()
            if myst and stripped.startswith("%"):  # a MyST comment: not part of the page
                pos = line_end + 1
                continue
            items.see(text[pos:line_end], line_no + 1)
            directive = _TEXT_DIRECTIVE.match(stripped)
            if directive or directives and stripped == directives[-1]:
                if directive:  # a MyST note's fences: its text is read
                    directives.append(directive.group(1))
                else:
                    directives.pop()
                paragraph += 1
                pos = line_end + 1
                continue
            math = _MATH_DIRECTIVE.match(stripped)
            if math:  # closed by its fence on a line of its own, indented as a directive in a list item may be
                closing = re.compile("\n[ \t]*" + re.escape(math.group(1)) + r"[ \t]*(?=\n|$)").search(text, line_end)
                close = len(text) if closing is None else closing.start()
                end = text.find("\n", close + 1)
                end = len(text) if end < 0 else end
                content_start = line_end + 1
                while content_start < close and text[content_start:close].lstrip(" \t").startswith(":"):
                    next_line = text.find("\n", content_start)  # an option line (:label: exp)
                    content_start = close if next_line < 0 or next_line > close else next_line + 1
                paragraph += 1
                line, column = where(pos + text[pos:line_end].index(stripped[0]))
                content_line, content_column = where(content_start)
                out.append(Fragment("display", line, column, text[pos + column - 1:end], text[content_start:close],
                                    content_line, content_column,
                                    headings[-1] if headings else None, tuple(headings[-3:][::-1]), section, paragraph,
                                    _sentence(text, pos, end), items.open()))
                paragraph += 1
                pos = end + 1
                continue
            fence = _FENCE.match(stripped)
            if fence:
                close = re.compile("\n[ \t]*" + re.escape(fence.group(1)) + r"[`~]*[ \t]*(?=\n|$)").search(text, line_end)
                pos = len(text) if close is None else text.find("\n", close.start() + 1) + 1 or len(text)
                paragraph += 1
                continue
            heading = _heading(stripped) if not _DELIMITER.search(stripped) else None
            if heading is not None or not stripped:
                if heading is not None:
                    headings.append(heading)
                    section += 1
                    items.close_all()
                paragraph += 1
                pos = line_end + 1
                continue
        match = _DELIMITER.search(text, pos)
        if match is None or match.start() > line_end:
            pos = line_end + 1
            continue
        token = match.group()
        if token.startswith("`"):
            close = text.find(token, match.end())
            pos = match.end() if close < 0 else close + len(token)
            continue
        if token == "<!--":  # an HTML comment, to its "-->" (an unclosed one hides the rest, as a browser does)
            close = text.find("-->", match.end())
            pos = len(text) if close < 0 else close + len("-->")
            continue
        if token == "$$" or token == "\\[":
            closer = "$$" if token == "$$" else "\\]"
            close = text.find(closer, match.end())
            if close < 0:
                pos = match.end()
                continue
            content_start, end, kind = match.end(), close + len(closer), "display"
        elif token.startswith("\\begin") and text_environment(match.group(1)):
            pos = match.end()  # \begin{theorem} in Markdown: prose around displays, read on (readers.notes.environments)
            continue
        elif token.startswith("\\begin"):
            close_match = re.compile(r"\\end\{" + re.escape(match.group(1)) + r"\}").search(text, match.end())
            if close_match is None:
                pos = match.end()
                continue
            content_start, close, end, kind = match.start(), close_match.end(), close_match.end(), "display"
        elif _alone_on_line(text, match.start(), match.end()) and _LONE_DOLLAR_CLOSE.search(text, match.end()):
            closing = _LONE_DOLLAR_CLOSE.search(text, match.end())  # Jupyter: "$" on its own line opens a display
            close, end, kind = closing.start() + closing.group().index("$"), closing.start() + closing.group().index("$") + 1, "display"
            content_start = match.end()
            if "\n\n" in text[content_start:close].replace(" ", ""):
                pos = match.end()
                continue
        else:
            close = _inline_close(text, match.end())
            if close is None:
                pos = match.end()
                continue
            content_start, end, kind = match.end(), close + 1, "inline"
        if kind == "display":
            paragraph += 1
        line, column = where(match.start())
        content_line, content_column = where(content_start)
        out.append(Fragment(kind, line, column, text[match.start():end], text[content_start:close], content_line,
                            content_column, headings[-1] if headings else None, tuple(headings[-3:][::-1]),
                            section, paragraph, _sentence(text, match.start(), end), items.open()))
        if kind == "display":
            paragraph += 1
        pos = end
    return out


_ITEM = re.compile(r"([ \t]*)(?:(?:\d+[.)]|[-*+])(?:[ \t]|$)|\\item(?![A-Za-z]))")
r"""A list item's first line (``1. ``, ``- ``, ``* ``, ``+ ``, LaTeX ``\item``); group 1 is its indent."""


class _ListItems:
    """The list items open at a line: a new item closes those at its indent or deeper; after a blank line, a
    paragraph indented no further than an item's marker closes that item (it is no longer the item's text)."""

    def __init__(self):
        self.stack: list[tuple[int, int]] = []  # (indent, start line)
        self.after_blank = False

    def see(self, line: str, number: int) -> None:
        if not line.strip():
            self.after_blank = True
            return
        item = _ITEM.match(line)
        indent = len(item.group(1).expandtabs(4)) if item else len(line) - len(line.lstrip())
        if item or self.after_blank:
            self.stack = [(i, n) for i, n in self.stack if i < indent]
        if item:
            self.stack.append((indent, number))
        self.after_blank = False

    def close_all(self) -> None:
        self.stack = []

    def open(self) -> tuple[int, ...]:
        return tuple(n for _, n in self.stack)


SENTENCE_REACH = 300
"""Characters looked at on each side of a block for the sentence it sits in."""


def _sentence(text: str, start: int, end: int) -> str:
    r"""The prose of the sentence around ``text[start:end]``: back to the last ``. `` or blank line (over one
    blank line when the paragraph before ends with ``:``, the sentence that introduces the block), on to the
    next one (a display's sentence goes on after it), at most :data:`SENTENCE_REACH` characters each side."""
    before = text[max(0, start - SENTENCE_REACH):start]
    after = text[end:end + SENTENCE_REACH]
    pieces = re.split(r"\.\s|\n\s*\n", before)
    if not pieces[-1].strip() and before.rstrip().endswith(":"):  # "...the same thing:\n\n$$...$$"
        pieces = re.split(r"\.\s|\n\s*\n", before.rstrip())
    before = pieces[-1]
    after = re.split(r"\.\s|\.$|\n\s*\n", after)[0]
    def elide(part):
        return re.sub(r"\$\$.*?\$\$|\$[^$]*\$", "$", part, flags=re.S)

    return elide(before) + " $ " + elide(after)


_LONE_DOLLAR_CLOSE = re.compile(r"\n[ \t]*\$[ \t]*(?=\n|\Z)")
r"""A line holding only ``$``: it closes the display a lone ``$`` opened (Jupyter notebooks write display math as
``$`` + newline + formula + newline + ``$``, which MathJax renders)."""
_SPACED_INLINE = re.compile(r"[ \t][^$\n]*?(?:\\[A-Za-z]|[=^_])[^$\n]*?\$")
r"""``$ \sigma = 1 / \sqrt{n} $``: MathJax (Jupyter) also reads a formula with spaces inside its dollars; taken only
when it stays on one line and holds a command, a relation or a script (never ``$ 5 and $``)."""


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the only thing on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def _inline_close(text: str, start: int) -> int | None:
    r"""The closing ``$`` of an inline formula: same paragraph, not ``\$``, not followed by a digit; with spaces
    inside only as :data:`_SPACED_INLINE` allows."""
    spaced = _SPACED_INLINE.match(text, start) if start < len(text) and text[start] in " \t" else None
    if spaced and not text[spaced.end():spaced.end() + 1].isdigit():
        return spaced.end() - 1
    if start < len(text) and text[start] == "\n":  # Jupyter/MathJax: "$" ending a line, the formula, "$" opening one
        return _newline_inline_close(text, start)
    if start >= len(text) or text[start] in " \n":
        return None
    k = start
    while k < len(text):
        if text[k] == "\\":
            k += 2
            continue
        if text.startswith("\n\n", k) or text.startswith("$$", k):
            return None
        if text[k] == "$" and text[k - 1] not in " \n" and not text[k + 1:k + 2].isdigit():
            return k
        k += 1
    return None


def _newline_inline_close(text: str, start: int) -> int | None:
    r"""The closing ``$`` of an inline formula whose ``$`` ends a line (``that $\nx^\top y = y^\top x\n$. We``):
    a ``$`` that starts a later line of the same paragraph, with a formula between; else None."""
    k = start + 1
    while k < len(text):
        if text[k] == "\\":
            k += 2
            continue
        if text.startswith("\n\n", k) or text.startswith("$$", k):
            return None
        if text[k] == "$":
            return k if text[k - 1] == "\n" and text[start:k].strip() and not text[k + 1:k + 2].isdigit() else None
        k += 1
    return None


def _heading(line: str) -> str | None:
    """A Markdown heading's text, or a short title-like line (``Layer Normalization``), else None."""
    if line.startswith("#"):
        return line.lstrip("#").strip() or None
    title = re.sub(r"\s*\([^()]*\)$", "", line)  # "Soft margin (For data can not be ...)": a remark
    words = title.split()
    if not words or len(words) > TITLE_WORDS or line[-1] in ".,;:!?" or not (line[0].isupper() or line[0].isdigit()):
        return None
    if any(w.lower().strip("(),") in PROSE_MARKERS for w in words) or "http" in line or not title \
            or re.search(r"\]\([^()\s]*\)", line):  # "With the [Gaussian integral](/P/norm-gi)": a linked phrase is prose
        return None
    if words[0].lower() in SENTENCE_OPENERS or words[-1].lower() in SENTENCE_ENDINGS:  # "Then", "Suppose that"
        return None
    return line


def _bisect(starts, pos):
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo

