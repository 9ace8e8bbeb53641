r"""A condition that ends a display's sentence after it: "$$x^{1/3} \le x$$ whenever $x \ge 1$."

A display may be followed, in the same sentence, by the condition it is claimed under: "for all $x \ge 0$",
"whenever $x \ge 1$", "if $t > 0$", "provided $z \ne 1$".  Read only as a condition of the section from its own
block on, it came after the check: $x^{1/3} \le x$ was refuted at $x = 1/2$, a point the sentence excludes.  The
condition is the display's own, as ``\text{whenever } x \ge 1`` inside it would be (and it stays a condition of the
section after it, as before).  "where $x \ge 1$" states one too when its math is an inequality (``\ge``, ``<``,
``\neq``, ``\in``): "$$x^3 \ge x$$ where $x \ge 1$." was refuted at x = 1/2.  After *where* an equation gives a
name of the claim its value ("where $A = \tau$ and $B = \tau\mu$", :func:`defines`), read with the notes' definitions.

The same holds for an inline claim ("$\sqrt{x^2} = -x$ for $x < 0$.") and for a sign in words: "for every negative
real $x$", "when $x$ is negative" state ``x < 0`` as ``for $x < 0$`` does; and "where $x < 0$" after a display is its
condition when the math is a condition (a definition after "where" states none).  A sign given to a letter the prose
writes without dollars before the claim in its sentence ("For negative x we have $\sqrt{x^2} = -x$") is read the
same way (:func:`leading_condition`).
"""
from __future__ import annotations

import re

_SIGN = r"(?:strictly\s+)?(?P<sign>non-?negative|non-?positive|non-?zero|negative|positive)"
CUE = re.compile(r"^\s*[,;]?\s*(?:(?:which\s+|and\s+(?:this\s+|it\s+)?)?(?:holds|is\s+true|is\s+valid|applies)\s+)?"
                 r"(?:for\s+(?:all|every|any|each)\s+|for\s+|whenever\s+|when\s+|if\s+|provided\s+(?:that\s+)?"
                 r"|as\s+long\s+as\s+|(?P<where>where\s+))(?:" + _SIGN + r"\s+(?:real\s+|integer\s+)?"
                 r"(?:(?:numbers?|reals?|values?)\s+)?)?\$(?P<math>[^$]+)\$(?P<rest>[^$]*)")
"""The words after a claim that state its condition, and the inline math they name: in lower case, the claim's
sentence going on ("If $a < 0$ ..." after it starts a sentence of its own); a sign word before the math ("for every
negative real $x$") or after it ("when $x$ is negative") makes it the sign's condition."""
_SIGN_AFTER = re.compile(r"^\s*(?:is|are)\s+" + _SIGN + r"\b(?!\s*(?:-|definite|semi))")
_LEADING = re.compile(r"\b(?:for|when|if)\s+(?:(?:all|every|any|each)\s+)?" + _SIGN
                      + r"\s+(?:real\s+)?(?:(?:numbers?|reals?|values?(?:\s+of)?)\s+)?(?P<letter>[A-Za-z])\b(?P<rest>[^$]*)$",
                      re.IGNORECASE)
"""A sign given in the claim's sentence, before it, to a letter written without dollars: "For negative x we have"."""
_RELATION = {"negative": "<", "positive": ">", "nonnegative": r"\ge", "nonpositive": r"\le", "nonzero": r"\ne"}
MORE = re.compile(r"\s*(?:,\s*(?:and\s+|with\s+)?|\s+and\s+|\s+with\s+)\$(?P<math>[^$]+)\$")
r"""A further formula of a "where" clause: "where $A = \tau$ and $B = \tau\mu$", "where $a = 1$, $b = 2$"."""


def _signed(math: str, sign: str) -> str:
    return f"{math} {_RELATION[sign.lower().replace('-', '')]} 0"


_RELATION_MATH = re.compile(r"[<>]|\\(?:le|ge|leq|geq|ne|neq|in|notin|lt|gt)\b|=")


def _condition(math: str) -> bool:
    """Whether a further formula after a condition states one too (a relation: ``p > 1``, ``1/p + 1/q = 1``)."""
    return _RELATION_MATH.search(math) is not None


def trailing_conditions(after: str) -> tuple[str, ...]:
    r"""The LaTeX of the conditions ``after`` (the prose right after a claim, its sentence going on) states: the
    formula after the cue word (a sign in words written out: "for negative $x$" and "when $x$ is negative" give
    ``x < 0``) and each further one the clause lists with "and", "with" or a comma: after "where" any ("where
    $A = \tau$ and $B = \tau\mu$": the claim's names are those), after another cue a relation (Young's inequality
    "for $a, b \ge 0$ and $\frac1p + \frac1q = 1$ with $p > 1$"); () when a full stop or another formula comes first,
    or no cue."""
    match = CUE.match(after)
    if match is None:
        return ()
    sign = match.group("sign") or getattr(_SIGN_AFTER.match(match.group("rest")), "group", lambda _: None)("sign")
    found, end = [_signed(match.group("math"), sign) if sign else match.group("math")], match.end("math") + 1
    while not sign and (more := MORE.match(after, end)) and (match.group("where") or _condition(more.group("math"))):
        found.append(more.group("math"))
        end = more.end()
    return tuple(found)


def defines(after: str) -> bool:
    r"""Whether the clause after a claim is a "where" clause: its equations name the claim's letters
    ("where $A = \tau$"), values given, not conditions tested."""
    match = CUE.match(after)
    return bool(match and match.group("where"))


def leading_condition(before: str) -> str | None:
    """The LaTeX of a sign the words ``before`` a claim, in its sentence, give to a letter written without dollars
    ("For negative x we have"), or None."""
    sentence = re.split(r"[.;!?](?:\s|$)|\n\s*\n", before)[-1]
    match = _LEADING.search(sentence)
    if match is None or re.search(r"\b(?:and|or|but|respectively)\b|,", match.group("rest").lstrip(" ,")):
        return None
    return _signed(match.group("letter"), match.group("sign"))


def words_after(lines: list[str], line: int, column: int, source: str) -> str:
    """The prose right after a display that opens at ``line``, ``column`` (1-based) with text ``source``: the rest of
    the line it closes on, or else the next non-blank line (one blank line between, as Markdown writes a display);
    nothing when the display ends with a full stop."""
    last = line - 1 + source.count("\n")
    if not 0 <= last < len(lines) or re.search(r"\.\s*(?:\$\$|\\\]|\\end\{[a-z*]+\})?\s*\Z", source):
        return ""  # the display ends its sentence with a full stop
    start = column - 1 + len(source) if "\n" not in source else len(source) - source.rfind("\n") - 1
    rest = lines[last][start:]
    for k in (last + 1, last + 2):
        if rest.strip() or k >= len(lines):
            break
        rest = lines[k]
    return "" if rest.lstrip().startswith(("#", "$$", "\\[")) else rest
