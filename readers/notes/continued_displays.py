r"""A display that opens with a relation continues the display just before it.

Notes written without an ``aligned`` environment split one derivation over several displays, each after the first
opening with ``=``:

.. code-block:: text

    $$P_2'(x_n) = \frac{f(x_{n+1}) - f(x_n)}{\Delta x} - \dots$$

    $$= \frac{2 f(x_{n+1}) - 2 f(x_n) - f(x_{n+1}) + 2 f(x_n) - f(x_{n-1})}{2 \Delta x}$$

    $$= \frac{f(x_{n+1}) - f(x_{n-1})}{2 \Delta x}$$

The left side of such a display is the last side of the display before it, when only blank lines stand between
them (any word between may change what is continued: "and similarly", "evaluating at x = x_n").  The link is read
from the layout, not written, so a failure of the first relation refutes nothing (the caller says undecided).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tail:
    """The last side of a display, and the lines it spans (1-based, inclusive)."""

    expr: object
    first_line: int
    last_line: int
    section: int


def end_line(frag) -> int:
    """The last line of a fragment: its first line plus the line breaks of its source."""
    return frag.line + frag.source.count("\n")


def continued(tail: Tail | None, frag, lines) -> Tail | None:
    """``tail`` when the display ``frag`` may continue it: a display of the same section whose only lines between
    the two are blank; else None."""
    if tail is None or frag.kind != "display" or tail.section != frag.section or tail.last_line >= frag.line:
        return None
    between = lines[tail.last_line:frag.line - 1]  # lines after the tail's last, before frag's first (0-based)
    if any(line.strip() for line in between):
        return None
    return tail
