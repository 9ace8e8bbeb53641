r"""An ``array`` laid out as a chain of relations, read as ``eqnarray`` is.

Books that typeset with plain ``array`` write a derivation as three columns, the relation alone in the middle one::

    \begin{array}{rcl}
    p(\theta \mid y) & \propto & p(y \mid \theta) \, p(\theta)
    \\[4pt]
    & = & \theta^y (1 - \theta)^{N - y}
    \end{array}

That is ``p(theta | y) ∝ p(y | theta) p(theta) = theta^y (1 - theta)^(N - y)``, the layout of ``eqnarray``
(``a &=& b``), never a case split or a matrix.  :func:`relation_array_end` tells such an array from the others: three
columns, and every row's middle cell one relation (an empty row, such as a trailing ``\\``, aside).
"""
from __future__ import annotations

import re

from readers.latex.tables import RELATIONS

_SPEC = re.compile(r"\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
r"""An array's column specification (``{rcl}``, ``{r@{\;}c@{\;}l}``)."""
_ENV = re.compile(r"\\(begin|end)\s*\{\s*([A-Za-z*]+)\s*\}")
_ROW_BREAK = re.compile(r"\\\\(?:\s*\[[^\]]{0,20}\])?")
_RELATION = re.compile(r"(?:\\(%s)(?![A-Za-z])|(%s))" % (
    "|".join(sorted((k for k in RELATIONS if k.isalpha()), key=len, reverse=True)),
    "|".join(re.escape(k) for k in sorted((k for k in RELATIONS if not k.isalpha()), key=len, reverse=True))))
_SPACING = re.compile(r"(?:\s|~|\\[,;:!> \n]|\\q?quad(?![A-Za-z])|\\displaystyle(?![A-Za-z]))*")


def relation_array_end(text: str, spec_start: int) -> int | None:
    r"""Where the ``\end{array}`` of the array whose column specification starts at ``spec_start`` begins, when the
    array is a chain of relations (three columns, each row's middle cell one relation from ``RELATIONS``); else
    None."""
    spec = _SPEC.match(text, spec_start)
    if spec is None or len(re.sub(r"@\{[^{}]*\}|[|\s]", "", spec.group(1))) != 3:
        return None
    end = _matching_end(text, spec.end())
    if end is None:
        return None
    rows = [r for r in _split(text[spec.end():end], _ROW_BREAK) if r.strip()]
    if not rows:
        return None
    for row in rows:
        cells = _split(row, re.compile("&"))
        if len(cells) != 3 or not _is_relation(cells[1]):
            return None
    return end


def _is_relation(cell: str) -> bool:
    inner = _SPACING.sub("", cell)
    match = _RELATION.fullmatch(inner)
    return match is not None


def _matching_end(text: str, pos: int) -> int | None:
    r"""The start of the ``\end{array}`` that closes the array opened before ``pos`` (nested arrays skipped)."""
    depth = 0
    for m in _ENV.finditer(text, pos):
        if m.group(2) != "array":
            continue
        if m.group(1) == "begin":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return m.start()
    return None


def _split(text: str, separator: re.Pattern) -> list[str]:
    r"""``text`` cut at ``separator`` where it stands outside braces and inner environments."""
    parts, depth, env_depth, last, k = [], 0, 0, 0, 0
    while k < len(text):
        env = _ENV.match(text, k)
        if env:
            env_depth += 1 if env.group(1) == "begin" else -1
            k = env.end()
            continue
        ch = text[k]
        if ch == "\\" and not (depth == 0 and env_depth == 0 and separator.match(text, k)):
            k += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and env_depth == 0:
            sep = separator.match(text, k)
            if sep:
                parts.append(text[last:k])
                last = k = sep.end()
                continue
        k += 1
    parts.append(text[last:])
    return parts
