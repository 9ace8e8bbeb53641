"""Registries of records by id: the catalog's formulas here; derivations and gradients use the same class."""
from __future__ import annotations

import difflib
from typing import Generic, TypeVar

from symbolic.record import Formula

T = TypeVar("T")


class UnknownId(KeyError):
    """An id that is not registered; the message lists the closest ids."""

    kind = "record"

    def __init__(self, key: str, known=()):
        close = difflib.get_close_matches(key, list(known), n=5, cutoff=0.4)
        hint = f"; closest: {', '.join(close)}" if close else ""
        self.message = f"unknown {self.kind} id {key!r}{hint}"
        super().__init__(self.message)

    def __str__(self):
        return self.message


class UnknownFormula(UnknownId):
    kind = "formula"


class Registry(Generic[T]):
    """Records (anything with an ``id``) in registration order; an id registered twice is an error."""

    def __init__(self, unknown: type[UnknownId]):
        self.unknown = unknown
        self.items: dict[str, T] = {}

    def add(self, record: T) -> T:
        if record.id in self.items:
            raise ValueError(f"{self.unknown.kind} id {record.id!r} registered twice")
        self.items[record.id] = record
        return record

    def get(self, key: str) -> T:
        try:
            return self.items[key]
        except KeyError:
            raise self.unknown(key, self.items) from None

    def all(self) -> list[T]:
        return list(self.items.values())


FORMULAS: Registry[Formula] = Registry(UnknownFormula)
_FORMULAS = FORMULAS.items


def register(formula: Formula) -> Formula:
    return FORMULAS.add(formula)


def get(fid: str) -> Formula:
    _load()
    return FORMULAS.get(fid)


def all_formulas() -> list[Formula]:
    _load()
    return FORMULAS.all()


def _load() -> None:
    from symbolic import catalog  # noqa: F401  (importing registers every record)
