r"""A subscript that is a 0/1 label followed by an index: ``Y_{0i}``, ``Y_{1i}`` (the potential outcomes of unit i),
``X_{1i}`` (regressor 1 of unit i), ``\beta_{0j}`` (group j's intercept), ``a_{1n}`` (row 1 of a matrix).

Never the entry ``0 \cdot i`` or ``1 \cdot i`` of ``Y``: nobody writes ``0i`` for the constant 0 or ``1i`` for ``i``,
and the product reading made ``Y_i = Y_{0i} + T_i(Y_{1i} - Y_{0i})`` a claim about ``Y[0]`` and ``Y[i]`` that fails.
Where the block writes the same letter with another two-place subscript (``a_{11}``, ``a_{mn}``, ``\sigma_{12}``), the
label is a row: ``a_{1n}`` is the entry ``a[1, n]`` of that matrix.  Otherwise it names another array: ``Y_{0i}`` is
entry i of ``Y^{(0)}`` (a labelled name, as the other common notation ``Y_i^{(0)}`` writes it, and no member ``Y_0``
of a family ``Y_i``).  A larger digit stays a product (``x_{2i}``, ``PE_{(pos, 2i)}``: the even entries), as do
subscripts with an operator (``x_{2i+1}``).
"""
from __future__ import annotations

import re

_LABEL_THEN_INDEX = re.compile(r"\{\s*([01])\s*([A-Za-z]+)\s*\}")


def labelled_entry(subtext: str, index_names) -> tuple[str, str] | None:
    """``(label, index letters)`` of a braced subscript ``{0i}``/``{1ij}`` whose letters are all indices of the
    block, else None."""
    m = _LABEL_THEN_INDEX.fullmatch(subtext)
    if m is None or not all(ch in index_names for ch in m.group(2)):
        return None
    return m.group(1), m.group(2)


def two_place_elsewhere(text: str, base: str) -> bool:
    r"""Whether ``text`` writes ``base`` with a two-place subscript that is no 0/1 label before letters (``a_{11}``,
    ``a_{mn}``, ``a_{i,j}``, ``\sigma_{12}``): then the letter is a matrix and ``a_{1n}`` its entry ``a[1, n]``."""
    pattern = r"(?<![A-Za-z])\\?" + re.escape(base) + r"\s*_\s*\{\s*([A-Za-z0-9])\s*,?\s*([A-Za-z0-9])\s*\}"
    return any(not (a in "01" and b.isalpha()) for a, b in re.findall(pattern, text))
