r"""Events written with logic and signs inside a probability: ``P(\neg D)``, ``P(+ \mid D)``.

Diagnostic-test examples write the complement of an event with ``\neg`` (or ``\lnot``) and the test's outcome as a
bare sign: ``P(+ \mid D) = 0.99``, ``P(- \mid \neg D) = 0.95``.  Inside the parentheses (or brackets) of ``P``,
``\Pr`` or ``\mathbb{P}``, :func:`events_as_names` rewrites

* ``\neg D``, ``\lnot D`` to ``D^{c}``, the complement the probability reader knows (padded: positions in errors stay
  right);
* a sign standing alone as an event (between the opening bracket, ``\mid``, ``|`` or a comma and the next of these
  or the closing bracket) to ``\text{pos}``, an event named by a word, or ``\text{pos}^{c}``: a test's two outcomes
  are complements, so ``P(- \mid \neg D) = 0.95`` gives ``P(+ \mid \neg D) = 0.05``.

Outside a probability nothing changes: ``\neg`` there is logic, and a sign there is arithmetic.
"""
from __future__ import annotations

import re

from readers.latex.tokens import _matching

_OPEN = re.compile(r"(?:\\Pr|\\mathbb\s*\{\s*P\s*\}|(?<![A-Za-z\\])P)\s*(?:\\left\s*|\\big[gl]?\s*)?([(\[])")
_NEGATED = re.compile(r"\\(?:neg|lnot)(?![A-Za-z])\s*(\\[A-Za-z]+\s*\{[^{}]*\}|\{[^{}]*\}|\\[A-Za-z]+"
                      r"|[A-Za-z](?:_\{[^{}]*\}|_[A-Za-z0-9])?)")
_SEP = r"(?:\\mid|\\vert|\||,)"
_SIGN = re.compile(r"(^|" + _SEP + r")(\s*)([+-])(\s*)(?=" + _SEP + r"|\\right|$)")
_CLOSE = {"(": ")", "[": "]"}
_SIGN_EVENT = re.compile(r"(?:[(\[,|]|\\mid|\\vert)\s*[+-]\s*(?:\\mid|\\vert|\||,|\)|\]|\\right)")
r"""A sign that may stand alone as an event, the quick test before the probabilities are read: after an opening
bracket, ``\mid``, ``|``, ``\vert`` or a comma (``P(D \mid +)`` as well as ``P(+ \mid D)``), before one of these or
the closing bracket."""


def events_as_names(text: str) -> str:
    """``text`` with the negated and sign events inside its probabilities rewritten (see the module docstring)."""
    if "\\neg" not in text and "\\lnot" not in text and not _SIGN_EVENT.search(text):
        return text
    out, pos = [], 0
    for m in _OPEN.finditer(text):
        if m.start() < pos:
            continue
        end = _matching(text, m.end() - 1, m.group(1), _CLOSE[m.group(1)])
        if end is None:
            continue
        inner = _NEGATED.sub(_complement, text[m.end():end])
        inner = _SIGN.sub(_outcome, inner)
        out += [text[pos:m.end()], inner]
        pos = end
    return "".join(out) + text[pos:]


def _complement(m: re.Match) -> str:
    """``\\neg D`` -> ``D^{c}``, padded to the length it replaces."""
    return m.group(1) + "^{c}" + " " * (len(m.group(0)) - len(m.group(1)) - 4)


def _outcome(m: re.Match) -> str:
    """A bare ``+`` -> ``\\text{pos}``, ``-`` -> ``\\text{pos}^{c}``, with the separator and spaces around it."""
    return m.group(1) + m.group(2) + ("\\text{pos}" if m.group(3) == "+" else "\\text{pos}^{c}") + m.group(4)
