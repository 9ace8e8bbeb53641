r"""Labelled claims as data, and the tally of verdicts against their truth (shared by tests and benchmarks).

A claim is ``{"id", "lhs", "rhs", "rel", "assume": [...], "truth": bool, ...}``; a verdict is *wrong*
when a false claim is ``proved`` or ``verified``, a true one ``refuted``, or the checker errs.
"""
from __future__ import annotations

import collections
import json
from dataclasses import dataclass, field


def load_claims(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def wrong(truth: bool, kind: str) -> bool:
    """A false claim that holds, a true claim refuted, or an error."""
    if kind == "error":
        return True
    return kind in ("proved", "verified") if not truth else kind == "refuted"


@dataclass
class Tally:
    """Verdict kinds by truth, the wrong ones, and the time spent."""

    counts: dict = field(default_factory=lambda: {True: collections.Counter(), False: collections.Counter()})
    wrong: list = field(default_factory=list)
    seconds: float = 0.0

    def add(self, claim_id: str, truth: bool, kind: str, seconds: float, detail: str = "") -> None:
        self.counts[truth][kind] += 1
        self.seconds += seconds
        if wrong(truth, kind):
            self.wrong.append((claim_id, truth, kind, detail))

    @property
    def cases(self) -> int:
        return sum(sum(c.values()) for c in self.counts.values())

    def undecided_rate(self, truth: bool = True) -> float:
        total = sum(self.counts[truth].values())
        return self.counts[truth]["undecided"] / total if total else 0.0

    def to_json(self) -> dict:
        return {"cases": self.cases, "true": dict(self.counts[True]), "false": dict(self.counts[False]),
                "wrong": [list(w) for w in self.wrong], "seconds_per_case": self.seconds / max(self.cases, 1),
                "undecided_rate_on_true": self.undecided_rate(True)}

    def text(self) -> str:
        return (f"{self.cases} cases; true claims: {dict(self.counts[True])}; false claims: {dict(self.counts[False])}; "
                f"wrong: {len(self.wrong)}; undecided on true claims: {100 * self.undecided_rate(True):.1f}%; "
                f"{self.seconds / max(self.cases, 1):.2f} s per case")
