r"""A list of expressions that the sentence above it calls equal to one quantity: each item is a claim.

.. code-block:: markdown

    ... the following statements are all also equivalent to $I(X, Y)$.

    * $H(X) - H(X \mid Y)$
    * $H(Y) - H(Y \mid X)$

An item that holds nothing but one lone expression (and punctuation: ``;``, ``.``, ``,``, "and") under a lead-in
sentence that names exactly one formula and says the following items are equal or equivalent to it ("the following
... are equal to $E$", "$E$ is also equivalent to the following terms") claims ``item = E``.  The lead-in is the
last sentence of the prose that opens the list: the paragraph above the first item, or the text of the item the
list is nested in.  Without those words a list of expressions states nothing.
"""
from __future__ import annotations

import re

ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
"""The start of a Markdown list item; group 1 is its indent."""
CUE = re.compile(r"\bfollowing\b.*\b(?:equal|equivalent)\b|\b(?:equal|equivalent)\b.*\bfollowing\b", re.IGNORECASE)
"""A lead-in that calls the following items equal to a quantity."""
FORMULA = re.compile(r"\$([^$]+)\$")
ONLY_PUNCTUATION = re.compile(r"^[\s;,.:]*(?:and|or)?[\s;,.:]*$", re.IGNORECASE)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def lead_in(lines: list[str], item_line: int) -> str:
    """The last sentence of the prose that opens the list whose item starts at ``item_line`` (1-based): the
    paragraph above the list's first item, or the text of the item the list is nested in; '' when none."""
    indent = _indent(lines[item_line - 1])
    k = item_line - 2
    while k >= 0:  # up over the items of this list, their continuation lines and blank lines
        text = lines[k]
        if not text.strip() or _indent(text) > indent or (ITEM.match(text) and _indent(text) == indent):
            k -= 1
            continue
        break
    found = []
    while k >= 0 and lines[k].strip() and not lines[k].lstrip().startswith("#"):
        found.insert(0, ITEM.sub("", lines[k]).strip())
        if ITEM.match(lines[k]):
            break  # the item the list is nested in starts here
        k -= 1
    return re.split(r"(?<=[.!?:])\s+(?=[A-Z$])", " ".join(found))[-1] if found else ""


def referent(lines: list[str], item_line: int, line: int) -> str | None:
    """The LaTeX of the quantity the item at ``item_line`` is said to equal, or None (see the module
    docstring); ``line`` is the block's line, which must be the item's only line of prose."""
    if line != item_line or not 0 < item_line <= len(lines):
        return None
    rest = FORMULA.sub("", ITEM.sub("", lines[item_line - 1]), count=1)
    if "$" in rest or not ONLY_PUNCTUATION.match(rest):
        return None
    sentence = lead_in(lines, item_line)
    formulas = FORMULA.findall(sentence)
    if len(formulas) != 1 or not CUE.search(sentence):
        return None
    return formulas[0]
