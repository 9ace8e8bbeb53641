r"""What an environment governs: the lines of a theorem, proof, example or exercise, where the names it defines
and the conditions it states are in force.

A textbook defines the chapter's ``f`` once, then writes "**Example.** Let $f(x) = x^2$ ..." or
``\begin{example} Let $f(x) = x^2$ ... \end{example}``: that ``f`` is the example's, and after the example the
chapter's ``f`` is back.  Likewise "Suppose $x > 0$" in a theorem holds in the theorem and in its proof, not
after it.  :func:`environments` finds those spans, one :class:`Environment` per scope, by line (1-based):

* LaTeX: ``\begin{K} ... \end{K}`` where K (or the title ``\newtheorem{K}{Title}`` gives it) names a statement
  (theorem, lemma, proposition, corollary, claim, conjecture), a proof, or a local piece (example, exercise,
  problem, solution, remark).  Definitions (``defn``) are not scoped: what they define is the document's.
* Markdown: MyST directives ``:::{prf:K}`` ... ``:::`` (or fenced with backticks, ```` ```{prf:K} ````; a generic ``:::{admonition} Title`` by its title: ``Proof of
  Theorem 2``, ``Example``, ``Solution``); a paragraph opening with a label, emphasised
  (``**Example 1.2.**``, ``*Proof.*``, ``**Theorem:**``) or plain (``Proof.``, ``Example 3:``).  A labelled
  piece ends at its end mark (``$\square$``, ``$\blacksquare$``, ``\qed``, ∎, □, ■), else before the next label,
  heading or rule; a labelled statement with no end mark ends with its paragraph (and the displays and
  lower-case continuations right after it): the exposition after a theorem is not the theorem's.

A statement directly followed by its proof (nothing but blank lines or prose without formulas between) is one
scope with it: the theorem's hypotheses govern its proof.  Where the end of a piece is uncertain the span errs
short of the next label or heading, never past it (before this module, everything lasted to the end of the
document or the heading).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

STATEMENTS = ("theorem", "lemma", "proposition", "corollary", "claim", "conjecture", "thm", "lem", "prop", "cor")
PROOFS = ("proof", "pf")
LOCAL = ("example", "exercise", "problem", "solution", "remark", "question", "exer", "ex", "rem", "sol")
r"""Kinds by the start of their name or title (``thm``, ``Theorem 2.1``, ``exercise*``); ``defn``/definition and
anything else are not scoped."""


@dataclass(frozen=True)
class Environment:
    """Lines ``start`` to ``end`` (1-based, inclusive) are one scope: what is defined or assumed there ends at
    ``end``.  ``kind``: statement, proof or local (see the module's docstring)."""

    kind: str
    start: int
    end: int


def kind_of(name: str) -> str | None:
    """``statement``, ``proof``, ``local`` or None (not scoped) for an environment's name or title."""
    word = name.strip().lower()
    if word.startswith(("def", "notation")):
        return None
    if word.startswith(PROOFS):
        return "proof"
    if word.startswith(STATEMENTS):
        return "statement"
    if word.startswith(LOCAL):
        return "local"
    return None


def text_environment(name: str) -> bool:
    r"""Whether ``\begin{name}`` opens prose (a theorem, a proof, a definition, an example), not a formula: in
    Markdown its displays and inline formulas are read as the text around them is."""
    word = name.strip().rstrip("*").lower()
    return kind_of(word) is not None or word in ("definition", "defn", "notation")


def environments(text: str, *, latex: bool = False, preamble: str = "") -> list[Environment]:
    r"""The scopes of ``text`` in order of their start: LaTeX environments when ``latex`` (``preamble``: text whose
    ``\newtheorem`` titles name them), else Markdown directives, labelled paragraphs and the LaTeX environments
    written in Markdown (``\begin{theorem} ... \end{theorem}``)."""
    spans = _latex_spans(text, preamble + "\n" + text) if latex else _markdown_spans(text) + _latex_spans(text, text)
    joined = _joined(sorted(spans, key=lambda e: (e.start, -e.end)), text.split("\n"))
    return [e for e in joined if e.kind != "statement"]  # a statement alone is not scoped: what it declares
    # (Let $f \colon I \to \R$ ...) holds in its proof even when text comes between (Lebl's Darboux theorem)


_BEGIN_END = re.compile(r"\\(begin|end)\s*\{([A-Za-z]+)\*?\}")
_NEWTHEOREM = re.compile(r"\\newtheorem\*?\s*\{([A-Za-z]+)\}\s*(?:\[[^\]]*\]\s*)?\{([^{}]*)\}")


def _latex_spans(text: str, declarations: str) -> list[Environment]:
    titles = {m.group(1): m.group(2) for m in _NEWTHEOREM.finditer(declarations)}
    out, stack = [], []
    for number, line in enumerate(text.split("\n"), 1):
        line = re.sub(r"(?<!\\)%.*", "", line)
        for m in _BEGIN_END.finditer(line):
            name = m.group(2)
            kind = kind_of(titles.get(name, name))
            if m.group(1) == "begin":
                stack.append((name, kind, number))
                continue
            for k in range(len(stack) - 1, -1, -1):  # the innermost open environment of that name
                if stack[k][0] == name:
                    _, kind, start = stack.pop(k)
                    if kind is not None:
                        out.append(Environment(kind, start, number))
                    break
    return out


_KINDS = r"(?:Theorem|Lemma|Proposition|Corollary|Claim|Conjecture|Proof|Example|Exercise|Problem|Solution|Remark|" \
         r"Question)s?"
_LABEL = re.compile(r"\s*(?:>\s*)*(?:(\*\*|__|\*|_)(" + _KINDS + r")\b[^*_\n]{0,60}?\1|(" + _KINDS
                    + r")(?:\s+[0-9][0-9.]*[A-Za-z]?)?\s*(?:\([^()\n]{0,60}\))?\s*[.:])")
r"""A paragraph's opening label: emphasised (``**Example 1.2.**``, ``*Proof.*``, ``**Theorem:**``) or plain with a
number or a parenthesis before its ``.``/``:`` (``Proof.``, ``Example 3:``); group 2 or 3 is the kind."""
_DIRECTIVE = re.compile(r"\s*(:{3,}|`{3,}|~{3,})\s*\{(?:prf:)?([A-Za-z]+)\}(.*)")
GENERIC_DIRECTIVES = ("admonition", "dropdown", "card")
"""MyST directives whose kind is their title (``::::{admonition} Proof of Theorem 2``), not their name."""
_END_MARK = re.compile(r"∎|□|■|◻|\\(?:square|blacksquare|Box|qed|qedsymbol|qedhere)(?![A-Za-z])|\bQ\.E\.D\.")
_HEADING = re.compile(r"\s*#{1,6}\s")
_RULE = re.compile(r"\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_OTHER_LABEL = re.compile(r"\s*(?:>\s*)*(?:\*\*|__|\*|_)(?:Definition|Notation|Note)\b")
_DISPLAY = re.compile(r"\s*(?:\$\$|\\\[|\\begin\{)")


def _markdown_spans(text: str) -> list[Environment]:
    lines = text.split("\n")
    out = []
    fences = []  # open MyST directives: (colons, kind, start)
    for k, line in enumerate(lines):
        m = _DIRECTIVE.match(line)
        if m:
            name = m.group(3) if m.group(2).lower() in GENERIC_DIRECTIVES else m.group(2)
            fences.append((m.group(1), kind_of(_plain_title(name)), k + 1))
            continue
        if fences and line.strip() and set(line.strip()) == set(fences[-1][0]) \
                and len(line.strip()) >= len(fences[-1][0]):  # ":::", or "```" closing a ```{prf:proof}
            _, kind, start = fences.pop()
            if kind is not None:
                out.append(Environment(kind, start, k + 1))
            continue
        m = _LABEL.match(line)
        if m and not fences:
            kind = kind_of(m.group(2) or m.group(3))
            out.append(Environment(kind, k + 1, _label_end(lines, k, kind)))
    return out


def _plain_title(title: str) -> str:
    """A directive's title without emphasis or non-breaking spaces (``**Proof**&nbsp;of`` -> ``Proof of``)."""
    return re.sub(r"&nbsp;|[*_]", " ", title).strip()


def _breaks(line: str) -> bool:
    """Whether ``line`` begins something new: a heading, a rule, a directive, a label."""
    return bool(_HEADING.match(line) or _RULE.match(line) or _DIRECTIVE.match(line) or _LABEL.match(line)
                or _OTHER_LABEL.match(line))


def _label_end(lines: list[str], k: int, kind: str) -> int:
    """The last line of the piece labelled at ``lines[k]`` (0-based in, 1-based out)."""
    end = k
    if _END_MARK.search(_math_free_tail(lines[k])):
        return k + 1
    for j in range(k + 1, len(lines)):
        if _breaks(lines[j]):
            break
        end = j
        if _END_MARK.search(_math_free_tail(lines[j])):
            return j + 1
    if kind != "statement":
        return _trimmed(lines, end) + 1
    return _paragraph_end(lines, k, end) + 1


def _math_free_tail(line: str) -> str:
    r"""The end of ``line`` where a proof's end mark sits: its last 30 characters (``... = 0. $\blacksquare$``)."""
    return line.rstrip()[-30:]


def _trimmed(lines: list[str], end: int) -> int:
    while end > 0 and not lines[end].strip():
        end -= 1
    return end


def _paragraph_end(lines: list[str], k: int, limit: int) -> int:
    """The end of the paragraph opened at ``lines[k]``, through the displays it introduces and the lower-case
    paragraphs that go on with its sentence (``where ...``), at most ``limit``."""
    j = k
    while j < limit:
        while j + 1 <= limit and lines[j + 1].strip():  # the paragraph's own lines
            j += 1
        nxt = j + 1
        while nxt <= limit and not lines[nxt].strip():
            nxt += 1
        if nxt > limit:
            break
        first = lines[nxt].lstrip()
        if not (_DISPLAY.match(first) or first[:1].islower()):
            break
        j = nxt
        if _DISPLAY.match(first):  # the display's own lines, to its closing delimiter
            while j + 1 <= limit and lines[j + 1].strip() and not _closes_display(lines[j]):
                j += 1
    return j


def _closes_display(line: str) -> bool:
    s = line.strip()
    return (s.endswith("$$") and s != "$$") or s.endswith("\\]") or bool(re.search(r"\\end\{[A-Za-z]+\*?\}\s*$", s))


def _joined(spans: list[Environment], lines: list[str]) -> list[Environment]:
    """A statement and the proof right after it (only blank lines or prose without math between) as one scope."""
    out = []
    for env in spans:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "statement" and env.kind == "proof" and prev.end < env.start
                and all("$" not in line and "\\[" not in line and "\\begin" not in line
                        for line in lines[prev.end:env.start - 1])):
            out[-1] = Environment("proof", prev.start, env.end)
            continue
        out.append(env)
    return out


class Scopes:
    """The environments open at the block being read, each with the reader's state saved when it opened.

    ``at(line, save, restore)``, called for each block in order: the environments that ended before ``line`` are
    closed, innermost first, each restoring what ``save()`` returned when it opened (so the state after an example
    is the state before it); those that begin at or before ``line`` and still hold it are opened."""

    def __init__(self, spans):
        self.pending = list(spans)
        self.open: list[tuple[Environment, object]] = []

    def at(self, line: int, save, restore) -> None:
        while self.open and self.open[-1][0].end < line:
            restore(self.open.pop()[1])
        while self.pending and self.pending[0].start <= line:
            env = self.pending.pop(0)
            if env.end >= line:
                self.open.append((env, save()))
