"""The one registry of formulas: records are added with :func:`register`."""
from __future__ import annotations

import difflib

from .record import Formula

_FORMULAS: dict[str, Formula] = {}


class UnknownFormula(KeyError):
    """An id that is not in the catalog; the message lists the closest ids."""

    def __init__(self, fid: str):
        close = difflib.get_close_matches(fid, list(_FORMULAS), n=5, cutoff=0.4)
        hint = f"; closest: {', '.join(close)}" if close else ""
        super().__init__(f"unknown formula id {fid!r}{hint}")
        self.message = f"unknown formula id {fid!r}{hint}"

    def __str__(self):
        return self.message


def register(formula: Formula) -> Formula:
    if formula.id in _FORMULAS:
        raise ValueError(f"formula id {formula.id!r} registered twice")
    _FORMULAS[formula.id] = formula
    return formula


def get(fid: str) -> Formula:
    _load()
    try:
        return _FORMULAS[fid]
    except KeyError:
        raise UnknownFormula(fid) from None


def all_formulas() -> list[Formula]:
    _load()
    return list(_FORMULAS.values())


def _load() -> None:
    from . import catalog  # noqa: F401  (importing registers every record)
