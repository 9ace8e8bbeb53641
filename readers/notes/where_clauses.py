r"""A where-clause after a definition binds its name for that definition (and the rest of its section).

.. code-block:: latex

    # Logistic unit
    The output is $\hat y = \sigma(z)$.
    # Squared error
    Take $$L = \frac12(\hat y - y)^2$$ with $\hat y = wx + b$.
    Then $$\frac{\partial L}{\partial w} = (\hat y - y)x$$

The clause ("with", "where", ", where", "for") right after the block that defines ``L`` says what ``\hat y`` is *in
that definition*: ``L = \frac12(wx + b - y)^2``, not the earlier section's ``\frac12(\sigma(z) - y)^2`` (under which
the derivative by ``w`` was "not given as a function of w", and a wrong twin without the factor ``x`` was not
caught).  The clause's name takes the clause's value for the definition it follows and for the rest of the section;
at the next heading the earlier definition of the name is back (the clause leaks nowhere else).

Only a clause that names a formula (``\hat y = wx + b``; a number stays an example) for a name the notes defined
before, in the definition that ends right before it (on its line, or the line above ending with the display), binds.
"""
from __future__ import annotations

import re

_AFTER_BLOCK = re.compile(r"(?:\$\$|\\\]|\\end\{(?:equation|align)\*?\}|\$)\s*[.,;:]?\s*,?\s*\b(?:with|where|for)\s*$",
                          re.IGNORECASE)
_CUE_ALONE = re.compile(r"^\s*,?\s*(?:with|where|for)\s*$", re.IGNORECASE)
_ENDS_DISPLAY = re.compile(r"(?:\$\$|\\\]|\\end\{(?:equation|align)\*?\})\s*[.,;:]?\s*$")


def follows_a_block(lines: list[str], line: int, column: int) -> int | None:
    """The line of the block the inline formula at ``(line, column)`` is a where-clause of (the same line when the
    words "with"/"where"/"for" follow a formula there, the line above when they open the line after a display),
    else None."""
    if not 0 < line <= len(lines):
        return None
    before = lines[line - 1][:max(column - 1, 0)]
    if _AFTER_BLOCK.search(before):
        return line
    if _CUE_ALONE.match(before) and line > 1 and _ENDS_DISPLAY.search(lines[line - 2]):
        return line - 1
    return None
