r"""An extreme value stated in prose: "the maximum of $F$ is $v$", "the minimum value of $F$ is $v$, at $x = c$".

The sentence claims :math:`\max_x F(x) = v` over the real line (or the section's conditions on ``x``), which is two
claims the checker can decide:

.. math:: F(x) \le v \text{ for every } x \quad (\ge \text{ for a minimum}), \qquad F(c) = v \text{ at the point named}.

The first refutes with a point where ``F`` exceeds ``v``; with the point named ("attained at $x = 0$") the second
confirms that ``v`` is reached, or refutes with ``x = c``.  Without a point, a bound that holds does not show that
``v`` is reached (``x e^{-x} \le 1`` holds, the maximum is ``1/e``), so the claim is never confirmed then.  ``F`` must
be an expression in one variable; the block after the words is ``v``.
"""
from __future__ import annotations

import re

EXTREMUM_OF = re.compile(r"\b(?:the\s+)?(?P<kind>maximum|minimum|largest|smallest|greatest|least)(?:\s+value)?\s+of\s+"
                         r"\$(?P<f>[^$]+)\$\s*,?\s*(?:is|equals|is\s+equal\s+to)\s*$", re.IGNORECASE)
"""The prose right before the block: "the maximum (value) of $F$ is"."""

ATTAINED_AT = re.compile(r"^\s*,?\s*(?:(?:which\s+is\s+|and\s+is\s+|it\s+is\s+)?(?:attained|achieved|reached|taken)\s+)?"
                         r"(?:at|when|for)\s+\$(?P<x>[^$=]+)=(?P<c>[^$]+)\$", re.IGNORECASE)
"""The words right after the block that name the point: ", attained at $x = 0$"."""


def stated_extremum(before: str) -> tuple[str, str] | None:
    """``(kind, F)``: kind "max" or "min", F as LaTeX, from the prose right before a block; else None."""
    found = EXTREMUM_OF.search(before.rstrip())
    if found is None:
        return None
    kind = "max" if found.group("kind").lower() in ("maximum", "largest", "greatest") else "min"
    return kind, found.group("f")


def attained_at(after: str) -> tuple[str, str] | None:
    """``(x, c)`` as LaTeX where the words after the block name the point; else None."""
    found = ATTAINED_AT.match(after)
    return (found.group("x").strip(), found.group("c").strip()) if found else None
