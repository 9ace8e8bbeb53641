r"""A unit in square brackets after a number, ``4.92\,[\mathrm{cm}]``, ``0.024 [\rm cm]^{2}``: one unit is 1.

Worked examples in science and statistics texts carry their unit on every number, in brackets as the SI style
writes it (``[\rm cm]``, ``[\mathrm{m}]``, ``[\text{kg}]``), squared where the quantity is
(:math:`S^2 = 0.024\,[\mathrm{cm}]^2`).  The reader has no units, and ``\rm`` inside a bracket is no formula.  When
a block writes one unit only, an equation between its quantities holds with the unit as it holds with the unit set to
1 (both sides carry the same power of it), so :func:`one_unit_as_one` blanks each bracketed unit and its power (the
text keeps its length: positions in errors stay right).  A block with two units (``1\,[\mathrm{m}] = 100\,
[\mathrm{cm}]``) is left as written: setting both to 1 would change what it says.
"""
from __future__ import annotations

import re

_UNIT = re.compile(r"\[\s*(?:\\rm\s+|\\mathrm\s*\{\s*|\\text\s*\{\s*)([A-Za-z]+)\s*\}?\s*\]"
                   r"(\s*\^\s*(?:\{\s*-?\d+\s*\}|\d))?")
r"""``[\rm cm]``, ``[\mathrm{cm}]``, ``[\text{kg}]``, with an optional power ``^{2}``."""


def one_unit_as_one(text: str) -> str:
    """``text`` with its bracketed units (and their powers) blanked when it writes exactly one unit; else as it is."""
    found = list(_UNIT.finditer(text))
    if not found or len({m.group(1) for m in found}) != 1:
        return text
    return _UNIT.sub(lambda m: " " * len(m.group(0)), text)
