r"""A block whose own sentence says it holds "for all real numbers $a$ and $b$" is claimed on the whole real line.

A section may first state ``For $a, b \ge 0$ ...`` and then draw "Hence for all real numbers $a$ and $b$,
$$\frac{a+b}{2} \ge \sqrt{ab}.$$": the words right before the block are nearer than the section's condition and
widen the domain of the names they list, so the section's conditions on those names are not in force for this
block (here ``a = b = -1`` is a real counterexample the author's own words allow).  Only "for all / every / any
real ..." followed by the names is read; other phrasings leave the conditions as they are.  The block may say it
itself, ``\sin x \le x \quad \text{for every real } x``, or quantify a name with its own bound, ``n! > 2^n \quad
\text{for every integer } n \ge 3`` after "for every integer $n \ge 4$" (:func:`widened_in_block`): the block's own
quantifier replaces the section's conditions on that name, and the domain it states is explicit, not left implicit.
"""
from __future__ import annotations

import re

_NAMES = r"\$[^$]{1,40}\$(?:\s*(?:,\s*and|,|and)\s*\$[^$]{1,40}\$)*"
ALL_REAL = re.compile(r"\bfor\s+(?:all|every|any)\s+real(?:\s+numbers?|\s+values?)?\s+(" + _NAMES + ")", re.IGNORECASE)


UNNAMED_REAL = re.compile(r"\b(?:all|every|any)\s+real\s+(?:numbers?|values?)\b(?!\s*\$)", re.IGNORECASE)
""""of one minus any real number": the whole real line, with no name written after the words."""


def unnamed_real(text: str) -> bool:
    r"""Whether ``text`` (the words right before a block) quantifies over "any real number" without naming it ("the
    logarithm of one minus any real number is negative: $$\ln(1 - x) < 0$$"): the domain of a claim in one name is
    then stated, the whole line, not left implicit (a domain stated this way is read for a claim in one name only)."""
    return UNNAMED_REAL.search(text) is not None


def widened_names(text: str) -> set[str]:
    """The names "for all real ..." in ``text`` lists (``{'a', 'b'}``), written as plain letters or commands."""
    out = set()
    for m in ALL_REAL.finditer(text):
        for group in re.findall(r"\$([^$]+)\$", m.group(1)):
            for part in group.split(","):
                name = part.strip().lstrip("\\")
                if re.fullmatch(r"[A-Za-z]+", name):
                    out.add(name)
    return out


IN_BLOCK = re.compile(r"\\text\{\s*for\s+(?:all|every|any|each)((?:\s+(?:real|integer|natural|positive|"
                      r"non-?negative|whole))*)(?:\s+(?:numbers?|values?|integers?))?\s*\}\s*\\?([A-Za-z]+)",
                      re.IGNORECASE)


def widened_in_block(content: str) -> set[str]:
    r"""The names a block's own ``\text{for every real } x`` or ``\text{for every integer } n \ge 3`` quantifies
    (``{'x'}``, ``{'n'}``): the block states their domain itself (its own bound, if any, is the block's condition),
    so the section's earlier conditions on them are not in force.  After "the bound needs $x \ge 0$" in the prose,
    ``\sin x \le x \quad \text{for every real } x`` is claimed on the whole line, not for x >= 0; after "for every
    integer $n \ge 4$" above, ``n! > 2^n \quad \text{for every integer } n \ge 3`` is claimed from 3 on."""
    return {m.group(2) for m in IN_BLOCK.finditer(content) if m.group(1).strip() or _bare_quantifier(content, m)}


def _bare_quantifier(content: str, m: re.Match) -> bool:
    r"""``\text{for all } x \ge 0`` with no kind word: a quantifier only when a bound on the name follows it."""
    return re.match(r"\s*(?:\\geq?|\\leq?|\\neq?|\\in\b|>|<)", content[m.end():]) is not None


ANY_REAL_BEFORE = re.compile(r"\b(?:all|every|any|an\s+arbitrary|arbitrary)\s+real(?:\s+numbers?|\s+values?)?\s+"
                             r"(?:\$[^$]*\$\s*(?:,\s*and|,|and)\s+)*$", re.IGNORECASE)
"""Words before a name that make it any real number: "take any real $a$", "for an arbitrary real $c$"."""
ANY_REAL_AFTER = re.compile(r"^\s*(?:be|is|denotes?|stands\s+for)\s+(?:any|an\s+arbitrary|every)\s+real\b",
                            re.IGNORECASE)
"""Words after a name that make it any real number: "let $b$ be any real number", "$c$ is an arbitrary real"."""


def freed_name(block, before: str, after: str):
    r"""The name ``block`` writes (one bare inline name) when the words around it make it any real number ("Now take
    any real $a$", "Let $b$ be any real number"); else None.  The section's earlier conditions on the name end there,
    as a new condition on it would end them: after "Suppose $a > 1$", "Now take any real $a$: $$a^2 > a$$" was
    verified under a > 1, though it fails at a = 1/2."""
    import sympy as sp

    from readers.notes.sign_words import bare_name

    if ANY_REAL_BEFORE.search(before) is None and ANY_REAL_AFTER.match(after) is None:
        return None
    name = bare_name(block)
    return name if isinstance(name, sp.Symbol) else None
