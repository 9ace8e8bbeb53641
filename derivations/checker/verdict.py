r"""Verdicts as values: what the engine concluded about a claim, and how it knows.

``proved``    symbolically, under the stated assumptions;
``verified``  numeric evidence at many high-precision points (not a proof);
``refuted``   with a concrete counterexample;
``undecided`` with the reason.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Kind = Literal["proved", "verified", "refuted", "undecided", "error"]

KINDS: tuple[str, ...] = ("proved", "verified", "undecided", "refuted", "error")
"""Ordered from best to worst; :func:`worst` picks the last one present."""


@dataclass(frozen=True)
class Verdict:
    kind: Kind
    method: str = ""
    assumptions: tuple[str, ...] = ()
    counterexample: dict[str, str] | None = None
    reason: str = ""
    seconds: float = 0.0
    points: int = 0
    details: dict[str, str] = field(default_factory=dict)

    @property
    def holds(self) -> bool:
        return self.kind in ("proved", "verified")

    def to_json(self) -> dict:
        return asdict(self) | {"assumptions": list(self.assumptions)}

    def summary(self) -> str:
        text = f"{self.kind} ({self.method})" if self.method else self.kind
        if self.reason:
            text += f": {self.reason}"
        return text


def worst(kinds) -> str:
    """The worst verdict kind among ``kinds`` (``proved`` for none)."""
    ranks = [KINDS.index(k) for k in kinds]
    return KINDS[max(ranks)] if ranks else "proved"
