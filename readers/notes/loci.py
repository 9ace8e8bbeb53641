r"""Equations that name a locus, or that the prose poses to be solved: equations, not identities.

"The curve $$x^2 + y^2 = 5y^2 - 20y + 25$$ is a hyperbola", "the circle $a^2 + b^2 = 6b - 5$", "the set of points
$(u, v)$ with $$u^2 - v^2 = 2u - 3$$", "the points that satisfy ...", "the roots of ...", "Find $x$ with $x^2 + 3 =
4x$", "$$3x - 2y = x + 4$$ is a line": the relation holds at the points of a set (or at the values sought), not for
every value of its names, and a counterexample at another point refutes nothing.  The cue is the prose right before
the block (its last words) or right after it (its first words):

* before: a locus noun ending the prose, after an article (``the [adjective] curve | circle | line | plane |
  hyperplane | surface | sphere | parabola | ellipse | hyperbola | conic | cone | level set | level curve | contour |
  locus | decision boundary``), optionally with ``given by``, ``defined by``, ``with equation``, ``:``; not after a
  word that makes the noun a place in a text or a region (``the next line``, ``the area under the curve``);
  ``the set of points [$(x, y)$] with | where | such that | satisfying | for which``; ``points | values | $x$ |
  $(x, y)$ [that] satisfy``; ``the solutions | roots | zeros of | to``; ``Find ... with | such that | satisfying |
  for which | so that``;
* after: ``is | are | describes | defines | represents | traces [out] a | an | the [up to three words] <locus
  noun>``, ``is the equation of``, ``has | have [two, real, ...] solutions | roots``.

A cue that names letters (``$x$ satisfies``) counts only where those letters are the relation's own names: "$f$
satisfies $$f(x + y) = f(x) f(y)$$" states a property of f, a claim about the defined f, not an equation in f.
"""
from __future__ import annotations

import re

from readers.notes.taylor import introduction
from readers.notes.trailing_conditions import words_after

_NOUN = (r"(?:curve|circle|line|straight\s+line|plane|hyperplane|surface|sphere|parabola|ellipse|hyperbola|conic|"
         r"cone|level\s+(?:set|curve|surface)|contour(?:\s+line)?|locus|decision\s+boundary|zero\s+set)")
_NOT_A_LOCUS = (r"(?:next|previous|preceding|following|last|first|second|third|same|above|below|this|that|"
                r"complex|real|number|tangent|area|length)")
"""Words before the noun that make it no locus: a line of text, the complex plane, the area under a curve."""
_PLACE = r"(?:(?P<head>[A-Za-z]+)\s+of|under|below|above|beneath|between|inside|within|outside|across)"
"""A word before the article that makes the noun a region or a measure (``the area under the curve``, ``the radius
of the circle``); but ``the equation of the circle``, ``the points of the plane`` name the locus (:data:`_OF_LOCUS`)."""
_OF_LOCUS = {"equation", "equations", "point", "points", "locus"}
_NAMES = r"\$\s*\(?\s*[A-Za-z](?:\s*,\s*[A-Za-z])*\s*\)?\s*\$(?:\s*(?:,|and)\s*\$\s*[A-Za-z]\s*\$)*"
"""An inline formula of bare letters: ``$x$``, ``$(x, y)$``, ``$x$ and $y$``."""

_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<place>" + _PLACE + r"\s+)?\b(?:the|a|an|our|its|each|every)\s+"
    r"(?:(?!" + _NOT_A_LOCUS + r"\b)[A-Za-z-]+\s+){0,2}?" + _NOUN + r"s?"
    r"|\b(?:the\s+)?set\s+of\s+(?:all\s+)?points\s*(?:" + _NAMES + r"\s*)?(?:with|where|such\s+that|satisfying|for\s+which"
    r"|that\s+satisfy)"
    r"|(?P<subject>\bpoints?|\bvalues?|\bpairs?|" + _NAMES + r")\s+(?:that\s+|which\s+|must\s+|should\s+)?"
    r"satisf(?:y|ies|ying)"
    r"|\b(?:solutions?|roots?|zeros?)\s+(?:of|to)"
    r"|\bfind\b[^.]{0,80}?\b(?:with|such\s+that|satisfying|for\s+which|so\s+that)"
    r")\s*(?:" + _NAMES + r"\s*)?(?:\s*(?:given|defined|described)\s+by|\s*with\s+(?:the\s+)?equation|\s*of\s+equation)?"
    r"\s*:?\s*$", re.IGNORECASE)
_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:which|that)\s+)?(?:(?:is|are|describes?|defines?|represents?|traces?(?:\s+out)?)\s+(?:a|an|the)\s+"
    r"(?:(?!" + _NOT_A_LOCUS + r"\b)[A-Za-z-]+\s+){0,3}?" + _NOUN + r"s?\b"
    r"|(?:is|are)\s+the\s+equations?\s+of\b"
    r"|(?:has|have)\s+(?:[A-Za-z-]+\s+){0,2}?(?:solutions?|roots?)\b)", re.IGNORECASE)


def _last_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text.strip())[-1] if text.strip() else ""


def prose_around(lines: list[str], kind: str, line: int, column: int, source: str) -> tuple[str, str]:
    """The prose right before the block (the start of its line, or the sentence above a display that opens a
    line) and right after it (the rest of its sentence)."""
    if not 0 < line <= len(lines):
        return "", ""
    before = lines[line - 1][:max(column - 1, 0)]
    if not before.strip() and kind == "display":
        before = introduction(lines, line)
    if kind == "display":
        after = words_after(lines, line, column, source)
    else:
        after = lines[line - 1][column - 1 + len(source):]
    return _last_sentence(before), re.split(r"\.\s|\.$", after)[0]


def locus_cue(before: str, after: str, names: set[str]) -> str | None:
    """The words that make the block an equation naming a locus or posed to be solved (module docstring), or None.
    ``names`` are the relation's own names (its free symbols' names)."""
    found = _BEFORE.search(before)
    if found is not None and found.group("place") and (found.group("head") or "").lower() not in _OF_LOCUS:
        found = None  # the area under the curve, the radius of the circle
    if found is not None and found.group("subject") and "$" in found.group("subject"):
        letters = set(re.findall(r"[A-Za-z]", "".join(re.findall(r"\$([^$]*)\$", found.group("subject")))))
        if not letters <= names:
            found = None  # "$f$ satisfies $$f(x + y) = f(x) f(y)$$": a property of f, not an equation in f
    if found is not None:
        return found.group(0).strip()
    found = _AFTER.search(after)
    return found.group(0).strip(" ,") if found is not None else None
