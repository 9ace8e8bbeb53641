r"""A function defined in the clause that continues a claim's sentence, read in that claim.

.. code-block:: latex

    $$\frac{d}{dx}\left[x\,s(x)\right] = s(x) + x\,s(x)(1 - s(x))$$
    with $s(x) = 1/(1 + e^{-x})$.

The display applies ``s`` before the notes define it: its definition comes in the words right after
(``where``/``with``, the claim's sentence going on).  The claim is read with that definition,
:math:`s(x) = 1/(1 + e^{-x})`, as a name given a value there is (``where $A = \tau$``,
readers.notes.trailing_conditions); the inline block that follows then defines ``s`` for the rest of the notes, as
it always did.  Only a function the claim applies and the section does not define is read so, with distinct names for
arguments, a body that uses them, and no call of itself.
"""
from __future__ import annotations

import re

from readers.notes.premises import defines_function

_WHERE = re.compile(r"^\s*[,;]?\s*(?:where|with)\s+\$(?P<math>[^$]+)\$")
"""The words after a claim that define what it uses: "where $s(x) = \\dots$", "with $g(z) = \\dots$"."""


def where_function(after: str, parse, used: set) -> tuple | None:
    """``(name, (arguments, body))`` for the function the clause ``after`` a claim defines, when the claim applies it
    (``used``: names of functions the claim applies that the section does not define); None otherwise.  ``parse``
    reads the clause's LaTeX into a block."""
    found = _WHERE.match(after)
    if found is None or not used:
        return None
    try:
        block = parse(found.group("math"))
    except Exception:  # noqa: BLE001 - a clause that does not parse defines nothing
        return None
    rows = [r for r in block.rows if r.kind not in ("empty", "prose")]
    if len(rows) != 1 or rows[0].continued or list(rows[0].chain.rels) != ["="]:
        return None
    head, body = rows[0].chain.exprs
    if not defines_function(head, body) or head.func.__name__ not in used:
        return None
    return head.func.__name__, (head.args, body)
