r"""One law stated for a list of variables: ``X, Y \sim \mathcal{N}(0, 1)``, ``q_i, k_i \sim \mathcal{N}(0, 1)``.

The LaTeX reader reads a list before a relation as its first name and keeps the relation's other side only for an
inequality (``a, b > 0`` states ``a > 0`` and ``b > 0``); after ``\sim`` the law was lost, so no moment of ``X`` or
``Y`` was read from it.  Each listed name gets the law, as if written ``X \sim \mathcal{N}(0, 1)``,
``Y \sim \mathcal{N}(0, 1)``.
"""
from __future__ import annotations

import re

_NAME = r"\\?[A-Za-z]+(?:_\{?\\?[A-Za-z0-9]+\}?)?"
_LISTED = re.compile(rf"^\s*(?P<names>{_NAME}(?:\s*,\s*{_NAME})+)\s*\\sim\s*(?P<law>.+?)\s*[.,;]?\s*$", re.DOTALL)


def listed_laws(text: str, parse) -> list[tuple]:
    """``[(name, law)]`` for a row ``text`` that states one law for a list of names (each parsed with ``parse``,
    LaTeX to one expression); [] for any other row or when a part does not parse."""
    found = _LISTED.match(text)
    if found is None:
        return []
    try:
        law = parse(found.group("law"))
        return [(parse(n.strip()), law) for n in found.group("names").split(",")]
    except Exception:  # noqa: BLE001 - a part with no reading: no law
        return []
