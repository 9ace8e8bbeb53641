"""A derivation with its verdicts, and whether each verdict is what the step expects."""
from __future__ import annotations

from dataclasses import dataclass

from derivations.checker.step import Derivation, Step
from derivations.checker.verdict import Verdict, worst


def as_expected(step: Step, verdict: Verdict) -> bool:
    """A true claim must hold; a recorded mistake must be refuted."""
    return verdict.holds if step.expect == "holds" else verdict.kind == "refuted"


@dataclass(frozen=True)
class CheckedDerivation:
    derivation: Derivation
    verdicts: tuple[Verdict, ...]

    @property
    def ok(self) -> bool:
        return all(as_expected(s, v) for s, v in zip(self.derivation.steps, self.verdicts))

    @property
    def worst(self) -> str:
        return worst(v.kind for v in self.verdicts)

    def to_json(self) -> dict:
        d = self.derivation
        return {
            "id": d.id,
            "title": d.title,
            "catalog_id": d.catalog_id,
            "source": d.source,
            "ok": self.ok,
            "steps": [
                {
                    "index": n,
                    "lhs": str(s.lhs),
                    "rel": s.rel,
                    "rhs": str(s.rhs),
                    "variable": None if s.variable is None else str(s.variable),
                    "point": None if s.point is None else str(s.point),
                    "justification": s.justification,
                    "assumptions": [str(a) for a in s.assumptions],
                    "expect": s.expect,
                    "note": s.note,
                    "as_expected": as_expected(s, v),
                    **v.to_json(),
                    "verdict": v.kind,
                }
                for n, (s, v) in enumerate(zip(d.steps, self.verdicts), start=1)
            ],
        }
